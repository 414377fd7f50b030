"""The one link resolver: which indexed document does a "thực hiện <type> số <number>, ngày … của
<issuer>" reference name? Matched by number (case and spacing ignored), the type and the issuer
agreeing when both sides state them. The reader ("implements" / "implemented by"), compare and
coverage all resolve links here, so they never disagree."""

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


def _unnumbered_plan(ref: dict, implements: list, documents: list[dict], self_id: str) -> str | None:
    """A plan on a plan: "thực hiện Kế hoạch số 57-KH/TU của Ban Thường vụ Tỉnh ủy về thực hiện Kết
    luận số 224-KL/TU" names a provincial plan whose indexed copy often has no number (scans and
    PDFs lose the header). It is that plan when exactly one indexed document of the same type has no
    number, the same issuer (both stated) and implements one of the other documents the reference
    list names (here Kết luận 224-KL/TU)."""
    issuer = ref.get("issuer") or ""
    others = {_key(r.get("number")) for r in (x if isinstance(x, dict) else x.__dict__ for x in implements)
              if r.get("number") and _key(r.get("number")) != _key(ref.get("number"))}
    if not issuer or not others or not ref.get("type"):
        return None
    hits = []
    for doc in documents:
        if doc.get("id") == self_id or doc.get("number") or not doc.get("issuer"):
            continue
        if fold(doc.get("type") or "").lower() != fold(ref["type"]).lower():
            continue
        if not _issuer_same(issuer, doc["issuer"]):
            continue
        theirs = {_key((r if isinstance(r, dict) else r.__dict__).get("number"))
                  for r in doc.get("implements") or []}
        if theirs & others:
            hits.append(doc["id"])
    return hits[0] if len(hits) == 1 else None


def _issuer_same(a: str, b: str) -> bool:
    """Both issuers stated and naming the same body (all words of the shorter in the longer)."""
    wa, wb = _words(a), _words(b)
    return bool(wa and wb) and len(wa & wb) == min(len(wa), len(wb))


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
        elif not matches:
            found = _unnumbered_plan(ref, implements, documents, self_id)
        out.append({**{k: ref.get(k, "") for k in ("type", "number", "date", "issuer", "text")},
                    "doc_id": found})
    return out


def find_parent(implements: list, documents: list[dict], self_id: str = "") -> str | None:
    """Id of the first indexed document the references name."""
    for link in link_candidates(implements, documents, self_id):
        if link["doc_id"]:
            return link["doc_id"]
    return None


def children_of(doc_id: str, documents: list[dict]) -> list[str]:
    """Ids of the indexed documents whose references resolve to ``doc_id`` (its implementing plans).
    ``documents`` must carry their ``implements`` references."""
    out = []
    for d in documents:
        if d.get("id") == doc_id:
            continue
        if any(link["doc_id"] == doc_id for link in link_candidates(d.get("implements") or [], documents,
                                                                   d.get("id", ""))):
            out.append(d["id"])
    return out
