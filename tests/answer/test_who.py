"""Who-questions the items of a task do not answer (fresh3 tuning half): who makes up a body ("X gồm
…"), who signed a plan, where a plan is reported ("Nơi nhận … (báo cáo)"), who presents the report,
reporting relations ("báo cáo những ai", "báo cáo về đâu", "báo cáo của cơ quan nào"). Real text:
the plans under corpus/ and the ALQAC laws under ../shared/corpus-alqac."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from indexer.answer.passages import composition_items, recipient_items, signer_items
from indexer.answer.question import analyze
from tests.conftest import CORPUS, SHARED


def _law(name: str) -> str:
    path = SHARED / "corpus-alqac" / name
    if not path.exists():
        pytest.skip(f"{path} not present")
    return path.read_text(encoding="utf-8")


def _paragraph(text: str, words: str) -> str:
    return next(p for p in text.split("\n") if words in p)


def _result(text: str, doc_id: str):
    return SimpleNamespace(text=text, doc_id=doc_id, doc_title="Luật", start=0, end=len(text),
                           section_path_parts=["Điều"])


def test_a_body_made_of_members_is_read_from_gom():
    constitution = _paragraph(_law("hien-phap.txt"), "Chính phủ gồm Thủ tướng")
    items = composition_items([_result(constitution, "hien-phap")])
    assert [it["unit"] for it in items] == [
        "Thủ tướng Chính phủ, các Phó Thủ tướng Chính phủ, các Bộ trưởng và Thủ trưởng cơ quan ngang bộ"]
    assert items[0]["role"] == "thành phần"
    # a bare "Hội đồng" takes the words of the sentence before it: which council it is
    education = _paragraph(_law("luat-giao-duc.txt"), "Hội đồng quốc gia thẩm định chương trình giáo dục phổ thông")
    item = composition_items([_result(education, "luat-giao-duc")])[0]
    assert item["unit"].startswith("nhà giáo, cán bộ quản lý giáo dục")
    assert "giáo dục phổ thông" in item["task"]
    # things are not bodies: "Giáo dục phổ thông gồm giáo dục tiểu học, …" says no one
    levels = _paragraph(_law("luat-giao-duc.txt"), "Giáo dục phổ thông gồm giáo dục tiểu học")
    assert composition_items([_result(levels, "luat-giao-duc")]) == []
    # an exception ends the list
    court = _paragraph(_law("luat-to-tung-hanh-chinh.txt"), "Hội đồng xét xử sơ thẩm gồm một Thẩm phán")
    assert composition_items([_result(court, "tt")])[0]["unit"] == "một Thẩm phán và 02 Hội thẩm nhân dân"


@pytest.mark.parametrize("question, kind, role", [
    ("Ban dieu hanh Trung tam trong tai gom nhung ai?", "who", "thành phần"),
    ("Theo Hiến pháp, Chính phủ gồm những thành viên nào?", "who", "thành phần"),
    ("Who sits on the national council that appraises the general education curriculum?", "who", "thành phần"),
    ("Ai ký kế hoạch tuyên truyền Nghị quyết 92-NQ/TU?", "who", "ký"),
    ("Who signed the Binh Lu plan on Resolution 08-NQ/TU?", "who", "ký"),
    ("Who issued the Nong Tien ward plan for Resolution 92-NQ/TU?", "who", "xây dựng"),
    ("Who presents the main report at the conference on Resolution 06-NQ/TU?", "who", "báo cáo viên"),
    ("Which Party cells in Binh Lu must draw up plans to deliver Resolution 17's targets?", "who", "xây dựng"),
    ("Các chi bộ tự chấm điểm chất lượng xong thì phải báo cáo về đâu?", "who", None),
])
def test_kind_and_role_of_who_questions(question, kind, role):
    q = analyze(question)
    assert (q.kind, q.role) == (kind, role)


def test_composition_words_are_not_the_subject():
    q = analyze("Theo Hiến pháp, Chính phủ gồm những thành viên nào?")
    assert [label for label, _ in q.groups] == ["hien phap", "chinh phu"]
    q = analyze("Who presents the main report at the conference on Resolution 06-NQ/TU?")
    assert not {"presents", "report"} & {label for label, _ in q.groups}


def test_signature_and_distribution_list_of_a_plan():
    text = (CORPUS / "001_13c436cc350afe16.txt").read_text(encoding="utf-8")
    signed = signer_items([("001", "Kế hoạch", text, "")])
    assert [it["unit"] for it in signed] == ["Nguyễn Mạnh Hùng"] and signed[0]["role"] == "ký"
    assert "T/M BAN THƯỜNG VỤ" in signed[0]["quote"]
    reported = recipient_items([("001", "Kế hoạch", text, "")])
    assert [it["unit"] for it in reported] == ["Ban Tuyên giáo và Dân vận Tỉnh ủy"], \
        "only the entry marked (báo cáo), not those that carry the plan out"
    law = _law("hien-phap.txt")
    assert [it["unit"] for it in signer_items([("hp", "Hiến pháp", law, "")])] == ["Nguyễn Sinh Hùng"]


def test_who_signed_and_where_the_plan_is_reported(plans):
    from indexer.answer import ask

    r = ask(plans, "Ai ký kế hoạch tuyên truyền, học tập Nghị quyết 92-NQ/TU của phường Nông Tiến?")
    assert r["answer"].startswith("Nguyễn Mạnh Hùng") and r["role"] == "ký"
    assert "Nguyễn Mạnh Hùng" in r["citations"][0]["text"]
    r = ask(plans, "Ke hoach hoc tap Nghi quyet 92 cua phuong Nong Tien duoc gui bao cao len co quan nao cua tinh?")
    assert r["answer"] == "Ban Tuyên giáo và Dân vận Tỉnh ủy"
    r = ask(plans, "Ban Chỉ đạo thực hiện Nghị quyết 17-NQ/TU của xã Bình Lư gồm những ai?")
    assert r["answer"] is None, "no text says who the steering board is: no unit that merely acts"


def test_reporting_relations(plans):
    from indexer.answer import ask
    from indexer.answer.relations import asked_relation, relation_objects

    assert asked_relation("Ban Tuyên giáo Tỉnh ủy định kỳ báo cáo những ai?") == "recipient"
    assert asked_relation("Các chi bộ phải báo cáo về đâu?") == "recipient"
    assert asked_relation("Hội đồng nhân dân xem xét báo cáo của cơ quan nào?") == "author"
    line = _paragraph(_law("luat-tiep-can-thong-tin.txt"), "xem xét báo cáo của Ủy ban nhân dân cùng cấp")
    assert [line[s:e] for s, e in relation_objects(line, "author")] == ["Ủy ban nhân dân cùng cấp"], \
        "the report's topic ('về tình hình …') ends the name"
    r = ask(plans, "Sau hội nghị học tập Nghị quyết 92, các chi bộ tự chấm điểm chất lượng xong thì phải báo cáo về đâu?")
    assert r["answer"] == "Thường trực Đảng ủy phường"


def test_an_exception_clause_is_not_the_duty():
    from indexer.answer.own_text import _without_exceptions

    line = _paragraph(_law("luat-an-ninh-mang.txt"), "thuộc Bộ Công an     kiểm tra an ninh mạng đột xuất")
    own = _without_exceptions(line)
    assert "kiểm tra an ninh mạng đột xuất" in own and "quân sự" not in own, \
        "the police force checks systems other than the military ones"


def test_the_owner_of_the_asked_kind_answers():
    from indexer.answer.fit_who import _owner_of_class

    line = _paragraph(_law("luat-an-ninh-mang.txt"), "thuộc Bộ Quốc phòng kiểm tra an ninh mạng đột xuất")
    unit = "Lực lượng chuyên trách bảo vệ an ninh mạng thuộc Bộ Quốc phòng"
    item = {"unit": unit, "unit_normalized": unit, "unit_start": 0, "unit_end": len(unit), "quote": line}
    owner = _owner_of_class(item, ["bo"])
    assert owner["unit"] == "Bộ Quốc phòng" and line[owner["unit_start"]:owner["unit_end"]] == "Bộ Quốc phòng"
    assert _owner_of_class(item, ["so"]) is None


def test_a_partner_named_by_a_task_without_its_actor(plans):
    from indexer.answer import ask
    from indexer.answer.relations import asked_relation

    assert asked_relation("Who should Binh Lu commune work with to survey new tour routes?") == "partner"
    # "Chủ động phối hợp với các công ty lữ hành khảo sát, xây dựng tour - tuyến mới đến Bình Lư": a
    # task under a heading, no actor of its own; the partner is the answer, "khảo sát" its predicate
    r = ask(plans, "Theo kế hoạch phát triển du lịch của xã Bình Lư, cần phối hợp với ai để khảo sát, "
                   "xây dựng tour - tuyến mới?")
    assert r["answer"] == "các công ty lữ hành"


@pytest.mark.parametrize("question, role", [
    ("Who is responsible for appraising the draft review report of Resolution 06-NQ/TU?", "tham mưu"),
    ("Ai thẩm định dự thảo Báo cáo sơ kết Nghị quyết 06?", "tham mưu"),
    ("Who is the speaker at the conference on Resolution 08-NQ/TU?", "báo cáo viên"),
    ("Who takes the lead in monitoring implementation of Conclusion 224?", "chủ trì"),
])
def test_an_english_verb_after_an_article_is_a_noun(question, role):
    assert analyze(question).role == role


def test_who_appraises_and_who_receives(plans):
    from indexer.answer import ask
    from indexer.answer.relations import asked_relation

    r = ask(plans, "Who is responsible for appraising the draft review report of Resolution 06-NQ/TU?")
    assert (r["answer"] or "").startswith("Văn phòng Tỉnh ủy"), "'the draft' asks no drafter"
    assert asked_relation("Which body receives the review reports from the districts?") == "recipient"


def test_a_body_is_not_answered_by_a_meeting_list_that_names_it(plans):
    from indexer.answer import ask

    # the ward conference's "Thành phần: Các đồng chí Ủy viên Ban Chấp hành Đảng bộ phường, … Đảng
    # ủy …" says who is invited, not who makes up the Standing Committee
    r = ask(plans, "Ban Thường vụ Đảng ủy phường Nông Tiến gồm những đồng chí nào?")
    assert r["answer"] is None
    r = ask(plans, "Những ai được mời dự hội nghị cấp phường quán triệt Nghị quyết 92-NQ/TU ở Nông Tiến?")
    assert (r["answer"] or "").startswith("Các đồng chí Ủy viên Ban Chấp hành Đảng bộ phường")


def test_the_document_a_question_asks_to_be_made_is_its_subject(plans):
    from indexer.answer import ask

    q = analyze("Ai chủ trì xây dựng Đề án phát triển du lịch cộng đồng xã Bình Lư?")
    assert "de an" in [label for label, _ in q.groups]
    assert "ke hoach" not in [label for label, _ in analyze("Theo kế hoạch của xã Bình Lư, ai chủ trì?").groups]
    r = ask(plans, "Ai chủ trì xây dựng Đề án phát triển du lịch cộng đồng xã Bình Lư?")
    assert r["answer"] is None, "no plan speaks of such a scheme"


def test_members_listed_inline_or_as_points():
    heirs = _paragraph(_law("bo-luat-dan-su.txt"), "Hàng thừa kế thứ nhất gồm:")
    item = composition_items([_result(heirs, "blds")])[0]
    assert item["unit"] == "vợ, chồng, cha đẻ, mẹ đẻ, cha nuôi, mẹ nuôi, con đẻ, con nuôi của người chết"
    # the index cuts a clause's points from its opening line: the heading says whose points they are
    points = SimpleNamespace(text="a) Người được pháp nhân chỉ định theo điều lệ;\n\nb) Người có thẩm quyền đại diện "
                                  "theo quy định của pháp luật;", doc_id="blds", doc_title="Bộ luật", start=0,
                             end=90, section_path_parts=["Điều 137. Đại diện theo pháp luật của pháp nhân",
                                                         "1. Người đại diện theo pháp luật của pháp nhân bao gồm"])
    item = composition_items([points])[0]
    assert item["unit"].startswith("a) Người được pháp nhân chỉ định") and item["task"].startswith("Người đại diện")
    # things listed are no members: "Biện pháp bảo vệ an ninh mạng bao gồm: …"
    measures = SimpleNamespace(**dict(vars(points), section_path_parts=["1. Biện pháp bảo vệ an ninh mạng bao gồm"]))
    assert composition_items([measures]) == []


@pytest.mark.parametrize("question", [
    "Who makes up the Government?", "What does the Government comprise?",
    "Ai là thành viên của Ủy ban thường vụ Quốc hội?", "Hội đồng quốc phòng và an ninh có những thành viên nào?",
])
def test_more_ways_to_ask_who_makes_up_a_body(question):
    q = analyze(question)
    assert (q.kind, q.role) == ("who", "thành phần")


def test_an_english_level_word_is_not_decisive(plans):
    from indexer.answer import ask

    q = analyze("Which unit prepares the conditions for the ward Party Committee's conference on Resolution 92?")
    alts = dict(q.groups)["ward party committee"]
    assert alts[0] == "dang uy phuong" and "dang uy" in alts
    r = ask(plans, "Which unit prepares the conditions for the ward Party Committee's conference on Resolution 92?")
    assert (r["answer"] or "").startswith("Văn phòng Đảng ủy"), "the plan says 'Hội nghị của Đảng ủy'"


def test_a_plan_named_only_by_the_number_it_implements(plans):
    from indexer.answer import ask

    r = ask(plans, "Who signed the plan implementing Conclusion 224-KL/TU?")
    assert (r["answer"] or "").startswith("Lê Văn Lương")
    r = ask(plans, "Ai ký Nghị quyết 08-NQ/TU?")
    assert r["answer"] is None, "the resolution is not here; the commune plan implementing it was signed by another"


def test_the_body_notified_or_provided_with_a_list_is_the_recipient():
    from indexer.answer.relations import asked_relation, relation_objects
    from tests.conftest import law_line

    # a body named by its kind, with its competence and its place, after "thông báo cho", "cung cấp … cho"
    line = law_line("luat-du-lich.txt", "Thông báo bằng văn bản cho cơ quan chuyên môn về du lịch cấp tỉnh nơi có cơ sở")
    assert [line[a:b] for a, b in relation_objects(line, "recipient")] == [
        "cơ quan chuyên môn về du lịch cấp tỉnh nơi có cơ sở lưu trú du lịch"]
    line = law_line("luat-dien-anh.txt", "Cung cấp danh mục phim chiếu cho cơ quan nhà nước có thẩm quyền")
    assert [line[a:b] for a, b in relation_objects(line, "recipient")] == [
        "cơ quan nhà nước có thẩm quyền tại địa phương nơi tổ chức đăng ký kinh doanh"]
    assert asked_relation("Which authority must a grower notify when soil pollution occurs?") == "recipient"
    assert asked_relation("Đơn vị chiếu phim phải cung cấp danh mục phim cho cơ quan nào?") == "recipient"
    # a stranded "to" before the purpose that follows asks where the thing is sent
    assert asked_relation("Once a divorce judgment takes legal effect, which authority must the court send it "
                          "to so it can be entered in the civil status register?") == "recipient"
    assert asked_relation("Which provincial board is the ward's study plan for Resolution 92 sent to for "
                          "reporting?") == "recipient"
    # the actor asked, not the recipient
    assert asked_relation("Which authority notifies the grower of the inspection result?") is None
    assert asked_relation("Who sends the report to the People's Committee for approval?") is None


def test_the_recipient_named_by_what_it_did_keeps_its_clause():
    """Luật Hôn nhân và gia đình: "… phải được gửi cho cơ quan đã thực hiện việc đăng ký kết hôn để ghi
    vào sổ hộ tịch": the verb after "đã" is the recipient's own relative clause, not the predicate
    after it (the name was cut to "cơ quan đã")."""
    from indexer.answer.relations import relation_objects
    from tests.conftest import law_line

    line = law_line("luat-hon-nhan-va-gia-dinh.txt", "Quyết định của Tòa án về việc hủy kết hôn trái pháp luật")
    assert [line[a:b] for a, b in relation_objects(line, "recipient")] == ["cơ quan đã thực hiện việc đăng ký kết hôn"]


def test_whose_confirmation_a_thing_needs_is_its_author():
    from indexer.answer.relations import asked_relation, relation_objects
    from tests.conftest import law_line

    line = law_line("luat-cu-tru.txt", "Có xác nhận của Ủy ban nhân dân cấp xã về việc phương tiện")
    # the name ends at the nearer of its ends: "về việc …" before "trong trường hợp …"
    assert [line[a:b] for a, b in relation_objects(line, "author")] == ["Ủy ban nhân dân cấp xã"]
    assert asked_relation("Đăng ký thường trú tại phương tiện cần có xác nhận của cơ quan nào?") == "author"
    assert asked_relation("Người được cơ sở trợ giúp xã hội nuôi dưỡng cần văn bản đề nghị của ai?") == "author"
    # a document's own issuer is asked otherwise ("văn bản của cơ quan nào": which body issued it)
    assert asked_relation("Nghị quyết 103/NQ-CP là văn bản của cơ quan nào?") is None


def test_the_party_asked_to_act_is_the_addressee():
    from indexer.answer.relations import asked_relation, relation_objects
    from tests.conftest import law_line

    line = law_line("luat-trong-tai-thuong-mai.txt", "thì có quyền yêu cầu Chủ tịch Trung tâm trọng tài ra quyết định")
    assert "Chủ tịch Trung tâm trọng tài" in [line[a:b] for a, b in relation_objects(line, "addressee")]
    assert asked_relation("Các bên có quyền yêu cầu ai ra quyết định đình chỉ giải quyết tranh chấp?") == "addressee"
    assert asked_relation("Whom may the parties ask to issue a decision terminating the proceedings?") == "addressee"
    # who asks is the actor: no relation
    assert asked_relation("Ai yêu cầu Tòa án giải quyết ly hôn?") is None


def test_the_holder_of_an_authority_and_the_body_answered_to_are_relations():
    """"Kiểm sát viên chịu sự chỉ đạo của ai?", "… thuộc sở hữu của ai?", "Thủ tướng chịu trách nhiệm
    trước cơ quan nào?": the asked one is written after the question's own noun and "của" (or after
    "chịu trách nhiệm trước"), never the sentence's subject, which the subject reader answered with."""
    from indexer.answer.relations import asked_relation, relation_objects
    from tests.conftest import law_line

    assert asked_relation("Khi thuc hanh quyen cong to, Kiem sat vien chiu su chi dao cua ai?") == "of:chi dao"
    assert asked_relation("Tài sản của trường dân lập thuộc sở hữu của ai?") == "of:so huu"
    assert asked_relation("Thủ tướng Chính phủ chịu trách nhiệm trước cơ quan nào?") == "answerable"
    assert asked_relation("Under the Constitution, to whom is a People's Council responsible?") == "answerable"
    # a duty's own noun asks who acts
    assert asked_relation("Tuyên truyền là trách nhiệm của ai?") is None
    line = law_line("hien-phap.txt", "Kiểm sát viên tuân theo pháp luật và chịu sự chỉ đạo")
    assert [line[a:b] for a, b in relation_objects(line, "of:chi dao")] == ["Viện trưởng Viện kiểm sát nhân dân"]
    line = law_line("luat-giao-duc.txt", "Tài sản của trường dân lập thuộc sở hữu")
    assert [line[a:b] for a, b in relation_objects(line, "of:so huu")] == ["pháp nhân nhà trường"]
    # the body answered to ends before the matter it answers for ("về hoạt động của Chính phủ")
    line = law_line("hien-phap.txt", "người đứng đầu Chính phủ, chịu trách nhiệm trước Quốc hội")
    assert [line[a:b] for a, b in relation_objects(line, "answerable")][0] == "Quốc hội"
    line = law_line("hien-phap.txt", "do Nhân dân địa phương bầu ra, chịu trách nhiệm trước")
    assert [line[a:b] for a, b in relation_objects(line, "answerable")] == [
        "Nhân dân địa phương và cơ quan nhà nước cấp trên"]


def test_a_stranded_to_at_the_end_asks_the_recipient():
    from indexer.answer.relations import asked_relation

    assert asked_relation("Once a party cell in Nông Tiến has held its study session on Resolution 92 and scored "
                          "itself, who should it report the self-assessment to?") == "recipient"
    assert asked_relation("Who reports the results to the Standing Committee?") is None
