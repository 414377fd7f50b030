"""Who may write: the admin token (``NGHIQUYET_ADMIN_TOKEN``). Used by the JSON API (Bearer header)
and the pages (form field or remembered cookie) alike. Constant-time comparison; an empty setting
disables writing altogether."""

from __future__ import annotations

import hmac


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
