"""Fixtures of the answer tests."""

from __future__ import annotations

import pytest

from tests.conftest import CORPUS


@pytest.fixture(scope="module")
def plans(tmp_path_factory):
    """The five plans indexed with the deterministic hash embedder (answers read items and words)."""
    from indexer.service import Service
    from indexer.settings import Settings

    service = Service(Settings(data_dir=tmp_path_factory.mktemp("plans") / "data", model="hash-256"))
    assert service.index_paths([CORPUS]).summary()["added"] == 5
    return service
