"""End to end in a real headless browser (Debian's chromium + chromium-driver, driven by selenium):
the server runs on the real corpus with the real model; the test searches, follows "Xem trong văn
bản", checks the cited passage is highlighted and in view, signs in and uploads a file, signs in as a
reader and sees an internal document the anonymous browser cannot, and saves screenshots at 1280 px
and 375 px under tests/artifacts/web/.

No browser is ever downloaded. When chromium, chromedriver or selenium is missing the test is
SKIPPED with a loud reason (`make test` installs the Debian packages when it can)."""

from __future__ import annotations

import base64
import shutil
import socket
import threading
import time
import warnings
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow

ARTIFACTS = ROOT / "tests" / "artifacts" / "web"
TOKEN = "e2e-admin-token-42"
USERS: dict[str, str] = {}  # role -> token, made by the server fixture
INTERNAL = ("mat-bao-ve-noi-bo.txt", "ĐẢNG BỘ TỈNH\nMẬT\n\nKẾ HOẠCH\n\nvề bảo vệ chính trị nội bộ\n\n"
            "I. NHIỆM VỤ\n\nBan Tổ chức Tỉnh ủy chủ trì thẩm định tiêu chuẩn chính trị của cán bộ "
            "quy hoạch nhiệm kỳ 2026 - 2031, hoàn thành trước tháng 9 năm 2026.\n")
CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--lang=vi"]


def _find(*names: str) -> str | None:
    for name in names:
        found = shutil.which(name) or (name if Path(name).is_file() else None)
        if found:
            return found
    return None


def _skip_loudly(reason: str) -> None:
    message = (f"BROWSER END-TO-END TEST NOT RUN: {reason}. Install the Debian packages "
               "`apt-get install -y chromium chromium-driver` (make test does it when run as root).")
    warnings.warn(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _skip_loudly("the python package selenium is not installed (pip install -e '.[test]')")
    chromium = _find("chromium", "chromium-browser", "/usr/bin/chromium", "/usr/lib/chromium/chromium")
    driver_path = _find("chromedriver", "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver")
    if not chromium:
        _skip_loudly("no chromium binary found on PATH or in /usr/bin")
    if not driver_path:
        _skip_loudly("no chromedriver found (Debian package chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in CHROME_FLAGS + [f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"]:
        options.add_argument(flag)
    try:
        driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    except Exception as exc:  # a broken install: say so, do not pass
        pytest.fail(f"chromium ({chromium}) and chromedriver ({driver_path}) exist but did not start: {exc}")
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def server(real_engine, tmp_path_factory):
    """uvicorn on a free port, on a copy of the real index (uploads must not change the index the
    other slow tests use), sharing the already loaded model."""
    import uvicorn

    from server.app import create_app
    from indexer.service import Service

    data = tmp_path_factory.mktemp("e2e") / "data"
    shutil.copytree(real_engine.settings.data_dir, data, ignore=shutil.ignore_patterns(".lock"))
    settings = real_engine.settings.model_copy(update={"data_dir": data, "admin_token": TOKEN})
    engine = Service(settings, embedder=real_engine.embedder)
    report = engine.add_files([(INTERNAL[0], INTERNAL[1].encode())], actor="e2e-setup")  # internal by its mark
    assert report.summary()["added"] == 1
    USERS["reader"] = engine.accounts.add("e2e-reader", "reader", actor="e2e-setup")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(settings, engine), host="127.0.0.1", port=port,
                                        log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 30
    while not srv.started:
        assert time.time() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


def shot(driver, name: str, full: bool = False) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    if full:
        data = driver.execute_cdp_cmd("Page.captureScreenshot", {"captureBeyondViewport": True,
                                                                 "format": "png"})
        path.write_bytes(base64.b64decode(data["data"]))
    else:
        driver.save_screenshot(str(path))
    return path


def wait_for(predicate, timeout=30.0, what="condition"):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def no_horizontal_scroll(driver) -> bool:
    return driver.execute_script(
        "return document.documentElement.scrollWidth <= window.innerWidth + 1")


def target_state(driver) -> dict:
    return driver.execute_script("""
        const el = document.querySelector(':target');
        if (!el) return null;
        const r = el.getBoundingClientRect();
        return {id: el.id, top: r.top, bottom: r.bottom, height: window.innerHeight,
                background: getComputedStyle(el).backgroundColor,
                marks: el.querySelectorAll('mark').length, text: el.innerText};
    """)


def test_search_read_cite_upload(browser, server, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    d = browser
    d.set_window_size(1280, 900)
    d.get(server + "/")
    assert d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "vi"
    shot(d, "home-1280")

    # Search by typing a question, as a cadre would.
    box = d.find_element(By.ID, "q")
    box.send_keys("Ai chịu trách nhiệm tuyên truyền?", Keys.ENTER)
    cards = wait_for(lambda: d.find_elements(By.CSS_SELECTOR, "li.result"), what="results")
    assert len(cards) >= 5
    first = cards[0]
    assert first.find_elements(By.TAG_NAME, "mark"), "query words are highlighted"
    assert first.find_element(By.CSS_SELECTOR, ".breadcrumb").text.strip()
    copy = first.find_element(By.CSS_SELECTOR, ".copy-cite")
    assert copy.is_displayed(), "the JS enhancement shows the copy button"
    citation = copy.get_attribute("data-citation")
    assert citation.startswith("“") and "” (" in citation
    assert "đoạn văn phù hợp nhất" in d.find_element(By.CSS_SELECTOR, ".result-summary").text
    assert no_horizontal_scroll(d)
    shot(d, "results-1280")
    shot(d, "results-1280-full", full=True)
    results_url = d.current_url

    # Follow "Xem trong văn bản": the passage is the :target, highlighted and in view.
    link = first.find_element(By.PARTIAL_LINK_TEXT, "Xem trong văn bản")
    href = link.get_attribute("href")
    passage_text = first.find_element(By.CSS_SELECTOR, ".passage-text").text
    link.click()
    wait_for(lambda: "#p-" in d.current_url and d.execute_script("return document.readyState") == "complete",
             what="the reader")
    time.sleep(0.5)  # the scroll is immediate; let the flash animation settle for the screenshot
    state = target_state(d)
    assert state and "#" + state["id"] == href[href.index("#"):]
    assert state["background"] not in ("rgba(0, 0, 0, 0)", "transparent", "rgb(255, 255, 255)")
    assert state["top"] >= 0 and state["top"] < state["height"], f"target not in view: {state}"
    assert " ".join(passage_text.split())[:80] in " ".join(state["text"].split())
    assert state["marks"] > 0
    assert d.find_element(By.CSS_SELECTOR, ".outline-list").is_displayed()
    shot(d, "reader-1280")

    d.get(server + "/documents")
    assert len(d.find_elements(By.CSS_SELECTOR, ".doc-table tbody tr")) == 5  # the internal one is hidden
    shot(d, "documents-1280")

    # Sign in (the upload page sends there first), upload a file; it is searchable at once.
    sample = tmp_path / "ke-hoach-chuyen-doi-so.txt"
    sample.write_text("KẾ HOẠCH\n\nvề chuyển đổi số trong các cơ quan đảng\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n"
                      "Văn phòng Đảng ủy chủ trì triển khai nền tảng số dùng chung, bảo đảm an toàn "
                      "thông tin mạng và số hóa toàn bộ hồ sơ lưu trữ trước quý IV năm 2026.\n",
                      encoding="utf-8")
    d.get(server + "/admin/upload")
    assert "/dang-nhap" in d.current_url
    shot(d, "signin-1280")
    d.find_element(By.ID, "token").send_keys(TOKEN, Keys.ENTER)
    wait_for(lambda: d.current_url.endswith("/admin/upload") and d.find_elements(By.ID, "files"),
             what="the upload page after signing in")
    d.find_element(By.ID, "files").send_keys(str(sample))
    d.find_element(By.CSS_SELECTOR, ".upload-form button[type=submit]").click()
    report = wait_for(lambda: d.find_elements(By.CSS_SELECTOR, ".report-table"), timeout=120,
                      what="the upload report")
    assert "Đã thêm" in report[0].text and sample.name in report[0].text
    shot(d, "upload-1280")
    d.get(server + "/?q=số+hóa+hồ+sơ+lưu+trữ")
    first = wait_for(lambda: d.find_elements(By.CSS_SELECTOR, "li.result"), what="results")[0]
    assert "ke-hoach-chuyen-doi-so" in first.find_element(By.CSS_SELECTOR, ".doc-link").get_attribute("href")

    # Phones: 375 px, no horizontal scrolling, outline collapsed, passage still in view.
    d.set_window_size(375, 812)
    d.get(server + "/")
    assert no_horizontal_scroll(d)
    shot(d, "home-375")
    d.get(results_url)
    wait_for(lambda: d.find_elements(By.CSS_SELECTOR, "li.result"), what="results")
    assert no_horizontal_scroll(d)
    shot(d, "results-375")
    d.get(href)
    wait_for(lambda: d.execute_script("return document.readyState") == "complete", what="the reader")
    time.sleep(0.5)
    state = target_state(d)
    assert state and state["top"] >= 0 and state["top"] < state["height"], state
    assert not d.find_element(By.CSS_SELECTOR, "details.outline").get_attribute("open")
    assert no_horizontal_scroll(d)
    shot(d, "reader-375")
    d.get(server + "/documents")
    assert no_horizontal_scroll(d)
    shot(d, "documents-375")
    d.get(server + "/admin/upload")
    assert no_horizontal_scroll(d)
    shot(d, "upload-375")
    d.get(server + "/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
    assert "<script>alert(1)</script>" in d.find_element(By.ID, "q").get_attribute("value")
    assert d.execute_script("return document.querySelectorAll('script').length") == 1
    shot(d, "escaping-375")


def test_answer_box_and_answer_pages(browser, server):
    """The answer box above the results, a document's responsibilities and one unit's page, at 1280
    and 375 px (screenshots answer-*, responsibilities-*, unit-*)."""
    from selenium.webdriver.common.by import By

    d = browser
    for width, height in ((1280, 900), (375, 812)):
        d.set_window_size(width, height)
        d.get(server + "/?q=Ai+ch%E1%BB%8Bu+tr%C3%A1ch+nhi%E1%BB%87m+tuy%C3%AAn+truy%E1%BB%81n%3F")
        box = wait_for(lambda: d.find_elements(By.CSS_SELECTOR, "section.answer-box"), what="answer box")[0]
        assert box.find_element(By.CSS_SELECTOR, ".answer-text").text.strip()
        assert box.find_element(By.CSS_SELECTOR, ".answer-kind").text == "Đơn vị phụ trách"  # not "Ai", read as "AI"
        assert box.find_elements(By.CSS_SELECTOR, ".answer-source blockquote mark")
        assert box.location["y"] < d.find_element(By.CSS_SELECTOR, "li.result").location["y"]
        assert no_horizontal_scroll(d)
        shot(d, f"answer-{width}")
        view = box.find_elements(By.PARTIAL_LINK_TEXT, "Phân công nhiệm vụ")
        unit = box.find_element(By.CSS_SELECTOR, ".answer-links a").get_attribute("href")
        d.get(view[0].get_attribute("href") if view else server + "/documents")
        wait_for(lambda: d.find_elements(By.CSS_SELECTOR, "table.matrix"), what="responsibilities")
        assert d.find_elements(By.CSS_SELECTOR, ".unit-group .role")
        assert no_horizontal_scroll(d)
        shot(d, f"responsibilities-{width}", full=True)
        d.get(unit)
        wait_for(lambda: d.find_elements(By.CSS_SELECTOR, "section.unit-doc"), what="unit page")
        assert no_horizontal_scroll(d)
        shot(d, f"unit-{width}", full=True)
    d.get(server + "/units?q=uy+ban")
    assert d.find_elements(By.CSS_SELECTOR, ".units-table tbody tr")
    assert no_horizontal_scroll(d)
    shot(d, "units-375")


def test_sign_in_sees_internal_document(browser, server):
    """Anonymous: the internal document is a 404 and absent from search and the list. Signed in as
    a reader: it is there. Signed out: gone again."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    d = browser
    d.set_window_size(1280, 900)
    d.delete_all_cookies()
    doc_url = server + "/documents/mat-bao-ve-noi-bo"
    query = server + "/?q=thẩm+định+tiêu+chuẩn+chính+trị+cán+bộ+quy+hoạch"

    def visible_to_me() -> tuple[bool, bool, bool]:
        d.get(doc_url)
        reader = "Không tìm thấy văn bản" not in d.find_element(By.TAG_NAME, "main").text
        d.get(query)
        links = [a.get_attribute("href") for a in d.find_elements(By.CSS_SELECTOR, "li.result .doc-link")]
        d.get(server + "/documents")
        listed = "mat-bao-ve-noi-bo" in d.page_source
        return reader, any("mat-bao-ve-noi-bo" in (h or "") for h in links), listed

    assert visible_to_me() == (False, False, False)
    d.get(doc_url)
    shot(d, "internal-anonymous-1280")

    d.get(server + "/dang-nhap?next=/documents/mat-bao-ve-noi-bo")
    d.find_element(By.ID, "token").send_keys("nq_wrong_token", Keys.ENTER)
    wait_for(lambda: d.find_elements(By.CSS_SELECTOR, ".alert-error"), what="the sign-in error")
    assert "Mã truy cập không đúng" in d.find_element(By.CSS_SELECTOR, ".alert-error").text
    d.find_element(By.ID, "token").send_keys(USERS["reader"], Keys.ENTER)
    wait_for(lambda: d.current_url.endswith("/documents/mat-bao-ve-noi-bo"), what="the reader after sign-in")
    assert "Lưu hành nội bộ" in d.find_element(By.CSS_SELECTOR, ".doc-facts").text
    assert "e2e-reader" in d.find_element(By.CSS_SELECTOR, ".site-nav").text
    shot(d, "internal-signed-in-1280")
    assert visible_to_me() == (True, True, True)

    d.find_element(By.CSS_SELECTOR, ".signout-form button").click()
    wait_for(lambda: d.find_elements(By.LINK_TEXT, "Đăng nhập"), what="signed out")
    assert visible_to_me() == (False, False, False)
