"""Which numbered category a thing belongs to: "Cụ nội, cụ ngoại của người chết thuộc hàng thừa kế
thứ mấy?", "Dự án có nguy cơ tác động xấu đến môi trường mức độ cao thuộc nhóm mấy?".

A law sorts things into categories it names by a noun and an ordinal ("Hàng thừa kế thứ ba gồm: cụ
nội, cụ ngoại …", "Dự án đầu tư nhóm I là dự án có nguy cơ …"), and the question describes a member
and asks the label. Its word order is not the statement's (the in-place reader's), and no extracted
item holds a label: the answer is read in the retrieved sentence that names the asked noun with one
label and says the question's other words (``answer._label_answer`` checks them, strictly).

Pure functions over folded syllables (a question typed without diacritics reads the same)."""

from __future__ import annotations

import re

from indexer.text import fold

# The nouns a law numbers its categories by (folded), as a question asks them: "hàng … thứ mấy",
# "nhóm mấy", "loại nào", "bậc mấy", "hạng mấy", "lần thứ mấy", "đợt mấy".
# ("giai đoạn mấy": the stage a programme is numbered by, "giai đoạn III" — not "giai đoạn nào",
# which asks a period, "giai đoạn 2021 - 2025")
_NOUNS = ("hang", "nhom", "loai", "bac", "lan", "dot", "giai doan")
_ASKED = re.compile(r"\b(" + "|".join(_NOUNS) + r")((?: [a-z]+){0,3}?) (?:thu )?(may|nao)\b")
# A label as a law writes it: "thứ" and an ordinal, an ordinal word, a Roman numeral, a small number
# (not a bare "năm": "hàng năm" is every year).
_ORDINALS = "nhất|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười"
_LABEL = re.compile(rf"\s+(thứ\s+(?:{_ORDINALS}|\d{{1,2}})|(?:nhất|hai|ba|tư|bốn|sáu|bảy|tám|chín|mười)|(?-i:[IVX]{{1,4}})|"
                    rf"\d{{1,2}})(?![\w/.-])", re.IGNORECASE)
# Another label right after the first: "nhóm I, II, III và IV" lists the categories, names none.
_MORE = re.compile(rf"\s*(?:,|và|hoặc)\s*(?:thứ\s+)?(?:{_ORDINALS}|(?-i:[IVX]{{1,4}})|\d{{1,2}})(?!\w)", re.IGNORECASE)


def _asked(folded_question: str) -> re.Match | None:
    """The question's ask of a category's label (``_ASKED``), or None when it asks none."""
    m = _ASKED.search(f" {folded_question} ")
    if not m or (m.group(1) == "giai doan" and m.group(3) == "nao"):
        return None
    return m


def asked_label(folded_question: str) -> tuple[str, ...] | None:
    """The folded words of the category a question asks the label of ("hang thua ke", "nhom"),
    or None when it asks none."""
    nouns = label_nouns(folded_question)
    return nouns[0] if nouns else None


def label_nouns(folded_question: str) -> list[tuple[str, ...]]:
    """The asked category's noun (``asked_label``), then, when the question puts words between the
    noun and its "thứ mấy" ("lần nhập khẩu thứ mấy"), the bare noun: the law writes the label on the
    noun and the rest elsewhere ("nhập khẩu tinh, phôi từ lần thứ hai"), and those words stay the
    question's subject. [] when it asks none."""
    m = _asked(folded_question)
    if not m:
        return []
    noun = tuple(f"{m.group(1)}{m.group(2)}".split())
    if m.group(2) and f"{m.group(2)} thu " in f"{m.group(0)} ":
        return [noun, tuple(m.group(1).split())]
    return [noun]


def label_frame(noun: tuple[str, ...]) -> set[str]:
    """The question's words that frame the label asked (the category's noun ``asked_label``, "thứ",
    "thuộc", the question word): no subject words."""
    return set(noun) | {"thu", "may", "nao", "thuoc", "la"}


def labels_in(text: str, s: int, e: int, noun: tuple[str, ...]) -> list[tuple[int, int]]:
    """Spans of text[s:e] naming the asked category with one label: "Hàng thừa kế thứ ba", "nhóm I"
    (the noun's words as written, matched folded; "dự án đầu tư nhóm I" for "… nhóm mấy")."""
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(noun) + r"(?!\w)", re.IGNORECASE)
    folded = fold(text[:e])  # (same length: offsets in the folded text are offsets in the text)
    out = []
    for m in pattern.finditer(folded, s, e):
        label = _LABEL.match(text, m.end(), e)
        if label and not _MORE.match(text, label.end(), e):
            out.append((m.start(), label.end()))
    return out


_NEGATION = re.compile(r"\b(?:khong|chua)\b")


def negated_member(folded_sentence: str, folded_question: str) -> bool:
    """The sentence describes its category by what its members are not ("Vật liệu nhân giống cây
    trồng không thuộc loài cây trồng chính là … nhóm 1") and the question says no negation: the
    question's words are the other category's."""
    return bool(_NEGATION.search(folded_sentence)) and not _NEGATION.search(folded_question)
