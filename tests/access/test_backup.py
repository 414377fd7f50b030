"""Backup while the index is being written, restore into a new data directory, search there:
same results, same users (their tokens work), same audit log and visibility decisions."""

from __future__ import annotations

import tarfile
import threading

import pytest
from typer.testing import CliRunner

from indexer.backup import BackupError, backup, restore
from indexer.cli import app
from indexer.service import Service
from indexer.settings import Settings
from tests.conftest import PLANS

runner = CliRunner()


def test_backup_restore_round_trip(tmp_path):
    settings = Settings(data_dir=tmp_path / "live", model="hash-256")
    service = Service(settings)
    service.add_files([(PLANS[k].name, PLANS[k].read_bytes()) for k in ("000", "002")], actor="setup")
    service.set_visibility("002_0f875316a6b16de4", "internal", actor="setup")
    token = service.accounts.add("thu", "reader")
    before = service.search("công tác tư tưởng", k=5)

    # a writer keeps indexing while the backup is taken
    stop = threading.Event()
    writes = []

    def writer():
        i = 0
        while not stop.is_set() and i < 6:
            report = service.add_files([(f"w{i}.txt", PLANS["004"].read_bytes() + f"\n{i}".encode())], actor="w")
            writes.append(report.generation)
            i += 1

    t = threading.Thread(target=writer)
    t.start()
    archive = tmp_path / "nq.tar.gz"
    result = runner.invoke(app, ["backup", str(archive), "--data-dir", str(settings.data_dir)],
                           env={"NGHIQUYET_MODEL": "hash-256"})
    stop.set()
    t.join()
    assert result.exit_code == 0, result.output
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert {"backup.json", "accounts.sqlite", "CURRENT"} <= set(names)
    assert any(n.endswith("/manifest.json") for n in names)

    target = tmp_path / "restored"
    result = runner.invoke(app, ["restore", str(archive), "--data-dir", str(target)],
                           env={"NGHIQUYET_MODEL": "hash-256"})
    assert result.exit_code == 0, result.output
    restored = Service(Settings(data_dir=target, model="hash-256"))
    after = restored.search("công tác tư tưởng", k=5)
    assert [(r.doc_id, r.start, r.end) for r in after.results] == [(r.doc_id, r.start, r.end) for r in before.results]
    assert restored.accounts.authenticate(token).name == "thu"
    assert "002_0f875316a6b16de4" not in {d.id for d in restored.for_viewer().documents()}
    assert any(e["action"] == "visibility" for e in restored.accounts.audit_entries())
    # not over an existing data dir without --force; a broken archive is a clear error
    with pytest.raises(BackupError, match="--force"):
        restore(restored.settings, archive)
    (tmp_path / "junk.tar.gz").write_bytes(b"not a tar")
    with pytest.raises(BackupError, match="not a nghiquyet backup"):
        restore(Settings(data_dir=tmp_path / "other", model="hash-256"), tmp_path / "junk.tar.gz")


def test_restore_force_replaces(tmp_path):
    a = Service(Settings(data_dir=tmp_path / "a", model="hash-256"))
    a.add_files([(PLANS["004"].name, PLANS["004"].read_bytes())])
    backup(a.settings, tmp_path / "a.tgz")
    b = Service(Settings(data_dir=tmp_path / "b", model="hash-256"))
    b.add_files([(PLANS["000"].name, PLANS["000"].read_bytes())])
    b.accounts.add("old", "admin")
    b.accounts.close()
    restore(b.settings, tmp_path / "a.tgz", force=True)
    fresh = Service(Settings(data_dir=tmp_path / "b", model="hash-256"))
    assert [d.id for d in fresh.documents()] == ["004_009c11248b00d7be"]
    assert fresh.accounts.users() == []


def test_unsafe_archive_refused(tmp_path):
    import io
    import json

    bad = tmp_path / "evil.tar.gz"
    with tarfile.open(bad, "w:gz") as tar:
        for name, blob in (("backup.json", json.dumps({"format": 1}).encode()), ("accounts.sqlite", b""),
                           ("../escape.txt", b"x")):
            info = tarfile.TarInfo(name)
            info.size = len(blob)
            tar.addfile(info, io.BytesIO(blob))
    with pytest.raises(BackupError, match="unsafe"):
        restore(Settings(data_dir=tmp_path / "t", model="hash-256"), bad)
    assert not (tmp_path / "escape.txt").exists()
