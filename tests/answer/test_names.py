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
