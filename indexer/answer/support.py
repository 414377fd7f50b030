"""Does an extracted item say what the question asks? Support before answer.

Every group of the question's subject (a syllable, or an English phrase with its Vietnamese
equivalents) is looked up in the item's own words (the unit's task, the target's subject and clause,
the deadline's task), then in its section headings, then in its document's title and number. Groups
are weighted by rarity across the items of the same kind (a word found in every item says little;
a word found in none — "homestay", "internet cáp quang" — decides), and the item's coverage is the
weighted share of groups found, with headings and title counting a little less than the item itself.

An answer is given only from an item whose coverage passes ``MIN_COVERAGE`` and whose own words hold
at least ``MIN_OWN`` of it (``STRICT``), or a lower share (``TOP_PASSAGE``) for an item of the passage
the search ranks first; otherwise the answer is null. The groups the text cannot show in the
question's language (``Question.unsure``: English words no glossary entry covers) may be credited by
the model instead (``credit``, see semantic.py), a little less than a word found and never for most
of the question (``MIN_READ``). ``support`` returns the matched words per
field, shown as "vì đoạn này nói …"."""

from __future__ import annotations

import bisect
import contextvars
import itertools
import math
import re
from functools import lru_cache
from contextlib import contextmanager
from dataclasses import dataclass, field

from indexer.text import folded_words

from .question import _LAW_TERMS, Question

MIN_COVERAGE = 0.8
MIN_OWN = 0.5
MIN_OWN_TOTAL = 0.25
# Vietnamese verbs said around their object ("lấy kết quả thực hiện làm thước đo", "coi … là",
# "xem … là", "đưa … vào"): a question says them together ("được lấy làm thước đo"), the text
# apart, so their syllables said apart count (as an English phrase's, ``SPLIT_PHRASE``).
FRAMING_VERBS = frozenset({"lay lam", "coi la", "xem la", "dua vao", "lay lam can cu"})
SOFT_WEIGHT = 0.2  # an unknown English verb form (see Question.soft)
SPLIT_PHRASE = 0.9  # a phrase group found as separate words counts a little less
SYNONYM = 0.95  # a thesaurus equivalent counts a little less than the word asked
# A word the model vouches for (semantic.py) counts a little less than a word the text says, and
# the model vouches for a few words, never for most of the question: at least MIN_READ of the
# subject's weight must be read in the item, its headings or its document (0.4 answered "who drafts
# the quantum computing strategy …" from the environmental strategy; 0.5 kept the tuning half's
# English questions with a sixth of their glossary entries removed at 108 of 130 right against 111).
SEMANTIC_WEIGHT = 0.9
MIN_READ = 0.5
FIELD_WEIGHT = {"item": 1.0, "section": 0.85, "document": 0.75}


@dataclass(frozen=True)
class Gate:
    """The shares of the question an item must say to answer (``Support.ok``)."""
    coverage: float
    own: float
    own_total: float


STRICT = Gate(MIN_COVERAGE, MIN_OWN, MIN_OWN_TOTAL)
# The gate for an item of the passage the search ranks first, asked again when nothing passed the
# strict one (``answer.ask``). A question in other words than the document's ("How many days
# before temporary residence expires must a citizen apply to extend it?" against "Trong thời hạn
# 15 ngày trước ngày kết thúc thời hạn tạm trú …") says 60–80% of its words there; the search,
# which reads it with the model too, is then the second witness. Chosen on the tuning pool (odd
# halves, ask.fresh6 whole): 26 of 113 unanswered became right, 1 wrong, and 5 of 170
# unanswerable got an answer; 0.5 gave 30 right for 6 (more of them unanswerable ones).
TOP_PASSAGE = Gate(0.6, 0.35, 0.2)
# The gate for an item of the sentence of that first passage the model finds closest to the question
# (or of the second or third passage's, when closer still: ``answer.CLOSEST_DEPTH``)
# (``answer._closest_item_answer``), asked last, for a value (a when or a target) only: the model
# chose the sentence, the words vouch for less than half the question's — a question in other
# words than the plan's ("Về lâm nghiệp, kế hoạch … muốn rừng che phủ được bao nhiêu phần trăm diện
# tích?" against "Tỷ lệ che phủ rừng đạt 59,55%"). Chosen on the tuning halves' unanswered
# questions: 0.45 answered 34 more right for 1 wrong and 2 unanswerable; 0.55 11 right for 1 and 2;
# 0.3 36 right for 1 and 4. A who-question is left out of that pass: a body is named by many
# sentences, and the closest one need not say the asked action (at 0.45: no right, 1 wrong, 2
# unanswerable answered). Its own reader, which asks the sentence's one actor to do the asked
# action, takes this gate only in a sentence very close to the question
# (``sentence_answer.SAYS_THE_QUESTION``).
CLOSEST = Gate(0.45, 0.3, 0.15)
_GATE: contextvars.ContextVar[Gate] = contextvars.ContextVar("support_gate", default=STRICT)


def current_gate() -> Gate:
    """The gate in force (``gated``)."""
    return _GATE.get()


@contextmanager
def gated(gate: Gate):
    """Support is judged by ``gate`` inside the block (a context variable: one request's relaxed
    pass never loosens another thread's)."""
    token = _GATE.set(gate)
    try:
        yield
    finally:
        _GATE.reset(token)
# A question that names its document ("… Nghị quyết 92-NQ/TU về phát triển du lịch …", ``named``)
# often repeats the document's title to name it: those words are said by the document, not asked
# of the item, so for the gate (``Support.ok``) they count in full and the item's own share
# (``own_total``) is of the other words — provided the item itself says at least one word of the question ("Báo cáo viên:
# Thường trực Đảng ủy" under "Hội nghị cấp phường" of the plan for Nghị quyết 92).


@dataclass
class Support:
    coverage: float
    own: float
    matched: dict[str, list[str]] = field(default_factory=dict)  # field -> matched words
    missing: list[str] = field(default_factory=list)
    own_total: float = 0.0  # share of all the words found in the item itself
    subject: float = 0.0  # share said by a target's own subject (``Matcher.share``), set by the scorer
    sentence: float = 0.0  # share said by the value's own sentence alone, set by the scorer
    # Words the item cannot show in the question's language (``Question.unsure``), credited by the
    # model instead (semantic.py): their labels, the credit and the cosine that earned it.
    semantic: list[str] = field(default_factory=list)
    credit: float = 0.0
    cosine: float | None = None

    # The share of the subject's weight said only by the document the question names (see
    # FIELD_WEIGHT): it passes the gate in full, but the scores keep the field weights, so an item
    # that says a word itself still beats one whose document says it.
    titled: float = 0.0
    # The search's rank of the passage that holds the item (None: not retrieved), set by the scorer:
    # a who-answer may leave one word of the question unsaid in the first passage (who.weak_who).
    rank: int | None = None

    @property
    def ok(self) -> bool:
        coverage = self.coverage + self.titled * (1.0 - FIELD_WEIGHT["document"])
        own_total = self.own_total / (1.0 - self.titled) if self.titled < 1.0 else 1.0
        gate = _GATE.get()
        return coverage >= gate.coverage and self.own >= gate.own and own_total >= gate.own_total

    def unsaid(self, question: Question) -> set[str]:
        """The question's words the item does not say but for its soft ones (``Question.soft``: a
        territory phrase, a folded modal, "rồi"), which never decide a support on their own."""
        return set(self.missing) - question.soft

    def to_dict(self) -> dict:
        out = {"coverage": round(self.coverage, 3), "own": round(self.own, 3),
               "matched": self.matched, "missing": self.missing}
        if self.semantic:
            out["semantic"] = {"words": self.semantic, "credit": round(self.credit, 3),
                               "similarity": None if self.cosine is None else round(self.cosine, 4)}
        return out


# The tense and modal words a question puts before its verb ("đang ở", "đã có", "sẽ", "cần",
# "phải", "nên", "vẫn", "được", "muốn"), folded: without diacritics they are restored by guess.
_TENSE_MODAL = frozenset("dang da se can phai nen van duoc muon".split())


def _edge_trimmed(apart: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    """A guessed compound's syllables said apart without a function word at its end: a question
    typed without diacritics is restored by guess, and a function word ("dang": đang, "currently")
    restored as a content word ("đảng") joins its neighbour ("đương sự đảng ở nước ngoài" for
    "đương sự đang ở nước ngoài"). The compound's own syllables (two or more) must still be said;
    a function word inside it or at its start stays ("Ban Thường vụ Đảng ủy" is not "Ban Thường vụ
    Tỉnh ủy")."""
    out = []
    for a, words in apart:
        syl = a.split()
        while syl and syl[-1] in _TENSE_MODAL:
            syl = syl[:-1]
        if 2 <= len(syl) < len(a.split()):
            out.append((a, [f" {x} " for x in syl]))
    return out


# A who-question's level word ("Cơ quan trung ương nào …", "Ở địa phương, cơ quan nào …", "which
# central body"): said by the level of the unit's name, which the law does not repeat ("Bộ Nội vụ
# thanh tra …" is a central body; "Ủy ban nhân dân cấp tỉnh chủ trì …" a local one).
_CENTRAL_UNIT = re.compile(r"^(?:bo(?! phan| may)|chinh phu|quoc hoi|thu tuong|chu tich nuoc|pho chu tich nuoc|"
                           r"uy ban thuong vu quoc hoi|toa an nhan dan toi cao|vien kiem sat nhan dan toi cao|"
                           r"kiem toan nha nuoc|tong cuc|ban \w+(?: \w+)? trung uong|hoi dong quoc gia|"
                           r"chanh an toa an nhan dan toi cao|vien truong vien kiem sat nhan dan toi cao)\b")
_LOCAL_UNIT = re.compile(r"^(?:(?:chu tich )?(?:uy ban nhan dan|hoi dong nhan dan|ubnd|hdnd)\b|"
                         r"so \w+|(?:\w+ )*cap (?:tinh|huyen|xa)\b)")
LEVEL_WORDS = {"trung uong": _CENTRAL_UNIT, "dia phuong": _LOCAL_UNIT}


def item_own_text(item: dict) -> str:
    parts = [item.get("quote") or ""]
    for key in ("subject", "task"):
        if item.get(key):
            parts.append(str(item[key]))
    return " ".join(parts)


@lru_cache(maxsize=65536)
def _padded(text: str) -> str:
    """Cached: the same item texts are folded for every question."""
    return f" {folded_words(text)} "


def _is_ordinal(label: str) -> bool:
    """A group naming an ordinal: "lop 6", "grade 10" (a number last), "lop mot" (an ordinal noun
    and a number word, ``question.merge_ordinals``)."""
    from .question import _ORDINAL_NOUNS, _ORDINAL_NUMBERS

    words = label.split()
    return len(words) >= 2 and (words[-1].isdigit() or
                                (" ".join(words[:-1]) in _ORDINAL_NOUNS and words[-1] in _ORDINAL_NUMBERS))


class Matcher:
    """Coverage of one question's subject against many items (weights from those items)."""

    def __init__(self, question: Question, items: list[dict], doc_context: dict[str, str],
                 named: set[str] | frozenset = frozenset(), headings=None):
        self.q = question
        self.headings = headings  # (doc_id, label) -> the heading whole (``answer._full_headings``)
        # (not for a target: the numbers of one document share its title, and what tells them
        # apart is the words each one's own subject says — "Tổng kinh phí" against "Nguồn ngân sách
        # địa phương" for "the total budget")
        # (but for the quantities a law's passages state, read at question time: no stored sibling
        # shares their title, and a law's list point — "nữ từ đủ 18 tuổi trở lên" — says the value
        # and its subject only, the law named by the question saying the rest)
        self.named = named if question.kind in ("who", "when") or (items and all(
            it.get("via") == "passage" and it.get("kind") == "target" for it in items)) else frozenset()
        self.groups = [(label, alts) for label, alts in question.groups if alts]
        # One regular expression per group finds whether any of its words is in a text (one C
        # scan, not a Python loop over the alternatives): a who-question weighs ~1,800 items.
        self._any = [re.compile("|".join(re.escape(f" {a} ") for a in alts)) for _, alts in self.groups]
        # An English phrase's Vietnamese phrases as their separate words (see ``support``). Not a
        # Vietnamese word of the question (its label is its own first form): "quân sự" is one word,
        # and "quân … sự" said apart in a law's opening is not it.
        # A question typed without diacritics is segmented from a guessed restoration, whose
        # compounds may join words that are not one ("Bình Lữ phấn đấu"): their syllables said
        # apart count too.
        # So do the segmenter's compounds of three syllables or more: "Tỉnh ủy định kỳ" came out as
        # "tuyên giáo tỉnh" + "ủy định kỳ", words no text says together.
        guessed = question.language == "vi-noaccent"
        # (never an ordinal: "lớp 6" said apart is the "lớp một … 06 tuổi" of another grade; nor a
        # court procedure, ``question._LAW_TERMS``: "tái thẩm" is no "tài liệu … phúc thẩm")
        self._apart = [[(a, [f" {x} " for x in a.split()]) for a in alts if len(a.split()) > 1]
                       if len(label.split()) > 1 and (label != alts[0] or guessed or len(label.split()) >= 3
                                                      or label in FRAMING_VERBS) and label not in _LAW_TERMS
                       and not _is_ordinal(label) else [] for label, alts in self.groups]
        if guessed:
            self._apart = [apart + _edge_trimmed(apart) for apart in self._apart]
        self.unsure = [label in question.unsure for label, _ in self.groups]
        # a who-question's level word, said by the unit's own level (``LEVEL_WORDS``)
        self._level = [next((a for a in alts if a in LEVEL_WORDS), None) if question.kind == "who" else None
                       for _, alts in self.groups]
        self.doc_context = {d: _padded(t) for d, t in doc_context.items()}
        self._own: dict[int, str] = {}
        # Document frequency of each group: one scan of all the items' texts joined by newlines
        # (no word crosses one), each match mapped back to its item.
        texts = [self._own_text(item) for item in items]
        ends = list(itertools.accumulate(len(t) + 1 for t in texts))
        joined = "\n".join(texts)
        df = [len({bisect.bisect_right(ends, m.start()) for m in rx.finditer(joined)}) for rx in self._any]
        n = max(1, len(items))
        self.weights = [(math.log((n + 1) / (d + 1)) + 0.5) * (SOFT_WEIGHT if label in question.soft else 1.0)
                        for (label, _), d in zip(self.groups, df)]

    def _own_text(self, item: dict) -> str:
        key = id(item)
        if key not in self._own:
            self._own[key] = _padded(item_own_text(item))
        return self._own[key]

    @property
    def has_unsure(self) -> bool:
        return any(self.unsure)

    def support(self, item: dict, own_text: str | None = None, settle: bool = False,
                credit: float = 0.0) -> Support:
        """How much of the subject the item, its headings and its document say. ``settle``: stop
        at the first missing group that leaves coverage under the gate's (the result is then
        only "not ok", its figures partial) — most of a who-question's ~1,800 items stop there.
        ``credit``: the share of an unread group's weight (``Question.unsure``) the item earns
        without saying it (semantic.py); 1.0 gives the most the item could reach."""
        if not self.groups:
            return Support(0.0, 0.0)
        own = _padded(own_text) if own_text is not None else self._own_text(item)
        path = item.get("section_path") or []
        if self.headings is not None:
            path = [self.headings(item.get("doc_id", ""), p) for p in path]
        section = _padded(" ".join(path))
        document = self.doc_context.get(item.get("doc_id", ""), "  ")
        total = sum(self.weights)
        give_up = (1.0 - _GATE.get().coverage) * total if settle else math.inf
        lost = 0.0
        got = got_own = context = titled = 0.0
        named = item.get("doc_id") in self.named
        matched: dict[str, list[str]] = {}
        missing = []
        semantic = []
        inferred = 0.0
        for (label, alts), w, rx, apart, unsure, level in zip(self.groups, self.weights, self._any, self._apart,
                                                             self.unsure, self._level):
            for name, text in (("item", own), ("section", section), ("document", document)):
                # the first of the alternatives the text says (they are in order of preference)
                hit = next((a for a in alts if f" {a} " in text), None) if rx.search(text) else None
                if hit is None and name == "item" and level and \
                        LEVEL_WORDS[level].match(folded_words(item.get("unit") or "")):
                    hit = level  # (the unit's own level)
                # the question's own word is better evidence than a thesaurus equivalent ("nước
                # sạch" asked: "nước sạch" beats "nước sinh hoạt" in the same sentence)
                part = 1.0 if hit is None or hit == alts[0] else SYNONYM
                if hit is None and apart and not (name == "document" and self.q.language == "en"):
                    # (an English phrase's words not in a document's context: a whole law says any
                    # four syllables somewhere — "hội đồng … trọng tài" is no arbitral tribunal)
                    # An English phrase translated as one Vietnamese phrase ("review report" ->
                    # "báo cáo sơ kết") whose words the text says apart ("sơ kết, gửi báo cáo").
                    hit = next((a for a, words in apart if all(x in text for x in words)), None)
                    part = SPLIT_PHRASE
                if hit:
                    got += w * FIELD_WEIGHT[name] * part
                    if named and name == "document":
                        titled += w * part
                    if name == "item":
                        got_own += w * part
                    else:
                        context += w
                    matched.setdefault(name, []).append(hit)
                    break
            else:
                if unsure and credit > 0:  # said in other words, as far as the model can tell
                    got += w * credit * SEMANTIC_WEIGHT
                    got_own += w * credit * SEMANTIC_WEIGHT
                    semantic.append(label)
                    lost += w * (1.0 - credit * SEMANTIC_WEIGHT)
                    inferred += w
                else:
                    missing.append(label)
                    lost += w
                if lost > give_up:
                    return Support((total - lost) / total, 0.0, matched, missing)
        # "own": the share of the words the item itself must say — those its headings or document
        # do not already say (the place, the plan's title).
        rest = total - context
        if not got_own:  # (a named document's title words: see FIELD_WEIGHT)
            titled = 0.0
        if inferred > (1.0 - MIN_READ) * total:  # the model vouches for a few words, not the question
            return Support((total - inferred) / total, 0.0, matched, missing + semantic)
        return Support(got / total, got_own / rest if rest > 0 else 1.0, matched, missing, got_own / total,
                       titled=titled / total,
                       semantic=semantic, credit=credit if semantic else 0.0)

    def share(self, text: str) -> float:
        """Weighted share of the subject's groups that ``text`` itself says (no headings, no
        document): which of two numbers of one sentence the question asks about."""
        if not self.groups:
            return 0.0
        padded = _padded(text)
        # between two numbers, only the very word asked counts (not a thesaurus equivalent) — for
        # an English question every glossary sense is the word asked: "total budget" is the "Tổng kinh
        # phí" as much as the "ngân sách" its parts are drawn from (the glossary's first sense is
        # no choice of the asker's)
        asked = (lambda alts: alts) if self.q.language == "en" else (lambda alts: alts[:1])
        got = sum(w for (_, alts), w in zip(self.groups, self.weights)
                  if any(f" {a} " in padded for a in asked(alts)))
        return got / sum(self.weights)


def quote_words(text: str, words: list[str], limit: int = 160) -> str:
    """The shortest stretch of ``text`` holding the matched words (for "vì đoạn này nói …")."""
    folded = folded_words(text)
    if not words or not folded:
        return text[:limit]
    # Map folded syllables back to character offsets of the original text.
    spans = [(m.start(), m.end()) for m in re.finditer(r"\w+", text)]
    syl = folded.split()
    if len(syl) != len(spans):
        return text[:limit]
    hits = []
    for w in words:
        ws = w.split()
        for i in range(len(syl) - len(ws) + 1):
            if syl[i:i + len(ws)] == ws:
                hits.append((i, i + len(ws) - 1))
                break
    if not hits:
        return text[:limit]
    a = min(h[0] for h in hits)
    b = max(h[1] for h in hits)
    s, e = spans[a][0], spans[b][1]
    if e - s > limit:
        e = s + limit
    return ("…" if s > 0 else "") + text[s:e] + ("…" if e < len(text) else "")
