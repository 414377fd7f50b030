"""General rules of Vietnamese question and administrative text (issue "2 of 7", round 3), each on
real text: the plans under corpus/ and the ALQAC laws under ../shared/corpus-alqac."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from indexer.answer import contested, score_items
from indexer.answer.passages import quantity_items
from indexer.answer.question import analyze
from tests.conftest import SHARED, law_line


def _result(text: str, doc_id: str, start: int = 0):
    return SimpleNamespace(text=text, doc_id=doc_id, doc_title="Luật", start=start, end=start + len(text),
                           section_path_parts=["Điều 29"])


LAW_DOCS = [{"id": "luat-giao-duc", "type": "Luật", "title": "Luật Giáo dục"}]


def test_ordinal_stays_with_its_noun():
    # Luật Giáo dục, Điều 29: "… lớp một là 06 tuổi …; … lớp sáu là 11 tuổi …; … lớp mười là 15 tuổi".
    lines = [law_line("luat-giao-duc.txt", w) for w in ("học lớp một là", "học lớp sáu là", "học lớp mười là")]
    results = [_result(t, "luat-giao-duc", 1000 * i) for i, t in enumerate(lines)]
    for question in ("Theo Luật Giáo dục, tuổi của học sinh vào học lớp một là bao nhiêu?",
                     "Theo luat giao duc, hoc sinh vao lop mot o do tuoi nao?"):
        q = analyze(question)
        assert q.kind == "target" and q.count_noun == "tuoi"
        assert ("lop mot", ["lop mot", "lop 1", "lop 01", "lop i"]) in q.groups
        scored = score_items(q, quantity_items(results, "tuoi"), results, LAW_DOCS, set())
        assert [it["answer"] for _, it, _ in scored] == ["06 tuổi"], "lớp sáu, lớp mười do not support it"
        assert not contested(q, scored, set())


def test_number_word_that_is_not_an_ordinal_is_left_alone():
    groups = dict(analyze("Bao Lai Chau dien tu duoc nang cap den giai doan may?").groups)
    assert "dien tu" in groups, "'tử' of 'điện tử' folds like the number 'tư' but follows no ordinal noun"
    groups = dict(analyze("Hội nghị lần thứ hai được tổ chức khi nào?").groups)
    assert "thu hai" in groups and "thu 2" in groups["thu hai"]


def _plan_line(name: str, words: str) -> str:
    from tests.conftest import CORPUS

    line = next(line for line in (CORPUS / name).read_text(encoding="utf-8").splitlines() if words in line)
    return line.replace("**", "")  # bold marks, which the parser drops from the stored text


def test_document_number_is_no_name_in_an_english_question():
    from indexer.answer.question import vietnamese_names

    question = ("Under Regulation 22-QĐ/TU, how many groups of criteria do party cells use to self-assess "
                "the quality of the study sessions?")
    assert "Regulation" not in vietnamese_names(question)
    assert vietnamese_names("What is Bình Lư's 2030 target?") == "Bình Lư"
    q = analyze(question, translated="nhóm chi bộ đánh giá chất lượng học tập buổi")
    assert q.language == "en" and "regulation" not in dict(q.groups)
    title = _plan_line("001_13c436cc350afe16.txt", "Tổ chức tuyên truyền, quán triệt và học tập")
    line = _plan_line("001_13c436cc350afe16.txt", "03 nhóm tiêu chí")
    results = [_result(line, "001")]
    docs = [{"id": "001", "type": "Kế hoạch", "title": title}]
    scored = score_items(q, quantity_items(results, q.count_noun), results, docs, set())
    assert scored and scored[0][1]["answer"] == "03 nhóm tiêu chí"


def test_english_verb_forms_of_target_words(plans):
    from indexer.answer import ask, classify

    assert classify("What per-capita income is Binh Lu commune targeting by 2030?") == "target"
    assert classify("Which goals does the plan set for homestays?") == "target"
    r = ask(plans, "What per-capita income is Binh Lu commune targeting by 2030 under its new-style rural "
                   "development plan?")
    assert r["kind"] == "target" and "60 triệu đồng/người/năm" in (r["answer"] or "")
    assert r["citations"][0]["doc_id"].startswith("003")


@pytest.mark.parametrize("question, relation", [
    ("Ban can su dang UBND tinh Ha Tinh phoi hop voi ai de xay dung du thao Bao cao so ket?", "partner"),
    ("Which bodies should the commune People's Committee proactively coordinate with to secure resources?",
     "partner"),
    ("Các bộ gửi báo cáo cho cơ quan nào tổng hợp?", "recipient"),
    ("Which body do the communes report to?", "recipient"),
    ("cac chi bo bao cao ket qua qua ban nao tong hop", "via"),
    ("Ai phối hợp với Sở Văn hóa, Thể thao và Du lịch?", None),  # the who-word is the actor
    ("Ai báo cáo cho Ban Thường vụ?", None),
    # "who receives the reports": where they are sent; "who receives registrations": who takes them in
    ("Who receives the periodic reports on carrying out Lai Chau's Conclusion 224?", "recipient"),
    ("Who receives registrations for voluntary drug rehabilitation at home?", None),
    ("bao cao ket qua cua chi bo nop len thuong vu dang uy phuong qua dau moi nao", "via"),
    # an English question asking for a named body's partners by the noun
    ("Who are the Propaganda Department's partners in regularly tracking the Conclusion 224 plan?", "partner"),
    ("Who partners with the commune?", None),
    ("Who are the partners of the Propaganda Board?", "partner"),
    # the partners as what the asked body works on, not whose partners
    ("Which agency is responsible for coordinating partners?", None),
    ("Who is the chair of the partners' forum?", None),
    # the English who-phrase before its verb, and Vietnamese verbs of working together
    ("With which offices does the Propaganda Board cooperate in tracking the plan?", "partner"),
    ("Với ai thì xã chủ động phối hợp?", None),  # (no who-word after the verb: not read)
    ("Ban Dân vận làm việc cùng những đơn vị nào để tuyên truyền?", "partner"),
    ("Ai làm việc với đoàn kiểm tra?", None),
    ("In line with which resolution does the province work on tourism?", None),  # (no body asked)
    # other verbs of working together, the partners asked by the noun
    ("To open new tour routes to Binh Lu, who is the commune supposed to team up with to survey them?", "partner"),
    ("Which partners is Binh Lu's commune People's Committee told to work with under the Resolution 17 plan?",
     "partner"),
    ("UBND xã Bình Lư được giao chủ động làm việc với những đối tác nào để thu hút vốn?", "partner"),
    ("Which partner countries does the province promote tourism in?", None),  # (no working together)
    ("Cơ quan gửi hồ sơ cho đối tác nào?", None),
])
def test_asked_relation(question, relation):
    from indexer.answer.relations import asked_relation

    assert asked_relation(question) == relation


def test_the_partners_asked_in_other_words_than_the_plans(plans):
    """Plan 002: "Giao Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các ban xây dựng Đảng tỉnh, Văn phòng
    Tỉnh ủy …": "làm việc cùng" and "with whom does … coordinate" ask those partners, and the words of
    working together are the relation's, no subject words the plan must say."""
    from indexer.answer import ask

    r = ask(plans, "Ban Tuyên giáo Tỉnh ủy làm việc cùng những cơ quan nào để theo dõi việc thực hiện Kết luận 224?")
    assert r["answer"] and "Văn phòng Tỉnh ủy" in r["answer"]
    r = ask(plans, "With whom does the provincial Propaganda Board coordinate to monitor the implementation of "
                   "Conclusion 224?")
    assert r["answer"] and "Văn phòng Tỉnh ủy" in r["answer"]


def test_relation_object_is_the_unit_after_the_relation_word():
    from indexer.answer.relations import relation_objects

    def objects(text, relation):
        return [text[s:e] for s, e in relation_objects(text, relation)]

    lead = _plan_line("004_009c11248b00d7be.txt", "phối hợp với các đơn vị liên quan xây dựng dự thảo")
    assert objects(lead, "partner") == ["các đơn vị liên quan"], "ends where the predicate resumes"
    assert objects(lead, "recipient")[0] == "Văn phòng Tỉnh ủy", "a deadline ends the name"
    commune = _plan_line("003_f9afe39036c3815c.txt", "Chủ động phối hợp với các cơ quan chuyên môn")
    assert objects(commune, "partner") == [
        "các cơ quan chuyên môn của tỉnh, các doanh nghiệp, hợp tác xã và các tổ chức liên quan"], \
        "a list written together is one answer; 'tổ chức' after 'các' is a noun, not the predicate"
    cells = _plan_line("001_13c436cc350afe16.txt", "(qua Ban xây dựng Đảng tổng hợp)")
    assert objects(cells, "via") == ["Ban xây dựng Đảng"], "'xây dựng' inside a name is no verb"
    youth = law_line("luat-thanh-nien.txt", "gửi Bộ Nội vụ để tổng hợp")
    assert objects(youth, "recipient") == ["Bộ Nội vụ", "Chính phủ"], "'báo cáo việc …' names no unit"
    crops = law_line("luat-trong-trot.txt", "phối hợp với Bộ, cơ quan ngang Bộ, Ủy ban nhân dân cấp tỉnh thực hiện hợp tác")
    assert objects(crops, "partner") == ["Bộ, cơ quan ngang Bộ, Ủy ban nhân dân cấp tỉnh"], \
        "every ministry, named together, is one name the comma does not cut"


def test_relation_question_answers_the_object_not_the_actor(plans):
    from indexer.answer import ask

    r = ask(plans, "Ban cán sự đảng UBND tỉnh Hà Tĩnh phối hợp với ai để xây dựng dự thảo Báo cáo sơ kết?")
    assert r["answer"] == "các đơn vị liên quan" and r["role"] == "phối hợp"
    assert "phối hợp với các đơn vị liên quan" in r["citations"][0]["text"]
    r = ask(plans, "Các chi bộ báo cáo kết quả phổ biến, quán triệt Nghị quyết 92 qua ban nào tổng hợp?")
    assert r["answer"] == "Ban xây dựng Đảng"
    r = ask(plans, "Ban cán sự đảng UBND tỉnh Hà Tĩnh phối hợp với ai để nuôi cá hồi?")
    assert r["answer"] is None, "no sentence says the subject: no partner"


def test_vietnamese_compound_is_not_matched_as_its_syllables_apart():
    from indexer.answer.own_text import _own_text
    from indexer.answer.support import Matcher

    # Luật An ninh mạng, Điều 13: the body that checks "hệ thống thông tin cơ yếu" does not answer
    # for "hệ thống thông tin quân sự" because the law's opening says "quân" and "sự" somewhere.
    law = SHARED / "corpus-alqac" / "luat-an-ninh-mang.txt"
    if not law.exists():
        pytest.skip(f"{law} not present")
    text = law.read_text(encoding="utf-8")
    sentence = law_line("luat-an-ninh-mang.txt", "Ban Cơ yếu Chính phủ kiểm tra an ninh mạng đột xuất")
    item = {"kind": "responsibility", "doc_id": "law", "start": 0, "end": len(sentence), "quote": sentence,
            "task": sentence, "unit": "Ban Cơ yếu Chính phủ", "unit_normalized": "Ban Cơ yếu Chính phủ",
            "section_path": ["Điều 13. Kiểm tra an ninh mạng đối với hệ thống thông tin"]}
    opening = text[:700] + " quân đội nhân dân, sự nghiệp"  # the two syllables, apart
    q = analyze("Ai có quyền kiểm tra an ninh mạng đột xuất đối với hệ thống thông tin quân sự?")
    sup = Matcher(q, [item], {"law": opening}).support(item, _own_text(q, item))
    assert "quan su" in sup.missing and not sup.ok
    # an English phrase's Vietnamese equivalent may still be said apart ("review report" ->
    # "báo cáo sơ kết": "tổ chức sơ kết …, gửi báo cáo …")
    q = analyze("Who drafts the review report of Resolution 06?")
    lead = _plan_line("004_009c11248b00d7be.txt", "Văn phòng Tỉnh ủy thẩm định, tham mưu")
    item = dict(item, quote=lead.replace("Báo cáo sơ kết", "báo cáo"), task="sơ kết")
    sup = Matcher(q, [item], {}).support(item, _own_text(q, item))
    assert sup.ok and sup.matched["item"] == ["bao cao so ket"]


def test_village_is_not_a_board_when_the_question_has_diacritics(plans):
    from indexer.answer import ask, classify

    # corpus/000: "hình thành ít nhất 01 bản du lịch cộng đồng": "bản" (village) folds like "ban"
    assert "bản du lịch cộng đồng" in _plan_line("000_ab11ea391550b282.txt", "bản du lịch cộng đồng")
    assert classify("Những bản nào được công nhận là bản du lịch cộng đồng?") == "general"
    assert classify("Bản nào có nghề thủ công truyền thống?") == "general"
    assert classify("Ban nào chủ trì tuyên truyền Nghị quyết 92?") == "who"
    assert classify("Bộ nào chủ trì quản lý nhà nước về du lịch?") == "who"
    assert classify("ban nao chu tri tuyen truyen") == "who", "without diacritics the fold is all there is"
    r = ask(plans, "Những bản nào ở Bình Lư được xây dựng thành bản du lịch cộng đồng?")
    assert r["kind"] == "general" and r["answer"] is None


def _law_item(name: str, words: str, unit: str, doc: str = "law") -> dict:
    line = law_line(name, words)
    return {"kind": "responsibility", "doc_id": doc, "start": 0, "end": len(line), "quote": line, "task": line,
            "unit": unit, "unit_normalized": unit, "role": "thực hiện", "section_path": ["Điều 9"]}


def test_a_right_is_answered_by_a_right_not_a_duty():
    from indexer.answer.roles import states_right

    assert analyze("Ai có quyền hủy quyết định cá biệt trái pháp luật?").asks_right
    assert analyze("Who has the right to cancel an unlawful individual decision?").asks_right
    assert not analyze("Ai có thẩm quyền cấp giấy phép lữ hành quốc tế?").asks_right, "a competence"
    assert not analyze("Ai chịu trách nhiệm tuyên truyền?").asks_right
    court = _law_item("bo-luat-dan-su.txt", "có quyền hủy quyết định cá biệt", "Tòa án")
    guardian = _law_item("bo-luat-dan-su.txt", "c) Yêu cầu cơ quan nhà nước có thẩm quyền về giám hộ",
                         "cơ quan nhà nước")
    waste = _law_item("luat-du-lich.txt", "kinh doanh du lịch có trách nhiệm thu gom",
                      "Tổ chức, cá nhân kinh doanh du lịch")
    assert states_right(court)
    assert not states_right(guardian), "'thẩm quyền' is a competence, not a right"
    assert not states_right(waste), "a duty"
    q = analyze("Ai có quyền thu gom, xử lý các loại chất thải phát sinh trong hoạt động kinh doanh?")
    assert score_items(q, [waste], [], [], set()) == [], "the duty does not answer the right"
    q = analyze("Ai có trách nhiệm thu gom, xử lý các loại chất thải phát sinh trong hoạt động kinh doanh?")
    assert score_items(q, [waste], [], [], set()), "it answers the duty"


def test_counted_noun_is_not_cut_at_a_comma_the_question_also_writes(plans):
    from indexer.answer import ask
    from indexer.answer.wording import _said_on

    # corpus/000: "Kêu gọi và thu hút tối thiểu 05 tổ chức, cá nhân có năng lực đầu tư ngoài ngân sách …"
    assert "05 tổ chức, cá nhân có năng lực" in _plan_line("000_ab11ea391550b282.txt", "tối thiểu 05 tổ chức")
    r = ask(plans, "Xã Bình Lư kêu gọi, thu hút tối thiểu bao nhiêu tổ chức, cá nhân có năng lực đầu tư ngoài "
                   "ngân sách để phát triển du lịch?")
    assert "tối thiểu 05 tổ chức, cá nhân" in (r["answer"] or "")
    assert _said_on("05 tổ chức", "cá nhân có năng lực", "bao nhiêu tổ chức, cá nhân đầu tư?") == "cá nhân"
    assert _said_on("02 nghề thủ công truyền thống", "gắn với sản phẩm OCOP",
                    "bao nhieu nghe thu cong truyen thong gan voi OCOP") == "", "no comma asked: no list"


def test_a_verb_in_a_documents_title_is_not_the_role_asked(plans):
    from indexer.answer import ask
    from indexer.answer.question import asked_role
    from indexer.text import folded_words

    def role(q):
        return asked_role(folded_words(q))

    assert role("Trong kế hoạch xây dựng nông thôn mới, tổ chức nào tăng cường giám sát?") == "kiểm tra/giám sát"
    assert role("Ai xây dựng kế hoạch thực hiện Nghị quyết 17?") == "xây dựng"
    assert role("Kế hoạch xây dựng nông thôn mới do ai xây dựng?") == "xây dựng", "the second one is the role"
    # corpus/003: "Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội xã … tăng cường giám sát, phản biện xã hội"
    r = ask(plans, "Trong kế hoạch xây dựng nông thôn mới của xã Bình Lư, tổ chức nào tăng cường giám sát, "
                   "phản biện xã hội?")
    assert (r["answer"] or "").startswith("Ủy ban Mặt trận Tổ quốc")


def test_a_modal_typed_without_diacritics_does_not_decide_the_support(plans):
    from indexer.answer import ask

    q = analyze("xa binh lu muon khoi phuc bao ton bao nhieu le hoi truyen thong",
                interpreted="xã bình lư mượn khôi phục bảo tồn bao nhiêu lễ hội truyền thống")
    assert "muon" in q.soft, "'muon' may be muốn, which the restoration read as mượn"
    assert "muon" not in dict(analyze("Xã Bình Lư muốn khôi phục bao nhiêu lễ hội truyền thống?").groups)
    assert not analyze("Ban muon to chuc hoi nghi khi nao?", interpreted="Bán muộn tổ chức hội nghị khi nào").soft \
        - {"muon"}, "only the modal is soft"
    # corpus/000: "(7) Khôi phục, bảo tồn và phát triển ít nhất 04 lễ hội truyền thống đặc trưng …"
    r = ask(plans, "binh lu muon khoi phuc bao ton bao nhieu le hoi truyen thong")
    assert "04 lễ hội" in (r["answer"] or "")


def test_a_documents_horizon_is_read_from_its_title(plans):
    from indexer.answer import ask
    from indexer.answer.passages import horizon_items, is_horizon_question
    from indexer.text import folded_words

    assert is_horizon_question(folded_words("Nghị quyết 06-NQ/TU về phát triển du lịch Hà Tĩnh đạt mốc đến năm nào?"))
    assert is_horizon_question("up to which year does resolution 08 extend")
    assert not is_horizon_question(folded_words("Nghị quyết 08-NQ/TU được ban hành năm nào?")), "an issue date"
    plan = next(d for d in plans.documents() if d.id.startswith("000"))
    text = plans.document(plan.id).text
    (item,) = horizon_items(["8"], [(plan.id, plan.title, text)])
    assert item["when"] == "định hướng đến năm 2035", "the last horizon of the title, not 'giai đoạn 2026 - 2030'"
    assert item["quote"].endswith("(viết tắt là Nghị quyết số 08-NQ/TU)"), "the mention that defines its short name"
    assert text[item["start"]:item["end"]] == item["quote"]
    r = ask(plans, "Nghị quyết 06-NQ/TU về phát triển du lịch Hà Tĩnh đặt mục tiêu đến năm nào?")
    assert r["answer"] == "đến năm 2025"


def test_a_spelled_number_is_read_whole():
    from indexer.answer.passages import duration_items

    # Hiến pháp, Điều 71: "… không được quá mười hai tháng …" was read as "hai tháng" (two months)
    line = law_line("hien-phap.txt", "không được quá mười hai tháng")
    assert [i["when"] for i in duration_items([_result(line, "hien-phap")])] == ["mười hai tháng"]
    line = law_line("hien-phap.txt", "Nhiệm kỳ của mỗi khoá Quốc hội là năm năm")
    assert "là năm năm" in [i["when"] for i in duration_items([_result(line, "hien-phap")])]
    assert [i["when"] for i in duration_items([_result("trong thời hạn hai mươi mốt ngày.", "law")])] == \
        ["trong thời hạn hai mươi mốt ngày"]


def test_an_activity_named_as_a_noun_is_not_the_role_asked():
    from indexer.answer.question import asked_role
    from indexer.text import folded_words

    def role(q):
        return asked_role(folded_words(q))

    assert role("Which body directs coordination among local agencies on residence management?") is None
    assert role("Ai chỉ đạo việc phối hợp giữa các cơ quan hữu quan về quản lý cư trú?") is None
    assert role("Which agency coordinates with the Ministry of Public Security?") == "phối hợp"
    assert role("Who is the speaker at the review conference?") == "báo cáo viên"
    # Luật Cư trú: "b) Chỉ đạo việc phối hợp giữa các cơ quan hữu quan ở địa phương về quản lý cư trú"
    item = _law_item("luat-cu-tru.txt", "Chỉ đạo việc phối hợp giữa các cơ quan hữu quan", "Ủy ban nhân dân các cấp")
    q = analyze("Which body directs coordination among local agencies on residence management?",
                translated="chỉ đạo phối hợp cơ quan địa phương cư trú quản lý")
    assert q.role != "phối hợp"
    assert [it["unit"] for _, it, _ in score_items(q, [item], [], [], set())] == ["Ủy ban nhân dân các cấp"]


def test_how_many_counts_the_head_of_the_english_noun_phrase(plans):
    from indexer.answer import ask
    from indexer.answer.question import english_count_noun

    assert english_count_noun("How many tourist arrivals does the Bình Lư plan aim for?") == "luot"
    assert english_count_noun("How many groups of criteria do party cells use?") == "nhom"
    assert english_count_noun("Within how many working days must the authority reply?") == "ngay"
    # corpus/000: "Tốc độ tăng trưởng lượt khách du lịch … đạt 10%/năm", "Tổng lượt khách du lịch đạt
    # trên 900.000 lượt vào năm 2030": arrivals are counted in "lượt", a growth rate is not a count
    r = ask(plans, "How many tourist arrivals does the Bình Lư plan aim for?")
    assert "900.000 lượt" in (r["answer"] or "")


def test_a_count_of_another_noun_does_not_answer(plans):
    from indexer.answer import ask

    # corpus/000: "Hằng năm tổ chức 01 - 02 giải thể thao mạo hiểm … thu hút du khách tham gia"
    assert "01 - 02 giải thể thao mạo hiểm" in _plan_line("000_ab11ea391550b282.txt", "01 - 02 giải")
    item = next(it for it in plans.all_items("target", None) if "01 - 02 giải" in (it.get("answer") or ""))
    docs = [d.model_dump() for d in plans.documents()]
    q = analyze("How many tourists does Bình Lư attract with its sports tournaments each year?")
    assert q.count_noun == "khach"
    assert score_items(q, [item], [], docs, set()) == [], "tournaments (giải) are no count of tourists"
    q = analyze("How many extreme sports tournaments does Bình Lư organise each year?")
    assert q.count_noun == "giai"
    r = ask(plans, "Hằng năm xã Bình Lư tổ chức bao nhiêu giải thể thao mạo hiểm?")
    assert "01 - 02 giải" in (r["answer"] or "")


def test_a_target_of_another_year_does_not_answer(plans):
    from indexer.answer import years_of
    from indexer.answer.fit import _fit

    assert years_of("giai đoạn 2026-2030, định hướng đến năm 2035") == {"2026", "2027", "2028", "2029", "2030", "2035"}
    # corpus/003 ("2.1. Mục tiêu cụ thể đến năm 2030"): "… trong đó 86% được sử dụng nước sạch"
    items = [it for it in plans.all_items("target", None) if it.get("answer") == "86%"]
    assert items and all("2030" in years_of(" ".join(it["section_path"]) + " " + (it.get("period") or "") + " " +
                                            (it.get("doc_title") or "")) for it in items)
    q = analyze("What share of households in Bình Lư should use clean water by 2025?")
    assert all(_fit(q, it) is None for it in items), "a 2030 target does not answer 'by 2025'"
    q = analyze("What share of households in Bình Lư should use clean water by 2030?")
    assert all(_fit(q, it) is not None for it in items)


def test_a_time_limit_counted_the_other_way_does_not_answer():
    from indexer.answer.fit import _fit
    from indexer.answer.passages import duration_items

    # Luật Cư trú: "Trong thời hạn 15 ngày trước ngày kết thúc thời hạn tạm trú đã đăng ký, công dân
    # phải làm thủ tục gia hạn tạm trú."
    line = law_line("luat-cu-tru.txt", "15 ngày trước ngày kết thúc thời hạn tạm trú")
    (item,) = duration_items([_result(line, "luat-cu-tru")])
    after = analyze("Within how many days after arriving must a citizen register temporary residence?")
    before = analyze("How many days before the temporary residence term ends must a citizen apply to extend it?")
    assert _fit(after, item) is None
    assert _fit(before, item) is not None
    assert _fit(analyze("phai lam thu tuc gia han tam tru truoc khi het han bao nhieu ngay"), item) is not None


def test_bearing_responsibility_is_a_lead_verb():
    from indexer.answer.roles import role_fit

    # Luật Thanh niên: "Bộ Nội vụ chịu trách nhiệm trước Chính phủ thực hiện quản lý nhà nước về thanh
    # niên …", "Chính phủ thống nhất quản lý nhà nước về thanh niên …" answer "Ai chịu trách nhiệm …"
    # as much as a "chủ trì" of a neighbouring task ("Đoàn Thanh niên … chủ trì … Tháng Thanh niên")
    home = _law_item("luat-thanh-nien.txt", "Bộ Nội vụ chịu trách nhiệm trước Chính phủ", "Bộ Nội vụ")
    gov = _law_item("luat-thanh-nien.txt", "Chính phủ thống nhất quản lý nhà nước về thanh niên", "Chính phủ")
    assert role_fit(home, "chủ trì") == 0.8 and role_fit(gov, "chủ trì") == 0.8
    other = _law_item("luat-thanh-nien.txt", "Tổ chức thanh niên có trách nhiệm nghiên cứu", "Tổ chức thanh niên")
    assert role_fit(other, "chủ trì") == 0.3, "a plain duty stays a weaker fit"
    # Luật Viên chức: "Người đứng đầu … chịu trách nhiệm báo cáo cấp trên …" bears a report, not a
    # lead: it does not answer "who chairs the public employees' conference"
    report = _law_item("luat-vien-chuc.txt", "chịu trách nhiệm báo cáo cấp trên", "Người đứng đầu đơn vị sự nghiệp công lập")
    report["task"] = report["quote"][report["quote"].index("chịu trách nhiệm báo cáo"):]
    report["role"] = "báo cáo"
    assert role_fit(report, "chủ trì") == 0.3 and role_fit(report, "báo cáo") == 1.0
    for duty in ("chịu trách nhiệm và báo cáo công tác trước Quốc hội", "chịu trách nhiệm theo dõi, đôn đốc việc thực hiện"):
        assert role_fit(dict(report, task=duty, role="thực hiện"), "chủ trì") == 0.3, duty
    assert role_fit(dict(report, task="chủ trì, phối hợp với các sở", role="thực hiện"), "chủ trì") == 0.8


def test_the_kind_of_body_asked_bounds_the_answer():
    from indexer.answer.question import asked_unit_class
    from indexer.answer.roles import is_of_class

    assert asked_unit_class("Bộ nào chủ trì quản lý nhà nước về chăn nuôi?") == ["bo"]
    assert asked_unit_class("Which ministry is responsible for state management of livestock production?") == ["bo"]
    assert asked_unit_class("Những bản nào có nghề truyền thống?") == [], "a village is no board"
    assert asked_unit_class("Cơ quan nào chủ trì?") == []
    # the level asked of a kind of body is a body of that kind
    assert asked_unit_class("Việc đưa vào cơ sở cai nghiện bắt buộc do tòa án cấp nào quyết định?") == ["toa an"]
    assert asked_unit_class("Ủy ban nhân dân cấp nào cấp giấy phép?") == ["uy ban"]
    assert asked_unit_class("Chứng chỉ sơ cấp nào được công nhận?") == []  # (no "Sở")
    # Luật Chăn nuôi: "1. Chính phủ thống nhất quản lý nhà nước về chăn nuôi …", "2. Bộ Nông nghiệp và
    # Phát triển nông thôn là cơ quan đầu mối giúp Chính phủ …"
    gov = _law_item("luat-chan-nuoi.txt", "Chính phủ thống nhất quản lý nhà nước về chăn nuôi", "Chính phủ")
    ministry = _law_item("luat-chan-nuoi.txt", "là cơ quan đầu mối giúp Chính phủ",
                         "Bộ Nông nghiệp và Phát triển nông thôn")
    assert not is_of_class(gov, ["bo"]) and is_of_class(ministry, ["bo"])
    q = analyze("Which ministry is responsible for state management of livestock production?")
    assert all(it["unit"] != "Chính phủ" for _, it, _ in score_items(q, [gov, ministry], [], [], set()))


def test_who_will_speak_asks_for_the_speaker(plans):
    from indexer.answer import ask
    from indexer.answer.question import asked_role
    from indexer.text import folded_words

    assert asked_role(folded_words("Who will speak at the conference on Resolution 92?")) == "báo cáo viên"
    assert asked_role(folded_words("Who is speaking at the review conference?")) == "báo cáo viên"
    # corpus/001: the speaker is named by a "Báo cáo viên:" line; the office that prepares the
    # conference ("Chủ trì, phối hợp … chuẩn bị các điều kiện phục vụ Hội nghị") does not speak
    r = ask(plans, "Who will speak at the conference on Resolution 92?")
    assert r["role"] == "báo cáo viên" and "Văn phòng" not in (r["answer"] or "")


def test_a_quantity_range_is_one_answer_and_an_exception_none():
    # Luật Viên chức, Điều 27: "1. … trừ trường hợp đã có thời gian từ đủ 12 tháng trở lên …" (an
    # exception), "2. Thời gian tập sự từ 03 tháng đến 12 tháng …" (a range, one answer)
    exception = law_line("luat-vien-chuc.txt", "trừ trường hợp đã có thời gian từ đủ 12 tháng")
    span = law_line("luat-vien-chuc.txt", "Thời gian tập sự từ 03 tháng đến 12 tháng")
    assert quantity_items([_result(exception, "luat-vien-chuc")], "thang") == []
    items = quantity_items([_result(span, "luat-vien-chuc")], "thang")
    assert [i["answer"] for i in items] == ["từ 03 tháng đến 12 tháng"]
    assert items[0]["quote"] in span
