"""Every page fits a 375 px phone in a real browser: no table wider than the screen (tables fit or
turn into cards), nothing scrolls sideways. The hash-embedder index of three plans and the
Nghị quyết 000 implements; the e2e test's browser (skipped loudly when chromium is missing).
Screenshots at 375 and 1280 px go to tests/artifacts/web/phone-*.png."""

from __future__ import annotations

import socket
import threading
import time
from urllib.parse import quote

import pytest

from tests.web.test_web_e2e import browser, shot  # noqa: F401  (fixture)

pytestmark = pytest.mark.slow

PAGES = {
    "search": "/?q=" + quote("Ai chịu trách nhiệm tuyên truyền?"),
    "target-answer": "/?q=" + quote("tỷ lệ che phủ rừng"),
    "documents": "/documents",
    "reader": "/documents/002_0f875316a6b16de4",
    "brief": "/documents/003_f9afe39036c3815c/brief",
    "targets": "/documents/003_f9afe39036c3815c/targets",
    "timeline": "/documents/002_0f875316a6b16de4/timeline",
    "responsibilities": "/documents/002_0f875316a6b16de4/responsibilities",
    "units": "/units",
    "unit": "/units/" + quote("Ban Xây dựng Đảng"),
    "compare": "/compare?parent=000_ab11ea391550b282&child=003_f9afe39036c3815c",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    import uvicorn

    from indexer.service import Service
    from server.app import create_app
    from indexer.settings import Settings
    from tests.conftest import PLANS
    from tests.web.conftest import NQ08

    engine = Service(Settings(data_dir=tmp_path_factory.mktemp("phone") / "data", model="hash-256"))
    engine.add_files([(PLANS[k].name, PLANS[k].read_bytes()) for k in ("000", "002", "003")]
                     + [(NQ08.name, NQ08.read_bytes())])
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(engine.settings, engine), host="127.0.0.1",
                                        port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 30
    while not srv.started:
        assert time.time() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


OVERFLOW_JS = """
const vw = document.documentElement.clientWidth;
const out = [];
if (document.documentElement.scrollWidth > vw + 1) out.push('page scrolls sideways: ' + document.documentElement.scrollWidth);
for (const t of document.querySelectorAll('table')) {
  const r = t.getBoundingClientRect();
  const wrap = t.closest('.table-wrap');
  if (r.right > vw + 1) out.push('table ' + (t.className || '?') + ' right edge at ' + Math.round(r.right));
  if (wrap && wrap.scrollWidth > wrap.clientWidth + 1) out.push('table ' + (t.className || '?') + ' scrolls inside its box');
}
return out;
"""


def test_every_page_fits_a_phone(browser, site):  # noqa: F811
    problems = {}
    for width in (375, 1280):
        browser.set_window_size(width, 900)
        for name, path in PAGES.items():
            browser.get(site + path)
            assert "Lỗi máy chủ" not in browser.title, name
            if width == 375:
                found = browser.execute_script(OVERFLOW_JS)
                if found:
                    problems[name] = found
            shot(browser, f"phone-{name}-{width}", full=True)
    assert not problems, problems
