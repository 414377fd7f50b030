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


def _deadline(line: str, when: str) -> dict:
    at = line.index(when)
    return {"quote": line, "start": 0, "when": when, "when_start": at, "when_end": at + len(when),
            "when_kind": "duration"}


def test_a_longest_time_asked_needs_a_ceiling_on_the_duration():
    """Luật Trồng trọt: a fertiliser may be made "tối đa là 06 tháng" after its recognition is
    withdrawn; the environment law's "trong thời hạn 30 ngày" states no ceiling."""
    capped = law_line("luat-trong-trot.txt", "nhập khẩu phân bón này tối đa là 06 tháng")
    plain = law_line("luat-cu-tru.txt", "trong thời hạn 30 ngày kể từ ngày tiếp nhận thông tin khai báo")
    q = analyze("Phân bón bị hủy công nhận được sản xuất tối đa bao lâu?")
    assert not unstated_bound(q, _deadline(capped, "06 tháng"))
    assert unstated_bound(q, _deadline(plain, "30 ngày"))
    assert unstated_bound(analyze("What is the upper limit on the time a fertiliser may still be made?"),
                          _deadline(plain, "30 ngày"))
    assert not unstated_bound(analyze("Cơ quan đăng ký cư trú kiểm tra trong bao lâu?"), _deadline(plain, "30 ngày"))


def test_which_year_is_not_answered_by_every_year():
    """"năm nào" / "which year" asks a year: a recurrence ("hằng năm") names none (plan text)."""
    from indexer.answer.fit import _fit
    from tests.conftest import CORPUS

    line = next(line for path in sorted(CORPUS.glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines()
                if "hằng năm" in line.lower())
    at = line.lower().index("hằng năm")
    item = {"quote": line, "start": 0, "when": line[at:at + 8], "when_start": at, "when_end": at + 8,
            "when_kind": "recurring", "kind": "deadline"}
    assert _fit(analyze("Việc này được tổ chức vào năm nào?"), item) is None
    assert _fit(analyze("In which year is it held?"), item) is None
    assert _fit(analyze("Bao lâu tổ chức một lần?"), item) is not None
