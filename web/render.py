"""Pure helpers for the web pages: highlight splitting, citations, Vietnamese labels, the reader's
layout of a document by its outline blocks and passages, and document sorting.

Nothing here returns markup: templates receive plain strings and escape them (Jinja autoescape), so a
query or a document can never inject HTML."""

from __future__ import annotations

from dataclasses import dataclass, field

from indexer.text import fold_key

STATUS_VI = {
    "added": "Đã thêm",
    "updated": "Đã cập nhật",
    "unchanged": "Không thay đổi (đã có trong chỉ mục)",
    "removed": "Đã xóa",
    "failed": "Lỗi",
}

# Document list columns: key -> (Vietnamese label, sort key).
SORT_KEYS = ("type", "number", "title", "issuer", "date", "passages")


def split_highlights(text: str, spans: list[list[int]] | None) -> list[tuple[str, bool]]:
    """Cut ``text`` at the highlight offsets: [(piece, is_highlight), ...]. Overlapping, unsorted or
    out-of-range spans are tolerated; the pieces always join back to ``text``."""
    clean: list[tuple[int, int]] = []
    for span in sorted(spans or []):
        if len(span) != 2:
            continue
        s, e = max(0, int(span[0])), min(len(text), int(span[1]))
        if e <= s:
            continue
        if clean and s <= clean[-1][1]:
            clean[-1] = (clean[-1][0], max(clean[-1][1], e))
        else:
            clean.append((s, e))
    pieces: list[tuple[str, bool]] = []
    pos = 0
    for s, e in clean:
        if s > pos:
            pieces.append((text[pos:s], False))
        pieces.append((text[s:e], True))
        pos = e
    if pos < len(text) or not pieces:
        pieces.append((text[pos:], False))
    return pieces


def format_date(value: str | None) -> str:
    """ISO yyyy-mm-dd -> dd/mm/yyyy (the Vietnamese way); anything else unchanged."""
    value = (value or "").strip()
    parts = value.split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts) and len(parts[0]) == 4:
        return f"{parts[2]}/{parts[1]}/{parts[0]}"
    return value


def _lower_first(title: str) -> str:
    """'Tổ chức tuyên truyền…' -> 'tổ chức tuyên truyền…' but 'UBND tỉnh…' stays."""
    if len(title) > 1 and title[0].isupper() and title[1].islower():
        return title[0].lower() + title[1:]
    return title


def doc_heading(doc_type: str | None, title: str | None, fallback: str = "") -> str:
    """The name a cadre reads: type followed by the summary ("Kế hoạch thực hiện Nghị quyết số …")."""
    doc_type, title = (doc_type or "").strip(), (title or "").strip()
    if doc_type and title:
        if title.lower().startswith(doc_type.lower()):
            return title
        return f"{doc_type} {_lower_first(title)}"
    return title or doc_type or fallback


def doc_reference(doc_type: str | None, number: str | None, title: str | None = None,
                  max_title: int = 90) -> str:
    """Short reference for citations: "Kế hoạch số 12-KH/TU", or type + shortened title when the
    document states no number."""
    doc_type, number = (doc_type or "").strip(), (number or "").strip()
    if number:
        return f"{doc_type} số {number}" if doc_type else f"Số {number}"
    heading = doc_heading(doc_type, title)
    if len(heading) > max_title:
        cut = heading.rfind(" ", 0, max_title)
        heading = heading[: cut if cut > max_title // 2 else max_title].rstrip(" ,;:-") + "…"
    return heading


def citation(result: dict) -> str:
    """`“passage” (Document number, section path)` for a trainer's slides."""
    ref = doc_reference(result.get("doc_type"), result.get("doc_number"), result.get("doc_title"))
    path = result.get("section_path") or ""
    page = f"trang {result['page']}" if result.get("page") else ""
    where = ", ".join(p for p in (ref, path, page) if p)
    text = " ".join((result.get("text") or "").split())
    return f"“{text}” ({where})" if where else f"“{text}”"


def sort_documents(docs: list[dict], sort: str, order: str) -> list[dict]:
    """Sort the document list by a column; empty values always last."""
    if sort not in SORT_KEYS:
        sort = "title"
    reverse = order == "desc"

    def key(d: dict):
        if sort == "passages":
            return d.get("passages") or 0
        if sort == "title":
            return fold_key(doc_heading(d.get("type"), d.get("title"), d.get("id", "")))
        return fold_key(str(d.get(sort) or ""))

    filled = [d for d in docs if sort == "passages" or d.get(sort)]
    empty = [d for d in docs if not (sort == "passages" or d.get(sort))]
    return sorted(filled, key=key, reverse=reverse) + sorted(empty, key=lambda d: fold_key(d.get("id")))


def filter_choices(docs: list[dict]) -> dict:
    """Values offered in the search filters, from the indexed documents."""
    types = sorted({d["type"] for d in docs if d.get("type")}, key=fold_key)
    issuers = sorted({d["issuer"] for d in docs if d.get("issuer")}, key=fold_key)
    years = sorted({(d.get("date") or "")[:4] for d in docs if (d.get("date") or "")[:4].isdigit()},
                   reverse=True)
    return {"types": types, "issuers": issuers, "years": years}


# -- reader layout ---------------------------------------------------------------------------------

@dataclass
class Piece:
    """A run of text inside a block; ``ordinal`` is the passage it belongs to (None for none) and
    ``anchor`` is True on the first piece of a passage that is not wrapped as a whole."""

    parts: list[tuple[str, bool]]
    ordinal: int | None = None
    anchor: bool = False
    target: bool = False


@dataclass
class ReaderBlock:
    idx: int
    kind: str  # type | title | heading | para | item | closing | separator | gap
    level: int
    pieces: list[Piece]
    heading_tag: str = "p"

    @property
    def text(self) -> str:
        return "".join(t for p in self.pieces for t, _ in p.parts)


@dataclass
class ReaderGroup:
    """Consecutive blocks that form exactly one passage (wrapped, anchored p-N), or a single block
    holding passages or parts of passages inline (ordinal None)."""

    blocks: list[ReaderBlock] = field(default_factory=list)
    ordinal: int | None = None
    target: bool = False
    closing: bool = False


def heading_tag(level: int) -> str:
    return f"h{min(6, 2 + max(0, level))}"


def reader_layout(text: str, blocks: list[dict], passages: list[dict], target: int | None = None,
                  query: str | None = None, highlighter=None) -> list[ReaderGroup]:
    """Lay out a document for the reader.

    ``blocks`` are the outline blocks (start, end, kind, level, idx); ``passages`` the indexed
    passages (ordinal, start, end). A passage covering whole consecutive blocks becomes one group
    with the anchor ``p-{ordinal}`` on the wrapper; a passage inside a block (a long paragraph split
    at sentences) becomes an anchored inline piece. Text no block covers is kept as a ``gap`` block
    so nothing of the document is ever hidden. Query words are marked in the target passage."""
    blocks = sorted(blocks, key=lambda b: (b["start"], b["idx"]))
    passages = sorted(passages, key=lambda p: p["start"])

    def marks(piece_text: str, ordinal: int | None) -> list[tuple[str, bool]]:
        if query and highlighter and ordinal is not None and ordinal == target:
            return split_highlights(piece_text, highlighter(piece_text, query))
        return [(piece_text, False)]

    # Every block, plus gaps with visible text between them (trimmed of surrounding white space).
    items: list[dict] = []

    def gap(a: int, z: int) -> None:
        chunk = text[a:z]
        if chunk.strip():
            a += len(chunk) - len(chunk.lstrip())
            z -= len(chunk) - len(chunk.rstrip())
            items.append({"idx": -1, "start": a, "end": z, "kind": "gap", "level": 0})

    pos = 0
    for b in blocks:
        if b["start"] > pos:
            gap(pos, b["start"])
        items.append(b)
        pos = max(pos, b["end"])
    gap(pos, len(text))

    def pieces_of(item: dict, emitted: set[int]) -> list[Piece]:
        s0, e0 = item["start"], item["end"]
        cuts = {s0, e0}
        for p in passages:
            if p["end"] > s0 and p["start"] < e0:
                cuts.update(x for x in (p["start"], p["end"]) if s0 < x < e0)
        bounds = sorted(cuts)
        out = []
        for a, z in zip(bounds, bounds[1:]):
            owner = next((p["ordinal"] for p in passages if p["start"] <= a and z <= p["end"]), None)
            anchor = owner is not None and owner not in emitted
            if anchor:
                emitted.add(owner)
            out.append(Piece(marks(text[a:z], owner), owner, anchor, owner is not None and owner == target))
        return out

    def make_block(item: dict, pieces: list[Piece]) -> ReaderBlock:
        kind = item["kind"]
        tag = heading_tag(item["level"]) if kind == "heading" else "p"
        return ReaderBlock(item["idx"], kind, item["level"], pieces, tag)

    groups: list[ReaderGroup] = []
    emitted: set[int] = set()
    i = 0
    while i < len(items):
        item = items[i]
        whole = next((p for p in passages if p["start"] == item["start"] and p["end"] >= item["end"]
                      and p["ordinal"] not in emitted), None)
        if whole is not None:
            # Does the passage end exactly at the end of this or a following block?
            j = i
            while j < len(items) and items[j]["end"] < whole["end"]:
                j += 1
            if j < len(items) and items[j]["end"] == whole["end"]:
                emitted.add(whole["ordinal"])
                is_target = whole["ordinal"] == target
                members = [make_block(it, [Piece(marks(text[it["start"]:it["end"]], whole["ordinal"]),
                                                 whole["ordinal"], False, is_target)])
                           for it in items[i:j + 1]]
                groups.append(ReaderGroup(members, whole["ordinal"], is_target,
                                          all(it["kind"] == "closing" for it in items[i:j + 1])))
                i = j + 1
                continue
        groups.append(ReaderGroup([make_block(item, pieces_of(item, emitted))], None, False,
                                  item["kind"] == "closing"))
        i += 1
    return groups


def outline_entries(blocks: list[dict], text: str, max_chars: int = 110) -> list[dict]:
    """Headings for the outline panel, linked by ``b-{idx}``, cut at a word boundary. The closing
    ("Nơi nhận:", signature) is not a section of the plan and is not listed."""
    out = []
    for b in sorted(blocks, key=lambda x: x["idx"]):
        if b["kind"] == "heading":
            out.append({"idx": b["idx"], "level": b["level"], "closing": False,
                        "text": clip_words(text[b["start"]:b["end"]], max_chars)})
    return out


def clip_words(text: str, max_chars: int) -> str:
    """``text`` on one line, at most ``max_chars`` long, cut between words with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= max_chars:
        return text
    cut = text[: max_chars - 1]
    if " " in cut and text[max_chars - 1] != " ":
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:–-") + "…"


# -- numbers, labels and quotes for the templates ---------------------------------------------------

def format_number_vi(x, decimals: int | None = None) -> str:
    """A number as the site writes numbers elsewhere (the documents' own "59,55%", "90.241.000.000"):
    decimal comma, dot between thousands. ``decimals`` fixes the digits after the comma (a
    similarity 0.3412 with 2 -> "0,34"); None keeps up to 2 and drops trailing zeros. Not a
    number -> returned as text unchanged ("—")."""
    try:
        value = float(x)
    except (TypeError, ValueError):
        return "" if x is None else str(x)
    if value != value or value in (float("inf"), float("-inf")):
        return "—"
    places = 2 if decimals is None else max(0, int(decimals))
    text = f"{abs(value):,.{places}f}"  # "90,241,000,000.00"
    whole, _, frac = text.partition(".")
    if decimals is None:
        frac = frac.rstrip("0")
    out = whole.replace(",", ".") + ("," + frac if frac else "")
    return ("-" if value < 0 and out.strip("0.,") else "") + out


# The answer box names the kind of question. "Ai" (who) reads as the English "AI" in a small
# upper-case badge: say what the answer is instead.
ANSWER_KIND_VI = {"who": "Đơn vị phụ trách", "target": "Chỉ tiêu", "when": "Thời hạn",
                  "tasks": "Nhiệm vụ", "count": "Số lượng",  # (count: how many items a heading lists)
                  "label": "Phân loại"}  # (label: the numbered category a thing belongs to)


# Who-answers that are no unit in charge: the signer of a document (a person) and the make-up of a
# body or a meeting (its members).
ANSWER_ROLE_VI = {"ký": "Người ký", "thành phần": "Thành phần", "tham dự": "Thành phần"}


def answer_kind_label(kind: str | None, role: str | None = None) -> str:
    if kind == "who" and role in ANSWER_ROLE_VI:
        return ANSWER_ROLE_VI[role]
    return ANSWER_KIND_VI.get(kind or "", "Câu hỏi")


def install_template_helpers(env) -> None:
    """Make the pure helpers above callable from every template (one place to register them)."""
    from indexer.display import clip_words, quote_marks, quoted

    env.globals.update(format_number_vi=format_number_vi, answer_kind_label=answer_kind_label,
                       quoted=quoted, quote_marks=quote_marks, clip_words=clip_words)
    env.filters["number_vi"] = format_number_vi
