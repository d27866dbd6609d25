from __future__ import annotations

import errno
import gzip
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from condlookup import library
from condlookup.catalogue import build as catalogue_build
from condlookup.commands.app import app
from condlookup.errors import DataError
from condlookup.index import build, fingerprint, store
from condlookup.index.sources import HpoFiles, Sources
from condlookup.index.stages import STAGES, Stage
from condlookup.index.store import open_index
from condlookup.library import Library
from condlookup.pages.folders import PageFolder
from condlookup.pages.models import Condition
from condlookup.pages.problems import ValidationError
from condlookup.paths import catalogue_path, index_path
from conftest import BAD_PAGES, DATA, FIXTURE_HPO, FIXTURE_PAGES, use_sources


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    shutil.copytree(FIXTURE_PAGES, folder)
    return folder


def names_in(connection: sqlite3.Connection) -> list[str]:
    return [row[0] for row in connection.execute("SELECT id FROM conditions ORDER BY id")]


def test_built_once_then_reused(pages: Path) -> None:
    folders = Sources((PageFolder(pages, "curated"),), None)
    first = open_index(folders)
    assert names_in(first) == ["test-fever", "test-rash"]
    stamp = index_path().stat().st_mtime_ns
    second = open_index(folders)
    assert names_in(second) == ["test-fever", "test-rash"]
    assert index_path().stat().st_mtime_ns == stamp
    assert [p.name for p in index_path().parent.iterdir()] == [index_path().name]


def test_rebuilt_when_a_page_is_added_edited_or_removed(pages: Path) -> None:
    folders = Sources((PageFolder(pages, "curated"),), None)
    open_index(folders)
    shutil.copy(pages / "test-rash.yaml", pages / "test-extra.yaml")
    (pages / "test-extra.yaml").write_text(
        (pages / "test-rash.yaml").read_text().replace("Test rash syndrome", "Test extra")
    )
    assert names_in(open_index(folders)) == ["test-extra", "test-fever", "test-rash"]
    path = pages / "test-extra.yaml"
    path.write_text(path.read_text().replace("Test extra", "Test extra, edited"))
    os.utime(path, ns=(1, 1))  # a different mtime even on coarse clocks
    library = Library(open_index(folders), folders)
    assert library.get("test-extra").name == "Test extra, edited"
    path.unlink()
    assert names_in(open_index(folders)) == ["test-fever", "test-rash"]


def test_a_corrupt_index_is_rebuilt(pages: Path) -> None:
    folders = Sources((PageFolder(pages, "curated"),), None)
    open_index(folders).close()
    index_path().write_bytes(b"this is not a database" * 100)
    assert names_in(open_index(folders)) == ["test-fever", "test-rash"]
    assert index_path().read_bytes().startswith(b"SQLite format 3")


def test_an_unwritable_cache_is_bypassed(
    pages: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("CONDLOOKUP_CACHE_DIR", str(blocker / "cache"))
    connection = open_index(Sources((PageFolder(pages, "curated"),), None))
    assert names_in(connection) == ["test-fever", "test-rash"]
    assert blocker.read_text() == "a file where the cache folder should be"


@pytest.fixture(params=["under a file", "read-only"])
def unwritable_cache(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> tuple[Path, str]:
    """A cache folder that cannot be written, and why not."""
    if request.param == "under a file":
        blocker = tmp_path / "not-a-folder"
        blocker.write_text("a file where the cache folder should be")
        cache, why = blocker / "cache", "Not a directory"
    else:
        cache, why = tmp_path / "read-only", "Permission denied"
        cache.mkdir(mode=0o555)
        if os.geteuid() == 0:  # root writes there all the same: refused as anyone else is

            def refuse(_folder: Path, _kind: str) -> str:
                raise PermissionError(errno.EACCES, "Permission denied")

            monkeypatch.setattr(build, "_temporary", refuse)
    monkeypatch.setenv("CONDLOOKUP_CACHE_DIR", str(cache))
    return cache, why


def test_an_unwritable_cache_says_so_once_each_run(
    pages: Path, monkeypatch: pytest.MonkeyPatch, unwritable_cache: tuple[Path, str]
) -> None:
    cache, why = unwritable_cache
    use_sources(monkeypatch, Sources((PageFolder(pages, "curated"),), None))
    for _ in range(2):  # nothing is kept, so each run builds again, and says so again
        result = CliRunner().invoke(app, ["list"])
        assert (result.exit_code, result.stdout) == (0, "test-fever\ntest-rash\n")
        assert result.stderr == (
            f"condlookup: warning: the cache folder {cache} cannot be written ({why}), so the "
            "index is built in memory on every run, which is slow (set CONDLOOKUP_CACHE_DIR to a "
            "folder you can write)\n"
        )


def test_an_unwritable_cache_is_not_rebuilt_nor_cleared_in_vain(
    pages: Path, monkeypatch: pytest.MonkeyPatch, unwritable_cache: tuple[Path, str]
) -> None:
    cache, why = unwritable_cache
    use_sources(monkeypatch, Sources((PageFolder(pages, "curated"),), None))
    result = CliRunner().invoke(app, ["cache", "rebuild"])
    assert (result.exit_code, result.stdout) == (1, "")  # not "rebuilt": it would be gone at once
    assert result.stderr == (
        f"condlookup: error: the cache folder {cache} cannot be written ({why}) (set "
        "CONDLOOKUP_CACHE_DIR to a folder you can write)\n"
    )
    result = CliRunner().invoke(app, ["cache", "clear"])
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        f"no index at {index_path()}\n",
        "",
    )


def test_an_interrupted_build_leaves_the_old_index_and_no_temporary(
    pages: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folders = Sources((PageFolder(pages, "curated"),), None)
    open_index(folders).close()
    before = index_path().read_bytes()
    (pages / "test-rash.yaml").write_text(
        (pages / "test-rash.yaml").read_text().replace("Test rash syndrome", "Renamed")
    )

    def interrupted(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(build, "_fill", interrupted)
    with pytest.raises(KeyboardInterrupt):
        open_index(folders)
    assert index_path().read_bytes() == before
    assert [p.name for p in index_path().parent.iterdir()] == [index_path().name]


def test_invalid_pages_stop_the_build_with_every_problem(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as caught:
        open_index(Sources((PageFolder(BAD_PAGES, "curated"),), None))
    assert len(caught.value.problems) > 10
    assert not index_path().exists()


def test_concurrent_first_runs_leave_one_whole_index(pages: Path) -> None:
    code = (
        "from pathlib import Path; from condlookup.index.sources import Sources; "
        "from condlookup.index.store import open_index; from condlookup.pages.folders import PageFolder; "
        f"c = open_index(Sources((PageFolder(Path({str(pages)!r}), 'curated'),), None)); "
        "print(c.execute('select count(*) from conditions').fetchone()[0])"
    )
    runs = [
        subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    outputs = [run.communicate(timeout=60)[0].strip() for run in runs]
    assert outputs == ["2"] * 4
    assert [p.name for p in index_path().parent.iterdir()] == [index_path().name]
    assert names_in(open_index(Sources((PageFolder(pages, "curated"),), None))) == [
        "test-fever",
        "test-rash",
    ]


def damage(path: Path, how: str) -> None:
    """Damage the index in place, as a disk or another program could while it is open."""
    if how == "garbage":
        path.write_bytes(b"this is not a database" * 100)
        return
    # Every table but `meta` broken: the fingerprint still reads, the queries do not.
    with sqlite3.connect(path) as connection:
        size = connection.execute("PRAGMA page_size").fetchone()[0]
        roots = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE rootpage > 1 AND tbl_name != 'meta'"
        ).fetchall()
    connection.close()
    with path.open("r+b") as handle:
        for (page,) in roots:
            handle.seek((page - 1) * size)
            handle.write(b"\xff" * size)


@pytest.mark.parametrize("how", ["garbage", "tables"])
def test_an_index_damaged_while_in_use_is_one_line_and_rebuilt_next(
    runner: CliRunner, fixture_pages: object, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    def open_then_damage(*args: object) -> sqlite3.Connection:
        connection = open_index(*args)  # type: ignore[arg-type]
        damage(index_path(), how)
        return connection

    monkeypatch.setattr(library, "open_index", open_then_damage)
    result = runner.invoke(app, ["show", "test-fever"])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.startswith("condlookup: error: the index is damaged (")
    assert result.stderr.endswith(
        "(the next command rebuilds it, or `condlookup cache rebuild` now)\n"
    )
    assert result.stderr.count("\n") == 1
    monkeypatch.setattr(library, "open_index", open_index)
    result = runner.invoke(app, ["show", "test-fever"])
    assert (result.exit_code, result.stdout.splitlines()[:1]) == (0, ["Test fever"])
    assert index_path().read_bytes().startswith(b"SQLite format 3")


def test_an_empty_folder_in_the_index_place_gives_way(pages: Path) -> None:
    index_path().mkdir(parents=True)
    assert names_in(open_index(Sources((PageFolder(pages, "curated"),), None))) == [
        "test-fever",
        "test-rash",
    ]
    assert index_path().is_file()


def test_a_folder_of_files_in_the_index_place_is_named_and_kept(
    runner: CliRunner, fixture_pages: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    index_path().mkdir(parents=True)
    (index_path() / "mine.txt").write_text("not condlookup's")

    def no_build(*_args: object) -> None:
        raise AssertionError("a whole build for an index that cannot be put in place")

    monkeypatch.setattr(build, "build", no_build)
    expected = (
        f"condlookup: error: {index_path()} is a folder, where the index file goes (move it "
        "away, or set CONDLOOKUP_CACHE_DIR to another folder)\n"
    )
    for command in (["list"], ["cache", "rebuild"]):
        result = runner.invoke(app, command)
        assert (result.exit_code, result.stdout, result.stderr) == (1, "", expected)
    assert (index_path() / "mine.txt").read_text() == "not condlookup's"


@pytest.fixture
def hpo_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "hpo"
    shutil.copytree(FIXTURE_HPO, folder)
    return folder


def test_a_missing_hpo_file_is_named(pages: Path, hpo_copy: Path) -> None:
    (hpo_copy / "phenotype.hpoa").unlink()
    with pytest.raises(DataError) as caught:
        open_index(Sources((PageFolder(pages, "curated"),), HpoFiles.in_folder(hpo_copy)))
    assert caught.value.message.startswith(f"{hpo_copy / 'phenotype.hpoa'}: cannot read")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("phenotype.hpoa", b"", "no annotations (empty or truncated file)"),
        ("phenotype.hpoa", b"\x00\x01garbage", "not a phenotype.hpoa header line"),
        ("hp.obo", b"", "no HP:0000118 term: not a complete hp.obo"),
        ("hp.obo", b"[Term]\nid: HP:1\n", "a [Term] without exactly one id and name"),
    ],
)
def test_a_broken_hpo_file_keeps_the_last_good_index(
    pages: Path, hpo_copy: Path, name: str, content: bytes, message: str
) -> None:
    sources = Sources((PageFolder(pages, "curated"),), HpoFiles.in_folder(hpo_copy))
    open_index(sources).close()
    good = index_path().read_bytes()
    (hpo_copy / name).write_bytes(content)
    warnings: list[str] = []
    connection = open_index(sources, warn=warnings.append)
    assert names_in(connection)[:2] == ["OMIM:100001", "OMIM:100002"]
    assert len(warnings) == 1 and message in warnings[0] and str(hpo_copy / name) in warnings[0]
    assert index_path().read_bytes() == good
    # The failed build is remembered: the next run warns again without building again.
    open_index(sources, warn=warnings.append)
    assert len(warnings) == 2


def test_a_large_folder_is_swept_file_by_file_at_most_once_a_minute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(5):
        (folder / f"page-{number}.yaml").write_text(f"name: {number}\n")
    monkeypatch.setattr(fingerprint, "LARGE_FOLDER", 2)
    sources = Sources((PageFolder(folder, "user"),), None)
    first = fingerprint.fingerprint(sources)
    assert index_path().with_suffix(".sweeps").is_file()
    # Written in place: the folder's own time does not change, so the minute's sweep stands.
    os.utime(folder / "page-0.yaml", ns=(5, 5))
    assert fingerprint.fingerprint(sources) == first
    # A page added (or removed, or renamed) changes the folder: seen at once.
    (folder / "page-9.yaml").write_text("name: 9\n")
    second = fingerprint.fingerprint(sources)
    assert second != first
    # And once the minute is over, the edit in place is seen too.
    os.utime(folder / "page-1.yaml", ns=(7, 7))
    monkeypatch.setattr(fingerprint, "SWEEP_SECONDS", 0.0)
    assert fingerprint.fingerprint(sources) != second


def test_a_small_folder_is_swept_every_run(tmp_path: Path) -> None:
    folder = tmp_path / "few"
    folder.mkdir()
    (folder / "page.yaml").write_text("name: x\n")
    sources = Sources((PageFolder(folder, "user"),), None)
    first = fingerprint.fingerprint(sources)
    os.utime(folder / "page.yaml", ns=(5, 5))
    assert fingerprint.fingerprint(sources) != first
    assert not index_path().with_suffix(".sweeps").exists()


# -- the two halves: the catalogue's, kept, and the pages' --------------------------------------


@pytest.fixture
def with_catalogue(pages: Path, hpo_copy: Path) -> Sources:
    return Sources((PageFolder(pages, "curated"),), HpoFiles.in_folder(hpo_copy))


def edit(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text().replace(old, new))
    os.utime(path, ns=(1, 1))  # a different mtime even on coarse clocks


def files_in(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def test_editing_a_page_rebuilds_only_the_pages_half(
    with_catalogue: Sources, pages: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_index(with_catalogue).close()
    half, index = catalogue_path().stat(), index_path().stat()
    assert files_in(index_path().parent) == [catalogue_path().name, index_path().name]

    def not_read(*_args: object) -> None:
        raise AssertionError("the HPO files were read again")

    monkeypatch.setattr(catalogue_build, "hpo_terms", not_read)
    edit(pages / "test-fever.yaml", "name: Test fever", "name: Test fever, edited")
    library = Library(open_index(with_catalogue), with_catalogue)
    assert library.get("test-fever").name == "Test fever, edited"
    # Still the catalogue's entry, joined to the page again.
    assert library.annotation_counts("test-fever") == (2, 2, ("ORPHA:999999",))
    assert catalogue_path().stat().st_ino == half.st_ino
    assert catalogue_path().stat().st_mtime_ns == half.st_mtime_ns
    assert index_path().stat().st_ino != index.st_ino  # replaced whole, not written in place


def test_a_changed_hpo_file_rebuilds_both_halves(with_catalogue: Sources, hpo_copy: Path) -> None:
    open_index(with_catalogue).close()
    half = catalogue_path().stat().st_ino
    edit(hpo_copy / "hp.obo", "name: Gait ataxia", "name: Unsteady gait ataxia")
    library = Library(open_index(with_catalogue), with_catalogue)
    assert "Unsteady gait ataxia" in {p.name for p in library.annotations("OMIM:100001")}
    assert catalogue_path().stat().st_ino != half
    assert files_in(index_path().parent) == [catalogue_path().name, index_path().name]


@pytest.mark.parametrize("stage", STAGES, ids=lambda stage: stage.name)
def test_every_file_a_stage_reads_keys_the_catalogue_half(
    stage: Stage, pages: Path, hpo_copy: Path, tmp_path: Path
) -> None:
    digest = tmp_path / "mondo.tsv.gz"
    digest.write_bytes(gzip.compress((DATA / "mondo" / "mondo.tsv").read_bytes()))
    sources = Sources((PageFolder(pages, "curated"),), HpoFiles.in_folder(hpo_copy), digest)
    half, whole = fingerprint.catalogue_fingerprint(sources), fingerprint.fingerprint(sources)
    for data in stage.files_of(sources):
        os.utime(data, ns=(7, 7))
    changed = fingerprint.catalogue_fingerprint(sources) != half
    assert changed == bool(stage.files_of(sources))
    assert (fingerprint.fingerprint(sources) != whole) == changed


def test_a_killed_pages_build_leaves_a_working_index(with_catalogue: Sources, pages: Path) -> None:
    open_index(with_catalogue).close()
    good = index_path().read_bytes()
    edit(pages / "test-fever.yaml", "name: Test fever", "name: Test fever, edited")
    code = (
        "import os, signal; from pathlib import Path; from condlookup.catalogue import overlay; "
        "from condlookup.index.sources import HpoFiles, Sources; "
        "from condlookup.index.store import open_index; from condlookup.pages.folders import PageFolder; "
        "overlay.join_pages = lambda *args: os.kill(os.getpid(), signal.SIGKILL); "
        f"open_index(Sources((PageFolder(Path({str(pages)!r}), 'curated'),), "
        f"HpoFiles.in_folder(Path({str(with_catalogue.hpo.obo.parent)!r}))))"  # type: ignore[union-attr]
    )
    killed = subprocess.run([sys.executable, "-c", code], capture_output=True, check=False)
    assert killed.returncode == -9
    # The index that was there, whole; and the killed build's half-written copy beside it.
    assert index_path().read_bytes() == good
    left = [name for name in files_in(index_path().parent) if name.startswith(".index-")]
    assert len(left) == 1
    # The next command builds the pages half again, and removes what the killed one left.
    library = Library(open_index(with_catalogue), with_catalogue)
    assert library.get("test-fever").name == "Test fever, edited"
    assert files_in(index_path().parent) == [catalogue_path().name, index_path().name]


def test_cache_clear_removes_what_killed_builds_left_and_not_a_running_ones(
    with_catalogue: Sources,
) -> None:
    open_index(with_catalogue).close()
    folder = index_path().parent
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    (folder / f".catalogue-{gone}-abc.tmp").write_bytes(b"half")
    (folder / f".index-{os.getpid()}-def.tmp").write_bytes(b"mine, running")
    assert store.clear()
    assert files_in(folder) == [f".index-{os.getpid()}-def.tmp"]


@pytest.mark.parametrize("first", [True, False], ids=["first runs", "after an edit"])
def test_concurrent_runs_with_the_catalogue_all_answer(
    with_catalogue: Sources, pages: Path, first: bool
) -> None:
    if not first:  # the catalogue half is there: they all build the pages half at once
        open_index(with_catalogue).close()
    edit(pages / "test-rash.yaml", "name: Test rash syndrome", "name: Test rash, edited")
    code = (
        "from pathlib import Path; from condlookup.index.sources import HpoFiles, Sources; "
        "from condlookup.index.store import open_index; from condlookup.pages.folders import PageFolder; "
        f"c = open_index(Sources((PageFolder(Path({str(pages)!r}), 'curated'),), "
        f"HpoFiles.in_folder(Path({str(with_catalogue.hpo.obo.parent)!r})))); "  # type: ignore[union-attr]
        "print(c.execute(\"select name from conditions where id = 'test-rash'\").fetchone()[0])"
    )
    runs = [
        subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    outputs = [run.communicate(timeout=60)[0].strip() for run in runs]
    assert outputs == ["Test rash, edited"] * 4
    assert files_in(index_path().parent) == [catalogue_path().name, index_path().name]


def test_a_page_takes_over_the_catalogue_disease_it_names(
    with_catalogue: Sources, pages: Path
) -> None:
    before = Library(open_index(with_catalogue), with_catalogue)
    assert before.identify("test ataxia syndrome") == "OMIM:100001"
    (pages / "test-mine.yaml").write_text(
        (pages / "test-rash.yaml")
        .read_text()
        .replace("name: Test rash syndrome", "name: My ataxia\ncodes:\n  omim: '100001'")
    )
    library = Library(open_index(with_catalogue), with_catalogue)
    # The disease's codes and names find the page, which shows its annotations.
    for query in ("OMIM:100001", "test ataxia syndrome", "my ataxia"):
        assert library.identify(query) == "test-mine", query
    assert isinstance(library.get("OMIM:100001"), Condition)
    assert {(p.hpo, p.origin) for p in library.annotations("test-mine")} == {
        ("HP:0001251", "OMIM:100001"),
        ("HP:0002066", "OMIM:100001"),
    }
    # The disease has no page of its own any more, in any command.
    ids = {summary.id for summary in library.summaries(source="all")}
    assert "OMIM:100001" not in ids and "test-mine" in ids
    ranked = [hit.id for hit in library.match(["gait ataxia"]).hits]
    assert "test-mine" in ranked and "OMIM:100001" not in ranked
    found = [hit.id for hit in library.search("ataxia", limit=50).hits]
    assert "OMIM:100001" not in found
    assert_counts_hold(library._db)
    # Remove the page, and the catalogue's disease is back, without building the catalogue.
    half = catalogue_path().stat().st_ino
    (pages / "test-mine.yaml").unlink()
    after = Library(open_index(with_catalogue), with_catalogue)
    assert after.identify("OMIM:100001") == "OMIM:100001"
    assert catalogue_path().stat().st_ino == half


def assert_counts_hold(connection: sqlite3.Connection) -> None:
    """What the overlay keeps up to date by changes equals a count from scratch."""
    counted = dict(
        connection.execute(
            "SELECT term, count(DISTINCT condition) FROM propagated GROUP BY term"
        ).fetchall()
    )
    kept = dict(connection.execute("SELECT id, diseases FROM terms WHERE diseases > 0").fetchall())
    assert kept == counted
    meta = dict(connection.execute("SELECT key, value FROM meta"))
    (annotated,) = connection.execute("SELECT count(DISTINCT condition) FROM propagated").fetchone()
    assert int(meta["annotated_conditions"]) == annotated
    (catalogue,) = connection.execute(
        "SELECT count(*) FROM conditions WHERE source = 'hpo'"
    ).fetchone()
    assert int(meta["catalogue_conditions"]) == catalogue
    (families,) = connection.execute("SELECT count(*) FROM families").fetchone()
    assert int(meta["families"]) == families


def test_the_counts_of_the_real_index_hold(real_catalogue: Path) -> None:
    library = Library.open()
    assert_counts_hold(library._db)


def test_rows_are_inserted_by_column_name_into_tables_defined_in_one_place() -> None:
    package = Path(catalogue_build.__file__).parents[1]
    for path in package.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"INSERT (OR \w+ )?INTO [\w.]+ VALUES", text), path
        if path.name != "tables.py":
            assert "CREATE TABLE" not in text.replace("CREATE TEMP TABLE", ""), path


@pytest.mark.parametrize("kind", ["garbage", "folder"])
def test_a_broken_catalogue_half_is_built_again(with_catalogue: Sources, kind: str) -> None:
    open_index(with_catalogue).close()
    index_path().unlink()
    half = catalogue_path()
    half.unlink()
    if kind == "garbage":
        half.write_bytes(b"not a database" * 100)
    else:
        half.mkdir()
    assert names_in(open_index(with_catalogue))[:2] == ["OMIM:100001", "OMIM:100002"]
    if kind == "garbage":
        assert half.read_bytes().startswith(b"SQLite format 3")
    else:  # in the way of the half, not of the index: built each time, never kept
        assert half.is_dir() and index_path().is_file()
    assert not [name for name in files_in(half.parent) if name.endswith(".tmp")]


def test_an_unwritable_cache_is_bypassed_with_the_catalogue(
    with_catalogue: Sources, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("CONDLOOKUP_CACHE_DIR", str(blocker / "cache"))
    said: list[str] = []
    connection = open_index(with_catalogue, lambda stage, _done: said.append(stage), said.append)
    assert said[:2] == [
        f"the cache folder {blocker / 'cache'} cannot be written (Not a directory), so the index "
        "is built in memory on every run, which is slow (set CONDLOOKUP_CACHE_DIR to a folder you "
        "can write)",
        "building the index from the HPO files (about 10 seconds), then the pages",
    ]
    library = Library(connection, with_catalogue)
    assert library.annotation_counts("test-fever") == (2, 2, ("ORPHA:999999",))
    assert library.identify("ORPHA:999999") == "test-fever"
