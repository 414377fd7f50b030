"""Writers of a coverage matrix (the dict ``Service.coverage`` returns): plain table and Markdown
(CLI), XLSX (the matrix on one sheet, one sheet of gaps per child, a summary) and DOCX (a report the
checker signs: identity, summary per unit, the tasks missing in several units, then each unit's
gaps with both citations, and a signature block)."""

from __future__ import annotations

import io
import re
from datetime import date

from .align import GAPS
from .report import (_DOCX_FILL, KIND_VI, STATUS_VI, add_table, doc_label, new_document, path_text, set_widths,
                     shade, _cite_paragraph)

SHORT_VI = {"covered": "Đủ", "partial": "Một phần", "missing": "Thiếu", "weaker": "Thấp hơn",
            "stricter": "Cao hơn", "changed": "Khác", "later": "Muộn hơn", "earlier": "Sớm hơn"}


def child_label(c: dict) -> str:
    """Short column name: the issuer (a unit) when known, else the number or id."""
    return c.get("issuer") or c.get("number") or c.get("title") or c["id"]


def _short(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def gaps_of(result: dict, child_id: str) -> list[dict]:
    """The rows where one child has a gap, gaps first by severity, then reading order."""
    order = ("missing", "partial", "weaker", "changed", "later")
    rows = [t for t in result["tasks"] if t["status"].get(child_id) in GAPS]
    return sorted(rows, key=lambda t: (order.index(t["status"][child_id]), t["start"]))


def to_table(result: dict, console=None) -> None:
    from rich.console import Console
    from rich.table import Table

    console = console or Console(soft_wrap=True)
    console.print(f"[bold]Văn bản cấp trên:[/bold] {doc_label(result['parent'])}  [dim]{result['parent']['id']}[/dim]")
    summary = Table(title="Theo đơn vị", show_lines=False)
    for col in ("Đơn vị", "Mã", "Đủ", "Một phần", "Thiếu", "Chỉ tiêu/thời hạn khác", "Tỷ lệ đủ"):
        summary.add_column(col)
    for c in result["children"]:
        other = c["weaker"] + c["stricter"] + c["changed"] + c["later"] + c["earlier"]
        summary.add_row(child_label(c), c["id"], str(c["covered"]), str(c["partial"]), str(c["missing"]),
                        str(other), f"{c['coverage']:.0%}" if not c["error"] else c["error"])
    console.print(summary)
    ids = [c["id"] for c in result["children"] if not c["error"]]
    table = Table(title="Ma trận (nhiệm vụ × đơn vị)", show_lines=True)
    table.add_column("Nội dung cấp trên", overflow="fold")
    table.add_column("Thiếu ở")
    for n, _ in enumerate(ids, 1):
        table.add_column(f"#{n}")
    for t in result["tasks"]:
        table.add_row(f"[{KIND_VI[t['kind']]}] {_short(t['text'])}", f"{t['missing_in']}/{t['of']}",
                      *[SHORT_VI.get(t["status"].get(i, ""), "—") for i in ids])
    console.print(table)
    for n, i in enumerate(ids, 1):
        console.print(f"#{n} = {i}")


def to_markdown(result: dict) -> str:
    ids = [c["id"] for c in result["children"] if not c["error"]]
    out = ["# Báo cáo mức độ cụ thể hóa của các kế hoạch cấp dưới", "",
           f"- **Văn bản cấp trên:** {doc_label(result['parent'])} (`{result['parent']['id']}`)",
           f"- **Số kế hoạch cấp dưới:** {len(result['children'])}", "", "## Theo đơn vị", "",
           "| # | Đơn vị | Mã | Đủ | Một phần | Thiếu | Thấp hơn | Muộn hơn | Khác | Tỷ lệ đủ |",
           "|---|---|---|---|---|---|---|---|---|---|"]
    for n, c in enumerate(result["children"], 1):
        out.append(f"| {n} | {child_label(c)} | `{c['id']}` | {c['covered']} | {c['partial']} | {c['missing']} | "
                   f"{c['weaker']} | {c['later']} | {c['changed']} | "
                   + (f"{c['coverage']:.0%}" if not c["error"] else c["error"]) + " |")
    out += ["", "## Ma trận", "", "| Nội dung cấp trên | Thiếu ở | " + " | ".join(f"#{n}" for n in range(1, len(ids) + 1))
            + " |", "|---|---|" + "---|" * len(ids)]
    for t in result["tasks"]:
        text = _short(t["text"], 120).replace("|", "\\|")
        out.append(f"| [{KIND_VI[t['kind']]}] {text} | {t['missing_in']}/{t['of']} | "
                   + " | ".join(SHORT_VI.get(t["status"].get(i, ""), "—") for i in ids) + " |")
    for n, c in enumerate(result["children"], 1):
        if c["error"]:
            continue
        gaps = gaps_of(result, c["id"])
        out += ["", f"## #{n} {child_label(c)} — {len(gaps)} điểm cần xem lại", ""]
        for t in gaps:
            cite = t["child"].get(c["id"])
            out.append(f"- **[{STATUS_VI[t['status'][c['id']]]}] {KIND_VI[t['kind']]}** — “{_short(t['text'], 200)}” "
                       f"({path_text(t)}). {t['notes'].get(c['id'], '')}"
                       + (f" Cấp dưới: “{_short(cite['text'], 200)}”" if cite else ""))
    return "\n".join(out).rstrip() + "\n"


def _sheet_name(text: str, used: set[str]) -> str:
    base = re.sub(r"[\[\]\*\?/\\:]", " ", text).strip()[:28] or "Don vi"
    name, n = base, 2
    while name.lower() in used:
        name = f"{base[:25]} ({n})"
        n += 1
    used.add(name.lower())
    return name


def to_xlsx(result: dict) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    children = [c for c in result["children"] if not c["error"]]
    wb = Workbook()
    ws = wb.active
    ws.title = "Ma trận"
    ws.append(["Loại", "Mục (cấp trên)", "Nội dung cấp trên (nguyên văn)", "Vị trí", "Thiếu ở",
               *[child_label(c) for c in children]])
    for t in result["tasks"]:
        ws.append([KIND_VI[t["kind"]], path_text(t), t["text"], f"{t['start']}-{t['end']}",
                   f"{t['missing_in']}/{t['of']}", *[STATUS_VI.get(t["status"].get(c["id"], ""), "—")
                                                     for c in children]])
        for j, c in enumerate(children):
            status = t["status"].get(c["id"])
            if status:
                ws.cell(ws.max_row, 6 + j).fill = PatternFill("solid", fgColor=_DOCX_FILL[status])
    widths = [12, 30, 70, 12, 9] + [16] * len(children)
    from openpyxl.utils import get_column_letter

    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w
    for row in ws.iter_rows(min_row=1):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "F2"
    summ = wb.create_sheet("Tổng hợp")
    summ.append(["Đơn vị", "Mã văn bản", "Số/ký hiệu", "Đủ", "Một phần", "Thiếu", "Thấp hơn", "Cao hơn",
                 "Khác", "Muộn hơn", "Sớm hơn", "Tỷ lệ đủ", "Ghi chú"])
    for c in result["children"]:
        summ.append([child_label(c), c["id"], c["number"], c["covered"], c["partial"], c["missing"], c["weaker"],
                     c["stricter"], c["changed"], c["later"], c["earlier"], c["coverage"], c["error"]])
    used = {"ma trận", "tổng hợp"}
    for c in children:
        gs = wb.create_sheet(_sheet_name(f"Thiếu - {child_label(c)}", used))
        gs.append(["Kết quả", "Loại", "Mục (cấp trên)", "Cấp trên (nguyên văn)", "Cấp dưới (nguyên văn)",
                   "Vị trí cấp dưới", "Ghi chú"])
        for t in gaps_of(result, c["id"]):
            cite = t["child"].get(c["id"])
            gs.append([STATUS_VI[t["status"][c["id"]]], KIND_VI[t["kind"]], path_text(t), t["text"],
                       cite["text"] if cite else "", f"{cite['start']}-{cite['end']}" if cite else "",
                       t["notes"].get(c["id"], "")])
            gs.cell(gs.max_row, 1).fill = PatternFill("solid", fgColor=_DOCX_FILL[t["status"][c["id"]]])
        for col, w in zip("ABCDEFG", (12, 12, 28, 60, 60, 12, 50)):
            gs.column_dimensions[col].width = w
        for cell in gs[1]:
            cell.font = Font(bold=True)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def to_docx(result: dict) -> bytes:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    children = result["children"]
    ok = [c for c in children if not c["error"]]
    doc = new_document()
    doc.add_paragraph("BÁO CÁO KIỂM TRA VIỆC CỤ THỂ HÓA VĂN BẢN CẤP TRÊN", style="Title")
    add_table(doc, ["Nội dung", "Thông tin"], [
        ["Văn bản cấp trên", f"{doc_label(result['parent'])}\nMã: {result['parent']['id']}"],
        ["Số kế hoạch cấp dưới được kiểm tra", str(len(children))],
        ["Số nội dung của văn bản cấp trên", str(len(result["tasks"]))]], [6, 11])
    doc.add_heading("1. Tổng hợp theo đơn vị", level=1)
    add_table(doc, ["Đơn vị", "Đủ", "Một phần", "Thiếu", "Khác (chỉ tiêu, thời hạn)", "Tỷ lệ đủ"],
              [[f"{child_label(c)}\n({c['id']})", c["covered"], c["partial"], c["missing"],
                c["weaker"] + c["stricter"] + c["changed"] + c["later"] + c["earlier"],
                f"{c['coverage']:.0%}" if not c["error"] else "không đối chiếu được"] for c in children],
              [6, 1.8, 2, 1.8, 3.2, 2.2])
    p = doc.add_paragraph()
    p.add_run("Cách đọc: ").bold = True
    p.add_run("«Thiếu» — không thấy nội dung của cấp trên trong kế hoạch cấp dưới; «Một phần» — chỉ có một "
              "phần; «Thấp hơn» / «Cao hơn» — chỉ tiêu đặt khác; «Muộn hơn» / «Sớm hơn» — thời hạn khác. "
              "Mọi trích dẫn là nguyên văn, kèm mục và vị trí ký tự.")
    common = [t for t in result["tasks"] if t["missing_in"] >= 2]
    doc.add_heading(f"2. Nội dung thiếu ở nhiều đơn vị ({len(common)})", level=1)
    if common:
        add_table(doc, ["Loại", "Nội dung cấp trên (nguyên văn)", "Thiếu ở"],
                  [[KIND_VI[t["kind"]], f"“{t['text']}”", f"{t['missing_in']}/{t['of']} đơn vị"]
                   for t in sorted(common, key=lambda t: (-t["missing_in"], t["start"]))], [2.5, 11.5, 3])
    else:
        doc.add_paragraph("Không có nội dung nào thiếu ở từ hai đơn vị trở lên.")
    doc.add_heading("3. Những điểm cần xem lại của từng đơn vị", level=1)
    for n, c in enumerate(ok, 1):
        gaps = gaps_of(result, c["id"])
        doc.add_heading(f"3.{n}. {child_label(c)} — {len(gaps)} điểm", level=2)
        doc.add_paragraph(f"{doc_label(c)} (mã {c['id']})")
        for t in gaps:
            status = t["status"][c["id"]]
            head = doc.add_paragraph()
            head.add_run(f"[{STATUS_VI[status]}] {KIND_VI[t['kind']]} — {path_text(t)}").bold = True
            table = doc.add_table(rows=1, cols=2)
            table.style = "Table Grid"
            _cite_paragraph(table.rows[0].cells[0], "Cấp trên", {**t, "text": t["text"]})
            _cite_paragraph(table.rows[0].cells[1], "Cấp dưới", t["child"].get(c["id"]))
            shade(table.rows[0].cells[0], "F2F2F2")
            shade(table.rows[0].cells[1], _DOCX_FILL[status])
            set_widths(table, [8.5, 8.5])
            note = doc.add_paragraph()
            note.paragraph_format.space_after = Pt(8)
            note.add_run("Nhận xét: ").bold = True
            note.add_run(t["notes"].get(c["id"], ""))
    doc.add_heading("4. Kết luận của người kiểm tra", level=1)
    for _ in range(4):
        doc.add_paragraph("." * 110)
    today = date.today()
    sign = doc.add_paragraph(f"……, ngày {today.day:02d} tháng {today.month:02d} năm {today.year}")
    sign.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    who = doc.add_paragraph()
    who.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    who.add_run("NGƯỜI KIỂM TRA").bold = True
    hint = doc.add_paragraph("(Ký, ghi rõ họ tên)")
    hint.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
