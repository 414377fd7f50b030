"""The documents a question names (by number or a law's title), the context a document gives its
sentences, and the names a question writes that a document never writes (``_unsaid_names``, the last
check of ``ask``). The texts they read are cached in ``texts``."""

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
