"""The JSON Schema: generated from the dataclasses, shipped current, and it agrees with the loader."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from condlookup.commands.app import app
from condlookup.pages.folders import bundled_pages_dir, page_files
from condlookup.pages.schema import generate
from condlookup.paths import schema_path
from conftest import BAD_PAGES, FIXTURE_PAGES

SCHEMA = json.loads(schema_path().read_text(encoding="utf-8"))


def as_json(path: Path) -> Any:
    """The page as JSON would see it: dates are text."""
    return json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))


def test_the_shipped_schema_is_the_generated_one() -> None:
    assert generate() == SCHEMA, "run: python -m condlookup.pages.schema"
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize(
    "path", [*page_files(bundled_pages_dir()), *page_files(FIXTURE_PAGES)], ids=lambda p: p.name
)
def test_every_good_page_validates(path: Path) -> None:
    jsonschema.validate(as_json(path), SCHEMA)


@pytest.mark.parametrize("name", ["unknown-key", "wrong-type", "missing", "bad-values"])
def test_the_broken_fixtures_are_rejected(name: str) -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(as_json(BAD_PAGES / f"{name}.yaml"), SCHEMA)


def test_schema_command_prints_it(runner: CliRunner) -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == SCHEMA
