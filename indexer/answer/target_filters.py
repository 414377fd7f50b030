"""Filters over a target-question's scored values: quantities read from the passages leaving a word
unsaid, parts that yield to their whole, cases that yield to their rule, a yearly rate for a level
asked; an English question without its counted noun's group; quantities whose sentence states
another number of a thing the question counts itself."""

from __future__ import annotations

import re

from indexer.text import folded_words

from .question import NUMBER_WORD_VALUES, Question
from .support import CLOSEST, Support, _padded, current_gate
from .wording import _target_answer


def said_whole(q: Question, scored: list[tuple[float, dict, Support]]) -> list[tuple[float, dict, Support]]:
    """The quantities read from the passages whose whole sentence, headings or document say every word of
    the question (the soft and unsure ones aside): any sentence of a law states an age or a count,
    and one that leaves a word of the question unsaid is about something else ("từ đủ 09 tuổi …
    xem xét nguyện vọng của con" for "from what age is a person a youth"). ``Support.ok`` lets a
    fifth of the words be missing, which the extractor's curated targets can afford. Under the
    ``CLOSEST`` gate none is filtered: that pass keeps only a quantity of the sentence the model finds
    closest to the question (``answer._closest_item_answer``), and the model vouches for the words it
    leaves unsaid ("… tương đương bao nhiêu ki-lô-gam" for "Mỗi đơn vị vật nuôi tương đương với 500
    kg …": tuning nulls +13 right, no wrong)."""
    if current_gate() is CLOSEST:
        return scored
    loose = q.soft | q.unsure
    alts = dict(q.groups)

    def unsaid(item: dict, missing: list[str]) -> set[str]:
        # a word its whole sentence says is said: "Công dân đủ mười tám tuổi …, đủ hai mươi mốt
        # tuổi … ứng cử" — the citizen opens the sentence, the clause of 21 does not repeat it
        # (and its case's points, and the sentence before when this one names its subject back:
        # "Hội đồng quốc gia thẩm định … . Hội đồng phải có ít nhất một phần ba …")
        sentence = _padded(f"{item.get('sentence') or ''} {item.get('case') or ''} {item.get('referent') or ''}")
        return {w for w in set(missing) - loose if not any(f" {a} " in sentence for a in alts.get(w, [w]))}
    return [(sc, it, sup) for sc, it, sup in scored if not unsaid(it, sup.missing)]


def english_without_counted(q: Question) -> Question:
    """An English question without the group of the noun its "how many" counts, for the quantities
    read from the passages: their fit already requires a sense of that noun as the value's own noun
    (``_fit``: "01 bản phim" counts bản for "copies"), and the glossary's phrase for it ("bản sao",
    "sao chép") need not be the law's word. A Vietnamese question's noun is the asker's own word, the
    text's, and stays a subject word."""
    import dataclasses

    from .question import english_counted

    if q.language != "en" or q.measure is not None or not q.count_noun:
        return q
    head = (english_counted(q.text) or [""])[-1]
    groups = [(label, alts) for label, alts in q.groups if not head or head not in label.split()]
    return dataclasses.replace(q, groups=groups) if groups and len(groups) < len(q.groups) else q


def parts_yield(scored: list[tuple[float, dict, Support]], q: Question | None = None) -> list[tuple[float, dict, Support]]:
    """Quantities read from the passages without the parts whose whole is supported too and says as
    much of the question (``passages.part_of_whole``: "lập thành ba bản, trong đó một bản giao cho
    viên chức" answers "lập thành mấy bản" with three, not one); a part whose own clause says more
    of the question ("mấy bản giao cho viên chức") stays, and then beats its whole — provided the
    part's clause says a word of the question the sentence before it does not ("giao"): the "viên
    chức" of "Hợp đồng … với … viên chức và được lập thành ba bản, trong đó một bản giao cho viên
    chức" is the whole's too ("how many copies of a public employee's contract")."""
    def key(it: dict) -> tuple:
        return it["doc_id"], it.get("sentence")

    def own_word(it: dict) -> bool:
        if q is None:
            return True
        sentence, clause = it.get("sentence") or "", it.get("subject") or ""
        before = _padded(sentence[:max(sentence.find(clause), 0)])
        said = _padded(clause)
        return any(f" {a} " in said and f" {a} " not in before for _, alts in q.groups for a in alts)

    wholes = {}
    for _, it, sup in scored:
        wholes.setdefault((key(it), (it.get("answer") or "").strip()), sup.subject)
    return [(sc, it, sup) for sc, it, sup in scored
            if not (it.get("whole_value") and (key(it), it["whole_value"]) in wholes
                    and (sup.subject <= wholes[(key(it), it["whole_value"])] or not own_word(it)))]


def cases_yield(scored: list[tuple[float, dict, Support]], q: Question) -> list[tuple[float, dict, Support]]:
    """Quantities read from the passages without those stated for a case (``passages.case_of``:
    "…; trường hợp làm Hiến pháp, sửa đổi Hiến pháp, … phải được ít nhất hai phần ba …") when the
    same sentence states the rule's own quantity, supported too, and the question says no word of
    the case that the rule's clause does not say: a question asked plainly ("Luật … cần bao nhiêu
    đại biểu biểu quyết tán thành?") asks the rule, not its special case; one that names the case asks
    the case, not the rule."""
    def key(it: dict) -> tuple:
        # (a case stated after its quantity, ``passages.case_after``, is the next sentence's — "… gồm
        # một Thẩm phán và 02 Hội thẩm nhân dân, … Hội đồng … có thể gồm … 03 Hội thẩm nhân dân trong
        # trường hợp sau đây:" —: its rule is the one of the same article)
        if it.get("case_after"):
            return it["doc_id"], tuple(it.get("section_path") or ())
        return it["doc_id"], it.get("sentence")

    rules = {}
    for _, it, _ in scored:
        if not it.get("case"):
            rules.setdefault(key(it), []).append(_padded(it.get("subject") or ""))
            rules.setdefault((it["doc_id"], tuple(it.get("section_path") or ())), []).append(
                _padded(it.get("subject") or ""))
    if not rules:
        return scored

    def asked(it: dict) -> bool:
        case = _padded(it["case"])
        return any(f" {a} " in case and all(f" {a} " not in rule for rule in rules[key(it)])
                   for _, alts in q.groups for a in alts)
    # a case the question names ("Quốc hội quyết định làm Hiến pháp khi có bao nhiêu đại biểu tán
    # thành?") is asked, and the rule of its sentence yields to it in turn
    named = {key(it) for _, it, _ in scored if it.get("case") and key(it) in rules and asked(it)}
    return [(sc, it, sup) for sc, it, sup in scored
            if not (it.get("case") and key(it) in rules and not asked(it))
            and not (not it.get("case") and key(it) in named)]


# A change asked ("giảm bao nhiêu", "tăng", "how fast", "reduce", "growth") or a rate per period
# ("mỗi năm", "bình quân", "per year"), folded and padded; and a rate of change per period stated
# ("giảm bình quân 1%/năm", "tăng … mỗi năm").
_CHANGE_Q = re.compile(r" (?:giam|tang|tang truong|moi nam|hang nam|binh quan|toc do|per year|a year|each year|"
                       r"every year|annual|annually|yearly|average|how fast|reduce|reduced|reduces|reduction|"
                       r"decrease|decreases|decreased|fall|falls|drop|drops|decline|declines|cut|cuts|grow|grows|"
                       r"growth|increase|increases|increased|rise|rises|change|changes) ")
# (a change verb with it: "20%/năm" alone is an interest rate, "thu nhập bình quân" an average level)
_RATE_SAID = re.compile(r"(?i)\b(?:giảm|tăng)\b.*(?:%\s*/\s*(?:năm|tháng)|\b(?:mỗi|hằng|hàng)\s+năm\b|\bbình quân\b)")
# ... a rate per period asked, and a level asked even with its change verb ("giảm xuống còn bao
# nhiêu", "reduced to", "remain")
_RATE_Q = re.compile(r" (?:moi nam|hang nam|binh quan|toc do|per year|a year|each year|every year|annual|annually|"
                     r"yearly|average|how fast) ")
_LEVEL_Q = re.compile(r" (?:con(?: lai)? (?:bao nhieu|may|duoi|khoang|o muc)|xuong con|giam con|xuong duoi|"
                      r"remains?|remaining|down to|fall to|falls to|drop to|drops to|reduced to|brought to) ")


def rate_for_level(q: Question, answer: str) -> bool:
    """The answer is a rate of change per period ("giảm bình quân 1%/năm") and the question asks no
    change nor rate, so it asks a level ("Đến năm 2030 tỷ lệ hộ nghèo còn bao nhiêu phần trăm?",
    "What share of poor households will Bình Lư have in 2030?"): a yearly fall is not the level
    reached, and the plans that state one rarely state the other ("giảm xuống còn bao nhiêu" asks the
    level too). A question that says the change ("giảm bao nhiêu", "how fast", "per year") is
    answered by it."""
    asked = f" {folded_words(q.text)} {folded_words(q.vi_text or '')} "
    return bool(_RATE_SAID.search(answer)) and not _RATE_Q.search(asked) and \
        (bool(_LEVEL_Q.search(asked)) or not _CHANGE_Q.search(asked))


def _rate_item(q: Question, item: dict) -> bool:
    """``rate_for_level`` read on the target's subject with its value ("Tốc độ tăng trưởng lượt
    khách du lịch bình quân giai đoạn" + "đạt 10%/năm"): the value alone may not say the change."""
    return rate_for_level(q, f"{item.get('subject') or ''} {_target_answer(item) or ''}")


# A number the question states with its noun ("gồm 02 Thẩm phán", "hai Thẩm phán", "trong 12 tháng"):
# digits (not a part of "1.500", nor a provision's number: "khoản 2 Điều 5") or a number word
# (``question.NUMBER_WORD_VALUES``), then its noun up to a function word, lower-cased.
_STATED = re.compile(r"(?<![\w.,/])(?<!khoản )(?<!điều )(?<!điểm )(?<!mục )(?<!chương )"
                     r"(\d{1,3}|" + "|".join(NUMBER_WORD_VALUES) + r")(?![\w.,/])\s+(\w+(?:\s+\w+)?)")
_NOT_NOUN = frozenset("thì là và của để có được từ trong theo khi kể trở với cho tại về đến hoặc mà nếu sau trước "
                      "mươi trăm nghìn ngàn triệu tỷ năm phần lần".split())


def _stated(text: str) -> list[tuple[int, str]]:
    """(value, noun) of each number written before a noun in ``text`` (raw, any case); the noun is
    its first one or two words before a function word ("12 tháng thì" -> "tháng"). A number word
    followed by another ("hai mươi") is a compound, not read."""
    out = []
    for m in _STATED.finditer(text.lower()):
        words = m.group(2).split()
        if words[0] in _NOT_NOUN or words[0].isdigit():
            continue
        noun = " ".join(words[:1] if len(words) > 1 and (words[1] in _NOT_NOUN or words[1].isdigit()) else words)
        value = int(m.group(1)) if m.group(1).isdigit() else NUMBER_WORD_VALUES[m.group(1)]
        out.append((value, noun))
    return out


def _same_noun(a: str, b: str) -> bool:
    """One noun is the other or its first word ("tháng" of "tháng tuổi" is not: both words count
    when both have two)."""
    return a == b or (len(a.split()) == 1 or len(b.split()) == 1) and a.split()[0] == b.split()[0]


def counts_agree(scored: list[tuple[float, dict, Support]], q: Question) -> list[tuple[float, dict, Support]]:
    """Quantities read from the passages without those whose sentence counts a thing the question
    counts itself, with another number: "Khi Hội đồng xét xử sơ thẩm … gồm 02 Thẩm phán thì có bao
    nhiêu Hội thẩm nhân dân?" is answered by "… có thể gồm 02 Thẩm phán và 03 Hội thẩm nhân dân …",
    not by the rule before it, "… gồm một Thẩm phán và 02 Hội thẩm nhân dân"; nor by the stated
    "02 Thẩm phán" itself. Unchanged when no quantity is left."""
    stated = _stated(q.vi_text or q.text) if q.language == "en" else _stated(f"{q.text} {q.vi_text or ''}")
    if not stated:
        return scored

    def disagrees(it: dict) -> bool:
        said = _stated(it.get("sentence") or "")
        own = _stated(it.get("answer") or "")
        for value, noun in stated:
            values = {v for v, n in said if _same_noun(n, noun)}
            if values and value not in values:
                return True
            if own and all(v == value and _same_noun(n, noun) for v, n in own):
                return True  # the question's own number, not the one asked
        return False
    kept = [x for x in scored if not disagrees(x[1])]
    return kept or scored
