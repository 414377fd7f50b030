"""Header metadata of the five plans: type, title, issuer, and the document each implements."""

from __future__ import annotations

from indexer.ingest import read_file, reflow
from indexer.structure import extract_metadata, parse_outline
from indexer.structure.metadata import extract_references
from tests.conftest import PLANS


def meta(key: str):
    flowed = reflow(read_file(PLANS[key], 10**8))
    return extract_metadata(parse_outline(flowed.text, flowed.bold_starts))


def test_000_implements_resolution_08():
    m = meta("000")
    assert m.type == "Kế hoạch"
    assert m.title.startswith("thực hiện Nghị quyết số 08-NQ/TU, ngày 04/3/2026")
    assert m.issuer == "Ban Thường vụ Đảng ủy xã Bình Lư"
    assert [(r.type, r.number, r.date, r.issuer) for r in m.implements] == [
        ("Nghị quyết", "08-NQ/TU", "04/3/2026", "Ban Chấp hành Đảng bộ tỉnh")]
    # fields the text does not state stay empty
    assert m.number == "" and m.date == "" and m.place == ""


def test_002_implements_conclusion_224():
    m = meta("002")
    assert m.issuer == "Ban Thường vụ Tỉnh ủy"
    assert [(r.type, r.number, r.date) for r in m.implements] == [("Kết luận", "224-KL/TU", "18/10/2021")]


def test_other_plans():
    assert [r.number for r in meta("001").implements] == ["92-NQ/TU"]
    assert [r.number for r in meta("003").implements] == ["17-NQ/TU"]
    m4 = meta("004")
    assert m4.title.startswith("Sơ kết 05 năm thực hiện Nghị quyết số 06-NQ/TU")
    assert [r.number for r in m4.implements] == ["06-NQ/TU"]


def test_header_fields_when_present():
    from indexer.document import parse_text
    from indexer.settings import Settings

    text = ("ĐẢNG BỘ TỈNH LAI CHÂU\n\nĐẢNG ỦY XÃ BÌNH LƯ\n\nSố 45-KH/ĐU\n\n"
            "Bình Lư, ngày 12 tháng 3 năm 2026\n\nKẾ HOẠCH\n\n"
            "thực hiện Nghị quyết số 08-NQ/TU, ngày 04/3/2026 của Ban Chấp hành Đảng bộ tỉnh\n\n"
            "I. MỤC ĐÍCH\n\nCụ thể hóa các mục tiêu của Nghị quyết.\n")
    doc = parse_text("x", "x.txt", text, "h", Settings(model="hash-64"))
    m = doc.meta
    assert (m.superior, m.issuer) == ("ĐẢNG BỘ TỈNH LAI CHÂU", "ĐẢNG ỦY XÃ BÌNH LƯ")  # issuer: the line under
    assert m.number == "45-KH/ĐU"
    assert (m.place, m.date) == ("Bình Lư", "2026-03-12")
    assert m.implements[0].number == "08-NQ/TU"


def test_reference_parsing():
    refs = extract_references("Thực hiện Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh")
    assert [(r.type, r.number, r.date, r.issuer) for r in refs] == [
        ("Chỉ thị", "05-CT/TW", "15/5/2016", "Bộ Chính trị")]
