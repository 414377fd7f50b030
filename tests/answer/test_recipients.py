"""Where a report goes ("… báo cáo về đâu?", "… báo cáo cơ quan nào?"): the question read as a
recipient question, the body read after the relation's words, and the answer given when every word
of the question but a soft one is said (answer/relations.py, answer/relation_answer.py)."""

from __future__ import annotations

import pytest

from indexer.answer import ask
from indexer.answer.question import analyze
from indexer.answer.relations import asked_relation, relation_objects


def test_where_to_asked_at_the_end_of_a_long_question():
    # "gửi <what is sent, several words> … về đâu?": the words sent may be many when "về đâu" ends it
    assert asked_relation("Văn phòng Tỉnh ủy gửi Báo cáo sơ kết 05 năm Nghị quyết 06-NQ/TU sau khi "
                          "thẩm định về đâu?") == "recipient"
    assert asked_relation("Chi bo gui bao cao ket qua hoc tap nghi quyet cua ca nam ve dau?") == "recipient"
    # ("về đầu tư" folds to "ve dau tu": no "về đâu" unless it ends the question; "đến đâu" is how
    # far, and the "trình" of "chương trình" submits nothing)
    assert asked_relation("Ai gửi hồ sơ đề nghị công nhận điểm du lịch về đầu tư hạ tầng?") is None
    assert asked_relation("Chương trình xây dựng nông thôn mới của xã đã được triển khai đến đâu?") is None


def test_the_national_assembly_is_a_body_reported_to():
    text = "định kỳ hằng năm báo cáo Quốc hội về công tác thi hành án hành chính"
    assert [text[s:e] for s, e in relation_objects(text, "recipient")] == ["Quốc hội"]
    # the name is whole: what is submitted to it is no part of it; a list it opens goes on
    text = "Chính phủ trình Quốc hội dự thảo luật"
    assert [text[s:e] for s, e in relation_objects(text, "recipient")] == ["Quốc hội"]
    text = "báo cáo công tác trước Quốc hội, Ủy ban thường vụ Quốc hội, Chủ tịch nước."
    assert [text[s:e] for s, e in relation_objects(text, "recipient")] == \
        ["Quốc hội, Ủy ban thường vụ Quốc hội, Chủ tịch nước"]


def test_a_soft_word_does_not_keep_the_recipient_from_being_answered(plans):
    # plan 001: "… các chi bộ phải thực hiện tự chấm điểm đánh giá chất lượng … và báo cáo kịp thời về
    # Thường trực Đảng ủy phường theo quy định": "rồi" (then) is no word the plan need write
    out = ask(plans, "Các chi bộ tự chấm điểm chất lượng học tập Nghị quyết 92 rồi báo cáo về đâu?")
    assert out["answer"] == "Thường trực Đảng ủy phường", out["answer"]


def test_a_report_on_work_made_before_a_body():
    # hien-phap Điều 100: "Bộ trưởng, Thủ trưởng cơ quan ngang bộ … báo cáo công tác trước Chính phủ,
    # Thủ tướng Chính phủ" — the body reported to; a date after "trước" is none
    text = "Bộ trưởng, Thủ trưởng cơ quan ngang bộ báo cáo công tác trước Chính phủ, Thủ tướng Chính phủ; thực hiện"
    assert [text[s:e] for s, e in relation_objects(text, "recipient")] == ["Chính phủ, Thủ tướng Chính phủ"]
    text = "Ủy ban nhân dân xã báo cáo trước ngày 10/11/2021."
    assert relation_objects(text, "recipient") == []


def test_to_whom_after_a_when_clause_asks_who():
    from indexer.search.kinds import classify

    assert classify("When the National Assembly is not in session, to whom does the Chief Justice of the "
                    "Supreme People's Court report on their work?") == "who"
    assert classify("When the case is closed, by which date must the court send the file?") == "when"


def test_who_receives_the_reports_after_a_frame():
    assert asked_relation("Under the Constitution, between National Assembly sessions, who receives the work "
                          "reports of the head of the Supreme People's Procuracy?") == "recipient"
    # (registrations are taken in and acted on, not reported to; a relative "who" asks no body)
    assert asked_relation("Under the Law on Residence, who receives registrations?") is None
    assert asked_relation("What happens to the person who receives the reports late?") is None


@pytest.mark.parametrize("question, relation", [
    # doing it together, in other words than "phối hợp với": the partner is asked
    ("Bộ Công an làm cùng bộ nào để hướng dẫn việc này?", "partner"),
    ("Xã phải chủ động đồng hành cùng doanh nghiệp nào để triển khai dự án?", "partner"),
    ("cac so, nganh phai phoi hop voi nhung dia phuong nao", "partner"),
    ("Which bodies work alongside the Propaganda Board in monitoring the plan?", "partner"),
    ("Alongside which ministry does the Ministry of Public Security act?", "partner"),
    # a body of a kind described by a word or two, and a "where" a report or decision is sent
    ("Báo cáo của tỉnh được gửi đến cơ quan Trung ương nào?", "recipient"),
    ("Where must the court send its decision for annotation?", "recipient"),
    ("Where do the districts' review reports go?", "recipient"),
    ("Where do the wards submit their self-assessment?", "recipient"),
    # … not a festival held with another, who accompanies a child, nor where a meeting is held
    ("Hội chợ được tổ chức cùng với lễ hội nào?", None),
    ("Lễ hội đua ghe được tổ chức cùng với hội nào?", None),
    ("Người dưới 14 tuổi xuất cảnh phải đi cùng với ai?", None),
    ("Where is the provincial conference held?", None),
    # … nor the lead working alongside another, nor a why
    ("Who leads the campaign, working alongside the Youth Union?", None),
    ("Why must the commune work alongside the district?", None),
    # … and a body of a kind only after a verb that takes a body: not who a rate applies to, where
    # a model spreads, nor "hồi nào" (when)
    ("Thuế suất 10% áp dụng cho doanh nghiệp nào?", None),
    ("Mô hình được nhân rộng đến địa phương nào?", None),
    ("Quyết định được gửi hồi nào?", None),
])
def test_a_relation_asked_in_other_words(question, relation):
    assert asked_relation(question) == relation


def test_the_partners_of_a_lead_asked_as_working_alongside(plans):
    # plan 002: "Giao Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các ban xây dựng Đảng tỉnh, Văn
    # phòng Tỉnh ủy và các cơ quan liên quan thường xuyên theo dõi, đôn đốc, kiểm tra, giám sát …"
    out = ask(plans, "Which offices work alongside the provincial Propaganda Board in keeping track of "
                     "Conclusion 224?")
    assert out["answer"] and "Văn phòng Tỉnh ủy" in out["answer"], out["answer"]
    assert "Ban Tuyên giáo" not in out["answer"]


def test_a_board_asked_by_its_kind_in_english(plans):
    # plan 001, under "IV. TỔ CHỨC THỰC HIỆN › 1. Ban xây dựng Đảng": "Chủ trì, phối hợp với các
    # cơ quan, đơn vị liên quan đẩy mạnh công tác thông tin tuyên truyền Nghị quyết số 92-NQ/TU"
    out = ask(plans, "Which Nông Tiến board leads the propaganda on Resolution 92?")
    assert out["answer"] and "Ban xây dựng Đảng" in out["answer"], out["answer"]
