"""The span a review looks back on ("Sơ kết 05 năm thực hiện Nghị quyết số 06-NQ/TU"), asked as
"nhìn lại chặng đường bao nhiêu năm": the looking back is what "sơ kết" means, no word the plan
writes beside it."""

from __future__ import annotations

from indexer.answer import ask
from indexer.answer.question import analyze
from tests.conftest import assert_answer


def test_the_words_that_frame_a_reviews_span_are_soft():
    q = analyze("Đợt sơ kết Nghị quyết 06 ở Hà Tĩnh năm 2021 nhìn lại chặng đường thực hiện bao nhiêu năm?")
    assert {"nhin", "chang", "duong"} <= q.soft
    # … only in a how-long question about a review
    q = analyze("Đoàn công tác nhìn lại chặng đường phát triển du lịch trong bao nhiêu năm?")
    assert not {"nhin", "chang", "duong"} & q.soft
    q = analyze("Hội nghị sơ kết nhìn lại chặng đường được tổ chức vào ngày nào?")
    assert not {"nhin", "chang", "duong"} & q.soft


def test_the_span_a_review_covers(real_engine):
    assert_answer(ask(real_engine, "Đợt sơ kết Nghị quyết 06 ở Hà Tĩnh năm 2021 nhìn lại chặng đường thực hiện bao nhiêu năm?"),
                  "05 năm")
    assert_answer(ask(real_engine, "Ha Tinh so ket Nghi quyet 06 ve du lich la nhin lai quang thoi gian bao nhieu nam thuc hien?"),
                  "05 năm")
