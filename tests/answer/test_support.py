"""Support before answer, roles as asked and who-across-documents, on the five plans (hash embedder:
the answer depends on the extracted items and the question's words, not on the embedding; the
blind set on the real model is bench/ask.py)."""

from __future__ import annotations

import pytest

from indexer.answer import NOT_FOUND_VI, ask


def test_headline_groups_units_across_documents(plans):
    r = ask(plans, "who is responsible for propaganda")
    assert r["kind"] == "who" and r["role"] == "chủ trì"
    assert r["answer"].startswith("Ban Tuyên giáo Tỉnh ủy — chủ trì (2 văn bản)"), r["answer"]
    docs = [c["doc_id"] for c in r["citations"]]
    assert len(set(docs[:2])) == 2, "a citation per document"
    assert all("Ban Tuyên giáo" in c["text"] for c in r["citations"][:2])
    assert r["support"]["words"] and r["support"]["coverage"] >= 0.8


def test_vietnamese_and_english_go_the_same_way(plans):
    en = ask(plans, "who is responsible for propaganda")["answer"]
    vi = ask(plans, "Ai chịu trách nhiệm tuyên truyền?")["answer"]
    assert vi == en


def test_unsupported_subject_gets_no_answer_but_closest_passages(plans):
    for question in ("Tỷ lệ hộ gia đình sử dụng internet cáp quang đạt bao nhiêu?",
                     "How many widgetizers must Bình Lư commune build by 2030?",
                     "Ai chịu trách nhiệm phóng tàu vũ trụ lên sao Hỏa?"):
        r = ask(plans, question)
        assert r["answer"] is None and r["message"] == NOT_FOUND_VI and r["support"] is None, (question, r["answer"])
        assert r["citations"], "the closest passages are still shown"


def test_target_takes_the_value_of_the_asked_subject(plans):
    r = ask(plans, "Tỷ lệ bao phủ bảo hiểm y tế ở xã Bình Lư phấn đấu đạt bao nhiêu?")
    assert r["answer"] and "%" in r["answer"]
    assert "bảo hiểm y tế" in r["citations"][0]["text"].lower()
    assert "bao hiem" in " ".join(r["support"]["words"])


def test_role_as_asked_attendees_stay_one_group(plans):
    r = ask(plans, "Doi tuong tham gia hoc tap Nghi quyet 92-NQ/TU o cap co so gom nhung ai?")
    assert r["role"] == "tham dự"
    if r["answer"] is not None:  # never another role's unit
        assert all(it.get("role") == "tham dự" for it in r["items"][:1])


def test_partner_question_answers_partners_not_the_lead(plans):
    r = ask(plans, "Ban Tuyên giáo Tỉnh ủy phối hợp với những cơ quan nào để theo dõi, đôn đốc thực hiện Kết luận 224?")
    assert r["role"] == "phối hợp"
    if r["answer"] is not None:
        assert "Ban Tuyên giáo" not in r["answer"].split(";")[0]
        assert r["items"][0]["role"] == "phối hợp"


def _result(text: str, doc_id: str = "law", start: int = 100):
    from types import SimpleNamespace

    return SimpleNamespace(text=text, doc_id=doc_id, doc_title="Hiến pháp", start=start, end=start + len(text),
                           section_path_parts=["Chương II"])


def test_quantities_of_the_asked_noun_each_in_its_clause():
    from indexer.answer.passages import quantity_items

    text = ("Công dân đủ mười tám tuổi trở lên có quyền bầu cử và đủ hai mươi mốt tuổi trở lên có quyền "
            "ứng cử vào Quốc hội. Nhiệm kỳ là 05 năm.")
    items = quantity_items([_result(text)], "tuoi")
    assert [i["answer"] for i in items] == ["đủ mười tám tuổi trở lên", "đủ hai mươi mốt tuổi trở lên"]
    for it in items:  # verbatim quotes at document offsets
        assert text[it["start"] - 100:it["end"] - 100] == it["quote"]
    assert "ứng cử" in items[1]["quote"] and "ứng cử" not in items[0]["quote"]
    assert [i["answer"] for i in quantity_items([_result(text)], "nam")] == ["05 năm"]


def test_preamble_writer_after_the_reference_clause():
    from indexer.answer.passages import preamble_items

    text = ("Thực hiện Nghị quyết số 08-NQ/TU, ngày 04/3/2026 của Ban Chấp hành Đảng bộ tỉnh về phát triển "
            "du lịch; Ban Thường vụ Đảng ủy xã Bình Lư xây dựng Kế hoạch thực hiện như sau:")
    items = preamble_items([_result(text, "plan", 0)])
    assert [i["unit"] for i in items] == ["Ban Thường vụ Đảng ủy xã Bình Lư"]
    assert text[items[0]["unit_start"]:items[0]["unit_end"]] == items[0]["unit"]


@pytest.mark.slow
def test_law_quantity_and_headline_on_real_engine(real_engine):
    r = ask(real_engine, "Ai chịu trách nhiệm tuyên truyền?")
    assert r["answer"].startswith("Ban Tuyên giáo Tỉnh ủy")
    r = ask(real_engine, "Kế hoạch của Ban Thường vụ Tỉnh ủy Hà Tĩnh sơ kết bao nhiêu năm thực hiện Nghị quyết 06-NQ/TU?")
    assert r["answer"] and "05 năm" in r["answer"] and "05 năm" in r["citations"][0]["text"]


def test_attendee_list_is_one_group_with_its_meeting():
    from indexer.answer.passages import attendee_items

    text = ("- Địa điểm: Hội trường trụ sở Đảng ủy phường.\n"
            "- Thành phần: Các đồng chí Ủy viên Ban Chấp hành Đảng bộ phường, Thường trực HĐND.\n"
            "- Đối tượng tham gia: Cán bộ, đảng viên, đoàn viên, hội viên và Nhân dân.")
    items = attendee_items([_result(text, "plan", 50)])
    assert [i["unit"] for i in items] == [
        "Các đồng chí Ủy viên Ban Chấp hành Đảng bộ phường, Thường trực HĐND",
        "Cán bộ, đảng viên, đoàn viên, hội viên và Nhân dân"]
    for it in items:
        assert it["role"] == "tham dự" and text[it["unit_start"] - 50:it["unit_end"] - 50] == it["unit"]
        assert "Chương II" in it["task"], "the meeting its section names is the list's subject"
    from indexer.answer.question import analyze

    q = analyze("Doi tuong tham gia hoc tap Nghi quyet o cap co so gom nhung ai?")
    assert q.role == "tham dự" and "tham gia" not in [label for label, _ in q.groups]


def test_duration_range_keeps_its_lower_end():
    from indexer.answer.passages import duration_items

    items = duration_items([_result("Thời gian tập sự từ 03 tháng đến 12 tháng và phải được quy định.")])
    assert [i["when"] for i in items] == ["từ 03 tháng đến 12 tháng"]


def test_a_laws_definitions_are_no_context_of_its_sentences():
    """A law's opening states its scope, then defines its terms: the scope speaks for every sentence
    of the law, the definitions (which name half its matter) do not. A plan's opening (issuer,
    place) stays its context."""
    from indexer.answer.named import _doc_context
    from tests.conftest import SHARED
    path = SHARED / "corpus-alqac" / "luat-cu-tru.txt"
    if not path.exists():
        pytest.skip("the ALQAC laws are not here")
    head = path.read_text(encoding="utf-8")[:700]
    law = _doc_context([{"id": "cu-tru", "type": "Luật", "title": "LUẬT CƯ TRÚ"}], {"cu-tru": head})["cu-tru"]
    assert "quyền tự do cư trú" in law and "phương tiện" not in law
    plan = _doc_context([{"id": "p", "type": "Kế hoạch", "title": "thực hiện Nghị quyết"}], {"p": head})["p"]
    assert "phương tiện" in plan


def test_a_who_questions_level_word_is_said_by_the_units_level():
    # "Cơ quan trung ương nào …": the law names the ministry, whose level it does not repeat; "Ở địa
    # phương, …" is the provincial People's Committee, not the ministry of the sentence beside it
    from indexer.answer.question import analyze
    from indexer.answer.support import Matcher
    from indexer.answer.actors import actor_items
    from tests.answer.conftest import law_result
    from tests.conftest import law_line

    line = law_line("luat-vien-chuc.txt", "Bộ Nội vụ thanh tra việc tuyển dụng")
    q = analyze("Cơ quan trung ương nào thanh tra việc tuyển dụng, sử dụng và quản lý viên chức?")
    items = actor_items([law_result(line, "luat-vien-chuc")], q.vi_text or q.text, [])
    assert [it["unit"] for it in items] == ["Bộ Nội vụ"]
    sup = Matcher(q, items, {}).support(items[0])
    assert "trung uong" in sup.matched.get("item", []) and sup.ok

    local = law_line("luat-bao-ve-moi-truong.txt", "Ủy ban nhân dân cấp tỉnh chủ trì, phối hợp với các cơ quan truyền thông")
    central = law_line("luat-bao-ve-moi-truong.txt", "Bộ Tài nguyên và Môi trường chủ trì, phối hợp với các Bộ")
    q = analyze("Ở địa phương, cơ quan nào chủ trì phổ biến kiến thức pháp luật về bảo vệ môi trường?")
    items = [{"kind": "responsibility", "doc_id": "luat-bao-ve-moi-truong", "quote": line, "unit": unit,
              "task": line[len(unit):].strip()}
             for line, unit in ((local, "Ủy ban nhân dân cấp tỉnh"), (central, "Bộ Tài nguyên và Môi trường"))]
    said = {it["unit"]: "dia phuong" in Matcher(q, items, {}).support(it).matched.get("item", []) for it in items}
    assert said.get("Ủy ban nhân dân cấp tỉnh") is True and said.get("Bộ Tài nguyên và Môi trường") is False, said
