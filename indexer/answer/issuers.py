"""Who issued a document the question names by number: "Which body issued Resolution 92-NQ/TU …?",
"Quy định số 22-QĐ/TU … là của cơ quan nào?".

The plans cite the documents they implement with their issuer: "Nghị quyết số 92-NQ/TU, ngày
12/5/2026 của Ban Thường vụ Tỉnh ủy về …", "theo Quy định số 22-QĐ/TU của Ban Thường vụ Tỉnh ủy".
The issuer is the body written after "của" that follows the number (and its date). No task holds
it, and the body of the sentence it is cited in (who implements the resolution) is another answer.

The question must ask about the numbered document itself: its number is the object of the issuing
verb ("ban hành Nghị quyết 92", "issued Resolution 92") or the question opens with it ("Quy định
22-QĐ/TU … là của ai"). "Cơ quan nào ban hành Kế hoạch sơ kết … Nghị quyết 06-NQ/TU?" asks who
issued the plan, not the resolution it reviews, so it is not read here. Every citation of the
number in the documents must name the same issuer; two issuers is no answer.
"""

from __future__ import annotations

import re

from indexer.extract.responsibilities import _HEAD
from indexer.extract.roles import first_verb
from indexer.extract.units import normalize_unit
from indexer.text import folded_words

from .classify import fold_question
from .passages import _DATE, _TYPE_WORDS, _reference_span, asked_refs

# The verb of issuing, then the numbered document (its type word, "số", or the number itself).
_ISSUE_VERB = r"(?:ban hanh|thong qua|issued?|adopted|adopt|passed|promulgated)"
_OBJECT = rf"(?:(?:the )?(?:{'|'.join(map(folded_words, _TYPE_WORDS.split('|')))}|quy dinh|regulation)\s+)?(?:so\s+|no\s+)?\d"
_ISSUER_Q = re.compile(rf"(?:^| ){_ISSUE_VERB} {_OBJECT}")
# "… là của cơ quan nào", "… của ai", "whose …": the question opens with the document.
_OWNER_Q = re.compile(r" (?:la )?cua (?:ai|co quan nao|don vi nao|cap nao|to chuc nao)(?: |$)")
_OPENS_WITH_REF = re.compile(rf"^(?:{'|'.join(map(folded_words, _TYPE_WORDS.split('|')))}|quy dinh|regulation)"
                             r"\s+(?:so\s+)?\d")
_NAME_END = re.compile(r"\s+(?:về|ngày|tại|theo|và|đã|đến|khóa|khoá|sau|trước|khi|nhằm|để|trong|thì)\s|"
                       r"[,;:.()\n“\"]|\s+(?:[-–])\s")
MAX_NAME_CHARS = 80


# The passive of the same question: "Nghị quyết 92-NQ/TU về … do cơ quan nào ban hành?", "được ban
# hành bởi ai", "Resolution 92-NQ/TU … was issued by which body?" — with the document opening the
# question (``_OPENS_WITH_REF``), the issuing verb's object is that document.
_PASSIVE_Q = re.compile(rf" (?:(?:duoc )?(?:do|boi) (?:ai|co quan nao|don vi nao|cap nao|to chuc nao) {_ISSUE_VERB}|"
                        rf"(?:duoc )?{_ISSUE_VERB} (?:boi|by) (?:ai|co quan nao|don vi nao|cap nao|whom|which|what))(?: |$)")
_OPENS_WITH_EN_REF = re.compile(r"^(?:the )?(?:resolution|conclusion|plan|decision|directive|regulation)\s+(?:no\s+)?\d")


def asks_issuer(question: str) -> bool:
    """The question asks who issued the document it names by number (see the module docstring)."""
    q = fold_question(question).strip()
    opens = bool(_OPENS_WITH_REF.match(q) or _OPENS_WITH_EN_REF.match(q))
    return bool(_ISSUER_Q.search(q) or (_OWNER_Q.search(f" {q} ") and _OPENS_WITH_REF.match(q)) or
                (opens and _PASSIVE_Q.search(f" {q} ")))


def issuer_items(question: str, documents: list[tuple[str, str, str]]) -> list[dict]:
    """Citations of the first numbered document the question names followed by "của <body>": one
    item per citation, the body as its unit. (doc_id, title, text) documents."""
    refs = asked_refs(question)
    if not refs:
        return []
    num, code, issuer = refs[0]
    rx = re.compile(rf"(?<![\d.,])0*{re.escape(num)}\s*[-/]\s*([A-Za-zĐđ]{{2,3}})(?:\s*[/-]\s*([A-Za-zĐđ]{{2,6}}))?"
                    rf"(?:\s*,?\s*\(?{_DATE}\)?)?\s*,?\s+của\s+")
    out = []
    for doc_id, title, text in documents:
        for m in rx.finditer(text):
            if code and folded_words(m.group(1)) != code or issuer and folded_words(m.group(2) or "") != issuer:
                continue
            head = _HEAD.match(text, m.end())
            if not head:
                continue
            stop = _NAME_END.search(text, head.end(), m.end() + MAX_NAME_CHARS)
            end = stop.start() if stop else m.end() + MAX_NAME_CHARS
            verb = first_verb(text, head.end(), end)  # "… của Ban Thường vụ Tỉnh ủy | ban hành …"
            end = verb if verb is not None else end
            unit = text[m.end():end].strip()
            if not unit:
                continue
            start, stop = _reference_span(text, m.start(), m.end())  # "Nghị quyết số … của … về …"
            stop = max(stop, end)
            out.append({"kind": "responsibility", "doc_id": doc_id, "doc_title": title, "start": start,
                        "end": stop, "quote": text[start:stop], "section_path": [], "unit": unit,
                        "unit_normalized": normalize_unit(unit), "role": "ban hành", "roles": ["ban hành"],
                        "task": text[start:stop], "via": "issuer"})
    return out


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _says_years(question: str, item: dict, text: str) -> bool:
    """Every year the question states outside its document number is said by the citation's sentence
    (its date, its title: "… ngày 12/5/2026 … giai đoạn 2026 - 2030"): "Nghị quyết 92-NQ/TU năm
    2025" is not the resolution of 2026."""
    years = set(_YEAR.findall(re.sub(r"\d+\s*[-/]\s*[A-Za-zĐđ]{2,3}(?:\s*[/-]\s*[A-Za-zĐđ]{2,6})?", " ", question)))
    if not years:
        return True
    stop = re.compile(r"[;\n]|\.(?:\s|$)").search(text, item["end"])
    sentence = text[item["start"]:stop.start() if stop else len(text)]
    return years <= set(_YEAR.findall(sentence))


def issuer_answer(question: str, documents: list[tuple[str, str, str]]):
    """(answer, items) when every citation that says the question's years names one issuer, else
    (None, [])."""
    if not asks_issuer(question):
        return None, []
    texts = {doc_id: text for doc_id, _, text in documents}
    items = [it for it in issuer_items(question, documents) if _says_years(question, it, texts[it["doc_id"]])]
    names = {folded_words(it["unit_normalized"]) for it in items}
    if len(names) != 1:
        return None, []
    return items[0]["unit"], items
