"""Which numbered category a thing belongs to (labels.py, answer._label_answer): "… thuộc hàng thừa
kế thứ mấy?" is answered by the law's "Hàng thừa kế thứ ba gồm: …", on real law text."""

from __future__ import annotations

import pytest

from indexer.answer.labels import asked_label, label_nouns, labels_in
from indexer.text import folded_words
from tests.conftest import index_laws, law_line


def _labels(text: str, noun: tuple[str, ...]) -> list[str]:
    return [text[a:b] for a, b in labels_in(text, 0, len(text), noun)]


def test_the_question_names_the_category_it_asks_the_label_of():
    assert asked_label(folded_words("Ông nội, bà nội thuộc hàng thừa kế thứ mấy?")) == ("hang", "thua", "ke")
    assert asked_label(folded_words("du an tac dong xau muc do cao thuoc nhom may")) == ("nhom",)
    assert asked_label(folded_words("Dự án này thuộc nhóm nào?")) == ("nhom",)
    # the stage a programme is numbered by; "giai đoạn nào" asks a period ("giai đoạn 2021 - 2025")
    assert asked_label(folded_words("Báo điện tử được nâng cấp lên giai đoạn mấy?")) == ("giai", "doan")
    assert asked_label(folded_words("Kế hoạch áp dụng cho giai đoạn nào?")) is None
    # a count, a frequency, a body: no category's label
    assert asked_label(folded_words("Phải họp mấy lần một năm?")) is None
    assert asked_label(folded_words("Ban nào chủ trì?")) is None


def test_a_law_names_each_category_with_one_label():
    heirs = law_line("bo-luat-dan-su.txt", "Hàng thừa kế thứ ba gồm")
    assert _labels(heirs, ("hang", "thua", "ke")) == ["Hàng thừa kế thứ ba"]
    groups = law_line("luat-bao-ve-moi-truong.txt", "Dự án đầu tư nhóm I là")
    assert _labels(groups, ("nhom",)) == ["nhóm I"]
    # the sentence that lists the categories names none of them; "hàng năm" is every year
    listing = law_line("luat-bao-ve-moi-truong.txt", "được phân thành nhóm I, II, III và IV")
    assert _labels(listing, ("nhom",)) == []
    assert _labels("Báo cáo hàng năm về công tác bảo vệ môi trường", ("hang",)) == []
    stage = "nâng cấp Báo Lai Châu điện tử giai đoạn III; tăng Báo Lai Châu thường kỳ lên 4"
    assert _labels(stage, ("giai", "doan")) == ["giai đoạn III"]
    assert _labels("giai đoạn 2021 - 2025", ("giai", "doan")) == []
    # a Roman numeral is written upper-case: "nhóm vi phạm" is no "nhóm VI"
    assert _labels("xử lý nhóm vi phạm", ("nhom",)) == []


@pytest.fixture(scope="module")
def civil(tmp_path_factory):
    return index_laws(tmp_path_factory, "labels", ["bo-luat-dan-su.txt"])


def test_the_label_of_the_category_the_question_describes(civil):
    r = civil.ask("Ông nội, bà nội, anh ruột, chị ruột của người chết thuộc hàng thừa kế thứ mấy?")
    assert r.answer == "Hàng thừa kế thứ hai" and r.support["read"] == "label"
    assert "ông nội, bà nội" in r.citations[0].text
    typed = civil.ask("Cu noi, cu ngoai cua nguoi chet thuoc hang thua ke thu may?")
    assert typed.answer == "Hàng thừa kế thứ ba"
    # a member no category names: no label
    assert civil.ask("Bạn thân của người chết thuộc hàng thừa kế thứ mấy?").answer is None


def test_a_category_described_by_what_its_members_are_not_is_not_the_asked_one():
    from indexer.answer.labels import negated_member

    other = law_line("luat-trong-trot.txt", "không thuộc loài cây trồng chính là sản phẩm, hàng hóa nhóm 1")
    assert _labels(other, ("nhom",)) == ["nhóm 1"]
    assert negated_member(folded_words(other), folded_words("Vật liệu nhân giống cây trồng chính thuộc nhóm mấy?"))
    assert not negated_member(folded_words(other), folded_words("Vật liệu không thuộc loài cây trồng chính thuộc nhóm mấy?"))


def test_the_bare_noun_of_an_ordinal_the_question_describes_first():
    """"lần nhập khẩu thứ mấy": the law writes the ordinal on the bare noun ("nhập khẩu tinh, phôi
    từ lần thứ hai"), the describing words elsewhere in its sentence."""
    assert label_nouns(folded_words("Từ lần nhập khẩu thứ mấy thì chỉ cần thông báo?")) == [("lan", "nhap", "khau"), ("lan",)]
    assert label_nouns(folded_words("Dự án này thuộc nhóm nào?")) == [("nhom",)]
    assert label_nouns(folded_words("Ban nào chủ trì?")) == []


@pytest.fixture(scope="module")
def husbandry(tmp_path_factory):
    return index_laws(tmp_path_factory, "labels-husbandry", ["luat-chan-nuoi.txt"])


def test_an_ordinal_read_on_the_bare_noun(husbandry):
    r = husbandry.ask("Từ lần nhập khẩu thứ mấy đối với đực giống cùng giống, cùng cơ sở sản xuất thì chỉ cần "
                      "thông báo bằng văn bản?")
    assert r.answer == "lần thứ hai"
    assert "đực giống từ lần thứ hai" in r.citations[0].text
    # the describing words stay the question's: a thing the law does not say this of gets no label
    assert husbandry.ask("Từ lần nhập khẩu thứ mấy đối với phân bón thì chỉ cần thông báo bằng văn bản?").answer is None
