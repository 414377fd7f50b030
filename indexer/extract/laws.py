"""Responsibilities in laws (luật, nghị định, quy định with "Điều" articles).

A law rarely writes "Bộ X chủ trì …" in one sentence, the shape the sentence rules of
responsibilities.py read. It names the body once and lists its duties as numbered clauses and
lettered points below:

- an article whose heading is a duty naming the body: "Điều 36. Trách nhiệm của Bộ Nội vụ",
  "Điều 60. Nhiệm vụ và quyền hạn của nhà trường", "Điều 75. Trách nhiệm quản lý nhà nước về du lịch
  của Ủy ban nhân dân các cấp": every clause below it is a duty of that body;
- an introducing sentence "X có trách nhiệm sau đây:", "X … và có nhiệm vụ, quyền hạn sau đây:"
  (in a paragraph or a clause): every clause or point it introduces is a duty of X;
- a clause that opens with a body of its own ("1. Chính phủ thống nhất quản lý …", "2. Bộ Giáo dục và
  Đào tạo chịu trách nhiệm …") names its own unit, also under a duty heading without a body
  ("Điều 35. Trách nhiệm quản lý nhà nước về …").

Each duty is one item quoting the clause (or point) itself; its role is read from the verbs that
open the clause with the vocabulary of roles.py ("Đề xuất …" tham mưu, "Kiểm tra, thanh tra …"
kiểm tra/giám sát, "Phối hợp với …" phối hợp, otherwise thực hiện). A clause that grants a right
("Được …", "Có quyền …") is no duty. Blocks outside articles are left to the sentence rules, so
plans are read as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from indexer.structure.outline import Block, section_path

from .responsibilities import (
    _GENERIC,
    _HEAD,
    _PARTNER,
    _SUBJECT_STOP,
    predicate_start,
    MAX_SUBJECT_CHARS,
    _item,
    _split_units,
)
from .roles import first_verb, roles_of, verb_at
from .text import SKIP_KINDS, content_span, sentences, trim
from .units import is_generic_unit

# Bodies and persons that laws hold to duties, besides the heads of plans (_HEAD). Capitalised at
# the start of a clause, lower-case inside a list ("Mặt trận Tổ quốc Việt Nam và các tổ chức thành
# viên"). "Bộ" alone is a ministry only before a name, a list separator or "trưởng"; "Trường hợp"
# ("in case") and "Cơ sở dữ liệu" are no bodies; "cơ quan ngang Bộ" continues "Bộ, …".
_LAW_HEAD = re.compile(
    r"(?:(?:[Cc]ác|[Mm]ỗi|[Nn]hững|[Tt]ừng)\s+)?(?:"
    r"Bộ(?=\s*,|\s+và\s|\s+trưởng|\s+[A-ZĐÀ-Ỹ]|\s*$)|Chính phủ|Thủ tướng|Quốc hội|Nhà nước|"
    r"[Tt]òa án|[Tt]oà án|[Vv]iện kiểm sát|[Kk]iểm toán nhà nước|[Cc]ơ quan(?!\s+ngang)|[Tt]ổ chức|"
    r"[Dd]oanh nghiệp|[Cc]ơ sở(?!\s+dữ liệu)|[Nn]hà trường|[Tt]rường(?!\s+hợp)|[Gg]ia đình|[Cc]á nhân|"
    r"[Cc]ộng đồng|[Nn]gười|[Cc]ha mẹ|[Cc]hủ\s+(?:sở hữu|đầu tư|dự án|cơ sở|quản|hộ|phương tiện)|"
    r"[Nn]hà giáo|[Gg]iáo viên|[Hh]ộ|[Đđ]ại lý|[Bb]ên|[Vv]iên chức|[Cc]ông chức|[Cc]án bộ|"
    r"[Ll]ực lượng|[Hh]iệp hội|[Đđ]ơn vị|[Hh]ọc viện|[Đđ]ại học)(?![\w])")
_UNIT_HEAD = re.compile(rf"(?:{_HEAD.pattern})|(?:{_LAW_HEAD.pattern})")

_ARTICLE = re.compile(r"Điều\s+\d+[a-zđ]?\s*[.:]\s*")
# A duty heading: "Trách nhiệm …", "Nhiệm vụ, quyền hạn …", "Vai trò và trách nhiệm …", "Quyền và
# trách nhiệm …"; "Cơ quan quản lý nhà nước về …" lists the bodies clause by clause.
_DUTY_TITLE = re.compile(r"(?:(?:Vai trò|Quyền|Chức năng)(?:\s*,\s*|\s+và\s+))*(?:Trách nhiệm|Nhiệm vụ)"
                         r"(?![\w])|Cơ quan quản lý nhà nước(?![\w])", re.IGNORECASE)
_OWNER = re.compile(r"\s+của\s+")
# Where the body named by a heading ends: "Trách nhiệm của gia đình, … trong quản lý …".
_OWNER_END = re.compile(r"\s+(?:trong|sau khi|khi|đối với|tại)\s+")
# The duty phrase that ends a law subject, even after a verb of its own ("Doanh nghiệp cung cấp dịch
# vụ trên không gian mạng có trách nhiệm …", "Người … phải chịu trách nhiệm …"). Not after "và" ("…
# thực hiện quản lý nhà nước về cư trú và có trách nhiệm sau đây", where the subject ended at the
# first verb), nor after a noun it qualifies ("thông báo cho cơ quan có trách nhiệm": the body in
# charge), nor after a role verb ("Bộ X chủ trì, phối hợp với … có trách nhiệm": X chairs).
_DUTY = re.compile(r"(?<!\svà)(?<!cơ quan)(?<!người)(?<!tổ chức)(?<!đơn vị)(?<!cá nhân)"
                   r"\s(?:phải\s+)?(?:(?:có|chịu)\s+trách nhiệm|có\s+(?:các\s+)?nhiệm vụ)\b")
_ROLE_VERB = re.compile(r"\s(?:chủ trì|phối hợp|tham mưu|hướng dẫn|kiểm tra|giám sát)\b")
# The scope a body acts in, between its name and its verb ("Ủy ban nhân dân cấp tỉnh, trong phạm vi
# nhiệm vụ, quyền hạn của mình, có trách nhiệm …"); it ends the subject.
_SCOPE_START = re.compile(r",\s*(?:trong|theo) phạm vi\b")
_SCOPE = re.compile(r"[,\s]*(?:trong|theo) phạm vi\b[^;:.]*?của mình\s*,\s*")
# The words that introduce a list of duties, up to the colon that ends the sentence.
_INTRO_TAIL = re.compile(r"(?:(?:,\s*|\s+)(?:và\s+)?(?:có|chịu|thực hiện)|(?<![\w,] )(?:Có|Chịu|Thực hiện))"
                         r"(?:\s+(?:các|những))?\s+(?:trách nhiệm|nhiệm vụ|quyền hạn)(?:(?:\s*,\s*|\s+và\s+)"
                         r"(?:quyền hạn|nhiệm vụ|trách nhiệm))*(?:\s+cụ thể)?(?:\s+(?:sau đây|như sau|sau))?"
                         r"(?:\s*,[^:]*)?\s*:\s*$")
# A list of rights ("X có các quyền sau đây:"): what it introduces is no duty.
_RIGHTS_INTRO = re.compile(r"(?:có|được)\s+(?:các\s+)?quyền(?!\s+hạn)[^:]*:\s*$")
MAX_SUBJECT_WORDS = 30
_CHAIR_BEFORE = re.compile(r"chủ trì\s*(?:,|và)?\s*$", re.IGNORECASE)
_VERB_PAIR = re.compile(r"Tổ chức(?:\s*,\s*|\s+và\s+)")
_RELATED = re.compile(r"\s*(?:có\s+)?(?:liên quan|hữu quan)(?![\w])")
# A clause that grants a right, or states a matter ("Việc thực hiện nhiệm vụ … như sau:"), is no duty.
_RIGHT = re.compile(r"(?:Được|Có quyền|Quyền|Việc)(?![\w])")
_SENTENCE_BREAK = re.compile(r"[;:]|\.\s")


@dataclass
class _Article:
    index: int
    duty: bool  # a duty heading: its clauses are duties
    owner: list[tuple[int, int]]  # the bodies the heading names (may be empty)


def _article(text: str, block: Block) -> _Article:
    s, e = trim(text, block.start, block.end)
    m = _ARTICLE.match(text, s, e)
    title = m.end() if m else s
    end = len(text[:block.end].rstrip())  # (``trim`` leaves out the colon that ends an introduction)
    intro = _INTRO_TAIL.search(text, title, end) if text[:end].endswith(":") else None
    if intro and not _DUTY_TITLE.match(text, title, e):
        # "Điều 88. Chủ tịch nước có những nhiệm vụ và quyền hạn sau đây:": the heading introduces
        # its owner's duties (the Hiến pháp's way)
        own = _intro_subject(text, title, intro.start())
        return _Article(block.index, bool(own), own[0] if own else [])
    if not _DUTY_TITLE.match(text, title, e):
        return _Article(block.index, False, [])
    of = _OWNER.search(text, title, e)
    if not of:
        return _Article(block.index, True, [])
    stop = _OWNER_END.search(text, of.end(), e)
    us, ue = trim(text, of.end(), stop.start() if stop else e)
    if not _UNIT_HEAD.match(text, us, ue) or _opens_with_verb(text, us, ue):
        return _Article(block.index, True, [])  # "Nhiệm vụ của giáo dục thường xuyên": no body
    return _Article(block.index, True, _units(text, us, ue))


def _units(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The bodies of a list ("Chính phủ, Bộ, cơ quan ngang Bộ"). Bare kinds of bodies before a
    qualified kind share its qualifier: "cơ quan, tổ chức, cá nhân sử dụng không gian mạng" is one
    unit, not "cơ quan", "tổ chức" and "cá nhân sử dụng …"; before another body ("cá nhân, gia
    đình") they stay apart (and, naming no one, are dropped later)."""
    out: list[tuple[int, int]] = []
    pending: list[tuple[int, int]] = []  # bare kinds waiting for a qualified kind
    for us, ue in _split_units(text, s, e, strict=True, head=_UNIT_HEAD):
        if not _UNIT_HEAD.match(text, us, ue):
            continue
        if is_generic_unit(text[us:ue]):
            pending.append((us, ue))
            continue
        words = text[us:ue].split()
        if pending and any(is_generic_unit(" ".join(words[:n])) for n in (1, 2)):
            out.append((pending[0][0], ue))
        else:
            out.extend(pending + [(us, ue)])
        pending = []
    return out + pending


def _opens_with_verb(text: str, s: int, e: int) -> bool:
    """"Tổ chức thực hiện …", "Ban hành …", "Tổ chức và phối hợp …" open with a verb; "Tổ chức xã
    hội …", "Tổ chức, cá nhân …" with a body."""
    if verb_at(text, s, e, allow_capital=True) is not None:
        return True
    pair = _VERB_PAIR.match(text, s, e)
    return bool(pair and verb_at(text, pair.end(), e))


def _own_subject(text: str, s: int, e: int) -> tuple[list[tuple[int, int]], int] | None:
    """(units, predicate start) of a clause that opens with a body of its own, else None."""
    if _opens_with_verb(text, s, e) or not _UNIT_HEAD.match(text, s, e):
        return None
    brk = _SENTENCE_BREAK.search(text, s, e)
    limit = min(brk.start() if brk else e, s + MAX_SUBJECT_CHARS)
    scope = _SCOPE_START.search(text, s + 1, limit)
    duty = _DUTY.search(text, s + 1, scope.start() if scope else limit)
    if duty and (len(text[s:duty.start()].split()) > MAX_SUBJECT_WORDS
                 or _ROLE_VERB.search(text, s, duty.start())):
        duty = None
    if duty:
        end = duty.start()
    else:
        ends = [x for x in (scope.start() if scope else None,
                            predicate_start(text, s, limit, first_verb(text, s + 1, limit))) if x is not None]
        if not ends:
            return None
        end = min(ends)
    us, ue = trim(text, s, end)
    if ue <= us or len(text[us:ue].split()) > MAX_SUBJECT_WORDS:
        return None
    units = _units(text, us, ue)
    if not units:
        return None
    scope = _SCOPE.match(text, end, e)
    pred = scope.end() if scope else end
    while pred < e and text[pred].isspace():
        pred += 1
    return units, pred


# Words that open a list's intro and name no one: "Những trường hợp Thẩm phán … phải từ chối …:".
_NO_BODY = re.compile(r"(?:(?:Các|Những)\s+)?(?:trường hợp|Trường hợp|việc|Việc|nội dung|Nội dung)(?![\w])")
# A frame that opens a sentence before its subject: when, in which case, in which course.
_FRAME_OPEN = re.compile(r"(?:Khi|Sau khi|Trước khi|Trong khi|Trong quá trình|Trong trường hợp|Trường hợp|Nếu)(?![\w])")


def _intro_subject(text: str, s: int, tail: int) -> tuple[list[tuple[int, int]], int] | None:
    """(units, predicate start) of "X có trách nhiệm sau đây:" when X is no body of the head lists
    ("Thư viện công cộng có trách nhiệm sau đây:"): the words before the duty phrase (and before
    the scope or a verb) name who the list belongs to."""
    frame = _FRAME_OPEN.match(text, s, tail)
    if frame and text.rfind(",", s, tail) > frame.start():
        # "Khi được Chánh án Tòa án phân công, Thẩm phán có những nhiệm vụ …": the frame names when,
        # the words after its comma who
        s = text.rfind(",", s, tail) + 1
        while s < tail and text[s].isspace():
            s += 1
    if s >= tail or not text[s].isupper() or _opens_with_verb(text, s, tail):
        return None
    scope = _SCOPE_START.search(text, s, tail)
    ends = [tail] + [x for x in (scope.start() if scope else None, first_verb(text, s + 1, tail))
                     if x is not None]
    us, ue = trim(text, s, min(ends))
    if ue <= us or len(text[us:ue].split()) > MAX_SUBJECT_WORDS or _NO_BODY.match(text, us, ue):
        return None
    return _units(text, us, ue) or [(us, ue)], min(ends)


def _segments(text: str, s: int, e: int) -> list[tuple[int, int, tuple | None]]:
    """The clause cut before each sentence that opens with a body of its own: (start, end, own
    subject or None). Most clauses are one segment, the clause itself."""
    out: list[list] = []
    for ss, se in sentences(text, s, e):
        own = _own_subject(text, ss, se)
        if not out or own:
            out.append([ss if out else s, se, own])
        else:
            out[-1][1] = se
    if out:
        out[-1][1] = e
    return [(a, b, c) for a, b, c in out]


def _duties(text: str, s: int, e: int, units, pred_s: int, via: str, path: list[str]) -> list[dict]:
    """Items of one duty: each unit in the role its opening verbs name, and, when it chairs, the
    bodies it works with ("chủ trì, phối hợp với Bộ Văn hóa, Thể thao và Du lịch …")."""
    roles = roles_of(text, pred_s, e)
    out = [_item(via, u, roles[0], roles, (s, e), (pred_s, e), text, path) for u in units]
    out += [_item("partner", p, "phối hợp", ["phối hợp"], (s, e), (pred_s, e), text, path)
            for p in _partners(text, pred_s, e)]
    return out


def _partners(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The bodies a chair works with: after "chủ trì, phối hợp với", cut with the law heads. After
    a bare "phối hợp với" the body named leads and the subject is the partner, so no partner is
    read; "cơ quan nhà nước có liên quan" names no one and is left out."""
    out = []
    for m in _PARTNER.finditer(text, s, e):
        if not _CHAIR_BEFORE.search(text, max(s, m.start() - 20), m.start()):
            continue
        pos = m.end()
        limit = min(e, pos + MAX_SUBJECT_CHARS)
        stop = _SUBJECT_STOP.search(text, pos + 1, limit)
        end = min(x for x in (first_verb(text, pos + 1, limit), stop.start() if stop else None, limit)
                  if x is not None)
        for us, ue in _units(text, pos, end):
            if not _GENERIC.search(text[us:ue]) and not _RELATED.match(text, ue, e):
                out.append((us, ue))
    return out


def extract_law_responsibilities(text: str, blocks: list[Block]) -> tuple[list[dict], set[int]]:
    """(items, indices of the blocks read): the duties listed under duty articles and introducing
    sentences. Blocks outside any article are not read (plans keep their sentence rules)."""
    items: list[dict] = []
    read: set[int] = set()
    article: _Article | None = None
    listed: dict[int, tuple[list, str]] = {}  # clause index -> (units of its points, via); [] = rights
    para_list: tuple[list[int], list, str] | None = None  # the same for a paragraph: (its parents, …)
    for block in blocks:
        if block.kind in SKIP_KINDS:
            continue
        if block.marker in ("part", "chapter", "section", "article"):
            article = _article(text, block) if block.marker == "article" else None
            para_list = None
            continue
        if article is None:
            continue
        if para_list and (block.marker is None or block.parents[:len(para_list[0])] != para_list[0]):
            para_list = None  # a paragraph (or a block outside its list) ends what it introduced
        cs, ce = content_span(text, block.start, block.end)
        s, e = trim(text, cs, ce)
        if e <= s:
            continue
        inherited, via = _inherited(block, listed, para_list, article)
        colon = text[cs:ce].endswith(":")
        duty_intro = _INTRO_TAIL.search(text, cs, ce) if colon else None
        rights_intro = bool(colon and not duty_intro and _RIGHTS_INTRO.search(text, cs, ce))
        if inherited is None and not duty_intro and not article.duty:
            continue  # not a duty: the sentence rules read it
        if rights_intro or _RIGHT.match(text, s, e) or inherited == []:
            read.add(block.index)  # a right, or what a list of rights introduced
            if rights_intro:
                para_list = _introduce(block, [], "", listed) or para_list
            continue
        segments = _segments(text, s, e)
        if duty_intro and not segments[0][2]:
            segments[0] = (*segments[0][:2], _intro_subject(text, s, duty_intro.start()))
        if inherited is None and not any(own for _, _, own in segments):
            continue  # no body to hold to it: left to the sentence rules
        read.add(block.index)
        path = section_path(blocks, block)
        for i, (gs, ge, own) in enumerate(segments):
            if own:
                units, pred_s, seg_via = own[0], own[1], "clause"
            elif inherited:
                units, pred_s, seg_via = inherited, gs, via
            else:
                continue
            if i == 0 and colon and (duty_intro or (article.duty and own)):
                para_list = _introduce(block, units, "intro", listed) or para_list
                if duty_intro and pred_s >= duty_intro.start() - 1:
                    continue  # "X có trách nhiệm sau đây:" only introduces: its points are the duties
            items += _duties(text, gs, ge, units, pred_s, seg_via, path)
    seen: set[tuple[int, int, int]] = set()
    out = []
    for it in items:
        key = (it["start"], it["unit_start"], it["unit_end"])
        if key not in seen and not is_generic_unit(it["unit"]):
            seen.add(key)
            out.append(it)
    return out, read


def _inherited(block: Block, listed: dict, para_list, article: _Article) -> tuple[list | None, str]:
    """The units a block's duties belong to when it names none: those of the nearest sentence that
    introduced it, else those of its duty article."""
    for p in reversed(block.parents):
        if p in listed:
            return listed[p]
    if para_list and block.marker is not None:
        return para_list[1], para_list[2]
    if article.duty and article.owner:
        return article.owner, "article"
    return None, "article"


def _introduce(block: Block, units: list, via: str, listed: dict):
    """Remember who the blocks introduced by ``block`` belong to. A numbered or lettered block is
    their parent in the outline; a paragraph is not (it returns the list state for its siblings)."""
    if block.marker is None:
        return (block.parents, units, via)
    listed[block.index] = (units, via)
    return None
