"""LocalEngine: one machine, files in ``settings.data_dir``.

Storage is a chain of immutable generations (``indexer.index.generations``): SQLite store, bm25s
indexes of two fields, a FAISS index, the merged accent model, a manifest with checksums written
last, and CURRENT switched atomically. A write copies the current store, applies the changes and builds a new generation; a
crash at any point leaves the previous one served. Readers re-open when CURRENT changes.
"""

from __future__ import annotations

import contextlib
import json
import logging
import shutil
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

import numpy as np

from indexer.index.generations import (FORMAT_VERSION, Generation, clean_leftovers, current_name, served_name,
                                       finish_generation, generations_dir, next_name, open_generation,
                                       writer_lock)
from indexer.index.store import Store, StoreError
from indexer.search.fusion import top_positions
from indexer.settings import Settings

from .base import DocumentRecord, Hit, PassageKey
from .errors import IndexUnavailable, IndexWriteError, check_compatible

log = logging.getLogger("nghiquyet.index")


class LocalEngine:
    name = "local"

    def __init__(self, settings: Settings, dim: Callable[[], int] | None = None):
        """``dim``: gives the embedding size, recorded in new generations' manifests (asked only
        when a write holds no vector to measure, e.g. the first write of only failed files)."""
        self.settings = settings
        self._dim = dim
        self._gen: Generation | None = None
        self._gen_lock = threading.Lock()

    # -- generations ---------------------------------------------------------------------------
    def generation(self) -> Generation:
        """The current generation, re-opened when a write has switched it."""
        name = served_name(self.settings.data_dir)
        gen = self._gen
        if gen is not None and gen.name == name:
            return gen
        with self._gen_lock:
            if self._gen is None or self._gen.name != name:
                fresh = open_generation(self.settings.data_dir, name)
                if fresh.manifest.get("model") != self.settings.model:
                    raise IndexUnavailable(
                        f"the index was built with model '{fresh.manifest.get('model')}' but the "
                        f"settings ask for '{self.settings.model}': run `nghiquyet index --rebuild`")
                self._gen = fresh
            return self._gen

    def _positions(self, gen: Generation, docs: set[str] | None) -> np.ndarray | None:
        if docs is None:
            return None
        found = [gen.doc_positions[d] for d in docs if d in gen.doc_positions]
        return np.concatenate(found) if found else np.empty(0, np.int64)

    # -- writing -------------------------------------------------------------------------------
    @contextlib.contextmanager
    def writer(self, rebuild: bool = False):
        """The data directory's lock; unless rebuilding, the current index must have been built
        with this program's format and the same index-shaping settings (else IndexMismatch)."""
        with writer_lock(self.settings.data_dir):
            if not rebuild:
                try:
                    opened = self._open_current_store()
                except IndexUnavailable:
                    opened = None  # damaged: reported by sources()
                if opened is not None:
                    opened[0].close()
                    self._check_compatible(opened[1])
            yield

    def _open_current_store(self) -> tuple[Store, dict] | None:
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
            raise IndexUnavailable(f"the current index is damaged ({exc}); run `nghiquyet index "
                                   "--rebuild PATH...`") from None

    def sources(self) -> dict[str, tuple[str, str]]:
        clean_leftovers(self.settings.data_dir)
        opened = self._open_current_store()
        if opened is None:
            return {}
        store, _ = opened
        try:
            return store.sources()
        finally:
            store.close()

    def cached_vectors(self, keys: list[str]) -> dict[str, np.ndarray]:
        try:
            opened = self._open_current_store()
        except IndexUnavailable:
            return {}
        if opened is None:
            return {}
        try:
            return opened[0].vectors(keys)
        except sqlite3.Error:
            return {}
        finally:
            opened[0].close()

    def _check_compatible(self, manifest: dict) -> None:
        check_compatible(manifest, FORMAT_VERSION, self.settings.index_fingerprint())

    def write(self, put: list[DocumentRecord], delete: list[str], fresh: bool = False,
              items: dict[str, tuple[list[dict], int]] | None = None) -> str:
        data_dir = self.settings.data_dir
        old = None
        try:
            old = self._open_current_store()
        except IndexUnavailable:
            if not fresh:
                raise
        if old is not None and not fresh:
            self._check_compatible(old[1])
        gdir = generations_dir(data_dir)
        tmp = gdir / (next_name(data_dir) + ".tmp")
        try:
            gdir.mkdir(parents=True, exist_ok=True)
            tmp.mkdir()
            return self._write_into(tmp, old, fresh, put, delete, items or {})
        except (OSError, sqlite3.Error, RuntimeError) as exc:
            if type(exc) is RuntimeError and not any(w in str(exc).lower() for w in ("write", "disk")):
                raise  # FAISS reports its write failures as RuntimeErrors; others are bugs
            shutil.rmtree(tmp, ignore_errors=True)  # frees the space a full disk needs
            reason = getattr(exc, "strerror", None) or str(exc).strip().splitlines()[-1][:200]
            if isinstance(exc, OSError) and " requested and " in reason:  # numpy's short write
                reason = f"No space left on device ({reason})"
            raise IndexWriteError(f"cannot write the new index in {data_dir} ({reason}); the previous "
                                  "index is unchanged and still served") from exc
        finally:
            if old is not None:
                with contextlib.suppress(Exception):
                    old[0].close()

    def _write_into(self, tmp: Path, old, fresh: bool, put: list[DocumentRecord], delete: list[str],
                    items: dict) -> str:
        if old is not None and not fresh:
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
        try:
            store.put_vectors({p.vector_key: p.vector for d in put for p in d.passages})
            store.begin()
            for doc_id in delete:
                store.delete_document(doc_id)
            for doc in put:
                store.delete_document(doc.id)
                store.add_document(doc)
            for doc_id, (doc_items, version) in items.items():
                store.put_items(doc_id, doc_items, version)
            store.assign_positions()
            store.prune_vectors()
            store.commit()
        except BaseException:
            # Closed now, not whenever the collector gets to it: a connection left open in a failed
            # transaction rolls back when it is finally closed and deletes its journal *by path*,
            # which by then may be the journal of the next run's store in a directory of the same
            # name (seen in CI as "disk I/O error" at that store's COMMIT).
            with contextlib.suppress(Exception):
                store.close()
            raise
        dim = next((len(p.vector) for d in put for p in d.passages), None) or \
            (old[1].get("dim") if old is not None else 0) or (self._dim() if self._dim else 0)
        manifest = {"model": self.settings.model, "dim": dim, "settings": self.settings.index_fingerprint(),
                    "dense_hnsw_threshold": self.settings.dense_hnsw_threshold}
        name = finish_generation(self.settings.data_dir, tmp, store, manifest)
        clean_leftovers(self.settings.data_dir)
        return name

    # -- retrieval -----------------------------------------------------------------------------
    def version(self) -> str:
        return served_name(self.settings.data_dir) or ""

    def lexical(self, words: list[str], folded: list[str], folded_weight: float, n: int,
                docs: set[str] | None = None) -> list[Hit]:
        gen = self.generation()
        scores = gen.words.scores(words)
        if folded_weight:
            scores = scores + folded_weight * gen.folded.scores(folded)
        top = top_positions(scores, n, self._positions(gen, docs))
        return [Hit(gen.keys[p], float(scores[p])) for p in top.tolist()]

    def dense(self, vector: np.ndarray, n: int, docs: set[str] | None = None) -> list[Hit]:
        gen = self.generation()
        if not gen.size:
            return []
        positions, scores = gen.dense.search(vector, n, self._positions(gen, docs))
        return [Hit(gen.keys[p], float(s)) for p, s in zip(positions.tolist(), scores.tolist())]

    # -- reading -------------------------------------------------------------------------------
    def passages_at(self, keys: list[PassageKey]) -> dict[PassageKey, dict]:
        gen = self.generation()
        positions = {gen.key_positions[k]: k for k in keys if k in gen.key_positions}
        rows = gen.store.passages_at(list(positions))
        return {positions[p]: row for p, row in rows.items()}

    def documents(self) -> list[dict]:
        return self.generation().store.documents()

    def document(self, doc_id: str) -> dict | None:
        store = self.generation().store
        doc = store.document(doc_id)
        if doc is not None:
            doc["passage_list"] = store.passages(doc_id)
        return doc

    def items(self, doc_ids: list[str] | None = None, kind: str | None = None,
              unit_keys: list[str] | None = None) -> list[dict]:
        return self.generation().store.items(doc_ids, kind, unit_keys)

    def accent_counts(self):
        return self.generation().store.accent_counts()

    def accent_model(self) -> dict[str, dict[str, int]] | None:
        """The merged restoration model stored with the generation (None: merge the counts)."""
        return self.generation().accent_model()

    def stats(self) -> dict:
        gen = self.generation()
        docs, passages = gen.store.counts()
        return {"documents": docs, "passages": passages, "model": gen.manifest.get("model"),
                "version": gen.name, "created": gen.manifest.get("created"), "dense_index": gen.dense.kind}
