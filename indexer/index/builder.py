"""An indexing run: find files, skip unchanged ones by content hash, parse and embed the rest, and
write a new generation that replaces the current one atomically."""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from indexer.document import ParsedDocument, content_hash, parse_bytes, slug
from indexer.ingest import SUPPORTED, IngestError
from indexer.passages import context_text
from indexer.settings import Settings

from .analyzer import folded_terms, word_terms
from .generations import (IndexMismatch, IndexUnavailable, IndexWriteError, clean_leftovers, current_name,
                          finish_generation, generations_dir, next_name, writer_lock)
from .store import Store, StoreError

log = logging.getLogger("nghiquyet.index")


@dataclass
class FileOutcome:
    source: str
    status: str  # added | updated | unchanged | removed | failed
    doc_id: str = ""
    passages: int = 0
    reason: str = ""
    code: str = ""


@dataclass
class IndexReport:
    files: list[FileOutcome] = field(default_factory=list)
    generation: str | None = None
    embedded: int = 0  # passages whose vectors were computed in this run
    reused: int = 0  # passages whose vectors came from the content-hash cache

    def count(self, status: str) -> int:
        return sum(1 for f in self.files if f.status == status)

    def summary(self) -> dict:
        return {s: self.count(s) for s in ("added", "updated", "unchanged", "removed", "failed")}

    def to_dict(self) -> dict:
        return {"summary": self.summary(), "generation": self.generation, "embedded": self.embedded,
                "reused": self.reused, "files": [f.__dict__ for f in self.files]}


@dataclass
class Source:
    """Something to index: a file on disk or bytes given directly (an upload)."""

    source: str
    name: str
    data: bytes | None = None
    path: Path | None = None


def collect_files(paths: list[Path]) -> tuple[list[Path], list[FileOutcome]]:
    """Supported files under the given paths (recursively), and failures for bad explicit paths."""
    found: list[Path] = []
    failed: list[FileOutcome] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and Path(name).suffix.lower() in SUPPORTED:
                        found.append(Path(root) / name)
        elif path.is_file():
            found.append(path)
        else:
            failed.append(FileOutcome(str(path), "failed", reason="no such file or directory",
                                      code="unreadable"))
    return sorted({p.resolve() for p in found}), failed


def vector_key(model: str, text: str) -> str:
    return hashlib.sha256(f"{model}\x00{text}".encode()).hexdigest()


def _unique_id(base: str, source: str, taken: set[str]) -> str:
    if base not in taken:
        return base
    return f"{base}-{hashlib.sha1(source.encode()).hexdigest()[:6]}"


class Builder:
    """Runs indexing against one data directory with one embedder."""

    def __init__(self, settings: Settings, embedder_factory: Callable[[], object]):
        self.settings = settings
        self._embedder_factory = embedder_factory
        self._embedder = None

    @property
    def embedder(self):
        if self._embedder is None:
            self._embedder = self._embedder_factory()
        return self._embedder

    def manifest_base(self) -> dict:
        return {"model": self.settings.model, "dim": self.embedder.dim,
                "settings": self.settings.index_fingerprint(),
                "dense_hnsw_threshold": self.settings.dense_hnsw_threshold}

    def run(self, sources: list[Source], rebuild: bool = False, prune_missing: bool = False,
            prune_under: list[Path] | None = None, delete_ids: list[str] | None = None,
            keep_others: bool = True, progress: Callable[[str, int, int], None] | None = None,
            pre_failed: list[FileOutcome] | None = None) -> IndexReport:
        """Index ``sources`` into a new generation (or none when nothing changed)."""
        data_dir = self.settings.data_dir
        report = IndexReport(files=list(pre_failed or []))
        with writer_lock(data_dir):
            clean_leftovers(data_dir)
            old = self._open_old_store(rebuild)
            if old is None and rebuild and not sources and current_name(data_dir) is not None:
                raise IndexUnavailable(  # the damaged database was the list of files to rebuild from
                    "the index database is damaged, so it cannot list the files to rebuild from: run "
                    "`nghiquyet index --rebuild PATH...` with the document files or folders")
            if old is not None and not rebuild:
                self._check_compatible(old[1])
            existing = old[0].sources() if old else {}
            taken = {doc_id for doc_id, _ in existing.values()}
            todo: list[ParsedDocument] = []
            replaced: list[str] = []
            seen: set[str] = set()
            max_bytes = int(self.settings.max_file_mb * 1024 * 1024)
            for i, src in enumerate(sources):
                if progress:
                    progress("read", i, len(sources))
                seen.add(src.source)
                try:
                    data = src.data
                    if data is None:
                        size = src.path.stat().st_size
                        if size > max_bytes:
                            raise IngestError("too_large", f"the file is {size / 1e6:.1f} MB, over the "
                                                           f"limit of {max_bytes / 1e6:.0f} MB")
                        data = src.path.read_bytes()
                    digest = content_hash(data)
                    prior = existing.get(src.source)
                    if prior and prior[1] == digest and not rebuild:
                        report.files.append(FileOutcome(src.source, "unchanged", prior[0]))
                        continue
                    doc_id = prior[0] if prior else _unique_id(slug(src.name), src.source, taken)
                    taken.add(doc_id)
                    doc = parse_bytes(doc_id, src.source, src.name, data, self.settings)
                    if not doc.passages:
                        raise IngestError("no_text", "no text passages found in the file")
                except IngestError as exc:
                    report.files.append(FileOutcome(src.source, "failed", reason=exc.message, code=exc.code))
                    log.warning("skipped %s: %s", src.source, exc.message)
                    continue
                except OSError as exc:
                    report.files.append(FileOutcome(src.source, "failed", reason=str(exc.strerror or exc),
                                                    code="unreadable"))
                    continue
                todo.append(doc)
                if prior:
                    replaced.append(prior[0])
                status = "updated" if prior and not rebuild else "added"
                report.files.append(FileOutcome(src.source, status, doc_id, len(doc.passages)))
            removed: list[tuple[str, str]] = []
            for source, (doc_id, _) in existing.items():
                if source in seen:
                    continue
                gone = prune_missing and not Path(source).exists()
                under = prune_under and any(_is_under(source, p) for p in prune_under)
                dropped = (delete_ids and doc_id in delete_ids) or gone or under or \
                    (rebuild and not keep_others)
                if dropped:
                    removed.append((source, doc_id))
                    report.files.append(FileOutcome(source, "removed", doc_id))
            carry: list[ParsedDocument] = []
            if rebuild and keep_others and old is not None:
                carry = self._carry_over(old[0], seen, {d for _, d in removed}, report)
            if not todo and not removed and not rebuild and old is not None:
                old[0].close()
                report.generation = current_name(data_dir)
                return report
            report.generation = self._write(old, rebuild, todo + carry, replaced, removed, report,
                                            progress)
            return report

    def _carry_over(self, old: Store, seen: set[str], removed: set[str], report: IndexReport
                    ) -> list[ParsedDocument]:
        """On --rebuild, re-parse documents indexed before whose files still exist."""
        out = []
        for source, (doc_id, _) in old.sources().items():
            if source in seen or doc_id in removed:
                continue
            path = Path(source)
            if not path.is_file():
                report.files.append(FileOutcome(source, "removed", doc_id, reason="file no longer exists"))
                continue
            try:
                doc = parse_bytes(doc_id, source, path.name, path.read_bytes(), self.settings)
            except (IngestError, OSError) as exc:
                report.files.append(FileOutcome(source, "failed", doc_id, reason=str(exc)))
                continue
            out.append(doc)
            report.files.append(FileOutcome(source, "added", doc_id, len(doc.passages)))
        return out

    def _open_old_store(self, rebuild: bool) -> tuple[Store, dict] | None:
        import json

        name = current_name(self.settings.data_dir)
        if name is None:
            return None
        path = generations_dir(self.settings.data_dir) / name
        try:
            manifest = json.loads((path / "manifest.json").read_text())
            store = Store(path / "store.sqlite", readonly=True)
            store.check()
            return store, manifest
        except (OSError, ValueError, StoreError) as exc:
            if rebuild:
                log.warning("previous index unreadable (%s); rebuilding from the files", exc)
                return None
            raise IndexUnavailable(f"the current index is damaged ({exc}); run `nghiquyet index "
                                   "--rebuild PATH...`") from None

    def _check_compatible(self, manifest: dict) -> None:
        from .generations import FORMAT_VERSION

        if manifest.get("format_version") != FORMAT_VERSION:
            raise IndexMismatch(f"the index has format {manifest.get('format_version')}, this program "
                                f"writes {FORMAT_VERSION}: run with --rebuild")
        want = self.settings.index_fingerprint()
        have = manifest.get("settings", {})
        diff = sorted(k for k in want if have.get(k) != want[k])
        if diff:
            details = ", ".join(f"{k}: {have.get(k)!r} -> {want[k]!r}" for k in diff)
            raise IndexMismatch(f"the index was built with other settings ({details}): run with --rebuild")

    def _write(self, old, rebuild, docs, replaced, removed, report, progress) -> str:
        data_dir = self.settings.data_dir
        gdir = generations_dir(data_dir)
        tmp = gdir / (next_name(data_dir) + ".tmp")
        try:
            gdir.mkdir(parents=True, exist_ok=True)
            tmp.mkdir()
            return self._write_into(tmp, old, rebuild, docs, replaced, removed, report, progress)
        except (OSError, sqlite3.Error, RuntimeError) as exc:
            if type(exc) is RuntimeError and not any(w in str(exc).lower() for w in ("write", "disk")):
                raise  # FAISS reports its write failures as RuntimeErrors; others are bugs
            shutil.rmtree(tmp, ignore_errors=True)  # frees the space a full disk needs
            reason = getattr(exc, "strerror", None) or str(exc).strip().splitlines()[-1][:200]
            raise IndexWriteError(f"cannot write the new index in {data_dir} ({reason}); the previous "
                                  "index is unchanged and still served") from exc

    def _write_into(self, tmp, old, rebuild, docs, replaced, removed, report, progress) -> str:
        data_dir = self.settings.data_dir
        if old is not None and not rebuild:
            store = old[0].copy_to(tmp / "store.sqlite")
        else:
            store = Store(tmp / "store.sqlite", create=True)
            if old is not None:  # keep the embedding cache across a rebuild when it is readable
                try:
                    store.conn.execute("ATTACH DATABASE ? AS old", (str(old[0].path),))
                    store.conn.execute("INSERT OR IGNORE INTO vectors SELECT * FROM old.vectors")
                    store.conn.execute("DETACH DATABASE old")
                except Exception as exc:  # a damaged cache is simply not reused
                    log.warning("embedding cache not reused: %s", exc)
        if old is not None:
            old[0].close()
        model = self.settings.model
        # Embed only texts whose vectors are not cached (content-hash skip).
        plans = []
        for doc in docs:
            ctx = [context_text(p, doc.title, self.settings.heading_context,
                                self.settings.context_heading_chars) for p in doc.passages]
            plans.append((doc, ctx, [vector_key(model, c) for c in ctx]))
        all_keys = {k for _, _, keys in plans for k in keys}
        known = store.known_vector_keys(all_keys)
        missing: dict[str, str] = {}
        for _, ctx, keys in plans:
            for c, k in zip(ctx, keys):
                if k not in known:
                    missing.setdefault(k, c)
        report.reused = sum(len(keys) for _, _, keys in plans) - len(missing)
        if missing:
            keys = list(missing)
            done = [0]

            def step(n: int) -> None:
                done[0] += n
                if progress:
                    progress("embed", done[0], len(keys))

            vectors = self.embedder.encode_passages([missing[k] for k in keys], progress=step)
            store.put_vectors(dict(zip(keys, vectors)))
            report.embedded = len(keys)
        store.begin()
        for doc_id in replaced + [d for _, d in removed]:
            store.delete_document(doc_id)
        for i, (doc, ctx, keys) in enumerate(plans):
            if progress:
                progress("terms", i, len(plans))
            store.add_document(doc, keys, [word_terms(c) for c in ctx], [folded_terms(c) for c in ctx])
        store.refresh_items()  # extraction of new/changed documents; unchanged ones keep their items
        store.assign_positions()
        store.prune_vectors()
        store.commit()
        name = finish_generation(data_dir, tmp, store, self.manifest_base())
        clean_leftovers(data_dir)
        return name


def _is_under(source: str, root: Path) -> bool:
    try:
        Path(source).relative_to(Path(root).resolve())
        return True
    except ValueError:
        return False
