"""Fixtures of the answer tests."""

from __future__ import annotations

from types import SimpleNamespace

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


def law_result(text: str, doc_id: str):
    """A search result holding one line of a law (for the readers that take retrieved passages)."""
    return SimpleNamespace(text=text, doc_id=doc_id, doc_title="Luật", start=0, end=len(text),
                           section_path_parts=["Điều"])


def actor_units(text: str, doc_id: str, vi_question: str) -> list[str]:
    """The units the actor reader finds doing what ``vi_question`` asks in one line of a law."""
    from indexer.answer.actors import actor_items

    return [it["unit"] for it in actor_items([law_result(text, doc_id)], vi_question, [])]
