"""Who must do what, and in which role.

Patterns (general administrative Vietnamese, not sentence-specific):

- a sentence whose subject is a unit: "Ủy ban nhân dân xã xây dựng Kế hoạch …", "Các cấp ủy,
  chính quyền, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội xây dựng kế hoạch …", possibly led
  by "Giao", "Đề nghị", "Phân công", "Yêu cầu", or by a short adverbial ("Sau hội nghị, các chi bộ …");
- partners: "… chủ trì, phối hợp với Văn phòng Tỉnh ủy và …" (generic "các cơ quan liên quan" skipped);
- a heading that is only a unit name ("1. Đảng ủy xã", "- Ủy ban MTTQ và các đoàn thể"): every
  content block under it is one of its tasks;
- labelled lists: "Báo cáo viên: …", "Đối với <units>: …", "Cơ quan chủ trì: …", "Đơn vị phối
  hợp: …". An attendee list ("Thành phần: …", "Thành viên: …") says who comes, not who must do
  something: it yields no responsibility. Nor does a generic phrase ("các ban, sở, ngành",
  "chính quyền"): it names kinds of bodies, not a unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from indexer.structure.outline import Block, section_path

from .roles import first_verb, roles_of
from .text import SKIP_KINDS, clauses, content_span, trim
from .units import is_generic_unit, normalize_unit

# Words that can open a unit name. Capitalised heads that are also common words need a capitalised
# next word ("Hội Nông dân" but not "Hội nghị", "Báo Lai Châu" but not "Báo cáo").
_CAP_HEADS = (r"Ủy ban|Uỷ ban|UBND|HĐND|UBMTTQ|MTTQ|Hội đồng|Đảng ủy|Đảng uỷ|Đảng đoàn|Đảng bộ|"
              r"Văn phòng|Mặt trận|Công an|Chính phủ|Thủ tướng|Chủ tịch|Phó Chủ tịch|Bí thư|"
              r"Phó Bí thư|Thường trực|Tỉnh ủy|Tỉnh uỷ|Huyện ủy|Huyện uỷ|Thành ủy|Thành uỷ|Thị ủy|"
              r"Thị uỷ|Tỉnh đoàn|Huyện đoàn|Liên đoàn|Người đứng đầu|Cấp ủy|Cấp uỷ|Chi bộ|Chi ủy|"
              r"Kho bạc|Ngân hàng|Hợp tác xã|Chính quyền|Tòa án|Toà án|Viện kiểm sát|Kiểm toán|"
              r"Ban cán sự|Ban Chỉ đạo|Ban chỉ đạo|Ban xây dựng Đảng|Ban Thường vụ|Ban Chấp hành|"
              r"Cơ quan|Tổ chức (?:đảng|chính trị|đoàn thể)|Lãnh đạo|Đồng chí|Các đồng chí|Ủy viên|"
              r"Cán bộ|Báo cáo viên|Tuyên truyền viên|Đảng viên|Đoàn viên|Hội viên|Lực lượng")
_CAP_HEADS_NAMED = (r"Ban|Hội|Báo|Đài|Trường|Trung tâm|Bộ|Sở|Phòng|Cục|Chi cục|Tổng cục|Viện|Đoàn|Trạm|Tạp chí|Quân sự|"
                    r"Bệnh viện|Ban Quản lý|Công ty")
_LOW_HEADS = (r"cấp ủy|cấp uỷ|chi bộ|chi ủy|đảng bộ|đảng ủy|đảng uỷ|đảng đoàn|ban cán sự(?: đảng)?|"
              r"huyện ủy|huyện uỷ|thành ủy|thành uỷ|thị ủy|thị uỷ|tổ chức (?:đảng|chính trị|đoàn thể|"
              r"cơ sở đảng)|chính quyền|đoàn thể|ban|sở|cơ quan|đơn vị|địa phương|ủy ban|uỷ ban|"
              r"mặt trận|hội|trường(?!\s+hợp)|doanh nghiệp|hợp tác xã|đồng chí|bí thư|lãnh đạo|người đứng đầu|"
              r"thường trực|ủy viên|tổ trưởng|trưởng|chi|huyện ủy|cán bộ|đảng viên|báo cáo viên|"
              r"tuyên truyền viên|ngành|phòng|trung tâm|trạm|đài|báo|tạp chí|công ty")
_QUANT = r"(?:[Cc]ác|[Mm]ỗi|[Tt]ừng|[Tt]oàn thể|[Tt]ất cả các|[Nn]hững)\s+"
_LOW_STRICT = (r"cấp ủy|cấp uỷ|đảng đoàn|ban cán sự đảng|chính quyền|đảng ủy|đảng uỷ|chi bộ|đảng bộ|"
               r"huyện ủy|thành ủy|thị ủy|tổ chức (?:đảng|chính trị|đoàn thể)|đồng chí|bí thư|"
               r"lãnh đạo|thường trực|ủy viên|tổ trưởng|đảng viên")
_HEAD = re.compile(
    rf"(?:{_QUANT})?(?:(?:{_CAP_HEADS})(?![\w])|(?:{_CAP_HEADS_NAMED})\s+(?=[A-ZĐÀ-Ỹ])|"
    rf"[Bb]an (?:cán sự|xây dựng Đảng|chỉ đạo|quản lý|thường vụ)(?![\w]))"
    rf"|{_QUANT}(?:{_LOW_HEADS})(?![\w])|(?:{_LOW_STRICT})(?![\w])")
_LEAD = re.compile(r"(?:Giao|Đề nghị|Phân công|Yêu cầu|Giao cho|Đề nghị với)\s+", re.I)
_INTRO = re.compile(r"(?:Sau|Trước|Trong|Hằng năm|Hàng năm|Định kỳ|Đồng thời|Trên cơ sở|Căn cứ|Khi|"
                    r"Để|Ngoài ra|Bên cạnh đó|Cùng với|Từ|Đến|Qua)\b[^,;:.]{0,40},\s+")
# ("Sau hội nghị, " before the subject)
_LABEL = re.compile(r"(Thành phần(?: tham dự| dự)?|Thành viên|Báo cáo viên|Cơ quan chủ trì|"
                    r"Đơn vị chủ trì|Cơ quan phối hợp|Đơn vị phối hợp|Đơn vị thực hiện|"
                    r"Cơ quan thực hiện|Trách nhiệm thực hiện)\s*:\s*")
_LABEL_ROLE = {"thành phần": "tham dự", "thành viên": "tham dự", "báo cáo viên": "báo cáo",
               "cơ quan chủ trì": "chủ trì", "đơn vị chủ trì": "chủ trì",
               "cơ quan phối hợp": "phối hợp", "đơn vị phối hợp": "phối hợp"}
_FOR = re.compile(r"Đối với\s+")
_PARTNER = re.compile(r"phối hợp\s+(?:chặt chẽ\s+)?(?:với|cùng)\s+", re.I)
_GENERIC = re.compile(r"(?:liên quan|có liên quan)$|^(?:các\s+)?(?:cơ quan|đơn vị|địa phương|ngành|"
                      r"lực lượng)(?:,\s*(?:cơ quan|đơn vị|địa phương|ngành))*$", re.I)
_PREAMBLE_END = re.compile(r"(?:như sau|cụ thể như sau|sau đây)\s*:?\s*$")
_SUBJECT_STOP = re.compile(r"(?<![\w])(?:theo|căn cứ|trong|để|khi|trên cơ sở|với|tại|thuộc quyền)"
                           r"(?![\w])")
# An aspect or negation word opens the predicate whatever verb follows ("Cơ quan, tổ chức, cá nhân |
# không thi hành …", "Tòa án | đã nhận …"), and so does a passive's agent ("Chủ tịch nước | do Quốc
# hội bầu"); never inside a body's name but for "không gian", "không khí", "không quân". After "đã"
# or "đang", a modal in the same clause opens the predicate instead: the words before are a
# relative clause of the name ("Tòa án đã giải quyết ly hôn | phải gửi bản án …").
_ASPECT_STOP = re.compile(r"(?<![\w])(?:đang|đã|sẽ|không(?!\s+(?:gian|khí|quân))|do(?=\s+[A-ZĐ]))(?![\w])")
_MODAL = re.compile(r"(?<![\w])(?:phải|có trách nhiệm|có thẩm quyền|có quyền|cần)(?![\w])")
MAX_SUBJECT_CHARS = 260


@dataclass
class UnitSpan:
    start: int
    end: int


_ELECTED = re.compile(r"(?:Hội đồng nhân dân|HĐND|Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Đoàn đại biểu Quốc hội)(?!\w)")
_JOINT_OFFICE = re.compile(r"Văn phòng\s+" + _ELECTED.pattern + r"$")


def _split_units(text: str, start: int, end: int, strict: bool,
                 head: re.Pattern[str] | None = None) -> list[tuple[int, int]]:
    """Cut a list of unit names at ",", ";" and "và". ``strict``: only where the next piece opens
    with a unit head (a subject), otherwise at every separator (a "Thành phần" list); a piece
    opening with a capitalised non-head word continues the name before it ("Sở Văn hóa, Thể thao
    và Du lịch"). ``head``: the unit heads (default those of plans; laws add their own bodies)."""
    head = head or _HEAD
    pieces: list[list[int]] = []
    pos = start
    for m in re.finditer(r"\s*[,;]\s*(?:và\s+)?|\s+và\s+", text[start:end]):
        s, e = start + m.start(), start + m.end()
        pieces.append([pos, s])
        pos = e
    pieces.append([pos, end])
    merged: list[list[int]] = []
    for piece in pieces:
        if not merged:
            merged.append(piece)
            continue
        chunk = text[piece[0]:piece[1]]
        prev = text[merged[-1][0]:merged[-1][1]]
        starts_head = bool(head.match(chunk))
        capital_nonhead = chunk[:1].isupper() and not starts_head
        prev_stub = len(re.sub(rf"^{_QUANT}", "", prev).split()) == 1 and starts_head
        shared_quantifier = (not strict and not starts_head and chunk[:1].islower()
                             and re.match(rf"{_QUANT}", prev))  # "các cơ quan, đơn vị, doanh nghiệp"
        # one office of two elected bodies: "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân cấp
        # huyện", "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh"
        joint_office = bool(_JOINT_OFFICE.match(prev) and _ELECTED.match(chunk)
                            and re.fullmatch(r"\s+và\s+", text[merged[-1][1]:piece[0]]))
        join = capital_nonhead or prev_stub or (strict and not starts_head) or bool(shared_quantifier) or joint_office
        if join:
            merged[-1][1] = piece[1]
        else:
            merged.append(piece)
    out = []
    for s, e in merged:
        s, e = trim(text, s, e)
        if e > s:
            out.append((s, e))
    return out


def _subject(text: str, s: int, e: int) -> tuple[int, int, int, str | None] | None:
    """(subject start, subject end, predicate start, lead word) of a sentence whose subject is a
    unit, else None."""
    lead = None
    pos = s
    m = _LEAD.match(text, pos, e)
    if m:
        lead = m.group(0).strip()
        pos = m.end()
    elif not _HEAD.match(text, pos, e):
        intro = _INTRO.match(text, pos, e)
        if intro and _HEAD.match(text, intro.end(), e) and \
                not any(c.isupper() for c in text[pos + 1:intro.end()]):
            pos = intro.end()
    if not _HEAD.match(text, pos, e) and lead is None:
        return None
    limit = min(e, pos + MAX_SUBJECT_CHARS)
    verb = first_verb(text, pos + 1, limit)
    subj_end = predicate_start(text, pos, limit, verb)
    if subj_end is None:
        return None
    if verb is None:
        return None
    s2, e2 = trim(text, pos, subj_end)
    if e2 <= s2 or len(text[s2:e2].split()) > 40:
        return None
    if lead is not None and not _HEAD.match(text, s2, e2) and not re.match(r"[A-ZĐÀ-Ỹ]", text[s2]):
        # After a lead verb the assigned body is a name ("Giao Ủy ban nhân dân tỉnh …") or a body's
        # head word ("Đề nghị các cơ quan …"); a lower-case word that is neither makes the lead a
        # word of its own: "Giao dịch dân sự …" (a transaction), "Giao lại tài sản …", "Yêu cầu bên
        # thế chấp …" (a party's right in a law's list) — no body is assigned anything.
        return None
    return s2, e2, subj_end, lead


def predicate_start(text: str, pos: int, limit: int, verb: int | None) -> int | None:
    """Where the subject opened at ``pos`` ends (before ``limit``): at its first predicate verb
    (``verb``, from ``first_verb``), a word of a circumstance (``_SUBJECT_STOP``) or an aspect,
    negation or agent word (``_ASPECT_STOP``) — unless "đã"/"đang" open a relative clause of the
    name that a modal of the same clause closes."""
    stop = _SUBJECT_STOP.search(text, pos + 1, limit)
    aspect = _ASPECT_STOP.search(text, pos + 1, limit)
    if aspect is not None and verb is not None and verb < aspect.start():
        aspect = None  # the predicate opened before it
    if aspect is not None and aspect.group(0) in ("đã", "đang"):
        clause = re.search(r"[,;:.]", text[aspect.end():limit])
        modal = _MODAL.search(text, aspect.end(), aspect.end() + clause.start() if clause else limit)
        if modal is not None:
            verb, aspect = modal.start(), None  # "Tòa án đã giải quyết ly hôn | phải gửi …"
    ends = [x for x in (verb, stop.start() if stop else None, aspect.start() if aspect else None) if x is not None]
    return min(ends) if ends else None


def _subject_sentences(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Sentences, also cut at a ";" followed by a capital letter (a new subject)."""
    return clauses(text, s, e, r";\s*(?=[A-ZĐÀ-Ỹ])")


def _is_unit_heading(text: str, s: int, e: int) -> bool:
    body = text[s:e]
    if not _HEAD.match(body) or len(body) > 160 or re.search(r"[.:;!?]$", body):
        return False
    return first_verb(text, s + 1, e) is None


def _item(kind_via: str, unit: tuple[int, int], role: str, roles: list[str], quote: tuple[int, int],
          task: tuple[int, int], text: str, path: list[str]) -> dict:
    written = text[unit[0]:unit[1]]
    return {"kind": "responsibility", "start": quote[0], "end": quote[1], "section_path": path,
            "unit": written, "unit_normalized": normalize_unit(written), "unit_start": unit[0],
            "unit_end": unit[1], "role": role, "roles": roles, "task": text[task[0]:task[1]],
            "task_start": task[0], "task_end": task[1], "via": kind_via}


def _partners(text: str, s: int, e: int) -> list[tuple[int, int]]:
    out = []
    for m in _PARTNER.finditer(text, s, e):
        pos = m.end()
        limit = min(e, pos + MAX_SUBJECT_CHARS)
        verb = first_verb(text, pos + 1, limit)
        stop = _SUBJECT_STOP.search(text, pos + 1, limit)
        end = min(x for x in (verb, stop.start() if stop else None, limit) if x is not None)
        for us, ue in _split_units(text, pos, end, strict=True):
            name = text[us:ue]
            if _HEAD.match(name) and not _GENERIC.search(name):
                out.append((us, ue))
    return out


def extract_responsibilities(text: str, blocks: list[Block], skip: set[int] | None = None) -> list[dict]:
    """Responsibilities of a plan-shaped text. ``skip``: indices of blocks already read by the
    rules for laws (indexer/extract/laws.py), which these sentence rules must not read again."""
    items: list[dict] = []
    heading_units: dict[int, list[tuple[int, int]]] = {}
    for block in blocks:
        if block.kind in SKIP_KINDS or (skip and block.index in skip):
            continue
        cs, ce = content_span(text, block.start, block.end)
        if ce <= cs:
            continue
        path = section_path(blocks, block)
        if block.kind == "heading" and _is_unit_heading(text, cs, ce):
            heading_units[block.index] = _split_units(text, cs, ce, strict=True)
            continue
        owner = next((heading_units[p] for p in reversed(block.parents) if p in heading_units), None)
        items.extend(_block_items(text, cs, ce, path, owner))
    return [it for it in items if not is_generic_unit(it["unit"])]


def _block_items(text: str, cs: int, ce: int, path: list[str], owner) -> list[dict]:
    out: list[dict] = []
    label = _LABEL.match(text, cs, ce)
    if label:
        name = label.group(1).lower()
        if name.startswith(("thành phần", "thành viên")):
            return out  # who attends is not a task
        role = next((r for k, r in _LABEL_ROLE.items() if name.startswith(k)), "thực hiện")
        rest_s, rest_e = trim(text, label.end(), ce)
        subject = _subject(text, rest_s, rest_e) if _LEAD.match(text, rest_s, rest_e) else None
        if subject:
            units = _split_units(text, subject[0], subject[1], strict=True)
        elif _HEAD.match(text, rest_s, rest_e):
            units = _split_units(text, rest_s, rest_e, strict=False)
        else:
            units = []
        for u in units:
            out.append(_item("label", u, role, [role], (cs, ce), (rest_s, rest_e), text, path))
        if units:
            return out
    scope = None
    for_m = _FOR.match(text, cs, ce)
    if for_m:
        colon = text.find(":", for_m.end(), ce)
        if colon > 0:
            us, ue = trim(text, for_m.end(), colon)
            ps, pe = trim(text, colon + 1, ce)
            if _HEAD.match(text, us, ue):
                roles = roles_of(text, ps, pe)
                for u in _split_units(text, us, ue, strict=True):
                    out.append(_item("for", u, roles[0], roles, (cs, ce), (ps, pe), text, path))
                return out
            if not re.search(r"[.;]", text[for_m.end():colon]):
                # the quote of the sentence right after the label keeps it: the body acts "Đối với
                # cấp tỉnh", at that level (not a colon sentences away, which labels nothing)
                scope = cs
            cs = ps  # "Đối với cấp tỉnh: Ban Thường vụ Tỉnh ủy tổ chức …": the subject follows
    sents = _subject_sentences(text, cs, ce)
    if owner and sents and not _subject(text, *sents[0]):
        bs, be = trim(text, cs, ce)
        roles = roles_of(text, bs, be)
        for u in owner:
            out.append(_item("heading", u, roles[0], roles, (bs, be), (bs, be), text, path))
        for p in _partners(text, bs, be):
            out.append(_item("partner", p, "phối hợp", ["phối hợp"], (bs, be), (bs, be), text, path))
        return out
    current: dict | None = None  # the last subject sentence: following bare sentences extend it
    found_subject = False
    for n, (s, e) in enumerate(sents):
        if _PREAMBLE_END.search(text[s:e + 1]):
            current = None
            continue
        subject = _subject(text, s, e)
        if subject:
            found_subject = True
            subj_s, subj_e, pred_s, lead = subject
            roles = roles_of(text, pred_s, e)
            quote_s = scope if n == 0 and scope is not None else s
            group = []
            for u in _split_units(text, subj_s, subj_e, strict=True):
                if not _HEAD.match(text, u[0], u[1]) and lead is None:
                    continue
                group.append(_item("assigned" if lead else "subject", u, roles[0], roles,
                                   (quote_s, e), (pred_s, e), text, path))
            for p in _partners(text, pred_s, e):
                group.append(_item("partner", p, "phối hợp", ["phối hợp"], (quote_s, e), (pred_s, e),
                                   text, path))
            out.extend(group)
            current = {"items": group} if group else None
            continue
        if current is not None:
            for it in current["items"]:  # a bare sentence continues the task of the subject before
                it["end"] = e
                it["task"] = text[it["task_start"]:e]
                it["task_end"] = e
    return out
