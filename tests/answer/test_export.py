"""Exports Excel opens right: CSV with a UTF-8 byte-order mark and Vietnamese column headers, on
the deadlines and responsibilities of plan 001."""

from __future__ import annotations

import csv
import io

from indexer.answer.export import to_csv
from indexer.document import parse_bytes
from indexer.extract import extract
from indexer.settings import Settings
from tests.conftest import PLANS


def items(kind: str) -> list[dict]:
    path = PLANS["001"]
    doc = parse_bytes("p1", str(path), path.name, path.read_bytes(), Settings(model="hash-64"))
    return [i.to_dict() for i in extract(doc) if i.kind == kind]


def test_csv_has_bom_and_vietnamese_headers():
    data = to_csv(items("deadline"), "deadline").encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert table[0][:5] == ["Thời hạn", "Loại thời hạn", "Ngày", "Đơn vị", "Nhiệm vụ"]
    assert any("trước ngày 05/6/2026" in cell for row in table[1:] for cell in row)
    resp = list(csv.reader(io.StringIO(to_csv(items("responsibility"), "responsibility").lstrip("\ufeff"))))
    assert resp[0][:4] == ["Đơn vị", "Đơn vị (chuẩn hóa)", "Vai trò", "Nhiệm vụ"] and len(resp) > 3
