"""Engine fixtures: a Milvus Lite server for the session (127.0.0.1, a free port) and Services over
each engine with the deterministic hash embedder.

The Milvus side is skipped, loudly and with its reason, only when milvus-lite is not installed
(``test_milvus_lite_skip_reason`` checks that reason); a server that does not start fails."""

from __future__ import annotations

import uuid

import pytest

from indexer.engine.milvus_lite import LiteServer, MilvusLiteMissing, lite_binary
from indexer.settings import Settings

ENGINES = ["local", "milvus"]


@pytest.fixture(scope="session")
def milvus_uri(tmp_path_factory):
    try:
        lite_binary()
        import pymilvus  # noqa: F401
    except (MilvusLiteMissing, ImportError) as exc:
        pytest.skip(f"MILVUS ENGINE NOT TESTED: {exc}")
    server = LiteServer(tmp_path_factory.mktemp("milvus") / "data")
    with server as uri:
        yield uri


def engine_settings(name: str, tmp_path, request, **overrides) -> Settings:
    """Settings of one engine: local files in ``tmp_path`` or fresh collections on the server."""
    if name == "milvus":
        uri = request.getfixturevalue("milvus_uri")
        overrides = {"milvus_uri": uri, "milvus_prefix": f"t{uuid.uuid4().hex[:12]}", **overrides}
    return Settings(data_dir=tmp_path / "data", model="hash-256", engine=name, **overrides)


@pytest.fixture(params=ENGINES)
def engine_name(request) -> str:
    return request.param


@pytest.fixture
def make_service(engine_name, tmp_path, request):
    """A factory of Services over the parametrized engine sharing one store (same data dir or prefix)."""
    from indexer.service import Service

    base = engine_settings(engine_name, tmp_path, request)

    def make(**overrides):
        return Service(base.model_copy(update=overrides))

    return make
