"""One document through the pipeline: ingest -> structure -> passages. Pure apart from file reading."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from indexer.ingest import OcrOptions, OcrPage, read_document, reflow
from indexer.passages import Passage, build_passages
from indexer.settings import Settings
from indexer.structure import Block, DocMeta, extract_metadata, parse_outline


@dataclass
class ParsedDocument:
    id: str
    source: str
    content_hash: str
    text: str
    meta: DocMeta
    blocks: list[Block]
    passages: list[Passage]
    # Paged originals (PDF, images): offset in ``text`` where each page starts; None otherwise.
    page_starts: list[int] | None = None
    ocr: list[OcrPage] = field(default_factory=list)  # per OCR'd page: seconds, cached
    encoding: str | None = None  # a legacy encoding converted to Unicode (tcvn3, vni)

    @property
    def ocr_seconds(self) -> float:
        return sum(p.seconds for p in self.ocr)

    def ocr_summary(self) -> dict:
        """For the indexing report: pages OCR'd, how many came from the cache, seconds per page."""
        done = [p for p in self.ocr if not p.cached]
        return {"pages": len(self.ocr), "cached": len(self.ocr) - len(done),
                "seconds": round(self.ocr_seconds, 2),
                "seconds_per_page": round(sum(p.seconds for p in done) / len(done), 2) if done else 0.0}

    @property
    def title(self) -> str:
        return self.meta.title or self.meta.type or self.id


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def slug(name: str) -> str:
    """A URL-safe document id from a file name: ASCII letters, digits, '-' and '_'."""
    from indexer.text import fold

    stem = fold(Path(name).stem).lower()
    stem = re.sub(r"[^a-z0-9_-]+", "-", stem).strip("-_")
    return stem[:80] or "document"


def parse_text(doc_id: str, source: str, raw_text: str, digest: str, settings: Settings,
               paged: bool = False) -> ParsedDocument:
    """Raw text -> stored text, outline, metadata and passages. ``paged``: the raw text separates
    pages with form feeds (PDF, images) and passages carry their page."""
    flowed = reflow(raw_text, wrapped=True if paged else None)
    blocks = parse_outline(flowed.text, flowed.bold_starts)
    meta = extract_metadata(blocks)
    page_starts = flowed.page_starts if paged else None
    passages = build_passages(doc_id, flowed.text, blocks, settings.passage_min_chars,
                              settings.passage_max_chars, page_starts)
    return ParsedDocument(doc_id, source, digest, flowed.text, meta, blocks, passages, page_starts)


def parse_bytes(doc_id: str, source: str, name: str, data: bytes, settings: Settings,
                progress: Callable[[int, int, float, bool], None] | None = None) -> ParsedDocument:
    """Bytes of a file of any supported format -> ParsedDocument (raises IngestError). Scanned
    pages are OCR'd through the settings' cache; ``progress(page, pages, seconds, cached)`` is
    called after each OCR'd page."""
    digest = content_hash(data)
    raw = read_document(name, data, int(settings.max_file_mb * 1024 * 1024),
                        OcrOptions.from_settings(settings, progress), digest,
                        settings.convert_timeout)
    doc = parse_text(doc_id, source, raw.text, digest, settings, paged=raw.pages is not None)
    doc.ocr = raw.ocr
    doc.encoding = raw.encoding
    return doc
