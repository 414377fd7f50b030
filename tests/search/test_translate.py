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
