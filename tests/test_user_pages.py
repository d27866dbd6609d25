"""Your own pages: CONDLOOKUP_PATH and --data-dir folders, replacement, and what can go wrong."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from condlookup.commands.app import app
from conftest import FIXTURE_HPO, FIXTURE_PAGES

RASH = (FIXTURE_PAGES / "test-rash.yaml").read_text()


@pytest.fixture(autouse=True)
def tiny_hpo(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The real bundled pages, a tiny HPO release, and no default user folder."""
    monkeypatch.setenv("CONDLOOKUP_HPO_DIR", str(FIXTURE_HPO))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "no-data-home"))


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def page(folder: Path, stem: str, name: str, extra: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{stem}.yaml"
    path.write_text(RASH.replace("Test rash syndrome", name) + extra)
    return path


def quiet(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    """Run once to build the index, then again: the second run's stderr is the command's own."""
    run(runner, *args)
    return run(runner, *args)


def test_pages_from_condlookup_path_and_data_dir(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "clinic", tmp_path / "blog"
    page(first, "clinic-rash", "Clinic rash")
    page(second, "blog-rash", "Blog rash")
    monkeypatch.setenv("CONDLOOKUP_PATH", str(first))
    code, out, err = quiet(runner, "--data-dir", str(second), "list")
    assert (code, err) == (0, "")
    assert out.split() == [
        "blog-rash",
        "charge-syndrome",
        "clinic-rash",
        "hmsn-type-1",
        "oms",
        "sjogren-syndrome",
    ]
    code, out, _ = run(runner, "--data-dir", str(second), "show", "blog rash")
    assert f"Your page: {second / 'blog-rash.yaml'}" in " ".join(out.split())


def test_a_later_page_replaces_an_earlier_one(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    page(first, "oms", "My OMS notes")
    page(second, "oms", "Our OMS page")
    monkeypatch.setenv("CONDLOOKUP_PATH", os.pathsep.join([str(first), str(second)]))
    code, out, err = quiet(runner, "show", "oms")
    assert (code, err) == (0, "")
    assert out.startswith("Our OMS page\n")
    assert f"Your page: {second / 'oms.yaml'} (replaces {first / 'oms.yaml'})" in " ".join(
        out.split()
    )
    code, out, _ = run(runner, "info")
    assert f"Replaced       oms by {second / 'oms.yaml'} (was {first / 'oms.yaml'})" in out
    assert "Your pages     1\n" in out


def test_the_index_notices_added_edited_and_deleted_pages(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    monkeypatch.setenv("CONDLOOKUP_PATH", str(folder))
    assert "my-page" not in run(runner, "list")[1]
    path = page(folder, "my-page", "My page")
    assert "my-page" in run(runner, "list")[1].split()
    path.write_text(path.read_text().replace("My page", "My edited page"))
    os.utime(path, ns=(1, 1))
    assert run(runner, "show", "my-page")[1].startswith("My edited page\n")
    path.unlink()
    assert "my-page" not in run(runner, "list")[1].split()


def test_a_broken_user_page_is_skipped_with_one_warning(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "mine"
    page(folder, "good-page", "Good page")
    (folder / "broken-page.yaml").write_text("name: Broken\nsumary: typo\n")
    monkeypatch.setenv("CONDLOOKUP_PATH", str(folder))
    code, out, err = quiet(runner, "list")
    assert code == 0
    assert "good-page" in out.split() and "broken-page" not in out.split()
    assert err == (
        f"condlookup: warning: {folder / 'broken-page.yaml'}:2:1: sumary: unknown key (did you mean "
        "'summary'?); allowed keys: name, summary, sections, symptoms, specialists, sources, "
        "reviewed, aliases, codes, facts, related (page skipped; `condlookup validate` shows every "
        "problem)\n"
    )
    code, out, err = run(runner, "validate", str(folder))
    assert (code, out) == (1, "")
    assert "sections: required, is missing" in err


def test_two_pages_of_one_folder_sharing_an_alias_both_stay(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "mine"
    page(folder, "alpha-rash", "Alpha rash", "aliases: [Spotty rash]\n")
    page(folder, "beta-rash", "Beta rash", "aliases: [Spotty rash]\n")
    monkeypatch.setenv("CONDLOOKUP_PATH", str(folder))
    code, out, err = quiet(runner, "list")
    assert code == 0
    assert {"alpha-rash", "beta-rash"} <= set(out.split())
    assert err == (
        f"condlookup: warning: {folder / 'beta-rash.yaml'}: the name 'Spotty rash' is also a "
        f"name of alpha-rash ({folder / 'alpha-rash.yaml'}); `show` will ask which one is meant\n"
    )
    for page_id, name in (("alpha-rash", "Alpha rash"), ("beta-rash", "Beta rash")):
        code, out, _ = run(runner, "show", page_id)
        assert (code, out.splitlines()[0]) == (0, name)
    code, out, err = run(runner, "show", "spotty", "rash")
    assert (code, out) == (1, "")
    assert err.splitlines()[-1] == (
        "condlookup: error: 'spotty rash' names more than one condition: Alpha rash "
        "(alpha-rash), Beta rash (beta-rash) (use the id to choose one)"
    )
    code, out, err = run(runner, "validate", str(folder))
    assert (code, out) == (1, "")
    assert err == (
        f"condlookup: {folder / 'beta-rash.yaml'}:15:11: the name 'Spotty rash' is already used "
        f"by alpha-rash ({folder / 'alpha-rash.yaml'})\n"
        "condlookup: error: 1 problem(s) in 1 of 2 file(s)\n"
    )


@pytest.mark.parametrize("kind", ["missing", "file", "unreadable", "loop"])
def test_a_bad_folder_is_a_warning_not_a_crash(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    folder = tmp_path / "folder"
    if kind == "file":
        folder.write_text("not a folder")
    elif kind == "loop":
        folder.symlink_to(tmp_path / "folder")
    elif kind == "unreadable":
        folder.mkdir()
        real_scandir = os.scandir

        def refuse(path: object) -> object:
            if str(path) == str(folder):
                raise PermissionError(13, "Permission denied")
            return real_scandir(path)  # type: ignore[call-overload]

        monkeypatch.setattr(os, "scandir", refuse)
    monkeypatch.setenv("CONDLOOKUP_PATH", str(folder))
    code, out, err = quiet(runner, "list")
    assert code == 0 and "oms" in out.split()
    why = {
        "missing": "no such folder",
        "file": "not a folder",
        "unreadable": "cannot read the folder: Permission denied",
        "loop": "cannot read the folder: Too many levels of symbolic links",
    }[kind]
    assert err == f"condlookup: warning: {folder}: {why} (folder skipped)\n"


def test_odd_files_and_names_in_a_folder(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "mine"
    page(folder, "twice", "Twice")
    (folder / "twice.yml").write_text(
        (folder / "twice.yaml").read_text().replace("Twice", "Twice again")
    )
    (folder / "a-folder.yaml").mkdir()
    os.mkfifo(folder / "a-fifo.yaml")
    page(folder, "Not An Id", "Not an id")
    monkeypatch.setenv("CONDLOOKUP_PATH", str(folder))
    code, out, err = quiet(runner, "list")
    assert code == 0 and "twice" in out.split()
    lines = sorted(line.split(": ", 2)[2] for line in err.splitlines())
    assert lines == sorted(
        [
            f"{folder / 'Not An Id.yaml'}: the file name 'Not An Id' is not a valid id: use lower-case letters, digits and hyphens, like charge-syndrome.yaml (page skipped; `condlookup validate` shows every problem)",
            f"{folder / 'a-fifo.yaml'}: not a regular file (page skipped; `condlookup validate` shows every problem)",
            f"{folder / 'a-folder.yaml'}: not a regular file (page skipped; `condlookup validate` shows every problem)",
            f"{folder / 'twice.yml'}: duplicate id 'twice' (also {folder / 'twice.yaml'}) (page skipped; `condlookup validate` shows every problem)",
        ]
    )


def test_many_pages_in_one_folder(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(300):
        (folder / f"page-{number:05d}.yaml").write_text(
            RASH.replace("Test rash syndrome", f"Page {number}")
        )
    monkeypatch.setenv("CONDLOOKUP_PATH", str(folder))
    code, out, err = quiet(runner, "list")
    assert (code, err) == (0, "")
    assert len(out.split()) == 304


def test_the_first_build_says_what_it_builds_and_about_how_long(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "mine"
    path = page(folder, "my-page", "My page")
    monkeypatch.setenv("CONDLOOKUP_PATH", str(folder))
    code, _, err = run(runner, "list")
    assert code == 0
    assert err == (
        "condlookup: building the index from the HPO files, Mondo and Orphanet (once per release; "
        "about "
        "10 seconds), then the pages\n"
    )
    path.write_text(path.read_text().replace("My page", "My edited page"))
    os.utime(path, ns=(1, 1))
    code, out, err = run(runner, "show", "my-page")
    assert out.startswith("My edited page\n")
    assert err == (
        "condlookup: building the index of the pages (5 pages; the catalogue is kept; about a "
        "second)\n"
    )
    assert run(runner, "show", "my-page")[2] == ""
