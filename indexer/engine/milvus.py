"""MilvusEngine: documents, passages, vectors, lexical data and items in a Milvus server (a cluster,
Zilliz Cloud, or Milvus Lite as a stand-in), shared by any number of stateless API replicas.

Collections (``<prefix>`` is ``settings.milvus_prefix``):

- ``<prefix>_documents``: per document one ``meta`` row (metadata, source, content hash, extract
  version, passage count) and ``text``/``blocks``/``accents`` rows holding JSON or text in chunks
  (a VARCHAR holds at most 65,535 bytes);
- ``<prefix>_passages``: key ``doc_id/ordinal``; offsets, text, section path, page, vector key,
  the dense vector (HNSW, inner product) and two lexical fields with Milvus BM25 functions;
- ``<prefix>_items``: extracted items (JSON) with their kind and unit key;
- ``<prefix>_meta``: the version counter, the index fingerprint and format, and the writer lease.

Milvus needs a vector field in every collection: the non-passage collections carry a 2-dim
placeholder vector that is never searched.

Lexical leg. Terms are analysed by our own analyzer (``indexer.index.analyzer``) and stored
hashed: each term becomes a 12-letter token ``[a-p]{12}``. Milvus's ``standard`` tokenizer keeps such
a token whole on every Milvus flavour (Milvus Lite splits on ``\\W``, the server also splits on
"_", which our compound terms "tỷ_lệ" contain), so the BM25 function scores exactly our terms. The
two fields are searched separately (``max(3n, 100)`` candidates each) and combined client-side as
``words + folded_weight × folded`` over the union; a passage missing from one list counts 0 there.
Milvus's BM25 scores differ from bm25s by a constant factor and slightly in IDF, and Milvus keeps
its own term saturation (k1 1.2: milvus-lite ignores ``bm25_k1``, and the server documents 1.2-2.0,
while the local engine uses 0.9, see ``indexer.index.lexical``), so rankings are close to, not
identical with, the local engine's: near ties may come in the other order. Scores are returned by
Milvus negated (Lite): we use their absolute value.

Writes are not transactional in Milvus: a write upserts the passages of each document, deletes
its stale rows, writes the document's ``meta`` row last (so a crash leaves the old content hash
and the next run redoes it) and then bumps the version. The writer lease is a row with an owner
and an expiry, taken by write-then-verify and renewed by a heartbeat thread while held.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from functools import lru_cache

import numpy as np

from indexer.settings import Settings

from .base import DocumentRecord, Hit, PassageKey
from .errors import IndexBusy, IndexMismatch, IndexUnavailable, IndexWriteError, check_compatible

log = logging.getLogger("nghiquyet.index")

FORMAT_VERSION = 1  # of the Milvus layout below
CHUNK_CHARS = 16_000  # ≤ 48,000 UTF-8 bytes: under the 65,535-byte VARCHAR limit
TERMS_MAX_BYTES = 65_000
LEASE_SECONDS = 60.0
VERSION_TTL = 0.5  # seconds a read of the version counter is reused (one query per request burst)
QUERY_BATCH = 500  # keys per "in [...]" filter
PAGE = 16_000  # rows per query page (Milvus allows offset + limit ≤ 16,384)
PLACEHOLDER = [0.0, 1.0]


_HEX_TO_LETTERS = str.maketrans("0123456789", "ghijklmnop")


@lru_cache(maxsize=1 << 17)
def term_token(term: str) -> str:
    """A term as a 12-letter ASCII token ([a-p]{12}, 48 bits) that every Milvus tokenizer keeps whole."""
    return hashlib.blake2b(term.encode(), digest_size=6).hexdigest().translate(_HEX_TO_LETTERS)


def terms_text(terms: list[str]) -> str:
    text = " ".join(term_token(t) for t in terms)
    if len(text) > TERMS_MAX_BYTES:
        text = text[: TERMS_MAX_BYTES - TERMS_MAX_BYTES % 13 - 1]
    return text


def _quote(values) -> str:
    return json.dumps([str(v) for v in values], ensure_ascii=False)


def _chunks(text: str) -> list[str]:
    return [text[i:i + CHUNK_CHARS] for i in range(0, len(text), CHUNK_CHARS)] or [""]


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S")


class MilvusEngine:
    name = "milvus"

    def __init__(self, settings: Settings, dim: Callable[[], int] | None = None):
        self.settings = settings
        self._dim = dim
        self._client = None
        self._client_lock = threading.Lock()
        p = settings.milvus_prefix
        self.c_docs, self.c_passages, self.c_items, self.c_meta = (
            f"{p}_documents", f"{p}_passages", f"{p}_items", f"{p}_meta")
        self._version: tuple[float, str] | None = None
        self._index_meta: tuple[str, dict | None] | None = None
        logging.getLogger("pymilvus").setLevel(logging.CRITICAL)  # it logs every failed RPC with a traceback

    # -- connection --------------------------------------------------------------------------------
    @property
    def client(self):
        if self._client is None:
            with self._client_lock:
                if self._client is None:
                    uri = self.settings.milvus_uri
                    if not uri:
                        raise IndexUnavailable("NGHIQUYET_MILVUS_URI is not set: give http://host:19530 "
                                               "(a Milvus server) or a file path (Milvus Lite)")
                    try:
                        from pymilvus import MilvusClient
                    except ImportError:
                        raise IndexUnavailable("pymilvus is not installed: run `make install`") from None
                    for attempt in range(3):  # a busy server can miss the connect deadline once
                        try:
                            self._client = MilvusClient(uri=uri, token=self.settings.milvus_token or "",
                                                        timeout=30)
                            break
                        except Exception as exc:
                            if attempt == 2:
                                raise IndexUnavailable(f"cannot reach Milvus at {uri} ({_reason(exc)})") from None
                            time.sleep(1.0)
        return self._client

    def _call(self, what: str, fn, *args, **kwargs):
        """Run a client call; connection and server errors become IndexUnavailable."""
        try:
            return fn(*args, **kwargs)
        except IndexUnavailable:
            raise
        except Exception as exc:
            raise IndexUnavailable(f"Milvus at {self.settings.milvus_uri} failed to {what} "
                                   f"({_reason(exc)})") from None

    def _has(self, name: str) -> bool:
        return bool(self._call("list collections", self.client.has_collection, name))

    # -- schema ------------------------------------------------------------------------------------
    def _create_plain(self, name: str, fields: list[tuple]) -> None:
        from pymilvus import DataType

        c = self.client
        schema = c.create_schema(auto_id=False)
        schema.add_field("pk", DataType.VARCHAR, is_primary=True, max_length=512)
        for fname, ftype, kw in fields:
            schema.add_field(fname, getattr(DataType, ftype), **kw)
        schema.add_field("v", DataType.FLOAT_VECTOR, dim=2)
        index = c.prepare_index_params()
        index.add_index("v", index_type="FLAT", metric_type="IP")
        c.create_collection(name, schema=schema, index_params=index, consistency_level="Strong")

    def _ensure_meta(self) -> None:
        if not self._has(self.c_meta):
            self._call("create collections", self._create_plain, self.c_meta,
                       [("data", "VARCHAR", {"max_length": 65535})])

    def _create_collections(self, dim: int) -> None:
        from pymilvus import DataType, Function, FunctionType

        c = self.client
        if not c.has_collection(self.c_docs):
            self._create_plain(self.c_docs, [
                ("doc_id", "VARCHAR", {"max_length": 512}), ("part", "VARCHAR", {"max_length": 16}),
                ("seq", "INT64", {}), ("data", "VARCHAR", {"max_length": 65535})])
        if not c.has_collection(self.c_items):
            self._create_plain(self.c_items, [
                ("doc_id", "VARCHAR", {"max_length": 512}), ("ordinal", "INT64", {}),
                ("kind", "VARCHAR", {"max_length": 64}), ("unit_key", "VARCHAR", {"max_length": 2048}),
                ("data", "VARCHAR", {"max_length": 65535})])
        if not c.has_collection(self.c_passages):
            schema = c.create_schema(auto_id=False)
            schema.add_field("pk", DataType.VARCHAR, is_primary=True, max_length=600)
            schema.add_field("doc_id", DataType.VARCHAR, max_length=512)
            schema.add_field("ordinal", DataType.INT64)
            schema.add_field("start", DataType.INT64)
            schema.add_field("end", DataType.INT64)
            schema.add_field("page", DataType.INT64)  # -1: none
            schema.add_field("kind", DataType.VARCHAR, max_length=64)
            schema.add_field("section_path", DataType.VARCHAR, max_length=65535)
            schema.add_field("text", DataType.VARCHAR, max_length=65535)
            schema.add_field("vector_key", DataType.VARCHAR, max_length=64)
            for field in ("words", "folded"):
                schema.add_field(field, DataType.VARCHAR, max_length=65535, enable_analyzer=True,
                                 analyzer_params={"tokenizer": "standard"})
                schema.add_field(f"{field}_bm25", DataType.SPARSE_FLOAT_VECTOR)
                schema.add_function(Function(name=f"{field}_bm25_fn", function_type=FunctionType.BM25,
                                             input_field_names=[field], output_field_names=[f"{field}_bm25"]))
            schema.add_field("dense", DataType.FLOAT_VECTOR, dim=dim)
            index = c.prepare_index_params()
            index.add_index("dense", index_type="HNSW", metric_type="IP",
                            params={"M": 16, "efConstruction": 200})
            for field in ("words", "folded"):
                index.add_index(f"{field}_bm25", index_type="SPARSE_INVERTED_INDEX", metric_type="BM25")
            index.add_index("doc_id", index_type="INVERTED")
            c.create_collection(self.c_passages, schema=schema, index_params=index, consistency_level="Strong")

    def _drop_data(self) -> None:
        for name in (self.c_docs, self.c_passages, self.c_items):
            if self.client.has_collection(name):
                self.client.drop_collection(name)

    # -- meta rows ---------------------------------------------------------------------------------
    def _meta_get(self, key: str) -> dict | None:
        if not self._has(self.c_meta):
            return None
        rows = self._call("read", self.client.query, self.c_meta, filter=f"pk == {json.dumps(key)}",
                          output_fields=["data"])
        return json.loads(rows[0]["data"]) if rows else None

    def _meta_put(self, key: str, data: dict) -> None:
        self.client.upsert(self.c_meta, [{"pk": key, "data": json.dumps(data, ensure_ascii=False),
                                          "v": PLACEHOLDER}])

    def _index_info(self) -> dict | None:
        """The ``index`` meta row (model, dim, fingerprint, format, created), cached per version."""
        version = self.version()
        cached = self._index_meta
        if cached is not None and cached[0] == version:
            return cached[1]
        info = self._meta_get("index")
        if info is not None and not self._has(self.c_passages):
            info = None  # dropped by hand, or a rebuild in progress
        self._index_meta = (version, info)
        return info

    def _ready(self) -> dict:
        """The index info of a usable index, or IndexUnavailable saying what to run."""
        info = self._index_info()
        if info is None:
            raise IndexUnavailable(f"no index in Milvus at {self.settings.milvus_uri} (collections "
                                   f"{self.settings.milvus_prefix}_*): run `nghiquyet index PATH`")
        if info.get("format_version") != FORMAT_VERSION:
            raise IndexMismatch(f"the Milvus index has format {info.get('format_version')}, this program "
                                f"reads {FORMAT_VERSION}; run `nghiquyet index --rebuild`")
        if info.get("model") != self.settings.model:
            raise IndexUnavailable(f"the index was built with model '{info.get('model')}' but the "
                                   f"settings ask for '{self.settings.model}': run `nghiquyet index --rebuild`")
        return info

    # -- writing -----------------------------------------------------------------------------------
    @contextlib.contextmanager
    def writer(self, rebuild: bool = False):
        """A lease row in the meta collection: taken when free or expired (write, then read back to
        see that no other replica overwrote it), renewed every LEASE_SECONDS/3, released at the end."""
        self._ensure_meta()
        owner = uuid.uuid4().hex
        self._take_lease(owner)
        stop = threading.Event()

        def renew():
            while not stop.wait(LEASE_SECONDS / 3):
                with contextlib.suppress(Exception):
                    self._meta_put("lease", {"owner": owner, "expires": time.time() + LEASE_SECONDS})

        beat = threading.Thread(target=renew, name="nghiquyet-milvus-lease", daemon=True)
        beat.start()
        try:
            if not rebuild:
                info = self._meta_get("index")
                if info is not None:
                    self._check_compatible(info)
            yield
        finally:
            stop.set()
            beat.join(timeout=5)
            with contextlib.suppress(Exception):
                lease = self._meta_get("lease")
                if lease and lease.get("owner") == owner:
                    self._meta_put("lease", {"owner": "", "expires": 0})

    def _take_lease(self, owner: str) -> None:
        lease = self._meta_get("lease")
        if lease and lease.get("owner") and lease.get("expires", 0) > time.time():
            raise IndexBusy("another indexing run (another replica or process) is writing to Milvus; "
                            "try again when it ends")
        self._call("take the writer lease", self._meta_put, "lease",
                   {"owner": owner, "expires": time.time() + LEASE_SECONDS})
        time.sleep(0.05)  # a concurrent taker's write lands before we read back
        lease = self._meta_get("lease")
        if not lease or lease.get("owner") != owner:
            raise IndexBusy("another indexing run (another replica or process) is writing to Milvus; "
                            "try again when it ends")

    def _check_compatible(self, info: dict) -> None:
        check_compatible(info, FORMAT_VERSION, self.settings.index_fingerprint())

    def sources(self) -> dict[str, tuple[str, str]]:
        if self._meta_get("index") is None or not self._has(self.c_docs):
            return {}
        return {m["source"]: (m["id"], m["content_hash"]) for m in self._meta_rows()}

    def cached_vectors(self, keys: list[str]) -> dict[str, np.ndarray]:
        try:
            if not self._has(self.c_passages):
                return {}
            found: dict[str, np.ndarray] = {}
            for i in range(0, len(keys), QUERY_BATCH):
                chunk = keys[i:i + QUERY_BATCH]
                rows = self.client.query(self.c_passages, filter=f"vector_key in {_quote(chunk)}",
                                         output_fields=["vector_key", "dense"], limit=PAGE)
                for r in rows:
                    found[r["vector_key"]] = np.asarray(r["dense"], np.float32)
            return found
        except Exception as exc:  # a cache that cannot be read is simply not used
            log.warning("Milvus embedding cache not used: %s", _reason(exc))
            return {}

    def write(self, put: list[DocumentRecord], delete: list[str], fresh: bool = False,
              items: dict[str, tuple[list[dict], int]] | None = None) -> str:
        try:
            return self._write(put, delete, fresh, items or {})
        except (IndexMismatch, IndexBusy):
            raise
        except Exception as exc:
            raise IndexWriteError(f"cannot write to Milvus at {self.settings.milvus_uri} "
                                  f"({_reason(exc)}); documents of this run may be partly stored: "
                                  "run the same indexing again") from exc

    def _write(self, put, delete, fresh, items) -> str:
        self._ensure_meta()
        info = self._meta_get("index")
        if info is not None and not fresh:
            self._check_compatible(info)
        dim = next((len(p.vector) for d in put for p in d.passages if p.vector is not None), None) or \
            (info or {}).get("dim") or (self._dim() if self._dim else 0)
        if fresh:
            self._drop_data()
        if not dim:
            raise IndexWriteError("the embedding size is unknown (no vector to measure)")
        if info is not None and not fresh and info.get("dim") and info["dim"] != dim:
            raise IndexMismatch(f"the index holds {info['dim']}-dim vectors, the model gives {dim}: "
                                "run with --rebuild")
        self._create_collections(dim)
        c = self.client
        putting = {d.id for d in put}
        for doc_id in delete:
            if doc_id not in putting:  # a replaced document is overwritten in place, never missing
                self._delete_document(doc_id)
        for doc in put:
            self._put_document(doc)
        metas = {}
        for doc_id, (doc_items, version) in items.items():
            self._put_items(doc_id, doc_items)
            meta = metas.get(doc_id) or self._meta_row(doc_id)
            if meta is not None:
                meta["extract_version"] = version
                self._put_meta(meta)
        if info is None or fresh:
            info = {"format_version": FORMAT_VERSION, "model": self.settings.model, "dim": dim,
                    "settings": self.settings.index_fingerprint(), "created": _now()}
        info["updated"] = _now()
        self._meta_put("index", info)
        for name in (self.c_docs, self.c_passages, self.c_items):
            with contextlib.suppress(Exception):
                c.flush(name)
        return self._bump_version()

    def _bump_version(self) -> str:
        current = self._meta_get("version") or {"n": 0}
        n = int(current.get("n", 0)) + 1
        name = f"m{n:08d}-{uuid.uuid4().hex[:6]}"
        self._meta_put("version", {"n": n, "name": name})
        self._version = (time.monotonic(), name)
        return name

    def _delete_document(self, doc_id: str) -> None:
        c, f = self.client, f"doc_id == {json.dumps(doc_id, ensure_ascii=False)}"
        c.delete(self.c_docs, filter=f + ' and part == "meta"')  # first: the document is gone at once
        for name in (self.c_passages, self.c_items, self.c_docs):
            c.delete(name, filter=f)

    def _put_document(self, doc: DocumentRecord) -> None:
        c = self.client
        did = json.dumps(doc.id, ensure_ascii=False)
        rows = []
        for p in doc.passages:
            rows.append({
                "pk": f"{doc.id}/{p.ordinal}", "doc_id": doc.id, "ordinal": p.ordinal, "start": p.start,
                "end": p.end, "page": -1 if p.page is None else int(p.page), "kind": p.kind,
                "section_path": json.dumps(p.section_path, ensure_ascii=False), "text": p.text,
                "vector_key": p.vector_key, "words": terms_text(p.words), "folded": terms_text(p.folded),
                "dense": np.asarray(p.vector, np.float32).tolist()})
        for i in range(0, len(rows), 200):
            c.upsert(self.c_passages, rows[i:i + 200])
        c.delete(self.c_passages, filter=f"doc_id == {did} and ordinal >= {len(doc.passages)}")
        self._put_items(doc.id, doc.items)
        parts = {"text": _chunks(doc.text),
                 "blocks": _chunks(json.dumps(doc.blocks, ensure_ascii=False)),
                 "accents": _chunks(json.dumps(doc.accent_counts, ensure_ascii=False))}
        blobs = [{"pk": f"{doc.id}/{part}/{seq}", "doc_id": doc.id, "part": part, "seq": seq, "data": data,
                  "v": PLACEHOLDER} for part, chunks in parts.items() for seq, data in enumerate(chunks)]
        for i in range(0, len(blobs), 50):
            c.upsert(self.c_docs, blobs[i:i + 50])
        for part, chunks in parts.items():
            c.delete(self.c_docs, filter=f'doc_id == {did} and part == "{part}" and seq >= {len(chunks)}')
        m = doc.meta
        self._put_meta({"id": doc.id, "source": doc.source, "content_hash": doc.content_hash,
                        "title": m.get("title") or "", "number": m.get("number") or "",
                        "type": m.get("type") or "", "issuer": m.get("issuer") or "",
                        "place": m.get("place") or "", "date": m.get("date") or "",
                        "passages": len(doc.passages), "indexed_at": _now(),
                        "implements": m.get("implements", []), "extract_version": doc.extract_version,
                        "meta": m})

    def _put_meta(self, meta: dict) -> None:
        self.client.upsert(self.c_docs, [{"pk": f"{meta['id']}/meta/0", "doc_id": meta["id"], "part": "meta",
                                          "seq": 0, "data": json.dumps(meta, ensure_ascii=False),
                                          "v": PLACEHOLDER}])

    def _put_items(self, doc_id: str, doc_items: list[dict]) -> None:
        from indexer.extract import unit_key

        c = self.client
        rows = []
        for data in doc_items:
            name = data.get("unit_normalized") if data["kind"] == "responsibility" else None
            rows.append({"pk": f"{doc_id}/{data['ordinal']}", "doc_id": doc_id, "ordinal": data["ordinal"],
                         "kind": data["kind"], "unit_key": unit_key(name) if name else "",
                         "data": json.dumps(data, ensure_ascii=False), "v": PLACEHOLDER})
        c.delete(self.c_items, filter=f"doc_id == {json.dumps(doc_id, ensure_ascii=False)}")
        for i in range(0, len(rows), 500):
            c.insert(self.c_items, rows[i:i + 500])

    # -- reading helpers ---------------------------------------------------------------------------
    def _query_all(self, name: str, filter: str, fields: list[str]) -> list[dict]:
        """Every row matching ``filter``: one query when it fits the result window (16,384 rows),
        else a query iterator (Milvus returns rows in no particular order, so no manual paging)."""
        rows = self._call("read", self.client.query, name, filter=filter, output_fields=["pk", *fields],
                          limit=PAGE)
        if len(rows) < PAGE:
            return list(rows)

        def every():
            it = self.client.query_iterator(name, batch_size=4000, filter=filter, output_fields=["pk", *fields])
            out = []
            try:
                while batch := it.next():
                    out += batch
            finally:
                it.close()
            return out

        return self._call("read", every)

    def _meta_rows(self) -> list[dict]:
        rows = self._query_all(self.c_docs, 'part == "meta"', ["data"])
        return [json.loads(r["data"]) for r in rows]

    def _meta_row(self, doc_id: str) -> dict | None:
        rows = self._call("read", self.client.query, self.c_docs,
                          filter=f'pk == {json.dumps(f"{doc_id}/meta/0", ensure_ascii=False)}',
                          output_fields=["data"])
        return json.loads(rows[0]["data"]) if rows else None

    def _part(self, doc_id: str, part: str) -> str:
        rows = self._query_all(self.c_docs, f"doc_id == {json.dumps(doc_id, ensure_ascii=False)} and "
                               f'part == "{part}"', ["seq", "data"])
        return "".join(r["data"] for r in sorted(rows, key=lambda r: r["seq"]))

    # -- retrieval ---------------------------------------------------------------------------------
    def version(self) -> str:
        now = time.monotonic()
        cached = self._version
        if cached is not None and now - cached[0] < VERSION_TTL:
            return cached[1]
        row = self._meta_get("version")
        name = (row or {}).get("name", "")
        self._version = (now, name)
        return name

    def _doc_filter(self, docs: set[str] | None) -> str:
        return "" if docs is None else f"doc_id in {_quote(sorted(docs))}"

    def lexical(self, words: list[str], folded: list[str], folded_weight: float, n: int,
                docs: set[str] | None = None) -> list[Hit]:
        self._ready()
        if docs is not None and not docs:
            return []
        limit = min(max(3 * n, 100), PAGE)
        scores: dict[PassageKey, float] = {}
        for field, terms, weight in (("words", words, 1.0), ("folded", folded, folded_weight)):
            if not weight or not terms:
                continue
            text = " ".join(term_token(t) for t in terms)
            res = self._call("search", self.client.search, self.c_passages, data=[text],
                             anns_field=f"{field}_bm25", limit=limit, filter=self._doc_filter(docs),
                             output_fields=["doc_id", "ordinal"], search_params={"metric_type": "BM25"})
            for h in res[0]:
                e = h["entity"]
                key = (e["doc_id"], int(e["ordinal"]))
                scores[key] = scores.get(key, 0.0) + weight * abs(float(h["distance"]))
        ranked = sorted((kv for kv in scores.items() if kv[1] > 0), key=lambda kv: (-kv[1], kv[0]))[:n]
        return [Hit(k, s) for k, s in ranked]

    def dense(self, vector: np.ndarray, n: int, docs: set[str] | None = None) -> list[Hit]:
        self._ready()
        if docs is not None and not docs:
            return []
        res = self._call("search", self.client.search, self.c_passages,
                         data=[np.asarray(vector, np.float32).tolist()], anns_field="dense",
                         limit=min(n, PAGE), filter=self._doc_filter(docs), output_fields=["doc_id", "ordinal"],
                         search_params={"metric_type": "IP", "params": {"ef": max(64, 2 * n)}})
        hits = [Hit((h["entity"]["doc_id"], int(h["entity"]["ordinal"])), float(h["distance"])) for h in res[0]]
        return sorted(hits, key=lambda h: (-h.score, h.key))

    # -- reading -----------------------------------------------------------------------------------
    def passages_at(self, keys: list[PassageKey]) -> dict[PassageKey, dict]:
        self._ready()
        keys = list(dict.fromkeys(keys))
        if not keys:
            return {}
        rows = []
        for i in range(0, len(keys), QUERY_BATCH):
            pks = [f"{d}/{o}" for d, o in keys[i:i + QUERY_BATCH]]
            rows += self._call("read", self.client.query, self.c_passages, filter=f"pk in {_quote(pks)}",
                               output_fields=["doc_id", "ordinal", "start", "end", "kind", "section_path",
                                              "text", "page"], limit=PAGE)
        metas = {}
        for doc_id in {r["doc_id"] for r in rows}:
            metas[doc_id] = self._meta_row(doc_id) or {}
        out = {}
        for r in rows:
            d = metas.get(r["doc_id"], {})
            out[(r["doc_id"], int(r["ordinal"]))] = {
                "doc_id": r["doc_id"], "ordinal": int(r["ordinal"]), "start": int(r["start"]),
                "end": int(r["end"]), "kind": r["kind"], "section_path": json.loads(r["section_path"]),
                "text": r["text"], "page": None if r["page"] < 0 else int(r["page"]),
                "doc_title": d.get("title") or d.get("type") or r["doc_id"], "doc_number": d.get("number") or "",
                "doc_type": d.get("type") or "", "doc_issuer": d.get("issuer") or "",
                "doc_date": d.get("date") or ""}
        return out

    @staticmethod
    def _doc_dict(m: dict) -> dict:
        """The same document fields as LocalEngine's store gives (visibility, header marks, content
        hash, page starts included): the service and access rules read them on every backend."""
        meta = m.get("meta") or {}
        return {k: m.get(k, "") for k in ("id", "title", "number", "type", "issuer", "place", "date",
                                          "source", "content_hash")} | {
            "passages": m.get("passages", 0), "indexed_at": m.get("indexed_at"),
            "implements": m.get("implements", []), "superior": meta.get("superior") or "",
            "marks": meta.get("marks") or [], "page_starts": meta.get("page_starts"),
            "visibility": meta.get("visibility") or "public"}

    def documents(self) -> list[dict]:
        self._ready()
        return sorted((self._doc_dict(m) | {"extract_version": m.get("extract_version")}
                       for m in self._meta_rows()), key=lambda d: d["id"])

    def document(self, doc_id: str) -> dict | None:
        self._ready()
        meta = self._meta_row(doc_id)
        if meta is None:
            return None
        doc = self._doc_dict(meta)
        doc["text"] = self._part(doc_id, "text")
        doc["blocks"] = json.loads(self._part(doc_id, "blocks") or "[]")
        rows = self._query_all(self.c_passages, f"doc_id == {json.dumps(doc_id, ensure_ascii=False)}",
                               ["ordinal", "start", "end", "kind", "section_path", "page"])
        doc["passage_list"] = [{"ordinal": int(r["ordinal"]), "start": int(r["start"]), "end": int(r["end"]),
                                "kind": r["kind"], "section_path": json.loads(r["section_path"]),
                                "page": None if r["page"] < 0 else int(r["page"])}
                               for r in sorted(rows, key=lambda r: r["ordinal"])]
        return doc

    def items(self, doc_ids: list[str] | None = None, kind: str | None = None,
              unit_keys: list[str] | None = None) -> list[dict]:
        self._ready()
        if (doc_ids is not None and not doc_ids) or (unit_keys is not None and not unit_keys):
            return []
        parts = ['pk != ""']
        if doc_ids is not None:
            parts.append(f"doc_id in {_quote(doc_ids)}")
        if kind is not None:
            parts.append(f"kind == {json.dumps(kind, ensure_ascii=False)}")
        if unit_keys is not None:
            parts.append(f"unit_key in {_quote(unit_keys)}")
        rows = self._query_all(self.c_items, " and ".join(parts), ["doc_id", "ordinal", "data"])
        titles = {m["id"]: m.get("title") or m.get("type") or m["id"] for m in self._meta_rows()}
        out = []
        for r in sorted(rows, key=lambda r: (r["doc_id"], r["ordinal"])):
            if r["doc_id"] not in titles:
                continue  # a document being deleted
            data = json.loads(r["data"])
            data["doc_id"] = r["doc_id"]
            data["doc_title"] = titles[r["doc_id"]]
            out.append(data)
        return out

    def accent_counts(self) -> Iterator[dict[str, dict[str, int]]]:
        self._ready()
        rows = self._query_all(self.c_docs, 'part == "accents"', ["doc_id", "seq", "data"])
        by_doc: dict[str, list] = {}
        for r in rows:
            by_doc.setdefault(r["doc_id"], []).append(r)
        for doc_rows in by_doc.values():
            yield json.loads("".join(r["data"] for r in sorted(doc_rows, key=lambda r: r["seq"])))

    def stats(self) -> dict:
        info = self._ready()
        docs = self._call("count", self.client.query, self.c_docs, filter='part == "meta"',
                          output_fields=["count(*)"])[0]["count(*)"]
        passages = self._call("count", self.client.query, self.c_passages, filter="",
                              output_fields=["count(*)"])[0]["count(*)"]
        return {"documents": int(docs), "passages": int(passages), "model": info.get("model"),
                "version": self.version(), "created": info.get("created"), "dense_index": "milvus-hnsw"}


def _reason(exc: Exception) -> str:
    msg = getattr(exc, "message", None) or str(exc)
    return " ".join(str(msg).split())[:300]
