from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from condlookup.pages.loader import MAX_FILE_BYTES, load_page, load_pages
from condlookup.pages.models import Codes, Facts, Symptom
from conftest import BAD_PAGES, FIXTURE_PAGES


def problems_of(path: Path) -> list[str]:
    page, problems = load_page(path)
    assert page is None
    return [str(problem) for problem in problems]


def test_a_good_page_becomes_frozen_dataclasses() -> None:
    page, problems = load_page(FIXTURE_PAGES / "test-fever.yaml")
    assert problems == []
    assert page is not None
    condition = page.condition
    assert condition.id == "test-fever"
    assert condition.aliases == ("TF", "Fièvre d'essai")
    assert condition.codes == Codes(orpha="999999")
    assert condition.facts == Facts(
        prevalence="About 1 in 1,000 test runs", typical_onset="Childhood"
    )
    assert condition.symptoms[0] == Symptom(
        name="Fever",
        description="A body temperature higher than normal",
        hpo="HP:0001945",
        frequency="very frequent",
    )
    assert condition.reviewed == date(2026, 11, 25)
    assert condition.related == ("Test rash",)
    with pytest.raises(AttributeError):
        condition.name = "changed"  # type: ignore[misc]
    # Where each name was written, for duplicate checks across files.
    assert ("TF", 3, 5) in page.name_positions


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        (
            "unknown-key.yaml",
            ["unknown-key.yaml:2:1: sumary: unknown key (did you mean 'summary'?)"],
        ),
        ("wrong-type.yaml", ["wrong-type.yaml:5:11: symptoms: expected a list, found text"]),
        ("malformed.yaml", ["malformed.yaml:2:8: invalid YAML:"]),
        (
            "python-tag.yaml",
            ["python-tag.yaml:1:7: name: the tag 'tag:yaml.org,2002:python/object"],
        ),
        ("not-utf8.yaml", ["not-utf8.yaml:1: not valid UTF-8 (byte 9)"]),
        ("duplicate-key.yaml", ["duplicate-key.yaml:2:1: name: the key is given twice"]),
        ("empty.yaml", ["empty.yaml: the file is empty"]),
        ("Bad_Name.yaml", ["Bad_Name.yaml: the file name 'Bad_Name' is not a valid id"]),
    ],
)
def test_each_problem_names_file_line_and_field(fixture: str, expected: list[str]) -> None:
    found = problems_of(BAD_PAGES / fixture)
    for wanted in expected:
        assert any(line.startswith(str(BAD_PAGES / wanted)) for line in found), found


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'name: "\\u0000"\n', "x.yaml:1:7: name: holds no visible character"),
        (b'name: "\\u001b\\u200b "\n', "x.yaml:1:7: name: holds no visible character"),
        (b'name: "\\u200b"\n', "x.yaml:1:7: name: holds no visible character"),
        (b"summary: s\nname: x\x00y\n", "x.yaml:2:8: invalid YAML: the control character U+0000"),
    ],
)
def test_text_that_shows_nothing_is_a_problem(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(content)
    found = problems_of(path)
    assert any(line.startswith(str(tmp_path / expected)) for line in found), found
    assert all("\n" not in line for line in found)


def test_every_problem_of_a_file_is_reported() -> None:
    found = problems_of(BAD_PAGES / "bad-values.yaml")
    tail = [line.split(": ", 1)[1] for line in found]
    assert tail == [
        "symptoms[0].hpo: 'HP:12' is not in the expected form (HP:[0-9]{7})",
        "symptoms[0].frequency: 'sometimes' is not one of: obligate, very frequent, frequent, occasional, very rare",
        "sources[0].url: 'not a url' is not in the expected form (https?://\\S+)",
        "reviewed: expected a date like 2026-11-25",
    ]
    missing = problems_of(BAD_PAGES / "missing.yaml")
    assert [line.split(": ", 1)[1] for line in missing] == [
        "sections: required, is missing",
        "symptoms: required, is missing",
    ]


def test_an_alias_bomb_is_refused_without_expanding() -> None:
    found = problems_of(BAD_PAGES / "alias-bomb.yaml")
    assert found[0] == (
        f"{BAD_PAGES / 'alias-bomb.yaml'}:1:7: related[0]: YAML aliases (*name) are not allowed"
    )


def test_huge_and_odd_files(tmp_path: Path) -> None:
    huge = tmp_path / "huge.yaml"
    huge.write_bytes(b"# " + b"x" * MAX_FILE_BYTES + b"\n")
    assert problems_of(huge) == [f"{huge}: the file is larger than 512 KiB"]
    folder = tmp_path / "folder.yaml"
    folder.mkdir()
    assert problems_of(folder) == [f"{folder}: not a regular file"]
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    assert problems_of(fifo) == [f"{fifo}: not a regular file"]


def test_duplicate_names_across_files_are_errors(tmp_path: Path) -> None:
    original = (FIXTURE_PAGES / "test-fever.yaml").read_text()
    (tmp_path / "one.yaml").write_text(original)
    (tmp_path / "two.yaml").write_text(original.replace("name: Test fever", "name: Other"))
    pages, problems = load_pages(sorted(tmp_path.glob("*.yaml")))
    assert len(pages) == 2
    assert [str(problem) for problem in problems] == [
        f"{tmp_path / 'two.yaml'}:3:5: the name 'TF' is already used by one ({tmp_path / 'one.yaml'})",
        f'{tmp_path / "two.yaml"}:4:5: the name "Fièvre d\'essai" is already used by one '
        f"({tmp_path / 'one.yaml'})",
    ]
