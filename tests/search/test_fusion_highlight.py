from __future__ import annotations

import numpy as np

from indexer.index.analyzer import folded_terms, segment
from indexer.text import fold, query_language
from indexer.search.fusion import rrf, top_positions
from indexer.search.highlight import highlight_spans


def test_rrf_keeps_ranks_per_leg():
    fused = rrf({"lexical": np.array([3, 1]), "dense": np.array([1, 7])}, {"lexical": 1, "dense": 1}, 60)
    assert [p for p, _, _ in fused][:1] == [1]
    ranks = {p: r for p, _, r in fused}
    assert ranks[1] == {"lexical": 2, "dense": 1} and ranks[7] == {"lexical": None, "dense": 2}


def test_top_positions_respects_filter_and_zero_scores():
    scores = np.array([0.0, 5.0, 2.0, 9.0], np.float32)
    assert top_positions(scores, 10).tolist() == [3, 1, 2]
    assert top_positions(scores, 10, allowed=np.array([1, 2])).tolist() == [1, 2]


def test_fold_and_terms():
    assert fold("Tỷ lệ che phủ rừng Đảng") == "Ty le che phu rung Dang"
    assert "ty_le" in folded_terms("tỷ lệ") and "tỷ_lệ" in segment("Tỷ lệ che phủ rừng")


def test_query_language():
    assert query_language("Ai chịu trách nhiệm tuyên truyền?") == "vi"
    assert query_language("ty le che phu rung") == "vi-noaccent"
    assert query_language("who is responsible for propaganda") == "en"
    # English naming Vietnamese places is English (it was searched untranslated as Vietnamese)
    assert query_language("What share of communes, wards and towns in Lai Châu must have a grassroots "
                          "radio system?") == "en"
    assert query_language("By 2030, what share of Bình Lư's population should have clean water?") == "en"
    # a Vietnamese question with acronyms and an English loanword stays Vietnamese
    assert query_language("Dự án Cung đường tình yêu dài bao nhiêu km và có mấy điểm check-in?") == "vi"
    assert query_language("Nghị quyết 103/NQ-CP của Chính phủ mà Hà Tĩnh triển khai") == "vi"
    # typed without diacritics, its acronyms and document numbers are no English words
    assert query_language("Can so ket may nam thuc hien NQ 35-NQ/TW va KH 209-KH/TU?") == "vi-noaccent"
    assert query_language("Ke hoach 131-KH/UBND cua UBND tinh thuc hien Nghi quyet 103/NQ-CP ban hanh ngay nao?") \
        == "vi-noaccent"
    assert query_language("WHO IS RESPONSIBLE FOR PROPAGANDA") == "en"
    # … and typed in lower case, an acronym has no vowel of either language ("kh", "nq", "tw")
    assert query_language("kh 209 cua lai chau (trien khai nq 35-nq/tw) ghi ngay thang nam nao?") == "vi-noaccent"
    assert query_language("which body signs kh 209 for the nq 35 review") == "en"


def test_highlight_is_diacritics_insensitive():
    text = "Tỷ lệ che phủ rừng đạt 59,55%; tỷ lệ hộ nghèo giảm."
    spans = highlight_spans(text, "ty le che phu rung")
    assert [text[s:e] for s, e in spans] == ["Tỷ lệ che phủ rừng", "tỷ lệ"]
    assert [text[s:e] for s, e in highlight_spans(text, "TỶ LỆ hộ nghèo")] == ["Tỷ lệ", "tỷ lệ hộ nghèo"]


def test_highlight_marks_words_not_syllables_inside_other_words():
    """On the real plans: the query "tuyên truyền" marks the word "tuyên truyền" wherever it stands
    and never the "truyền" of "truyền thanh", "truyền hình", "truyền thống", "truyền thông"."""
    import re

    from indexer.ingest import read_file, reflow
    from tests.conftest import PLANS

    other = re.compile(r"truyền (?:thanh|hình|thống|thông)", re.I)
    marked = compounds = 0
    for path in PLANS.values():
        for para in reflow(read_file(path, 10**8)).text.split("\n\n"):
            if "truyền" not in para.lower():
                continue
            spans = highlight_spans(para, "tuyên truyền")
            for m in other.finditer(para):
                compounds += 1
                assert not any(s < m.end() and m.start() < e for s, e in spans), (para[m.start():m.end()], para[:80])
            for s, e in spans:
                assert para[s:e].lower().startswith("tuyên truyền"), para[s:e]
                marked += 1
    assert compounds >= 10 and marked >= 20, (compounds, marked)


def test_english_query_highlights_its_vietnamese_terms(fake_engine):
    """An English question is searched in Vietnamese: the passages mark the Vietnamese terms it was
    translated to ("propaganda" -> tuyên truyền), as a Vietnamese question's would be."""
    from tests.conftest import PLANS

    fake_engine.add_files([(PLANS["001"].name, PLANS["001"].read_bytes())])
    response = fake_engine.search("propaganda", k=10)
    assert response.language == "en" and "tuyên truyền" in response.translated
    marked = [r.text[s:e].lower() for r in response.results for s, e in r.highlights]
    assert any("tuyên truyền" in m for m in marked), marked


def test_highlights_reuse_the_index_segmentation(fake_engine):
    """Passages carry their stored word terms; rebuilding the words from them gives the very words
    a fresh segmentation gives (without its ~10 ms per passage), so the highlights are the same."""
    from indexer.search import highlight as h
    from tests.conftest import PLANS

    fake_engine.add_files([(PLANS["002"].name, PLANS["002"].read_bytes())])
    gen = fake_engine.engine.inner.generation()
    rows = fake_engine.engine.inner.passages_at(list(gen.key_positions))
    assert rows and all(r["words"] for r in rows.values())
    for row in rows.values():
        assert h._words(row["text"], row["words"]) == h._words(row["text"]), row["text"][:80]
        assert highlight_spans(row["text"], "tuyên truyền", row["words"]) == \
            highlight_spans(row["text"], "tuyên truyền")
    assert h.tokens_from_terms(["tuyên_truyền", "tuyên", "truyền", "về"], 3) == ("tuyên truyền", "về")
    assert h.tokens_from_terms(["về"], 3) is None
