"""Roles of a unit in a task, read from the verbs that open the predicate ("chủ trì, phối hợp với …",
"thẩm định, tham mưu …", "hướng dẫn quán triệt …"), and the vocabulary of predicate verbs that ends
the name of a unit in a sentence ("Ban Tuyên giáo Tỉnh ủy | chủ trì …"). Laws name the same roles with
other verbs: "đề xuất" (to propose) is advising, "thanh tra" (to inspect) and "theo dõi" (to follow up)
are oversight, so they read as "tham mưu" and "kiểm tra/giám sát"."""

from __future__ import annotations

import re

ROLES = ("chủ trì", "phối hợp", "tham mưu", "hướng dẫn", "kiểm tra/giám sát", "báo cáo", "thực hiện",
         "tham dự")

_ROLE_OF = [
    (re.compile(r"chủ trì", re.I), "chủ trì"),
    (re.compile(r"phối hợp", re.I), "phối hợp"),
    (re.compile(r"tham mưu|đề xuất", re.I), "tham mưu"),
    (re.compile(r"hướng dẫn", re.I), "hướng dẫn"),
    (re.compile(r"kiểm tra|thanh tra|giám sát|theo dõi", re.I), "kiểm tra/giám sát"),
    (re.compile(r"báo cáo", re.I), "báo cáo"),
]

# Verbs (and adverbs) that open a predicate in administrative texts. Lower-case only: inside unit
# names the same words are capitalised ("Ban Xây dựng Đảng", "Ủy ban Kiểm tra").
VERBS = sorted("""
chủ trì|phối hợp|tham mưu|hướng dẫn|kiểm tra|giám sát|báo cáo|thực hiện|triển khai|xây dựng|quán triệt|
tổ chức|lãnh đạo|chỉ đạo|thẩm định|ưu tiên|đẩy mạnh|cụ thể hóa|cụ thể hoá|chủ động|tập trung|ban hành|
thanh tra|
theo dõi|đôn đốc|tăng cường|quan tâm|có trách nhiệm|chịu trách nhiệm|phát huy|bố trí|nghiên cứu|rà soát|
thường xuyên|tích cực|tiếp tục|khẩn trương|làm|trình|gửi|tổng hợp|tuyên truyền|vận động|phổ biến|
hoàn thành|đề xuất|phụ trách|đảm bảo|bảo đảm|nâng cao|sơ kết|tổng kết|cập nhật|hoàn thiện|duy trì|
hỗ trợ|định kỳ|kịp thời|huy động|lồng ghép|cung cấp|biên soạn|phát hành|đầu tư|quản lý|chuẩn bị|
triệu tập|cử|lựa chọn|thống nhất|phát động|giới thiệu|lập|đăng ký|điều hành|tạo điều kiện|quy định|
thành lập|kiện toàn|củng cố|chấp hành|đánh giá|theo|căn cứ|phải|cần|được|có|là|sẽ|nắm|tham gia|
ký|xem xét|quyết định|bàn|thông báo|tiếp nhận|giải quyết|xử lý|đôn đốc|động viên|khuyến khích|tiến hành|
khảo sát|cấp giấy|cấp Giấy|cấp phép|cấp chứng|cấp Chứng|cấp thẻ|cấp văn bằng|
bầu|miễn nhiệm|bãi nhiệm|phê chuẩn|thảo luận|biểu quyết|ra quyết định|ra bản án|ra phán quyết|
nhận đơn|nhận được|nhận hồ sơ|nhận lại|thu nhận|chấp nhận|trả lại|giao lại|chứng thực|giúp|xác định|công bố|
kiến nghị|nộp|thẩm tra|thu hồi|cấp, cấp lại|thụ lý|xét xử|kiểm sát|tách|buộc|đình chỉ|tạm đình chỉ|tuyên đọc|áp dụng|từ chối|gồm|bao gồm|thực hành
""".replace("\n", "").split("|"), key=len, reverse=True)
_VERB_RE = re.compile(r"(?<![\w])(" + "|".join(map(re.escape, VERBS)) + r")(?![\w])")
_ADVERBS = {"thường xuyên", "chủ động", "tích cực", "kịp thời", "định kỳ", "khẩn trương", "tiếp tục",
            "tập trung", "theo", "căn cứ", "phải", "cần", "được", "có", "là", "sẽ"}
# Words after which a verb is a noun or part of a name ("ban xây dựng Đảng", "tổ chức đảng").
_NOUN_AFTER = re.compile(r"(?:^|\s)(?:[Bb]an|[Ủủ]y ban|[Uu]ỷ ban|[Cc]ông tác|[Vv]iệc|[Cc]ơ quan|"
                         r"kết quả|nội dung|chế độ|[Hh]ội nghị|[Hh]ồ sơ|[Đđ]ề cương|công|[Tt]hư)\s*$")  # ("công lập": public; "Thư ký": a clerk)
# Heads after which a verb names the body ("Hội đồng xét xử", "Hội đồng thẩm định", "Viện kiểm sát"),
# though a modal still opens the predicate ("Hội đồng | phải có ít nhất …").
_NAMED_AFTER = re.compile(r"(?:^|\s)(?:[Hh]ội đồng|[Vv]iện)\s*$")
_NOUN_VERB = re.compile(r"tổ chức\s+(?:đảng|chính trị|đoàn thể|cơ sở|xã hội|hội viên|thành viên|quần chúng|"
                        r"các|và|,|trực thuộc|kinh tế|tín dụng)|báo cáo viên|tuyên truyền viên|"
                        r"hướng dẫn viên|thẩm tra viên|kiểm sát viên|quản lý (?:nhà nước|thị trường)|tiến hành tố tụng|bầu cử", re.I)  # ("người tiến hành tố tụng")

# "cơ quan, tổ chức", "cơ quan, đơn vị, tổ chức", "cá nhân, tổ chức": the pair of nouns the laws
# name their subjects by ("Người đứng đầu cơ quan, tổ chức có trách nhiệm …"), not the verb
_PAIRED_NOUN = re.compile(r"(?:cơ quan|đơn vị|cá nhân),\s*$", re.I)


# Verbs that open a law's listed power ("3. Đề nghị Quốc hội bầu …", "Công bố …", "Bổ nhiệm …")
# but inside a sentence are nouns or name a person ("người đề nghị cấp giấy phép" is the applicant):
# verbs only as a clause's first word.
_OPENING_VERB_RE = re.compile(r"(đề nghị|công bố|bổ nhiệm|thống lĩnh)(?![\w])")


def verb_at(text: str, pos: int, end: int, allow_capital: bool = False) -> re.Match | None:
    """The predicate verb starting exactly at ``pos``, if any."""
    segment = text[pos:end]
    if allow_capital and segment[:1].isupper():
        segment = segment[:1].lower() + segment[1:]
        opening = _OPENING_VERB_RE.match(segment)
        if opening:
            return opening
    m = _VERB_RE.match(segment)
    if not m or _NOUN_VERB.match(segment):
        return None
    return m


def first_verb(text: str, start: int, end: int) -> int | None:
    """Offset of the first lower-case predicate verb in text[start:end] that is not part of a name."""
    for m in _VERB_RE.finditer(text, start, end):
        s = m.start()
        if _NOUN_AFTER.search(text[max(0, s - 20):s]) or \
                (m.group(1) not in _ADVERBS and _NAMED_AFTER.search(text[max(0, s - 20):s])):
            continue
        if _NOUN_VERB.match(text, s) or m.group(1) == "tổ chức" and _PAIRED_NOUN.search(text[max(0, s - 20):s]):
            continue
        if m.group(1) in ("có", "là", "được", "theo", "làm", "lập", "cử", "ký", "bàn", "nắm") \
                and s - start < 3:
            continue
        if m.group(1) == "có" and _holds_competence(text, m.end(), end):
            continue
        if _competence_clause(text, s, m.end(), end):
            continue
        return s
    return None


_COMPETENCE = re.compile(r"(?:^|\s)(?:có|có đủ)\s+thẩm quyền\s*$", re.I)
# "Cơ quan nhà nước có thẩm quyền công nhận hạng cơ sở lưu trú du lịch | thu hồi quyết định …": a
# competence names the body when one of these predicates follows it in the same clause (the verb
# right after "thẩm quyền" is the competence's own: "… có thẩm quyền | cấp giấy phép" is the body's
# predicate, "có").
_AFTER_COMPETENCE = re.compile(r"\s+thẩm quyền\s+(\w+(?:\s+\w+)?)")
_PREDICATES = re.compile(r"(?<![\w])(?:quyết định|thu hồi|chịu trách nhiệm|có trách nhiệm|kháng nghị|phân công|"
                         r"xem xét|giải quyết)(?![\w])")


def _clause_end(text: str, pos: int, end: int) -> int:
    """Where the clause going on at ``pos`` ends: the next ",", ";", ":" or ".", else ``end``."""
    cut = re.search(r"[,;:.]", text[pos:end])
    return pos + cut.start() if cut else end


def _holds_competence(text: str, pos: int, end: int) -> bool:
    """"có" at ``pos`` opens "có thẩm quyền <verb> …" and a predicate of the body follows in the
    same clause: the competence is part of the body's name."""
    m = _AFTER_COMPETENCE.match(text, pos, end)
    if not m:
        return False
    return bool(_PREDICATES.search(text, m.end(1), _clause_end(text, m.end(1), end)))


def _competence_clause(text: str, s: int, e: int, end: int) -> bool:
    """The verb at [s, e) says which competence a body has, inside its name: "Cơ quan có thẩm quyền
    | quản lý đơn vị sự nghiệp công lập | thanh tra, kiểm tra …" — the name runs on to the next
    predicate verb of the same clause. With none before a "," or ";" the verb is the predicate
    ("các cơ quan có thẩm quyền | chỉ đạo việc lập quy hoạch, …")."""
    if not _COMPETENCE.search(text[max(0, s - 30):s]) or text.startswith(("có trách nhiệm", "chịu trách nhiệm"), s):
        return False  # ("Cơ quan, cá nhân có thẩm quyền | có trách nhiệm trả lời …": the duty is the predicate)
    clause_end = _clause_end(text, e, end)
    # ("quy định tại khoản 1": specified in, a participle, not the predicate)
    return any(not _NOUN_AFTER.search(text[max(0, m.start() - 20):m.start()]) and not _NOUN_VERB.match(text, m.start())
               and m.group(1) != "quy định" for m in _VERB_RE.finditer(text, e, clause_end))


def verb_run(text: str, pos: int, end: int) -> list[tuple[int, int]]:
    """The verbs that open a predicate, joined by commas, "và" or spaces ("thẩm định, tham mưu",
    "chủ trì, phối hợp", "hướng dẫn quán triệt")."""
    out: list[tuple[int, int]] = []
    while pos < end:
        m = verb_at(text, pos, end, allow_capital=not out)
        if not m:
            break
        out.append((pos, pos + m.end()))
        pos += m.end()
        sep = re.match(r"\s*(?:,|và|,\s*và)?\s*", text[pos:end])
        pos += sep.end() if sep else 0
    return out


def roles_of(text: str, pred_start: int, end: int) -> list[str]:
    """Roles named by the verbs that open the predicate, in order; ["thực hiện"] when none."""
    found: list[str] = []
    for s, e in verb_run(text, pred_start, end):
        verb = text[s:e]
        for pattern, role in _ROLE_OF:
            if pattern.fullmatch(verb) and role not in found:
                found.append(role)
    return found or ["thực hiện"]
