"""Responsibilities in laws: duty articles, "X có trách nhiệm sau đây:" lists and clauses naming
their own body (indexer/extract/laws.py). Short law-shaped texts written for the tests, and one real
law of the development set (not a gold law)."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.document import parse_bytes
from indexer.extract import extract
from indexer.extract.laws import extract_law_responsibilities
from indexer.settings import Settings
from tests.conftest import PLANS

DEV_LAW = Path(__file__).resolve().parents[3] / "shared" / "corpus-alqac" / "luat-an-ninh-mang.txt"


def _resp(text: str, name: str = "law.txt"):
    doc = parse_bytes("t", name, name, text.encode("utf-8"), Settings())
    items = [i.to_dict() for i in extract(doc) if i.kind == "responsibility"]
    for item in items:  # offsets are exact: the quote and the unit are slices of the stored text
        assert doc.text[item["start"]:item["end"]] == item["quote"]
        assert doc.text[item["unit_start"]:item["unit_end"]] == item["unit"]
    return doc, items


def _by_quote(items, start: str) -> list[tuple[str, str]]:
    return [(i["unit"], i["role"]) for i in items if i["quote"].startswith(start)]


MINISTRY = """Điều 36. Trách nhiệm của Bộ Nội vụ

1. Đề xuất chính sách phát triển lưu trữ quốc gia.

2. Hướng dẫn nghiệp vụ lưu trữ cho các cơ quan nhà nước.

3. Chủ trì, phối hợp với Bộ Tài chính, các cơ quan có liên quan bố trí kinh phí cho lưu trữ.

4. Kiểm tra, thanh tra việc thực hiện pháp luật về lưu trữ.

5. Phối hợp với Bộ Công an bảo vệ tài liệu lưu trữ.

6. Tổng kết công tác lưu trữ hằng năm.

Điều 37. Hiệu lực thi hành

Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2030.
"""


def test_each_clause_of_a_duty_article_is_a_duty_of_the_body_it_names():
    _, items = _resp(MINISTRY)
    assert _by_quote(items, "Đề xuất") == [("Bộ Nội vụ", "tham mưu")]
    assert _by_quote(items, "Hướng dẫn") == [("Bộ Nội vụ", "hướng dẫn")]
    assert _by_quote(items, "Kiểm tra, thanh tra") == [("Bộ Nội vụ", "kiểm tra/giám sát")]
    assert _by_quote(items, "Tổng kết") == [("Bộ Nội vụ", "thực hiện")]
    # the chair's partners are named ("các cơ quan có liên quan" names no one) …
    assert sorted(_by_quote(items, "Chủ trì")) == [("Bộ Nội vụ", "chủ trì"), ("Bộ Tài chính", "phối hợp")]
    # … but in "Phối hợp với Bộ Công an …" the body of the article is the partner, not Bộ Công an
    assert _by_quote(items, "Phối hợp với Bộ Công an") == [("Bộ Nội vụ", "phối hợp")]
    clause = next(i for i in items if i["quote"].startswith("Hướng dẫn"))
    assert clause["quote"] == "Hướng dẫn nghiệp vụ lưu trữ cho các cơ quan nhà nước"  # the clause itself
    assert clause["via"] == "article"
    assert not [i for i in items if "hiệu lực" in i["quote"]]  # not a duty article


STATE = """Điều 40. Trách nhiệm quản lý nhà nước về thư viện

1. Chính phủ thống nhất quản lý nhà nước về thư viện.

2. Bộ Văn hóa, Thể thao và Du lịch chịu trách nhiệm trước Chính phủ thực hiện quản lý nhà nước về thư viện và có nhiệm vụ, quyền hạn sau đây:

a) Ban hành hoặc trình cấp có thẩm quyền ban hành văn bản quy phạm pháp luật về thư viện;

b) Báo cáo Chính phủ về hoạt động thư viện hằng năm.

3. Các Bộ, cơ quan ngang Bộ, trong phạm vi nhiệm vụ, quyền hạn của mình, có trách nhiệm phối hợp với Bộ Văn hóa, Thể thao và Du lịch thực hiện quản lý nhà nước về thư viện.

4. Ủy ban nhân dân cấp tỉnh có trách nhiệm sau đây:

a) Giám sát hoạt động thư viện tại địa phương;

b) Bố trí kinh phí cho thư viện công cộng.
"""


def test_clauses_name_their_own_body_under_a_heading_without_one():
    _, items = _resp(STATE)
    assert _by_quote(items, "Chính phủ thống nhất") == [("Chính phủ", "thực hiện")]
    minister = "Bộ Văn hóa, Thể thao và Du lịch"
    assert _by_quote(items, "Bộ Văn hóa") == [(minister, "thực hiện")]
    assert _by_quote(items, "Ban hành") == [(minister, "thực hiện")]
    assert _by_quote(items, "Báo cáo Chính phủ") == [(minister, "báo cáo")]
    # the scope phrase is skipped: the role comes from "có trách nhiệm phối hợp"
    assert _by_quote(items, "Các Bộ") == [("Các Bộ, cơ quan ngang Bộ", "phối hợp")]
    assert _by_quote(items, "Giám sát") == [("Ủy ban nhân dân cấp tỉnh", "kiểm tra/giám sát")]
    assert _by_quote(items, "Bố trí") == [("Ủy ban nhân dân cấp tỉnh", "thực hiện")]
    # "X có trách nhiệm sau đây:" only introduces its points
    assert not _by_quote(items, "Ủy ban nhân dân cấp tỉnh có trách nhiệm")


INTRO = """Điều 12. Quản lý cơ sở dữ liệu về thư viện

1. Cơ sở dữ liệu về thư viện được xây dựng thống nhất trong cả nước.

2. Cơ quan quản lý thư viện cấp tỉnh có trách nhiệm sau đây:

a) Cập nhật dữ liệu thư viện trên địa bàn;

b) Theo dõi việc khai thác dữ liệu thư viện.

Điều 13. Quyền và trách nhiệm của thư viện công cộng

1. Thư viện công cộng có các quyền sau đây:

a) Được thu phí dịch vụ theo quy định của pháp luật;

b) Được nhận tài trợ của tổ chức, cá nhân.

2. Thư viện công cộng có trách nhiệm sau đây:

a) Bảo quản tài nguyên thông tin;

b) Phục vụ người đọc miễn phí.
"""


def test_introduced_lists_and_rights():
    _, items = _resp(INTRO)
    # in an article that is no duty article, only what "… có trách nhiệm sau đây:" lists is read
    assert _by_quote(items, "Cập nhật") == [("Cơ quan quản lý thư viện cấp tỉnh", "thực hiện")]
    assert _by_quote(items, "Theo dõi") == [("Cơ quan quản lý thư viện cấp tỉnh", "kiểm tra/giám sát")]
    assert not _by_quote(items, "Cơ sở dữ liệu")
    # rights are no duties; the duties of the same article are
    assert not [i for i in items if i["quote"].startswith("Được")]
    assert _by_quote(items, "Bảo quản") == [("Thư viện công cộng", "thực hiện")]
    assert _by_quote(items, "Phục vụ") == [("Thư viện công cộng", "thực hiện")]


LISTS = """Điều 50. Trách nhiệm của cơ quan, tổ chức, cá nhân sử dụng dịch vụ lưu trữ

1. Tuân thủ quy định của pháp luật về lưu trữ.

Điều 51. Trách nhiệm của Chính phủ, Bộ, cơ quan ngang Bộ

Thực hiện quản lý nhà nước về lưu trữ theo quy định của Luật này.
"""


def test_unit_lists_in_headings():
    _, items = _resp(LISTS)
    # bare kinds of bodies share the qualifier of the last one: one unit
    assert _by_quote(items, "Tuân thủ") == [("cơ quan, tổ chức, cá nhân sử dụng dịch vụ lưu trữ",
                                             "thực hiện")]
    # "Bộ, cơ quan ngang Bộ" is one body; "Chính phủ" another
    assert sorted(_by_quote(items, "Thực hiện quản lý")) == [("Bộ, cơ quan ngang Bộ", "thực hiện"),
                                                              ("Chính phủ", "thực hiện")]


@pytest.mark.parametrize("plan", sorted(PLANS))
def test_plans_are_not_read_by_the_law_rules(plan):
    path = PLANS[plan]
    doc = parse_bytes(plan, str(path), path.name, path.read_bytes(), Settings())
    assert extract_law_responsibilities(doc.text, doc.blocks) == ([], set())


@pytest.mark.skipif(not DEV_LAW.exists(), reason="ALQAC corpus not present")
def test_real_law_duty_articles():
    _, items = _resp(DEV_LAW.read_text(encoding="utf-8"), DEV_LAW.name)
    police = [i for i in items if i["unit"] == "Bộ Công an" and i["via"] == "intro"
              and i["section_path"][-1].startswith("Điều 36.")]
    assert len(police) == 7  # the seven clauses of Điều 36
    assert any(i["role"] == "tham mưu" and i["quote"].startswith("Tham mưu, đề xuất") for i in police)
    assert any(i["role"] == "kiểm tra/giám sát" and i["quote"].startswith("Kiểm tra, thanh tra")
               for i in police)
    defence = _by_quote(items, "Phối hợp với Bộ Công an tổ chức diễn tập")
    assert defence == [("Bộ Quốc phòng", "phối hợp")]
    cipher = [i for i in items if i["unit"] == "Ban Cơ yếu Chính phủ" and i["via"] == "article"]
    assert len(cipher) == 3 and cipher[0]["role"] == "tham mưu"
    article_40 = "Trong phạm vi nhiệm vụ, quyền hạn của mình, Bộ, ngành"
    assert {i["unit"] for i in items if i["quote"].startswith(article_40)} == {"Bộ, ngành",
                                                                               "Ủy ban nhân dân cấp tỉnh"}


@pytest.mark.skipif(not DEV_LAW.exists(), reason="ALQAC corpus not present")
def test_a_pair_of_nouns_and_a_negated_predicate_end_no_subject_early():
    """"cơ quan, tổ chức" names agencies and organizations, not an agency and the verb "tổ chức";
    "không", "đã" open the predicate ("Tòa án | không …"), they are no part of a body's name."""
    _, items = _resp(DEV_LAW.read_text(encoding="utf-8"), DEV_LAW.name)
    head = [i for i in items if i["quote"].startswith("Người đứng đầu cơ quan, tổ chức có trách nhiệm triển khai")]
    assert [i["unit"] for i in head] == ["Người đứng đầu cơ quan, tổ chức"]
    assert head[0]["task"].startswith("có trách nhiệm triển khai hoạt động bảo vệ an ninh mạng")
    _, court = _resp("Điều 5. Trách nhiệm của Tòa án\n\n1. Tòa án không công khai nội dung chứng cứ "
                     "trong trường hợp luật định.\n\n2. Bên vận chuyển đã nhận hàng phải giao đúng hẹn.\n")
    units = {i["unit"] for i in court}
    assert "Tòa án" in units and not any(u.endswith((" không", " đã")) for u in units)
    # "đã" then a modal: a relative clause of the name
    assert "Bên vận chuyển đã nhận hàng" in units


CONSTITUTION = Path(__file__).resolve().parents[3] / "shared" / "corpus-alqac" / "hien-phap.txt"


@pytest.mark.skipif(not CONSTITUTION.exists(), reason="ALQAC corpus not present")
def test_an_article_heading_that_introduces_its_owners_powers():
    """Hiến pháp: "Điều 88. Chủ tịch nước có những nhiệm vụ và quyền hạn sau đây:" heads the powers
    "3. Đề nghị Quốc hội bầu, miễn nhiệm, bãi nhiệm Chánh án …": the President's, not the National
    Assembly's a clause opening with "Đề nghị" names after its verb."""
    _, items = _resp(CONSTITUTION.read_text(encoding="utf-8"), CONSTITUTION.name)
    proposes = {i["unit"] for i in items if i["quote"].startswith("Đề nghị Quốc hội bầu, miễn nhiệm, bãi nhiệm Chánh án")}
    assert proposes == {"Chủ tịch nước"}
    leads = {i["unit"] for i in items if i["quote"].startswith("Lãnh đạo công tác của Chính phủ")}
    assert leads == {"Thủ tướng Chính phủ"}
    # a verb of its own after a subject ends it: "Hội đồng xét xử | thảo luận tại phòng nghị án"
    _, court = _resp("Điều 9. Trách nhiệm của Tòa án\n\n1. Hội đồng xét xử thảo luận tại phòng nghị án "
                     "và quyết định theo đa số.\n")
    assert {i["unit"] for i in court} == {"Hội đồng xét xử"}


JUDGE = """Điều 38. Nhiệm vụ, quyền hạn của Thẩm phán

Khi được Chánh án Tòa án phân công, Thẩm phán có những nhiệm vụ, quyền hạn sau đây:

1. Lập hồ sơ vụ án hành chính.

2. Tiến hành phiên họp kiểm tra việc giao nộp, tiếp cận, công khai chứng cứ và đối thoại.

Điều 39. Những trường hợp phải từ chối hoặc bị thay đổi

Những trường hợp Thẩm phán, Hội thẩm nhân dân phải từ chối tham gia xét xử:

1. Đồng thời là đương sự.
"""


def test_a_frame_before_a_list_intros_subject_names_no_one():
    # Luật Tố tụng hành chính: "Khi …, Thẩm phán có những nhiệm vụ …" lists the judge's duties
    _, items = _resp(JUDGE)
    assert _by_quote(items, "Tiến hành phiên họp") == [("Thẩm phán", "thực hiện")]
    assert not any(i["unit"].startswith(("Khi", "Những trường hợp")) for i in items)


def test_one_office_of_two_elected_bodies_is_one_unit():
    """"Văn phòng Hội đồng nhân dân và Ủy ban nhân dân cấp huyện" (Luật Tiếp cận thông tin) is the
    joint office of both bodies; "Văn phòng Tỉnh ủy và Ban Tuyên giáo Tỉnh ủy" are two units."""
    law = Path(__file__).resolve().parents[3] / "shared" / "corpus-alqac" / "luat-tiep-can-thong-tin.txt"
    if not law.exists():
        pytest.skip("the ALQAC laws are not here")
    line = next(x for x in law.read_text(encoding="utf-8").splitlines()
                if x.startswith("g) Văn phòng Hội đồng nhân dân và Ủy ban nhân dân cấp huyện"))
    _, items = _resp(f"Điều 9. Trách nhiệm cung cấp thông tin\n{line[3:]}\n")
    assert {i["unit"] for i in items} == {"Văn phòng Hội đồng nhân dân và Ủy ban nhân dân cấp huyện"}
    _, items = _resp("Điều 3. Trách nhiệm\nVăn phòng Tỉnh ủy và Ban Tuyên giáo Tỉnh ủy có trách nhiệm tổng hợp báo cáo.\n")
    assert {i["unit"] for i in items} == {"Văn phòng Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy"}
