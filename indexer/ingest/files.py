"""Which files of the given paths get indexed, and a reason for every one that does not.

The README promises a reason for every file skipped: a folder's unknown or unsupported files are
returned as failures (source, code, reason) next to the supported paths, never dropped silently.
Hidden directories (.git, .cache) are not entered: they hold no documents of the office's own."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .errors import MESSAGES_VI
from .readers import SUPPORTED


@dataclass
class Skipped:
    """A file that will not be indexed, and why (``code`` for the UI's Vietnamese wording)."""

    source: str
    code: str
    reason: str
    status: str = "failed"

    @property
    def reason_vi(self) -> str:
        return MESSAGES_VI.get(self.code, self.reason)


def _supported_list() -> str:
    return ", ".join(sorted(SUPPORTED))


def check_name(path: Path) -> Skipped | None:
    """Why a file is skipped from its name alone, or None when it is to be read."""
    name = path.name
    if name.startswith("~$") or name.startswith(".~lock."):
        return Skipped(str(path), "temporary", "an editor's lock or temporary file, not a document")
    if name.startswith("."):
        return Skipped(str(path), "hidden", "hidden file (its name starts with '.')")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        kind = f"'{suffix}'" if suffix else "without an extension"
        return Skipped(str(path), "unsupported", f"unsupported file type {kind} (supported: "
                                                 f"{_supported_list()})")
    return None


def collect_files(paths: list[Path]) -> tuple[list[Path], list[Skipped]]:
    """Supported files under the given paths (recursively, sorted, de-duplicated), and a Skipped
    record for every other file met and every path that does not exist or cannot be read."""
    found: list[Path] = []
    skipped: list[Skipped] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            def failed_dir(err: OSError) -> None:
                skipped.append(Skipped(str(err.filename or path), "unreadable",
                                       f"cannot read the folder: {err.strerror or err}"))

            for root, dirs, files in os.walk(path, onerror=failed_dir):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    file = Path(root) / name
                    problem = check_name(file)
                    if problem:
                        skipped.append(problem)
                    elif not file.is_file():
                        skipped.append(Skipped(str(file), "unreadable", "not a regular file (broken "
                                                                         "link, device or pipe)"))
                    else:
                        found.append(file)
        elif path.is_file():
            problem = check_name(path)
            if problem and problem.code == "unsupported":
                skipped.append(problem)
            else:
                found.append(path)  # named explicitly: read even if hidden
        else:
            skipped.append(Skipped(str(path), "unreadable", "no such file or directory"))
    unique = sorted({p.resolve() for p in found})
    return unique, sorted(skipped, key=lambda s: s.source)
