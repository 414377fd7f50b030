"""/docs in a real headless browser with every https:// request blocked (as on an offline
machine): Swagger UI renders the API from the local assets. A tiny app with ``mount_docs``; the
browser is the e2e test's (skipped loudly when chromium is missing)."""

from __future__ import annotations

import socket
import threading
import time

import pytest

from tests.web.test_web_e2e import browser, shot, wait_for  # noqa: F401  (fixture)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def docs_server():
    import uvicorn
    from fastapi import FastAPI

    from api.docs import mount_docs

    app = FastAPI(title="nghiquyet", version="0.1.0", docs_url=None, redoc_url=None)

    @app.get("/api/search")
    def search(q: str) -> dict:
        """Search the documents."""
        return {"query": q}

    assert mount_docs(app)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 30
    while not srv.started:
        assert time.time() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


def test_docs_render_offline(browser, docs_server):  # noqa: F811
    from selenium.webdriver.common.by import By

    browser.execute_cdp_cmd("Network.enable", {})
    browser.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["https://*", "*cdn*", "*jsdelivr*"]})
    try:
        for width in (1280, 375):
            browser.set_window_size(width, 900)
            browser.get(docs_server + "/docs")
            title = wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, ".swagger-ui .info .title"),
                             what="Swagger UI title")
            assert "nghiquyet" in title[0].text
            assert wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, ".opblock-summary-path"),
                            what="the API paths")
            shot(browser, f"docs-{width}")
        browser.get(docs_server + "/redoc")
        assert wait_for(lambda: "Search the documents" in browser.page_source or
                        browser.find_elements(By.CSS_SELECTOR, "[role=menuitem], .menu-content"), what="ReDoc")
    finally:
        browser.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
