"""What a question asks, read once per request from the search's own analysis (``interpreted`` for
a question typed without diacritics, ``translated`` for an English one), so search and answer see
the same Vietnamese words:

- ``kind``: who / target / when / tasks / general (``classify``);
- ``role``: the role a who-question names (chủ trì, phối hợp, tham mưu, báo cáo viên, tham dự, xây
  dựng, kiểm tra/giám sát, báo cáo; "thành phần" for who makes up a body, "ký" for who signed), the
  first one in the question's word order ("which body leads …
  in coordination with …" asks for the lead; "phối hợp với ai" for the partners);
- ``terms``: the subject's content words (folded syllables), which an item must contain to support
  an answer. English words the glossary does not know stay in as they are: a question about
  "homestays" must not be answered from a passage that only shares "2030" and "xã";
- ``years`` and ``measure``: the period and the kind of quantity a target-question asks for
  (percent, money, or a length of time), and ``count_noun`` / ``count_nouns``: the noun it counts
  ("bao nhiêu lượt", "mấy năm", "how many villages" -> thôn, bản; "what age" -> tuổi);
- ``doc_refs``: document numbers it names ("08-NQ/TU", "Kết luận 224", "Resolution 06").
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field

from indexer.search.named import DOC_REF, doc_refs
from indexer.search.translate import THESAURUS, base_form, default_glossary, lookup, translate, translate_groups
from indexer.text import QUESTION_STOPWORDS, fold, folded_words, has_diacritics, query_language, spelling

from indexer.extract.units import ABBREVIATIONS, LAW_ABBREVIATIONS, TERM_ABBREVIATIONS, spell_out_ministries
from indexer.extract.responsibilities import _LOW_HEADS as _LOW_HEADS_TEXT

from .classify import classify, fold_question, percent_sign
from .insitu import Slot, wh_slots
from .passages import asked_refs, asked_vision, is_duration_question, is_horizon_question, is_issued_question
from .relations import asked_relation
from .texts import _NAME_RUN

# Asked roles: folded Vietnamese phrases and English stems, in no particular order (the first one
# found in the question wins). Values are the role names of the extractor (indexer/extract/roles.py)
# plus "báo cáo viên" and "xây dựng", which the answer engine reads from the task's verbs.
ROLE_CUES: list[tuple[str, str]] = [
    ("bao cao vien", "báo cáo viên"), ("speak", "báo cáo viên"), ("presenter", "báo cáo viên"),
    # "who is to present the report": the speaker, not the drafter ("at present" is no cue)
    ("present the", "báo cáo viên"), ("presents the", "báo cáo viên"), ("presenting the", "báo cáo viên"),
    # the speaker named as such ("the keynote reporter", "as rapporteur": "report" is a prefix, and
    # a tie goes to báo cáo viên)
    ("reporter", "báo cáo viên"), ("rapporteur", "báo cáo viên"), ("keynote", "báo cáo viên"),
    # … and who gives it ("who gives the presentation there?": the speaker)
    ("gives the presentation", "báo cáo viên"), ("give the presentation", "báo cáo viên"),
    # ("ai truyền đạt nội dung nghị quyết": who conveys it to a meeting is its speaker)
    ("truyen dat", "báo cáo viên"),
    ("delivers the presentation", "báo cáo viên"), ("deliver the presentation", "báo cáo viên"),
    ("makes the presentation", "báo cáo viên"), ("make the presentation", "báo cáo viên"),
    # ("which body gives the main briefing to attendees": who briefs the meeting speaks at it; not
    # "prepares the briefing materials", nor "brief the Standing Committee", which reports to it)
    ("main briefing", "báo cáo viên"), ("gives the briefing", "báo cáo viên"),
    ("give the briefing", "báo cáo viên"), ("main presentation", "báo cáo viên"),
    ("thanh phan", "tham dự"), ("tham du", "tham dự"), ("du hoi nghi", "tham dự"),
    ("doi tuong tham gia", "tham dự"), ("attend", "tham dự"), ("attendee", "tham dự"),
    ("participant", "tham dự"), ("invited to", "tham dự"), ("invitee", "tham dự"),
    # (who is summoned to a meeting, "được triệu tập", "is summoned to …", on "the attendance list"; not
    # who summons it; and whom a meeting invites, "hội nghị mời những ai", "mời những người nào")
    ("moi nhung ai", "tham dự"), ("moi nhung nguoi", "tham dự"), ("duoc trieu tap du", "tham dự"),
    ("duoc trieu tap tham du", "tham dự"), ("duoc trieu tap den", "tham dự"), ("summoned to", "tham dự"),
    ("attendance list", "tham dự"), ("invitation list", "tham dự"), ("chu tri", "chủ trì"), ("lanh dao", "chủ trì"), ("lead", "chủ trì"),
    ("in charge", "chủ trì"), ("take charge", "chủ trì"), ("takes charge", "chủ trì"),
    # "Who chairs …" presides (not "chairman": chủ tịch, a position)
    ("chairs", "chủ trì"), ("chair the", "chủ trì"), ("chaired", "chủ trì"), ("chairing", "chủ trì"),
    ("presides", "chủ trì"), ("preside over", "chủ trì"),
    ("apprais", "tham mưu"), ("tham dinh", "tham mưu"), ("phoi hop", "phối hợp"), ("coordinate", "phối hợp"),
    ("coordinat", "phối hợp"), ("work with", "phối hợp"), ("works with", "phối hợp"),
    ("working with", "phối hợp"), ("cooperat", "phối hợp"), ("collaborat", "phối hợp"),
    # ("works alongside the Propaganda Board", "làm cùng bộ nào": doing it together with another body;
    # not "Alongside its duties, who …", nor "đi cùng", accompanying)
    ("work alongside", "phối hợp"), ("works alongside", "phối hợp"), ("working alongside", "phối hợp"),
    ("lam cung ", "phối hợp"),
    ("liais", "phối hợp"), ("tham muu", "tham mưu"), ("advise", "tham mưu"), ("advis", "tham mưu"),
    # who helps a leading body do its work advises it ("ai giúp Thường vụ Đảng ủy soạn kế hoạch …"),
    # not who helps people ("giúp đỡ hộ nghèo")
    # (a board by its name: "giúp bạn", "giúp bán hàng", "giúp ban hành" fold alike)
    *((f"giup {body}", "tham mưu") for body in (
        "ban thuong vu", "ban chap hanh", "ban chi dao", "ban can su", "thuong vu", "thuong truc", "dang uy",
        "uy ban", "ubnd", "tinh uy", "huyen uy", "thanh uy", "thi uy", "quan uy", "cap uy", "chi uy", "hdnd",
        "hoi dong", "chu tich")),
    # ("soạn" alone composes a document as "soạn thảo" does: "Ai soạn Kế hoạch …")
    ("du thao", "xây dựng"), ("soan thao", "xây dựng"), ("soan ", "xây dựng"), ("xay dung", "xây dựng"), ("draft", "xây dựng"),
    ("drew up", "xây dựng"), ("draw up", "xây dựng"), ("build", "xây dựng"), ("compile", "xây dựng"),
    ("kiem tra", "kiểm tra/giám sát"), ("giam sat", "kiểm tra/giám sát"),
    ("theo doi", "kiểm tra/giám sát"), ("inspect", "kiểm tra/giám sát"), ("supervis", "kiểm tra/giám sát"),
    # ("keeps track of and urges on": theo dõi, đôn đốc)
    ("track of", "kiểm tra/giám sát"), ("urges", "kiểm tra/giám sát"), ("urge on", "kiểm tra/giám sát"),
    ("monitor", "kiểm tra/giám sát"), ("bao cao", "báo cáo"), ("report", "báo cáo"),
    # Who a body is made of: "… gồm những ai", "gồm những thành viên nào", "who sits on …", "the
    # members of …" — answered by the law's "<body> gồm <members>" (passages.composition_items).
    ("gom nhung", "thành phần"), ("gom co nhung", "thành phần"), ("gom cac thanh vien", "thành phần"),
    ("gom ai", "thành phần"), ("gom co ai", "thành phần"), ("sits on", "thành phần"), ("sit on", "thành phần"),
    ("serves on", "thành phần"), ("serve on", "thành phần"), ("members of", "thành phần"),
    ("made up of", "thành phần"), ("composed of", "thành phần"), ("consists of", "thành phần"),
    ("consist of", "thành phần"), ("composition of", "thành phần"), ("membership of", "thành phần"),
    ("membership structure", "thành phần"), ("membership", "thành phần"),
    ("makes up", "thành phần"), ("comprise", "thành phần"), ("which members", "thành phần"),
    ("what members", "thành phần"), ("who is on the", "thành phần"), ("who are on the", "thành phần"),
    ("included in", "thành phần"), ("la thanh vien", "thành phần"), ("nhung thanh vien", "thành phần"),
    ("thanh vien cua", "thành phần"),
    # Who signed a document: the name in its signature block (passages.signer_items).
    ("ai ky", "ký"), ("nguoi ky", "ký"), ("ky ten", "ký"), ("ky ban hanh", "ký"), ("ky ke hoach", "ký"),
    ("ky van ban", "ký"), ("ky nghi quyet", "ký"), ("signed", "ký"), ("signer", "ký"), ("signator", "ký"),
    ("sign the", "ký"), ("signs the", "ký"), ("nao ky", "ký"),  # ("Chủ tịch Quốc hội nào ký …")
    # Who issued a document: the plan's opening sentence ("Ban Thường vụ Đảng ủy ban hành Kế hoạch …
    # như sau", passages.preamble_items), a role the extractor's "xây dựng" verbs hold.
    ("ban hanh", "xây dựng"), ("issued", "xây dựng"), ("issues the", "xây dựng"), ("issue the", "xây dựng"),
]
# Words that say which role or kind, not what about: left out of the subject's terms.
_ROLE_SYLLABLES = frozenset("chu tri phoi hop tham muu lanh dao vien thanh phan du bao cao giam sat "
                            "kiem tra soan thao".split())
_KIND_WORDS = frozenset("""
ai gi nao bao nhieu may khi gio nhu sao dau luc gom nhung thoi han diem hoan thanh chot
muc dat phan dau toi thieu it nhat tren duoi khoang ve cho khi lau chu ky vao thi moc xong khau
""".split())
# ("khâu": the stage of work a question names — "khâu chuẩn bị điều kiện phục vụ hội nghị giao cho
# đơn vị nào" —, which the plans write as the task itself, "chuẩn bị các điều kiện phục vụ Hội nghị")
_EN_NOISE = frozenset("""
the a an of for is are was were what who which how many much when to in on by and or with be does do
did must should will shall there this that it its whom whose under among first all any per into from
at as has have had been being up can could would may might their them they than then also each every
body bodies agency office authority organization organisation unit units party within after before
aim aims set sets share related concerned need needs according law extend extends adopted issued signed
over about through during while whether where why issue adopt sign promulgate use used make
regulation conclusion decision directive
she him his her hers we us our you your its own theirs itself themselves
can't cannot won't don't doesn't didn't isn't aren't wasn't weren't hasn't haven't shouldn't mustn't
still supposed want wants wanted cite cited mention mentioned refer referred come comes came
get gets got went cover covers covered down out off not no except someone something besides
take takes took taken taking
soon i i'm i've i'd we're we've
roughly approximately nearly
""".split())
# ("roughly", "approximately", "nearly": how an asker hedges the value asked, which the text writes
# with "khoảng" or not at all.)
# (Not "he", "me", "my", "go": typed without diacritics they are hè, mẹ, mỹ, gỗ, and these words
# are no English noise words.)
# (Pronouns, negated auxiliaries and modals — "wants to", "is supposed to", as the Vietnamese
# modals "muốn", "phải" —, the particles of phrasal verbs said apart from them ("bring the plan
# down to", like "up") and the question's own framing verbs — "cited in the plan", "what period
# does it cover" — say how the question is asked, not what about.)
# English prepositions the glossary translates ("against": chống, "regarding": về) that a
# Vietnamese text mostly leaves unsaid: "a lawsuit against an administrative decision" is
# "khởi kiện quyết định hành chính". They weigh as little as an unknown verb form
# (``Question.soft``): found, they help; missing, they do not sink an item that says the rest.
_SOFT_PREPOSITIONS = frozenset({"against", "regarding", "concerning", "towards", "toward", "upon"})
# "give" and "together" the same way, in any kind of question: "give" is a light verb whose object
# says the act ("give full information" is "cung cấp thông tin", "give the answer" is "trả lời"),
# "together (with)" a companion the law writes with "cùng", "phối hợp với" or a list; the glossary
# has no sense for either.
_LIGHT_WORDS = frozenset({"give", "gives", "given", "gave", "giving", "together"})
# English hedges that say the rule asked is the usual one, not which ("the general minimum age", "the
# normal term", "ordinarily"): the laws state the rule plainly ("Từ đủ 18 tuổi trở lên") and their
# exceptions apart, so the glossary's "chung" is no word the answering sentence says. Found, they
# help (a "quy định chung"); missing, they do not sink the rule.
_HEDGES = frozenset({"general", "generally", "normal", "normally", "usual", "usually", "ordinary",
                     "ordinarily", "regular", "regularly", "standard", "typically", "typical"})
# "the current Cinema Law", "currently in force": the law in force, which its own text calls "Luật
# này" and never "hiện hành"; any kind of question.
_IN_FORCE = frozenset({"current", "currently"})
# A code of capitals and digits a question names ("films rated T16", "loại C18"): the translation
# splits it into a letter and a number, both dropped, and the number told "T16" from "T18" apart.
_CODE = re.compile(r"\b[A-ZĐ]{1,3}\d{1,4}\b")
# "… changing which parent directly raises a child …, from what age …": a "which" + noun inside a
# question that asks something else (an age, a count) is an embedded question, its noun what is
# chosen, which a law names by its role ("người trực tiếp nuôi con"), not by that noun.
_EMBEDDED_WHICH = re.compile(r"\b(?:which|whichever)\s+([a-z]+)\b")
_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")
_MEASURE_CUES = [
    # (a growth rate — "tốc độ tăng tổng thu ngân sách", "how fast" — is a percentage, though the
    # budget it grows is money)
    # (an interest rate, "lãi suất", is a percentage a year: "20%/năm")
    # (and "mức tăng", "tăng trưởng", "growth": how much a thing grows, which the plans set as a rate,
    # "tốc độ tăng tổng thu ngân sách … bình quân hằng năm đạt 18%")
    ("percent", re.compile(r"\b(?:ty le|phan tram|toc do|percent|percentage|share|rate|bao phu|how fast|lai suat|"
                           r"muc tang|tang truong|growth)\b|%")),
    # ("ngoài ngân sách" says where an investment comes from, not that money is asked: "thu hút tối
    # thiểu bao nhiêu … tổ chức, cá nhân đầu tư ngoài ngân sách" counts investors, "05 tổ chức, cá nhân")
    ("money", re.compile(r"\b(?:kinh phi|(?<!ngoai )ngan sach|bao nhieu dong|ty dong|trieu dong|nghin dong|so tien|"
                         r"nguon von|tong von|von dau tu|budget|funding|fund|cost|investment|vnd|how much money)\b")),
    # a length of time asked as a quantity ("the maximum time … to resolve", "thời hạn tối đa là bao
    # nhiêu"): a percentage or a sum of money does not answer it
    ("time", re.compile(r"\b(?:(?:maximum|minimum|max|min|what|how much|longest|shortest) (?:\w+ )?"
                        r"(?:time|period|duration|time limit|length)|thoi (?:gian|han) (?:toi da|toi thieu|"
                        r"la bao nhieu|bao nhieu|dai nhat|ngan nhat))\b")),
]


_ABBR = {folded_words(k): folded_words(v) for k, v in ABBREVIATIONS.items() if len(k) > 2}
# Common abbreviations an asker types for what the documents write out ("tỷ lệ bao phủ BHYT" is the
# plans' "tỷ lệ bao phủ bảo hiểm y tế"): the usual administrative short forms of these domains
# (insurance, schooling, rural development, IT), folded. A question word found nowhere in the
# documents sank every item that said the long form. The short form stays an alternative. One table
# with the search's (units.TERM_ABBREVIATIONS, spelled out in the query too).
_TERM_ABBR = {folded_words(k): folded_words(v) for k, v in TERM_ABBREVIATIONS.items()}
# The laws' own abbreviations of procedures and courts a question writes short ("báo cáo ĐTM") while
# the law spells them out ("báo cáo đánh giá tác động môi trường"): not units, so not in ABBREVIATIONS.
_ABBR.update({folded_words(k): folded_words(v) for k, v in LAW_ABBREVIATIONS.items()})


def expand_abbreviations(words: list[str]) -> list[str]:
    """Folded syllables with the abbreviations a question types spelled out as the documents write
    them ("ubtvqh" -> "uy ban thuong vu quoc hoi", "bhyt" -> "bao hiem y te")."""
    out = []
    for w in words:
        out += (_ABBR.get(w) or _TERM_ABBR.get(w) or w).split()
    return out


@dataclass
class Question:
    text: str
    language: str
    kind: str
    role: str | None
    vi_text: str  # the Vietnamese the terms come from (interpreted, or the translation)
    terms: list[str]
    foreign: list[str] = field(default_factory=list)  # English words no glossary entry covers
    years: list[str] = field(default_factory=list)
    measure: str | None = None
    count_noun: str | None = None
    doc_refs: list[str] = field(default_factory=list)
    # The subject as groups of folded alternatives: one group per Vietnamese syllable, one per
    # English glossary phrase (any of its equivalents will do), one per unknown English word.
    groups: list[tuple[str, list[str]]] = field(default_factory=list)
    # Labels of groups that weigh less in the support check: English verb forms no glossary entry
    # covers ("investigating", "allocating", "drew"). They rarely carry the subject (nouns do), and
    # treating them as decisive turned answerable English questions into nulls.
    soft: set[str] = field(default_factory=set)
    # The who-word is the object of a relation ("phối hợp với ai", "gửi báo cáo cho cơ quan nào",
    # "qua ban nào tổng hợp", "to which body … report"): partner | recipient | via (relations.py).
    # The items name who acts, so the answer is the unit the text writes after the same relation
    # word, never the actor's name.
    relation: str | None = None
    # "Ai có quyền …", "who has the right to …": a right, which only a sentence that grants one
    # answers (roles.states_right), not a duty ("có trách nhiệm", "nhiệm vụ") of the same subject.
    asks_right: bool = False
    # The kind of body a who-question names ("bộ nào", "which ministry" -> "bo"): the answer's name
    # must open with one of these folded heads (roles.is_of_class). Empty: any body.
    unit_class: list[str] = field(default_factory=list)
    # Labels of groups the documents' Vietnamese cannot be read for: the English words and phrases
    # of an English question (a word the glossary lacks, or a glossary sense the text does not use).
    # A sentence lacking them is not evidence against it; the model decides (semantic.py).
    unsure: set[str] = field(default_factory=set)
    # Every folded noun the counted thing may be written with: an English noun's glossary senses
    # ("villages" -> thôn, bản), ``count_noun`` first.
    count_nouns: list[str] = field(default_factory=list)
    # An English question's glossary senses as they are spelled, by their folded form ("thanh nien"
    # -> ["thanh niên"]): folded, "thanh niên" (youth) is also "thành niên" (of age), which the
    # glossary did not say (``spelled_apart``).
    spelled: dict[str, list[str]] = field(default_factory=dict)

    @property
    def asks_object(self) -> bool:
        return self.relation is not None


def question_slots(q: Question, kind: str) -> list[Slot]:
    """Where the question word of ``q`` stands (``insitu.wh_slots``), read as a ``kind`` question: the
    nouns it counts are its groups of several syllables, its abbreviations spelled out."""
    return wh_slots(q.text, kind, {label for label, _ in q.groups if " " in label},
                    lambda w: expand_abbreviations([w]))


# A right asked: "có quyền", "được quyền" (not "có thẩm quyền", a competence), "has the right to",
# "is entitled to".
_RIGHT_Q = re.compile(r" (?:co|duoc) quyen | ha(?:s|ve|d) the rights? | (?:is|are|be) entitled ")


# The who-word of a question, folded: "Ai có quyền …", "Cơ quan nào được quyền …", "Who is entitled …".
_WHO_AT = re.compile(r" (?:ai|nao|who|whom|whose|which) ")
# "Người có quyền khởi kiện là ai?": the right's holder is the subject the copula identifies
_IS_WHO = re.compile(r" (?:la|is|are) (?:nhung )?(?:ai|co quan nao|to chuc nao|nguoi nao|who|whom) ")


def _asks_right(folded_q: str) -> bool:
    """The asked unit is the holder of a right ("Ai có quyền yêu cầu …", "Who is entitled to …"):
    the right comes after the who-word, or its holder is what "… là ai" identifies. "Teachers are
    entitled to summer leave as regulated by which body?" grants the teachers a right, and asks
    the body whose rule sets it."""
    right = _RIGHT_Q.search(folded_q)
    if not right:
        return False
    who = _WHO_AT.search(folded_q)
    return who is None or who.start() < right.start() or bool(_IS_WHO.search(folded_q, right.end() - 1))


_AFTER_DOC = re.compile(r"(?<![a-z])(?:ke hoach|nghi quyet|chuong trinh|de an|chien luoc|quy hoach|"
                        r"ket luan|chi thi) $")


# ... nor after an English article or possessive: "the draft review report" is a noun, not
# who drafts; "the report" is no one reporting.
# (also a cue that names a fee, a body or a record: "phí thẩm định", "hội đồng thẩm định", "đoàn
# kiểm tra", "kết quả kiểm tra", "biên bản kiểm tra" — the thing the question asks about)
_NOMINAL = re.compile(r"(?<![a-z])(?:viec|su|cong tac|phi|le phi|hoi dong|doan|ket qua|bien ban) $")
_ARTICLE = re.compile(r"(?<![a-z])(?<!take )(?<!takes )(?<!took )(?<!taking )(?:the|a|an|its|their|this|that) $")
# English verb cues that are nouns after an article ("the draft", "the report", "a monitoring
# visit"); role nouns ("the speaker", "the attendees") are cues as nouns ("takes the lead": a verb).
_VERB_CUES = frozenset("draft report build compile monitor inspect supervis advise advis coordinate coordinat "
                       "lead".split())


# ("Tòa án cấp nào", "Ủy ban nhân dân cấp nào": the level asked of a kind of body is a body of that kind)
_CLASS_VI = re.compile(r"(?<![a-z])(dang bo|bo|so|uy ban|hoi dong|toa an|cuc|chi bo|van phong|ban) nao(?![a-z])"
                       r"|(?<![a-z])(toa an|uy ban|hoi dong)(?: nhan dan)? cap nao(?![a-z])")
_CLASS_EN = [(re.compile(r"\bwhich (?:\w+ )?(?:ministry|ministries)\b"), ["bo"]),
             (re.compile(r"\bwhich (?:\w+ )?courts?\b"), ["toa an"]),
             (re.compile(r"\bwhich (?:\w+ )?councils?\b"), ["hoi dong"]),
             (re.compile(r"\bwhich (?:\w+ )?(?:party )?cells?\b"), ["chi bo"])]
# ("đảng bộ nào", not the "bộ nào" of a ministry: a Party organisation, a đảng bộ or a chi bộ —
# "Những đảng viên thuộc chi bộ, đảng bộ nào …")
_CLASS_HEADS = {"ban": ["ban", "uy ban"], "uy ban": ["uy ban"], "dang bo": ["dang bo", "chi bo"]}


_CLASS_ASKED = re.compile(r"\b(?:which|what)\s+((?:[a-z'-]+\s+){0,2}[a-z'-]+)|((?:\w+\s+){0,2}\w+)\s+nào\b")


def _asked_class_words(question: str) -> set[str]:
    """The words of the kind of body a who-question asks by ("which ministry", "which state
    officials", "cơ quan nhà nước nào"), folded."""
    out: set[str] = set()
    for m in _CLASS_ASKED.finditer(question.lower()):
        out |= set(folded_words(m.group(1) or m.group(2)).split())
    return out


def asked_unit_class(question: str) -> list[str]:
    """Folded heads of the kind of body asked: "Bộ nào …" -> ["bo"], "Which ministry …" -> ["bo"],
    "Ban nào" -> ["ban", "uy ban"]; [] when the question asks for any body ("cơ quan nào", "ai")."""
    m = _CLASS_VI.search(fold_question(question))
    if m:
        head = m.group(1) or m.group(2)
        return _CLASS_HEADS.get(head, [head])
    q = question.lower()
    return next((heads for rx, heads in _CLASS_EN if rx.search(q)), [])


# "present the (main) report / a speech", "trình bày báo cáo (chính)", "báo cáo đề dẫn": the speaker
# at a meeting (a "Báo cáo viên:" line), not the body that drafts or sends the report.
# (and "present <what> at the conference": what a speaker presents at a meeting is its matter — "Who
# will present Resolution 92 at the ward-level conference?" asks the "Báo cáo viên:" line, and so does
# "… to the participants of the ward-level conference"; not "presents the plan to the Standing
# Committee", which submits it)
_PRESENTS = re.compile(r" present(?:s|ing|ed)? (?:the |a |an )?(?:\w+ )?(?:report|speech|keynote|talk|presentation) "
                       r"| present(?:s|ing|ed)? (?:[\w-]+ ){1,4}(?:at|to|of) (?:the |a |an )?(?:[\w-]+ ){0,4}"
                       r"(?:conference|meeting|session|participants|delegates|attendees) "
                       r"| trinh bay (?:\w+ )?bao cao | bao cao de dan ")

# ... and its words say which role, not what about
_PRESENT_WORDS = frozenset("present presents presenting presented report speech keynote talk presentation "
                           "trinh bay bao cao de dan".split())


# A cue right before an English body noun is part of that body's name, not the role asked: "the
# Party building boards" (ban xây dựng Đảng), "the Inspection Commission" (ủy ban kiểm tra).
_NAMES_BODY = re.compile(r"[a-z]*\s+(?:boards?|commissions?|committees?|departments?|councils?|offices?|"
                         r"teams?|divisions?|sections?)\b")


# "Who is responsible for bringing the resolution to every Party member?": English says
# "responsible for" + a gerund of whoever must do a task, lead or not (the plans write "Các cấp ủy
# … quán triệt …", a doer with no "chủ trì"); "responsible for propaganda" (a field) still asks
# who leads it.
_RESPONSIBLE_FOR_DOING = re.compile(r"\bresponsible for (?:\w+ing)\b")


# Those invited to a meeting as the object of the verb asked ("Đơn vị nào … triệu tập đại biểu dự
# hội nghị?"): who convenes them is asked, not who attends.
_INVITED = re.compile(r" (?:trieu tap|moi|don tiep|don) (?:cac )?(?:dai bieu|thanh phan) $|"
                      # ("which office has to summon the attendees": who convenes, not who attends)
                      r" (?:summons?|summoning|invites?|inviting|convenes?|convening) (?:the |all )?$")
# "ký quyết định thành lập", "ký quyết định khen thưởng": to sign a decision to do something is
# to decide it — the law says "do <body> quyết định thành lập", no signature; a decision named by
# its number ("ký Quyết định số 238 …") is a document whose signer is asked.
_SIGNS_TO_DECIDE = re.compile(r" (?:ten )?(?:cac )?quyet dinh (?!so\b)[a-z]")


# "Nếu … cử ai giám sát việc giám hộ thì cơ quan nào quyết định?": the condition before "thì" says
# what happened; the who-word after it asks, with its own verb.
_THEN_WHO = re.compile(r" thi (?:(?:la|do|phai) )?(?:ai|(?:co quan|bo|to chuc|don vi|ban|cap|nguoi|luc luong|"
                       r"chu the|toa(?: an)?|(?:cap|ben) chinh quyen) nao) ")


# The verbs a document's date is asked with ("mang ngày", "ghi ngày", "đề ngày"): ``analyze``.
_DATE_VERBS = {"mang": "mang", "ghi": "ghi", "de": "đề"}
# The verbs a question names a cited document's place with ("Hà Tĩnh bám theo kế hoạch 131 …",
# "Nghị quyết 08 mà xã Bình Lư đang triển khai", "Kết luận 224 nhắc đến Nghị quyết 35 …"): how
# another document uses it, which its citation ("Kế hoạch số 131-KH/UBND ngày 19/4/2018 của Ủy ban
# nhân dân tỉnh …") never says (folded; soft in a question asking that document's date, ``analyze``).
_CITING_VERBS = frozenset({"bam", "bam theo", "trien khai", "cu the hoa", "nhac", "nhac den", "doi chieu", "can cu",
                           "quan triet", "dan chieu", "trich dan"})


def asked_role(folded: str) -> str | None:
    """The role named first in a folded question, or the one its question word follows ("cơ quan
    phối hợp nào"); None when it names none."""
    best: tuple[int, str] | None = None
    yielding: tuple[int, str] | None = None
    asked: str | None = None
    thens = list(_THEN_WHO.finditer(f" {folded} "))
    if thens:  # (the last "thì <who-word>": a condition may hold one of its own)
        folded = f" {folded} "[thens[-1].start():].strip()
    q = f" {folded} "
    for cue, role in ROLE_CUES:
        # a verb right after a document's name is its title, not the role asked: "kế hoạch xây dựng
        # nông thôn mới" is the plan on building new rural areas, not a question about who drafts
        # nor is an activity named as a noun: "directs coordination among …", "việc phối hợp
        # giữa …" ask who directs, not who is the partner
        m = next((m for m in re.finditer(rf"(?<![a-z]){re.escape(cue)}", q)
                  if not _AFTER_DOC.search(q, 0, m.start()) and not _NOMINAL.search(q, 0, m.start())
                  and not (cue in _VERB_CUES and _ARTICLE.search(q, 0, m.start()))
                  and not re.match(r"[a-z]*(?:ion|al)\b", q[m.end():])
                  and not _NAMES_BODY.match(q, m.end()) and not _INVITED.search(q, 0, m.start())
                  and not (role == "ký" and _SIGNS_TO_DECIDE.match(q, m.end()))), None)
        if m and cue in _YIELDING_CUES:
            yielding = yielding if yielding is not None and yielding[0] < m.start() else (m.start(), role)
            continue
        if m and (best is None or m.start() < best[0] or
                  (m.start() == best[0] and len(cue) > 0 and role == "báo cáo viên")):
            best = (m.start(), role)
        if m and asked is None and role not in ("tham dự", "thành phần") and \
                re.search(rf"(?<![a-z]){re.escape(cue)} nao ", q):
            # the role the question word is written after ("… do Tòa án nhân dân tối cao chủ trì, cùng
            # với những cơ quan phối hợp nào?"): the asked one, whatever the statement names before it
            # (not a body's parts, "gồm những thành phần nào": a noun, which "gồm" already asks)
            asked = role
    return asked or (best[1] if best else yielding[1] if yielding else None)


# Cues of who is invited that give way to any other role the question names: "Hội nghị mời những ai
# làm báo cáo viên?" asks the speaker, "Sở mời những người nào tham gia phối hợp …?" the partners.
_YIELDING_CUES = frozenset({"moi nhung ai", "moi nhung nguoi", "summoned to"})


def vietnamese_names(question: str) -> str:
    """Vietnamese words of a mixed question (names with diacritics and their capitalised
    neighbours: "Bình Lư", "Lai Châu"). A document number is no name ("22-QĐ/TU" has a "Đ"): its
    neighbour "Regulation" is the English word for the document, not a word the text must say. Nor
    is an English word the glossary knows ("Hà Tĩnh Provincial Party Office": the office is the
    glossary's phrase, not a name the text writes in English)."""
    words = [w.strip("“”\"'’?,.:;()") for w in question.split()]
    words = [re.sub(r"['’]s$", "", w) for w in words]
    keep = [any(ord(c) > 127 for c in w) and not any(c.isdigit() for c in w) for w in words]
    for i, w in enumerate(words):
        if not keep[i] and w[:1].isupper() and ((i and keep[i - 1]) or (i + 1 < len(words) and keep[i + 1])) \
                and not lookup([w.lower()]) and w.lower() not in ("the", "a", "an"):
            keep[i] = True  # (not the article that opens the sentence: "The Bình Lư tourism plan …")
    return " ".join(w for w, k in zip(words, keep) if k)


def untranslated(english: str) -> list[str]:
    """English content words of a question that the glossary does not cover (read the way the
    translation reads them: the same phrases, the same inflections)."""
    return [en for en, vi in translate_groups(english)
            if not vi and not en[0].isdigit() and en not in _EN_NOISE and base_form(en) not in _EN_NOISE
            and len(en) > 2]


_STOP = (QUESTION_STOPWORDS - {"van", "ban", "can", "dang"}) | _KIND_WORDS | {"nq", "kl", "qd", "tw", "kh", "cp", "ctr"}
# Modal words whose folded form is also a content word ("cần" / "cán bộ", "đang" / "Đảng", "vẫn" /
# "văn"): recognised before folding. And "mà" (the relative "which", "… mà Hà Tĩnh triển khai"),
# which folds like "ma" of "ma túy"; and the passive "bị" ("bị đưa vào cơ sở cai nghiện"), which
# folds like the "bí" of "Bí thư" (alone: "chuẩn bị", "thiết bị" are one word to the segmenter) —
# not before the noun it makes ("bị hại", "bị can", "bị cáo", "bị đơn": ``_modal``); and "chưa" ("nay
# chưa đủ điều kiện"), which folds like "chùa" — not that of "người chưa thành niên" (a minor).
_MODALS = frozenset({"cần", "đang", "vẫn", "phải", "nên", "muốn", "mà", "bị", "chưa"})
_NOUN_AFTER_MODAL = {"bị": frozenset({"hai", "can", "cao", "don"}), "chưa": frozenset({"thanh nien", "thanh"})}


def _modal(word: str, following: list[str]) -> bool:
    return word.lower() in _MODALS and not (
        following and folded_words(following[0]) in _NOUN_AFTER_MODAL.get(word.lower(), ()))
# The asker's own pronouns anywhere in the question ("Chi bộ chúng tôi ở Nông Tiến …", "xã tôi"): no
# document speaks in the first person, so they name nothing to find. Recognised before folding
# ("tới", "tội", "chung" fold alike: typed without diacritics they stay, as the restoration
# guesses); "chúng" alone is the half of "chúng tôi" the segmenter leaves when no text writes it.
# (``_PERSONA`` sets aside a whole opening sentence about the asker; this drops the word alone.)
_FIRST_PERSON = frozenset({"tôi", "chúng", "chúng tôi", "chúng ta", "chúng mình", "tớ"})
# Typed without diacritics, a modal cannot be told from the content word it folds like ("muon":
# muốn / mượn / muộn; "can": cần / cán): the restoration may pick either, so the group weighs
# little (``Question.soft``) instead of deciding the support.
_FOLDED_MODALS = frozenset(folded_words(m) for m in _MODALS)
# So, typed without diacritics, are the function words that fold like a content word and so are
# not stop words: "con" (còn, "still" / con, "child"), "neu" (nếu, "if" / nêu, "state"), "coi"
# ("coi là", "considered as"), "thi" (thì / thi, "exam"), "roi" (rồi), "nua" (nữa): "So ho khau …
# con duoc su dung den ngay nao", "… duoc coi la du lich neu keo dai …" — the law says "vẫn được
# sử dụng", "là …", and those words sank the sentence that answers.
_FOLDED_FUNCTION_WORDS = frozenset(folded_words(w) for w in ("còn", "nếu", "coi", "thì", "rồi", "nữa"))
# The direction a verb goes ("gửi lên Thường trực", "báo cáo lên cấp trên", "chuyển xuống"): the
# documents say "gửi về", "gửi đến" (stop words) or nothing; the direction is not what is asked
# (but "từ đủ 18 tuổi trở lên" is: "trở lên" is a limit, and its "lên" stays a word of the question).
_DIRECTIONS = frozenset({"len", "xuong"})

# "trên địa bàn phường", "tại địa bàn xã", "in the area": the territory the acting body or the plan
# already covers. A plan's tasks rarely repeat it ("Chủ trì … đẩy mạnh công tác thông tin tuyên
# truyền Nghị quyết" in the ward's own plan), so the phrase weighs little (``Question.soft``): said,
# it helps (a law's "quản lý … trên địa bàn"); unsaid, it does not sink the sentence that says the rest.
_TERRITORY = re.compile(r" (?:tren|tai|trong|o|khap) (?:toan )?dia ban | (?:in|within|across|throughout) the "
                        r"(?:area|locality|territory) ")


# A who-question's opening circumstance ("Khi hệ thống thông tin cơ yếu gặp sự cố an ninh mạng, ai
# chủ trì …", "Trường hợp phát sinh tranh chấp, …"): its verb only says that the event happens, which
# a law words as it likes ("sự cố … xảy ra đối với …", "khi có tranh chấp"). The event's nouns stay
# subject words; its occurrence verb weighs little (``Question.soft``). The same in English: "When an
# environmental incident occurs, which ministry …".
_CIRCUMSTANCE = re.compile(r"^\s*(?:khi|trong truong hop|truong hop|neu|sau khi|when|if|once|in case|where)\s+(.*)$")
_OCCURRENCE_VERBS = frozenset({"gap", "xay ra", "phat sinh", "bi", "occur", "occurs", "occurred", "happen", "happens",
                               "happened", "arise", "arises", "arose"})


_EVERY_MONTH_EN = re.compile(r"\b(?:every|each|in) (january|february|march|april|may|june|july|august|september|"
                             r"october|november|december)\b")


def recurring_month(groups: list[tuple[str, list[str]]], question: str) -> set[str]:
    """The month an English who-question says its occasion recurs in ("which organisation leads the
    Youth Month activities every March?"): when the occasion happens, not who acts — the law names
    the month in the article's first point ("Tháng 3 hằng năm là Tháng Thanh niên") and the actor in
    the next. A soft word."""
    months = set(_EVERY_MONTH_EN.findall(question.lower()))
    return {label for label, _ in groups if label in months}


def circumstance_words(groups: list[tuple[str, list[str]]], question: str) -> set[str]:
    """The occurrence verbs of a who-question's opening circumstance (``_CIRCUMSTANCE``): the
    question's words before its first comma."""
    if "," not in question:
        return set()
    m = _CIRCUMSTANCE.match(folded_words(question.split(",", 1)[0]))
    if not m:
        return set()
    clause = f" {m.group(1)} "
    return {label for label, _ in groups if label in _OCCURRENCE_VERBS and f" {label} " in clause}


# The verb that ties a plan to the numbered document it carries out ("kế hoạch … để triển khai Nghị
# quyết 08-NQ/TU", "the plan implementing Resolution 92"): the number already says which document,
# and the plans write the tie with any of these verbs ("Thực hiện Nghị quyết số 08-NQ/TU …, Ban
# Thường vụ … xây dựng Kế hoạch"). Weighs little (``Question.soft``).
_IMPLEMENTING = re.compile(r" (trien khai|thuc hien|implement\w*|carry out|carrying out|carries out) "
                           r"(?:the |cac )?(?:nghi quyet|ket luan|chi thi|quyet dinh|chuong trinh|resolution|"
                           r"conclusion|directive|decision|nq|kl|ctr|qd)(?: so| no)? \d")


# The verb an English who-question frames its role with ("who is listed as the presenter", "which
# body is named as the lead", "who is tasked with …"): it says how the document names the doer,
# which the plans do by a label ("Báo cáo viên: …") or by "Giao …", not by a word for "list".
_EN_NAMING_FRAME = re.compile(r"\b(?:is|are|was|were|be|been|gets?|got) (listed|named|designated|tasked|charged|assigned|entrusted) "
                              r"(?:as|with|to|for)\b")


# The noun of the occasion a Vietnamese question sets its question in ("Trong đợt sơ kết 5 năm …",
# "Nhân dịp …"): the plan names the occasion by what it is ("việc sơ kết ở các địa phương"), not
# by the classifier. (Folded: "dot" is also "đốt", burn, which is no classifier after "trong".)
_OCCASION = re.compile(r" (?:trong|nhan|vao|qua|o|sau|truoc) (dot|dip) ")


def _groups_said(groups: list[tuple[str, list[str]]], pattern: re.Pattern, text: str) -> set[str]:
    """The labels of the groups that ``pattern``'s capture groups read in ``text`` (an alternation
    may capture its word in any of them)."""
    said = {w for m in pattern.finditer(text) for w in m.groups() if w}
    return {label for label, _ in groups if label in said}


# The alternative a question contrasts its case with ("cai nghiện ở nhà thay vì vào trung tâm",
# "… do Tổng cục Du lịch thẩm định chứ không phải cơ quan cấp tỉnh", "instead of …", "rather than
# …"): the other case, which the answering sentence need not say (the law states each case in its
# own sentence). Its words, up to the clause's end, weigh little.
_CONTRAST = re.compile(r"(?<![a-z])(?:thay vi|chu khong phai|chu khong|instead of|rather than)(?![a-z])")


# The nouns of a kind of body a who-word asks with ("bộ phận nào", "lực lượng nào", "người nào"), which are no
# words of the answer's (``analyze``); "cơ quan", "đơn vị", "tổ chức" are stop words already.
_WHO_CLASS_NOUNS = frozenset({"bo phan", "luc luong", "nguoi"})


# What sets part of a list aside: "Ngoài bí thư các chi bộ, …" (opening a clause), "Other than cell
# secretaries, …", "Apart from Party, government and mass-organisation leaders, who …", "…, in addition
# to cell secretaries, appear …" (folded, punctuation kept). What it names is not what is asked.
# Folded, "ngoai" and "tru" are other words too ("Ngoại giao …", "Trụ sở …"): written with diacritics
# they must be "ngoài", "trừ" (``set_aside_spans``); typed without, not before the words that make
# them those others, nor "ngoài ra" (besides, of the whole question).
_SET_ASIDE = re.compile(r"(?:^|(?<=[,;:(]))\s*(?:ngoai|tru)\b(?! (?:ra|nuoc|gio|ngan sach|tinh|truong hop|giao|thuong|"
                        r"ngu|thanh|te|so|cot|tri|luong)\b)|"
                        r"\b(?:other than|apart from|aside from|besides|in addition to|except for)\b")
_WRITTEN_SET_ASIDE = ("ngoài", "trừ")
_WHO_WORD = re.compile(r"\b(?:who|whom|which|what|ai|nao)\b")


def set_aside_spans(question: str) -> list[tuple[int, int, int]]:
    """(start, end of its marker, end) of each stretch of the question that sets part of a list aside
    (``_SET_ASIDE``), in ``fold(question).lower()`` (whose offsets are the question's). It runs to
    the last comma before the who-word when the who-word comes after it ("Apart from Party,
    government and … leaders, who …"), or to the who-word itself when no comma comes first ("Ngoài
    Bộ Tài chính còn cơ quan nào phối hợp …"); with the who-word before it, to the first comma ("…,
    in addition to cell secretaries, appear …") — or, with none, it is the marker alone: where "Which
    body other than the Ministry of Finance coordinates …" stops setting aside, no comma says."""
    folded = fold(question).lower()
    written = question.lower()
    out = []
    for m in _SET_ASIDE.finditer(folded):
        word = m.group().strip()
        if word in ("ngoai", "tru") and has_diacritics(question) and \
                not written[m.end() - len(word):m.end()] in _WRITTEN_SET_ASIDE:
            continue
        who = _WHO_WORD.search(folded, m.end())
        if who:
            comma = folded.rfind(",", m.end(), who.start())
            end = comma if comma >= 0 else who.start()
        else:
            comma = folded.find(",", m.end())
            end = comma if comma >= 0 else m.end()
        out.append((m.start(), m.end(), end))
    return out


def without_set_aside(question: str) -> str:
    """The question without what it sets aside (``set_aside_spans``): "Ngoài lãnh đạo phường …,
    đảng viên của những chi bộ nào …" names no leading role ("lãnh đạo") of its own."""
    out, pos = [], 0
    for s, _, e in set_aside_spans(question):
        out.append(question[pos:s])
        pos = max(pos, e)
    return "".join(out) + question[pos:]


def set_aside_labels(groups: list[tuple[str, list[str]]], question: str) -> set[str]:
    """The labels of the groups the question says only in what it sets aside, markers included."""
    spans = set_aside_spans(question)
    if not spans:
        return set()
    folded = fold(question).lower()
    out = set()
    for label, _ in groups:
        spots = _label_spots(label, folded)
        if spots and all(any(s <= p < e for s, _, e in spans) for p in spots):
            out.add(label)
    return out


def _label_spots(label: str, folded: str) -> list[int]:
    """Where a group's label stands in ``fold(question).lower()``, its words apart by any
    punctuation ("people's council" for "people council")."""
    pattern = r"(?<!\w)" + r"\W+".join(map(re.escape, label.split())) + r"(?!\w)"
    return [m.start() for m in re.finditer(pattern, folded)]


def set_aside_markers(groups: list[tuple[str, list[str]]], question: str) -> set[str]:
    """The labels of the setting-aside markers' own words ("ngoài", "other", "apart", "addition"):
    how an attendee question frames the part of the list it sets aside, no word the list says."""
    folded = fold(question).lower()
    words = {w for s, me, _ in set_aside_spans(question) for w in re.findall(r"[a-z]+", folded[s:me])}
    return {label for label, _ in groups if label in words}


# The phrase of a who-question that narrows whom it asks about: "who from the residential groups",
# "which military Party cell", "những người nào ở cấp tổ dân phố", "đảng viên của những chi bộ nào"
# (folded, punctuation kept). "Thành phần dự hội nghị … gồm những ai?", "Who is invited to …?" narrow
# nothing: they ask the whole list, whatever the meeting's description says.
_RESTRICTING = re.compile(r"\b(?:who|whom)\s+(?:from|of|in|among|at)\s+((?:\S+\s+){0,5})|"
                          r"\b(?:which|what)\s+((?:\S+\s+){1,5})|"
                          r"\bnguoi nao\s+((?:o|thuoc|cua|tu|trong)\s+(?:\S+\s+){0,5})")
# ... and the noun phrase right before "nào", back to a verb of the meeting's sentence ("… mời | những
# chi bộ nào"); not the who-words' own heads ("cơ quan nào", "những người nào", "đồng chí nào")
_BEFORE_NAO = re.compile(r"\b((?:\S+\s+){1,8})nao\b")
_NP_STOP = frozenset("moi du gom duoc la thi tham".split())
_GENERIC_BEFORE_NAO = re.compile(r"^(?:(?:co quan|don vi|to chuc|nhung|cac|nguoi|ai|ben|cap|dong chi|dai bieu|thanh vien|"
                                 r"thanh phan|doi tuong)\s+)+$")


def restricting_labels(groups: list[tuple[str, list[str]]], question: str) -> set[str] | None:
    """The labels of the phrases a who-question narrows whom it asks about by (``_RESTRICTING``,
    ``_BEFORE_NAO``), outside what it sets aside; None when it narrows nothing — nor when it sets
    aside what no comma bounds ("Who besides the cell secretaries is invited …?": the whole list is
    safer than the very members set aside)."""
    folded = fold(question).lower()
    spans = set_aside_spans(question)
    if any(e == me for _, me, e in spans):
        return None
    stretches = [m.span(next(i for i in (1, 2, 3) if m.group(i) is not None)) for m in _RESTRICTING.finditer(folded)]
    for m in _BEFORE_NAO.finditer(folded):
        words = m.group(1).split()
        cut = max((i + 1 for i, w in enumerate(words) if w.strip(",") in _NP_STOP), default=0)
        phrase = " ".join(words[cut:])
        if phrase and not _GENERIC_BEFORE_NAO.match(phrase + " "):
            stretches.append((m.end(1) - len(phrase) - 1, m.end(1)))
    if not stretches:
        return None
    out = set()
    for label, _ in groups:
        if any(s <= p < e and not any(a <= p < b for a, _, b in spans)
               for p in _label_spots(label, folded) for s, e in stretches):
            out.add(label)
    return out


def contrast_words(groups: list[tuple[str, list[str]]], question: str) -> set[str]:
    """The labels of the groups said only after a contrasting marker (``_CONTRAST``), to the end of
    its clause."""
    spans = []
    for clause in re.split(r"[,;:?.()]", question):
        folded = f" {folded_words(clause)} "
        m = _CONTRAST.search(folded)
        if m:
            spans.append((folded[:m.start()], folded[m.start() - 1:]))
    return {label for label, _ in groups for before, after in spans
            if f" {folded_words(label)} " in after and f" {folded_words(label)} " not in before}


def occasion_words(groups: list[tuple[str, list[str]]], folded_q: str) -> set[str]:
    """The group of a who-question's occasion classifier (``_OCCASION``)."""
    return _groups_said(groups, _OCCASION, f" {folded_q} ")


# The verb a Vietnamese who-question assigns the task with ("Ai được giao …", "giao ai …", "giao cho
# ban nào", "Đơn vị nào lo chuẩn bị …", "do tổ chức nào đảm nhiệm"): how the asker says "is
# responsible for", which a plan writes as the unit and its task ("Văn phòng Đảng ủy chuẩn bị …"),
# rarely with the verb. (Folded: "lo" only right after the who-word, not "lò", "lộ" elsewhere.)
# ("bộ nào đứng ra soạn thảo", "ai đứng ra điều phối": steps up to do it, the plan's unit and task;
# typed with diacritics, only as written: "dừng ra quân", "dựng ra" fold alike.) The space after a
# verb is looked at, not taken: "được giao đứng ra tổ chức" says two.
# ("Những ai được Kế hoạch phát triển du lịch của Bình Lư giao phát huy …": the document or body that
# assigns may stand between "được" and "giao", in the same clause — not "Ai được quyền từ chối nhận khi
# bên bán giao tài sản …", nor "được Nhà nước giao đất", where handing over is the act asked)
_ASSIGNING = re.compile(r" (?:(giao) (?:ai|cho)|duoc (giao)|(?:ai|nao) (lo)|(dam nhiem)|(giao) (?:\w+ ){1,2}nao|(dung) ra|"
                        r"(?:ai|nao) duoc (?:(?!(?:giao|khi|neu|do|ma|thi|de|va|quyen) )\w+ ){1,16}?(giao)"
                        r"(?! (?:dat|tai san|hang|nop|rung|nha|tien|xe|san pham|vat)\b))(?= )")


def assignment_words(groups: list[tuple[str, list[str]]], folded_q: str, question: str = "") -> set[str]:
    """The groups of a who-question's assigning verb (``_ASSIGNING``): soft. ``question`` as typed
    tells a written "đứng ra" from its folded twins."""
    said = _groups_said(groups, _ASSIGNING, f" {folded_q} ")
    if "dung" in said and has_diacritics(question) and "đứng ra" not in question.lower():
        said.discard("dung")
    return said


# "vừa … vừa …" (both … and …) joins two things asked, and "lo" (sees to) before the verb of a task
# (or "lo việc …") says who takes it on ("cơ quan vừa thẩm định báo cáo vừa lo tham mưu tổ chức hội nghị"): neither is
# a word the plans write with the task.
# (not "nhỏ và vừa": small and medium)
_PAIRED_OR_LIGHT = re.compile(r"(?<! va) (vua) (?:\w+ ){1,8}?(?=vua )|(?<!tiet)(?<! de)(?<! bi) (lo) (?:tham muu|chu tri|phoi hop|to chuc|chuan bi|"
                              r"xay dung|soan|trien khai|thuc hien|viec) ")

# "thuộc trách nhiệm (của)", "thuộc thẩm quyền", "thuộc về": "belongs to" — how a who-question says
# whose duty a thing is ("Liên hoan phim quốc gia … thuộc trách nhiệm chủ trì của bộ nào"), which a
# law writes "Bộ … có trách nhiệm chủ trì tổ chức liên hoan phim quốc gia". (Folded "thuoc" is also
# "thuốc", medicine: only before those words, and only in a question that says it once — "Thuốc thú
# y thuộc trách nhiệm quản lý của bộ nào" asks of the medicine; and "thuộc về", one word or two as
# segmented, not "thuốc vệ sinh".) Also right after a body's who-word: "ban nào thuộc Tỉnh ủy" says
# what the body asked belongs to, which its name says ("Ban Tuyên giáo Tỉnh ủy"), not its task (not
# after "khi nào", "trường hợp nào": "Khi nào thuốc thú y bị thu hồi" asks of the medicine).
_BELONGS = re.compile(r" ((thuoc) ve) (?!sinh |tinh )| (thuoc) (?=(?:trach nhiem|tham quyen|nhiem vu|quyen) )|"
                      r" (?:ban|co quan|don vi|bo phan|bo|so|to chuc|cap|hoi dong|uy ban|luc luong) nao (thuoc) (?!ve )")


def belonging_words(groups: list[tuple[str, list[str]]], folded_q: str) -> set[str]:
    """The group of the "thuộc (về)" a Vietnamese question says whose duty a thing is with
    (``_BELONGS``); read in every kind ("… thuộc thẩm quyền của ai", "… thuộc trách nhiệm … trong
    thời hạn bao lâu")."""
    padded = f" {folded_q} "
    return _groups_said(groups, _BELONGS, padded) if padded.count(" thuoc ") == 1 else set()


def naming_frame_words(groups: list[tuple[str, list[str]]], question: str) -> set[str]:
    """The group of an English who-question's naming verb (``_EN_NAMING_FRAME``)."""
    return _groups_said(groups, _EN_NAMING_FRAME, question.lower())


def implementing_words(groups: list[tuple[str, list[str]]], folded_q: str) -> set[str]:
    """The group of the verb that ties the asked plan to a numbered document (``_IMPLEMENTING``)."""
    return _groups_said(groups, _IMPLEMENTING, f" {folded_q} ")


def territory_words(groups: list[tuple[str, list[str]]], folded_q: str) -> set[str]:
    """The group of the territory phrase a question scopes its action with (``_TERRITORY``)."""
    if not _TERRITORY.search(f" {folded_q} "):
        return set()
    return {label for label, alts in groups if "dia ban" in alts}


_IRREGULAR_PAST = frozenset("drew drawn made held gave given took taken set sent put kept led "
                            "brought built chose chosen began begun".split())


def is_verb_form(word: str) -> bool:
    """An English gerund or past form ("investigating", "allocated", "drew")."""
    return word in _IRREGULAR_PAST or (len(word) > 5 and word.endswith(("ing", "ed")))


# Words the stop list holds only as the fold of another word: written as they are, "nam" is the male
# sex (or the south), not "năm" (the year a question's "đến năm" says). The law words the sexes
# apart ("Nam từ đủ 20 tuổi trở lên, nữ từ đủ 18 tuổi trở lên"), so "nam" must stay a subject word.
_PLAIN_CONTENT = frozenset({"nam"})
# Compounds whose syllables fold like stop words but that are, as written, content verbs: "đề nghị"
# (to propose, request) is "để" + the "nghị" of "nghị quyết" folded; "ít nhất một phần ba tổng số
# đại biểu Quốc hội có quyền đề nghị làm Hiến pháp" is what "… bao nhiêu đại biểu … để đề nghị làm
# Hiến pháp" asks, not the two thirds that adopt it.
_PLAIN_COMPOUNDS = frozenset({"đề nghị"})


# Glossary senses that fold like a question word but are content as an English word's translation:
# "mới" (new: "xây dựng mới … điểm du lịch") folds like "mỗi" (each). In a Vietnamese question
# "mới" is mostly the particle "only then" ("đủ bao nhiêu tuổi mới được kết hôn"), so only here.
# So are the kinds of document whose syllables are each a stop word only as the fold of another
# word ("quy hoạch": quý, kế hoạch; "đề án": để, ăn): "the provincial master plan", "the scheme" is
# a document the question is about, like "strategy" (chiến lược) and "project" (dự án), kept already.
# And "ký quỹ" (a deposit a business must place: "ký", to sign, and "quý", a quarter).
_SENSE_CONTENT = frozenset({"mới", "quy hoạch", "đề án", "ký quỹ"})
# A sense that is a question word as an English word's first sense ("point": điểm, "at what point")
# but content after another one: "site" is "địa điểm" or "điểm", the plans' word for a place ("tại
# các điểm, bản du lịch cộng đồng"), which dropped as the "điểm" of "thời điểm" sank that sentence.
# So is "đề nghị" (to apply) as "applicant"'s later sense: the laws name an applicant by the act
# ("Tổ chức, cá nhân đề nghị công nhận …").
_LATER_SENSE_CONTENT = frozenset({"điểm", "đề nghị"})


def plain_content(word: str) -> bool:
    """``word`` as written (with its diacritics) is a content word its folded stop word is not."""
    return word.strip().lower() in _PLAIN_CONTENT


def _role_words(role: str | None) -> set[str]:
    """English words of the asked role's cues ("drew up" for xây dựng): they say which role."""
    return {w for cue, r in ROLE_CUES if r == role for w in cue.split()} if role else set()


_LEVELS = ("xa", "phuong", "tinh", "huyen", "thi tran", "cap xa", "cap tinh", "cap huyen", "cap phuong")


def _without_level(alt: str) -> str:
    """A glossary phrase without its administrative level ("đảng ủy phường" -> "đảng ủy"): a
    Vietnamese question's level words are stop words (the plans write "Đảng ủy" under a ward's
    plan), so an English question's are not decisive either. "" when there is none to drop or
    nothing would be left."""
    for level in _LEVELS:
        if alt.endswith(f" {level}") and len(alt.split()) > len(level.split()) + 1:
            return alt[:-len(level) - 1]
    return ""


# The syllables that name each role in the glossary's senses (an English role verb's: "leads" is
# "chủ trì, lãnh đạo"); a role not listed is named by its own syllables.
_ROLE_SENSE_SYLLABLES = {"chủ trì": frozenset("chu tri lanh dao".split()),
                         "thành phần": frozenset("thanh phan tham du".split()),
                         "tham dự": frozenset("thanh phan tham du".split()),
                         "xây dựng": frozenset("xay dung".split())}
# … and a draft's syllables, whatever the role: "the draft review report" names the report, which
# the plans write without it ("thẩm định, tham mưu … Báo cáo sơ kết")
_DRAFT_SYLLABLES = frozenset("du thao soan".split())


def _role_syllables(role: str) -> frozenset[str]:
    """The folded syllables of the asked ``role``'s own words (``_ROLE_SENSE_SYLLABLES``)."""
    return _ROLE_SENSE_SYLLABLES.get(role, frozenset(folded_words(role).split()))


def _english_groups(question: str, role: str | None) -> list[tuple[str, list[str]]]:
    out = []
    role_words = _role_words(role)
    # words of the role's phrases the question says ("takes charge", "in charge"): the role asked
    phrase_words = {w for cue, r in ROLE_CUES if r == role and " " in cue and cue in question.lower()
                    for w in cue.split()}
    # (the asked role's own syllables name the role; another role's are the task: "which body leads
    # the monitoring, inspection and supervision of …" asks who chairs the giám sát, kiểm tra)
    asked_role = _role_syllables(role) | _DRAFT_SYLLABLES if role else frozenset()
    for en, vi in translate_groups(question):
        digits = en if en.isdigit() else next((v for v in vi if v.isdigit() and len(en.split()) == 1), "")
        if out and digits and _english_ordinal(out, str(int(digits))):
            continue  # "grade 10", "grade six": "lớp mười" (joined to the noun before it, ``_english_ordinal``)
        if all(w in _EN_NOISE or base_form(w) in _EN_NOISE for w in en.split()) or en[0].isdigit():
            continue
        if all(w in role_words or any(w.startswith(r) for r in role_words if len(r) > 4)
               for w in en.split()) and (not vi or role == "phối hợp" or set(en.split()) <= phrase_words):
            continue  # "drew" of "drew up", "work" of "work with": the role asked, not the subject
        alts = []
        frame = False
        for n, v in enumerate(vi):
            words = folded_words(v).split()
            # (a name the glossary keeps as written — "Chu Va" -> "chu va" — is what the text says,
            # whatever its syllables fold like: "chu", "va" are stop words as "chủ", "và")
            if " ".join(words) == folded_words(en) and len(words) > 1:
                if " ".join(words) not in alts:
                    alts.append(" ".join(words))
                continue
            # (an English phrase's term of three syllables or more is a term, whatever its syllables
            # are alone: "indefinite-term" is "không xác định thời hạn", not the "thời hạn" asked)
            term = len(en.split()) > 1 and len(words) > 2
            if not term and all((w in _STOP and not plain_content(v) and v.strip().lower() not in _SENSE_CONTENT
                                 and not (n > 0 and v.strip().lower() in _LATER_SENSE_CONTENT))
                                or w in asked_role for w in words) or \
                    " ".join(words) in _STOP_PHRASES:
                frame = frame or n == 0  # its first sense is a frame word
                continue  # a question, kind or role word ("chỉ tiêu", "chủ trì", "ban hành")
            if " ".join(words) not in alts:
                alts.append(" ".join(words))
        if not vi and len(en) > 2:
            alts = [en]
        elif vi and (not alts or frame):
            continue  # a question/kind/role word ("target", "who", "lead"), or one whose first
            # sense is one ("implementation": thực hiện, triển khai): the plans say it of every task
        if alts:
            alts += [a for a in map(_without_level, alts) if a and a not in alts]
            out.append((en, alts + [a for a in map(_listed, alts) if a and a not in alts]))
    return out


def _english_ordinal(out: list[tuple[str, list[str]]], number: str) -> bool:
    """A number after an English noun whose senses are an ordinal noun ("grade 10", "class 1":
    lớp): the group becomes that ordinal in every way the texts write it ("lớp 10", "lớp mười"),
    as a Vietnamese question's "lớp 1" does (``merge_ordinals``). False when the noun is none."""
    label, alts = out[-1]
    nouns = [a for a in alts if a in _ORDINAL_NOUNS and _counted_ordinal(a, number)]
    if not nouns:
        return False
    out[-1] = (f"{label} {number}", [f for a in nouns for f in ordinal_forms(f"{a} {number}")])
    return True


def _listed(alt: str) -> str:
    """A glossary pair "A và B" as a list writes it, "A, B" (folded: "A B"): "education and
    training" is "giáo dục và đào tạo" in the glossary, "chi cho giáo dục, đào tạo" in the law.
    "" when the phrase joins nothing."""
    words = alt.split()
    if words.count("va") != 1 or words[0] == "va" or words[-1] == "va":
        return ""
    return " ".join(w for w in words if w != "va")


# A document number with its "số" ("Nghị quyết số 08-NQ/TU"): the number names a document, it is
# not the subject.
_DOC_REF_RAW = re.compile(r"(?:\b[Ss][ốo]\s+)?\d{1,4}\s*-\s*[A-ZĐ]{2,3}(?:/[A-ZĐ]{2,3})?")


# A kind of document is a stop word where it names the source ("Theo kế hoạch …"), but not as the
# object of a verb that makes one: "Ai chủ trì xây dựng Đề án …?" is about that scheme, and a plan
# that never mentions one does not answer it.
_DRAFTING_VERBS = frozenset({"xay dung", "lap", "ban hanh", "soan thao", "du thao", "phe duyet", "tham dinh",
                             "trinh", "to chuc thuc hien"})
_DOC_TYPES = frozenset({"de an", "du an", "quy hoach", "ke hoach", "chuong trinh", "chien luoc", "quy che",
                        "quy dinh", "bao cao"})

# Who attends or speaks at a meeting: the plans hold one per level ("1. Cấp phường", "2. Cấp cơ sở"),
# so the level a question names ("hội nghị cấp phường") is its subject, not a stop word.
_MEETING_ROLES = frozenset({"tham dự", "báo cáo viên"})




# The laws' terms of three syllables the word segmenter cuts wrong: "giám đốc thẩm vụ án"
# (cassation of a case) comes out "giám đốc" (director) + "thẩm vụ" + "án", and no text says
# "thẩm vụ"; "tái thẩm vụ án" comes out "tái thẩm vụ" + "án". The court procedures, folded.
_LAW_TERMS = ("giam doc tham", "tai tham", "phuc tham", "so tham")


def rejoin_law_terms(words: list[str]) -> list[str]:
    """The segmenter's words with the laws' terms of ``_LAW_TERMS`` rejoined: the term's syllables
    as one word, and a syllable the term took from the next word given to the word after it
    ("thẩm vụ" + "án" -> "thẩm" for the term, "vụ án")."""
    out, i = [], 0
    while i < len(words):
        joined = None
        for term in _LAW_TERMS:
            n = len(term.split())
            syl = " ".join(words[i:i + n]).split()
            if " ".join(folded_words(x) for x in syl[:n]) == term and folded_words(words[i]) != term:
                joined = term
                break
        if not joined:
            out.append(words[i])
            i += 1
            continue
        n = len(joined.split())
        k, syllables = i, []
        while len(syllables) < n:
            syllables += words[k].split()
            k += 1
        out.append(" ".join(syllables[:n]))
        rest = syllables[n:]
        if rest and k < len(words):
            out.append(" ".join(rest + [words[k]]))
            k += 1
        elif rest:
            out.append(" ".join(rest))
        i = k
    return out


def _word_groups(text: str, role: str | None, other_roles: bool = True,
                 stop_compounds: bool = False, written=None) -> list[tuple[str, list[str]]]:
    """One group per Vietnamese word (compounds from the word segmenter: "bản đồ", "hội nghị",
    "Bình Lư" must be found as such), question/kind words and the asked role's words left out,
    abbreviations expanded ("UBND" -> "ủy ban nhân dân"). ``other_roles``: with a role asked, the
    words of the other roles are left out too ("Ai chủ trì, phối hợp …")."""
    from indexer.index.analyzer import segment

    role_phrases = {cue for cue, r in ROLE_CUES if r == role}
    # The syllables of the asked role's cues the question says ("đối tượng tham gia" -> đối tượng,
    # tham gia): they name the role, not the subject.
    folded_text = f" {folded_words(text)} "
    counts = bool(re.search(r" (?:bao nhieu|may|how many) ", folded_text))  # (``_counting_word``)
    cue_syllables = {w for cue in role_phrases if len(cue.split()) > 1 and f" {cue} " in folded_text
                     for w in cue.split()} - {"hoi", "nghi"}  # "dự hội nghị": the meeting is the subject
    tokens_ = segment(spell_out_ministries(text))
    out: list[tuple[str, list[str]]] = []
    words = []
    i = 0
    while i < len(tokens_):  # segment() yields "a_b", then "a", "b": keep the compound only
        t = tokens_[i]
        if "_" in t:
            n = t.count("_") + 1
            if _unknown_compound(t, written):
                words += tokens_[i + 1:i + 1 + n]
            else:
                words.append(t.replace("_", " "))
            i += 1 + n
        else:
            words.append(t)
            i += 1
    words = merge_bodies(merge_stop_phrases(rejoin_law_terms(merge_ordinals(words))))
    if role in _MEETING_ROLES or " hoi nghi " in folded_text:
        words = merge_levels(words)
    previous = ""
    for i, w in enumerate(words):
        folded = folded_words(w)
        parts = folded.split()
        made, previous = previous in _DRAFTING_VERBS and folded in _DOC_TYPES, folded
        if made:  # "xây dựng Đề án …": the document made is what the question is about
            if all(g[0] != folded for g in out):
                out.append((folded, [folded]))
            continue
        if len(parts) >= 2 and (parts[-1] in _ORDINAL_NUMBERS or _counted_ordinal(" ".join(parts[:-1]), parts[-1])) \
                and " ".join(parts[:-1]) in _ORDINAL_NOUNS:
            if all(g[0] != folded for g in out):
                out.append((folded, ordinal_forms(folded)))
            continue
        if folded == "truong hop" and i + 1 < len(words) and \
                folded_words(words[i + 1]) in ("thong thuong", "chung", "binh thuong", "thuong"):
            continue  # "(trường hợp thông thường)": the general rule asked, no case a text names so
        if folded in ("phep", "duoc phep") and (folded == "duoc phep" or
                                                (i and folded_words(words[i - 1]) in ("duoc", "khong duoc"))):
            continue  # "được phép lưu hành": the modal "may", not a permit ("giấy phép", "nghỉ phép")
        if not parts or folded in role_phrases or _modal(w, words[i + 1:i + 2]) or w.lower() in _FIRST_PERSON or \
                (cue_syllables and all(p in cue_syllables for p in parts)):
            continue
        if len(parts) == 1:
            p = parts[0]
            before_number = i + 1 < len(words) and words[i + 1][:1].isdigit()  # "nam 2030" is a year
            if (p in _STOP and not (plain_content(w) and not before_number)) or p.isdigit() or len(p) < 2 or \
                    (role and other_roles and p in _ROLE_SYLLABLES) or \
                    _counting_word(w, [words[i - 1] if i else "", *words[i + 1:i + 2]], counts):
                continue
            expanded = _ABBR.get(p, p)
            if p in _TERM_ABBR:
                if all(g[0] != _TERM_ABBR[p] for g in out):
                    out.append((_TERM_ABBR[p], [_TERM_ABBR[p], p]))
                continue
            if all(g[0] != expanded for g in out):
                out.append((expanded, [expanded] + [a for a in _synonyms().get(expanded, []) if a != expanded]))
            continue
        if (all(p in _STOP or p.isdigit() for p in parts) or folded in _STOP_PHRASES) and \
                w.strip().lower() not in _PLAIN_COMPOUNDS and \
                not (stop_compounds and folded not in _STOP_PHRASES and _written_compound(w, parts)) and \
                not ((role in _MEETING_ROLES or " hoi nghi " in folded_text) and len(parts) >= 2 and parts[0] == "cap") \
                and not _asked_length_of(folded, folded_text):
            continue
        if role and other_roles and all(p in _ROLE_SYLLABLES for p in parts):
            continue
        if all(g[0] != folded for g in out):
            alts = [folded] + [a for a in _synonyms().get(folded, []) if a != folded]
            spelled = _abbreviations_spelled(parts)
            out.append((folded, alts + ([spelled] if spelled and spelled not in alts else [])))
    return out


def _unknown_compound(token: str, written) -> bool:
    """A compound of the word segmenter that no indexed text writes (``written``: whether the texts
    write a phrase, lower-cased with modern tones): the segmenter joined two words ("Ai cử Trưởng
    Chi nhánh …" -> "cử_trưởng"), and the joined phrase is found nowhere, so each word is read
    alone. Stop phrases, question words and numbers stay as the segmenter read them."""
    if written is None:
        return False
    word = spelling(token.replace("_", " "))
    parts = folded_words(word).split()
    return len(parts) >= 2 and not written(word) and " ".join(parts) not in _STOP_PHRASES and \
        not any(p.isdigit() for p in parts) and not all(p in _STOP for p in parts)


def _written_compound(word: str, parts: list[str]) -> bool:
    """A word of two or more syllables, written with its diacritics, whose syllables only fold like
    stop words: "báo chí" (the press) is not "bao" + "chí", "quy hoạch" (planning) not "quy" +
    "hoạch" of "kế hoạch" — the segmenter joined them, the writer marked them, and a who-question's
    subject says them ("… xây dựng đề án quy hoạch phát triển và quản lý báo chí tỉnh"). The framing
    phrases stay out (``_STOP_PHRASES``: "kế hoạch", "thực hiện", "cơ quan" …)."""
    return len(parts) >= 2 and not any(p.isdigit() for p in parts) and word != folded_words(word) and \
        not all(p in _KIND_WORDS for p in parts) and " ".join(parts) not in _ROLE_PHRASES_FOLDED


# "phụ trách" (in charge) says the role asked, as "chịu trách nhiệm" (a stop phrase) does; "tổ
# chức" (organise — or a kind of body) and "định kỳ" (periodically) are the light verbs and manner
# words a who-question frames its action with ("Cơ quan nào tham mưu tổ chức kiểm tra …")
_ROLE_PHRASES_FOLDED = frozenset({"phu trach", "to chuc", "dinh ky"})


def _asked_length_of(folded: str, folded_text: str) -> bool:
    """A phrase of stop words that is what a length is asked of: "nhiệm kỳ bao nhiêu năm", "nhiệm
    kỳ của Quốc hội là bao nhiêu năm" ask the length of a term of office; "nhiệm kỳ" then is the
    subject, and a sentence without it ("… công tác từ 5 năm trở lên", the experience required)
    does not answer. Elsewhere ("Nghị quyết Đại hội … nhiệm kỳ 2020 - 2025") it stays a stop phrase."""
    return folded == "nhiem ky" and bool(re.search(r" nhiem ky (?:\w+ ){0,6}?(?:bao nhieu|may|bao lau|keo dai) ",
                                                   folded_text))


def _abbreviations_spelled(parts: list[str]) -> str | None:
    """A phrase group with an abbreviation in it, spelled out ("dang ubnd" -> "dang uy ban nhan
    dan"): a single word is expanded where groups are made, but a phrase the restoration joined
    ("Ban can su dang UBND tinh", typed without diacritics) kept "ubnd", which the documents spell
    "Ủy ban nhân dân"."""
    if not any(p in _ABBR for p in parts):
        return None
    return " ".join(_ABBR.get(p, p) for p in parts)


_LEVEL_NOUNS = frozenset({"xa", "phuong", "tinh", "huyen", "thi tran", "co so", "trung uong"})


def merge_stop_phrases(words: list[str]) -> list[str]:
    """Two words the segmenter left apart that fold to one frame phrase (``_STOP_PHRASES``) joined
    again: a question typed without diacritics is restored word by word, "noi chung" as "nơi
    chứng" (a place, a certificate) where the asker wrote "nói chung" (in general) — as the
    restorer wrote them, each is a subject word the text must say."""
    return _joined_pairs(words, _STOP_PHRASES | _BOUND_PHRASES)


def _joined_pairs(words: list[str], phrases: frozenset[str]) -> list[str]:
    """Two single words in a row whose folded pair is one of ``phrases``, joined into one word."""
    out: list[str] = []
    for w in words:
        if out and " " not in out[-1] and " " not in w and f"{folded_words(out[-1])} {folded_words(w)}" in phrases:
            out[-1] = f"{out[-1]} {w}"
        else:
            out.append(w)
    return out


# The two-syllable bodies the plans name by kind (the extractor's lower-case heads, _LOW_HEADS) that
# the segmenter leaves apart: "Đảng đoàn" is one body ("dưới sự lãnh đạo của Đảng đoàn"), not a
# party and a delegation ("đoàn" alone is a stop word: "đoàn viên", "đoàn thể").
_BODY_COMPOUNDS = frozenset(folded_words(h) for h in re.split(r"\|", _LOW_HEADS_TEXT)
                            if re.fullmatch(r"[^\W\d_]+ [^\W\d_]+", h))


def merge_bodies(words: list[str]) -> list[str]:
    """Two words the segmenter left apart that name one body (``_BODY_COMPOUNDS``) joined again."""
    return _joined_pairs(words, _BODY_COMPOUNDS)


def merge_levels(words: list[str]) -> list[str]:
    """"cấp" joined to the level it names ("cấp", "phường" -> "cấp phường"), for a question about
    a meeting: the plans hold one per level ("1. Cấp phường", "2. Cấp cơ sở", each with its time,
    place, attendees and speakers), so the level is the subject — the segmenter leaves the two
    apart, and each alone is a stop word."""
    out: list[str] = []
    for w in words:
        if out and folded_words(out[-1]) == "cap" and folded_words(w) in _LEVEL_NOUNS:
            out[-1] = f"{out[-1]} {w}"
        else:
            out.append(w)
    return out


# Nouns a number word follows as an ordinal: Vietnamese counts before the noun ("hai lớp") and
# ranks after it ("lớp hai", "lần thứ hai", "giai đoạn III"). The ordinal names which one, so it
# stays with its noun: "lớp một" and "lớp sáu" are different classes, and dropping "một" as a stop
# word made every "tuổi vào học lớp …" sentence support the question alike.
_ORDINAL_NOUNS = frozenset("""lop thu khoa ky lan dot bac hang nhom loai phan chuong muc khoan dieu
cap tang quy giai doan hoc ky nhiem ky""".replace("\n", " ").split()) | {"giai doan", "hoc ky", "nhiem ky"}
# ("tư" is left out: folded, it is also "từ", "tự", "tử" — "phần tử", "ký tự")
_NUMBER_VALUES = {"mot": 1, "nhat": 1, "hai": 2, "ba": 3, "bon": 4, "nam": 5, "sau": 6,
                  "bay": 7, "tam": 8, "chin": 9, "muoi": 10}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}
_ORDINAL_NUMBERS = frozenset(_NUMBER_VALUES) | frozenset(_ROMAN)


def merge_ordinals(words: list[str]) -> list[str]:
    """Words of a question with each ordinal joined to its noun ("lớp", "một" -> "lớp một")."""
    out: list[str] = []
    for i, w in enumerate(words):
        folded = folded_words(w)
        # "năm" before a number is the year ("giai đoạn năm 2025"), not the fifth
        year = folded == "nam" and i + 1 < len(words) and words[i + 1][:1].isdigit()
        if out and (folded in _ORDINAL_NUMBERS or _counted_ordinal(out[-1], folded)) and not year and \
                folded_words(out[-1]) in _ORDINAL_NOUNS:
            out[-1] = f"{out[-1]} {w}"
        else:
            out.append(w)
    return out


# Nouns a question cites by their number as the documents' own structure ("Điều 5", "khoản 2"):
# their digits are a reference the search reads (named.py), not an ordinal of the subject.
_CITED_NOUNS = frozenset("phan chuong muc khoan dieu".split())
# Numbers written as words, with their diacritics ("hải", "bà", "sau" are none; "năm" is left out:
# it is also the year): ``target_filters.counts_agree`` reads their values.
NUMBER_WORD_VALUES = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
# One written before the noun it counts ("có hai Thẩm phán"): the question states how many, as with
# digits, which are no subject words either (the law writes "02 Thẩm phán"). ("một" is a stop word.)
_COUNTING_WORDS = frozenset(NUMBER_WORD_VALUES) - {"một"}


def _counting_word(word: str, around: list[str], counts: bool) -> bool:
    """``around``: the words before and after. Only in a question that asks a count ("bao nhiêu",
    "mấy", "how many": ``counts``), and not a number an ordinal noun takes ("tháng hai", "lớp ba")
    nor one that counts what the question is about ("Người có hai quốc tịch …" asks no count)."""
    before, after = (around + ["", ""])[:2]
    return counts and word.lower() in _COUNTING_WORDS and after[:1].isalpha() and \
        folded_words(after) not in ("muoi", "tram", "nghin", "ngan", "trieu", "ty", "phan") and \
        folded_words(before) not in _ORDINAL_NOUNS | {"thang", "ngay", "tuan"}


# The scale of a number said in words before its unit ("mấy nghìn tấn", "bao nhiêu triệu lượt
# khách"), read as written: folded, "văn bản", "vấn đề", "trạm", "ngân hàng", "chức danh", "tỷ lệ"
# look alike. Typed without diacritics only "nghin", "trieu" are one (the restoration writes neither:
# the documents write numbers).
_SCALE = re.compile(r"(?<!\w)(?:bao nhiêu|mấy)\s+(nghìn|ngàn|triệu|tỷ|tỉ|trăm)\s+(\w+)"
                    r"|(?<!\w)(?:bao nhieu|may)\s+(nghin|trieu)\s+(\w+)")


def asked_scale(question: str, vi_text: str) -> tuple[str, str] | None:
    """(folded scale, folded unit) of a count asked with a scale word (``_SCALE``), or None."""
    for text in (question, vi_text):
        m = _SCALE.search(text.lower())
        if m:
            scale, unit = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
            return (folded_words(scale), folded_words(unit)) if not unit.isdigit() else None
    return None


_UNITS_SPELLED = {1: "mot", 2: "hai", 3: "ba", 4: "bon", 5: "nam", 6: "sau", 7: "bay", 8: "tam", 9: "chin"}


def _counted_ordinal(noun: str, folded: str) -> bool:
    """A number in digits after an ordinal noun ("lớp 1", "lớp 10", "nhóm 2"): the same ordinal as
    the text's "lớp một", "lớp mười" (up to 19). Not after a cited structure noun ("Điều 5")."""
    return folded.isdigit() and 1 <= int(folded) <= 19 and folded_words(noun) not in _CITED_NOUNS


def spelled_number(value: int) -> str | None:
    """1..19 in folded Vietnamese words ("mot", "muoi", "muoi lam"): how the laws write a grade."""
    if value < 10:
        return _UNITS_SPELLED.get(value)
    if value < 20:
        return "muoi" + ("" if value == 10 else " " + ("lam" if value == 15 else _UNITS_SPELLED[value - 10]))
    return None


def ordinal_forms(folded: str) -> list[str]:
    """The ways a text writes one ordinal: "lop mot", "lop 1", "lop 01", "lop i"; "lop 10" is also
    "lop muoi"."""
    noun, number = folded.rsplit(" ", 1)
    value = _NUMBER_VALUES.get(number) or _ROMAN.get(number) or (int(number) if number.isdigit() else 0)
    roman = next((r for r, v in _ROMAN.items() if v == value), None)
    spelled = spelled_number(value)
    forms = [folded, f"{noun} {value}", f"{noun} {value:02d}"] + ([f"{noun} {roman}"] if roman else []) + \
        ([f"{noun} {spelled}"] if spelled else [])
    return list(dict.fromkeys(forms))


@lru_cache(maxsize=1)
def _synonyms() -> dict[str, list[str]]:
    """The glossary read backwards as a thesaurus: a Vietnamese term that is the first equivalent of
    an English entry also matches that entry's other equivalents ("tuyên truyền" -> "tuyên giáo",
    both "propaganda"), so a Vietnamese question goes the same way as its English twin. Words of one
    syllable come only from the Vietnamese thesaurus (``THESAURUS``: "nộp" -> "gửi"): the glossary's
    one-syllable wordings carry other meanings too. A line "a>b" goes one way: a question's "a"
    matches the text's "b", not back."""
    out: dict[str, list[str]] = {}
    for line in THESAURUS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if ">" in line:
            said, meant = (folded_words(w) for w in line.split(">", 1))
            if meant not in out.setdefault(said, []):
                out[said].append(meant)
            continue
        wordings = [folded_words(w) for w in line.split("|")]
        for w in wordings:
            out.setdefault(w, []).extend(o for o in wordings if o != w and o not in out[w])
    glossary = default_glossary()
    for vi in getattr(glossary, "primary", glossary).values():  # a word's other meanings are none
        if len(vi) < 2:
            continue
        head = folded_words(vi[0])
        if len(head.split()) < 2:
            continue
        for other in vi[1:]:
            f = folded_words(other)
            if len(f.split()) >= 2 and f not in out.setdefault(head, []):
                out[head].append(f)
    return out


# Compounds that name the kind of question or a document, not its subject ("tổng cộng": "in
# total", how a how-many question sums, which the text writes "tổng" or not at all).
# ("kỳ vọng", "mong muốn": how a question asks a target, as "phấn đấu", "dự kiến" do)
_STOP_PHRASES = frozenset("""
chiu trach nhiem|trach nhiem|nghi quyet|ke hoach|thuc hien|co quan|don vi|to chuc nao|van ban|
ban hanh|muc tieu|chi tieu|bao nhieu|nhung ai|the nao|nhu the nao|thoi gian|thoi han|hoan thanh|
phan dau|dat muc|ty le|giai doan|ket luan|quyet dinh|du kien|tong cong|thong thuong|noi chung|
doi voi|cung voi|bat dau|dau moi|vai tro|ky vong|mong muon
""".replace("\n", "").split("|"))
# How a question bounds the date or the length it asks ("chậm nhất", "muộn nhất", "(không) muộn hơn",
# "sớm nhất"): a soft word — a plan writes "trước ngày 10/11/2021", and a law's "chậm nhất là 07 ngày
# làm việc trước ngày mở phiên họp" still tells its bound from another clause's "30 ngày".
_BOUND_PHRASES = frozenset("cham nhat|muon nhat|cham hon|muon hon|som nhat".split("|"))
# ("đầu mối" — the focal point —, "(giữ, đóng) vai trò" — the role —: how a who-question names the
# role it asks, "ai là đầu mối chủ trì …", "bộ nào giữ vai trò chủ trì", not what it is about)
# ("bắt đầu" — begins — says a question asks when something starts, as "từ ngày nào" does: "Luật
# … bắt đầu có hiệu lực từ ngày nào" is said "Luật này có hiệu lực thi hành từ ngày …", and the
# laws rarely write "bắt đầu" before the act they date)
# ("đối với" — with regard to — introduces the subject, like "về": "Điều kiện kết hôn đối với nữ"
# is said "nữ từ đủ 18 tuổi"; as a word of the subject it sank every sentence that does not repeat it)


def _terms(folded: str, role: str | None) -> list[str]:
    out = []
    for w in folded.split():
        if w in _STOP or w.isdigit() or len(w) < 2:
            continue
        if role and w in _ROLE_SYLLABLES:
            continue
        for part in _ABBR.get(w, _TERM_ABBR.get(w, w)).split():
            if part not in out and part not in _STOP:
                out.append(part)
    return out


_NP_END = frozenset("""of in on for at to by from with does do did is are was were will would should shall must
can could may might has have had be been being that which who whom per under each every""".split())


def english_counted(question: str) -> list[str]:
    """The words of the noun phrase a "how many" counts ("how many tourist arrivals does …" ->
    tourist, arrivals) — the phrase ends at a preposition, a verb or an auxiliary."""
    # up to eight words: a named thing comes before its head noun ("how many Khen Mong and Tinh Tau
    # clubs" counts clubs)
    # (a Vietnamese name in it has letters beyond a-z: "how many new Khèn Mông and Tỉnh Tầu clubs" —
    # read as a-z only, the phrase stopped at "new", which then was the counted noun)
    m = re.search(r"\bhow many\s+((?:[^\W\d_][\w'-]*\s*){1,8})", question.lower())
    if not m:
        return []
    words = []
    parts = m.group(1).split()
    for i, w in enumerate(parts):
        if w in _NP_END:
            break
        words.append(w)
        if len(w) > 3 and w.endswith("s") and not w.endswith("ss") and \
                (i + 1 == len(parts) or (parts[i + 1] not in ("and", "or") and not parts[i + 1].endswith("s"))):
            break  # a plural noun heads the phrase: "how many tourists | visit Bình Lư" (not one
            # before another: "grassroots propagandists")
    plural = [i for i, w in enumerate(words) if len(w) > 3 and w.endswith("s") and not w.endswith("ss")]
    if plural and plural[-1] < len(words) - 1:
        words = words[:plural[-1] + 1]  # the words cut a second phrase short: the first one's head
    if len(plural) > 1 and words[plural[0]] == words[-1]:
        words = words[:plural[0] + 1]  # "X villages or Y villages": one head, the first phrase names it
    return words


def english_count_noun(question: str) -> str | None:
    """The noun a "how many" counts, folded, first syllable: the head of the English noun phrase,
    which comes last ("how many tourist arrivals does …" counts arrivals, lượt; "how many groups of
    criteria" counts groups, nhóm)."""
    nouns = english_count_nouns(question)
    return nouns[0] if nouns else None


def english_count_nouns(question: str) -> list[str]:
    """Every sense of the noun a "how many" counts, folded, first syllable each: "villages" is
    written "thôn" or "bản" (the glossary's senses), and the text may use either. A rate counted
    per a period is one phrase ("how many issues per week": "kỳ mỗi tuần", counted in kỳ); an
    age asked ("what age", "how old", "under what age") is counted in tuổi."""
    words = english_counted(question)
    if words:
        rate = re.search(r"\bhow many\s+((?:[a-z'-]+\s+){1,3}per\s+[a-z]+)", question.lower())
        if rate:
            groups = [(en, vi) for en, vi in translate_groups(rate.group(1)) if vi]
            if groups and " per " in f" {groups[-1][0]} ":
                return list(dict.fromkeys(folded_words(v).split()[0] for v in groups[-1][1]))
        groups = [(en, vi) for en, vi in translate_groups(" ".join(words)) if vi and words[-1] not in _MEASURES]
        if not groups:
            groups = [(en, vi) for en, vi in translate_groups(measured_of(question, words)) if vi]
        # ("how many sets of documents": the laws count dossiers in sets, "01 bộ hồ sơ")
        sets = ["bo"] if words[-1] in ("set", "sets") else []
        return list(dict.fromkeys(sets + [folded_words(v).split()[0] for v in (groups[-1][1] if groups else [])]))
    if re.search(r"\b(?:what|which|minimum|maximum|under|below|over|above) (?:\w+ )?ages?\b|\bhow old\b",
                 question.lower()):
        return ["tuoi"]
    if re.search(r"\b(?:what|which) (?:fraction|share|proportion)\b", question.lower()):
        return ["phan"]  # "hai phần ba", "một phần ba"
    return physical_units(question)


# Measure words a "how many" counts a thing by, whatever the glossary says of them as verbs ("set":
# đặt ra, quy định): "how many sets of dossiers" counts dossiers.
_MEASURES = frozenset("set sets piece pieces".split())  # (not "copies": "ba bản" counts them)


def measured_of(question: str, words: list[str]) -> str:
    """The noun after "of" when the noun a "how many" counts is a measure of it the glossary does not
    translate ("how many sets of dossiers", "how many pieces of evidence"): the laws count such a thing
    with a classifier before its noun ("nộp 01 bộ hồ sơ"), which ``passages.quantity_nouns`` reads as a
    count of the noun, so the noun is what is counted. "" when no such phrase follows."""
    if not words:
        return ""
    m = re.search(rf"\b{re.escape(words[-1])}\s+of\s+((?:[a-z'-]+\s*){{1,3}})", question.lower())
    if not m:
        return ""
    out = []
    for w in m.group(1).split():
        if w in _NP_END or w in ("the", "a", "an"):
            break
        out.append(w)
        if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            break  # a plural noun heads the phrase ("sets of dossiers | must …")
    return " ".join(out)


# An English question that asks what a thing counts as ("From what age is a person considered an
# adult", "what age range defines a young person") and a Vietnamese one ("người bao nhiêu tuổi thì được
# coi là thanh niên"): a law defines with the copula — "Người thành niên là người từ đủ mười tám tuổi
# trở lên", "Thanh niên là công dân Việt Nam từ đủ 16 tuổi đến 30 tuổi" — and never repeats the verb.
# The glossary's "xem xét" (to examine) for "considered" is another sense: in the frame of a
# definition the verb is said by "là" and by nothing else.
_DEFINING_EN = re.compile(r"\b(?:(?:is|are|be|being|been|was|were)\s+(?:[\w'-]+\s+){0,4}?(?:considered|regarded|deemed|defined|classified|"
                          r"classed|counted|recognised|recognized)|defines?|qualifies)"
                          # (a definition names what the thing counts as: "considered an adult", "defined
                          # as", "to be a minor" — not "a child's wishes be considered when the court decides")
                          r"(?=\s+(?:as|to be|an?|the|(?:young|old|adults?|minors?|elderly|juveniles?)(?!\s+enough))\b)", re.I)
_DEFINING_VI = frozenset({"coi", "xem", "goi", "hieu"})


def defining_frame(question: str, groups: list[tuple[str, list[str]]], english: bool) -> list[tuple[str, list[str]]]:
    """The group of a defining verb (``_DEFINING_EN``, "coi là", "xem là", "gọi là", "hiểu là") said
    by the copula "là" of the defining sentence instead of its glossary words."""
    if english:
        verbs = {m.group(0).lower().split()[-1] for m in _DEFINING_EN.finditer(question)}
        return [(label, ["la"]) if label in verbs else (label, alts) for label, alts in groups]
    folded = f" {folded_words(question)} "
    return [(label, ["la"]) if label in _DEFINING_VI and f" {label} la " in folded else (label, alts)
            for label, alts in groups]


# A physical quantity asked by what it measures ("how much live weight", "what area", "how far"):
# its answer is counted in that measure's units, as the laws and plans write them ("500 kg",
# "02 ha", "30 km"), folded. Not money ("how much" is no sum of money when a measure follows it).
_PHYSICAL = [
    (re.compile(r"\b(?:how much (?:\w+ )?(?:weight|mass)|how heavy|(?:what|which) (?:\w+ )?(?:weight|mass))\b"),
     ["kg", "tan", "gam", "ta", "yen"]),
    (re.compile(r"\b(?:how (?:much|large|big) (?:an? )?(?:\w+ )?area|(?<!in )(?:what|which) (?:\w+ )?area|"
                r"how many (?:hectares|square))\b"), ["ha", "m2", "km2", "hecta"]),
    (re.compile(r"\b(?:how far|how (?:much|long|great) (?:a )?(?:\w+ )?distance|(?:what|which) (?:\w+ )?distance|"
                r"how (?:deep|high|tall|wide))\b"), ["km", "m", "met", "cm"]),
    (re.compile(r"\b(?:how much (?:\w+ )?volume|(?:what|which) (?:\w+ )?volume)\b"), ["m3", "lit"]),
]


def physical_units(question: str) -> list[str]:
    """The folded units of the physical measure an English question asks for (``_PHYSICAL``), []
    when it asks none."""
    low = question.lower()
    return next((units for rx, units in _PHYSICAL if rx.search(low)), [])


def counted_senses(groups: list[tuple[str, list[str]]], counted: list[str]) -> list[tuple[str, list[str]]]:
    """The group of the noun a how-many question counts with all its glossary senses back: "sites"
    is "địa điểm" or "điểm", and "điểm" — dropped as a question word elsewhere ("thời điểm") — is
    how the plans count places ("01 điểm du lịch cộng đồng")."""
    if not counted:
        return groups
    out = []
    for label, alts in groups:
        if set(label.split()) & set(counted):
            senses = [folded_words(v) for _, vi in translate_groups(label) for v in vi]
            alts = alts + [v for v in senses if v and v not in alts]
        out.append((label, alts))
    return out


# "how old" asks an age: its "old" is no subject word (the glossary reads it "cũ")
_AGE_ASKED = re.compile(r"\bhow old\b", re.I)
# "how fast" asks a rate (a percentage, ``_MEASURE_CUES``): its "fast" is no subject word either
_RATE_ASKED = re.compile(r"\bhow fast\b", re.I)


_AGE_Q = re.compile(r"\b(?:(?:what|which|minimum|maximum|under|below|over|above|from) (?:\w+ )?ages?|how old|"
                    r"bao nhieu tuoi|may tuoi|(?:do )?tuoi nao)\b")


def asks_age(question: str) -> bool:
    """The question asks an age ("from what age", "how old", "bao nhiêu tuổi", "ở độ tuổi nào")."""
    return bool(_AGE_Q.search(f" {folded_words(question)} "))


def measured_property(vi_text: str, groups: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    """The compound right before the question's "bao nhiêu"/"mấy" + a time unit, when it is made of
    question-like syllables the groups dropped: "Trọng tài viên có nhiệm kỳ bao nhiêu năm" measures a
    term ("nhiệm kỳ"), and a sentence that counts other years ("công tác … từ 5 năm trở lên") does
    not answer it. [(label, [label])] or []; not the question's frame phrases ("thời hạn",
    ``_STOP_PHRASES``), whose number the laws write without them."""
    from indexer.index.analyzer import segment

    words = []
    for t in segment(vi_text):  # the compounds, without the syllables segment() repeats after each
        if words and "_" in words[-1] and t in words[-1].split("_"):
            continue
        words.append(t)
    folded = [folded_words(w.replace("_", " ")) for w in words]
    for i in range(1, len(folded) - 1):
        if folded[i] in ("bao nhieu", "may") and folded[i + 1] in ("nam", "thang", "ngay") and \
                len(folded[i - 1].split()) == 2 and folded[i - 1] not in _STOP_PHRASES and \
                all(p in _STOP for p in folded[i - 1].split()) and all(g[0] != folded[i - 1] for g in groups):
            return [(folded[i - 1], [folded[i - 1]])]
    return []


# An English money question's frame: the noun of the measure itself ("how much money") and the
# verbs of giving a sum ("the central budget contributes / provides / allocates …"), which the plans'
# funding lines do not write ("Nguồn ngân sách Trung ương: 30.203.000.000 đồng").
_MONEY_NOUNS = frozenset({"money", "amount", "sum"})
_FUNDING_VERBS = frozenset("""provide provides provided contribute contributes contributed allocate allocates
allocated spend spends spent earmark earmarks earmarked disburse disburses disbursed finance finances
financed""".split())
# What the documents call a sum of money a Vietnamese question asks as "bao nhiêu tiền" (folded).
_MONEY_WORDS = ("kinh phi", "chi phi", "nguon von", "von")


def money_frame(groups: list[tuple[str, list[str]]], soft: set[str]) -> tuple[list, set[str]]:
    """``groups`` without the money noun a "how much money" question says, and ``soft`` with its
    funding verbs (found, they help; missing, they do not sink a funding line that states the sum)."""
    kept = [(label, alts) for label, alts in groups if label not in _MONEY_NOUNS] or groups
    return kept, soft | {label for label, _ in kept if label in _FUNDING_VERBS}


def age_said_by_value(groups: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    """An age asked ("which age group", "ở độ tuổi nào"): the group naming the age ("age group" ->
    độ tuổi, nhóm tuổi) is said by the value itself ("cho trẻ em 05 tuổi"), so "tuổi" is one of its
    words — a law's sentence states the age, not the word "độ tuổi"."""
    return [(label, alts + ["tuoi"]) if alts and "tuoi" not in alts and
            all("tuoi" in a.split() for a in alts) else (label, alts) for label, alts in groups]


# The bare noun of a person: in an age question it is whoever bears the age ("người bao nhiêu tuổi thì
# được coi là thanh niên"), which a law's sentence names by what the person is ("Thanh niên là công dân
# Việt Nam từ đủ 16 tuổi …"), not by the word "người".
_PERSON_WORDS = frozenset({"nguoi", "person", "persons", "people", "individual", "individuals"})


def age_bearer(groups: list[tuple[str, list[str]]]) -> set[str]:
    """The labels of an age question's bare person nouns (``_PERSON_WORDS``), soft words: found, they
    help; missing, they do not sink the sentence that states the age."""
    return {label for label, _ in groups if label in _PERSON_WORDS}


# The conjunctions a question written with its diacritics puts around its condition ("nếu thông tin
# đó đã được cung cấp …", "thì được coi là"): as written they are no content word (folded, "neu" is
# also "nêu", to state — ``_FOLDED_FUNCTION_WORDS`` then softens them whatever they were).
# (and "cũng", also: "đảng viên của những chi bộ nào cũng được dự …"; "bởi", by: "được dự thảo bởi đơn
# vị nào" — how the question relates the words it asks, which the plans and laws write without them.
# Written: typed without diacritics "boi" is "bồi" too. Not "cùng", "lại", which the texts write in
# "cùng cấp", "cùng kỳ", "còn lại": only in the phrases ``_PREPOSITION_PHRASES`` names; nor "khác",
# "riêng", which tell "tài sản riêng", "các khoản thu khác" from their siblings)
_WRITTEN_FUNCTION_WORDS = frozenset({"nếu", "thì", "rồi", "nữa", "cũng", "bởi"})


def written_function_words(question: str, groups: list[tuple[str, list[str]]]) -> set[str]:
    """The labels of the conjunctions the question writes as such (``_WRITTEN_FUNCTION_WORDS``)."""
    written = {folded_words(w) for w in re.findall(r"\w+", question.lower()) if w in _WRITTEN_FUNCTION_WORDS}
    typed = question.lower() if any(ord(c) > 127 for c in question) else None
    folded = f" {folded_words(question)} "
    for phrase, label in _PREPOSITION_PHRASES.items():
        if (re.search(rf"(?<!\w){phrase}(?!\w)", typed) if typed is not None
                else f" {folded_words(phrase)} " in folded):
            written.add(label)
    return {label for label, _ in groups if label in written}


# Verbs that are prepositions before their object: "dành cho" (intended for: "phim … dành cho người
# xem từ …"), "dựa trên", "dựa vào" (based on: "tự chấm điểm … dựa trên bao nhiêu nhóm tiêu chí",
# said "theo 03 nhóm tiêu chí"), "so với" (compared with: "… bao nhiêu so với tổng chi", said "…
# 20% tổng chi"). Typed without diacritics, read by their folded words.
_PREPOSITION_PHRASES = {"dành cho": "danh", "dựa trên": "dua", "dựa vào": "dua", "so với": "so",
                        # ("dưới sự lãnh đạo của Đảng đoàn": under the leadership of; the "sự" that
                        # makes "lãnh đạo" a noun, which the text writes as a verb: relations.led_items)
                        "dưới sự": "su",
                        # ("dựa vào sự tham mưu của ủy ban nào": relies on the advice of)
                        "vào sự": "su",
                        # ("phối hợp cùng Đoàn Thanh niên", "cùng với": with; "rồi báo cáo lại Ban
                        # Thường vụ": reports back — not "cùng cấp", "còn lại")
                        "hợp cùng": "cung", "cùng với": "cung", "báo cáo lại": "lai"}


# "How many school years does lower secondary education last?", "how many years does the term run
# for": the verb of a span, last in the question, is the measure's frame, which a law writes "được
# thực hiện trong 04 năm học", "có thời hạn 05 năm" (as ``_SPAN_VERBS`` for a when-question).
_SPAN_VERB_END = re.compile(r"\b(last|lasts|run|runs|span|spans|extend|extends)\s*(?:for\s*)?\??\s*$", re.I)


# "chiếm (tỷ lệ) bao nhiêu", to account for: the verb of a share a Vietnamese target-question asks,
# which the plans and laws state with the share alone ("… có bằng cấp, chứng chỉ đạt từ 32% trở
# lên", "phải có ít nhất một phần ba tổng số thành viên là chuyên gia").
_SHARE_VERB = "chiem"


def span_verb(question: str, groups: list[tuple[str, list[str]]]) -> set[str]:
    """The label of the span verb an English question ends with (``_SPAN_VERB_END``), or none."""
    m = _SPAN_VERB_END.search(question)
    return {label for label, _ in groups if m and label == m.group(1).lower()}


# Verbs of relation that the laws write otherwise than the glossary: equivalence ("corresponds to",
# "is equivalent to", "tương ứng") is written "tương đương", "tương ứng" or "bằng" ("Mỗi đơn vị vật nuôi
# tương đương với 500 kg …"); membership of a body ("how many jurors sit on the panel", "serve on")
# is written with the body first, "Hội đồng xét xử sơ thẩm gồm một Thẩm phán và 02 Hội thẩm nhân dân".
_EQUIVALENCE = frozenset({"corresponds", "correspond", "corresponding", "equivalent", "equals", "equal",
                          "tuong ung", "tuong duong"})
_EQUIVALENCE_WORDS = ["tuong duong", "tuong ung", "bang"]
_MEMBERSHIP = re.compile(r"\b(sit|sits|serve|serves|seated)\s+(?:on|in)\b", re.I)
_MEMBERSHIP_WORDS = ["gom", "bao gom", "co", "thanh phan"]


def relation_verbs(question: str, groups: list[tuple[str, list[str]]], soft: set[str]):
    """The groups of an equivalence or membership verb (``_EQUIVALENCE``, ``_MEMBERSHIP``) with the
    words the documents write them in; such a verb is no longer a word only the model could vouch for
    (``Question.unsure``), and stays soft: the sentence may say it by its structure alone."""
    members = {m.group(1).lower() for m in _MEMBERSHIP.finditer(question)}
    out, relational = [], set()
    for label, alts in groups:
        if label in _EQUIVALENCE:
            alts = list(dict.fromkeys(alts + _EQUIVALENCE_WORDS))
            relational.add(label)
        elif label in members:
            alts = _MEMBERSHIP_WORDS
            relational.add(label)
        out.append((label, alts))
    return out, soft | relational


def may_noun(question: str, vi_text: str) -> str | None:
    """"mấy năm", "mấy thành viên": "mấy" asks a count like "bao nhiêu", of the noun after it (the
    folded noun in group 1). Read with its diacritics, from the question or its restoration:
    folded, "may" is also "máy" (a machine)."""
    for text in (question, vi_text):
        if any(ord(c) > 127 for c in text):
            m = re.search(r"(?<!\w)mấy\s+(\w+)", text.lower())
            if m or any(ord(c) > 127 for c in question):
                return folded_words(m.group(1)) if m else None
            break
    return typed_may_noun(question)


def typed_may_noun(question: str) -> str | None:
    """"lap thanh may ban", "gom may tham phan": typed without diacritics, "may" is restored "máy"
    (a machine) as often as "mấy" (how many). A machine is named by the word after it ("máy tính",
    "máy móc") and asked with "bao nhiêu" or "nào", never "mấy máy": in a question whose only
    number cue is "may" before a word, it asks how many of that word (the folded noun, or None).
    Only the count reader (``passages.quantity_items``) uses it: a number counted in that noun must
    still be read in a supporting sentence."""
    folded = folded_words(question)
    if any(ord(c) > 127 for c in question) or re.search(r"\bbao nhieu\b", folded):
        return None
    m = re.search(r"(?<!\w)may\s+(\w+)", folded)
    return m.group(1) if m and not m.group(1).isdigit() else None


def numbered_noun(vi_text: str) -> list[str]:
    """The noun a "số X … là bao nhiêu" question counts ("Số thành viên tối thiểu của hội đồng là bao
    nhiêu?" counts thành viên), folded, first syllable: [] when the question has no "số" + noun.
    Only for reading counts from the passages: such a question may also be answered by a stored
    percentage ("số hộ nghèo giảm … bao nhiêu"), which this noun must not rule out."""
    m = re.search(r"(?<!\w)(?:số lượng|tổng số|số)\s+(\w+)", vi_text.lower())
    if not m or m.group(1)[0].isdigit():
        return []
    noun = folded_words(m.group(1))
    return [] if noun in _NOT_COUNTED else [noun]


# Words that follow "bao nhiêu" without being what it counts ("tối đa bao nhiêu thì …", "bao nhiêu
# là …"): conjunctions, copulas and particles, folded.
_NOT_COUNTED = frozenset("thi la de ma va hoac cua duoc phai co cho khi neu vay the nhi a moi".split())
# (nor a preposition that opens the phrase after the question: "tối đa là bao nhiêu theo Bộ luật Dân
# sự", "bao nhiêu trong tổng số …" — they count no "theo", "trong")
_NOT_COUNTED |= frozenset("theo trong voi den tren duoi sau truoc".split())  # (not "tai", "ve", "tu": tài liệu, vé, tủ)
# ("mỗi": "bao nhiêu mỗi năm" asks a rate per year, it counts no "mỗi")


# The words of _NOT_COUNTED as written: with its diacritics, "Trọng" (of "Trọng tài viên") is no "trong".
_NOT_COUNTED_WRITTEN = frozenset("""thì là để mà và hoặc của được phải có cho khi nếu vậy thế nhỉ à mới mỗi
theo trong với đến trên dưới sau trước""".split())


def written_content(question: str, folded_noun: str) -> bool:
    """The word after "bao nhiêu"/"mấy" that folds like a function word (``_NOT_COUNTED``) is, as
    the question writes it with its diacritics, another word: "Hội đồng trọng tài gồm mấy Trọng tài
    viên?" counts arbitrators ("trọng"), not "trong". False for a question typed without diacritics."""
    if not any(ord(c) > 127 for c in question):
        return False
    m = re.search(r"(?<!\w)(?:bao nhiêu|mấy)\s+(\w+)", question.lower())
    return bool(m) and folded_words(m.group(1)) == folded_noun and m.group(1) not in _NOT_COUNTED_WRITTEN


# The question's own cue phrases, as typed (folded): no subject word is part of one.
_CUES = re.compile(r" (?:bao nhieu|bao lau|bao gio|khi nao|ngay nao|thang nao|nam nao|co quan nao|don vi nao) ")


def _off_cues(groups: list[tuple[str, list[str]]], folded_q: str) -> list[tuple[str, list[str]]]:
    """Groups of a question typed without diacritics that the restoration did not join to one of
    its cue phrases: "đủ bao nhiêu" restored "dự báo nhiều" gave the subject "dự báo" (a forecast),
    which the typed words never said apart from "bao nhieu"."""
    bare = f" {folded_q} "
    while (m := _CUES.search(bare)):
        bare = bare[:m.start()] + " | " + bare[m.end():]
    out = []
    for label, alts in groups:
        rest = _off_percent_cue(label, folded_q)
        if rest:
            label, alts = rest, [rest]
        if len(label.split()) < 2 or f" {label} " in bare or f" {label} " not in f" {folded_q} ":
            if all(g[0] != label for g in out):
                out.append((label, alts))
    return out


def _off_percent_cue(label: str, folded_q: str) -> str:
    """``label`` without the syllables of the "bao nhiêu phần trăm" cue it starts with: the
    restoration glued them to the subject after it ("phần trầm trường học" -> "trường học"). ""
    when the label starts with none."""
    q = f" {folded_q} "
    for cue, before in (("phan tram", "bao nhieu"), ("tram", "bao nhieu phan")):
        if label.startswith(cue + " ") and f" {before} {label} " in q:
            return label[len(cue) + 1:]
    return ""


# Words that say which time a when-question asks, not what about: "tầm nhìn / định hướng đến năm
# nào" (the horizon), "(áp dụng cho, bao quát) giai đoạn nào" (the period), "bao lâu một lần" (how often),
# "cover" (the span of a document). The answer's own sentence says them or not ("Phấn đấu đến năm 2030 …"
# answers "… hướng đến năm nào?"); as the subject they left horizon questions unanswered. A
# restored or segmented question glues them to a neighbour ("có định hướng", "Lai Châu hướng"):
# they are cut off its ends.
# ("how quickly", "how soon", "how early": the English manner of asking a time limit, as "bao lâu")
_WHEN_CUES = sorted(["tam nhin", "dinh huong", "giai doan", "thoi ky", "ap dung", "bao quat", "long term", "huong", "lan", "cover", "covers",
                     "quickly", "soon", "early",
                     "covered", "span", "spans", "vision", "orientation", "long", "term"], key=len, reverse=True)


def _without_when_cues(groups: list[tuple[str, list[str]]], folded_q: str = "") -> list[tuple[str, list[str]]]:
    """``groups`` without the when-cues (``_WHEN_CUES``): a label that is one is dropped, one that
    ends with one ("lai chau huong", "co dinh huong") or starts with a cue of two words loses it and
    the stop words it leaves at its ends. A single-word cue is never cut from a label's start:
    "hướng dẫn" (guide) is no "hướng" (toward). A cue the segmenter split ("tầm", "nhìn" of the
    question's "tầm nhìn") is dropped word by word."""
    q = f" {folded_q} "
    split = {w for cue in _WHEN_CUES if " " in cue and f" {cue} " in q for w in cue.split()}
    out = []
    for label, alts in groups:
        if label in split:
            continue
        words = label.split()
        cut = True
        while cut and words:
            cut = False
            for cue in _WHEN_CUES:
                c = cue.split()
                if words[-len(c):] == c:
                    words, cut = words[:-len(c)], True
                    break
                if len(c) > 1 and words[:len(c)] == c:
                    words, cut = words[len(c):], True
                    break
        # (an English phrase keeps its senses, the cue with them: "indefinite term" is "không xác
        # định thời hạn"; only a phrase that is all cue is dropped)
        english = bool(alts) and label not in alts
        if len(words) < len(label.split()) and not (english and words):
            while words and words[0] in _STOP:
                words = words[1:]
            while words and words[-1] in _STOP:
                words = words[:-1]
            if not words:
                continue
            rest = " ".join(words)
            label, alts = rest, [rest]
        if all(g[0] != label for g in out):
            out.append((label, alts))
    return out


# Verbs that only carry a document noun ("gửi báo cáo", "nộp hồ sơ", "trình đề án"): the law says
# "Ủy ban nhân dân cấp tỉnh báo cáo … trước ngày 15 tháng 02" for "… gửi báo cáo … trước ngày nào",
# the noun itself being the act. They weigh little (``Question.soft``) when the noun follows them.
_CARRIER_VERBS = frozenset("gui nop trinh".split())
# English verbs that state a time span ("the scheme runs to 2025", "the term lasts five years"): in
# a when-question they say the asked value's relation, which the documents write as "đến năm …",
# "là … năm", not the subject (the glossary's "điều hành", "vận hành" are another sense of "run").
# So is "valid" ("how long is the decision valid": the law writes "có thời hạn là 10 năm").
_SPAN_VERBS = frozenset("run runs running last lasts lasting extend extends extending span spans valid".split())
# English light verbs that carry the time noun asked ("gives an orientation up to which year", "sets
# a vision to", "has a term of"): the documents say the noun alone ("định hướng đến năm 2035").
_LIGHT_VERBS = frozenset("give gives given gave set sets has have".split())
_CARRIED_NOUNS = ("bao cao", "ho so", "to trinh", "de an", "ke hoach", "du thao", "van ban")


# The Vietnamese words that, right before the asked time, say its relation to the subject, as the
# English span verbs do: "kéo dài (trong) bao lâu" (lasts how long: the law writes "Thời hạn … là từ
# đủ 06 tháng đến 12 tháng"), "thuộc nhiệm kỳ nào / giai đoạn nào" (belongs to which term: "Nghị
# quyết Đại hội … nhiệm kỳ 2025-2030"). Not "kéo dài thêm bao lâu" (extended by how long), which
# asks an extension the law states with its own verb, nor "có thể kéo dài bao lâu" (may be extended
# by how long: "… có thể kéo dài nhưng không quá 30 ngày").
_VI_SPAN = re.compile(r" (?<!co the )(keo dai) (?:trong )?(?:bao lau|may|bao nhieu) | (thuoc) (?:nhiem ky|giai doan|thoi ky|nam|ky) (?:nao|may|bao nhieu) "
                      # a document "mang ngày nào" (bears which date), "ra đời ngày nào" (came out)
                      r"| (mang) ngay nao | (ra doi) (?:vao )?ngay nao "
                      # a work "được lên lịch" (scheduled) in a period the plan writes after it ("Xây dựng
                      # Bảo tàng tỉnh trong giai đoạn 2021-2025"): the plans write the work and its time
                      r"| (len) (lich) ")
# The status a place is "công nhận (là)" or "trở thành" when it reaches it, asked as a moment ("đến năm
# nào Bình Lư được công nhận là xã đạt chuẩn nông thôn mới": "phấn đấu … đạt chuẩn nông thôn mới vào
# năm 2030"): the plans write the status and its year, not the frame. Not in a question asking how long
# ("giấy công nhận đạt chuẩn … dùng được mấy năm": the recognition is the law's act, its term asked).
# The recognition is passive ("được công nhận"), its standard not a law's "tiêu chuẩn" (the Tourism
# Law's act: "được công nhận đạt tiêu chuẩn phục vụ khách du lịch"); "công nhân" (workers) folds alike
# (``vi_span_words``), and a question asking the recognition's term, expiry or withdrawal asks the act.
_STATUS_REACHED = re.compile(r" duoc (cong nhan) (?:la )?(?:\w+ ){0,2}?(?:dat )?(?<!tieu )chuan "
                             r"| (tro thanh) (?:\w+ ){0,2}?dat (?<!tieu )chuan ")
_RECOGNITION_ACT = re.compile(r" (?:thoi han|het han|hieu luc|thu hoi|huy bo|quyet dinh cong nhan|giay cong nhan|"
                              r"bang cong nhan) ")


_DEICTIC = re.compile(r"(?i)(?<!\w)(này|đó|ấy|kia)(?!\w)")


# How a question asks the span a review covers ("Đợt sơ kết Nghị quyết 06 nhìn lại chặng đường bao
# nhiêu năm?", "… đánh giá quãng thời gian mấy năm thực hiện"): "sơ kết 05 năm thực hiện Nghị
# quyết" says it by its number alone, and the looking back is what "sơ kết" means (folded).
# The reviews a plan holds of a resolution, as written: their one home (the review-span reading of
# fit_when, the how-long questions about a review here, the events a classifier names below).
REVIEWS = ("sơ kết", "tổng kết")
_REVIEWS_FOLDED = "|".join(folded_words(r) for r in REVIEWS)
_REVIEW_ASKED = re.compile(rf" (?:{_REVIEWS_FOLDED}) ")
_REVIEW_FRAME = frozenset({"nhin", "lai", "nhin lai", "chang", "duong", "chang duong", "quang", "quang thoi gian",
                           "danh gia", "dot"})


def review_frame_words(groups: list[tuple[str, list[str]]], folded_q: str) -> set[str]:
    """The labels of a Vietnamese how-long question about a review (``_REVIEW_ASKED``) that frame
    the span it looks back on, no word of the review's own name."""
    if not (_REVIEW_ASKED.search(f" {folded_q} ") and is_duration_question(folded_q)):
        return set()
    return {label for label, _ in groups if label in _REVIEW_FRAME}


# A horizon question ("… có tầm nhìn đến năm nào?", "looks ahead to which year in its vision?") says
# how the document looks ahead ("kéo tới", "dài hạn", "xa nhất", "longer-term", "looks ahead"): the
# horizon is that looking ahead, which the text says by its year alone ("Quy hoạch tỉnh Lai Châu
# thời kỳ 2021 - 2030, tầm nhìn đến năm 2050") — no word of its owner, dropped (folded). How the plan
# it asks from uses the document it names ("bám theo", "khớp với", "đối chiếu với", "đồng bộ với"
# the province's master plan) is said by the plan, not by the horizon's sentence: soft.
_LOOK_AHEAD = frozenset({"keo dai", "keo toi", "keo den", "dai han", "lau dai", "xa nhat", "huong toi",
                         "look", "looks", "looking", "ahead", "long term", "longer term", "longer", "extend",
                         "extends", "reach", "reaches", "stretch", "stretches"})
_VISION_CITING = frozenset({"khop", "phu hop", "dong bo", "thong nhat", "tuan thu", "consistent", "fit", "align",
                            "aligned", "follow", "follows", "match", "matches"}) | _CITING_VERBS


def asks_horizon(folded_q: str) -> bool:
    """A question asking the year a document looks ahead to (``passages.asked_vision``), not its date."""
    return bool(asked_vision(folded_q)) and is_horizon_question(folded_q) and not is_issued_question(folded_q)


def look_ahead_words(folded_q: str) -> set[str]:
    """The look-ahead labels (``_LOOK_AHEAD``) a folded question may hold, with the syllables of the
    phrases it says: a compound no indexed text writes ("lâu dài" in the plans) is read by syllable
    (``_unknown_compound``), and "dài" alone is then no word of the horizon's owner either."""
    said = {p for p in _LOOK_AHEAD if " " in p and f" {p} " in f" {folded_q} "}
    return set(_LOOK_AHEAD) | {w for p in said for w in p.split()}


def vision_frame_words(groups: list[tuple[str, list[str]]], folded_q: str) -> set[str]:
    """The labels of a horizon question (``asks_horizon``) that say how a plan uses the document
    whose horizon is asked (``_VISION_CITING``): soft."""
    return {label for label, _ in groups if label in _VISION_CITING} if asks_horizon(folded_q) else set()


def deictic_words(groups: list[tuple[str, list[str]]], question: str) -> set[str]:
    """The demonstratives a question written with diacritics says ("Đợt sơ kết này đánh giá bao
    nhiêu năm …": this round, the one the plan is about): they point at what the question names,
    and no document says them of itself. Without diacritics "nay" is also "hiện nay" (now): kept."""
    said = {folded_words(m.group(1)) for m in _DEICTIC.finditer(question)}
    return {label for label, _ in groups if label in said}


# The classifiers that make an event of the verb after them ("đợt sơ kết", "cuộc kiểm tra", "buổi
# tập huấn"): the plans say the event by its verb ("Kế hoạch sơ kết", "Hội nghị sơ kết"). Only
# before such a verb: folded, "dot" is also "đốt" (to burn), "cuoc" "cược", "buoi" "bưởi"; and "Cuộc
# thi …", "Cuộc vận động …" are names, "buổi sáng" a time. (``_OCCASION`` reads "trong đợt …", the
# occasion a who-question's task falls in, whatever its event.)
_EVENT_CLASSIFIER = re.compile(rf" (dot|cuoc|buoi) (?:{_REVIEWS_FOLDED}|kiem tra|giam sat|thanh tra|hoc tap|hoc|"
                               r"quan triet|tap huan|tuyen truyen|thi dua|hop|hoi nghi|danh gia|khao sat|"
                               r"sinh hoat|lam viec|tiep xuc|doi thoai) ")


def event_frame_words(groups: list[tuple[str, list[str]]], folded_q: str) -> set[str]:
    """The event classifiers (``_EVENT_CLASSIFIER``) a Vietnamese question says, of any kind: "Đợt
    sơ kết … do ban nào chủ trì" is said "Ban Tuyên giáo Tỉnh ủy chủ trì … hướng dẫn … việc sơ kết";
    found, they help; missing, they do not sink it."""
    return _groups_said(groups, _EVENT_CLASSIFIER, f" {folded_q} ")


# A user's sentence about themself before the question ("Tôi làm cán bộ lâm nghiệp ở xã Bình Lư;
# kế hoạch … đặt chỉ tiêu … là bao nhiêu?", "I'm handling logistics for …: which office …"): first
# person, closed by ";", ":", a full stop or a dash, the question whole after it.
# (and one's own people and things: "Chồng tôi …", "Con tôi …", "cong ty toi …", "my husband …")
# (typed without diacritics, "toi" after a word is as often "tới", until: "Tinh toi cuoi nam 2025: …";
# there only one's kin or one's business before it)
_PERSONA = re.compile(r"(?i)^\s*((?:(?:[^\W\d_]+\s){0,2}(?:tôi|chúng tôi)|(?:chong|vo|con|bo|me|cha|chi|anh|em|ong|ba|"
                      r"cong ty|gia dinh|nha|nha may|trang trai|vung)\s(?:toi|chung toi)|toi|chung toi|em|mình|minh|"
                      r"I am|I'm|I work|we are|we're|as an?|my \w+|our \w+)\s.+?)(?:[;:]|\.\s|\s[—–-]\s)(.*\S.*)$")
# ... and an English opening that says in what capacity one asks, closed by a comma: "As a Party cell
# secretary in Nông Tiến, what is my deadline for reporting …?"
_PERSONA_AS = re.compile(r"(?i)^\s*(as an?\s[^,;:?]{3,80}?),\s*(.*\S.*)$")
# An asker named before the question: "Luật sư hỏi: …", "chu khach san hoi: …", "A farmer asks: …".
_ASKER = re.compile(r"(?i)^\s*([^:;.?]{1,40}?\s(?:hỏi|hoi|asks?))\s*:\s*(.*\S.*)$")
# the question pointing back into that sentence ("tuyến này", "that scheme"): the sentence then
# names what is asked about
_POINTS_INTO_OPENING = re.compile(r"(?i)(?<!\w)(?:này|đó|ấy|this|that|these|those)(?!\w)")


def _persona_opening(question: str) -> re.Match | None:
    """A first-person opening sentence (``_PERSONA``, ``_ASKER``, ``_PERSONA_AS``; group 1) that the
    question after it (group 2) does not point into."""
    m = _PERSONA.match(question) or _ASKER.match(question) or _PERSONA_AS.match(question)
    return m if m and not _POINTS_INTO_OPENING.search(m.group(2)) else None


def without_persona(question: str) -> str:
    """The question after its first-person opening (``_persona_opening``): "Tôi đang soạn tài liệu
    sinh hoạt chi bộ …: bộ phận nào … được giao theo dõi …?" asks who follows up, not who drafts —
    the asker drafts."""
    m = _persona_opening(question)
    return m.group(2) if m else question


def persona_words(groups: list[tuple[str, list[str]]], question: str) -> tuple[list, set[str]]:
    """``groups`` without the words only a first-person opening sentence says (``_PERSONA``): who
    asks and why, which no document says of itself; the names it says (the commune, the ward,
    written capitalised) stay as soft words: found, they help; missing, they do not sink the item
    that answers the question after them. Returns (groups, those soft labels)."""
    m = _persona_opening(question)
    if not m:
        return groups, set()
    said, rest = f" {folded_words(m.group(1))} ", f" {folded_words(m.group(2))} "
    own = {label for label, _ in groups if f" {label} " in said and f" {label} " not in rest}
    names = {folded_words(n.group(0)) for n in _NAME_RUN.finditer(m.group(1))}
    names = {label for label in own if any(f" {label} " in f" {n} " for n in names)}
    return [(label, alts) for label, alts in groups if label not in own - names], names


def vi_span_words(groups: list[tuple[str, list[str]]], folded_q: str, question: str = "") -> set[str]:
    """The groups that are such a span word of a Vietnamese when-question (``_VI_SPAN``), or the
    frame of a status reached (``_STATUS_REACHED``) when the question asks a moment, not how long nor
    the recognition's own term (``_RECOGNITION_ACT``), and typed with diacritics says "công nhận"
    (not "công nhân", workers): soft."""
    said = _groups_said(groups, _VI_SPAN, f" {folded_q} ")
    if not is_duration_question(folded_q) and not _RECOGNITION_ACT.search(f" {folded_q} "):
        status = _groups_said(groups, _STATUS_REACHED, f" {folded_q} ")
        if "cong nhan" in status and has_diacritics(question) and "công nhận" not in question.lower():
            status.discard("cong nhan")
        said |= status
    return said


def _carrier_verbs(groups: list[tuple[str, list[str]]], folded_q: str) -> set[str]:
    q = f" {folded_q} "
    return {label for label, _ in groups if label in _CARRIER_VERBS
            and any(f" {label} {noun} " in q for noun in _CARRIED_NOUNS)}


_RELATIVE = re.compile(r"(?<!\w)mà\s+(.*?)(?=\s+(?:có|được|đã|sẽ|ban hành|tầm nhìn|định hướng|đến năm|là)\b|[,?;]|$)")


def _relative_clause_words(question: str, groups: list[tuple[str, list[str]]]) -> set[str]:
    """The common words of a relative clause ("Chiến lược … mà kế hoạch của Bình Lư bám theo có tầm
    nhìn đến năm nào", "Nghị quyết 103/NQ-CP mà Hà Tĩnh triển khai thực hiện …"): the clause says
    where the asker met the document, which the document's own words need not say. Its names (written
    with capitals: "Bình Lư", "Hà Tĩnh") still say which; its verbs weigh little."""
    out: set[str] = set()
    for m in _RELATIVE.finditer(question):
        common = " ".join(w for w in re.findall(r"\w+", m.group(1)) if not w[0].isupper())
        folded = f" {folded_words(common)} "
        out |= {label for label, _ in groups if f" {label} " in folded}
    return out


def analyze(question: str, interpreted: str = "", translated: str = "", language: str | None = None,
            written=None) -> Question:
    """The question as the answer engine reads it. ``interpreted``/``translated``: the search's own
    diacritics restoration and English translation of the same question (no second translation).
    ``written``: whether the indexed texts write a phrase, to undo a compound the word segmenter
    made up (``_unknown_compound``)."""
    # (one home for the language: the search's, which reads an English question naming Vietnamese
    # places — "Bình Lư's 2030 target" — as English)
    language = language or query_language(question)
    kind = classify(question)
    folded_q = folded_words(question)
    english = language == "en"
    # An English question naming Vietnamese places ("… the Bình Lư plan …") is Vietnamese to the
    # search, which then does not translate it: the answer translates it here (the same glossary),
    # so it names its units and documents in Vietnamese like any English question.
    vi_text = (translated or translate(question)) if english else (interpreted or question)
    # Mixed questions ("Bình Lư's 2030 target …") keep their Vietnamese names.
    names = vietnamese_names(question) if english else ""
    folded_vi = DOC_REF.sub(" ", folded_words(f"{vi_text} {names}"))
    if kind == "when" and asks_age(question):
        kind = "target"  # "From what age must a child's wishes be considered when …": an age is a
        # count of years, not a time (the "when" of a clause after it asks nothing)
    elif kind == "target" and not english and is_duration_question(folded_q) and not asks_age(question) and \
            not re.search(r"\b(?:bao nhieu|may) (?:nam|thang|ngay|tuan) (?:tuoi|hoc)\b", folded_q):
        kind = "when"  # "… có hiệu lực mấy năm", "được lập theo chu kỳ bao nhiêu năm": a length of
        # time, which the durations of the passages state ("có thời hạn 03 năm"), not a count
        # (but "bao nhiêu tháng tuổi" is an age, "bao nhiêu năm học" counts school years)
    if kind in ("general", "target") and asked_unit_class(question):
        kind = "who"  # "Which Party cells … deliver Resolution 17's targets?" asks for a body
    # (not a role named in what the question sets aside: "Ngoài lãnh đạo phường …, đảng viên của những
    # chi bộ nào cũng được dự …" asks who attends)
    # (nor one the asker's own opening names: "Tôi đang soạn tài liệu …: bộ phận nào … theo dõi …")
    folded_role = folded_words(without_set_aside(without_persona(question)))
    read_role = asked_role(folded_role) or (None if set_aside_spans(question) else asked_role(folded_q))
    if kind in ("general", "who", "tasks") and read_role in ("thành phần", "ký"):
        kind = "who"  # "Chính phủ gồm những thành viên nào?" asks who, whatever its wording's kind
    if kind == "general" and read_role == "tham dự" and re.search(r"\bnguoi nao\b", folded_q) and \
            re.search(r"\b(?:hoi nghi|cuoc hop)\b", folded_q):
        kind = "who"  # "Những người nào ở cấp tổ dân phố được mời dự hội nghị?": who attends a meeting
        # (not a law's "những người nào không được tham dự phiên tòa", a class of people)
    role = read_role if kind in ("who", "tasks") else None
    if kind == "who" and _PRESENTS.search(f" {folded_q} "):
        role = "báo cáo viên"  # who presents a report at a meeting is its speaker, not who writes it
    if kind == "who" and role is None:
        role = "chủ trì" if re.search(r"\b(?:chiu trach nhiem|phu trach|in charge)\b", folded_q) or \
            (re.search(r"\bresponsible\b", folded_q) and not _RESPONSIBLE_FOR_DOING.search(folded_q)) else None
    terms = _terms(folded_vi, role)
    foreign = [folded_words(w) for w in untranslated(question)] if english else []
    if english:
        english_groups = _english_groups(_RATE_ASKED.sub("what rate", _AGE_ASKED.sub("what age", question)), role)
        if kind == "target":
            english_groups = counted_senses(english_groups, english_counted(question))
        groups = english_groups + _word_groups(names, role)
        # only the words no glossary entry covers: a glossary sense the documents do not use is
        # rarer, and crediting every English phrase answered unanswerable questions (odd half)
        # (a glossary entry that folds to its own English spelling — "Lai Chau" -> Lai Châu,
        # "OCOP" — is a name the text writes: found or not, it is read, never vouched for)
        unknown = {en for en, vi in translate_groups(question) if not vi}
        unsure = {label for label, alts in english_groups if alts == [label] and label in unknown}
        if kind == "target" and set(english_counted(question)) & unsure:
            # what a how-many question counts is its answer's kind ("how many widgetizers"): only
            # the text can say it, never the model
            unsure = set()
    else:
        unsure = set()
        groups = _word_groups(_DOC_REF_RAW.sub(" ", interpreted or question), role,
                              stop_compounds=kind == "who" and language == "vi", written=written)
        if not groups and role:
            # "Cơ quan nào tham mưu tổ chức kiểm tra, giám sát …": another role's words are then
            # the task asked, not a second role
            groups = _word_groups(_DOC_REF_RAW.sub(" ", interpreted or question), role, other_roles=False,
                                  written=written)
        if language == "vi-noaccent":
            groups = _off_cues(groups, folded_q)
    if role == "báo cáo viên" and _PRESENTS.search(f" {folded_q} "):
        groups = [(label, alts) for label, alts in groups if not set(label.split()) <= _PRESENT_WORDS]
    # ("bao nhiêu %", "how many %": the sign folds away, and the noun after it is what is counted in
    # hundredths, "bao nhiêu % số thôn, bản", not a count of hamlets)
    sign = percent_sign(question)
    measure = next((name for name, rx in _MEASURE_CUES if rx.search(f" {folded_q} ") or
                    (english and rx.search(f" {folded_vi} "))), None) if kind == "target" else None
    if kind == "target" and sign:
        measure = "percent"  # (over a money cue too: "Ngân sách xã dành bao nhiêu % cho giáo dục?")
    if measure == "percent" and english and asks_age(question) and not _MEASURE_CUES[0][1].search(f" {folded_q} "):
        measure = None  # "K-rated films" translated "xếp loại, tỷ lệ": an age asked is no percentage
    count_noun = None
    count_nouns: list[str] = []
    m = re.search(r"\bbao nhieu\s+(\w+)", folded_q)
    asked_noun = m.group(1) if m else (may_noun(question, vi_text) if not english else None)
    if sign == "first":
        asked_noun = None  # (not "Bao nhiêu % hộ nghèo và bao nhiêu hộ thoát nghèo": a count asked too)
    if asked_noun in _NOT_COUNTED and not written_content(question, asked_noun):
        asked_noun = None
    scale = asked_scale(question, vi_text) if not english else None
    if scale and asked_noun == scale[0] and measure != "money":
        asked_noun = scale[1]  # "mấy nghìn tấn": the count is of the unit after the scale ("10.000 tấn")
    if asked_noun and kind == "target":
        count_noun = asked_noun
        if measure == "money" and count_noun not in ("dong", "tien", "ty", "trieu", "nghin", "von", "kinh"):
            measure = None  # "bao nhiêu tổ chức … ngoài ngân sách" counts bodies, not money
    elif kind == "target" and english:
        count_nouns = english_count_nouns(question)
        count_noun = count_nouns[0] if count_nouns else None
        if measure == "money" and count_noun and (english_counted(question) or physical_units(question)):
            measure = None  # "how many investors from outside the state budget" counts investors,
            # "how much live weight" weighs (the glossary's "how much" is also "số tiền")
    elif kind == "target" and sign:
        pass  # a share asked by its sign counts no noun ("bao nhiêu % diện tích đất lúa được tưới")
    elif kind == "target" and re.search(r"\btuoi\b", folded_q):
        count_noun = "tuoi"  # "tuổi … là bao nhiêu": an age
    elif kind == "target" and not english:
        count_nouns = numbered_noun(vi_text)
    if kind == "when":
        groups = _without_when_cues(groups, folded_words(f"{question} {vi_text}"))
    if kind == "target" and (asks_age(question) or count_noun == "tuoi"):
        groups = age_said_by_value(groups)
    if kind == "target" and not english:
        groups = groups + measured_property(vi_text, groups)
    if kind == "target":
        groups = defining_frame(question, groups, english)
    if kind == "target" and count_noun == "nguoi" and not english:
        # "gồm mấy người": the persons counted are said by the count, which the law writes by role
        # ("ba Trọng tài viên", passages.counts_people); the count's noun is checked by the fit
        groups = [(label, alts) for label, alts in groups if label != "nguoi"]
    if kind == "target" and count_noun == "tien" and not english:
        # "cần bao nhiêu tiền": a sum of money, which the documents name by what it is for ("Tổng
        # kinh phí thực hiện Kết luận đến năm 2025: 90.241.000.000 đồng"), not by the word "tiền"
        measure = "money"
        groups = [(label, [*alts, *(m for m in _MONEY_WORDS if m not in alts)] if label == "tien" else alts)
                  for label, alts in groups]
    if kind == "who" and not english:
        # "Bộ phận nào của Đảng ủy …", "Lực lượng nào được giao …": the kind of body asked, as "cơ quan
        # nào" (a stop word) — the plans name the body ("Ban Xây dựng Đảng", "Các cơ quan báo chí"),
        # not its kind
        groups = [(label, alts) for label, alts in groups
                  if not (label in _WHO_CLASS_NOUNS and f" {label} nao " in f" {folded_q} ")]
    refs = doc_refs(folded_q)
    years = list(dict.fromkeys(_YEAR.findall(question)))
    soft = {label for label, alts in groups if english and alts == [label] and is_verb_form(label)}
    if english:
        soft |= {label for label, _ in groups if label in _SOFT_PREPOSITIONS or label in _IN_FORCE or
                 label in _LIGHT_WORDS}
    if kind == "when" and not english and is_issued_question(folded_q):
        # "… mang ngày nào", "ghi ngày tháng năm nào", "đề ngày": the verb a document's date is asked
        # with, which the citation never writes ("Nghị quyết số 06-NQ/TU, ngày 07/12/2017 …")
        # (as written, when the question carries its diacritics: "An ninh mạng ngày nào …" keeps "mạng")
        written = f" {spelling(question)} "
        groups = [(label, alts) for label, alts in groups
                  if not (label in _DATE_VERBS and f" {label} ngay " in f" {folded_q} " and
                          (language != "vi" or f" {_DATE_VERBS[label]} ngày " in written))]
        if asked_refs(question) or asked_refs(interpreted or ""):
            soft |= {label for label, _ in groups if label in _CITING_VERBS}
    if kind == "target" and count_noun and language == "vi-noaccent":
        # "nop may bo ho so": the restoration's compound "máy bộ" is the count's cue and its noun,
        # which the value says ("01 bộ"), no subject word
        groups = [(label, alts) for label, alts in groups if label != f"may {count_noun}"]
    if kind == "target" and (asks_age(question) or count_noun == "tuoi"):
        soft |= age_bearer(groups)
    if kind == "target" and scale:
        # the scale of the value asked weighs little: the text writes the number ("10.000 tấn")
        soft |= {label for label, _ in groups if label == scale[0]}
    if kind == "target":
        soft |= span_verb(question, groups) | {label for label, _ in groups if label == _SHARE_VERB}
        groups, soft = relation_verbs(question, groups, soft)
        unsure = {u for u in unsure if dict(groups).get(u, [u]) == [u]}  # (a relation verb is read now)
    if english and kind == "target":
        groups = groups + code_groups(question, groups)
        soft |= {label for label, _ in groups if label in _HEDGES} | embedded_which(question, groups)
    if english and measure == "money":
        groups, soft = money_frame(groups, soft)
    if not english:  # (of every kind: "nếu … thì ai quyết định", a law's "Trường hợp … do … quyết định")
        soft |= written_function_words(question, groups)
    if not english and not any(ord(c) > 127 for c in question):
        soft |= {label for label, _ in groups if label in _FOLDED_MODALS or label in _FOLDED_FUNCTION_WORDS}
    if not english:  # (not "trở lên", "trở xuống": "and above", "and below" are the limit itself)
        soft |= {label for label, _ in groups if label in _DIRECTIONS and f" tro {label} " not in f" {folded_q} "}
        # "phối hợp giữa các cơ quan …": the law says "phối hợp của các cơ quan", "… với …"; the
        # preposition relates the words it joins, which are asked
        # (not "giữa kỳ", "giữa nhiệm kỳ": the middle of a term)
        soft |= {label for label, _ in groups if label == "giua" and
                 not re.search(r" giua (?:ky|nhiem ky|nam|thang|quy) ", f" {folded_q} ")}
    soft |= contrast_words(groups, question) | {label for label, _ in groups if label in _BOUND_PHRASES}
    if role in ("tham dự", "thành phần"):
        # (a part of a list of those who attend: "Ngoài bí thư các chi bộ, …". Not of every question:
        # "Other than …" in a law's question is an exception, which the general rule does not answer)
        soft |= set_aside_markers(groups, question)
    if kind == "when" and asks_horizon(folded_q):
        groups = [(label, alts) for label, alts in groups if label not in look_ahead_words(folded_q)]
    if kind == "when":
        soft |= _carrier_verbs(groups, folded_q) | _relative_clause_words(question, groups) | \
            (set() if english else review_frame_words(groups, folded_q)) | vision_frame_words(groups, folded_q)
        if english:
            soft |= {label for label, _ in groups if label in _SPAN_VERBS or label in _LIGHT_VERBS}
            if re.search(r"(?i)\bonce\b(?! (?:a|an|every|per|each|in|or|more)\b)", question):
                # "Once the force requests it, how quickly …": a conjunction (khi), not "một lần"
                soft |= {label for label, _ in groups if label == "once"}
        else:
            soft |= vi_span_words(groups, folded_q, question) | deictic_words(groups, question)
    if not english:
        paired = _groups_said(groups, _PAIRED_OR_LIGHT, f" {folded_q} ")
        if has_diacritics(question) and not re.search(r"(?<!\w)lo(?!\w)", question.lower()):
            paired.discard("lo")  # (written, "lo" is plain: "để lộ việc điều tra" tells nothing)
        soft |= paired | belonging_words(groups, folded_q) | event_frame_words(groups, folded_q)
    if kind in ("who", "tasks"):
        soft |= territory_words(groups, folded_q) | circumstance_words(groups, question) | \
            implementing_words(groups, folded_q)
        if english:
            soft |= naming_frame_words(groups, question) | recurring_month(groups, question)
        else:
            soft |= occasion_words(groups, folded_q) | assignment_words(groups, folded_q, question)
        if english and re.match(r"\s*under\b", question, re.I):
            # "Under the Law on …, who …", "Under Bình Lư's plan …": the frame names the document,
            # which its own words say; the preposition is no word of it
            soft |= {label for label, _ in groups if label == "under"}
    groups, names = persona_words(groups, question)
    soft |= names
    relation = asked_relation(question) if kind in ("who", "general") else None
    if relation and kind == "general":
        kind = "who"  # "… phải báo cáo về đâu?": where a report goes is a body
    asks_right = kind in ("who", "tasks") and _asks_right(f" {folded_q} ")
    unit_class = asked_unit_class(question) if kind == "who" else []
    if kind == "who" and groups and all(set(label.split()) <= _asked_class_words(question) for label, _ in groups):
        groups = []  # "which ministry?", "which officials?": the kind of body asked, no subject to answer by
    return Question(question, language, kind, role, vi_text, terms, foreign, years, measure, count_noun, refs,
                    groups, soft, relation, asks_right, unit_class, unsure,
                    count_nouns or ([count_noun] if count_noun else []),
                    glossary_spellings(question) if english else {})


def code_groups(question: str, groups: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    """The codes of capitals and digits an English question names ("T16"), each a group of its own
    folded spelling, as the law writes it ("Loại T16 (16+)"); [] when it names none."""
    out = []
    for code in _CODE.findall(question):
        label = folded_words(code)
        if label and all(g[0] != label for g in groups + out):
            out.append((label, [label]))
    return out


def embedded_which(question: str, groups: list[tuple[str, list[str]]]) -> set[str]:
    """Labels of the nouns an English target-question chooses with an embedded "which" (``_EMBEDDED_WHICH``)
    when it asks its value with another cue ("from what age", "how many"): soft, the noun being
    what the text names by role. Not a question that opens with "which" (that noun is what it asks
    about: "Which age bracket …")."""
    low = question.lower()
    if not re.search(r"\b(?:how many|how much|what age|how old|what (?:share|percentage|proportion))\b", low):
        return set()
    nouns = {m.group(1) for m in _EMBEDDED_WHICH.finditer(low) if m.start() > 0}
    return {label for label, _ in groups if label in nouns or base_form(label) in {base_form(n) for n in nouns}}


def own_words_spelled_apart(q: Question, matched: list[str], text: str, attested: str = "") -> list[str]:
    """The words of a Vietnamese question typed with its diacritics that the support found in
    ``text`` only by their fold: "cơ yếu" (cipher) is not "có yêu cầu" (on request), though both fold
    to "co yeu" — every syllable spelled otherwise (one differing syllable is a variant spelling, "hằng
    năm" / "hàng năm"). The asker's own spelling is read from the question; a word it does not spell as
    such (an abbreviation expanded, a synonym) or whose group's other senses ``text`` says is not
    judged. [] for an English question.

    A question typed without diacritics has no spelling of its own, only the restoration's guess
    (``vi_text``): a guess is judged only where ``attested`` (the retrieved passages, ``spelling``'d)
    says it as guessed — "co yeu" restored "cơ yếu" and a passage says "Ban Cơ yếu Chính phủ" —, since
    a guess the documents never write ("tôi muốn" restored "tới mượn") tells nothing."""
    if not matched:
        return []
    if q.language == "vi" and any(ord(c) > 127 for c in q.text):
        words = spelling(q.text).split()
    elif q.language == "vi-noaccent" and attested and q.vi_text:
        words = spelling(q.vi_text).split()
    else:
        return []
    said = spelling(text).split()
    folded = f" {folded_words(text)} "
    alts = dict(q.groups)
    out = []
    for label in matched:
        n = len(label.split())
        if n < 2:
            continue  # (one syllable: "hằng" / "hàng" năm are one word spelled two ways)
        spelled = {tuple(words[i:i + n]) for i in range(len(words) - n + 1)
                   if folded_words(" ".join(words[i:i + n])) == label}
        if q.language == "vi-noaccent":
            spelled = {w for w in spelled if f" {' '.join(w)} " in attested}
        if not spelled or any(a != label and f" {a} " in folded for a in alts.get(label, [])):
            continue
        found = [tuple(said[i:i + n]) for i in range(len(said) - n + 1)
                 if folded_words(" ".join(said[i:i + n])) == label]
        # another word: every occurrence differs from the asker's spelling in every syllable
        if found and all(all(a != b for a, b in zip(f, w)) for f in found for w in spelled):
            out.append(label)
    return out


def glossary_spellings(question: str) -> dict[str, list[str]]:
    """Folded form -> spellings of the Vietnamese senses the glossary gives an English question's
    words and phrases (see ``Question.spelled``)."""
    out: dict[str, list[str]] = {}
    for _, vi in translate_groups(_AGE_ASKED.sub("what age", question)):
        for v in vi:
            spelled = spelling(v)
            if spelled and spelled not in out.setdefault(folded_words(v), []):
                out[folded_words(v)].append(spelled)
    return out


def spelled_apart(q: Question, matched: list[str], text: str) -> list[str]:
    """The folded words an English question's support found in ``text`` that ``text`` spells
    otherwise than every glossary sense of them: "người chưa thành niên" (a minor) is not "thanh
    niên" (youth), though both fold to "thanh nien". [] for a Vietnamese question."""
    if not q.spelled:
        return []
    said = f" {spelling(text)} "
    # (a phrase the support found said apart — "đưa người nghiện … vào cơ sở" for "đưa vào",
    # ``support.Matcher._apart`` — is spelled right when each of its syllables is)
    return [w for w in matched if w in q.spelled and not any(
        f" {s} " in said or (len(s.split()) > 1 and f" {w} " not in f" {folded_words(text)} " and
                             all(f" {x} " in said for x in s.split()))
        for s in q.spelled[w])]
