"""A horizon question's words that say how a document looks ahead ("kéo tới", "dài hạn", "looks
ahead") or how a plan uses the document it names ("bám theo", "khớp với", "đối chiếu với"): the
horizon's sentence says the year alone ("Quy hoạch tỉnh Lai Châu thời kỳ 2021 - 2030, tầm nhìn đến
năm 2050"), so neither may sink the answer."""

from __future__ import annotations

from indexer.answer import ask
from indexer.answer.question import analyze
from tests.conftest import assert_answer


def test_the_looking_ahead_is_no_word_of_the_horizons_owner():
    q = analyze("Tầm nhìn dài hạn của Nghị quyết 92-NQ/TU kéo dài tới năm nào?")
    assert not {"dai han", "keo", "keo dai"} & {label for label, _ in q.groups}
    # … only in a question asking a horizon: a how-long question keeps them
    q = analyze("Thời gian cai nghiện kéo dài bao lâu?")
    assert "keo" in {label for label, _ in q.groups} or "keo dai" in {label for label, _ in q.groups}


def test_how_a_plan_uses_the_named_document_is_soft_in_a_horizon_question():
    q = analyze("Kế hoạch của xã Bình Lư khớp với Quy hoạch tỉnh Lai Châu có tầm nhìn tới năm nào?")
    assert "khop" in q.soft
    q = analyze("Kế hoạch của xã Bình Lư khớp với Quy hoạch tỉnh Lai Châu vào ngày nào?")
    assert "khop" not in q.soft


def test_horizons_asked_in_other_words(real_engine):
    assert_answer(ask(real_engine, "Về lâu dài, Nghị quyết 92-NQ/TU về du lịch hướng tới mốc năm nào trong tầm nhìn?"),
                  "2050")
    assert_answer(ask(real_engine, "Which year does Resolution 92 on tourism look ahead to in its vision?"), "2050")
    assert_answer(ask(real_engine, "ke hoach du lich cua xa binh lu phai khop voi quy hoach tinh lai chau, "
                                   "quy hoach do co tam nhin toi nam nao?"), "2050")
