"""Vietnamese who/when questions about a document the question names, and about a meeting held
per level (fresh2 tuning half): the title words the question repeats to name its document, the
level of a meeting ("hội nghị cấp phường"), a line that states only a time under its headings, and
a question whose own verb is the unit's role ("Ai hướng dẫn …"). Real text: the plans under corpus/;
the questions are worded differently from the bench's."""

from __future__ import annotations


import pytest

from indexer.answer import ask
from indexer.answer.own_text import _headed
from indexer.answer.question import merge_levels
from tests.conftest import index_laws


def test_the_level_of_a_meeting_is_one_word():
    assert merge_levels(["hội nghị", "cấp", "phường", "quán triệt"]) == ["hội nghị", "cấp phường", "quán triệt"]
    assert merge_levels(["cấp", "cơ sở"]) == ["cấp cơ sở"]
    assert merge_levels(["cấp", "kinh phí"]) == ["cấp", "kinh phí"]  # "cấp" as a verb stays alone


def test_a_line_of_time_alone_takes_its_headings():
    item = {"quote": "Dự kiến trong tháng 5/2026 (có văn bản triệu tập riêng)", "when": "trong tháng 5/2026",
            "section_path": ["III. HÌNH THỨC TỔ CHỨC HỘI NGHỊ", "1. Cấp phường"]}
    assert "Cấp phường" in _headed(item, item["quote"])
    said = {"quote": "Hoàn thành báo cáo sơ kết trước ngày 30/6/2026", "when": "trước ngày 30/6/2026",
            "section_path": ["IV. TỔ CHỨC THỰC HIỆN", "1. Cấp phường"]}
    assert _headed(said, said["quote"]) == said["quote"]  # its own words are its subject


@pytest.mark.parametrize("question, expected", [
    ("Báo cáo viên của hội nghị cấp phường học tập Nghị quyết 92-NQ/TU là ai?", "Thường trực Đảng ủy"),
    ("Ai làm báo cáo viên ở hội nghị cấp cơ sở quán triệt Nghị quyết 92-NQ/TU?", "bí thư chi bộ"),
    ("Ai hướng dẫn quán triệt, tuyên truyền Nghị quyết 08-NQ/TU ở xã Bình Lư?", "Ban Xây dựng Đảng"),
])
def test_who_of_a_named_plan(plans, question, expected):
    out = ask(plans, question)
    assert out["answer"] and expected in out["answer"]


def test_when_is_the_ward_meeting(plans):
    out = ask(plans, "Hội nghị cấp phường học tập Nghị quyết 92-NQ/TU tổ chức khi nào?")
    assert out["answer"] and "5/2026" in out["answer"]
    assert "Dự kiến trong tháng" in out["citations"][0]["text"]


def test_a_named_plans_title_alone_supports_nothing(plans):
    """The title words the question repeats pass the gate only for an item that says a word of
    the question itself: every unit of the plan is not the answer to its title."""
    out = ask(plans, "Ai phụ trách về phát triển du lịch thành ngành kinh tế mũi nhọn theo Nghị quyết 92-NQ/TU?")
    assert out["answer"] is None


# -- laws: ministers as partners, article titles past the stored cut -----------------------------


def test_a_minister_is_a_partner_unit():
    from indexer.answer.relations import relation_objects

    text = ("Bộ trưởng Bộ Giáo dục và Đào tạo chủ trì, phối hợp với Bộ trưởng Bộ Tài nguyên và Môi trường "
            "quy định việc tích hợp nội dung giáo dục bảo vệ môi trường.")
    assert [text[s:e] for s, e in relation_objects(text, "partner")] == ["Bộ trưởng Bộ Tài nguyên và Môi trường"]


@pytest.fixture(scope="module")
def info_law(tmp_path_factory):
    return index_laws(tmp_path_factory, "info", ["luat-tiep-can-thong-tin.txt"])


def test_an_article_title_is_read_whole(info_law):
    """"Điều 31. Trình tự, thủ tục cung cấp thông tin qua dịch vụ bưu chính, fax" is stored cut
    before "bưu chính, fax"; the support reads it whole from the document."""
    from indexer.answer.texts import _full_headings

    docs = [d.model_dump() if hasattr(d, "model_dump") else d for d in info_law.documents()]
    full = _full_headings(info_law, docs)
    from indexer.structure.outline import label

    cut = label("Điều 31. Trình tự, thủ tục cung cấp thông tin qua dịch vụ bưu chính, fax")
    assert cut.endswith("…") and "fax" not in cut
    assert full(docs[0]["id"], cut).endswith("qua dịch vụ bưu chính, fax")
    out = ask(info_law, "Cung cấp thông tin đơn giản, có sẵn qua dịch vụ bưu chính, fax chậm nhất trong bao lâu?")
    assert out["answer"] and "05 ngày làm việc" in out["answer"]


def test_a_deadline_sentence_goes_on_with_the_one_before(info_law):
    """"… thông tin phức tạp … thì chậm nhất là 03 ngày làm việc … phải thông báo … về thời hạn
    giải quyết. Chậm nhất là 15 ngày làm việc …, cơ quan được yêu cầu phải cung cấp thông tin":
    the 15 days are the complex information's too, so the 03 days (the notice) are not answered
    alone for how long it takes to provide it."""
    from indexer.answer.passages import duration_items

    out = ask(info_law, "Cơ quan nhà nước phải cung cấp thông tin phức tạp qua mạng điện tử chậm nhất bao lâu?")
    assert out["answer"] is None or "15 ngày" in out["answer"]
    results = info_law.search("thông tin phức tạp chậm nhất 15 ngày làm việc cung cấp thông tin", k=5).results
    second = [it for it in duration_items(results) if it["when"].startswith("Chậm nhất là 15")]
    assert second and all("phức tạp" in it["lead"] for it in second)


def test_the_horizon_word_named_is_the_one_answered(plans):
    """"giai đoạn 2026 - 2030, định hướng đến năm 2035" and "tầm nhìn đến năm 2050" are two
    horizons: a question that names one is not answered by the other."""
    out = ask(plans, "Nghị quyết 08-NQ/TU về phát triển du lịch tỉnh Lai Châu định hướng đến năm nào?")
    assert out["answer"] and "2035" in out["answer"]
    out = ask(plans, "The Lai Chau provincial master plan cited in Binh Lu's tourism plan has a vision up to which year?")
    assert out["answer"] is None or "2035" not in out["answer"]


@pytest.fixture(scope="module")
def two_laws(tmp_path_factory):
    return index_laws(tmp_path_factory, "two", ["luat-trong-tai-thuong-mai.txt", "luat-thanh-nien.txt"])


def test_two_deadlines_of_one_sentence_are_rivals(two_laws):
    """"… không chọn được Trọng tài viên trong thời hạn 30 ngày, kể từ ngày bị đơn nhận được đơn
    khởi kiện, thì … trong thời hạn 15 ngày …": read with the same words, neither is the answer to
    how long the tribunal has to resolve the dispute; "Tháng 3 hằng năm" is one expression."""
    out = ask(two_laws, "Hội đồng trọng tài giải quyết tranh chấp trong thời hạn bao lâu kể từ ngày nhận đơn khởi kiện?")
    assert out["answer"] is None or "30 ngày" not in out["answer"]
    out = ask(two_laws, "Theo Luật Thanh niên, tháng nào hằng năm là Tháng Thanh niên?")
    assert out["answer"] and "Tháng 3" in out["answer"]


def test_a_meeting_of_another_level_does_not_answer_who_presents_at_this_one():
    """corpus/001 heads its meetings "1. Cấp phường › Báo cáo viên: Thường trực Đảng ủy" and "2. Cấp
    cơ sở › Báo cáo viên: … đồng chí bí thư chi bộ …": asked of the ward's own conference by its bare
    word, the grassroots item is another meeting's; a question that says both levels decides nothing."""
    from indexer.answer.fit import other_meeting_level
    from indexer.answer.question import analyze

    ward = {"section_path": ["III. HÌNH THỨC TỔ CHỨC HỘI NGHỊ", "1. Cấp phường"], "unit": "Thường trực Đảng ủy"}
    cells = {"section_path": ["III. HÌNH THỨC TỔ CHỨC HỘI NGHỊ", "2. Cấp cơ sở"], "unit": "đồng chí bí thư chi bộ"}
    english = analyze("At the Resolution 92 conference organised by Nông Tiến ward, who is the designated presenter?")
    assert english.role == "báo cáo viên"
    assert other_meeting_level(english, cells) and not other_meeting_level(english, ward)
    both = analyze("Tại các chi bộ, đảng bộ cơ sở của phường Nông Tiến, ai làm báo cáo viên Nghị quyết 92?")
    assert not other_meeting_level(both, cells) and not other_meeting_level(both, ward)
    # a word that only folds like a level is none ("tinh thần", "địa phương")
    for question in ("Ai là báo cáo viên hội nghị quán triệt tinh thần Nghị quyết 92?",
                     "Ai là báo cáo viên hội nghị quán triệt Nghị quyết 92 ở địa phương?"):
        assert not other_meeting_level(analyze(question), cells)
    # (only who presents or attends: who leads a task is not told by the meeting's heading)
    lead = analyze("Ai chủ trì tổ chức hội nghị của phường Nông Tiến?")
    assert not other_meeting_level(lead, cells)
