"""One parent, all its implementing plans: the coverage matrix.

``coverage(service, parent_id, child_ids)`` runs ``compare()`` of the parent against every child and
turns the results into one matrix: a row per parent item (task, target, deadline, responsibility),
a column per child, each cell one of compare's statuses with its note and the child's citation.

Why it is fast enough for 50 communes:
- each parent x child result is cached by the content hashes of both texts and the alignment
  settings (in memory and, when the index has a folder, as JSON under ``<data_dir>/cache/coverage``),
  so a second view of the matrix, or the same child under another parent view, is not recomputed;
- one passage-vector cache is shared by all the children of a run: the parent's spans are encoded
  once, and children written from the parent (most of their paragraphs copied) hit it too.
"""

from __future__ import annotations

import copy
import hashlib
import json
import logging
import threading
from collections import OrderedDict
from pathlib import Path

import numpy as np

from .align import GAPS, KIND_ORDER, STATUSES, compare
from .side import Side, side_from_index

log = logging.getLogger("nghiquyet.coverage")

ALGO_VERSION = "cov-3"  # bump when align/similarity change what a result means
GOOD = ("covered", "stricter", "earlier")  # the child meets or exceeds the parent


class VectorCache:
    """Passage vectors by text, shared by the comparisons of one embedder (bounded LRU)."""

    def __init__(self, inner, size: int = 200_000):
        self.inner = inner
        self.name = getattr(inner, "name", "embedder")
        self.dim = getattr(inner, "dim", 0)
        self._vec: OrderedDict[str, np.ndarray] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def encode_passages(self, texts, progress=None) -> np.ndarray:
        texts = list(texts)
        with self._lock:
            todo = [t for t in dict.fromkeys(texts) if t not in self._vec]
        if todo:
            vecs = np.asarray(self.inner.encode_passages(todo), dtype=np.float32)
            with self._lock:
                for t, v in zip(todo, vecs):
                    self._vec[t] = v
                while len(self._vec) > self._size:
                    self._vec.popitem(last=False)
        with self._lock:
            out = []
            for t in texts:
                v = self._vec.get(t)
                if v is None:  # evicted meanwhile: encode alone
                    v = np.asarray(self.inner.encode_passages([t]), dtype=np.float32)[0]
                out.append(v)
        return np.stack(out) if out else np.zeros((0, self.dim), np.float32)

    def encode_query(self, text: str):
        return self.inner.encode_query(text)


class ResultCache:
    """compare() results by (parent hash, child hash, settings, model): memory LRU + JSON files."""

    def __init__(self, folder: Path | None, size: int = 512):
        self.folder = folder
        self._mem: OrderedDict[str, dict] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def get(self, key: str) -> dict | None:
        with self._lock:
            hit = self._mem.get(key)
            if hit is not None:
                self._mem.move_to_end(key)
                return hit
        if self.folder is not None:
            path = self.folder / f"{key}.json"
            try:
                hit = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                return None
            self._put_mem(key, hit)
            return hit
        return None

    def put(self, key: str, value: dict) -> None:
        self._put_mem(key, value)
        if self.folder is not None:
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                tmp = self.folder / f"{key}.json.tmp"
                tmp.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
                tmp.replace(self.folder / f"{key}.json")
            except OSError as exc:  # read-only or full disk: the memory cache still works
                log.warning("coverage cache not written: %s", exc)

    def _put_mem(self, key: str, value: dict) -> None:
        with self._lock:
            self._mem[key] = value
            self._mem.move_to_end(key)
            while len(self._mem) > self._size:
                self._mem.popitem(last=False)


def content_hash(side: Side) -> str:
    """What a comparison depends on: the text (offsets, blocks and items derive from it) and
    the items' extractor output (a re-extraction changes the result)."""
    h = hashlib.sha256(side.text.encode("utf-8"))
    h.update(json.dumps([(i.get("kind"), i.get("start"), i.get("end"), i.get("value"), i.get("when"),
                          i.get("unit")) for i in side.items], ensure_ascii=False, default=str).encode())
    return h.hexdigest()[:24]


def cache_key(parent: Side, child: Side, settings, model: str) -> str:
    knobs = (ALGO_VERSION, model, settings.compare_dense_weight, settings.compare_covered,
             settings.compare_partial, settings.compare_item_match,
             getattr(settings, "compare_borrow_margin", None))
    raw = f"{content_hash(parent)}:{content_hash(child)}:{knobs}:{child.id}:{parent.id}"
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


def row_key(item: dict) -> tuple:
    """One row per parent item; two targets quoted by one sentence differ by their value."""
    return (item["kind"], item["parent"]["start"], item["parent"]["end"],
            str((item.get("values") or {}).get("parent") or ""))


def child_summary(side_info: dict, result: dict | None, linked: bool, error: str = "") -> dict:
    summary = {s: 0 for s in STATUSES}
    if result is not None:
        for it in result["items"]:
            summary[it["status"]] += 1
    total = sum(summary.values())
    good = sum(summary[s] for s in GOOD)
    return {"id": side_info["id"], "title": side_info.get("title") or "", "type": side_info.get("type") or "",
            "number": side_info.get("number") or "", "issuer": side_info.get("issuer") or "",
            "linked": linked, **summary, "total": total, "gaps": sum(summary[s] for s in GAPS),
            "coverage": round(good / total, 3) if total else 0.0,
            "additions": len(result["additions"]) if result else 0, "error": error}


def build_matrix(parent: Side, results: list[tuple[dict, dict | None, bool, str]]) -> dict:
    """The matrix from per-child compare results: ``results`` is (child describe(), result or None,
    linked, error) in column order."""
    rows: dict[tuple, dict] = {}
    for info, result, _linked, _err in results:
        if result is None:
            continue
        for it in result["items"]:
            key = row_key(it)
            row = rows.get(key)
            if row is None:
                p = it["parent"]
                row = rows[key] = {"kind": it["kind"], "text": p["text"], "section_path": p["section_path"],
                                   "start": p["start"], "end": p["end"], "passage": p.get("passage"),
                                   "status": {}, "notes": {}, "child": {}, "score": {}, "values": {},
                                   "parent_value": key[3]}
            cid = info["id"]
            # Several parent items can share a span (two targets in one sentence): keep the worst.
            old = row["status"].get(cid)
            if old is not None and _rank(old) <= _rank(it["status"]):
                continue
            row["status"][cid] = it["status"]
            row["notes"][cid] = it["note"]
            row["child"][cid] = it["child"]
            row["score"][cid] = it["score"]
            if it.get("values"):
                row["values"][cid] = it["values"]
    n_children = sum(1 for _, r, _, _ in results if r is not None)
    tasks = sorted(rows.values(), key=lambda r: (r["start"], KIND_ORDER.index(r["kind"]), r["end"]))
    for r in tasks:
        r["missing_in"] = sum(1 for s in r["status"].values() if s in ("missing",))
        r["gaps_in"] = sum(1 for s in r["status"].values() if s in GAPS)
        r["of"] = n_children
    children = [child_summary(info, result, linked, err) for info, result, linked, err in results]
    return {"parent": {**parent.describe(), "title": parent.meta.get("title") or ""},
            "children": children, "tasks": tasks,
            "statuses": list(STATUSES), "gaps": list(GAPS)}


_ORDER = ("missing", "partial", "weaker", "changed", "later", "stricter", "earlier", "covered")


def _rank(status: str) -> int:
    return _ORDER.index(status) if status in _ORDER else len(_ORDER)


class CoverageRunner:
    """Holds the caches of one service (one per process)."""

    def __init__(self, service):
        self.service = service
        folder = None
        data_dir = getattr(service.settings, "data_dir", None)
        if data_dir is not None and Path(data_dir).exists():
            folder = Path(data_dir) / "cache" / "coverage"
        self.results = ResultCache(folder)
        self._vectors: VectorCache | None = None
        self._memo: OrderedDict[str, dict] = OrderedDict()
        self._lock = threading.Lock()

    def vectors(self) -> VectorCache:
        with self._lock:
            if self._vectors is None:
                self._vectors = VectorCache(self.service.embedder)
            return self._vectors

    def compare_cached(self, parent: Side, child: Side) -> dict:
        settings = self.service.settings
        key = cache_key(parent, child, settings, getattr(self.service.embedder, "name", "model"))
        hit = self.results.get(key)
        if hit is not None:
            return hit
        result = compare(parent, child, settings, embedder=self.vectors())
        result.pop("settings", None)
        self.results.put(key, result)
        return result

    def run(self, parent_id: str, child_ids: list[str] | None = None) -> dict:
        """The matrix of ``parent_id`` against ``child_ids`` (default: its linked children). Unknown
        ids raise UnknownDocument (from the service); a child that fails is reported, not fatal."""
        linked = self.service.children(parent_id)
        ids = list(dict.fromkeys(child_ids if child_ids else linked))
        ids = [c for c in ids if c != parent_id]
        # A repeat view: the same documents at the same index versions give the same matrix, so it
        # is served without reading a document (the per-pair cache below survives restarts).
        memo_key = self._memo_key(parent_id, ids, linked)
        with self._lock:
            hit = self._memo.get(memo_key) if memo_key else None
        if hit is not None:
            return copy.deepcopy(hit)  # callers (the page) annotate rows: keep the memo clean
        out = self._run(parent_id, ids, linked)
        if memo_key:
            with self._lock:
                self._memo[memo_key] = copy.deepcopy(out)
                while len(self._memo) > 64:
                    self._memo.popitem(last=False)
        return out

    def _memo_key(self, parent_id: str, ids: list[str], linked: list[str]) -> str | None:
        docs = {d["id"]: d for d in self.service._documents()}
        if parent_id not in docs or any(c not in docs for c in ids):
            return None
        s = self.service.settings
        stamp = [(i, docs[i].get("indexed_at"), docs[i].get("extract_version"), i in linked)
                 for i in [parent_id, *ids]]
        knobs = (ALGO_VERSION, getattr(self.service.embedder, "name", "model"), s.compare_dense_weight,
                 s.compare_covered, s.compare_partial, s.compare_item_match,
                 getattr(s, "compare_borrow_margin", None))
        return hashlib.sha256(json.dumps([stamp, knobs], default=str).encode()).hexdigest()

    def _run(self, parent_id: str, ids: list[str], linked: list[str]) -> dict:
        parent = side_from_index(self.service, parent_id)
        results = []
        for cid in ids:
            try:
                child = side_from_index(self.service, cid)
            except LookupError as exc:
                results.append(({"id": cid}, None, cid in linked, f"unknown document: {exc}"))
                continue
            try:
                results.append((child.describe(), self.compare_cached(parent, child), cid in linked, ""))
            except Exception as exc:  # one bad child must not hide the other 49
                log.exception("coverage: %s against %s failed", cid, parent_id)
                results.append((child.describe(), None, cid in linked, f"comparison failed: {exc}"))
        out = build_matrix(parent, results)
        out["linked"] = linked
        return out
