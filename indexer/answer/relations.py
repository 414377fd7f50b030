"""Who-questions that ask for the *object* of a relation, not for the actor.

"Ban cán sự đảng UBND tỉnh phối hợp với ai …?" asks for the partner, "Các bộ gửi báo cáo cho cơ
quan nào tổng hợp?" for the recipient, "… báo cáo qua ban nào tổng hợp?" for the body a report goes
through, "… xem xét báo cáo của cơ quan nào?" for the report's author. The extracted
responsibilities name who acts (the actor, a listed partner), so the actor's
name is the wrong answer. The answer is the unit written right after the same relation word in the
supporting sentence: "phối hợp với | các đơn vị liên quan | xây dựng …", "gửi | Bộ Nội vụ | để
tổng hợp", "(qua | Ban xây dựng Đảng | tổng hợp)". A name opens with a unit head (the extractor's
own, indexer/extract/responsibilities.py) and ends where the predicate resumes (a verb, "để", "theo",
…) or the clause does.
"""

from __future__ import annotations

import re
from functools import lru_cache

from indexer.extract.responsibilities import _HEAD, _MODAL, _SUBJECT_STOP, _split_units
from indexer.extract.roles import first_verb
from indexer.text import folded_pattern, folded_words

from .classify import fold_question

_WHO_OBJ = (r"(?:cac |nhung )?(?:ai|co quan nao|ban nao|don vi nao|to chuc nao|bo nao|nganh nao|noi nao|"
            r"cap nao|luc luong nao|ben nao|dau moi nao)")
# … and, after a verb that can only have a body as its object ("phối hợp với", "gửi đến"), also one
# named by its kind ("văn phòng nào", "địa phương nào") or described ("cơ quan Trung ương nào", "tổ
# chức nòng cốt nào"): a word or two between head and "nào". (Not after a bare "cho", "đến": "áp dụng
# cho doanh nghiệp nào", "nhân rộng đến địa phương nào" ask no recipient.)
_BODY_OBJ = (r"(?:cac |nhung )?(?:van phong nao|dia phuong nao|doanh nghiep nao|"
             r"(?:co quan|to chuc|don vi)(?! (?:tinh|do|hoi nghi)\b)(?: \w+){1,2} nao)")
# Folded question patterns per relation. English: "coordinate with which bodies", "which bodies …
# coordinate with to secure …" (a stranded "with"), "to which body", "through which office".
# English verbs of working together ("work with", "cooperate with", "liaise with"): all "phối hợp".
# ("team up with", "partner with", "join forces with" too)
_WITH_EN = r"(?:(?:coordinat|cooperat|collaborat|liais|work|partner)\w*|team\w* up|join\w* forces)"
# Nouns of an authority over the subject, whose holder "của" names (folded): "chịu sự chỉ đạo | của
# Viện trưởng …", "theo ủy quyền | của tổ chức trọng tài nước ngoài". Not a duty's own nouns
# ("trách nhiệm của ai", "nhiệm vụ của ai"): those ask who acts.
_OF_NOUNS = "chi dao|lanh dao|quan ly|uy quyen|so huu|giam sat|huong dan|dong y|chap thuan|phe duyet"
# The bodies an English question asks "with which …" (not "with which resolution", "which funds")
_BODY_NOUNS_EN = (r"(?:bod(?:y|ies)|agenc(?:y|ies)|organi[sz]ations?|units?|offices?|departments?|ministr(?:y|ies)|"
                  r"partners?|authorit(?:y|ies)|forces?|committees?|boards?|compan(?:y|ies)|businesses|entit(?:y|ies)|"
                  r"institutions?|groups?|parties|sectors?|localities|communes?|wards?|cells?|unions?|associations?)")
_ASKED = [
    # ("work with", "cooperate with", "collaborate with", "liaise with": coordinating, in English)
    # ("làm việc cùng", "hợp tác với", "kết hợp với": working together, in Vietnamese; "with whom does
    # the commune coordinate …": the English who-phrase before its verb)
    # ("làm cùng bộ nào", "đồng hành cùng ai": doing it together; not "đi cùng với ai", accompanying)
    ("partner", re.compile(rf" (?:phoi hop|lam viec|hop tac|ket hop|lam|dong hanh) (?:chat che )?(?:voi|cung(?: voi)?) "
                           rf"(?:{_WHO_OBJ}|{_BODY_OBJ}|(?:cac |nhung )?doi tac nao) "
                           # ("which bodies work alongside the Propaganda Board", "alongside which ministry":
                           # the who-word its subject, the verb right after it; not "Who leads the campaign,
                           # working alongside …", which asks the lead)
                           rf"|^ (?:\w+ ){{0,24}}?(?:who|which (?:\w+ ){{0,3}}?{_BODY_NOUNS_EN}) (?:must |should |will |"
                           rf"(?:is|are|has|have) to )?{_WITH_EN} (?:closely )?alongside "
                           rf"| alongside (?:whom|which (?:\w+ ){{0,2}}?{_BODY_NOUNS_EN}) "
                           rf"| {_WITH_EN} (?:closely |together )?with (?:which|whom|what) "
                           rf"|^ (?:\w+ ){{0,12}}?with (?:whom|which (?:\w+ ){{0,2}}?{_BODY_NOUNS_EN}) (?:does|do|did|will|"
                           rf"must|should|shall|is|are) (?:\w+ ){{1,6}}?{_WITH_EN} "
                           rf"| {_WITH_EN} (?:closely |together )?with (?:to|in order|so as|for|on|in) \w+"
                           rf"| {_WITH_EN} (?:closely |together )?with $"
                           # "Who are the Propaganda Department's partners in …", "… the partners of …"
                           r"|^ (?:who|which \w+) (?:is|are|will be) (?:the )?(?:\w+ ){0,5}?(?:\w+ s partners?|partners? of) "
                           # "which partners is the commune told to work with / reach out to" (a verb of
                           # working together after it: not "which partner countries does … promote in")
                           rf"| which partners? (?:\w+ ){{0,12}}?(?:{_WITH_EN}|reach\w* out) ")),
    ("via", re.compile(rf" qua {_WHO_OBJ} | (?:through|via) (?:which|whom|what) ")),
    # "Thủ tướng chịu trách nhiệm trước cơ quan nào", "to whom is a People's Council responsible":
    # the body one answers to, written after "chịu trách nhiệm trước" (before "to which" reads a recipient)
    ("answerable", re.compile(rf" chiu trach nhiem (?:\w+ ){{0,6}}?truoc {_WHO_OBJ} "
                              r"| (?:responsible|accountable|answerable) to (?:which|whom|what) "
                              r"| to (?:whom |which (?:\w+ ){1,2}?)(?:is|are|must|does|do|shall) (?:\w+ ){1,10}?"
                              r"(?:responsible|accountable|answerable) ")),
    # "báo cáo những ai", "báo cáo cơ quan nào": the report's addressee is its verb's object;
    # "báo cáo về đâu", "gửi lên đâu": where to
    # ("báo cáo định kỳ về hoạt động với cơ quan nào": what is reported may come before "với")
    ("recipient", re.compile(rf" (?:cho|toi|den|gui ve|gui|len|bao cao(?: len| cho| voi)?) {_WHO_OBJ} "
                             rf"| (?:gui|nop|trinh|bao cao)(?: ve| den| toi| cho| len)? {_BODY_OBJ} "
                             rf"| bao cao(?: \w+){{1,12}}? voi {_WHO_OBJ} "
                             r"| (?:bao cao|gui|nop|trinh)(?: \w+){0,3} (?:ve|len|den|toi) dau "
                             # (… or further from its verb when "về đâu" ends the question: "gửi Báo cáo sơ
                             # kết … sau khi thẩm định về đâu?"; not "gửi … về đầu tư", nor "triển khai
                             # đến đâu" — how far —, nor the "trình" of "chương trình", "trình độ")
                             r"| (?:bao cao|gui|nop)(?: \w+){4,16}? (?:ve|len) dau $"
                             r"| (?:to|towards?) (?:which|whom|what) | (?:report\w*|sen[dt]\w*|submit\w*) to $"
                             # "where must the decision be sent", "where do they send their reports",
                             # "where do their reports go": the body they go to
                             r"| where (?:do|does|did|must|should|shall|is|are|will|can|has|have) (?:\w+ ){0,16}?"
                             r"(?:sen[dt]\w*|submit\w*|forward\w*|report\w* go(?:es)?) "
                             # a stranded "to" before the purpose or time that follows: "which authority
                             # must the court send it to so it can be entered …", "sent to for reporting"
                             r"|^ (?:\w+ ){0,14}?(?:which|whom|what) (?:\w+ ){1,12}?(?:report\w*|sen[dt]\w*|submit\w*|"
                             r"forward\w*) (?:\w+ ){0,3}?to (?:so|in order|for|when|after|before|within|under|once) "
                             # … or at the question's end: "who should it report the self-assessment to?"
                             r"|^ (?:\w+ ){0,24}?(?:who|whom|which) (?:\w+ ){1,12}?(?:report\w*|sen[dt]\w*|submit\w*|"
                             r"forward\w*) (?:\w+ ){0,4}?to $"
                             # "which authority must a grower notify when …", "notify whom"
                             r"| notif\w* (?:which|whom) |^ (?:\w+ ){0,8}?(?:which (?:\w+ ){0,2}?(?:authority|body|agency|"
                             r"office|organ|committee)|whom) (?:must|should|shall|does|do|is|are) (?:\w+ ){1,4}?notify "
                             # "which body receives the reports": where they are sent
                             r"|^ which (?:\w+ ){1,2}?(?:is |are )?receiv\w* "
                             # ("who receives the periodic reports": where they are sent; not "who
                             # receives registrations", the body that takes them in and acts on them)
                             # (after the frame of its document or time, which a preposition opens: "Under
                             # the Constitution, between National Assembly sessions, who receives the work
                             # reports of …"; not a relative "who": "What happens to the person who receives …")
                             r"|^ (?:(?:under|according to|between|during|in|when|while|after|before|once) "
                             r"(?:\w+ ){0,10}?)?who (?:is |are )?receiv\w* (?:the )?(?:\w+ ){0,3}?reports? ")),
    # "có quyền yêu cầu ai ra quyết định …", "whom may they ask to issue …": the party asked to act
    ("addressee", re.compile(rf" (?:yeu cau|de nghi) {_WHO_OBJ} | (?:ask|request)\w* (?:which|whom) "
                             r"|^ (?:\w+ ){0,14}?(?:whom|which (?:\w+ ){0,2}?(?:body|agency|court|authority|organ|person|"
                             r"official)) (?:may|can|must|should|do|does|will|shall) (?:\w+ ){1,3}?(?:ask|request)\w* to ")),
    # "xem xét báo cáo của cơ quan nào": whose report — the unit written after "báo cáo của"
    # and whose written act a thing needs: "cần văn bản đề nghị của ai", "xác nhận của cơ quan nào"
    ("author", re.compile(rf" (?:bao cao|van x?ban de nghi|xac nhan) cua {_WHO_OBJ} "
                          r"| reports? (?:of|from|by) (?:which|whom|what) ")),
    # "chịu sự chỉ đạo của ai", "theo ủy quyền của ai", "thuộc sở hữu của ai": the one whose
    # authority a noun names ("of:<folded noun>"), written after the same noun and "của"
    ("of", re.compile(rf" ({_OF_NOUNS}) cua {_WHO_OBJ} ")),
]
# Where an assigning verb ("giao", "phân công", "ủy quyền" … "cho") gives no task, in the text
# (``_MARKER["assignee"]``) and in the question (``_ASSIGNED_TO``, folded): the "giao" of "ngoại
# giao", "bàn giao", "chuyển giao" (before it), of "giao thông", "giao dịch", "giao nộp", "giao hàng"
# (after it); nor a report, a submission or advice said between the verb and its "cho": "được giao
# theo dõi, báo cáo cho …", "tham mưu cho".
_NOT_ASSIGNING = {"before": ("ngoại", "bàn", "chuyển"),
                  "after": ("thông", "dịch", "kết", "lưu", "tiếp", "nộp", "hàng", "trả", "lại"),
                  "between": ("thông báo", "báo cáo", "gửi", "trình", "chuyển", "tham mưu")}


# Where the text names the object of each relation.
_MARKER = {
    "partner": re.compile(r"(?<!\w)phối hợp\s+(?:chặt chẽ\s+)?(?:với|cùng)\s+", re.I),
    "via": re.compile(r"(?<!\w)qua\s+"),
    # ("báo cáo kịp thời về Thường trực Đảng ủy phường": a manner word may come between)
    # ("Báo cáo định kỳ hằng năm về hoạt động của Trung tâm trọng tài | với | Sở Tư pháp": what is
    # reported may come between the verb and "với", its addressee)
    "recipient": re.compile(r"(?<!\w)(?:báo cáo(?:\s+[^\s;.:()\n]+){1,12}?\s+với(?=\s+\S)|"
                            r"(?:gửi|nộp|trình|chuyển)(?:\s+(?:về|đến|tới|cho|lên))?|"
                            # "Kịp thời thông báo cho Ủy ban nhân dân cấp xã …", "cung cấp danh mục phim cho …"
                            r"thông báo(?:\s+(?:ngay|kịp thời|bằng văn bản))?\s+cho|"
                            r"cung cấp(?:\s+[^\s;.:()\n]+){0,8}?\s+cho(?=\s+\S)|"
                            # ("Bộ trưởng … báo cáo công tác trước Chính phủ, Thủ tướng Chính phủ": a unit
                            # must follow, not a date: "báo cáo trước ngày 10/11/2021")
                            r"báo cáo(?:\s+công tác)?\s+trước(?=\s+\S)|"
                            r"báo cáo(?:\s+(?:kịp thời|định kỳ|trực tiếp|bằng văn bản))?"
                            r"(?:\s+(?:với|lên|cho|về))?)\s+", re.I),
    # ("giao cho", "giao nhiệm vụ … cho", "phân công cho", "ủy quyền cho"; asked by asks_assignee,
    # with the same exclusions: ``_NOT_ASSIGNING``)
    "assignee": re.compile(r"(?<!\w)" + "".join(rf"(?<!{w} )" for w in _NOT_ASSIGNING["before"]) +
                           r"(?:giao(?!\s+(?:" + "|".join(_NOT_ASSIGNING["after"]) + r")(?!\w))|phân công|ủy quyền|uỷ quyền)"
                           r"(?:\s+(?!(?:" + "|".join(_NOT_ASSIGNING["between"]) + r")(?!\w))[^\s;.:()\n]+){0,6}?\s+cho\s+",
                           re.I),
    "author": re.compile(r"(?<!\w)(?:báo cáo|văn bản\s+đề nghị|xác nhận)\s+của\s+", re.I),
    # ("chịu trách nhiệm và báo cáo công tác trước Quốc hội")
    "answerable": re.compile(r"(?<!\w)chịu trách nhiệm(?:\s+(?:và\s+)?báo cáo(?:\s+công tác)?)?\s+trước\s+",
                             re.I),
    "addressee": re.compile(r"(?<!\w)(?:yêu cầu|đề nghị)\s+", re.I),
    # (a task that opens with leading another body: "Đảng đoàn Hội đồng nhân dân tỉnh | lãnh đạo |
    # Hội đồng nhân dân tỉnh ban hành cơ chế, chính sách …"; ``led_items``)
    "led": re.compile(r"^\s*lãnh đạo,?\s+", re.I),
}
MAX_OBJECT_CHARS = 200
# A law gives its duties to the heads of ministries and courts by their titles ("phối hợp với Bộ
# trưởng Bộ Giáo dục và Đào tạo, Bộ trưởng Bộ Lao động - Thương binh và Xã hội"): titles that open
# a unit's name as well as the bodies the plans name (``_HEAD``, whose "Bộ" wants a capitalised
# name after it).
_TITLE = re.compile(r"(?:Bộ trưởng|Thủ trưởng|Chánh án|Viện trưởng|Thống đốc|Tổng Kiểm toán)(?!\w)")
# The body a law reports to that no plan names, a name whole in itself ("định kỳ hằng năm báo cáo |
# Quốc hội | về công tác thi hành án hành chính", "trình | Quốc hội | dự thảo …"): it ends there but
# for a list it opens ("Quốc hội, Ủy ban thường vụ Quốc hội").
_WHOLE_NAME = re.compile(r"Quốc hội(?!\w)")


# A body named by its kind after the relation's own words, in lower case: "thông báo cho | cơ quan
# chuyên môn về du lịch cấp tỉnh …", "cung cấp danh mục phim chiếu cho | cơ quan nhà nước có thẩm
# quyền …" (after a marker only: elsewhere "cơ quan" opens any clause)
_KIND_HEAD = re.compile(r"cơ quan(?!\w)")
_OF_PLACE = re.compile(r"\s*(?:tại\s+(?:địa phương|nơi)|nơi)(?!\w)")


# Every ministry, as the laws name them together: "phối hợp với Bộ, cơ quan ngang Bộ, Ủy ban nhân dân
# cấp tỉnh" (a "Bộ" with no name after it, which ``_HEAD`` wants capitalised).
_EVERY_MINISTRY = re.compile(r"(?:[Cc]ác\s+)?[Bb]ộ,\s+cơ quan ngang [Bb]ộ(?!\w)")


def _head(text: str, pos: int, end: int | None = None, kind: bool = False):
    """A unit's name opens at ``pos``: a body (``_HEAD``) or an official's title (``_TITLE``);
    ``kind``: or a body named by its kind (``_KIND_HEAD``, ``_EVERY_MINISTRY``)."""
    end = len(text) if end is None else end
    return _HEAD.match(text, pos, end) or _TITLE.match(text, pos, end) or _WHOLE_NAME.match(text, pos, end) or \
        (kind and (_KIND_HEAD.match(text, pos, end) or _EVERY_MINISTRY.match(text, pos, end)))


# A deadline or a time after the name ends it ("gửi về Văn phòng Tỉnh ủy | trước ngày 10/11/2021").
_TIME = re.compile(r"(?<!\w)(?:trước|sau|chậm nhất|kể từ|vào|hằng|hàng|định kỳ|trong thời hạn)(?!\w)"
                   # and the report's topic: "báo cáo của Ủy ban nhân dân cùng cấp | về tình hình …"
                   r"|(?<!\w)về\s+(?:tình hình|việc|kết quả|công tác|nội dung|hoạt động)(?!\w)")
_QUANTIFIER = re.compile(r"(?:các|những|mỗi|từng)\s+$", re.I)


# Words of a body's name that read as verbs: its competence ("cơ quan nhà nước | có thẩm quyền"),
# the place it is of, to the clause's end ("… cấp tỉnh | nơi có cơ sở lưu trú du lịch", "nơi tổ
# chức đăng ký kinh doanh").
_OF_NAME = re.compile(r"(?:có thẩm quyền(?!\w)|nơi\s[^;.:()\n]*)")


# A verb after an aspect word names what the body did or does: a relative clause of its name
# ("gửi cho cơ quan đã thực hiện việc đăng ký kết hôn để ghi vào sổ hộ tịch"), never the
# predicate after the relation's object ("báo cáo Ủy ban nhân dân tỉnh | xem xét").
_DONE_BY = re.compile(r"(?<!\w)(?:đã|đang)\s+$")


def _predicate(text: str, start: int, end: int) -> int | None:
    """The first predicate verb in text[start:end]; a verb after a quantifier is a noun ("các tổ
    chức liên quan"), and so is a body's competence or place (``_OF_NAME``)."""
    while start < end:
        at = first_verb(text, start, end)
        if at is None:
            return None
        if _QUANTIFIER.search(text[max(0, at - 12):at]):
            start = at + 1
            continue
        if _DONE_BY.search(text, max(start, at - 8), at):
            return None  # the name's own relative clause, to its end ("cơ quan đã | thực hiện việc đăng ký kết hôn")
        of_name = _OF_NAME.match(text, at) or (text[max(0, at - 4):at] == "nơi " and _OF_NAME.match(text, at - 4))
        if not of_name:
            return at
        start = of_name.end()
    return None


# A task assigned to the asked body ("được giao cho cơ quan nào", "phân công cho ai"): read as a
# recipient by its "cho", but the object of the assigning verb is who does the task. Folded, with
# the text's exclusions (``_NOT_ASSIGNING``) — but "Ủy ban giao …", which folds like "bàn giao".
_ASSIGNED_TO = re.compile(
    r" " + "".join(rf"(?<!{folded_words(w)} )" if w != "bàn" else r"(?:(?<=uy ban )|(?<!ban ))"
                   for w in _NOT_ASSIGNING["before"]) +
    r"(?:giao(?! (?:" + "|".join(map(folded_words, _NOT_ASSIGNING["after"])) + r")\b)|phan cong|uy quyen)"
    r"(?: (?!" + "|".join(f"{folded_words(w)} " for w in _NOT_ASSIGNING["between"]) + r")\w+){0,6}? cho "
    r"(?:ai|(?:\w+ ){1,3}nao) ")


def asks_assignee(question: str) -> bool:
    """The question asks whom a task is assigned to (``_ASSIGNED_TO``)."""
    return bool(_ASSIGNED_TO.search(f" {folded_words(question)} "))


def asked_relation(question: str) -> str | None:
    """partner | via | answerable | recipient | addressee | author | of:<folded noun>, or None when
    the who-word is the actor ("Ai báo cáo cho …?")."""
    q = f" {fold_question(question).strip()} "
    for name, rx in _ASKED:
        m = rx.search(q)
        if m:
            return f"of:{m.group(1)}" if name == "of" else name
    return None


# Relations whose object need not open with a unit's head: the holder of an authority ("thuộc sở
# hữu của | pháp nhân nhà trường", "chịu sự quản lý của | cơ sở đào tạo, bồi dưỡng") and the ones
# answered to ("chịu trách nhiệm trước | Nhân dân địa phương và cơ quan nhà nước cấp trên") are named
# in any words; the marker, the question's own noun, is what makes them the asked relation.
_FREE = re.compile(r"[^\W\d_]")
_NOT_A_HOLDER = re.compile(r"(?:pháp luật|mình|nhau|người khác|bên kia)(?!\w)", re.I)
_FREE_TOPIC = re.compile(r"(?<!\w)(?:về|đối với)(?!\w)")  # ("trong" is a _SUBJECT_STOP already)
MAX_FREE_CHARS = 120


@lru_cache(maxsize=64)
def _marker(relation: str) -> re.Pattern:
    """The words the text writes its object after: a relation's own, or the asked noun's and "của"."""
    if relation.startswith("of:"):
        return re.compile(rf"(?<!\w){folded_pattern(relation[3:])}\s+của\s+", re.I)
    return _MARKER[relation]


def _clause_limit(text: str, pos: int, max_chars: int) -> int:
    """Where an object named at ``pos`` must end: its clause's end, at most ``max_chars`` on."""
    limit = min(len(text), pos + max_chars)
    cut = re.search(r"[;.:()\n]", text[pos:limit])
    return pos + cut.start() if cut else limit


def _free_object(text: str, pos: int) -> tuple[int, int] | None:
    """The phrase after a free relation's marker, to the predicate, a topic ("về hoạt động của
    Chính phủ") or the clause's end."""
    if not _FREE.match(text, pos) or _NOT_A_HOLDER.match(text, pos):
        return None
    limit = _clause_limit(text, pos, MAX_FREE_CHARS)
    ends = [_predicate(text, pos + 1, limit)]
    for rx in (_SUBJECT_STOP, _TIME, _FREE_TOPIC):
        m = rx.search(text, pos + 1, limit)
        ends.append(m.start() if m else None)
    end = min([x for x in ends if x is not None] + [limit])
    phrase = re.sub(r"[\s,]+(?:và|hoặc|thì|mà)?\s*$", "", text[pos:end])
    return (pos, pos + len(phrase)) if phrase.strip() else None


def relation_objects(text: str, relation: str) -> list[tuple[int, int]]:
    """Spans of the units ``text`` names right after the relation's words, one span per mention
    (a list of units written together is one span: "các cơ quan chuyên môn của tỉnh, các doanh
    nghiệp, hợp tác xã và các tổ chức liên quan")."""
    out = []
    for m in _marker(relation).finditer(text):
        if relation == "answerable" or relation.startswith("of:"):
            span = _free_object(text, m.end())
            if span:
                out.append(span)
            continue
        pos = m.end()
        head = _head(text, pos, kind=True)
        if not head:
            continue  # "báo cáo kết quả", "qua đó": no unit follows
        limit = _clause_limit(text, pos, MAX_OBJECT_CHARS)
        verb = _predicate(text, head.end(), limit)
        stop = _SUBJECT_STOP.search(text, head.end(), limit)
        while stop and _KIND_HEAD.match(text, pos) and _OF_PLACE.match(text, stop.start()):
            # a body named by its kind is told by its place: "cơ quan nhà nước có thẩm quyền | tại
            # địa phương nơi tổ chức chiếu phim"
            stop = _SUBJECT_STOP.search(text, stop.end(), limit)
        time = _TIME.search(text, head.end(), limit)  # (the nearer of the two ends the name)
        whole = head.end() if _WHOLE_NAME.fullmatch(head.group(0)) and \
            not re.match(r"\s*(?:,|và\s)", text[head.end():limit]) else None
        end = min(x for x in (verb, stop.start() if stop else None, time.start() if time else None, whole, limit)
                  if x is not None)
        # ("Bộ, cơ quan ngang Bộ" is one name the split cuts at its comma)
        units = [u for u in _split_units(text, pos, end, strict=True)
                 if _head(text, u[0], u[1], kind=True) or _EVERY_MINISTRY.match(text, u[0], end)]
        if units:
            out.append((units[0][0], units[-1][1]))
    return out


# What may come before the body a question opens with: the document or place it cites ("Theo Luật
# …, ", "Trong kế hoạch …, ", "Ở xã …, "), a deadline's frame ("Hạn chót (để|cho) ").
_QUESTION_OPENING = re.compile(r"\s*(?:(?:Theo|Trong|Ở|Tại)\s[^,?]{1,80},\s*)?(?:(?:Hạn chót|Thời hạn|Hạn)\s+(?:để\s+|cho\s+)?)?",
                               re.I)


_LEADING_QUANTIFIER = re.compile(r"(?:tất cả\s+)?(?:các|những|mỗi|từng|toàn thể)\s+", re.I)


def opening_unit(question: str) -> str:
    """The body a question opens with, its subject ("Ban Tuyên giáo Tỉnh ủy Hà Tĩnh | phải báo cáo …",
    "Hạn chót để các chi bộ | đăng ký …", "Bộ Văn kiện … | được biên soạn …"): its name up to the
    predicate, cut as a relation's object is (``relation_objects``), without its quantifier. "" when
    the question opens with no body ("Hội nghị … tổ chức khi nào", "Nghị quyết 06 … của Ban Chấp
    hành …": an issuer after "của" names a document)."""
    pos = _QUESTION_OPENING.match(question).end()
    q = question[pos:]
    q = q[0].upper() + q[1:] if q else q  # ("các chi bộ" after "Hạn chót để": a name all the same)
    quantifier = _LEADING_QUANTIFIER.match(q)
    at = quantifier.end() if quantifier else 0
    head = _HEAD.match(q, at)  # (a body; an official's title is named in other words too: "Thủ
    if not head:               # trưởng đơn vị" is the law's "người đứng đầu đơn vị")
        return ""
    limit = len(q)
    cut = re.search(r"[;.:()?\n]", q)
    if cut:
        limit = cut.start()
    verb = _predicate(q, head.end(), limit)
    stop = _SUBJECT_STOP.search(q, head.end(), limit)
    time = _TIME.search(q, head.end(), limit)
    modal = _MODAL.search(q, head.end(), limit)
    end = min(x for x in (verb, stop.start() if stop else None, time.start() if time else None,
                          modal.start() if modal else None, limit) if x is not None)
    if verb is None and modal is None:
        return ""  # no predicate: the name is what the question is about, not who acts
    return re.split(r",|\s(?:và|hoặc)\s", q[at:end])[0].strip()  # (the first of a list)


def sentence_of(text: str, at: int) -> tuple[int, int]:
    """The sentence (or ";"-clause) of ``text`` holding offset ``at``."""
    s = max(text.rfind(c, 0, at) for c in ".;\n") + 1
    ends = [i for i in (text.find(c, at) for c in ".;\n") if i >= 0]
    return s, min(ends) if ends else len(text)


def relation_passage_items(results, relation: str, items: list[dict]) -> list[dict]:
    """Sentences of the retrieved passages that name a relation's object but are no stored
    responsibility: a plan's task written without its actor ("Chủ động phối hợp với các công ty lữ
    hành khảo sát, xây dựng tour - tuyến mới …" under a heading of tasks). The object is the answer
    (``relation_objects``), so the sentence needs no actor: it becomes a unit-less item that goes
    through the same support check as the stored ones."""
    from indexer.extract.text import sentences

    stored = {(it["doc_id"], it["start"]) for it in items}
    out = []
    for r in results:
        text = r.text
        for s, e in sentences(text, 0, len(text)):
            if (r.doc_id, r.start + s) in stored or not relation_objects(text[s:e], relation):
                continue
            out.append({"kind": "responsibility", "doc_id": r.doc_id, "doc_title": r.doc_title,
                        "start": r.start + s, "end": r.start + e, "quote": text[s:e],
                        "section_path": list(r.section_path_parts or []), "unit": "", "unit_normalized": "",
                        "role": "thực hiện", "roles": ["thực hiện"], "task": text[s:e], "via": "relation"})
    return out


LED = "led body"  # (the ``via`` of a led body's item: never one unit list with its leader's sentence)


def led_items(items: list[dict]) -> list[dict]:
    """The body a unit's task says it leads in doing something, as the doer of that act: "Đảng đoàn
    Hội đồng nhân dân tỉnh lãnh đạo Hội đồng nhân dân tỉnh ban hành cơ chế, chính sách …" — the
    Council issues the mechanisms (under its Party delegation's leadership), the delegation leads.
    Each becomes an item of its own (unit: the led body, task: what it does, via "led body"),
    read from the same sentence, so a question of the act ("cơ quan nào ban hành cơ chế … dưới
    sự lãnh đạo của Đảng đoàn?") finds its doer, and one of the leading finds the leader."""
    out = []
    for it in items:
        task = it.get("task") or ""
        if it.get("task_start") is None or not _MARKER["led"].match(task):
            continue
        objects = relation_objects(task, "led")
        if not objects:
            continue
        s, e = objects[0]
        rest = task[e:].lstrip(" ,")
        if not rest or first_verb(rest, 0, len(rest)) != 0:
            continue  # "lãnh đạo công tác của Chính phủ": a field led, no body doing an act
        start = it["task_start"] + len(task) - len(rest)
        out.append({**it, "unit": task[s:e], "unit_normalized": task[s:e], "unit_start": it["task_start"] + s,
                    "unit_end": it["task_start"] + e, "task": rest, "task_start": start,
                    "task_end": start + len(rest), "role": "thực hiện", "roles": ["thực hiện"], "via": LED})
    return out
