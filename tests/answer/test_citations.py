"""Citations: a short clause is cited with its sentence, verbatim, offsets and all (citations.py), on
real law and plan text."""

from __future__ import annotations

import pytest

from indexer.answer.citations import LONGEST, SHORT, citation, widened
from tests.conftest import PLANS, index_laws, law_line


def _span(text: str, words: str) -> tuple[int, int]:
    at = text.index(words)
    return at, at + len(words)


def test_a_short_clause_is_widened_to_its_sentence():
    line = law_line("luat-hon-nhan-va-gia-dinh.txt", "nữ từ đủ 18 tuổi trở lên")
    text = f"Điều 8. Điều kiện kết hôn\n{line}\nb) Việc kết hôn do nam và nữ tự nguyện quyết định;"
    s, e = widened(text, *_span(text, "nữ từ đủ 18 tuổi trở lên"))
    assert text[s:e] == "a) Nam từ đủ 20 tuổi trở lên, nữ từ đủ 18 tuổi trở lên"


def test_only_the_sentence_of_the_clause_not_the_next_one():
    line = law_line("luat-to-tung-hanh-chinh.txt", "Hội đồng xét xử sơ thẩm gồm một Thẩm phán và 02")
    s, e = widened(line, *_span(line, "02 Hội thẩm nhân dân"))
    cited = line[s:e]
    assert cited.startswith("Hội đồng xét xử sơ thẩm gồm một Thẩm phán và 02 Hội thẩm nhân dân")
    assert "có thể gồm 02 Thẩm phán" not in cited  # the next sentence is another rule


def test_long_clause_multi_line_and_bad_offsets_stay_as_they_are():
    text = PLANS["003"].read_text(encoding="utf-8")
    clause = "tỷ lệ che phủ rừng đạt 59,55%"
    s, e = _span(text, clause)
    ws, we = widened(text, s, e)
    assert ws <= s and e <= we and clause in text[ws:we] and we - ws <= LONGEST
    long = next(line for line in text.splitlines() if len(line) > SHORT + 20)
    ls = text.index(long)
    assert widened(text, ls, ls + SHORT + 5) == (ls, ls + SHORT + 5)  # long enough to stand alone
    assert widened(text, 0, len(text)) == (0, len(text))
    assert widened(text, 10, 5) == (10, 5) and widened("", 0, 3) == (0, 3)


def test_citation_keeps_the_document_words_verbatim():
    text = PLANS["003"].read_text(encoding="utf-8")
    s, e = _span(text, "tỷ lệ che phủ rừng đạt 59,55%")
    item = {"quote": text[s:e], "doc_id": "003", "start": s, "end": e, "section_path": "A › B"}
    cited = citation(item, text)
    assert cited["text"] == text[cited["start"]:cited["end"]] and cited["section_path"] == ["A", "B"]
    assert cited["start"] <= s and e <= cited["end"] and len(cited["text"]) > e - s
    assert citation(item) == {**cited, "text": text[s:e], "start": s, "end": e}  # no text: as the item


@pytest.fixture(scope="module")
def marriage(tmp_path_factory):
    return index_laws(tmp_path_factory, "citations", ["luat-hon-nhan-va-gia-dinh.txt"])


def test_answer_cites_the_whole_point_and_marks_the_value(marriage):
    out = marriage.ask("Nữ phải đủ bao nhiêu tuổi mới được kết hôn?").model_dump()
    assert out["answer"] and "18 tuổi" in out["answer"], out["answer"]
    first, item = out["citations"][0], out["items"][0]
    assert first["text"] == "a) Nam từ đủ 20 tuổi trở lên, nữ từ đủ 18 tuổi trở lên"
    doc = marriage.document(first["doc_id"]).text
    assert doc[first["start"]:first["end"]] == first["text"]  # verbatim, offsets checked end to end
    assert first["start"] <= item["start"] and item["end"] <= first["end"]  # the item's words inside it

