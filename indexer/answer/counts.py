"""How many tasks, solutions or targets a plan lists: counted in its outline, not read in a sentence.

Trainers ask "Kế hoạch có bao nhiêu nhiệm vụ trọng tâm?", "KH thực hiện NQ 17 có mấy nhóm nhiệm
vụ và giải pháp?", "How many groups of tasks and solutions does the plan set out?". No sentence says
"10": the plan numbers its tasks under a heading ("I- CÁC NHIỆM VỤ TRỌNG TÂM", "1. …" to "10. Kinh
phí thực hiện"). The answer is the number of the heading's numbered children, given only when they
are numbered 1 to n without a gap (the last one's number is then the count, and its marker is
what the citation shows), under the one heading of the document whose title says every word of the
list asked ("nhiệm vụ" and "trọng tâm"; "mục tiêu cụ thể đến năm 2030" for "mục tiêu cụ thể đến
năm 2030"). Two headings saying them (the key tasks and the specific ones for a bare "nhiệm vụ"),
a heading of another year, or children numbered with a gap: no answer.

Pure functions over the stored text and its outline blocks (``indexer.structure``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from indexer.text import fold, written_as

# The words a list's noun may take after "bao nhiêu"/"mấy" (folded): "nhóm" counts groups of what
# follows it and is said by no heading.
_LIST_NOUNS = ("nhiem vu", "giai phap", "muc tieu", "chi tieu", "noi dung", "nhom")
_COUNT_VI = re.compile(r"\b(?:bao nhieu|may)\s+(" + "|".join(_LIST_NOUNS) + r")\b((?:\s+\w+){0,6})")
# Words that end the list's noun phrase ("… mục tiêu cụ thể | đến năm 2030", "… nhiệm vụ | của …").
_PHRASE_END = frozenset("den cua trong duoc ma de theo o tai can phai la co thi dat ra neu cho ve nham "
                        "lien ke tren khi kh ke hoach nq kl".split())
_CLASSIFIERS = frozenset(("nhom",))
_QUALIFIERS = frozenset(("trong tam", "cu the", "chu yeu", "then chot", "chu luc"))
# English: "how many (groups of) (key|specific) tasks (and solutions)", its words by the glossary.
_COUNT_EN = re.compile(r"(?i)\bhow many\s+((?:groups? of\s+)?(?:\w+\s+){0,2}?"
                       r"(?:tasks?|solutions?|objectives?|targets?|goals?|indicators?)"
                       r"(?:\s+and\s+(?:tasks?|solutions?|objectives?|targets?|goals?))?)\b")
_EN_SKIP = frozenset("groups group of and the".split())
_MARKED = frozenset(("num", "paren", "roman", "letter"))
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


@dataclass(frozen=True)
class Count:
    """A heading's numbered children: how many, the heading's block and the last child's block,
    and the offsets of the last child's number (what the answer's mark shows)."""
    n: int
    heading: dict
    last: dict
    number_start: int
    number_end: int


def asked_list(question: str, translate=None) -> list[list[str]] | None:
    """The words of the list a question counts, each as its folded alternatives ([["nhiem vu"],
    ["trong tam"]]), or None when it counts no list. ``translate``: English words -> Vietnamese
    senses (the glossary's lookup), for an English question."""
    folded = fold(question).lower()
    m = _COUNT_VI.search(folded)
    if m:
        words, rest = [], [m.group(1)] + m.group(2).split()
        for i, w in enumerate(rest):
            if " ".join(rest[i:i + 2]) in _QUALIFIERS or (i and " ".join(rest[i - 1:i + 1]) in _QUALIFIERS):
                words.append(w)  # "trọng tâm" folds to "trong tam", not the preposition "trong"
                continue
            if w in _PHRASE_END or w.isdigit():
                break
            words.append(w)
        # the phrase as written, each part joined by "và" one stretch of the heading ("nhiệm vụ và
        # giải pháp": "nhiệm vụ", "giải pháp"), without its classifier ("nhóm") and plural words
        words = [w for w in " ".join(words).split() if w not in _CLASSIFIERS and w not in ("cac", "nhung")]
        parts = [p.strip() for p in " ".join(words).split(" va ") if p.strip()]
        return [[p] for p in parts] or None
    m = _COUNT_EN.search(question) if translate is not None else None
    if not m:
        return None
    out = []
    for w in m.group(1).lower().split():
        if w in _EN_SKIP:
            continue
        senses = translate([w]) or translate([w.rstrip("s")])
        if not senses:
            return None  # a word of the list the glossary cannot say: no heading can be told
        out.append([fold(v).lower() for v in senses])
    return out or None


def count_listed(asked: list[list[str]], question: str, text: str, blocks: list[dict]) -> Count | None:
    """The count of the one heading of ``text`` whose title says every word of ``asked``, its
    children numbered 1 to n; None when no heading, or headings with different counts, say them."""
    years = set(_YEAR.findall(question))
    fitting = []
    for b in blocks:
        if b["kind"] != "heading":
            continue
        title = f" {' '.join(re.findall(r'[a-z0-9]+', fold(text[b['start']:b['end']]).lower()))} "
        if all(any(f" {alt} " in title for alt in alts) for alts in asked):
            fitting.append(b)
    # a heading whose own sub-heading says the list as well is its frame ("2. Mục tiêu cụ thể" over
    # "2.1. Mục tiêu cụ thể đến năm 2030"), not a second list
    inner = {p for b in fitting for p in b.get("parents") or []}
    fitting = [b for b in fitting if b["idx"] not in inner]
    found: list[Count] = []
    for b in fitting:
        said = set(_YEAR.findall(text[b["start"]:b["end"]]))
        if years and said and not years & said:
            continue  # "mục tiêu cụ thể đến năm 2030" does not count the targets for 2025
        children = [c for c in blocks if c.get("parents") and c["parents"][-1] == b["idx"]
                    and c.get("marker") in _MARKED]
        numbers = []
        for c in children:
            n = re.match(r"[\s\-–•+*]*\(?(\d{1,2})[.)]", text[c["start"]:c["end"]])
            numbers.append(n)
        if not children or any(n is None for n in numbers) or \
                [int(n.group(1)) for n in numbers] != list(range(1, len(children) + 1)):
            continue
        last, m = children[-1], numbers[-1]
        found.append(Count(len(children), b, last, last["start"] + m.start(1), last["start"] + m.end(1)))
    if len(found) != 1 or len(fitting) != 1:
        return None  # no list, or two headings the words fit ("nhiệm vụ": the key ones and the specific ones)
    return found[0]


def written_in(title: str, alternatives: list[str]) -> str:
    """The first of the folded ``alternatives`` as ``title`` writes it ("nhiem vu trong tam" ->
    "NHIỆM VỤ TRỌNG TÂM"), else the first alternative as it is."""
    return next((w for alt in alternatives if (w := written_as(title, alt))), alternatives[0] if alternatives else "")
