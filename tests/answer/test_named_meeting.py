"""Vietnamese who/when questions about a document the question names, and about a meeting held
per level (fresh2 tuning half): the title words the question repeats to name its document, the
level of a meeting ("hội nghị cấp phường"), a line that states only a time under its headings, and
a question whose own verb is the unit's role ("Ai hướng dẫn …"). Real text: the plans under corpus/;
the questions are worded differently from the bench's."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.answer import _headed, ask
from indexer.answer.question import merge_levels

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@pytest.fixture(scope="module")
def plans(tmp_path_factory):
    from indexer.service import Service
    from indexer.settings import Settings

    service = Service(Settings(data_dir=tmp_path_factory.mktemp("plans") / "data", model="hash-256"))
    assert service.index_paths([CORPUS]).summary()["added"] == 5
    return service


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
