"""Diacritics restored from the corpus, and the words questions ask with, which the corpus (statements,
not questions) seldom writes: "bao nhieu" is "bao nhiêu", not the corpus's "bảo nhiều"."""

from __future__ import annotations

import pytest

from indexer.search.accents import build_accent_model, restore
from tests.conftest import PLANS


def test_question_words_are_restored_as_questions_write_them():
    model = build_accent_model([PLANS["000"].read_text(encoding="utf-8"), "bảo nhiều bảo lâu như thể ở đầu"])
    assert "bao nhiêu phần trăm" in restore("Ty le che phu rung dat bao nhieu phan tram?", model)
    assert restore("Viec danh gia duoc tien hanh nhu the nao", model).endswith("như thế nào")
    assert restore("Xa Binh Lu dinh huong den nam nao", model).endswith("năm nào")
    assert restore("Bao lau thi xong, o dau?", model).startswith("Bao lâu") and "ở đâu" in restore("o dau", model)
    # the corpus's own words still come from the corpus
    assert "Bình Lư" in restore("Xa Binh Lu dinh huong den nam nao", model)


def test_a_name_alone_does_not_teach_how_a_syllable_is_meant():
    """A law says "Việt Nam" far more often than it says "năm" in some passages: the name's
    capitalised "Nam" is not counted alone, so "nam" typed in a question is the year, and the name
    still comes back through its two-syllable gram."""
    texts = ["Nước Cộng hòa xã hội chủ nghĩa Việt Nam. " * 12 + "Nhiệm kỳ là 05 năm, tối đa 10 năm."]
    model = build_accent_model(texts)
    assert restore("nhiem ky toi da bao nhieu nam", model).endswith("bao nhiêu năm")
    assert restore("cong hoa xa hoi chu nghia viet nam", model).endswith("việt nam")
    # the whole law (real text): the same
    real = build_accent_model([PLANS["000"].read_text(encoding="utf-8")])
    assert restore("sau bao nhieu nam", real).endswith("năm")


def test_the_likeliest_sequence_keeps_the_question_words_and_the_names():
    """Read greedily, a gram ending in the question's own words took them ("đánh giá bảo nhiều");
    the bigram model keeps "bao nhiêu", and a name written only capitalised ("Bình Lư") comes back
    through its bigram."""
    model = build_accent_model([PLANS["000"].read_text(encoding="utf-8"), PLANS["002"].read_text(encoding="utf-8")])
    restored = restore("Dot so ket danh gia bao nhieu nam thuc hien Nghi quyet", model)
    assert "đánh giá bao nhiêu năm thực hiện Nghị quyết" in restored
    assert "Bình Lư" in restore("Binh Lu dat bao nhieu phan tram", model)


def test_a_stored_model_of_the_first_format_still_restores():
    """Generations written before the counts held one best form per n-gram."""
    assert restore("ty le che phu rung", {"ty le": "tỷ lệ", "che phu": "che phủ", "rung": "rừng", "ty": "tỷ",
                                          "le": "lệ", "phu": "phủ"}) == "tỷ lệ che phủ rừng"


def test_the_askers_words_and_sums_of_money_are_restored_as_questions_write_them():
    """The corpus writes "mượn" (the civil code's loan) far more often than "muốn", "máy" and no
    "mấy", "tội"/"tới"/"tối" and no "tôi", and "đồng" of money only after a number: learned from it
    alone, "toi muon biet" was "tới mượn biết", "bao nhieu ty dong" "bao nhiêu ty động"."""
    law = "Bên mượn tài sản phải trả lại tài sản mượn. Nhà máy, máy móc. Hoạt động của hội đồng. " * 5
    model = build_accent_model([law, "Tối đa 10 ngày; tội phạm; tới hạn; hoạt động; hành động."])
    assert restore("toi muon biet ai chiu trach nhiem", model).startswith("tôi muốn ")
    restored = restore("chi bo chung toi phai nop may ban", model)
    assert "chúng tôi phải" in restored and restored.endswith("mấy bản")
    assert restore("ngan sach bao nhieu ty dong", model).endswith("bao nhiêu tỷ đồng")
    assert restore("le phi bao nhieu dong", model).endswith("bao nhiêu đồng")
    # the question's syllables outside any phrase (``QUESTION_WORDS``), where the bigrams say nothing
    assert restore("phai nop may khoan phi", model).endswith("mấy khoan phi")
    assert restore("ai muon dang ky", model).startswith("ai muốn")
    # the corpus's own words stay where its bigrams speak: a loan, a factory, "tối đa", "muộn nhất"
    assert restore("ben muon tai san", model) == "bên mượn tài sản"
    assert restore("nha may", model) == "nhà máy" and restore("xe may", model) == "xe máy"
    assert restore("toi da 10 ngay", model) == "tối đa 10 ngày"
    assert restore("bao cao muon nhat la ngay nao", model).endswith("muộn nhất la ngày nào")  # ("la": no "là" in this corpus)
    assert "muộn hơn ngày" in restore("gui khong muon hon ngay nao", model)



def test_a_rare_form_written_next_to_its_neighbour_is_a_candidate():
    # the plans and the laws write "do", "đó", "độ", "đô", "đo", "đỡ" more often than "đồ", which they
    # write in "Bản đồ số Du lịch Bình Lư", "bản đồ du lịch": the bigram with the question's "ban"
    # makes it a candidate
    from tests.conftest import SHARED

    laws = sorted((SHARED / "corpus-alqac").glob("*.txt"))
    if not laws:
        pytest.skip("the ALQAC laws are not here")
    model = build_accent_model([p.read_text(encoding="utf-8") for p in [*PLANS.values(), *laws]])
    assert restore("xay dung ban do so du lich binh lu", model) == "xây dựng bản đồ số du lịch bình lư"
    # the frequent forms still win where the bigrams say so
    assert restore("ban hanh ke hoach", model) == "ban hành kế hoạch"


def test_a_pair_questions_say_wins_where_the_word_before_says_nothing():
    # "đứng ra" (to take a thing on) is written once in the plans and laws, the "dụng" of "sử dụng",
    # "áp dụng" some 1,500 times: "ai dung ra" came back "ai dụng ra"
    from tests.conftest import SHARED

    laws = sorted((SHARED / "corpus-alqac").glob("*.txt"))
    if not laws:
        pytest.skip("the ALQAC laws are not here")
    model = build_accent_model([p.read_text(encoding="utf-8") for p in [*PLANS.values(), *laws]])
    assert "ai đứng ra truyền đạt" in restore("o cap co so thi ai dung ra truyen dat nghi quyet", model)
    assert "nào đứng ra" in restore("co quan nao dung ra dieu phoi khac phuc", model)
    # the word before still decides where it says the other word
    assert restore("ap dung ra sao", model) == "áp dụng ra sao"
    assert restore("noi dung ra sao", model) == "nội dung ra sao"
    for typed, written in (("lam dung", "lạm dụng"), ("cong dung", "công dụng"), ("tin dung", "tín dụng"),
                           ("van dung", "vận dụng"), ("trung dung", "trưng dụng")):
        assert restore(f"{typed} ra sao", model) == f"{written} ra sao"
    # "mốc" is written only in "mốc giới": a milestone asked came back "móc"
    assert restore("moc thoi gian nao", model) == "mốc thời gian nào"
    assert restore("den moc nao", model) == "đến mốc nào"
    assert restore("moc nam nao", model).startswith("mốc năm")
    assert restore("may moc nam 2020", model) == "máy móc năm 2020"
