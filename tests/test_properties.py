"""Whatever a user types, `show` and `search` end with 0, 1 or 2 and a message, never a traceback."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from condlookup.commands.app import app
from condlookup.library import Library

# Words the index knows, FTS5 syntax, paths, markup and control characters, mixed with noise.
PIECES = st.sampled_from(
    ['"', "*", "NEAR", "(", ")", "-", "OR", "AND", "^", ":", "../../etc/passwd", "[bold]",
     "\x1b[31m", "ataxia", "oms", "ORPHA:", "HP:12", "%", "'; DROP TABLE names; --", "\x00"]
)  # fmt: skip
QUERIES = st.lists(st.one_of(st.text(min_size=1, max_size=30), PIECES), min_size=1, max_size=5)
PROFILE = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def built(fixture_catalogue: object) -> None:
    """The fixture pages and tiny HPO release, indexed before the examples run."""
    Library.open().close()


def check(runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code in (0, 1, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "Traceback" not in result.stdout + result.stderr
    if result.exit_code == 0:
        assert result.stdout
    else:
        assert result.stderr.strip()
    if result.exit_code == 1:
        assert result.stdout == ""
        assert result.stderr.count("\n") == 1


@PROFILE
@given(words=QUERIES)
def test_show_never_crashes(runner: CliRunner, built: None, words: list[str]) -> None:
    check(runner, ["show", *words])


@PROFILE
@given(words=QUERIES)
def test_search_never_crashes(runner: CliRunner, built: None, words: list[str]) -> None:
    check(runner, ["search", *words])


@PROFILE
@given(words=QUERIES)
def test_match_never_crashes(runner: CliRunner, built: None, words: list[str]) -> None:
    check(runner, ["match", *words])
