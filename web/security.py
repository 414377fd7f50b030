"""Who is looking at a page, and the CSRF check of every form post.

- The viewer comes from the session cookie (``indexer.auth``); a bad Bearer header on a page is
  treated as nobody.
- CSRF: double-submit token. Every page render makes sure the browser holds a random ``nq_csrf``
  cookie (HttpOnly, SameSite=Strict) and every form carries the same value in a hidden field
  ``csrf`` (``csrf_field()`` in templates); a post whose field does not match the cookie is refused
  (403) before anything else is read or done. Another site can neither read the cookie nor set
  the field, so it cannot post a form as the signed-in user.
- Role checks of pages: anonymous -> sign-in page (GET) or 401 (POST), too low a role -> 403."""

from __future__ import annotations

import hmac
import secrets

from fastapi import Request
from markupsafe import Markup, escape

from indexer.accounts import ANONYMOUS, Principal
from indexer.auth import InvalidToken, request_principal

CSRF_COOKIE = "nq_csrf"
CSRF_FIELD = "csrf"


def viewer(request: Request) -> Principal:
    try:
        return request_principal(request, cookie=True)
    except InvalidToken:
        return ANONYMOUS


def csrf_token(request: Request) -> str:
    """The browser's CSRF token, or a new one (set as a cookie by ``set_csrf_cookie``)."""
    current = request.cookies.get(CSRF_COOKIE)
    if current and 20 <= len(current) <= 100:
        return current
    new = getattr(request.state, "new_csrf", None)
    if new is None:
        new = request.state.new_csrf = secrets.token_urlsafe(32)
    return new


def csrf_field(request: Request) -> Markup:
    return Markup(f'<input type="hidden" name="{CSRF_FIELD}" value="{escape(csrf_token(request))}">')


def set_csrf_cookie(request: Request, response) -> None:
    new = getattr(request.state, "new_csrf", None)
    if new:
        response.set_cookie(CSRF_COOKIE, new, httponly=True, samesite="strict", path="/",
                            secure=request.url.scheme == "https")


def csrf_ok(request: Request, form) -> bool:
    cookie = request.cookies.get(CSRF_COOKIE) or ""
    given = str(form.get(CSRF_FIELD) or "") if form is not None else ""
    return bool(cookie and given) and hmac.compare_digest(cookie.encode(), given.encode())
