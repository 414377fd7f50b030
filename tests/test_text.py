"""indexer.text.spelling: a phrase as written, the one form the answer readers compare written words in."""

from __future__ import annotations

from indexer.text import folded_words, spelling


def test_spelling_keeps_diacritics_and_places_tones_the_modern_way():
    assert spelling("Hoá đơn  ĐIỆN tử, hoà giải") == "hóa đơn điện tử hòa giải"
    assert spelling("quý I") == "quý i"  # "qu" is a consonant: its tone stays on y
    assert spelling("TOÀ ÁN HOÀ GIẢI") == "tòa án hòa giải"  # (capitals too)
    # decomposed input (NFD, as some PDFs give it) reads as the composed one
    import unicodedata
    assert spelling(unicodedata.normalize("NFD", "Phức tạp")) == "phức tạp"


def test_spelling_tells_apart_what_folding_joins():
    assert folded_words("mạng") == folded_words("mang")
    assert f" {spelling('mạng')} " not in f" {spelling('mang ngày nào')} "
    assert f" {spelling('phức tạp')} " in f" {spelling('Trường hợp phức tạp thì gia hạn')} "


def test_untoned_drops_tone_marks_and_keeps_vowel_marks():
    from indexer.text import untoned

    assert untoned("Hà Tĩnh") == untoned("Hà Tỉnh") == "Ha Tinh"
    assert untoned("Năm") != untoned("Nam") and untoned("đổi") == "đôi"
