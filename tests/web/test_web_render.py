"""Pure helpers of the web UI: highlight splitting, citations, sorting, the reader layout."""

from __future__ import annotations

import pytest

from web import render


@pytest.mark.parametrize("text,spans,expected", [
    ("abc def", [[4, 7]], [("abc ", False), ("def", True)]),
    ("abc def", [], [("abc def", False)]),
    ("abc def", None, [("abc def", False)]),
    ("abcdef", [[0, 2], [1, 4]], [("abcd", True), ("ef", False)]),            # overlap merged
    ("abcdef", [[4, 6], [0, 1]], [("a", True), ("bcd", False), ("ef", True)]),  # unsorted
    ("abc", [[-5, 99]], [("abc", True)]),                                      # clamped
    ("abc", [[2, 1], [1]], [("abc", False)]),                                  # junk ignored
    ("", [], [("", False)]),
])
def test_split_highlights(text, spans, expected):
    pieces = render.split_highlights(text, spans)
    assert pieces == expected
    assert "".join(p for p, _ in pieces) == text


def test_citation_with_and_without_number():
    r = {"text": "Tăng  cường\ntuyên truyền.", "doc_type": "Kế hoạch", "doc_number": "12-KH/ĐU",
         "doc_title": "thực hiện Nghị quyết", "section_path": "II. NHIỆM VỤ › 1. Tuyên truyền"}
    assert render.citation(r) == "“Tăng cường tuyên truyền.” (Kế hoạch số 12-KH/ĐU, II. NHIỆM VỤ › 1. Tuyên truyền)"
    r.update(doc_number="", section_path="")
    assert render.citation(r) == "“Tăng cường tuyên truyền.” (Kế hoạch thực hiện Nghị quyết)"
    long_title = "thực hiện Nghị quyết số 08-NQ/TU, ngày 04/3/2026 của Ban Chấp hành Đảng bộ tỉnh về phát triển du lịch"
    ref = render.doc_reference("Kế hoạch", "", long_title)
    assert ref.startswith("Kế hoạch thực hiện Nghị quyết số 08-NQ/TU") and ref.endswith("…") and len(ref) <= 91


def test_doc_heading_and_dates():
    assert render.doc_heading("Kế hoạch", "thực hiện Kết luận số 224") == "Kế hoạch thực hiện Kết luận số 224"
    assert render.doc_heading("Kế hoạch", "Tổ chức tuyên truyền") == "Kế hoạch tổ chức tuyên truyền"
    assert render.doc_heading("Kế hoạch", "UBND tỉnh") == "Kế hoạch UBND tỉnh"
    assert render.doc_heading("", "", "doc-1") == "doc-1"
    assert render.format_date("2026-03-04") == "04/03/2026"
    assert render.format_date("") == ""
    assert render.format_date("quý I/2026") == "quý I/2026"


def test_sort_documents_empty_last_both_ways():
    docs = [{"id": "a", "type": "Kế hoạch", "title": "b", "date": "", "passages": 3, "issuer": "Đảng ủy"},
            {"id": "b", "type": "Nghị quyết", "title": "a", "date": "2026-01-02", "passages": 9, "issuer": "Ban"},
            {"id": "c", "type": "Kết luận", "title": "c", "date": "2021-10-18", "passages": 1, "issuer": "Tỉnh ủy"}]
    assert [d["id"] for d in render.sort_documents(docs, "date", "asc")] == ["c", "b", "a"]
    assert [d["id"] for d in render.sort_documents(docs, "date", "desc")] == ["b", "c", "a"]
    assert [d["id"] for d in render.sort_documents(docs, "passages", "desc")] == ["b", "a", "c"]
    assert [d["id"] for d in render.sort_documents(docs, "issuer", "asc")] == ["b", "a", "c"]  # Đ sorts as D
    assert [d["id"] for d in render.sort_documents(docs, "bogus", "asc")] == ["a", "c", "b"]  # by title


def _blocks(spec):
    return [{"idx": i, "start": s, "end": e, "kind": k, "level": lvl, "marker": None}
            for i, (s, e, k, lvl) in enumerate(spec)]


def test_reader_layout_whole_split_and_gap():
    text = "HEAD\n\nPara one. Para two.\n\nItem a\n\nItem b\n\nloose tail"
    blocks = _blocks([(0, 4, "heading", 0), (6, 25, "para", 1), (27, 33, "item", 1), (35, 41, "item", 1)])
    passages = [{"ordinal": 0, "start": 6, "end": 15}, {"ordinal": 1, "start": 16, "end": 25},
                {"ordinal": 2, "start": 27, "end": 41}]
    groups = render.reader_layout(text, blocks, passages, target=2, query="item",
                                  highlighter=lambda t, q: [[0, 4]] if t.lower().startswith(q) else [])
    kinds = [(g.ordinal, [b.kind for b in g.blocks]) for g in groups]
    assert kinds == [(None, ["heading"]), (None, ["para"]), (2, ["item", "item"]), (None, ["gap"])]
    split = groups[1].blocks[0].pieces
    assert [(p.ordinal, p.anchor) for p in split if p.ordinal is not None] == [(0, True), (1, True)]
    assert groups[2].target and groups[2].blocks[0].pieces[0].parts[0] == ("Item", True)
    assert groups[3].blocks[0].text == "loose tail"
    # Nothing of the text is lost: every block's pieces join back to its slice.
    for g in groups:
        for b in g.blocks:
            assert b.text.strip() and b.text in text


def test_outline_entries_leave_out_the_closing_and_cut_between_words():
    text = "A- MỤC ĐÍCH\n\nx\n\nNơi nhận:\n\n- Lưu"
    blocks = _blocks([(0, 11, "heading", 0), (13, 14, "para", 1), (16, 25, "closing", 0), (27, 32, "closing", 0)])
    entries = render.outline_entries(blocks, text)
    assert [(e["idx"], e["text"]) for e in entries] == [(0, "A- MỤC ĐÍCH")]
    assert render.clip_words("Nâng cao chất lượng tuyên truyền", 18) == "Nâng cao chất…"
    assert render.clip_words("Nâng cao chất lượng tuyên truyền", 20) == "Nâng cao chất lượng…"
    assert render.clip_words("Nâng cao chất lượng", 19) == "Nâng cao chất lượng"


def test_outline_of_every_plan_has_no_closing():
    """On the real plans: the public outline never lists "Nơi nhận" or a signature line."""
    from indexer.ingest import read_file, reflow
    from indexer.structure import parse_outline, public_outline
    from tests.conftest import PLANS

    for key, path in PLANS.items():
        flowed = reflow(read_file(path, 10**8))
        blocks = [{"idx": b.index, "start": b.start, "end": b.end, "kind": b.kind, "level": b.level,
                   "marker": b.marker} for b in parse_outline(flowed.text, flowed.bold_starts)]
        assert any(b["kind"] == "closing" for b in blocks), key
        for entries in (public_outline(blocks, flowed.text), render.outline_entries(blocks, flowed.text)):
            texts = [e["text"] for e in entries]
            assert texts and not any(t.startswith(("Nơi nhận", "T/M", "TM.")) for t in texts), (key, texts)


def test_browser_test_skips_loudly_when_chromium_is_missing(monkeypatch):
    """The e2e test must never pass silently without a browser: it skips with a loud reason."""
    import shutil
    from pathlib import Path

    import pytest

    from tests.web import test_web_e2e as e2e

    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setattr(Path, "is_file", lambda self: False)
    assert e2e._find("chromium", "/usr/bin/chromium") is None
    with pytest.warns(UserWarning, match="BROWSER END-TO-END TEST NOT RUN"):
        with pytest.raises(pytest.skip.Exception, match="apt-get install -y chromium chromium-driver"):
            e2e._skip_loudly("no chromium binary found")


def test_format_number_vi_writes_numbers_as_the_documents_do():
    assert render.format_number_vi(0.3412, 2) == "0,34"
    assert render.format_number_vi(59.55) == "59,55"
    assert render.format_number_vi(90241000000) == "90.241.000.000"
    assert render.format_number_vi(1234.5) == "1.234,5"
    assert render.format_number_vi(-2.5) == "-2,5"
    assert render.format_number_vi(None) == "" and render.format_number_vi("—") == "—"


def test_answer_badge_never_reads_as_ai():
    """The "who" badge said "Ai", which an upper-case badge shows as "AI"."""
    labels = [render.answer_kind_label(k) for k in ("who", "target", "when", "tasks", None)]
    assert all(label.strip().lower() not in ("ai", "ai?") for label in labels)
    assert render.answer_kind_label("who") == "Đơn vị phụ trách"
    # a signer is a person, a body's make-up its members: no "unit in charge"
    assert render.answer_kind_label("who", "ký") == "Người ký"
    assert render.answer_kind_label("who", "thành phần") == "Thành phần"
    assert render.answer_kind_label("who", "chủ trì") == "Đơn vị phụ trách"
