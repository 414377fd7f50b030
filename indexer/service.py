"""The service layer: the one API that the CLI, the JSON API and the web pages call.

It owns the steps above storage — question analysis (language, diacritics restoration, English
glossary translation, index terms), the query embedding, weighted reciprocal-rank fusion,
highlights, answers, units, compare, briefs, exports, link resolution — and the write path (the
ingest pipeline, one writer at a time). Below it sits an ``Engine`` (``indexer.engine``), which only
stores and retrieves, so every backend gives the same results through the same code.

Reads are cached per engine version (documents, accent model), so a replica sees another replica's
write as soon as the engine's version changes.

The write path (the ingest pipeline, readers, OCR) is imported by the methods that write: a process
that only searches (``nghiquyet search``) does not pay for it.
"""

from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from indexer.access import VisibleEngine
from indexer.accounts import ANONYMOUS, Accounts, Principal
from indexer.engine import open_engine
from indexer.engine.base import Engine, PassageKey
from indexer.engine.errors import IndexBusy, IndexUnavailable, UnknownDocument
from indexer.index.analyzer import folded_terms, word_terms
from indexer.links import find_parent, link_candidates
from indexer.models import (AskResponse, DocumentDetail, DocumentInfo, Health, SearchResponse,
                            SearchResult, UnitDetail, UnitDocument, UnitSummary)
from indexer.search.accents import AccentModel, merge_accent_counts, restore
from indexer.search.articles import article_leg, article_map, article_openings, with_openings
from indexer.search.cache import ResultCache
from indexer.search.fusion import leg_positions, leg_ranks, rrf_keys
from indexer.search.highlight import highlight_spans
from indexer.search.kinds import answer_type_bonus, classify
from indexer.search.named import named_documents
from indexer.search.translate import translate
from indexer.extract.units import spelled_out
from indexer.settings import Settings
from indexer.text import fold, query_language

if TYPE_CHECKING:
    from indexer.pipeline import IndexReport, IndexRun

log = logging.getLogger("nghiquyet.service")

# Fused results a question's kind may re-order (answer_type_bonus): the head where near-equals sit.
ANSWER_TYPE_DEPTH = 10
# Passages from which BM25 runs beside the query encoder (``Service._legs_overlap``).
PARALLEL_FROM = 20_000
# One question of each kind and language (who, target, deadline, general; Vietnamese, without
# diacritics, English): the first of each builds caches of its own (accent model, glossary,
# document headings, items by kind).
WARM_QUESTIONS = ("Ai chủ trì tuyên truyền?", "Chỉ tiêu tỷ lệ che phủ rừng đến năm 2030 là bao nhiêu?",
                  "Khi nào phải báo cáo kết quả?", "ke hoach tuyen truyen", "bao nhieu khach du lich",
                  "who is responsible for propaganda", "communication plan")
_ENCODER_POOL = ThreadPoolExecutor(max_workers=2, thread_name_prefix="nghiquyet-encode")

__all__ = ["Busy", "DocFilter", "IndexBusy", "IndexUnavailable", "Service", "UnknownDocument"]


class Busy(IndexBusy):
    """Another write (upload, delete, indexing run) is in progress."""


@dataclass(frozen=True)
class DocFilter:
    """Restrict a search to documents by metadata (all given fields must match). ``issuer`` matches
    case- and diacritics-insensitively as a substring; ``year`` is the year of the document date."""

    doc_type: str | None = None
    issuer: str | None = None
    year: int | None = None

    def __bool__(self) -> bool:
        return any(v not in (None, "") for v in (self.doc_type, self.issuer, self.year))

    def matches(self, doc) -> bool:
        if self.doc_type and fold(doc.get("type") or "").lower() != fold(self.doc_type).lower():
            return False
        if self.issuer and fold(self.issuer).lower() not in fold(doc.get("issuer") or "").lower():
            return False
        if self.year and (doc.get("date") or "")[:4] != str(self.year):
            return False
        return True


class Service:
    def __init__(self, settings: Settings, engine: Engine | None = None, embedder=None):
        self.settings = settings
        self._embedder = embedder
        self._embedder_lock = threading.Lock()
        self.accounts = Accounts(settings.data_dir)  # users, audit, visibility decisions
        self.engine = VisibleEngine(engine or open_engine(settings, dim=lambda: self.embedder.dim),
                                    self.accounts, public_only=False)
        self._write_lock = threading.Lock()
        self._cache_lock = threading.Lock()
        self._cache_version: str | None = None
        self._cache: dict = {}
        self._building: dict[str | tuple, threading.Lock] = {}  # name -> lock of its builder
        self._results = ResultCache(settings.search_cache_size)
        self._asks = ResultCache(settings.search_cache_size)

    # -- components -------------------------------------------------------------------------------
    @property
    def embedder(self):
        if self.__dict__.get("_base") is not None:  # a viewer's view shares its service's model
            return self._base.embedder
        if self._embedder is None:
            with self._embedder_lock:
                if self._embedder is None:
                    from indexer.embed.embedder import load_embedder

                    self._embedder = load_embedder(self.settings)
        return self._embedder

    def _embedder_ready(self) -> bool:
        base = self.__dict__.get("_base") or self
        return base._embedder is not None

    def _cached(self, name: str | tuple, build):
        """A value computed once per engine version (documents, accent model, units). One thread
        builds it while the others asking for it wait: sixteen first requests each building the
        same one-second value on two cores took ~30 s each."""
        version = self.engine.version()
        with self._cache_lock:
            if version != self._cache_version:
                self._cache, self._cache_version = {}, version
            if name in self._cache:
                return self._cache[name]
            gate = self._building.setdefault(name, threading.Lock())
        with gate:
            with self._cache_lock:
                if self._cache_version == version and name in self._cache:
                    return self._cache[name]
            value = build()
            with self._cache_lock:
                if self._cache_version == version:
                    self._cache[name] = value
            return value

    # -- writing ----------------------------------------------------------------------------------
    def _exclusive(self, job):
        """One write at a time from this process; the engine's writer session guards the others.
        Raises Busy when either is taken."""
        if not self._write_lock.acquire(blocking=False):
            raise Busy("another indexing run is in progress; try again when it ends")
        try:
            return job()
        except IndexBusy as exc:
            raise Busy(str(exc)) from None
        finally:
            self._write_lock.release()

    def _run(self) -> IndexRun:
        from indexer.pipeline import IndexRun

        return IndexRun(self.settings, self.engine.inner, lambda: self.embedder)  # storage, unfiltered

    def index_paths(self, paths: list[Path], rebuild: bool = False, prune: bool = False,
                    progress=None, visibility: str | None = None, actor: str = "cli") -> IndexReport:
        """Index files and folders (recursively); unchanged files are skipped by content hash.
        ``visibility`` (public/internal) overrides the automatic choice (indexer.visibility)."""
        from indexer.pipeline import Source, collect_files

        files, failed = collect_files([Path(p) for p in paths])
        sources = [Source(str(p), p.name, path=p, visibility=visibility) for p in files]
        dirs = [Path(p) for p in paths if Path(p).is_dir()]
        report = self._exclusive(lambda: self._run().run(
            sources, rebuild=rebuild, prune_missing=prune, prune_under=dirs if prune else None,
            progress=progress, pre_failed=failed))
        return self._after_write("index", report, visibility, actor)

    def add_files(self, files: list[tuple[str, bytes]], visibility: str | None = None,
                  actor: str = "cli", ip: str = "") -> IndexReport:
        """Index uploaded files (name, bytes). A file is identified by its name and content: an
        upload never replaces another document, even one with the same file name."""
        from indexer.pipeline import Source, upload_source

        sources = [Source(upload_source(name, data), Path(name).name, data=data, visibility=visibility)
                   for name, data in files]
        report = self._exclusive(lambda: self._run().run(sources))
        return self._after_write("upload", report, visibility, actor, ip)

    def delete(self, doc_ids: list[str], actor: str = "cli", ip: str = "") -> IndexReport:
        known = {d["id"] for d in self.engine.documents()}
        unknown = [d for d in doc_ids if d not in known]
        if unknown:
            raise UnknownDocument(", ".join(unknown))
        report = self._exclusive(lambda: self._run().run([], delete_ids=doc_ids))
        return self._after_write("delete", report, None, actor, ip)

    def _after_write(self, action: str, report: IndexReport, visibility: str | None, actor: str,
                     ip: str = "") -> IndexReport:
        """Visibility decisions and the audit entry of a write (indexer.access, indexer.accounts)."""
        from indexer.access import after_write

        after_write(self, action, report, visibility, actor, ip)
        return report

    def for_viewer(self, principal: Principal = ANONYMOUS) -> "Service":
        """The service as ``principal`` may see it: everything for signed-in users, public
        documents only for anonymous viewers (indexer.access)."""
        if self.__dict__.get("_base") is not None:
            return self._base.for_viewer(principal)
        if principal.reads_internal:
            return self
        view = self.__dict__.get("_public")
        if view is None:
            from indexer.access import public_view

            view = self._public = public_view(self)
        view.ready = getattr(self, "ready", False)
        return view

    def set_visibility(self, doc_id: str, visibility: str, actor: str = "cli", ip: str = "") -> DocumentInfo:
        """Make a document public or internal (an editor's decision, audited)."""
        from indexer.access import change_visibility

        return change_visibility(self, doc_id, visibility, actor, ip)

    @staticmethod
    def report_dict(report: IndexReport) -> dict:
        """The indexing report plus, per file, its upload name and a Vietnamese message."""
        from indexer.ingest.errors import MESSAGES_VI
        from indexer.pipeline import source_file_name

        body = report.to_dict()
        for f in body["files"]:
            f["name"] = source_file_name(f["source"])
            f["message_vi"] = (MESSAGES_VI.get(f.get("code") or "", f.get("reason") or "")
                               if f["status"] == "failed" or f.get("code") else "")
        return body

    # -- documents --------------------------------------------------------------------------------
    def _documents(self) -> list[dict]:
        return self._cached("documents", self.engine.documents)

    def documents(self) -> list[DocumentInfo]:
        docs = self._documents()
        return [self._info(d, docs) for d in docs]

    def _info(self, d: dict, docs: list[dict]) -> DocumentInfo:
        from indexer.pipeline import source_file_name

        links = link_candidates(d.get("implements") or [], docs, d["id"])
        keep = set(DocumentInfo.model_fields) - {"implements", "file_name"}
        return DocumentInfo(**{k: v for k, v in d.items() if k in keep}, implements=links,
                            file_name=source_file_name(d.get("source") or ""))

    def document(self, doc_id: str) -> DocumentDetail | None:
        """Metadata with resolved links, text, outline, blocks and passage offsets."""
        doc = self.engine.document(doc_id)
        if doc is None:
            return None
        from indexer.structure import public_outline

        blocks = doc["blocks"]
        outline = public_outline(blocks, doc["text"])
        info = self._info(doc, self._documents())
        return DocumentDetail(**info.model_dump(), text=doc["text"], outline=outline, blocks=blocks,
                              passage_list=doc.get("passage_list") or [], page_starts=doc.get("page_starts"))

    def passages(self, doc_id: str) -> list[dict]:
        """A document's passage table (offsets, ordinals), kept per index version: every answer box
        and citation link reads it, and a document read is ~30 ms on a law."""
        def build() -> list[dict] | None:
            doc = self.engine.document(doc_id)
            return None if doc is None else doc.get("passage_list") or []

        rows = self._cached(("passages", doc_id), build)
        if rows is None:
            raise UnknownDocument(doc_id)
        return rows

    def original(self, doc_id: str) -> tuple[bytes, str, str] | None:
        """(bytes, file name, media type) of the file a document was indexed from, when kept
        (``Settings.originals_dir``; content-addressed by the document's content hash)."""
        import mimetypes

        from indexer.ingest.originals import Originals
        from indexer.pipeline import source_file_name

        doc = next((d for d in self._documents() if d["id"] == doc_id), None)
        if doc is None:
            raise UnknownDocument(doc_id)
        data = Originals(self.settings.resolved_originals_dir()).get(doc.get("content_hash") or "")
        if data is None:
            return None
        name = source_file_name(doc.get("source") or "") or f"{doc_id}.bin"
        return data, name, mimetypes.guess_type(name)[0] or "application/octet-stream"

    def children(self, doc_id: str) -> list[str]:
        """Indexed documents that say they implement ``doc_id``."""
        from indexer.links import children_of

        return children_of(doc_id, self._documents())

    def parent_of(self, doc_id: str) -> str | None:
        doc = next((d for d in self._documents() if d["id"] == doc_id), None)
        return find_parent((doc or {}).get("implements") or [], self._documents(), doc_id)

    # -- items and units --------------------------------------------------------------------------
    def items(self, doc_id: str, kind: str | None = None) -> list[dict]:
        """Extracted items of one document in reading order (raises UnknownDocument)."""
        if not any(d["id"] == doc_id for d in self._documents()):
            raise UnknownDocument(doc_id)
        return self.engine.items([doc_id], kind)

    def all_items(self, kind: str, doc_ids: set[str] | None = None) -> list[dict]:
        """Items of one kind across documents, in one batched read, with their document title."""
        base = self.__dict__.get("_base")
        if base is not None:  # a public view: the signed-in service's items, its hidden ones left
            # out (the same dicts, not a second copy: ~130 MB at 100k passages)
            def visible() -> list[dict]:
                shown = {d["id"] for d in self._documents()}
                return [it for it in base.all_items(kind) if it["doc_id"] in shown]

            items = self._cached(f"items:{kind}", visible)
        else:
            items = self._cached(f"items:{kind}", lambda: self.engine.items(None, kind))
        if doc_ids is not None:
            items = [it for it in items if it["doc_id"] in doc_ids]
        return items

    def unit_items(self, name: str) -> list[dict]:
        """Every item about one unit across documents: its responsibilities (matched on the
        normalized name, "ubnd xa" finds "Ủy ban nhân dân xã") and the deadlines of those tasks."""
        from indexer.extract import select_unit_keys, unit_key

        keys = sorted({unit_key(i["unit_normalized"]) for i in self.all_items("responsibility")
                       if i.get("unit_normalized")})
        keys = select_unit_keys(name, keys)
        resp = self.engine.items(None, "responsibility", keys) if keys else []
        spans = {(r["doc_id"], r["start"], r["end"]) for r in resp}
        deadlines = [d for d in self.all_items("deadline")
                     if any(doc == d["doc_id"] and s <= d["when_start"] < e for doc, s, e in spans)]
        return sorted(resp + deadlines, key=lambda x: (x["doc_id"], x["start"], x["kind"] != "responsibility"))

    def units(self, q: str | None = None, doc: str | None = None) -> list[UnitSummary]:
        """Units named in responsibilities with their counts, most widespread first. ``q`` keeps the
        units whose name (normalized or as written) contains it, case- and diacritics-insensitively;
        ``doc`` keeps the units of one document (counts stay over all documents)."""
        from indexer.extract import unit_key

        seen: dict[str, dict] = {}
        for item in self.all_items("responsibility"):
            key = unit_key(item["unit_normalized"])
            entry = seen.setdefault(key, {"name": item["unit_normalized"], "key": key, "items": 0,
                                          "documents": set(), "written": set()})
            entry["items"] += 1
            entry["documents"].add(item["doc_id"])
            entry["written"].add(item["unit"])
        out = [{**e, "documents": sorted(e["documents"]), "written": sorted(e["written"])}
               for e in sorted(seen.values(), key=lambda e: (-len(e["documents"]), -e["items"], e["key"]))]
        if q:
            needle = " ".join(fold(q).lower().split())
            out = [u for u in out if any(needle in " ".join(fold(n).lower().split())
                                         for n in [u["name"], *u["written"]])]
        if doc:
            out = [u for u in out if doc in u["documents"]]
        return [UnitSummary(**u) for u in out]

    def unit(self, name: str) -> UnitDetail | None:
        """Everything one unit must do across all documents, grouped by document, with deadlines."""
        from indexer.extract import normalize_unit

        groups: dict[str, dict] = {}
        for item in self.unit_items(name):
            g = groups.setdefault(item["doc_id"], {"doc_id": item["doc_id"],
                                                   "doc_title": item.get("doc_title", ""),
                                                   "responsibilities": [], "deadlines": []})
            g["responsibilities" if item["kind"] == "responsibility" else "deadlines"].append(item)
        if not groups:
            return None
        return UnitDetail(unit=normalize_unit(name), documents=[UnitDocument(**g) for g in groups.values()])

    # -- search -----------------------------------------------------------------------------------
    def accent_model(self) -> AccentModel:
        """The diacritics-restoration model of the index: the one an engine stores with its version
        (``accent_model()``, optional: the local engine writes it with each generation), else
        merged here from the per-document counts (the same counts), read into an ``AccentModel``
        once per index version."""
        def build() -> AccentModel:
            stored = getattr(self.engine, "accent_model", None)
            model = stored() if stored is not None else None
            return AccentModel(model if model is not None else merge_accent_counts(self.engine.accent_counts()))

        base = self.__dict__.get("_base")
        if base is not None:  # a public view: the index's one model (stored with the generation)
            return base.accent_model()
        return self._cached("accents", build)

    def _articles(self) -> dict:
        """(doc id, ordinal) -> the law article ("Điều N") the passage belongs to, per version. A
        public view reads the signed-in service's map: looked up by visible passages only."""
        base = self.__dict__.get("_base")
        if base is not None:
            return base._articles()
        return self._cached("articles", lambda: article_map(
            {d["id"]: self.engine.document(d["id"]).get("passage_list") or [] for d in self._documents()}))

    def _legs_overlap(self) -> bool:
        """Whether BM25 runs beside the query encoder: on a large local index (BM25 ~3 ms and the
        HNSW walk ~3 ms at 100k passages) or a remote engine (waits on the network), yes; on a
        small one (BM25 ~0.1 ms) the lexical leg only competes with the encoder's two threads for
        two cores, and one after the other is as fast (plans + laws 10.2 vs 9.9 ms, plans alone
        7.7 vs 7.3 ms in-process)."""
        if self.settings.engine != "local":
            return True
        try:
            return (self._cached("stats", self.engine.stats).get("passages") or 0) >= PARALLEL_FROM
        except Exception:  # no index yet: the search itself says so
            return True

    def _article_openings(self) -> dict:
        """(doc id, "Điều N") -> the key of the article's first passage, per version."""
        base = self.__dict__.get("_base")
        if base is not None:
            return base._article_openings()
        return self._cached("article_openings", lambda: article_openings(self._articles()))

    def _allowed(self, doc: str | None, filters: DocFilter | None) -> set[str] | None:
        if not doc and not filters:
            return None
        docs = self._documents()
        if doc and not any(d["id"] == doc for d in docs):
            raise UnknownDocument(doc)
        return {d["id"] for d in docs if (not doc or d["id"] == doc) and (not filters or filters.matches(d))}

    def search(self, query: str, k: int = 10, doc: str | None = None,
               legs: tuple[str, ...] = ("lexical", "dense"), filters: DocFilter | None = None,
               highlights: bool = True) -> SearchResponse:
        """Hybrid search: BM25 (words + folded) and embeddings, fused by weighted RRF; verbatim
        passages with offsets and highlights, best first. ``highlights=False`` leaves the results'
        highlights empty, for callers that read passages and show none: the answer engine's own
        searches (up to 30 results, ~30 µs of matching each, a third of a search's Python time)."""
        started = time.perf_counter()
        cache_key = (self.engine.version(), query, k, doc, filters, tuple(legs), highlights)
        if (cached := self._results.get(cache_key)) is not None:
            return cached.model_copy(update={"took_ms": round((time.perf_counter() - started) * 1000, 2)})
        lang = query_language(query)
        allowed = self._allowed(doc, filters)
        if allowed is not None and not allowed:
            return SearchResponse(query=query, took_ms=(time.perf_counter() - started) * 1000, language=lang)
        parallel = self.settings.parallel_legs and (not self._embedder_ready() or self._legs_overlap())
        if parallel and "dense" in legs and not self._embedder_ready():
            # A cold process (the CLI, a server's first query) loads the model on the pool while
            # this thread opens the index, restores accents and runs BM25.
            _ENCODER_POOL.submit(lambda: self.embedder)
        interpreted = restore(query, self.accent_model()) if lang == "vi-noaccent" else query
        translated = translate(query) if lang == "en" and self.settings.translate_en else ""
        n = self.settings.candidates
        ranked: dict[str, list[PassageKey]] = {}
        dense_texts = {}
        if "dense" in legs:
            dense_texts["dense"] = interpreted
            if translated and self.settings.weight_dense_translated:
                dense_texts["dense_vi"] = translated
        # The query embedding and the vector search (C code that releases the GIL) run on the pool
        # while BM25 runs here: at 100k passages the HNSW walk (~10 ms) no longer waits for BM25
        # (~12 ms). The model is fetched on the pool too, so a model still loading never holds
        # this thread.
        def dense_keys(text: str) -> list[PassageKey]:
            return [h.key for h in self.engine.dense(self.embedder.encode_query(text), n, allowed)]

        futures = {leg: _ENCODER_POOL.submit(dense_keys, text)
                   for leg, text in dense_texts.items()} if parallel else {}
        if "lexical" in legs:
            text, text_lang = (translated, "vi") if translated else (interpreted, lang)
            if not translated and self.settings.spell_out_abbreviations and (long := spelled_out(text)):
                text = f"{text} {long}"  # "UBTVQH" asked, "Ủy ban thường vụ Quốc hội" written
            words, folded = word_terms(text), folded_terms(text)
            if translated:  # a term several glossary alternatives share ("trách nhiệm" in "chịu trách
                # nhiệm" and "trách nhiệm") counts once: the alternatives are one English word, not
                # a repetition (dev English hit@1 .6 -> .8, questions.en .84 -> .88)
                words, folded = list(dict.fromkeys(words)), list(dict.fromkeys(folded))
            if self.settings.weight_folded_leg:  # words and folded fields as two fused legs
                hits = self.engine.lexical(words, [], 0.0, n, allowed)
                ranked["folded"] = [h.key for h in self.engine.lexical([], folded, 1.0, n, allowed)]
            else:
                hits = self.engine.lexical(words, folded, 0.3 if text_lang == "vi" else 1.0, n, allowed)
            ranked["lexical"] = [h.key for h in hits]
            if self.settings.weight_articles:
                ranked["articles"] = [key for key, _ in article_leg([(h.key, h.score) for h in hits],
                                                                   self._articles())]
        for leg, text in dense_texts.items():
            ranked[leg] = futures[leg].result() if leg in futures else dense_keys(text)
        weights = self.settings.leg_weights(lang, bool(translated))
        weights["folded"] = weights["lexical"] * self.settings.weight_folded_leg
        if self.settings.weight_named and not doc:
            # A query naming a resolution by number: the candidates of the documents it names (or
            # that implement it) as one more leg, in the order the other legs agree on.
            named = named_documents([query, interpreted, translated], self._documents(), titles=False)
            if named:
                ranked["named"] = [key for key, _, _ in rrf_keys(ranked, weights, self.settings.rrf_k, ranks=False)
                                   if key[0] in named]
                weights["named"] = self.settings.weight_named
        fused = rrf_keys(ranked, weights, self.settings.rrf_k, ranks=False)
        depth = ANSWER_TYPE_DEPTH if self.settings.weight_answer_type else 0
        rows = self.engine.passages_at([key for key, _, _ in fused[:max(k, depth)]])
        if depth:  # a how-many/when question: the passages holding a number/date first, among equals
            fused = answer_type_bonus(classify(query), fused, {key: row["text"] for key, row in rows.items()},
                                      self.settings.weight_answer_type, depth)
        if self.settings.article_openings:
            articles = self._articles()
            if articles:
                fused = with_openings(fused, articles, self._article_openings(), self.settings.article_openings)
                missing = [key for key, _, _ in fused[:k] if key not in rows]
                if missing:
                    rows.update(self.engine.passages_at(missing))
        fused = fused[:k]
        positions = leg_positions({leg: ranked[leg] for leg in ("lexical", "dense", "dense_vi") if leg in ranked})
        docs = {d["id"]: d for d in self._documents()}
        results = []
        for key, score, _ in fused:
            row = rows.get(key)
            if row is None:
                continue
            d = docs.get(key[0], {})
            results.append(SearchResult(
                text=row["text"], doc_id=key[0], doc_title=d.get("title") or d.get("type") or key[0],
                doc_number=d.get("number") or "", doc_type=d.get("type") or "",
                doc_issuer=d.get("issuer") or "", doc_date=d.get("date") or "",
                section_path=" › ".join(row["section_path"]), section_path_parts=row["section_path"],
                passage=key[1], page=row.get("page"), start=row["start"], end=row["end"], score=round(score, 6),
                ranks={"lexical": None, "dense": None, **leg_ranks(positions, key)},
                highlights=highlight_spans(row["text"], translated or query, row.get("words")) if highlights else []))
        response = SearchResponse(query=query, took_ms=round((time.perf_counter() - started) * 1000, 2),
                                  language=lang, interpreted=interpreted if interpreted != query else "",
                                  translated=translated, results=results)
        self._results.put(cache_key, response)
        return response

    # -- answers, compare, brief ------------------------------------------------------------------
    def ask(self, question: str, k: int = 10, response: SearchResponse | None = None,
            doc_ids: set[str] | None = None) -> AskResponse:
        """The short answer to ``question`` (or none) with its citations, from ``response`` (this
        question's search, when the caller has it) or a search. Kept like search responses: a page
        reloaded and the API asked again cost nothing; the key holds the index version and the
        passages the answer reads, so a write or another filter never serves an older answer."""
        from indexer.answer import ask

        if response is None:
            response = self.search(question, k=k, highlights=False)
        key = (self.engine.version(), question, k, None if doc_ids is None else frozenset(doc_ids),
               response.language, response.interpreted, response.translated,
               tuple((r.doc_id, r.passage) for r in response.results[:k]))
        if (cached := self._asks.get(key)) is not None:
            return cached
        try:
            answer = AskResponse(**ask(self, question, k=k, response=response, doc_ids=doc_ids))
        except Exception:
            if getattr(self.settings, "show_errors", False):
                raise
            # A reader's bug on an odd question must not take the search down with it: no answer,
            # the closest passages, and the question in the log (not cached: a fix serves it at once).
            log.exception("answer engine failed for %r; answering 'not found'", question)
            return self._unanswered(question, response, k)
        self._asks.put(key, answer)
        return answer

    def _unanswered(self, question: str, response: SearchResponse, k: int) -> AskResponse:
        from indexer.answer import NOT_FOUND_VI

        citations = [{"text": r.text, "doc_id": r.doc_id, "doc_title": r.doc_title,
                      "section_path": list(r.section_path_parts or []), "start": r.start, "end": r.end}
                     for r in response.results[:min(k, 3)]]
        return AskResponse(question=question, kind="general", answer=None, message=NOT_FOUND_VI,
                           citations=citations, interpreted=response.interpreted or "")

    def compare(self, parent: str | None, child: str) -> dict:
        """Compare two documents (indexed ids, or file paths for the CLI); raises SideNotFound."""
        from indexer.compare import run_compare

        return run_compare(self, parent, child, self.settings)

    def compare_indexed(self, parent: str | None, child: str) -> dict:
        """Compare two indexed documents (ids only: the API never reads server files). Raises
        UnknownDocument, ValueError (same document twice) or SideNotFound (no parent found)."""
        known = {d["id"] for d in self._documents()}
        for ref in (parent, child):
            if ref and ref not in known:
                raise UnknownDocument(f"'{ref}'")
        if parent and parent == child:
            raise ValueError("parent and child must be two different documents")
        return self.compare(parent, child)

    def coverage(self, parent: str, children: list[str] | None = None) -> dict:
        """The coverage matrix of one document against its implementing plans: ``children`` picked
        by hand, or (default) the indexed documents that say they implement it. Raises
        UnknownDocument for an unknown id; results are cached by content hash
        (``indexer.compare.coverage``)."""
        from indexer.compare.coverage import CoverageRunner

        known = {d["id"] for d in self._documents()}
        for ref in [parent, *(children or [])]:
            if ref not in known:
                raise UnknownDocument(f"'{ref}'")
        with self._cache_lock:
            runner = getattr(self, "_coverage_runner", None)
            if runner is None:
                runner = self._coverage_runner = CoverageRunner(self)
        return runner.run(parent, children or None)

    def implementation_tree(self, root: str, depth: int = 4) -> dict:
        """``root`` and the plans implementing it, recursively (cycles cut), for the graph page."""
        docs = {d["id"]: d for d in self._documents()}
        if root not in docs:
            raise UnknownDocument(f"'{root}'")

        def node(doc_id: str, seen: frozenset, level: int) -> dict:
            d = docs[doc_id]
            kids = [] if level >= depth else [node(c, seen | {c}, level + 1)
                                               for c in self.children(doc_id) if c not in seen]
            return {"id": doc_id, "title": d.get("title") or "", "type": d.get("type") or "",
                    "number": d.get("number") or "", "issuer": d.get("issuer") or "", "children": kids}

        return node(root, frozenset({root}), 0)

    def coverage_tree(self, root: str, figures: bool = True) -> dict:
        """The implementation tree with, on every child, its coverage of its own parent (the share of
        the parent's items covered, stricter or earlier; cached comparisons)."""
        tree = self.implementation_tree(root)

        def walk(node: dict) -> None:
            if figures and node["children"]:
                matrix = self.coverage(node["id"], [c["id"] for c in node["children"]])
                got = {c["id"]: c for c in matrix["children"]}
                for c in node["children"]:
                    summary = got.get(c["id"]) or {}
                    c["coverage"] = summary.get("coverage")
                    c["gaps"] = summary.get("gaps")
            for c in node["children"]:
                walk(c)

        walk(tree)
        return tree

    def brief_indexed(self, doc_id: str) -> dict:
        if not any(d["id"] == doc_id for d in self._documents()):
            raise UnknownDocument(doc_id)
        return self.brief(doc_id)

    def brief(self, ref: str) -> dict:
        """The study brief of an indexed document (or a file path, for the CLI)."""
        from indexer.brief import build_brief
        from indexer.compare import load_side

        return build_brief(load_side(ref, self, self.settings))

    # -- status -----------------------------------------------------------------------------------
    def health(self) -> Health:
        try:
            stats = self._cached("stats", self.engine.stats)  # every page header shows them
        except IndexUnavailable as exc:
            return Health(status="no_index", engine=self.engine.name, detail=str(exc))
        return Health(status="ok", ready=getattr(self, "ready", False), engine=self.engine.name,
                      generation=stats.get("version"), documents=stats.get("documents"),
                      passages=stats.get("passages"), model=stats.get("model"), created=stats.get("created"))

    def warm_up(self, then=None) -> None:
        """Load the index, the segmenter, the model and the answer path, so the first user request
        is as fast as the rest; ``then`` (the server's: one request through every route family, so
        templates and serializers are loaded too) runs before ``health().ready`` turns True."""
        try:
            if hasattr(self.embedder, "warm_up"):
                try:
                    self.embedder.warm_up()
                except Exception as exc:  # the compact tokenizer still answers: not a reason to stay cold
                    log.warning("embedder warm-up failed: %s", exc)
            # Signed-in users see this service, anonymous ones its public view (caches of its own):
            # every kind of question, in every language, on both, so no first request builds them.
            for service in (self, self.for_viewer()):
                for question in WARM_QUESTIONS:
                    service.ask(question, response=service.search(question, k=10))
                    service.ask(question)
                service.units()
                service.documents()
            if then is not None:
                then()
            self.ready = True
        except Exception as exc:  # no index yet, or no model: requests will say so clearly
            log.info("warm-up skipped: %s", exc)
