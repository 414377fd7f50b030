"""Typed dependencies of the JSON API: the service as the caller may see it, the settings, and the
role checks of writing endpoints.

``ServiceDep`` is the service *for the caller* (``Service.for_viewer``): anonymous callers get a
view without internal documents, so every read endpoint is filtered without code of its own."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.responses import Response
from pydantic import BaseModel

from indexer.accounts import Principal
from indexer.auth import InvalidToken, client_ip, request_principal
from indexer.service import Service
from indexer.settings import Settings

_INVALID = ("invalid token: no user has it and it is not NGHIQUYET_ADMIN_TOKEN "
            "(see `nghiquyet users`)")


def get_principal(request: Request) -> Principal:
    """The caller: Bearer token, else (for GET/HEAD only) the web session cookie, else anonymous.
    A token nobody has is a 403."""
    try:
        return request_principal(request, cookie=request.method in ("GET", "HEAD"))
    except InvalidToken:
        request.app.state.service.accounts.audit("?", "token_rejected", request.url.path, ok=False,
                                                 ip=client_ip(request))
        raise HTTPException(403, _INVALID) from None


def get_service(request: Request) -> Service:
    return request.app.state.service.for_viewer(get_principal(request))


def get_settings(request: Request) -> Settings:
    """The server's settings (admin token, limits); the service may have been built with others."""
    return request.app.state.settings


ServiceDep = Annotated[Service, Depends(get_service)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


def require_role(role: str):
    """401 without credentials, 403 when the caller's role is below ``role``."""

    def check(request: Request) -> Principal:
        principal = get_principal(request)
        if principal.anonymous:
            raise HTTPException(401, "missing 'Authorization: Bearer <token>' header",
                                headers={"WWW-Authenticate": "Bearer"})
        if not principal.can(role):
            request.app.state.service.accounts.audit(principal.label, "denied", request.url.path, ok=False,
                                                     ip=client_ip(request), method=request.method,
                                                     role=principal.role, needs=role)
            raise HTTPException(403, f"this needs the {role} role; you are {principal.role}")
        return principal

    check.__name__ = f"require_{role}"
    return check


EditorDep = Annotated[Principal, Depends(require_role("editor"))]
AdminOnlyDep = Annotated[Principal, Depends(require_role("admin"))]
AdminDep = Depends(require_role("editor"))  # writing the index (kept name: uploads and deletes)


def model_json(model: BaseModel) -> Response:
    """``model`` as JSON, serialized once by pydantic-core. A route that returns the model itself
    has FastAPI dump it to a dict, validate that against ``response_model`` again and encode it
    with ``json``: ~1 ms for ten passages on the hottest routes. The route keeps its
    ``response_model`` so /docs still shows the shape; the value is already that model."""
    return Response(model.model_dump_json(), media_type="application/json")
