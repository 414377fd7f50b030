"""The coverage matrix and the implementation tree in a real headless browser, at 1280 px (the matrix;
a status label opens the child's passage, "↑ cấp trên" the parent's) and at 375 px (no sideways
scroll; the matrix gives way to a list of gaps per child). Screenshots: tests/artifacts/web/.
The index is the corpus plus the hand-written children (hash embedder: this is about the page)."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import CORPUS
from tests.web.test_web_e2e import browser, no_horizontal_scroll, shot, wait_for  # noqa: F401

pytestmark = pytest.mark.slow

CHILDREN = Path(__file__).resolve().parents[1] / "data" / "children"
P002 = "002_0f875316a6b16de4"


@pytest.fixture(scope="module")
def coverage_server(tmp_path_factory):
    import uvicorn

    from indexer.service import Service
    from indexer.settings import Settings
    from server.app import create_app

    settings = Settings(data_dir=tmp_path_factory.mktemp("cov-e2e") / "data", model="hash-256")
    engine = Service(settings)
    engine.index_paths([CORPUS, CHILDREN])
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


def test_coverage_matrix_in_browser(browser, coverage_server):  # noqa: F811
    from selenium.webdriver.common.by import By

    d = browser
    url = (f"{coverage_server}/documents/{P002}/coverage?children=huyen-tam-duong-002,xa-ban-bo-45,"
           "huyen-can-loc-004&gaps=1")
    d.set_window_size(1280, 900)
    d.get(url)
    matrix = d.find_element(By.CSS_SELECTOR, ".cov-matrix")
    assert matrix.is_displayed()
    assert not d.find_element(By.CSS_SELECTOR, ".cov-list").is_displayed()
    heads = [th.text for th in matrix.find_elements(By.CSS_SELECTOR, "thead th")]
    assert any("TAM ĐƯỜNG" in h for h in heads) and any("CAN LỘC" in h for h in heads)
    missing = matrix.find_elements(By.CSS_SELECTOR, "td.cell a.st-missing")
    assert missing and missing[0].text == "Thiếu"
    assert "thiếu ở" in matrix.text
    shot(d, "coverage-1280", full=True)
    # A status label opens the child's passage in the reader, "↑ cấp trên" the parent's.
    partial = matrix.find_element(By.CSS_SELECTOR, "td.cell a.st-partial, td.cell a.st-weaker")
    href = partial.get_attribute("href")
    assert "/documents/" in href and P002 not in href
    up = matrix.find_element(By.CSS_SELECTOR, "td.cell a.up").get_attribute("href")
    assert f"/documents/{P002}" in up
    d.get(href)
    wait_for(lambda: d.find_elements(By.CSS_SELECTOR, ".doc-title"), what="the child's reader")
    if "#p-" in href:
        target = d.find_element(By.ID, href.split("#")[1])
        assert target.is_displayed()

    d.set_window_size(375, 800)
    d.get(url)
    assert no_horizontal_scroll(d), "the coverage page scrolls sideways at 375 px"
    assert not d.find_element(By.CSS_SELECTOR, ".cov-matrix").is_displayed()
    lists = d.find_elements(By.CSS_SELECTOR, ".cov-list article")
    assert len(lists) == 3 and lists[0].is_displayed()
    assert lists[0].find_elements(By.CSS_SELECTOR, "a.st-missing, a.st-partial")
    shot(d, "coverage-375", full=True)

    d.get(f"{coverage_server}/documents/xa-ban-bo-45/tree")
    nodes = d.find_elements(By.CSS_SELECTOR, ".tree .node")
    assert len(nodes) == 3 and "% đủ" in nodes[1].text
    assert no_horizontal_scroll(d)
    shot(d, "tree-375", full=True)
    d.set_window_size(1280, 900)
    d.get(f"{coverage_server}/documents/xa-ban-bo-45/tree")
    shot(d, "tree-1280")
