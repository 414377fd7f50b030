"""Every HTML page through FastAPI's TestClient (hash embedder: fast): status, key content,
escaping, filters, error pages, and the token rules of the upload and delete pages."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from server.app import create_app
from indexer.ingest.errors import MESSAGES_VI
from tests.web.conftest import TOKEN

DOC_000 = "000_ab11ea391550b282"
DOC_002 = "002_0f875316a6b16de4"
WEB = Path(__file__).resolve().parents[2] / "web"


def results(html: str) -> list[str]:
    """The result cards of a search page, as HTML."""
    if '<ol class="results">' not in html:
        return []
    listing = html.split('<ol class="results">', 1)[1].split('<div class="results-footer">', 1)[0]
    return [c for c in re.split(r'<li class="result" id="r-\d+">', listing)[1:]]


def text_of(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


# -- layout, home --------------------------------------------------------------------------------

def test_home_is_vietnamese_with_examples(client):
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    html = r.text
    assert '<html lang="vi">' in html
    assert '<label class="search-label" for="q">Câu hỏi hoặc từ khóa</label>' in html
    links = {unescape(text): parse_qs(urlsplit(unescape(href)).query).get("q", [""])[0]
             for href, text in re.findall(r'<a class="chip" href="([^"]+)">([^<]+)</a>', html)}
    for example in ("Ai chịu trách nhiệm tuyên truyền?", "Chỉ tiêu tỷ lệ che phủ rừng", "ty le ho ngheo"):
        assert links.get(example) == example  # each example links to a search for itself
    assert 'href="/?q=ty+le+ho+ngheo"' in html
    assert "4</strong> văn bản" in html  # index summary
    assert 'href="#main"' in html and 'id="main"' in html  # skip link


def test_no_external_resources():
    """Offices are offline: templates and static files reference nothing outside the server."""
    for path in list((WEB / "templates").glob("*.html")) + list((WEB / "static").glob("*")):
        content = path.read_text(encoding="utf-8")
        assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", content), path
        assert "@import" not in content and "url(http" not in content, path


def test_static_served(client):
    css = client.get("/static/site.css")
    assert css.status_code == 200 and "text/css" in css.headers["content-type"]
    js = client.get("/static/site.js")
    assert js.status_code == 200 and "copy-cite" in js.text
    assert client.get("/static/nope.css").status_code == 404


# -- search --------------------------------------------------------------------------------------

def test_search_results_cards(client):
    r = client.get("/", params={"q": "tuyên truyền"})
    assert r.status_code == 200
    cards = results(r.text)
    assert len(cards) == 10
    first = cards[0]
    assert "<mark>" in first and re.search(r"<mark>[^<]*tuy[eê]n", first, re.I)
    assert 'class="breadcrumb"' in r.text
    link = re.search(r'href="(/documents/([^"?]+)\?p=(\d+)&amp;q=[^"#]+#p-(\d+))"', first)
    assert link and link.group(3) == link.group(4)
    assert "Xem trong văn bản" in first and "Sao chép trích dẫn" in first
    citation = unescape(re.search(r'data-citation="([^"]*)"', first).group(1))
    assert citation.startswith("“") and "” (" in citation and citation.endswith(")")
    # the passage copied is the verbatim text of the API
    api = client.get("/api/search", params={"q": "tuyên truyền"}).json()["results"][0]
    assert " ".join(api["text"].split()) in citation and api["section_path"] in citation
    assert re.search(r"<strong>10</strong> đoạn văn phù hợp nhất", r.text)
    assert re.search(r"\(\d+ ms\)", r.text)


def test_reader_link_opens_the_passage(client):
    r = client.get("/", params={"q": "tuyên truyền"})
    href = unescape(re.search(r'href="(/documents/[^"]+#p-\d+)"', results(r.text)[0]).group(1))
    url, anchor = href.split("#")
    page = client.get(url)
    assert page.status_code == 200
    html = page.text
    assert f'id="{anchor}"' in html
    block = re.search(rf'<div class="passage is-target[^"]*" id="{anchor}"(.*?)</div>', html, re.S)
    assert block and "<mark>" in block.group(1)


def test_search_escapes_the_query(client):
    q = "<script>alert(1)</script>"
    r = client.get("/", params={"q": q})
    assert r.status_code == 200
    assert "<script>alert(1)" not in r.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text
    assert r.text.count("<script") == 1  # only our own site.js


def test_no_accent_query_shows_interpretation(client):
    r = client.get("/", params={"q": "ty le che phu rung"})
    assert r.status_code == 200 and results(r.text)
    assert "Đã hiểu là" in r.text


def test_more_results(client):
    r = client.get("/", params={"q": "du lịch"})
    more = re.search(r'<a class="button secondary" href="([^"]+)">Xem thêm kết quả</a>', r.text)
    assert more
    url = unescape(more.group(1))
    assert "k=20" in url and url.endswith("#r-11")
    r2 = client.get(url.split("#")[0])
    assert len(results(r2.text)) == 20 and 'id="r-11"' in r2.text


def test_filter_by_type_issuer_year_and_doc(client):
    r = client.get("/", params={"q": "du lịch", "type": "Nghị quyết"})
    cards = results(r.text)
    assert cards and all("Nghị quyết về phát triển du lịch" in c for c in cards)
    assert "Loại: Nghị quyết" in r.text and "đang áp dụng" in r.text
    r = client.get("/", params={"q": "du lịch", "year": "2026"})
    assert results(r.text) and all("Nghị quyết về phát triển du lịch" in c for c in results(r.text))
    r = client.get("/", params={"q": "du lịch", "issuer": "Binh Lu"})  # no diacritics, substring
    cards = results(r.text)
    assert cards and all("Bình Lư" in c for c in cards)
    r = client.get("/", params={"q": "tuyên truyền", "doc": DOC_002})
    cards = results(r.text)
    assert cards and all(f'href="/documents/{DOC_002}"' in c for c in cards)
    assert f'<option value="{DOC_002}" selected>' in r.text
    # The JSON twin takes the same filters.
    api = client.get("/api/search", params={"q": "du lịch", "type": "Nghị quyết", "year": 2026}).json()
    assert api["results"] and {x["doc_type"] for x in api["results"]} == {"Nghị quyết"}


def test_empty_state_suggests_dropping_filters(client):
    r = client.get("/", params={"q": "tuyên truyền", "year": "1999"})
    assert r.status_code == 200 and not results(r.text)
    assert "Không tìm thấy đoạn văn nào phù hợp" in r.text
    assert 'href="/?q=tuy%C3%AAn+truy%E1%BB%81n">tìm «tuyên truyền» trong tất cả văn bản' in r.text
    assert "ty le ho ngheo" in r.text  # example questions offered again


@pytest.mark.parametrize("params,status,message", [
    ({"q": "du lịch", "year": "20x6"}, 422, "Năm «20x6» không hợp lệ"),
    ({"q": "du lịch", "doc": "khong-co"}, 404, "Không tìm thấy văn bản đã chọn"),
    ({"q": "x" * 1001}, 422, "Câu hỏi không hợp lệ"),
    ({"q": "!!! \u0000"}, 200, ""),
    ({"q": "du lịch", "k": "abc"}, 422, "Tham số không hợp lệ"),
])
def test_search_error_states(client, params, status, message):
    r = client.get("/", params=params)
    assert r.status_code == status
    assert r.headers["content-type"].startswith("text/html")
    assert message in r.text
    assert '<nav class="site-nav"' in r.text  # still the site layout


def test_blank_query_is_the_home_page(client):
    r = client.get("/", params={"q": "   "})
    assert r.status_code == 200 and "Câu hỏi mẫu" in r.text and not results(r.text)


# -- reader --------------------------------------------------------------------------------------

def test_reader_anchors_every_passage_once(client, indexed_engine):
    for doc_id in (DOC_000, DOC_002):
        doc = indexed_engine.document(doc_id)
        html = client.get(f"/documents/{doc_id}").text
        ids = re.findall(r'id="p-(\d+)"', html)
        assert sorted(map(int, ids)) == list(range(doc["passages"])), doc_id
        # Every outline link points at an element of the page.
        for target in re.findall(r'<a href="#(b-\d+)">', html):
            assert f'id="{target}"' in html
        # Headings are styled by level, closing blocks are muted.
        assert '<h2 id="b-' in html and 'class="doc-h doc-h0"' in html
        assert "closing" in html and "Nơi nhận" in html


def test_reader_text_is_complete_and_escaped(client, indexed_engine):
    doc = indexed_engine.document(DOC_002)
    html = client.get(f"/documents/{DOC_002}").text
    body = text_of(html.split('<article class="doc-body"', 1)[1].split(">", 1)[1].split("</article>", 1)[0])
    # Every word of the stored text is on the page, in order (separator lines become a rule).
    expected = " ".join(w for w in doc["text"].split() if not re.fullmatch(r"-{3,}", w))
    assert body == expected


def test_reader_metadata_and_implements_link(client):
    html = client.get(f"/documents/{DOC_000}").text
    assert "<h1 class=\"doc-title\">Kế hoạch thực hiện Nghị quyết số 08-NQ/TU" in html
    assert "Ban Thường vụ Đảng ủy xã Bình Lư" in html
    assert '<a href="/documents/nq08">Nghị quyết số 08-NQ/TU</a>' in html
    html = client.get(f"/documents/{DOC_002}").text  # Kết luận 224-KL/TU is not indexed
    assert "Kết luận số 224-KL/TU" in html and "(chưa có trong chỉ mục)" in html
    nq = client.get("/documents/nq08").text
    assert "Số hiệu" in nq and "08-NQ/TU" in nq and "ngày 04/03/2026" in nq


def test_reader_404_is_a_vietnamese_page(client):
    r = client.get("/documents/khong-co-van-ban")
    assert r.status_code == 404 and "Không tìm thấy văn bản" in r.text and '<html lang="vi">' in r.text


def test_reader_escapes_document_text(client):
    evil = "KẾ HOẠCH\n\nThử nghiệm <script>alert('x')</script> & <b>đậm</b> trong văn bản.\n".encode()
    up = client.post("/api/documents", files=[("files", ("evil.txt", evil, "text/plain"))],
                     headers={"Authorization": f"Bearer {TOKEN}"})
    assert up.status_code == 200 and up.json()["summary"]["added"] == 1
    html = client.get("/documents/evil").text
    assert "<script>alert(" not in html and "&lt;script&gt;alert(" in html
    assert "&lt;b&gt;đậm&lt;/b&gt;" in html
    found = client.get("/", params={"q": "thử nghiệm đậm"}).text
    assert "<script>alert(" not in found and "<b>" not in found


# -- documents -----------------------------------------------------------------------------------

def test_documents_table_and_sorting(client):
    r = client.get("/documents")
    assert r.status_code == 200
    assert all(h in r.text for h in ("Loại", "Số hiệu", "Tên văn bản", "Cơ quan ban hành", "Ngày ban hành", "Số đoạn"))
    assert r.text.count('<a href="/documents/') >= 4
    assert 'aria-sort="ascending"' in r.text
    r = client.get("/documents", params={"sort": "passages", "order": "desc"})
    counts = [int(x) for x in re.findall(r'<td class="col-passages num" data-label="Số đoạn">(\d+)</td>', r.text)]
    assert counts == sorted(counts, reverse=True) and len(counts) == 4
    assert 'aria-sort="descending"' in r.text
    asc = client.get("/documents", params={"sort": "passages", "order": "asc"}).text
    assert [int(x) for x in re.findall(r'data-label="Số đoạn">(\d+)<', asc)] == sorted(counts)
    assert client.get("/documents", params={"sort": "nonsense"}).status_code == 200
    bad = client.get("/documents", params={"order": "sideways"})
    assert bad.status_code == 422 and "Tham số không hợp lệ" in bad.text


# -- error pages -----------------------------------------------------------------------------------

def test_error_pages_html_for_pages_json_for_api(client):
    r = client.get("/khong-co-trang-nay")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "Không tìm thấy trang" in r.text and '<nav class="site-nav"' in r.text
    r = client.get("/api/khong-co")
    assert r.status_code == 404 and r.json()["detail"]
    r = client.get("/api/search", params={"q": "x", "k": "abc"})
    assert r.status_code == 422 and "invalid parameters" in r.json()["detail"]


def test_500_page(indexed_engine):
    class Broken:
        settings = indexed_engine.settings
        accounts = indexed_engine.accounts

        def for_viewer(self, principal):
            return self

        def health(self):
            return {"status": "ok"}

        def documents(self):
            raise RuntimeError("disk on fire")

    client = TestClient(create_app(indexed_engine.settings, Broken()), raise_server_exceptions=False)
    r = client.get("/documents")
    assert r.status_code == 500 and "Lỗi máy chủ" in r.text and "disk on fire" not in r.text
    assert '<html lang="vi">' in r.text


def test_no_index_yet(fake_engine):
    client = TestClient(create_app(fake_engine.settings, fake_engine))
    home = client.get("/")
    assert home.status_code == 200 and "Chưa có văn bản nào được lập chỉ mục" in home.text
    r = client.get("/", params={"q": "du lịch"})
    assert r.status_code == 503 and "Chưa có chỉ mục văn bản" in r.text
    assert client.get("/documents").status_code == 200
    assert client.get("/documents/x").status_code == 503


# -- upload and delete -----------------------------------------------------------------------------

def sign_in(client, token=TOKEN) -> str:
    """Sign in through the page like a browser; returns the CSRF value the forms carry."""
    form = client.get("/dang-nhap")
    csrf = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)
    r = client.post("/dang-nhap", data={"csrf": csrf, "token": token, "next": "/admin/upload"},
                    follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/admin/upload", r.text[:300]
    return csrf


def _upload(client, files, csrf=None, **fields):
    data = {"csrf": csrf, **fields} if csrf else dict(fields)
    return client.post("/admin/upload", data=data, files=[("files", f) for f in files])


def test_upload_needs_an_editor_signed_in(client):
    r = client.get("/admin/upload", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/dang-nhap?next=/admin/upload"
    signin = client.get(r.headers["location"])
    assert signin.status_code == 200 and "Mã truy cập" in signin.text and 'type="password"' in signin.text
    one = [("a.txt", "KẾ HOẠCH\n\nNội dung thử.".encode(), "text/plain")]
    r = _upload(client, one)
    assert r.status_code == 401 and "Hãy đăng nhập" in r.text
    assert "a" not in {d["id"] for d in client.get("/api/documents").json()["documents"]}


def test_upload_per_file_results(client):
    csrf = sign_in(client)
    good = ("ke-hoach-moi.txt", "KẾ HOẠCH\n\nvề chuyển đổi số\n\nI. MỤC ĐÍCH\n\nĐẩy mạnh chuyển đổi số "
            "trong các cơ quan đảng, bảo đảm an toàn thông tin mạng.".encode(), "text/plain")
    empty = ("rong.txt", b"", "text/plain")
    odd = ("anh.exe", b"MZ\x00\x01binary", "application/octet-stream")
    r = _upload(client, [good, empty, odd], csrf)
    assert r.status_code == 200
    html = r.text
    assert "Kết quả tải lên" in html
    row = lambda name: re.search(rf'<td class="mono">{re.escape(name)}</td>(.*?)</tr>', html, re.S).group(1)
    assert "Đã thêm" in row("ke-hoach-moi.txt") and 'href="/documents/ke-hoach-moi"' in row("ke-hoach-moi.txt")
    assert "Lỗi" in row("rong.txt") and MESSAGES_VI["empty"] in row("rong.txt")
    assert "Lỗi" in row("anh.exe")
    # searchable at once
    found = client.get("/", params={"q": "chuyển đổi số"}).text
    assert 'href="/documents/ke-hoach-moi"' in found
    again = _upload(client, [good], csrf)
    assert again.status_code == 200 and "Không thay đổi" in again.text
    # without the CSRF field the session alone cannot post
    assert _upload(client, [good]).status_code == 403


def test_upload_internal_hides_from_anonymous(client, indexed_engine):
    csrf = sign_in(client)
    doc = ("noi-bo.txt", "KẾ HOẠCH\n\nvề công tác bảo vệ chính trị nội bộ năm 2026.".encode(), "text/plain")
    r = _upload(client, [doc], csrf, visibility="internal")
    assert r.status_code == 200 and "Đã thêm" in r.text
    assert client.get("/documents/noi-bo").status_code == 200
    anonymous = TestClient(client.app)
    assert anonymous.get("/documents/noi-bo").status_code == 404
    assert "noi-bo" not in anonymous.get("/documents").text


def test_upload_without_files(client):
    csrf = sign_in(client)
    r = _upload(client, [("", b"", "application/octet-stream")], csrf)
    assert r.status_code == 422 and "Chưa chọn tệp nào" in r.text


def test_upload_size_limit(indexed_engine):
    settings = indexed_engine.settings.model_copy(update={"admin_token": TOKEN, "max_upload_mb": 0.01})
    client = TestClient(create_app(settings, indexed_engine))
    csrf = sign_in(client)
    big = ("big.txt", ("KẾ HOẠCH\n\n" + "Nội dung rất dài. " * 2000).encode(), "text/plain")
    r = _upload(client, [big], csrf)
    assert r.status_code == 413 and "vượt giới hạn 0.01 MB" in r.text


def test_delete_flow(client):
    csrf = sign_in(client)
    confirm = client.get("/admin/documents/nq08/delete")
    assert confirm.status_code == 200 and "Bạn sắp xóa văn bản" in confirm.text
    assert 'action="/admin/documents/nq08/delete" method="post"' in confirm.text
    r = client.post("/admin/documents/nq08/delete", data={"csrf": "sai"})
    assert r.status_code == 403 and "Biểu mẫu không hợp lệ" in r.text
    assert client.get("/documents/nq08").status_code == 200
    r = client.post("/admin/documents/nq08/delete", data={"csrf": csrf})
    assert r.status_code == 200 and "Đã xóa văn bản" in r.text
    assert client.get("/documents/nq08").status_code == 404
    assert client.post("/admin/documents/nq08/delete", data={"csrf": csrf}).status_code == 404
    assert client.get("/admin/documents/khong-co/delete").status_code == 404


def test_upload_page_lists_documents_with_delete(client):
    sign_in(client)
    page = client.get("/admin/upload").text
    assert 'type="file" id="files" name="files" multiple' in page
    assert 'href="/admin/documents/nq08/delete"' in page
    assert 'name="visibility"' in page and 'name="csrf"' in page and 'type="password"' not in page


def test_non_ascii_admin_token_signs_in(indexed_engine):
    settings = indexed_engine.settings.model_copy(update={"admin_token": "mật-khẩu-quản-trị"})
    client = TestClient(create_app(settings, indexed_engine))
    csrf = sign_in(client, "mật-khẩu-quản-trị")
    doc = ("vb.txt", "KẾ HOẠCH\n\nvề chuyển đổi số trong cơ quan.".encode(), "text/plain")
    r = _upload(client, [doc], csrf)
    assert r.status_code == 200 and "Đã thêm" in r.text


def test_upload_far_over_the_limit_gets_the_vietnamese_page(indexed_engine):
    """Bodies the middleware refuses before the page handler runs still get the HTML error page."""
    settings = indexed_engine.settings.model_copy(update={"admin_token": TOKEN, "max_upload_mb": 0.01})
    client = TestClient(create_app(settings, indexed_engine))
    huge = ("huge.txt", b"x" * 200_000, "text/plain")
    r = _upload(client, [huge])
    assert r.status_code == 413 and r.headers["content-type"].startswith("text/html")
    assert "Dữ liệu quá lớn" in r.text


def test_compare_page_writes_vietnamese_numbers_and_quotes(client):
    """Similarity is written "0,34" like the "59,55%" of the documents, and no quote ends in "””"."""
    import re

    html = client.get("/compare", params={"parent": "000_ab11ea391550b282",
                                          "child": "003_f9afe39036c3815c"}).text
    scores = re.findall(r"độ tương đồng ([0-9][0-9.,]*)", html)
    assert scores and all("," in s and "." not in s for s in scores), scores[:5]
    brief = client.get("/documents/002_0f875316a6b16de4/brief").text
    assert "””" not in brief and "&#34;&#34;" not in brief
    assert "Ai</span>" not in client.get("/", params={"q": "Ai chịu trách nhiệm tuyên truyền?"}).text
