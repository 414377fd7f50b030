"""The article leg inside Service.search, on a real law (Luật Thanh niên) with the hash embedder:
with it on, the passages of the article that the question paraphrases come first as a block."""

from __future__ import annotations

import shutil

import pytest

from indexer.service import Service
from tests.conftest import SHARED

LAW = SHARED / "corpus-alqac" / "luat-thanh-nien.txt"


@pytest.mark.skipif(not LAW.exists(), reason="shared ALQAC corpus not present")
def test_article_leg_groups_clauses_of_one_article(fake_settings, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(LAW, src / "luat-thanh-nien.txt")
    on = Service(fake_settings.model_copy(update={"weight_articles": 1.0, "weight_lexical": 0.0, "weight_dense": 0.0}))
    on.index_paths([src])
    articles = on._articles()
    assert len(set(articles.values())) > 30  # the law's articles were recognised
    response = on.search("quyền và nghĩa vụ của thanh niên", k=5, legs=("lexical",))
    assert response.results
    top = [articles.get((r.doc_id, r.passage)) for r in response.results]
    assert top[0] is not None
    # only the article leg ranks here: the leading article's clauses come first, as a block
    n_lead = sum(1 for a in top if a == top[0])
    assert top[:n_lead] == [top[0]] * n_lead
    off = Service(fake_settings)
    assert "articles" not in off.search("quyền và nghĩa vụ của thanh niên", k=5).results[0].ranks


FAMILY = SHARED / "corpus-alqac" / "luat-hon-nhan-va-gia-dinh.txt"


@pytest.mark.skipif(not FAMILY.exists(), reason="shared ALQAC corpus not present")
def test_a_definition_is_shown_with_its_articles_opening(fake_settings, tmp_path):
    """Clause 25 of "Điều 3. Giải thích từ ngữ" answers the question; the article's opening (its
    lead-in and clause 1) follows it, as ALQAC's article-level gold expects; off, it does not."""
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(FAMILY, src / FAMILY.name)
    service = Service(fake_settings)
    service.index_paths([src])
    question = "Quan hệ hôn nhân và gia đình có yếu tố nước ngoài là gì?"
    results = service.search(question, k=5, legs=("lexical",)).results
    assert "có yếu tố nước ngoài là quan hệ hôn nhân" in results[0].text
    assert results[1].text.startswith("Trong Luật này, các từ ngữ dưới đây được hiểu như sau")
    assert "1. Hôn nhân là quan hệ giữa vợ và chồng" in results[1].text
    assert results[0].section_path == results[1].section_path
    off = Service(fake_settings.model_copy(update={"article_openings": 0}))
    assert not any(r.text.startswith("Trong Luật này") for r in off.search(question, k=2, legs=("lexical",)).results)
