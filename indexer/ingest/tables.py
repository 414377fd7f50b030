"""Tables -> text lines that the structure stage and the extractors can read.

Two kinds of table matter in resolutions:

- the official two-column header ("ĐẢNG BỘ TỈNH … / ĐẢNG ỦY XÃ … | ĐẢNG CỘNG SẢN VIỆT NAM",
  "Số 07-KH/ĐU | Tân Uyên, ngày 02 tháng 4 năm 2026"): read column by column, one line per cell
  paragraph, so the issuing body stays under its superior body and the place/date line starts a
  line of its own;
- assignment tables ("Phân công nhiệm vụ": TT | đơn vị chủ trì | phối hợp | nhiệm vụ | thời hạn):
  each row becomes one sentence "<đơn vị> chủ trì, phối hợp với <…>: <nhiệm vụ>; thời hạn: <…>."
  so the responsibility and deadline extractors see who does what by when.

Any other table keeps one line per row, cells joined with " | ".
A table is a grid: rows of cells, each cell a list of its paragraph texts.
"""

from __future__ import annotations

import re

Grid = list[list[list[str]]]

_HEADER_HINT = re.compile(r"VIỆT NAM|CỘNG (?:SẢN|HÒA|HOÀ)|\bSố\s*:?\s*\d|ngày\s+\d{1,2}\s+tháng|"
                          r"ngày\s+\.{2,}|Độc lập", re.U)
_UNIT_COL = re.compile(r"(đơn vị|cơ quan)\s*(chủ trì|thực hiện|thực hiện chính)?|chủ trì|"
                       r"trách nhiệm|người thực hiện|bộ phận", re.I)
_PARTNER_COL = re.compile(r"phối hợp", re.I)
_TASK_COL = re.compile(r"nhiệm vụ|nội dung|công việc|hoạt động|nhiệm vụ trọng tâm|tên đề án", re.I)
_TIME_COL = re.compile(r"thời hạn|thời gian|hoàn thành|tiến độ|thời điểm", re.I)
_INDEX_COL = re.compile(r"^(tt|stt|số tt|số thứ tự)\.?$", re.I)


def _cell_text(cell: list[str]) -> str:
    return " ".join(" ".join(p.split()) for p in cell if p.strip())


def is_header_table(grid: Grid) -> bool:
    """The official header: small (≤ 3 columns, ≤ 6 rows) and stating the nation, a number or a
    date."""
    if not grid or len(grid) > 6 or max(len(r) for r in grid) > 3:
        return False
    text = " ".join(_cell_text(c) for row in grid for c in row)
    return bool(_HEADER_HINT.search(text))


def header_lines(grid: Grid) -> list[str]:
    """Header table read column by column, one line per non-empty cell paragraph."""
    columns = max(len(r) for r in grid)
    lines: list[str] = []
    for col in range(columns):
        seen_last = None
        for row in grid:
            if col >= len(row):
                continue
            cell = row[col]
            key = tuple(cell)
            if key == seen_last:
                continue  # a merged cell repeats down the rows
            seen_last = key
            lines += [" ".join(p.split()) for p in cell if p.strip()]
    return lines


def _columns(header: list[str]) -> dict[str, int] | None:
    """Which column holds the unit, partners, task and deadline, from the header row's wording."""
    roles: dict[str, int] = {}
    for i, name in enumerate(header):
        low = name.lower()
        if _INDEX_COL.match(low.strip()):
            roles.setdefault("index", i)
        elif _PARTNER_COL.search(low) and "chủ trì" not in low:
            roles.setdefault("partner", i)
        elif _TIME_COL.search(low):
            roles.setdefault("time", i)
        elif _UNIT_COL.search(low):
            roles.setdefault("unit", i)
        elif _TASK_COL.search(low):
            roles.setdefault("task", i)
    if "unit" in roles and "task" in roles:
        return roles
    return None


def assignment_lines(grid: Grid) -> list[str] | None:
    """Rows of an assignment table as sentences, or None when the table is not one."""
    rows = [[_cell_text(c) for c in row] for row in grid]
    if len(rows) < 2:
        return None
    roles = _columns(rows[0])
    if roles is None:
        return None
    lines: list[str] = []
    width = len(rows[0])
    for row in rows[1:]:
        if len(row) < width:
            row = row + [""] * (width - len(row))
        get = lambda key: row[roles[key]].strip() if key in roles else ""  # noqa: E731
        # ";" inside a cell lists units; as a clause end it would cut the row's sentence in two.
        unit, task = get("unit").replace(";", ","), get("task").rstrip(" .;")
        if not unit and not task:
            continue
        if unit and not task and len({c for c in row if c}) == 1:
            lines.append(unit)  # a group row spanning the table ("I. Lĩnh vực kinh tế")
            continue
        index = get("index").rstrip(".")
        parts = []
        if unit:
            role = "" if re.search(r"chủ trì|thực hiện", unit, re.I) else " chủ trì"
            head = unit.rstrip(" .;") + role
            partner = get("partner").rstrip(" .;").replace(";", ",")
            if partner:
                head += f", phối hợp với {partner}"
            parts.append(f"{head}: {task[:1].lower() + task[1:] if task else ''}".rstrip(": "))
        else:
            parts.append(task)
        when = get("time").rstrip(" .;")
        if when:
            parts.append(f"thời hạn: {when}")
        line = "; ".join(parts) + "."
        if index and re.fullmatch(r"\d{1,3}|[IVX]+|[a-zđ]", index):
            line = f"{index}. {line}" if index.isdigit() or index.isupper() else f"{index}) {line}"
        lines.append(line)
    return lines


def row_lines(grid: Grid) -> list[str]:
    """Any other table: one line per row, merged cells not repeated."""
    lines = []
    for row in grid:
        cells: list[str] = []
        for cell in row:
            value = _cell_text(cell)
            if value and (not cells or cells[-1] != value):
                cells.append(value)
        if cells:
            lines.append(" | ".join(cells))
    return lines
