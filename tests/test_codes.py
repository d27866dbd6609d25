"""A catalogue's code in any common spelling finds its condition, in `show` and `search`; a
well-formed code the release lacks says so and is never guessed at."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from condlookup.sources.codes import canonical_code
from test_cli import run


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("ORPHA:558", "ORPHA:558"),
        ("Orphanet:558", "ORPHA:558"),
        ("Orphanet_558", "ORPHA:558"),
        ("orpha 558", "ORPHA:558"),
        ("MIM:154700", "OMIM:154700"),
        ("mim #154700", "OMIM:154700"),
        ("omim154700", "OMIM:154700"),
        ("MONDO_0007947", "MONDO:0007947"),
        ("mondo:7947", "MONDO:0007947"),
        ("GARD:16535", "GARD:0016535"),
        ("decipher 16", "DECIPHER:16"),
    ],
)
def test_the_common_spellings_of_a_code(typed: str, code: str) -> None:
    assert canonical_code(typed) == code


@pytest.mark.parametrize("text", ["marfan", "OMIM:12", "ORPHA:12345678", "HP:0001251", "558", ""])
def test_what_is_not_a_well_formed_code(text: str) -> None:
    assert canonical_code(text) is None


@pytest.fixture
def runner(fixture_catalogue: Path) -> CliRunner:
    runner = CliRunner()
    run(runner, "list")  # the first command builds the index, and says so on stderr
    return runner


@pytest.mark.parametrize("typed", ["OMIM:100001", "mim 100001", "omim_100001", "MIM #100001"])
def test_show_takes_any_spelling(runner: CliRunner, typed: str) -> None:
    code, out, err = run(runner, "show", typed, "--no-pager")
    assert (code, err) == (0, "")
    assert out.startswith("Test ataxia syndrome\n")


def test_a_code_the_release_lacks_is_named_with_the_release_never_guessed(
    runner: CliRunner,
) -> None:
    code, out, err = run(runner, "show", "OMIM:621262")
    assert (code, out) == (1, "")
    assert err.startswith("condlookup: error: OMIM:621262 is not in the data this condlookup uses")
    assert "HPO release 2099-01-01" in err and "condlookup update" in err
    assert "did you mean" not in err


@pytest.mark.parametrize("typed", ["ORPHA:999999", "orphanet_999999"])
def test_search_finds_a_condition_by_its_code(runner: CliRunner, typed: str) -> None:
    code, out, err = run(runner, "search", typed)
    assert (code, err) == (0, "")
    assert out.splitlines()[0].split() == ["test-fever", "Test", "fever"]
    assert "code: ORPHA:999999" in out


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("sjogrens", "sjogren"),
        ("huntingtons disease", "huntington disease"),
        ("migraines", "migraine"),
        ("sickle cell anaemia", "sickle cell anemia"),
        ("haemophilia a", "hemophilia a"),
        ("leukaemia", "leukemia"),
        ("oesophageal atresia", "esophageal atresia"),
        ("wilms tumour", "wilm tumor"),
        ("paediatric", "pediatric"),
        ("multiple sclerosis", "multiple sclerosis"),  # a word's own s stays
        ("lupus", "lupus"),
    ],
)
def test_names_are_folded_as_people_type_them(typed: str, folded: str) -> None:
    from condlookup.text import fold_key

    assert fold_key(typed) == folded


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("sjogrens", "sjogren-syndrome"),
        ("huntingtons", "MONDO:0007739"),
        ("haemophilia a", "MONDO:0010602"),
        ("sickle cell anaemia", "MONDO:0011382"),
        ("Orphanet_558", "MONDO:0007947"),
    ],
)
def test_real_names_as_people_type_them(real_catalogue: Path, typed: str, found: str) -> None:
    from condlookup.library import Library

    assert Library.open().identify(typed) == found
    assert Library.open().search(typed).hits[0].id == found


HOSTILE = [
    "a" * 10_000,
    "!!!---",
    "the disease",
    "\x1b[2Jfoo",
    "[red]x[/red]",
    "NEAR(a b)",
    "\x00\x07",
]


@pytest.mark.parametrize("command", ["show", "export", "search"])
@pytest.mark.parametrize("typed", HOSTILE)
def test_hostile_names_are_one_short_line(runner: CliRunner, command: str, typed: str) -> None:
    code, out, err = run(runner, command, "--", typed)
    if command == "search" and code == 0:  # words of a name, searched as words: text, not markup
        assert typed in {"[red]x[/red]", "NEAR(a b)"} and err == ""
        assert "\x1b" not in out and "[/red]" not in out
        return
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and len(err) < 400
    assert "\x1b" not in err and "\x07" not in err and "Traceback" not in err
