"""Extractive answers you can trust: support before answer.

1. The question is read once (``question.analyze``) from the search's own analysis of it — the
   diacritics restored, the English glossary translation — so search and answer see the same
   Vietnamese words: its kind (who / target / when / tasks), the role a who-question asks for, its
   subject's words, the period and measure a target-question asks for, the documents it names.
2. Candidates are the extracted items of the asked kind (responsibilities, targets, deadlines) in
   every document (or the filtered ones), and for some questions values read from the passages
   (candidates.py). An item can answer only when it *supports* the question
   (``support.Matcher``): the subject's words are in the item (its task, subject or clause,
   own_text.py; its headings and document title count a little less), and the kind fits (fit.py)
   — who: a unit in the asked role (``roles.role_fit``, fit_who.py); target: a quantity of the asked
   measure and period (fit_target.py, bounds.py); when: a deadline (fit_when.py). Supported items
   are scored (scoring.py, owners.py) and filtered by kind (target_filters.py, when_vetoes.py).
3. A question that names its documents ("Nghị quyết 08", "Luật Du lịch") is answered from them
   only (named.py). Among supported items, retrieval rank, role and fit decide; two different
   answers too close in score are none (contested.py, margins.py).
   Who-questions not tied to one document group the supporting responsibilities by unit across
   documents ("Ban Tuyên giáo Tỉnh ủy — chủ trì (3 văn bản)", a citation per document; who.py).
   Some who-questions are answered by words no task holds, read from the passages and documents
   (passages.py): who makes up a body ("X gồm …", role "thành phần"), who attends a meeting
   ("Thành phần: …"), who signed a document (its signature block, role "ký"), who issued a plan
   (its opening sentence), where a plan is reported (its "Nơi nhận" entries marked "(báo cáo)",
   relation_answer.py); others by the actors of the retrieved sentences (actor_answer.py).
4. "How many tasks / targets does the plan list?" is counted in the plan's outline first
   (counts.py, count_answer.py). When no item answers, the answer is read where the question word
   stands in a retrieved sentence (insitu.py), then, for an English "how many days / times …", in
   the sentence the model finds closest (typed.py), the label of a numbered category (labels.py),
   and for a Vietnamese who-question the one actor of that closest sentence doing the asked action
   (actors.py; the four readers in sentence_answer.py).
5. Nothing supports an answer -> ``answer`` is None, ``message`` says so, and the citations are the
   closest passages of the search.

Every answer is words of a document (a unit name, a value with its measure, a deadline; a count is
the number of the last item the plan numbers) and every citation is a verbatim span. Nothing is
generated.

The modules, from the entry point down (each imports only those below it): ``ask`` (here); one
reading against the items, ``_ask_once`` (item_answer.py); the readers (count_answer.py,
sentence_answer.py, relation_answer.py, actor_answer.py); the extra candidates (candidates.py);
close answers and the who-answer (contested.py, who.py); the filters after scoring
(when_vetoes.py, target_filters.py); the scores (scoring.py, owners.py); the fit and the vetoes
(fit.py, fit_who.py, own_text.py, fit_when.py, fit_target.py, bounds.py); the margins, the answer
as shown and the documents named (margins.py, wording.py, named.py); the indexed texts, read once
per index version (texts.py).
"""

from __future__ import annotations

import re

from .actors import asks_decider, decides
from .citations import answer_span, citation
from .count_answer import _count_answer
from .item_answer import _ask_once
from .named import _unnamed_occasions, _unsaid_names, cites_none, outside_refs
from .question import analyze
from .sentence_answer import _closest_actor_answer, _closest_sentence, _in_place_answer, _label_answer, _typed_answer
from .support import CLOSEST, TOP_PASSAGE, gated
from .texts import _documents, _folded_texts, _untoned_texts, _written
from .wording import NOT_FOUND_VI

# (imported from here by the service, the API, the benches and the tests)
from .classify import QUESTION_KINDS, classify, content_terms, role_words  # noqa: F401
from .bounds import opposite_bound, unstated_bound  # noqa: F401
from .contested import contested  # noqa: F401
from .fit import other_article, other_level, other_provision  # noqa: F401
from .fit_target import horizon_only, other_place, whole_of_part, years_of  # noqa: F401
from .fit_when import defines_duration  # noqa: F401
from .fit_who import said_by_question  # noqa: F401
from .named import named_documents  # noqa: F401
from .own_text import deadline_clause, read_measure  # noqa: F401
from .scoring import score_items  # noqa: F401
from .target_filters import cases_yield, english_without_counted, parts_yield  # noqa: F401
from .target_filters import rate_for_level, said_whole  # noqa: F401
from .who import weak_who  # noqa: F401


def ask(service, question: str, k: int = 10, response=None, doc_ids: set[str] | None = None) -> dict:
    """{"question", "kind", "role", "answer", "support", "items", "citations", "interpreted"}.

    ``response``: the ``SearchResponse`` of this same question when the caller already searched (the
    search page), so the search (and its translation) is not run twice; its first ``k`` results are
    used. ``doc_ids``: only answer from these documents (a filtered search).

    Two witnesses: the item must say the question's words (``support.STRICT``), or, when none does,
    a little fewer of them (``support.TOP_PASSAGE``) provided it lies in the passage the search —
    which reads the question with the model as well as by its words — ranks first. A paraphrased
    question ("How many days before temporary residence expires …") says only part of its words in
    the document's, and the search then vouches for the rest.

    Last, a Vietnamese question is left unanswered when it writes a name its answer's document never
    writes (``_unsaid_names``; the document the answer is read from, or any of those a unit's
    responsibilities are grouped from: "… (2 văn bản)"). English names are not the documents' words,
    but for an occasion's ("the National Tourism Year": ``_unnamed_occasions``).
    A who-question too when it cites a document none of the indexed ones is ("theo Quyết định
    238-QĐ/TW") and no item of the answer cites it (``named.outside_refs``: another task's unit), or
    asks who decides and no item of the answer says the decision (``actors.decides``: a body that
    notifies or is only named in the article)."""
    if response is None:
        response = service.search(question, k=k, highlights=False)  # (an answer shows no highlights)
    asked = _analysis(service, question, response)
    out = _ask(service, question, k, response, doc_ids, asked)
    if not (out["answer"] and out["items"]):
        return out

    def unanswered(**fields) -> dict:
        return _withdrawn(out, response, k, **fields)

    grouped = bool(_GROUPED.search(out["answer"]))
    docs = {it["doc_id"] for it in out["items"]} if grouped else {out["items"][0]["doc_id"]}
    written = _untoned_texts(service)
    if response.language != "en":
        texts = _folded_texts(service)
        unsaid = [set(_unsaid_names(question, texts.get(d, ""), written.get(d))) for d in docs]
    else:  # (an occasion it names, "the National Tourism Year", that the answer's document never names)
        unsaid = [set(_unnamed_occasions(question, written.get(d, ""))) for d in docs]
    if unsaid and set.intersection(*unsaid):
        return unanswered(role=asked().role if out["kind"] == "who" else None)
    if out["kind"] == "who" and _who_vetoed(service, q := asked(), out):
        return unanswered(role=q.role)
    return out


def _who_vetoed(service, q, out: dict) -> bool:
    """A who-answer whose items cite none of the outside documents the question cites, or that
    do not say the decision a "who decides" question asks (see ``ask``)."""
    if not (out["answer"] and out["items"]):
        return False
    outside = outside_refs(q, _documents(service))
    # (the item the answer is read from; a grouped answer's first item of each document: "… (2 văn bản)")
    grouped = bool(_GROUPED.search(out["answer"]))
    read = list({it["doc_id"]: it for it in reversed(out["items"])}.values()) if grouped else out["items"][:1]
    return bool(outside and all(cites_none(outside, it) for it in read)) or (
        asks_decider(q) and not any(decides(q, it) for it in read))


def _withdrawn(out: dict, response, k: int, **fields) -> dict:
    """``out`` with its answer withdrawn: the closest passages are cited instead; ``fields`` set
    what the withdrawn item had set (the role asked, not the item's)."""
    return {**out, "answer": None, "message": NOT_FOUND_VI, "support": None, "items": [],
            "citations": [citation(r.to_dict()) for r in response.results[:min(k, 3)]], **fields}


_GROUPED = re.compile(r"\(\d+ văn bản\)$")  # a unit's responsibilities across documents (_who_answer)


def _analysis(service, question: str, response):
    """The question's analysis, made once per request when first asked for (``ask`` and ``_ask``
    both read it; most answers never need it)."""
    made: list = []

    def asked():
        if not made:
            made.append(analyze(question, response.interpreted, response.translated, response.language,
                                written=_written(service)))
        return made[0]
    return asked


def _ask(service, question: str, k: int, response, doc_ids: set[str] | None, asked) -> dict:
    """``ask`` without its check of the question's names (``response`` required; ``asked``: the
    question's analysis, ``_analysis``)."""
    counted = _count_answer(service, question, response, doc_ids)
    if counted is not None:
        return counted
    out = _ask_once(service, question, k, response, doc_ids)
    considered, disputed = out.pop("_considered"), out.pop("_disputed")
    top = response.results[0] if response.results else None
    # A who-answer the checks of ``ask`` would withdraw (a body that does not say the decision
    # asked, another document's task) leaves the question to the readers after it: the sentence
    # that says the decision may hold no extracted item ("Trường hợp người làm chứng vắng mặt thì
    # Hội đồng xét xử quyết định hoãn phiên tòa …"), which only the in-place reader reads.
    def vetoed(o: dict) -> bool:
        return o["kind"] == "who" and bool(o["answer"] and o["items"]) and _who_vetoed(service, asked(), o)

    if vetoed(out):
        out = _withdrawn(out, response, k, role=asked().role)
    if out["answer"] is None and top is not None and out["kind"] in ("who", "target", "when"):
        with gated(TOP_PASSAGE):
            relaxed = _ask_once(service, question, k, response, doc_ids)
        considered |= relaxed.pop("_considered")
        disputed |= relaxed.pop("_disputed")
        first = relaxed["items"][0] if relaxed["items"] else None
        if relaxed["answer"] and first and first["doc_id"] == top.doc_id and top.start <= first["start"] < top.end \
                and not vetoed(relaxed):
            if relaxed["support"] is not None:
                relaxed["support"]["gate"] = "top_passage"
            return relaxed
    # Last, the answer read where the question word stands (insitu.py), but never from a sentence
    # whose item said the question and was set aside by the readers (a rival value of its
    # sentence, another level, a report sent elsewhere): a trap the reading would fall into (the
    # closest-actor reader excepted: see there). Nor,
    # by the model's closest sentence (typed.py), a third number where the reading found two it
    # could not tell apart (``disputed``: their values).
    if out["answer"] is None and top is not None and getattr(service.settings, "answer_in_place", True):
        q = asked()
        return _in_place_answer(service, question, q, response, doc_ids, considered) or \
            _typed_answer(service, question, q, response, doc_ids, considered, disputed) or \
            _label_answer(service, question, q, response, doc_ids, considered) or \
            _closest_actor_answer(service, question, q, response, doc_ids) or \
            (out["kind"] in ("when", "target") and _closest_item_answer(service, question, k, response, doc_ids)) or out
    return out


CLOSEST_DEPTH = 3  # passages, the search's first ones, whose closest sentence a when/target may be read in


def _closest_item_answer(service, question: str, k: int, response, doc_ids: set[str] | None) -> dict | None:
    """A when or target answer whose first item stands in the sentence of the search's first passage
    the model finds closest to the question, passed by the looser ``CLOSEST`` gate (support.py):
    the model, which chose the sentence, is the second witness for the words the question says
    otherwise. None without a semantic model, for any other kind, or when the item stands elsewhere.
    Failing that, the same in the one sentence of the next passages (to ``CLOSEST_DEPTH``) the model
    finds closest, when closer than the first passage's (only that one: no item there, no answer):
    the search ranks the gold passage second or third for 12% of the tuning halves' answerable
    questions (tuning nulls: +9 right, +1 unanswerable answered; reading the further passages first
    instead lost answers on the held-back halves).
    (A veto of the words its document never says — "điện mặt trời" of a plan that has only the
    national grid — cost 22 right answers of the tuning halves for 1 unanswerable one: not kept.)"""
    passages = [r for r in response.results if doc_ids is None or r.doc_id in doc_ids][:CLOSEST_DEPTH]
    closest = _closest_sentence(service, question, response, passages[0]) if passages else None
    if closest is None:
        return None
    with gated(CLOSEST):
        out = _ask_once(service, question, k, response, doc_ids)
    out.pop("_considered"), out.pop("_disputed")
    if not out["answer"] or out["kind"] not in ("when", "target") or not out["items"]:
        return None
    first = out["items"][0]
    if not _stands_in(first, passages[0], closest):
        # (the one closest sentence of the further passages; the first of equals)
        further = [(r, found) for r in passages[1:]
                   if (found := _closest_sentence(service, question, response, r)) is not None]
        witness = max(further, key=lambda t: t[1][2], default=None)
        if witness is None or witness[1][2] <= closest[2] or not _stands_in(first, *witness):
            return None
    if out["support"] is not None:
        out["support"]["gate"] = "closest"
    return out


def _stands_in(item: dict, passage, closest: tuple[list[tuple[int, int]], int, float]) -> bool:
    """Whether ``item`` stands in the sentence ``closest`` (spans, index, cosine) of ``passage``."""
    if item["doc_id"] != passage.doc_id:
        return False
    spans, best, _ = closest
    s, e = spans[best]
    # (the answer's own words: a quantity read from a passage knows no offset of its value)
    at = (answer_span(item) or (None, None))[0]
    at = item["start"] if at is None else at
    return passage.start + s <= at < passage.start + e


__all__ = ["NOT_FOUND_VI", "QUESTION_KINDS", "analyze", "ask", "classify", "content_terms", "role_words"]
