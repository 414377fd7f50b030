"""Find the document a plan implements among the indexed ones: its "thực hiện <type> số <number>,
ngày … của <issuer>" references matched by number (case and spacing ignored), the type and the
issuer agreeing when both sides state them."""

from __future__ import annotations

import re

from indexer.text import fold


def _key(text: str | None) -> str:
    return re.sub(r"\s+", "", fold(text or "").upper())


def _words(text: str | None) -> set[str]:
    return {w for w in re.findall(r"\w+", fold(text or "").lower()) if len(w) > 1}


def _issuer_agrees(ref_issuer: str, doc_issuer: str) -> bool:
    a, b = _words(ref_issuer), _words(doc_issuer)
    if not a or not b:
        return True
    return len(a & b) / min(len(a), len(b)) >= 0.5


def link_candidates(implements: list, documents: list[dict], self_id: str = "") -> list[dict]:
    """Each reference with ``doc_id`` of its indexed document (or None)."""
    out = []
    for ref in implements or []:
        ref = ref if isinstance(ref, dict) else ref.__dict__
        found = None
        matches = []
        for doc in documents:
            if doc.get("id") == self_id or not doc.get("number"):
                continue
            if _key(doc["number"]) != _key(ref.get("number")):
                continue
            if ref.get("type") and doc.get("type") and fold(ref["type"]).lower() != fold(doc["type"]).lower():
                continue
            matches.append(doc)
        # Numbers repeat across issuers ("08-NQ/TU" of two provinces): the issuer decides then;
        # a lone match is kept even when the issuer is written differently ("Tỉnh ủy" vs "Ban
        # Chấp hành Đảng bộ tỉnh").
        agreeing = [d for d in matches if _issuer_agrees(ref.get("issuer") or "", d.get("issuer") or "")]
        if agreeing or len(matches) == 1:
            found = (agreeing or matches)[0]["id"]
        out.append({**{k: ref.get(k, "") for k in ("type", "number", "date", "issuer", "text")},
                    "doc_id": found})
    return out


def find_parent(engine, child) -> str | None:
    """Id of the first indexed document ``child`` (a Side or a document id) says it implements."""
    if isinstance(child, str):
        doc = engine.document(child)
        implements, self_id = (doc or {}).get("implements") or [], child
    else:
        implements, self_id = child.meta.get("implements") or [], child.id
    for link in link_candidates(implements, engine.documents(), self_id):
        if link["doc_id"]:
            return link["doc_id"]
    return None
