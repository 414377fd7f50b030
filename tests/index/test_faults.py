"""Faults beyond test_builder.py: a disk that fills up or a data dir that cannot be written (clear
message, previous index intact and served), BM25 damage caught by the manifest checksums, and a
damaged SQLite file that cannot be rebuilt from without the document paths. Hash embedder."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess

import pytest

from indexer.index.generations import IndexUnavailable, IndexWriteError, current_name, open_generation
from indexer.service import Service
from tests.conftest import PLANS


def copy_plans(dst, keys):
    dst.mkdir(parents=True, exist_ok=True)
    for k in keys:
        shutil.copy(PLANS[k], dst / PLANS[k].name)
    return dst


@pytest.fixture
def indexed(fake_engine, tmp_path):
    docs = copy_plans(tmp_path / "docs", ("004",))
    fake_engine.index_paths([docs])
    before = fake_engine.search("sơ kết", k=5).to_dict()["results"]
    copy_plans(docs, ("001",))
    return fake_engine, docs, before


def assert_intact(engine, name, before):
    data_dir = engine.settings.data_dir
    assert current_name(data_dir) == name
    fresh = Service(engine.settings, embedder=engine.embedder)
    assert fresh.search("sơ kết", k=5).to_dict()["results"] == before
    leftovers = [p.name for p in (data_dir / "generations").iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []  # the half-written generation is removed at once (frees the space)


@pytest.mark.parametrize("where", ["bm25", "faiss", "sqlite", "manifest"])
def test_disk_full_while_writing(indexed, monkeypatch, where):
    engine, docs, before = indexed
    name = current_name(engine.settings.data_dir)
    full = OSError(errno.ENOSPC, "No space left on device")

    def no_space(*a, **k):
        raise full

    if where == "bm25":
        monkeypatch.setattr("indexer.index.lexical.LexicalIndex.save", no_space)
    elif where == "faiss":
        def faiss_fails(*a, **k):
            raise RuntimeError("Error in faiss::FileIOWriter: fwrite failed: No space left on device")
        monkeypatch.setattr("indexer.index.dense.DenseIndex.save", faiss_fails)
    elif where == "sqlite":
        import sqlite3

        def db_full(*a, **k):
            raise sqlite3.OperationalError("database or disk is full")
        monkeypatch.setattr("indexer.index.store.Store.put_vectors", db_full)
    else:
        import pathlib

        real = pathlib.Path.write_text

        def write_fails(self, *a, **k):
            if self.name == "manifest.json":
                raise full
            return real(self, *a, **k)
        monkeypatch.setattr(pathlib.Path, "write_text", write_fails)
    with pytest.raises(IndexWriteError, match="cannot write the new index.*previous index is unchanged"):
        engine.index_paths([docs])
    monkeypatch.undo()
    assert_intact(engine, name, before)
    assert engine.index_paths([docs]).summary()["added"] == 1  # once there is space, a re-run finishes


def test_unrelated_runtime_errors_are_not_disguised(indexed, monkeypatch):
    engine, docs, _ = indexed

    def bug(*a, **k):
        raise RuntimeError("a bug")
    monkeypatch.setattr("indexer.index.dense.DenseIndex.build", bug)
    with pytest.raises(RuntimeError, match="a bug"):
        engine.index_paths([docs])


def test_cli_message_when_data_dir_cannot_be_written(tmp_path):
    from typer.testing import CliRunner

    from indexer.cli import app

    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    result = CliRunner().invoke(app, ["index", str(PLANS["004"]), "--data-dir", str(blocker / "data")],
                                env={"NGHIQUYET_MODEL": "hash-256"})
    assert result.exit_code == 1 and "cannot write in" in result.output and "Traceback" not in result.output


@pytest.mark.skipif(os.geteuid() != 0 or shutil.which("mount") is None, reason="needs root to mount")
def test_real_full_disk_and_read_only_mount(tmp_path):
    """A 2 MB tmpfs: the first index fits, the second does not; then the mount turns read-only."""
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mnt)]).returncode:
        pytest.skip("cannot mount a tmpfs here")
    try:
        from indexer.settings import Settings

        engine = Service(Settings(data_dir=mnt / "data", model="hash-256"))
        engine.index_paths([PLANS["004"]])
        name = current_name(mnt / "data")
        before = engine.search("sơ kết", k=5).to_dict()["results"]
        with pytest.raises(IndexWriteError, match="No space left on device"):
            engine.index_paths([PLANS["004"], PLANS["000"], PLANS["002"]])
        assert_intact(engine, name, before)
        ro = tmp_path / "ro"  # the same data dir seen through a read-only bind mount
        ro.mkdir()
        subprocess.run(["mount", "--bind", str(mnt), str(ro)], check=True)
        subprocess.run(["mount", "-o", "remount,bind,ro", str(ro)], check=True)
        reader = Service(Settings(data_dir=ro / "data", model="hash-256"), embedder=engine.embedder)
        with pytest.raises(IndexWriteError, match="Read-only file system"):
            reader.index_paths([PLANS["004"], PLANS["001"]])
        assert reader.search("sơ kết", k=5).to_dict()["results"] == before
        assert current_name(mnt / "data") == name
    finally:
        subprocess.run(["umount", "-l", str(tmp_path / "ro")], capture_output=True)
        subprocess.run(["umount", "-l", str(mnt)])


@pytest.mark.parametrize("target", ["lexical-words", "lexical-folded", "dense.faiss"])
def test_damaged_index_file_detected_by_checksum(indexed, target):
    engine, docs, _ = indexed
    gdir = engine.settings.data_dir / "generations" / current_name(engine.settings.data_dir)
    if target == "dense.faiss":
        victim = gdir / target
    else:  # the biggest array of the BM25 index, flipped in the middle: it would still load
        victim = max((p for p in (gdir / target).iterdir()), key=lambda p: p.stat().st_size)
    data = bytearray(victim.read_bytes())
    data[len(data) // 2] ^= 0xFF
    victim.write_bytes(bytes(data))
    with pytest.raises(IndexUnavailable, match=r"damaged \(.*checksum mismatch\).*--rebuild"):
        open_generation(engine.settings.data_dir)
    assert Service(engine.settings).health()["status"] == "no_index"  # a fresh start says so
    report = engine.index_paths([], rebuild=True)  # the store still lists the files: no paths needed
    assert report.summary()["added"] == 1
    assert open_generation(engine.settings.data_dir).store.counts()[0] == 1


def test_damaged_sqlite_rebuild_needs_paths(indexed):
    engine, docs, before = indexed
    gdir = engine.settings.data_dir / "generations" / current_name(engine.settings.data_dir)
    with open(gdir / "store.sqlite", "r+b") as fh:
        fh.write(b"\x00" * 4096)
    with pytest.raises(IndexUnavailable, match="store.sqlite.*--rebuild"):
        open_generation(engine.settings.data_dir)
    # without paths a rebuild would produce an empty index: refused, with what to run
    with pytest.raises(IndexUnavailable, match="rebuild PATH"):
        engine.index_paths([], rebuild=True)
    assert engine.index_paths([docs], rebuild=True).summary()["added"] == 2
    assert Service(engine.settings, embedder=engine.embedder).search("sơ kết", k=5).results
