"""Documents a query names: by number ("Nghị quyết 06", "08-NQ/TU", "Kết luận 224", "Resolution
92") or, for a law, by its title said whole ("Luật Thanh niên", "Law on Tourism" once translated).

A query that names a resolution is about that resolution, or about the plans that implement it:
search adds a leg ranking the candidates of those documents first (``Service.search``), and the
answer engine answers from their items only. The plans cite each other by number, so a number is matched
against a document's own number and the numbers of the documents it implements.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from indexer.text import folded_words

DOC_REF = re.compile(r"(\d{1,4})\s*-?\s*(nq|kl|qd|kh|ct|tb|hd)(?:\s*(?:tu|tw|hu|du|cp))?\b|"
                     r"\b(?:nghi quyet|ket luan|ke hoach|quyet dinh|chi thi|resolution|conclusion|"
                     r"plan|decision|directive|regulation)\s+(?:so\s+)?(\d{1,4})\b|"
                     # the type's abbreviation before the bare number: "NQ 17", "KL 224" (not "NQ
                     # 17-NQ/TU", read by the first branch)
                     r"\b(?:nq|kl|kh|ct)\s+(?:so\s+)?(\d{1,4})\b(?!\s*-?\s*(?:nq|kl|qd|kh|ct|tb|hd)\b)")


def doc_refs(folded: str) -> list[str]:
    """Document numbers (leading zeros dropped) named in a folded text, in order."""
    refs: list[str] = []
    for m in DOC_REF.finditer(folded):
        num = (m.group(1) or m.group(3) or m.group(4)).lstrip("0") or "0"
        if num not in refs:
            refs.append(num)
    return refs


def doc_numbers(doc: dict) -> set[str]:
    """Leading numbers of a document's own number and of the documents it implements."""
    out = set()
    for number in [doc.get("number") or ""] + [(r.get("number") if isinstance(r, dict) else
                                               getattr(r, "number", "")) or "" for r in doc.get("implements") or []]:
        m = re.match(r"\s*0*(\d+)", number)
        if m:
            out.add(m.group(1))
    return out


def named_documents(texts: Iterable[str], docs: list[dict], refs: list[str] | None = None,
                    titles: bool = True) -> set[str]:
    """Ids of the documents ``texts`` (a query, its restored or translated forms) name by number
    (``refs``, else read from the texts) or, with ``titles``, by a short title said whole."""
    folded = f" {folded_words(' '.join(t for t in texts if t))} "
    refs = doc_refs(folded) if refs is None else refs
    named = {d["id"] for d in docs if doc_numbers(d) & set(refs)} if refs else set()
    if titles:
        for d in docs:
            title = folded_words(d.get("title") or "")
            if 2 <= len(title.split()) <= 6 and f" {title} " in folded:
                named.add(d["id"])
    return named
