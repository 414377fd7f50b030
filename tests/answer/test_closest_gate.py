"""A value read in the sentence the model finds closest to the question, when the question says it
in other words than the plan ("bao nhiêu phần trăm người dân có thẻ bảo hiểm y tế" for "tỷ lệ bao phủ
bảo hiểm y tế đạt 96%"): the looser ``CLOSEST`` gate, for a when or a target only."""

from __future__ import annotations

from indexer.answer import ask
from indexer.answer.support import CLOSEST, STRICT, TOP_PASSAGE
from tests.conftest import assert_answer


def test_the_closest_gate_is_the_loosest():
    assert CLOSEST.coverage < TOP_PASSAGE.coverage < STRICT.coverage


def test_a_paraphrased_target_is_read_in_the_closest_sentence(real_engine):
    out = ask(real_engine, "Kế hoạch của Bình Lư muốn bao nhiêu phần trăm người dân có thẻ bảo hiểm y tế?")
    assert_answer(out, "96%")
    assert out["support"]["gate"] == "closest"
    assert "bảo hiểm y tế đạt 96%" in out["citations"][0]["text"]


def test_a_count_read_in_the_closest_sentence_need_not_say_every_word(real_engine):
    # "Sau hội nghị, các chi bộ phải thực hiện tự chấm điểm đánh giá chất lượng theo 03 nhóm tiêu chí
    # …": no "bảng điểm" there, which the whole-sentence check of a count asks (target_filters.said_whole)
    out = ask(real_engine, "Bảng điểm chất lượng học tập nghị quyết của các chi bộ phường Nông Tiến có bao nhiêu "
                           "nhóm tiêu chí?")
    assert_answer(out, "03 nhóm tiêu chí")
    assert out["support"]["gate"] == "closest"


def test_a_target_is_read_in_a_further_passage_the_model_finds_closer(real_engine):
    # The search ranks first a task of building the provincial political school, second the plan's
    # opening, third the budget line "- Tổng kinh phí thực hiện Kết luận đến năm 2025: 90.241.000.000
    # đồng"; the model finds the budget line closer than any sentence of the first passage
    # (``CLOSEST_DEPTH``; on the code that read the first passage only: no answer)
    question = ("How much money in total is earmarked through 2025 for carrying out Lai Châu's Conclusion "
                "224-KL/TU on ideological work?")
    out = ask(real_engine, question)
    assert_answer(out, "90.241.000.000 đồng")
    assert out["support"]["gate"] == "closest"
    assert "Tổng kinh phí thực hiện Kết luận đến năm 2025" in out["citations"][0]["text"]
    first = real_engine.search(question, k=10, highlights=False).results[0]
    assert "Tổng kinh phí" not in first.text, "read beyond the first passage (CLOSEST_DEPTH)"
