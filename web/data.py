"""Read helpers the pages need that the ``Engine`` protocol does not offer yet.

``document_passages`` gives the (ordinal, start, end) of a document's passages so the reader can put
an anchor ``p-{ordinal}`` on each. An engine may provide ``passages(doc_id)`` itself; for
``LocalEngine`` we read the current generation's store (read-only)."""

from __future__ import annotations

import logging

log = logging.getLogger("nghiquyet.web")


def document_passages(engine, doc_id: str) -> list[dict]:
    method = getattr(engine, "passages", None)
    if callable(method):
        return [{"ordinal": int(p["ordinal"]), "start": int(p["start"]), "end": int(p["end"])}
                for p in method(doc_id)]
    generation = getattr(engine, "generation", None)
    if not callable(generation):
        return []
    store = generation().store
    try:
        with store.lock:
            rows = store.conn.execute(
                'SELECT ordinal, start, "end" FROM passages WHERE doc_id = ? ORDER BY ordinal',
                (doc_id,)).fetchall()
    except Exception as exc:  # an engine with another store: the reader still shows the text
        log.warning("passages of %s unavailable: %s", doc_id, exc)
        return []
    return [{"ordinal": r[0], "start": r[1], "end": r[2]} for r in rows]
