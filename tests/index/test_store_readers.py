"""A finished (read-only) generation gives each thread its own SQLite connection, so concurrent
reads do not queue on one lock; a writable store keeps its one guarded connection."""

from __future__ import annotations

import shutil
import threading

from indexer.index.generations import current_name, generations_dir
from indexer.index.store import Store
from tests.conftest import PLANS


def test_threads_read_through_their_own_connections(fake_engine, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(PLANS["002"], src / "a.txt")
    fake_engine.index_paths([src])
    path = generations_dir(fake_engine.settings.data_dir) / current_name(fake_engine.settings.data_dir)
    store = Store(path / "store.sqlite", readonly=True)
    n_docs, n_passages = store.counts()
    seen, results, errors = set(), [], []

    def reader():
        try:
            for _ in range(50):
                results.append((store.counts(), len(store.passages_at(list(range(n_passages))))))
            seen.add(id(store._reader()))
        except Exception as exc:  # pragma: no cover - the assertion below reports it
            errors.append(exc)

    threads = [threading.Thread(target=reader) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(seen) == 8 and id(store.conn) not in seen
    assert set(results) == {((n_docs, n_passages), n_passages)}
    store.close()
    writable = Store(tmp_path / "w.sqlite", create=True)
    assert writable._reader() is writable.conn
    writable.close()
