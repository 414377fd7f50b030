"""Index generations in the data directory, switched atomically.

    data_dir/CURRENT                      name of the generation being served
    data_dir/generations/g000007/         store.sqlite, dense.faiss, lexical-words/, lexical-folded/,
                                          accents.json, manifest.json (written last)

A new generation is built in ``gNNNNNN.tmp``, fsynced, renamed, and only then named in CURRENT
(write-temp + os.replace). A kill -9 at any point leaves CURRENT on the old, complete generation;
leftovers are removed by the next indexing run.

``accents.json`` is the diacritics-restoration model merged from the store's per-document accent
counts (``indexer.search.accents``), so a process answering its first query without diacritics
reads it instead of merging the counts again. Like the BM25 and FAISS files it is checksummed in
the manifest. Generations written before it existed have no such file: their model is merged from
the counts as before.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from indexer.engine.errors import IndexBusy, IndexMismatch, IndexUnavailable, IndexWriteError

from .dense import DEFAULT_HNSW_THRESHOLD, DenseIndex
from .lexical import LexicalIndex
from .store import Store, StoreError

FORMAT_VERSION = 2  # 2: passage pages, accent counts per document (accents.json: optional, merged)
ACCENTS = "accents.json"


@dataclass
class Generation:
    """An opened, read-only snapshot of the index."""

    name: str
    path: Path
    manifest: dict
    store: Store
    words: LexicalIndex
    folded: LexicalIndex
    dense: DenseIndex
    doc_positions: dict[str, np.ndarray] = field(default_factory=dict)
    keys: list[tuple[str, int]] = field(default_factory=list)  # position -> (doc id, ordinal)
    key_positions: dict[tuple[str, int], int] = field(default_factory=dict)

    @property
    def size(self) -> int:
        return self.dense.size

    def accent_model(self) -> dict[str, dict[str, int]] | None:
        """The stored restoration counts (``accents.merge_accent_counts``; a generation written before
        them holds one best form per n-gram, which ``AccentModel`` reads as well), or None when this
        generation has none (older ones). Its
        checksum was verified when the generation was opened."""
        if ACCENTS not in (self.manifest.get("files") or {}):
            return None
        return json.loads((self.path / ACCENTS).read_text(encoding="utf-8"))


def generations_dir(data_dir: Path) -> Path:
    return Path(data_dir) / "generations"


def current_name(data_dir: Path) -> str | None:
    """The generation CURRENT names, read now (writers, backups, clean-up: never a remembered one)."""
    try:
        name = (Path(data_dir) / "CURRENT").read_text().strip()
    except FileNotFoundError:
        return None
    return name or None


_SERVED: dict[str, tuple[float, int, tuple[int, int, int], str | None]] = {}
_SERVED_EPOCH = [0]  # bumped by forget_current: a read begun before it must not be remembered
SERVED_RECHECK_S = 0.05


def served_name(data_dir: Path) -> str | None:
    """``current_name`` for the read path of searches, which ask several times per request: the
    answer is remembered for ``SERVED_RECHECK_S`` (a switch by another process is seen within
    50 ms; one by this process at once, see ``forget_current``), then the file is re-read only
    when its identity changed (CURRENT is only ever replaced by ``os.replace``: a new inode and
    mtime). Each system call made while the query encoder runs beside a search cost ~1 ms of GIL
    hand-over on 2 cores: six of them were a quarter of a search. Writes never use this."""
    path = os.path.join(data_dir, "CURRENT")
    now = time.monotonic()
    seen = _SERVED.get(path)
    if seen is not None and now - seen[0] < SERVED_RECHECK_S:
        return seen[3]
    epoch = _SERVED_EPOCH[0]
    try:
        st = os.stat(path)
    except FileNotFoundError:
        _SERVED.pop(path, None)
        return None
    stamp = (st.st_ino, st.st_mtime_ns, st.st_size)
    if seen is not None and seen[2] == stamp and seen[1] == epoch:
        name = seen[3]
    else:
        name = current_name(data_dir)
    if _SERVED_EPOCH[0] == epoch:
        _SERVED[path] = (now, epoch, stamp, name)
    return name


def forget_current(data_dir: Path) -> None:
    """Forget the remembered CURRENT of ``data_dir`` (this process just switched or removed it)."""
    _SERVED_EPOCH[0] += 1
    _SERVED.pop(os.path.join(data_dir, "CURRENT"), None)


def _fsync_tree(path: Path) -> None:
    for root, _dirs, files in os.walk(path):
        for name in files:
            with open(os.path.join(root, name), "rb") as fh:
                os.fsync(fh.fileno())
        fd = os.open(root, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _checked_files(path: Path) -> list[Path]:
    """The FAISS, BM25 and accent files (SQLite checks itself with PRAGMA quick_check)."""
    files = [path / "dense.faiss", path / ACCENTS]
    for sub in ("lexical-words", "lexical-folded"):
        if (path / sub).is_dir():
            files += sorted(p for p in (path / sub).iterdir() if p.is_file())
    return files


def _crc(file: Path) -> str:
    crc = 0
    with open(file, "rb") as fh:
        while chunk := fh.read(1 << 22):
            crc = zlib.crc32(chunk, crc)
    return f"{crc:08x}"


def _checksums(path: Path) -> dict[str, list]:
    return {str(f.relative_to(path)): [f.stat().st_size, _crc(f)] for f in _checked_files(path)
            if f.exists()}


def _verify_checksums(path: Path, expected: dict | None) -> str:
    """'' when every file listed in the manifest has its size and CRC-32, else what is wrong."""
    for rel, (size, crc) in (expected or {}).items():
        f = path / rel
        try:
            if f.stat().st_size != size:
                return f"{rel}: {f.stat().st_size} bytes, the manifest says {size}"
            if _crc(f) != crc:
                return f"{rel}: checksum mismatch"
        except OSError as exc:
            return f"{rel}: {exc.strerror or exc}"
    return ""


def open_generation(data_dir: Path, name: str | None = None) -> Generation:
    """Open the current (or named) generation, checking every file."""
    data_dir = Path(data_dir)
    name = name or current_name(data_dir)
    if name is None:
        raise IndexUnavailable(f"no index in {data_dir}: run `nghiquyet index PATH --data-dir {data_dir}`")
    path = generations_dir(data_dir) / name
    try:
        manifest = json.loads((path / "manifest.json").read_text())
    except (OSError, ValueError) as exc:
        raise IndexUnavailable(f"index generation {name} is damaged (manifest: {exc}); "
                          "run `nghiquyet index --rebuild`") from None
    if manifest.get("format_version") != FORMAT_VERSION:
        raise IndexMismatch(f"index format {manifest.get('format_version')} differs from this "
                            f"program's {FORMAT_VERSION}; run `nghiquyet index --rebuild`")
    damaged = _verify_checksums(path, manifest.get("files"))
    if damaged:
        raise IndexUnavailable(f"index generation {name} is damaged ({damaged}); "
                               "run `nghiquyet index --rebuild`")
    try:
        store = Store(path / "store.sqlite", readonly=True)
        store.check()
    except StoreError as exc:
        raise IndexUnavailable(f"{exc}; run `nghiquyet index --rebuild`") from None
    try:
        words = LexicalIndex.load(path / "lexical-words")
        folded = LexicalIndex.load(path / "lexical-folded")
        dense = DenseIndex.load(path / "dense.faiss")
    except Exception as exc:
        store.close()
        raise IndexUnavailable(f"index generation {name} is damaged ({exc.__class__.__name__}: {exc}); "
                          "run `nghiquyet index --rebuild`") from None
    n = manifest.get("passages", -1)
    if not (words.size == folded.size == dense.size == n):
        store.close()
        raise IndexUnavailable(f"index generation {name} is inconsistent (passages: manifest {n}, "
                          f"BM25 {words.size}/{folded.size}, FAISS {dense.size}); "
                          "run `nghiquyet index --rebuild`")
    positions: dict[str, list[int]] = {}
    keys: list[tuple[str, int]] = []
    for doc_id, ordinal, pos in store.conn.execute("SELECT doc_id, ordinal, pos FROM passages ORDER BY pos"):
        positions.setdefault(doc_id, []).append(pos)
        keys.append((doc_id, ordinal))
    doc_positions = {k: np.asarray(v, np.int64) for k, v in positions.items()}
    return Generation(name, path, manifest, store, words, folded, dense, doc_positions, keys,
                      {k: i for i, k in enumerate(keys)})


@contextlib.contextmanager
def writer_lock(data_dir: Path):
    """One indexing run at a time per data directory (readers never wait)."""
    data_dir = Path(data_dir)
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        fh = open(data_dir / ".lock", "w")
    except OSError as exc:
        raise IndexWriteError(f"cannot write in {data_dir} ({exc.strerror or exc}); the index there, if "
                              "any, is unchanged") from None
    try:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise IndexBusy(f"another indexing run is using {data_dir}; try again when it ends") from None
        yield
    finally:
        fcntl.flock(fh, fcntl.LOCK_UN)
        fh.close()


def clean_leftovers(data_dir: Path, keep: int = 2) -> None:
    """Remove unfinished (.tmp) generations and all but the newest ``keep`` finished ones."""
    gdir = generations_dir(data_dir)
    if not gdir.exists():
        return
    current = current_name(data_dir)
    finished = sorted(p for p in gdir.iterdir() if p.is_dir() and not p.name.endswith(".tmp"))
    for p in gdir.iterdir():
        if p.name.endswith(".tmp"):
            shutil.rmtree(p, ignore_errors=True)
    for p in finished[:-keep]:
        if p.name != current:
            shutil.rmtree(p, ignore_errors=True)


def next_name(data_dir: Path) -> str:
    gdir = generations_dir(data_dir)
    numbers = [int(p.name[1:7]) for p in gdir.glob("g??????*") if p.name[1:7].isdigit()] if gdir.exists() else []
    return f"g{(max(numbers) + 1) if numbers else 1:06d}"


def finish_generation(data_dir: Path, tmp: Path, store: Store, manifest: dict) -> str:
    """Build the BM25, FAISS and accent files from the store, write the manifest, fsync, and switch."""
    from indexer.search.accents import merge_accent_counts

    words, folded, vectors, _ = store.index_rows()
    (tmp / ACCENTS).write_text(json.dumps(merge_accent_counts(store.accent_counts()), ensure_ascii=False),
                               encoding="utf-8")
    dim = manifest["dim"]
    LexicalIndex.build(words).save(tmp / "lexical-words")
    LexicalIndex.build(folded).save(tmp / "lexical-folded")
    DenseIndex.build(vectors.reshape(-1, dim) if len(vectors) else np.zeros((0, dim), np.float32), dim,
                     manifest.get("dense_hnsw_threshold", DEFAULT_HNSW_THRESHOLD)).save(tmp / "dense.faiss")
    manifest = {**manifest, "passages": len(words), "format_version": FORMAT_VERSION,
                "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "files": _checksums(tmp)}
    (tmp / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2))
    store.close()
    _fsync_tree(tmp)
    name = tmp.name.removesuffix(".tmp")
    final = tmp.with_name(name)
    os.rename(tmp, final)
    pointer = Path(data_dir) / "CURRENT.tmp"
    with open(pointer, "w") as fh:
        fh.write(name + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(pointer, Path(data_dir) / "CURRENT")
    forget_current(data_dir)
    fd = os.open(data_dir, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    return name
