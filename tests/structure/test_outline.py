"""Every corpus plan parses into the tree a reader sees: known headings, paths and closing blocks."""

from __future__ import annotations

import pytest

from indexer.ingest import read_file, reflow
from indexer.structure import parse_outline, section_path
from tests.conftest import PLANS


def outline(key: str):
    flowed = reflow(read_file(PLANS[key], 10**8))
    return flowed.text, parse_outline(flowed.text, flowed.bold_starts)


def find(blocks, prefix: str):
    hits = [b for b in blocks if b.text.startswith(prefix)]
    assert hits, f"no block starts with {prefix!r}"
    return hits[0]


def path_of(blocks, prefix: str) -> list[str]:
    return section_path(blocks, find(blocks, prefix))


def test_002_pdf_export_path_and_headings():
    _, blocks = outline("002")
    assert find(blocks, "A- MỤC ĐÍCH, YÊU CẦU").kind == "heading"
    heading = find(blocks, "1. Nâng cao chất lượng việc quán triệt")
    # the heading was wrapped over two lines in the PDF export: re-flowed into one block
    assert heading.text.endswith("chính sách, pháp luật của Nhà nước")
    assert path_of(blocks, "Các cơ quan báo chí của tỉnh") == [
        "B- NỘI DUNG", "I- CÁC NHIỆM VỤ TRỌNG TÂM",
        "1. Nâng cao chất lượng việc quán triệt, học tập, tuyên…",
        "* Nâng cao chất lượng tuyên truyền trên hệ thống truyền…"]
    assert path_of(blocks, "5. Giao Ban Tuyên giáo Tỉnh ủy chủ trì")[-1] == "C- TỔ CHỨC THỰC HIỆN"
    # a page break after "2. …Đảng bộ tỉnh" must not glue the next sentence to the heading
    assert find(blocks, "2. Nâng cao chất lượng công tác lý luận chính trị").text.endswith("Đảng bộ tỉnh")
    assert path_of(blocks, "Cấp ủy, tổ chức đảng các cấp quan tâm")[-1].startswith("2. Nâng cao")


def test_002_money_items_nest_under_heading():
    _, blocks = outline("002")
    plus = find(blocks, "+ Nguồn ngân sách địa phương")
    assert plus.text.endswith("60.038.000.000 đồng (Sáu mươi tỷ không trăm ba mươi tám triệu đồng).")
    assert section_path(blocks, plus)[-2:] == ["10. Kinh phí thực hiện",
                                              "- Tổng kinh phí thực hiện Kết luận đến năm 2025…"]


def test_000_targets_under_specific_goals():
    _, blocks = outline("000")
    item = find(blocks, "- (2) Tổng lượt khách du lịch")
    assert item.kind == "item" and item.marker == "paren"
    assert section_path(blocks, item) == ["II. MỤC TIÊU", "2. Mục tiêu cụ thể đến năm 2030"]
    assert path_of(blocks, "(9) Hoàn thiện Bản đồ số") == ["II. MỤC TIÊU", "2. Mục tiêu cụ thể đến năm 2030"]
    assert path_of(blocks, "2. Ủy ban nhân dân xã xây dựng Kế hoạch") == ["III. TỔ CHỨC THỰC HIỆN"]
    # the sentence split over two paragraphs ("quốc phòng," / "an ninh …") is one block again
    assert any("đảm bảo quốc phòng, an ninh và trật tự an toàn xã hội." in b.text for b in blocks)


def test_001_units_as_headings():
    _, blocks = outline("001")
    assert path_of(blocks, "- Chủ trì, phối hợp với các cơ quan, đơn vị liên quan đẩy mạnh") == [
        "IV. TỔ CHỨC THỰC HIỆN", "1. Ban xây dựng Đảng"]
    assert path_of(blocks, "- Thành phần: Các đồng chí Ủy viên") == [
        "III. HÌNH THỨC TỔ CHỨC HỘI NGHỊ", "1. Cấp phường"]
    # markdown emphasis is gone, wording kept
    assert find(blocks, "- Dự kiến trong tháng").text == "- Dự kiến trong tháng 5/2026 (có văn bản triệu tập riêng)."


def test_003_numbered_subsections():
    _, blocks = outline("003")
    assert path_of(blocks, "(2) Tổng sản lượng lương thực có hạt") == [
        "II. MỤC TIÊU", "2. Mục tiêu cụ thể", "2.1. Mục tiêu cụ thể đến năm 2030"]
    assert path_of(blocks, "2. UBND xã cụ thể hóa") == ["IV. TỔ CHỨC THỰC HIỆN"]


def test_004_review_plan():
    _, blocks = outline("004")
    assert path_of(blocks, "1. Ban Tuyên giáo Tỉnh ủy chủ trì") == ["III. TỔ CHỨC THỰC HIỆN"]
    item = find(blocks, "- Đối với cấp tỉnh:")
    assert section_path(blocks, item) == ["II. NỘI DUNG, PHƯƠNG THỨC, THỜI GIAN SƠ KẾT",
                                          "2. Hình thức và thời gian thực hiện"]


@pytest.mark.parametrize("key", sorted(PLANS))
def test_title_closing_and_signature_marked(key):
    _, blocks = outline(key)
    assert blocks[0].kind == "type" and blocks[0].text == "KẾ HOẠCH"
    assert blocks[1].kind == "title"
    closing = [b for b in blocks if b.kind == "closing"]
    assert closing[0].text == "Nơi nhận:"
    assert any(b.text == "T/M BAN THƯỜNG VỤ" for b in closing)
    # nothing after "Nơi nhận" is answer material
    first = closing[0].index
    assert all(not b.is_content for b in blocks[first:])
    # every heading has a plausible depth and parents that come before it
    for b in blocks:
        assert all(p < b.index for p in b.parents)
        assert b.level == len(b.parents)


def test_every_numbered_heading_of_002_is_in_the_outline():
    """A heading wrapped over several PDF lines ends at the next capitalized sentence: section 4
    ("… thù địch" / "Tiếp tục quán triệt …") must not swallow its first paragraph, so the
    numbered sections under "I- CÁC NHIỆM VỤ TRỌNG TÂM" run 1..10 without a gap."""
    import re

    _, blocks = outline("002")
    heading4 = find(blocks, "4. Nâng cao chất lượng hoạt động bảo vệ nền tảng tư tưởng")
    assert heading4.kind == "heading"
    assert heading4.text.endswith("thù địch")
    assert path_of(blocks, "Tiếp tục quán triệt và triển khai thực hiện nghiêm túc, hiệu quả Nghị quyết số 35")[-1] \
        .startswith("4. Nâng cao")
    top = find(blocks, "I- CÁC NHIỆM VỤ TRỌNG TÂM")
    numbers = [int(re.match(r"\d+", b.text).group(0)) for b in blocks
               if b.kind == "heading" and b.parents and b.parents[-1] == top.index]
    assert numbers == list(range(1, 11))


def test_numbered_headings_of_every_plan_never_hold_a_second_sentence():
    """Class check over the whole corpus: no numbered or lettered heading block contains a
    capitalized sentence glued after a word without punctuation ("thù địch Tiếp tục")."""
    import re

    from indexer.structure.markers import BULLETS

    for key in PLANS:
        _, blocks = outline(key)
        for b in blocks:
            if b.kind in ("heading", "item") and b.marker and b.marker not in BULLETS:
                assert not re.search(r"\w (Tiếp tục|Triển khai|Quán triệt|Tổ chức thực hiện) ", b.text), (key, b.text)
