"""Storage and retrieval backends behind one seam (``indexer.engine.base.Engine``).

``open_engine(settings)`` picks the backend named by ``NGHIQUYET_ENGINE``: ``local`` (default,
SQLite + bm25s + FAISS generations in ``data_dir``) or ``milvus`` (a Milvus server, Zilliz Cloud or
Milvus Lite at ``NGHIQUYET_MILVUS_URI``)."""

from __future__ import annotations

from collections.abc import Callable

from .base import DocumentRecord, Engine, Hit, PassageKey, PassageRecord
from .errors import IndexBusy, IndexMismatch, IndexUnavailable, IndexWriteError, UnknownDocument


def open_engine(settings, dim: Callable[[], int] | None = None) -> Engine:
    if settings.engine == "milvus":
        from .milvus import MilvusEngine

        return MilvusEngine(settings, dim=dim)
    from .local import LocalEngine

    return LocalEngine(settings, dim=dim)


__all__ = ["DocumentRecord", "Engine", "Hit", "IndexBusy", "IndexMismatch", "IndexUnavailable",
           "IndexWriteError", "PassageKey", "PassageRecord", "UnknownDocument", "open_engine"]
