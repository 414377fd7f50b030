"""When-questions beyond stored deadlines: horizons, periods, frequencies, hours, the dates of cited
documents and dates written in words — real corpus text, the readers and the scorer as they run."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace


from indexer.answer import ask
from indexer.answer.fit_when import _anchor_words, _opposite_anchor
from indexer.answer.passages import (asked_refs, asked_vision, duration_items, frequency_items, is_duration_question,
                                     is_frequency_question, is_issued_question, is_period_question, issued_items,
                                     period_items, vision_items)
from indexer.answer.question import analyze
from indexer.answer.when_vetoes import _echoes_dropped
from indexer.search.kinds import classify
from indexer.text import folded_words
from tests.conftest import law_line

ROOT = Path(__file__).resolve().parents[2]


def _plan_text(prefix: str) -> tuple[str, str]:
    path = next((ROOT / "corpus").glob(f"{prefix}_*.txt"))
    return path.stem, path.read_text(encoding="utf-8")


def _result(text: str, doc_id: str):
    return SimpleNamespace(text=text, doc_id=doc_id, doc_title="", start=0, end=len(text), section_path_parts=[])


def test_dates_written_in_words_are_extracted_whole():
    from indexer.extract.deadlines import extract_deadlines
    from indexer.structure.outline import parse_outline

    # Luật Cư trú: "… cho đến hết ngày 31 tháng 12 năm 2022" was cut to "tháng 12 năm 2022"
    line = law_line("luat-cu-tru.txt", "31 tháng 12 năm 2022")
    whens = {it["when"] for it in extract_deadlines(line, parse_outline(line))}
    assert any(w.endswith("ngày 31 tháng 12 năm 2022") for w in whens), whens
    assert "tháng 12 năm 2022" not in whens
    # Luật Bảo vệ môi trường: a day of every year, no year said
    line = law_line("luat-bao-ve-moi-truong.txt", "trước ngày 15 tháng 02;")
    items = extract_deadlines(line, parse_outline(line))
    (item,) = [it for it in items if "15 tháng 02" in it["when"]]
    assert item["when"] == "trước ngày 15 tháng 02" and item["month"] == 2 and item["day"] == 15
    assert item["date"] is None


def test_the_date_of_a_cited_document_by_its_full_number():
    doc_id, text = _plan_text("004")
    # the plan cites the Government's resolution "số 103/NQ-CP ngày 06/10/2017" (slash, not dash)
    refs = asked_refs("When did the Government issue Resolution 103/NQ-CP?")
    assert refs == [("103", "nq", "cp")]
    (item,) = issued_items(refs, [(doc_id, "", text)])
    assert item["when"] == "ngày 06/10/2017"
    assert item["quote"].startswith("Nghị quyết số 103/NQ-CP") and "Chính phủ" in item["quote"]
    assert text[item["start"]:item["end"]] == item["quote"]
    # the type word names the code: a "Chương trình" 08 is not "Nghị quyết" 08
    assert asked_refs("Chương trình hành động số 08 ký ngày nào?") == [("8", "ctr", None)]
    assert asked_refs("tổng kinh phí 90.24 tỷ đồng cho Kết luận 224") == [("224", "kl", None)], \
        "a bare number is no document"
    assert is_issued_question(folded_words("What is the date of Directive 05?"))


def test_the_date_of_a_cited_document_answers(plans):
    r = ask(plans, "Ban Bí thư ban hành Quyết định 238-QĐ/TW vào ngày nào?")
    assert r["answer"] and "30/9/2020" in r["answer"]
    assert "238-QĐ/TW" in r["citations"][0]["text"]


def test_a_duration_the_question_says_itself_is_no_answer():
    # corpus/004 writes "sơ kết 05 năm"; the question names the review by "5 năm" and asks its month
    q = analyze("Tỉnh ủy Hà Tĩnh họp sơ kết 5 năm nghị quyết du lịch khoảng tháng mấy năm 2021?")
    scored = [(2.0, {"when": "05 năm", "when_kind": "duration"}, None),
              (1.5, {"when": "vào cuối tháng 11/2021", "when_kind": "month"}, None)]
    assert [it["when"] for _, it, _ in _echoes_dropped(q, scored)] == ["vào cuối tháng 11/2021"]
    # a number the question does not say stays ("15 năm" is not "5 năm")
    scored[0][1]["when"] = "15 năm"
    assert len(_echoes_dropped(q, scored)) == 2


def test_a_horizon_is_the_year_after_tam_nhin():
    doc_id, text = _plan_text("000")
    line = next(ln for ln in text.splitlines() if "tầm nhìn đến năm 2050" in ln)
    items = vision_items([_result(line, doc_id)])
    by_year = {it["when"][-4:]: it for it in items}
    assert set(by_year) == {"2045", "2050"}
    # each horizon belongs to the words before it, not to the whole sentence
    assert "Quy hoạch tỉnh Lai Châu" in by_year["2050"]["subject"]
    assert "Quy hoạch tỉnh Lai Châu" not in by_year["2045"]["subject"]
    assert "du lịch Việt Nam" in by_year["2045"]["subject"]
    assert asked_vision(folded_words("Đề án có tầm nhìn tới năm nào?")) == "tam nhin"
    assert asked_vision(folded_words("Nghị quyết định hướng đến năm nào?")) == "dinh huong"
    assert asked_vision(folded_words("Xã phấn đấu đến năm nào?")) is None


def test_a_vision_question_is_not_answered_by_the_plans_own_end_year(plans):
    # corpus/002: "Xây dựng đề án quy hoạch phát triển và quản lý báo chí tỉnh đến năm 2025 tầm nhìn 2030"
    r = ask(plans, "Đề án quy hoạch, quản lý báo chí của tỉnh có tầm nhìn tới năm nào?")
    assert r["answer"] is None or "2030" in r["answer"]
    assert "2025" not in (r["answer"] or "")


def test_horizon_cue_words_are_not_the_subject():
    q = analyze("Nghị quyết 08 về du lịch tỉnh Lai Châu có định hướng đến năm nào?",
                interpreted="Nghị quyết 08 về du lịch tỉnh Lai Châu cố định hướng đến năm nào")
    labels = [label for label, _ in q.groups]
    assert not any("dinh huong" in label for label in labels), labels
    assert "lai chau" in labels
    q = analyze("Hội nghị sơ kết dự kiến tổ chức vào thời gian nào?")
    assert {label for label, _ in q.groups} == {"hoi nghi", "so ket"}, "only labels holding a cue are cut"


def test_a_period_is_read_with_its_owner():
    doc_id, text = _plan_text("000")
    line = next(ln for ln in text.splitlines() if "tầm nhìn đến năm 2050" in ln)
    spans = [it["when"] for it in period_items([_result(line, doc_id)])]
    assert spans == ["thời kỳ 2021 - 2030", "thời kỳ 2021 - 2030"]
    # a historical span is a period too (the extractor leaves it out as no deadline)
    assert [it["when"] for it in period_items([_result("Bộ Văn kiện giai đoạn 1949-2020 của tỉnh.", "x")])] == \
        ["giai đoạn 1949-2020"]
    assert is_period_question(folded_words("Nghị quyết 08 áp dụng cho giai đoạn nào?"))
    assert is_period_question("which period does the plan cover")



def test_a_span_asked_by_its_two_ends_is_a_period(plans):
    # plan 003: "… Nghị quyết Đại hội Đảng bộ xã nhiệm kỳ 2025-2030"
    assert is_period_question(folded_words("Nhiệm kỳ từ năm nào đến năm nào?"))
    assert is_period_question("from which year to which year does it run")
    assert not is_period_question(folded_words("Từ năm nào luật có hiệu lực?"))
    out = ask(plans, "Nghị quyết Đại hội Đảng bộ xã Bình Lư là của nhiệm kỳ từ năm nào đến năm nào?")
    assert out["answer"] and "2025-2030" in out["answer"]


def test_a_documents_period_is_read_from_its_title(plans):
    r = ask(plans, "Which period is Resolution 08-NQ/TU on tourism in Lai Chau for?")
    assert r["answer"] is None or "2026 - 2030" in r["answer"]


def test_how_often_is_a_frequency_not_a_duration():
    line = law_line("luat-thanh-nien.txt", "ít nhất mỗi năm một lần")
    assert [it["when"] for it in frequency_items([_result(line, "luat-thanh-nien")])] == ["ít nhất mỗi năm một lần"]
    folded = folded_words("Chủ tịch UBND phải gặp gỡ thanh niên bao lâu một lần?")
    assert is_frequency_question(folded) and is_duration_question(folded)
    assert not is_frequency_question(folded_words("Thời hạn biệt phái là bao lâu?"))
    assert [it["when"] for it in frequency_items([_result("hai lần mỗi năm; định kỳ 6 tháng", "x")])] == \
        ["hai lần mỗi năm", "định kỳ 6 tháng"]


def test_hours_and_lengths_are_when_questions():
    assert classify("Phải thông báo lưu trú trước mấy giờ?") == "when"
    assert classify("What is the maximum length of a secondment?") == "when"
    assert is_duration_question(folded_words("Phải thông báo lưu trú trước mấy giờ?"))
    line = law_line("luat-cu-tru.txt", "trước 23 giờ")
    assert any(it["when"].startswith("trước 23 giờ") for it in duration_items([_result(line, "luat-cu-tru")]))


def test_an_age_in_months_is_not_a_time_limit():
    line = law_line("luat-vien-chuc.txt", "dưới 36 tháng tuổi")
    assert not [it for it in duration_items([_result(line, "luat-vien-chuc")]) if "36" in it["when"]]
    line = law_line("luat-vien-chuc.txt", "không quá 03 năm")
    assert "không quá 03 năm" in [it["when"] for it in duration_items([_result(line, "luat-vien-chuc")])]


def test_six_is_not_after():
    # Hiến pháp: "Sáu mươi ngày trước khi Quốc hội hết nhiệm kỳ …" counts before, not after
    assert not _opposite_anchor(folded_words("how many days before the term ends"), _anchor_words("Sáu mươi ngày"))
    assert _opposite_anchor(folded_words("how many days before the term ends"),
                            _anchor_words("15 ngày kể từ ngày"))


def test_a_carrier_verb_weighs_little():
    q = analyze("Ủy ban nhân dân cấp tỉnh gửi báo cáo môi trường trước ngày nào?")
    assert "gui" in q.soft
    assert "gui" not in analyze("Ủy ban nhân dân cấp tỉnh gửi ai?").soft


def test_a_cue_is_cut_only_where_it_is_one():
    from indexer.answer.question import _without_when_cues

    groups = [("lai chau huong", ["lai chau huong"]), ("huong dan", ["huong dan"]), ("tam", ["tam"]),
              ("nhin", ["nhin"]), ("lan toa", ["lan toa"])]
    assert _without_when_cues(groups, "chi thi lai chau huong den nam nao co tam nhin") == \
        [("lai chau", ["lai chau"]), ("huong dan", ["huong dan"]), ("lan toa", ["lan toa"])]


def test_an_english_phrase_ending_in_a_cue_keeps_its_senses():
    """"indefinite-term" is "không xác định thời hạn": the cue "term" is not cut from an English
    phrase, whose senses say the whole term (cut, "indefinite" was left with no Vietnamese word)."""
    q = analyze("How much advance written notice must a public employee on an indefinite-term contract give "
                "before quitting unilaterally?", None, None, "en")
    assert ("indefinite term", ["khong xac dinh thoi han"]) in q.groups


def test_a_relative_clause_says_where_the_document_was_met():
    q = analyze("Quy hoạch du lịch mà xã Bình Lư bám theo có tầm nhìn tới năm nào?")
    assert "bam" in q.soft and "binh lu" not in q.soft, "its verb weighs little, its names still count"
    assert not analyze("Quy hoạch du lịch có tầm nhìn tới năm nào?").soft


def test_a_count_of_days_is_a_when_question_an_age_is_not():
    assert classify("Con sinh ra trong bao nhieu ngay sau khi cham dut hon nhan?") == "when"
    assert classify("Con dưới bao nhiêu tháng tuổi được giao cho mẹ nuôi?") == "target"
    assert classify("Kế hoạch sơ kết mấy năm thực hiện Nghị quyết?") == "target", "years are often a count"


def test_a_bare_dinh_ky_does_not_say_how_often():
    from indexer.answer.fit import _fit

    q = analyze("Ban Chỉ đạo họp bao lâu một lần?")
    assert _fit(q, {"when": "Định kỳ", "when_kind": "recurring"}) is None
    assert _fit(q, {"when": "mỗi quý một lần", "when_kind": "recurring"}) is not None
    assert _fit(q, {"when": "trong 05 ngày", "when_kind": "duration"}) is None, "how often, not how long"


def test_which_term_is_a_when_question():
    assert classify("Nghị quyết Đại hội Đảng bộ xã nhiệm kỳ nào?") == "when"
    assert is_period_question(folded_words("Đại hội Đảng bộ xã nhiệm kỳ nào?"))


def test_a_document_cited_with_two_dates_is_not_answered(plans):
    # corpus/001 cites "Nghị quyết số 92-NQ/TU" as "ngày 12/5/2026" and as "ngày 13/5/2026"
    doc_id, text = _plan_text("001")
    dates = {it["when"] for it in issued_items([("92", "nq", "tu")], [(doc_id, "", text)])}
    assert dates == {"ngày 12/5/2026", "ngày 13/5/2026"}
    assert ask(plans, "Nghị quyết 92-NQ/TU ban hành vào ngày nào?")["answer"] is None


def test_a_full_number_alone_names_the_document(plans):
    r = ask(plans, "Kết luận 224-KL/TU ban hành ngày nào?")
    assert r["answer"] and "18/10/2021" in r["answer"]
    assert ask(plans, "Kế hoạch 99-KH/TU ban hành ngày nào?")["answer"] is None, "no document cites it"


def test_which_period_is_a_span_of_years(plans):
    from indexer.answer.fit import _fit

    q = analyze("Kế hoạch áp dụng cho giai đoạn nào?")
    assert _fit(q, {"when": "hằng năm", "when_kind": "recurring"}) is None
    assert _fit(q, {"when": "đến năm 2030", "when_kind": "year"}) is None
    assert _fit(q, {"when": "giai đoạn 2026-2030", "when_kind": "period"}) is not None


def test_until_is_not_answered_by_the_start_of_a_span():
    from indexer.answer.fit_when import _wrong_end

    # Luật Bảo vệ môi trường: "Kỳ báo cáo … tính từ ngày 01 tháng 01 đến hết ngày 31 tháng 12"
    until = folded_words("Kỳ báo cáo môi trường tính đến ngày nào?")
    since = folded_words("Luật có hiệu lực từ ngày nào?")
    assert _wrong_end(until, "từ ngày 01 tháng 01") and not _wrong_end(until, "đến hết ngày 31 tháng 12")
    assert _wrong_end(since, "đến hết ngày 31 tháng 12") and not _wrong_end(since, "từ ngày 01 tháng 01 năm 2023")
    assert not _wrong_end(folded_words("Khi nào tổ chức hội nghị?"), "từ ngày 01 tháng 01")


def test_the_horizon_word_named_decides_wherever_it_stands():
    """"the long-term orientation" asks the định hướng year: "long-term" qualifies both words."""
    from indexer.answer.passages import asked_vision

    assert asked_vision(folded_words("Up to which year does the long-term orientation of the plan extend?")) == "dinh huong"
    assert asked_vision(folded_words("What is the plan's long-term vision year?")) == "tam nhin"
    assert asked_vision(folded_words("Quy hoạch tỉnh có tầm nhìn đến năm nào?")) == "tam nhin"
    assert asked_vision(folded_words("Nghị quyết định hướng đến năm nào?")) == "dinh huong"


def test_a_moment_asked_is_no_recurrence():
    from indexer.answer.when_vetoes import _MOMENT_Q
    from indexer.text import folded_words

    for q in ("Tài sản mà mỗi người có vào thời điểm nào thì thuộc tài sản riêng?",
              "Under the Civil Code, when does the ownership of property come to an end?"):
        assert _MOMENT_Q.search(f" {folded_words(q)} ")
    assert not _MOMENT_Q.search(f" {folded_words('Hội nghị sơ kết được tổ chức bao lâu một lần?')} ")


def test_the_years_a_review_looks_back_on_are_no_time_it_is_held(plans):
    # corpus/004: "… tham mưu tổ chức Hội nghị sơ kết 05 năm thực hiện Nghị quyết số 06-NQ/TU ở cấp
    # tỉnh" beside "Ban Thường vụ Tỉnh ủy tổ chức Hội nghị sơ kết vào cuối tháng 11/2021"
    from indexer.answer.fit_when import names_review_span

    quote = "tham mưu tổ chức Hội nghị sơ kết 05 năm thực hiện Nghị quyết số 06-NQ/TU ở cấp tỉnh"
    at = quote.index("05 năm")
    item = {"quote": quote, "start": 100, "when_start": 100 + at, "when": "05 năm"}
    assert names_review_span(item)
    assert not names_review_span({**item, "quote": quote.replace("sơ kết 05", "trong 05"),
                                  "when_start": 100 + at - 1})
    # "at what time" asks a moment; "what time" alone, the hour a limit is counted to
    assert not is_duration_question(folded_words("The review conference is held at what time?"))
    assert is_duration_question(folded_words("By what time of day must the notice be given?"))
    for question in ("Ha Tinh's provincial Standing Committee holds the review conference on Resolution 06-NQ/TU "
                     "at what time?",
                     "Ban Thường vụ Tỉnh ủy Hà Tĩnh tổ chức Hội nghị sơ kết Nghị quyết 06-NQ/TU vào thời gian nào?"):
        r = ask(plans, question)
        assert r["answer"] and "11/2021" in r["answer"], (question, r["answer"])


def _title_horizon_scored(plans, question: str) -> list[str]:
    """The title horizons of the documents a question names that the scorer keeps (as the answer
    engine fetches them for a "năm nào" question naming a document's number)."""
    from indexer.answer.passages import horizon_items
    from indexer.answer.scoring import score_items
    from indexer.answer.texts import _doc_heads, _doc_texts

    q = analyze(question)
    docs = [d.model_dump() for d in plans.documents()]
    items = horizon_items(q.doc_refs, _doc_texts(plans, docs))
    assert items, "the title horizon is fetched"
    results = plans.search(question, k=10, highlights=False).results
    return [it["when"] for _, it, _ in score_items(q, items, results, docs, set(), _doc_heads(plans))]


def test_a_titles_horizon_does_not_answer_a_thing_the_title_does_not_say(plans):
    # corpus/003 cites "Nghị quyết số 17-NQ/TU … giai đoạn 2026-2030, định hướng đến năm 2035" and
    # sets "phấn đấu xây dựng xã Bình Lư đạt chuẩn nông thôn mới vào năm 2030": "chuẩn" is no word
    # of the title, so its horizon is no answer to when the commune reaches the standard
    assert _title_horizon_scored(
        plans, "Nghị quyết 17-NQ/TU về nông thôn mới, giảm nghèo bền vững và phát triển kinh tế xã hội vùng "
               "đồng bào dân tộc thiểu số và miền núi đạt chuẩn năm nào?") == []
    # the horizon itself, asked by its word, is still the title's
    assert _title_horizon_scored(plans, "Nghị quyết 17-NQ/TU về xây dựng nông thôn mới có định hướng đến năm nào?") == \
        ["định hướng đến năm 2035"]
    r = ask(plans, "Nghị quyết 17-NQ/TU về nông thôn mới định hướng đến năm nào?")
    assert r["answer"] and "2035" in r["answer"]


def test_the_date_a_body_signed_a_document_is_its_date(plans):
    assert is_issued_question(folded_words("Ban Thường vụ Tỉnh ủy ký Kế hoạch 209-KH/TU vào thời điểm nào?"))
    assert is_issued_question(folded_words("UBND tỉnh ky quyet dinh 12 ngay nao"))
    assert not is_issued_question(folded_words("Hai bên ký hợp đồng vào thời điểm nào thì hợp đồng có hiệu lực?"))
    r = ask(plans, "Ban Thường vụ Tỉnh ủy ký Kế hoạch 209-KH/TU thực hiện Nghị quyết 35 vào thời điểm nào?")
    assert r["answer"] and "10/6/2019" in r["answer"]


def test_the_deadline_of_the_same_body_at_another_level_does_not_answer():
    """luật bảo vệ môi trường: "Ủy ban nhân dân cấp huyện báo cáo Hội đồng nhân dân cùng cấp và Ủy ban
    nhân dân cấp tỉnh trước ngày 31 tháng 01" is the district's step; asked for the province's, it is
    another level's deadline, though it names the province too (as the one reported to)."""
    from indexer.answer.fit_when import _other_level_actor

    district = {"unit": "Ủy ban nhân dân cấp huyện", "quote": "Ủy ban nhân dân cấp huyện báo cáo Hội đồng nhân dân "
                "cùng cấp và Ủy ban nhân dân cấp tỉnh trước ngày 31 tháng 01"}
    province = {"unit": "Ủy ban nhân dân cấp tỉnh", "quote": "Ủy ban nhân dân cấp tỉnh báo cáo Hội đồng nhân dân cấp "
                "tỉnh và Bộ Tài nguyên và Môi trường trước ngày 15 tháng 02"}
    english = analyze("What is the annual deadline for a province's People's Committee to report its environmental "
                      "protection work to the provincial People's Council?")
    assert _other_level_actor(english, district) and not _other_level_actor(english, province)
    vietnamese = analyze("Ủy ban nhân dân cấp tỉnh báo cáo công tác bảo vệ môi trường trước ngày nào?")
    assert _other_level_actor(vietnamese, district) and not _other_level_actor(vietnamese, province)
    # the district's own step, the province named as the one reported to: both levels asked
    both = analyze("UBND cấp huyện báo cáo công tác bảo vệ môi trường cho UBND cấp tỉnh trước ngày nào?")
    assert not _other_level_actor(both, district)
    # a list of levels asks each ("cấp huyện, cấp xã"; "provincial and district … Committees")
    assert not _other_level_actor(analyze("Ủy ban nhân dân cấp huyện, cấp xã báo cáo công tác bảo vệ môi trường "
                                          "trước ngày nào?"), district)
    assert not _other_level_actor(analyze("By when must provincial and district People's Committees report on "
                                          "environmental protection?"), province)
    # "xã hội" is no commune
    assert not _other_level_actor(analyze("Ủy ban nhân dân xã hội hóa công tác bảo vệ môi trường trước ngày nào?"),
                                  district)
    # no level asked: nothing to tell
    assert not _other_level_actor(analyze("Ủy ban nhân dân báo cáo công tác bảo vệ môi trường trước ngày nào?"), district)


def test_the_date_of_a_plan_is_not_that_of_the_resolution_it_names(plans):
    # plan 004 "Kế hoạch / Sơ kết 05 năm thực hiện Nghị quyết số 06-NQ/TU, ngày 07/12/2017 …" writes no
    # date of its own: asked the plan's, the resolution's date is no answer; asked the resolution's, it is
    from indexer.answer.passages import names_unnumbered_first

    assert ask(plans, "Kế hoạch sơ kết 05 năm Nghị quyết 06-NQ/TU của Ban Thường vụ Tỉnh ủy Hà Tĩnh được ký "
                      "ban hành ngày nào?")["answer"] is None
    out = ask(plans, "Nghị quyết 06-NQ/TU được ban hành ngày nào?")
    assert out["answer"] and "07/12/2017" in out["answer"], out["answer"]
    assert names_unnumbered_first("On what date was Ha Tinh's plan for the review of Resolution 06 issued?")
    # a frame before a comma, the asking clause after a ";", the numbered document's own type word
    assert not names_unnumbered_first("Theo kế hoạch, Nghị quyết 06 được ban hành ngày nào?")
    assert not names_unnumbered_first("Kế hoạch sơ kết gắn với Nghị quyết 08-NQ/TW; nghị quyết này ra đời ngày nào?")
    assert not names_unnumbered_first("What is the date of that Politburo resolution (08-NQ/TW)?")
    assert not names_unnumbered_first("Kế hoạch 209-KH/TU thực hiện Nghị quyết 35 ban hành ngày nào?")


def test_the_horizon_word_right_before_the_year_asked_decides(plans):
    # "định hướng phát triển du lịch" is the verb there; "tầm nhìn tới năm nào" the asked horizon
    # (plan 001: "… giai đoạn 2026 - 2030, tầm nhìn đến 2050")
    from indexer.answer.passages import asked_vision
    from indexer.text import folded_words

    q = "Nghị quyết 92 của Ban Thường vụ Tỉnh ủy định hướng phát triển du lịch với tầm nhìn tới năm nào?"
    assert asked_vision(folded_words(q)) == "tam nhin"
    assert asked_vision(folded_words("Nghị quyết định hướng đến năm nào, tầm nhìn ra sao?")) == "dinh huong"
    assert asked_vision(folded_words("the long-term orientation of the plan")) == "dinh huong"
    out = ask(plans, q)
    assert out["answer"] and "2050" in out["answer"]
