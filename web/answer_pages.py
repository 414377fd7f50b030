"""HTML pages of the answers (issue "3 of 5"): the answer box of the search page, a document's
responsibilities / targets / timeline, and the units (everything one unit must do across documents).

JSON twins (api/answers.py): /api/ask, /api/documents/{id}/responsibilities|targets|deadlines (also
?format=csv|xlsx, linked from the pages), /api/units, /api/units/{name}. Every value reaches the
templates as plain text (Jinja autoescape); nothing here builds markup."""

from __future__ import annotations

import bisect
import logging
import re
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from indexer.answer.citations import answer_span
from indexer.answer.roles import item_role
from indexer.engine.errors import UnknownDocument
from indexer.extract import normalize_unit, unit_key
from indexer.search.highlight import highlight_spans
from indexer.text import written_as

from . import render
from .layout import error_page, page, service_of
from .layout import url as _url

log = logging.getLogger("nghiquyet.web")

router = APIRouter(include_in_schema=False)

ROLE_ORDER = ("chủ trì", "tham mưu", "phối hợp", "hướng dẫn", "kiểm tra/giám sát", "báo cáo",
              "thực hiện", "tham dự")
ROLE_CLASS = {"chủ trì": "lead", "tham mưu": "advise", "phối hợp": "assist", "hướng dẫn": "guide",
              "kiểm tra/giám sát": "check", "báo cáo": "report", "thực hiện": "do", "tham dự": "attend"}
VIEWS = [("responsibilities", "Phân công nhiệm vụ"), ("targets", "Chỉ tiêu"), ("timeline", "Thời hạn, tiến độ")]
API_PLURAL = {"responsibilities": "responsibilities", "targets": "targets", "timeline": "deadlines"}
MAX_CITATIONS = 3


# -- shared helpers -----------------------------------------------------------------------------------

class Anchors:
    """Passage ordinal (the reader's ``#p-N`` anchor) of an offset in a document; one read of the
    passage table per document and request."""

    def __init__(self, service):
        self.service = service
        self._docs: dict[str, tuple[list[int], list[dict]]] = {}

    def ordinal(self, doc_id: str, offset: int) -> int | None:
        if doc_id not in self._docs:
            try:
                rows = self.service.passages(doc_id)
            except UnknownDocument:
                rows = []
            self._docs[doc_id] = ([r["start"] for r in rows], rows)
        starts, rows = self._docs[doc_id]
        i = bisect.bisect_right(starts, offset) - 1
        if i < 0:
            return rows[0]["ordinal"] if rows else None
        if rows[i].get("end") is not None and rows[i]["end"] <= offset and i + 1 < len(rows):
            return rows[i + 1]["ordinal"]  # a heading between passages: the passage it opens
        return rows[i]["ordinal"]

    def url(self, doc_id: str, offset: int, q: str | None = None) -> str:
        ordinal = self.ordinal(doc_id, offset)
        if ordinal is None:
            return f"/documents/{quote(doc_id, safe='')}"
        return _url(f"/documents/{quote(doc_id, safe='')}", p=ordinal, q=q) + f"#p-{ordinal}"


# Who-answers that name no one unit with tasks of its own: a signer (a person) and the make-up of a
# body (a list of members). They get no "Mọi nhiệm vụ của …" link.
NOT_A_UNIT = frozenset({"ký", "thành phần"})


def _marked(quote_text: str, base: int, spans: list[tuple[int | None, int | None]]) -> list[tuple[str, bool]]:
    """The quote cut into (text, highlighted) pieces; ``spans`` are absolute offsets in the document."""
    rel = [[s - base, e - base] for s, e in spans
           if s is not None and e is not None and 0 <= s - base < e - base <= len(quote_text)]
    return render.split_highlights(quote_text, rel)


def _as_written(words: list[str], item: dict | None) -> list[str]:
    """The matched words (folded: "hieu luc") as the cited sentence, its headings or its document's
    title write them ("hiệu lực"), each once. A word none of them shows (the document's opening
    said it) is left out: shown folded ("chinh") it reads as a typo, and /api/ask keeps it."""
    item = item or {}
    texts = [item.get("quote") or "", " ".join(item.get("section_path") or []), item.get("doc_title") or ""]
    out = []
    for w in words:
        written = next((x for x in (written_as(t, w) for t in texts) if x), None)
        if written and written.lower() not in [o.lower() for o in out]:
            out.append(written)
    return out


def _item_spans(item: dict) -> list[tuple[int | None, int | None]]:
    span = answer_span(item)
    return [span] if span and None not in span else []  # (no answer words: the query's are marked)


def written_differs(written: str, name: str) -> bool:
    """Is a unit's name as written worth showing next to its normalized name (an abbreviation, not
    just "Các …" or another case)?"""
    return re.sub(r"^(?:các|mỗi|những)\s+", "", written.strip().lower()) != name.strip().lower()


def _unit_url(name: str) -> str:
    return "/units/" + quote(name, safe="")


def _format_when(item: dict) -> str:
    """The normalized date of a deadline the Vietnamese way: 05/06/2026, 05/2026, năm 2030, 2026–2030."""
    date = item.get("date") or ""
    parts = date.split("-")
    if len(parts) == 3:
        return render.format_date(date)
    if len(parts) == 2 and all(p.isdigit() for p in parts):
        return f"{parts[1]}/{parts[0]}"
    if date.isdigit():
        return f"năm {date}"
    if item.get("year_from") and item.get("year_to"):
        return f"{item['year_from']}–{item['year_to']}"
    return ""


def _sort_date(item: dict) -> str:
    """Sortable date; a bare year ("2030") or period sorts after the days and months of that year."""
    date = str(item.get("date") or "")
    if len(date) == 4:
        return date + "-99"
    return date or f"{item.get('year_to') or item.get('year_from') or 9999}-99"


def _doc_names(docs: list[dict]) -> dict[str, dict]:
    return {d["id"]: {"heading": render.doc_heading(d.get("type"), d.get("title"), d["id"]),
                      "reference": render.doc_reference(d.get("type"), d.get("number"), d.get("title")),
                      "date": d.get("date") or "", "issuer": d.get("issuer") or "",
                      "number": d.get("number") or ""} for d in docs}


# -- answer box (search page) ---------------------------------------------------------------------------

def answer_box(service, query: str, response, k: int, doc: str | None, filters, docs: list[dict]) -> dict | None:
    """What the search page shows above its results. Reuses the page's own search (``response``)
    when it holds the passages ask() would retrieve, so the page never searches twice; a filtered
    search answers from the filtered documents only. In production an error leaves the box out (and
    is logged) so the results below still answer the search; with ``settings.show_errors`` (tests,
    development) it fails the request."""
    doc_ids = None
    if doc or filters:
        doc_ids = {d["id"] for d in docs if (not doc or d["id"] == doc) and (not filters or filters.matches(d))}
    reuse = response if k >= 10 else None
    try:
        result = service.ask(query, k=10, response=reuse, doc_ids=doc_ids).model_dump()
    except Exception:
        if getattr(service.settings, "show_errors", False):
            raise
        log.exception("answer box failed for %r", query)
        return None
    names = _doc_names(docs)
    anchors = Anchors(service)
    items = result.get("items") or []
    citations, seen = [], set()
    for i, c in enumerate(result["citations"]):
        key = (c["doc_id"], c["start"], c["end"])
        if key in seen:
            continue
        seen.add(key)
        item = items[i] if result["answer"] and i < len(items) else None
        spans = _item_spans(item) if item else []
        name = names.get(c["doc_id"], {})
        citations.append({
            "parts": _marked(c["text"], c["start"], spans) if spans else
            render.split_highlights(c["text"], highlight_spans(c["text"], query)),
            "doc_id": c["doc_id"], "heading": name.get("heading") or c.get("doc_title") or c["doc_id"],
            "reference": name.get("reference", ""), "section_path": c.get("section_path") or [],
            "url": anchors.url(c["doc_id"], c["start"], query),
            "role": item_role(item) if item and item.get("kind") == "responsibility" else None,
        })
        if len(citations) >= MAX_CITATIONS:
            break
    units = []
    if result["answer"] and result["kind"] in ("who", "tasks") and result.get("role") not in NOT_A_UNIT:
        for item in items:  # the units of the answering sentence (the answer names them)
            if (item["doc_id"], item["start"]) != (items[0]["doc_id"], items[0]["start"]):
                continue
            # (a unit read at question time, in place, is no unit of the index: no page of its tasks)
            name = item.get("unit_normalized") or (item.get("unit") if "unit_normalized" not in item else "")
            if name and name not in [u["name"] for u in units] and len(units) < 3:
                units.append({"name": name, "url": _unit_url(name)})
    view = None
    support = result.get("support") or {}
    # (a count is of the outline; a category's label is no target of the document's list)
    own_kind = support.get("read") if result["answer"] and support.get("read") in ("count", "label") else None
    if result["answer"] and items and own_kind is None:
        top = items[0]
        plural = {"responsibility": "responsibilities", "target": "targets", "deadline": "timeline"}[top["kind"]]
        view = {"url": f"/documents/{quote(top['doc_id'], safe='')}/{plural}",
                "label": dict(VIEWS)[plural], "doc": names.get(top["doc_id"], {}).get("reference", "")}
    return {"kind": own_kind or result["kind"],
            "role": result.get("role") if result["answer"] and result["kind"] in ("who", "tasks") else None,
            "says": support.get("says") or "",
            "support_words": _as_written(support.get("words") or [], items[0] if result["answer"] and items else None),
            # (a lower gate: the top passage's, the model's closest sentence's, or the typed reading's)
            "partial": bool(result["answer"]) and (support.get("gate") in ("top_passage", "closest")
                                                   or support.get("read") == "typed"),
            "answer": result["answer"], "message": result.get("message"), "citations": citations,
            "more": max(0, len({(c['doc_id'], c['start']) for c in result['citations']}) - len(citations)),
            "units": units, "view": view, "interpreted": result.get("interpreted") or "",
            "api_url": _url("/api/ask", q=query)}


# -- per-document views -----------------------------------------------------------------------------------

def _doc_view(request: Request, doc_id: str, view: str, kind: str, build) -> HTMLResponse:
    service = service_of(request)
    doc = service.document(doc_id)
    if doc is None:
        return error_page(request, 404, "Không tìm thấy văn bản", f"Không có văn bản mã «{doc_id}» trong chỉ mục.",
                          "Văn bản có thể đã bị xóa hoặc đường dẫn bị sai. Xem danh sách văn bản.")
    try:
        items = service.items(doc_id, kind)
    except UnknownDocument:
        return error_page(request, 404, "Không tìm thấy văn bản", f"Không có văn bản mã «{doc_id}» trong chỉ mục.")
    anchors = Anchors(service)
    base = f"/documents/{quote(doc_id, safe='')}"
    api = f"/api/documents/{quote(doc_id, safe='')}/{API_PLURAL[view]}"
    ctx = {"nav": "documents", "doc": doc, "view": view, "views": VIEWS, "base": base,
           "heading": render.doc_heading(doc.get("type"), doc.get("title"), doc["id"]),
           "downloads": {"csv": api + "?format=csv", "xlsx": api + "?format=xlsx", "json": api},
           "count": len(items)}
    ctx.update(build(items, anchors, doc_id))
    return page(request, f"{'timeline' if view == 'timeline' else view}.html", ctx)


def _responsibilities(items: list[dict], anchors: Anchors, doc_id: str) -> dict:
    by_quote: dict[tuple[int, int], list[dict]] = {}
    for it in items:
        by_quote.setdefault((it["start"], it["end"]), []).append(it)
    groups: dict[str, dict] = {}
    for it in items:
        name = it.get("unit_normalized") or it.get("unit") or "—"
        key = unit_key(name) or name
        g = groups.setdefault(key, {"name": name, "key": key, "written": [], "rows": [], "roles": {},
                                    "url": _unit_url(name)})
        if it.get("unit") and it["unit"] not in g["written"] and written_differs(it["unit"], name):
            g["written"].append(it["unit"])
        role = it.get("role") or "thực hiện"
        g["roles"][role] = g["roles"].get(role, 0) + 1
        others = [{"name": o.get("unit_normalized") or o.get("unit"), "role": o.get("role")}
                  for o in by_quote[(it["start"], it["end"])] if o is not it
                  and unit_key(o.get("unit_normalized") or o.get("unit") or "") != key]
        g["rows"].append({"role": role, "role_class": ROLE_CLASS.get(role, "do"), "task": it.get("task") or it["quote"],
                          "quote": it["quote"], "parts": _marked(it["quote"], it["start"], _item_spans(it)),
                          "section_path": it.get("section_path") or [], "others": others,
                          "url": anchors.url(doc_id, it["start"])})
    # Units with the most tasks first, then by name: the order a checker scans a matrix in.
    ordered = sorted(groups.values(), key=lambda g: (-len(g["rows"]), render.fold_key(g["name"])))
    for i, g in enumerate(ordered, 1):
        g["anchor"] = f"u-{i}"
    roles = [r for r in ROLE_ORDER if any(r in g["roles"] for g in ordered)]
    roles += sorted({r for g in ordered for r in g["roles"]} - set(roles))
    return {"groups": ordered, "roles": roles, "role_class": ROLE_CLASS}


def _targets(items: list[dict], anchors: Anchors, doc_id: str) -> dict:
    rows = []
    for it in items:
        rows.append({"subject": it.get("subject") or "", "comparator": it.get("comparator") or "",
                     "value": it.get("value_text") or "", "period": it.get("period") or "",
                     "answer": it.get("answer") or "", "quote": it["quote"],
                     "parts": _marked(it["quote"], it["start"], _item_spans(it)),
                     "section_path": it.get("section_path") or [], "url": anchors.url(doc_id, it["start"])})
    return {"rows": rows}


def _deadline_row(it: dict, anchors: Anchors, doc_id: str) -> dict:
    units = it.get("units") or ([it["unit"]] if it.get("unit") else [])
    return {"when": it.get("when") or "", "date": _format_when(it), "kind": it.get("when_kind") or "",
            "task": it.get("task") or it["quote"], "units": [{"name": u, "url": _unit_url(u)} for u in units],
            "quote": it["quote"], "parts": _marked(it["quote"], it["start"], _item_spans(it)),
            "section_path": it.get("section_path") or [], "url": anchors.url(doc_id, it["start"])}


def _timeline(items: list[dict], anchors: Anchors, doc_id: str) -> dict:
    dated = sorted((it for it in items if it.get("when_kind") != "recurring"),
                   key=lambda it: (_sort_date(it), it["start"]))
    recurring = [it for it in items if it.get("when_kind") == "recurring"]
    return {"dated": [_deadline_row(it, anchors, doc_id) for it in dated],
            "recurring": [_deadline_row(it, anchors, doc_id) for it in recurring]}


@router.get("/documents/{doc_id}/responsibilities", response_class=HTMLResponse)
def responsibilities_page(request: Request, doc_id: str) -> HTMLResponse:
    return _doc_view(request, doc_id, "responsibilities", "responsibility", _responsibilities)


@router.get("/documents/{doc_id}/targets", response_class=HTMLResponse)
def targets_page(request: Request, doc_id: str) -> HTMLResponse:
    return _doc_view(request, doc_id, "targets", "target", _targets)


@router.get("/documents/{doc_id}/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, doc_id: str) -> HTMLResponse:
    return _doc_view(request, doc_id, "timeline", "deadline", _timeline)


# -- units ----------------------------------------------------------------------------------------------

@router.get("/units", response_class=HTMLResponse)
def units_page(request: Request, q: str | None = Query(None, max_length=200),
               doc: str | None = Query(None, max_length=200)) -> HTMLResponse:
    service = service_of(request)
    health = service.health()
    docs = service.documents() if health.get("status") == "ok" else []
    q, doc = (q or "").strip(), (doc or "").strip()
    all_units = [u.model_dump() for u in service.units()] if docs else []
    shown = [u.model_dump() for u in service.units(q=q or None, doc=doc or None)] if docs and (q or doc) \
        else all_units
    names = _doc_names(docs)
    rows = []
    for u in shown:
        written = [w for w in u["written"] if written_differs(w, u["name"])]
        rows.append({**u, "url": _unit_url(u["name"]), "written": written[:4],
                     "more_written": max(0, len(written) - 4)})
    return page(request, "units.html", {
        "nav": "units", "health": health, "rows": rows, "total": len(all_units), "q": q, "doc": doc,
        "documents": sorted(docs, key=lambda d: render.fold_key(names[d["id"]]["heading"])),
        "doc_names": names, "filtered": bool(q or doc),
        "api_url": _url("/api/units", q=q, doc=doc)})


@router.get("/units/{name:path}", response_class=HTMLResponse)
def unit_page(request: Request, name: str) -> HTMLResponse:
    service = service_of(request)
    name = name.strip()
    detail = service.unit(name) if name else None
    groups = [g.model_dump() for g in detail.documents] if detail else []
    if not groups:
        return error_page(request, 404, "Không tìm thấy đơn vị",
                          f"Không có nhiệm vụ nào được giao cho «{name}» trong các văn bản đã có.",
                          "Hãy xem danh sách đơn vị, hoặc tìm theo tên ngắn hơn (ví dụ «Đoàn Thanh niên»).")
    docs = service.documents()
    names = _doc_names(docs)
    anchors = Anchors(service)
    out, written, total = [], [], 0
    for g in groups:
        doc_id = g["doc_id"]
        rows = []
        for it in g["responsibilities"]:
            deadlines = [d for d in g["deadlines"] if it["start"] <= d["when_start"] < it["end"]]
            if it["unit"] not in written:
                written.append(it["unit"])
            role = it.get("role") or "thực hiện"
            rows.append({"role": role, "role_class": ROLE_CLASS.get(role, "do"), "unit": it["unit"],
                         "task": it.get("task") or it["quote"],
                         "parts": _marked(it["quote"], it["start"], _item_spans(it)),
                         "section_path": it.get("section_path") or [], "url": anchors.url(doc_id, it["start"]),
                         "deadlines": [{"when": d.get("when") or "", "date": _format_when(d),
                                        "recurring": d.get("when_kind") == "recurring"} for d in deadlines]})
        total += len(rows)
        info = names.get(doc_id, {})
        out.append({"doc_id": doc_id, "heading": info.get("heading") or g.get("doc_title") or doc_id,
                    "reference": info.get("reference", ""), "date": info.get("date", ""),
                    "number": info.get("number", ""),
                    "issuer": info.get("issuer", ""), "rows": rows,
                    "reader_url": f"/documents/{quote(doc_id, safe='')}",
                    "matrix_url": f"/documents/{quote(doc_id, safe='')}/responsibilities",
                    "deadline_count": sum(len(r["deadlines"]) for r in rows)})
    return page(request, "unit.html", {"nav": "units", "name": normalize_unit(name), "groups": out,
                                       "written": written, "total": total,
                                       "api_url": "/api/units/" + quote(name, safe="")})
