"""A query's short forms are searched with their long forms too (units.spelled_out): "UBTVQH" for
the Constitution's "Ủy ban thường vụ Quốc hội", "THPT" for the laws' "trung học phổ thông"."""

from __future__ import annotations

import pytest

from indexer.extract.units import spelled_out
from tests.conftest import index_laws


def test_short_forms_as_written_get_their_long_forms():
    assert spelled_out("UBTVQH gồm những thành phần nào?") == "Ủy ban thường vụ Quốc hội"
    assert spelled_out("Cấp THPT học mấy năm, BHYT bao phủ bao nhiêu?") == "trung học phổ thông bảo hiểm y tế"
    assert spelled_out("Ai chủ trì, UBND xã hay HĐND?") == "Ủy ban nhân dân Hội đồng nhân dân"
    assert spelled_out("Theo Luật BVMT, ai quy định phí thẩm định?") == "bảo vệ môi trường"
    # the budget, the ministries' fields and the top court as officials type them
    assert spelled_out("Nguồn thu NSNN tăng bao nhiêu?") == "ngân sách nhà nước"
    assert spelled_out("Bộ NNPTNT hay Bộ KHCN?") == "Nông nghiệp và Phát triển nông thôn Khoa học và Công nghệ"
    # a ministry's short name as typed, with "&" (one home: units._MINISTRIES, the answer reads it too)
    assert spelled_out("Sở TN&MT hay Bộ NN&PTNT?") == "Tài nguyên và Môi trường Nông nghiệp và Phát triển nông thôn"
    assert spelled_out("Hội đồng Thẩm phán TANDTC") == "Tòa án nhân dân tối cao"
    # lower case, or inside a word, is no short form
    assert spelled_out("thpt ubnd") == "" and spelled_out("PHTHPTX") == ""


@pytest.fixture(scope="module")
def constitution(tmp_path_factory):
    return index_laws(tmp_path_factory, "abbr", ["hien-phap.txt"])


def test_a_query_typing_a_short_form_finds_the_long_form(constitution):
    top = constitution.search("UBTVQH gồm những thành phần nào?", k=3).results
    assert top and "Ủy ban thường vụ Quốc hội gồm" in top[0].text
    off = constitution.settings.model_copy(update={"spell_out_abbreviations": False})
    from indexer.service import Service
    plain = Service(off).search("UBTVQH gồm những thành phần nào?", k=3).results
    assert not plain or "Ủy ban thường vụ Quốc hội gồm" not in plain[0].text  # what the setting adds
