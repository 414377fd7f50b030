"""One document through the pipeline: ingest -> structure -> passages. Pure apart from file reading."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from indexer.ingest import read_bytes, reflow
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


def parse_text(doc_id: str, source: str, raw_text: str, digest: str, settings: Settings) -> ParsedDocument:
    """Raw text -> stored text, outline, metadata and passages."""
    flowed = reflow(raw_text)
    blocks = parse_outline(flowed.text, flowed.bold_starts)
    meta = extract_metadata(blocks)
    passages = build_passages(doc_id, flowed.text, blocks, settings.passage_min_chars,
                              settings.passage_max_chars)
    return ParsedDocument(doc_id, source, digest, flowed.text, meta, blocks, passages)


def parse_bytes(doc_id: str, source: str, name: str, data: bytes, settings: Settings) -> ParsedDocument:
    """Bytes of a file of any supported format -> ParsedDocument (raises IngestError)."""
    raw = read_bytes(name, data, int(settings.max_file_mb * 1024 * 1024))
    return parse_text(doc_id, source, raw, content_hash(data), settings)
