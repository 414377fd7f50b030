"""The indexed documents' texts, read once per index version: their openings (issuer, place, full
title), whole texts and folded words, the laws' titles, the whole headings a section path cuts, and
whether any text writes a phrase. The caches every reader shares (``named`` reads the documents a
question names from them)."""

from __future__ import annotations

import re

from indexer.text import folded_words, spelling, untoned

HEAD_CHARS = 700
_LAW_TYPES = frozenset({"Luật", "Bộ luật", "Hiến pháp"})
_UP = "A-ZĐÂĂÊÔƠƯÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ"
# A name written capitalised, two words or more ("Ngày Môi trường Việt Nam", "Bình Lư").
_NAME_RUN = re.compile(rf"(?<!\w)[{_UP}]\w*(?:\s+[{_UP}]\w*)+")
_PLACE = re.compile(rf"(?<!\w)((?:[{_UP}]\w+ ){{1,3}}[{_UP}]\w+)(?!\w)")  # "Lai Châu", "Bình Lư"


def per_index(service, key: str, build):
    """``build()``, kept by the service until its index changes (``Service._cached``); built anew on
    each call for a service without that cache (a test double)."""
    cached = getattr(service, "_cached", None)
    return cached(key, build) if cached else build()


def _doc_heads(service) -> dict[str, str]:
    """The opening of every document (issuer, place, full title), read once per index version."""
    def build() -> dict[str, str]:
        out = {}
        for doc_id, text in _texts(service).items():
            # Plus the places it names ("Lai Châu", "Bình Lư"): the stored text often starts after
            # the header that names the province.
            places = dict.fromkeys(m.group(1) for m in _PLACE.finditer(text))
            out[doc_id] = text[:HEAD_CHARS] + " " + " ; ".join(places) if text else ""
        return out

    return per_index(service, "answer:doc_heads", build)


def _documents(service) -> list[dict]:
    """Every indexed document's metadata as plain dicts, built once per index version (the readers
    match a question's names, numbers and places against it; callers must not change it)."""
    def build() -> list[dict]:
        return [d.model_dump() if hasattr(d, "model_dump") else d for d in service.documents()]

    return per_index(service, "answer:documents", build)


def _texts(service) -> dict[str, str]:
    """Every document's text by id ("" when it cannot be read), read once per index version: the
    openings, signatures, distribution lists, whole headings and cited dates all read from it."""
    def build() -> dict[str, str]:
        out = {}
        for d in service.documents():
            detail = service.document(d["id"])
            out[d["id"]] = detail.text if detail is not None else ""
        return out

    return per_index(service, "answer:doc_texts", build)


def _written(service):
    """Whether the indexed texts write a phrase (lower-cased syllables with modern tones, one space
    apart), looked up in each text as written (``_spelled_texts``; ``question._unknown_compound``)."""
    texts = _spelled_texts(service).values()
    return lambda phrase: any(f" {phrase} " in t for t in texts)


def _law_titles(service) -> dict[str, str]:
    """The folded names of the indexed laws by document id (" luat to tung hanh chinh "), built once
    per index version: a law's own name says its matter (``_in_place_answer``)."""
    def build() -> dict[str, str]:
        return {d.id: f" {folded_words(d.title or '')} " for d in service.documents() if d.type in _LAW_TYPES}

    return per_index(service, "answer:law_titles", build)


def _doc_texts(service, docs: list[dict]) -> list[tuple[str, str, str]]:
    """(doc_id, title, text) of the given documents: a document the question names by number is
    often not in the index, only cited by those that are ("thực hiện Nghị quyết số 103/NQ-CP ngày
    06/10/2017 của Chính phủ")."""
    texts = _texts(service)
    return [(d["id"], d.get("title") or "", texts.get(d["id"], "")) for d in docs]


def _full_headings(service, docs: list[dict]):
    """A function (doc_id, label) -> the heading whole. Section paths are stored with each heading
    cut to ``outline.PATH_LABEL_CHARS`` ("Điều 31. Trình tự, thủ tục cung cấp thông tin qua dịch
    vụ…"), so the words of a law's article title past the cut ("bưu chính, fax") were missing from
    every item under it — half the responsibilities of the index. The heading is the line of the
    document the label opens; each is looked up once per index version."""
    texts = dict((d, t) for d, _, t in _doc_texts(service, docs))
    memo = per_index(service, "answer:full_headings", dict)

    def full(doc_id: str, label: str) -> str:
        if not label.endswith("…"):
            return label
        key = (doc_id, label)
        if key not in memo:
            text, head = texts.get(doc_id, ""), " ".join(label[:-1].split())
            at = text.find(head) if head else -1
            if at < 0:  # the label's spaces were normalised: match its words across any spacing
                m = re.search(r"\s+".join(map(re.escape, head.split())), text) if head else None
                at, head = (m.start(), m.group(0)) if m else (-1, head)
            end = text.find("\n", at) if at >= 0 else -1
            memo[key] = text[at:end if end >= 0 else len(text)].strip() if at >= 0 else label
        return memo[key]
    return full


def _folded_texts(service) -> dict[str, str]:
    """Every document's folded words, " "-padded, read once per index version."""
    def build() -> dict[str, str]:
        return {doc_id: f" {folded_words(text)} " for doc_id, text in _texts(service).items()}

    return per_index(service, "answer:folded_texts", build)


def _spelled_texts(service) -> dict[str, str]:
    """Every document's words as written (``spelling``), " "-padded, read once per index version: a
    phrase the texts write (``_written``)."""
    def build() -> dict[str, str]:
        return {doc_id: f" {spelling(text)} " for doc_id, text in _texts(service).items()}

    return per_index(service, "answer:spelled_texts", build)


def _untoned_texts(service) -> dict[str, str]:
    """Every document's words as written without tone marks (``untoned``), " "-padded, read once per
    index version: a name a question writes with its diacritics (``named._unsaid_names``)."""
    def build() -> dict[str, str]:
        return {doc_id: untoned(text) for doc_id, text in _spelled_texts(service).items()}

    return per_index(service, "answer:untoned_texts", build)
