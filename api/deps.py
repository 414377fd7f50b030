"""Typed dependencies of the JSON API: the service, the settings, the admin check."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Request

from indexer.auth import bearer, token_configured, token_ok
from indexer.service import Service
from indexer.settings import Settings


def get_service(request: Request) -> Service:
    return request.app.state.service


def get_settings(request: Request) -> Settings:
    """The server's settings (admin token, limits); the service may have been built with others."""
    return request.app.state.settings


ServiceDep = Annotated[Service, Depends(get_service)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


def require_admin(request: Request) -> None:
    """403 when writing is disabled or the token is wrong, 401 when it is missing."""
    settings = request.app.state.settings
    if not token_configured(settings):
        raise HTTPException(403, "uploads and deletes are disabled on this server: set "
                                 "NGHIQUYET_ADMIN_TOKEN and restart it")
    given = bearer(request.headers)
    if given is None:
        raise HTTPException(401, "missing 'Authorization: Bearer <token>' header",
                            headers={"WWW-Authenticate": "Bearer"})
    if not token_ok(settings, given):
        raise HTTPException(403, "invalid admin token")


AdminDep = Depends(require_admin)
