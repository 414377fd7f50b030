"""Study brief (tài liệu học tập, quán triệt) of one document, everything verbatim with its citation:
identity, purpose and requirements, numeric targets, main tasks by section (first sentences),
who does what, deadlines, and review questions answered from the targets and tasks.

    from indexer.brief import build_brief, to_docx
    brief = build_brief(side)          # dict, also the data of the /documents/{id}/brief page
    Path("brief.docx").write_bytes(to_docx(brief))
"""

from __future__ import annotations

import re

from indexer.compare.align import body_blocks
from indexer.compare.side import Side
from indexer.display import clip_words, quoted
from indexer.extract.text import content_span, is_annex_pointer, sentences, trim
from indexer.text import fold

_PURPOSE = re.compile(r"mục đích|yêu cầu|quan điểm", re.I)
_ORGANISE = re.compile(r"tổ chức thực hiện|phân công|trách nhiệm thực hiện", re.I)
ROLE_ORDER = ("chủ trì", "tham mưu", "hướng dẫn", "thực hiện", "phối hợp", "kiểm tra/giám sát", "báo cáo",
              "tham dự")


def _cite(side: Side, s: int, e: int, path: list[str]) -> dict:
    return {"text": side.text[s:e], "start": s, "end": e, "section_path": list(path),
            "passage": side.passage_at(s)}


def _top_heading(side: Side, block) -> str:
    for i in block.parents:
        if side.blocks[i].kind == "heading":
            return side.blocks[i].text
    return ""


def _sections(side: Side):
    """(block, content start, content end, path, top heading) of body content blocks."""
    for b, s, e in body_blocks(side, min_chars=1):
        yield b, s, e, side.path_of(b), _top_heading(side, b)


def _first_sentence(side: Side, s: int, e: int, limit: int = 320) -> tuple[int, int]:
    sents = sentences(side.text, s, e)
    a, z = sents[0] if sents else (s, e)
    if z - a > limit:  # a long first sentence: stop at the first clause that fits
        cut = [m.start() for m in re.finditer(r"[;:]", side.text[a:z]) if 40 <= m.start() <= limit]
        if cut:
            z = a + cut[0]
    return trim(side.text, a, z)


def _heading_text(side: Side, block, limit: int = 110) -> str:
    """The nearest heading above ``block``, whole (not the 60-character path label), without its
    marker ("1.", "* ") and cut between words with "…" only when longer than ``limit``."""
    for i in reversed(block.parents):
        head = side.blocks[i]
        if head.kind == "heading":
            s, e = content_span(side.text, head.start, head.end)
            return clip_words(side.text[s:e].strip(" :"), limit)
    return ""


def _question(item: dict) -> str:
    subject = (item.get("subject") or "").strip(" ,;:")
    period = (item.get("period") or "").strip()
    if period.startswith("/") or not period or period.lower() in subject.lower():
        period_text = ""
    else:
        period_text = " " + re.sub(r"^(?:đến|vào|tới)\s+", "vào ", period)
    low = subject.lower()
    measure = item.get("measure") or ""
    if item.get("currency") or "kinh phí" in low or low.startswith("nguồn"):
        q = f"{subject} là bao nhiêu?"
    elif item.get("op") == "decrease":
        q = f"{subject} phấn đấu giảm bao nhiêu{period_text}?"
    elif "%" in measure and not re.match(r"(tỷ lệ|tốc độ|tổng|mức)", low):
        q = f"Tỷ lệ {low} phấn đấu đạt bao nhiêu{period_text}?"
    elif "%" not in measure and measure and not re.match(r"(tổng|số|thu nhập|sản lượng|mức)", low):
        q = f"Phấn đấu có bao nhiêu {low}{period_text}?"
    else:
        q = f"{subject} phấn đấu đạt bao nhiêu{period_text}?"
    return q[:1].upper() + q[1:]


def build_brief(side: Side, max_questions: int = 14) -> dict:
    meta = side.describe()
    purpose, tasks, organise = [], [], []
    for b, s, e, path, top in _sections(side):
        if _PURPOSE.search(top):
            purpose.append(_cite(side, s, e, path))
        elif _ORGANISE.search(top):
            organise.append(_cite(side, s, e, path))
        else:
            a, z = _first_sentence(side, s, e)
            if z - a >= 15 and not is_annex_pointer(side.text[a:z]):
                tasks.append((_cite(side, a, z, path), _heading_text(side, b)))
    groups: list[dict] = []
    for t, heading in tasks:
        key = " › ".join(t["section_path"])
        if not groups or groups[-1]["section"] != key:
            groups.append({"section": key, "section_path": t["section_path"], "heading": heading,
                           "items": []})
        groups[-1]["items"].append(t)

    targets, by_key = [], {}
    for it in side.items:
        if it["kind"] != "target":
            continue
        # Plans restate their targets under the tasks: one row per (subject, value), the repeats
        # kept as extra citations.
        key = (re.sub(r"\W+", " ", fold(it.get("subject") or "").lower()).strip(), it.get("value"),
               it.get("measure"))
        if key in by_key:
            by_key[key]["also"].append(_cite(side, it["start"], it["end"], it.get("section_path") or []))
            if not by_key[key]["period"] and it.get("period"):
                by_key[key]["period"] = it["period"]
            continue
        by_key[key] = {"also": []}
        targets.append(by_key[key])
        by_key[key].update({"subject": it.get("subject") or "", "value": it.get("answer") or it.get("value_text"),
                        "period": it.get("period") or "", "measure": it.get("measure") or "",
                        "quote": _cite(side, it["start"], it["end"], it.get("section_path") or [])})
    who = []
    for it in side.items:
        if it["kind"] != "responsibility":
            continue
        who.append({"unit": it.get("unit") or "", "unit_normalized": it.get("unit_normalized") or "",
                    "role": it.get("role") or "", "task": it.get("task") or "",
                    "quote": _cite(side, it["start"], it["end"], it.get("section_path") or [])})
    deadlines = []
    for it in side.items:
        if it["kind"] != "deadline":
            continue
        deadlines.append({"when": it.get("when") or "", "unit": it.get("unit") or "",
                          "task": it.get("task") or "",
                          "quote": _cite(side, it["start"], it["end"], it.get("section_path") or [])})

    questions = []
    seen = set()
    for t in targets:
        if sum(1 for q in questions if q["kind"] == "target") >= max_questions // 2:
            break
        q = _question({**t, **next((i for i in side.items if i["kind"] == "target"
                                    and i["start"] == t["quote"]["start"]
                                    and (i.get("subject") or "") == t["subject"]), {})})
        key = re.sub(r"\W+", " ", t["subject"].lower()).strip()
        if key in seen or len(t["subject"]) < 6:
            continue
        seen.add(key)
        questions.append({"question": q, "answer": t["value"], "kind": "target", "citation": t["quote"]})
    for g in groups:
        label = g["heading"]
        if not label or len(questions) >= max_questions - 2:
            continue
        if re.search(r"mục tiêu|chỉ tiêu|định hướng", label, re.I):
            continue
        q = f"Nêu nhiệm vụ trọng tâm về «{label[:1].lower() + label[1:]}»."
        if q.lower() in seen:
            continue
        seen.add(q.lower())
        questions.append({"question": q, "answer": g["items"][0]["text"], "kind": "task",
                          "citation": g["items"][0]})
    lead = [w for w in who if w["role"] == "chủ trì"]
    for w in lead[:3]:
        if len(questions) >= max_questions + 3:
            break
        task = clip_words(w["task"], 160)
        questions.append({"question": f"Đơn vị nào được giao nhiệm vụ: «{task}»?", "answer": w["unit"],
                          "kind": "responsibility", "citation": w["quote"]})
    return {"document": meta, "purpose": purpose, "targets": targets, "tasks": groups,
            "organisation": organise, "who": who, "deadlines": deadlines,
            "questions": questions[: max_questions + 3]}


from .docx import to_docx  # noqa: E402

__all__ = ["build_brief", "clip_words", "quoted", "to_docx"]
