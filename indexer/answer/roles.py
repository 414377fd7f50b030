"""Does a responsibility hold the role a who-question asks for?

The extractor (indexer/extract/roles.py) names the roles its verbs open with ("chủ trì", "phối
hợp", "tham mưu", …, "tham dự" for a "Thành phần:" list, "báo cáo" for a "Báo cáo viên:" label).
Some roles a question can ask for are read here from the item's own words: "xây dựng"/"dự thảo" (who
drafts), "báo cáo viên" (the speaker), "kiểm tra/giám sát" also from "theo dõi, đôn đốc"."""

from __future__ import annotations

import re
from functools import lru_cache

from indexer.text import folded_words

# Role -> folded verbs that show it in the first words of the task.
_TASK_VERBS = {
    # ("lập" drafts; "thành lập" founds a body, "xác lập" establishes a right: neither drafts)
    "xây dựng": r"xay dung|du thao|soan thao|(?<!thanh )(?<!xac )lap|ban hanh",
    "kiểm tra/giám sát": r"kiem tra|giam sat|theo doi|don doc|phan bien",
    "báo cáo": r"bao cao|gui bao cao|tong hop",
    "tham mưu": r"tham muu|de xuat|tham dinh",
    "phối hợp": r"phoi hop",
    "chủ trì": r"chu tri|lanh dao|chi dao|phu trach|chiu trach nhiem|thong nhat quan ly",
}
# "chịu trách nhiệm (và) <another role's verb>" ("… chịu trách nhiệm báo cáo cấp trên", "chịu trách
# nhiệm và báo cáo công tác trước Quốc hội", "chịu trách nhiệm theo dõi, đôn đốc"): the duty is that
# role's, not a lead.
_OTHER_ROLE_VERBS = "|".join(v for role, v in _TASK_VERBS.items() if role != "chủ trì")
_LEADS = re.compile(rf" (?:{_TASK_VERBS['chủ trì'].replace('chiu trach nhiem|', '')}) "
                    rf"| chiu trach nhiem (?!(?:va )?(?:{_OTHER_ROLE_VERBS}) )")
LEAD_LIKE = {"chủ trì", "thực hiện", "tham mưu", "hướng dẫn", "kiểm tra/giám sát", "báo cáo"}
# Order in which roles answer "who is responsible" (chủ trì first).
ROLE_RANK = {"chủ trì": 0, "tham mưu": 1, "thực hiện": 2, "hướng dẫn": 3, "kiểm tra/giám sát": 4,
             "báo cáo": 5, "xây dựng": 2, "phối hợp": 6, "tham dự": 7, "báo cáo viên": 7,
             "thành phần": 7, "ký": 7}


def _task_head(item: dict, chars: int = 160) -> str:
    """The first words of the task and of each later sentence of it: "… kiểm tra, giám sát việc
    thực hiện. Định kỳ báo cáo Ban Thường vụ" gives the unit a second duty (báo cáo)."""
    return _heads(item.get("task") or item.get("quote") or "", chars)


@lru_cache(maxsize=16384)
def _heads(task: str, chars: int) -> str:
    """Cached: every who-question weighs the same items' tasks."""
    heads = [task[:chars]] + [task[m.end():m.end() + 60] for m in re.finditer(r"[.;]\s+(?=[A-ZĐÀ-Ỹ])", task)]
    return " " + " | ".join(folded_words(h) for h in heads) + " "


def item_role(item: dict) -> str:
    """The role of the item as the answer names it."""
    quote = item.get("quote") or ""
    if re.match(r"\s*Báo cáo viên\s*:", quote):
        return "báo cáo viên"
    return item.get("role") or "thực hiện"


def role_fit(item: dict, asked: str | None) -> float | None:
    """How well the item's role fits the asked one: None = it does not fit (no answer from it),
    else a bonus (higher is better)."""
    role = item_role(item)
    roles = set(item.get("roles") or [role])
    if asked is None:
        return 0.3 if role == "chủ trì" else (0.0 if role != "phối hợp" else -0.3)
    if asked == "báo cáo viên":
        return 1.0 if role == "báo cáo viên" else None
    if asked in ("tham dự", "thành phần"):
        # who attends a meeting and who makes up a body are both a list of who is in it
        return 1.0 if role in ("tham dự", "thành phần") else None
    if asked == "ký":
        return 1.0 if role == "ký" else None
    if role in ("tham dự", "báo cáo viên", "thành phần", "ký"):
        return None
    if asked == "phối hợp":
        return 1.0 if role == "phối hợp" else None
    if role == "phối hợp":
        return None  # a partner does not answer "who leads / drafts / reports"
    if asked == "chủ trì":
        if role == "chủ trì":
            return 1.0
        if _LEADS.search(_task_head(item, 60)):
            return 0.8
        return 0.3 if role in LEAD_LIKE else None
    if asked in roles:
        return 1.0
    verbs = _TASK_VERBS.get(asked)
    if verbs and re.search(rf" (?:{verbs}) ", _task_head(item)):
        return 0.7
    return None


def later_partner_items(items: list[dict]) -> list[dict]:
    """A unit's later duty that opens with "Phối hợp" as an item of its own, role "phối hợp": "1. Ban
    xây dựng Đảng — Chủ trì, phối hợp với các cơ quan … đẩy mạnh công tác thông tin tuyên truyền …
    . Phối hợp phát hành các tài liệu …" — the lead of the first duty is a partner in the second,
    and only that sentence's words say what it coordinates. (Not the first sentence's "Chủ trì, phối
    hợp với …", where the unit leads and the others coordinate.)"""
    out = []
    for it in items:
        task = it.get("task") or ""
        if it.get("role") == "phối hợp" or not task or it.get("task_start") is None:
            continue
        for m in re.finditer(r"[.;]\s+(?=Phối hợp\b)", task):
            rest = task[m.end():]
            stop = re.search(r"[.;]\s+(?=[A-ZĐÀ-Ỹ])|[.;]?\s*$", rest)
            sentence = rest[:stop.start()] if stop else rest
            start = it["task_start"] + m.end()
            out.append({**it, "start": start, "end": start + len(sentence), "quote": sentence,
                        "task": sentence, "task_start": start, "task_end": start + len(sentence),
                        "role": "phối hợp", "roles": ["phối hợp"], "via": "later partner"})
    return out


_RIGHT = re.compile(r"(?<!tham) quyen ")


def states_right(item: dict) -> bool:
    """The item's own words grant a right ("… có quyền yêu cầu …", "được quyền"): a question
    about who has a right is not answered by a duty ("có trách nhiệm", "phải", a plan's task) nor
    by a competence ("cơ quan có thẩm quyền"), whatever its heading says."""
    own = f" {folded_words((item.get('task') or '') + ' ' + (item.get('quote') or ''))} "
    return bool(_RIGHT.search(own))


def is_of_class(item: dict, heads: list[str]) -> bool:
    """The unit's name opens with one of the asked heads ("Bộ Nội vụ" is a "bộ", "Chính phủ" is
    not): "Bộ nào …", "which ministry …" is not answered by the Government or a commune."""
    name = folded_words(item.get("unit_normalized") or item.get("unit") or "")
    name = re.sub(r"^(?:cac|nhung|moi|tung) ", "", name)
    # (the members of a body of the class are asked with it: "đảng viên chi bộ các cơ quan Đảng, …"
    # for "đảng viên thuộc chi bộ, đảng bộ nào")
    name = re.sub(r"^(?:dang vien|can bo|hoi vien|doan vien) (?:(?:cac|cua) )?", "", name)
    return not heads or any(name == h or name.startswith(h + " ") for h in heads)


def _unit_key(item: dict) -> str:
    """The key of the unit an item names (its normalised unit), by which a who-answer groups items
    and a fit tells one actor from another."""
    from indexer.extract import unit_key

    return unit_key(item.get("unit_normalized") or item.get("unit") or "")
