"""Items as table rows, CSV and XLSX (shared by the API downloads and the CLI)."""

from __future__ import annotations

import csv
import io

COLUMNS = {
    "responsibility": ["unit", "unit_normalized", "role", "task", "section", "quote", "start", "end"],
    "target": ["subject", "comparator", "value", "measure", "period", "answer", "section", "quote",
               "start", "end"],
    "deadline": ["when", "when_kind", "date", "unit", "task", "section", "quote", "start", "end"],
}


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
    cols, data = rows(items, kind)
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(cols)
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
