"""Target-questions answered from the laws' passages (ans4-target): counts asked with "may" typed
without diacritics, the part of a whole ("trong đó") not answering the whole, on real law text under
../shared/corpus-alqac. Probes written on other passages than the tuning questions."""

from __future__ import annotations

from types import SimpleNamespace

from indexer.answer import parts_yield, said_whole, score_items
from indexer.answer.passages import quantity_items
from indexer.answer.question import analyze, typed_may_noun
from tests.conftest import law_line


def _result(text: str, doc_id: str, start: int = 0):
    return SimpleNamespace(text=text, doc_id=doc_id, doc_title="Luật", start=start, end=start + len(text),
                           section_path_parts=["Điều 1"])


def _best(question: str, lines: list[tuple[str, str]]) -> list[str]:
    q = analyze(question)
    results = [_result(t, d, 1000 * i) for i, (d, t) in enumerate(lines)]
    items = quantity_items(results, q.count_nouns or q.count_noun, f"{q.text} {q.vi_text}")
    docs = [{"id": d, "type": "Luật", "title": "Luật"} for d, _ in lines]
    return [it["answer"] for _, it, _ in parts_yield(said_whole(q, score_items(q, items, results, docs, set())))]


def test_may_typed_without_diacritics_asks_a_count():
    assert typed_may_noun("Hoi dong xet don yeu cau gom may tham phan?") == "tham"
    assert typed_may_noun("Di chuc bang van ban phai co it nhat may nguoi lam chung?") == "nguoi"
    assert typed_may_noun("Hội đồng gồm mấy thẩm phán?") is None, "with diacritics 'mấy' is read as written"
    assert typed_may_noun("Xa co bao nhieu may tinh?") is None, "'bao nhiêu' is the cue: 'máy tính' is a machine"
    q = analyze("Chanh an Toa an chi dinh Hoi dong xet don yeu cau gom may tham phan?")
    assert q.count_noun == "tham"


def test_count_asked_with_may_is_read_from_the_law():
    # Luật Trọng tài thương mại: "… Chánh án Toà án chỉ định một Hội đồng xét đơn yêu cầu gồm ba Thẩm phán"
    line = law_line("luat-trong-tai-thuong-mai.txt", "Hội đồng xét đơn yêu cầu gồm ba Thẩm phán")
    # (… "gồm ba Thẩm phán, trong đó có một Thẩm phán làm chủ tọa": the part does not answer)
    got = _best("Chanh an chi dinh Hoi dong xet don yeu cau gom may tham phan?",
                [("luat-trong-tai-thuong-mai", line)])
    assert got == ["ba Thẩm phán"]


def test_part_of_a_whole_does_not_answer_the_whole():
    # Luật Viên chức: "… được lập thành ba bản, trong đó một bản giao cho viên chức."
    line = law_line("luat-vien-chuc.txt", "được lập thành ba bản")
    lines = [("luat-vien-chuc", line)]
    assert _best("Hợp đồng làm việc của viên chức được lập thành mấy bản?", lines) == ["ba bản"]
    assert _best("Hop dong lam viec cua vien chuc duoc lap thanh may ban?", lines) == ["ba bản"]
    items = quantity_items([_result(line, "luat-vien-chuc")], "ban")
    assert [it.get("whole_value") for it in items] == [None, "ba bản"]
