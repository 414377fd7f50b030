"""Read helpers for the pages. ``document_passages`` gives the (ordinal, start, end) of a document's
passages (``Engine.passages``) so the reader can put an anchor ``p-{ordinal}`` on each."""

from __future__ import annotations

import logging

log = logging.getLogger("nghiquyet.web")


def document_passages(engine, doc_id: str) -> list[dict]:
    """(ordinal, start, end) of each passage of a document, from the engine."""
    try:
        return [{"ordinal": int(p["ordinal"]), "start": int(p["start"]), "end": int(p["end"])}
                for p in engine.passages(doc_id)]
    except Exception as exc:  # the reader still shows the text without anchors
        log.warning("passages of %s unavailable: %s", doc_id, exc)
        return []
