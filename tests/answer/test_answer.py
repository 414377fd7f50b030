"""Question classification, and ask() on the real model (slow)."""

from __future__ import annotations

import pytest

from indexer.answer import ask, classify
from indexer.answer.classify import content_terms


@pytest.mark.parametrize("question, kind", [
    ("Ai chịu trách nhiệm tuyên truyền nghị quyết?", "who"),
    ("who is responsible for propaganda", "who"),
    ("ai chiu trach nhiem kiem tra giam sat nghi quyet 08", "who"),
    ("Tỷ lệ che phủ rừng đặt mục tiêu bao nhiêu?", "target"),
    ("ty le che phu rung", "target"),
    ("What is the forest cover target for 2030?", "target"),
    ("Ban xây dựng Đảng phải báo cáo kết quả trước ngày nào?", "when"),
    ("bao tang tinh xay dung giai doan nao", "when"),
    ("Văn phòng Đảng ủy phường có nhiệm vụ gì?", "tasks"),
    ("Nghị quyết 92 nói về du lịch", "general"),
])
def test_classify(question, kind):
    assert classify(question) == kind


def test_content_terms_map_english():
    assert content_terms("who is responsible for propaganda") == ["tuyen", "truyen", "tuyen", "giao"]
    assert "rung" in content_terms("ty le che phu rung")


@pytest.mark.slow
def test_headline_and_null_on_real_engine(real_engine):
    r = ask(real_engine, "who is responsible for propaganda")
    assert r["kind"] == "who" and r["answer"] and r["citations"]
    assert r["answer"].startswith("Ban Tuyên giáo Tỉnh ủy") and r["role"] == "chủ trì"
    assert "Ban Tuyên giáo" in r["citations"][0]["text"]
    r = ask(real_engine, "Tổng kinh phí thực hiện Kết luận 224 đến năm 2025 là bao nhiêu?")
    assert r["answer"] and "90.241.000.000 đồng" in r["answer"]
    assert ask(real_engine, "Ai chịu trách nhiệm phóng tàu vũ trụ lên sao Hỏa?")["answer"] is None


@pytest.mark.slow
def test_vietnamese_headline_on_real_engine(real_engine):
    r = ask(real_engine, "Ai chịu trách nhiệm tuyên truyền?")
    assert r["answer"].startswith("Ban Tuyên giáo Tỉnh ủy") and r["role"] == "chủ trì"
    assert "Ban Tuyên giáo" in r["citations"][0]["text"]


@pytest.mark.slow
def test_english_count_reads_every_sense_on_real_engine(real_engine):
    """"villages" are thôn or bản in the glossary; the Bình Lư plan counts bản: the count is found."""
    r = ask(real_engine, "How many community tourism villages will Bình Lư form by 2030?")
    assert r["kind"] == "target" and r["answer"] and "01 bản du lịch cộng đồng" in r["answer"]
