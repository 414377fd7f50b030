"""Who is asking. Shared by the JSON API and the pages (neither imports the other):

- a Bearer token (``Authorization: Bearer <token>``): a user's token (``indexer.accounts``) or the
  bootstrap admin token ``NGHIQUYET_ADMIN_TOKEN`` (compared in constant time);
- else a web session cookie (set by the sign-in page; HttpOnly, SameSite=Lax);
- else anonymous.

A wrong token is an error (``InvalidToken``), never silently anonymous. The sign-in slow-down
(``LoginThrottle``) makes guessing tokens through the sign-in page slower still."""

from __future__ import annotations

import hmac
import threading
import time

from indexer.accounts import ANONYMOUS, BOOTSTRAP, Principal

SESSION_COOKIE = "nq_session"


class InvalidToken(Exception):
    """A token was given but belongs to nobody."""


def token_configured(settings) -> bool:
    return bool((settings.admin_token or "").strip())


def token_ok(settings, given: str | None) -> bool:
    """Constant-time comparison with the configured token; always False when none is configured."""
    expected = (settings.admin_token or "").strip()
    if not expected or not given:
        return False
    return hmac.compare_digest(given.strip().encode("utf-8"), expected.encode("utf-8"))


def bearer(headers) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header, else None."""
    scheme, _, value = (headers.get("authorization") or "").partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


def principal_for_token(settings, accounts, token: str | None) -> Principal | None:
    """The bootstrap admin, a user, or None for a token nobody has."""
    if not token:
        return None
    if token_ok(settings, token):
        return Principal(BOOTSTRAP, "admin")
    return accounts.authenticate(token)


def request_principal(request, cookie: bool = True) -> Principal:
    """Who sent ``request`` (cached on it). ``cookie=False`` ignores the session cookie (the API's
    writing methods take the Bearer header only, so a cross-site form can never act as a user)."""
    key = "principal" if cookie else "principal_bearer"
    cached = getattr(request.state, key, None)
    if cached is not None:
        return cached
    settings = request.app.state.settings
    accounts = request.app.state.service.accounts
    token = bearer(request.headers)
    if token is not None:
        principal = principal_for_token(settings, accounts, token)
        if principal is None:
            raise InvalidToken()
    elif cookie:
        principal = accounts.session(request.cookies.get(SESSION_COOKIE), settings.admin_token or "") \
            or ANONYMOUS
    else:
        principal = ANONYMOUS
    setattr(request.state, key, principal)
    return principal


def client_ip(request) -> str:
    return request.client.host if request.client else ""


class LoginThrottle:
    """Slow-down after failed sign-ins, per client address: the first ``free`` failures cost
    nothing, then each one doubles the wait before the next attempt (1 s, 2 s, 4 s … up to
    ``cap``). A success clears the count. In memory, per server process."""

    def __init__(self, free: int = 3, cap: float = 300.0, window: float = 900.0):
        self.free, self.cap, self.window = free, cap, window
        self._lock = threading.Lock()
        self._state: dict[str, tuple[int, float, float]] = {}  # key -> (failures, last, blocked until)

    def wait(self, key: str) -> float:
        """Seconds before ``key`` may try again (0: now)."""
        with self._lock:
            failures, last, until = self._state.get(key, (0, 0.0, 0.0))
        return max(0.0, until - time.monotonic())

    def failed(self, key: str) -> float:
        now = time.monotonic()
        with self._lock:
            failures, last, _ = self._state.get(key, (0, 0.0, 0.0))
            if now - last > self.window:
                failures = 0
            failures += 1
            delay = 0.0 if failures <= self.free else min(self.cap, 2.0 ** (failures - self.free - 1))
            self._state[key] = (failures, now, now + delay)
            if len(self._state) > 50_000:
                self._state = {k: v for k, v in self._state.items() if now - v[1] < self.window}
        return delay

    def succeeded(self, key: str) -> None:
        with self._lock:
            self._state.pop(key, None)
