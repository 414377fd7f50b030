"""The engine seam: storage and retrieval only.

An engine stores finished documents (text, outline blocks, passages with their vector and lexical
terms, extracted items, accent counts) and runs the two retrieval legs with document filters. It does
not read files, parse, extract, embed or analyse queries: the ingest pipeline
(``indexer.pipeline``) hands it ``DocumentRecord``s and the service (``indexer.service``) turns a
question into terms and a vector, fuses the legs and shapes the answer. That keeps backends small
and interchangeable (``LocalEngine``: SQLite + bm25s + FAISS generations on one machine;
``MilvusEngine``: a Milvus server or Milvus Lite shared by many API replicas) and lets one contract
test suite run against each (tests/engine/).

A passage is addressed by its ``PassageKey`` (document id, ordinal) on every backend.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

import numpy as np

PassageKey = tuple[str, int]


@dataclass
class PassageRecord:
    """One passage as stored: an exact slice of its document's text plus what retrieval needs."""

    ordinal: int
    start: int
    end: int
    kind: str
    section_path: list[str]
    text: str
    vector_key: str  # content hash of the embedded text (model + context): the embedding cache key
    vector: np.ndarray | None = None
    words: list[str] = field(default_factory=list)  # lexical terms, field "words"
    folded: list[str] = field(default_factory=list)  # lexical terms, field "folded"
    page: int | None = None


@dataclass
class DocumentRecord:
    """A finished document, ready to be stored (built by ``indexer.pipeline``)."""

    id: str
    source: str
    content_hash: str
    text: str
    meta: dict  # type, number, title, issuer, place, date, implements, …
    blocks: list[dict]  # idx, start, end, kind, marker, level, parents
    passages: list[PassageRecord]
    items: list[dict]  # extracted responsibilities / targets / deadlines (Item.to_dict())
    extract_version: int
    accent_counts: dict[str, dict[str, int]] = field(default_factory=dict)  # folded n-gram -> forms


@dataclass
class Hit:
    key: PassageKey
    score: float


@runtime_checkable
class Engine(Protocol):
    """What every backend implements. Reads never block on writes; a write is all-or-nothing."""

    name: str

    # -- writing ---------------------------------------------------------------------------------
    def writer(self, rebuild: bool = False) -> AbstractContextManager[None]:
        """Exclusive write session across processes and replicas (raises IndexBusy). Unless
        ``rebuild``, raises IndexMismatch when the stored index was built with other index-shaping
        settings (``Settings.index_fingerprint``) or format."""

    def sources(self) -> dict[str, tuple[str, str]]:
        """source -> (document id, content hash) of every stored document (content-hash skip)."""

    def cached_vectors(self, keys: list[str]) -> dict[str, np.ndarray]:
        """Stored vectors by ``vector_key`` (unchanged passages are not embedded again)."""

    def write(self, put: list[DocumentRecord], delete: list[str], fresh: bool = False,
              items: dict[str, tuple[list[dict], int]] | None = None) -> str:
        """Store ``put`` (replacing documents with the same id), drop ``delete``, replace the items
        of documents named in ``items`` (doc id -> (items, extract version)); ``fresh`` drops
        everything else first. Returns the new version. Call inside ``writer()``."""

    # -- retrieval -------------------------------------------------------------------------------
    def version(self) -> str:
        """Changes whenever a write lands (caches of the service are keyed by it)."""

    def lexical(self, words: list[str], folded: list[str], folded_weight: float, n: int,
                docs: set[str] | None = None) -> list[Hit]:
        """BM25 over the "words" field plus ``folded_weight`` × BM25 over the "folded" field; the
        ``n`` best positive scores, restricted to ``docs`` when given."""

    def dense(self, vector: np.ndarray, n: int, docs: set[str] | None = None) -> list[Hit]:
        """The ``n`` nearest passages by inner product (cosine: vectors are normalised)."""

    # -- reading ---------------------------------------------------------------------------------
    def passages_at(self, keys: list[PassageKey]) -> dict[PassageKey, dict]:
        """Text, offsets, kind, section path and page of passages, with their document's id. An
        engine that keeps the passage's word terms readable adds them as ``words`` (the highlighter
        then reuses the index's segmentation instead of segmenting again); it is optional."""

    def documents(self) -> list[dict]:
        """Metadata of every document (no text), by id."""

    def document(self, doc_id: str) -> dict | None:
        """Metadata (``passages`` is the count), ``text``, ``blocks`` and ``passage_list`` (offsets,
        no text) of one document."""

    def items(self, doc_ids: list[str] | None = None, kind: str | None = None,
              unit_keys: list[str] | None = None) -> list[dict]:
        """Extracted items in document order, filtered by documents, kind and unit keys."""

    def accent_counts(self) -> Iterator[dict[str, dict[str, int]]]:
        """Per-document accent counts (the service merges them into the restoration model)."""

    def stats(self) -> dict:
        """{"documents": n, "passages": n, "model": name, "version": …} or raises IndexUnavailable."""
