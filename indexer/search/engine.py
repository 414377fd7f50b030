"""The search engine behind the API, the UI and the CLI.

``Engine`` is the small interface the rest of the product uses: index, delete, search, list and
show documents. ``LocalEngine`` implements it on one machine (SQLite + bm25s + FAISS generations);
a distributed engine (e.g. Milvus through pymilvus) can implement the same protocol without any
change to the API or the UI.
"""

from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import numpy as np

from indexer.index.analyzer import folded_terms, word_terms
from indexer.text import fold, query_language
from indexer.index.builder import Builder, IndexReport, Source, collect_files
from indexer.index.generations import Generation, IndexUnavailable, current_name, open_generation
from indexer.settings import Settings

from .accents import restore
from .fusion import rrf, top_positions
from .highlight import highlight_spans
from .translate import translate

log = logging.getLogger("nghiquyet.search")
_ENCODER_POOL = ThreadPoolExecutor(max_workers=2, thread_name_prefix="nghiquyet-encode")


class UnknownDocument(KeyError):
    """A document id that is not in the index."""


@dataclass
class SearchResult:
    text: str
    doc_id: str
    doc_title: str
    doc_number: str
    doc_type: str
    section_path: list[str]
    start: int
    end: int
    score: float
    ranks: dict[str, int | None]
    highlights: list[list[int]]
    doc_issuer: str = ""
    doc_date: str = ""
    ordinal: int = 0

    def to_dict(self) -> dict:
        return {"text": self.text, "doc_id": self.doc_id, "doc_title": self.doc_title,
                "doc_number": self.doc_number, "doc_type": self.doc_type,
                "doc_issuer": self.doc_issuer, "doc_date": self.doc_date,
                "section_path": " › ".join(self.section_path), "section_path_parts": self.section_path,
                "passage": self.ordinal, "start": self.start, "end": self.end,
                "score": round(self.score, 6), "ranks": self.ranks, "highlights": self.highlights}


@dataclass
class SearchResponse:
    query: str
    took_ms: float
    language: str
    results: list[SearchResult] = field(default_factory=list)
    interpreted: str = ""  # the query with diacritics restored, when it was typed without
    translated: str = ""  # Vietnamese glossary terms searched for an English query

    def to_dict(self) -> dict:
        return {"query": self.query, "took_ms": round(self.took_ms, 2), "language": self.language,
                "interpreted": self.interpreted or self.query, "translated": self.translated,
                "results": [r.to_dict() for r in self.results]}


@dataclass(frozen=True)
class DocFilter:
    """Restrict a search to documents by metadata (all given fields must match). ``issuer`` matches
    case- and diacritics-insensitively as a substring; ``year`` is the year of the document date."""

    doc_type: str | None = None
    issuer: str | None = None
    year: int | None = None

    def __bool__(self) -> bool:
        return any(v not in (None, "") for v in (self.doc_type, self.issuer, self.year))

    def matches(self, doc: dict) -> bool:
        if self.doc_type and fold(doc.get("type") or "").lower() != fold(self.doc_type).lower():
            return False
        if self.issuer and fold(self.issuer).lower() not in fold(doc.get("issuer") or "").lower():
            return False
        if self.year and (doc.get("date") or "")[:4] != str(self.year):
            return False
        return True


class Engine(Protocol):
    """What the API, UI and CLI need from a search engine."""

    def index_paths(self, paths: list[Path], rebuild: bool = False, prune: bool = False,
                    progress: Callable[[str, int, int], None] | None = None) -> IndexReport: ...

    def add_files(self, files: list[tuple[str, bytes]]) -> IndexReport: ...

    def delete(self, doc_ids: list[str]) -> IndexReport: ...

    def search(self, query: str, k: int = 10, doc: str | None = None,
               legs: tuple[str, ...] = ("lexical", "dense"),
               filters: "DocFilter | None" = None) -> SearchResponse: ...

    def documents(self) -> list[dict]: ...

    def document(self, doc_id: str) -> dict | None: ...

    def passages(self, doc_id: str) -> list[dict]: ...

    def health(self) -> dict: ...

    def items(self, doc_id: str, kind: str | None = None) -> list[dict]: ...

    def unit_items(self, name: str) -> list[dict]: ...


class LocalEngine:
    """Single-machine engine over the generations in ``settings.data_dir``."""

    def __init__(self, settings: Settings, embedder=None):
        self.settings = settings
        self._embedder = embedder
        self._embedder_lock = threading.Lock()
        self._gen: Generation | None = None
        self._gen_lock = threading.Lock()

    # -- components --------------------------------------------------------------------------
    @property
    def embedder(self):
        if self._embedder is None:
            with self._embedder_lock:
                if self._embedder is None:
                    from indexer.embed.embedder import load_embedder

                    self._embedder = load_embedder(self.settings)
        return self._embedder

    def generation(self) -> Generation:
        """The current generation, re-opened when an indexing run has switched it."""
        name = current_name(self.settings.data_dir)
        gen = self._gen
        if gen is not None and gen.name == name:
            return gen
        with self._gen_lock:
            if self._gen is None or self._gen.name != name:
                fresh = open_generation(self.settings.data_dir, name)
                if fresh.manifest.get("model") != self.settings.model:
                    raise IndexUnavailable(
                        f"the index was built with model '{fresh.manifest.get('model')}' but the "
                        f"settings ask for '{self.settings.model}': run `nghiquyet index --rebuild`")
                self._gen = fresh
            return self._gen

    def _builder(self) -> Builder:
        return Builder(self.settings, lambda: self.embedder)

    # -- writing -----------------------------------------------------------------------------
    def index_paths(self, paths, rebuild=False, prune=False, progress=None) -> IndexReport:
        files, failed = collect_files([Path(p) for p in paths])
        sources = [Source(str(p), p.name, path=p) for p in files]
        dirs = [Path(p) for p in paths if Path(p).is_dir()]
        return self._builder().run(sources, rebuild=rebuild, prune_missing=prune,
                                   prune_under=dirs if prune else None, progress=progress,
                                   pre_failed=failed)

    def add_files(self, files: list[tuple[str, bytes]]) -> IndexReport:
        """Index uploaded files (name, bytes); their source is ``upload:<name>``."""
        sources = [Source(f"upload:{Path(name).name}", Path(name).name, data=data) for name, data in files]
        return self._builder().run(sources)

    def delete(self, doc_ids: list[str]) -> IndexReport:
        gen = self.generation()
        unknown = [d for d in doc_ids if d not in {x["id"] for x in gen.store.documents()}]
        if unknown:
            raise UnknownDocument(", ".join(unknown))
        return self._builder().run([], delete_ids=doc_ids)

    # -- reading -----------------------------------------------------------------------------
    def documents(self) -> list[dict]:
        return self.generation().store.documents()

    def document(self, doc_id: str) -> dict | None:
        doc = self.generation().store.document(doc_id)
        if doc is not None:
            from indexer.structure import public_outline

            doc["outline"] = public_outline(doc["blocks"], doc["text"])
        return doc

    def items(self, doc_id: str, kind: str | None = None) -> list[dict]:
        """Extracted responsibilities / targets / deadlines of one document, in reading order
        (raises UnknownDocument)."""
        store = self.generation().store
        if store.document(doc_id, with_text=False) is None:
            raise UnknownDocument(doc_id)
        return store.items(doc_id, kind)

    def unit_items(self, name: str) -> list[dict]:
        """Every item about one unit across documents: its responsibilities (matched on the
        normalized name, "ubnd xa" finds "Ủy ban nhân dân xã") and the deadlines of those tasks."""
        from indexer.extract import select_unit_keys

        store = self.generation().store
        keys = select_unit_keys(name, [k for k, _ in store.unit_keys()])
        resp = store.items(unit_keys=keys)
        spans = {(r["doc_id"], r["start"], r["end"]) for r in resp}
        deadlines = [d for d in store.items(kind="deadline")
                     if any(doc == d["doc_id"] and s <= d["when_start"] < e for doc, s, e in spans)]
        return sorted(resp + deadlines, key=lambda x: (x["doc_id"], x["start"], x["kind"] != "responsibility"))

    def passages(self, doc_id: str) -> list[dict]:
        """The passages of one document (ordinal, start, end, kind, section path), for anchors."""
        return self.generation().store.passages(doc_id)

    def health(self) -> dict:
        try:
            gen = self.generation()
        except IndexUnavailable as exc:
            return {"status": "no_index", "detail": str(exc)}
        docs, passages = gen.store.counts()
        return {"status": "ok", "generation": gen.name, "documents": docs, "passages": passages,
                "model": gen.manifest.get("model"), "created": gen.manifest.get("created")}

    def search(self, query: str, k: int = 10, doc: str | None = None,
               legs: tuple[str, ...] = ("lexical", "dense"),
               filters: DocFilter | None = None) -> SearchResponse:
        started = time.perf_counter()
        gen = self.generation()
        lang = query_language(query)
        allowed = None
        if doc:
            if doc not in gen.doc_positions:
                raise UnknownDocument(doc)
            allowed = gen.doc_positions[doc]
        if filters:
            ids = [d["id"] for d in gen.store.documents() if filters.matches(d)
                   and (not doc or d["id"] == doc)]
            allowed = (np.concatenate([gen.doc_positions[i] for i in ids if i in gen.doc_positions])
                       if ids else np.empty(0, np.int64))
            if not len(allowed):
                return SearchResponse(query, (time.perf_counter() - started) * 1000, lang, [])
        interpreted = restore(query, gen.accents) if lang == "vi-noaccent" else query
        translated = translate(query) if lang == "en" and self.settings.translate_en else ""
        n = self.settings.candidates
        ranked: dict[str, np.ndarray] = {}
        # The query embedding (C/torch code that releases the GIL) is computed while BM25 runs.
        dense_texts = {}
        if "dense" in legs and gen.size:
            dense_texts["dense"] = interpreted
            if translated and self.settings.weight_dense_translated:
                dense_texts["dense_vi"] = translated
        futures = {leg: _ENCODER_POOL.submit(self.embedder.encode_query, text)
                   for leg, text in dense_texts.items()} if self.settings.parallel_legs else {}
        if "lexical" in legs:
            lexical_query, lexical_lang = (translated, "vi") if translated else (interpreted, lang)
            ranked["lexical"] = top_positions(self.lexical_scores(gen, lexical_query, lexical_lang),
                                              n, allowed)
        for leg, text in dense_texts.items():
            qv = futures[leg].result() if leg in futures else self.embedder.encode_query(text)
            ranked[leg] = gen.dense.search(qv, n, allowed)[0]
        weights = self.settings.leg_weights(lang, bool(translated))
        fused = rrf(ranked, weights, self.settings.rrf_k)[:k]
        rows = gen.store.passages_at([p for p, _, _ in fused])
        results = []
        for pos, score, ranks in fused:
            row = rows.get(pos)
            if row is None:
                continue
            results.append(SearchResult(
                text=row["text"], doc_id=row["doc_id"], doc_title=row["doc_title"],
                doc_number=row["doc_number"], doc_type=row["doc_type"], section_path=row["section_path"],
                start=row["start"], end=row["end"], score=score,
                ranks={"lexical": ranks.get("lexical"), "dense": ranks.get("dense"),
                       **({"dense_vi": ranks.get("dense_vi")} if "dense_vi" in ranked else {})},
                highlights=highlight_spans(row["text"], query), doc_issuer=row["doc_issuer"],
                doc_date=row["doc_date"], ordinal=row["ordinal"]))
        return SearchResponse(query, (time.perf_counter() - started) * 1000, lang, results,
                              interpreted if interpreted != query else "", translated)

    @staticmethod
    def lexical_scores(gen: Generation, query: str, lang: str) -> np.ndarray:
        """BM25 over segmented words plus BM25 over folded syllables and bigrams. A query typed
        without diacritics relies on the folded field; with diacritics it is a tie-breaker."""
        words = gen.words.scores(word_terms(query))
        folded = gen.folded.scores(folded_terms(query))
        return words + (0.3 if lang == "vi" else 1.0) * folded
