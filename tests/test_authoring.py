"""`new` starts a page from the catalogue; `export` writes one as Markdown."""

from __future__ import annotations

import os
import stat
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from condlookup.commands.app import app
from condlookup.library import Library
from condlookup.pages.loader import load_page
from condlookup.pages.skeleton import skeleton
from condlookup.render.markdown import escape, link, table_cell
from conftest import FIXTURE_HPO, check_golden


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def built(fixture_catalogue: Path) -> Library:
    return Library.open()


def test_a_skeleton_from_the_catalogue(
    built: Library, update_goldens: bool, tmp_path: Path
) -> None:
    text = skeleton("my-ataxia", built.seed("OMIM:100001"), today=date(2026, 11, 25))
    check_golden(
        "new-from-omim.yaml", text.replace(str(Path(__file__).parents[1]), "<repo>"), update_goldens
    )
    path = tmp_path / "my-ataxia.yaml"
    path.write_text(text)
    page, problems = load_page(path, "user")
    assert page is None
    # Only the marked gaps are problems: the rest of the file is a valid page.
    assert problems and all(
        "unfinished (replace the 'FILL IN:' text)" in p.message for p in problems
    )
    assert {p.message.split(":")[0] for p in problems} == {
        "summary", "sections.overview", "sections.causes", "sections.diagnosis",
        "sections.treatment", "sections.outlook", "sections.when_to_see_a_doctor",
        "sources[1].title", "sources[1].url",
    }  # fmt: skip
    filled = text
    for gap in ("FILL IN: ", "FILL-IN"):
        filled = filled.replace(gap, "")
    path.write_text(filled)
    page, problems = load_page(path, "user")
    assert problems == [] and page is not None
    assert [(s.name, s.hpo, s.description, s.frequency) for s in page.condition.symptoms] == [
        ("Ataxia", "HP:0001251", "Incoordination", "very frequent"),
        ("Gait ataxia", "HP:0002066", "Unsteady gait", "frequent"),
    ]


def test_new_writes_into_the_user_folder_and_never_overwrites(
    runner: CliRunner, fixture_catalogue: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "mine"
    code, out, _ = run(
        runner, "--data-dir", str(folder), "new", "my-ataxia", "--from", "OMIM:100001"
    )
    assert code == 0
    assert (
        out
        == f"wrote {folder / 'my-ataxia.yaml'}: 9 places to fill in; then `condlookup validate {folder / 'my-ataxia.yaml'}`\n"
    )
    before = (folder / "my-ataxia.yaml").read_text()
    code, out, err = run(runner, "--data-dir", str(folder), "new", "my-ataxia")
    assert (code, out) == (1, "")
    assert (
        err == f"condlookup: error: {folder / 'my-ataxia.yaml'} already exists; not overwritten\n"
    )
    assert (folder / "my-ataxia.yaml").read_text() == before
    assert [p.name for p in folder.iterdir()] == ["my-ataxia.yaml"]  # no temporary left
    code, _, err = run(runner, "--data-dir", str(folder), "validate", str(folder))
    assert code == 1 and err.count("unfinished") == 9


def test_new_into_a_file_or_a_full_disk_says_so_and_leaves_nothing(
    runner: CliRunner, fixture_catalogue: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("mine\n")
    code, out, err = run(runner, "--data-dir", str(a_file), "new", "abc")
    assert (code, out) == (1, "")
    assert err == f"condlookup: error: {a_file} is not a folder: cannot write abc.yaml in it\n"
    # A disk that fills up while the page is written: the temporary file goes too.
    import os

    real_fdopen = os.fdopen

    class Full:
        def __init__(self, handle: int) -> None:
            self.file = real_fdopen(handle, "w", encoding="utf-8")

        def __enter__(self) -> Full:
            return self

        def __exit__(self, *_: object) -> None:
            self.file.close()

        def write(self, text: str) -> int:
            raise OSError(28, "No space left on device")

    folder = tmp_path / "mine"
    monkeypatch.setattr(os, "fdopen", lambda handle, *_a, **_k: Full(handle))
    code, out, err = run(runner, "--data-dir", str(folder), "new", "abc")
    monkeypatch.undo()
    assert (code, out) == (1, "")
    assert err.endswith("No space left on device\n")
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (
            ["new", "Not An Id"],
            "condlookup: error: 'Not An Id' is not a valid id (use lower-case letters, digits and hyphens, like my-condition)\n",
        ),
        (
            ["new", "../escape"],
            "condlookup: error: '../escape' is not a valid id (use lower-case letters, digits and hyphens, like my-condition)\n",
        ),
        (
            ["new", "x", "--from", "ORPHA:"],
            "condlookup: error: 'ORPHA:' is not a condition condlookup covers",
        ),
    ],
)
def test_new_refuses_bad_ids_and_codes(
    runner: CliRunner, fixture_catalogue: Path, tmp_path: Path, args: list[str], error: str
) -> None:
    Library.open()
    folder = tmp_path / "mine"
    code, out, err = run(runner, "--data-dir", str(folder), *args)
    # A malformed id is for the user to fix (2); a code that names nothing, nothing found (1).
    assert (code, out) == (1 if "--from" in args else 2, "")
    assert err.startswith(error)
    assert not folder.exists() or list(folder.iterdir()) == []


def test_new_uses_condlookup_path_first(
    runner: CliRunner, fixture_catalogue: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    monkeypatch.setenv("CONDLOOKUP_PATH", os.pathsep.join([str(first), str(second)]))
    assert run(runner, "new", "blank")[0] == 0
    assert (first / "blank.yaml").is_file()


def test_export_markdown(
    runner: CliRunner, fixture_catalogue: Path, update_goldens: bool, tmp_path: Path
) -> None:
    Library.open()
    check_golden("test-fever.md", run(runner, "export", "tf", "--annotations")[1], update_goldens)
    check_golden("test-rash.md", run(runner, "export", "test-rash")[1], update_goldens)
    check_golden("omim-100001.md", run(runner, "export", "OMIM:100001")[1], update_goldens)
    code, out, _ = run(runner, "export", "OMIM:100001", "--out", str(tmp_path / "site"))
    assert (code, out) == (0, f"wrote {tmp_path / 'site' / 'OMIM-100001.md'}\n")
    code, _, err = run(runner, "export", "OMIM:100001", "--out", str(tmp_path / "site"))
    assert code == 1 and "already exists (add --force to replace it)" in err
    assert run(runner, "export", "OMIM:100001", "--out", str(tmp_path / "site"), "--force")[0] == 0


def test_written_files_have_the_mode_a_created_file_has(
    runner: CliRunner, fixture_catalogue: Path, tmp_path: Path
) -> None:
    # For a blog or a wiki: a web server must read them (mkstemp alone makes them 0600).
    before = os.umask(0o022)
    try:
        run(runner, "export", "OMIM:100001", "--out", str(tmp_path / "site"))
        run(runner, "--data-dir", str(tmp_path / "mine"), "new", "mine", "--from", "OMIM:100001")
        os.umask(0o027)
        run(runner, "export", "OMIM:100001", "--out", str(tmp_path / "site"), "--force")
    finally:
        os.umask(before)
    assert stat.S_IMODE((tmp_path / "mine" / "mine.yaml").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "site" / "OMIM-100001.md").stat().st_mode) == 0o640


def test_a_key_fact_of_several_lines_is_one_table_row() -> None:
    assert table_cell("a | b\nnewline | c") == r"a \| b newline \| c"


def test_markdown_escapes_data() -> None:
    assert escape("<script>*bold* [x](y) # h") == r"&lt;script&gt;\*bold\* \[x\](y) \# h"
    assert escape("- not a list") == r"\- not a list"
    assert link("A (b)", "https://x.org/a(b)") == "[A (b)](https://x.org/a%28b%29)"
    assert link("T", "javascript:alert(1)") == "T (javascript:alert(1))"


def test_fixture_hpo_is_used(fixture_catalogue: Path) -> None:
    assert fixture_catalogue == FIXTURE_HPO


def test_new_with_a_bundled_pages_id_says_it_will_be_shown_in_its_place(
    runner: CliRunner, fixture_catalogue: Path, tmp_path: Path
) -> None:
    code, out, err = run(runner, "--data-dir", str(tmp_path / "mine"), "new", "oms")
    assert code == 0 and out.startswith("wrote ")
    assert err == (
        "condlookup: warning: oms is also a page condlookup ships: once valid, yours is shown "
        "in its place\n"
    )
    assert run(runner, "--data-dir", str(tmp_path / "mine"), "new", "not-shipped")[2] == ""
