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


def check_compatible(stored: dict, format_version: int, fingerprint: dict) -> None:
    """Raise IndexMismatch unless the stored index (its manifest or meta record) has this program's
    format and was built with the same index-shaping settings (``Settings.index_fingerprint``).
    Every engine checks the same way, so the message names the same settings on each."""
    if stored.get("format_version") != format_version:
        raise IndexMismatch(f"the index has format {stored.get('format_version')}, this program "
                            f"writes {format_version}: run with --rebuild")
    have = stored.get("settings", {})
    diff = sorted(k for k in fingerprint if have.get(k) != fingerprint[k])
    if diff:
        details = ", ".join(f"{k}: {have.get(k)!r} -> {fingerprint[k]!r}" for k in diff)
        raise IndexMismatch(f"the index was built with other settings ({details}): run with --rebuild")
