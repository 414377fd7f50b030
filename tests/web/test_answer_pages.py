"""The answer pages (issue "3 of 5") through FastAPI's TestClient on the hash-embedder index of
tests/web/conftest.py: the answer box of the search page, a document's responsibilities / targets /
timeline, the units list and one unit's page; escaping, downloads, errors. One slow check runs the
headline question on the real model."""

from __future__ import annotations

import re
from html import unescape

import pytest
from fastapi.testclient import TestClient

from server.app import create_app
from indexer.answer import NOT_FOUND_VI, ask
from indexer.service import Service
from indexer.settings import Settings
from tests.web.test_web_pages import DOC_000, DOC_002, results, text_of

HEADLINE = "Ai chịu trách nhiệm tuyên truyền?"


def answer_box(html: str) -> str | None:
    m = re.search(r'<section class="answer-box.*?</section>', html, re.S)
    return m.group(0) if m else None


# -- answer box on the search page ---------------------------------------------------------------------

def test_answer_box_above_results_with_citation(client):
    html = client.get("/", params={"q": HEADLINE}).text
    box = answer_box(html)
    assert box, "the search page shows an answer box"
    assert html.index('class="answer-box') < html.index('<ol class="results">'), "above the results"
    assert 'class="answer-kind"' in box and ">Đơn vị phụ trách</span>" in box and ">Ai</span>" not in box
    answer = text_of(re.search(r'<p class="answer-text">(.*?)</p>', box, re.S).group(1))
    assert answer and answer != NOT_FOUND_VI
    assert "<mark>" in box, "the answer's words are marked in the verbatim source"
    assert "Xem trong văn bản" in box and "Nguồn (trích nguyên văn)" in box
    assert results(html), "the closest passages still follow"


def test_answer_citation_link_lands_on_the_passage(client):
    box = answer_box(client.get("/", params={"q": HEADLINE}).text)
    href = unescape(re.search(r'<a class="button small" href="([^"]+)"', box).group(1))
    m = re.match(r"/documents/([^?#]+)\?p=(\d+)&q=[^#]+#p-(\d+)$", href)
    assert m and m.group(2) == m.group(3), href
    quote = text_of(re.search(r'<blockquote class="passage-text"[^>]*>(.*?)</blockquote>', box, re.S).group(1))
    reader = client.get(href.split("#")[0]).text
    passage = re.search(rf'<div class="passage[^"]*" id="p-{m.group(2)}".*?</div>', reader, re.S).group(0)
    assert quote[:60] in text_of(passage), "the anchor holds the cited words"


def test_answer_box_reuses_the_page_search(client, monkeypatch):
    engine = client.app.state.service
    calls = []
    original = engine.search

    def counting(*args, **kwargs):
        calls.append(args[0] if args else kwargs.get("query"))
        return original(*args, **kwargs)

    monkeypatch.setattr(engine, "search", counting)
    assert answer_box(client.get("/", params={"q": HEADLINE}).text)
    assert calls == [HEADLINE], "one search per page request"


def test_answer_from_the_lower_gate_says_to_check_its_source(client, monkeypatch):
    box = answer_box(client.get("/", params={"q": HEADLINE}).text)
    assert box and "answer-partial" not in box  # (passed the strict gate: no such note)
    original = Service.ask

    def lower_gate(self, *args, **kwargs):  # the same answer, as the relaxed pass marks it
        out = original(self, *args, **kwargs)
        return out.model_copy(update={"support": {**(out.support or {}), "gate": "top_passage"}})

    monkeypatch.setattr(Service, "ask", lower_gate)  # (the page asks the viewer's view of the service)
    box = answer_box(client.get("/", params={"q": "ai chịu trách nhiệm tuyên truyền"}).text)
    assert 'class="answer-partial' in box and "đối chiếu nguồn" in box
    assert box.index("answer-text") < box.index("answer-partial") < box.index("Nguồn (trích nguyên văn)")


def test_a_typed_reading_says_to_check_its_source_too(client, monkeypatch):
    original = Service.ask

    def typed(self, *args, **kwargs):  # the same answer, as the typed reading marks it (half the words)
        out = original(self, *args, **kwargs)
        return out.model_copy(update={"support": {**(out.support or {}), "read": "typed"}})

    monkeypatch.setattr(Service, "ask", typed)
    box = answer_box(client.get("/", params={"q": "ai chịu trách nhiệm tuyên truyền"}).text)
    assert 'class="answer-partial' in box and "đối chiếu nguồn" in box


def test_ask_with_a_given_response_is_the_same_answer(indexed_engine):
    own = ask(indexed_engine, HEADLINE)
    reused = ask(indexed_engine, HEADLINE, response=indexed_engine.search(HEADLINE, k=20))
    assert own == reused


def test_unanswerable_question_says_so(client):
    html = client.get("/", params={"q": "Ai chịu trách nhiệm phóng tàu vũ trụ lên sao Hỏa?"}).text
    box = answer_box(html)
    assert box and "answer-none" in box
    assert NOT_FOUND_VI in box
    assert 'href="#results-title"' in box and 'id="results-title"' in html


def test_filtered_search_answers_from_the_filtered_document(client):
    html = client.get("/", params={"q": HEADLINE, "doc": DOC_000}).text
    box = answer_box(html)
    assert box
    links = re.findall(r'href="/documents/([^/?"#]+)[?"]', box)
    assert links and set(links) == {DOC_000}, links


def test_answer_box_escapes_the_question(client):
    html = client.get("/", params={"q": "ai chủ trì <script>alert(1)</script>"}).text
    assert "<script>alert(1)</script>" not in html
    box = answer_box(html)
    assert box, "a who-question gets an answer box (answer or not found)"
    assert "<script>" not in box


def test_home_has_no_answer_box(client):
    assert answer_box(client.get("/").text) is None


# -- document views ---------------------------------------------------------------------------------

def test_reader_links_to_the_three_views(client):
    html = client.get(f"/documents/{DOC_002}").text
    for view, label in (("responsibilities", "Phân công nhiệm vụ"), ("targets", "Chỉ tiêu"),
                        ("timeline", "Thời hạn, tiến độ")):
        assert f'<a href="/documents/{DOC_002}/{view}">{label}</a>' in html


def test_responsibilities_matrix_grouped_by_unit(client, indexed_engine):
    r = client.get(f"/documents/{DOC_002}/responsibilities")
    assert r.status_code == 200
    html = r.text
    items = indexed_engine.items(DOC_002, "responsibility")
    assert '<table class="matrix">' in html and "Đơn vị × vai trò" in html
    groups = re.findall(r'<section class="unit-group" id="(u-\d+)"', html)
    from indexer.extract import unit_key
    assert len(groups) == len({unit_key(i["unit_normalized"]) for i in items})
    assert html.count('<li class="task">') == len(items)
    lead = next(i for i in items if i["role"] == "chủ trì")
    assert '<span class="role role-lead">chủ trì</span>' in html
    assert unescape(html).count(lead["unit_normalized"]) >= 2  # matrix row and group heading
    assert f'href="/documents/{DOC_002}?p=' in html  # each task links into the reader
    assert f'href="/api/documents/{DOC_002}/responsibilities?format=csv"' in html
    assert f'href="/api/documents/{DOC_002}/responsibilities?format=xlsx"' in html
    assert 'aria-current="page">Phân công nhiệm vụ</a>' in html


def test_download_links_work(client):
    html = client.get(f"/documents/{DOC_002}/targets").text
    for fmt, ctype in (("csv", "text/csv"), ("xlsx", "application/vnd.openxmlformats")):
        href = unescape(re.search(rf'href="([^"]+format={fmt})"', html).group(1))
        r = client.get(href)
        assert r.status_code == 200 and r.headers["content-type"].startswith(ctype)


def test_targets_table(client, indexed_engine):
    items = indexed_engine.items(DOC_002, "target")
    assert items
    html = client.get(f"/documents/{DOC_002}/targets").text
    assert '<table class="data-table targets-table">' in html
    rows = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0].count("<tr>")
    assert rows == len(items)
    total = next(i for i in items if "90.241.000.000" in i["quote"])
    assert f"<strong>{total['value_text']}</strong>" in html
    assert '<span class="quote">“' in html and "<mark>" in html


def test_timeline_in_date_order_with_recurring_apart(client, indexed_engine):
    items = indexed_engine.items(DOC_000, "deadline")
    html = client.get(f"/documents/{DOC_000}/timeline").text
    dated = html.split('id="dated-title"', 1)[1].split('id="recurring-title"', 1)[0]
    recurring = html.split('id="recurring-title"', 1)[1]
    whens = [unescape(w) for w in re.findall(r'<td class="col-when" data-label="Thời hạn"><strong>(.*?)</strong>', dated)]
    expected = [i for i in items if i["when_kind"] != "recurring"]
    assert len(whens) == len(expected)
    years = [int(re.search(r"\d{4}", w).group(0)) for w in whens if re.search(r"\d{4}", w)]
    assert years == sorted(years), whens
    assert recurring.count("<tr>") - 1 == sum(1 for i in items if i["when_kind"] == "recurring")


def test_document_views_404(client):
    for view in ("responsibilities", "targets", "timeline"):
        r = client.get(f"/documents/khong-co/{view}")
        assert r.status_code == 404 and "Không tìm thấy văn bản" in r.text
        assert r.headers["content-type"].startswith("text/html")


# -- units ------------------------------------------------------------------------------------------

def test_units_nav_and_list(client):
    html = client.get("/units").text
    assert '<a href="/units" aria-current="page">Đơn vị</a>' in html
    assert '<a href="/units">Đơn vị</a>' in client.get("/").text
    api = client.get("/api/units").json()["units"]
    assert html.count('<td class="col-title" data-label="Đơn vị">') == len(api)
    assert 'href="/units/' in html


def test_units_filter_without_diacritics_and_by_document(client):
    api = client.get("/api/units").json()["units"]
    target = next(u for u in api if "Ủy ban nhân dân" in u["name"])
    html = client.get("/units", params={"q": "uy ban nhan dan"}).text
    names = [unescape(n) for n in re.findall(r'data-label="Đơn vị"><a href="[^"]+">(.*?)</a>', html)]
    assert target["name"] in names and all("nhân dân" in n.lower() for n in names)
    assert 'value="uy ban nhan dan"' in html and "Bỏ lọc" in html
    by_doc = client.get("/units", params={"doc": DOC_000}).text
    count = by_doc.count('data-label="Đơn vị"><a')
    assert 0 < count == len(client.get("/api/units", params={"doc": DOC_000}).json()["units"])
    empty = client.get("/units", params={"q": "zzz không có"}).text
    assert "Không có đơn vị nào phù hợp" in empty


def test_unit_page_grouped_by_document(client, indexed_engine):
    name = next(i for i in indexed_engine.items(DOC_002, "responsibility") if i["role"] == "chủ trì")["unit_normalized"]
    r = client.get("/units/" + name)
    assert r.status_code == 200
    html = r.text
    api = client.get("/api/units/" + name).json()
    assert html.count('<section class="unit-doc"') == len(api["documents"])
    assert html.count('<li class="task">') == sum(len(g["responsibilities"]) for g in api["documents"])
    assert '<blockquote class="passage-text"' in html and "<mark>" in html
    assert "Xem trong văn bản" in html and f'/documents/{DOC_002}?p=' in html
    assert f"Nhiệm vụ của {name}" in unescape(html)


def test_unit_page_shows_deadlines(client):
    api = client.get("/api/units").json()["units"]
    for u in api:
        groups = client.get("/api/units/" + u["name"]).json()["documents"]
        if any(g["deadlines"] for g in groups):
            html = client.get("/units/" + u["name"]).text
            assert 'class="when-tag' in html
            return
    pytest.fail("no unit with a deadline in the fake index: the deadlines of the unit page went untested")


def test_unknown_unit_is_a_vietnamese_404(client):
    r = client.get("/units/Ban Khong Ton Tai")
    assert r.status_code == 404 and "Không tìm thấy đơn vị" in r.text and 'href="/units"' in r.text


def test_extracted_text_is_escaped(client, indexed_engine):
    text = ("KẾ HOẠCH\n\nthử nghiệm hiển thị\n\nI. TỔ CHỨC THỰC HIỆN\n\n"
            "1. Ban Tuyên giáo <script>alert(1)</script>\n\n- Chủ trì, phối hợp với Đoàn <b>Thanh niên</b> "
            "tuyên truyền nội dung <img src=x onerror=alert(2)> trước ngày 30/6/2026.\n\n"
            "2. Ủy ban nhân dân xã <i>Hòa</i> chủ trì tuyên truyền <img src=x onerror=alert(3)>, phấn đấu "
            "đạt 100% hộ <u>dân</u> được tuyên truyền.\n")
    report = indexed_engine.add_files([("xss.txt", text.encode("utf-8"))]).to_dict()
    doc_id = report["files"][0]["doc_id"]
    units = [i["unit_normalized"] for i in indexed_engine.items(doc_id, "responsibility")]
    assert any("<script>" in u for u in units) and indexed_engine.items(doc_id, "target")
    pages = [f"/documents/{doc_id}/responsibilities", f"/documents/{doc_id}/timeline",
             f"/documents/{doc_id}/targets", "/units", "/units?q=%3Cscript%3E",
             f"/?q=ai+chủ+trì+tuyên+truyền&doc={doc_id}"] + ["/units/" + u for u in units]
    for url in pages:
        r = client.get(url)
        assert r.status_code == 200, url
        html = r.text
        for raw in ("<script>alert", "<img src=x", "<b>Thanh", "<i>Hòa", "<u>dân"):
            assert raw not in html, (url, raw)
        assert "&lt;script&gt;" in html or "&lt;img" in html or "&lt;i&gt;" in html, url


# -- real model ---------------------------------------------------------------------------------------

@pytest.mark.slow
def test_headline_answer_box_on_real_model(real_engine):
    client = TestClient(create_app(real_engine.settings, real_engine))
    html = client.get("/", params={"q": HEADLINE}).text
    box = answer_box(html)
    assert box and "answer-none" not in box
    answer = text_of(re.search(r'<p class="answer-text">(.*?)</p>', box, re.S).group(1))
    units = {i["unit"] for d in real_engine.documents() for i in real_engine.items(d["id"], "responsibility")}
    assert any(u in answer for u in units), answer
    assert re.search(r'<blockquote class="passage-text"[^>]*><p>.*Ban Tuyên giáo Tỉnh ủy', box, re.S)
    assert re.search(r'href="/documents/[^"?]+\?p=\d+[^"]*#p-\d+"', box)



def test_a_signer_gets_no_unit_link(client):
    """A person is no unit: no "Mọi nhiệm vụ của …" link (the headline's unit keeps one)."""
    box = answer_box(client.get("/", params={"q": "Ai ký kế hoạch thực hiện Kết luận 224-KL/TU?"}).text)
    assert box and "Lê Văn Lương" in box and "Người ký" in box and "Mọi nhiệm vụ của" not in box
    assert "Mọi nhiệm vụ của" in answer_box(client.get("/", params={"q": HEADLINE}).text)


def test_the_members_of_a_body_get_no_unit_link(tmp_path):
    """"Chính phủ gồm những ai?" answers with the Constitution's list of members: one list, no unit."""
    from tests.conftest import SHARED

    law = SHARED / "corpus-alqac" / "hien-phap.txt"
    if not law.exists():
        pytest.skip(f"{law} not present")
    service = Service(Settings(data_dir=tmp_path / "data", model="hash-256", show_errors=True))
    service.index_paths([law])
    box = answer_box(TestClient(create_app(service.settings, service)).get(
        "/", params={"q": "Chính phủ gồm những ai?"}).text)
    assert box and "Thủ tướng Chính phủ" in box and "Thành phần" in box and "Mọi nhiệm vụ của" not in box


def test_a_category_label_is_named_so_and_links_to_no_target_list(tmp_path):
    """"… thuộc hàng thừa kế thứ mấy?": the answer box says the answer is a category (Phân loại),
    not a target, and offers no list of the law's targets."""
    from tests.conftest import SHARED

    law = SHARED / "corpus-alqac" / "bo-luat-dan-su.txt"
    if not law.exists():
        pytest.skip("the ALQAC laws are not here")
    service = Service(Settings(data_dir=tmp_path / "data", model="hash-256"))
    service.index_paths([law])
    box = unescape(answer_box(TestClient(create_app(service=service)).get(
        "/", params={"q": "Cụ nội, cụ ngoại của người chết thuộc hàng thừa kế thứ mấy?"}).text) or "")
    assert "Hàng thừa kế thứ ba" in box and ">Phân loại</span>" in box
    assert ">Chỉ tiêu</span>" not in box and "của văn bản trích dẫn" not in box


def test_a_value_read_from_a_passage_is_marked_in_its_citation(tmp_path):
    """A quantity the answer engine reads from a law's passage at question time knows its words, not
    their offsets: the answer box still marks it inside the (widened) verbatim citation."""
    from tests.conftest import SHARED

    law = SHARED / "corpus-alqac" / "luat-hon-nhan-va-gia-dinh.txt"
    if not law.exists():
        pytest.skip("the ALQAC laws are not here")
    service = Service(Settings(data_dir=tmp_path / "data", model="hash-256"))
    service.index_paths([law])
    html = TestClient(create_app(service=service)).get(
        "/", params={"q": "Nữ phải đủ bao nhiêu tuổi mới được kết hôn?"}).text
    box = answer_box(html)
    assert box and "a) Nam từ đủ 20 tuổi trở lên, nữ" in unescape(box)
    assert re.search(r"<mark>[^<]*18 tuổi[^<]*</mark>", box), box


def test_matched_words_are_shown_as_the_source_writes_them(client):
    box = answer_box(client.get("/", params={"q": HEADLINE}).text)
    matched = re.search(r"\(khớp: (.*?)\)", unescape(box))
    assert matched, box
    words = [w.strip() for w in matched.group(1).split(",")]
    assert words and len(words) == len({w.lower() for w in words}), words
    assert "Tuyên giáo" in words and "tuyen giao" not in words, words  # as the cited sentence writes it


def test_a_count_is_marked_on_the_last_item_and_links_to_its_heading(client):
    """"How many key tasks …": the count answer names its heading, marks the last item's number in
    the first citation, says why by the heading, and each citation opens the passage the heading or
    item starts (not the one before it)."""
    box = answer_box(client.get("/", params={"q": "KH thực hiện KL 224-KL/TU liệt kê bao nhiêu nhiệm vụ trọng tâm?"}).text)
    assert box, "an answer box"
    text = unescape(box)
    assert "10 (I- CÁC NHIỆM VỤ TRỌNG TÂM)" in text and ">Số lượng</span>" in box
    assert re.search(r"<mark>10</mark>\. Kinh phí thực hiện", box), box
    assert "I- CÁC NHIỆM VỤ TRỌNG TÂM" in re.search(r"vì đoạn này nói(.*?)</", text, re.S).group(1)
    hrefs = re.findall(r'href="(/documents/[^"]*#p-\d+)"', box)
    assert len(hrefs) >= 2
    for href, words in zip(hrefs[:2], ("10. Kinh phí thực hiện", "I- CÁC NHIỆM VỤ TRỌNG TÂM")):
        page = unescape(client.get(unescape(href).split("#")[0]).text)
        ordinal = int(href.rsplit("#p-", 1)[1])
        # the cited heading is the last thing before the passage the link opens (the one it heads)
        at = page.index(f'id="p-{ordinal}"')
        heading = page.rindex(words, 0, at)
        assert heading < at and f'id="p-{ordinal - 1}"' not in page[heading:at], (href, words)


def test_matched_words_are_shown_as_written_or_not_at_all():
    """The why line's matched words as the cited sentence, its headings or its document's title
    write them; a word only the document's opening said is left out rather than shown folded."""
    from web.answer_pages import _as_written
    item = {"quote": "Việc thay đổi họ cho người từ đủ chín tuổi trở lên phải có sự đồng ý của người đó",
            "section_path": ["Điều 27. Quyền thay đổi họ"], "doc_title": "BỘ LUẬT DÂN SỰ"}
    assert _as_written(["thay doi", "ho", "dong y", "quyen", "dan su", "chinh"], item) == \
        ["thay đổi", "họ", "đồng ý", "Quyền", "DÂN SỰ"]
