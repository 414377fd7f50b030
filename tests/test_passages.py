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


def _corpus_files():
    laws = sorted((SHARED / "corpus-alqac").glob("*.txt"))
    return [PLANS[k] for k in sorted(PLANS)] + laws


def _gaps(start: int, end: int, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Parts of [start, end) no span covers (a long entry is split over several passages)."""
    out, at = [], start
    for s, e in sorted(spans):
        if s > at:
            out.append((at, s))
        at = max(at, e)
    return out + ([(at, end)] if at < end else [])


def test_no_list_entry_is_left_out_of_the_passages():
    """Every list entry ("1. …", "- …", "a) …") of the plans and laws is in a passage, or heads the
    entries below it. An entry without a final stop used to be taken for a heading; with nothing
    under it, its text was in no passage (the provincial conference date of plan 004, clause 1 of
    many law articles)."""
    for path in _corpus_files():
        doc = parse(path)
        covered = [(p.start, p.end) for p in doc.passages]
        headed = {i for b in doc.blocks for i in b.parents}
        for b in doc.blocks:
            if b.marker in ("num", "num2", "num3", "alpha", "paren", "star", "dash", "plus") \
                    and b.kind in ("heading", "item") and b.index not in headed:
                inside = [(max(s, b.start), min(e, b.end)) for s, e in covered if s < b.end and e > b.start]
                left = "".join(doc.text[s:e] for s, e in _gaps(b.start, b.end, inside))
                assert not left.strip(), (path.name, b.text[:80])


def test_the_provincial_conference_date_is_a_passage():
    doc = parse(PLANS["004"])
    assert any("Hội nghị sơ kết vào cuối tháng 11/2021" in p.text.replace("*", "") for p in doc.passages)
