"""Items as table rows, CSV and XLSX (shared by the API downloads and the CLI).

Downloads are opened by commune staff in Excel on Windows, which reads a CSV without a byte-order
mark as the ANSI code page (Vietnamese comes out garbled) and shows column names as they are: so
CSV starts with a UTF-8 BOM and carries Vietnamese column headers. ``rows`` and XLSX keep the field
names (programs and the API's existing clients read them)."""

from __future__ import annotations

import csv
import io

COLUMNS = {
    "responsibility": ["unit", "unit_normalized", "role", "task", "section", "quote", "start", "end"],
    "target": ["subject", "comparator", "value", "measure", "period", "answer", "section", "quote",
               "start", "end"],
    "deadline": ["when", "when_kind", "date", "unit", "task", "section", "quote", "start", "end"],
}


HEADERS_VI = {
    "unit": "Đơn vị", "unit_normalized": "Đơn vị (chuẩn hóa)", "role": "Vai trò", "task": "Nhiệm vụ",
    "section": "Mục", "quote": "Trích dẫn", "start": "Vị trí đầu", "end": "Vị trí cuối",
    "subject": "Chỉ tiêu", "comparator": "So sánh", "value": "Giá trị", "measure": "Đơn vị tính",
    "period": "Thời kỳ", "answer": "Kết quả", "when": "Thời hạn", "when_kind": "Loại thời hạn",
    "date": "Ngày",
}
BOM = "\ufeff"


def headers_vi(kind: str) -> list[str]:
    return [HEADERS_VI.get(c, c) for c in COLUMNS[kind]]


def rows(items: list[dict], kind: str) -> tuple[list[str], list[list]]:
    cols = COLUMNS[kind]
    out = []
    for item in items:
        row = []
        for c in cols:
            v = " › ".join(item.get("section_path") or []) if c == "section" else item.get(c)
            row.append("" if v is None else v)
        out.append(row)
    return cols, out


def to_csv(items: list[dict], kind: str) -> str:
    """CSV text starting with a UTF-8 BOM, Vietnamese headers, CRLF line ends (what Excel expects)."""
    _, data = rows(items, kind)
    buf = io.StringIO()
    buf.write(BOM)
    writer = csv.writer(buf)
    writer.writerow(headers_vi(kind))
    writer.writerows(data)
    return buf.getvalue()


def to_xlsx(items: list[dict], kind: str) -> bytes:
    from openpyxl import Workbook

    cols, data = rows(items, kind)
    wb = Workbook()
    ws = wb.active
    ws.title = kind
    ws.append(cols)
    for row in data:
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
