"""Query validation shared by the API and the CLI."""

from __future__ import annotations

import unicodedata

MAX_QUERY_CHARS = 1000


class QueryError(ValueError):
    """A query that cannot be searched; the message says why."""


def check_query(q: str | None) -> str:
    """NFC, trimmed, control characters removed; rejects empty and over-long queries."""
    if q is None:
        raise QueryError("the query 'q' is required")
    q = unicodedata.normalize("NFC", q)
    q = "".join(c for c in q if unicodedata.category(c)[0] != "C" or c in " \t")
    q = " ".join(q.split())
    if not q:
        raise QueryError("the query is empty")
    if len(q) > MAX_QUERY_CHARS:
        raise QueryError(f"the query is {len(q)} characters long; the limit is {MAX_QUERY_CHARS}")
    return q
