"""A question asking a bound ("tối đa", "minimum", "ít nhất") is answered only by a value whose own
words state a bound of that direction (``answer.unstated_bound``), on real sentences of the Civil
Code and the Law on Public Employees."""

from __future__ import annotations

import pytest

from indexer.answer import unstated_bound
from indexer.answer.question import analyze
from tests.conftest import law_line


def _item(line: str, value: str, comparator: str | None = None) -> dict:
    at = line.index(value)
    return {"quote": line, "start": 0, "answer": value, "answer_start": at, "answer_end": at + len(value),
            "comparator": comparator}


@pytest.mark.parametrize("question", ["Lãi suất vay tối đa là bao nhiêu?", "Lai suat vay toi da la bao nhieu?",
                                      "What is the maximum interest rate on a loan?"])
def test_a_ceiling_asked_is_not_answered_by_a_rate_without_one(question):
    penalty = law_line("bo-luat-dan-su.txt", "bằng 150% lãi suất vay theo hợp đồng")
    ceiling = law_line("bo-luat-dan-su.txt", "không được vượt quá 20%/năm")
    q = analyze(question)
    assert unstated_bound(q, _item(penalty, "150%")), "a penalty rate states no ceiling"
    assert not unstated_bound(q, _item(ceiling, "20%/năm"))


def test_a_minimum_asked_needs_a_lower_bound_and_unbounded_questions_are_not_judged():
    line = law_line("luat-vien-chuc.txt", "Từ đủ 18 tuổi trở lên")
    assert not unstated_bound(analyze("Người dự tuyển viên chức tối thiểu bao nhiêu tuổi?"), _item(line, "18 tuổi"))
    penalty = law_line("bo-luat-dan-su.txt", "bằng 150% lãi suất vay theo hợp đồng")
    assert unstated_bound(analyze("Mức lãi tối thiểu là bao nhiêu?"), _item(penalty, "150%"))
    assert not unstated_bound(analyze("Lãi trên nợ gốc quá hạn là bao nhiêu?"), _item(penalty, "150%"))
    # the extractor's comparator counts ("trên 900.000 lượt" states a lower bound)
    assert not unstated_bound(analyze("Số lượt khách tối thiểu là bao nhiêu?"),
                              {**_item("đạt trên 900.000 lượt khách", "900.000 lượt"), "comparator": "trên"})
