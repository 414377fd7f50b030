"""A name the question writes that the answer's document never writes (answer._unsaid_names): the
question is about something else than the document holds, and is left unanswered."""

from __future__ import annotations

import pytest

from indexer.answer.named import _unsaid_names
from indexer.text import folded_words
from tests.conftest import index_laws


def test_names_written_capitalised_are_checked_as_phrases():
    doc = f" {folded_words('Luật Bảo vệ môi trường. Cộng hòa xã hội chủ nghĩa Việt Nam. Kỳ báo cáo tính từ ngày 01 tháng 01.')} "
    assert _unsaid_names("Luật Bảo vệ môi trường quy định Ngày Môi trường Việt Nam là ngày nào?", doc) == ["Ngày Môi"]
    # the word a sentence opens with is no part of a name ("Theo Luật …", "(Theo …", "1. Theo …",
    # a second sentence's "Ở"), nor an abbreviation the document spells out; a name it writes is said
    assert _unsaid_names("Theo Luật Bảo vệ môi trường, kỳ báo cáo tính từ ngày nào?", doc) == []
    assert _unsaid_names("(Theo Luật Bảo vệ môi trường) kỳ báo cáo tính từ ngày nào?", doc) == []
    assert _unsaid_names("1. Theo Luật Bảo vệ môi trường kỳ báo cáo tính từ ngày nào?", doc) == []
    assert _unsaid_names("Kỳ báo cáo tính từ ngày nào? Ở Việt Nam thì sao?", doc) == []
    assert _unsaid_names("Kỳ báo cáo tính từ ngày nào? Ở Lào Cai thì sao?", doc) == ["Lào Cai"]
    assert _unsaid_names("Theo BTV Đảng ủy, kỳ báo cáo tính từ ngày nào?", doc) == []
    assert _unsaid_names("Kỳ báo cáo của Cộng hòa xã hội chủ nghĩa Việt Nam?", doc) == []


def test_a_name_typed_with_diacritics_is_compared_as_written():
    """Luật Du lịch writes "… vào Việt Nam du lịch", never a "Năm Du lịch quốc gia": folded, the
    name's "Năm Du" is the law's "Nam du"; as written it is not. Typed without diacritics, the fold
    is all there is to compare."""
    from indexer.text import spelling

    from indexer.text import untoned

    line = "Khách du lịch quốc tế đến Việt Nam là người nước ngoài vào Việt Nam du lịch ở Hà Tĩnh."
    folded, spelled = f" {folded_words(line)} ", f" {untoned(spelling(line))} "
    assert _unsaid_names("Cơ quan nào chủ trì tổ chức Năm Du lịch quốc gia?", folded, spelled) == ["Năm Du"]
    assert _unsaid_names("Cơ quan nào chủ trì tổ chức Năm Du lịch quốc gia?", folded) == []
    assert _unsaid_names("Co quan nao chu tri to chuc Nam Du lich quoc gia?", folded, spelled) == []
    # a name typed without them in a question that has diacritics elsewhere is compared folded
    assert _unsaid_names("Ai đón khách theo Viet Nam du lich?", folded, spelled) == []
    # a mistyped tone is still the name; another letter is not
    assert _unsaid_names("Ai đón khách ở Hà Tỉnh?", folded, spelled) == []
    assert _unsaid_names("Ai đón khách ở Hà Tính?", folded, spelled) == []
    # a name the law writes, in old-style tones or another case, is said
    assert _unsaid_names("Khách đến Việt Nam du lịch là ai?", folded, spelled) == []
    assert _unsaid_names("Ai quản lý Hoà Bình Du lịch?", f" {folded_words('hòa bình du lịch')} ",
                         f" {untoned(spelling('Hòa Bình du lịch'))} ") == []


@pytest.fixture(scope="module")
def environment(tmp_path_factory):
    return index_laws(tmp_path_factory, "names", ["luat-bao-ve-moi-truong.txt"])


def test_a_day_the_law_never_names_is_not_answered_by_another_day(environment):
    """Luật Bảo vệ môi trường states reporting dates ("Kỳ báo cáo … tính từ ngày 01 tháng 01 …", "chậm
    nhất là ngày 31 tháng 12 năm 2024"), never a "Ngày Môi trường Việt Nam". The null keeps the
    closest passages as citations."""
    out = environment.ask("Luật Bảo vệ môi trường quy định Ngày Môi trường Việt Nam là ngày nào?").model_dump()
    assert out["answer"] is None, out
    assert out["citations"]  # the closest passages are still shown
    kept = environment.ask("Kỳ báo cáo công tác bảo vệ môi trường tính từ ngày nào?").model_dump()
    assert kept["answer"] and "01 tháng 01" in kept["answer"], kept


def test_an_occasion_an_english_question_names_is_compared_with_the_vietnamese_name():
    """An English question's capitalised occasion ("National Tourism Year", "Action Month", "Youth
    Month") is written in Vietnamese with its time noun first ("Năm Du lịch quốc gia", "Tháng Thanh
    niên"); a document that never writes that is about something else (answer._unnamed_occasions)."""
    from indexer.answer.named import _unnamed_occasions
    from indexer.text import spelling, untoned

    line = ("Khách du lịch quốc tế đến Việt Nam du lịch. Tháng 3 hằng năm là Tháng Thanh niên. Cơ quan "
            "chuyên trách chủ trì các hoạt động phòng ngừa tội phạm về ma túy.")
    doc = f" {untoned(spelling(line))} "
    # (folded, "năm du lịch" would be the "Nam du lịch" of "Việt Nam du lịch")
    assert _unnamed_occasions("Which body hosts the National Tourism Year?", doc) == ["National Tourism Year"]
    assert _unnamed_occasions("Which agency leads the annual Action Month against drugs?", doc) == ["Action Month"]
    assert _unnamed_occasions("Which organisation leads the Youth Month activities every March?", doc) == []
    # a name the document writes in its own words: a glossary phrase ("National Day" -> "quốc
    # khánh", "School Year" -> "năm học"), or its last word's sense a word or two after the time noun
    other = f" {untoned(spelling('Quốc khánh là ngày 2 tháng 9. Năm học mới. Ngày hội Đại đoàn kết toàn dân tộc.'))} "
    assert _unnamed_occasions("Which date is National Day under the Constitution?", other) == []
    assert _unnamed_occasions("How Many Weeks Are In The School Year?", other) == []
    assert _unnamed_occasions("Who organises the Great National Unity Day in the villages?", other) == []
    # (not the year a date writes after "năm": "năm 2018. 2. Luật Du lịch")
    dated = f" {untoned(spelling('có hiệu lực từ ngày 01 tháng 01 năm 2018. 2. Luật Du lịch số 44/2005'))} "
    assert _unnamed_occasions("Which body hosts the National Tourism Year?", dated) == ["National Tourism Year"]
    # lower case, or no name before the time noun: no occasion named
    assert _unnamed_occasions("Which agency leads the annual action month against drugs?", doc) == []
    assert _unnamed_occasions("Which body reports every Year?", doc) == []
    assert _unnamed_occasions("Which body hosts the National Tourism Year?", "  ") == []


def test_an_english_question_about_an_occasion_the_law_never_names_is_not_answered(tmp_path_factory):
    service = index_laws(tmp_path_factory, "occasions", ["luat-du-lich.txt"])
    out = service.ask("Which body does the Law on Tourism put in charge of hosting the National Tourism Year?")
    assert out.answer is None, out.answer
    assert out.citations  # the closest passages are still shown
