"""Passages: document_text[start:end] == passage.text for every corpus file; merging and splitting."""

from __future__ import annotations

import pytest

from indexer.document import parse_text
from indexer.passages import _split_long, context_text
from indexer.settings import Settings
from tests.conftest import PLANS, SHARED

SETTINGS = Settings(model="hash-64")


def parse(path):
    return parse_text(path.stem, str(path), path.read_text(encoding="utf-8"), "h", SETTINGS)


@pytest.mark.parametrize("key", sorted(PLANS))
def test_offsets_invariant_plans(key):
    doc = parse(PLANS[key])
    assert doc.passages
    for p in doc.passages:
        assert doc.text[p.start:p.end] == p.text
        assert p.text == p.text.strip() and len(p.text) <= SETTINGS.passage_max_chars
    # passages never overlap and come in reading order
    for a, b in zip(doc.passages, doc.passages[1:]):
        assert a.end <= b.start
    # nothing from the closing block ("Nơi nhận", signature) is a passage
    closing = doc.text.index("Nơi nhận:")
    assert all(p.end <= closing for p in doc.passages)


def test_offsets_invariant_laws():
    laws = sorted((SHARED / "corpus-alqac").glob("*.txt"))
    if not laws:
        pytest.skip("../shared/corpus-alqac not present")
    for path in laws[:6]:
        doc = parse(path)
        assert all(doc.text[p.start:p.end] == p.text for p in doc.passages), path.name


def test_short_items_merge_and_paths():
    doc = parse(PLANS["001"])
    merged = [p for p in doc.passages if "- Báo cáo viên: Phân công đồng chí bí thư" in p.text][0]
    assert "- Thời gian: Hoàn thành trong tháng 5/2026." in merged.text  # short sibling merged
    assert merged.path_text == "III. HÌNH THỨC TỔ CHỨC HỘI NGHỊ › 2. Cấp cơ sở"


def test_long_paragraph_split_at_sentences():
    sentence = "Tăng cường công tác kiểm tra, giám sát việc triển khai thực hiện Nghị quyết. "
    text = sentence * 40
    pieces = _split_long(text.strip(), 100, 500)
    assert len(pieces) > 1
    for s, e in pieces:
        piece = text.strip()[s - 100:e - 100]
        assert len(piece) <= 500 and piece.endswith(".") and piece[0].isupper()


def test_context_text_adds_title_and_path_but_passage_stays_verbatim():
    doc = parse(PLANS["000"])
    p = [p for p in doc.passages if "- (2) Tổng lượt khách" in p.text][0]
    ctx = context_text(p, doc.title, True)
    assert ctx.endswith("\n" + p.text) and "2. Mục tiêu cụ thể đến năm 2030" in ctx
    assert context_text(p, doc.title, False) == p.text
