""""Who issues the licence …": the grant of a licence, card or certificate is the laws' "cấp" (done by
the body that decides on it), not the issue of a document its drafter holds (search.translate's
``GRANTED``: the sense "cấp" of "issue", and question.asked_role)."""

from __future__ import annotations

from indexer.answer.question import analyze
from tests.conftest import index_laws


def test_issuing_a_licence_asks_no_drafting_role():
    assert analyze("Who issues the licence to establish an arbitration centre in Vietnam?").role is None
    assert analyze("Which body issues the tour guide card?").role is None
    # a document issued is still asked of its drafter
    assert analyze("Who issued the plan on tourism development?").role == "xây dựng"


def test_who_grants_a_licence_the_law_names(tmp_path_factory):
    # luat-trong-tai-thuong-mai Điều 24: "… Bộ trưởng Bộ Tư pháp cấp Giấy phép thành lập Trung tâm
    # trọng tài và phê chuẩn Điều lệ của Trung tâm trọng tài"
    service = index_laws(tmp_path_factory, "grants", ["luat-trong-tai-thuong-mai.txt"])
    out = service.ask("Who issues the licence to establish an arbitration centre in Vietnam?")
    assert out.answer == "Bộ trưởng Bộ Tư pháp", out.answer


def test_a_document_about_licences_is_still_issued_by_its_drafter():
    from indexer.answer.actors import english_asked_verbs

    assert analyze("Who issues the rules on licences?").role == "xây dựng"
    assert analyze("Which body issues the plan for licence fees?").role == "xây dựng"
    # "cấp" is a sense of "issue" only for a grant (translate.GRANTED): alone it is also a level,
    # "cấp xã", which "What issues must the commune report on?" never asks
    from indexer.search.translate import translate

    assert "cấp" not in translate("What issues must the commune report on?")
    assert "cap" in english_asked_verbs("Which body issues the tour guide card?")
    assert "cap" not in english_asked_verbs("Who issues the rules on licences?")
