"""Who-answers read from the retrieved sentences when no stored responsibility answers: their
actors (actors.py) and their defining sentences, through the stored units' support check, rivals and
margins; and when a role named by a question is not the action it asks."""

from __future__ import annotations

from .actors import _LIGHT as _LIGHT_VERBS, actor_items, definition_items, tied_verbs
from .contested import contested
from .question import ROLE_CUES, Question
from .scoring import score_items
from .semantic import Similarity
from .unitnames import truncated_unit
from .who import _who_answer, weak_who
from .wording import _support_dict


_VERB_ROLES = frozenset({"kiểm tra/giám sát", "phối hợp", "báo cáo", "xây dựng"})


def _role_words_elsewhere(q: Question) -> bool:
    """A Vietnamese who-question ties another action to its who-word than the role it names: "Ai
    thành lập Hội đồng quốc gia thẩm định sách giáo khoa?" asks who founds the council, and
    "thẩm định" (a cue of "tham mưu") is the council's name; "… thì ai phải ghi việc này …" after
    "Khi có Trọng tài viên không ký tên …" asks who records it, "ký" is the circumstance's. The
    who-word's own verb (``tied_verbs``) is then the action asked, read from the sentences' actors
    — not a light or role verb, and none of the role's own cue words."""
    if q.language == "en":
        return False
    tied = tied_verbs(q.vi_text or q.text)
    cues = {cue for cue, r in ROLE_CUES if r == q.role}
    return bool(tied) and all(v not in _LIGHT_VERBS and not any(v in c or c in v for c in cues) for v in tied)


def _actor_answer(q: Question, results: list, docs: list[dict], items: list[dict], named: set[str],
                  heads: dict[str, str], similarity: Similarity | None = None, headings=None):
    """(answer, role, support, chosen items) from the actors of the retrieved sentences (actors.py)
    when no stored responsibility answers: "… do Tòa án nhân dân cấp huyện quyết định", "Bộ trưởng
    Bộ Tài chính quy định chi tiết khoản này". The same support check, rivals and margins as the
    stored units (``weak_who``, ``contested``)."""
    # (a stored item whose name is cut short leaves its sentence to this reader: "Tòa án đã | giải
    # quyết ly hôn phải gửi …" is read "Tòa án đã giải quyết ly hôn | phải gửi …")
    extra = actor_items(results, q.vi_text or q.text, [it for it in items if not truncated_unit(it)])
    return _read_unit_answer(q, extra, results, docs, named, heads, similarity, headings)


def _read_unit_answer(q: Question, extra: list[dict], results: list, docs: list[dict], named: set[str],
                      heads: dict[str, str], similarity: Similarity | None, headings):
    """(answer, role, support, chosen items) from units read at question time (actors, defining
    sentences), through the stored units' support check, rivals and margins."""
    if not extra:
        return None, None, None, []
    scored = score_items(q, extra, results, docs, named, heads, similarity, headings)
    if not scored or contested(q, scored, named) or weak_who(q, scored, named):
        return None, None, None, []
    answer, role, sup, best = _who_answer(q, scored, named)
    return answer, role, _support_dict(sup, best[0]), best


def _definition_answer(q: Question, results: list, docs: list[dict], items: list[dict], named: set[str],
                       heads: dict[str, str], similarity: Similarity | None = None, headings=None):
    """(answer, role, support, chosen items) from the defining sentences of the retrieved passages
    ("<body> là cơ quan do Quốc hội thành lập, có nhiệm vụ …", actors.definition_items) when
    nothing else answers a who-question, asked in Vietnamese or in English: the same support check
    and margins as the stored units (``weak_who``, ``contested``)."""
    extra = definition_items(results, [it for it in items if not truncated_unit(it)])
    return _read_unit_answer(q, extra, results, docs, named, heads, similarity, headings)
