"""SQLite store of one local index generation (LocalEngine): documents, outline blocks, passages with
offsets and index terms, extracted items, per-document accent counts, and a content-hash cache of
passage vectors (so unchanged text is never embedded twice). It stores what the pipeline produced;
it never parses or extracts.

Schema changes are numbered migrations applied in order (PRAGMA user_version)."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Iterable
from pathlib import Path

import numpy as np


MIGRATIONS = [
    # 1: initial schema
    """
    CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        type TEXT, number TEXT, title TEXT, issuer TEXT, place TEXT, date TEXT,
        meta_json TEXT NOT NULL,
        text TEXT NOT NULL,
        n_passages INTEGER NOT NULL,
        indexed_at TEXT NOT NULL DEFAULT (datetime('now'))
    );
    CREATE UNIQUE INDEX documents_source ON documents(source);
    CREATE TABLE blocks (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        kind TEXT NOT NULL, marker TEXT, level INTEGER NOT NULL,
        parents_json TEXT NOT NULL,
        PRIMARY KEY (doc_id, idx)
    );
    CREATE TABLE passages (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        pos INTEGER,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        kind TEXT NOT NULL,
        section_path_json TEXT NOT NULL,
        text TEXT NOT NULL,
        vector_key TEXT NOT NULL,
        words TEXT NOT NULL,
        folded TEXT NOT NULL,
        PRIMARY KEY (doc_id, ordinal)
    );
    CREATE INDEX passages_pos ON passages(pos);
    CREATE TABLE vectors (
        key TEXT PRIMARY KEY,
        vector BLOB NOT NULL
    );
    """,
    # 2: extracted items (responsibilities, targets, deadlines) per document, with the version of the
    # extraction rules that produced them (documents stored with another version are re-extracted)
    """
    CREATE TABLE items (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        kind TEXT NOT NULL,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        unit_key TEXT,
        data_json TEXT NOT NULL,
        PRIMARY KEY (doc_id, ordinal)
    );
    CREATE INDEX items_kind ON items(doc_id, kind);
    CREATE INDEX items_unit ON items(unit_key);
    CREATE TABLE item_versions (
        doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        version INTEGER NOT NULL
    );
    """,
    # 3: passage pages (PDF and scanned sources) and per-document accent counts for the diacritics
    # restorer (built by the pipeline; the service merges them)
    """
    ALTER TABLE passages ADD COLUMN page INTEGER;
    CREATE TABLE accents (
        doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        data_json TEXT NOT NULL
    );
    """,
]


ITEMS_SCHEMA = 2  # the migration that added extracted items
ROW_CACHE_SIZE = 4096  # passage rows kept per open generation (a few MB)


class StoreError(RuntimeError):
    """The SQLite file is missing, corrupted or from an unknown schema."""


class Store:
    def __init__(self, path: Path, create: bool = False, readonly: bool = False):
        """Open (or create) a store. ``readonly`` is for finished generations: they are never
        modified, not even migrated; an older schema simply lacks the newer tables' content."""
        self.path = Path(path)
        if not create and not self.path.exists():
            raise StoreError(f"index database not found: {self.path}")
        self.readonly = readonly
        self._local = threading.local()
        self._readers: list[sqlite3.Connection] = []
        self._readers_lock = threading.Lock()
        # Rows of passages already read (finished generations only: they never change). Popular
        # passages come back in many results; a read decodes their section path and word terms.
        self._rows: OrderedDict[int, dict] = OrderedDict()
        self._rows_lock = threading.Lock()
        try:
            self.conn = self._connect()
            if not readonly:
                self.conn.execute("PRAGMA synchronous = FULL")
            self.lock = threading.RLock()
            self.schema = self._migrate(apply=not readonly)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"index database {self.path} is unreadable ({exc})") from None

    def _connect(self) -> sqlite3.Connection:
        if self.readonly:
            uri = self.path.resolve().as_uri() + "?mode=ro"
            conn = sqlite3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
        else:
            conn = sqlite3.connect(str(self.path), check_same_thread=False, isolation_level=None)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        return conn

    def _reader(self) -> sqlite3.Connection:
        """The connection a read uses. A finished (read-only) generation gives each thread its own
        connection, so concurrent requests never queue on one lock (a sqlite3 connection shared
        between threads serializes, and interleaved cursors on it are unsafe); a writable store has
        one connection, guarded by ``lock``."""
        if not self.readonly:
            return self.conn
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect()
            self._local.conn = conn
            with self._readers_lock:
                self._readers.append(conn)
        return conn

    def _guard(self):
        """No lock for read-only stores (per-thread connections), ``lock`` otherwise."""
        return contextlib.nullcontext() if self.readonly else self.lock

    def _migrate(self, apply: bool = True) -> int:
        """Bring the schema up to date (when ``apply``); the schema version in use."""
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > len(MIGRATIONS):
            raise StoreError(f"index database {self.path} has schema {version}, newer than this "
                             f"program knows ({len(MIGRATIONS)})")
        if not apply:
            return version
        for number in range(version, len(MIGRATIONS)):
            self.conn.executescript("BEGIN;" + MIGRATIONS[number] + f"; PRAGMA user_version = {number + 1}; COMMIT;")
        return len(MIGRATIONS)

    def check(self) -> None:
        """Raise StoreError when SQLite finds the file damaged."""
        try:
            result = self.conn.execute("PRAGMA quick_check").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"index database {self.path} is corrupted ({exc})") from None
        if result != "ok":
            raise StoreError(f"index database {self.path} is corrupted ({result})")

    def close(self) -> None:
        with self._readers_lock:
            readers, self._readers = self._readers, []
        for conn in readers:
            conn.close()
        self.conn.close()

    def copy_to(self, path: Path) -> "Store":
        """A consistent copy (SQLite backup API) opened as a new store."""
        target = sqlite3.connect(str(path))
        with self.lock:
            self.conn.backup(target)
        target.close()
        return Store(path)

    # -- writing -------------------------------------------------------------------------------
    def begin(self) -> None:
        self.conn.execute("BEGIN")

    def commit(self) -> None:
        self.conn.execute("COMMIT")

    def delete_document(self, doc_id: str) -> None:
        self.conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))

    def add_document(self, doc) -> None:
        """Insert one ``DocumentRecord`` (its passages' vectors go through ``put_vectors``)."""
        m = doc.meta
        self.conn.execute(
            "INSERT INTO documents (id, source, content_hash, type, number, title, issuer, place, date,"
            " meta_json, text, n_passages) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (doc.id, doc.source, doc.content_hash, m.get("type"), m.get("number"), m.get("title"),
             m.get("issuer"), m.get("place"), m.get("date"), json.dumps(m, ensure_ascii=False), doc.text,
             len(doc.passages)))
        self.conn.executemany(
            'INSERT INTO blocks (doc_id, idx, start, "end", kind, marker, level, parents_json)'
            " VALUES (?,?,?,?,?,?,?,?)",
            [(doc.id, b["idx"], b["start"], b["end"], b["kind"], b.get("marker"), b.get("level") or 0,
              json.dumps(b.get("parents") or [])) for b in doc.blocks])
        self.conn.executemany(
            'INSERT INTO passages (doc_id, ordinal, start, "end", kind, section_path_json, text,'
            " vector_key, words, folded, page) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [(doc.id, p.ordinal, p.start, p.end, p.kind, json.dumps(p.section_path, ensure_ascii=False),
              p.text, p.vector_key, " ".join(p.words), " ".join(p.folded), p.page)
             for p in doc.passages])
        self.conn.execute("INSERT INTO accents (doc_id, data_json) VALUES (?, ?)",
                          (doc.id, json.dumps(doc.accent_counts, ensure_ascii=False)))
        self.put_items(doc.id, doc.items, doc.extract_version)

    def put_items(self, doc_id: str, items: list[dict], version: int) -> None:
        """Replace the extracted items (``Item.to_dict()`` dicts) of one document."""
        from indexer.extract import unit_key

        self.conn.execute("DELETE FROM items WHERE doc_id = ?", (doc_id,))
        rows = []
        for data in items:
            name = data.get("unit_normalized") if data["kind"] == "responsibility" else None
            rows.append((doc_id, data["ordinal"], data["kind"], data["start"], data["end"],
                         unit_key(name) if name else None, json.dumps(data, ensure_ascii=False)))
        self.conn.executemany('INSERT INTO items (doc_id, ordinal, kind, start, "end", unit_key, data_json)'
                              " VALUES (?,?,?,?,?,?,?)", rows)
        self.conn.execute("INSERT OR REPLACE INTO item_versions (doc_id, version) VALUES (?, ?)",
                          (doc_id, version))

    def put_vectors(self, items: dict[str, np.ndarray]) -> None:
        self.conn.executemany("INSERT OR REPLACE INTO vectors (key, vector) VALUES (?, ?)",
                              [(k, np.asarray(v, np.float32).tobytes()) for k, v in items.items()])

    def known_vector_keys(self, keys: Iterable[str]) -> set[str]:
        keys = list(keys)
        found: set[str] = set()
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            rows = self.conn.execute(
                f"SELECT key FROM vectors WHERE key IN ({','.join('?' * len(chunk))})", chunk)
            found.update(r[0] for r in rows)
        return found

    def vectors(self, keys: Iterable[str]) -> dict[str, np.ndarray]:
        keys = list(keys)
        found: dict[str, np.ndarray] = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            rows = self.conn.execute(
                f"SELECT key, vector FROM vectors WHERE key IN ({','.join('?' * len(chunk))})", chunk)
            found.update((r[0], np.frombuffer(r[1], np.float32)) for r in rows)
        return found

    def prune_vectors(self) -> None:
        """Drop cached vectors no passage uses any more."""
        self.conn.execute("DELETE FROM vectors WHERE key NOT IN (SELECT vector_key FROM passages)")

    def assign_positions(self) -> int:
        """Number passages 0..n-1 in (doc_id, ordinal) order: their row in the FAISS/BM25 indexes."""
        rows = self.conn.execute("SELECT doc_id, ordinal FROM passages ORDER BY doc_id, ordinal").fetchall()
        self.conn.executemany("UPDATE passages SET pos = ? WHERE doc_id = ? AND ordinal = ?",
                              [(i, r[0], r[1]) for i, r in enumerate(rows)])
        return len(rows)

    # -- reading -------------------------------------------------------------------------------
    def index_rows(self) -> tuple[list[list[str]], list[list[str]], np.ndarray, list[str]]:
        """Terms of both fields, vectors and doc ids of every passage, in position order."""
        words, folded, doc_ids, vecs = [], [], [], []
        for row in self.conn.execute(
                "SELECT p.doc_id, p.words, p.folded, v.vector FROM passages p "
                "JOIN vectors v ON v.key = p.vector_key ORDER BY p.pos"):
            doc_ids.append(row[0])
            words.append(row[1].split())
            folded.append(row[2].split())
            vecs.append(np.frombuffer(row[3], np.float32))
        matrix = np.stack(vecs) if vecs else np.zeros((0, 0), np.float32)
        return words, folded, matrix, doc_ids

    def sources(self) -> dict[str, tuple[str, str]]:
        """source -> (doc id, content hash)."""
        with self._guard():
            conn = self._reader()
            rows = conn.execute("SELECT source, id, content_hash FROM documents").fetchall()
        return {r[0]: (r[1], r[2]) for r in rows}

    def documents(self) -> list[dict]:
        with self._guard():
            conn = self._reader()
            rows = conn.execute(
                "SELECT id, title, number, type, issuer, place, date, source, n_passages, indexed_at,"
                " meta_json, content_hash, v.version AS extract_version FROM documents d"
                " LEFT JOIN item_versions v ON v.doc_id = d.id ORDER BY id").fetchall()
        return [_doc_row(r) | {"extract_version": r["extract_version"]} for r in rows]

    def accent_counts(self):
        """Per-document accent counts, one dict at a time."""
        with self._guard():
            conn = self._reader()
            rows = conn.execute("SELECT data_json FROM accents").fetchall()
        for r in rows:
            yield json.loads(r[0])

    def document(self, doc_id: str, with_text: bool = True) -> dict | None:
        with self._guard():
            conn = self._reader()
            row = conn.execute(
                "SELECT id, title, number, type, issuer, place, date, source, n_passages, indexed_at,"
                " meta_json, content_hash, text FROM documents WHERE id = ?", (doc_id,)).fetchone()
            if row is None:
                return None
            blocks = conn.execute(
                'SELECT idx, start, "end", kind, marker, level, parents_json FROM blocks'
                " WHERE doc_id = ? ORDER BY idx", (doc_id,)).fetchall()
        doc = _doc_row(row)
        if with_text:
            doc["text"] = row["text"]
        doc["blocks"] = [dict(b) | {"parents": json.loads(b["parents_json"])} for b in blocks]
        for b in doc["blocks"]:
            del b["parents_json"]
        return doc

    def passages(self, doc_id: str) -> list[dict]:
        """Ordinal, offsets, kind and section path of every passage of one document, in order."""
        with self._guard():
            conn = self._reader()
            rows = conn.execute(
                'SELECT ordinal, start, "end", kind, section_path_json, page FROM passages'
                " WHERE doc_id = ? ORDER BY ordinal", (doc_id,)).fetchall()
        return [{"ordinal": r[0], "start": r[1], "end": r[2], "kind": r[3],
                 "section_path": json.loads(r[4]), "page": r[5]} for r in rows]

    def passages_at(self, positions: list[int]) -> dict[int, dict]:
        """Rows of the passages at ``positions`` (read-only dicts: they may be shared)."""
        if not positions:
            return {}
        if not self.readonly:
            return self._read_passages(positions)
        with self._rows_lock:
            out = {p: self._rows[p] for p in positions if p in self._rows}
            for p in out:
                self._rows.move_to_end(p)
        missing = [p for p in positions if p not in out]
        if missing:
            fresh = self._read_passages(missing)
            with self._rows_lock:
                for p, row in fresh.items():
                    self._rows[p] = row
                while len(self._rows) > ROW_CACHE_SIZE:
                    self._rows.popitem(last=False)
            out.update(fresh)
        return out

    def _read_passages(self, positions: list[int]) -> dict[int, dict]:
        with self._guard():
            conn = self._reader()
            rows = conn.execute(
                'SELECT p.pos, p.doc_id, p.ordinal, p.start, p."end", p.kind, p.section_path_json, p.text,'
                " p.page, p.words, d.title, d.number, d.type, d.issuer, d.date FROM passages p JOIN documents d"
                f" ON d.id = p.doc_id WHERE p.pos IN ({','.join('?' * len(positions))})",
                positions).fetchall()
        return {r["pos"]: {
            "doc_id": r["doc_id"], "ordinal": r["ordinal"], "start": r["start"], "end": r["end"],
            "kind": r["kind"], "section_path": json.loads(r["section_path_json"]), "text": r["text"], "page": r["page"],
            # The index's segmentation, kept as stored (one string, not ~300 small ones: rows are
            # cached, 4,096 of them) and split by the highlighter only when it needs the words.
            "words": r["words"],
            "doc_title": r["title"] or r["type"] or r["doc_id"], "doc_number": r["number"] or "",
            "doc_type": r["type"] or "", "doc_issuer": r["issuer"] or "", "doc_date": r["date"] or "",
        } for r in rows}

    def items(self, doc_ids: list[str] | None = None, kind: str | None = None,
              unit_keys: list[str] | None = None) -> list[dict]:
        """Extracted items (dicts), in document order, with the document title."""
        if self.schema < ITEMS_SCHEMA:
            return []  # a generation written before extraction existed: re-index to get items
        sql = ("SELECT i.data_json, i.doc_id, d.title, d.type FROM items i JOIN documents d"
               " ON d.id = i.doc_id WHERE 1=1")
        args: list = []
        if doc_ids is not None:
            if not doc_ids:
                return []
            sql += f" AND i.doc_id IN ({','.join('?' * len(doc_ids))})"
            args.extend(doc_ids)
        if kind is not None:
            sql += " AND i.kind = ?"
            args.append(kind)
        if unit_keys is not None:
            if not unit_keys:
                return []
            sql += f" AND i.unit_key IN ({','.join('?' * len(unit_keys))})"
            args.extend(unit_keys)
        with self._guard():
            conn = self._reader()
            rows = conn.execute(sql + " ORDER BY i.doc_id, i.ordinal", args).fetchall()
        out = []
        for r in rows:
            data = json.loads(r[0])
            data["doc_id"] = r[1]
            data["doc_title"] = r[2] or r[3] or r[1]
            out.append(data)
        return out

    def unit_keys(self) -> list[tuple[str, int]]:
        """(unit key, number of items) of every unit with responsibilities."""
        if self.schema < ITEMS_SCHEMA:
            return []
        with self._guard():
            conn = self._reader()
            rows = conn.execute("SELECT unit_key, COUNT(*) FROM items WHERE unit_key IS NOT NULL"
                                     " GROUP BY unit_key ORDER BY unit_key").fetchall()
        return [(r[0], r[1]) for r in rows]

    def counts(self) -> tuple[int, int]:
        with self._guard():
            conn = self._reader()
            d = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
            p = conn.execute("SELECT COUNT(*) FROM passages").fetchone()[0]
        return d, p


def _doc_row(r: sqlite3.Row) -> dict:
    meta = json.loads(r["meta_json"])
    return {"id": r["id"], "title": r["title"] or "", "number": r["number"] or "",
            "type": r["type"] or "", "issuer": r["issuer"] or "", "place": r["place"] or "",
            "date": r["date"] or "", "source": r["source"], "passages": r["n_passages"],
            "indexed_at": r["indexed_at"], "implements": meta.get("implements", []),
            "content_hash": r["content_hash"], "superior": meta.get("superior") or "",
            "marks": meta.get("marks") or [], "page_starts": meta.get("page_starts"),
            "visibility": meta.get("visibility") or "public"}
