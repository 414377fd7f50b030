"""An assignment table ("Phân công nhiệm vụ": TT | nhiệm vụ | đơn vị chủ trì | phối hợp | thời hạn)
in a DOCX or a PDF comes out of the extractors as who does what, with whom, by when."""

from __future__ import annotations

from indexer.document import parse_bytes
from indexer.extract import extract
from indexer.settings import Settings
import pytest

from tests.documents import docx_bytes, table_pdf

TABLE = [["TT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"],
         ["1", "Hướng dẫn, theo dõi, đôn đốc việc sơ kết ở các địa phương, cơ quan, đơn vị",
          "Ban Tuyên giáo Tỉnh ủy", "Văn phòng Tỉnh ủy", "Trước ngày 10/11/2021"],
         ["2", "Xây dựng dự thảo Báo cáo sơ kết 05 năm thực hiện Nghị quyết số 06-NQ/TU",
          "Ban cán sự đảng Ủy ban nhân dân tỉnh", "Sở Văn hóa, Thể thao và Du lịch; Sở Tài chính", "Quý IV/2021"],
         ["3", "Tổ chức Hội nghị sơ kết cấp tỉnh", "Văn phòng Tỉnh ủy", "", "Tháng 11/2021"]]


OPENING = ["KẾ HOẠCH", "Sơ kết 05 năm thực hiện Nghị quyết số 06-NQ/TU", "I. MỤC ĐÍCH, YÊU CẦU",
           "Đánh giá toàn diện kết quả thực hiện Nghị quyết.", "II. PHÂN CÔNG NHIỆM VỤ"]


@pytest.mark.parametrize("form", ["docx", "pdf"])
def test_assignment_table_rows_give_responsibilities_and_deadlines(form, tmp_path):
    if form == "docx":
        data = docx_bytes(OPENING, bold={0}, tables_after=[TABLE])
    else:
        data = table_pdf(OPENING, TABLE, after=["III. KINH PHÍ", "Kinh phí thực hiện từ ngân sách tỉnh."])
    doc = parse_bytes("t", f"t.{form}", f"t.{form}", data, Settings(model="hash-64", data_dir=tmp_path))
    if form == "pdf":
        assert not doc.ocr and "Kinh phí thực hiện từ ngân sách tỉnh." in doc.text
    items = [i.to_dict() for i in extract(doc)]
    resp = {(i["unit"], i["role"]) for i in items if i["kind"] == "responsibility"}
    assert {("Ban Tuyên giáo Tỉnh ủy", "chủ trì"), ("Văn phòng Tỉnh ủy", "phối hợp"),
            ("Ban cán sự đảng Ủy ban nhân dân tỉnh", "chủ trì"),
            ("Sở Văn hóa, Thể thao và Du lịch", "phối hợp"), ("Sở Tài chính", "phối hợp"),
            ("Văn phòng Tỉnh ủy", "chủ trì")} <= resp
    deadlines = {(i["date"], i["unit"]) for i in items if i["kind"] == "deadline"}
    assert deadlines == {("2021-11-10", "Ban Tuyên giáo Tỉnh ủy"),
                         ("2021-Q4", "Ban cán sự đảng Ủy ban nhân dân tỉnh"),
                         ("2021-11", "Văn phòng Tỉnh ủy")}
    tasks = [i for i in items if i["kind"] == "responsibility" and i["unit"] == "Ban Tuyên giáo Tỉnh ủy"]
    assert "đôn đốc việc sơ kết" in tasks[0]["task"]
    # every row sits under its heading, as one passage each
    rows = [p for p in doc.passages if p.path_text.startswith("II. PHÂN CÔNG")]
    assert len(rows) >= 1 and all(p.text.endswith(".") for p in rows)
