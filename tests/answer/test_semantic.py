"""Semantic support (indexer/answer/semantic.py) on the five plans with the real model: an English
word the glossary lacks is vouched for by the model when the item is the nearest candidate, and
never when it names what a how-many question counts, nor for a sentence holding several numbers."""

from __future__ import annotations

import pytest

from indexer.answer import ask
from indexer.answer.question import analyze
from indexer.answer.semantic import Similarity, credits

pytestmark = pytest.mark.slow

# "dispatch" and "wind up" are in no glossary entry: the lexical gate alone cannot read them.
DISPATCH = "By what date must party cells dispatch their reports on disseminating Resolution 92-NQ/TU?"
WRAP_UP = "By what date must the grassroots party cells wind up studying Resolution 92-NQ/TU?"


def test_unknown_english_word_is_read_by_the_model(real_engine):
    q = analyze(DISPATCH, language="en")
    assert "dispatch" in q.unsure, q.groups
    r = ask(real_engine, DISPATCH)
    assert r["answer"] and "05/6/2026" in r["answer"], r["answer"]
    sem = r["support"]["semantic"]
    assert sem["words"] == ["dispatch"] and 0 < sem["credit"] <= 1 and sem["similarity"] > 0.5
    assert "05/6/2026" in r["citations"][0]["text"]


def test_the_nearest_sentence_decides_between_deadlines(real_engine):
    # the same plan sets 05/6/2026 for the reports and "trong tháng 5/2026" for the studying
    r = ask(real_engine, WRAP_UP)
    assert r["answer"] and "5/2026" in r["answer"] and "05/6" not in r["answer"], r["answer"]
    assert r["support"]["semantic"]["words"] == ["wind"]


def test_without_the_model_the_unknown_word_passes_only_the_lower_gate(real_engine):
    # Without the model's credit the strict gate cannot read "dispatch"; the answer then comes only
    # from the lower gate kept for the passage the search ranks first (support.TOP_PASSAGE)
    from indexer.service import Service

    plain = Service(real_engine.settings.model_copy(update={"answer_semantic": False}),
                    engine=real_engine.engine.inner, embedder=real_engine.embedder)
    out = ask(plain, DISPATCH)
    assert out["answer"] and "05/6/2026" in out["answer"], out["answer"]
    assert out["support"]["gate"] == "top_passage" and "semantic" not in out["support"]
    assert "gate" not in ask(real_engine, DISPATCH)["support"]  # (with the model: the strict gate)


@pytest.mark.parametrize("question", [
    "How many widgetizers must Bình Lư commune build by 2030?",  # the counted thing is unread
    "Which body leads the widgetizer campaign in Bình Lư?",
    "By what date must Bình Lư finish the widgetizer survey?",
])
def test_made_up_subject_stays_unanswered(real_engine, question):
    assert ask(real_engine, question)["answer"] is None


def test_credit_is_relative_to_the_nearest_candidate(real_engine):
    sim = Similarity(real_engine.embedder, DISPATCH)
    items = [it for it in real_engine.all_items("deadline") if "92-NQ/TU" in it.get("quote", "")
             or "05/6/2026" in it.get("quote", "")][:12]
    cos = sim.cosines(items)
    got = credits(cos)
    assert max(got) == 1.0 and len(got) == len(items)
    assert all(g == 0.0 for c, g in zip(cos, got) if c < max(cos) - 0.03)



def test_the_model_never_vouches_for_most_of_the_subject(real_engine):
    # two unread words ("quantum computing") against a few read ones: half the subject is not read
    r = ask(real_engine, "Which body leads the quantum computing rollout for new rural development in Bình Lư?")
    assert r["answer"] is None, r["answer"]
