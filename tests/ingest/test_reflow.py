"""Re-flow of hard-wrapped PDF exports keeps the wording and rebuilds the sentences."""

from __future__ import annotations

import re

from indexer.ingest import read_file, reflow
from tests.conftest import PLANS


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.replace("**", ""))


def test_002_sentences_rejoined():
    text = reflow(read_file(PLANS["002"], 10**8)).text
    assert ("Thực hiện Kết luận số 224-KL/TU, ngày 18/10/2021 của Ban Chấp hành Đảng bộ tỉnh về tiếp tục "
            "thực hiện Đề án “Nâng cao hiệu quả, chất lượng công tác tư tưởng của Đảng bộ tỉnh”") in text
    # a hyphenated break is joined without a space
    assert "Kế hoạch số 209-KH/TU của Ban Thường vụ Tỉnh ủy" in text
    # a break at a capitalized name continues the sentence
    assert "nâng cấp Báo Lai Châu điện tử giai đoạn III" in text
    assert "theo chỉ đạo của Ban Tuyên giáo Trung ương." in text
    assert "\n\n5. Giao Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các ban xây dựng Đảng tỉnh" in text


def test_wording_is_kept_for_every_plan():
    for path in PLANS.values():
        raw = path.read_text(encoding="utf-8")
        flowed = reflow(raw).text
        raw_words = [w for w in words(raw)]
        assert words(flowed) == raw_words, path.name


def test_controls_and_bom_removed():
    flowed = reflow("\ufeffKẾ HOẠCH\r\n\r\nthực\x00 hiện\tNghị quyết").text
    assert flowed == "KẾ HOẠCH\n\nthực hiện Nghị quyết"


def test_page_numbers_dropped_in_wrapped_text():
    body = "\n\n".join(["Các cấp ủy, chính quyền và đoàn thể các cấp tiếp tục quán triệt, triển khai"] * 12)
    flowed = reflow(body + "\n\n12\n\n" + body).text
    assert "\n12\n" not in flowed and " 12 " not in flowed
