"""Answers read in a retrieved sentence when no item answers: where the question word stands (in
place, insitu.py), a length of time of the unit asked (typed, typed.py), the label of a numbered
category (labels.py), the one actor doing the asked action in the sentence the model finds closest
(closest actor, actors.py); the items, support and response of such a reading."""

from __future__ import annotations

import re
from dataclasses import replace

from indexer.extract.units import is_generic_unit
from indexer.search.named import doc_refs
from indexer.search.translate import lookup, translate_groups
from indexer.text import folded_words

from .actors import _EN_WHO, _WHO_WORD, _predicate, actors, asked_agents, asked_verbs, asks_action, cleft_verbs, \
    does_english_action, english_asked_verbs, open_asked_word, subject_act
from .citations import ANSWER_FIELDS, citation
from .fit import _fit, other_level
from .fit_who import said_by_question
from .insitu import MIN_ANCHOR, WHAT, align, asked_kind, closed_end, english_slots, sentence_spans
from .labels import label_frame, label_nouns, labels_in, negated_member
from .named import _doc_context, named_documents
from .passages import points_back
from .question import ROLE_CUES, Question, question_slots
from .roles import _unit_key
from .scoring import _value_key
from .semantic import Similarity
from .support import CLOSEST, TOP_PASSAGE, Gate, Matcher, Support, gated
from .texts import _NAME_RUN, _doc_heads, _documents, _full_headings, _law_titles, _texts
from .typed import MOMENT, asked_unit, read_as_asked, spelled_measure, unit_value
from .unitnames import cut_in_word, truncated_unit
from .wording import _ITEM_KIND, _clip, _shown_interpretation, _support_dict


_LAW_YEAR = re.compile(r"(?i)(?<!\w)(?:bộ luật|luật|hiến pháp|bo luat|luat|hien phap|BLDS)(?:\s+[\w&-]+){0,4}?\s+"
                       r"(?:năm\s+|nam\s+)?(?:19|20)\d\d(?!\d)")
IN_PLACE_DEPTH = 5  # passages the in-place reading looks in (the search's first)
# The weighted share of the question's words the sentence, its headings and its document must say
# (Support.coverage, without the bonus a named document's title earns in Support.ok).
IN_PLACE_COVERAGE = 0.9
# A reading anchored by this many content syllables of the question right next to its slot, in the
# search's first passage, may leave one word of the question unsaid: the subject named otherwise
# ("Cơ sở sản xuất phân bón phải thử nghiệm từng lô phân bón thành phẩm vào lúc nào?" against "Tổ
# chức, cá nhân sản xuất phân bón … d) Thử nghiệm đối với từng lô phân bón thành phẩm trước khi …").
LONG_ANCHOR = 5
_ITEM_FIELDS = {kind: ANSWER_FIELDS[_ITEM_KIND[kind]] for kind in ("who", "target", "when", WHAT)}


# What a time read in place opens with when it is the whole answer: a preposition of time, a time
# noun, a number ("trước khi …", "kể từ thời điểm …", "ngay", "đồng thời với …", "15 ngày").
_TIME_OPENS = re.compile(r"^(?:truoc|sau|ke tu|tu|khi|vao|ngay|thoi diem|thoi han|trong|den|cho den|toi|dong thoi|"
                         r"cung|cham nhat|hang|moi|dinh ky|lap tuc|tai|\d)")


def _cleanly_read(q: Question, item: dict, name: str, start_key: str) -> bool:
    """The answer read in place is a whole one: a name not cut from a list ("Cha, mẹ, | người thân
    thích khác"), a time that opens as one ("đối kháng với người thứ ba kể từ …" is the rest of
    a predicate)."""
    answer = item.get(name) or ""
    before = (item.get("quote") or "")[:max(0, item[start_key] - item["start"])].rstrip()
    if q.kind == "who":
        return not before.endswith(",")
    if q.kind == "when":
        return bool(_TIME_OPENS.match(folded_words(answer)))
    return True


def _sentence_item(q: Question, r, s: int, e: int, vs: int, ve: int, via: str) -> dict:
    """An item of the kind asked made of the sentence ``r.text[s:e]`` of a retrieved passage, its
    answer the words ``r.text[vs:ve]`` (read at question time: in place, typed, label, closest actor)."""
    name, start_key, end_key = _ITEM_FIELDS[q.kind]
    item = {"kind": _ITEM_KIND[q.kind], "doc_id": r.doc_id, "doc_title": r.doc_title, "start": r.start + s,
            "end": r.start + e, "quote": r.text[s:e], "section_path": list(r.section_path_parts or []),
            "via": via, name: r.text[vs:ve], start_key: r.start + vs, end_key: r.start + ve}
    if q.kind == "who":
        item.update(unit_normalized="", role="thực hiện", roles=["thực hiện"], task=r.text[s:e])
    return item


def _set_aside(considered: set[tuple[str, int, int]], r, s: int, e: int) -> bool:
    """An item of the sentence ``r.text[s:e]`` said the question and the readers set it aside."""
    return any(d == r.doc_id and a < r.start + e and r.start + s < b for d, a, b in considered)


def _sentence_matcher(service, q: Question, items: list[dict], doc_ids: set[str] | None) -> Matcher:
    """The support matcher for items read at question time, weighed among the stored ones of their
    kind."""
    docs = _documents(service)
    return Matcher(q, service.all_items(_ITEM_KIND[q.kind], doc_ids) + items, _doc_context(docs, _doc_heads(service)),
                   named_documents(q, docs), _full_headings(service, docs))


def _in_place_answer(service, question: str, q: Question, response, doc_ids: set[str] | None,
                     considered: set[tuple[str, int, int]] = frozenset()) -> dict | None:
    """The answer read where the question word stands in a retrieved sentence (insitu.py), asked
    when no extracted item answers: the people a plan supports, a share a law grants, the moment a
    decision takes effect. The sentence must pass the strict support gate and say every other word
    of the question itself or by its headings (``IN_PLACE_COVERAGE``), and two sentences read as
    equally close with different answers leave the question unanswered."""
    if q.kind == "general":
        q = replace(q, kind=asked_kind(q.text) or "general")  # "giữa những chủ thể nào", "những kỳ hạn nào"
    if q.kind not in _ITEM_FIELDS or not q.groups or (q.language == "en" and q.kind != "who"):
        return None
    if q.language == "en":  # "whose role …", "… for whom", "who is encouraged to V": the governing word
        slots = english_slots(q.text, lookup)
    else:
        slots = question_slots(q, q.kind)
    results = [r for r in response.results if doc_ids is None or r.doc_id in doc_ids][:IN_PLACE_DEPTH]
    if not slots or not results:
        return None
    name, start_key, end_key = _ITEM_FIELDS[q.kind]
    asked = {w for slot in slots for w in slot.asked}
    if q.kind == WHAT:  # the noun asked ("nguyên tắc nào") is the answer's kind, not a word it must say
        q = replace(q, groups=[g for g in q.groups if not set(g[0].split()) <= asked])
        if not q.groups:
            return None
    # the proper names the question writes (the plan's place: "Bình Lư", "Lai Châu"), which a
    # plan's sentence leaves to its title, as it leaves the document's kind
    names = {folded_words(m.group(0)) for m in _NAME_RUN.finditer(q.text)}
    # (but not the year that names a law: "Bộ luật Dân sự 2015", "Luật BVMT 2020", "Hiến pháp 2013")
    years = set(re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", _LAW_YEAR.sub(" ", q.text)))
    read = []
    for rank, r in enumerate(results):
        spans = sentence_spans(r.text)
        for i, (s, e) in enumerate(spans):
            found = [x for x in (align(slot, r.text, s, e, q.kind) for slot in slots) if x]
            if q.kind == "who":  # (a name cut inside a word, "Thẩm | phán": the slot's edge is no name's)
                found = [x for x in found if not cut_in_word(r.text, x.start, x.end)]
            if not found:
                continue
            x = max(found, key=lambda x: x.closeness)
            if _set_aside(considered, r, s, e):
                continue
            if i and points_back(r.text[s:e]):
                s = spans[i - 1][0]  # "Hết thời hạn này thì …": the sentence before says which
            if any(y not in f"{r.text[s:e]} {' '.join(r.section_path_parts or [])}" for y in years):
                continue  # "đến năm 2035" asked, "đến năm 2030" said
            read.append((x.closeness, rank, _sentence_item(q, r, s, e, x.start, x.end, "in_place")))
    if not read:
        return None
    matcher = _sentence_matcher(service, q, [it for _, _, it in read], doc_ids)
    # a law's own name says its matter: "phiên tòa hành chính" asked of the Luật Tố tụng hành chính
    law_titles = _law_titles(service)
    passed = []
    closest = None
    if any(rank == 0 for _, rank, _ in read):
        found = _closest_sentence(service, question, response, results[0])
        closest = found[0][found[1]] if found else None
    for closeness, rank, item in sorted(read, key=lambda x: (tuple(-c for c in x[0]), x[1])):
        if q.language == "en":
            # An English question says its words through the glossary, which misses some ("star
            # rating", "showrooms"): the sentence must be the search's first passage's and say
            # what the first passage's items must say (TOP_PASSAGE), next to the anchor's two words
            # — or, when the answer's own sentence (not the one a "points back" sentence is read
            # with) is the one the model finds closest to the question, what the typed reader's
            # must (TYPED_GATE): half the question's words, the model having chosen the sentence
            # the glossary reads too few of ("published inaccurately by another agency").
            model_s = _in_closest(closest, rank, results, item[start_key])
            with gated(TYPED_GATE if model_s else TOP_PASSAGE):
                sup = matcher.support(item, item["quote"])
                ok = sup.ok
            if rank == 0 and ok and closeness[1] >= MIN_ANCHOR and not other_level(q, item) \
                    and not _unasked_number(q, item["quote"]):
                passed.append((closeness, rank, item, sup))
            continue
        sup = matcher.support(item, item["quote"])
        # Every word of the question said by the sentence or its headings (but the noun "<noun>
        # nào" asks: "cơ quan trung ương nào" is answered by "Bộ Nội vụ"), as for a relation's
        # answer: this reading is the fallback, and a word left unsaid is the trap's qualifier
        # ("buôn bán" asked, "sản xuất" said). A word only the document says elsewhere ("cấp
        # tỉnh" asked, the law's grassroots drill said) is unsaid, even when the question names the
        # document (its kind aside: the "Luật" of "Luật Thanh niên khuyến khích ai …"). On the
        # held-back halves, in-place answers leaning on the document's words were 1 right of 4.
        unsaid = list(sup.missing) + [w for w in sup.matched.get("document", [])
                                      if w not in _DOC_KIND_WORDS and w not in names
                                      and f" {w} " not in law_titles.get(item["doc_id"], "")]
        if _rival_values(item, start_key, end_key) and sup.matched.get("section"):
            # two values of one sentence ("… trong thời hạn 30 ngày … thì … trong thời hạn 15
            # ngày"): which one is asked only the sentence's own words can tell, not its headings
            unsaid += sup.matched["section"]
        if closeness[1] < MIN_ANCHOR and (unsaid or sup.matched.get("section")):
            continue  # one word next to the answer: the sentence itself must say the rest
        if not (sup.ok and not other_level(q, item) and not _unasked_number(q, item["quote"])):
            continue
        unasked = [label for label in unsaid if not set(label.split()) <= asked]
        # (one word may be left unsaid by a long anchor's reading, or by a name's or a moment's in
        # the sentence of the first passage the model finds closest to the question: the model
        # vouches for it as for an English reading's; not for a value, which a sentence's rival
        # values and labels make ambiguous: "mười tám tuổi" read for "mười lăm tuổi", "ba gồm")
        if (sup.coverage >= IN_PLACE_COVERAGE and not unasked) or \
                ((closeness[1] >= LONG_ANCHOR and q.kind != WHAT or
                  q.kind in ("who", "when") and _in_closest(closest, rank, results, item[start_key]))
                 and len(set(unasked)) <= 1 and rank == 0 and _cleanly_read(q, item, name, start_key)):
            passed.append((closeness, rank, item, sup))
    if not passed:
        return None
    closeness, rank, item, sup = passed[0]
    if any(c == closeness and it[name] != item[name] for c, _, it, _ in passed[1:]):
        return None  # two sentences as close, two answers
    return _read_response(service, question, q, response, item, name, sup, "in_place")


def _in_closest(closest: tuple[int, int] | None, rank: int, results, at: int) -> bool:
    """``at`` (a document offset) lies in the sentence ``closest`` of the first passage."""
    return closest is not None and rank == 0 and results[0].start + closest[0] <= at < results[0].start + closest[1]


def _closest_sentence(service, question: str, response, top) -> tuple[list[tuple[int, int]], int, float] | None:
    """The sentence spans of the passage ``top``, the index of the one the model finds closest to
    the question, and its cosine (None without a semantic model or without a sentence). The typed
    reader reads there; the in-place reader gates an English reading there as the typed one."""
    if not getattr(service.embedder, "semantic", True) or not getattr(service.settings, "answer_semantic", True):
        return None
    spans = sentence_spans(top.text)
    if not spans:
        return None
    cos = Similarity(service.embedder, response.interpreted or question).cosines(
        [{"quote": top.text[s:e]} for s, e in spans])
    best = max(range(len(spans)), key=lambda i: cos[i])
    return spans, best, float(cos[best])


def _top_closest(service, question: str, response, doc_ids: set[str] | None):
    """(first passage, its sentence spans, the index of the one the model finds closest to the
    question, its cosine) among the passages of ``doc_ids``; None without a passage, a sentence or a
    semantic model. The typed and closest-actor readers read there."""
    results = [r for r in response.results if doc_ids is None or r.doc_id in doc_ids][:1]
    found = _closest_sentence(service, question, response, results[0]) if results else None
    return (results[0], *found) if found is not None else None


def _label_answer(service, question: str, q: Question, response, doc_ids: set[str] | None,
                  considered: set[tuple[str, int, int]] = frozenset()) -> dict | None:
    """The label of the numbered category a Vietnamese question asks ("… thuộc hàng thừa kế thứ
    mấy?" -> "Hàng thừa kế thứ ba", labels.py), read in a retrieved sentence that names the asked
    category with one label and says every other word of the question itself (or by its headings),
    strictly. Two sentences as supported with two labels leave it unanswered."""
    if q.language == "en" or q.kind not in ("target", "general"):
        return None
    folded_q = folded_words(q.vi_text or q.text)
    results = [r for r in response.results if doc_ids is None or r.doc_id in doc_ids][:IN_PLACE_DEPTH]
    if not results:
        return None
    read, asked = [], q
    for noun in label_nouns(folded_q):
        frame = label_frame(noun)
        q = replace(asked, kind="target", groups=[g for g in asked.groups if not set(g[0].split()) <= frame])
        if not q.groups:
            return None
        for rank, r in enumerate(results):
            for s, e in sentence_spans(r.text):
                spans = labels_in(r.text, s, e, noun)
                if len({folded_words(r.text[a:b]) for a, b in spans}) != 1 or _set_aside(considered, r, s, e):
                    continue
                if negated_member(folded_words(r.text[s:e]), folded_q):
                    continue  # "Vật liệu … không thuộc loài cây trồng chính là … nhóm 1": the other category
                read.append((rank, _sentence_item(q, r, s, e, spans[0][0], spans[0][1], "label")))
        if read:
            break
    if not read:
        return None
    matcher = _sentence_matcher(service, q, [it for _, it in read], doc_ids)
    name = _ITEM_FIELDS["target"][0]
    passed = []
    for rank, item in read:
        sup = matcher.support(item, item["quote"])
        if sup.ok and not sup.missing and sup.coverage >= IN_PLACE_COVERAGE and not other_level(q, item):
            passed.append((sup.coverage, rank, item, sup))
    if not passed:
        return None
    passed.sort(key=lambda x: (-x[0], x[1]))
    coverage, _, item, sup = passed[0]
    if any(c >= coverage - 1e-9 and folded_words(it[name]) != folded_words(item[name]) for c, _, it, _ in passed[1:]):
        return None
    return _read_response(service, question, q, response, item, name, sup, "label")


TYPED_GATE = Gate(0.5, 0.25, 0.15)  # the question's words the model's sentence must still say


def _typed_answer(service, question: str, q: Question, response, doc_ids: set[str] | None,
                  considered: set[tuple[str, int, int]] = frozenset(),
                  disputed: set[tuple[str, ...]] = frozenset()) -> dict | None:
    """The length of time an English question asks ("how many days …"), read in the sentence of
    the search's first passage the model finds closest to the question, when that sentence states
    exactly one number of the unit asked (typed.py) and says half the question's words. The value
    is read with its bound ("từ đủ 18 tuổi trở lên"); a measure the question spells out
    ("ki-lô-gam") is said by the symbol the sentence writes ("500 kg").
    ``disputed``: the values of the items the reading could not tell apart ("15 ngày" for the
    arbitrators' election, "07 ngày" for the centre's chairman after it): a third number read
    here is neither, and no answer (a moment, "từ thời điểm bắt đầu …", is another kind of value)."""
    if q.kind not in ("when", "target", "general") or not q.groups:
        return None
    asked = asked_unit(q.text, translate=lookup) if q.language == "en" else \
        asked_unit(q.text, folded_words(q.vi_text or q.text))
    if asked and asked[0] == MOMENT:
        q = replace(q, kind="when")  # "at what moment is an inheritance opened": a when, however classified
    elif q.kind == "general":
        return None
    closest = _top_closest(service, question, response, doc_ids) if asked else None
    if closest is None:
        return None
    top, spans, best, similarity = closest
    s, e = spans[best]
    # (a Vietnamese question's own words tell the event it states from the one it asks; an English
    # one's glossary senses are many, and say the asked event too: "a closed landfill" for "kể từ
    # ngày kết thúc việc đóng bãi chôn lấp")
    folded_q = "" if q.language == "en" else folded_words(q.text)
    found = unit_value(top.text[s:e], *asked, asked=folded_q)
    if _set_aside(considered, top, s, e) or found is None or \
            not read_as_asked(top.text[s:e], *found, folded_words(q.text)):
        return None
    # (a threshold asked is read whole: "Từ đủ 18 tuổi trở lên", not "Từ đủ 18 tuổi")
    found = (found[0], closed_end(top.text[s:e], found[1]))
    spelled = spelled_measure(folded_words(q.vi_text or q.text)) if q.language != "en" else ""
    if spelled:  # ("ki-lô-gam" asked, "kg" written: the value says the measure's words)
        q = replace(q, groups=[g for g in q.groups if g[0] not in spelled.split()])
    item = _sentence_item(q, top, s, e, s + found[0], s + found[1], "typed")
    if disputed and re.search(r"\d", top.text[s + found[0]:s + found[1]]) and _value_key(item) not in disputed:
        return None
    rivals = []
    if asked[0] == MOMENT:
        # A moment named by its event is in many sentences ("Sau khi thẩm định hồ sơ, cơ quan …"
        # beside "Trong thời hạn 15 ngày trước ngày kết thúc thời hạn tạm trú …, công dân phải …"):
        # the model's sentence must also say the question's words best of those that name one.
        for i, (s2, e2) in enumerate(spans):
            other = unit_value(top.text[s2:e2], *asked, asked=folded_q) if i != best else None
            if other is not None:
                rivals.append(_sentence_item(q, top, s2, e2, s2 + other[0], s2 + other[1], "typed"))
    matcher = _sentence_matcher(service, q, [item, *rivals], doc_ids)
    # (a Vietnamese question's words are the documents' own: what the sentence lacks is missing
    # indeed, and the first passage's gate applies, not the glossary's looser one)
    with gated(TYPED_GATE if q.language == "en" else TOP_PASSAGE):
        sup = matcher.support(item, item["quote"])
        ok = sup.ok
    if not ok or other_level(q, item) or _unasked_number(q, item["quote"]):
        return None
    if q.kind == "target" and q.language != "en" and _fit(q, _as_quantity(item, spelled)) is None:
        # the target readers' own checks: another year's number, an unsaid qualifier … (of the
        # question's own words: an English one's counted noun is the glossary's guess — "how many
        # times" counts "thời")
        return None
    if any(matcher.support(it, it["quote"]).coverage >= sup.coverage for it in rivals):
        return None
    out = _read_response(service, question, q, response, item, _ITEM_FIELDS[q.kind][0], sup, "typed")
    out["support"]["similarity"] = round(similarity, 4)
    return out


def _as_quantity(item: dict, spelled: str = "") -> dict:
    """A typed value as the quantity items of the passages are (passages.quantity_items): its
    measure the words after its number, its sentence its quote."""
    value = item.get("answer") or ""
    m = re.search(r"\d[\d.,]*\s*(\D*)$", value)  # (a range's last number: "từ 10 đến 20%" measures "%")
    measure = m.group(1) if m else value.split(" ", 1)[-1]
    # (``spelled``: the measure's words as the question spells them, "ki lô gam" for "kg")
    counts = (spelled or folded_words(measure)).split()
    return {**item, "measure": measure, "counts": counts, "sentence": item["quote"],
            "period": ""}


# How close (cosine, e5) the closest sentence must be to the question for the model to vouch, in
# the closest-actor reader, for what the sentence says in other words: the question's words (the
# looser ``CLOSEST`` gate, as for a value read there: "… giám sát các chính sách dành cho người
# trẻ?" for "… giám sát … chính sách, pháp luật về thanh niên"), and, closer still, the asked
# action itself when the sentence's one actor does it under another verb ("… việc đấu tranh bảo vệ
# an ninh mạng do bộ nào đứng ra triển khai …?" for "Bộ Công an chủ trì, phối hợp … thực hiện đấu
# tranh bảo vệ an ninh mạng"). Chosen on the tuning halves' unanswered who-questions.
SAYS_THE_QUESTION = 0.88
SAYS_THE_ACTION = 0.9


# Roles the sentence's subject plays when its predicate says the role's own words ("Bộ Nội vụ chủ
# trì, phối hợp với … quy định …" for "Cơ quan nào chủ trì quy định …"; not "Chính phủ quy định …":
# no one is said to lead there); not a partner's ("phối hợp": the subject leads, its partners follow
# "với"), nor a speaker's or an attendee's (no action).
_DOER_ROLES = frozenset({"chủ trì", "tham mưu", "kiểm tra/giám sát", "xây dựng", "hướng dẫn", "thực hiện"})


def _plays_role(role: str | None, predicate: str) -> bool:
    """No role asked, or the predicate says one of its Vietnamese cues (question.ROLE_CUES)."""
    if not role:
        return True
    said = f" {folded_words(predicate)} "
    return any(r == role and f" {cue.strip()} " in said for cue, r in ROLE_CUES)


def _closest_actor_answer(service, question: str, q: Question, response, doc_ids: set[str] | None) -> dict | None:
    """The body a who-question asks, read in the sentence of the search's first passage
    the model finds closest to the question, when that sentence names exactly one actor (actors.py:
    the subject that opens it or a clause, a passive's agent, the agent of the asked action's
    passive or nominal form whatever case its name opens with, ``asked_agents``) that does the asked
    action (or, in a sentence closer still, ``SAYS_THE_ACTION``, another), whose name the question
    does not write, and the sentence says what the first passage's items must (``TOP_PASSAGE``; the
    looser ``CLOSEST`` in a sentence very close to the question, ``SAYS_THE_QUESTION``). The actor
    reader (``actor_answer``) asks every word of the question said by the sentence or its headings
    and weighs the retrieved sentences' actors against each other; a question in other words than
    the law's says fewer, and the model, which chose the sentence, vouches for the rest as it does
    for a typed value.

    Only a question whose who-word is the doer ("Ai giữ quyền …", "… do cơ quan nào thẩm định",
    "Who lays down …"), not the recipient it ends with ("… phải gửi cho cơ quan nào?", "To which
    body …"), nor a position ("Ai là báo cáo viên", "Ai làm Chủ tịch Hội đồng …": no action); a
    role only when the subject plays it in words (``_DOER_ROLES``, ``_plays_role``); an English one
    by the verb after its who-word only (``_asked_action``)."""
    if q.kind != "who" or not q.groups or (q.role and q.role not in _DOER_ROLES):
        return None
    asked_action = _asked_action(question, q)
    if asked_action is None:
        return None
    asked, open_words, folded_q = asked_action
    closest = _top_closest(service, question, response, doc_ids) if asked else None
    if closest is None:
        return None
    top, spans, best, similarity = closest
    s, e = spans[best]
    # (a sentence whose stored unit the item readers set aside is read all the same: they set a
    # who-unit aside for a word of the question its sentence does not say, a rival as good —
    # "b) Lực lượng … thuộc Bộ Quốc phòng đánh giá, chứng nhận …" beside a) and c) of the same
    # list, each another system's —, another role, an act submitted to another, an adviser
    # (who.weak_who); the model, which chose this sentence, vouches for the words, and this
    # reader's own checks stand: the asked action or role said, the support gate, the level, an
    # unasked number. Keeping aside all but the rivals' ties (margin, tie) answered none of the 19
    # tuning who-questions it now answers.)
    # (units doing an asked action, and the others, which the model alone may vouch for)
    units, unasked = {}, {}
    for us, ue, verb in actors(top.text, s, e, open_words) + asked_agents(top.text, s, e, asked):
        unit = top.text[us:ue].strip()
        us += len(top.text[us:ue]) - len(top.text[us:ue].lstrip())
        if not unit or is_generic_unit(unit) or cut_in_word(top.text, us, us + len(unit)):
            continue
        # (an English question's own verb may be a light one: "which bodies organise …" asks
        # "tổ chức", said by no translated who-word)
        does = asks_action(asked, subject_act(top.text, s, us, _predicate(top.text, verb, e, open_words)[0])) or \
            (q.language == "en" and does_english_action(asked, {"task": top.text[verb:e]}))
        if not _plays_role(q.role, top.text[verb:e]):
            continue
        item = _sentence_item(q, top, s, e, us, us + len(unit), "closest_actor")
        # (nor a name cut short, "Tòa án đã", nor a unit the question names, in full or by its head:
        # "Cơ quan nào tham mưu Thủ tướng ban hành …" is not answered by "Thủ tướng Chính phủ")
        if truncated_unit(item) or said_by_question(q, item) or \
                f" {' '.join(folded_words(unit).split()[:2])} " in folded_q:
            continue
        (units if does else unasked).setdefault(_unit_key(item), item)
    vouched = not units and similarity >= SAYS_THE_ACTION
    if vouched:
        units = unasked
    if len(units) != 1:
        return None
    item = next(iter(units.values()))
    # (one support, read under each gate: ``Support.ok`` reads the gate it is asked under)
    sup = _sentence_matcher(service, q, [item], doc_ids).support(item, item["quote"])
    with gated(TOP_PASSAGE):
        ok = sup.ok
    if not ok and similarity >= SAYS_THE_QUESTION:
        with gated(CLOSEST):
            ok = vouched = sup.ok
    if not ok or other_level(q, item) or _unasked_number(q, item["quote"]):
        return None
    out = _read_response(service, question, q, response, item, _ITEM_FIELDS[q.kind][0], sup, "closest_actor")
    out["support"]["similarity"] = round(similarity, 4)
    if vouched:  # (the model vouched for what the words do not say: shown as a partial reading)
        out["support"]["gate"] = "closest"
    return out


def _asked_action(question: str, q: Question) -> tuple[list[str], tuple[str, ...], str] | None:
    """(asked verbs, open words, the question's folded words but its who-word) of a who-question
    whose who-word is the doer, for ``_closest_actor_answer``; None for any other. Vietnamese: the
    verbs after (or before) its who-word, the question not ending with it (but for a cleft, whose
    doer is a noun before "là": "… người có quyền quyết định … là ai?", ``actors.cleft_verbs``;
    "Ai là người công bố …" is read by ``asked_verbs``). English: the senses of
    the verb right after "who"/"which body" (``english_asked_verbs`` — not the glossary words of
    the whole question, which do not tell the doer's action from the rest: "Who agrees on the
    decision to …"), and the translation of the question without its who-phrase and that verb
    ("Which organisations …" names no "Tổ chức thanh niên"); a question that opens otherwise ("To which
    body must … be sent?", a recipient) has none."""
    if q.language == "en":
        who = _EN_WHO.search(question)
        asked = english_asked_verbs(question)
        # ("Who is required to return …": the action is the verb after the duty, english_asked_verbs)
        if who is None or not asked:
            return None
        # (nor the asked verb's senses: "Which bodies organise …" names no "Tổ chức …")
        rest = f"{question[:who.start()]} {question[who.end():]}"
        said = " ".join(folded_words(v) for _, senses in translate_groups(rest) for v in senses)
        return asked, (), f" {said} "
    vi = q.vi_text or q.text
    who = _WHO_WORD.search(vi)
    if who is not None and not re.search(r"\w", vi[who.end():]):
        asked = cleft_verbs(vi, who.start())  # ("người có quyền quyết định … là ai?")
        return (asked, (), f" {folded_words(vi[:who.start()])} ") if asked else None
    if who is None:
        return None
    opened = open_asked_word(vi)
    # (the question's words but its who-word: "Cơ quan nào …" names no "Cơ quan quản lý …")
    return asked_verbs(vi), (opened,) if opened else (), f" {folded_words(vi[:who.start()] + ' ' + vi[who.end():])} "


def _read_response(service, question: str, q: Question, response, item: dict, name: str, sup: Support,
                   read: str) -> dict:
    """The answer of an item read at question time (in place, typed, label, closest actor): its
    words, why, its citation."""
    support = _support_dict(sup, item)
    support["read"] = read
    return {"question": question, "kind": "general" if q.kind == WHAT else q.kind,
            "role": q.role if q.kind == "who" else None,
            "interpreted": _shown_interpretation(response, question),
            "answer": _clip(item[name]), "message": None, "support": support, "items": [item],
            "citations": [citation(item, _texts(service).get(item["doc_id"]))]}


_DOC_KIND_WORDS = frozenset({"luat", "bo luat", "hien phap", "nghi quyet", "ke hoach", "ket luan", "chi thi",
                             "quyet dinh", "nghi dinh", "thong tu", "van ban"})
_VALUE = re.compile(r"(?<![\w/.,])\d+(?:[.,]\d+)*(?![\w/])")


def _rival_values(item: dict, start_key: str, end_key: str) -> bool:
    """The item's sentence states another number than the one read (outside the answer's span)."""
    s, e = item[start_key] - item["start"], item[end_key] - item["start"]
    quote = item["quote"]
    return any(not (s <= m.start() < e) for m in _VALUE.finditer(quote)) and bool(_VALUE.search(quote[s:e]))


_DOC_NUMBER = re.compile(r"(?<!\w)(?:số\s+)?(\d+/\d{4}/[\w-]+|\d+-[A-ZĐ]+/[A-ZĐ]+)", re.IGNORECASE)


def _unasked_number(q: Question, sentence: str) -> bool:
    """The sentence names a document by a number the question does not ("Luật Điện ảnh số
    62/2006/QH11 hết hiệu lực …" for "Luật Điện ảnh hết hiệu lực khi nào?"): another document's.
    A sentence that also names the document asked is that document's own ("… nêu trong Nghị quyết
    số 06-NQ/TU …, Kế hoạch số 131-KH/UBND …" for a question on NQ 06-NQ/TU)."""
    asked = f"{q.text} {q.vi_text}"
    numbers = [m.group(1) for m in _DOC_NUMBER.finditer(sentence)]
    refs = set(doc_refs(f" {folded_words(asked)} "))  # "NQ 06", "Nghị quyết 06"
    return bool(numbers) and not any(n in asked or re.match(r"0*(\d+)", n).group(1) in refs for n in numbers)
