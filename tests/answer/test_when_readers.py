"""When-questions read from law and plan sentences the extractor stores no item for: the length of a
cycle ("chu kỳ 10 năm"), a duration the sentence defines ("Thời hạn … là …"), the year of a named
thing past a distant act verb, the case a cited provision selects — real corpus text, the readers
and the scorer as they run, with near misses that must stay unanswered."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from indexer.answer import _asks_frequency, ask, defines_duration, other_provision
from indexer.answer.passages import cycle_items, duration_items, is_cycle_question, is_year_of_question
from indexer.answer.question import analyze, vi_span_words
from indexer.text import folded_words
from tests.conftest import assert_answer, index_laws, law_line


def _result(text: str, doc_id: str = "law"):
    return SimpleNamespace(text=text, doc_id=doc_id, doc_title="", start=0, end=len(text), section_path_parts=[])


def test_a_cycle_is_read_with_its_word_and_not_its_horizon():
    line = law_line("luat-trong-trot.txt", "chu kỳ 10 năm")
    assert [it["when"] for it in cycle_items([_result(line)])] == ["chu kỳ 10 năm"]


def test_which_questions_ask_a_cycle():
    assert is_cycle_question(folded_words("Chiến lược phát triển chăn nuôi được lập theo chu kỳ bao nhiêu năm?"))
    assert is_cycle_question(folded_words("For what cycle is the crop production development strategy built?"))
    # the cycle is the subject, a duration is asked: not a frequency either
    q = folded_words("Cây hằng năm là cây kết thúc chu kỳ sản xuất trong thời gian không quá bao lâu?")
    assert not is_cycle_question(q) and not _asks_frequency(q)
    assert _asks_frequency(folded_words("Diễn tập ứng phó sự cố môi trường phải tổ chức bao lâu một lần?"))


def test_a_defined_duration_is_told_from_a_step_deadline():
    line = law_line("luat-dien-anh.txt", "Thời hạn lưu chiểu phim Việt Nam là 12 tháng")
    (defined,) = [it for it in duration_items([_result(line)]) if "12 tháng" in it["when"]]
    assert defines_duration(defined)
    line = law_line("luat-cu-tru.txt", "có thể kéo dài nhưng không quá 60 ngày")
    assert not any(defines_duration(it) for it in duration_items([_result(line)]))


def test_span_words_of_a_vietnamese_when_question_weigh_little():
    groups = [("cai nghien", ["cai nghien"]), ("keo dai", ["keo dai"])]
    assert vi_span_words(groups, "cai nghien keo dai trong bao lau") == {"keo dai"}
    assert vi_span_words(groups, "thoi han co the keo dai bao lau") == set()  # an extension is asked
    assert vi_span_words([("thuoc", ["thuoc"])], "nghi quyet dai hoi thuoc nhiem ky nao") == {"thuoc"}


def test_the_year_of_a_name_past_a_distant_act_verb():
    assert is_year_of_question(folded_words(
        "Ke hoach so ket NQ 06 duoc ban hanh de thuc hien Chuong trinh cong tac trong tam nam nao?"))
    assert not is_year_of_question(folded_words("Luật Du lịch được Quốc hội thông qua năm nào?"))
    assert not is_year_of_question(folded_words("Kế hoạch này được ban hành vào năm nào?"))


def test_another_point_of_the_cited_article_is_another_case():
    q = analyze("Thời hạn chuẩn bị xét xử (điểm a khoản 2 Điều 116) là bao lâu?")
    assert other_provision(q, {"quote": "02 tháng kể từ ngày thụ lý vụ án đối với trường hợp quy định tại "
                                        "điểm b khoản 2 Điều 116 của Luật này"})
    assert not other_provision(q, {"quote": "04 tháng kể từ ngày thụ lý vụ án đối với trường hợp quy định tại "
                                            "điểm a khoản 2 Điều 116 của Luật này"})
    en = analyze("How long is the preparation for trial under point b, clause 2, Article 116?")
    assert other_provision(en, {"quote": "04 tháng … tại điểm a khoản 2 Điều 116 của Luật này"})


@pytest.fixture(scope="module")
def laws(tmp_path_factory):
    return index_laws(tmp_path_factory, "when_readers", ["luat-trong-trot.txt", "luat-chan-nuoi.txt",
                                                         "luat-phong-chong-ma-tuy.txt", "luat-to-tung-hanh-chinh.txt"])


@pytest.mark.parametrize("question, expected", [
    ("Chiến lược phát triển trồng trọt được xây dựng theo chu kỳ mấy năm?", "chu kỳ 10 năm"),
    ("Chien luoc phat trien chan nuoi ca nuoc duoc xay dung theo chu ky bao nhieu nam?", "chu kỳ 10 năm"),
    # a provincial strategy the law does not set ("trên phạm vi cả nước" is the national one)
    ("Chiến lược phát triển chăn nuôi cấp tỉnh được xây dựng theo chu kỳ bao nhiêu năm?", None),
    ("Cai nghiện ma túy tự nguyện tại cơ sở cai nghiện kéo dài bao lâu?", "06 tháng đến 12 tháng"),
    ("Thoi han chuan bi xet xu vu an hanh chinh truong hop diem b khoan 2 Dieu 116 la bao lau?", "02 tháng"),
])
def test_when_readers_answer(laws, question, expected):
    assert_answer(ask(laws, question), expected)
