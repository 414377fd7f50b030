"""Who-questions about an action a law (or plan) gives to a body in a sentence of its own, which no
stored responsibility holds: "Bộ trưởng Bộ Tài chính quy định chi tiết khoản này.", "Ủy ban thường
vụ Quốc hội quyết định điều chỉnh mức lãi suất …", "Việc đưa người nghiện … vào cơ sở cai nghiện
bắt buộc do Tòa án nhân dân cấp huyện quyết định", "… do Thủ tướng Chính phủ quyết định thành lập".

The extractor keeps duties (a duty article, "X có trách nhiệm …", a plan's task list); a law's
sentence that says who decides, approves, regulates or grants is often none of these, yet it is
what "Ai quyết định …", "Cơ quan nào cấp …", "Who decides …" ask. The search usually retrieves it
first. This reader finds, in the retrieved passages, the *actor* of a sentence:

- the subject that opens a clause (after its list marker "1.", "a)" or an opening "Trước khi …,"):
  a body's or an official's name (the extractor's unit heads and the laws' own) up to its predicate,
  or a private party's ("Doanh nghiệp …", "Cơ sở …", "Người …") up to the duty it is given
  ("phải", "có trách nhiệm", "có quyền");
- the agent of a passive "… do <body> <verb>" ("do Chánh án Tòa án quyết định"); for the closest
  sentence's reader also one whose name opens in lower case, read up to the asked verb, and the
  agent of the asked action's nominal form ("phải được sự đồng ý của <X>"; ``asked_agents``).

The asked action must be the sentence's: one of the verbs the actor's predicate opens with (not a
light verb "có", "là", "được", nor a role word the who-word itself is translated into) must be a
word of the question. So "ai làm chủ tịch hội đồng …" is not answered by the body that "thành lập"
it, and the item still goes through the same support check (every word of a Vietnamese question
said by the sentence, its headings or its document) and the same margins as stored items.
A sentence that refers back to its clause ("quy định chi tiết khoản này", "mức lãi suất nói trên")
is read with the passage's words before it, which are what "khoản này" means.
"""

from __future__ import annotations

import re
from functools import lru_cache

from indexer.extract.laws import _LAW_HEAD
from indexer.extract.responsibilities import _HEAD, _SUBJECT_STOP
from indexer.extract.roles import _VERB_RE, first_verb
from indexer.extract.text import sentences
from indexer.extract.units import is_generic_unit, normalize_unit
from indexer.text import fold, folded_words

from .relations import _EVERY_MINISTRY, _TITLE, relation_objects

# Verbs that say nothing of the action asked: auxiliaries and the role words a who-word is
# translated into ("who" -> "chủ trì, chịu trách nhiệm"); the roles are read from stored items.
_LIGHT = frozenset(folded_words(v) for v in (
    "có", "là", "được", "phải", "cần", "sẽ", "theo", "căn cứ", "làm", "chủ trì", "phối hợp", "tham mưu",
    "thực hiện", "tổ chức", "triển khai", "chịu trách nhiệm", "trách nhiệm", "thường xuyên", "tích cực",
    "chủ động", "kịp thời", "định kỳ", "khẩn trương", "tiếp tục", "tập trung", "tham gia"))
_NOT_ACTION = frozenset(folded_words(v) for v in ("có", "là", "được", "theo", "căn cứ", "làm"))
_DECIDE = frozenset({"quyet dinh", "cho phep"})
_MARKER = re.compile(r"\s*(?:\d+[.)]|[a-zđ]\)|[-–•+])?\s*")
# An opening circumstance before the subject: "Trước khi mở phiên tòa, …", "Căn cứ …, …", "Chậm
# nhất …, …", "Đối với …, …", "Nếu …, …" (read past each of its commas: ``_after_opening``). Not
# "Theo …,": "Theo yêu cầu của …, Tòa án giao tài sản của người vắng mặt | quản lý" runs a name on
# past a verb no list holds.
_OPENING = re.compile(r"(?:Trước|Sau|Trong|Khi|Căn cứ|Trường hợp|Hằng năm|Hàng năm|Định kỳ|Chậm nhất|Đối với|"
                      r"Trên cơ sở|Ngoài|Nếu|Kể từ|Từ(?!\s+chối)|Đến)\b[^;:.]{0,120}?,\s+")
# (and "được <body> <verb>": "… được Ủy ban nhân dân cấp tỉnh quy hoạch sử dụng ổn định", "được Bộ
# trưởng Bộ Tư pháp cấp Giấy phép thành lập" — a passive whose agent is named right after "được";
# "được cấp" names none, so no actor)
_PASSIVE = re.compile(r"(?<!\w)(?:do|được|bởi)\s+")
_COUNTED_AGENT = re.compile(r"(?:một|hai|ba|bốn|năm|\d{1,2})\s+(?=[A-ZĐ])")
# Words that point back to the clause a sentence belongs to.
_BACK = re.compile(r"(?<!\w)(?:khoản này|điểm này|nói trên|trên đây|quy định tại khoản \d+)(?!\w)", re.I)
# Actions laws give to a body in a sentence of its own that the extractor's verbs (roles.VERBS, the
# vocabulary of plans' tasks) lack: deciding on, approving, granting, appointing, certifying.
_LAW_ACTIONS = ("phê duyệt", "ban hành", "thẩm định", "công nhận", "thu hồi", "chỉ định", "bổ nhiệm",
                "miễn nhiệm", "cách chức", "chứng thực", "giải thể", "cho phép", "điều chỉnh", "xét xử",
                "thụ lý", "hủy bỏ", "đình chỉ", "tạm đình chỉ", "gia hạn", "cấp", "trả", "thanh toán", "chủ tọa",
                "phân công")
# Those that also end a name ("Chủ tịch Quốc hội | chủ tọa …"); not "cấp" ("Ủy ban nhân dân cấp
# tỉnh"), nor words that are a name's own ("điều chỉnh", "trả").
_NAME_ENDS = re.compile(r"\s(" + "|".join(map(re.escape, (
    "chủ tọa", "phê duyệt", "ban hành", "thẩm định", "công nhận", "thu hồi", "chỉ định", "bổ nhiệm",
    "miễn nhiệm", "cách chức", "chứng thực", "giải thể", "xét xử", "thụ lý", "đình chỉ", "cho phép", "ra quyết định",
    "phân công",
    "ra phán quyết", "ra bản án"))) + r")(?!\w)")
_ACTION_RE = re.compile(rf"(?<![\w])({'|'.join(sorted(map(re.escape, _LAW_ACTIONS), key=len, reverse=True))})"
                        rf"(?![\w])|{_VERB_RE.pattern}")
# After a name and a first "verb", a modal opens the real predicate: "Người yêu cầu cung cấp thông
# tin | phải trả chi phí" — the "verb" was part of the subject's name (the requester of information).
# (Not after "khi", "nếu": "ban hành chương trình … sau khi được thẩm định" is a condition.)
_MODAL = re.compile(r"(?<!khi )(?<!nếu )(?<!\w)(?:phải|có trách nhiệm|chịu trách nhiệm|có quyền|không được|"
                    r"có nghĩa vụ)(?!\w)")
MAX_UNIT_CHARS = 90
PREDICATE_CHARS = 40
# How far an opening circumstance may run before the subject (``_after_opening``).
OPENING_CHARS = 200


# The authorities a law names as deciding, approving, granting or regulating, besides the bodies of
# plans (_HEAD) and officials' titles (_TITLE). Not the private parties a law also opens clauses with
# ("Doanh nghiệp đề nghị cấp Giấy phép … nộp hồ sơ", "Người yêu cầu cung cấp thông tin phải trả
# chi phí"): their names run on into verbs ("đề nghị cấp") the reader would take for the action, so
# they are read only up to a duty (``_party``).
_AUTHORITY = re.compile(r"(?:(?:[Cc]ác|[Mm]ỗi)\s+)?(?:Bộ(?=\s*,|\s+và\s|\s+trưởng|\s+[A-ZĐÀ-Ỹ])|Chính phủ|Thủ tướng|"
                        r"Quốc hội|Ủy ban thường vụ Quốc hội|Nhà nước|[Tt]òa án|[Tt]oà án|[Vv]iện kiểm sát|"
                        r"[Kk]iểm toán nhà nước|Hội đồng|Tổng cục|Cục|[Hh]ọc viện|"
                        # the officers a procedure law gives its acts to ("do một Thẩm phán thực hiện")
                        r"Thẩm phán|Hội thẩm nhân dân|Kiểm sát viên|Trọng tài viên|Chấp hành viên|"
                        # the body a law makes answerable for a system it runs ("Chủ quản hệ thống thông tin")
                        r"[Cc]hủ quản)(?![\w])")


def _head(text: str, pos: int, end: int):
    # (and every ministry as the laws name them together, the first "bộ" in lower case after "Các":
    # "Các bộ, cơ quan ngang bộ thanh tra việc thực hiện hoạt động nghề nghiệp …")
    return _HEAD.match(text, pos, end) or _AUTHORITY.match(text, pos, end) or _TITLE.match(text, pos, end) or \
        _EVERY_MINISTRY.match(text, pos, end)


# A duty (or a leave) a law puts on a party or a body: what ends its name (``_party``, ``_actor``).
# Not "có thẩm quyền", which names a body ("Cơ quan nhà nước có thẩm quyền …"), nor "có quyền lợi"
# ("Người có quyền lợi, nghĩa vụ liên quan", "Người có quyền, lợi ích liên quan").
_OBLIGED = re.compile(r"(?<!\w)(?:phải|có trách nhiệm|chịu trách nhiệm|có nghĩa vụ|có thể|"
                      r"có quyền(?!\s*,?\s*(?:lợi|khác)))(?!\w)")
# No party's name holds a condition, a passive, a copula, a negation, a tense or a word of manner:
# "Người gây thiệt hại … không | phải bồi thường" is a duty the law denies, "… tự chủ và tự | chịu
# trách nhiệm", "Viên chức quản lý là người được bổ nhiệm …", "Chủ sở hữu được đòi lại …" no name.
_NOT_IN_PARTY = re.compile(r"[;:()]|(?<!\w)(?:thì|nếu|khi|mà|bị|không|chưa|đã|đang|sẽ|chỉ|vẫn|đều|cũng|"
                           r"tự|còn|là|được|nhưng)(?!\w)")


def _party(text: str, pos: int, end: int) -> tuple[int, int, int] | None:
    """(unit start, unit end, predicate start) of a private party opening a clause (with a capital
    at a sentence's start; ``actors`` capitalises one after an opening or "thì") — a law's own heads
    (``extract.laws._LAW_HEAD``: "Doanh nghiệp", "Cơ sở", "Tổ chức", "Người", …), which
    ``_AUTHORITY`` leaves out because their names run on into verbs — read up to a duty: "Cơ sở
    lưu trữ phim thuộc cơ quan báo chí có giấy phép hoạt động truyền hình | có trách nhiệm lưu trữ
    phim …", "Tổ chức thanh niên | có trách nhiệm nghiên cứu …". Before "phải", "có trách nhiệm",
    "có nghĩa vụ", "có quyền" the verbs belong to the party's description ("kinh doanh dịch vụ lữ
    hành"), and what follows is its duty; a second duty in the same clause makes the first one the
    name's ("Bên có nghĩa vụ giao vật | phải bảo quản …"). The bare head ("Bên", "Người") is no
    name, nor one that ends with "và"/"hoặc" (a second predicate: "… sinh ra và | phải chịu …")."""
    head = _LAW_HEAD.match(text, pos, end)
    if not head or not text[pos].isupper():
        return None
    duty = _OBLIGED.search(text, head.end(), min(end, pos + MAX_UNIT_CHARS))
    if not duty:
        return None
    clause = _CLAUSE_END.search(text, duty.end(), end)
    second = _OBLIGED.search(text, duty.end(), clause.start() if clause else end)
    # (not "phải | chịu trách nhiệm", one duty; nor a duty of another party named between them: "bên
    # nhận bảo lãnh có quyền yêu cầu | bên bảo lãnh phải …")
    if second and second.start() - pos <= MAX_UNIT_CHARS and text[duty.end():second.start()].strip() and \
            not _LAW_HEAD.search(text, duty.end(), second.start()):
        duty = second
    name = text[pos:duty.start()].rstrip(" ,")
    if _NOT_IN_PARTY.search(text, head.end(), duty.start()) or len(name) <= head.end() - pos or \
            re.search(r"\s(?:và|hoặc)$", name) or _NAME_ENDS.search(text, head.end(), duty.start()):
        return None
    return pos, pos + len(name), duty.start()


# Words before a predicate's verb that say how, not what ("có trách nhiệm quy định", "phải lập").
# Not "được"/"bị": "Doanh nghiệp được cấp Giấy phép" receives the licence, it does not grant it.
_BEFORE_VERB = re.compile(r"(?:(?:phải|cần|sẽ|đã|có trách nhiệm|chịu trách nhiệm|có quyền|có nghĩa vụ|có thẩm quyền|"
                          r"thường xuyên|chủ động|kịp thời|trực tiếp|thống nhất|ra(?=\s+quyết định))\s+)*")
# ("ra quyết định": to issue a decision is to decide — the action is "quyết định", not "ra")
_LIST_SEP = re.compile(r"\s*(?:,|và|hoặc)?\s*")
# Where a predicate's own clause ends (``_actor``, ``_party``).
_CLAUSE_END = re.compile(r"[,;:.]|\s(?:và|nhưng|hoặc|thì|mà)\s")
_NOMINAL = re.compile(r"việc\s+")
# (not "tham gia việc xem xét": who takes part does not review)
_NAMES_ACTION = frozenset({"thuc hien", "to chuc", "trien khai", "chu tri"})


def _predicate(text: str, at: int, end: int, open_words: tuple[str, ...] = ()) -> tuple[list[str], bool]:
    """(folded verbs, leads) of the predicate at ``at``: the verbs it opens with, read past the words
    of manner (``_BEFORE_VERB``) and the role words — its first verb and the verbs listed right after
    it ("thẩm định, cấp Giấy phép" -> ["tham dinh", "cap"]; "quyết định thành lập, phê duyệt"). A
    word that is no verb ends the list: "phải làm thủ tục đề nghị cấp Giấy phép" does not grant the
    licence, and a predicate that opens with no verb ("được cấp", "là") has none. After "chủ trì,
    phối hợp với <partners>" the action is the first verb past the partners' names ("Bộ trưởng Bộ
    Công an có trách nhiệm chủ trì, phối hợp với Bộ trưởng Bộ Giáo dục và Đào tạo, … | quy định
    chương trình giáo dục …"); ``leads``: "chủ trì" was said."""
    out: list[str] = []
    leads = False
    while at < end and text[at].isspace():
        at += 1
    pos = _BEFORE_VERB.match(text, at, end).end()
    while pos < end:
        m = _ACTION_RE.match(text, pos, end)
        if not m:
            break
        verb = folded_words(m.group(1) or m.group(2))
        if verb in _NOT_ACTION and not out:
            break  # "được cấp", "là", "có": a passive, a copula, a possession — no action
        if verb in _LIGHT and not out:
            leads = leads or verb == "chu tri"
            pos = _BEFORE_VERB.match(text, m.end(), end).end()
            while pos < end and text[pos].isspace():
                pos += 1
            partners = _PARTNERS.match(text, pos, end) if verb == "phoi hop" else None
            if partners:
                pos = _past_partners(text, partners.end(), end)
                if pos is None:
                    break
                continue
            pos = _LIST_SEP.match(text, pos, end).end()
            # (the action a light verb names: "thực hiện | việc tuyển dụng viên chức" does
            # "tuyển dụng", in the question as in the law — after "việc" only a verb comes, whatever
            # verb it is, read by the segmenter as ``_open_verb`` reads one after a modal)
            nominal = _NOMINAL.match(text, pos, end) if verb in _NAMES_ACTION else None
            if nominal:
                pos = nominal.end()
                if not _ACTION_RE.match(text, pos, end):
                    word = _first_word(text, pos, end)
                    if word:
                        out.append(word)
                    break
            continue
        out.append(verb)
        pos = _LIST_SEP.match(text, m.end(), end).end()
    if not out and not leads:
        # (pos is None when a partner list ran off the clause: no open word to read there)
        opened = _open_verb(text, at, end) or (pos is not None and _opens_with(text, pos, end, open_words)) or None
        if opened:
            out.append(opened)
    return out, leads


_SUBJECT_ACT = re.compile(r"[Vv]iệc\s+")
# Verbs after a passive's agent that carry out or decide the act the sentence opens with
_CARRIES_ACT = frozenset({"quyet dinh", "xem xet"})
_AGENT_BEFORE = re.compile(r"(?<!\w)do\s+$")


def subject_act(text: str, s: int, us: int, verbs: list[str]) -> list[str]:
    """The predicate's verbs of an actor, with the act the sentence opens with when the actor is the
    agent of a passive: "Việc xét xử sơ thẩm vụ án hành chính theo thủ tục rút gọn do một Thẩm phán
    | thực hiện" — the judge does "xét xử", which the law says as the sentence's subject ("Việc …"),
    the verb after the agent carrying it out or deciding it ("Việc đưa người nghiện … vào cơ sở cai
    nghiện bắt buộc do Tòa án nhân dân cấp huyện | quyết định")."""
    if not _AGENT_BEFORE.search(text, s, us) or any(v not in _LIGHT and v not in _CARRIES_ACT for v in verbs):
        return verbs  # (an agent's own act: "… hồ sơ do Ủy ban nhân dân cấp xã | tiếp nhận được …")
    m = _SUBJECT_ACT.match(text, _MARKER.match(text, s, us).end(), us)
    if not m:
        return verbs
    act = _ACTION_RE.match(text, m.end(), us)
    word = folded_words(act.group(1) or act.group(2)) if act else _first_word(text, m.end(), us)
    return verbs + [word] if word else verbs


def _opens_with(text: str, pos: int, end: int, words: tuple[str, ...]) -> str | None:
    """The asked open word (``open_asked_word``) the text opens with at ``pos``, folded."""
    head = folded_words(text[pos:min(end, pos + 40)])
    return next((w for w in words if f"{head} ".startswith(f"{w} ")), None)


# A modal that can only be followed by a verb: "phải ghi", "có trách nhiệm lưu giữ", "có quyền yêu cầu".
_VERB_MODAL = re.compile(r"(?:phải|cần|có trách nhiệm|chịu trách nhiệm|có quyền|có nghĩa vụ|có thẩm quyền)\s+",
                         re.I)
# (nor a preposition: "chịu trách nhiệm | về …", "chịu trách nhiệm | trước Chính phủ về …" say to whom
# and for what, and the action is the role word itself)
_NOT_OPEN = frozenset({"khong", "chua", "da", "dang", "se", "duoc", "bi", "la", "co", "tu", "cung",
                       "ve", "voi", "truoc", "cho", "trong", "tai", "theo", "doi", "cua", "o", "den", "tren",
                       "nay", "do", "thi", "ma", "va", "hoac", "cac", "nhung", "moi", "mot"})


def _open_verb(text: str, at: int, end: int) -> str | None:
    """The first syllable after a modal, folded, when it is no verb of the closed list (``_ACTION_RE``):
    after "phải", "có trách nhiệm", "có quyền" only a verb can come, whatever the verb ("Chủ tịch Hội
    đồng trọng tài phải | ghi việc này …", "ai phải | ghi việc này"). The question's verb after its
    who-word and the sentence's after its actor are read alike, so the asked action is checked for
    any verb, not only those the extractor lists. None when no modal opens the predicate or the word
    after it is a negation, a tense, a passive or a copula."""
    m = _VERB_MODAL.match(text, at, end)
    if not m:
        return None
    pos = m.end()
    while (more := _VERB_MODAL.match(text, pos, end)):
        pos = more.end()
    return _first_word(text, pos, end)


def _first_word(text: str, pos: int, end: int) -> str | None:
    """The folded first word at ``pos`` (a compound by the index's segmenter: "quy hoạch", "lưu
    giữ", "ghi"), when lower-case and neither a negation, a tense, a passive nor a copula."""
    word = _segmented_first(text[pos:min(end, pos + 60)])
    if not word or not word[:1].islower() or not word[:1].isalpha():
        return None
    folded = folded_words(word)
    return None if not folded or folded.split()[0] in _NOT_OPEN else folded


@lru_cache(maxsize=4096)
def _segmented_first(rest: str) -> str:
    from indexer.index.analyzer import _segmenter

    try:
        words = _segmenter()(rest)
    except Exception:
        words = rest.split()[:1]
    return words[0] if words and rest.startswith(words[0]) else ""


_PARTNERS = re.compile(r"(?:chặt chẽ\s+)?(?:với|cùng)\s+")


def _past_partners(text: str, pos: int, end: int) -> int | None:
    """Where the action resumes after a partner list: the first lower-case verb of the clause that
    is neither a role nor a light word ("… Bộ trưởng Bộ Lao động - Thương binh và Xã hội | quy định
    …"); None when the clause ends first."""
    stop = re.compile(r"[;:.]").search(text, pos, end)
    limit = stop.start() if stop else end
    for m in _ACTION_RE.finditer(text, pos, limit):
        word = m.group(1) or m.group(2)
        verb = folded_words(word)
        if word[:1].islower() and verb not in _LIGHT and verb not in _NOT_ACTION:
            return m.start()
    return None


def _predicate_verbs(text: str, at: int, end: int) -> list[str]:
    """The verbs of ``_predicate``."""
    return _predicate(text, at, end)[0]


def _actor(text: str, pos: int, end: int, open_words: tuple[str, ...] = ()) -> tuple[int, int, int] | None:
    """(unit start, unit end, predicate start) of a name opening at ``pos`` and its verb."""
    head = _head(text, pos, end)
    if not head:
        return _party(text, pos, end)
    verb = first_verb(text, head.end(), end)
    anchored = _open_word_at(text, head.end(), verb if verb is not None else end, open_words)
    if anchored is not None and anchored - pos <= MAX_UNIT_CHARS:
        verb = anchored
    must = _OBLIGED.search(text, head.end(), verb if verb is not None else end)
    if must and re.search(r"[,;:.]|\s(?:và|hoặc)\s", text[head.end():must.start()]):
        must = None
    if must:
        # "Chủ tịch Hội đồng trọng tài | phải ghi …", "Tòa án | có quyền khởi tố …", "Tòa án | có
        # thể buộc người có nghĩa vụ …": no name holds a duty
        verb = must.start()
    ends = _NAME_ENDS.search(text, head.end(), end)
    if ends and (verb is None or ends.start(1) < verb):
        verb = ends.start(1)
    if verb is None or verb - pos > MAX_UNIT_CHARS:
        return None
    clause = _CLAUSE_END.search(text[verb:end])  # (the predicate's own clause)
    # (not past a duty that ended the name: "Tòa án | có thể buộc người có nghĩa vụ bồi thường")
    modal = None if must else _MODAL.search(text, verb + 1, verb + clause.start() if clause else end)
    if modal and not _MODAL.match(text, verb):
        verb = modal.start()
    stop = _SUBJECT_STOP.search(text, head.end(), verb)
    unit_end = stop.start() if stop else verb
    if re.search(r"[;:()]", text[pos:unit_end]):
        return None
    return pos, len(text[:unit_end].rstrip(" ,")), verb


def _open_word_at(text: str, start: int, end: int, words: tuple[str, ...]) -> int | None:
    """Where the first asked open word (``open_asked_word``) stands in text[start:end], lower-case
    and whole, no clause mark before it: the verb no list holds that ends the actor's name ("được
    Ủy ban nhân dân cấp tỉnh | quy hoạch sử dụng ổn định …" for "Ai quy hoạch …")."""
    if not words:
        return None
    stop = re.search(r"[;:.]", text[start:end])
    limit = start + stop.start() if stop else end
    folded = fold(text[start:limit])
    best = None
    for w in words:
        for m in re.finditer(rf"(?<!\w){re.escape(w)}(?!\w)", folded):
            if folded[m.start()].islower():
                best = m.start() if best is None else min(best, m.start())
                break
    return None if best is None else start + best


def _capital_after_opening(text: str, at: int) -> str:
    """The text with the letter at ``at`` capitalised (same length, same offsets): after an opening
    circumstance the subject goes on lower-case ("Căn cứ vào kết quả tuyển dụng, người đứng đầu đơn
    vị sự nghiệp công lập ký kết hợp đồng …", "Khi có yêu cầu, cơ quan …"), and the body's name is
    the one that would open the sentence with a capital ("Người đứng đầu …")."""
    if at < len(text) and text[at].islower():
        return text[:at] + text[at].upper() + text[at + 1:]
    return text


_SINCE = re.compile(r"(?:kể từ|tính từ)(?!\w)")
_OPENING_STOP = re.compile(r"[;:.]|(?<!\w)thì(?!\w)")
_COMMA = re.compile(r",\s+")


def _after_opening(text: str, pos: int, e: int) -> list[int]:
    """Where the subject may stand after an opening circumstance at ``pos``: past its first comma,
    and, when a time limit holds or goes on with "kể từ …" / "tính từ …", past each further comma
    (``OPENING_CHARS`` at most, no ";:." or "thì" between) — "Trong thời hạn 03 ngày làm việc, kể
    từ ngày nhận được đơn yêu cầu …, | Chánh án Tòa án có thẩm quyền phân công …". The first place
    a name opens is the subject (``actors``)."""
    opening = _OPENING.match(text, pos, e)
    if not opening:
        return []
    limit = min(e, pos + OPENING_CHARS)
    stop = _OPENING_STOP.search(text, opening.end(), limit)
    limit = stop.start() if stop else limit
    # (only past the continuation of a time limit, "kể từ …," / "tính từ …,", whose own words may
    # hold a list, "khiếu nại, kiến nghị,": past any other comma the walk lands inside a list of
    # names — "Bộ, ngành, | Ủy ban nhân dân cấp tỉnh")
    if not _SINCE.search(text, pos, opening.end()) and not _SINCE.match(text, opening.end(), limit):
        return [opening.end()]
    return [opening.end()] + [m.end() for m in _COMMA.finditer(text, opening.end(), limit)]


def actors(text: str, s: int, e: int, open_words: tuple[str, ...] = ()) -> list[tuple[int, int, int]]:
    """The actors of the sentence text[s:e]: its opening subject and a passive's agent. ``open_words``:
    the question's asked verb when no list holds it (``open_asked_word``), which ends a name."""
    out = []
    pos = _MARKER.match(text, s, e).end()
    after = _after_opening(text, pos, e)
    for at in (pos, *after):
        found = _actor(_capital_after_opening(text, at) if at != pos else text, at, e, open_words)
        # (past a further comma of the circumstance, a name with a comma is the rest of a list:
        # "Theo đề nghị của Chủ tịch nước, | Ủy ban thường vụ Quốc hội, Thủ tướng Chính phủ …")
        if found and at not in (pos, *after[:1]) and "," in text[found[0]:found[1]]:
            continue
        if found:
            out.append(found)
            # the same subject's further predicates, one per ";" ("Chủ tịch Quốc hội chủ tọa các
            # phiên họp …; ký chứng thực Hiến pháp, luật …; lãnh đạo …"), each opening with a verb
            for semi in re.finditer(r";\s*", text[found[2]:e]):
                at2 = found[2] + semi.end()
                if _ACTION_RE.match(text, at2, e) and not _head(text, at2, e):
                    out.append((found[0], found[1], at2))
            break
    for m in _PASSIVE.finditer(text, s, e):
        # (an agent counted: "do một Thẩm phán thực hiện", "do 03 Thẩm phán" — the count is its name's)
        count = _COUNTED_AGENT.match(text, m.end(), e)
        found = _actor(text, count.end() if count else m.end(), e, open_words)
        if found:
            out.append((m.end(), *found[1:]) if count else found)
    for m in _THEN.finditer(text, s, e):
        found = _actor(_capital_after_opening(text, m.end()), m.end(), e, open_words)
        if found:
            out.append(found)
    for m in _SUBMITTED_TO.finditer(text, s, e):
        # the body a matter is submitted to does what it is submitted for: "Trình Hội đồng nhân dân
        # cấp tỉnh | quyết định … vùng nuôi chim yến", "trình Thủ tướng Chính phủ | phê duyệt"
        # (its predicate right after its name: "Chính phủ trình Quốc hội | trước khi quyết định …"
        # submits before the Government itself decides)
        found = _actor(text, m.end(), e, open_words) if text[m.end()].isupper() else None
        if found and not text[found[1]:found[2]].strip() and not _SUBMITTED_NAME_STOP.search(text, found[0], found[1]):
            out.append(found)
    return out


def asked_agents(text: str, s: int, e: int, asked: list[str]) -> list[tuple[int, int, int]]:
    """(unit start, unit end, verb start) of the bodies the sentence text[s:e] names as doing an asked
    action in its passive or nominal form, where ``actors`` finds no head: "do <X> <verb>" with a
    name in lower case ("Việc cấp … do người đứng đầu cơ quan báo chí có giấy phép hoạt động truyền
    hình quyết định", "Chi phí chuyên gia do bên yêu cầu tham vấn tạm ứng"), read up to the asked
    verb; and "<verb> của <X>" ("phải được sự phê duyệt của thủ trưởng cơ quan đăng ký cư trú …",
    "có xác nhận của Ủy ban nhân dân cấp xã"), read as the relations read a noun's holder
    (``relations.relation_objects``); and an act named before its agent ("Kiểm tra nhà nước về chất
    lượng phân bón nhập khẩu do <cơ quan quản lý chuyên ngành …> tổ chức thực hiện"), whose name must
    open with a unit's head and follow the act in its clause, no other noun's "theo", "tại", "bởi",
    "của" between ("kiểm tra theo quy trình do Bộ Y tế ban hành" names the procedure's issuer). Not a
    law or a document ("theo quy định của pháp luật"), a pronoun ("của mình"), nor "do đó", "do vậy"
    (``_NO_AGENT``)."""
    folded = fold(text[:e]).lower()
    out = []
    for verb in dict.fromkeys(v for v in asked if v not in _LIGHT):
        said = [s + m.start() for m in re.finditer(rf"(?<!\w){re.escape(verb)}(?!\w)", folded[s:e])]
        for at in said:
            # the act named before its agent: "Kiểm tra nhà nước về chất lượng phân bón nhập khẩu do
            # <cơ quan quản lý chuyên ngành …> tổ chức thực hiện", "phải được kiểm tra … do <X> tổ chức
            # thực hiện" — the name runs to the verb that carries the act out or to the clause's end
            # (in one clause, the verb not said again before it)
            late = _LATE_AGENT_DO.search(text, at + len(verb), min(e, at + len(verb) + _MAX_ACT_TO_AGENT))
            if late and not re.search(r"[;:.]", text[at:late.start()]) and not folded.startswith(" vien", at + len(verb)) and \
                    not re.search(r"(?<!\w)(?:theo|tại|bởi|của)(?!\w)", text[at:late.start()]) and \
                    _head(_capital_after_opening(text, late.end()), late.end(), e) and \
                    not any(at < again < late.start() for again in said):
                stop = _CARRIES_OUT.search(text, late.end(), e)
                name = text[late.end():stop.start() if stop else e].rstrip()
                # (to the clause's end only after a passive, "được khảo nghiệm do <X> (…": not "kiểm
                # tra hồ sơ do doanh nghiệp nộp", whose name has a verb of its own)
                carried = stop is not None and stop.group(0).strip() not in ";:(),." or \
                    re.search(r"(?<!\w)(?:được|bị)\s+$", text[max(s, at - 12):at])
                if carried and name and len(name) <= MAX_UNIT_CHARS and not _NO_AGENT.match(name):
                    out.append((late.end(), late.end() + len(name), at))
            agent = None
            for agent in _AGENT_DO.finditer(text, max(s, at - MAX_UNIT_CHARS), at):
                pass
            # (the verb right after the name: not "do cơ quan … lập, | cấp", a list of actions, nor
            # "do Sở Tài chính tiếp nhận và …" two clauses, nor past an earlier instance of the verb)
            if agent is None or _head(text, agent.end(), e) or \
                    re.search(r"[;:(),]|(?<!\w)(?:thì|khi|nếu|mà|được|bị|và|hoặc)(?!\w)", text[agent.end():at]) or \
                    re.search(rf"(?<!\w){re.escape(verb)}(?!\w)", folded[agent.end():at]):
                continue
            name = text[agent.end():at].rstrip()
            if name and not _NO_AGENT.match(name):
                out.append((agent.end(), agent.end() + len(name), at))
        for us, ue in relation_objects(text[s:e], f"of:{verb}"):
            name = text[s + us:s + ue]
            at = max((a for a in said if a < s + us), default=None)
            if at is not None and not _NO_AGENT.match(name):
                out.append((s + us, s + ue, at))
    return out


_AGENT_DO = re.compile(r"(?<!\w)do\s+")
# An act named before its agent (``asked_agents``): how far the act may be from the agent's "do" —
# not the "do" of a reason, "lý do", "nguyên do", nor "tự do" —, and where the agent's name ends: at
# the verb that carries the act out ("… do <X> | tổ chức thực hiện"), a word of its own doing ("tự
# thực hiện"), or the clause's end.
_MAX_ACT_TO_AGENT = 120
_LATE_AGENT_DO = re.compile(r"(?<!\w)(?<![Ll]ý )(?<![Tt]ự )(?<![Nn]guyên )do\s+")
_CARRIES_OUT = re.compile(r"\s+(?:tổ chức thực hiện|thực hiện|tổ chức|chủ trì|đảm nhiệm|tiến hành|quyết định|xem xét|"
                          r"tự)(?!\w)|\s*[;:(),.]|\s+(?:và|hoặc)\s+(?:đạt|được|phải)(?!\w)", re.I)
# Not a body: the law or document whose rule it is ("trái với quy định của pháp luật", "theo quy định
# của các luật có liên quan", "của Luật này" — but "luật sư" is one), a pronoun ("quyết định của
# mình"), "do đó", "do vậy" (a consequence, not an agent).
_NO_AGENT = re.compile(r"(?i)(?:đó|vậy|mình|họ|nhau|pháp luật|(?:các\s+)?(?:bộ\s+)?luật(?!\s+sư)|hiến pháp|nghị định|"
                       r"nghị quyết|thông tư|quyết định số|hợp đồng|văn bản|điều|khoản|điểm)(?!\w)")


_SUBMITTED_NAME_STOP = re.compile(r"\s(?:trước|sau|khi|để|về|cho|hoặc|việc|hồ sơ)(?!\w)")
# The "trình" of a submission, not of "quá trình", "chương trình", "quy trình", "công trình", "lộ
# trình", "tiến trình", "hành trình": one list for the text (``_SUBMITTED_TO``, written, either case)
# and the folded task and question (``_TRINH``).
_NOT_SUBMITTING = ("quá", "chương", "quy", "công", "lộ", "tiến", "hành")
# (the body named with its capital: "trình Ủy ban thường vụ Quốc hội quyết định …")
_SUBMITTED_TO = re.compile(r"(?<!\w)" + "".join(rf"(?<!{w} )(?<!{w.capitalize()} )" for w in _NOT_SUBMITTING) +
                           r"[Tt]rình\s+(?=[A-ZĐÀ-Ỹ])")


# "… theo quy định của Chính phủ", "… theo hướng dẫn của Bộ trưởng Bộ Y tế": the body that regulates
# or guides what the sentence grants, named after its action.
_BY_RULE_OF = re.compile(r"(?<!\w)theo (quy định|hướng dẫn) của\s+")
# Where such a body's name ends: a clause mark or the words that go on with the sentence (a "và"
# before a lower-case word joins a predicate: "theo quy định của Chính phủ | và chịu trách nhiệm …";
# before a capital, a second body: "của Chính phủ và Ủy ban thường vụ Quốc hội").
_NAME_STOP = re.compile(r"[,;:.()]|\svà(?=\s+[a-zđà-ỹ])|\s(?:và\s+(?:các|những|được)|về|đối với|trong|theo|thì|để|khi|nếu|mà|hoặc|"
                        r"có|được|là|trừ|kể từ|tại|cho|nhằm)(?!\w)")


def rule_makers(text: str, s: int, e: int) -> list[tuple[int, int, str]]:
    """(name start, name end, folded action) of the bodies whose rule or guidance the sentence
    text[s:e] refers to ("Được nghỉ hè theo quy định của Chính phủ" -> Chính phủ, "quy dinh")."""
    out = []
    for m in _BY_RULE_OF.finditer(text, s, e):
        if not _head(text, m.end(), e):
            continue
        stop = _NAME_STOP.search(text, m.end(), e)
        end = stop.start() if stop else e
        if end - m.end() <= MAX_UNIT_CHARS:
            out.append((m.end(), len(text[:end].rstrip()), folded_words(m.group(1))))
    return out


# The consequent of a condition opens a clause of its own: "…; trường hợp không thỏa thuận được thì
# | Tòa án quyết định giao con cho một bên trực tiếp nuôi …", "Nếu … thì | Ủy ban nhân dân cấp xã …".
_THEN = re.compile(r"(?<!\w)thì\s+")


# The who-word of a Vietnamese question ("Ai", "Cơ quan nào", "Bộ nào", "do ai"): the asked action
# is the verb right after it ("Ai quyết định …"), or before it ("… do ai quyết định" / "… là của ai").
_WHO_WORD = re.compile(r"(?<!\w)(?:ai|(?:cơ quan|bộ|tổ chức|đơn vị|ban|cấp|người|lực lượng|chủ thể|t(?:òa|oà)(?:\s+án)?|"
                       r"(?:cấp|bên)\s+chính quyền)\s+nào)(?!\w)", re.I)


# A cleft who-question names its doer by a noun and the action it does: "Ai là người công bố …",
# "… người có quyền quyết định là ai?", "… cơ quan giúp … chuẩn bị … là cơ quan nào?".
# The doer opens the question or a clause of it ("Khi …, người mở … là ai?", "… thì người có quyền
# quyết … là ai?"), not the object ("Cơ quan tiếp nhận hồ sơ của người nộp thuế là cơ quan nào?").
# A position is no action ("Người đại diện là ai?", "Ai là người đứng đầu …", "Người thừa kế …").
_DOER_NOUN = r"(?:người|cơ quan|đơn vị|tổ chức|bên|chủ thể)"
_CLEFT = re.compile(rf"là\s+{_DOER_NOUN}\s+")
_CLEFT_SUBJECT = re.compile(rf"(?:^|[,;:]\s*|(?<!\w)thì\s+){_DOER_NOUN}\s+", re.IGNORECASE)
_POSITIONS = frozenset({"dai dien", "dung dau", "thua ke", "giam ho", "dai bieu", "lanh dao"})


def cleft_verbs(vi_text: str, who_start: int) -> list[str]:
    """The verbs of the action a question ending with its who-word asks the doer of ("người truyền
    đạt nội dung … là ai?" -> truyền đạt); [] when it does not end so ("… gửi cho ai?": a recipient)."""
    rest = vi_text.lower()
    if not re.search(r"(?<!\w)là\s+$", rest[:who_start]):
        return []
    found = list(_CLEFT_SUBJECT.finditer(rest, 0, who_start))
    if not found:
        return []
    return _cleft_action(rest, found[-1].end(), rest.rindex("là", 0, who_start))


def _cleft_action(text: str, at: int, end: int) -> list[str]:
    """The verbs of a cleft's action ``text[at:end]`` (lower case): its first word, whatever verb it
    is ("mở và điều hành kỳ họp" -> mở, điều hành), and the known verbs after it."""
    at = _BEFORE_VERB.match(text, at).end()
    if folded_words(text[at:end]).startswith(tuple(_POSITIONS)):
        return []
    first = _ACTION_RE.match(text, at)
    words = [folded_words(first.group(1) or first.group(2)) if first else _first_word(text, at, end)]
    words += [folded_words(v.group(1) or v.group(2)) for v in _ACTION_RE.finditer(text, at, end)]
    return [w for w in dict.fromkeys(words) if w and w not in _NOT_ACTION]


def asked_verbs(vi_text: str) -> list[str]:
    """Folded verbs of the action a who-question asks about: those right after its who-word
    ("Ai quyết định đưa người …" -> quyết định, đưa), else every verb of the question (an English
    question's glossary translation has no who-word order to read)."""
    m = _WHO_WORD.search(vi_text)
    if m:
        rest = vi_text.lower()
        at = _BEFORE_VERB.match(rest, len(rest[:m.end()]) + len(rest[m.end():]) - len(rest[m.end():].lstrip())).end()
        first = _ACTION_RE.match(rest, at)
        cleft = _CLEFT.match(rest, at)
        if cleft:
            # "Ai là người công bố di chúc …": the doer of the action after "là người"
            return _cleft_action(rest, cleft.end(), len(rest))
        if first and folded_words(first.group(1) or first.group(2)) in _NOT_ACTION:
            return []  # "Ai làm chủ tịch …", "Ai là …": a position or an identity, no action
        after = _predicate_verbs(rest, m.end(), len(rest))
        if len(after) > 1 and after[0] in _DECIDE:
            # "Ai quyết định thành lập …" asks who founds it: the law says "do Thủ tướng Chính phủ
            # thành lập", and a body that "quyết định" something else in the same sentence ("việc
            # thay đổi Trọng tài viên do Chủ tịch Trung tâm trọng tài quyết định") does not
            after = after[1:]
        if after:
            return after
    verbs = list(_ACTION_RE.finditer(vi_text.lower()))
    if m:
        # (a light verb after the who-word, "Hội nghị sơ kết do cơ quan nào tổ chức?": the verbs from
        # the who-word on come first, so the first asked is "tổ chức", not the "sơ kết" of its object)
        verbs = [v for v in verbs if v.start() >= m.end()] + [v for v in verbs if v.start() < m.end()]
    found = [folded_words(v.group(1) or v.group(2)) for v in verbs]
    opened = open_asked_word(vi_text)
    return found + [opened] if opened and opened not in found else found


def open_asked_word(vi_text: str) -> str | None:
    """The word right after a Vietnamese question's who-word when no verb list holds it ("Ai quy
    hoạch sử dụng ổn định …" -> "quy hoach", "ai phải ghi …" -> "ghi"; the modal and manner words
    skipped): after "Ai …"/"Cơ quan nào …" comes the asked action, whatever verb it is. Read by the
    index's segmenter as one word ("quy hoạch", not "quy", which "quy định" shares). None after a
    copula, a passive or a closed-list verb, or for no who-word."""
    m = _WHO_WORD.search(vi_text)
    if not m:
        return None
    rest = vi_text.lower()
    at = m.end()
    while at < len(rest) and rest[at].isspace():
        at += 1
    at = _BEFORE_VERB.match(rest, at).end()
    if _ACTION_RE.match(rest, at):
        return None
    return _first_word(rest, at, len(rest))


def asks_action(asked: list[str], verbs: list[str]) -> bool:
    """One of the predicate's verbs (not a light one) is one the question asks about."""
    return any(v not in _LIGHT and v in asked for v in verbs)


def _sentence_unit(r, s: int, e: int, unit: str, role: str, task: str, via: str) -> dict:
    """A unit-bearing item read in the sentence r.text[s:e] of a retrieved passage."""
    return {"kind": "responsibility", "doc_id": r.doc_id, "doc_title": r.doc_title,
            "start": r.start + s, "end": r.start + e, "quote": r.text[s:e].strip(),
            "section_path": list(r.section_path_parts or []), "unit": unit,
            "unit_normalized": normalize_unit(unit), "role": role, "roles": [role], "task": task, "via": via}


def actor_items(results, vi_text: str, stored: list[dict]) -> list[dict]:
    """Unit-bearing items from the retrieved passages' sentences whose actor does what the question
    asks (see the module docstring); sentences a stored responsibility already quotes are left to it."""
    # (a sentence a stored responsibility quotes is left to it for that unit; another actor of the
    # sentence — the agent of "Hội đồng quốc gia thẩm định sách giáo khoa do Bộ trưởng Bộ Giáo dục
    # và Đào tạo thành lập", whose subject the extractor stored — is read here)
    have = {(it["doc_id"], it["start"], folded_words(it.get("unit") or "")) for it in stored}
    asked = asked_verbs(vi_text)
    opened = open_asked_word(vi_text)
    open_words = (opened,) if opened else ()
    out = []
    for r in results:
        text = r.text
        for s, e in sentences(text, 0, len(text)):
            for us, ue, verb in actors(text, s, e, open_words):
                unit = text[us:ue].strip()
                if not unit or is_generic_unit(unit) or (r.doc_id, r.start + s, folded_words(unit)) in have:
                    continue
                verbs, leads = _predicate(text, verb, e, open_words)
                verbs = subject_act(text, s, us, verbs)
                if not asks_action(asked, verbs):
                    continue
                role = "chủ trì" if leads else "thực hiện"
                # (a sentence pointing back to its clause reads with the passage before it)
                task = text[:e] if _BACK.search(text, s, e) else text[s:e]
                out.append({**_sentence_unit(r, s, e, unit, role, task, "actor"),
                            "_asked": len({v for v in verbs if v not in _LIGHT and v in asked})})
            for us, ue, action in rule_makers(text, s, e):
                unit = text[us:ue].strip()
                if not unit or is_generic_unit(unit) or action not in asked or \
                        (r.doc_id, r.start + s, folded_words(unit)) in have:
                    continue
                out.append({**_sentence_unit(r, s, e, unit, "thực hiện", text[s:e], "rule"), "_asked": 1})
    return _most_asked_per_sentence(out)


def _most_asked_per_sentence(items: list[dict]) -> list[dict]:
    """Of the actors of one sentence, those whose predicate does most of the asked actions: "Quỹ …
    được Nhà nước | hỗ trợ vốn điều lệ, … do Thủ tướng Chính phủ | quyết định thành lập, phê duyệt
    Điều lệ" — for "Who decides to establish the fund and approves its charter" the Prime Minister
    does three of the actions asked, the State one (a word of the fund's name). The answer engine
    does not weigh two units of one sentence against each other (``weak_who``), so the sentence
    chooses here."""
    best: dict[tuple, int] = {}
    for it in items:
        key = (it["doc_id"], it["start"])
        best[key] = max(best.get(key, 0), it["_asked"])
    out = [it for it in items if it["_asked"] == best[(it["doc_id"], it["start"])]]
    for it in out:
        del it["_asked"]
    return out


# How much saying the asked action weighs when two units' sentences support the question alike
# (``answer.weak_who``): more than a tie (``WHO_TIE``), less than a word of the subject.
ACTION_EVIDENCE = 0.3


# A question that asks who drafts a document ("Ai soạn dự thảo Báo cáo …", "đơn vị nào lo viết dự
# thảo", "… do ai chắp bút", "được dự thảo bởi đơn vị nào"): its drafting verb opens the asked action
# after the who-word (past a light verb), or comes right before a passive's "bởi|do" and the who-word.
# The plans write the act as "xây dựng dự thảo Báo cáo …", the laws as "soạn thảo", "biên soạn":
# the task that says it is the asked action; the one that "xây dựng báo cáo" of its own is not.
# (a passive's drafting verb is one only with its "được": "Dự thảo do ai thẩm định?" asks who appraises
# the draft; "dự thảo luận" attends a discussion)
_DRAFTING_VERB = r"(?:soạn thảo|biên soạn|soạn|dự thảo(?! luận)|chắp bút|viết dự thảo)"
_DRAFT_AFTER_WHO = re.compile(r"\s*(?:(?:lo|đứng ra|chủ trì|được giao|chịu trách nhiệm|có trách nhiệm|phải|sẽ|"
                              rf"trực tiếp|cần|tổ chức)\s+)*{_DRAFTING_VERB}(?!\w)")
_DRAFT_BEFORE_WHO = re.compile(rf"(?<!\w)được\s+{_DRAFTING_VERB}\s+(?:bởi|do)\s*$")
# ("lập" drafts, "thành lập Ban soạn thảo" founds the board that will: roles._TASK_VERBS's guard)
_DRAFTS = re.compile(r"(?:^|\b(?:xay dung|soan|chuan bi|(?<!thanh )(?<!xac )lap|chu tri|tham muu|giup)\s+)(?:ban\s+)?"
                     r"(?:du thao|soan thao)\b|(?:^|\b(?:chu tri|to chuc|phoi hop|thuc hien)\s+)bien soan\b|^soan\b")


def asks_drafting(vi_text: str) -> bool:
    """The who-question asks who drafts a document (``_DRAFTING_VERB``)."""
    m = _WHO_WORD.search(vi_text)
    if not m:
        return False
    low = vi_text.lower()
    return bool(_DRAFT_AFTER_WHO.match(low, m.end()) or _DRAFT_BEFORE_WHO.search(low[:m.start()]))


def drafts(item: dict) -> bool:
    """The item's task is drafting a document ("chủ trì, phối hợp … xây dựng dự thảo Báo cáo …",
    "biên soạn …"), within its first words."""
    task = folded_words((item.get("task") or "")[:PREDICATE_CHARS * 3])
    return bool(_DRAFTS.search(task))


def does_asked_action(vi_text: str, item: dict, clauses: bool = False) -> bool:
    """The item's task opens with the action the question asks about: "Cơ quan nào ban hành Kế
    hoạch sơ kết …" — "Ban Thường vụ Tỉnh uỷ | ban hành Kế hoạch sơ kết …" does it, "Các cơ quan
    báo chí | chủ động xây dựng kế hoạch …" builds a plan of their own. ``clauses``: or one of its
    ";"-clauses does ("… tổ chức thực hiện; tuyên truyền công tác sơ kết …": a duty of a list). Or,
    asked who drafts (``asks_drafting``), its first words draft a document (``drafts``) — which
    one, the support of the question's words decides."""
    task = item.get("task") or ""
    if not task:
        return False
    # (a task under its unit's heading opens a sentence: "2. Ủy ban nhân dân phường / Tham mưu xây
    # dựng Kế hoạch …" — its capital is no name, and the verbs are read lower-case)
    task = task[:1].lower() + task[1:]
    asked = asked_verbs(vi_text)
    starts = [0] + ([m.end() for m in re.finditer(r";\s*", task)] if clauses else [])
    if any(asks_action(asked, _predicate_verbs(task, at, len(task))) for at in starts):
        return True
    return asks_drafting(vi_text) and drafts(item)


# Words that say a duty or a right, not the action: _EN_WHO reads past them to the action ("Who is
# required to return …"); alone they ask no action ("Who is required?").
_EN_DUTY_WORDS = frozenset({"required", "obliged", "allowed", "permitted", "entitled", "authorised", "authorized",
                            "empowered", "able", "bound", "expected", "supposed"})
# An English who-question's own verb: "Who organises the … conference", "Which body approves …".
# (Its who-word is translated into role words — "chủ trì, chịu trách nhiệm" — which say no action.)
# (after a frame naming the law: "Under the Law on Tourism, who submits …"; the verb a
# responsibility or a task is for: "which body is responsible for organising …", "who is tasked
# with publicising …"; "responsible for propaganda" names a role's matter, no action)
_EN_WHO = re.compile(r"(?:^|,)\s*(?:who|which\s+(?:[\w-]+\s+){0,2}?(?:body|bodies|unit|units|agency|agencies|organ|"
                     r"authority|authorities|office|committee|ministry|ministries|official|officials|person|board|"
                     r"department|institutions?|organi[sz]ations?|establishments?|entit(?:y|ies)))"
                     # (a partner between commas: "which ministry, together with People's Committees, assesses …")
                     r"(?:\s*,\s*(?:together\s+)?with\s+[^,]{1,60},)?\s+"
                     r"(?:(?:is|are|will|shall|must|should|does|do|has to|have to)\s+)?"
                     r"(?:(?:responsible|in charge)\s+for\s+(?=[a-z]+ing\b)|(?:tasked|charged|entrusted)\s+with\s+)?"
                     # (a duty or a right before the action: "Who is required to return …", "which body
                     # has the right to institute …")
                     rf"(?:(?:{'|'.join(sorted(_EN_DUTY_WORDS))})\s+to\s+"
                     r"|(?:has|have)\s+(?:the\s+)?(?:right|power|authority|competence|duty|obligation)\s+to\s+)?"
                     r"(?:[a-z]+ly\s+)?([a-z]+)", re.I)  # (an adverb before the verb: "must regularly inform")
_WHO_SENSES = frozenset({"chu tri", "chiu trach nhiem", "trach nhiem"})


def english_asked_verbs(question: str) -> list[str]:
    """Folded Vietnamese senses of the verb an English who-question opens its action with ("Who
    organises …" -> tổ chức): the glossary's translation of that word, not of the who-word. Empty
    when the question's first word after the who-word is no glossary word."""
    return list(_english_asked_verbs(question))


@lru_cache(maxsize=1024)
def _english_asked_verbs(question: str) -> tuple[str, ...]:
    """Cached: a who-question's ranking asks it of every unit it weighs (one translation each)."""
    from indexer.search.translate import translate_groups

    m = _EN_WHO.search(question)
    if not m:
        return ()
    word = m.group(1).lower()
    if word in _EN_DUTY_WORDS:
        return ()
    for en, vi in translate_groups(question):
        if en.split()[0].lower() == word:
            return tuple(s for s in dict.fromkeys(folded_words(v) for v in vi) if s and s not in _WHO_SENSES)
    return ()


def does_english_action(verbs: list[str], item: dict) -> bool:
    """The item's task opens with one of ``verbs`` (``english_asked_verbs``): "Ban Thường vụ Tỉnh
    ủy | tổ chức Hội nghị sơ kết" organises the conference; "Văn phòng Tỉnh ủy | thẩm định, tham
    mưu Ban Thường vụ Tỉnh ủy Báo cáo sơ kết" advises the body that does. Here a light verb counts
    ("tổ chức"): the question's own verb asks it, not a translated who-word."""
    task = item.get("task") or ""
    if not task or not verbs:
        return False
    return any(v in verbs for v in _opening_verbs(task.lower()) if v not in _NOT_ACTION)


def _opening_verbs(text: str) -> list[str]:
    """Every verb the text opens with, the light ones too ("tổ chức Hội nghị" -> ["to chuc"];
    "thẩm định, tham mưu Ban …" -> ["tham dinh", "tham muu"]): ``_predicate`` skips the light ones,
    which there are role words a translated who-word says."""
    out: list[str] = []
    end = len(text)
    pos = _BEFORE_VERB.match(text, 0, end).end()
    while pos < end:
        while pos < end and text[pos].isspace():
            pos += 1
        m = _ACTION_RE.match(text, pos, end)
        if not m:
            break
        out.append(folded_words(m.group(1) or m.group(2)))
        pos = _BEFORE_VERB.match(text, _LIST_SEP.match(text, m.end(), end).end(), end).end()
    return out


def tied_verbs(vi_text: str) -> list[str]:
    """The verbs a Vietnamese who-question ties to its who-word ("Ai cấp Giấy phép …" -> ["cap"],
    "Ai quy hoạch …" -> ["quy hoach"]), with no fallback to the question's other verbs: empty when
    the who-word is followed by no action (a role, a position, the end of the question)."""
    m = _WHO_WORD.search(vi_text)
    if not m:
        return []
    rest = vi_text.lower()
    after = _predicate_verbs(rest, m.end(), len(rest))
    if after and after[0] in _NOT_ACTION:
        return []
    if len(after) > 1 and after[0] in _DECIDE:
        after = after[1:]
    opened = None if after else open_asked_word(vi_text)
    return after or ([opened] if opened else [])


_REGULATES = re.compile(r"(?:quy định|hướng dẫn thi hành|hướng dẫn chi tiết)(?!\w)")


def regulates_instead(vi_text: str, english: str | None, item: dict) -> bool:
    """The item's unit sets the rules of the matter ("Chính phủ | quy định chi tiết các trường hợp bị
    thu hồi Giấy phép thành lập …", "Bộ trưởng … quy định mẫu …") while the question asks who does
    another thing to it ("Ai cấp Giấy phép thành lập …", "Who grants …"): a law's delegation clause
    names the body that writes the rules, not the one that grants, decides or keeps. Only when the
    question ties a verb to its who-word (``tied_verbs``; an English question's own verb,
    ``english_asked_verbs``) and that verb is not to regulate or guide."""
    if not delegates_rules(item):
        return False
    asked = english_asked_verbs(english) if english else tied_verbs(vi_text)
    return bool(asked) and not any(v in ("quy dinh", "huong dan") for v in asked) and \
        not (english and asks_rules(english, asked))


# The English of a delegation clause's act: "issues / sets / lays down (the) detailed rules on …",
# "regulates in detail", "provides guidance on" — the verb's object is rules ("issues the licence" is
# "cấp", another act), and the glossary reads the verb as "ban hành", "đặt ra", "đề ra", "quy định".
_RULE_MAKING = ("quy dinh", "huong dan", "ban hanh", "dat ra", "de ra")
_RULES_OBJECT = re.compile(r"(?i)\b(?:rules|regulations|guidance|guidelines|provisions)\b|\bin detail\b")


def asks_rules(english: str, verbs: list[str]) -> bool:
    """An English who-question asking who writes the rules (``_RULE_MAKING`` verbs with a rules
    object, ``_RULES_OBJECT``): the law's "Chính phủ quy định chi tiết …" is that act."""
    return any(v.startswith(_RULE_MAKING) for v in verbs) and bool(_RULES_OBJECT.search(english))


def delegates_rules(item: dict) -> bool:
    """The unit's own predicate writes rules ("Chính phủ | quy định chi tiết …", "… hướng dẫn thi
    hành …"), not a sentence that merely mentions a rule ("theo mẫu do Bộ trưởng … quy định")."""
    task = (item.get("task") or "").lstrip()
    task = task[:1].lower() + task[1:]
    return bool(_REGULATES.match(task, _BEFORE_VERB.match(task).end()))


# "Ai quyết định …", "do ai quyết định", "who decides / makes the call / has the final say": the
# decision is the act asked, which the laws write "do <body> quyết định", "<body> (ra) quyết định …",
# or by the act decided ("Ai quyết định thành lập …": "… do Bộ trưởng … thành lập", ``tied_verbs``).
# ("quyết định số 238" is a document; "quyết định số lượng" still decides.)
_DECIDER_VI = re.compile(r"(?<![a-z])(?:ai|nao|nguoi nao)(?: (?:la nguoi|se|duoc|duoc quyen|co tham quyen|co quyen|"
                         r"ra|phai|chiu trach nhiem|xem xet,?)){0,2} quyet dinh(?! so(?! luong))(?![a-z])")
_DECIDER_EN = re.compile(r"(?i)\b(?:makes? the (?:final )?(?:call|decision)|has the final say|gets to decide)\b")


def asks_decider(q) -> bool:
    """A who-question asking who decides (``_DECIDER_VI``; an English one by its own verb,
    ``english_asked_verbs``, or ``_DECIDER_EN``): a body that notifies, sits in the case or is only
    named in the article decides nothing, and is no answer (``decides``)."""
    if q.kind != "who":
        return False
    if q.language == "en":
        return "quyet dinh" in english_asked_verbs(q.text) or bool(_DECIDER_EN.search(q.text))
    return bool(_DECIDER_VI.search(f" {folded_words(q.text)} "))


def decides(q, item: dict) -> bool:
    """The item's sentence says the decision asked: "quyết định", or the act the question decides
    ("Ai quyết định thành lập …" is said "… do Bộ trưởng … thành lập"; ``tied_verbs``)."""
    said = f" {folded_words(item.get('quote') or '')} "
    # (not an English question's verb: its glossary senses are many — "has the final say" is "có")
    acts = [v for v in tied_verbs(q.vi_text or q.text) if v not in _DECIDE] if q.language != "en" else []
    return " quyet dinh " in said or any(f" {v} " in said for v in acts)


def done_by_another(vi_text: str, english: str | None, item: dict) -> bool:
    """The item's sentence says another body does the asked action to the item's unit: a passive
    agent ("Hội đồng quốc gia thẩm định sách giáo khoa | do Bộ trưởng Bộ Giáo dục và Đào tạo thành
    lập", "… được Bộ trưởng Bộ Tư pháp cấp Giấy phép") whose predicate is the action the question
    ties to its who-word ("Ai thành lập …", "Who establishes …"). The item's unit undergoes it; the
    agent is the one asked about (the actor reader answers with it)."""
    asked = english_asked_verbs(english) if english else tied_verbs(vi_text)
    if not asked:
        return False
    quote = item.get("quote") or ""
    unit = folded_words(item.get("unit") or "")
    for m in _PASSIVE.finditer(quote):
        found = _actor(quote, m.end(), len(quote))
        if found and folded_words(quote[found[0]:found[1]]) != unit:
            if asks_action(asked, _predicate_verbs(quote, found[2], len(quote))):
                return True
    return False


# "…, gửi Bộ Nội vụ để tổng hợp, báo cáo Chính phủ": what is done after "để" is the addressee's
_SENT_FOR = re.compile(r"(?<!\w)gửi\s+(?:về\s+|cho\s+|đến\s+|lên\s+|tới\s+)?(?P<actor>[A-ZĐÀ-Ỹ][^;.:()]{2,100}?)"
                       r"\s*(?:\([^)]*\)\s*)?,?\s+để\s+(?P<purpose>[^;.]+)")


# A body that submits a matter for another's decision: "Ủy ban nhân dân cấp tỉnh | Trình Hội đồng
# nhân dân cấp tỉnh quyết định … vùng nuôi chim yến", "… xây dựng, trình Thủ tướng Chính phủ phê
# duyệt …", "đề nghị Chủ tịch nước bổ nhiệm …": asked who decides it, the submitter is not the
# answer (the body after "trình" is, which ``actors`` reads). Its opening predicate submits, or a
# later one does. Not when it also does the act itself ("trình Chính phủ ban hành hoặc ban hành
# theo thẩm quyền"), nor when the question asks who submits ("Bộ nào … trình Thủ tướng phê duyệt …",
# "Ai đề nghị Quốc hội bầu …"). The "trình" of "chương trình", "quy trình" (``_NOT_SUBMITTING``),
# "trình độ", "trình bày" is none.
_TRINH = "".join(rf"(?<!{folded_words(w)} )" for w in _NOT_SUBMITTING) + r"\btrinh\b(?! (?:do|bay|tu|dien)\b)"
_SUBMITS_FOR = (rf"(?:^(?:[^\s,;]+\s+){{{{0,2}}}}?(?:{_TRINH}|de nghi|kien nghi)|(?:[,;]\s*|\bva\s+){_TRINH})\s+"
                r"(?:[^\s,;.]+\s+){{1,12}}?{verb}\b")
_ASKS_SUBMITTING = re.compile(rf"{_TRINH}|(?<!theo )\bde nghi\b(?! cua)|\bkien nghi\b")
_SUBMIT_LIGHT = _LIGHT | {"gui", "bao cao"}


def submits_for_another(vi_text: str, item: dict) -> bool:
    """The item's unit submits the question's asked act (its first verb that is no light one) to
    another body (``_SUBMITS_FOR``), and the question asks no submitting itself."""
    if _ASKS_SUBMITTING.search(folded_words(vi_text)):
        return False
    verb = next((v for v in asked_verbs(vi_text) if v not in _SUBMIT_LIGHT), None)
    if not verb:
        return False
    task = fold((item.get("task") or "").lower())
    m = re.search(_SUBMITS_FOR.format(verb=re.escape(verb)), task)
    if not m or f" {folded_words(item.get('unit') or '')} " in f" {folded_words(m.group(0))} ":
        return False  # (the body submitted to, whose sentence it is too: "Trình | Hội đồng nhân dân … | quyết định")
    return not re.search(rf"\b(?:hoac|va|hay)\s+(?:tu\s+)?{re.escape(verb)}\b", task[m.end():])


def sent_for_another(groups: list[tuple[str, list[str]]], soft: set[str], asked: str, item: dict) -> bool:
    """The item's unit sends its work to another body for that body to do what the question asks:
    "Ủy ban nhân dân cấp tỉnh … hằng năm báo cáo kết quả …, gửi Bộ Nội vụ để tổng hợp, báo cáo
    Chính phủ" does not answer "Cơ quan nào hằng năm báo cáo Chính phủ …?" — the words only the
    purpose after "để" says ("Chính phủ") are the addressee's act. Not when the question names that
    addressee (then it asks about the sender: "… gửi Bộ Nội vụ để tổng hợp …?"). ``asked``: the
    question's text and translation, folded."""
    quote = item.get("quote") or ""
    if "để" not in quote or "gửi" not in quote:
        return False
    unit = folded_words(item.get("unit") or "")
    for m in _SENT_FOR.finditer(quote):
        actor = folded_words(m.group("actor"))
        if not m.group("actor")[0].isupper() or actor == unit or f" {actor} " in f" {asked} ":
            continue
        purpose, rest = f" {folded_words(m.group('purpose'))} ", f" {folded_words(quote[:m.start()])} "
        if any(label not in soft and any(f" {a} " in purpose for a in alts) and not any(f" {a} " in rest for a in alts)
               for label, alts in groups):
            return True
    return False


_COPULA = re.compile(r"\s+là\s+")


def definition_items(results, stored: list[dict]) -> list[dict]:
    """Items of the retrieved passages' defining sentences, "<body> là <what it is>, <what it does>":
    "Hội đồng bầu cử quốc gia là cơ quan do Quốc hội thành lập, có nhiệm vụ tổ chức bầu cử đại biểu
    Quốc hội …", "Ủy ban quốc gia về Thanh niên Việt Nam là tổ chức phối hợp liên ngành, có chức
    năng tư vấn …". "Cơ quan nào do Quốc hội lập ra để tổ chức bầu cử …?" asks for the body so
    defined; no verb of the question need open the predicate (it is "là"), so the whole sentence
    after the copula is the task and the support check (every word of a Vietnamese question said)
    decides. The body's name opens the sentence (a unit head) and runs, with no clause mark, to
    the copula; a sentence a stored responsibility quotes with that same unit is left to it."""
    have = {(it["doc_id"], it["start"], folded_words(it.get("unit") or "")) for it in stored}
    out = []
    for r in results:
        text = r.text
        for s, e in sentences(text, 0, len(text)):
            pos = _MARKER.match(text, s, e).end()
            head = _head(text, pos, e)
            cop = _COPULA.search(text, head.end(), min(e, pos + MAX_UNIT_CHARS)) if head else None
            if not cop or re.search(r"[,;:()]", text[pos:cop.start()]):
                continue
            unit = text[pos:cop.start()].strip()
            if not unit or is_generic_unit(unit) or (r.doc_id, r.start + s, folded_words(unit)) in have:
                continue
            out.append(_sentence_unit(r, s, e, unit, "thực hiện", text[cop.end():e], "definition"))
    return out
