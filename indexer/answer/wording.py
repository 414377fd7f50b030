"""An answer as shown: the message when nothing answers, the kind of item each kind of question is
answered from, how many items and characters an answer shows, a target's value with its counted noun,
and the support and interpretation shown with it."""

from __future__ import annotations

import re

from indexer.text import folded_words

from .insitu import WHAT
from .support import Support, quote_words


NOT_FOUND_VI = "Không tìm thấy câu trả lời trong các văn bản đã có"
# (``WHAT``: a thing a "<noun> nào" asks, read in place only, held as a target's value is)
_ITEM_KIND = {"who": "responsibility", "tasks": "responsibility", "target": "target", "when": "deadline",
              WHAT: "target"}
MAX_ITEMS = 5
MAX_ANSWER_CHARS = 90


# -- answers ----------------------------------------------------------------------------------------

def _clip(text: str, limit: int = MAX_ANSWER_CHARS) -> str:
    text = " ".join(text.split()).strip(" ,;:")
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[:cut if cut > 0 else limit].rstrip(" ,;:") + "…"


def _said_on(kept: str, rest: str, question: str) -> str:
    """The words of ``rest`` (verbatim, from its start) that continue ``kept`` the way the question
    says it: the counted noun is "tổ chức, cá nhân" when the question asks for "bao nhiêu tổ chức,
    cá nhân", so the answer is not cut at the comma inside the coordinated noun."""
    def fold(text: str) -> str:  # folded words with their commas: the question must write the comma
        return " " + " ".join("," if t == "," else folded_words(t) for t in re.findall(r"\w+|,", text)) + " "

    asked = fold(question)
    kept = (re.findall(r"\w+", kept) or [""])[-1]  # the noun before the comma ("05 tổ chức" is asked
    # "bao nhiêu tổ chức")
    words = list(re.finditer(r"\w+", rest))
    end = 0
    for w in words:
        if fold(f"{kept}, {rest[:w.end()]}") not in asked:
            break
        end = w.end()
    return rest[:end]


def _target_answer(item: dict, question: str = "") -> str | None:
    from indexer.extract.targets import target_answer

    answer = item.get("answer") or item.get("value_text")
    if not answer:
        return None
    period_answer = target_answer(item)  # "đạt 59,55% đến năm 2030": the due period is part of it
    # A counted noun's phrase follows the number ("01 điểm | du lịch cộng đồng"): keep it.
    if item.get("subject_start") is not None and item.get("answer_end") is not None and \
            item["subject_start"] <= item["answer_end"] + 1 < item["subject_end"]:
        quote, base = item.get("quote") or "", item["start"]
        tail = quote[max(item["answer_end"], item["subject_start"]) - base:item["subject_end"] - base]
        if item["subject_start"] < item["answer_end"]:
            tail = quote[item["answer_end"] - base:item["subject_end"] - base]
        cut = re.split(r"[,;(]|\s+(?:và|trong đó|đến năm|vào năm|năm \d)", tail)[0]
        rest = tail[len(cut):]
        more = _said_on(answer + cut, rest.lstrip(" ,"), question) if rest.startswith(",") and question else ""
        tail = cut + (rest[:len(rest) - len(rest.lstrip(" ,"))] + more if more else "")
        gap = " " if tail and not tail[0].isspace() and tail[0] != "," and not answer[-1:].isspace() else ""
        answer = _clip(answer + gap + tail)  # "100% xã", not "100%xã"
    if period_answer != (item.get("answer") or item.get("value_text") or "").strip():
        answer = f"{answer} {period_answer[len((item.get('answer') or item.get('value_text') or '').strip()):].strip()}"
    return answer


def _support_dict(sup: Support, item: dict) -> dict:
    words = [w for ws in sup.matched.values() for w in ws]
    out = sup.to_dict()
    out["says"] = quote_words(item.get("quote") or "", sup.matched.get("item", []))
    out["fields"] = {"item": "task" if item["kind"] == "responsibility" else
                     ("subject" if item["kind"] == "target" else "task"),
                     "section": "section_path", "document": "document title"}
    out["words"] = words
    return out


def _shown_interpretation(response, question: str) -> str:
    """The question as the search read it (diacritics restored), "" when that is the question."""
    interpreted = response.interpreted or question
    return interpreted if interpreted != question else ""
