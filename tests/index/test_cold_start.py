"""What a cold process reads instead of rebuilding: the accent model stored with each generation
(checksummed like the other files; older generations merge the counts as before) and the BM25
scores read with numpy (the same floats as bm25s). Hash embedder."""

from __future__ import annotations

import json
import random
from collections import Counter

import numpy as np
import pytest

from indexer.index.generations import ACCENTS, IndexUnavailable, current_name, open_generation
from indexer.index.lexical import LexicalIndex, SavedScores
from indexer.search.accents import AccentModel, merge_accent_counts
from indexer.service import Service
from tests.conftest import PLANS


@pytest.fixture
def indexed(fake_engine):
    fake_engine.index_paths([PLANS["001"], PLANS["004"]])
    return fake_engine


def _generation_dir(service):
    return service.settings.data_dir / "generations" / current_name(service.settings.data_dir)


def test_accent_model_is_stored_with_the_generation_and_used(indexed, monkeypatch):
    gdir = _generation_dir(indexed)
    manifest = json.loads((gdir / "manifest.json").read_text())
    assert ACCENTS in manifest["files"]  # checksummed like the BM25 and FAISS files
    engine = indexed.engine.inner
    rebuilt = merge_accent_counts(engine.accent_counts())
    assert engine.accent_model() == rebuilt and len(rebuilt) > 1000
    # a fresh process reads it instead of merging the per-document counts
    monkeypatch.setattr("indexer.service.merge_accent_counts", lambda counts: pytest.fail("merged again"))
    fresh = Service(indexed.settings, embedder=indexed.embedder)
    assert fresh.accent_model().counts == rebuilt
    assert fresh.search("so ket", k=3).interpreted == "sơ kết"


def test_generation_without_stored_accents_merges_the_counts(indexed):
    """Generations written before accents.json existed are read as before."""
    gdir = _generation_dir(indexed)
    manifest = json.loads((gdir / "manifest.json").read_text())
    expected = json.loads((gdir / ACCENTS).read_text())
    del manifest["files"][ACCENTS]
    (gdir / "manifest.json").write_text(json.dumps(manifest))
    (gdir / ACCENTS).unlink()
    fresh = Service(indexed.settings, embedder=indexed.embedder)
    assert fresh.engine.inner.accent_model() is None
    assert fresh.accent_model().counts == expected
    assert fresh.search("so ket", k=3).interpreted == "sơ kết"


def test_damaged_accent_file_is_caught_by_its_checksum(indexed):
    victim = _generation_dir(indexed) / ACCENTS
    data = bytearray(victim.read_bytes())
    data[len(data) // 2] ^= 0x01
    victim.write_bytes(bytes(data))
    with pytest.raises(IndexUnavailable, match=r"accents.json: checksum mismatch.*--rebuild"):
        open_generation(indexed.settings.data_dir)


def test_merge_equals_the_counter_definition():
    """The plain-dict merge sums the forms' counts as Counters would, and the model's best form of
    an n-gram is the Counter's most frequent one (ties: the first form seen)."""
    def reference(per_document):
        totals: dict[str, Counter] = {}
        for counts in per_document:
            for key, forms in counts.items():
                totals.setdefault(key, Counter()).update(forms)
        return totals

    rnd = random.Random(3)
    keys = ["ty le", "che phu", "rung", "ke hoach", "a"]
    forms = {"ty le": ["tỷ lệ", "tỉ lệ", "ty le"], "che phu": ["che phủ", "che phu"], "rung": ["rừng", "rung"],
             "ke hoach": ["kế hoạch", "kê hoạch"], "a": ["a", "á"]}
    for _ in range(200):
        docs = [{k: {f: rnd.randint(1, 3) for f in rnd.sample(forms[k], rnd.randint(1, len(forms[k])))}
                 for k in rnd.sample(keys, rnd.randint(1, len(keys)))} for _ in range(rnd.randint(1, 4))]
        got = merge_accent_counts(docs)
        want = reference(docs)
        assert got == {k: dict(v) for k, v in want.items()} and list(got) == list(want)
        model = AccentModel(got)
        for key, counter in want.items():
            best = max(counter.items(), key=lambda kv: kv[1])[0]
            assert model.get(key) == (best if best != key else None)


def test_bm25_scores_read_with_numpy_equal_bm25s(indexed):
    gdir = _generation_dir(indexed)
    rnd = random.Random(5)
    for field in ("lexical-words", "lexical-folded"):
        ours = LexicalIndex.load(gdir / field)
        theirs = LexicalIndex.load(gdir / field, with_bm25s=True)
        assert ours.reader == "SavedScores" and theirs.reader == "BM25"
        vocab = [t for t in ours._vocab if t]
        for _ in range(300):
            terms = [rnd.choice(vocab) if rnd.random() < 0.9 else "không_có" for _ in range(rnd.randint(1, 10))]
            terms += terms[: rnd.randint(0, 2)]  # repeated terms count twice, as in bm25s
            a, b = ours.scores(terms), theirs.scores(terms)
            assert a.dtype == b.dtype and np.array_equal(a, b)


def test_other_bm25_layouts_are_read_by_bm25s(indexed):
    folder = _generation_dir(indexed) / "lexical-words"
    params = json.loads((folder / "params.index.json").read_text())
    assert SavedScores.load(folder) is not None
    params["method"] = "bm25+"  # a non-occurrence array this reader does not add
    (folder / "params.index.json").write_text(json.dumps(params))
    assert SavedScores.load(folder) is None
