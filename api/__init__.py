"""JSON API routers (FastAPI). Every route calls the service layer (``indexer.service``) through the
typed dependencies in ``api.deps``; every response has a model, so /docs shows every shape."""

from . import admin, answers, compare, core, coverage

routers = [core.router, admin.router, answers.router, compare.router, coverage.router]
