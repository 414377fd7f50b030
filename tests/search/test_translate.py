"""The English -> Vietnamese glossary translation used by the lexical leg for English queries."""

from indexer.search.translate import GLOSSARY, base_form, load_glossary, tokens, translate


def test_glossary_loads_and_every_line_has_vietnamese():
    glossary = load_glossary(GLOSSARY)
    assert len(glossary) > 500
    assert all(v for v in glossary.values())
    assert glossary[("propaganda",)][0] == "tuyên truyền"


def test_longest_phrase_wins_and_inflections_match():
    assert translate("health insurance coverage") .startswith("bảo hiểm y tế")
    assert "học tập" in translate("requirements for studying the resolution")
    assert "nghị quyết" in translate("requirements for studying the resolution")
    assert base_form("tasks") == base_form("task") and base_form("linked") == "link"


def test_numbers_are_kept_and_unknown_words_dropped():
    out = translate("What is the forest cover target for 2030?")
    assert "che phủ rừng" in out and "2030" in out
    assert "what" not in out.split()
    assert translate("xyzzy plugh") == ""


def test_hyphens_and_possessives_split():
    assert tokens("ward-level people's committee") == ["ward", "level", "people", "committee"]
    assert "ủy ban nhân dân" in translate("the people's committee of the ward")


def test_custom_glossary(tmp_path):
    path = tmp_path / "g.tsv"
    path.write_text("# comment\nrice paddy\truộng lúa|lúa\n", encoding="utf-8")
    assert translate("rice paddies", load_glossary(path)) == "ruộng lúa lúa"


def test_a_base_word_asked_does_not_take_an_inflected_entry():
    """"news" and "new", "meeting" and "meet" share a stem: the asked word decides."""
    from indexer.search.translate import lookup

    assert lookup(["new"]) == ["mới"]
    assert "thông tin" in lookup(["news"])
    assert "hội nghị" not in lookup(["meet"])
    assert "hội nghị" in lookup(["meetings"]) and "hội nghị" in lookup(["meeting"])
    assert translate("the new National Assembly").split()[0] == "mới"


def test_silent_e_irregular_and_doubled_stems():
    from indexer.search.translate import lookup

    assert "nâng cao" in lookup(["raising"])  # raise
    assert "yêu cầu" in lookup(["required"])  # require
    assert lookup(["sitting"]) == []  # sit, not site (địa điểm)
    assert lookup(["held"]) == lookup(["hold"]) == ["tổ chức"]
    assert lookup(["begin"]) == ["bắt đầu"]  # began/begun have lines, the base form too
    assert "thu phí" in lookup(["charged"]) and "phí" in lookup(["charged"])  # both stems' senses


def test_meanings_and_wordings(tmp_path):
    """"|" joins wordings of one meaning, ";" different meanings: translation reads them all, the
    thesaurus (``Glossary.primary``) only the first meaning."""
    path = tmp_path / "g.tsv"
    path.write_text("second\tthứ hai\nsecond\t;biệt phái\nborrower\tbên vay|người vay;bên mượn\n",
                    encoding="utf-8")
    glossary = load_glossary(path)
    assert glossary[("second",)] == ["thứ hai", "biệt phái"]
    assert glossary.primary[("second",)] == ["thứ hai"]
    assert glossary.primary[("borrower",)] == ["bên vay", "người vay"]
    assert translate("borrowers", glossary) == "bên vay người vay bên mượn"


def test_bulk_vocabulary_of_plans_and_laws():
    """Everyday English words of questions about these documents reach the documents' terms."""
    out = translate("surprise inspections of the borrower's overdue repayment by an amateur troupe")
    for vi in ("đột xuất", "bên vay", "quá hạn", "trả nợ", "không chuyên", "đội văn nghệ"):
        assert vi in out


def test_which_types_of_asks_about_the_noun_after_of():
    """"Which types of crime": the documents list crimes without saying "loại"."""
    out = translate("Which types of crime does the plan target for prevention?")
    assert "tội phạm" in out and "loại" not in out.split()
    assert "loại hình du lịch" in translate("the type of tourism")  # a content "type" stays


def test_unknown_nouns_fall_back_to_the_word_they_derive_from():
    from indexer.search.translate import translate_groups

    groups = dict(translate_groups("enforcement effectiveness officially"))
    assert groups["enforcement"] == ["thi hành"] and groups["effectiveness"] == ["hiệu quả"]
    assert groups["officially"] == []  # not the noun "official" (cán bộ)


def test_unknown_words_try_the_other_spelling():
    from indexer.search.translate import translate_groups

    assert dict(translate_groups("harmonise"))["harmonise"] == ["hài hòa"]  # the glossary says "harmonize"


def test_english_number_words_as_the_documents_write_them():
    """The laws spell numbers in words ("Sáu mươi ngày"), the plans in digits ("05 năm")."""
    from indexer.search.translate import translate_groups

    groups = dict(translate_groups("within sixty days of turning twenty-one or eleven"))
    assert groups["sixty"] == ["60", "sáu mươi"]
    assert groups["twenty one"] == ["21", "hai mươi mốt", "hai mươi một"]
    assert groups["eleven"] == ["11", "mười một"]
    assert "05" in dict(translate_groups("five years"))["five"]  # the glossary's own line stays
