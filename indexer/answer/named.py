"""The documents a question names (by number or a law's title), the context a document gives its
sentences, and the names a question writes that a document never writes (``_unsaid_names``, and the
occasions an English one names, ``_unnamed_occasions``: the last checks of ``ask``). The texts they read are cached in ``texts``."""

from __future__ import annotations

import re

from indexer.search.named import doc_numbers
from indexer.search.named import named_documents as _named_documents
from indexer.text import folded_words, has_diacritics, spelling, untoned

from .passages import _ASKED_REF
from .question import Question
from .texts import _LAW_TYPES, _NAME_RUN


# -- documents a question names ---------------------------------------------------------------------

_DEFINITIONS = re.compile(r"Điều\s+\d+\.\s*Giải thích từ ngữ")  # (a law's opening: scope, then terms)


def _doc_context(docs: list[dict], heads: dict[str, str] | None = None) -> dict[str, str]:
    out = {}
    heads = heads or {}
    for d in docs:
        refs = " ".join(((r.get("text") if isinstance(r, dict) else getattr(r, "text", "")) or "")
                        for r in d.get("implements") or [])
        # (a law's opening states its scope, then defines its terms: the definitions name half its
        # matter — "phương tiện" of "Chỗ ở hợp pháp … phương tiện khác" says nothing about a
        # vehicle's residence —, so they are no context of its sentences)
        head = heads.get(d["id"], "")
        if d.get("type") in _LAW_TYPES:
            head = _DEFINITIONS.split(head, 1)[0]
        out[d["id"]] = " ".join(str(d.get(k) or "") for k in ("type", "title", "number", "issuer", "place")) + \
            " " + refs + " " + head
    return out


def named_documents(q: Question, docs: list[dict]) -> set[str]:
    """Documents the question names: by number ("08-NQ/TU", "Kết luận 224") or by a law's title
    ("Luật Điện ảnh", "Law on Tourism" -> "luật du lịch") found whole in the question."""
    return _named_documents([q.text, q.vi_text], docs, refs=q.doc_refs)


# A name the question writes capitalised (texts._NAME_RUN), but for the word a sentence opens with
# ("Theo Luật …", "(Theo …", "1. Theo …", "… ? Ở Việt Nam").
_SENTENCE_OPENS = re.compile(r"(?:^|[.?!:;…]\s)[\W\d]*$")


def _unsaid_names(question: str, folded_doc: str, untoned_doc: str | None = None) -> list[str]:
    """The names the question writes that the document (folded, " "-padded) never writes: the
    question is about something else than the document holds ("Luật Bảo vệ môi trường quy định Ngày
    Môi trường Việt Nam là ngày nào?" was answered by one of the law's reporting dates). A name is
    caught up to its first word written lower case ("Ngày Môi"); an abbreviation ("BTV Đảng ủy", "Bộ
    NN&PTNT") is not checked: the document spells it out. [] for a document with no text.

    A name typed with its diacritics is compared with the document as written but for its tones
    (``untoned_doc``, " "-padded ``untoned(spelling(…))``): "Năm Du" (of "Năm Du lịch quốc gia",
    which Luật Du lịch never names) folds like the "Việt Nam du lịch" the law writes, and is not it;
    a mistyped tone ("Hà Tỉnh") is still the name. A name typed without them
    ("theo Luat Du lich", in a question that has diacritics elsewhere) is compared folded."""
    if not folded_doc.strip():
        return []
    written = untoned_doc if untoned_doc and untoned_doc.strip() else None
    out = []
    for m in _NAME_RUN.finditer(question):
        words = m.group(0).split()
        if _SENTENCE_OPENS.search(question[:m.start()]):
            words = words[1:]
        if any(sum(c.isupper() for c in w) > 1 for w in words):
            continue
        name = " ".join(words)
        said = f" {untoned(spelling(name))} " in written if written is not None and has_diacritics(name) else \
            f" {folded_words(name)} " in folded_doc
        if len(words) >= 2 and not said:
            out.append(name)
    return out


# An occasion an English question names, capitalised: a name of one to three words ending in a
# time noun ("the annual Action Month against drugs", "the National Tourism Year", "Youth Month"),
# which a Vietnamese text names with that noun first ("Tháng Thanh niên", "Năm Du lịch quốc gia",
# "Ngày hội Đại đoàn kết"). Not a run of a Title Case question's function words ("How Many Weeks Are
# In The School Year?": "School Year" is the name).
_OCCASION_EN = re.compile(r"(?<=\w )((?:(?!(?:The|In|Of|On|At|To|For|And|Are|Is|A|An|By|From|With)\b)"
                          r"[A-Z][a-z]+ ){1,3})(Month|Year|Week|Day)\b")
_TIME_VI = {"Month": "tháng", "Year": "năm", "Week": "tuần", "Day": "ngày"}
_NAME_GAP = 2  # syllables a Vietnamese name may hold between its time noun and the last word's sense


def _unnamed_occasions(question: str, untoned_doc: str) -> list[str]:
    """The occasions an English question names (``_OCCASION_EN``) that the document (``untoned_doc``,
    " "-padded ``untoned(spelling(…))``) never names: neither a glossary phrase of the name or its
    end ("National Day" -> "quốc khánh", "School Year" -> "năm học") nor its time noun followed,
    within ``_NAME_GAP`` syllables of words, by a sense of its last word ("Youth Month" -> "tháng thanh
    niên", "Great National Unity Day" -> "ngày hội đại đoàn kết"). The tones dropped, the vowel marks
    kept: the "năm du lịch" of "National Tourism Year" is not the "Nam du lịch" of "Việt Nam du
    lịch". [] for a document with no text, or a name the glossary gives no sense of."""
    from indexer.search.translate import translate_groups

    if not untoned_doc.strip():
        return []
    out = []
    for m in _OCCASION_EN.finditer(question):
        words = m.group(1).split()
        time = untoned(spelling(_TIME_VI[m.group(2)]))
        phrases = {untoned(spelling(v)) for n in range(len(words)) for en, vi in
                   translate_groups(" ".join(words[n:] + [m.group(2)]).lower())
                   if len(en.split()) > 1 and m.group(2).lower() in en.split() for v in vi}
        senses = {untoned(spelling(v)) for _, vi in translate_groups(words[-1].lower()) for v in vi}
        if not senses and not phrases:
            continue
        if any(f" {p} " in untoned_doc for p in phrases):
            continue
        gap = rf"(?:[^\W\d]+ ){{0,{_NAME_GAP}}}"  # (words, not the year a date writes after "năm")
        if not any(re.search(rf" {re.escape(time)} {gap}{re.escape(v)} ", untoned_doc) for v in senses):
            out.append(m.group(0))
    return out


# -- a document the question cites that none of the indexed ones is -----------------------------------

def outside_refs(q: Question, docs: list[dict]) -> list[tuple[str, str]]:
    """The documents a question cites by number and code as written ("theo Quyết định 238-QĐ/TW")
    whose number no indexed document has or implements (``search.named.doc_numbers``) — a decision
    the plans cite in one task —, as (number, code) folded. Only a written code counts: "kế hoạch
    224" is the plan for Kết luận 224, "KH 2021" a year, "kế hoạch 5 năm" a span. Read from the
    question as asked (an English question's translation joins words of two references). A unit's
    sentence that does not cite it answers another task ("Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp
    với các ban …" is not the "Chương trình phối hợp … theo Quyết định số 238-QĐ/TW" asked)."""
    own = {str(int(n)) for d in docs for n in doc_numbers(d) if n.isdigit()}  # (numbers, "08" as "8")
    out = []
    for m in _ASKED_REF.finditer(q.text):
        num, code = m.group(2), m.group(3)
        if code and str(int(num)) not in own:
            ref = (str(int(num)), folded_words(code))
            if ref not in out:
                out.append(ref)
    return out


def cites_none(refs: list[tuple[str, str]], item: dict) -> bool:
    """The item's sentence cites none of ``refs`` (``outside_refs``), each by its number and code."""
    said = folded_words(item.get("quote") or "")
    return bool(refs) and not any(re.search(rf"(?<!\d)0*{n} {code}\b", said) for n, code in refs)
