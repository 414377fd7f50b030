"""The bound a question asks ("tối đa", "from what age") and the one a value states: a value stating
the opposite bound, or none, does not answer (a target, a when-question's duration)."""

from __future__ import annotations

import re

from indexer.text import folded_words

from .question import Question


# The bound a question asks and the one a value states, folded: a lower bound ("from what age",
# "tối thiểu", "từ đủ bao nhiêu tuổi") or an upper one ("under what age", "tối đa", "dưới bao nhiêu").
# ("at what age may …" asks from when it is allowed: not "dưới 18 tuổi", the age under which it is not)
_LOWER_Q = re.compile(r" (?:from what|at what age|minimum|at least|lower limit|tu du bao nhieu|tu bao nhieu|toi thieu|"
                      r"it nhat|du bao nhieu|tro len) ")
_UPPER_Q = re.compile(r" (?:under what|below what|maximum|at most|up to what|ceiling|upper limit|duoi bao nhieu|"
                      # a time limit asked as the latest ("how soon after …", "chậm nhất bao nhiêu ngày")
                      r"how soon|at the latest|no later than|cham nhat|"
                      r"chua du bao nhieu|toi da|khong qua|khong vuot qua|tro xuong) ")
_LOWER_VALUE = re.compile(r"(?i)^(?:từ|đủ|trên|ít nhất|tối thiểu|quá|hơn)\b")  # ("quá nửa": more than half)
_UPPER_VALUE = re.compile(r"(?i)^(?:dưới|chưa đủ|tối đa|không quá|không vượt quá|vượt quá)\b")


def opposite_bound(q: Question, item: dict) -> bool:
    """A quantity read from the passages states the opposite bound of the one asked: "From what age
    may …" (a lower bound, "từ đủ") is not answered by "dưới 12 tháng tuổi" (under twelve months),
    nor "under what age" by "từ đủ 18 tuổi trở lên". A range ("từ đủ 14 tuổi đến dưới 18 tuổi")
    states both; a value with no opener states neither."""
    if item.get("via") != "passage":
        return False
    answer = (item.get("answer") or "").strip()
    if re.search(r"(?i)\s(?:đến|tới)\s", answer):
        return False
    bound = asked_bound(q)
    if bound is None:
        return False
    return bool(_UPPER_VALUE.match(answer)) if bound == "lower" else bool(_LOWER_VALUE.match(answer))


def asked_bound(q: Question) -> str | None:
    """"lower" or "upper" when the question asks one bound of a value ("from what age", "tối đa");
    None when it asks both or neither."""
    asked = f" {folded_words(q.text)} "
    lower, upper = bool(_LOWER_Q.search(asked)), bool(_UPPER_Q.search(asked))
    return None if lower == upper else ("lower" if lower else "upper")


# A bound stated right before a value ("không được vượt quá 20%/năm", "tối đa 05 năm", "từ đủ 18
# tuổi") or right after it ("18 tuổi trở lên"), folded.
_UPPER_BEFORE = re.compile(r"(?:toi da|khong (?:duoc )?(?:vuot )?qua|vuot qua|duoi|chua du|cao nhat|nhieu nhat|"
                           r"den|gioi han|cham nhat)(?: (?:la|o muc|muc|bang))? $")
_LOWER_BEFORE = re.compile(r"(?:toi thieu|it nhat|tu du|du|tu|tren|khong (?:duoc )?(?:thap hon|duoi|it hon)|"
                           r"thap nhat)(?: (?:la|o muc|muc|bang))? $")
_UPPER_AFTER = re.compile(r"^ ?tro xuong")
_LOWER_AFTER = re.compile(r"^ ?tro len")
# (a bound the rule states anywhere in its clause, which its exception's value is under)
_UPPER_RULE = re.compile(r"\b(?:toi da|khong (?:duoc )?(?:vuot )?qua|cham nhat)\b")
_LOWER_RULE = re.compile(r"\b(?:toi thieu|it nhat)\b")


def unstated_bound(q: Question, item: dict) -> bool:
    """The question asks a bound ("lãi suất tối đa", "minimum age", "ít nhất mấy người") and the
    value's own words state none of that direction: "Lãi suất vay tối đa là bao nhiêu?" is not
    answered by "… bằng 150% lãi suất vay theo hợp đồng" (a penalty rate, no ceiling), while "không
    được vượt quá 20%/năm" answers it. Read on the quote, just around the value; the extractor's
    comparator ("trên 900.000 lượt") counts. A question asking both or neither is not checked."""
    bound = asked_bound(q)
    if bound is None:
        return False
    quote, start = item.get("quote") or "", item.get("start")
    # (a target's value, or a deadline item's duration: "Thời hạn tạm trú tối đa là 02 năm")
    vs = next((item[f] for f in ("answer_start", "value_start", "when_start") if item.get(f) is not None), None)
    ve = next((item[f] for f in ("answer_end", "value_end", "when_end") if item.get(f) is not None), None)
    if not quote or start is None or vs is None or ve is None or not (start <= vs <= ve <= start + len(quote)):
        return False  # no position to read the bound at: not judged
    before = " ".join(folded_words(quote[max(0, vs - start - 40):vs - start]).split()[-4:])
    after = folded_words(quote[ve - start:ve - start + 20])
    value = item.get("answer") or item.get("when") or ""
    opening = " ".join(folded_words(value).split()[:3])  # "ít nhất 01 …", "từ đủ 18 …"
    comparator = folded_words(item.get("comparator") or "")
    cue, tail, word = (_UPPER_BEFORE, _UPPER_AFTER, "tro xuong") if bound == "upper" else \
        (_LOWER_BEFORE, _LOWER_AFTER, "tro len")
    said = (comparator and cue.search(f" {comparator} ")) or cue.search(f" {before} ") or tail.search(after) \
        or any(cue.search(f" {' '.join(opening.split()[:n])} ") for n in (1, 2, 3)) \
        or word in folded_words(value) or cue.search(f" {_value_lead(value)} ")
    if not said and item.get("exception"):
        # an exception's value stands in for the rule's, under the rule's bound: "không quá 30 ngày
        # …, trừ phiên tòa xét xử theo thủ tục rút gọn thì thời hạn hoãn là 15 ngày"
        rule = _UPPER_RULE if bound == "upper" else _LOWER_RULE
        said = rule.search(folded_words(quote.replace(item["exception"], " ")))
    return not said


def _value_lead(value: str) -> str:
    """A duration's words before its number, folded: the bound it states may follow a time noun
    ("trong thời hạn ít nhất là 30 ngày": "ít nhất là" is its own, after "trong thời hạn")."""
    m = re.search(r"\d", value)
    return folded_words(value[:m.start()]).strip() if m else "" 
