"""What an answer cites: the item's words, widened to their sentence when they cannot stand alone.

An item is often one clause of its sentence ("nữ từ đủ 18 tuổi trở lên" of "a) Nam từ đủ 20 tuổi
trở lên, nữ từ đủ 18 tuổi trở lên;", "02 Hội thẩm nhân dân" of "Hội đồng xét xử sơ thẩm gồm một
Thẩm phán và 02 Hội thẩm nhân dân, …"). Cited alone, such a clause does not say what it is about,
and a reader checking the answer must open the document to see it. A clause shorter than
``SHORT`` characters is therefore cited with its whole sentence (on its own line of the document),
when that sentence is no longer than ``LONGEST``; the item keeps its own offsets, so the answer's
words are still marked inside the wider citation (web/answer_pages.py ``_marked``). The text stays
verbatim: it is the document's ``text[start:end]``, offsets and all.

On the tuning pool, 28 of 759 right who/target/when answers cited a clause shorter than its
labelled gold sentence; most of them were such clauses."""

from __future__ import annotations

from indexer.extract.text import sentences

SHORT = 60
LONGEST = 320


def citation(item_or_result: dict, text: str | None = None) -> dict:
    """The citation of an item (or a search result): its quote and where it stands. ``text``: the
    item's document, to widen a short clause to its sentence (``widened``)."""
    path = item_or_result.get("section_path") or []
    if isinstance(path, str):
        path = [p for p in path.split(" › ") if p]
    quote = item_or_result.get("quote") or item_or_result.get("text", "")
    start, end = item_or_result["start"], item_or_result["end"]
    if text and item_or_result.get("quote"):
        start, end = widened(text, start, end)
        quote = text[start:end] if (start, end) != (item_or_result["start"], item_or_result["end"]) else quote
    return {"text": quote, "doc_id": item_or_result["doc_id"], "doc_title": item_or_result.get("doc_title", ""),
            "section_path": path, "start": start, "end": end}


def widened(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence holding ``text[start:end]`` when the span is a short clause of it
    (see the module's doc); the span itself otherwise (long enough, several sentences or lines, a
    sentence too long to cite whole, offsets that do not fit the text)."""
    if not 0 <= start < end <= len(text) or end - start >= SHORT or "\n" in text[start:end]:
        return start, end
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    for s, e in sentences(text, line_start, line_end):
        if s <= start and end <= e + 1:  # (a sentence's span leaves out its closing ";" or ".")
            if e - s > LONGEST or (s, e) == (start, end):
                break
            return s, max(e, end)
    return start, end


# Where an item's answer words stand, by the item's kind: the field holding them and its offsets.
ANSWER_FIELDS = {"responsibility": ("unit", "unit_start", "unit_end"),
                 "target": ("answer", "answer_start", "answer_end"),
                 "deadline": ("when", "when_start", "when_end")}


def answer_span(item: dict) -> tuple[int | None, int | None] | None:
    """The document offsets of the item's answer words, marked inside its citation; None for a kind
    with none. A quantity read from a passage at question time knows its words, not their offsets:
    they are found in its quote."""
    fields = ANSWER_FIELDS.get(item.get("kind"))
    if fields is None:
        return None
    name, start_key, end_key = fields
    words, quote = item.get(name), item.get("quote") or ""
    if item.get(start_key) is None and item["kind"] == "target" and words and words in quote:
        at = item["start"] + quote.index(words)
        return at, at + len(words)
    return item.get(start_key), item.get(end_key)
