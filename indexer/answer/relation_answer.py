"""Answers about a relation's object ("phối hợp với ai", "gửi báo cáo lên cơ quan nào"): the unit
written after the relation word (relations.py), or the body a plan's distribution list marks."""

from __future__ import annotations

import re
from dataclasses import replace

from indexer.text import folded_words

from .fit_who import said_by_question
from .margins import CONTESTED_MARGIN
from .named import _doc_context
from .own_text import _own_text
from .passages import recipient_items
from .question import Question
from .relations import relation_objects, sentence_of
from .roles import is_of_class, item_role
from .scoring import _same_sentence, score_items
from .semantic import Similarity
from .support import Matcher
from .texts import _doc_heads, _doc_texts
from .wording import MAX_ITEMS, _clip, _support_dict


def _relation_answer(q: Question, items: list[dict], results: list, docs: list[dict], named: set[str],
                     heads: dict[str, str], similarity: Similarity | None = None, headings=None):
    """(answer, role, support, chosen items) for a question about a relation's object (see
    relations.py): any responsibility that supports the subject, in whatever role its actor holds
    (the actor the question names ranks first), answers with the unit written after the relation
    word in its sentence that says most of the question. Two different objects close in score are
    a coin toss: no answer."""
    from dataclasses import replace

    q = _without_relation_words(q)
    scored = score_items(replace(q, kind="tasks", role=None), items, results, docs, named, heads, similarity,
                         headings)
    if not scored:
        return None, None, None, []
    matcher = Matcher(q, [it for _, it, _ in scored], {})
    cands = []
    for score, item, sup in scored[:30]:
        quote = item.get("quote") or ""
        # (of the kind of body asked: "… với Bộ nào" is not answered by "Sở Tư pháp")
        objects = [(s, e) for s, e in relation_objects(quote, q.relation)
                   if not said_by_question(q, {"unit_normalized": quote[s:e]})
                   and is_of_class({"unit": quote[s:e]}, q.unit_class)]
        if not objects:
            continue
        s, e = max(objects, key=lambda o: matcher.share(quote[slice(*sentence_of(quote, o[0]))]))
        if q.relation == "partner" and said_by_question(q, item):
            score += 0.5  # "Ban cán sự đảng … phối hợp với ai": that actor's partners
        # (a name ends before the conjunction that joins the next clause: "với Bộ Nông nghiệp và Phát
        # triển nông thôn | hoặc báo cáo đột xuất theo yêu cầu")
        cands.append((score, item, sup, re.sub(r"(?:[\s,]+(?:hoặc|và|cùng))+\s*$", "", quote[s:e])))
    if not cands:
        return None, None, None, []
    cands.sort(key=lambda c: -c[0])
    top_score, top, sup, obj = cands[0]
    rivals = [c for c in cands[1:] if folded_words(c[3]) != folded_words(obj)]
    if rivals and top_score - rivals[0][0] < CONTESTED_MARGIN:
        return None, None, None, []
    if q.language != "en" and sup.unsaid(q):
        return None, None, None, []  # a unit is named on every word of a Vietnamese question (weak_who)
    # the answer's own item first when the extractor has it (a listed partner of the same sentence)
    own = next((it for _, it, _ in scored if _same_sentence(it, top) and it.get("unit")
                and it["unit"] in obj and item_role(it) == "phối hợp"), None) if q.relation == "partner" else None
    chosen = ([own] if own else []) + [top] + [c[1] for c in cands[1:] if c[1]["start"] != top["start"]]
    chosen = chosen[:MAX_ITEMS]
    return (_clip(obj), "phối hợp" if q.relation == "partner" else None, _support_dict(sup, top), chosen)


# Words of a recipient question that say the relation, not what is sent: "gửi báo cáo lên …".
_RELATION_WORDS = frozenset("gui len ve cho toi den nop trinh bao cao report reported reports send sent "
                            "submit submitted".split())
# The relation's own words (``q.relation``): what the answering sentence says by its marker
# (relations._MARKER), in whatever words — "thông qua" asked, "(qua Ban xây dựng Đảng tổng hợp)"
# written; "submit … to which body" asked, "Báo cáo … với Sở Tư pháp" written.
_OWN_RELATION_WORDS = {"via": frozenset("thong qua qua through via".split()),
                       "recipient": frozenset("gui len ve nop trinh submit submits submitted send sends sent "
                                              "submitting sending".split()),
                       "assignee": frozenset("giao phan cong uy quyen cho".split()),
                       "addressee": frozenset("yeu cau de nghi ask asks asked request requests requested".split()),
                       # ("làm việc cùng những cơ quan nào": the text says "phối hợp với")
                       "partner": frozenset("phoi hop lam viec hop tac ket hop cung voi coordinate coordinates "
                                            "coordinating coordinated cooperate cooperates cooperating cooperated "
                                            "collaborate collaborates collaborating collaborated liaise liaises "
                                            "liaising liaised work works working worked".split())}


def _without_relation_words(q: Question) -> Question:
    """The question without the groups that only say its relation (``_OWN_RELATION_WORDS``): the
    relation is checked by the marker the object is read after, not by the question's verb."""
    own = _OWN_RELATION_WORDS.get(q.relation or "")
    if not own:
        return q
    groups = [(label, alts) for label, alts in q.groups if not set(label.split()) <= own]
    return replace(q, groups=groups) if groups else q


def _reported_to_answer(q: Question, service, docs: list[dict], named: set[str]):
    """(answer, role, support, chosen items) for "<plan> gửi báo cáo lên cơ quan nào?" when no
    sentence of it says so: the entries of the named plan's distribution list marked "(b/c)" /
    "(báo cáo)" (passages.recipient_items). The question's other words must all be the plan's own
    (its title, issuer, places), and one body only is marked."""
    from dataclasses import replace

    heads = _doc_heads(service)
    items = recipient_items([(doc_id, title, text, heads.get(doc_id, ""))
                             for doc_id, title, text in _doc_texts(service, [d for d in docs if d["id"] in named])
                             if text])
    groups = [(label, alts) for label, alts in q.groups if not set(label.split()) <= _RELATION_WORDS]
    if not items or not groups:
        return None, None, None, []
    q2 = replace(q, groups=groups, kind="tasks", role=None)
    matcher = Matcher(q2, items, _doc_context(docs, heads))
    supported = [(it, sup) for it in items for sup in [matcher.support(it, _own_text(q2, it))]
                 if sup.ok and not sup.missing]
    units = {folded_words(it["unit"]) for it, _ in supported}
    if len(units) != 1:
        return None, None, None, []
    item, sup = supported[0]
    return item["unit"], "báo cáo", _support_dict(sup, item), [it for it, _ in supported][:MAX_ITEMS]
