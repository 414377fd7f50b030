"""A unit's fit to a who-question beyond its role: a unit the question names itself, a whole class
for one body asked, a position asked, the owner of the asked class a unit belongs to, a question
answered by its document and the role alone, a unit that regulates what it is asked to do."""

from __future__ import annotations

import re
from functools import lru_cache

from indexer.search.kinds import EN_BODY_NOUNS
from indexer.text import folded_words

from .actors import regulates_instead
from .classify import fold_question
from .margins import WHO_MIN_FIT
from .own_text import _own_text
from .question import Question
from .roles import _unit_key, is_of_class
from .support import Matcher


# Head words any unit name may start with ("Cơ quan cấp Giấy phép …", "Ủy ban nhân dân cấp tỉnh"):
# what follows them says which unit.
_GENERIC_UNIT_WORDS = frozenset("co quan to chuc ca nhan nguoi don vi cac cap".split())


def said_by_question(q: Question, item: dict) -> bool:
    """The unit is the question's own words: "Ai chỉ đạo UBND tỉnh ban hành …" is not answered by
    "Ủy ban nhân dân cấp tỉnh", nor "Đơn vị nào có thẩm quyền cấp giấy phép phân loại phim?" by
    "Cơ quan cấp Giấy phép phân loại phim" — a who-question asks for a unit it does not name."""
    from indexer.extract.units import query_key

    def proper(text: str) -> str:
        return " ".join(w for w in re.findall(r"\w+", text) if w not in _GENERIC_UNIT_WORDS)

    # (the question's abbreviations typed without diacritics too: "bao cao HDND cung cap" names
    # "Hội đồng nhân dân")
    asked = [f" {proper(query_key(t))} " for t in (q.text, q.vi_text)]
    # said as one stretch: "Văn phòng … Ban Thường vụ Tỉnh ủy" does not name "Văn phòng Tỉnh ủy";
    # a pair names the question's unit when its first one is ("Hội đồng và thành viên Hội đồng" for
    # "Ai thành lập Hội đồng quốc gia …")
    key = _unit_key(item)
    names = [proper(key)] + [proper(p) for p in re.split(r"\s+(?:và|va)\s+", key)[:1] if p != key]
    # (a deputy is another person: "Ai trình … cách chức Phó Thủ tướng Chính phủ" names no "Thủ
    # tướng Chính phủ", who is the answer)
    if any(len(name.split()) >= 2 and any(f" {name} " in a.replace(f" pho {name} ", " ") for a in asked)
           for name in names):
        return True
    led_by = _LED_BY.search(q.vi_text or q.text)
    if led_by and len(leader := folded_words(led_by.group(1)).split()) >= 2 and \
            folded_words(key).split()[:len(leader)] == leader:
        return True  # ("… dưới sự lãnh đạo của Đảng đoàn": the leader the question names by its short name)
    return q.language == "en" and _named_apart_from_asking(q, key)


# The body a question names as leading the act it asks of another ("cơ quan nào ban hành cơ chế …
# dưới sự lãnh đạo của Đảng đoàn?"; "Đảng đoàn Hội đồng nhân dân tỉnh lãnh đạo Hội đồng nhân dân
# tỉnh ban hành …": relations.led_items): its words up to the clause's end.
_LED_BY = re.compile(r"(?i)(?<!\w)(?:lãnh đạo|chỉ đạo|lanh dao|chi dao)\s+(?:của|cua)\s+([^,.;:?!()]+)")


# The owner a plan's unit name ends with, which an English question leaves to its context ("the
# provincial Propaganda Board" is "Ban Tuyên giáo Tỉnh ủy").
_OWNER_END = re.compile(r" (?:tinh uy|dang uy|huyen uy|thanh uy|tinh|huyen|xa|phuong)$")


def _named_apart_from_asking(q: Question, key: str) -> bool:
    """An English question names the unit besides the one it asks for ("… the provincial Propaganda
    Board works with the Party-building boards and which other office?", "which bodies work
    alongside the provincial Propaganda Board …"): the translation of its words before the question
    word, or after the asked phrase, says the unit's name without its owner, three words or more
    ("ban tuyen giao"; not "van phong", which a "which office" asks as a kind)."""
    name = _OWNER_END.sub("", key)
    if len(name.split()) < 3:
        return False
    return any(f" {name} " in said for said in _said_apart_from_asking(q.text))


# The asked phrase: "which"/"what" and the kind of body it asks for, a few lower-case words on
# ("which other provincial office", "which bodies"), or the question word alone ("who", "whom": what
# follows them is the question, which may name a unit: "Whom does the Propaganda Board report to?").
_EN_ASKED_PHRASE = re.compile(r"\b(?:which|what)\b(?:(?:\s+(?!the\b|an?\b)(?-i:[a-z'-]+)){0,3}?\s+"
                              rf"(?:{EN_BODY_NOUNS}|boards?)\b)?|\b(?:who|whom|whose)\b", re.I)


@lru_cache(maxsize=256)
def _said_apart_from_asking(english: str) -> tuple[str, ...]:
    """The unit keys of the translations of an English question's words before its question word
    and after the asked phrase, each spaced at both ends: once per question, not once per item the
    scorer weighs. The asked phrase itself names the kind wanted, not a unit."""
    from indexer.extract import unit_key
    from indexer.search.translate import translate

    m = _EN_ASKED_PHRASE.search(english)
    if not m:
        return ()
    parts = (english[:m.start()], english[m.end():])
    return tuple(f" {unit_key(translate(p))} " for p in parts if p.strip())


def _bare_class(q: Question, item: dict) -> bool:
    """The unit's name is only the kind of body the question asks for ("Các chi bộ" for "Which
    Party cells …"): the question names the kind, not the unit, so it is an answer, not an echo."""
    name = re.sub(r"^(?:cac|nhung|moi|tung) ", "", folded_words(item.get("unit_normalized") or item.get("unit") or ""))
    return bool(q.unit_class) and name in q.unit_class


# "Which ministry …" (one): the class named in the singular. Vietnamese "Bộ nào" is one unless a
# plural word comes before it ("các bộ nào", "những cơ quan nào").
_ONE_OF_CLASS_EN = re.compile(r"\bwhich (?:\w+ )?(?:ministry|court|council|(?:party )?cell)\b")
_PLURAL_VI = re.compile(r"(?<![a-z])(?:cac|nhung) (?:\w+ ){1,2}nao(?![a-z])")


def _class_for_one(q: Question, item: dict) -> bool:
    """The question asks for one body of a kind ("Which ministry reports …", "Bộ nào …") and the
    unit is every body of that kind ("Các Bộ, cơ quan ngang Bộ"): it names no ministry, and the law
    that gives every ministry a duty gives one ministry the asked one in another article."""
    if not q.unit_class:
        return False
    if q.language == "en":
        if not _ONE_OF_CLASS_EN.search(q.text.lower()):
            return False
    elif _PLURAL_VI.search(fold_question(q.vi_text or q.text)):
        return False
    unit = (item.get("unit") or "").strip()
    m = re.match(r"(?:(?:Các|Những|Mọi|các|những|mọi)\s+)?", unit)
    quantified, name = m.end() > 0, unit[m.end():].split()
    for head in q.unit_class:
        n = len(head.split())
        if folded_words(" ".join(name[:n])).strip(",") != head:
            continue
        # "Các Bộ, cơ quan ngang Bộ", "Các Bộ có liên quan", "Bộ, cơ quan ngang Bộ": no name after
        # the head ("Bộ Nội vụ" has one; "Bộ trưởng Bộ Tư pháp" is a minister)
        after = name[n] if len(name) > n else ""
        if name[n - 1].endswith(",") or after in ("", "và", "hoặc") or (quantified and not after[:1].isupper()):
            return True
    return False


# "Ai làm chủ tịch hội đồng …", "who chairs …", "who heads …": a position in a body, which only a
# sentence that names the position answers ("… do Bộ trưởng … làm Chủ tịch"), not a body that merely
# sends members to it — the position word said by the law's heading or signature is no evidence.
_POSITION_Q = re.compile(r"(?<![a-z])(?:ai|nguoi nao) (?:lam|giu chuc|dung dau voi vai tro) "
                         r"(chu tich|pho chu tich|truong|pho truong|chu nhiem|giam doc|thu ky|chu toa)(?![a-z])"
                         r"|(?<![a-z])who (?:heads|presides|is the (chair|head|president|director|secretary))(?![a-z])"
                         # "who chairs" a body holds its chair; "who chairs the guidance and monitoring
                         # of …" leads an activity (chủ trì, a role: question.ROLE_CUES)
                         r"|(?<![a-z])who (chairs)(?= (?:the |a |an )?(?:[\w'-]+ ){0,5}?(?:council|committee|board|"
                         r"commission|court|tribunal|panel|assembly|delegation|union|association|fund|centre|center)s?(?![a-z]))")
_POSITION_WORDS = {"chairs": "chu tich", "chair": "chu tich", "president": "chu tich", "presides": "chu toa",
                   "heads": "truong", "head": "truong", "director": "giam doc", "secretary": "thu ky"}


def _asked_position(q: Question) -> str | None:
    """The folded position a who-question asks who holds ("chu tich"), or None."""
    m = _POSITION_Q.search(folded_words(q.vi_text if q.language != "en" else q.text))
    if not m:
        return None
    if m.group(1):
        return m.group(1)
    word = (m.group(2) or m.group(3) or m.group(0).split()[1])
    return _POSITION_WORDS.get(word)


def _names_position(q: Question, item: dict, position: str | None) -> bool:
    """The item's own words, not its unit's name ("Chủ tịch nước"), name the asked position (see
    ``_POSITION_Q``)."""
    if position is None:
        return True
    unit = item.get("unit") or ""
    said = f"{item.get('task') or ''} {item.get('quote') or ''}".replace(unit, " ") if unit else \
        f"{item.get('task') or ''} {item.get('quote') or ''}"
    return f" {position} " in f" {folded_words(said)} "


_OWNER = re.compile(r"\s(?:thuộc|của|trực thuộc)\s+")


def _owner_of_class(item: dict, heads: list[str]) -> dict | None:
    """The body of the asked kind a unit belongs to, as the unit: "Lực lượng chuyên trách bảo vệ an
    ninh mạng thuộc Bộ Quốc phòng" answers "lực lượng chuyên trách của bộ nào …" with "Bộ Quốc
    phòng" (the name after "thuộc"/"của" that opens with the asked head). None when there is none."""
    unit = item.get("unit") or ""
    for m in _OWNER.finditer(unit):
        owner = {"unit": unit[m.end():], "unit_normalized": unit[m.end():]}
        if is_of_class(owner, heads):
            out = dict(item, unit=owner["unit"], unit_normalized=owner["unit"])
            if item.get("unit_start") is not None:
                out["unit_start"] = item["unit_start"] + m.end()
            return out
    return None


def _named_by_role_alone(q: Question, matcher: Matcher, item: dict, fit: float, named: set[str]) -> bool:
    """"Who is tasked with inspecting and supervising the implementation of Conclusion 224-KL/TU in
    Lai Chau?": every word of the subject names the document (its number, its place), so the
    question asks for the unit of that document holding the role — the role is the question's
    content. An item of the named document whose role fits (``WHO_MIN_FIT``) and whose document or
    headings say every word is supported; a second such unit is a rival (the margins decide)."""
    if q.kind != "who" or q.role is None or item["doc_id"] not in named or fit < WHO_MIN_FIT:
        return False
    sup = matcher.support(item, _own_text(q, item))
    return not sup.missing and not sup.matched.get("item") and bool(sup.matched)


def _regulates_instead(q: Question, item: dict) -> bool:
    """The unit writes the rules of what the question asks someone to do (actors.regulates_instead)."""
    return regulates_instead(q.vi_text or q.text, q.text if q.language == "en" else None, item)
