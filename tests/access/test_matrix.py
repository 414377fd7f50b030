"""The access matrix, generated from the app's route table: every endpoint and page × (anonymous,
reader, editor, admin) × (a public, an internal document). A route without a rule in ``RULES``
fails ``test_every_route_has_a_rule``, so nobody can add an endpoint without saying who may use it.

What is checked for every cell:
- the status: reads are open, but an internal document is a 404 to anonymous callers — the very
  same body as for a document that does not exist; writing needs the editor role (anonymous: 401
  from the API, the sign-in page from pages; reader: 403), users and audit the admin role;
- no anonymous response names the internal document (its id), while list-like reads do show it to
  signed-in readers (so the filter is not just hiding everything);
- every page form post without the CSRF field is refused (403) and changes nothing;
- at the end, the audit log holds every write the matrix made, with who made it.

The index is the hash-embedder fake (fast); documents are real corpus plans. The internal one is
internal because of its "LƯU HÀNH NỘI BỘ" header mark (no explicit visibility)."""

from __future__ import annotations

import itertools
import re

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from indexer.service import Service
from indexer.settings import Settings
from server.app import create_app
from tests.conftest import PLANS, ROOT

BOOT = "matrix-bootstrap-token-0123456789"
NQ08 = ROOT / "tests" / "web" / "nq08.txt"
PUB_FILE, SEC_FILE = "du-lich-cong-khai.txt", "tu-tuong-noi-bo.txt"
PUB, SEC = "du-lich-cong-khai", "tu-tuong-noi-bo"
SEC_BYTES = "LƯU HÀNH NỘI BỘ\n\n".encode() + PLANS["002"].read_bytes()
QUERY = {"public": "phát triển du lịch Lai Châu", "internal": "công tác tư tưởng Kết luận 224"}
SMALL = "KẾ HOẠCH\n\nvề chuyển đổi số\n\nI. MỤC ĐÍCH\n\nĐẩy mạnh chuyển đổi số trong các cơ quan đảng.".encode()
ROLES = ("anon", "reader", "editor", "admin")
RANK = {"anon": -1, "reader": 0, "editor": 1, "admin": 2}
SKIP = {"/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc"}  # FastAPI's own, no data

# kind: open (anyone), read (a document: 404 to anonymous when internal), list (anyone; must not
# list the internal document to anonymous, must to readers), editor, admin.
RULES: dict[tuple[str, str], dict] = {
    ("GET", "/api/health"): {"kind": "open"},
    ("GET", "/api/me"): {"kind": "open"},
    ("GET", "/api/search"): {"kind": "read", "query": lambda c: {"q": QUERY[c.vis], "doc": c.doc}},
    ("GET", "/api/ask"): {"kind": "list", "query": lambda c: {"q": QUERY["internal"]}},
    ("GET", "/api/documents"): {"kind": "list"},
    ("GET", "/api/documents/{doc_id}"): {"kind": "read"},
    ("GET", "/api/documents/{doc_id}/brief"): {"kind": "read"},
    ("GET", "/api/documents/{doc_id}/original"): {"kind": "read"},
    ("GET", "/api/documents/{doc_id}/coverage"): {"kind": "read"},
    ("GET", "/api/documents/{doc_id}/tree"): {"kind": "read"},
    ("GET", "/documents/{doc_id}/coverage"): {"kind": "read"},
    ("GET", "/documents/{doc_id}/tree"): {"kind": "read"},
    ("GET", "/api/documents/{doc_id}/responsibilities"): {"kind": "read", "query": lambda c: {"format": "csv"}},
    ("GET", "/api/documents/{doc_id}/targets"): {"kind": "read", "query": lambda c: {"format": "xlsx"}},
    ("GET", "/api/documents/{doc_id}/deadlines"): {"kind": "read"},
    ("GET", "/api/units"): {"kind": "list"},
    ("GET", "/api/units/{name}"): {"kind": "read"},
    ("GET", "/api/compare"): {"kind": "read", "query": lambda c: {"child": c.doc, "parent": "nq08"}},
    ("POST", "/api/documents"): {"kind": "editor", "ok": {200}},
    ("DELETE", "/api/documents/{doc_id}"): {"kind": "editor", "ok": {200}, "destroys": True},
    ("PUT", "/api/documents/{doc_id}/visibility"): {"kind": "editor", "ok": {200}},
    ("GET", "/api/audit"): {"kind": "admin"},
    ("GET", "/"): {"kind": "read", "query": lambda c: {"q": QUERY[c.vis], "doc": c.doc}},
    ("GET", "/documents"): {"kind": "list"},
    ("GET", "/documents/{doc_id}"): {"kind": "read"},
    ("GET", "/documents/{doc_id}/responsibilities"): {"kind": "read"},
    ("GET", "/documents/{doc_id}/targets"): {"kind": "read"},
    ("GET", "/documents/{doc_id}/timeline"): {"kind": "read"},
    ("GET", "/documents/{doc_id}/brief"): {"kind": "read"},
    ("GET", "/units"): {"kind": "list"},
    ("GET", "/units/{name:path}"): {"kind": "read"},
    ("GET", "/compare"): {"kind": "read", "query": lambda c: {"child": c.doc, "parent": "nq08"}},
    ("GET", "/admin"): {"kind": "open", "ok": {307}},
    ("GET", "/admin/upload"): {"kind": "editor"},
    ("POST", "/admin/upload"): {"kind": "editor"},
    ("GET", "/admin/documents/{doc_id}/delete"): {"kind": "editor"},
    ("POST", "/admin/documents/{doc_id}/delete"): {"kind": "editor", "destroys": True},
    ("POST", "/admin/documents/{doc_id}/visibility"): {"kind": "editor", "ok": {303}},
    ("GET", "/admin/users"): {"kind": "admin"},
    ("POST", "/admin/users"): {"kind": "admin"},
    ("GET", "/admin/audit"): {"kind": "admin"},
    ("GET", "/dang-nhap"): {"kind": "open"},
    ("POST", "/dang-nhap"): {"kind": "open", "ok": {401}},  # an empty token: refused, same for all
    ("POST", "/dang-xuat"): {"kind": "open", "ok": {303}},
}


def app_routes(app) -> list[tuple[str, str]]:
    """(method, path) of every route the app serves, included routers walked (FastAPI keeps
    them as included-router entries); mounts (static files) are not endpoints."""
    out: list[tuple[str, str]] = []

    def walk(routes, prefix=""):
        for route in routes:
            if isinstance(route, APIRoute):
                if prefix + route.path not in SKIP:
                    out.extend((m, prefix + route.path) for m in sorted(route.methods - {"HEAD"}))
            elif hasattr(route, "original_router"):
                context = getattr(route, "include_context", None)
                walk(route.original_router.routes, prefix + (getattr(context, "prefix", "") or ""))
            elif getattr(route, "methods", None) and route.path not in SKIP:
                raise AssertionError(f"unexpected route type {type(route)} for {route.path}")

    walk(app.routes)
    return sorted(set(out), key=out.index)


class World:
    """One app over a small index, a client per role, and the writes the matrix expects to see
    in the audit log."""

    def __init__(self, tmp):
        self.service = Service(Settings(data_dir=tmp / "data", model="hash-256", admin_token=BOOT))
        report = self.service.add_files([(PUB_FILE, PLANS["000"].read_bytes()), (NQ08.name, NQ08.read_bytes()),
                                         (SEC_FILE, SEC_BYTES)], actor="setup")
        assert report.summary()["added"] == 3
        self.app = create_app(self.service.settings, self.service)
        self.tokens = {"anon": None, "admin": BOOT}
        for role in ("reader", "editor"):
            self.tokens[role] = self.service.accounts.add(f"m-{role}", role, actor="setup")
        self.clients, self.csrf = {}, {}
        for role in ROLES:
            headers = {"Authorization": f"Bearer {self.tokens[role]}"} if self.tokens[role] else {}
            client = TestClient(self.app, headers=headers, follow_redirects=False)
            client.get("/dang-nhap")
            self.clients[role], self.csrf[role] = client, client.cookies.get("nq_csrf")
        self.units = {}
        units = self.service.units()
        for vis, doc in (("public", PUB), ("internal", SEC)):
            self.units[vis] = next(u.name for u in units if u.documents == [doc])
        self.expected_audit: list[tuple[str, str, str]] = []  # (actor, action, target contains)
        self.counter = itertools.count()

    def actor(self, role: str) -> str:
        return {"anon": "anonymous", "reader": "m-reader", "editor": "m-editor", "admin": "@admin-token"}[role]

    def restore(self, doc: str) -> None:
        """Put back a document a permitted delete removed."""
        name, data = (SEC_FILE, SEC_BYTES) if doc == SEC else (PUB_FILE, PLANS["000"].read_bytes())
        report = self.service.add_files([(name, data)], actor="setup")
        assert report.files[0].doc_id == doc


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    return World(tmp_path_factory.mktemp("matrix"))


class Cell:
    def __init__(self, method, path, role, vis):
        self.method, self.path, self.role, self.vis = method, path, role, vis
        self.doc = PUB if vis == "public" else SEC


def expected(rule: dict, cell: Cell) -> set[int]:
    kind, role, api = rule["kind"], cell.role, cell.path.startswith("/api/")
    need = {"editor": "editor", "admin": "admin"}.get(kind)
    if need:
        if role == "anon":
            return {401} if api or cell.method != "GET" else {303}
        if RANK[role] < RANK[need]:
            return {403}
    if kind == "read" and role == "anon" and cell.vis == "internal":
        return {404}
    return rule.get("ok", {200})


def request(world: World, cell: Cell, rule: dict, doc: str | None = None, csrf: bool = True):
    doc = doc or cell.doc
    client = world.clients[cell.role]
    path = cell.path.replace("{doc_id}", doc)
    unit = world.units[cell.vis] if doc in (PUB, SEC) else "Không có đơn vị này"
    path = path.replace("{name}", unit).replace("{name:path}", unit)
    query = rule["query"](cell) if "query" in rule else {}
    if doc != cell.doc:  # the same request about another document id
        query = {k: (doc if v == cell.doc else v) for k, v in query.items()}
    form = {"csrf": world.csrf[cell.role]} if csrf else {}
    n = next(world.counter)
    kw: dict = {"params": query}
    if (cell.method, cell.path) == ("POST", "/api/documents"):
        kw.update(files=[("files", (f"m-{n}.txt", SMALL))], data={"visibility": cell.vis})
    elif (cell.method, cell.path) == ("POST", "/admin/upload"):
        kw.update(files=[("files", (f"m-{n}.txt", SMALL))], data={**form, "visibility": cell.vis})
    elif cell.method == "PUT":
        kw["json"] = {"visibility": cell.vis}
    elif (cell.method, cell.path) == ("POST", "/admin/users"):
        kw["data"] = {**form, "action": "add", "name": f"m-user-{n}", "role": "reader"}
    elif cell.path.endswith("/visibility"):
        kw["data"] = {**form, "visibility": cell.vis}
    elif cell.method == "POST":
        kw["data"] = {**form, "token": ""} if cell.path == "/dang-nhap" else form
    ident = unit if "{name" in cell.path else doc
    return client.request(cell.method, path, **kw), n, ident


def _audit_expectation(world: World, cell: Cell, n: int) -> None:
    key = (cell.method, cell.path)
    actor = world.actor(cell.role)
    if key in (("POST", "/api/documents"), ("POST", "/admin/upload")):
        world.expected_audit.append((actor, "upload", f"m-{n}"))
    elif rule_destroys(key):
        world.expected_audit.append((actor, "delete", cell.doc))
    elif cell.path.endswith("/visibility"):
        world.expected_audit.append((actor, "visibility", cell.doc))
    elif key == ("POST", "/admin/users"):
        world.expected_audit.append((actor, "user_add", f"m-user-{n}"))


def rule_destroys(key) -> bool:
    return bool(RULES.get(key, {}).get("destroys"))


def _all_routes():
    app = create_app(Settings(data_dir=ROOT / "nonexistent-matrix-dir", model="hash-256"))
    return app_routes(app)


ROUTES = _all_routes()


def test_every_route_has_a_rule():
    missing = [f"{m} {p}" for m, p in ROUTES if (m, p) not in RULES]
    assert not missing, f"routes without an access rule (add them to RULES): {missing}"
    stale = [f"{m} {p}" for m, p in RULES if (m, p) not in ROUTES]
    assert not stale, f"rules for routes that no longer exist: {stale}"
    assert len(ROUTES) >= 35


@pytest.mark.parametrize("vis", ["public", "internal"])
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("method,path", ROUTES, ids=[f"{m} {p}" for m, p in ROUTES])
def test_access(world, method, path, role, vis):
    rule = RULES.get((method, path))
    assert rule is not None, f"no access rule for {method} {path}"
    cell = Cell(method, path, role, vis)
    response, n, ident = request(world, cell, rule)
    want = expected(rule, cell)
    assert response.status_code in want, (f"{method} {path} as {role} on a {vis} document: "
                                          f"{response.status_code}, expected {want}: {response.text[:300]}")
    body = response.text if not response.headers.get("content-type", "").startswith(
        "application/vnd.openxmlformats") else ""
    if response.status_code < 400 and response.status_code in rule.get("ok", {200}) and \
            (method != "GET" or rule["kind"] in ("editor", "admin")):
        _audit_expectation(world, cell, n)
    if rule.get("destroys") and response.status_code < 400:
        world.restore(cell.doc)
    if role == "anon":
        if response.status_code == 404:
            # indistinguishable from a document that does not exist
            other, _, other_ident = request(world, cell, rule, doc="x" * len(cell.doc))
            assert other.status_code == 404
            assert response.text.replace(ident, other_ident) == other.text
        else:
            assert SEC not in body, f"{method} {path} shows the internal document to an anonymous caller"
    elif rule["kind"] == "list" and vis == "internal" and method == "GET":
        assert SEC in body, f"{method} {path} hides the internal document from a signed-in {role}"


POSTS = [(m, p) for m, p in ROUTES if m == "POST" and not p.startswith("/api/")]


@pytest.mark.parametrize("method,path", POSTS, ids=[p for _, p in POSTS])
def test_every_form_post_needs_csrf(world, method, path):
    before = (world.service.engine.version(), len(world.service.accounts.users()))
    cell = Cell(method, path, "admin", "public")
    response, _, _ = request(world, cell, RULES[(method, path)], csrf=False)
    assert response.status_code == 403, f"{path} without CSRF field: {response.status_code}"
    assert "Biểu mẫu không hợp lệ" in response.text
    assert (world.service.engine.version(), len(world.service.accounts.users())) == before


def test_audit_lists_every_write_of_the_matrix(world):
    """Run after the matrix (same module): every permitted write is in the audit log with its
    actor, and the refused ones are logged as denied."""
    assert len(world.expected_audit) >= 20
    entries = world.service.accounts.audit_entries(100_000)
    for actor, action, target in world.expected_audit:
        assert any(e["actor"] == actor and e["action"] == action and target in e["target"] and e["ok"]
                   for e in entries), f"no audit entry for {actor} {action} {target}"
    denied = [e for e in entries if e["action"] == "denied"]
    assert {e["actor"] for e in denied} >= {"m-reader", "m-editor"}
    assert any(e["action"] == "csrf_rejected" for e in entries)


def test_session_cookie_sign_in_sees_internal(world):
    """The web path: sign in with a token, see the internal document; sign out, it is a 404."""
    client = TestClient(world.app, follow_redirects=False)
    page = client.get("/dang-nhap")
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    assert client.get(f"/documents/{SEC}").status_code == 404
    r = client.post("/dang-nhap", data={"csrf": csrf, "token": world.tokens["reader"], "next": f"/documents/{SEC}"})
    assert r.status_code == 303 and r.headers["location"] == f"/documents/{SEC}"
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie
    assert client.get(f"/documents/{SEC}").status_code == 200
    assert client.get(f"/api/documents/{SEC}").status_code == 200  # GETs of the API take the session
    assert client.post("/api/documents", files=[("files", ("x.txt", SMALL))]).status_code == 401  # writes never
    assert client.post("/dang-xuat", data={"csrf": csrf}).status_code == 303
    assert client.get(f"/documents/{SEC}").status_code == 404


def test_sign_in_slows_down_after_failures(world):
    client = TestClient(world.app, follow_redirects=False, client=("10.9.8.7", 5000))
    client.get("/dang-nhap")
    csrf = client.cookies.get("nq_csrf")
    statuses = [client.post("/dang-nhap", data={"csrf": csrf, "token": f"nq_bad_{i}"}).status_code for i in range(5)]
    assert statuses[:3] == [401, 401, 401] and statuses[4] == 429, statuses
    r = client.post("/dang-nhap", data={"csrf": csrf, "token": world.tokens["reader"]})
    assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1  # even the right token waits
    failed = [e for e in world.service.accounts.audit_entries(1000, "sign_in") if not e["ok"]]
    assert len(failed) >= 4 and all(e["ip"] == "10.9.8.7" for e in failed[:4])
