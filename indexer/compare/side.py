"""One side of a comparison (or the subject of a brief): an indexed document or a file parsed on the
fly, with its stored text, outline blocks, passages (for reader links) and extracted items.

    side = load_side("002_0f875316a6b16de4", service)          # an indexed document
    side = load_side("my-plan.docx", settings=settings)          # a file not yet indexed
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import Path

from indexer.settings import Settings
from indexer.structure.outline import Block, section_path


class SideNotFound(LookupError):
    """Neither an indexed document id nor a readable file."""


@dataclass
class Side:
    id: str
    text: str
    meta: dict  # type, number, title, issuer, place, date, implements, source
    blocks: list[Block]
    passages: list[dict] = field(default_factory=list)  # ordinal, start, end
    items: list[dict] = field(default_factory=list)
    indexed: bool = True

    def describe(self) -> dict:
        keys = ("type", "number", "title", "issuer", "place", "date", "source")
        return {"id": self.id, "indexed": self.indexed, **{k: self.meta.get(k) or "" for k in keys},
                "implements": list(self.meta.get("implements") or [])}

    def passage_at(self, offset: int) -> int | None:
        """Ordinal of the passage containing ``offset`` (the reader anchors ``#p-{ordinal}``)."""
        if not self.passages:
            return None
        starts = [p["start"] for p in self.passages]
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and self.passages[i]["start"] <= offset < self.passages[i]["end"]:
            return self.passages[i]["ordinal"]
        return None

    def path_of(self, block: Block) -> list[str]:
        return section_path(self.blocks, block)

    def block_at(self, offset: int) -> Block | None:
        for b in self.blocks:
            if b.start <= offset < b.end:
                return b
        return None


def _blocks_from_store(text: str, rows: list[dict]) -> list[Block]:
    return [Block(index=r.get("idx", i), start=r["start"], end=r["end"], text=text[r["start"]:r["end"]],
                  kind=r["kind"], marker=r.get("marker"), level=r.get("level") or 0,
                  parents=list(r.get("parents") or []))
            for i, r in enumerate(rows)]


def side_from_index(service, doc_id: str) -> Side:
    """An indexed document, read through the service (text, outline, passages, items)."""
    doc = service.document(doc_id)
    if doc is None:
        raise SideNotFound(doc_id)
    passages = [{"ordinal": int(p["ordinal"]), "start": int(p["start"]), "end": int(p["end"])}
                for p in doc["passage_list"]]
    meta = {k: doc.get(k) for k in ("type", "number", "title", "issuer", "place", "date", "source")}
    meta["implements"] = [r.model_dump() if hasattr(r, "model_dump") else dict(r) for r in doc["implements"]]
    blocks = [b.model_dump() if hasattr(b, "model_dump") else b for b in doc["blocks"]]
    return Side(doc_id, doc["text"], meta, _blocks_from_store(doc["text"], blocks), passages,
                service.items(doc_id), indexed=True)


def side_from_parsed(parsed) -> Side:
    from indexer.extract import extract

    meta = parsed.meta.to_dict()
    meta["source"] = parsed.source
    passages = [{"ordinal": p.ordinal, "start": p.start, "end": p.end} for p in parsed.passages]
    return Side(parsed.id, parsed.text, meta, list(parsed.blocks), passages,
                [i.to_dict() for i in extract(parsed)], indexed=False)


def side_from_file(path: Path, settings: Settings) -> Side:
    from indexer.document import parse_bytes, slug

    parsed = parse_bytes(slug(path.name), str(path), path.name, path.read_bytes(), settings)
    return side_from_parsed(parsed)


def side_from_text(doc_id: str, text: str, settings: Settings, source: str = "") -> Side:
    """A document given as raw text (tests, constructed children)."""
    from indexer.document import content_hash, parse_text

    parsed = parse_text(doc_id, source or f"text:{doc_id}", text, content_hash(text.encode()), settings)
    return side_from_parsed(parsed)


def load_side(ref: str, service=None, settings: Settings | None = None) -> Side:
    """An indexed document id, else a file path (parsed on the fly, not indexed)."""
    if service is not None:
        try:
            known = any(d["id"] == ref for d in service.documents())
        except Exception:  # no index at all: a file path may still work
            known = False
        if known:
            return side_from_index(service, ref)
    path = Path(ref)
    if path.is_file():
        return side_from_file(path, settings or (service.settings if service is not None else Settings()))
    raise SideNotFound(ref)
