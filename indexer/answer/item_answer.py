"""One reading of the question against the items of its kind (``_ask_once``), by the support gate
in force (``support.gated``): the candidates, their scores, the reader of each kind and the vetoes
of the best answer."""

from __future__ import annotations

from dataclasses import replace

from indexer.text import folded_words

from .actor_answer import _VERB_ROLES, _actor_answer, _definition_answer, _role_words_elsewhere
from .candidates import _passage_items, _signed_plan_by_number, _signer_items, _signs_another
from .citations import citation
from .contested import _named_condition_first, _own_sentence_first, contested
from .fit_target import asks_share
from .fit_when import _asks_cited_date, _asks_frequency, _asks_titled_span
from .issuers import asks_issuer, issuer_answer
from .named import named_documents
from .passages import (asked_members, attendee_items, base_multiple_items, composition_items, is_cycle_question, is_duration_question,
                       percent_items, preamble_items, quantity_items, with_lead_ins, with_meetings)
from .question import analyze
from .relation_answer import _relation_answer, _reported_to_answer
from .relations import asks_assignee, led_items, relation_passage_items
from .roles import item_role, later_partner_items
from .scoring import _rank_of, _value_key, score_items
from .semantic import SEMANTIC_DEPTH, Similarity
from .support import Support
from .target_filters import _rate_item, cases_yield, counts_agree, english_without_counted, parts_yield, said_whole
from .texts import _doc_heads, _documents, _doc_texts, _full_headings, _texts, _written
from .when_vetoes import (_BARE_RECURRENCE, _MOMENT_Q, _asks_start, _echoes_dropped, _other_body, _other_destination,
                          _other_ministry, _other_time_unit, _special_procedure, _title_synonym_only,
                          _working_days_only, other_kind_named, unasked_case, unasked_extension, unasked_redo)
from .who import _who_answer, weak_who
from .wording import _ITEM_KIND, MAX_ITEMS, NOT_FOUND_VI, _clip, _shown_interpretation, _support_dict, _target_answer


def _ask_once(service, question: str, k: int, response, doc_ids: set[str] | None) -> dict:
    """One reading of the question against the items, by the support gate in force (``gated``)."""
    interpreted = response.interpreted or question
    results = response.results[:k]
    q = analyze(question, response.interpreted, response.translated, response.language,
                written=_written(service))
    answer, role, support, best = None, None, None, []
    scored, disputed = [], False
    item_kind = _ITEM_KIND.get(q.kind)
    if item_kind and (q.groups or _asks_cited_date(q) or _asks_titled_span(q) or _signed_plan_by_number(q) or
                      (q.kind == "who" and asks_issuer(question))):
        docs = _documents(service)
        if doc_ids is not None:
            docs = [d for d in docs if d["id"] in doc_ids]
        items = service.all_items(item_kind, doc_ids)
        named = named_documents(q, docs)
        # (who and when only: a target's number is told from its sibling's by its own sentence,
        # and the longer headings both share let a stored sibling pass where the passage's
        # quantity reading answered — fresh3 odd lost two target answers)
        headings = _full_headings(service, docs) if q.kind in ("who", "when") else None
        issued = None
        if q.kind == "who" and not q.relation and q.role != "ký":
            # "Which body issued Resolution 92-NQ/TU …?": the issuer every citation of it names
            # (not "Ai ký ban hành Nghị quyết 06-NQ/TU?": who signed is a person, not the body)
            issued, found = issuer_answer(question, _doc_texts(service, docs))
            if issued:
                # the citations the search ranks first (the passage it retrieved for the question)
                found = sorted(found, key=lambda it: (r if (r := _rank_of(it, results)) is not None else len(results)))
                answer, best = _clip(issued), found[:MAX_ITEMS]
                support = _support_dict(Support(1.0, 1.0), best[0])
                items = []
        if issued:
            pass
        elif q.kind == "when":
            items = items + _passage_items(service, q, results, docs)
        elif q.kind == "who" and q.role == "xây dựng":
            items = items + preamble_items(results)
        elif q.kind == "who" and q.role == "phối hợp":
            items = items + later_partner_items(items)
        elif q.kind == "who" and q.role in ("tham dự", "thành phần"):
            items = items + asked_members(q, attendee_items(results)) + composition_items(results)
        elif q.kind == "who" and q.role == "ký":
            # "Ai ký chứng thực Hiến pháp, luật …": a law that says who signs what answers before the
            # documents' own signatures, which say only who signed each document
            answer, role, support, best = _actor_answer(replace(q, role=None), results, docs, [], named,
                                                        _doc_heads(service), None, headings)
            items = [] if answer else [it for it in _signer_items(service, docs)
                                       if not _signs_another(q, it, docs)]
        if not issued and q.kind == "who" and q.role in (None, "thực hiện", "xây dựng", "quyết định"):
            items = items + led_items(items)  # ("X lãnh đạo Y ban hành …": Y issues, relations.led_items)
        if q.kind == "who" and q.role == "báo cáo viên":
            items = with_meetings(items, _texts(service))  # (a meeting named by its block's other lines)
        semantic = getattr(service.settings, "answer_semantic", True) and getattr(service.embedder, "semantic", True)
        similarity = Similarity(service.embedder, interpreted) if q.unsure and semantic else None
        if similarity is not None:
            similarity.retrieve = lambda: service.search(question, k=SEMANTIC_DEPTH, highlights=False).results
        if q.relation:
            # "… được giao cho cơ quan nào?": the body a task is assigned to, which the text may write
            # as the one given the task ("Giao X chủ trì", "X thống nhất quản lý …"): read after an
            # assigning verb's "cho" (never after "báo cáo", "gửi": the body a report goes to is not
            # the one that does the task), else as who does it
            assigned = q.relation == "recipient" and asks_assignee(q.text)
            asked = replace(q, relation="assignee") if assigned else q
            items = items + relation_passage_items(results, asked.relation, items)
            answer, role, support, best = _relation_answer(asked, items, results, docs, named, _doc_heads(service),
                                                           similarity, headings)
            if answer is None and q.relation == "recipient" and not assigned:
                # (a question that names no document by number describes its plan by words — "Kế
                # hoạch học tập NQ 92 của phường", "Bình Lư's tourism plan" —: every plan's list is
                # read, and the question's words must all be one plan's own, one body marked)
                answer, role, support, best = _reported_to_answer(q, service, docs,
                                                                  named or {d["id"] for d in docs})
            if answer is None and assigned:
                q = replace(q, relation=None)
            else:
                items = []  # answered (or not) from the relation alone
        scored = score_items(q, items, results, docs, named, _doc_heads(service), similarity,
                             headings) if items else []
        if not q.groups and len(named) == 1 and _signed_plan_by_number(q):
            # "Who signed the plan implementing Conclusion 224-KL/TU?"
            scored = [(1.0, it, Support(1.0, 1.0)) for it in items if it["doc_id"] in named]
        if not scored and q.kind == "target" and (q.count_noun or q.count_nouns):
            # No stored target says it: a count the passages state ("đủ hai mươi mốt tuổi").
            # (with the law's whole article titles, which the passages cut: "Điều 81. Việc trông
            # nom, … giáo dục con sau khi ly hôn" says the "ly hôn" of the question — a law's
            # sentence leaves its article's matter unsaid, and no stored sibling competes here)
            # (a bare list point "b) Từ đủ 18 tuổi trở lên." read with its list's lead-in)
            qc = english_without_counted(q)
            scored = cases_yield(counts_agree(parts_yield(said_whole(qc, score_items(qc, with_lead_ins(quantity_items(
                results, q.count_nouns or q.count_noun, f"{q.text} {q.vi_text}"), _texts(service)), results, docs,
                named, _doc_heads(service), similarity, headings or _full_headings(service, docs))), qc), qc), qc)
        if not scored and q.kind == "target" and q.measure == "percent":
            # No stored target says it: a percentage a law's sentence states ("20%/năm"), every word
            # of the question said by that sentence (``said_whole``).
            # (and a share asked, "tỷ lệ tối thiểu", "what share": the fractions they state too)
            found = percent_items(results, f"{q.text} {q.vi_text}")
            if asks_share(q):
                found += quantity_items(results, "phan", f"{q.text} {q.vi_text}")
            scored = said_whole(q, score_items(q, found, results, docs,
                                               named, _doc_heads(service), similarity, headings))
        if not scored and q.kind == "target" and not q.count_noun and q.measure in (None, "money"):
            # A value with no counted noun: a law's limit written as a multiple of the base salary.
            scored = score_items(q, base_multiple_items(results, f"{q.text} {q.vi_text}"), results, docs, named,
                                 _doc_heads(service), similarity, headings)
        if q.kind == "when":
            scored = [x for x in _echoes_dropped(q, scored) if not _title_synonym_only(q, x[1], x[2])
                      and not other_kind_named(q, x[1], x[2]) and not unasked_case(q, x[1])
                      and not unasked_extension(q, x[1]) and not unasked_redo(q, x[1])]
        if q.kind == "target" and any(_rate_item(q, it) for _, it, _ in scored):
            # a yearly rate does not answer a question asking a level ("Chỉ tiêu khách du lịch năm
            # 2030?": "900.000 lượt", not "tăng trưởng … bình quân 10%/năm"), so it is no rival either
            scored = [x for x in scored if not _rate_item(q, x[1])]
        if q.kind in ("target", "when"):
            scored = _named_condition_first(q, _own_sentence_first(_working_days_only(q, scored)))
        disputed = bool(scored) and contested(q, scored, named)
        if scored and not disputed:
            top_score, top, sup = scored[0]
            if q.kind == "who":
                if not weak_who(q, scored, named):
                    answer, role, sup, best = _who_answer(q, scored, named)
            elif q.kind == "tasks":
                task = _clip(top.get("task") or top["quote"], 240)
                answer, role = f"{top['unit']}: {task}", item_role(top)
                best = [it for _, it, _ in scored[:MAX_ITEMS]]
            elif q.kind == "target":
                answer = _target_answer(top, f"{q.text} {q.vi_text}")
                best = [it for _, it, _ in scored[:MAX_ITEMS]]
            elif q.kind == "when":
                answer = top.get("when")
                if top.get("when_kind") == "duration" and _other_time_unit(folded_words(q.text), answer or ""):
                    answer = None  # "mấy tháng" is not answered by "60 ngày" (see _other_time_unit)
                folded_q = folded_words(q.text)
                if top.get("when_kind") == "recurring" and not _asks_frequency(folded_q) and \
                        (is_duration_question(folded_q) or _MOMENT_Q.search(f" {folded_q} ")
                         or _BARE_RECURRENCE.match(answer or "") and not is_cycle_question(folded_q)):
                    answer = None  # "báo trước bao nhiêu tháng" is not answered by "hằng năm" (how often),
                    # nor "vào thời điểm nào" (a moment) by "cây hàng năm", "theo định kỳ", nor any
                    # question but how often by a bare recurrence ("When is a decision … suspended?"
                    # by the "hằng năm" of "giống cây trồng hằng năm", an annual crop);
                    # a veto, not a filter: the recurrence still keeps a neighbouring duration contested
                if top.get("when_kind") == "duration" and _asks_start(folded_q):
                    answer = None  # "tính lại từ thời điểm nào" asks where a count starts, not "03 năm"
                if _other_body(q, top):
                    answer = None  # "Ban Thường vụ Tỉnh ủy" asked, "Ban Thường vụ Đảng ủy" said
                if _other_ministry(q, top):
                    answer = None  # "Bộ TN&MT công bố" asked, "Bộ Nông nghiệp và Phát triển nông thôn công bố" said
                if _other_destination(q, top):
                    answer = None  # "gửi … lên Thường trực Tỉnh ủy" is not the report sent to the UBND
                if top.get("when_kind") == "duration" and is_duration_question(folded_words(q.text)) and \
                        _special_procedure(q, top):
                    answer = None  # the summary procedure's 07 days do not answer the appeal period asked plainly
                best = [it for _, it, _ in scored[:MAX_ITEMS]]
            if answer:
                support = _support_dict(sup, best[0])
        if not answer and q.kind == "who" and q.role in (None, "chủ trì") and not q.relation and q.groups:
            answer, role, support, best = _actor_answer(q, results, docs, items, named, _doc_heads(service),
                                                        similarity, headings)
        if not answer and q.kind == "who" and q.role in _VERB_ROLES and not q.relation and q.groups:
            # "Cơ quan nào giám sát tối cao việc …": a role that is the verb itself is read from the
            # sentences whose actor does it ("Quốc hội giám sát tối cao việc …"), asked as a plain who
            answer, role, support, best = _actor_answer(replace(q, role=None), results, docs, items, named,
                                                        _doc_heads(service), similarity, headings)
        if not answer and q.kind == "who" and q.role is None and not q.relation and q.groups:
            answer, role, support, best = _definition_answer(q, results, docs, items, named, _doc_heads(service),
                                                             similarity, headings)
        if not answer and q.kind == "who" and q.role and q.role not in _VERB_ROLES and not q.relation and \
                q.groups and _role_words_elsewhere(q):
            answer, role, support, best = _actor_answer(replace(q, role=None), results, docs, items, named,
                                                        _doc_heads(service), similarity, headings)
    if not answer:
        answer, best, role, support = None, [], None, None
    texts = _texts(service) if best else {}
    citations = [citation(it, texts.get(it["doc_id"])) for it in best] if best else \
        [citation(r.to_dict()) for r in results[:3]]
    return {"question": question, "kind": q.kind, "role": role or q.role,
            "interpreted": _shown_interpretation(response, question),
            "answer": answer, "message": None if answer else NOT_FOUND_VI, "support": support,
            "items": [dict(it) for it in best], "citations": citations,
            "_considered": {(it["doc_id"], it["start"], it["end"]) for _, it, _ in scored},
            "_disputed": {_value_key(it) for _, it, _ in scored} if disputed and not answer else set()}
