"""Backup and restore of a data directory, safe while the server runs.

What a backup holds (one .tar.gz): ``backup.json`` (when, which generation, which engine), the
served index generation (``generations/gNNNNNN/``: immutable once finished, so copying it while
searches and even a new indexing run go on is consistent) with a ``CURRENT`` naming it, and
``accounts.sqlite`` (users, sessions, audit, visibility decisions) copied through SQLite's online
backup API (consistent even while it is written). With the Milvus engine the index lives in
Milvus (back it up with Milvus' own tools); the backup then holds the accounts database only.

Restore refuses to overwrite a data directory that holds an index or accounts unless ``force``;
then the restored generation is added under a new name and CURRENT switched atomically (the old
generations stay until the next indexing run cleans them), and the accounts database is replaced.
Archive members are checked (no absolute paths, no ``..``, regular files only)."""

from __future__ import annotations

import io
import json
import os
import shutil
import tarfile
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from indexer.accounts import FILE_NAME, Accounts
from indexer.index.generations import current_name, forget_current, generations_dir, next_name

FORMAT = 1


class BackupError(Exception):
    """A backup or restore that cannot be done (clear English message)."""


def backup(settings, target: Path, accounts: Accounts | None = None) -> dict:
    """Write the archive; returns its description (also stored as backup.json)."""
    data_dir = Path(settings.data_dir)
    accounts = accounts or Accounts(data_dir)
    target = Path(target)
    info = {"format": FORMAT, "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "engine": settings.engine, "generation": None, "files": 0}
    with tempfile.TemporaryDirectory(prefix="nq-backup-") as tmp:
        db = Path(tmp) / FILE_NAME
        accounts.backup_to(db)
        tmp_target = target.with_name(target.name + ".part")
        try:
            with tarfile.open(tmp_target, "w:gz") as tar:
                tar.add(db, arcname=FILE_NAME)
                if settings.engine == "local":
                    for attempt in range(3):  # a generation removed under us: take the new current one
                        name = current_name(data_dir)
                        if name is None:
                            break
                        gen = generations_dir(data_dir) / name
                        try:
                            files = sorted(p for p in gen.rglob("*") if p.is_file())
                            staged = [(p, p.read_bytes()) for p in files]
                        except FileNotFoundError:
                            continue
                        for p, blob in staged:
                            _add_bytes(tar, f"generations/{name}/{p.relative_to(gen).as_posix()}", blob)
                        _add_bytes(tar, "CURRENT", (name + "\n").encode())
                        info.update(generation=name, files=len(staged))
                        break
                    else:
                        raise BackupError("the index changed three times during the backup; try again")
                _add_bytes(tar, "backup.json", json.dumps(info, indent=2).encode())
            os.replace(tmp_target, target)
        except BaseException:
            tmp_target.unlink(missing_ok=True)
            raise
    return info


def _add_bytes(tar: tarfile.TarFile, name: str, blob: bytes) -> None:
    member = tarfile.TarInfo(name)
    member.size = len(blob)
    member.mtime = int(datetime.now().timestamp())
    member.mode = 0o644
    tar.addfile(member, io.BytesIO(blob))


def restore(settings, source: Path, force: bool = False) -> dict:
    """Bring an archive back into ``settings.data_dir``; returns its backup.json."""
    data_dir = Path(settings.data_dir)
    if not Path(source).is_file():
        raise BackupError(f"no such backup file: {source}")
    if not force and (current_name(data_dir) or (data_dir / FILE_NAME).exists()):
        raise BackupError(f"{data_dir} already holds an index or accounts; restore into a new data "
                          "directory, or pass --force to replace them")
    try:
        tar = tarfile.open(source, "r:gz")
    except (tarfile.TarError, OSError) as exc:
        raise BackupError(f"not a nghiquyet backup ({exc})") from None
    with tar, tempfile.TemporaryDirectory(prefix="nq-restore-", dir=_tmp_parent(data_dir)) as tmp:
        names = tar.getnames()
        if "backup.json" not in names or FILE_NAME not in names:
            raise BackupError("not a nghiquyet backup (backup.json or accounts.sqlite missing)")
        for m in tar.getmembers():
            parts = Path(m.name).parts
            if m.name.startswith("/") or ".." in parts or not (m.isfile() or m.isdir()):
                raise BackupError(f"refusing unsafe archive member {m.name!r}")
        tar.extractall(tmp, filter="data")
        info = json.loads((Path(tmp) / "backup.json").read_text())
        if info.get("format") != FORMAT:
            raise BackupError(f"backup format {info.get('format')} is not supported (expected {FORMAT})")
        data_dir.mkdir(parents=True, exist_ok=True)
        name = info.get("generation")
        if name:
            new_name = next_name(data_dir) if current_name(data_dir) else name
            generations_dir(data_dir).mkdir(parents=True, exist_ok=True)
            shutil.move(str(Path(tmp) / "generations" / name), generations_dir(data_dir) / new_name)
            pointer = data_dir / "CURRENT.tmp"
            pointer.write_text(new_name + "\n")
            os.replace(pointer, data_dir / "CURRENT")
            forget_current(data_dir)
            info["restored_as"] = new_name
        for suffix in ("-wal", "-shm"):
            (data_dir / (FILE_NAME + suffix)).unlink(missing_ok=True)
        os.replace(Path(tmp) / FILE_NAME, data_dir / FILE_NAME)
    return info


def _tmp_parent(data_dir: Path) -> str:
    """A temp dir on the data dir's file system (so moves are renames)."""
    parent = data_dir if data_dir.exists() else data_dir.parent
    parent.mkdir(parents=True, exist_ok=True)
    return str(parent)
