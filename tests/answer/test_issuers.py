"""Who issued a document a question names by number (indexer/answer/issuers.py): the body the plans
write after "của" when they cite it. Real text of the plans under corpus/."""

from __future__ import annotations

from indexer.answer.issuers import asks_issuer, issuer_answer
from tests.conftest import PLANS


def _documents():
    return [(key, key, path.read_text(encoding="utf-8")) for key, path in PLANS.items()]


def test_the_question_must_ask_about_the_numbered_document():
    assert asks_issuer("Cơ quan nào ban hành Nghị quyết 06-NQ/TU?")
    assert asks_issuer("Which body issued Resolution 92-NQ/TU on tourism?")
    assert asks_issuer("Nghi quyet so 06-NQ/TU la cua co quan nao?")
    # the plan that reviews the resolution is asked, not the resolution
    assert not asks_issuer("Cơ quan nào ban hành Kế hoạch sơ kết 05 năm Nghị quyết 06-NQ/TU?")
    assert not asks_issuer("Ai chủ trì thực hiện Nghị quyết 06-NQ/TU?")


def test_the_issuer_every_citation_names():
    answer, items = issuer_answer("Nghi quyet so 06-NQ/TU la cua co quan nao?", _documents())
    assert answer == "Ban Chấp hành Đảng bộ tỉnh"
    assert all("06-NQ/TU" in it["quote"] for it in items)
    answer, _ = issuer_answer("Which body issued Resolution 92-NQ/TU on developing tourism?", _documents())
    assert answer == "Ban Thường vụ Tỉnh ủy"


def test_another_year_or_two_issuers_is_no_answer():
    # Nghị quyết 92-NQ/TU is of 2026
    assert issuer_answer("Cơ quan nào ban hành Nghị quyết 92-NQ/TU năm 2025?", _documents())[0] is None
    # Kết luận 224-KL/TU is cited as of the "Ban Chấp hành Đảng bộ tỉnh" and of the "Tỉnh ủy"
    assert issuer_answer("Which body adopted Conclusion 224-KL/TU?", _documents())[0] is None
