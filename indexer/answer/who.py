"""The who-answer: the units of the supported responsibilities ranked (``_rank_units``, the doer
before its adviser), their rivals (``_unit_rivals``), whether the best unit's evidence is too weak
to name it (``weak_who``), and the answer grouped across documents (``_who_answer``)."""

from __future__ import annotations

import re

from indexer.text import folded_words

from .actors import (ACTION_EVIDENCE, asked_verbs, does_asked_action, does_english_action, english_asked_verbs,
                     asks_rules, delegates_rules, submits_for_another, tied_verbs)
from .fit import _fit, other_level
from .margins import WHO_MARGIN, WHO_MIN_FIT, WHO_TIE, WHO_TIE_RIVALS
from .question import Question, question_slots
from .relations import LED
from .roles import ROLE_RANK, _unit_key, item_role
from .scoring import _same_sentence
from .support import STRICT, Support, current_gate
from .wording import MAX_ITEMS


def _units_of_sentence(best: dict, pool: list[dict], asked: str | None) -> str:
    """The units of the best item's sentence in its role, as one verbatim stretch when they are
    written side by side ("Cán bộ, đảng viên, đoàn viên, hội viên và Nhân dân")."""
    role = item_role(best)
    same = [it for it in pool if it["doc_id"] == best["doc_id"] and it["start"] == best["start"]
            and item_role(it) == role and it.get("unit_start") is not None
            and (it.get("via") == LED) == (best.get("via") == LED)]  # (a leader and the body it leads)
    same = sorted({it["unit_start"]: it for it in same}.values(), key=lambda it: it["unit_start"])
    if not same:
        return best.get("unit") or ""
    quote, base = best.get("quote") or "", best["start"]
    groups: list[list[dict]] = [[same[0]]]
    for it in same[1:]:
        gap = quote[groups[-1][-1]["unit_end"] - base:it["unit_start"] - base]
        if re.fullmatch(r"[\s,;]*(?:và|cùng)?[\s,;]*", gap):
            groups[-1].append(it)
        else:
            groups.append([it])
    names = []
    for g in groups:
        s, e = g[0]["unit_start"] - base, g[-1]["unit_end"] - base
        names.append(quote[s:e] if 0 <= s < e <= len(quote) else g[0].get("unit", ""))
    if best.get("unit_start") is not None:  # the best unit's group first
        names.sort(key=lambda n: best["unit"] not in n)
    return "; ".join(names[:3])


def _role_said(q: Question, role: str) -> bool:
    """The question's own words say the unit's role: "Ai hướng dẫn quán triệt …" asks who guides,
    so a unit that guides (hướng dẫn) is not ranked below the leads, as it is for "who is
    responsible for …" (``ROLE_RANK``)."""
    labels = {label for label, _ in q.groups}
    return any(folded_words(r) in labels for r in role.split("/"))


def _rank_units(q: Question, scored: list[tuple[float, dict, Support]], named: set[str]) -> list[tuple]:
    """The units of the supported responsibilities, best first: (score, unit key, group), by score but
    for a unit that does the asked act, put before the adviser on it (``_doer_first``)."""
    by_unit: dict[str, dict] = {}
    matched_words = {w for _, _, s in scored[:50] for ws in s.matched.values() for w in ws}
    groups = [alts for _, alts in q.groups]
    for score, item, sup in scored:
        key = _unit_key(item)
        g = by_unit.setdefault(key, {"best": None, "score": score, "docs": {}, "items": []})
        if g["best"] is None:
            g["best"] = (score, item, sup)
        g["items"].append((score, item, sup))
    for g in by_unit.values():
        # A unit counts once per document where it holds the role it is answered with: "chủ trì
        # (3 văn bản)" must not count a document where the same unit only guides (hướng dẫn).
        role = item_role(g["best"][1])
        for score, item, sup in g["items"]:
            if item_role(item) == role:
                g["docs"].setdefault(item["doc_id"], (score, item, sup))
    ranked = []
    for key, g in by_unit.items():
        best_score = g["best"][0]
        role = item_role(g["best"][1])
        bonus = 0.5 * min(len(g["docs"]) - 1, 3) if not named else 0.0
        # A unit whose name carries the subject is the specialised body ("Ban Tuyên giáo" for
        # "tuyên truyền", "Ủy ban Kiểm tra" for "kiểm tra"), in proportion to how much of the
        # subject its name carries: "Bộ Giáo dục" is not the body for "state management of
        # vocational education" just because its name says "giáo dục".
        name = f" {key} "
        if groups:
            named_groups = sum(1 for alts in groups if any(
                w in matched_words and len(w) > 2 and f" {w.split()[0]} " in name for w in alts))
            bonus += 0.75 * named_groups / len(groups)
        if q.role in (None, "chủ trì") and not _role_said(q, role):
            bonus -= 0.1 * ROLE_RANK.get(role, 5)
        ranked.append((best_score + bonus, key, g))
    ranked.sort(key=lambda x: -x[0])
    return _doer_first(q, ranked)


def _doer_first(q: Question, ranked: list[tuple]) -> list[tuple]:
    """"Ai tổ chức Hội nghị sơ kết cấp tỉnh?", "Who organises the review conference?" (no role asked):
    the unit whose task does the asked act ("Ban Thường vụ Tỉnh ủy | tổ chức Hội nghị sơ kết …") comes
    before the one that only advises on it ("Văn phòng Tỉnh ủy | thẩm định, tham mưu … tham mưu tổ
    chức Hội nghị sơ kết"), whatever their scores: it is the answer, the adviser is no rival of it
    (``_unit_rivals``)."""
    if q.kind != "who" or q.role is not None or not ranked or not _advises(ranked[0][2]["best"][1]):
        return ranked
    doer = next((r for r in ranked[1:] if not _advises(r[2]["best"][1]) and _does_asked_act(q, r[2]["best"][1])),
                None)
    if doer is None or _does_asked_act(q, ranked[0][2]["best"][1]):
        return ranked
    return [doer] + [r for r in ranked if r is not doer]


def _advises(item: dict) -> bool:
    """The unit's role is to advise (tham mưu) on its task, not to do it."""
    return item_role(item) == "tham mưu"


def _does_asked_act(q: Question, item: dict) -> bool:
    """The item's task opens with the act the question asks (an English question's verb through the
    glossary, ``does_english_action``; a Vietnamese one's first verb, ``_opens_with_asked_verb``)."""
    if q.language == "en":
        return does_english_action(english_asked_verbs(q.text), item)
    return _opens_with_asked_verb(q, item)


def _unit_rivals(q: Question, ranked: list[tuple]) -> list[tuple]:
    """The other units (``_rank_units`` rows) to weigh against the best one: not of its sentence, not
    a name holding or held in its name. When a Vietnamese question ties an action to its who-word
    and the best unit does it ("Việc phối hợp giữa các cơ quan chuyên trách … do ai quy định?" —
    "Chính phủ quy định việc phối hợp …"), those that do not are no rivals, however much of the
    question their names say (the bodies coordinated)."""
    _, top_key, g = ranked[0]
    _, best, sup = g["best"]
    rivals = [r for r in ranked[1:] if not _same_sentence(r[2]["best"][1], best)
              and r[1] not in top_key and top_key not in r[1]]
    if q.role is None and q.kind == "who" and not _advises(best) and _does_asked_act(q, best):
        # (who advises on the act the best unit does is no rival of it: ``_doer_first``)
        rivals = [r for r in rivals if not _advises(r[2]["best"][1]) or _does_asked_act(q, r[2]["best"][1])]
    asked = q.vi_text or q.text
    if not rivals or q.language == "en" or not tied_verbs(asked) or not does_asked_action(asked, best) \
            or sup.unsaid(q):
        return rivals  # (and says every word of the question: "Ai giữ vai trò chủ thể?" is not asked of a
        # unit that "giữ vai trò nòng cốt")
    return [r for r in rivals if does_asked_action(asked, r[2]["best"][1], clauses=True)]


_RESPONSIBLE = re.compile(r"(?<![a-z])(?:chiu trach nhiem|phu trach|responsible)(?![a-z])")


def _responsible_for_asked(q: Question, item: dict) -> bool:
    """"Ai chịu trách nhiệm tuyên truyền …", "Ai phụ trách …" ("who is responsible for …") asks who does it, a lead
    first (``ROLE_RANK``) but not only a lead: a unit that carries the asked action out in one of
    its duties ("Các cơ quan báo chí của tỉnh … ; tuyên truyền công tác sơ kết …") answers when no
    lead does — not when the question says "chủ trì" or "lead" itself, nor for an English question
    (whose action is read through the glossary). The margins still apply."""
    folded = folded_words(q.vi_text or q.text)
    return (q.language != "en" and q.role == "chủ trì" and bool(_RESPONSIBLE.search(folded))
            and " chu tri " not in f" {folded} " and does_asked_action(q.vi_text or q.text, item, clauses=True))


def _asked_class(q: Question, item: dict) -> set[str]:
    """The question's words that name the kind of unit a "<noun> nào" asks ("Cơ quan trung ương nào
    thanh tra …"): the answer is of that class ("Bộ Nội vụ thanh tra …"), its sentence need not say
    it — as the in-place reading holds (``Slot.asked``). Not a level the item's own words contradict
    (``other_level``: "cơ quan cấp tỉnh nào" is not answered by a ministry)."""
    slots = question_slots(q, "who")
    asked = {w for slot in slots for w in slot.asked}
    if not asked or other_level(q, item):
        return set()
    return {label for label, _ in q.groups if set(label.split()) <= asked}


def weak_who(q: Question, scored: list[tuple[float, dict, Support]], named: set[str]) -> bool:
    """The best unit's evidence is too weak to name it (see ``WHO_MARGIN``): no answer."""
    ranked = _rank_units(q, scored, named)
    top_score, top_key, g = ranked[0]
    _, best, sup = g["best"]
    unsaid = sup.unsaid(q) - _asked_class(q, best) if q.language != "en" else set()
    if len(unsaid) > 1 or unsaid and (sup.rank != 0 or current_gate() is not STRICT or
                                       sup.matched.get("document") and best["doc_id"] not in named):
        # (a soft word — a territory phrase, a folded modal — does not decide the support). One
        # word the sentence says otherwise ("chuẩn bị" for "tham mưu", "chuyển" for "gửi") is left
        # to the search, which reads the question with the model too, when it ranks the sentence
        # first — under the strict gate only (with the fewer words the first passage's gate asks,
        # support.TOP_PASSAGE, the search has vouched once already), and with no other word said
        # only by a document the question does not name ("… công tác người cao tuổi" asked: the
        # Youth Law's "tuổi" somewhere, the sentence's "thanh niên"). Measured on the questions
        # this changes: with neither condition tuning +23 right, 1 wrong and held-back +28 right,
        # 10 wrong or unanswerable answered; with the strict gate tuning +14, 0, held-back +19, 2.
        return True
    if q.language != "en" and submits_for_another(q.vi_text or q.text, best):
        return True  # (it submits the asked act to another body: actors.submits_for_another)
    if q.role is not None:
        fit = _fit(q, best)
        if fit is None or (fit < WHO_MIN_FIT and not _responsible_for_asked(q, best)):
            return True
    if q.language == "en" and q.role is None and _does_other_action(q, best):
        return True
    rivals = _unit_rivals(q, ranked)
    if q.role is None and _advises(best) and any(
            not _advises(r[2]["best"][1]) and _opens_with_asked_verb(q, r[2]["best"][1])
            for r in rivals):
        # "Ai tổ chức Hội nghị sơ kết cấp tỉnh?": the unit that advises on it ("Văn phòng Tỉnh ủy …
        # tham mưu tổ chức Hội nghị sơ kết …") is not the one that does it ("Ban Thường vụ Tỉnh ủy
        # tổ chức Hội nghị sơ kết …"), whatever their scores
        return True
    if not rivals:
        return False
    if top_score - rivals[0][0] < WHO_MARGIN:
        return True
    # Retrieval rank alone does not pick a unit: a rival whose sentence supports the question as
    # well (same coverage, own share, role fit and unit bonuses) is another answer the search
    # merely ranked lower ("Bộ Quốc phòng … thực hiện quản lý nhà nước về an ninh mạng" against
    # "Bộ Công an … thực hiện quản lý nhà nước về an ninh mạng"). Only for Vietnamese questions:
    # an English question's support is read through glossary senses, and there the search's
    # rank (the model reads the English) tells apart what the senses tie (two English questions
    # of the tuning half are right that way).
    if q.language == "en":
        return _other_does_english_action(q, best, sup, rivals)

    asked = q.vi_text or q.text

    def evidence(r: tuple) -> float:
        sc, it, sp = r[2]["best"]
        # (the unit that does what the question asks, not another thing to the same subject)
        action = ACTION_EVIDENCE if does_asked_action(asked, it) else 0.0
        return r[0] - sc + 3.0 * sp.coverage + sp.own + (_fit(q, it) or 0.0) + action
    top_evidence = evidence(ranked[0])
    return any(evidence(r) >= top_evidence - WHO_TIE for r in rivals[:WHO_TIE_RIVALS])


def _opens_with_asked_verb(q: Question, item: dict) -> bool:
    """The item's task opens with the first verb the question asks about, light ones too ("Ai tổ
    chức Hội nghị …" -> "tổ chức Hội nghị sơ kết …")."""
    asked = asked_verbs(q.vi_text or q.text)
    return bool(asked) and f" {folded_words(item.get('task') or '')} ".startswith(f" {asked[0]} ")


def _does_other_action(q: Question, best: dict) -> bool:
    """An English who-question's own verb ("who submits the dossier …" -> trình, gửi, nộp) is said
    nowhere in the best unit's sentence: the unit does something else to the same subject ("Ủy ban
    nhân dân cấp tỉnh … quyết định công nhận khu du lịch cấp tỉnh" decides what another submits).
    The glossary's senses of the verb are many, so one of them said anywhere in the sentence will do."""
    verbs = english_asked_verbs(q.text)
    if asks_rules(q.text, verbs) and delegates_rules(best):
        return False  # "who issues the detailed rules on …": "Chính phủ | quy định chi tiết …"
    said = f" {folded_words(best.get('quote') or '')} "
    return bool(verbs) and not any(f" {v} " in said for v in verbs)


def _other_does_english_action(q: Question, best: dict, sup: Support, rivals: list[tuple]) -> bool:
    """An English who-question's own verb ("Who organises the conference …" -> tổ chức) is what a
    rival unit's task does and the best unit's does not ("Ban Thường vụ Tỉnh ủy tổ chức Hội nghị sơ
    kết" against "Văn phòng Tỉnh ủy thẩm định, tham mưu Ban Thường vụ Tỉnh ủy Báo cáo sơ kết"), the
    rival's sentence saying the question as fully: retrieval rank picked a unit that does something
    else to the same subject. No answer (as ``weak_who``'s action evidence for Vietnamese)."""
    verbs = english_asked_verbs(q.text)
    if not verbs or does_english_action(verbs, best):
        return False
    return any(does_english_action(verbs, r[2]["best"][1]) and r[2]["best"][2].coverage >= sup.coverage - 1e-9
               for r in rivals[:WHO_TIE_RIVALS])


def _who_answer(q: Question, scored: list[tuple[float, dict, Support]], named: set[str]):
    """(answer, role, chosen items) for a who-question: units grouped across documents."""
    _, key, g = _rank_units(q, scored, named)[0]
    score, best, sup = g["best"]
    pool = [it for _, it, _ in scored]
    units = _units_of_sentence(best, pool, q.role)
    role = item_role(best)
    ndocs = len(g["docs"])
    if ndocs > 1 and not named:
        answer = f"{units} — {role} ({ndocs} văn bản)"
        chosen = [best] + [v[1] for d, v in sorted(g["docs"].items(), key=lambda kv: -kv[1][0])
                           if v[1] is not best]
    else:
        answer = f"{units} ({role})" if role not in ("thực hiện",) else units
        chosen = [best] + [it for _, it, _ in scored if it is not best][:MAX_ITEMS - 1]
    return answer, role, sup, chosen
