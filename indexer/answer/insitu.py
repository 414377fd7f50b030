"""The answer where the question word stands: Vietnamese asks in place.

A Vietnamese question keeps the word order of the statement that answers it and puts its question
word where the answer stands ("wh-in-situ"): "Ai giữ vai trò chủ thể?" ↔ "Nhân dân giữ vai trò chủ
thể"; "… phát huy vai trò của những ai trong công tác khuyến học?" ↔ "… phát huy vai trò của gia
đình, cộng đồng và các tổ chức đoàn thể trong công tác khuyến học"; "bên thuê khoán được hưởng bao
nhiêu phần số gia súc sinh ra?" ↔ "bên thuê khoán được hưởng một nửa số gia súc con sinh ra". The
extracted items (units with tasks, targets, deadlines) hold none of these when the answer is no
responsible unit, no planned target, no deadline of a task: the people a plan supports, a share a
law grants, the moment a decision takes effect.

The answer engine (``answer._in_place_answer``) reads such answers from the retrieved sentences
when no extracted item answers: the question's words on each side of its question word
(``wh_slots``; a passive "Ai được V …" read after its verb) are found in a sentence, next to each
other as in the question, and the words between them are the answer (``align``). What the slot
holds must fit the kind (a value with its counted noun for a target, a time for a when, a name of
people or bodies for a who, never a clause — but the event a moment is told by: "khi nào" ↔ "sau
khi tốt nghiệp cấp học", up to where the sentence's own predicate goes on). Whether the sentence says the rest of the question is
the support gate's to judge, strictly: every other word said by the sentence or its headings.

Measured: on the tuning half it was written on (ask.fresh9 odd) 49.3% -> 58.0% right with the
readings added this round, no new wrong answer; on the halves nobody tuned on (fresh10, fresh8)
its answers were 15 right, 0 wrong. The first version, with the lower gate and no guards, failed
five trap tests of the existing readers (a rival value, another level, a report sent elsewhere, a
predecessor's expiry, a sentence-initial passive read as a name).

Pure functions over folded syllables (indexer.text.fold): a question typed without diacritics
reads the same as one with them. English questions are not read here: their glossary translation
keeps the English word order, not the statement's."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from indexer.extract.roles import VERBS, first_verb
from indexer.extract.text import sentences
from indexer.text import FUNCTION_WORDS, HIGHLIGHT_STOPWORDS, fold

_WORD = re.compile(r"\w+", re.UNICODE)

# Question words by kind, folded syllables ("X" stands for one or two syllables naming the kind of
# thing asked: "cơ quan nào", "Bộ nào", "đối tượng nào"). Longest first.
_WHO = ("nhung ai", "la ai", "ai")
_WHICH = "nao"  # "<noun> nào": the noun may open the answer ("Bộ nào" ↔ "Bộ Tư pháp")
# "đâu" after a preposition of place asks the body a thing is done at or sent to ("đăng ký tại đâu",
# "nộp hồ sơ ở đâu", "gửi về đâu"); folded, "đầu" ("bắt đầu") is the same syllable, so only there
_WHERE = "dau"
_AT_PLACE = frozenset("tai o ve den len toi".split())


def _asks_where(words: list[str], i: int) -> bool:
    """The folded syllable ``words[i]`` is "đâu" asking a body ("tại đâu", ``_WHERE``)."""
    return words[i] == _WHERE and i > 0 and words[i - 1] in _AT_PLACE
_HOW_MANY = ("bao nhieu", "may")
_WHEN = ("khi nao", "luc nao", "bao gio", "bao lau", "thoi diem nao", "ngay nao", "thang nao", "nam nao",
         "nhu the nao", "ra sao")

MAX_SLOT = 24  # syllables an answer may hold
MAX_NOUN = 4  # syllables of the noun a "<noun> nào" asks
MIN_ANCHOR = 2  # content syllables of the question found next to the slot
# One is enough when the question was reordered ("Liên kết … được tăng cường giữa những chủ thể
# nào?" for "Tăng cường liên kết … giữa người dân, hợp tác xã và doanh nghiệp"): the caller then
# asks the sentence itself to say every other word of the question.
LOOSE_ANCHOR = 1
_CLAUSE_END = re.compile(r"[;:.]|\n")
_EVENT_CLAUSE_END = re.compile(r"[;:.,]|\n")
_TIME_WORDS = frozenset("ngay thang nam quy tuan gio phut khi truoc sau hang hoi".split())
# The same as the documents write them: folded, "quy định" says "quý", "năm" a "nam", "sáu" "sau".
_TIME_WRITTEN = frozenset("ngày tháng năm quý tuần giờ phút khi trước sau hằng hàng hồi thời kỳ lúc dịp đợt".split())
MAX_VALUE = 12  # syllables of a target's or a when's answer
# Number words as written (folded, "ngân" would be "ngàn"), shares, and the words that make a
# number a reference ("Điều 21", "khoản 2").
_NUMBER_WRITTEN = frozenset("một hai ba bốn tư năm sáu bảy tám chín mười mươi trăm nghìn ngàn triệu tỷ tỉ nửa "
                            "phần".split())
_SHARES = frozenset("nửa phần".split())
_REFERENCE = frozenset("điều khoản điểm chương mục số".split())
# Nouns a who-answer written in lower case opens with: people, groups and bodies ("cấp ủy các cấp",
# "gia đình, cộng đồng …", "doanh nghiệp, tổ chức"), as written.
_HEADS = frozenset("các những mọi toàn người hộ bộ sở phòng ban viện chủ bên con vợ chồng".split()) | frozenset(
    x.strip() for x in """cán bộ, đảng viên, nhân dân, gia đình, cộng đồng, doanh nghiệp, học sinh, đoàn viên,
    hội viên, thành viên, tổ chức, cơ quan, đơn vị, cấp ủy, cấp uỷ, chính quyền, chi bộ, ủy ban, uỷ ban, hội đồng,
    tòa án, thanh niên, trẻ em, công dân, cá nhân, chủ thể, đồng bào, lực lượng, đội ngũ, thế hệ, phụ nữ, nông dân,
    đương sự, thẩm phán, thư ký, giáo viên, nhà trường, cha mẹ, người dân, tập thể, lãnh đạo, hợp tác,
    cơ sở, công chứng, kiểm sát, trọng tài, luật sư, hội thẩm, viên chức, công chức, thẩm tra,
    hiệu trưởng, giám đốc, thủ trưởng, trưởng, chính phủ, quốc hội, nhà nước, nhân dân, công an""".split(","))
# ("Cơ sở lưu trữ phim …": an establishment; "công chứng viên", "kiểm sát viên", "trọng tài viên",
# "hội thẩm nhân dân": the laws' people, written lower-case; and heads by their titles: "hiệu trưởng
# nhà trường", "thủ trưởng cơ quan …", "trưởng phòng …"; the institutions whose names capitalise only
# their first letter, which at a sentence's start tells nothing: "Chính phủ quy định chi tiết …")
_TIME_PHRASES = ("dinh ky", "thoi diem", "thoi ky", "mot lan", "ke tu", "cham nhat", "lap tuc", "ngay khi")
# A slot opening with one of these is a clause, not an answer ("và", "thì", "để", "là").
_NO_OPEN = frozenset("va thi de la ma nen hoac nhung".split())
_NO_OPEN_WRITTEN = frozenset({"còn"})  # (as written: "con" — a child — opens a name)
_MARKER = re.compile(r"^\s*(?:\d{1,2}[.)]|[a-zđ]\)|\(\d{1,2}\)|[-–•+*])\s*")

# Question words that ask a moment, and the words before the "khi" of a moment told by its event
# ("sau khi tốt nghiệp …", "kể từ khi …", "cho đến khi …"), folded.
_MOMENT_WH = frozenset({"khi nao", "luc nao", "thoi diem nao", "bao gio"})
_BEFORE_EVENT = frozenset("chi ngay ke tu sau truoc cho den toi".split())
# Where an event's clause ends: the sentence's own predicate goes on ("và chấm dứt …", "phải đáp
# ứng …", "mới có hiệu lực"), unless a second moment follows ("và sau khi …", "và cho đến khi …").
_EVENT_END = re.compile(r"\s+(?:và|thì|phải|mới(?=\s+(?:được|có)(?!\w)))\s+"
                        r"(?!(?:(?:kể|từ|ngay|cho|đến|sau|trước)\s+)*khi(?!\w))", re.IGNORECASE)


def _told_by_event(span: str) -> bool:
    """``span`` (as written) opens with a moment told by its event (``_event_moment``)."""
    return _event_moment([w for w, _, _ in _syllables(span)])


def _event_moment(words: list[str]) -> bool:
    """Folded ``words`` open with a moment told by its event: "khi", or "kể từ / sau / trước / cho
    đến / ngay / chỉ … khi", then at least two words of the event."""
    at = words.index("khi") if "khi" in words[:4] else -1
    return at >= 0 and len(words) > at + 2 and all(w in _BEFORE_EVENT for w in words[:at])


# Function words that end the noun a "<noun> nào" asks, folded, without those whose fold is also a
# noun's syllable ("cơ quan" folds to "co", "chủ thể" to "the", "đô thị" to "do").
# (and the prepositions a relation asks by: "báo cáo trước | cơ quan nào", "chuyển qua | ban nào")
_NOUN_STOPS = (FUNCTION_WORDS - {"co", "the", "do", "tu", "so"}) | {"truoc", "boi", "qua"}


@dataclass(frozen=True)
class Slot:
    """A question cut at its question word: the words before (``left``), the question word
    (``wh``), the counted noun after "bao nhiêu"/"mấy" (``noun``) and the words after (``right``),
    all folded syllables."""
    left: tuple[str, ...]
    wh: str
    noun: str
    right: tuple[str, ...]
    asked: tuple[str, ...] = ()  # the noun a "<noun> nào" asks ("cơ quan trung ương"): no word to find
    # the answer ends before the first word that opens a phrase of its own ("trong công tác …"):
    # an English question's anchor stands on one side only, its other words in another order
    open_end: bool = False
    # read without the question's "vào" ("vào lúc nào"): only a moment told by its event stands there
    # (or the time clause a sentence opens with, ``fronted_time``, read as with "vào")
    event_only: bool = False


def _syllables(text: str) -> list[tuple[str, int, int]]:
    return [(fold(m.group(0)).lower(), m.start(), m.end()) for m in _WORD.finditer(text)]


def wh_slots(question: str, kind: str, compounds: frozenset[str] | set[str] = frozenset(),
             expand=lambda w: [w]) -> list[Slot]:
    """Where the question word of a ``kind`` question stands: one reading per length of the noun a
    "<noun> nào" names ("Bộ nào", "những kỳ hạn nào"), none when there is no single question word.
    ``compounds``: the question's words of several syllables (folded), so that the noun counted by
    "bao nhiêu thành viên" is "thành viên", not "thành"."""
    syl = _syllables(question)
    # a comma closes what comes before it: a frame ("Trong xây dựng nông thôn mới ở xã Bình Lư, ai
    # giữ vai trò chủ thể?") or a law named ("Theo Luật Thanh niên, tổ chức nào …")
    comma = {i for i in range(1, len(syl)) if "," in question[syl[i - 1][2]:syl[i][1]]}
    words, cut = [], set()
    for i, (w, _, _) in enumerate(syl):
        if i in comma:
            cut.add(len(words))
        words += expand(w)
    forms = {"who": _WHO, "target": _HOW_MANY, "when": _WHEN + _HOW_MANY, WHAT: ()}.get(kind)
    if forms is None:
        return []
    hits, i = [], 0
    while i < len(words):
        found = next((f for f in map(str.split, forms) if words[i:i + len(f)] == f), None)
        if found:
            hits.append((i, i + len(found), " ".join(found)))
            i += len(found)
            continue
        if words[i] == _WHICH and 0 < i:
            hits.append((i, i + 1, _WHICH))  # "<noun> nào" (the noun: the kind of thing asked)
        elif kind == "who" and _asks_where(words, i):
            hits.append((i, i + 1, _WHERE))  # "phải đăng ký tại đâu" ↔ "phải đăng ký tại Ủy ban …"
        i += 1
    if len(hits) != 1:
        return []  # none, or two question words: no single place to read
    s, e, form = hits[0]
    noun = ""
    if form in _HOW_MANY and e < len(words) and words[e] not in HIGHLIGHT_STOPWORDS:
        n = max((k for k in (2, 3) if " ".join(words[e:e + k]) in compounds), default=1)
        noun, e = " ".join(words[e:e + n]), e + n
    right = tuple(_without_frame(words[e:]))
    if form != _WHICH:
        slots = [Slot(() if s in cut else tuple(words[:s]), form, noun, right)] + _passive(kind, form, s, right)
        if form in _MOMENT_WH and s > 1 and words[s - 1] == "vao" and s - 1 not in cut:
            # "được cấp … vào lúc nào" ↔ "được cấp … sau khi tốt nghiệp": the statement's own time
            # word stands where the question's "vào" does
            slots.append(Slot(tuple(words[:s - 1]), form, noun, right, event_only=True))
        return slots
    # the asked noun: the content syllables before "nào" ("cơ quan trung ương nào", "những kỳ hạn
    # nào"); the words before it are the question's (a shorter noun left "cơ quan" of "cơ quan
    # trung ương nào" as context, read "ngang bộ" of "cơ quan ngang bộ")
    at = s
    while at > 0 and s - at < MAX_NOUN and words[at - 1] not in _NOUN_STOPS and at not in cut:
        at -= 1
    while at > 0 and words[at - 1] in ("nhung", "cac") and at not in cut:
        at -= 1
    return [Slot(() if at in cut else tuple(words[:at]), form, "", right, tuple(words[at:s]))]


# English: the word a who-question's answer stands next to in the Vietnamese statement. "whose
# role" is "vai trò của <answer>", "skills for whom" "kỹ năng … cho <answer>", "coordinate with"
# (stranded) "phối hợp với <answer>", "who is encouraged to invest" "khuyến khích <answer> đầu tư".
_EN_PREPOSITIONS = {"for": ("cho",), "with": ("voi",), "of": ("cua",)}
_EN_AUX = frozenset("does do did is are was were must should shall will would can could may might has have "
                    "had need needs to be being been in on at by from".split())
_EN_WH = frozenset(("who", "whom", "whose"))
MAX_EN_PHRASE = 3


# Whom one answers to ("to whom … accountable / report"): the Vietnamese words before the answer.
_ACCOUNTABLE_TO = (("trach", "nhiem", "truoc"),)
_REPORTS_TO = (("bao", "cao", "truoc"), ("cong", "tac", "truoc"))
_ANSWERS_TO = {"accountable": _ACCOUNTABLE_TO, "answerable": _ACCOUNTABLE_TO, "responsible": _ACCOUNTABLE_TO,
               "report": _REPORTS_TO, "reports": _REPORTS_TO}


# Words after a stranded preposition ("coordinate with | under the plan"): no object of it.
_AFTER_STRANDED = frozenset("under in according during by at on as when after before to".split())


def _stranded(words: list[str], i: int) -> int | None:
    """Index of the preposition a "who(m)" question leaves at its verb's end, if any."""
    for k in range(i + 3, len(words)):
        if words[k] in _EN_PREPOSITIONS and words[k - 1] not in _EN_AUX and \
                (k + 1 == len(words) or words[k + 1] in _AFTER_STRANDED):
            return k
    return None


def _senses(words: list[str], translate) -> list[tuple[str, ...]]:
    """Folded syllables of each Vietnamese sense of the longest glossary phrase ending the words
    (``translate``: English words -> Vietnamese senses, the glossary's lookup)."""
    for n in range(min(MAX_EN_PHRASE, len(words)), 0, -1):
        senses = translate(words[-n:])
        if senses:
            return [tuple(fold(v).lower().split()) for v in senses]
    return []


def english_slots(question: str, translate) -> list[Slot]:
    """Where the answer of an English who-question stands in a Vietnamese statement, by the word
    it governs or is governed by: one slot per Vietnamese sense of that word, read in the
    statement's order (``translate``: a list of English words -> their Vietnamese senses)."""
    words = re.findall(r"[a-z]+", question.lower().replace("’", "'").replace("'s", ""))
    wh = [i for i, w in enumerate(words) if w in _EN_WH]
    if len(wh) != 1:
        return _asking_subject(question, words, translate)
    i = wh[0]
    out: list[Slot] = []
    if words[i] == "whose":  # "whose role does the plan promote …": "vai trò của …"
        j = i + 1
        while j < len(words) and j - i <= MAX_EN_PHRASE and words[j] not in _EN_AUX:
            j += 1
        noun = words[i + 1:j]
        out = [Slot(sense + ("cua",), "ai", "", (), open_end=True) for sense in _senses(noun, translate)] if noun else []
    elif i >= 1 and words[i - 1] == "to" and (owed := [w for w in words[i + 1:] if w in _ANSWERS_TO]):
        # "to whom is a Deputy Prime Minister accountable": "chịu trách nhiệm trước …"; "to whom
        # does the Chief Justice report": "báo cáo công tác trước …"
        out = [Slot(sense, "ai", "", (), open_end=True) for sense in _ANSWERS_TO[owed[0]]]
    elif i >= 2 and words[i - 1] in _EN_PREPOSITIONS and words[i - 2] not in _EN_AUX:
        # "… digital skills for whom?": "kỹ năng số cho …"
        head = words[max(0, i - 1 - MAX_EN_PHRASE):i - 1]
        out = [Slot(sense + _EN_PREPOSITIONS[words[i - 1]], "ai", "", (), open_end=True)
               for sense in _senses(head, translate)]
    elif (k := _stranded(words, i)) is not None:
        # "whom should the commune coordinate with (under the plan)?": "phối hợp với …"
        out = [Slot(sense + _EN_PREPOSITIONS[words[k]], "ai", "", (), open_end=True)
               for sense in _senses(words[:k], translate)]
    elif "to" in words[i + 1:]:
        # "Who is encouraged to invest …", "Who does the plan encourage to invest …": "khuyến
        # khích <answer> đầu tư"
        t = words.index("to", i + 1)
        if t + 1 < len(words) and t - 1 > i and words[t - 1] not in _EN_AUX:
            verb, after = _senses(words[t - 1:t], translate), _senses(words[t + 1:t + 2], translate)
            out = [Slot(v, "ai", "", a) for v in verb for a in after]
    return out or _asking_subject(question, words, translate)


def _asking_subject(question: str, words: list[str], translate) -> list[Slot]:
    """The subject slots (``_subject_slots``) of a question that opens with "who" or "which", or asks
    with it after the frame naming its law ("Under the Education Law, who certifies …")."""
    if not _OPENS_WH.search(question):
        return []
    i = next(i for i, w in enumerate(words) if w in ("who", "which"))
    return _subject_slots(words, i, translate)


_OPENS_WH = re.compile(r"(?:^|,)\s*(?:who|which)\b", re.IGNORECASE)


# Words of an English "which <noun>" that name the kind of unit asked, and the articles before an object.
_EN_UNIT_NOUNS = frozenset("body bodies agency agencies authority authorities ministry ministries court courts "
                           "organ organs council councils committee committees unit units office person official "
                           "level organisation organization".split())
_EN_ARTICLES = frozenset("the a an its their his her".split())
MAX_SUBJECT_SLOTS = 12
_EN_HOLDERS = frozenset("responsible accountable charged tasked entitled eligible allowed permitted required obliged "
                        "in".split())


def _phrase_from(words: list[str], translate) -> tuple[list[tuple[str, ...]], int]:
    """The Vietnamese senses (folded syllables) of the longest glossary phrase opening ``words``, and
    its length in words."""
    for n in range(min(MAX_EN_PHRASE, len(words)), 0, -1):
        senses = translate(words[:n])
        if senses:
            return [tuple(fold(v).lower().split()) for v in senses], n
    return [], 0


def _subject_slots(words: list[str], i: int, translate) -> list[Slot]:
    """"Who signs the employment contract …?", "Which body issues environmental permits …?": the
    answer is the subject of the verb, which the Vietnamese statement puts before it ("người đứng
    đầu … | ký hợp đồng làm việc"). One slot per sense of the verb and of its object."""
    j = i + 1
    if words[i] == "which":
        while j < len(words) and j - i <= MAX_EN_PHRASE and words[j] not in _EN_UNIT_NOUNS:
            j += 1
        if j >= len(words) or words[j] not in _EN_UNIT_NOUNS:
            return []
        j += 1
    while j < len(words) and words[j] in _EN_AUX:
        j += 1
    if j < len(words) and words[j] in _EN_HOLDERS:
        return []  # "who is responsible for …", "who is entitled to …": the actors' and rights' questions
    verbs, n = _phrase_from(words[j:], translate)
    if not verbs:
        return []
    j += n
    while j < len(words) and words[j] in _EN_ARTICLES:
        j += 1
    objects, _ = _phrase_from(words[j:], translate)
    out = [Slot((), "ai", "", v + o) for v in verbs for o in objects] + [Slot((), "ai", "", v) for v in verbs]
    return out[:MAX_SUBJECT_SLOTS]


def _passive(kind: str, form: str, s: int, right: tuple[str, ...]) -> list[Slot]:
    """"Ai được ưu tiên hỗ trợ tiếp cận vốn …?" is said actively: "… ưu tiên hỗ trợ đồng bào dân tộc
    thiểu số, hộ có hoàn cảnh khó khăn tiếp cận các nguồn vốn …": the one who undergoes the verb
    stands after it. One reading per length of the verb (one to four syllables)."""
    if kind != "who" or s != 0 or form not in ("ai", "nhung ai") or not right:
        return []
    if right[0] not in ("duoc", "bi"):
        # "Ai quy định nhiệm vụ, quyền hạn của X?" said passively: "Nhiệm vụ, quyền hạn của X do
        # Thủ tướng Chính phủ quy định" — the object before "do", the verb after the answer
        return [Slot(right[k:] + ("do",), form, "", right[:k]) for k in (1, 2) if len(right) > k + 1]
    rest = right[1:]
    return [Slot(rest[:k], form, "", rest[k:]) for k in range(1, min(4, len(rest) - 1) + 1)]


# The nouns a "<noun> nào" asks with that name people or bodies, or times: the kind of an answer a
# question the classifier reads as general asks ("… giữa những chủ thể nào?", "… theo những kỳ hạn
# nào?"), folded.
_WHO_NOUNS = frozenset("chu the|doi tuong|thanh phan|co quan|to chuc|don vi|ca nhan|luc luong|nguoi|ben".split("|"))
_WHEN_NOUNS = frozenset("ky han|thoi diem|thoi han|giai doan|thoi ky|dip".split("|"))


# A thing a "<noun> nào" asks that is neither people nor a time ("biểu quyết theo nguyên tắc nào" ↔
# "biểu quyết theo đa số", "theo kế hoạch nào" ↔ "theo kế hoạch hằng năm"): a short noun phrase.
WHAT = "what"
MAX_WHAT = 8  # syllables of such an answer


def asked_kind(question: str) -> str | None:
    """"who" or "when" for a question whose "<noun> nào" names people or bodies, or a time; "who"
    for one that asks where a thing is done or sent ("tại đâu", ``_WHERE``); ``WHAT`` for another
    noun's "nào"."""
    words = [w for w, _, _ in _syllables(question)]
    for i, w in enumerate(words):
        if _asks_where(words, i):
            return "who"
        if w == _WHICH and i:
            for n in (2, 1):
                noun = " ".join(words[max(0, i - n):i])
                if noun in _WHO_NOUNS:
                    return "who"
                if noun in _WHEN_NOUNS:
                    return "when"
    return WHAT if any(w == _WHICH and i and words[i - 1] not in _NOUN_STOPS for i, w in enumerate(words)) else None


def _without_frame(words: list[str]) -> list[str]:
    """The question's words after its question word without a closing frame naming the document
    ("… theo Hiến pháp 2013", "… theo Luật Viên chức"): a statement does not repeat it."""
    for i, w in enumerate(words):
        if w == "theo" and i > 0:
            return words[:i]
    return words


@dataclass(frozen=True)
class Reading:
    """An answer read in a sentence: its span (offsets into the text given to ``align``) and how
    many content syllables of the question stand next to it."""
    start: int
    end: int
    anchored: int
    sides: int  # 2: the question's words found on both sides of the answer, 1: on one
    matched: int = 0  # syllables of the question found next to it, function words too

    @property
    def closeness(self) -> tuple[int, int, int]:
        return self.sides, self.anchored, self.matched


ONE_SIDE = 3  # content syllables one side must hold when the other side's words are not found


# A time clause a sentence opens with, before its subject: "Sau khi được bầu, Chủ tịch nước … phải
# tuyên thệ …" (the marker of a list point aside); closed by its comma or by the "thì" that opens
# the statement ("Khi viên chức chuyển công tác … thì chấm dứt hợp đồng làm việc …").
_FRONTED_TIME = re.compile(r"(?:\d{1,2}[.)]\s*|[a-zđ]\)\s*)?((?:Sau khi|Trước khi|Ngay sau khi|Kể từ khi|Khi|Trong thời hạn|"
                           r"Chậm nhất|Trước ngày|Kể từ ngày)\s[^,;:.\n]{2,120}?)(?:,\s*|\s+thì\s+)")
FRONTED_ANCHOR = 4  # content syllables of the question the rest of such a sentence must open with


def fronted_time(slot: Slot, text: str, start: int, end: int) -> Reading | None:
    """The time clause the sentence ``text[start:end]`` opens with, when the question asks a time at
    its end ("Chủ tịch nước … phải tuyên thệ trung thành với Tổ quốc vào thời điểm nào?") and the
    rest of the sentence opens with the question's words before its question word, in order; or
    when the question opens with its time word as the sentence does with its clause ("Khi nào phải
    xem xét việc bổ nhiệm lại …?" ↔ "Khi viên chức quản lý hết thời hạn giữ chức vụ quản lý, phải
    xem xét bổ nhiệm lại …") and the rest opens with the question's words after it."""
    if slot.right and slot.left or not (slot.left or slot.right):
        return None
    m = _FRONTED_TIME.match(text, start, end)
    if not m:
        return None
    rest = [w for w, _, _ in _syllables(text[m.end():end])]
    found, matched = _run(list(slot.left or slot.right), rest)
    if found < FRONTED_ANCHOR:
        return None
    return Reading(m.start(1), m.end(1), found, 1, matched)


def align(slot: Slot, text: str, start: int, end: int, kind: str) -> Reading | None:
    """The best answer of ``slot`` in the sentence ``text[start:end]``: the question's words found
    next to it on both sides, or on one side (at least ``ONE_SIDE`` content syllables) with the
    answer running to the clause's edge on the other; for a time, also the clause the sentence
    opens with (``fronted_time``)."""
    syl = _syllables(text[start:end])
    if not syl:
        return None
    if kind == "when":
        fronted = fronted_time(slot, text, start, end)
        if fronted is not None:
            return fronted
    words = [w for w, _, _ in syl]
    n = len(words)
    if kind == "who" and slot.asked and slot.right:
        named = _named_by_copula(slot, syl, words, text, start)
        if named is not None:
            return named
    before = list(reversed(slot.left))
    cands = []
    lefts = [_run(before, words[p - 1::-1] if p else []) if slot.left else (0, 0) for p in range(n + 1)]
    if kind == "who" and slot.left and slot.left[-1] not in _AGENT:
        # an active question, a passive statement: "… thì ai cấp giấy chứng nhận …?" ↔ "… thì được
        # hiệu trưởng nhà trường cấp giấy chứng nhận …" (the agent's "được", "do", "bởi" passed)
        lefts = [max(found, _run(before, words[p - 2::-1], pairs=True) if p > 1 and words[p - 1] in _AGENT else (0, 0))
                 for p, found in enumerate(lefts)]
    noun = slot.noun.split()
    said = [bool(noun) and words[q:q + len(noun)] == noun for q in range(n + 1)]  # the counted noun follows
    rights = [_run(list(slot.right), words[q + len(noun):] if said[q] else words[q:]) if slot.right else (0, 0)
              for q in range(n + 1)]
    for p in range(n + 1):
        a, ra = lefts[p]
        for q in range(p + 1, min(n, p + MAX_SLOT) + 1):
            b, rb = rights[q]
            sides = (a > 0) + (b > 0)
            # every side the question has must be found, or one side hold ONE_SIDE words
            if a + b < LOOSE_ANCHOR or sides == 0 or (sides < bool(slot.left) + bool(slot.right) and a + b < ONE_SIDE):
                continue
            if kind == WHAT and slot.left and a == 0:
                continue  # a thing asked stands after the words that govern it ("theo | nguyên tắc nào")
            p0, q0 = p, q
            if a == 0:
                p0 = _clause_start(syl, text, start, q)
                if kind == "who":
                    p0 = _listed(syl, text, start, p0, q)
            if b == 0:
                # (an event's clause ends at its comma too: "sau khi … chương trình giáo dục | , đạt
                # chuẩn đầu ra …")
                event = kind == "when" and slot.wh in _MOMENT_WH and _event_moment(words[p:p + 6])
                q0 = _clause_edge(syl, text, start, p, n, _EVENT_CLAUSE_END if event else _CLAUSE_END)
                if slot.open_end:
                    q0 = _phrase_end(syl, text, start, p, q0)
                if q0 > p + MAX_SLOT:
                    continue
            if q0 <= p0:
                continue
            cands.append((sides, a + b, ra + rb, -(q0 - p0), p0, q0))
    # the closest reading whose slot holds what the kind asks: "… không biết chữ | hoặc bị khuyết
    # tật … thì người tiếp nhận … | có trách nhiệm giúp điền …" holds a clause, the one-sided "thì |
    # người tiếp nhận yêu cầu cung cấp thông tin | có trách nhiệm …" the answer
    for cand in sorted(set(cands), reverse=True)[:MAX_READINGS if kind == "who" else 1]:
        read = _reading(cand, syl, words, said, noun, slot, text, start, kind)
        if read is not None:
            return read
    return None


MAX_MODIFIER = 6  # syllables a statement's subject adds to the question's noun ("Cơ quan | thi hành án dân sự")


def _named_by_copula(slot: Slot, syl, words: list[str], text: str, start: int) -> Reading | None:
    """"<noun> nào <predicate>?" answered by the statement that names it after "là": "Tòa án nào có
    thẩm quyền?" ↔ "… thì Tòa án có thẩm quyền là Tòa án nơi có chứng cứ cần được thu thập";
    "Cơ quan nào có thẩm quyền thi hành quyết định …?" ↔ "Cơ quan thi hành án dân sự có thẩm quyền
    thi hành quyết định … là Cơ quan thi hành án dân sự tỉnh, …". The law defines the body by its
    predicate and names it last, where no question word stands. The noun asked opens the subject
    (up to ``MAX_MODIFIER`` syllables of its own before the predicate); the predicate's first words,
    at least ``ONE_SIDE`` content syllables of them (or all it has), follow in order and then "là";
    the answer runs from there to the clause's end. The support gate judges the rest."""
    noun, right = list(slot.asked), list(slot.right)
    content = [w for w in right if w not in FUNCTION_WORDS]
    need = min(len(content), ONE_SIDE)
    if not need:
        return None
    n = len(words)
    for p in range(n - len(noun)):
        if words[p:p + len(noun)] != noun:
            continue
        for gap in range(MAX_MODIFIER + 1):
            at = p + len(noun) + gap
            i = found = 0
            while i < len(right) and at + i < n and words[at + i] == right[i]:
                found += right[i] not in FUNCTION_WORDS
                i += 1
            if found >= need and at + i < n and words[at + i] == "la" and \
                    not any(_CLAUSE_END.search(text[start + syl[k - 1][2]:start + syl[k][1]])
                            for k in range(p + 1, at + i + 1)):
                a = at + i + 1
                b = _clause_edge(syl, text, start, a, n)
                if b <= a or b - a > 2 * MAX_SLOT:
                    return None  # (a body named with its place is long: "… tỉnh, thành phố … nơi …")
                s, e = start + syl[a][1], start + syl[b - 1][2]
                head = _clause_edge(syl, text, start, a, b, _EVENT_CLAUSE_END)  # (its name, before a comma)
                if not _fits("who", text[s:start + syl[min(head, a + MAX_SLOT) - 1][2]]):
                    return None
                return Reading(s, e, found + len(noun), 1, i + len(noun))
    return None


_COPULA_SYLLABLE = re.compile(r"(?<!\w)la(?!\w)")  # "là", folded


def copula_named(slots: list[Slot], text: str, start: int, end: int) -> Reading | None:
    """The body a "<noun> nào <predicate>?" question asks, named after "là" in ``text[start:end]``
    (``_named_by_copula``), by the first of ``slots`` that reads one. (A text with no "là" is passed
    over before it is cut into syllables: the scorer asks this of every item's quote.)"""
    if not _COPULA_SYLLABLE.search(fold(text[start:end]).lower()):
        return None
    syl = _syllables(text[start:end])
    words = [w for w, _, _ in syl]
    for slot in slots:
        if slot.asked and slot.right:
            read = _named_by_copula(slot, syl, words, text, start)
            if read is not None:
                return read
    return None


_JOINED_PREDICATE = re.compile(r"\s+và\s+(?=(?:được|phải|bị|có|không|đã|sẽ|chịu)(?!\w))")
MAX_READINGS = 3  # readings of one sentence tried for a name, closest first (a time or a value: the closest
# only — "sau khi sự kiện làm gián đoạn chấm dứt" is a moment of the sentence, not the one asked)


def _reading(best: tuple, syl, words: list[str], said: list[bool], noun: list[str], slot: Slot, text: str,
             start: int, kind: str) -> Reading | None:
    """The span of one alignment ``best`` (see ``align``), if it fits the kind asked."""
    n = len(words)
    sides, anchored, matched, _, p, q = best
    q_end = q + (len(noun) if q < n and said[q] else 0)
    if kind in ("target", "when"):
        p = _qualified(words, p)
        while p < q - 1 and words[p] in _LEADING:
            p += 1  # "tương đương với 500 kg": "500 kg"
    if kind == "who" and not slot.left and p < q - 1 and words[p] in _AGENT:
        p += 1  # a passive's agent: "… thì được | người đứng đầu … | cấp bằng tốt nghiệp …"
    s, e = start + syl[p][1], start + syl[q_end - 1][2]
    if kind == "who":
        # a verb that opens the predicate the question's verb goes on: "Bộ Khoa học và Công nghệ | tổ
        # chức | thực hiện chương trình …" (not the noun of a list: "… và các tổ chức")
        m = _PRE_VERB.search(text, s, e)
        if m and m.end() == e and m.start() > s and not _DETERMINED.search(text, s, m.start()):
            e = m.start()
    s = s + _marker_len(text[s:e])
    if kind == "target":
        e = closed_end(text, e)
    lead = text[start:s]
    opens = not lead.strip() or bool(_MARKER.fullmatch(lead))  # (the sentence's first word: capitalised anyway)
    if kind == "when" and slot.wh in _MOMENT_WH and _told_by_event(text[s:e]):
        # an event's clause ends where the sentence goes on with its own predicate ("từ khi người đó
        # sinh ra | và chấm dứt khi …", "trước khi lưu thông trên thị trường | phải đáp ứng …"), not
        # at a second moment ("sau khi tốt nghiệp … hoặc sau khi hoàn thành …")
        m = next((m for m in _EVENT_END.finditer(text, s, e) if _told_by_event(text[s:m.start()])), None)
        e = m.start() if m else e
    if kind == "when" and e > s and not _fits(kind, text[s:e], slot.noun, slot.wh, opens):
        # a time the sentence goes on from with another predicate: "cho đến khi hết thời hạn | và
        # được gia hạn, cấp lại …"
        joined = _JOINED_PREDICATE.search(text, s, e)
        e = joined.start() if joined else e
    if kind == WHAT and e > s and not _fits(kind, text[s:e], slot.noun, slot.wh, opens):
        # a thing the sentence goes on from with another verb: "theo thủ tục rút gọn | và thông báo …"
        joined = next((m for m in re.finditer(r"\s+và\s+", text[s:e]) if _VERB_OPENS.match(text, s + m.end())), None)
        e = s + joined.start() if joined else e
    if e <= s or not _fits(kind, text[s:e], slot.noun, slot.wh, opens):
        return None
    if slot.event_only and not _told_by_event(text[s:e]):
        return None
    if kind == "when" and _other_bound(slot.left, text[s:e]):
        return None
    return Reading(s, e, anchored, sides, matched)


# The bound a when-question's words before its question word ask, and the words a time opens with
# when it is the other bound: "bắt đầu từ thời điểm nào" (from) is not "cho đến khi kết thúc" (until).
_FROM = frozenset({"tu", "ke tu", "bat dau", "bat dau tu"})
_TO = frozenset({"den", "cho den", "toi"})
# (a moment before an event bounds from above too: "từ thời điểm nào" is not "trước khi kết hôn")
_UNTIL = re.compile(r"^\s*(?:cho đến|đến|tới|cho tới|trước khi)(?!\w)", re.IGNORECASE)
_SINCE = re.compile(r"^\s*(?:kể từ|từ|bắt đầu từ)(?!\w)", re.IGNORECASE)


def _other_bound(left: tuple[str, ...], span: str) -> bool:
    """The slot holds the other bound of a period than the question's words before it ask."""
    tail = {" ".join(left[-n:]) for n in (1, 2, 3) if len(left) >= n}
    if tail & _FROM:
        return bool(_UNTIL.match(span))
    if tail & _TO:
        return bool(_SINCE.match(span))
    return False


# Words before a number or a time that are part of it: "không quá 30 ngày", "kể từ ngày ban hành",
# "trước khi kết thúc", "ít nhất hai phần ba" (folded, longest first).
_QUALIFIERS = tuple(tuple(x.split()) for x in (
    "khong qua", "khong duoi", "toi da", "toi thieu", "it nhat", "cham nhat", "som nhat", "ke tu", "cho den", "tu", "truoc",
    "sau", "den", "tren", "duoi", "hon", "vao", "trong"))


_VERB_OPENS = re.compile(r"(?:" + "|".join(map(re.escape, VERBS)) + r")(?!\w)")
_UPWARD = re.compile(r"\s+trở (?:lên|xuống)(?!\w)")


def closed_end(text: str, e: int) -> int:
    """The end of a value with its "trở lên"/"trở xuống" ("từ 02 đơn vị … cấp tỉnh trở lên")."""
    m = _UPWARD.match(text, e)
    return m.end() if m else e


# A document's code is no unit, though written in capitals: "06-NQ/TU" read after its number ("sơ
# kết Nghị quyết 06" asked: "… Nghị quyết số 06-NQ/TU"), "KH/UBND", "NQ-CP".
# (a document's kind opens it: "HĐND/UBND các xã", "MTTQ/ĐTN", "CA/QS" are pairs of bodies)
_DOC_CODE = re.compile(r"(?:NQ|KL|QĐ|KH|CT|TB|TT|NĐ|BC|CV|HD)(?:[/-][A-ZĐƯ]{1,8})+(?![\w/-])")

# Words no name opens with: a passive or a modal ("Bị thu hồi …", "Được …", "Phải …").
_NOT_NAMES = frozenset("bị được do bởi phải cần nếu khi trong theo".split())

# Verbs that are also nouns or parts of names in a list of people or bodies ("Thư ký phiên tòa",
# "doanh nghiệp, tổ chức", "lãnh đạo"): no evidence of a clause.
_NOUN_LIKE = frozenset("ký|tổ chức|có|là|được|theo|làm|lập|cử|bàn|nắm|trình|gửi|quản lý|lãnh đạo|tham gia|"
                       "thường xuyên|định kỳ|căn cứ".split("|"))


def _inner_predicate(span: str) -> bool:
    """A predicate verb inside the span makes it a clause ("Văn phòng Tỉnh ủy tham mưu Ban …")."""
    at = first_verb(span, 0, len(span))
    if at is not None and span[:at].split() in (["người"], ["Người"], ["bên"], ["Bên"]):
        return False  # the verb names the person: "người tiếp nhận yêu cầu …", "bên yêu cầu tham vấn"
    while at is not None:
        m = _VERB_OPENS.match(span, at)
        # (a competence names who: "người có thẩm quyền chứng thực của Uỷ ban nhân dân cấp xã")
        if m and m.group(0) not in _NOUN_LIKE and not span[:at].rstrip().endswith("thẩm quyền"):
            return True
        at = first_verb(span, at + (len(m.group(0)) if m else 1), len(span))
    return False


_LEADING = frozenset("voi la bang cua".split())


def _qualified(words: list[str], p: int) -> int:
    """The answer's first syllable moved back over the qualifiers before it (``_QUALIFIERS``)."""
    moved = True
    while moved:
        moved = False
        for qual in _QUALIFIERS:
            k = len(qual)
            if p - k >= 0 and tuple(words[p - k:p]) == qual:
                p, moved = p - k, True
                break
    return p


# A preposition of time the question puts before its question word where the sentence says
# another ("phát sinh hiệu lực vào | thời điểm nào" against "có hiệu lực từ | thời điểm giao kết").
_TIME_PREPOSITIONS = frozenset({"vao"})
# "at" a moment, said either way ("có quốc tịch vào | thời điểm nào" against "… tại | thời điểm lập …").
_AT_TIME = frozenset({"vao", "tai"})
# A passive's agent marker, said one way or another ("do ai quyết định" against "phải được Bộ
# trưởng … quyết định").
_AGENT = frozenset({"do", "duoc", "boi"})
# An obligation, said one way or another: a question's "phải" ("ai phải thông báo cho …") is the
# law's "có trách nhiệm" or "có nghĩa vụ" ("… công an cấp xã nơi chuyển đi có trách nhiệm thông báo
# cho …"), folded; read in both directions (the words before the answer are read outward, reversed).
# "cần" only in a question: folded, a sentence's "can" is as often "cán bộ".
_OBLIGATIONS = ("phai", "co trach nhiem", "co nghia vu")
_ASKED_OBLIGATIONS = (*_OBLIGATIONS, "can")
_OBLIGATION_RUNS = tuple(tuple(o.split()) for o in _OBLIGATIONS)
_ASKED_OBLIGATION_RUNS = tuple(tuple(o.split()) for o in _ASKED_OBLIGATIONS)


def _obligation(words: list[str], i: int, runs: tuple[tuple[str, ...], ...]) -> int:
    """The syllables of an obligation phrase (``_OBLIGATIONS``) at ``words[i]``, read forward or
    reversed; 0 when none stands there."""
    for run in runs:
        for form in (run, run[::-1]):
            if tuple(words[i:i + len(form)]) == form:
                return len(form)
    return 0


def _run(question: list[str], sentence: list[str], pairs: bool = False) -> tuple[int, int]:
    """Content syllables of ``question`` found in order at the start of ``sentence`` (both read
    outward from the answer): the first must be there, and up to two words the sentence adds
    ("có hiệu lực kể từ" for "có hiệu lực từ") or the question adds ("phải", "được"; two at once
    when the question reorders: "bắt đầu được tính từ" for "được bắt đầu từ") are passed; with
    ``pairs`` (a passive statement read for an active who-question), also two words the sentence adds
    at once ("thi không đạt yêu cầu thì" for "thi không đạt thì")."""
    i = j = found = matched = 0
    extra_s = extra_q = 0
    while i < len(question) and j < len(sentence):
        k = _obligation(question, i, _ASKED_OBLIGATION_RUNS)
        m = _obligation(sentence, j, _OBLIGATION_RUNS) if k else 0
        if m and question[i:i + k] != sentence[j:j + m]:
            # "phải" asked, "có trách nhiệm" said ("có nghĩa vụ" asked, "có trách nhiệm" said: before the
            # shared "có" is matched alone)
            matched, i, j = matched + 1, i + k, j + m
            continue
        if question[i] == sentence[j] or (question[i] in _AGENT and sentence[j] in _AGENT) or \
                (question[i] in _AT_TIME and sentence[j] in _AT_TIME):
            found += question[i] not in FUNCTION_WORDS
            matched += 1
            i, j = i + 1, j + 1
        elif i and extra_s < 2 and j + 1 < len(sentence) and sentence[j + 1] == question[i]:
            extra_s, j = extra_s + 1, j + 1
        elif pairs and i and not extra_s and j + 2 < len(sentence) and sentence[j + 2] == question[i]:
            extra_s, j = 2, j + 2  # two words the sentence adds at once ("thi không đạt yêu cầu thì" / "thi không đạt thì")
        elif extra_q < 2 and i + 1 < len(question) and question[i + 1] == sentence[j] and \
                (i or question[i] in FUNCTION_WORDS or question[i] in _TIME_PREPOSITIONS):
            extra_q, i = extra_q + 1, i + 1
        elif i and not extra_q and i + 2 < len(question) and question[i + 2] == sentence[j]:
            extra_q, i = 2, i + 2  # two words the question adds at once ("bắt đầu được tính từ" / "được bắt đầu từ")
        else:
            break
    return found, matched - extra_s  # (a word the sentence adds makes the reading a little less close)


def _clause_edge(syl, text: str, base: int, p: int, n: int, ends: re.Pattern = _CLAUSE_END) -> int:
    """The syllable index where the clause holding syllable ``p`` ends (";", ":", ".", a line; or
    what ``ends`` matches)."""
    for i in range(p + 1, n):
        gap = text[base + syl[i - 1][2]: base + syl[i][1]]
        if ends.search(gap):
            return i
    return n


# Words that open a phrase after a list of people or bodies ("… cộng đồng dân cư | trong công tác
# bảo vệ môi trường"), as written.
_PHRASE_OPENS = frozenset("trong để nhằm tại theo về khi bằng trên ở vào thông đối góp tham".split())


def _phrase_end(syl, text: str, base: int, p: int, q: int) -> int:
    """The syllable index where a list of names starting at ``p`` ends before ``q``: at the first
    word that opens a phrase of its own ("trong", "để", "tham gia" …) or a predicate ("… doanh
    nghiệp lữ hành | xây dựng chương trình …")."""
    for i in range(p + 1, q):
        word = text[base + syl[i][1]:base + syl[i][2]]
        if word.lower() in _PHRASE_OPENS:
            return i
        verb = _VERB_OPENS.match(text, base + syl[i][1])
        if verb and word.islower() and verb.group(0) not in _NOUN_LIKE and \
                first_verb(text, base + syl[i][1], verb.end()) is not None:
            return i
    return q


# A name that holds a comma of its own: the ministry's, and the bodies named after its field
# ("cơ quan văn hóa, thể thao và du lịch").
_NAME_WITH_COMMA = re.compile(r"văn hóa, thể thao và du lịch", re.IGNORECASE)


@lru_cache(maxsize=256)
def _names_with_comma(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of ``_NAME_WITH_COMMA`` in a passage, read once per passage (``align`` asks
    ``_clause_start`` for every candidate answer)."""
    return tuple(m.span() for m in _NAME_WITH_COMMA.finditer(text))


def _clause_start(syl, text: str, base: int, q: int) -> int:
    """The syllable index where the clause ending before syllable ``q`` starts."""
    named = _names_with_comma(text)
    for i in range(q, 0, -1):  # (from the gap before the anchor: an answer in another clause is none)
        a, b = base + syl[i - 1][2], base + syl[i][1]
        gap = text[a:b]
        if _CLAUSE_END.search(gap) or ("," in gap and not any(s < a and b < e for s, e in named)):
            return i
        if text[base + syl[i - 1][1]:a].lower() == "thì":
            return i  # "Trường hợp … thì | người tiếp nhận …": the consequent opens a clause
    return 0


# Verbs a predicate opens with before its main verb ("tổ chức thực hiện", "có trách nhiệm hướng dẫn"),
# and the words that make the last of them a noun ("các tổ chức").
_PRE_VERB = re.compile(r"\s+(?:tổ chức|chủ trì|có trách nhiệm|phải|trực tiếp|chỉ đạo)$")
_DETERMINED = re.compile(r"(?:các|những|mọi|và|hoặc|,)\s*$")
# Words no name ends with: a determiner, the list cut after it ("Mặt trận Tổ quốc và các | tổ chức …");
# an auxiliary: the name is another clause's ("… do Chánh án Tòa án đang | giải quyết …").
# (nor a negation: "Cơ quan không | có trách nhiệm …" is a duty the sentence denies)
_NO_NAME_END = frozenset("các những mọi hoặc đang đã sẽ không chưa".split())
# Words that end the phrase before a list's first member ("của các cơ quan, đơn vị"), as written.
_LINKS = frozenset("của cho với để là và thì mà trong tại theo về từ đến khi trên có được do bởi".split())


def _listed(syl, text: str, base: int, p0: int, q: int) -> int:
    """A subject opened at a comma moved back over the list members before it, each a short noun
    phrase after the clause's last function word ("… đặc thù của các cơ quan, đơn vị lựa chọn …":
    "các cơ quan, đơn vị", not "đơn vị")."""
    words = [text[base + a:base + b].lower() for _, a, b in syl]  # (as written: "cơ" is no "có")
    while 0 < p0 < q and "," in text[base + syl[p0 - 1][2]: base + syl[p0][1]]:
        k = p0
        while k > 0 and p0 - k < MAX_NOUN and words[k - 1] not in _LINKS \
                and not _CLAUSE_END.search(text[base + syl[k - 1][2]: base + syl[k][1]]) \
                and (k == p0 or "," not in text[base + syl[k - 1][2]: base + syl[k][1]]):
            k -= 1
        if k == p0 or (k > 0 and words[k - 1] not in _LINKS) or _VERB_OPENS.match(text, base + syl[k][1]):
            break  # (a whole clause before the comma, not a member of the list)
        p0 = k
    return p0


def _marker_len(span: str) -> int:
    m = _MARKER.match(span)
    return m.end() if m else 0


_JOINING = frozenset({"hoac", "va"})
_OPENING_QUALIFIERS = frozenset(q[0] for q in _QUALIFIERS if len(q) == 1)


def _fits(kind: str, span: str, counted: str = "", wh: str = "", opens: bool = False) -> bool:
    """What the slot holds fits the kind asked: a value for a target (the noun counted with it, not
    an article's number), a time for a when, a name for a who."""
    words = [w for w, _, _ in _syllables(span)]
    written = [m.group(0).lower() for m in _WORD.finditer(span)]  # ("ngân" is no "ngàn")
    if not words or len(words) > MAX_SLOT or words[0] in _NO_OPEN or written[0] in _NO_OPEN_WRITTEN:
        return False
    if len(words) > 1 and words[1] in _JOINING and words[0] in _OPENING_QUALIFIERS:
        return False  # "trước hoặc chết cùng thời điểm …": the qualifier of another clause's words
    numbers = [i for i, w in enumerate(written) if w.isdigit() or w in _NUMBER_WRITTEN]
    numbers = [i for i in numbers if not (i and written[i - 1] in _REFERENCE)]  # "Điều 21", "khoản 2"
    if kind in ("target", "when") and counted:
        # "bao nhiêu ngày": a number of days ("10 ngày"), not "một trong các quyết định"; a share
        # answers "bao nhiêu phần" ("một nửa")
        said = f" {counted} " in f" {' '.join(words)} " or (counted == "ngay" and "lam viec" in " ".join(words[-2:]))
        return bool(numbers) and len(words) <= MAX_VALUE and (said or bool(set(written) & _SHARES))
    if kind == "target":
        return bool(numbers) and len(words) <= MAX_VALUE
    if kind == "when" and wh in ("ngay nao", "thang nao", "nam nao"):
        # "ngày nào" asks a day ("ngày 26 tháng 3", "26/3"), not an age range
        unit = wh.split()[0]
        at = words.index("ngay") if "ngay" in words[:3] else -1
        if unit == "ngay" and 0 <= at < len(words) - 1 and not written[at + 1].isdigit() and \
                written[at + 1] not in _NUMBER_WRITTEN and words[at + 1] not in _TIME_WORDS:
            # a day told by an event ("vào ngày người khởi kiện nộp biên lai thu tiền tạm ứng án
            # phí") is longer than a date, as a moment is (below)
            return True
        return len(words) <= MAX_VALUE and (unit in words or bool(re.search(r"\d/\d", span)) or
                                             (unit == "nam" and any(len(w) == 4 and w.isdigit() for w in words)))
    if kind == "when":
        joined = f" {' '.join(words)} "
        # a moment told by an event ("kể từ thời điểm bản án, quyết định của Tòa án, cơ quan nhà
        # nước có thẩm quyền khác có hiệu lực pháp luật") is longer than a value (up to MAX_SLOT);
        # so is one a moment question is answered by with a clause of its own ("sau khi tốt nghiệp
        # cấp học hoặc sau khi hoàn thành chương trình giáo dục", "từ khi người đó sinh ra")
        if " thoi diem " in f" {' '.join(words[:4])} " or (wh in _MOMENT_WH and _event_moment(words)):
            return True
        return len(words) <= MAX_VALUE and (any(w.isdigit() for w in words) or bool(set(written) & _TIME_WRITTEN) or
                                             any(f" {p} " in joined for p in _TIME_PHRASES))
    if kind == WHAT:  # a short noun phrase, no predicate ("đa số", "kế hoạch hằng năm", "nhóm A, nhóm B")
        # (one syllable is most often the rest of a compound the slot cut: "quyết | định")
        return 2 <= len(words) <= MAX_WHAT and not _VERB_OPENS.match(span) and not _inner_predicate(span) and \
            written[-1] not in _LINKS and written[0] not in _NOT_NAMES
    # who: a name (capitalised, or a noun of people or bodies), not a number nor a predicate
    # ("tham mưu Ban Thường vụ …" is what a unit does; "chính đáng của" no one; "Văn phòng Tỉnh ủy
    # tham mưu Ban Thường vụ Tỉnh ủy" a clause)
    return not words[0].isdigit() and not _VERB_OPENS.match(span) and not _DOC_CODE.match(span) and \
        not _inner_predicate(span) and \
        written[-1] not in _LINKS and written[-1] not in _NO_NAME_END and written[0] not in _NOT_NAMES and \
        (written[0] in _HEADS or " ".join(written[:2]) in _HEADS or
         (span[:1].isupper() and (not opens or any(w[:1].isupper() for w in span.split()[1:]))))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The sentences of a passage, each on one line (a line of a document is one paragraph)."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out += sentences(text, pos, pos + len(line))
        pos += len(line) + 1
    return out
