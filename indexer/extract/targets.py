"""Targets and indicators (chỉ tiêu): a quantity with its measure, the comparator before it and
the subject it is about, e.g. "Tỷ lệ lao động qua đào tạo | đạt trên | 70,5%", "Tổng kinh phí … |
90.241.000.000 đồng", "thu hút | tối thiểu | 05 tổ chức, cá nhân".

A number is a target when it carries a measure: a percentage or a sum of money always; another
explicit unit (lượt, tấn, km, kỳ/tuần …) or a counted noun ("04 lễ hội") when the clause reads as a
goal (a comparator or a cue such as "phấn đấu", "duy trì", "thu hút") or sits under a "Mục tiêu" /
"Chỉ tiêu" / "Kinh phí" heading. Document numbers, dates, years, names ("Chu Va 6") and durations
("05 năm") are not targets."""

from __future__ import annotations

import re
from functools import lru_cache

from indexer.structure.outline import Block, section_path

from .numbers import NUMBER, parse_number
from .text import SKIP_KINDS, clauses, content_span

_NUM = re.compile(rf"(?<![\w./,-])({NUMBER})(?:\s*(?:-|–|đến)\s*({NUMBER}))?(?![\w/]|-\w|,\d)")
_MEASURES = sorted([
    "%/năm", "%/tháng", "%", "triệu đồng/người/năm", "triệu đồng/người/tháng", "triệu đồng/người",
    "triệu đồng/năm", "tỷ đồng", "triệu đồng", "nghìn đồng", "ngàn đồng", "đồng", "USD",
    "lượt khách", "lượt người", "lượt", "tấn/ha", "tấn", "tạ/ha", "km", "ha", "m2", "m²", "m3",
    "kỳ/tuần", "số/tuần", "giờ/tuần", "người/năm", "lao động/năm", "kg", "lít", "MW", "kWh",
], key=len, reverse=True)
_MEASURE_RE = re.compile(r"\s*(" + "|".join(map(re.escape, _MEASURES)) + r")(?![\w])")
_MONEY = {"tỷ đồng", "triệu đồng", "nghìn đồng", "ngàn đồng", "đồng", "USD"}
_MULTIPLIER = {"tỷ đồng": 1_000_000_000, "triệu đồng": 1_000_000, "nghìn đồng": 1000, "ngàn đồng": 1000}
_NOT_COUNT = {"năm", "tháng", "ngày", "quý", "giờ", "phút", "tuần", "các", "những", "của", "và", "với",
              "trong", "tại", "theo", "là", "có", "được", "thì", "mà", "đã", "sẽ", "đến", "trở", "lên",
              "nhóm", "lần", "kỳ", "khóa", "nhiệm", "điều", "khoản", "chương", "mục", "phần", "số",
              "tiêu chí", "bước", "giai đoạn", "cấp", "tuổi", "độ", "giờ"}
_COMPARATOR = re.compile(
    r"((?:(?:đạt|giảm|tăng|còn)(?:\s+(?:và vượt|bình quân|thêm|khoảng))?\s+)?"
    r"(?:(?:từ|trên|dưới|ít nhất|tối thiểu|tối đa|khoảng|không dưới|không quá|không thấp hơn|hơn|"
    r"gần|lên|xuống|còn|bình quân)\s+)?)$")
_CUE = re.compile(r"phấn đấu|phân đấu|phần đầu|đạt|ít nhất|tối thiểu|tối đa|trên|dưới|giảm|tăng|"
                  r"duy trì|thu hút|hình thành|thành lập|xây dựng mới|đảm bảo|bảo đảm|kinh phí|tổng|"
                  r"chỉ tiêu|mục tiêu|khoảng|trở lên|mỗi năm|hằng năm|hàng năm|/năm", re.I)
_GOAL_SECTION = re.compile(r"mục tiêu|chỉ tiêu|kinh phí|nguồn lực|dự toán|định hướng", re.I)
_MEASURE_NOUN = re.compile(r"(?:^|(?<=[\s,;(]))(tỷ lệ|tốc độ|tổng|số lượng|kinh phí|nguồn|thu nhập|sản lượng|"
                           r"giá trị|mức|diện tích|quy mô|năng suất|độ che phủ|số)(?![\w])", re.I)
_LEAD_CUE = re.compile(r"^(?:(?:phấn đấu|phân đấu|phần đầu)\s*)?(?:(?:đến|vào|trong) năm \d{4}\s*,?\s*)?"
                       r"(?:trong đó(?:\s+có)?\s*,?\s*)?", re.I)
# When a target is due: a year, a period or a recurrence. "/năm" is not one: in "10%/năm" it is
# part of the measure (a rate), and a deadline column reading "/năm" tells an official nothing.
_PERIOD = re.compile(r"(?:đến|vào|trong|tới) năm \d{4}|năm \d{4}|giai đoạn \d{4}\s*[-–]\s*\d{4}|"
                     r"(?:hằng|hàng) năm|mỗi năm", re.I)


@lru_cache(maxsize=4096)
def _first_word(rest: str) -> str:
    """The first word (compound) of ``rest`` by underthesea's segmenter ("hướng dẫn viên")."""
    from indexer.index.analyzer import _segmenter

    try:
        words = _segmenter()(rest[:60])
    except Exception:
        words = rest.split()[:1]
    return words[0] if words else ""


def _measure_after(text: str, pos: int, end: int) -> tuple[str, int, bool] | None:
    """(measure, end offset, explicit) of the measure right after a number."""
    m = _MEASURE_RE.match(text, pos, end)
    if m:
        return m.group(1), m.end(), True
    rest = text[pos:end]
    lead = len(rest) - len(rest.lstrip(" "))
    if lead != 1:
        return None
    word = _first_word(rest.strip())
    if not word or not word[0].isalpha() or not word[0].islower():
        return None
    if word.lower() in _NOT_COUNT or word.split()[0].lower() in _NOT_COUNT:
        return None
    if not text.startswith(word, pos + 1):
        return None
    return word, pos + 1 + len(word), False


def _subject(text: str, cs: int, ce: int, comp_start: int, num_end: int, after: int,
             kind: str) -> tuple[int, int]:
    """The part of the clause the number is about: from a measure noun ("tỷ lệ …", "tổng …") to the
    comparator; else, for a percentage or a counted noun, the phrase after the number ("100% | xã,
    phường có hệ thống truyền thanh", "04 lễ hội truyền thống"); else the words before it."""
    region = cs
    for m in re.finditer(r"(?:trong đó(?:\s+có)?|(?:phấn đấu|phân đấu|phần đầu)(?:\s+(?:đến|vào) năm "
                         r"\d{4})?)\s*,?\s*", text[cs:comp_start], re.I):
        region = cs + m.end()
    lead = _LEAD_CUE.match(text[region:comp_start])
    s = region + (lead.end() if lead else 0)
    nouns = [n for n in _MEASURE_NOUN.finditer(text, s, comp_start)
             if n.start() == s or re.search(r"(?:,|;|:|\bcó|\bvà)\s*$", text[s:n.start()])]
    if nouns:
        b = _trim_end(text, nouns[-1].start(), comp_start)
        if b[1] - b[0] > 3:
            return b
    before = _trim_end(text, s, comp_start)
    if kind == "explicit" and len(text[before[0]:before[1]].split()) >= 2:
        return before
    s2 = num_end if kind == "count" else after
    while s2 < ce and text[s2] in " ,:":
        s2 += 1
    stop = re.search(r",\s+trong đó|;|\.\s|\s\(|,\s+(?:với|và)\s+\d", text[s2:ce])
    e2 = s2 + stop.start() if stop else ce
    if e2 - s2 > 120:
        cut = text.rfind(",", s2, s2 + 120)
        e2 = cut if cut > s2 else s2 + 120
    if e2 - s2 < 3:
        return before
    return s2, e2


def _trim_end(text: str, s: int, e: int) -> tuple[int, int]:
    while e > s and text[e - 1] in " ,:":
        e -= 1
    return s, e


def extract_targets(text: str, blocks: list[Block]) -> list[dict]:
    items: list[dict] = []
    for block in blocks:
        if block.kind in SKIP_KINDS:
            continue
        cs, ce = content_span(text, block.start, block.end)
        path = section_path(blocks, block)
        goal_section = any(_GOAL_SECTION.search(p) for p in path)
        for s, e in clauses(text, cs, ce):
            for m in _NUM.finditer(text, s, e):
                ns, ne = m.start(), m.end()
                prev = text[max(s, ns - 12):ns]
                if re.search(r"(?:số|Phụ lục|khóa|khoá|thứ|lần|Điều|Khoản|tuổi)\s*$", prev, re.I) or \
                        re.search(r"[(\[]\s*$", prev) or re.search(r"[A-ZĐ]\w*\s+$", prev) and \
                        not re.search(r"(?:đạt|trên|dưới|tối thiểu|ít nhất|khoảng|từ|lên)\s*$", prev, re.I):
                    continue
                value = parse_number(m.group(1))
                if value is None:
                    continue
                measure = _measure_after(text, ne, e)
                if measure is None:
                    continue
                unit, me, explicit = measure
                if not explicit and isinstance(value, int) and 1900 <= value <= 2100:
                    continue
                clause = text[s:e]
                money = unit in _MONEY
                percent = unit.startswith("%")
                cue = bool(_CUE.search(clause))
                if not (percent or money or (cue or goal_section)):
                    continue
                if not explicit and not (cue or goal_section):
                    continue
                comp = _COMPARATOR.search(text, max(s, ns - 40), ns)
                comp_start = comp.start() if comp and comp.group(1) else ns
                comparator = text[comp_start:ns].strip()
                answer_end = me
                tail = re.match(r"\s*trở lên", text[me:e])
                if tail:
                    answer_end = me + tail.end()
                kind = "percent" if percent else ("explicit" if explicit else "count")
                subj = _subject(text, s, e, comp_start, ns + len(m.group(0)), answer_end, kind)
                # A period already written in the subject ("… bình quân hàng năm") is not
                # repeated as the deadline.
                period = next((pm.group(0) for pm in _PERIOD.finditer(text, s, e)
                               if not (subj[0] <= pm.start() and pm.end() <= subj[1])), None)
                if period is None and not _PERIOD.search(text, subj[0], subj[1]):
                    period = next((pm.group(0) for p in reversed(path) for pm in [_PERIOD.search(p)]
                                   if pm), None)
                high = parse_number(m.group(2)) if m.group(2) else None
                amount = value * _MULTIPLIER.get(unit, 1) if money else value
                items.append({
                    "kind": "target", "start": s, "end": e, "section_path": path,
                    "subject": text[subj[0]:subj[1]], "subject_start": subj[0], "subject_end": subj[1],
                    "comparator": comparator or None, "op": _op(comparator, bool(tail)),
                    "value": amount, "value_to": high, "value_text": text[ns:me],
                    "value_start": ns, "value_end": me, "measure": unit,
                    "currency": "VND" if money and unit != "USD" else None,
                    "answer": text[comp_start:answer_end], "answer_start": comp_start,
                    "answer_end": answer_end, "period": period})
    return items


def _op(comparator: str, at_least_tail: bool) -> str:
    c = comparator.lower()
    if at_least_tail or re.search(r"ít nhất|tối thiểu|không dưới|không thấp hơn|và vượt", c):
        return ">="
    if re.search(r"tối đa|không quá", c):
        return "<="
    if re.search(r"trên|hơn", c):
        return ">"
    if "dưới" in c:
        return "<"
    if re.search(r"khoảng|gần", c):
        return "~"
    if "giảm" in c or "xuống" in c:
        return "decrease"
    if "tăng" in c:
        return "increase"
    return "="


def target_answer(item: dict) -> str:
    """The short answer for a target, with its period when it is a date the target is due by:
    "đạt 59,55% đến năm 2030" (the period is part of the answer: without it "đạt 59,55%" says
    nothing about when). Recurrences ("hằng năm") stay in the item's own column."""
    answer = (item.get("answer") or item.get("value_text") or "").strip()
    period = (item.get("period") or "").strip()
    if period and re.match(r"(?:đến|vào|trong|tới|năm|giai đoạn)\s", period, re.I) \
            and period.lower() not in answer.lower():
        return f"{answer} {period}" if answer else period
    return answer

