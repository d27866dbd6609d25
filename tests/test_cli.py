"""The commands as a user runs them: exit code, stdout and stderr, each checked on its own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from condlookup.commands.app import app
from condlookup.paths import INDEX_SCHEMA
from conftest import BAD_PAGES, FIXTURE_HPO, FIXTURE_PAGES


def run(runner: CliRunner, *args: str, **env: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env=env or None)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def test_show_prints_the_page(runner: CliRunner, fixture_pages: object) -> None:
    code, out, err = run(runner, "show", "test", "fever")
    assert (code, err) == (0, "")
    assert out.startswith("Test fever\n==========\nAlso called: TF, Fièvre d'essai\n")
    assert "See a pediatric neurologist (children) or a neurologist." in out
    assert out.endswith(
        "This is information, not a diagnosis or medical advice: talk to a doctor about\n"
        "your own situation.\n"
    )


def test_show_nothing_found_is_one_line_on_stderr(runner: CliRunner, fixture_pages: object) -> None:
    code, out, err = run(runner, "show", "test", "fevr")
    assert (code, out) == (1, "")
    assert err == (
        "condlookup: error: no condition named 'test fevr' (condlookup covers its own pages; "
        'did you mean: "Test fever", "Test rash syndrome"?)\n'
    )


def test_show_json_has_the_stable_keys(runner: CliRunner, fixture_pages: object) -> None:
    code, out, err = run(runner, "show", "ORPHA:999999", "--json")
    assert (code, err) == (0, "")
    page = json.loads(out)
    assert list(page) == [
        "id", "name", "aliases", "source", "codes", "summary", "summary_source", "summary_from",
        "definition", "facts", "sections",
        "symptoms", "specialists", "related", "sources", "reviewed", "hpo_version", "origin", "annotations",
        "broader", "narrower", "types", "mondo_version", "orphanet_version", "found_by", "genes",
        "gene_named",
    ]  # fmt: skip
    assert page["codes"] == ["ORPHA:999999"]
    assert page["symptoms"][1] == {
        "name": "Ataxia",
        "hpo": "HP:0001251",
        "description": "Unsteady, clumsy movements",
        "frequency": None,
    }


def test_data_is_shown_as_text_never_interpreted(runner: CliRunner, fixture_pages: object) -> None:
    code, out, _ = run(runner, "show", "test-rash")
    assert code == 0
    assert "[red]Not markup.[/red] \\x1b[2J" in out
    assert "\x1b" not in out


def test_usage_errors_exit_2(runner: CliRunner) -> None:
    assert run(runner, "show")[0] == 2
    assert run(runner, "search")[0] == 2
    assert run(runner, "list", "--bogus")[0] == 2
    assert run(runner, "search", "x", "--limit", "0")[0] == 2


def test_search_shows_the_matched_line(runner: CliRunner, fixture_pages: object) -> None:
    code, out, err = run(runner, "search", "clumsy")
    assert (code, err) == (0, "")
    assert (
        out == "test-fever  Test fever\n            symptom: Ataxia: Unsteady, clumsy movements\n"
    )


def test_search_json_and_limit(runner: CliRunner, fixture_pages: object) -> None:
    code, out, _ = run(runner, "search", "test", "--json", "--limit", "1")
    data = json.loads(out)
    assert code == 0
    assert (data["query"], data["total"], len(data["results"])) == ("test", 2, 1)
    assert set(data["results"][0]) == {"id", "name", "source", "codes", "score", "matched"}
    code, out, _ = run(runner, "search", "test", "--limit", "1")
    assert out.endswith("... and 1 more (use --limit to see them)\n")


def test_search_nothing_found(runner: CliRunner, fixture_pages: object) -> None:
    code, out, err = run(runner, "search", "NEAR(fever", "zzz)")
    assert (code, out) == (1, "")
    assert (
        err == "condlookup: error: nothing matches 'NEAR(fever zzz)' (try fewer or other words)\n"
    )


def test_a_search_of_too_many_words_is_a_usage_error(
    runner: CliRunner, fixture_pages: object, private_environment: Path
) -> None:
    code, out, err = run(runner, "search", *["clumsy"] * 33)
    assert (code, out) == (2, "")
    assert err == (
        "condlookup: error: 33 words is more than 32 (search for the few words every condition "
        "found must have)\n"
    )
    assert not private_environment.exists()  # refused before an index is built
    # Words as the search counts them: punctuation between them counts as a space.
    assert run(runner, "search", "-".join(["clumsy"] * 33))[0] == 2
    assert run(runner, "search", *["clumsy"] * 32)[:2] == (0, run(runner, "search", "clumsy")[1])


def test_list_piped_is_one_id_per_line(runner: CliRunner, fixture_pages: object) -> None:
    assert run(runner, "list") == (0, "test-fever\ntest-rash\n", "")
    assert run(runner, "list", "--specialist", "dermatologist") == (0, "test-rash\n", "")
    code, out, _ = run(runner, "list", "--json")
    assert [item["id"] for item in json.loads(out)] == ["test-fever", "test-rash"]
    code, out, err = run(runner, "list", "--specialist", "astronaut")
    assert (code, out) == (1, "")
    assert err == "condlookup: error: no condition is seen by a 'astronaut'\n"


def test_terminal_output_uses_rich(
    runner: CliRunner, fixture_pages: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("condlookup.commands.output.styled", lambda: True)
    code, out, _ = run(runner, "show", "tf", "--no-pager")
    assert code == 0
    assert "╭─ Who to see" in out
    assert "• A body temperature higher than normal — Fever (HP:0001945), very frequent" in out


def test_no_color_gives_plain_text(
    runner: CliRunner, fixture_pages: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)
    code, out, _ = run(runner, "show", "test-fever", NO_COLOR="1")
    assert code == 0
    assert out.startswith("Test fever\n==========\n")


@pytest.mark.parametrize(
    ("query", "found_by"),
    [
        ("TF", "TF"),
        ("fièvre  d'essai", "fièvre d'essai"),
        ("test fever", None),
        ("ORPHA:999999", None),
    ],
)
def test_a_page_says_which_of_its_names_found_it(
    runner: CliRunner, fixture_pages: object, query: str, found_by: str | None
) -> None:
    """An abbreviation or another name is said on the first line (and in `found_by`); the
    condition's own name, its id or a code is not."""
    code, out, _ = run(runner, "show", *query.split(), "--no-pager")
    assert code == 0
    first = (
        f"{found_by} is one of the names of Test fever.\n\nTest fever\n"
        if found_by
        else "Test fever\n"
    )
    assert out.startswith(first)
    code, out, _ = run(runner, "show", *query.split(), "--json")
    assert json.loads(out)["found_by"] == found_by


def test_validate(runner: CliRunner) -> None:
    assert run(runner, "validate", str(FIXTURE_PAGES)) == (0, "ok: 2 page(s), no problems\n", "")
    code, out, err = run(runner, "validate", str(BAD_PAGES), str(FIXTURE_PAGES / "test-fever.yaml"))
    lines = err.splitlines()
    assert (code, out) == (1, "")
    assert (
        f"condlookup: {BAD_PAGES / 'unknown-key.yaml'}:2:1: sumary: unknown key (did you mean 'summary'?); allowed keys: name, summary, sections, symptoms, specialists, sources, reviewed, aliases, codes, facts, related"
        in lines
    )
    assert lines[-1] == "condlookup: error: 16 problem(s) in 11 of 12 file(s)"
    code, out, err = run(runner, "validate", "no/such/folder")
    assert (code, out) == (1, "")
    assert err.splitlines()[0] == "condlookup: no/such/folder: no such file or folder"


def test_invalid_bundled_pages_are_an_error_not_a_traceback(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from condlookup.index.sources import Sources
    from condlookup.pages.folders import PageFolder
    from conftest import use_sources

    use_sources(monkeypatch, Sources((PageFolder(BAD_PAGES, "curated"),), None))
    code, out, err = run(runner, "show", "oms")
    assert (code, out) == (1, "")
    assert err.startswith(f"condlookup: error: {BAD_PAGES / 'Bad_Name.yaml'}: the file name")
    assert err.endswith("(run `condlookup validate` to see every problem)\n")
    assert err.count("\n") == 1


def test_info_and_version(runner: CliRunner, fixture_pages: object) -> None:
    code, out, _ = run(runner, "info")
    assert code == 0
    assert "Curated pages  2\n" in out
    assert f"Page folders   {FIXTURE_PAGES}\n" in out
    assert "HPO release    not loaded\n" in out
    assert (
        f"Index          {os.environ['CONDLOOKUP_CACHE_DIR']}/index-v{INDEX_SCHEMA}.sqlite\n" in out
    )
    code, out, _ = run(runner, "--version")
    assert (code, out) == (0, "condlookup 0.1.0\n")


def test_completion_offers_condition_ids(runner: CliRunner, fixture_pages: object) -> None:
    result = runner.invoke(
        app,
        [],
        prog_name="condlookup",
        env={
            "_CONDLOOKUP_COMPLETE": "complete_bash",
            "COMP_WORDS": "condlookup show test-r",
            "COMP_CWORD": "2",
        },
    )
    assert result.stdout.split() == ["test-rash"]


def test_a_tall_page_goes_through_the_pager_on_a_terminal(
    runner: CliRunner, fixture_pages: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    paged: list[str] = []
    monkeypatch.setattr("condlookup.commands.output.styled", lambda: True)
    monkeypatch.setattr("pydoc.pager", paged.append)
    code, out, _ = run(runner, "show", "tf", LINES="10")
    assert (code, out, len(paged)) == (0, "", 1)
    assert "Who to see" in paged[0]
    code, out, _ = run(runner, "show", "tf", "--no-pager", LINES="10")
    assert (code, len(paged)) == (0, 1)
    assert "Who to see" in out
    code, out, _ = run(runner, "show", "tf", LINES="500")
    assert (code, len(paged)) == (0, 1)


def test_a_closed_pipe_is_not_a_crash(tmp_path: Path) -> None:
    """`condlookup show oms | head -1`: the reader goes away; no traceback."""
    environment = {**os.environ, "CONDLOOKUP_HPO_DIR": str(FIXTURE_HPO)}
    subprocess.run(
        [sys.executable, "-m", "condlookup", "list"],
        env=environment,
        check=True,
        capture_output=True,
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "condlookup", "show", "oms"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environment,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    error = process.stderr.read()
    process.wait(timeout=60)
    assert error == b""
    assert process.returncode in (0, 1)


def test_show_a_catalogue_disease(
    runner: CliRunner, fixture_catalogue: object, update_goldens: bool
) -> None:
    from conftest import check_golden

    run(runner, "list")  # build the index first: a build adds a notice on stderr
    code, out, err = run(runner, "show", "OMIM:100001")
    assert (code, err) == (0, "")
    check_golden("omim-100001.plain.txt", out, update_goldens)
    code, out, _ = run(runner, "show", "omim:100001", "--json")
    page = json.loads(out)
    assert (page["source"], page["codes"], page["hpo_version"]) == (
        "hpo",
        ["OMIM:100001"],
        "2099-01-01",
    )
    assert page["symptoms"][0] == {
        "name": "Ataxia",
        "hpo": "HP:0001251",
        "description": "Incoordination",
        "frequency": "very frequent",
    }
    # Who to see, each with why: derived for a catalogue disease.
    nervous = "its features are mostly of the nervous system"
    assert page["specialists"] == [
        {"name": "pediatric neurologist (children)", "because": nervous},
        {"name": "neurologist", "because": nervous},
        {
            "name": "clinical geneticist",
            "because": "the HPO's annotations of its catalogue entries give autosomal dominant inheritance",
        },
    ]


def test_specialists_say_why_in_json_for_every_page(
    runner: CliRunner, fixture_catalogue: object
) -> None:
    run(runner, "list")  # build the index first: a build adds a notice on stderr
    code, out, _ = run(runner, "show", "test-rash", "--json")
    named = [
        {"name": "ENT surgeon", "because": "the page names them"},
        {"name": "dermatologist", "because": "the page names them"},
    ]
    assert json.loads(out)["specialists"] == named
    code, out, _ = run(runner, "list", "--json", "--source", "all")
    listed = {item["id"]: item["specialists"] for item in json.loads(out)}
    assert listed["test-rash"] == named
    assert listed["OMIM:100001"][1] == {
        "name": "neurologist",
        "because": "its features are mostly of the nervous system",
    }
    # The filters still take a name, or a part of one.
    code, out, _ = run(runner, "list", "--source", "all", "--specialist", "geneticist")
    assert code == 0 and "OMIM:100001" in out.split()


def test_a_curated_page_folds_its_annotations(runner: CliRunner, fixture_catalogue: object) -> None:
    run(runner, "list")
    code, out, _ = run(runner, "show", "tf")
    assert code == 0
    assert (
        "2 HPO phenotype terms in 2 organ systems, from ORPHA:999999 and this page's symptom list (show them with --annotations)."
        in " ".join(out.split())
    )
    assert "This product uses the Human Phenotype Ontology (release 2099-01-01)." in out
    out = run(runner, "show", "tf", "--annotations")[1]
    assert "               frequency not known  Ataxia (incoordination)\n" in out
    assert "    ██░░░░░░░░ occasional           Coloboma (notched pupil)\n" in out


def test_match_shows_the_mapping_then_the_ranking(
    runner: CliRunner, fixture_catalogue: object, update_goldens: bool
) -> None:
    from conftest import check_golden

    run(runner, "list")
    code, out, err = run(runner, "match", "dry mouth", "HP:0009999")
    assert (code, err) == (0, "")
    check_golden("match-tiny.plain.txt", out, update_goldens)
    code, out, _ = run(runner, "match", "dry mouth", "--json")
    data = json.loads(out)
    assert list(data) == ["symptoms", "absent", "not_read", "advice", "total", "genes", "results"]
    assert data["symptoms"][0] == {
        "input": "dry mouth",
        "hpo": "HP:0000217",
        "name": "Xerostomia",
        "note": None,
        "alternatives": [],
        "options": [],
    }
    assert list(data["results"][0]) == [
        "rank",
        "id",
        "name",
        "source",
        "codes",
        "score",
        "matched",
        "prior",
        "genes",
    ]
    first = data["results"][0]
    assert list(first["prior"]) == ["features", "points"]
    # The score is what each symptom added plus the prior, as the plain output says.
    parts = sum(part["points"] for part in first["matched"])
    assert abs(first["score"] - parts - first["prior"]["points"]) < 0.01
    assert list(data["results"][0]["matched"][0]) == [
        "query_hpo",
        "disease_hpo",
        "name",
        "frequency",
        "points",
        "absent",
        "query_name",
        "together",
    ]


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (
            ["match", "xero lips"],
            "condlookup: error: no HPO term matches 'xero lips' (closest terms: Xerostomia (HP:0000217))\n",
        ),
        (
            ["match", "flying"],
            "condlookup: error: no finding is named 'flying' (try other words)\n",
        ),
        (["show", "ORPHA:"], "condlookup: error: 'ORPHA:' is not a condition condlookup covers"),
    ],
)
def test_bad_catalogue_input_is_one_line(
    runner: CliRunner, fixture_catalogue: object, args: list[str], error: str
) -> None:
    run(runner, "list")
    code, out, err = run(runner, *args)
    assert (code, out) == (1, "")
    assert err.startswith(error) and err.count("\n") == 1


def test_a_phrase_that_names_nothing_is_skipped_and_the_rest_goes_on(
    runner: CliRunner, fixture_catalogue: object
) -> None:
    run(runner, "list")
    code, out, err = run(runner, "match", "xero lips", "ataxia", "-n", "1")
    assert code == 0 and out.startswith("Symptoms\n  ataxia  -> Ataxia (HP:0001251)\n")
    assert err == (
        "condlookup: note: skipped 'xero lips': no HPO term matches 'xero lips' "
        "(closest terms: Xerostomia (HP:0000217))\n"
    )


def test_match_without_symptoms_is_a_usage_error(
    runner: CliRunner, fixture_catalogue: object
) -> None:
    assert run(runner, "match")[0] == 2


@pytest.mark.parametrize(
    ("args", "typo"),
    [
        (["HP:12"], "'HP:12'"),
        (["ataxia", "HP:abc"], "'HP:abc'"),
        (["ataxia, HP:00000001 and falls"], "'HP:00000001'"),
        (["ataxia", "hp:"], "'hp:'"),
        (["ataxia", "--not", "HP:12"], "--not: 'HP:12'"),
    ],
)
def test_a_malformed_hpo_id_is_a_usage_error(
    runner: CliRunner,
    fixture_catalogue: object,
    private_environment: Path,
    args: list[str],
    typo: str,
) -> None:
    code, out, err = run(runner, "match", *args)
    assert (code, out) == (2, "")
    assert err == (
        f"condlookup: error: {typo} is not an HPO id (an HPO id is HP: and 7 digits, as in "
        "HP:0001251)\n"
    )
    assert not private_environment.exists()  # said before an index is built


def test_an_hpo_id_this_release_lacks_is_skipped_as_unknown_words_are(
    runner: CliRunner, fixture_catalogue: object
) -> None:
    run(runner, "list")
    code, out, err = run(runner, "match", "ataxia", "HP:9999999", "-n", "1")
    assert code == 0 and out.startswith("Symptoms\n  ataxia  -> Ataxia (HP:0001251)\n")
    assert err == "condlookup: note: skipped 'HP:9999999': HP:9999999 is not in this HPO release\n"
    # An id is read up to a punctuation mark, as a word is.
    code, out, err = run(runner, "match", "HP:0001251,ataxia", "-n", "1")
    assert (code, err) == (0, "")
    assert out.startswith("Symptoms\n  HP:0001251  -> Ataxia (HP:0001251)\n")


def test_an_id_as_the_ontology_writes_it_is_read_and_too_much_is_a_usage_error(
    runner: CliRunner, fixture_catalogue: object
) -> None:
    # HP_0001251 and its web address are how the ontology's own files and links write the id.
    run(runner, "list")
    for given in ("HP_0001251", "http://purl.obolibrary.org/obo/HP_0001251", "hp_0001251"):
        code, out, err = run(runner, "match", given, "-n", "1")
        assert (code, err) == (0, "")
        assert out.startswith("Symptoms\n  HP:0001251  -> Ataxia (HP:0001251)\n")
    # A decomposed accent (o and a combining acute) is one letter of the word, as typed.
    code, out, _ = run(runner, "match", "atáxia", "-n", "1")
    decomposed = run(runner, "match", "ata\u0301xia", "-n", "1")
    assert code == 0 and decomposed[0] == 0
    assert decomposed[1].split("\n")[1].endswith("-> Ataxia (HP:0001251)")
    # Not an id inside a word: read as words, as before.
    assert run(runner, "match", "xHP_0001251", "-n", "1")[0] == 1
    # More than match takes is for the user to fix, as a malformed id is.
    code, out, err = run(runner, "match", *(["ataxia"] * 301))
    assert (code, out) == (2, "")
    assert err.startswith("condlookup: error: 301 words is more than 300")


def test_search_and_list_by_source(runner: CliRunner, fixture_catalogue: object) -> None:
    run(runner, "list")
    assert run(runner, "list", "--source", "hpo")[1].split() == [
        "ORPHA:2",
        "OMIM:100002",
        "OMIM:100001",
    ]
    assert run(runner, "search", "ataxia", "--source", "curated")[1].split()[0] == "test-fever"
    assert run(runner, "search", "ataxia", "--source", "nope")[0] == 2


def test_cache_path_rebuild_clear(runner: CliRunner, fixture_catalogue: object) -> None:
    cache = os.environ["CONDLOOKUP_CACHE_DIR"]
    assert run(runner, "cache", "path") == (0, f"{cache}/index-v{INDEX_SCHEMA}.sqlite\n", "")
    code, out, _ = run(runner, "cache", "rebuild")
    assert (code, out) == (0, f"rebuilt {cache}/index-v{INDEX_SCHEMA}.sqlite\n")
    assert run(runner, "cache", "clear") == (
        0,
        f"removed {cache}/index-v{INDEX_SCHEMA}.sqlite\n",
        "",
    )
    assert run(runner, "cache", "clear") == (
        0,
        f"no index at {cache}/index-v{INDEX_SCHEMA}.sqlite\n",
        "",
    )


def test_hpo_dir_option_and_a_broken_release(runner: CliRunner, tmp_path: Path) -> None:
    """--hpo-dir names the folder; a broken release is an error naming the file."""
    broken = tmp_path / "release"
    broken.mkdir()
    (broken / "hp.obo").write_text("not an ontology\n")
    (broken / "phenotype.hpoa").write_text("")
    code, out, err = run(runner, "--hpo-dir", str(broken), "show", "oms")
    assert (code, out) == (1, "")
    notice, error = err.splitlines()
    assert notice.startswith("condlookup: building the index")
    assert (
        error
        == f"condlookup: error: {broken / 'hp.obo'}: no HP:0000118 term: not a complete hp.obo"
    )


def test_no_color_on_a_terminal_still_pages(
    runner: CliRunner, fixture_pages: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Colour and paging are separate choices: NO_COLOR gives plain text, through the pager."""
    paged: list[str] = []
    monkeypatch.setattr("condlookup.commands.output.terminal", lambda: True)
    monkeypatch.setattr("pydoc.pager", paged.append)
    code, out, _ = run(runner, "show", "test-fever", NO_COLOR="1", LINES="10")
    assert (code, out, len(paged)) == (0, "", 1)
    assert paged[0].startswith("Test fever\n==========\n")
    assert "\x1b[" not in paged[0]
    code, out, _ = run(runner, "show", "test-fever", "--no-pager", NO_COLOR="1", LINES="10")
    assert (code, len(paged)) == (0, 1)
    assert out.startswith("Test fever\n==========\n")
    code, out, _ = run(runner, "show", "test-fever", NO_COLOR="1", LINES="500")
    assert (code, len(paged)) == (0, 1)
    # Piped: never paged, however tall.
    monkeypatch.setattr("condlookup.commands.output.terminal", lambda: False)
    code, out, _ = run(runner, "show", "test-fever", NO_COLOR="1", LINES="10")
    assert (code, len(paged)) == (0, 1)
    assert out.startswith("Test fever\n")


@pytest.mark.parametrize("styled", [True, False])
def test_long_search_and_match_output_pages_on_a_terminal(
    runner: CliRunner,
    fixture_catalogue: object,
    monkeypatch: pytest.MonkeyPatch,
    styled: bool,
) -> None:
    paged: list[str] = []
    monkeypatch.setattr("condlookup.commands.output.styled", lambda: styled)
    monkeypatch.setattr("condlookup.commands.output.terminal", lambda: True)
    monkeypatch.setattr("pydoc.pager", paged.append)
    for command in (["search", "test"], ["match", "dry mouth"]):
        before = len(paged)
        code, out, _ = run(runner, *command, LINES="5")
        assert (code, out, len(paged)) == (0, "", before + 1), command
        code, out, _ = run(runner, *command, "--no-pager", LINES="5")
        assert (code, len(paged)) == (0, before + 1), command
        assert out
        code, out, _ = run(runner, *command, LINES="500")
        assert (code, len(paged)) == (0, before + 1), command
        assert out


def test_search_and_match_never_page_when_piped(
    runner: CliRunner, fixture_catalogue: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    paged: list[str] = []
    monkeypatch.setattr("pydoc.pager", paged.append)
    for command in (["search", "test"], ["match", "dry mouth"]):
        code, out, _ = run(runner, *command, LINES="5")
        assert (code, len(paged)) == (0, 0)
        assert out


# -- what the shell hands the command: no traceback for any of it -------------------------------


def _main(monkeypatch: pytest.MonkeyPatch, *argv: str) -> int:
    from condlookup.commands.app import main

    monkeypatch.setattr(sys, "argv", ["condlookup", *argv])
    with pytest.raises(SystemExit) as ended:
        main()
    code = ended.value.code
    return int(code) if isinstance(code, int) else 1


def test_an_argument_of_bytes_that_are_not_utf8_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # "caf\xe9" from a Latin-1 shell: Python keeps the byte as a lone surrogate.
    assert _main(monkeypatch, "show", "caf\udce9") == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "condlookup: error: an argument holds bytes that are not UTF-8 text "
        "(type it again as text)\n"
    )


@pytest.mark.parametrize(
    "argv",
    [["export", "oms", "--out", ""], ["--data-dir", "", "list"], ["search", "-s", "", "x"],
     ["show", " "], ["match", "--phenopacket", ""]],
)  # fmt: skip
def test_an_empty_argument_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    argv: list[str],
) -> None:
    monkeypatch.chdir(tmp_path)  # `--out ""` wrote here
    assert _main(monkeypatch, *argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert (
        captured.err
        == "condlookup: error: an argument is empty (give it a value, or leave it out)\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_closed_or_full_standard_output_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdout", None)
    assert _main(monkeypatch, "list") == 1
    assert capsys.readouterr().err.startswith("condlookup: error: standard output is closed")
    monkeypatch.undo()

    class Full:
        def write(self, text: str) -> int:
            raise OSError(28, "No space left on device")

        def flush(self) -> None:
            pass

        def isatty(self) -> bool:
            return False

    monkeypatch.setattr(sys, "stdout", Full())
    assert _main(monkeypatch, "--version") == 1
    assert capsys.readouterr().err == (
        "condlookup: error: cannot print the output: No space left on device\n"
    )


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_gene_list_without_a_size_is_read_no_further_than_the_limit(
    runner: CliRunner, fixture_catalogue: Path
) -> None:
    result = runner.invoke(app, ["match", "HP:0001251", "--genes", "/dev/zero"])
    assert result.exit_code == 1 and result.stdout == ""
    assert "/dev/zero: larger than 8 MB: not a list of genes" in result.stderr


def test_a_page_nested_too_deeply_or_holding_a_lone_surrogate_is_a_problem(
    runner: CliRunner, tmp_path: Path
) -> None:
    (tmp_path / "deep-page.yaml").write_text("name: " + "[" * 500 + "]" * 500 + "\n")
    page = (FIXTURE_PAGES / "test-fever.yaml").read_text(encoding="utf-8")
    lines = [
        'summary: "lone \\ud800 surrogate"' if line.startswith("summary:") else line
        for line in page.splitlines()
    ]
    (tmp_path / "lone-page.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "deep-page.yaml: invalid YAML: nested too deeply" in result.stderr
    assert "summary: holds a lone surrogate, which is no character" in result.stderr


def test_a_page_file_named_in_bytes_that_are_not_utf8_is_a_warning(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from condlookup.index.sources import HpoFiles, Sources
    from condlookup.pages.folders import PageFolder
    from conftest import use_sources

    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / os.fsdecode(b"caf\xe9.yaml")).write_text("name: x\n", encoding="utf-8")
    folders = (PageFolder(FIXTURE_PAGES, "curated"), PageFolder(mine, "user"))
    use_sources(monkeypatch, Sources(folders, HpoFiles.in_folder(FIXTURE_HPO)))
    result = runner.invoke(app, ["list"])
    assert result.exit_code == 0, result.stderr
    assert "caf\\udce9.yaml" in result.stderr and "is not a valid id" in result.stderr


def test_a_pages_id_is_its_own_whatever_another_page_calls_itself(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from condlookup.index.sources import HpoFiles, Sources
    from condlookup.pages.folders import PageFolder
    from conftest import use_sources

    mine = tmp_path / "mine"
    mine.mkdir()
    thief = (
        "name: Alias thief\n"
        "aliases: [test fever, Test-Rash]\n"
        "summary: A page whose aliases are other pages' ids.\n"
        "sections:\n  overview: A test page.\n"
        "symptoms:\n  - name: Ataxia\n"
        "specialists: [neurologist]\n"
        "sources:\n  - title: Test\n    url: https://example.org\n"
        "reviewed: 2026-01-01\n"
    )
    (mine / "alias-thief.yaml").write_text(thief, encoding="utf-8")
    folders = (PageFolder(FIXTURE_PAGES, "curated"), PageFolder(mine, "user"))
    use_sources(monkeypatch, Sources(folders, HpoFiles.in_folder(FIXTURE_HPO)))
    for own in ("test-rash", "test-fever"):
        result = runner.invoke(app, ["show", own, "--json"])
        assert result.exit_code == 0, result.stderr
        assert json.loads(result.stdout)["id"] == own


def test_a_relative_cache_folder_is_read_from_where_it_was_named(
    runner: CliRunner,
    fixture_catalogue: object,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The index is opened by its file: URI, which a relative path has none of.
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CONDLOOKUP_CACHE_DIR", "relative-cache")
    for _ in range(2):  # built, then read
        code, out, _err = run(runner, "list", "--json")
        assert code == 0 and out.startswith("[")
    assert (tmp_path / "relative-cache" / f"index-v{INDEX_SCHEMA}.sqlite").exists()


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["show", "--bogus", "x"], "No such option: --bogus (see condlookup show --help)"),
        (
            ["match", "ataxia", "-n", "0"],
            "Invalid value for '--limit' / '-n': 0 is not in the range x>=1 "
            "(see condlookup match --help)",
        ),
        (["frobnicate"], "No such command 'frobnicate' (see condlookup --help)"),
    ],
)
def test_clicks_own_usage_errors_are_one_line(
    runner: CliRunner, args: list[str], line: str
) -> None:
    code, out, err = run(runner, *args)
    assert (code, out, err) == (2, "", f"condlookup: error: {line}\n")


def test_validate_with_nothing_to_check_says_so(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run(runner, "validate", str(empty)) == (
        1,
        "",
        "condlookup: error: no condition pages to check (.yaml files) (name a page or a folder "
        "of pages)\n",
    )
    code, out, err = run(runner, "validate", str(tmp_path / "nowhere"))
    assert (code, out) == (1, "")
    assert err.splitlines()[-1] == "condlookup: error: 1 problem(s), and no page read"


def test_a_word_skipped_twice_is_said_once(runner: CliRunner, fixture_catalogue: object) -> None:
    code, _, err = run(runner, "match", "[red]ataxia[/red]", "-n", "1")
    assert code == 0 and err.count("skipped 'red'") == 1
