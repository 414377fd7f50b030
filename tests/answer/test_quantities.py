"""Quantities the laws state, read from the passages (passages.quantity_items) and the nouns a
target-question counts (question.analyze): the whole value with its unit and opener, on real law text
under ../shared/corpus-alqac."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from indexer.answer import score_items
from indexer.answer.passages import quantity_items
from indexer.answer.question import analyze
from tests.conftest import CORPUS, SHARED, law_line


def _result(text: str, doc_id: str, start: int = 0):
    return SimpleNamespace(text=text, doc_id=doc_id, doc_title="Luật", start=start, end=start + len(text),
                           section_path_parts=["Điều 1"])


def test_stacked_openers_stay_with_the_range():
    # Luật Giáo dục: "… nhận trẻ em từ 03 tháng tuổi đến 03 tuổi" — "từ" opens the range
    line = law_line("luat-giao-duc.txt", "Nhà trẻ, nhóm trẻ độc lập nhận trẻ em")
    items = quantity_items([_result(line, "luat-giao-duc")], "tuoi")
    assert [i["answer"] for i in items] == ["từ 03 tháng tuổi đến 03 tuổi"]
    line = law_line("luat-thanh-nien.txt", "Thanh niên là công dân Việt Nam từ đủ")
    assert quantity_items([_result(line, "luat-thanh-nien")], "tuoi")[0]["answer"].startswith("từ đủ 16 tuổi")


def test_a_range_counted_in_the_question_noun_at_one_end_only_is_read_whole():
    # "… nhận trẻ em từ 03 tháng tuổi đến 06 tuổi" counted in months ("từ mấy tháng đến mấy tuổi"):
    # the upper end "06 tuổi" counts years, and is the range's end all the same
    line = law_line("luat-giao-duc.txt", "Trường mầm non, lớp mầm non độc lập là cơ sở giáo dục kết hợp")
    items = quantity_items([_result(line, "luat-giao-duc")], "thang")
    assert [i["answer"] for i in items] == ["từ 03 tháng tuổi đến 06 tuổi"]


def test_age_in_months_is_an_age_and_a_count_of_months():
    line = law_line("luat-vien-chuc.txt", "Không thực hiện biệt phái viên chức nữ")
    for noun in ("tuoi", "thang"):
        items = quantity_items([_result(line, "luat-vien-chuc")], noun)
        assert [i["answer"] for i in items] == ["dưới 36 tháng tuổi"], noun


def test_fraction_is_one_number():
    # Hiến pháp: "… nếu được ít nhất hai phần ba tổng số đại biểu Quốc hội biểu quyết tán thành …"
    line = law_line("hien-phap.txt", "nếu được ít nhất hai phần ba tổng số đại biểu")
    items = quantity_items([_result(line, "hien-phap")], "phan")
    assert [i["answer"] for i in items] == ["ít nhất hai phần ba"]
    assert items[0]["measure"] == "phần"


def test_compound_noun_the_question_says_is_kept_whole():
    # Luật Giáo dục: "Giáo dục tiểu học được thực hiện trong 05 năm học, từ lớp một đến hết lớp năm."
    line = law_line("luat-giao-duc.txt", "Giáo dục tiểu học được thực hiện trong")
    question = "Giáo dục tiểu học được thực hiện trong bao nhiêu năm học?"
    items = quantity_items([_result(line, "luat-giao-duc")], "nam", question)
    assert items[0]["answer"] == "05 năm học"
    # not asked as a compound, a time unit keeps it all the same: a school year is not a year
    assert quantity_items([_result(line, "luat-giao-duc")], "nam", "bao nhiêu năm?")[0]["answer"] == "05 năm học"
    # other nouns only as far as the question says them
    line = "Mỗi xã xây dựng 02 điểm du lịch cộng đồng."
    assert quantity_items([_result(line, "x")], "diem", "bao nhiêu điểm?")[0]["answer"] == "02 điểm"
    q = analyze(question)
    scored = score_items(q, items, [], [{"id": "luat-giao-duc", "type": "Luật", "title": "Luật Giáo dục"}], set())
    assert scored and scored[0][1]["answer"] == "05 năm học"


def test_counted_nouns_of_english_questions():
    q = analyze("How many community-based tourism villages should the commune set up by 2030?")
    assert {"thon", "ban"} <= set(q.count_nouns), "village is written thôn or bản"
    q = analyze("Under what age must a child be represented by a parent?")
    assert q.kind == "target" and q.count_noun == "tuoi"
    q = analyze("How many issues per week should the newspaper publish?")
    assert q.count_noun == "ky", "a rate per week is counted in its own phrase (kỳ mỗi tuần)"


def test_function_word_after_bao_nhieu_is_not_a_counted_noun():
    q = analyze("Tai san co gia tri toi da bao nhieu thi thuoc ve nguoi nhat duoc?")
    assert q.count_noun is None


def _plan_targets(words: str) -> list[dict]:
    from indexer.extract.targets import extract_targets
    from indexer.structure.outline import parse_outline

    path = CORPUS / "003_f9afe39036c3815c.txt"
    if not path.exists():
        pytest.skip(f"{path} not present")
    line = next(line for line in path.read_text(encoding="utf-8").splitlines() if words in line)
    items = extract_targets(line, parse_outline(line))
    for it in items:
        it.update(doc_id="plan", doc_title="Kế hoạch", quote=line[it["start"]:it["end"]])
    return items


def test_part_of_a_whole_carries_the_whole_words():
    from indexer.answer import whole_of_part

    # "… tỷ lệ dân số sử dụng nước sinh hoạt hợp vệ sinh đạt 100%, trong đó có 86% được sử dụng nước sạch"
    items = [it for it in _plan_targets("trong đó có 86% được sử dụng nước sạch") if "nước sạch" in it["quote"]]
    whole = {it["value_text"]: whole_of_part(it) for it in items}
    assert "nước sinh hoạt hợp vệ sinh đạt 100%" in whole["86%"]
    assert whole["100%"] == "", "the whole itself is no part"
    docs = [{"id": "plan", "type": "Kế hoạch", "title": "Kế hoạch"}]
    # of the whole, which share: the part, whose own words say only "nước sạch"
    q = analyze("Trong số dân số sử dụng nước sinh hoạt hợp vệ sinh, bao nhiêu phần trăm được sử dụng nước sạch?")
    scored = score_items(q, items, [], docs, set())
    assert scored[0][1]["value_text"] == "86%"
    # the whole asked alone: its own number, the part's own words say none of it
    q = analyze("Tỷ lệ dân số sử dụng nước sinh hoạt hợp vệ sinh đạt bao nhiêu phần trăm?")
    scored = score_items(q, items, [], docs, set())
    assert scored[0][1]["value_text"] == "100%"


def test_in_total_is_how_a_count_is_asked_not_its_subject():
    groups = [label for label, _ in analyze("Xã đón tổng cộng bao nhiêu lượt khách du lịch?").groups]
    assert "tong cong" not in groups and "khach" in groups


def test_law_limit_as_a_multiple_of_the_base_salary():
    from indexer.answer.passages import base_multiple_items

    # Bộ luật Dân sự: "… mức tối đa cho một người có sức khỏe bị xâm phạm không quá năm mươi lần mức
    # lương cơ sở do Nhà nước quy định."
    line = law_line("bo-luat-dan-su.txt", "mức tối đa cho một người có sức khỏe bị xâm phạm")
    items = base_multiple_items([_result(line, "bo-luat-dan-su")])
    assert [i["answer"] for i in items] == ["không quá năm mươi lần mức lương cơ sở"]
    # a comparison's "hoặc" does not cut the clause: the quote holds the whole limit
    line = law_line("bo-luat-dan-su.txt", "Tài sản được tìm thấy không phải là tài sản thuộc di tích")
    first = base_multiple_items([_result(line, "bo-luat-dan-su")])[0]
    assert first["answer"] == "nhỏ hơn hoặc bằng mười lần mức lương cơ sở"
    assert "có giá trị nhỏ hơn hoặc bằng" in first["quote"]


def test_rate_measure_reads_as_words():
    from indexer.answer import read_measure

    assert read_measure({"measure": "kỳ/tuần"}) == "kỳ mỗi tuần"
    assert read_measure({"measure": "%"}) == ""


def test_english_pronouns_and_modals_are_not_the_subject():
    labels = [label for label, _ in analyze("The province wants to raise its newspaper to how many issues "
                                            "per week, and can't he do it?").groups]
    assert not {"wants", "can't", "he"} & set(labels)


def test_may_and_so_name_the_counted_noun():
    q = analyze("Giáo dục trung học phổ thông kéo dài mấy năm học?")
    assert q.kind == "target" and q.count_noun == "nam"
    q = analyze("Hội đồng thẩm định có số thành viên tối thiểu là bao nhiêu?")
    assert q.count_noun is None and q.count_nouns == ["thanh"], "read from passages, not a filter"
    assert analyze("Nghị quyết số 08 đặt chỉ tiêu bao nhiêu?").count_nouns == []


def test_asked_tail_stops_at_a_preposition():
    # Luật Cư trú: "Việc thông báo lưu trú được thực hiện trước 23 giờ của ngày bắt đầu lưu trú; …"
    line = law_line("luat-cu-tru.txt", "Việc thông báo lưu trú được thực hiện trước 23 giờ")
    question = "Việc thông báo lưu trú phải thực hiện trước mấy giờ của ngày bắt đầu lưu trú?"
    items = quantity_items([_result(line, "luat-cu-tru")], "gio", question)
    assert items[0]["answer"] == "trước 23 giờ"


def test_a_length_of_time_is_not_answered_by_a_percentage():
    from indexer.answer.fit import _fit

    # most such questions are when-questions (a duration answers them, never a percentage) ...
    assert analyze("What's the maximum time a tribunal has to settle a dispute?").kind == "when"
    # ... those read as targets keep the measure: a length of time
    q = analyze("Thoi gian toi da la bao nhieu de xu ly tranh chap?")
    assert q.kind == "target" and q.measure == "time"
    assert _fit(q, {"measure": "%", "answer": "50%"}) is None
    assert _fit(q, {"measure": "ngày", "answer": "30 ngày"}) is not None
    assert analyze("Thời hạn tối đa của hợp đồng là bao nhiêu?").measure in ("time", None)
    assert analyze("Trong thời gian tới, xã đón bao nhiêu lượt khách?").measure is None


def test_fraction_of_a_total_counts_the_total_noun():
    from indexer.answer.fit import _fit

    # Luật Tố tụng hành chính: "… phiên tòa xét xử của toàn thể Hội đồng Thẩm phán Tòa án nhân dân
    # tối cao phải có ít nhất hai phần ba tổng số thành viên tham gia"
    line = law_line("luat-to-tung-hanh-chinh.txt", "phải có ít nhất hai phần ba tổng số thành viên tham gia")
    items = quantity_items([_result(line, "luat-to-tung-hanh-chinh")], "thanh")
    # (and the majority its decision needs: "…; quyết định … phải được quá nửa tổng số thành viên …")
    assert [i["answer"] for i in items] == ["ít nhất hai phần ba", "quá nửa"]
    q = analyze("Phiên tòa của Hội đồng Thẩm phán Tòa án nhân dân tối cao phải có ít nhất bao nhiêu thành viên?")
    assert q.language == "vi", "'tòa' is not the English 'a'"
    assert _fit(q, items[0]) is not None


def test_upper_end_of_an_age_range_and_no_predicate_in_the_noun():
    # Bộ luật Dân sự: "Người từ đủ mười lăm tuổi đến chưa đủ mười tám tuổi được lập di chúc, …"
    line = law_line("bo-luat-dan-su.txt", "Người từ đủ mười lăm tuổi đến chưa đủ mười tám tuổi được lập di chúc")
    items = quantity_items([_result(line, "bo-luat-dan-su")], "tuoi",
                           "Người từ đủ bao nhiêu tuổi được lập di chúc?")
    assert items[0]["answer"] == "từ đủ mười lăm tuổi đến chưa đủ mười tám tuổi"
    line = law_line("luat-hon-nhan-va-gia-dinh.txt", "Con từ đủ 15 tuổi trở lên có thể tự mình quản lý")
    items = quantity_items([_result(line, "luat")], "tuoi", "Con từ đủ bao nhiêu tuổi có thể tự quản lý tài sản?")
    assert items[0]["answer"] == "từ đủ 15 tuổi trở lên", "'có thể' opens the predicate"


def test_nam_written_plain_is_the_male_sex_not_the_year():
    groups = [label for label, _ in analyze("Nam phải đủ bao nhiêu tuổi mới được kết hôn?").groups]
    assert "nam" in groups
    groups = [label for label, _ in analyze("Đến năm 2030 xã đón bao nhiêu lượt khách?").groups]
    assert "nam" not in groups
    assert "man" in [label for label, _ in analyze("What is the minimum age for a man to get married?").groups]


def test_age_and_fraction_asked_in_english():
    q = analyze("How old must a woman be to marry under the Marriage and Family Law?")
    assert q.kind == "target" and q.count_noun == "tuoi"
    assert "old" not in [label for label, _ in q.groups], "'how old' asks an age"
    q = analyze("According to the Constitution, the width of the national flag is what fraction of its length?")
    assert q.kind == "target" and q.count_noun == "phan"


def test_per_year_and_money_words_are_not_counted_nouns():
    q = analyze("Tốc độ tăng trưởng lượt khách du lịch bình quân là bao nhiêu mỗi năm?")
    assert q.count_noun is None
    from indexer.answer import read_measure

    assert "tiền" in read_measure({"measure": "đồng", "currency": "VND"}), "an amount in đồng is money (tiền)"


def test_english_counted_noun_keeps_all_its_senses():
    q = analyze("How many new community tourism sites will the commune build?")
    sites = dict(q.groups).get("sites") or []
    assert "diem" in sites, "'điểm' is how the plans count places"
    assert "moi" in (dict(q.groups).get("new") or []), "'mới' (new) is no 'mỗi' (each)"
    assert analyze("How fast should total state budget revenue grow each year?").measure == "percent"


def test_english_sense_spelled_otherwise_is_another_word():
    from indexer.answer.question import spelled_apart

    q = analyze("From what age is a person considered a youth?")
    # "người chưa thành niên" (a minor) folds like "thanh niên" (youth)
    assert spelled_apart(q, ["thanh nien"], "cử người giám hộ cho người chưa thành niên") == ["thanh nien"]
    assert spelled_apart(q, ["thanh nien"], "Thanh niên là công dân Việt Nam từ đủ 16 tuổi") == []
    assert spelled_apart(analyze("Thanh niên từ bao nhiêu tuổi?"), ["thanh nien"], "chưa thành niên") == []


def test_passage_quantity_must_say_every_word_in_its_sentence():
    from indexer.answer import said_whole

    # Hiến pháp: "Công dân đủ mười tám tuổi trở lên có quyền bầu cử và đủ hai mươi mốt tuổi trở lên có
    # quyền ứng cử vào Quốc hội, Hội đồng nhân dân." — the clause of 21 says no "công dân"
    line = law_line("hien-phap.txt", "đủ hai mươi mốt tuổi trở lên có quyền ứng cử")
    others = [law_line("luat-thanh-nien.txt", "Thanh niên là công dân Việt Nam từ đủ"),
              law_line("luat-giao-duc.txt", "Nhà trẻ, nhóm trẻ độc lập nhận trẻ em"),
              law_line("luat-vien-chuc.txt", "Không thực hiện biệt phái viên chức nữ")]
    q = analyze("Công dân đủ bao nhiêu tuổi thì có quyền ứng cử vào Quốc hội?")
    items = quantity_items([_result(t, "hien-phap", 1000 * i) for i, t in enumerate([line] + others)], "tuoi", q.text)
    docs = [{"id": "hien-phap", "type": "Hiến pháp", "title": "Hiến pháp"}]
    kept = said_whole(q, score_items(q, items, [], docs, set()))
    assert kept and kept[0][1]["answer"] == "đủ hai mươi mốt tuổi trở lên"
    q = analyze("Công dân đủ bao nhiêu tuổi thì có quyền ứng cử vào Hội đồng thẩm phán?")
    assert not [it for _, it, _ in said_whole(q, score_items(q, items, [], docs, set()))
                if "hai mươi mốt" in it["answer"]], "'thẩm phán' is said nowhere in the sentence"


def test_english_phrase_said_apart_in_a_whole_law_is_not_said():
    from indexer.answer.support import Matcher

    # Luật Bảo vệ môi trường says "hội đồng" and "cơ quan trọng tài" far apart: no arbitral tribunal
    law = (SHARED / "corpus-alqac" / "luat-bao-ve-moi-truong.txt")
    if not law.exists():
        pytest.skip("law not present")
    q = analyze("How many members does an arbitral tribunal have?")
    item = {"doc_id": "env", "quote": "hội đồng thẩm định gồm ít nhất là 07 thành viên", "section_path": []}
    m = Matcher(q, [item], {"env": law.read_text(encoding="utf-8")})
    assert "arbitral tribunal" in m.support(item).missing


def test_growth_rate_of_a_budget_is_a_percentage():
    q = analyze("Toc do tang tong thu ngan sach nha nuoc tren dia ban binh quan hang nam dat bao nhieu?")
    assert q.measure == "percent"
    assert analyze("Tổng kinh phí thực hiện kế hoạch là bao nhiêu?").measure == "money"


def test_english_counted_phrase_ends_at_its_plural_head():
    from indexer.answer.question import english_counted

    assert english_counted("How many tourists visit the commune by 2030?") == ["tourists"]
    assert english_counted("How many Khen Mong and Tinh Tau clubs will the commune establish?")[-1] == "clubs"
    assert english_counted("How many core grassroots propagandists does the plan recruit?")[-1] == "propagandists"
    assert english_counted("How many community-based tourism villages or cultural heritage villages "
                           "should the commune set up?") == ["community-based", "tourism", "villages"]
    q = analyze("How many investors from outside the state budget should the commune attract?")
    assert q.measure is None, "a how-many counts investors, not money"


def test_a_number_placed_elsewhere_does_not_answer():
    from indexer.answer import other_place

    # Luật Điện ảnh: "Ngân sách nhà nước bảo đảm 100% chi phí tổ chức phổ biến phim ở vùng cao, miền núi, …"
    line = law_line("luat-dien-anh.txt", "Ngân sách nhà nước bảo đảm 100% chi phí tổ chức phổ biến phim")
    item = {"quote": line}
    q = analyze("Ngân sách nhà nước bảo đảm bao nhiêu phần trăm chi phí phổ biến phim ở thành phố?")
    assert other_place(q, item, ["thanh pho"])
    q = analyze("Ngân sách nhà nước bảo đảm bao nhiêu phần trăm chi phí phổ biến phim ở vùng cao?")
    assert not other_place(q, item, [])


def test_noun_of_several_syllables_and_each_year():
    # Hiến pháp: "Quốc hội họp mỗi năm hai kỳ."
    line = law_line("hien-phap.txt", "Quốc hội họp mỗi năm hai kỳ")
    items = quantity_items([_result(line, "hien-phap")], "ky", "Quốc hội họp mỗi năm bao nhiêu kỳ?")
    assert items[0]["answer"] == "hai kỳ", "'mỗi năm' is each year, not the number five"
    text = "Hội đồng trọng tài gồm ba Trọng tài viên."
    items = quantity_items([_result(text, "luat")], "trong", "Hội đồng trọng tài gồm bao nhiêu Trọng tài viên?")
    assert items[0]["answer"] == "ba Trọng tài viên", "'tài' is not the preposition 'tại'"


def test_a_share_is_given_with_the_whole_it_is_of():
    # Hiến pháp: "… phải được quá nửa tổng số đại biểu Quốc hội biểu quyết tán thành …": "quá nửa"
    # alone does not say of what; the verb after the whole is not part of it
    from indexer.answer.passages import total_of_share
    from indexer.text import folded_words

    text = "Quyết định của Hội đồng định giá phải được quá nửa tổng số thành viên biểu quyết tán thành."
    at = text.index("quá nửa") + len("quá nửa")
    asked = f" {folded_words('phải được bao nhiêu thành viên biểu quyết tán thành')} "
    assert text[:total_of_share(text, at, len(text), asked)].endswith("quá nửa tổng số thành viên")
    line = law_line("hien-phap.txt", "quá nửa tổng số đại biểu Quốc hội biểu quyết tán thành")
    at = line.index("quá nửa") + len("quá nửa")
    asked = f" {folded_words('Luật phải được bao nhiêu đại biểu Quốc hội biểu quyết tán thành?')} "
    assert line[:total_of_share(line, at, len(line), asked)].endswith("quá nửa tổng số đại biểu Quốc hội")
    assert total_of_share(line, at, len(line), " bao nhieu ") == at  # the question says no whole


def test_a_short_subject_refers_back_to_the_name_written_whole():
    from indexer.answer.passages import refers_back

    whole = ("Hội đồng quốc gia thẩm định chương trình giáo dục mầm non do Bộ trưởng Bộ Giáo dục và Đào tạo "
             "thành lập để thẩm định chương trình giáo dục mầm non.")
    assert refers_back("Hội đồng phải có ít nhất một phần ba tổng số thành viên là nhà giáo.", whole)
    assert not refers_back("Bộ trưởng Bộ Giáo dục và Đào tạo ban hành chương trình.", "Chương trình giáo dục mầm non.")


def test_a_sentence_pointing_back_reads_with_the_one_before():
    from indexer.answer.passages import points_back

    assert points_back("Hết thời hạn này thì di sản thuộc về người thừa kế đang quản lý di sản đó.")
    assert points_back("Trường hợp đó, Tòa án quyết định.")
    assert not points_back("Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2017.")
    assert not points_back("Việc đăng ký theo quy định tại khoản này được thực hiện trực tuyến.")
