"""Original files kept content-addressed (sha256 of the bytes), so the reader can offer "Tải bản
gốc" (the footer tells users to check the original) and a PDF can open at the cited page.

    store = Originals(settings.resolved_originals_dir())
    digest = store.put(data)            # idempotent; the same bytes are stored once
    data = store.get(digest)            # None when absent

Files live at <dir>/<ab>/<sha256>; writes go to a temporary file renamed into place, so a crash
never leaves a half-written original under its final name."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

_DIGEST = re.compile(r"^[0-9a-f]{64}$")


class Originals:
    def __init__(self, directory: Path):
        self.directory = Path(directory)

    def path(self, digest: str) -> Path:
        if not _DIGEST.match(digest or ""):
            raise ValueError("not a sha256 hex digest")  # never a path from user input
        return self.directory / digest[:2] / digest

    def put(self, data: bytes) -> str:
        """Store the bytes (once) and return their sha256."""
        digest = hashlib.sha256(data).hexdigest()
        target = self.path(digest)
        if target.exists() and target.stat().st_size == len(data):
            return digest
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{digest}.{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        return digest

    def get(self, digest: str) -> bytes | None:
        """The stored bytes, or None when absent or damaged (content no longer matches)."""
        try:
            data = self.path(digest).read_bytes()
        except (OSError, ValueError):
            return None
        return data if hashlib.sha256(data).hexdigest() == digest else None

    def has(self, digest: str) -> bool:
        try:
            return self.path(digest).exists()
        except ValueError:
            return False

    def delete(self, digest: str) -> None:
        """Remove an original no document refers to any more."""
        try:
            self.path(digest).unlink(missing_ok=True)
        except ValueError:
            pass

    def digests(self) -> set[str]:
        if not self.directory.exists():
            return set()
        return {p.name for p in self.directory.glob("??/*") if _DIGEST.match(p.name)}
