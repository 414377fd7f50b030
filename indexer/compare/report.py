"""Writers of a comparison (the dict ``compare()`` returns): plain table, Markdown, DOCX (editable:
identity, summary table, then the gaps first, each with both citations), XLSX."""

from __future__ import annotations

import io

from indexer.display import quoted

from .align import GAPS, KIND_ORDER

STATUS_VI = {
    "covered": "Đã cụ thể hóa", "partial": "Một phần", "missing": "Chưa có", "weaker": "Thấp hơn",
    "stricter": "Cao hơn", "changed": "Khác", "later": "Muộn hơn", "earlier": "Sớm hơn",
}
KIND_VI = {"task": "Nhiệm vụ", "target": "Chỉ tiêu", "deadline": "Thời hạn", "responsibility": "Trách nhiệm"}
STATUS_ORDER = ("missing", "partial", "weaker", "changed", "later", "stricter", "earlier", "covered")


def doc_label(d: dict) -> str:
    parts = [d.get("type") or "Văn bản"]
    if d.get("number"):
        parts.append(f"số {d['number']}")
    title = d.get("title") or ""
    label = " ".join(parts)
    if title:
        label += f" {title}" if title.lower().startswith(("thực hiện", "về")) else f" — {title}"
    if d.get("issuer"):
        label += f" ({d['issuer']})"
    return label


def path_text(cite: dict | None) -> str:
    if not cite:
        return ""
    return " › ".join(cite.get("section_path") or []) or "(đầu văn bản)"


def ordered(result: dict) -> list[dict]:
    """Gaps first (missing, partial, weaker, changed, later), then the rest, in reading order."""
    return sorted(result["items"], key=lambda it: (STATUS_ORDER.index(it["status"]),
                                                   KIND_ORDER.index(it["kind"]), it["parent"]["start"]))


def summary_rows(result: dict) -> list[list]:
    """Rows status x kind with counts; the last row is the total per kind."""
    rows = []
    for status in STATUS_ORDER:
        counts = [sum(1 for it in result["items"] if it["status"] == status and it["kind"] == k)
                  for k in KIND_ORDER]
        if sum(counts):
            rows.append([STATUS_VI[status], *counts, sum(counts)])
    totals = [sum(1 for it in result["items"] if it["kind"] == k) for k in KIND_ORDER]
    rows.append(["Tổng", *totals, sum(totals)])
    return rows


def _short(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


# -- plain table (CLI) -----------------------------------------------------------------------------

def to_table(result: dict, console=None) -> None:
    from rich.console import Console
    from rich.table import Table

    console = console or Console(soft_wrap=True)
    console.print(f"[bold]Cấp trên:[/bold] {doc_label(result['parent'])}  [dim]{result['parent']['id']}[/dim]")
    console.print(f"[bold]Cấp dưới:[/bold] {doc_label(result['child'])}  [dim]{result['child']['id']}[/dim]")
    summary = Table(title="Tổng hợp", show_lines=False)
    for col in ["Kết quả", *[KIND_VI[k] for k in KIND_ORDER], "Cộng"]:
        summary.add_column(col)
    for row in summary_rows(result):
        summary.add_row(*[str(x) for x in row])
    console.print(summary)
    table = Table(title="Đối chiếu (điểm cần xem lại trước)", show_lines=True)
    for col in ("Kết quả", "Loại", "Cấp trên", "Cấp dưới", "Ghi chú"):
        table.add_column(col, overflow="fold")
    for it in ordered(result):
        table.add_row(STATUS_VI[it["status"]], KIND_VI[it["kind"]], _short(it["parent"]["text"]),
                      _short(it["child"]["text"]) if it["child"] else "—", _short(it["note"], 120))
    console.print(table)
    if result["additions"]:
        add = Table(title="Điểm mới của cấp dưới", show_lines=True)
        add.add_column("Loại")
        add.add_column("Nội dung", overflow="fold")
        add.add_column("Mục")
        for a in result["additions"]:
            add.add_row(KIND_VI[a["kind"]], _short(a["child"]["text"], 160), path_text(a["child"]))
        console.print(add)


# -- Markdown ---------------------------------------------------------------------------------------

def _md_quote(cite: dict | None) -> str:
    if not cite:
        return "—"
    text = cite["text"].replace("|", "\\|").replace("\n", " ")
    return f"{quoted(text)} ({path_text(cite)}; ký tự {cite['start']}–{cite['end']})"


def to_markdown(result: dict) -> str:
    out = ["# Báo cáo đối chiếu kế hoạch", "",
           f"- **Văn bản cấp trên:** {doc_label(result['parent'])} (`{result['parent']['id']}`)",
           f"- **Văn bản cấp dưới:** {doc_label(result['child'])} (`{result['child']['id']}`)", "",
           "## Tổng hợp", "",
           "| Kết quả | " + " | ".join(KIND_VI[k] for k in KIND_ORDER) + " | Cộng |",
           "|---" * (len(KIND_ORDER) + 2) + "|"]
    for row in summary_rows(result):
        out.append("| " + " | ".join(str(x) for x in row) + " |")
    gaps = [it for it in ordered(result) if it["status"] in GAPS]
    rest = [it for it in ordered(result) if it["status"] not in GAPS]
    for title, group in (("Điểm cần xem lại", gaps), ("Đã đối chiếu", rest)):
        out += ["", f"## {title} ({len(group)})", ""]
        for it in group:
            out += [f"### [{STATUS_VI[it['status']]}] {KIND_VI[it['kind']]} — {path_text(it['parent'])}", "",
                    f"- **Cấp trên:** {_md_quote(it['parent'])}",
                    f"- **Cấp dưới:** {_md_quote(it['child'])}",
                    f"- **Ghi chú:** {it['note']} (độ tương đồng {it['score']:.2f})", ""]
    out += ["", f"## Điểm mới của cấp dưới ({len(result['additions'])})", ""]
    for a in result["additions"]:
        out.append(f"- **{KIND_VI[a['kind']]}:** {_md_quote(a['child'])}")
    return "\n".join(out).rstrip() + "\n"


# -- XLSX --------------------------------------------------------------------------------------------

def to_xlsx(result: dict) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    fills = {"missing": "F8D7DA", "partial": "FFF3CD", "weaker": "FFE5B4", "changed": "E2E3F3",
             "later": "FFE5B4", "stricter": "D1ECF1", "earlier": "D1ECF1", "covered": "D4EDDA"}
    wb = Workbook()
    ws = wb.active
    ws.title = "Đối chiếu"
    head = ["Kết quả", "Loại", "Mục (cấp trên)", "Cấp trên (nguyên văn)", "Vị trí cấp trên",
            "Mục (cấp dưới)", "Cấp dưới (nguyên văn)", "Vị trí cấp dưới", "Giá trị cấp trên",
            "Giá trị cấp dưới", "Ghi chú", "Độ tương đồng"]
    ws.append(head)
    for it in ordered(result):
        c = it["child"]
        values = it.get("values") or {}
        ws.append([STATUS_VI[it["status"]], KIND_VI[it["kind"]], path_text(it["parent"]), it["parent"]["text"],
                   f"{it['parent']['start']}-{it['parent']['end']}", path_text(c), c["text"] if c else "",
                   f"{c['start']}-{c['end']}" if c else "", values.get("parent") or "", values.get("child") or "",
                   it["note"], it["score"]])
        ws.cell(ws.max_row, 1).fill = PatternFill("solid", fgColor=fills[it["status"]])
    for col, width in zip("ABCDEFGHIJKL", (14, 12, 30, 60, 12, 30, 60, 12, 16, 16, 50, 10)):
        ws.column_dimensions[col].width = width
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    add = wb.create_sheet("Điểm mới cấp dưới")
    add.append(["Loại", "Mục", "Nội dung (nguyên văn)", "Vị trí"])
    for a in result["additions"]:
        add.append([KIND_VI[a["kind"]], path_text(a["child"]), a["child"]["text"],
                    f"{a['child']['start']}-{a['child']['end']}"])
    add.column_dimensions["C"].width = 90
    summ = wb.create_sheet("Tổng hợp")
    summ.append(["Kết quả", *[KIND_VI[k] for k in KIND_ORDER], "Cộng"])
    for row in summary_rows(result):
        summ.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# -- DOCX --------------------------------------------------------------------------------------------

_DOCX_FILL = {"missing": "F8D7DA", "partial": "FFF3CD", "weaker": "FFE5B4", "changed": "E2E3F3",
              "later": "FFE5B4", "stricter": "D1ECF1", "earlier": "D1ECF1", "covered": "D4EDDA"}


def shade(cell, hex_fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tc = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), hex_fill)
    tc.append(shd)


def new_document():
    """A portrait A4 document in Times New Roman 12, the usual face of administrative texts."""
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2)
    sec.top_margin = sec.bottom_margin = Cm(1.8)
    for name in ("Normal", "Table Grid"):
        style = doc.styles[name]
        style.font.name = "Times New Roman"
        style.font.size = Pt(12 if name == "Normal" else 11)
        rpr = style.element.get_or_add_rPr()
        rfonts = rpr.find(qn("w:rFonts"))
        if rfonts is None:
            rfonts = rpr.makeelement(qn("w:rFonts"), {})
            rpr.append(rfonts)
        rfonts.set(qn("w:eastAsia"), "Times New Roman")
    for level in (0, 1, 2, 3):
        style = doc.styles["Title" if level == 0 else f"Heading {level}"]
        style.font.name = "Times New Roman"
        style.font.color.rgb = None
        rpr = style.element.get_or_add_rPr()
        rfonts = rpr.find(qn("w:rFonts"))
        if rfonts is None:
            rfonts = rpr.makeelement(qn("w:rFonts"), {})
            rpr.append(rfonts)
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            rfonts.set(qn(attr), "Times New Roman")
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            rfonts.attrib.pop(qn(attr), None)
    doc.styles["Title"].font.size = Pt(18)
    doc.styles["Heading 1"].font.size = Pt(14)
    doc.styles["Heading 2"].font.size = Pt(12.5)
    return doc


def add_table(doc, header: list[str], rows: list[list], widths_cm: list[float] | None = None):

    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = ""
        cell.paragraphs[0].add_run(str(text)).bold = True
        shade(cell, "E7E6E6")
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row):
            cell.text = "" if value is None else str(value)
    _repeat_header(table)
    if widths_cm:
        set_widths(table, widths_cm)
    return table


def set_widths(table, widths_cm: list[float]) -> None:
    """Column widths that Word and LibreOffice both honour (grid and every cell)."""
    from docx.shared import Cm

    table.autofit = False
    for col, w in zip(table.columns, widths_cm):
        col.width = Cm(w)
    if True:
        for row in table.rows:
            for cell, w in zip(row.cells, widths_cm):
                cell.width = Cm(w)


def _repeat_header(table) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    trpr = table.rows[0]._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def _cite_paragraph(cell, label: str, cite: dict | None) -> None:
    from docx.shared import Pt, RGBColor

    cell.text = ""
    p = cell.paragraphs[0]
    p.add_run(label).bold = True
    if not cite:
        p.add_run("\nKhông có nội dung tương ứng.").italic = True
        return
    cell.add_paragraph().add_run(quoted(cite["text"]))
    meta = cell.add_paragraph().add_run(f"{path_text(cite)} · ký tự {cite['start']}–{cite['end']}")
    meta.font.size = Pt(9)
    meta.font.color.rgb = RGBColor(0x59, 0x59, 0x59)


def to_docx(result: dict) -> bytes:
    from docx.shared import Pt

    doc = new_document()
    doc.add_paragraph("BÁO CÁO ĐỐI CHIẾU KẾ HOẠCH THỰC HIỆN", style="Title")
    info = add_table(doc, ["", "Văn bản"], [
        ["Văn bản cấp trên", f"{doc_label(result['parent'])}\nMã: {result['parent']['id']}"],
        ["Văn bản cấp dưới", f"{doc_label(result['child'])}\nMã: {result['child']['id']}"]],
        [4, 13])
    info.rows[0].cells[0].paragraphs[0].add_run("Vai trò").bold = True
    doc.add_paragraph()
    doc.add_heading("1. Tổng hợp", level=1)
    add_table(doc, ["Kết quả", *[KIND_VI[k] for k in KIND_ORDER], "Cộng"], summary_rows(result),
              [4, 2.6, 2.6, 2.6, 2.6, 2.6])
    p = doc.add_paragraph()
    p.add_run("Cách đọc: ").bold = True
    p.add_run("«Chưa có» — không thấy nội dung của cấp trên trong kế hoạch cấp dưới; «Một phần» — chỉ có "
              "một phần hoặc thiếu chỉ tiêu, thời hạn, đơn vị; «Thấp hơn» / «Cao hơn» — chỉ tiêu đặt khác; "
              "«Muộn hơn» / «Sớm hơn» — thời hạn khác. Mọi trích dẫn là nguyên văn, kèm mục và vị trí ký tự.")
    gaps = [it for it in ordered(result) if it["status"] in GAPS]
    doc.add_heading(f"2. Những điểm cần xem lại ({len(gaps)})", level=1)
    if not gaps:
        doc.add_paragraph("Không có điểm nào: mọi nội dung của văn bản cấp trên đều có trong kế hoạch cấp dưới.")
    for n, it in enumerate(gaps, 1):
        h = doc.add_heading(level=2)
        where = (it["parent"].get("section_path") or [""])[-1]
        h.add_run(f"2.{n}. [{STATUS_VI[it['status']]}] {KIND_VI[it['kind']]}" + (f" — {where}" if where else ""))
        t = doc.add_table(rows=1, cols=2)
        t.style = "Table Grid"
        _cite_paragraph(t.rows[0].cells[0], "Cấp trên", it["parent"])
        _cite_paragraph(t.rows[0].cells[1], "Cấp dưới", it["child"])
        shade(t.rows[0].cells[0], "F2F2F2")
        shade(t.rows[0].cells[1], _DOCX_FILL[it["status"]])
        set_widths(t, [8.5, 8.5])
        note = doc.add_paragraph()
        note.paragraph_format.space_before = Pt(4)
        note.add_run("Nhận xét: ").bold = True
        note.add_run(it["note"])
        note.paragraph_format.space_after = Pt(10)
    doc.add_heading(f"3. Điểm mới của cấp dưới ({len(result['additions'])})", level=1)
    if result["additions"]:
        doc.add_paragraph("Nội dung cấp dưới đặt thêm, không có ở văn bản cấp trên (sáng kiến của địa "
                          "phương, không phải sai sót).")
        add_table(doc, ["Loại", "Nội dung (nguyên văn)", "Mục"],
                  [[KIND_VI[a["kind"]], quoted(a["child"]["text"]), path_text(a["child"])]
                   for a in result["additions"]], [2.5, 10, 4.5])
    else:
        doc.add_paragraph("Không có.")
    rest = [it for it in ordered(result) if it["status"] not in GAPS]
    doc.add_heading(f"4. Nội dung đã đối chiếu ({len(rest)})", level=1)
    add_table(doc, ["Kết quả", "Loại", "Cấp trên (nguyên văn)", "Cấp dưới (nguyên văn)"],
              [[STATUS_VI[it["status"]], KIND_VI[it["kind"]], quoted(it["parent"]["text"]),
                quoted(it["child"]["text"]) if it["child"] else "—"] for it in rest], [2.3, 2.2, 6.25, 6.25])
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
