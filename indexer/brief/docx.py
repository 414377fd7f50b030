"""DOCX of a study brief (python-docx): editable headings, paragraphs and tables; every quote
verbatim with its section path."""

from __future__ import annotations

import io

from indexer.compare.report import add_table, doc_label, new_document, path_text
from indexer.display import quoted


def _quote(doc, cite: dict, bullet: bool = True) -> None:
    from docx.shared import Pt, RGBColor

    p = doc.add_paragraph(style="List Bullet" if bullet else None)
    p.add_run(quoted(cite["text"]))
    meta = p.add_run(f"  ({path_text(cite)})")
    meta.font.size = Pt(9)
    meta.font.color.rgb = RGBColor(0x59, 0x59, 0x59)


def period_text(period: str | None) -> str:
    if not period:
        return "—"
    return "mỗi năm" if period.strip() == "/năm" else period


# Widest glyph advance of the body fonts Word and LibreOffice substitute (Times New Roman, Arial /
# Liberation Sans: digits 0.5-0.56 em), rounded up, and the cell's left+right padding.
_EM_PER_CHAR = 0.6
_CELL_PADDING_CM = 0.45
_PT_TO_CM = 2.54 / 72


def token_width_cm(text: str, size_pt: float = 12) -> float:
    """Width a cell needs so its longest unbreakable token ("90.241.000.000") fits on one line:
    Word breaks a token wider than its cell in the middle ("90.241.000.00 | 0 đồng")."""
    longest = max((len(t) for t in str(text).split()), default=0)
    return longest * _EM_PER_CHAR * size_pt * _PT_TO_CM + _CELL_PADDING_CM


def fit_widths(widths_cm: list[float], rows: list[list], flexible: int, size_pt: float = 12) -> list[float]:
    """Column widths widened so no number or word wraps inside itself; the page width is kept by
    narrowing column ``flexible`` (a prose column)."""
    out = list(widths_cm)
    for col in range(len(out)):
        if col == flexible:
            continue
        need = max((token_width_cm(r[col], size_pt) for r in rows), default=0)
        out[col] = max(out[col], round(need, 2))
    out[flexible] = max(3.0, sum(widths_cm) - sum(w for i, w in enumerate(out) if i != flexible))
    return out


def short_path(cite: dict) -> str:
    """The last two labels of a section path ("2. Mục tiêu cụ thể › 2.1. …")."""
    path = cite.get("section_path") or []
    return " › ".join(path[-2:]) or "(đầu văn bản)"


def to_docx(brief: dict) -> bytes:
    from docx.shared import Pt

    d = brief["document"]
    doc = new_document()
    doc.add_paragraph("TÀI LIỆU HỌC TẬP, QUÁN TRIỆT", style="Title")
    sub = doc.add_paragraph()
    sub.add_run(doc_label(d)).bold = True

    doc.add_heading("1. Thông tin văn bản", level=1)
    implements = "; ".join(" ".join(x for x in (r.get("type"), "số " + r["number"] if r.get("number") else "",
                                                 "ngày " + r["date"] if r.get("date") else "",
                                                 "của " + r["issuer"] if r.get("issuer") else "") if x)
                           for r in d.get("implements") or []) or "—"
    add_table(doc, ["Mục", "Nội dung"], [
        ["Loại văn bản", d.get("type") or "—"], ["Số", d.get("number") or "—"],
        ["Ngày ban hành", d.get("date") or "—"], ["Cơ quan ban hành", d.get("issuer") or "—"],
        ["Trích yếu", d.get("title") or "—"], ["Thực hiện văn bản", implements]], [4.5, 12.5])

    doc.add_heading("2. Mục đích, yêu cầu", level=1)
    if brief["purpose"]:
        for c in brief["purpose"]:
            _quote(doc, c)
    else:
        doc.add_paragraph("Văn bản không có mục «Mục đích, yêu cầu» riêng.")

    doc.add_heading(f"3. Các chỉ tiêu ({len(brief['targets'])})", level=1)
    if brief["targets"]:
        rows = [[i, t["subject"][:1].upper() + t["subject"][1:], t["value"], period_text(t["period"]),
                 short_path(t["quote"]) + (f" (nhắc lại {len(t['also'])} lần)" if t["also"] else "")]
                for i, t in enumerate(brief["targets"], 1)]
        add_table(doc, ["TT", "Chỉ tiêu", "Mức", "Thời gian", "Căn cứ (mục)"], rows,
                  fit_widths([1, 6.5, 3.2, 2.3, 4], rows, flexible=1))
        note = doc.add_paragraph("Chỉ tiêu và mức là nguyên văn của văn bản; một chỉ tiêu nêu lại ở nhiều "
                                 "mục chỉ ghi một lần.")
        note.runs[0].italic = True
    else:
        doc.add_paragraph("Văn bản không nêu chỉ tiêu bằng số.")

    doc.add_heading("4. Nhiệm vụ chủ yếu", level=1)
    doc.add_paragraph("Câu đầu của từng nhiệm vụ, nguyên văn, theo bố cục của văn bản.").runs[0].italic = True
    for g in brief["tasks"]:
        h = doc.add_heading(level=2)
        h.add_run(" › ".join(g["section_path"]) or "(Không thuộc mục nào)")
        for c in g["items"]:
            p = doc.add_paragraph(style="List Bullet")
            p.add_run(quoted(c["text"]))

    doc.add_heading(f"5. Phân công thực hiện ({len(brief['who'])})", level=1)
    if brief["who"]:
        rows = [[w["unit"], w["role"], w["task"], path_text(w["quote"])] for w in brief["who"]]
        add_table(doc, ["Đơn vị", "Vai trò", "Nhiệm vụ (nguyên văn)", "Mục"], rows,
                  fit_widths([3.8, 2.2, 7.5, 3.5], rows, flexible=2))
    else:
        doc.add_paragraph("Không thấy câu giao nhiệm vụ cho đơn vị cụ thể.")

    doc.add_heading(f"6. Thời hạn ({len(brief['deadlines'])})", level=1)
    if brief["deadlines"]:
        rows = [[x["when"], x["task"], x["unit"] or "—", path_text(x["quote"])] for x in brief["deadlines"]]
        add_table(doc, ["Thời hạn", "Việc (nguyên văn)", "Đơn vị", "Mục"], rows,
                  fit_widths([2.8, 8.7, 2.5, 3], rows, flexible=1))
    else:
        doc.add_paragraph("Văn bản không nêu thời hạn cụ thể.")

    doc.add_heading(f"7. Câu hỏi ôn tập ({len(brief['questions'])})", level=1)
    for i, q in enumerate(brief["questions"], 1):
        p = doc.add_paragraph()
        p.paragraph_format.space_before = Pt(6)
        p.add_run(f"Câu {i}. {q['question']}").bold = True
        a = doc.add_paragraph()
        a.paragraph_format.left_indent = Pt(18)
        a.add_run("Trả lời: ").italic = True
        a.add_run(q["answer"])
        _quote_line = doc.add_paragraph()
        _quote_line.paragraph_format.left_indent = Pt(18)
        r = _quote_line.add_run(f"Căn cứ: {quoted(q['citation']['text'])} ({path_text(q['citation'])})")
        r.font.size = Pt(10)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
