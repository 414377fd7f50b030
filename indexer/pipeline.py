"""The ingest pipeline, backend-agnostic: files -> read -> structure -> passages -> extract -> terms
-> embed -> ``DocumentRecord``s handed to an engine in one write.

An indexing run (``IndexRun.run``) holds the engine's writer session, skips files whose content hash
is unchanged, re-uses stored vectors for unchanged passage texts (content-hash cache), re-extracts
documents stored by older extraction rules, and lands everything in a single ``engine.write`` — so a
crash at any point leaves the previous state served, on every backend.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from indexer.document import ParsedDocument, parse_bytes, slug
from indexer.engine.base import DocumentRecord, Engine, PassageRecord
from indexer.engine.errors import IndexUnavailable
from indexer.extract import EXTRACT_VERSION, extract, extract_text
from indexer.index.analyzer import folded_terms, word_terms
from indexer.ingest import IngestError
from indexer.passages import context_text
from indexer.search.accents import count_accents
from indexer.settings import Settings
from indexer.structure.outline import Block
from indexer.visibility import decide as decide_visibility

log = logging.getLogger("nghiquyet.index")

Progress = Callable[[str, int, int], None]


@dataclass
class FileOutcome:
    source: str
    status: str  # added | updated | unchanged | removed | failed
    doc_id: str = ""
    passages: int = 0
    reason: str = ""
    code: str = ""
    ocr: dict | None = None  # scanned pages: {"pages", "cached", "seconds", "seconds_per_page"}


@dataclass
class IndexReport:
    files: list[FileOutcome] = field(default_factory=list)
    generation: str | None = None
    embedded: int = 0  # passages whose vectors were computed in this run
    reused: int = 0  # passages whose vectors came from the content-hash cache

    def count(self, status: str) -> int:
        return sum(1 for f in self.files if f.status == status)

    def summary(self) -> dict:
        return {s: self.count(s) for s in ("added", "updated", "unchanged", "removed", "failed")}

    def to_dict(self) -> dict:
        return {"summary": self.summary(), "generation": self.generation, "embedded": self.embedded,
                "reused": self.reused, "files": [asdict(f) for f in self.files]}


@dataclass
class Source:
    """Something to index: a file on disk or bytes given directly (an upload)."""

    source: str
    name: str
    data: bytes | None = None
    path: Path | None = None
    visibility: str | None = None  # public / internal; None: decided by indexer.visibility


def collect_files(paths: list[Path]) -> tuple[list[Path], list[FileOutcome]]:
    """Supported files under the given paths (recursively), and a failure with its reason for every
    other file found (unsupported, hidden, temporary, unreadable) or path that does not exist."""
    from indexer.ingest.files import collect_files as collect

    found, skipped = collect([Path(p) for p in paths])
    return found, [FileOutcome(s.source, "failed", reason=s.reason, code=s.code) for s in skipped]


def upload_source(name: str, data: bytes) -> str:
    """The source of an uploaded file: its name plus its content hash. A document's identity is
    never its file name alone: two communes both sending "ke-hoach.docx" get two documents, and the
    same bytes uploaded again are recognised as unchanged."""
    return f"upload:{Path(name).name}@{hashlib.sha256(data).hexdigest()[:12]}"


def source_file_name(source: str) -> str:
    """The file name a user knows, from a source (a path, or an upload source)."""
    if source.startswith("upload:"):
        name = source.removeprefix("upload:")
        head, sep, tail = name.rpartition("@")
        return head if sep and len(tail) == 12 and all(c in "0123456789abcdef" for c in tail) else name
    return Path(source).name


def vector_key(model: str, text: str) -> str:
    """The embedding cache key: the same text under the same model is embedded once."""
    return hashlib.sha256(f"{model}\x00{text}".encode()).hexdigest()


def _unique_id(base: str, source: str, taken: set[str]) -> str:
    if base not in taken:
        return base
    return f"{base}-{hashlib.sha1(source.encode()).hexdigest()[:6]}"


def _is_under(source: str, root: Path) -> bool:
    try:
        Path(source).relative_to(Path(root).resolve())
        return True
    except ValueError:
        return False


def _block_dicts(blocks: list[Block]) -> list[dict]:
    return [{"idx": b.index, "start": b.start, "end": b.end, "kind": b.kind, "marker": b.marker,
             "level": b.level, "parents": list(b.parents)} for b in blocks]


def blocks_from_dicts(text: str, rows: list[dict]) -> list[Block]:
    """Outline blocks of a stored document (the inverse of what the pipeline stores)."""
    return [Block(r.get("idx", i), r["start"], r["end"], text[r["start"]:r["end"]], r["kind"],
                  r.get("marker"), r.get("level") or 0, list(r.get("parents") or []))
            for i, r in enumerate(rows)]


class IndexRun:
    """One indexing run of the pipeline against one engine with one embedder."""

    def __init__(self, settings: Settings, engine: Engine, embedder_factory: Callable[[], object]):
        self.settings = settings
        self.engine = engine
        self._embedder_factory = embedder_factory
        self._contexts: dict[str, str] = {}  # vector key -> the text to embed (title + headings + passage)

    def record(self, doc: ParsedDocument, visibility: str | None = None) -> DocumentRecord:
        """A parsed document with its items, terms and accent counts (vectors come later).
        ``visibility`` is the one decided by ``indexer.visibility`` (stored in the metadata)."""
        s = self.settings
        passages = []
        for p in doc.passages:
            ctx = context_text(p, doc.title, s.heading_context, s.context_heading_chars)
            key = vector_key(s.model, ctx)
            self._contexts[key] = ctx
            passages.append(PassageRecord(p.ordinal, p.start, p.end, p.kind, list(p.section_path), p.text,
                                          key, None, word_terms(ctx), folded_terms(ctx),
                                          p.page))
        meta = doc.meta.to_dict()
        if doc.page_starts:
            meta["page_starts"] = list(doc.page_starts)
        meta["visibility"] = visibility or decide_visibility(None, doc.text)
        return DocumentRecord(doc.id, doc.source, doc.content_hash, doc.text, meta,
                              _block_dicts(doc.blocks), passages, [i.to_dict() for i in extract(doc)],
                              EXTRACT_VERSION, count_accents(p.text for p in doc.passages))

    def embed(self, records: list[DocumentRecord], report: IndexReport, progress: Progress | None) -> None:
        """Fill every passage's vector: from the engine's cache when the text is unchanged, else by
        encoding (each distinct text once)."""
        passages = [p for r in records for p in r.passages]
        cached = self.engine.cached_vectors(sorted({p.vector_key for p in passages})) if passages else {}
        missing: dict[str, str] = {}
        for p in passages:
            if p.vector_key not in cached:
                missing.setdefault(p.vector_key, self._contexts[p.vector_key])
        report.reused = sum(1 for p in passages if p.vector_key in cached)
        fresh = {}
        if missing:
            keys = list(missing)
            done = [0]

            def step(n: int) -> None:
                done[0] += n
                if progress:
                    progress("embed", done[0], len(keys))

            vectors = self._embedder_factory().encode_passages([missing[k] for k in keys], progress=step)
            fresh = dict(zip(keys, vectors))
            report.embedded = len(keys)
        for p in passages:
            p.vector = cached.get(p.vector_key)
            if p.vector is None:
                p.vector = fresh[p.vector_key]
        self._contexts.clear()

    def run(self, sources: list[Source], rebuild: bool = False, prune_missing: bool = False,
            prune_under: list[Path] | None = None, delete_ids: list[str] | None = None,
            progress: Progress | None = None, pre_failed: list[FileOutcome] | None = None) -> IndexReport:
        """Index ``sources`` (and drop ``delete_ids``) in one write; no write when nothing changed."""
        report = IndexReport(files=list(pre_failed or []))
        with self.engine.writer(rebuild=rebuild):
            try:
                existing = self.engine.sources()
            except IndexUnavailable as exc:
                if not rebuild:
                    raise
                if not sources:  # the damaged database was the list of files to rebuild from
                    raise IndexUnavailable(
                        "the index database is damaged, so it cannot list the files to rebuild from: run "
                        "`nghiquyet index --rebuild PATH...` with the document files or folders") from None
                log.warning("previous index unreadable (%s); rebuilding from the files", exc)
                existing = {}
            taken = {doc_id for doc_id, _ in existing.values()}
            records: list[DocumentRecord] = []
            replaced: list[str] = []
            seen: set[str] = set()
            max_bytes = int(self.settings.max_file_mb * 1024 * 1024)
            for i, src in enumerate(sources):
                if progress:
                    progress("read", i, len(sources))
                seen.add(src.source)
                prior = existing.get(src.source)
                try:
                    data = src.data
                    if data is None:
                        size = src.path.stat().st_size
                        if size > max_bytes:
                            raise IngestError("too_large", f"the file is {size / 1e6:.1f} MB, over the "
                                                           f"limit of {max_bytes / 1e6:.0f} MB")
                        data = src.path.read_bytes()
                    digest = hashlib.sha256(data).hexdigest()
                    same_bytes = bool(prior) and prior[1] == digest and not rebuild
                    if same_bytes and prior[0] not in self._older_rules():
                        report.files.append(FileOutcome(src.source, "unchanged", prior[0]))
                        continue
                    doc_id = prior[0] if prior else _unique_id(slug(src.name), src.source, taken)
                    taken.add(doc_id)
                    doc = parse_bytes(doc_id, src.source, src.name, data, self.settings,
                                      progress=self._ocr_progress(progress, src.name))
                    if not doc.passages:
                        raise IngestError("no_text", "no text passages found in the file")
                    records.append(self.record(doc, decide_visibility(
                        src.visibility, doc.text, self._prior_visibility().get(doc_id))))
                    self._keep_original(data)
                except IngestError as exc:
                    report.files.append(FileOutcome(src.source, "failed", reason=exc.message, code=exc.code))
                    log.warning("skipped %s: %s", src.source, exc.message)
                    continue
                except OSError as exc:
                    report.files.append(FileOutcome(src.source, "failed", reason=str(exc.strerror or exc),
                                                    code="unreadable"))
                    continue
                if prior:
                    replaced.append(prior[0])
                status = "updated" if prior and not rebuild else "added"
                outcome = FileOutcome(src.source, status, doc_id, len(doc.passages),
                                      ocr=doc.ocr_summary() if doc.ocr else None)
                if same_bytes:  # unchanged, read again only for the newer rules
                    outcome.reason = "read again: indexed under older structure and extraction rules"
                namesake = self._namesake(src, existing)
                if namesake and not prior:
                    outcome.code = "same_name"
                    outcome.reason = (f"a document with the same file name is already indexed ({namesake}); "
                                      "this file was added as a separate document and that one is kept")
                report.files.append(outcome)
            removed: list[str] = []
            for source, (doc_id, _) in existing.items():
                if source in seen:
                    continue
                gone = prune_missing and not Path(source).exists()
                under = prune_under and any(_is_under(source, p) for p in prune_under)
                if (delete_ids and doc_id in delete_ids) or gone or under:
                    removed.append(doc_id)
                    report.files.append(FileOutcome(source, "removed", doc_id))
                elif rebuild:
                    records += self._carry_over(source, doc_id, report)
            stale = {} if rebuild else self._stale_items(existing, {r.id for r in records} | set(removed))
            if not records and not removed and not stale and not rebuild and existing:
                report.generation = self.engine.version()
                return report
            self.embed(records, report, progress)
            if progress:
                progress("terms", len(records), len(records))
            report.generation = self.engine.write(records, replaced + removed, fresh=rebuild, items=stale)
            return report

    def _keep_original(self, data: bytes) -> None:
        """The original file, content-addressed (its sha256 is the document's content hash), for
        "Tải bản gốc". A failure to keep it never fails the indexing."""
        from indexer.ingest.originals import Originals

        try:
            Originals(self.settings.resolved_originals_dir()).put(data)
        except OSError as exc:
            log.warning("original not kept: %s", exc)

    @staticmethod
    def _ocr_progress(progress: Progress | None, name: str):
        if progress is None:
            return None
        return lambda page, pages, seconds, cached: progress(f"ocr {name}", page, pages)

    @staticmethod
    def _namesake(src: Source, existing: dict) -> str | None:
        """Id of another stored upload with the same file name (and other content), if any."""
        if not src.source.startswith("upload:"):
            return None
        name = source_file_name(src.source)
        return next((doc_id for source, (doc_id, _) in existing.items() if source != src.source
                     and source.startswith("upload:") and source_file_name(source) == name), None)

    def _carry_over(self, source: str, doc_id: str, report: IndexReport) -> list[DocumentRecord]:
        """On --rebuild, re-parse a document indexed before whose file still exists."""
        path = Path(source)
        if not path.is_file():
            report.files.append(FileOutcome(source, "removed", doc_id, reason="file no longer exists"))
            return []
        try:
            doc = parse_bytes(doc_id, source, path.name, path.read_bytes(), self.settings)
        except (IngestError, OSError) as exc:
            report.files.append(FileOutcome(source, "failed", doc_id, reason=str(exc)))
            return []
        report.files.append(FileOutcome(source, "added", doc_id, len(doc.passages)))
        return [self.record(doc, decide_visibility(None, doc.text, self._prior_visibility().get(doc_id)))]

    def _older_rules(self) -> set[str]:
        """Ids of documents stored under older structure/extraction rules (EXTRACT_VERSION): their
        files are read again even when unchanged, so a fixed rule reaches passages, not only items."""
        if getattr(self, "_older", None) is None:
            try:
                self._older = {d["id"] for d in self.engine.documents()
                               if d.get("extract_version") != EXTRACT_VERSION}
            except Exception:  # no index yet, or a damaged one being rebuilt
                self._older = set()
        return self._older

    def _prior_visibility(self) -> dict[str, str]:
        """doc id -> visibility stored in the metadata before this run (an update keeps it)."""
        if getattr(self, "_prior", None) is None:
            try:
                self._prior = {d["id"]: d.get("visibility") or "public" for d in self.engine.documents()}
            except Exception:  # no index yet, or a damaged one being rebuilt
                self._prior = {}
        return self._prior

    def _stale_items(self, existing: dict, skip: set[str]) -> dict[str, tuple[list[dict], int]]:
        """Documents kept as they are but stored by older extraction rules: their items again."""
        if not existing:
            return {}
        out = {}
        for d in self.engine.documents():
            if d["id"] in skip or d.get("extract_version") == EXTRACT_VERSION:
                continue
            doc = self.engine.document(d["id"])
            if doc is None:
                continue
            items = extract_text(doc["text"], blocks_from_dicts(doc["text"], doc["blocks"]), d["id"])
            out[d["id"]] = ([i.to_dict() for i in items], EXTRACT_VERSION)
        return out
