"""Sign-in and sign-out, and the admin pages: users (add, new token, remove) and the audit log.

- ``/dang-nhap`` (GET form, POST token): a user's token or NGHIQUYET_ADMIN_TOKEN starts a session:
  a random id in an HttpOnly, SameSite=Lax cookie (8 hours; only its hash is stored). Failed
  attempts are audited and slowed down per client address (``indexer.auth.LoginThrottle``).
- ``/dang-xuat`` (POST): ends the session.
- ``/admin/users``, ``/admin/audit``: admin role. JSON twins: ``nghiquyet users``, ``GET /api/audit``.
Every form post is CSRF-checked first (``web.security``)."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from indexer.accounts import BOOTSTRAP, ROLES, AccountError
from indexer.auth import SESSION_COOKIE, LoginThrottle, client_ip, principal_for_token

from .layout import error_page, page, service_of
from .security import csrf_ok, set_csrf_cookie, viewer

router = APIRouter(include_in_schema=False)
SIGN_IN = "/dang-nhap"
ROLE_VI = {"reader": "Người đọc", "editor": "Biên tập viên", "admin": "Quản trị viên"}
ACTION_VI = {"upload": "Tải lên", "index": "Lập chỉ mục", "delete": "Xóa văn bản",
             "visibility": "Đổi phạm vi", "sign_in": "Đăng nhập", "sign_out": "Đăng xuất",
             "user_add": "Thêm người dùng", "user_remove": "Xóa người dùng", "user_reset": "Cấp mã mới",
             "user_role": "Đổi vai trò", "denied": "Bị từ chối", "token_rejected": "Mã sai (API)",
             "csrf_rejected": "Biểu mẫu không hợp lệ"}


def _throttle(request: Request) -> LoginThrottle:
    t = getattr(request.app.state, "login_throttle", None)
    if t is None:
        t = request.app.state.login_throttle = LoginThrottle()
    return t


def safe_next(target: str | None) -> str:
    """Only a path of this site (no //host, no scheme): no open redirect after sign-in."""
    target = (target or "/").strip()
    if not target.startswith("/") or target.startswith("//") or "\\" in target or any(ord(c) < 32 for c in target):
        return "/"
    return target


def gate(request: Request, role: str, post: bool = False):
    """None when the viewer has ``role``; else the response: sign-in page (GET) or 401 (POST) for
    anonymous viewers, 403 for too low a role (audited)."""
    who = viewer(request)
    if who.anonymous:
        if post:
            return error_page(request, 401, "Cần đăng nhập", "Hãy đăng nhập để thực hiện thao tác này.",
                              "Mở trang «Đăng nhập» và nhập mã truy cập do quản trị viên cấp.")
        return RedirectResponse(f"{SIGN_IN}?next={quote(str(request.url.path), safe='/')}", status_code=303)
    if not who.can(role):
        service_of(request).accounts.audit(who.label, "denied", request.url.path, ok=False,
                                           ip=client_ip(request), method=request.method, role=who.role,
                                           needs=role)
        return error_page(request, 403, "Không được phép",
                          f"Thao tác này cần vai trò «{ROLE_VI[role]}»; tài khoản của bạn là "
                          f"«{ROLE_VI.get(who.role, who.role)}».", "Liên hệ quản trị viên nếu bạn cần quyền này.")
    return None


def csrf_refused(request: Request, form) -> HTMLResponse | None:
    if csrf_ok(request, form):
        return None
    service_of(request).accounts.audit(viewer(request).label, "csrf_rejected", request.url.path, ok=False,
                                       ip=client_ip(request))
    response = error_page(request, 403, "Biểu mẫu không hợp lệ",
                          "Biểu mẫu đã hết hạn hoặc không được gửi từ trang này.",
                          "Hãy tải lại trang rồi gửi lại biểu mẫu.")
    return response


# -- sign in / out ------------------------------------------------------------------------------------

@router.get(SIGN_IN, response_class=HTMLResponse)
def signin_page(request: Request, next: str | None = Query(None, max_length=500)) -> HTMLResponse:
    return page(request, "signin.html", {"nav": "signin", "next": safe_next(next), "error": None})


@router.post(SIGN_IN, response_class=HTMLResponse)
async def signin_submit(request: Request):
    form = await request.form()
    refused = csrf_refused(request, form)
    if refused:
        return refused
    settings = request.app.state.settings
    accounts = service_of(request).accounts
    ip = client_ip(request)
    target = safe_next(str(form.get("next") or "/"))
    throttle = _throttle(request)
    wait = throttle.wait(ip)
    ctx = {"nav": "signin", "next": target}
    if wait > 0:
        response = page(request, "signin.html", {**ctx, "error": f"Bạn đã nhập sai nhiều lần. Hãy thử lại "
                                                              f"sau {int(wait) + 1} giây."}, 429)
        response.headers["Retry-After"] = str(int(wait) + 1)
        return response
    token = str(form.get("token") or "").strip()[:300]
    if not token:  # nothing was guessed: no slow-down
        return page(request, "signin.html", {**ctx, "error": "Hãy nhập mã truy cập."}, 401)
    principal = principal_for_token(settings, accounts, token)
    if principal is None:
        delay = throttle.failed(ip)
        accounts.audit("?", "sign_in", "", ok=False, ip=ip, delay_s=delay)
        message = "Mã truy cập không đúng."
        if delay:
            message += f" Hãy chờ {int(delay) + (delay % 1 > 0)} giây trước khi thử lại."
        return page(request, "signin.html", {**ctx, "error": message}, 401)
    throttle.succeeded(ip)
    sid = accounts.start_session(principal, bootstrap_token=token if principal.name == BOOTSTRAP else None)
    accounts.audit(principal.label, "sign_in", principal.label, ok=True, ip=ip, role=principal.role)
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(SESSION_COOKIE, sid, httponly=True, samesite="lax", path="/", max_age=8 * 3600,
                        secure=request.url.scheme == "https")
    set_csrf_cookie(request, response)
    return response


@router.post("/dang-xuat", response_class=HTMLResponse)
async def signout(request: Request):
    form = await request.form()
    refused = csrf_refused(request, form)
    if refused:
        return refused
    who = viewer(request)
    accounts = service_of(request).accounts
    accounts.end_session(request.cookies.get(SESSION_COOKIE))
    if not who.anonymous:
        accounts.audit(who.label, "sign_out", who.label, ip=client_ip(request))
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


# -- admin: users and audit -----------------------------------------------------------------------------

def _users_ctx(request: Request, **extra) -> dict:
    return {"nav": "users", "users": service_of(request).accounts.users(), "roles": ROLES, "ROLE_VI": ROLE_VI,
            "error": None, "notice": None, "token": None, **extra}


@router.get("/admin/users", response_class=HTMLResponse)
def users_page(request: Request):
    return gate(request, "admin") or page(request, "users.html", _users_ctx(request))


@router.post("/admin/users", response_class=HTMLResponse)
async def users_submit(request: Request):
    form = await request.form()
    refused = gate(request, "admin", post=True) or csrf_refused(request, form)
    if refused:
        return refused
    accounts, who, ip = service_of(request).accounts, viewer(request), client_ip(request)
    action, name = str(form.get("action") or ""), str(form.get("name") or "").strip()
    try:
        if action == "add":
            token = accounts.add(name, str(form.get("role") or ""), actor=who.label, ip=ip)
            return page(request, "users.html", _users_ctx(
                request, token=token, notice=f"Đã thêm người dùng «{name}». Mã truy cập chỉ hiện một lần:"))
        if action == "reset":
            token = accounts.reset(name, actor=who.label, ip=ip)
            return page(request, "users.html", _users_ctx(
                request, token=token, notice=f"Đã cấp mã mới cho «{name}»; mã cũ hết hiệu lực. Mã mới chỉ hiện một lần:"))
        if action == "remove":
            accounts.remove(name, actor=who.label, ip=ip)
            return page(request, "users.html", _users_ctx(request, notice=f"Đã xóa người dùng «{name}»."))
        if action == "role":
            accounts.set_role(name, str(form.get("role") or ""), actor=who.label, ip=ip)
            return page(request, "users.html", _users_ctx(request, notice=f"Đã đổi vai trò của «{name}»."))
    except AccountError:
        return page(request, "users.html", _users_ctx(
            request, error="Không thực hiện được: tên người dùng không hợp lệ, đã có, hoặc không tồn tại; "
                           "vai trò phải là người đọc, biên tập viên hoặc quản trị viên."), 422)
    return page(request, "users.html", _users_ctx(request, error="Thao tác không hợp lệ."), 422)


@router.get("/admin/audit", response_class=HTMLResponse)
def audit_page(request: Request, action: str | None = Query(None, max_length=40),
               limit: int = Query(200, ge=1, le=5000)):
    refused = gate(request, "admin")
    if refused:
        return refused
    entries = service_of(request).accounts.audit_entries(limit, action or None)
    return page(request, "audit.html", {"nav": "audit", "entries": entries, "action": action or "",
                                        "ACTION_VI": ACTION_VI, "limit": limit})
