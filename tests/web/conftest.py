"""Fixtures for the web UI tests: the fake (hash-embedder) engine with corpus plans plus a small
Nghị quyết that one of them implements, and a TestClient with an admin token.

The index is built once per session and copied for each test (indexing costs seconds, a copy
milliseconds), so tests that upload or delete never disturb each other."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from server.app import create_app
from indexer.service import Service
from indexer.settings import Settings
from tests.conftest import PLANS

HERE = Path(__file__).resolve().parent
NQ08 = HERE / "nq08.txt"  # "Nghị quyết số 08-NQ/TU" that plan 000 implements
TOKEN = "s3cret-token-0123456789"


@pytest.fixture(scope="session")
def _indexed_template(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("web-index") / "data"
    engine = Service(Settings(data_dir=data, model="hash-256"))
    files = [(PLANS[k].name, PLANS[k].read_bytes()) for k in ("000", "002", "003")]
    report = engine.add_files(files + [(NQ08.name, NQ08.read_bytes())])
    assert report.summary()["added"] == 4, report.to_dict()
    return data


@pytest.fixture
def indexed_engine(_indexed_template, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(_indexed_template, data, ignore=shutil.ignore_patterns(".lock"))
    return Service(Settings(data_dir=data, model="hash-256", show_errors=True))  # page errors fail tests


@pytest.fixture
def client(indexed_engine):
    settings = indexed_engine.settings.model_copy(update={"admin_token": TOKEN})
    return TestClient(create_app(settings, indexed_engine))


@pytest.fixture
def client_no_token(indexed_engine):
    settings = indexed_engine.settings.model_copy(update={"admin_token": ""})
    return TestClient(create_app(settings, indexed_engine))
