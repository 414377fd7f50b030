"""The article-aware leg: clauses of one "Điều" are scored together; passages outside articles
keep their own score."""

from __future__ import annotations

from indexer.search.articles import article_label, article_leg, article_map


def test_article_label_from_a_law_section_path():
    assert article_label(["Chương III", "Điều 28. Nghĩa vụ của Trung tâm trọng tài"]) == "Điều 28"
    assert article_label(["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích"]) is None
    assert article_label(["Mục 2", "Điều 10a. Thẩm quyền"]) == "Điều 10a"


def test_article_with_several_matching_clauses_outranks_one_stronger_clause():
    passages = {"law": [{"ordinal": 0, "section_path": ["Điều 27. Quyền của Trung tâm"]},
                        {"ordinal": 1, "section_path": ["Điều 28. Nghĩa vụ của Trung tâm"]},
                        {"ordinal": 2, "section_path": ["Điều 28. Nghĩa vụ của Trung tâm"]},
                        {"ordinal": 3, "section_path": ["Điều 28. Nghĩa vụ của Trung tâm"]}],
                "plan": [{"ordinal": 0, "section_path": ["I. MỤC ĐÍCH"]}]}
    articles = article_map(passages)
    hits = [(("law", 0), 5.0), (("plan", 0), 4.5), (("law", 2), 3.0), (("law", 1), 2.0), (("law", 3), 1.0)]
    ranked = [k for k, _ in article_leg(hits, articles)]
    # Điều 28 sums to 6.0 > Điều 27's 5.0 > the plan passage's 4.5; inside Điều 28, own score order
    assert ranked == [("law", 2), ("law", 1), ("law", 3), ("law", 0), ("plan", 0)]
    assert article_leg(hits[1:2], articles) == [(("plan", 0), 4.5)]
