"""The engine contract: every backend behind ``indexer.engine.base.Engine`` stores and returns the same
things. Each test runs against the local engine and against MilvusEngine on a real Milvus Lite server
(hash embedder, real plan text); ``test_same_results_on_both_engines`` feeds both the same documents
and compares what comes out."""

from __future__ import annotations

import re
import threading
import uuid

import numpy as np
import pytest

from indexer.engine import IndexBusy, IndexMismatch, IndexUnavailable, open_engine
from indexer.engine.milvus import term_token
from indexer.index.analyzer import folded_terms, word_terms
from indexer.service import Service
from tests.conftest import PLANS

from .conftest import engine_settings

PLAN_A, PLAN_B = PLANS["004"], PLANS["001"]


from hashlib import sha256  # noqa: E402

from indexer.pipeline import upload_source  # noqa: E402


def note(name: str, body: str) -> tuple[str, bytes]:
    return name, f"KẾ HOẠCH\n\nvề {name}\n\nI. MỤC ĐÍCH\n\n{body}".encode()


def keys_of(hits) -> list:
    return [h.key for h in hits]


# -- writing and reading back -------------------------------------------------------------------
def test_write_then_read_back(make_service):
    svc = make_service()
    report = svc.add_files([(PLAN_A.name, PLAN_A.read_bytes()), (PLAN_B.name, PLAN_B.read_bytes())])
    assert report.summary()["added"] == 2
    e = svc.engine.inner
    docs = e.documents()
    assert [d["id"] for d in docs] == sorted([PLAN_A.stem, PLAN_B.stem])
    assert all(d["title"] and d["type"] == "Kế hoạch" and d["passages"] > 0 for d in docs)
    assert e.sources() == {upload_source(p.name, p.read_bytes()): (p.stem, sha256(p.read_bytes()).hexdigest())
                           for p in (PLAN_A, PLAN_B)}
    doc = e.document(PLAN_A.stem)
    assert "Kế hoạch" in doc["text"] or "KẾ HOẠCH" in doc["text"]
    assert len(doc["passage_list"]) == doc["passages"] == next(d["passages"] for d in docs if d["id"] == PLAN_A.stem)
    assert [p["ordinal"] for p in doc["passage_list"]] == list(range(doc["passages"]))
    assert doc["blocks"] and all(doc["text"][b["start"]:b["end"]].strip() for b in doc["blocks"])
    rows = e.passages_at([(PLAN_A.stem, 0), (PLAN_A.stem, 2), ("nope", 0)])
    assert set(rows) == {(PLAN_A.stem, 0), (PLAN_A.stem, 2)}
    for (doc_id, ordinal), row in rows.items():
        p = doc["passage_list"][ordinal]
        assert row["text"] == doc["text"][p["start"]:p["end"]] and row["doc_id"] == doc_id
        assert row["section_path"] == p["section_path"] and row["doc_title"] == doc["title"]
    assert e.document("nope") is None
    stats = e.stats()
    assert (stats["documents"], stats["passages"]) == (2, sum(d["passages"] for d in docs))
    assert stats["model"] == "hash-256" and stats["version"] == e.version()
    counts = list(e.accent_counts())
    assert len(counts) == 2 and any("ke hoach" in c or "ke" in c for c in counts)


def test_items_batched_and_filtered(make_service):
    svc = make_service()
    svc.add_files([(PLAN_A.name, PLAN_A.read_bytes()), (PLAN_B.name, PLAN_B.read_bytes())])
    e = svc.engine.inner
    everything = e.items()
    assert {i["doc_id"] for i in everything} == {PLAN_A.stem, PLAN_B.stem}
    assert everything == sorted(everything, key=lambda i: (i["doc_id"], i["ordinal"]))
    resp = e.items([PLAN_A.stem], "responsibility")
    assert resp and all(i["kind"] == "responsibility" and i["doc_id"] == PLAN_A.stem for i in resp)
    assert all(i["doc_title"] == e.document(PLAN_A.stem)["title"] for i in resp)
    from indexer.extract import unit_key

    key = unit_key(resp[0]["unit_normalized"])
    by_unit = e.items(None, "responsibility", [key])
    assert by_unit and all(unit_key(i["unit_normalized"]) == key for i in by_unit)
    assert e.items([]) == [] and e.items(None, None, []) == [] and e.items(["nope"]) == []


def _write(path, named: tuple[str, bytes]):
    path.write_bytes(named[1])
    return path


def test_replace_and_delete(make_service, tmp_path):
    """A changed file (same path, new content) replaces its document; a delete removes it."""
    svc = make_service()
    path = tmp_path / "ghi-chu.txt"
    svc.index_paths([_write(path, note("ghi-chu.txt", "Trồng rừng phòng hộ ven sông. " * 30 + "\n\nII. NỘI DUNG\n\n"
                                       + "Kiểm tra tiến độ trồng rừng hằng quý. " * 30))])
    e = svc.engine.inner
    first = e.document("ghi-chu")["passages"]
    assert first >= 2
    v1 = e.version()
    assert svc.index_paths([_write(path, note("ghi-chu.txt", "Xây dựng nông thôn mới kiểu mẫu."))]
                           ).summary()["updated"] == 1
    assert e.version() != v1
    doc = e.document("ghi-chu")
    now = doc["passages"]
    assert now < first and "nông thôn mới" in doc["text"] and "rừng" not in doc["text"]
    assert set(e.passages_at([("ghi-chu", i) for i in range(first)])) == {("ghi-chu", i) for i in range(now)}
    assert e.stats()["passages"] == now
    hits = e.lexical(word_terms("trồng rừng"), folded_terms("trồng rừng"), 0.3, 10)
    assert hits == []  # the old text is gone from the lexical index
    found = keys_of(e.lexical(word_terms("nông thôn mới"), [], 0.0, 10))
    assert found and {k[0] for k in found} == {"ghi-chu"}
    v2 = e.version()
    svc.delete(["ghi-chu"])
    assert e.version() != v2
    assert e.documents() == [] and e.document("ghi-chu") is None and e.items() == []
    assert e.lexical(word_terms("nông thôn mới"), [], 0.0, 10) == []
    assert e.dense(np.ones(256, np.float32) / 16, 10) == [] and e.sources() == {}


def test_version_changes_only_on_writes(make_service):
    svc = make_service()
    svc.add_files([(PLAN_A.name, PLAN_A.read_bytes())])
    v = svc.engine.inner.version()
    assert v and svc.engine.inner.version() == v
    report = svc.add_files([(PLAN_A.name, PLAN_A.read_bytes())])  # unchanged: no write
    assert report.summary()["unchanged"] == 1 and svc.engine.inner.version() == v
    other = make_service()  # another replica sees the change
    svc.add_files([note("them.txt", "Thêm một văn bản.")])
    assert other.engine.version() != v
    assert "them" in {d.id for d in other.documents()}


def test_writer_is_exclusive_across_instances(make_service):
    a, b = make_service(), make_service()
    a.add_files([note("mot.txt", "Văn bản thứ nhất.")])
    entered, release = threading.Event(), threading.Event()

    def hold():
        with a.engine.writer():
            entered.set()
            release.wait(30)

    t = threading.Thread(target=hold)
    t.start()
    try:
        assert entered.wait(30)
        with pytest.raises(IndexBusy):
            with b.engine.writer():
                pass
        from indexer.service import Busy

        with pytest.raises(Busy):
            b.add_files([note("hai.txt", "Văn bản thứ hai.")])
    finally:
        release.set()
        t.join()
    assert b.add_files([note("hai.txt", "Văn bản thứ hai.")]).summary()["added"] == 1


def test_fingerprint_mismatch_needs_rebuild(make_service):
    make_service().add_files([note("mot.txt", "Văn bản thứ nhất.")])
    changed = make_service(passage_max_chars=500)
    with pytest.raises(IndexMismatch, match="passage_max_chars"):
        with changed.engine.writer():
            pass
    with changed.engine.writer(rebuild=True):
        pass


def test_no_index_is_unavailable(make_service):
    svc = make_service()
    with pytest.raises(IndexUnavailable):
        svc.engine.inner.stats()
    assert svc.health().status == "no_index"
    assert svc.engine.inner.sources() == {} and svc.engine.inner.cached_vectors(["x"]) == {}


def test_cached_vectors_reuse_unchanged_passages(make_service, tmp_path):
    svc = make_service()
    path = tmp_path / PLAN_A.name
    path.write_bytes(PLAN_A.read_bytes())
    svc.index_paths([path])
    e = svc.engine.inner
    doc = e.document(PLAN_A.stem)
    edited = PLAN_A.read_text().replace(doc["text"][doc["passage_list"][-1]["start"]:][:40], "Đoạn cuối đã sửa. ")
    path.write_text(edited)
    report = svc.index_paths([path])
    assert report.summary()["updated"] == 1
    assert 0 < report.embedded < report.reused


def test_lexical_and_dense_legs_with_filters(make_service):
    svc = make_service()
    svc.add_files([(PLAN_A.name, PLAN_A.read_bytes()), (PLAN_B.name, PLAN_B.read_bytes())])
    e = svc.engine.inner
    q = "tuyên truyền chuyển đổi số"
    hits = e.lexical(word_terms(q), folded_terms(q), 0.3, 10)
    assert hits and [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert all(h.score > 0 for h in hits)
    only_b = e.lexical(word_terms(q), folded_terms(q), 0.3, 10, {PLAN_B.stem})
    assert only_b and {h.key[0] for h in only_b} == {PLAN_B.stem}
    assert e.lexical(word_terms(q), folded_terms(q), 0.3, 10, set()) == []
    vec = svc.embedder.encode_query(q)
    dense = e.dense(vec, 5)
    assert len(dense) == 5 and [h.score for h in dense] == sorted((h.score for h in dense), reverse=True)
    only_a = e.dense(vec, 5, {PLAN_A.stem})
    assert only_a and {h.key[0] for h in only_a} == {PLAN_A.stem}
    res = svc.search(q, k=5, doc=PLAN_B.stem)
    assert res.results and {r.doc_id for r in res.results} == {PLAN_B.stem}


# -- the same documents in, the same results out ------------------------------------------------
@pytest.fixture(scope="module")
def pair(tmp_path_factory, request):
    """Plans 004 and 001 indexed into both engines, plus the services."""
    out = {}
    for name in ("local", "milvus"):
        settings = engine_settings(name, tmp_path_factory.mktemp(name), request)
        svc = Service(settings)
        svc.add_files([(PLAN_A.name, PLAN_A.read_bytes()), (PLAN_B.name, PLAN_B.read_bytes())])
        out[name] = svc
    return out


def _strip(d: dict) -> dict:
    return {k: v for k, v in d.items() if k != "indexed_at"}


def test_same_documents_items_and_passages(pair):
    local, milvus = pair["local"].engine, pair["milvus"].engine
    assert [_strip(d) for d in milvus.documents()] == [_strip(d) for d in local.documents()]
    assert milvus.sources() == local.sources()
    for d in local.documents():
        a, b = local.document(d["id"]), milvus.document(d["id"])
        assert _strip(b) == _strip(a)
        keys = [(d["id"], p["ordinal"]) for p in a["passage_list"]]
        # "words" is optional (Milvus keeps only hashed terms); the rest must be equal
        without_words = lambda rows: {k: {f: v for f, v in r.items() if f != "words"} for k, r in rows.items()}  # noqa: E731
        assert without_words(milvus.passages_at(keys)) == without_words(local.passages_at(keys))
    assert milvus.items() == local.items()
    assert sorted(map(str, milvus.accent_counts())) == sorted(map(str, local.accent_counts()))
    assert {k: v for k, v in milvus.stats().items() if k in ("documents", "passages", "model")} == \
        {k: v for k, v in local.stats().items() if k in ("documents", "passages", "model")}
    keys = [p for d in local.documents() for p in [local.document(d["id"])]]
    assert keys


def test_same_cached_vectors(pair):
    local, milvus = pair["local"].engine, pair["milvus"].engine
    import sqlite3

    gen = local.generation()
    vkeys = [r[0] for r in gen.store.conn.execute("SELECT DISTINCT vector_key FROM passages")]
    a, b = local.cached_vectors(vkeys), milvus.cached_vectors(vkeys + ["missing"])
    assert set(a) == set(b) == set(vkeys)
    assert all(np.allclose(a[k], b[k], atol=1e-6) for k in vkeys)
    assert sqlite3  # the store is read directly only to list the keys


@pytest.mark.parametrize("field,term", [("words", "sơ_kết"), ("words", "tỉnh_ủy"), ("words", "chuyển"),
                                        ("folded", "so_ket"), ("folded", "du_lich"), ("folded", "so")])
def test_single_term_matches_the_same_passages(pair, field, term):
    """A term, with "_" or not, matches exactly the passages it matches locally: the hashed token
    form is kept whole by the Milvus tokenizer."""
    local, milvus = pair["local"].engine, pair["milvus"].engine
    args = ([term], [], 0.0) if field == "words" else ([], [term], 1.0)
    a = {h.key for h in local.lexical(*args, 1000)}
    b = {h.key for h in milvus.lexical(*args, 1000)}
    assert a and a == b
    assert re.fullmatch(r"[a-p]{12}", term_token(term))


@pytest.mark.parametrize("query", ["tuyên truyền chuyển đổi số", "ai chịu trách nhiệm kiểm tra",
                                   "sơ kết việc thực hiện nghị quyết", "phát triển du lịch"])
def test_same_search_results(pair, query):
    local, milvus = pair["local"], pair["milvus"]
    w, f = word_terms(query), folded_terms(query)
    la, mi = local.engine.lexical(w, f, 0.3, 10), milvus.engine.lexical(w, f, 0.3, 10)
    # milvus-lite keeps its own BM25 k1 (1.2; ours is 0.9): a near tie may swap the first two
    assert la and mi and la[0].key in keys_of(mi[:2]) and mi[0].key in keys_of(la[:2])
    assert len(set(keys_of(la[:5])) & set(keys_of(mi[:5]))) >= 4
    vec = local.embedder.encode_query(query)
    assert keys_of(milvus.engine.dense(vec, 10)) == keys_of(local.engine.dense(vec, 10))
    assert keys_of(milvus.engine.dense(vec, 5, {PLAN_B.stem})) == keys_of(local.engine.dense(vec, 5, {PLAN_B.stem}))
    top_local = [(r.doc_id, r.passage) for r in local.search(query, k=5).results]
    top_milvus = [(r.doc_id, r.passage) for r in milvus.search(query, k=5).results]
    assert top_milvus[0] in top_local[:2] and top_local[0] in top_milvus[:2]
    assert len(set(top_local) & set(top_milvus)) >= 4


def test_open_engine_picks_milvus(pair):
    assert pair["milvus"].engine.name == "milvus" and pair["local"].engine.name == "local"
    assert open_engine(pair["milvus"].settings).name == "milvus"


def test_milvus_lite_skip_reason(tmp_path):
    """The Milvus side is skipped only when milvus-lite is missing, and the reason says what to run."""
    from indexer.engine.milvus_lite import MilvusLiteMissing, lite_binary

    with pytest.raises(MilvusLiteMissing, match="make install"):
        lite_binary(tmp_path)
    (tmp_path / "milvus-lite").write_text("")
    assert lite_binary(tmp_path) == tmp_path / "milvus-lite"


def test_unreachable_milvus_is_a_clear_error(tmp_path):
    from indexer.engine.milvus_lite import free_port
    from indexer.settings import Settings

    settings = Settings(data_dir=tmp_path, model="hash-256", engine="milvus",
                        milvus_uri=f"http://127.0.0.1:{free_port()}", milvus_prefix=f"t{uuid.uuid4().hex[:8]}")
    svc = Service(settings)
    health = svc.health()
    assert health.status == "no_index" and "Milvus" in health.detail
