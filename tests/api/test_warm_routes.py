"""Before /api/health says ready, every route family has served one request in-process (search API,
ask, search page, document list, units), so no user pays for a cold template or serializer."""

from __future__ import annotations

import shutil

from server.app import WARM_PATHS, create_app, warm_routes
from tests.conftest import PLANS


def test_warm_up_runs_every_route_family_before_ready(fake_engine, tmp_path, caplog):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(PLANS["000"], src / "a.txt")
    fake_engine.index_paths([src])
    app = create_app(service=fake_engine)
    seen = []
    fake_engine.warm_up(then=lambda: (seen.append(fake_engine.health().ready), warm_routes(app)))
    assert seen == [False]  # the routes ran before ready
    assert fake_engine.health().ready
    assert not [r for r in caplog.records if "warm-up request" in r.getMessage()]  # all answered < 500
    # the API search of the warm-up is in the result cache now
    public = fake_engine.for_viewer()  # the warm-up requests are anonymous: the public view's cache
    version = public.engine.version()
    assert public._results.get((version, "kế hoạch", 10, None, None, ("lexical", "dense"), True)) is not None
    assert {p.split("?")[0] for p in WARM_PATHS} >= {"/api/search", "/api/ask", "/", "/documents", "/api/documents"}
