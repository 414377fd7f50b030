"""Legacy word-processor files (.doc, .rtf, .odt, .docm, .dotx) -> .docx bytes through headless
LibreOffice, so the one DOCX reader (bold headings, tables) handles them all.

LibreOffice is slow to start and keeps state in a user profile, so conversions run one at a time
(a process-wide lock), in a private profile directory created for this process (never the user's),
with a timeout after which the soffice process group is killed."""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import subprocess
import tempfile
import threading
from pathlib import Path

from .errors import IngestError

CONVERTED_SUFFIXES = {".doc", ".rtf", ".odt", ".docm", ".dotx", ".dot"}
_LOCK = threading.Lock()
_PROFILE: Path | None = None


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def converter_problem() -> str | None:
    """Why conversion cannot run here (English), or None."""
    if soffice_path() is None:
        return ("converting .doc/.rtf/.odt needs LibreOffice, which is not installed (Debian: apt-get "
                "install libreoffice-writer-nogui; `make install` does it when it can)")
    return None


def _profile_dir() -> Path:
    global _PROFILE
    if _PROFILE is None:
        _PROFILE = Path(tempfile.mkdtemp(prefix="nghiquyet-lo-profile-"))
        atexit.register(shutil.rmtree, _PROFILE, True)
    return _PROFILE


def _reset_profile() -> None:
    global _PROFILE
    if _PROFILE is not None:
        shutil.rmtree(_PROFILE, ignore_errors=True)
        _PROFILE = None


def to_docx(data: bytes, suffix: str, timeout: float = 120.0) -> bytes:
    """Convert the bytes of a ``suffix`` file to .docx. Raises IngestError."""
    exe = soffice_path()
    if exe is None:
        raise IngestError("convert_unavailable", converter_problem() or "LibreOffice missing")
    with _LOCK, tempfile.TemporaryDirectory(prefix="nghiquyet-lo-") as tmp:
        src = Path(tmp) / f"input{suffix}"
        src.write_bytes(data)
        out_dir = Path(tmp) / "out"
        cmd = [exe, f"-env:UserInstallation={_profile_dir().as_uri()}", "--headless", "--norestore",
               "--nologo", "--nodefault", "--nolockcheck", "--convert-to", "docx:MS Word 2007 XML",
               "--outdir", str(out_dir), str(src)]
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                start_new_session=True)
        try:
            _, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            _reset_profile()  # a killed soffice can leave its profile locked or half-written
            raise IngestError("convert_failed", f"LibreOffice took longer than {timeout:.0f} s to "
                                                f"convert the {suffix} file") from None
        result = out_dir / "input.docx"
        if proc.returncode != 0 or not result.exists() or result.stat().st_size == 0:
            detail = err.decode("utf-8", "replace").strip().splitlines()
            raise IngestError("convert_failed", f"LibreOffice could not convert the {suffix} file"
                                                + (f": {detail[-1]}" if detail else ""))
        return result.read_bytes()
