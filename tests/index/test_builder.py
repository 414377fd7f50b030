"""Incremental indexing, pruning, uploads, deletes, bad files in a batch, and the atomic switch
(a crash at any point leaves the previous generation serving). Uses the hash embedder."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from indexer.index import generations
from indexer.index.generations import IndexMismatch, IndexUnavailable, current_name, open_generation
from indexer.service import Service
from tests.conftest import PLANS, ROOT


def copy_plans(dst, keys=("000", "001", "004")):
    dst.mkdir(parents=True, exist_ok=True)
    for k in keys:
        shutil.copy(PLANS[k], dst / PLANS[k].name)
    return dst


def test_index_then_unchanged_then_updated_then_pruned(fake_engine, tmp_path):
    docs = copy_plans(tmp_path / "docs")
    r1 = fake_engine.index_paths([docs])
    assert r1.summary() == {"added": 3, "updated": 0, "unchanged": 0, "removed": 0, "failed": 0}
    g1 = r1.generation
    r2 = fake_engine.index_paths([docs])
    assert r2.summary()["unchanged"] == 3 and r2.generation == g1  # no new generation
    # change one file: only it is re-parsed; unchanged passages reuse their cached vectors
    target = docs / PLANS["004"].name
    target.write_text(target.read_text(encoding="utf-8").replace(
        "Nơi nhận:", "6. Đề nghị các chi bộ báo cáo kết quả trước ngày 15/12/2021.\n\nNơi nhận:"),
        encoding="utf-8")
    r3 = fake_engine.index_paths([docs])
    assert r3.summary()["updated"] == 1 and r3.summary()["unchanged"] == 2
    assert r3.reused > 0 and r3.embedded >= 1
    assert r3.generation != g1
    # the file vanishes: --prune removes it
    target.unlink()
    r4 = fake_engine.index_paths([docs], prune=True)
    assert r4.summary()["removed"] == 1
    assert {d["id"] for d in fake_engine.documents()} == {"000_ab11ea391550b282", "001_13c436cc350afe16"}


def test_bad_files_are_reported_and_the_rest_indexed(fake_engine, tmp_path):
    docs = copy_plans(tmp_path / "docs", ("001",))
    (docs / "empty.txt").write_bytes(b"")
    (docs / "binary.txt").write_bytes(os.urandom(4096))
    (docs / "broken.docx").write_bytes(b"not a zip at all")
    (docs / "broken.pdf").write_bytes(b"%PDF-1.7\n%%EOF")
    report = fake_engine.index_paths([docs, tmp_path / "missing.txt"])
    reasons = {os.path.basename(f.source): f.code for f in report.files if f.status == "failed"}
    assert reasons == {"empty.txt": "empty", "binary.txt": "binary", "broken.docx": "broken",
                       "broken.pdf": "broken", "missing.txt": "unreadable"}
    assert report.summary()["added"] == 1
    assert fake_engine.search("tuyên truyền", k=3).results


def test_uploads_and_delete(fake_engine):
    text = PLANS["004"].read_bytes()
    report = fake_engine.add_files([("so-ket.txt", text), ("rong.txt", b"")])
    assert report.summary() == {"added": 1, "updated": 0, "unchanged": 0, "removed": 0, "failed": 1}
    assert fake_engine.add_files([("so-ket.txt", text)]).summary()["unchanged"] == 1
    doc_id = fake_engine.documents()[0]["id"]
    assert doc_id == "so-ket"
    fake_engine.delete([doc_id])
    assert fake_engine.documents() == []


def test_searches_see_the_new_generation(fake_engine, tmp_path):
    docs = copy_plans(tmp_path / "docs", ("000",))
    fake_engine.index_paths([docs])
    reader = Service(fake_engine.settings, embedder=fake_engine.embedder)
    before = {r.doc_id for r in reader.search("Ban Tuyên giáo", k=20).results}
    copy_plans(docs, ("002",))
    fake_engine.index_paths([docs])
    after = {r.doc_id for r in reader.search("Ban Tuyên giáo Tỉnh ủy chủ trì", k=20).results}
    assert "002_0f875316a6b16de4" not in before and "002_0f875316a6b16de4" in after


@pytest.mark.parametrize("crash_at", ["embed", "store", "finish"])
def test_crash_mid_indexing_keeps_previous_index(fake_engine, tmp_path, monkeypatch, crash_at):
    docs = copy_plans(tmp_path / "docs", ("000",))
    fake_engine.index_paths([docs])
    before = fake_engine.search("khách du lịch", k=5).to_dict()["results"]
    name = current_name(fake_engine.settings.data_dir)
    copy_plans(docs, ("003",))

    class Crash(Exception):
        pass

    def boom(*a, **k):
        raise Crash()

    if crash_at == "embed":
        monkeypatch.setattr(fake_engine.embedder.inner, "encode_passages", boom)
    elif crash_at == "store":
        monkeypatch.setattr("indexer.index.store.Store.assign_positions", boom)
    else:
        monkeypatch.setattr(generations.os, "replace", boom)
    with pytest.raises(Crash):
        fake_engine.index_paths([docs])
    monkeypatch.undo()
    # nothing of the failed run stays open: a connection left to the collector would roll back later
    # and delete, by path, the journal of the re-run's store in the same directory
    fds = Path("/proc/self/fd")
    gens = str(fake_engine.settings.data_dir / "generations")
    open_there = [t for t in (os.path.realpath(f) for f in fds.iterdir())
                  if t.startswith(gens) and ".tmp/" in t]
    assert open_there == []
    # the old generation still serves, unchanged
    assert current_name(fake_engine.settings.data_dir) == name
    fresh = Service(fake_engine.settings, embedder=fake_engine.embedder)
    assert fresh.search("khách du lịch", k=5).to_dict()["results"] == before
    # simply re-running finishes the job and cleans the leftovers
    report = fake_engine.index_paths([docs])
    assert report.summary()["added"] == 1
    left = [p.name for p in (fake_engine.settings.data_dir / "generations").iterdir()]
    assert not any(n.endswith(".tmp") for n in left)


def test_kill_9_during_indexing(tmp_path):
    """A real SIGKILL of the indexing process: the index opens and is the old or the new state."""
    data = tmp_path / "data"
    env = {**os.environ, "NGHIQUYET_DATA_DIR": str(data), "NGHIQUYET_MODEL": "hash-256"}
    cli = [sys.executable, "-m", "indexer.cli", "index"]
    docs = copy_plans(tmp_path / "docs", ("001",))
    subprocess.run(cli + [str(docs)], env=env, check=True, capture_output=True, cwd=ROOT)
    old = open_generation(data).store.counts()
    laws = sorted((ROOT.parent / "shared" / "corpus-alqac").glob("*.txt"), key=lambda p: p.stat().st_size)
    for law in laws[:2]:
        shutil.copy(law, docs / law.name)
    copy_plans(docs, ("000", "002", "003", "004"))
    proc = subprocess.Popen(cli + [str(docs)], env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    time.sleep(2.5)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    counts = open_generation(data).store.counts()
    assert counts == old or counts[0] > old[0]
    subprocess.run(cli + [str(docs)], env=env, check=True, capture_output=True, cwd=ROOT)
    gen = open_generation(data)
    assert gen.store.counts()[0] == len(list(docs.iterdir()))


def test_corruption_detected_and_rebuild_repairs(fake_engine, tmp_path):
    docs = copy_plans(tmp_path / "docs", ("004",))
    fake_engine.index_paths([docs])
    gdir = fake_engine.settings.data_dir / "generations" / current_name(fake_engine.settings.data_dir)
    (gdir / "dense.faiss").write_bytes(b"garbage")
    with pytest.raises(IndexUnavailable, match="--rebuild"):
        Service(fake_engine.settings).search("sơ kết")
    with open(gdir / "store.sqlite", "r+b") as fh:
        fh.seek(0)
        fh.write(b"\x00" * 4096)
    with pytest.raises(IndexUnavailable, match="rebuild"):
        fake_engine.index_paths([docs])
    report = fake_engine.index_paths([docs], rebuild=True)
    assert report.summary()["added"] == 1
    assert Service(fake_engine.settings, embedder=fake_engine.embedder).search("sơ kết").results


def test_settings_mismatch_needs_rebuild(fake_engine, tmp_path):
    docs = copy_plans(tmp_path / "docs", ("004",))
    fake_engine.index_paths([docs])
    other = fake_engine.settings.model_copy(update={"passage_max_chars": 600})
    with pytest.raises(IndexMismatch, match="passage_max_chars"):
        Service(other, embedder=fake_engine.embedder).index_paths([docs])
    assert Service(other, embedder=fake_engine.embedder).index_paths([docs], rebuild=True).generation


def test_no_index_message(fake_engine):
    with pytest.raises(IndexUnavailable, match="nghiquyet index"):
        fake_engine.search("x")
    assert fake_engine.health()["status"] == "no_index"


def test_finished_generations_are_opened_read_only(fake_engine, tmp_path):
    """Readers never write a finished generation, not even a schema migration."""
    import sqlite3

    from indexer.index.generations import current_name, generations_dir, open_generation

    fake_engine.index_paths([PLANS["000"]])
    data_dir = fake_engine.settings.data_dir
    db = generations_dir(data_dir) / current_name(data_dir) / "store.sqlite"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 1")  # as written before the items migration
    conn.commit()
    conn.close()
    before = db.read_bytes()
    gen = open_generation(data_dir)
    assert gen.store.items() == [] and gen.store.unit_keys() == []
    assert gen.store.passages(gen.store.documents()[0]["id"])
    with pytest.raises(sqlite3.OperationalError):
        gen.store.conn.execute("DELETE FROM passages")
    gen.store.close()
    assert db.read_bytes() == before


def test_filters_by_type_issuer_year_ignore_case_and_diacritics(fake_engine):
    from indexer.service import DocFilter

    fake_engine.index_paths([PLANS["000"], PLANS["002"]])
    docs = {d["id"]: d for d in fake_engine.documents()}
    issuer = next(d["issuer"] for d in docs.values() if d["issuer"])
    from indexer.text import fold

    loose = fold(issuer).lower()
    hits = fake_engine.search("du lịch", k=20, filters=DocFilter(issuer=loose)).results
    assert hits and all(fold(docs[h.doc_id]["issuer"]).lower().find(loose) >= 0 for h in hits)
    assert fake_engine.search("du lịch", k=5, filters=DocFilter(year=1999)).results == []
    kind = next(iter(docs.values()))["type"]
    typed = fake_engine.search("du lịch", k=20, filters=DocFilter(doc_type=kind.upper())).results
    assert typed and all(docs[h.doc_id]["type"] == kind for h in typed)


def test_unchanged_files_stored_under_older_rules_are_read_again(fake_engine, tmp_path, monkeypatch):
    """A fixed structure rule reaches the passages of files that did not change: a document stored
    under another EXTRACT_VERSION is read again (once), not skipped as unchanged."""
    import indexer.pipeline as pipeline

    docs = copy_plans(tmp_path / "docs", keys=("000", "004"))
    fake_engine.index_paths([docs])
    monkeypatch.setattr(pipeline, "EXTRACT_VERSION", pipeline.EXTRACT_VERSION + 1)
    again = fake_engine.index_paths([docs])
    assert again.summary()["updated"] == 2 and again.summary()["unchanged"] == 0
    assert all("older" in f.reason for f in again.files)
    assert again.reused > 0 and again.embedded == 0  # same passages: vectors from the cache
    assert fake_engine.index_paths([docs]).summary()["unchanged"] == 2
