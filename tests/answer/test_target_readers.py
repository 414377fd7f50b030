"""Target-questions answered from the laws' passages (ans4-target): counts asked with "may" typed
without diacritics, the part of a whole ("trong đó") not answering the whole, on real law text under
../shared/corpus-alqac. Probes written on other passages than the tuning questions."""

from __future__ import annotations

from types import SimpleNamespace

from indexer.answer import english_without_counted, parts_yield, said_whole, score_items
from indexer.answer.passages import quantity_items
from indexer.answer.question import analyze, typed_may_noun
from tests.conftest import law_line


def _result(text: str, doc_id: str, start: int = 0, path: str = "Điều 1"):
    return SimpleNamespace(text=text, doc_id=doc_id, doc_title="Luật", start=start, end=start + len(text),
                           section_path_parts=[path])


def _best(question: str, lines: list[tuple[str, str]], path: str = "Điều 1") -> list[str]:
    q = analyze(question)
    results = [_result(t, d, 1000 * i, path) for i, (d, t) in enumerate(lines)]
    items = quantity_items(results, q.count_nouns or q.count_noun, f"{q.text} {q.vi_text}")
    docs = [{"id": d, "type": "Luật", "title": "Luật"} for d, _ in lines]
    q = english_without_counted(q)  # as ``ask`` reads them
    return [it["answer"] for _, it, _ in parts_yield(said_whole(q, score_items(q, items, results, docs, set())), q)]


def test_may_typed_without_diacritics_asks_a_count():
    assert typed_may_noun("Hoi dong xet don yeu cau gom may tham phan?") == "tham"
    assert typed_may_noun("Di chuc bang van ban phai co it nhat may nguoi lam chung?") == "nguoi"
    assert typed_may_noun("Hội đồng gồm mấy thẩm phán?") is None, "with diacritics 'mấy' is read as written"
    assert typed_may_noun("Xa co bao nhieu may tinh?") is None, "'bao nhiêu' is the cue: 'máy tính' is a machine"
    q = analyze("Chanh an Toa an chi dinh Hoi dong xet don yeu cau gom may tham phan?")
    assert q.count_noun == "tham"


def test_count_asked_with_may_is_read_from_the_law():
    # Luật Trọng tài thương mại: "… Chánh án Toà án chỉ định một Hội đồng xét đơn yêu cầu gồm ba Thẩm phán"
    line = law_line("luat-trong-tai-thuong-mai.txt", "Hội đồng xét đơn yêu cầu gồm ba Thẩm phán")
    # (… "gồm ba Thẩm phán, trong đó có một Thẩm phán làm chủ tọa": the part does not answer)
    got = _best("Chanh an chi dinh Hoi dong xet don yeu cau gom may tham phan?",
                [("luat-trong-tai-thuong-mai", line)])
    assert got == ["ba Thẩm phán"]


def test_part_of_a_whole_does_not_answer_the_whole():
    # Luật Viên chức: "… được lập thành ba bản, trong đó một bản giao cho viên chức."
    line = law_line("luat-vien-chuc.txt", "được lập thành ba bản")
    lines = [("luat-vien-chuc", line)]
    assert _best("Hợp đồng làm việc của viên chức được lập thành mấy bản?", lines) == ["ba bản"]
    assert _best("Hop dong lam viec cua vien chuc duoc lap thanh may ban?", lines) == ["ba bản"]
    items = quantity_items([_result(line, "luat-vien-chuc")], "ban")
    assert [it.get("whole_value") for it in items] == [None, "ba bản"]


def test_percentage_of_a_law_is_read_with_its_rate():
    from indexer.answer.passages import percent_items

    # Bộ luật Dân sự: "b) Lãi trên nợ gốc quá hạn chưa trả bằng 150% lãi suất vay theo hợp đồng …"
    line = law_line("bo-luat-dan-su.txt", "Lãi trên nợ gốc quá hạn chưa trả bằng 150%")
    items = percent_items([_result(line, "bo-luat-dan-su")])
    assert [it["answer"] for it in items] == ["bằng 150%"]
    text = "lãi suất theo thỏa thuận không được vượt quá 20%/năm của khoản tiền vay"
    assert percent_items([_result(text, "bo-luat-dan-su")])[0]["measure"] == "%/năm"
    assert analyze("Lai suat vay toi da la bao nhieu theo Bo luat Dan su?").measure == "percent"
    q = analyze("Lãi suất tối đa là bao nhiêu theo Bộ luật Dân sự?")
    assert q.count_noun is None, "'theo' opens a phrase, it is not what is counted"


def test_a_quantity_of_another_year_does_not_answer():
    from indexer.answer.fit import _fit

    text = ("Phấn đấu đến năm 2030, tổng lượt khách du lịch đạt 900.000 lượt; xây dựng mới ít nhất 01 "
            "điểm du lịch cộng đồng.")
    items = quantity_items([_result(text, "plan")], "luot")
    assert items and items[0]["quote"].strip().startswith("tổng lượt")
    assert _fit(analyze("Đến năm 2035 xã phấn đấu đón bao nhiêu lượt khách du lịch?"), items[0]) is None
    assert _fit(analyze("Đến năm 2030 xã phấn đấu đón bao nhiêu lượt khách du lịch?"), items[0]) is not None


def test_abbreviation_typed_in_a_question_is_the_written_out_words():
    q = analyze("Chỉ tiêu bao phủ BHYT của xã là bao nhiêu phần trăm?")
    assert ("bao hiem y te", ["bao hiem y te", "bhyt"]) in q.groups
    q = analyze("Tỷ lệ học sinh tốt nghiệp THCS là bao nhiêu?")
    assert any(label == "trung hoc co so" for label, _ in q.groups)
    q = analyze("Chỉ tiêu tăng thu NSNN của xã mỗi năm là bao nhiêu?")
    assert any(label == "ngan sach nha nuoc" for label, _ in q.groups)


def test_an_age_asked_is_a_target_not_a_time():
    q = analyze("From what age must a child's wishes be considered when the court changes the custodial parent?")
    assert q.kind == "target" and q.count_noun == "tuoi"
    q = analyze("Under the Cinema Law, which age group may watch K-rated films?")
    assert q.measure is None, "'rated' translated 'tỷ lệ' asks no percentage when an age is asked"


def test_the_opposite_bound_does_not_answer():
    from indexer.answer import opposite_bound

    # Luật Hôn nhân và gia đình: "… đang nuôi con dưới 12 tháng tuổi" is an upper bound
    under = {"via": "passage", "answer": "dưới 12 tháng tuổi"}
    assert opposite_bound(analyze("From what age may a child request a divorce on their own?"), under)
    assert not opposite_bound(analyze("Con dưới bao nhiêu tháng tuổi thì chồng không được yêu cầu ly hôn?"), under)
    lower = {"via": "passage", "answer": "từ đủ 18 tuổi trở lên"}
    assert opposite_bound(analyze("Under what age must a candidate have a guardian's consent?"), lower)
    assert not opposite_bound(analyze("Từ đủ bao nhiêu tuổi thì được dự tuyển viên chức?"), lower)
    both = {"via": "passage", "answer": "từ đủ 14 tuổi đến dưới 18 tuổi"}
    assert not opposite_bound(analyze("Under what age is a person a minor?"), both), "a range states both"


def test_doi_voi_introduces_the_subject_and_is_no_word_of_it():
    # Luật Hôn nhân và gia đình: "a) Nam từ đủ 20 tuổi trở lên, nữ từ đủ 18 tuổi trở lên;"
    line = law_line("luat-hon-nhan-va-gia-dinh.txt", "Nam từ đủ 20 tuổi trở lên, nữ từ đủ 18 tuổi trở lên")
    q = analyze("Điều kiện kết hôn đối với nữ là từ đủ bao nhiêu tuổi?")
    assert all(label != "doi voi" for label, _ in q.groups)
    got = _best("Đối với nữ, điều kiện kết hôn là từ đủ bao nhiêu tuổi?", [("luat-hon-nhan-va-gia-dinh", line)],
                "Điều 8. Điều kiện kết hôn")
    assert got and got[0] == "từ đủ 18 tuổi trở lên"


def test_grade_written_in_digits_is_the_laws_grade_in_words():
    from indexer.answer.question import ordinal_forms

    assert "lop muoi" in ordinal_forms("lop 10") and "lop mot" in ordinal_forms("lop 1")
    assert any(label == "lop 6" for label, _ in analyze("Học sinh vào học lớp 6 ở độ tuổi nào?").groups)
    assert any(label == "grade 10" and "lop muoi" in alts
               for label, alts in analyze("At what age do students enter grade 10?").groups)
    assert all(label != "dieu 5" for label, _ in analyze("Điều 5 quy định bao nhiêu tuổi?").groups), \
        "a cited article is a reference, not an ordinal of the subject"
    # Luật Giáo dục: "Tuổi của học sinh vào học lớp mười là 15 tuổi …" (each grade its own sentence)
    lines = [("luat-giao-duc", law_line("luat-giao-duc.txt", "Tuổi của học sinh vào học lớp mười là 15 tuổi"))]
    assert _best("Tuổi của học sinh vào học lớp 10 là bao nhiêu?", lines)[0] == "15 tuổi"


def test_an_ordinal_is_not_matched_from_its_words_said_apart():
    from indexer.answer.support import Matcher

    q = analyze("Hoc sinh vao hoc lop 6 o do tuoi nao?", "Học sinh vào học lớp 6 ở độ tuổi nào?")
    item = {"doc_id": "gd", "quote": "Tuổi của học sinh vào học lớp một là 06 tuổi", "section_path": []}
    assert "lop 6" in Matcher(q, [item], {}).support(item).missing


def test_an_age_group_is_said_by_the_age_and_a_parallel_clause_is_not_the_ages():
    # Luật Giáo dục: "Nhà nước thực hiện phổ cập giáo dục mầm non cho trẻ em 05 tuổi và phổ cập giáo
    # dục trung học cơ sở."
    lines = [("luat-giao-duc", law_line("luat-giao-duc.txt", "phổ cập giáo dục mầm non cho trẻ em 05 tuổi"))]
    assert _best("Nhà nước phổ cập giáo dục mầm non cho độ tuổi nào?", lines)[0] == "05 tuổi"
    assert not _best("Nhà nước phổ cập giáo dục trung học cơ sở cho độ tuổi nào?", lines), \
        "the age is preschool's; lower secondary school's universalisation states none"


def test_a_list_point_is_its_own_sentence():
    # Luật Giáo dục, points a) and b): "… Tuổi của học sinh vào học lớp một là 06 tuổi …;" then
    # "b) Giáo dục trung học cơ sở … từ lớp sáu …" — no full stop between them
    a = law_line("luat-giao-duc.txt", "Tuổi của học sinh vào học lớp một là 06 tuổi")
    b = law_line("luat-giao-duc.txt", "Tuổi của học sinh vào học lớp sáu là 11 tuổi")
    items = quantity_items([_result(f"{a}\n\n{b}", "luat-giao-duc")], "tuoi")
    first = next(it for it in items if it["answer"] == "06 tuổi")
    assert "lớp sáu" not in first["task"]
    assert _best("Hoc sinh vao hoc lop 6 o do tuoi nao?", [("luat-giao-duc", f"{a}\n\n{b}")]) [:1] == ["11 tuổi"]


def test_people_counted_by_their_role_answer_how_many_persons():
    from indexer.answer.passages import counts_people

    text = "Hội đồng xét xử phúc thẩm gồm 03 Thẩm phán, trừ trường hợp quy định tại khoản 1."
    assert text[:counts_people(text, text.index("Thẩm"))].endswith("03 Thẩm phán")
    text = "thì Hội đồng trọng tài bao gồm ba Trọng tài viên."
    assert text[:counts_people(text, text.index("Trọng tài viên"))].endswith("Trọng tài viên")
    assert counts_people("gồm 03 nhóm tiêu chí", 7) is None
    # Luật Tố tụng hành chính: "Hội đồng xét xử phúc thẩm gồm 03 Thẩm phán, …"
    line = law_line("luat-to-tung-hanh-chinh.txt", "Hội đồng xét xử phúc thẩm gồm 03 Thẩm phán")
    assert _best("Hội đồng xét xử phúc thẩm gồm bao nhiêu người?", [("luat-to-tung-hanh-chinh", line)]) == \
        ["03 Thẩm phán"]
    assert not _best("Hội đồng xét xử sơ thẩm gồm bao nhiêu người?", [("luat-to-tung-hanh-chinh", line)])


def test_a_bare_list_point_is_read_with_its_lead_in():
    from indexer.answer.passages import lead_in, with_lead_ins
    from tests.conftest import shared_file

    text = shared_file("corpus-alqac", "luat-vien-chuc.txt").read_text(encoding="utf-8")
    at = text.index("b) Từ đủ 18 tuổi trở lên") + 3
    assert lead_in(text, at).endswith("được đăng ký dự tuyển viên chức:")
    item = {"doc_id": "vc", "start": at, "task": "Từ đủ 18 tuổi trở lên", "sentence": "Từ đủ 18 tuổi trở lên"}
    assert "dự tuyển viên chức" in with_lead_ins([item], {"vc": text})[0]["task"]
    # a point of another clause's list ("2. …" between) does not take the first clause's lead-in
    other = "1. Điều kiện sau đây:\na) Một;\n2. Khoản khác không có danh sách.\na) Hai mươi tuổi;"
    assert lead_in(other, other.rindex("Hai")) == ""


def test_the_measured_property_before_how_many_years_is_asked():
    q = analyze("Trọng tài viên có nhiệm kỳ bao nhiêu năm theo Luật Trọng tài thương mại?")
    assert "nhiem ky" in dict(q.groups), "the term's length is asked: 'nhiệm kỳ' is a word the sentence must say"
    assert all(label != "thoi han" for label, _ in analyze("Hợp đồng có thời hạn bao nhiêu tháng?").groups)


def test_how_fast_asks_a_rate_and_fall_is_a_decrease():
    q = analyze("How fast should Binh Lu's poverty rate fall each year?")
    assert q.measure == "percent"
    labels = dict(q.groups)
    assert "fast" not in labels, "'how fast' asks the rate, it names no subject"
    assert "giam" in labels.get("fall", [])


def test_english_count_is_read_whatever_the_glossary_calls_its_noun():
    from indexer.answer import english_without_counted

    q = analyze("How many copies of a film must a cinema establishment deposit?")
    assert all(label != "copies" for label, _ in english_without_counted(q).groups)
    assert english_without_counted(analyze("Hợp đồng được lập thành mấy bản?")).groups == \
        analyze("Hợp đồng được lập thành mấy bản?").groups, "a Vietnamese question's noun is the text's"


def test_a_part_whose_words_the_whole_says_too_does_not_answer():
    # Luật Viên chức: "… với người được tuyển dụng làm viên chức và được lập thành ba bản, trong đó
    # một bản giao cho viên chức." — "viên chức" is said before the part: the whole answers
    line = law_line("luat-vien-chuc.txt", "được lập thành ba bản")
    assert _best("How many copies of a public employee's working contract are made?",
                 [("luat-vien-chuc", line)])[:1] == ["ba bản"]


def test_a_money_questions_frame_words_are_not_its_subject():
    q = analyze("How much money does the central budget contribute to implementing Conclusion 224?")
    assert q.measure == "money"
    assert all(label != "money" for label, _ in q.groups)
    assert "contribute" in q.soft, "a funding line states the sum without the verb of giving"


def test_sessions_of_an_assembly_are_counted_in_ky():
    q = analyze("How many sessions does the National Assembly hold each year?")
    assert "ky" in q.count_nouns, "Hiến pháp: 'Quốc hội họp mỗi năm hai kỳ'"


def test_as_a_general_rule_frames_the_question():
    q = analyze("What is the minimum age to register for public-employee recruitment, as a general rule?")
    assert not {"general", "rule", "as a general rule"} & {label for label, _ in q.groups}
    q = analyze("In general, how many members does an appraisal council have?")
    assert all(label != "in general" for label, _ in q.groups)


def test_watching_a_film_on_a_condition_is_read_in_the_law_words():
    q = analyze("Which age group may watch K-rated films, provided they watch with a parent?")
    alts = dict(q.groups)
    assert "xem" in alts["watch"] and "voi dieu kien" in alts["provided"]


def test_at_what_age_may_is_not_answered_by_the_age_under_which_it_may_not():
    from indexer.answer import opposite_bound

    under = {"via": "passage", "answer": "dưới 18 tuổi"}
    assert opposite_bound(analyze("At what age may a person request information by themselves?"), under)
    assert not opposite_bound(analyze("At what age do students enter grade 10?"), {"via": "passage", "answer": "15 tuổi"})


def test_an_age_ends_the_answer():
    # Luật Tiếp cận thông tin: "3. Người dưới 18 tuổi yêu cầu cung cấp thông tin thông qua người đại diện …"
    line = law_line("luat-tiep-can-thong-tin.txt", "Người dưới 18 tuổi yêu cầu cung cấp thông tin")
    question = "Nguoi duoi bao nhieu tuoi yeu cau cung cap thong tin thong qua nguoi dai dien?"
    assert quantity_items([_result(line, "tctt")], "tuoi", question)[0]["answer"] == "dưới 18 tuổi"


def test_percent_cue_glued_to_the_subject_by_the_restoration_is_cut_off():
    q = analyze("Binh Lu phan dau bao nhieu phan tram truong hoc dat chuan quoc gia?",
                "Bình Lư phấn đấu bảo nhiều phần trầm trường học đạt chuẩn quốc gia")
    labels = [label for label, _ in q.groups]
    assert "truong hoc" in labels and "tram truong hoc" not in labels


def test_a_share_does_not_answer_a_total():
    # Hiến pháp, Điều 120: "… ít nhất hai phần ba tổng số đại biểu Quốc hội biểu quyết tán thành":
    # "Quốc hội có tổng cộng bao nhiêu đại biểu?" asks the whole, no law here states it
    from indexer.answer.fit import _fit

    item = {"kind": "target", "via": "passage", "answer": "ít nhất hai phần ba tổng số đại biểu Quốc hội",
            "measure": "phần", "counts": ["dai bieu"], "quote": "", "section_path": []}
    assert _fit(analyze("Quốc hội có tổng cộng bao nhiêu đại biểu?"), item) is None
    assert _fit(analyze("Luật phải được bao nhiêu đại biểu biểu quyết tán thành?"), item) is not None


def test_the_scale_of_a_value_asked_is_no_subject_word(plans):
    # plan 003: "Tổng sản lượng lương thực có hạt đạt 10.000 tấn": asked "mấy nghìn tấn", the count is
    # of tonnes, and the text writes the number, not the thousands
    from indexer.answer import ask

    q = analyze("Sản lượng lương thực có hạt năm 2030 của Bình Lư là mấy nghìn tấn?")
    assert q.count_noun == "tan" and "nghin" in q.soft
    # folded, "văn bản", "vấn đề", "trạm" look like scales ("vạn", "trăm"): read as written
    for question, noun in (("Có bao nhiêu văn bản hướng dẫn được ban hành?", "van"),
                           ("Kế hoạch đặt ra mấy vấn đề trọng tâm?", "van"),
                           ("Tỉnh có bao nhiêu trạm y tế xã?", "tram"), ("co bao nhieu van ban huong dan?", "van")):
        assert analyze(question).count_noun == noun, question
    out = ask(plans, "Sản lượng lương thực có hạt năm 2030 của Bình Lư là mấy nghìn tấn?")
    assert out["answer"] and "10.000 tấn" in out["answer"], out["answer"]
