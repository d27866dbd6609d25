"""`match --phenopacket` and `--not`: absent findings, published cases in, bad files out."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner

from condlookup.commands.app import app
from condlookup.library import Library
from condlookup.matching.cases import CaseError, phenopacket_files, read_case
from condlookup.paths import index_path
from conftest import DATA

EXAMPLES = DATA / "phenopackets"


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def packet(path: Path, present: list[str], excluded: Sequence[str] = ()) -> Path:
    features: list[dict[str, object]] = [{"type": {"id": term}} for term in present]
    features += [{"type": {"id": term}, "excluded": True} for term in excluded]
    path.write_text(json.dumps({"id": path.stem, "phenotypicFeatures": features}))
    return path


# -- reading phenopackets ----------------------------------------------------------------------


def test_a_published_phenopacket_is_read_with_its_excluded_features() -> None:
    case = read_case(EXAMPLES / "PMID_12789647_K11_II_2.json")
    assert case.id == "PMID_12789647_K11_II_2"
    assert case.present == ("HP:0001655", "HP:0010487")
    assert len(case.absent) == 13 and case.absent[0] == "HP:0001631"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "the file is empty"),
        (b"{not json", "not a GA4GH phenopacket"),
        (b"[1, 2]", "not a GA4GH phenopacket"),
        (b'{"subject": {"id": "x"}}', "no phenotypic features: nothing to rank"),
        (b"\xff\xfe\x00bad", "not valid UTF-8"),
        (
            b'{"phenotypicFeatures": [{"type": {"id": "HP:0001251"}, "excluded": true}]}',
            "every phenotypic feature is excluded",
        ),
        (b'{"phenotypicFeatures": "many"}', "not a GA4GH phenopacket"),
        (b"[]", "not a GA4GH phenopacket: a JSON object is expected, not an array"),
        (b'"x"', "not a GA4GH phenopacket: a JSON object is expected, not a string"),
        # A typo that would read an excluded finding as observed.
        (
            b'{"phenotypicFeatures": [{"type": {"id": "HP:0001251"}, "exclude": true},'
            b' {"type": {"id": "HP:0001250"}}]}',
            r"phenotypicFeatures\[0\]: unknown field 'exclude' \(did you mean 'excluded'\?\)",
        ),
        (
            b'{"phenotypicFeatures": [{"type": "HP:0001251"}, {"type": {"id": "HP:0001250"}}]}',
            r"phenotypicFeatures\[0\].type is not an object with an id",
        ),
        (
            b'{"phenotypicFeature": [{"type": {"id": "HP:0001251"}}]}',
            "unknown field 'phenotypicFeature' \\(did you mean 'phenotypicFeatures'",
        ),
    ],
    ids=[
        "empty", "broken", "list", "no-features", "bytes", "only-excluded", "wrong-type",
        "empty-list", "string", "typo-excluded", "type-a-string", "typo-features",
    ],
)  # fmt: skip
def test_a_file_that_is_no_phenopacket_is_named_with_the_reason(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "case.json"
    path.write_bytes(content)
    with pytest.raises(CaseError, match=reason) as caught:
        read_case(path)
    assert caught.value.message.startswith(f"{path}: ")


def test_fields_of_a_newer_schema_and_both_spellings_are_read(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    path.write_text(
        '{"id": "c1", "newField": 1, "phenotypic_features": [{"type": {"id": "HP:0001251"},'
        ' "excluded": true, "futureThing": {}}, {"type": {"id": "HP:0001250"}}]}'
    )
    case = read_case(path)
    assert (case.present, case.absent) == (("HP:0001250",), ("HP:0001251",))


def test_a_huge_file_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    path.write_bytes(b" " * (6 * 1024 * 1024))
    with pytest.raises(CaseError, match="larger than 5 MB"):
        read_case(path)


def named(found: Iterable[Path | CaseError]) -> list[Path | str]:
    """The files found, and each error as its message."""
    return [item.message if isinstance(item, CaseError) else item for item in found]


def test_folders_give_their_json_files_in_order(tmp_path: Path) -> None:
    (tmp_path / "b.json").write_text("{}")
    (tmp_path / "a.json").write_text("{}")
    (tmp_path / "notes.txt").write_text("")
    assert named(phenopacket_files([tmp_path])) == [tmp_path / "a.json", tmp_path / "b.json"]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert named(phenopacket_files([empty])) == [f"{empty}: no .json files in this folder"]
    # A file named twice, or named and in a folder named too, is one case.
    twice = [tmp_path / "a.json", tmp_path, tmp_path / "." / "b.json"]
    assert named(phenopacket_files(twice)) == [tmp_path / "a.json", tmp_path / "b.json"]


def test_a_path_that_gives_no_file_is_named_in_its_place(tmp_path: Path) -> None:
    good = packet(tmp_path / "good.json", ["HP:0000217"])
    missing = tmp_path / "missing.json"
    assert named(phenopacket_files([missing, good, missing])) == [
        f"{missing}: no such file or folder",
        good,
        f"{missing}: no such file or folder",
    ]


def test_a_folders_links_and_pipes_are_named_and_never_opened(tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    folder.mkdir()
    good = packet(folder / "a-good.json", ["HP:0000217"])
    (folder / "b-loop.json").symlink_to("b-loop.json")
    (folder / "c-dangling.json").symlink_to("nowhere.json")
    os.mkfifo(folder / "d-pipe.json")  # opened, it would wait for a writer forever
    (folder / "e-folder.json").mkdir()
    os.mkfifo(folder / "not-a-case")  # not a .json name: not a phenopacket of this folder
    assert named(phenopacket_files([folder])) == [
        good,
        f"{folder / 'b-loop.json'}: a symbolic link that loops",
        f"{folder / 'c-dangling.json'}: a symbolic link to nothing",
        f"{folder / 'd-pipe.json'}: a named pipe (FIFO), not a file: not read",
        f"{folder / 'e-folder.json'}: a folder inside a folder: not read",
    ]
    assert named(phenopacket_files([folder / "b-loop.json", folder / "d-pipe.json"])) == [
        f"{folder / 'b-loop.json'}: a symbolic link that loops",
        f"{folder / 'd-pipe.json'}: a named pipe (FIFO), not a file: not read",
    ]


# -- ranking cases, on the tiny made-up release ------------------------------------------------


def test_each_case_is_ranked_and_a_broken_file_does_not_stop_the_others(
    runner: CliRunner, fixture_catalogue: object, tmp_path: Path
) -> None:
    run(runner, "list")  # the index, built quietly
    packet(tmp_path / "a-dry.json", ["HP:0000217", "HP:0001097"], ["HP:0001251"])
    (tmp_path / "b-broken.json").write_text("{")
    packet(tmp_path / "c-new.json", ["HP:0001251", "HP:9999999", "HP:0009999"])
    code, out, err = run(runner, "match", "--phenopacket", str(tmp_path), "--json", "-n", "1")
    assert code == 1  # at the end, because one file was refused
    assert (
        err
        == f"condlookup: error: {tmp_path / 'b-broken.json'}: not a GA4GH phenopacket: "
        + (err.split("not a GA4GH phenopacket: ")[1])
    )
    assert err.count("\n") == 1
    first, second = (json.loads(line) for line in out.splitlines())
    assert list(first) == [
        "id",
        "file",
        "symptoms",
        "absent",
        "not_read",
        "advice",
        "total",
        "genes",
        "results",
        "skipped",
    ]
    assert (first["id"], first["results"][0]["id"]) == ("a-dry", "ORPHA:2")
    assert [item["hpo"] for item in first["absent"]] == ["HP:0001251"]
    # An id the release lacks is left out and said; an obsolete one follows its replacement.
    assert second["skipped"] == ["HP:9999999 is not in this HPO release"]
    assert second["symptoms"][1]["note"] == "HP:0009999 is now HP:0000589"


@pytest.mark.parametrize("missing_first", [False, True], ids=["missing-last", "missing-first"])
def test_a_missing_file_is_named_and_the_others_are_still_ranked(
    runner: CliRunner, fixture_catalogue: object, tmp_path: Path, missing_first: bool
) -> None:
    run(runner, "list")
    good = packet(tmp_path / "good.json", ["HP:0000217"])
    missing = tmp_path / "nonexistent.json"
    paths = [missing, good] if missing_first else [good, missing]
    args = [arg for path in paths for arg in ("--phenopacket", str(path))]
    code, out, err = run(runner, "match", *args, "--json", "-n", "1")
    assert code == 1  # at the end, after the good file was ranked
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["good"]
    assert err == f"condlookup: error: {missing}: no such file or folder\n"


def test_a_folders_loop_and_pipe_are_each_one_line_and_the_rest_is_ranked(
    runner: CliRunner, fixture_catalogue: object, tmp_path: Path
) -> None:
    run(runner, "list")
    packet(tmp_path / "a-good.json", ["HP:0000217"])
    (tmp_path / "b-loop.json").symlink_to("b-loop.json")
    os.mkfifo(tmp_path / "c-pipe.json")
    code, out, err = run(runner, "match", "--phenopacket", str(tmp_path), "--json")
    assert code == 1
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["a-good"]
    assert err == (
        f"condlookup: error: {tmp_path / 'b-loop.json'}: a symbolic link that loops\n"
        f"condlookup: error: {tmp_path / 'c-pipe.json'}: a named pipe (FIFO), not a file: "
        "not read\n"
    )


def test_a_case_is_plain_text_under_its_id(
    runner: CliRunner, fixture_catalogue: object, tmp_path: Path
) -> None:
    run(runner, "list")
    path = packet(tmp_path / "dry.json", ["HP:0000217"], ["HP:0001097"])
    code, out, err = run(runner, "match", "--phenopacket", str(path), "-n", "1")
    assert (code, err) == (0, "")
    assert out.startswith(f"Case dry ({path})\n")
    assert "Absent (looked for, not found)\n  HP:0001097  -> Keratoconjunctivitis sicca" in out


@pytest.mark.parametrize(
    ("present", "excluded", "error"),
    [
        (["HP:9999999"], [], "none of its observed features is in this HPO release"),
        (["HP:0000217"], ["HP:0000217"], "is both observed and excluded"),
    ],
)
def test_a_case_that_cannot_be_ranked_is_one_line(
    runner: CliRunner,
    fixture_catalogue: object,
    tmp_path: Path,
    present: list[str],
    excluded: list[str],
    error: str,
) -> None:
    run(runner, "list")
    path = packet(tmp_path / "case.json", present, excluded)
    code, out, err = run(runner, "match", "--phenopacket", str(path))
    assert (code, out) == (1, "")
    assert error in err and err.count("\n") == 1


def test_more_than_50_features_are_all_used(
    runner: CliRunner, fixture_catalogue: object, tmp_path: Path
) -> None:
    run(runner, "list")
    many = [f"HP:{9000000 + n:07d}" for n in range(60)] + ["HP:0000217"]
    path = packet(tmp_path / "many.json", many)
    code, out, _ = run(runner, "match", "--phenopacket", str(path), "--json")
    assert code == 0
    found = json.loads(out)
    assert len(found["skipped"]) == 60 and found["symptoms"][0]["hpo"] == "HP:0000217"


def test_symptoms_and_phenopackets_are_not_mixed_and_one_is_needed(
    runner: CliRunner, fixture_catalogue: object
) -> None:
    # Usage errors: Click's exit code 2, said before any index is built.
    for given in (["ataxia"], ["--not", "ataxia"]):
        code, out, err = run(runner, "match", *given, "--phenopacket", str(EXAMPLES))
        assert (code, out) == (2, "")
        assert err == (
            "condlookup: error: Invalid value for '--phenopacket': give symptoms (and --not) or "
            "--phenopacket, not both: a phenopacket brings its own findings, present and "
            "excluded (see condlookup match --help)\n"
        )
    assert run(runner, "match")[0] == 2
    assert not index_path().exists()
    code, _, err = run(runner, "match", "--phenopacket", "no-such-folder")
    assert code == 1 and "no-such-folder: no such file or folder" in err
    code, _, err = run(runner, "match", "--phenopacket", "no-such-folder")
    assert code == 1 and "no-such-folder: no such file or folder" in err


# -- absent findings ------------------------------------------------------------------------------


def test_an_absent_finding_costs_where_it_is_very_frequent(
    runner: CliRunner, fixture_catalogue: object
) -> None:
    library = Library.open()
    before = {hit.id: hit for hit in library.match(["gait ataxia"]).hits}
    after = library.match(["gait ataxia"], absent=["ataxia"])
    hits = {hit.id: hit for hit in after.hits}
    # OMIM:100001 shows Ataxia very frequently: it pays, within the bound.
    cost = before["OMIM:100001"].score - hits["OMIM:100001"].score
    assert 0.5 < cost <= 1.2
    (absent,) = [part for part in hits["OMIM:100001"].matched if part.absent]
    assert absent.query_hpo == "HP:0001251" and abs(absent.points + cost) < 0.002
    assert [item.hpo for item in after.absent] == ["HP:0001251"]
    code, out, _ = run(runner, "match", "gait ataxia", "--not", "ataxia", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["absent"][0]["hpo"] == "HP:0001251"
    assert any(part["absent"] for hit in data["results"] for part in hit["matched"])


def test_a_finding_both_present_and_absent_is_an_error(
    runner: CliRunner, fixture_catalogue: object
) -> None:
    run(runner, "list")
    code, out, err = run(runner, "match", "dry mouth", "--not", "HP:0000217")
    assert (code, out) == (1, "")
    assert err == (
        "condlookup: error: 'HP:0000217' / 'dry mouth': HP:0000217 (Xerostomia) is given both "
        "as present and as absent\n"
    )


def test_published_cases_rank_their_diagnosis(real_catalogue: Path, runner: CliRunner) -> None:
    """The three examples of phenopacket-store, through the real release, each in one line."""
    Library.open().close()  # built quietly first
    code, out, err = run(runner, "match", "--phenopacket", str(EXAMPLES), "--json", "-n", "50")
    assert (code, err) == (0, "")
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["id"] for line in lines] == [
        "PMID_12789647_K11_II_2",
        "PMID_36182950_Patient_90",
        "PMID_39088281_II_2",
    ]
    # Holt-Oram syndrome (OMIM:142900) from a patent foramen ovale and a small hypothenar
    # eminence, with 13 findings excluded: among the first 50.
    holt_oram = [hit["codes"] for hit in lines[0]["results"]]
    assert any("OMIM:142900" in codes for codes in holt_oram)
