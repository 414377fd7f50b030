"""Who writes the rules, who decides, and who does a task a plan ties to a decision it cites: a law's
delegation clause ("Chính phủ quy định chi tiết …") asked in English as issuing or laying down detailed
rules (actors.asks_rules), a who-decides question answered only by a sentence that says the decision
(actors.asks_decider, actors.decides), and a who-question citing a document no indexed one is
(named.outside_refs)."""

from __future__ import annotations

import pytest

from indexer.answer import ask
from indexer.answer.actors import asks_decider, asks_rules
from indexer.answer.question import analyze
from tests.conftest import assert_answer, index_laws


@pytest.fixture(scope="module")
def laws(tmp_path_factory):
    return index_laws(tmp_path_factory, "delegation-laws", ["luat-vien-chuc.txt", "luat-du-lich.txt"])


def test_rule_making_is_a_verb_with_rules_for_object():
    assert asks_rules("Which body regulates in detail the deposit?", ["quy dinh chi tiet"])
    assert asks_rules("Who issues detailed rules on recruiting public employees?", ["ban hanh", "van de"])
    assert asks_rules("Who lays down regulations on fees?", ["dat ra", "quy dinh"])
    # "issues the licence" is "cấp": another act than writing rules
    assert not asks_rules("Who issues the licence for filming services?", ["ban hanh", "van de"])
    assert not asks_rules("Who grants the detailed rules?", ["cap", "cap phep"])


@pytest.mark.parametrize("question", [
    # "4. Chính phủ quy định chi tiết trình tự, thủ tục đánh giá viên chức quy định tại Điều này."
    "Who issues detailed rules on the process and procedure for evaluating public employees under the Law on "
    "Public Employees?",
    # "4. Chính phủ quy định chi tiết về việc ký quỹ kinh doanh dịch vụ lữ hành …": "regulates in
    # detail" is the clause's own act, not another one the rules are written for
    "Under the Law on Tourism, which body regulates in detail the deposit required for travel service businesses?",
])
def test_issuing_detailed_rules_is_the_delegation_clause(laws, question):
    assert_answer(ask(laws, question), "Chính phủ")


def test_granting_is_still_not_writing_the_rules(laws):
    # "Ai cấp thẻ hướng dẫn viên du lịch": the law's "Bộ trưởng … quy định mẫu thẻ" writes the form,
    # the provincial tourism body grants the card
    out = ask(laws, "Ai cấp thẻ hướng dẫn viên du lịch tại điểm?")
    assert not out["answer"] or "Bộ trưởng" not in out["answer"], out["answer"]
    # "Who issues the licence …": "theo mẫu do Bộ trưởng … quy định" mentions a rule, writes none asked
    # (the unit's own predicate is read: actors.delegates_rules)
    out = ask(laws, "Who issues the on-site tour guide card under the Law on Tourism?")
    assert not out["answer"] or "Bộ trưởng" not in out["answer"], out["answer"]


def test_a_task_tied_to_a_decision_the_plan_cites_is_not_another_task(plans):
    # The plan writes "Chương trình phối hợp giữa Ban Tuyên giáo các cấp với cơ quan quản lý nhà nước
    # cùng cấp … theo Quyết định số 238-QĐ/TW" (a noun phrase, no unit's item); "Ban Tuyên giáo Tỉnh
    # ủy chủ trì, phối hợp với các ban xây dựng Đảng tỉnh …" is another task that cites no 238
    out = ask(plans, "Theo kế hoạch thực hiện Kết luận 224-KL/TU của Tỉnh ủy Lai Châu, Ban Tuyên giáo các cấp "
                     "thực hiện chương trình phối hợp với cơ quan nào theo Quyết định 238-QĐ/TW?")
    assert not out["answer"] or "Văn phòng Tỉnh ủy" not in out["answer"], out["answer"]
    # a plan named by the number of what it implements, a year or a span is no outside citation
    from indexer.answer.named import outside_refs

    docs = [d.model_dump() for d in plans.documents()]
    for text in ("Theo kế hoạch 224, ai lãnh đạo Hội đồng nhân dân tỉnh?", "Theo KH 2021 ai chu tri so ket?",
                 "Ai chủ trì kế hoạch 5 năm?"):
        assert outside_refs(analyze(text, "", None, "vi"), docs) == [], text
    assert outside_refs(analyze("theo quyet dinh 238-qd/tw ai phoi hop", "", None, "vi-noaccent"), docs) == \
        [("238", "qd")]
    # a document the corpus holds is no outside citation: the plan for Kết luận 224 still answers
    out = ask(plans, "Theo kế hoạch thực hiện Kết luận 224-KL/TU, cơ quan nào chủ trì theo dõi, đôn đốc, kiểm tra "
                     "việc thực hiện Kết luận?")
    assert_answer(out, "Ban Tuyên giáo Tỉnh ủy")


@pytest.fixture(scope="module")
def court_laws(tmp_path_factory):
    return index_laws(tmp_path_factory, "decider-laws", ["luat-to-tung-hanh-chinh.txt", "luat-giao-duc.txt"])


@pytest.mark.parametrize("text, language, asked", [
    ("Cơ quan nào quyết định thu hồi Giấy phép phân loại phim?", "vi", True),
    ("neu chu toa vang mat thi ai ra quyet dinh hoan phien toa?", "vi-noaccent", True),
    ("Ai là người quyết định số lượng người làm việc?", "vi", True),
    ("Who decides on replacing a judge?", "en", True),
    ("Which body has the final say on the headcount?", "en", True),
    ("Ai ký Quyết định số 238-QĐ/TW?", "vi", False),
    ("Cơ quan nào thông báo quyết định cho đương sự?", "vi", False),
    # "rules" is the object of "issues": who writes the rules, not who decides
    ("Who issues detailed rules on recruiting public employees?", "en", False),
])
def test_who_decides_is_asked_by_its_verb(text, language, asked):
    assert asks_decider(analyze(text, "", None, language)) is asked


def test_a_withdrawn_decider_leaves_the_question_to_the_sentence_that_decides(court_laws):
    # The extracted items the question reads first name a body whose sentence decides nothing
    # ("Tòa án … thông báo …"); the body that decides is said by a sentence with no extracted item
    # ("Trường hợp người làm chứng vắng mặt thì Hội đồng xét xử quyết định hoãn phiên tòa hoặc vẫn
    # tiến hành xét xử"), which the in-place reader reads once the first answer is withdrawn.
    assert_answer(ask(court_laws, "Phiên tòa hành chính mà người làm chứng vắng mặt thì ai quyết định hoãn phiên "
                                  "tòa hay vẫn tiến hành xét xử?"), "Hội đồng xét xử")


def test_a_body_whose_sentence_decides_nothing_does_not_answer_who_decides(court_laws):
    # "Trường hợp Chủ tọa phiên tòa vắng mặt thì Chánh án Tòa án ra quyết định hoãn phiên tòa": decides
    assert_answer(ask(court_laws, "Neu chu toa phien toa vang mat thi ai ra quyet dinh hoan phien toa hanh chinh?"),
                  "Chánh án Tòa án")
    # the act decided said instead of "quyết định": "Hội đồng quốc gia thẩm định sách giáo khoa … do Bộ
    # trưởng Bộ Giáo dục và Đào tạo thành lập"
    assert_answer(ask(court_laws, "Cơ quan nào quyết định thành lập Hội đồng quốc gia thẩm định sách giáo khoa?"),
                  "Bộ trưởng Bộ Giáo dục và Đào tạo")
    # Điều 49: a provincial court's Chief Justice replaced is decided by the Chief Justice of the high
    # court (a list point no unit's item holds); "Tòa án nhân dân tối cao thông báo … mở phiên họp"
    # decides nothing
    out = ask(court_laws, "to tung hanh chinh: truoc khi mo phien toa, neu tham phan bi de nghi thay doi la Chanh "
                          "an toa an cap tinh thi ai quyet dinh?")
    assert not out["answer"] or "cấp cao" in out["answer"], out["answer"]
