"""Calibrated abstention (issue "2 of 7"): a wrong short answer is worse than none. Real corpus text:
the plans (hash embedder, as in test_support) and sentences of the ALQAC laws."""

from __future__ import annotations

from types import SimpleNamespace

from indexer.answer import ask, contested, deadline_clause, named_documents, said_by_question
from indexer.answer.passages import duration_items, quantity_items
from indexer.answer.question import analyze
from indexer.answer.support import Support


def _result(text: str, doc_id: str = "law", start: int = 0):
    return SimpleNamespace(text=text, doc_id=doc_id, doc_title="Luật", start=start, end=start + len(text),
                           section_path_parts=["Chương II"])


def test_named_document_answers_alone(plans):
    question = "Cơ quan nào tham mưu kiểm tra, giám sát việc thực hiện Nghị quyết 08 về du lịch?"
    named = named_documents(analyze(question), [d.model_dump() for d in plans.documents()])
    assert len(named) == 1
    r = ask(plans, question)
    assert all(it["doc_id"] in named for it in r["items"]), "no item of another plan answers it"


def test_unit_the_question_names_is_not_its_answer():
    q = analyze("Ai chỉ đạo UBND tỉnh ban hành cơ chế và bố trí kinh phí để thực hiện Kết luận 224?")
    assert said_by_question(q, {"unit_normalized": "Ủy ban nhân dân cấp tỉnh"})
    assert not said_by_question(q, {"unit_normalized": "Ban cán sự đảng Ủy ban nhân dân tỉnh"})
    q = analyze("Đơn vị nào có thẩm quyền cấp giấy phép phân loại phim?")
    assert said_by_question(q, {"unit_normalized": "Cơ quan cấp Giấy phép phân loại phim"})
    q = analyze("Văn phòng nào thẩm định và tham mưu Ban Thường vụ Tỉnh ủy báo cáo sơ kết?")
    assert not said_by_question(q, {"unit_normalized": "Văn phòng Tỉnh ủy"}), "not said as one stretch"
    # an abbreviation typed without diacritics names its unit too
    q = analyze("o dia phuong, co quan nao moi nam phai bao cao HDND cung cap ve viec thuc hien quyen tiep can thong tin?")
    assert said_by_question(q, {"unit_normalized": "Hội đồng nhân dân"})
    assert not said_by_question(q, {"unit_normalized": "Ủy ban nhân dân cùng cấp"})


def test_deadline_is_supported_by_its_own_clause():
    text = ("Văn phòng Tỉnh ủy thẩm định, tham mưu Ban Thường vụ Tỉnh ủy Báo cáo sơ kết 05 năm thực hiện "
            "Nghị quyết số 06-NQ/TU, gửi về Thường trực Tỉnh ủy trước ngày 20/11/2021; tham mưu tổ chức Hội "
            "nghị sơ kết 05 năm thực hiện Nghị quyết số 06-NQ/TU ở cấp tỉnh.")
    at = text.index("trước ngày 20/11/2021")
    clause = deadline_clause({"quote": text, "start": 1000, "when_start": 1000 + at})
    assert "gửi về Thường trực" in clause and "Hội nghị" not in clause
    assert clause.startswith("Văn phòng Tỉnh ủy"), "the sentence's actor stays"


def test_exception_clause_gives_no_duration_of_the_rule():
    """The 12 months of "trừ trường hợp đã có thời gian từ đủ 12 tháng trở lên …" are the exception's:
    marked so, and dropped for a question that says only the rule's words (the probation's length)."""
    from indexer.answer.owners import _asked_exception
    from indexer.answer.question import analyze
    from indexer.answer.support import Support

    text = ("1. Người trúng tuyển viên chức phải thực hiện chế độ tập sự, trừ trường hợp đã có thời gian từ "
            "đủ 12 tháng trở lên thực hiện chuyên môn, nghiệp vụ phù hợp với yêu cầu của vị trí việc làm.")
    items = duration_items([_result(text)])
    assert items and all(it.get("exception", "").startswith("trừ trường hợp") for it in items)
    q = analyze("Người trúng tuyển viên chức phải thực hiện chế độ tập sự bao lâu?", None, None, "vi")
    assert _asked_exception(q, [(5.0, it, Support(1.0, 1.0)) for it in items]) == []
    assert [i["when"] for i in duration_items([_result("Thời gian tập sự là 12 tháng.")])] == ["là 12 tháng"]
    # "liên tiếp" (consecutive) is part of the span: two years in a row, not two in all
    text = "a) Viên chức có 02 năm liên tiếp bị phân loại đánh giá ở mức độ không hoàn thành nhiệm vụ;"
    assert [i["when"] for i in duration_items([_result(text)])] == ["02 năm liên tiếp"]
    assert [i["when"] for i in duration_items([_result("Người đó vắng mặt 06 tháng liền.")])] == ["06 tháng liền"]


def test_quantity_is_not_supported_by_its_neighbours_clause():
    text = "a) Nam từ đủ 20 tuổi trở lên, nữ từ đủ 18 tuổi trở lên;"
    men, women = quantity_items([_result(text)], "tuoi")
    assert "nữ" not in men["task"] and "Nam" in men["task"]
    assert "18 tuổi" in women["task"] and "20 tuổi" not in women["task"]


def _scored(score: float, answer: str, start: int, subject: float = 0.5):
    item = {"kind": "target", "doc_id": "luat-giao-duc", "start": start, "answer": answer}
    return score, item, Support(0.9, 1.0, subject=subject)


def test_two_different_answers_with_equal_support_are_contested():
    # "Tuổi của học sinh vào học lớp một là 06 tuổi … lớp sáu là 11 tuổi": the question's "một" is
    # a number word, so the support cannot tell the two apart.
    q = analyze("Theo Luật Giáo dục, tuổi của học sinh vào học lớp một là bao nhiêu?")
    assert contested(q, [_scored(5.95, "06 tuổi", 10), _scored(5.95, "11 tuổi", 500)], set())
    assert not contested(q, [_scored(5.95, "06 tuổi", 10), _scored(5.2, "11 tuổi", 500)], set())
    assert not contested(q, [_scored(5.95, "06 tuổi", 10), _scored(5.95, "06 tuổi", 500)], set()), \
        "the same answer twice is no rival"
    assert not contested(q, [_scored(5.95, "06 tuổi", 10, 0.6), _scored(5.9, "11 tuổi", 500, 0.4)], set()), \
        "a rival whose own subject says less is told apart"


def _who(unit: str, role: str, quote: str, start: int, score: float, missing=()):
    item = {"kind": "responsibility", "doc_id": "001", "start": start, "end": start + len(quote),
            "unit": unit, "role": role, "quote": quote, "task": quote[len(unit):].strip()}
    return score, item, Support(1.0, 1.0, missing=list(missing))


# "Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các đơn vị liên quan hướng dẫn, theo dõi, đôn đốc
# việc sơ kết …" (a plan of the corpus), and a unit of another sentence that only carries it out.
_LEAD = "Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các đơn vị liên quan hướng dẫn, theo dõi, đôn đốc việc sơ kết"
_DOER = "Các huyện ủy, thành ủy tổ chức sơ kết ở địa phương"


def test_weak_who_evidence_is_no_answer():
    from indexer.answer import weak_who

    q = analyze("Cơ quan nào chủ trì hướng dẫn việc sơ kết?")
    assert q.kind == "who" and q.role == "chủ trì"
    lead = _who("Ban Tuyên giáo Tỉnh ủy", "chủ trì", _LEAD, 100, 6.0)
    doer = _who("Huyện ủy", "thực hiện", _DOER, 900, 5.0)
    assert not weak_who(q, [lead, doer], set())
    assert weak_who(q, [_who("Ban Tuyên giáo Tỉnh ủy", "chủ trì", _LEAD, 100, 6.0, ["hướng dẫn"])], set()), \
        "a word of a Vietnamese question the unit's sentence leaves unsaid"
    assert weak_who(q, [_who("Huyện ủy", "thực hiện", _DOER, 900, 6.0)], set()), \
        "asked who leads, answered by a unit that only carries out"
    rival = _who("Ban Tổ chức Tỉnh ủy", "chủ trì", "Ban Tổ chức Tỉnh ủy chủ trì hướng dẫn việc sơ kết", 2000, 5.8)
    assert weak_who(q, [lead, rival], set()), "two leads of different sentences nearly tied"


def test_relation_answer_needs_every_word_of_a_vietnamese_question(plans):
    # "Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các đơn vị liên quan hướng dẫn, theo dõi, đôn đốc
    # việc sơ kết ở các địa phương, cơ quan, đơn vị …": the partner is named when the sentence says
    # the whole question, not when it leaves "cơ sở" unsaid (support.ok would let it pass).
    asked = "Ban Tuyên giáo Tỉnh ủy phối hợp với ai hướng dẫn, theo dõi, đôn đốc việc sơ kết ở các địa phương"
    assert ask(plans, asked + "?")["answer"] == "các đơn vị liên quan"
    assert ask(plans, asked + ", đơn vị, cơ sở?")["answer"] is None


def test_retrieval_rank_alone_does_not_pick_a_unit():
    # Luật An ninh mạng: "Bộ Công an chịu trách nhiệm trước Chính phủ thực hiện quản lý nhà nước về
    # an ninh mạng …" and "Bộ Quốc phòng chịu trách nhiệm trước Chính phủ thực hiện quản lý nhà nước
    # về an ninh mạng trong phạm vi quản lý …": the same support, only the search's rank differs.
    from indexer.answer import weak_who

    q = analyze("Cơ quan nào quản lý nhà nước về an ninh mạng?")
    cong_an = "Bộ Công an chịu trách nhiệm trước Chính phủ thực hiện quản lý nhà nước về an ninh mạng"
    quoc_phong = ("Bộ Quốc phòng chịu trách nhiệm trước Chính phủ thực hiện quản lý nhà nước về an ninh mạng "
                  "trong phạm vi quản lý")
    first = _who("Bộ Quốc phòng", "thực hiện", quoc_phong, 100, 4.0 + 0.5)  # + the first rank's 0.5
    second = _who("Bộ Công an", "thực hiện", cong_an, 900, 4.0)
    assert weak_who(q, [first, second], set())
    stronger = _who("Bộ Quốc phòng", "chủ trì", quoc_phong, 100, 4.8 + 0.5)
    assert not weak_who(q, [stronger, second], set()), "a rival its own sentence supports less"
    assert not weak_who(analyze("Which body performs state management of cybersecurity?"), [first, second], set()), \
        "an English question: the model's rank reads what the glossary senses tie"


def test_an_english_question_naming_the_unit_before_it_asks_is_not_answered_by_it():
    from indexer.answer.fit_who import said_by_question
    from indexer.search.translate import translate

    text = "In the review, the provincial Propaganda Board coordinates with which office?"
    q = analyze(text, "", translate(text), "en")
    assert said_by_question(q, {"unit": "Ban Tuyên giáo Tỉnh ủy", "unit_normalized": "Ban Tuyên giáo Tỉnh ủy"})
    assert not said_by_question(q, {"unit": "Văn phòng Tỉnh ủy", "unit_normalized": "Văn phòng Tỉnh ủy"})
    # asked, not named: the board answers
    text = "Which board is responsible for propaganda in the province?"
    q = analyze(text, "", translate(text), "en")
    assert not said_by_question(q, {"unit": "Ban Tuyên giáo Tỉnh ủy", "unit_normalized": "Ban Tuyên giáo Tỉnh ủy"})


def test_an_english_question_naming_the_unit_after_the_asked_phrase_is_not_answered_by_it():
    from indexer.answer.fit_who import said_by_question
    from indexer.search.translate import translate

    board = {"unit": "Ban Tuyên giáo Tỉnh ủy", "unit_normalized": "Ban Tuyên giáo Tỉnh ủy"}
    text = "Which bodies work alongside the provincial Propaganda Board in monitoring the conclusion?"
    q = analyze(text, "", translate(text), "en")
    assert said_by_question(q, board)
    assert not said_by_question(q, {"unit": "Văn phòng Tỉnh ủy", "unit_normalized": "Văn phòng Tỉnh ủy"})
    # the asked phrase names the kind wanted, not a unit: the board answers
    text = "Which provincial propaganda board leads the study sessions?"
    q = analyze(text, "", translate(text), "en")
    assert not said_by_question(q, board)
    # after "whom", the question names the unit: not its answer
    text = "Whom does the provincial Propaganda Board report to on the conclusion?"
    q = analyze(text, "", translate(text), "en")
    assert said_by_question(q, board)
