"""Article-aware leg for laws: a clause is scored together with the other clauses of its "Điều".

A law's article ("Điều 28. Nghĩa vụ của Trung tâm trọng tài") is split into several passages
(clauses "1. ...", "2. ..."), and a question usually paraphrases the article as a whole: its words
are spread over the clauses, so no single clause ranks first on BM25 although the article clearly
does. This leg regroups the lexical candidates by article — an article's score is the sum of its
candidate clauses' scores — and ranks the clauses by (article score, own score): the best article's
best clause first. Passages outside any article (plans, preambles) stand alone with their own
score, so for documents without articles the leg equals the lexical leg.

Pure functions over (key, score) lists and a key -> article map; engine-agnostic.
"""

from __future__ import annotations

import re

_ARTICLE = re.compile(r"^\s*Điều\s+(\d+[a-zđ]?)\b", re.IGNORECASE)


def article_label(section_path: list[str]) -> str | None:
    """'Điều 28' when the section path runs through an article heading, else None."""
    for part in section_path:
        m = _ARTICLE.match(part)
        if m:
            return f"Điều {m.group(1)}"
    return None


def article_map(passage_lists: dict[str, list[dict]]) -> dict[tuple[str, int], tuple[str, str]]:
    """(doc id, ordinal) -> (doc id, article label) for every passage inside an article."""
    out = {}
    for doc_id, plist in passage_lists.items():
        for p in plist:
            label = article_label(p.get("section_path") or [])
            if label:
                out[(doc_id, p["ordinal"])] = (doc_id, label)
    return out


def article_leg(hits: list[tuple[object, float]], articles: dict) -> list[tuple[object, float]]:
    """Re-rank lexical hits by the summed score of their article, then by their own score."""
    totals: dict = {}
    for key, score in hits:
        group = articles.get(key, key)
        totals[group] = totals.get(group, 0.0) + score
    ranked = sorted(hits, key=lambda ks: (-totals[articles.get(ks[0], ks[0])], -ks[1], ks[0]))
    return [(key, totals[articles.get(key, key)]) for key, _ in ranked]


def article_openings(articles: dict) -> dict:
    """(doc id, article label) -> the key of the article's first passage (its lead-in and clause 1)."""
    out: dict = {}
    for key, group in articles.items():
        if group not in out or key[1] < out[group][1]:
            out[group] = key
    return out


def with_openings(fused: list[tuple], articles: dict, openings: dict, top: int) -> list[tuple]:
    """Each of the first ``top`` results that is a later clause of a law article is followed by
    the article's opening passage ("Điều 3. Giải thích từ ngữ — Trong Luật này … 1. …"), moved up
    from further down or brought in: a clause such as "25. Quan hệ hôn nhân … có yếu tố nước
    ngoài là …" is read, and cited, with the article it belongs to, as a lawyer reads it and as
    article-level gold (ALQAC) counts it. ``fused``: (key, score, ranks) best first; an opening
    brought in gets the clause's score and no leg ranks."""
    out = list(fused)
    i = 0
    done = 0
    while i < len(out) and done < top:
        key, score, _ = out[i]
        done += 1
        group = articles.get(key)
        head = openings.get(group) if group else None
        if head is None or head == key:
            i += 1
            continue
        at = next((j for j, item in enumerate(out) if item[0] == head), None)
        if at is not None and at < i:
            i += 1
            continue
        item = out.pop(at) if at is not None else (head, score, {})
        out.insert(i + 1, item)
        i += 2
    return out
