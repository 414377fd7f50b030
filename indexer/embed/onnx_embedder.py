"""Queries and passages through onnxruntime: the serving path without torch.

The export (``indexer.embed.onnx_export``, run by ``make install``) holds mean pooling and L2
normalization inside the graph, so encoding is tokenize -> one ``session.run`` -> unit vectors.
Tokenization uses the ``tokenizers`` library on the export's ``tokenizer.json`` (the pipeline the
float32 model sees through transformers), so token ids equal sentence-transformers' ones. A single
query is tokenized by ``indexer.embed.query_tokenizer`` instead (the same ids, from a compact copy
of the vocabulary): loading the library's tokenizer costs 1.3 s, so a process that only answers
queries (``nghiquyet search``) never loads it; passages and batches still go through the library.

This module must never import torch, transformers or sentence-transformers: importing them costs
seconds and hundreds of MB of a server's memory (a test guards it).

``InferenceSession.run`` is thread-safe, so concurrent searches do not queue on a lock here; the
float32 session used for passages is opened only when passages are encoded (an int8-query server
that never indexes does not pay its memory).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from indexer.embed.embedder import ModelUnavailable
from indexer.embed.onnx_export import FP32, INT8, TOKENIZER, read_meta
from indexer.embed.query_tokenizer import UnigramQueryTokenizer

log = logging.getLogger(__name__)


class OnnxEmbedder:
    """e5 (or any mean-pooled model exported by onnx_export) through onnxruntime.

    ``query_variant`` "int8" runs queries on the quantized file; passages always use float32 so the
    stored vectors do not depend on which query variant a server runs."""

    def __init__(self, folder: Path, name: str, query_prefix: str = "query: ",
                 passage_prefix: str = "passage: ", batch_size: int = 16, threads: int = 0,
                 query_variant: str = "fp32"):
        try:
            import onnxruntime
        except ImportError as exc:
            raise ModelUnavailable(f"onnxruntime is not installed: {exc}") from None
        self._ort = onnxruntime
        folder = Path(folder)
        meta = read_meta(folder)
        if meta is None:
            raise ModelUnavailable(f"no ONNX export in {folder}: run `nghiquyet model export-onnx` "
                                   "(make install does)")
        if query_variant not in ("fp32", "int8"):
            raise ValueError(f"query_variant must be fp32 or int8, not {query_variant!r}")
        self.folder = folder
        self.name = name
        self.dim = int(meta["dim"])
        self.query_prefix = query_prefix
        self.passage_prefix = passage_prefix
        self.batch_size = batch_size
        self.threads = threads
        self.query_file = INT8 if query_variant == "int8" else FP32
        self.variant = query_variant
        self._meta = meta
        self._library = None
        self._tok_lock = threading.Lock()
        try:
            self._query_tok = UnigramQueryTokenizer.load(folder, TOKENIZER, int(meta.get("max_length", 512)))
        except Exception as exc:  # never worse than the library: fall back to it
            log.warning("fast query tokenizer unavailable (%s: %s)", exc.__class__.__name__, exc)
            self._query_tok = None
        if self._query_tok is None:
            self._tokenizer()  # fail at start, not at the first query
        self._sessions: dict[str, object] = {}
        self._open_lock = threading.Lock()
        self._session(self.query_file)  # fail at start, not at the first query

    def _tokenizer(self):
        """The ``tokenizers`` library's tokenizer (passages, batches, texts the fast path leaves)."""
        if self._library is None:
            with self._tok_lock:
                if self._library is None:
                    try:
                        from tokenizers import Tokenizer
                    except ImportError as exc:
                        raise ModelUnavailable(f"tokenizers is not installed: {exc}") from None
                    try:
                        tok = Tokenizer.from_file(str(self.folder / TOKENIZER))
                    except Exception as exc:
                        raise ModelUnavailable(f"cannot read {self.folder / TOKENIZER}: {exc}") from None
                    tok.enable_truncation(max_length=int(self._meta.get("max_length", 512)))
                    tok.enable_padding(pad_id=int(self._meta.get("pad_id", 1)),
                                       pad_token=str(self._meta.get("pad_token", "<pad>")))
                    self._library = tok
        return self._library

    def _session(self, file: str):
        session = self._sessions.get(file)
        if session is not None:
            return session
        with self._open_lock:
            if file not in self._sessions:
                path = self.folder / file
                if not path.exists():
                    raise ModelUnavailable(f"{path} is missing: run `nghiquyet model export-onnx`")
                options = self._ort.SessionOptions()
                options.intra_op_num_threads = self.threads
                options.inter_op_num_threads = 1
                options.log_severity_level = 3
                # Finer work blocks for the 2 intra-op threads: a short query's small matrices split
                # more evenly (4.3 -> 4.1 ms a query, int8, 2 cores; bench/encoders.py).
                options.add_session_config_entry("session.dynamic_block_base", "2")
                try:
                    self._sessions[file] = self._ort.InferenceSession(
                        str(path), options, providers=["CPUExecutionProvider"])
                except Exception as exc:
                    raise ModelUnavailable(f"cannot load {path}: {exc.__class__.__name__}: {exc}") \
                        from None
            return self._sessions[file]

    def warm_up(self) -> None:
        """A server's queries go through the ``tokenizers`` library (Rust, ~0.15 ms) rather than
        the compact tokenizer (Python, ~1 ms, holding the GIL while BM25 runs beside it), which
        exists so that a cold CLI search need not load the library. Same ids either way."""
        self._tokenizer()
        self.encode_query("khởi động")

    def _run(self, file: str, texts: list[str]) -> np.ndarray:
        fast = self._query_tok is not None and self._library is None
        ids = self._query_tok.encode(texts[0]) if len(texts) == 1 and fast else None
        if ids is not None:
            feed = {"input_ids": np.array([ids], np.int64), "attention_mask": np.ones((1, len(ids)), np.int64)}
        else:
            tok = self._tokenizer()
            encodings = tok.encode_batch(texts) if len(texts) > 1 else [tok.encode(texts[0])]
            feed = {"input_ids": np.array([e.ids for e in encodings], np.int64),
                    "attention_mask": np.array([e.attention_mask for e in encodings], np.int64)}
        out = self._session(file).run(None, feed)[0]
        return np.asarray(out, dtype=np.float32).reshape(len(texts), self.dim)

    def encode_passages(self, texts: Sequence[str],
                        progress: Callable[[int], None] | None = None) -> np.ndarray:
        texts = [self.passage_prefix + t for t in texts]
        out = np.zeros((len(texts), self.dim), np.float32)
        # Sorted by length so each batch pads little; the order is restored by index.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        step = self.batch_size * 4
        for s in range(0, len(order), step):
            chunk = order[s : s + step]
            for b in range(0, len(chunk), self.batch_size):
                idx = chunk[b : b + self.batch_size]
                out[idx] = self._run(FP32, [texts[i] for i in idx])
            if progress:
                progress(len(chunk))
        return out

    def encode_query(self, text: str) -> np.ndarray:
        return self._run(self.query_file, [self.query_prefix + text])[0]

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Several queries in one run (benchmarks, evaluation)."""
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        return self._run(self.query_file, [self.query_prefix + t for t in texts])
