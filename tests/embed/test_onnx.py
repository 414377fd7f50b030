"""The ONNX export (`make install` -> `nghiquyet model export-onnx`) and the torch-free embedder.

Slow tests use the real export of the real model; fast ones check that a missing, stale or broken
export is refused with a message that says what to run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from indexer.embed.embedder import ModelUnavailable, load_embedder
from indexer.embed.onnx_export import (FORMAT, FP32, META, TOKENIZER, export_folder, model_fingerprint,
                                       stale_reason)
from indexer.settings import Settings
from tests.conftest import CORPUS, ROOT, shared_file


@pytest.fixture(scope="module")
def onnx_settings() -> Settings:
    settings = Settings()
    reason = stale_reason(export_folder(settings), settings.resolved_model())
    if reason:
        pytest.fail(f"{reason}: run `make install` (nghiquyet model export-onnx)")
    return settings


def _real_texts(settings: Settings) -> tuple[list[str], list[str]]:
    """25 questions of the dev set and 25 plan passages as the index embeds them (with context)."""
    from indexer.document import parse_bytes
    from indexer.passages import context_text

    questions = [json.loads(line)["question"]
                 for line in shared_file("eval", "questions.dev.jsonl").read_text().splitlines()
                 if line.strip()][::2][:25]
    passages = []
    for path in sorted(CORPUS.glob("*.txt")):
        doc = parse_bytes(path.stem, str(path), path.name, path.read_bytes(), settings)
        passages += [context_text(p, doc.title, True, settings.context_heading_chars)
                     for p in doc.passages]
    step = len(passages) / 25  # spread over the five plans
    return questions, [passages[int(i * step)] for i in range(25)]


@pytest.mark.slow
def test_serving_embedder_never_imports_torch(onnx_settings):
    """What `nghiquyet serve` builds (load_embedder, default settings) encodes without torch, and
    the word segmenter BM25 uses does not load it either (underthesea's translate pipeline would)."""
    code = textwrap.dedent("""
        import sys
        from indexer.settings import Settings
        from indexer.embed.embedder import load_embedder
        emb = load_embedder(Settings())
        q = emb.encode_query("Ai chịu trách nhiệm tuyên truyền, phổ biến Nghị quyết?")
        p = emb.encode_passages(["Ban Tuyên giáo Đảng ủy chủ trì, phối hợp tuyên truyền Nghị quyết."])
        print(type(emb.inner).__name__, q.shape[0], p.shape, round(float(q @ q), 4))
        from indexer.index.analyzer import segment  # BM25 words: underthesea must not pull torch
        assert "tuyên_truyền" in segment("công tác tuyên truyền")
        loaded = [m for m in ("torch", "transformers", "sentence_transformers") if m in sys.modules]
        print("loaded:", loaded)
        assert "torch" not in sys.modules, loaded
        assert not loaded, loaded
    """)
    env = {k: v for k, v in os.environ.items() if not k.startswith("NGHIQUYET_")}
    env["PYTHONPATH"] = str(ROOT)
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "OnnxEmbedder 384 (1, 384) 1.0" in run.stdout, run.stdout
    assert "loaded: []" in run.stdout


@pytest.mark.slow
def test_onnx_agrees_with_float32_model(onnx_settings, capsys):
    """Float32 ONNX equals sentence-transformers (cosine >= .999) on 50 real queries and passages;
    int8 is reported (its ranking effect is measured in bench/encoders.py)."""
    from indexer.embed.embedder import SentenceTransformerEmbedder

    questions, passages = _real_texts(onnx_settings)
    assert len(questions) == 25 and len(passages) == 25
    s = onnx_settings
    st = SentenceTransformerEmbedder(s.resolved_model(), s.model, s.query_prefix, s.passage_prefix)
    ref = np.vstack([np.stack([st.encode_query(q) for q in questions]), st.encode_passages(passages)])
    fp32 = load_embedder(s.model_copy(update={"query_engine": "onnx"}))
    int8 = load_embedder(s.model_copy(update={"query_engine": "onnx-int8"}))
    assert (fp32.inner.query_file, int8.inner.query_file) == ("model.onnx", "model-int8.onnx")
    got32 = np.vstack([np.stack([fp32.encode_query(q) for q in questions]),
                       fp32.encode_passages(passages)])
    cos32 = (got32 * ref).sum(axis=1)
    assert cos32.min() >= 0.999, (cos32.min(), int(cos32.argmin()))
    # batched queries (padding) agree too
    batch = fp32.inner.encode_queries(questions)
    assert ((batch * ref[:25]).sum(axis=1)).min() >= 0.999
    q8 = np.stack([int8.encode_query(q) for q in questions])
    cos8 = (q8 * ref[:25]).sum(axis=1)
    with capsys.disabled():
        print(f"\nONNX vs sentence-transformers on 50 texts: fp32 min {cos32.min():.5f}; int8 queries "
              f"min {cos8.min():.4f} mean {cos8.mean():.4f}")
    assert cos8.min() > 0.95  # int8 is lossy, not broken
    # int8 serving keeps float32 passages: the index does not depend on the query variant
    assert np.allclose(int8.encode_passages(passages[:3]), got32[25:28], atol=1e-5)


def _fake_model(tmp_path, source_sha: str = "a" * 64):
    model = tmp_path / "models" / "tiny-e5"
    model.mkdir(parents=True)
    (model / "nghiquyet_build.json").write_text(json.dumps({"source_sha256": source_sha}))
    (model / "model.safetensors").write_bytes(b"\0" * 128)
    (model / "modules.json").write_text("[]")
    return model


def test_missing_export_is_refused_with_the_command_to_run(tmp_path):
    model = _fake_model(tmp_path)
    settings = Settings(model=str(model), onnx_dir=tmp_path / "onnx", query_engine="onnx")
    with pytest.raises(ModelUnavailable, match="nghiquyet model export-onnx"):
        load_embedder(settings)
    with pytest.raises(ModelUnavailable, match="no ONNX export"):
        load_embedder(settings.model_copy(update={"query_engine": "onnx-int8"}))


def test_stale_or_broken_export_is_refused(tmp_path):
    model = _fake_model(tmp_path)
    settings = Settings(model=str(model), onnx_dir=tmp_path / "onnx", query_engine="onnx")
    folder = export_folder(settings)
    assert folder == tmp_path / "onnx" / "tiny-e5"
    folder.mkdir(parents=True)
    for name in (FP32, FP32 + ".data", TOKENIZER):
        (folder / name).write_bytes(b"")
    meta = {"format": FORMAT, "dim": 384, "fingerprint": {"source_sha256": "b" * 64, "weights_bytes": 128}}
    (folder / META).write_text(json.dumps(meta))
    assert "other weights" in stale_reason(folder, model)
    with pytest.raises(ModelUnavailable, match="other weights"):
        load_embedder(settings)
    # the same weights, but the files are empty: a clear error, not a crash deep in onnxruntime
    meta["fingerprint"] = model_fingerprint(model)
    (folder / META).write_text(json.dumps(meta))
    assert stale_reason(folder, model) is None
    with pytest.raises(ModelUnavailable, match="tokenizer.json"):
        load_embedder(settings)
    # a half-written export (no weights file) is not an export
    (folder / (FP32 + ".data")).unlink()
    assert "incomplete" in stale_reason(folder, model)


def test_query_engine_values():
    assert Settings(query_engine="onnx-int8").query_engine == "onnx-int8"
    with pytest.raises(ValueError):
        Settings(query_engine="onnx-int4")


def test_cli_export_without_a_model_fails_clearly(tmp_path):
    from indexer.cli import app

    result = CliRunner().invoke(app, ["model", "export-onnx"],
                                env={"NGHIQUYET_MODEL": str(tmp_path / "no-such-model"),
                                     "NGHIQUYET_ONNX_DIR": str(tmp_path / "onnx")})
    assert result.exit_code == 1
    assert "no model to export" in result.output
    assert not (tmp_path / "onnx").exists() or not any((tmp_path / "onnx").iterdir())


def test_trimmed_vocabulary_cuts_document_text_into_the_same_pieces():
    """The export's trimmed tokenizer gives, on every line of the five plans and on queries in
    Vietnamese and English, the same pieces as the full vocabulary (ids mapped back); a character
    of another script becomes <unk>, as any character outside a vocabulary does."""
    import json as _json

    from tokenizers import Tokenizer

    from indexer.embed.onnx_export import trim_vocabulary

    settings = Settings()
    full_json = _json.loads((Path(settings.resolved_model()) / "tokenizer.json").read_text(encoding="utf-8"))
    trimmed_json, keep = trim_vocabulary(full_json)
    assert 100_000 < len(keep) < 0.6 * len(full_json["model"]["vocab"])
    full, trimmed = Tokenizer.from_str(_json.dumps(full_json)), Tokenizer.from_str(_json.dumps(trimmed_json))
    lines = [line for path in sorted(CORPUS.glob("*.txt"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    lines += ["query: who is responsible for propaganda", "query: ty le che phu rung", "≥ 5% – “đạt” 70,5‰ €"]
    for line in lines:
        assert [keep[i] for i in trimmed.encode(line).ids] == full.encode(line).ids, line
    unk = trimmed_json["model"]["unk_id"]
    assert unk in trimmed.encode("漢字").ids
