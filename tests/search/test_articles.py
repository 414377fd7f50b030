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


def test_a_later_clause_is_followed_by_its_articles_opening():
    from indexer.search.articles import article_openings, with_openings

    passages = {"law": [{"ordinal": 4, "section_path": ["Điều 2. Nguyên tắc"]},
                        {"ordinal": 5, "section_path": ["Điều 3. Giải thích từ ngữ"]},
                        {"ordinal": 6, "section_path": ["Điều 3. Giải thích từ ngữ"]},
                        {"ordinal": 7, "section_path": ["Điều 3. Giải thích từ ngữ"]}],
                "plan": [{"ordinal": 0, "section_path": ["I. MỤC ĐÍCH"]}]}
    articles = article_map(passages)
    openings = article_openings(articles)
    assert openings[("law", "Điều 3")] == ("law", 5)
    fused = [(("law", 7), 0.9, {"lexical": 1}), (("plan", 0), 0.8, {}), (("law", 4), 0.7, {}),
             (("law", 6), 0.6, {}), (("law", 5), 0.5, {"dense": 9})]
    keys = [k for k, _, _ in with_openings(fused, articles, openings, top=1)]
    # the opening moves up from rank 5 to right after its clause; nothing else changes order
    assert keys == [("law", 7), ("law", 5), ("plan", 0), ("law", 4), ("law", 6)]
    # an opening brought in from outside the candidates gets the clause's score
    out = with_openings(fused[:2], articles, openings, top=1)
    assert [k for k, _, _ in out] == [("law", 7), ("law", 5), ("plan", 0)] and out[1][1] == 0.9
    # an article's opening ranked first, and passages outside articles, are left alone
    assert with_openings(fused[4:] + fused[:4], articles, openings, top=2)[:2] == [fused[4], fused[0]]
    assert with_openings(fused[1:2], articles, openings, top=3) == fused[1:2]
