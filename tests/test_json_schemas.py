"""Every command's `--json` output against the JSON Schema shipped for it in the package."""

from __future__ import annotations

import copy
import json
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from condlookup.commands.app import app
from conftest import DATA

SCHEMAS = ("show", "search", "match", "case", "list")


def schema(name: str) -> dict[str, Any]:
    text = files("condlookup").joinpath("schemas", f"{name}.schema.json").read_text("utf-8")
    found: dict[str, Any] = json.loads(text)
    return found


def errors(name: str, data: object) -> list[str]:
    return [error.message for error in Draft202012Validator(schema(name)).iter_errors(data)]


def output(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code == 0, result.stderr
    return result.stdout


def valid(runner: CliRunner, command: str, *args: str) -> Any:
    """The command's JSON output, having checked it against the command's schema."""
    data = json.loads(output(runner, command, *args))
    assert errors(command, data) == []
    return data


@pytest.mark.parametrize("name", SCHEMAS)
def test_each_schema_is_a_valid_strict_schema(name: str) -> None:
    found = schema(name)
    Draft202012Validator.check_schema(found)
    assert found["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert found["$defs"]["codes"]["items"] == {"$ref": "#/$defs/code"}


def test_fixture_output_fits_each_schema(runner: CliRunner, fixture_catalogue: Path) -> None:
    output(runner, "list")  # the index built first
    curated = valid(runner, "show", "ORPHA:999999", "--json")
    assert "origin" in curated and "source_facts" not in curated
    catalogue = valid(runner, "show", "OMIM:100001", "--json")
    assert catalogue["codes"] == ["OMIM:100001"] and "origin" not in catalogue
    found = valid(runner, "search", "test", "--json")
    assert found["results"]
    listed = valid(runner, "list", "--json")
    assert {item["id"] for item in listed} >= {"test-fever"}
    valid(runner, "list", "--source", "all", "--json")
    ranked = valid(runner, "match", "ataxia", "--json")
    assert ranked["results"]
    for item in [curated, catalogue, *found["results"], *listed, *ranked["results"]]:
        assert all(isinstance(code, str) and ":" in code for code in item["codes"])


def test_phenopacket_lines_fit_the_case_schema(
    runner: CliRunner, fixture_catalogue: Path, tmp_path: Path
) -> None:
    """The published examples name terms the fixture release lacks: cases of its own terms,
    one with a term it lacks (skipped) and one with an excluded finding."""
    features: list[dict[str, object]] = [{"type": {"id": "HP:0001251"}}]
    features.append({"type": {"id": "HP:0001655"}})
    (tmp_path / "a.json").write_text(json.dumps({"id": "a", "phenotypicFeatures": features}))
    features = [{"type": {"id": "HP:0000217"}}, {"type": {"id": "HP:0001251"}, "excluded": True}]
    (tmp_path / "b.json").write_text(json.dumps({"id": "b", "phenotypicFeatures": features}))
    output(runner, "list")
    out = output(runner, "match", "--phenopacket", str(tmp_path), "--json")
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["id"] for line in lines] == ["a", "b"]
    assert lines[0]["skipped"] and lines[1]["absent"]
    for line in lines:
        assert errors("case", line) == []


def test_real_catalogue_output_fits_each_schema(runner: CliRunner, real_catalogue: Path) -> None:
    output(runner, "list")
    curated = valid(runner, "show", "oms", "--json")
    # A curated page's codes: its own, then those of the catalogue entries joined to it.
    assert curated["codes"][0] == "ORPHA:1183" and len(curated["codes"]) > 1
    disease = valid(runner, "show", "ORPHA:558", "--json")
    assert "ORPHA:558" in disease["codes"] and disease["source_facts"]
    family = valid(runner, "show", "MONDO:0000009", "--json")
    assert isinstance(family["types"], int) and family["narrower"]
    valid(runner, "search", "lupus", "--json")
    valid(runner, "list", "--json")
    valid(runner, "match", "dry mouth", "dry eyes", "--json")
    out = output(runner, "match", "--phenopacket", str(DATA / "phenopackets"), "--json")
    for line in out.splitlines():
        assert errors("case", json.loads(line)) == []


def test_a_wrong_shape_is_rejected(runner: CliRunner, fixture_pages: Path) -> None:
    page = valid(runner, "show", "ORPHA:999999", "--json")
    old = copy.deepcopy(page) | {"codes": {"orpha": "999999"}}  # the old dict of codes
    assert errors("show", old)
    extra = copy.deepcopy(page) | {"all_codes": page["codes"]}  # a key the schema does not name
    assert errors("show", extra)
    missing = {key: value for key, value in page.items() if key != "name"}
    assert errors("show", missing)
    wrong_type = copy.deepcopy(page) | {"aliases": "TF"}
    assert errors("show", wrong_type)
    bad_code = copy.deepcopy(page) | {"codes": ["999999"]}
    assert errors("show", bad_code)
    hpo_with_origin = copy.deepcopy(page) | {"source": "hpo"}  # a catalogue page has no origin
    assert errors("show", hpo_with_origin)
    found = valid(runner, "search", "test", "--json")
    found["results"][0]["matched"][0]["line"] = "x"
    assert errors("search", found)
    listed = valid(runner, "list", "--json")
    del listed[0]["codes"]
    assert errors("list", listed)
