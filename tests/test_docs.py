"""The README documents every command, opens with the two commands, and its help text is current."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from condlookup.commands.app import app

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
GROUP = typer.main.get_group(app)
COMMANDS = GROUP.list_commands(typer.Context(GROUP))


def code_blocks(text: str) -> list[str]:
    return re.findall(r"```[a-z]*\n(.*?)```", text, flags=re.DOTALL)


def test_readme_opens_with_the_two_commands() -> None:
    run, test = code_blocks(README)[:2]
    assert run.strip().endswith("condlookup show oms")
    assert "pip install" in run and "pip install" in test
    assert test.strip().endswith("pytest")


def test_ci_runs_exactly_the_readme_test_command() -> None:
    test = code_blocks(README)[1].strip()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert ci[-1] == test


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_documented(command: str) -> None:
    assert len(COMMANDS) == 11
    assert re.search(rf"^### `condlookup {command}\b", README, flags=re.MULTILINE), command
    found = GROUP.get_command(typer.Context(GROUP), command)
    assert found is not None and found.help, f"{command} has no docstring"


def test_help_in_the_readme_is_current(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    actual = runner.invoke(app, ["--help"], prog_name="condlookup").stdout
    documented = next(
        block for block in code_blocks(README) if block.startswith("$ condlookup --help")
    )
    assert documented.split("\n", 1)[1].strip() == actual.strip()
