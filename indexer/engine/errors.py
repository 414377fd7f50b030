"""Errors every engine raises, so callers (service, API, CLI) never match message texts."""

from __future__ import annotations


class IndexUnavailable(RuntimeError):
    """The index cannot be used as it is; the message says why and what to run."""


class IndexBusy(IndexUnavailable):
    """Another indexing run (in this process or another) holds the index; try again later."""


class IndexWriteError(IndexUnavailable):
    """A write could not be completed (disk full, read-only, permissions, server down); the index
    being served is unchanged."""


class IndexMismatch(IndexUnavailable):
    """The index was built by another format version, model or index-shaping settings."""


class UnknownDocument(KeyError):
    """A document id that is not in the index."""
