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
