"""Part of an attendee list asked alone ("Ngoài bí thư các chi bộ, những người nào ở cấp tổ dân phố
được mời dự …?"): what the question sets aside and narrows by (question.set_aside_spans,
question.restricting_labels), the members it names (passages.asked_members), and the whole list when
it narrows nothing (answer/passages.py); with the question words those readings touch."""

from __future__ import annotations

from types import SimpleNamespace

from indexer.answer import ask
from indexer.answer.passages import asked_members, attendee_items
from indexer.answer.question import analyze, set_aside_labels, without_set_aside

# plan 001, "III. HÌNH THỨC TỔ CHỨC HỘI NGHỊ › 1. Cấp phường", shortened
LIST = ("- Thành phần: Các đồng chí Ủy viên Ban Chấp hành Đảng bộ phường, Thường trực HĐND, lãnh đạo Ủy ban "
        "nhân dân, Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội phường, bí thư các chi bộ, "
        "tổ trưởng các tổ dân phố; đảng viên chi bộ các cơ quan Đảng, chi bộ Quân sự phường.")
WHOLE = LIST[14:-1]


def _members(question: str) -> list[str]:
    result = SimpleNamespace(text=LIST, doc_id="plan", doc_title="Kế hoạch", start=40, end=40 + len(LIST),
                             section_path_parts=["III. HÌNH THỨC TỔ CHỨC HỘI NGHỊ", "1. Cấp phường"])
    items = asked_members(analyze(question), attendee_items([result]))
    for it in items:  # (the answer's offsets are the document's)
        assert LIST[it["unit_start"] - 40:it["unit_end"] - 40] == it["unit"]
    return [it["unit"] for it in items]


def test_what_a_question_sets_aside():
    q = "Ngoài bí thư các chi bộ, những người nào ở cấp tổ dân phố được mời dự hội nghị?"
    assert set_aside_labels(analyze(q).groups, q) == {"ngoai", "bi thu", "chi bo"}
    # up to the who-word's comma when the list set aside has commas of its own
    q = "Apart from Party, government and mass-organisation leaders, who from the residential groups attends?"
    assert without_set_aside(q).strip(" ,") == "who from the residential groups attends?"
    # no comma: up to the who-word after it; with the who-word first, the marker alone (for the role,
    # which the words after it may name: "… coordinates the appraisal")
    assert without_set_aside("Ngoài Bộ Tài chính còn cơ quan nào phối hợp thẩm định?") == "nào phối hợp thẩm định?"
    assert analyze("Which body other than the Ministry of Finance coordinates the appraisal?").role == "phối hợp"
    # "ngoài ra", and the folded twins "ngoại", "trụ" (written, or typed without diacritics) set nothing aside
    for q in ("Ngoài ra, cơ quan nào thẩm định?", "Ngoại giao nhân dân do cơ quan nào chủ trì?",
              "Trụ sở tiếp công dân do cơ quan nào chủ trì quản lý?", "tru so tiep cong dan do co quan nao chu tri?",
              "ngoai giao nhan dan do co quan nao chu tri?"):
        assert without_set_aside(q) == q, q


def test_the_roles_a_set_aside_question_keeps():
    assert analyze("Ngoài Bộ Tài chính còn cơ quan nào phối hợp thẩm định dự án?").role == "phối hợp"
    assert analyze("Trụ sở tiếp công dân do cơ quan nào chủ trì quản lý?").role == "chủ trì"
    q = analyze("Ngoài lãnh đạo phường, đảng viên của những chi bộ nào cũng được dự hội nghị?")
    assert q.kind == "who" and q.role == "tham dự"  # (not "lãnh đạo", a role it sets aside)
    assert "cung" in q.soft  # ("cũng", also)


def test_the_members_a_question_names():
    assert _members("Ngoài bí thư các chi bộ, những người nào ở cấp tổ dân phố được mời dự hội nghị?") == \
        ["tổ trưởng các tổ dân phố"]
    assert _members("Other than the cell secretaries, who from the residential groups is invited to the meeting?") == \
        ["tổ trưởng các tổ dân phố"]
    # a part opening in lower case is one member: its head ("đảng viên") is said once for all
    assert _members("Đảng viên của những chi bộ nào được mời dự hội nghị cấp phường?") == \
        ["đảng viên chi bộ các cơ quan Đảng, chi bộ Quân sự phường"]
    assert _members("Những người nào ở tổ dân phố được mời dự hội nghị cấp phường?") == ["tổ trưởng các tổ dân phố"]
    # a member named without its post keeps the post said before it
    assert _members("Who from the Fatherland Front attends the ward conference?") == \
        ["lãnh đạo Ủy ban nhân dân, Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội phường"]


def test_a_question_that_narrows_nothing_gets_the_whole_list():
    assert _members("Thành phần dự hội nghị cấp phường gồm những ai?") == [WHOLE]
    # the meeting's own description names no member: "của Ban Chấp hành Đảng bộ phường", "các chi bộ"
    assert _members("Thành phần hội nghị học tập Nghị quyết 92 của Ban Chấp hành Đảng bộ phường gồm những ai?") == [WHOLE]
    assert _members("Thành phần dự hội nghị học tập nghị quyết của các chi bộ trực thuộc gồm những ai?") == [WHOLE]
    assert _members("Hội nghị học tập Nghị quyết 92 của Ban Chấp hành mời những người nào?") == [WHOLE]
    # what is set aside is never the answer: unbounded by a comma, or with no phrase narrowing the rest
    assert _members("Who besides the cell secretaries is invited to the ward conference?") == [WHOLE]
    assert _members("Ngoài bí thư các chi bộ, những ai được mời dự hội nghị do Ban Chấp hành Đảng bộ phường "
                    "tổ chức?") == [WHOLE]


def test_roles_and_kinds_of_attendee_questions():
    q = analyze("Những người nào ở tổ dân phố được mời dự hội nghị cấp phường?")
    assert q.kind == "who" and q.role == "tham dự"
    assert analyze("Những người nào không được tham dự phiên tòa?").kind == "general"  # (a law's class of people)
    assert analyze("Who from the residential groups is summoned to the ward meeting?").role == "tham dự"
    assert analyze("Hội nghị cấp phường mời những ai?").role == "tham dự"
    assert analyze("Hội nghị cấp phường mời những ai làm báo cáo viên?").role == "báo cáo viên"
    assert analyze("Ngoài lãnh đạo Ủy ban nhân dân, còn những ai được mời đến hội nghị cấp phường?").role != "chủ trì"
    # invited to do something else: that is the role asked
    assert analyze("Ai được mời làm báo cáo viên tại hội nghị cấp phường?").role == "báo cáo viên"
    assert analyze("Cơ quan nào được mời phối hợp thẩm định dự án?").role == "phối hợp"
    assert analyze("Việc đổi mới những nội dung sinh hoạt chi bộ do ban nào chủ trì?").role == "chủ trì"
    # who summons the attendees convenes, it does not attend
    q = analyze("I'm handling logistics for the ward meeting on Resolution 92 — which office has to summon the attendees?")
    assert q.role is None
    # "đảng bộ nào" asks a Party organisation, not the "bộ" of a ministry
    assert analyze("Đảng viên thuộc chi bộ, đảng bộ nào được triệu tập dự hội nghị?").unit_class == ["dang bo", "chi bo"]


def test_a_member_answered_from_the_plan(plans):
    out = ask(plans, "Ngoài các bí thư chi bộ, những người nào ở tổ dân phố được mời dự hội nghị cấp phường học "
                     "tập Nghị quyết 92?")
    assert out["answer"] == "tổ trưởng các tổ dân phố (tham dự)", out["answer"]
    assert "tổ trưởng các tổ dân phố" in out["citations"][0]["text"]
    out = ask(plans, "Thành phần dự hội nghị cấp phường học tập Nghị quyết 92 gồm những ai?")
    assert out["answer"].startswith("Các đồng chí Ủy viên Ban Chấp hành Đảng bộ phường"), out["answer"]


def test_the_kind_of_body_asked_is_no_word_of_the_answer():
    # "bộ phận nào", "lực lượng nào" ask a body as "cơ quan nào" does; the plans name it
    q = analyze("Lực lượng nào được giao tuyên truyền kết quả sơ kết Nghị quyết 06?")
    assert "luc luong" not in [label for label, _ in q.groups]
    q = analyze("Bộ phận nào của Đảng ủy hướng dẫn học tập nghị quyết?")
    assert "bo phan" not in [label for label, _ in q.groups]
    # (a word of the subject, not before the who-word, stays)
    q = analyze("Ai huy động lực lượng tham gia cứu hộ?")
    assert "luc luong" in [label for label, _ in q.groups]


def test_the_askers_own_opening_names_no_role():
    # the asker drafts the study material; the question asks who follows the plan up
    q = analyze("Tôi đang soạn tài liệu sinh hoạt chi bộ về Nghị quyết 17: bộ phận nào của Đảng ủy theo dõi, "
                "đôn đốc việc thực hiện?")
    assert q.kind == "who" and q.role == "kiểm tra/giám sát"


def test_function_words_a_question_relates_with():
    # "bởi" (by), "sự" after "vào", "cùng" of "hợp cùng", "lại" of "báo cáo lại": how the question
    # relates what it asks; the plans and laws say it without them
    q = analyze("Báo cáo sơ kết được dự thảo bởi đơn vị nào trước khi gửi Văn phòng Tỉnh ủy?")
    assert "boi" in q.soft
    q = analyze("Ban Thường vụ Đảng ủy dựa vào sự tham mưu của ủy ban nào khi lập đoàn kiểm tra?")
    assert {"dua", "su"} <= q.soft
    q = analyze("Ban nào hướng dẫn sơ kết rồi báo cáo lại Ban Thường vụ?")
    assert "lai" in q.soft
    q = analyze("ban nao cua dang uy lo viec huong dan quan triet nghi quyet cho dang vien?")
    assert "lo" in q.soft
    # … but not the words the texts write themselves: "cùng cấp", "bồi thường", "tiết lộ"
    q = analyze("Ủy ban nhân dân cùng cấp báo cáo cơ quan nào?")
    assert "cung" not in q.soft
    q = analyze("ai phai boi thuong thiet hai khi tiet lo viec dieu tra?")
    assert not {"boi", "lo"} & q.soft
    assert "lo" not in analyze("Ai bị xử lý khi để lộ việc điều tra?").soft
    assert "lo" not in analyze("ai bi xu ly khi de lo viec dieu tra?").soft
    assert "rieng" not in analyze("Tài sản riêng của vợ do ai quản lý?").soft
