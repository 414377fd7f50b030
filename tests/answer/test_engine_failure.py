"""A bug of the answer engine on an odd question degrades to "not found" with the closest passages
(logged, not cached) instead of an error page or a 500; with ``show_errors`` it raises."""

from __future__ import annotations

import logging

import pytest

import indexer.answer as answer_engine
from indexer.answer import NOT_FOUND_VI


def _broken(*args, **kwargs):
    raise TypeError("a reader's bug")


def test_a_failing_reader_answers_not_found_with_the_closest_passages(plans, monkeypatch, caplog):
    question = "Ai chịu trách nhiệm tuyên truyền về du lịch?"
    assert plans.ask(question).answer  # (answered when the engine works)
    question += " "  # (another cache key)
    monkeypatch.setattr(answer_engine, "ask", _broken)
    with caplog.at_level(logging.ERROR, logger="nghiquyet.service"):
        out = plans.ask(question)
    assert out.answer is None and out.message == NOT_FOUND_VI
    assert out.citations and all(c.text for c in out.citations)
    assert any("answer engine failed" in r.getMessage() for r in caplog.records)
    monkeypatch.undo()
    assert plans.ask(question).answer  # (the failure was not cached)


def test_show_errors_raises_the_readers_bug(plans, monkeypatch):
    monkeypatch.setattr(answer_engine, "ask", _broken)
    monkeypatch.setattr(plans.settings, "show_errors", True)
    with pytest.raises(TypeError):
        plans.ask("Ai chịu trách nhiệm tuyên truyền về du lịch Lai Châu?")
