"""Web pages (Vietnamese, server-rendered with Jinja2). Every page calls the service layer; none
imports the JSON API."""

from . import account_pages, answer_pages, compare_pages, coverage_pages, pages
from .layout import STATIC_DIR

routers = [pages.router, answer_pages.router, compare_pages.router, coverage_pages.router, account_pages.router]

__all__ = ["STATIC_DIR", "routers"]
