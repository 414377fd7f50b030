"""Who sees which documents — applied once, below the service's read paths.

``VisibleEngine`` wraps the storage engine: it lays each document's effective visibility (the
``visibility`` of its metadata, overridden by an editor's later decision in the accounts database)
over what the engine returns, and — for anonymous viewers — drops internal documents from every
read: the document list, a document (``None``: a 404 to the caller, never a 403), both retrieval
legs (as a document filter, so ranking is computed over public passages only), passages, items
(units, compare, brief, exports) and the counts of ``/api/health``.

``Service.for_viewer(principal)`` returns the service itself for signed-in readers and a
``public_view`` of it (same index, same model, same write lock, its own caches) for anonymous
ones. Every route asks for its service through that, so a new route is filtered without doing
anything; ``tests/access/test_matrix.py`` checks every route of the app against that promise."""

from __future__ import annotations

import copy
import threading

from indexer.accounts import Accounts
from indexer.search.cache import ResultCache


class VisibleEngine:
    """An ``Engine`` seen through visibility rules (see the module docstring)."""

    def __init__(self, engine, accounts: Accounts, public_only: bool):
        self._engine = engine
        self._accounts = accounts
        self.public_only = public_only
        self._lock = threading.Lock()
        self._memo: tuple[str, dict[str, str]] | None = None

    def __getattr__(self, name):  # writer, write, sources, cached_vectors, generation, … pass through
        return getattr(self._engine, name)

    @property
    def name(self) -> str:
        return self._engine.name

    @property
    def inner(self):
        return self._engine

    def version(self) -> str:
        """The engine's version, the accounts' revision and the scope: every cache keyed by it
        (results, documents, coverage memos) is kept apart for anonymous and signed-in viewers."""
        scope = "public" if self.public_only else "all"
        return f"{self._engine.version()}~v{self._accounts.revision()}~{scope}"

    def visibility(self) -> dict[str, str]:
        """doc id -> effective visibility of every stored document."""
        version = self.version()
        memo = self._memo
        if memo is not None and memo[0] == version:
            return memo[1]
        overrides = self._accounts.visibility_overrides()
        # Fail closed: an engine that does not report a document's visibility hides it.
        result = {d["id"]: overrides.get(d["id"]) or d.get("visibility") or "internal"
                  for d in self._engine.documents()}
        with self._lock:
            self._memo = (version, result)
        return result

    def _hidden(self) -> set[str]:
        if not self.public_only:
            return set()
        return {d for d, v in self.visibility().items() if v != "public"}

    def _restrict(self, docs: set[str] | None) -> set[str] | None:
        hidden = self._hidden()
        if not hidden:
            return docs
        if docs is None:
            return set(self.visibility()) - hidden
        return set(docs) - hidden

    # -- reads --------------------------------------------------------------------------------------
    def documents(self) -> list[dict]:
        vis = self.visibility()
        hidden = self._hidden()
        return [d | {"visibility": vis.get(d["id"], "public")} for d in self._engine.documents()
                if d["id"] not in hidden]

    def document(self, doc_id: str) -> dict | None:
        if doc_id in self._hidden():
            return None
        doc = self._engine.document(doc_id)
        if doc is not None:
            doc["visibility"] = self.visibility().get(doc_id, doc.get("visibility") or "public")
        return doc

    def lexical(self, words, folded, folded_weight, n, docs=None):
        allowed = self._restrict(docs)
        if allowed is not None and not allowed:
            return []
        return self._engine.lexical(words, folded, folded_weight, n, allowed)

    def dense(self, vector, n, docs=None):
        allowed = self._restrict(docs)
        if allowed is not None and not allowed:
            return []
        return self._engine.dense(vector, n, allowed)

    def passages_at(self, keys):
        hidden = self._hidden()
        return self._engine.passages_at([k for k in keys if k[0] not in hidden])

    def items(self, doc_ids=None, kind=None, unit_keys=None):
        hidden = self._hidden()
        if hidden and doc_ids is not None:
            doc_ids = [d for d in doc_ids if d not in hidden]
        rows = self._engine.items(doc_ids, kind, unit_keys)
        return [r for r in rows if r.get("doc_id") not in hidden] if hidden else rows

    def stats(self) -> dict:
        stats = self._engine.stats()
        if self.public_only:
            docs = self.documents()
            stats = {**stats, "documents": len(docs), "passages": sum(d.get("passages") or 0 for d in docs)}
        return stats


def public_view(service):
    """The service as an anonymous viewer sees it: same engine, model and write lock; internal
    documents filtered out by a ``VisibleEngine``; caches of its own."""
    view = copy.copy(service)
    inner = service.engine.inner if isinstance(service.engine, VisibleEngine) else service.engine
    view.engine = VisibleEngine(inner, service.accounts, public_only=True)
    view._cache_lock = threading.Lock()
    view._cache_version = None
    view._cache = {}
    view._building = {}
    # Nothing computed for signed-in viewers may serve an anonymous one: fresh result cache and
    # coverage runner (they hold results and a reference to the service that computed them).
    view._results = ResultCache(service.settings.search_cache_size)
    view._asks = ResultCache(service.settings.search_cache_size)
    view._coverage_runner = None
    view._base = service
    return view


def after_write(service, action: str, report, visibility: str | None, actor: str, ip: str = "") -> None:
    """After an upload, index run or delete: an explicit visibility becomes the decision of every
    document the run touched (even an unchanged one), deleted documents lose theirs, and the audit
    log gets one entry with the per-file outcome."""
    accounts = service.accounts
    touched = [f.doc_id for f in report.files if f.doc_id and f.status in ("added", "updated", "unchanged")]
    removed = [f.doc_id for f in report.files if f.doc_id and f.status == "removed"]
    if removed:
        accounts.forget_visibility(removed)
    if visibility and touched:
        stored = {d["id"]: d.get("visibility") for d in service.engine.inner.documents()}
        for doc_id in touched:
            if stored.get(doc_id) == visibility:
                accounts.forget_visibility([doc_id])
            else:
                accounts.set_visibility(doc_id, visibility, actor)
    files = [{"name": f.source.removeprefix("upload:"), "status": f.status, "doc_id": f.doc_id,
              **({"reason": f.reason} if f.status == "failed" else {})} for f in report.files]
    accounts.audit(actor, action, ", ".join(sorted(set(touched + removed))), ok=True, ip=ip,
                   summary=report.summary(), visibility=visibility or "auto", files=files[:200])


def change_visibility(service, doc_id: str, visibility: str, actor: str, ip: str = ""):
    """An editor's decision: the document becomes public or internal (audited)."""
    from indexer.engine.errors import UnknownDocument
    from indexer.visibility import VISIBILITIES

    if visibility not in VISIBILITIES:
        raise ValueError(f"visibility must be 'public' or 'internal', not '{visibility}'")
    before = service.engine.visibility().get(doc_id)
    if before is None:
        raise UnknownDocument(doc_id)
    service.accounts.set_visibility(doc_id, visibility, actor)
    service.accounts.audit(actor, "visibility", doc_id, ip=ip, before=before, after=visibility)
    return next(d for d in service.documents() if d["id"] == doc_id)
