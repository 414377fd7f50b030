"""A unit name cut short is no answer.

The extractor (and the actor reader) end a unit's name at the first word of its predicate, found
in a list of verbs. Two ways that cut goes wrong, both seen answering who-questions:

- a one-syllable verb of the list is the second half of a compound inside the name: "Hội đồng bầu
  | cử quốc gia" (bầu cử, elections), "trường mầm non dân | lập" (dân lập), "chứng thực chữ | ký";
- the name runs into a relative clause or a list and stops on a function word: "Tòa án đã | giải
  quyết ly hôn phải gửi …" (the court that has settled the divorce), "Lãnh đạo và | chịu trách
  nhiệm …", "Cơ quan đã | đăng ký thường trú …".

Such a "unit" ("Hội đồng bầu", "Tòa án đã") is not a name any document uses; answering with it is
answering wrong. ``truncated_unit`` tells them, and the answer engine leaves those items out so a
reader that reads the whole name (actors.py: "Tòa án đã giải quyết ly hôn | phải gửi …") or
nothing answers.
"""

from __future__ import annotations

import re
from functools import lru_cache

from indexer.extract.roles import VERBS

# A name never ends on these: tense and aspect words, the passive, copula and possession verbs,
# conjunctions, prepositions, demonstratives, plural markers — nor on a bare "người" (person), which
# a law always describes after it ("Cơ quan, người | lập hồ sơ đề nghị …": the person who files).
_FUNCTION_END = frozenset("đã đang sẽ được bị có là và hoặc của cho với thì mà này đó các những người".split())
_ONE_SYLLABLE_VERBS = frozenset(v for v in VERBS if " " not in v)


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    from indexer.index.analyzer import _segmenter

    try:
        return tuple(_segmenter()(text))
    except Exception:
        return tuple(text.split())


def _joined_across(context: str, cut: int) -> bool:
    """The index's segmenter, reading ``context``, makes one two-syllable word across offset
    ``cut`` ("Hội đồng bầu| cử quốc gia" -> "bầu cử")."""
    pos = 0
    for w in _words(context):
        k = context.find(w, pos)
        if k < 0:
            return False
        if k < cut < k + len(w):
            return len(w.split()) == 2
        pos = k + len(w)
    return False


def cut_in_word(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` ends inside a two-syllable word of the index's segmenter ("Thẩm | phán",
    "Hội đồng bầu | cử quốc gia"): a name read up to a verb or a slot's edge may stop there. No
    judgement (False) where the segmenter rewrites the words (``_joined_across``)."""
    return _joined_across(text[start:end + 20], end - start)


def truncated_unit(item: dict) -> bool:
    """The item's unit is a name cut short (see the module docstring): it ends on a function word,
    or before a one-syllable verb of the extractor's list that makes one word with its last syllable
    in the item's sentence."""
    unit = (item.get("unit") or "").strip()
    if not unit:
        return False
    last = unit.split()[-1]
    if last.lower() in _FUNCTION_END:
        return True
    quote = item.get("quote") or ""
    at = quote.find(unit)
    if at < 0 or not last[:1].islower():
        return False
    nxt = re.match(r"\s+(\w+)", quote[at + len(unit):])
    if not nxt or nxt.group(1) not in _ONE_SYLLABLE_VERBS:
        return False
    context = quote[at:at + len(unit) + nxt.end() + 20]
    return _joined_across(context, len(unit))


_UNDERGOES = re.compile(r"(?<!\w)bị(?!\w)")


def undergoes(item: dict, folded_question: str) -> bool:
    """The item's "unit" is who undergoes the action, not who does it: a heading or subject that
    says "bị …" ("Người nghiện ma túy từ đủ 12 tuổi đến dưới 18 tuổi bị đưa vào cơ sở cai nghiện bắt
    buộc" lists that person's duties) answers "Ai quyết định đưa … vào cơ sở cai nghiện …" with the
    person sent, not the court that sends. Only a question that says "bị" itself asks for them."""
    return bool(_UNDERGOES.search(item.get("unit") or "")) and " bi " not in f" {folded_question} "
