"""The index: one SQLite file that everyday commands read instead of parsing YAML.

It is keyed by a fingerprint of its sources (schema version, package version, and the name, size
and modification time of every page file), rebuilt when that changes, and always written to a
temporary file that is renamed into place: an interrupted build or two first runs at once leave
either the old index or a whole new one, never half of one.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from condlookup import __version__
from condlookup.errors import DataError
from condlookup.paths import INDEX_SCHEMA, PAGE_SUFFIXES, index_path

Progress = Callable[[str, float], None]
Warn = Callable[[str], None]


class PageFolder(NamedTuple):
    path: Path
    source: str  # "curated" for the bundled pages, "user" for the user's own


class HpoFiles(NamedTuple):
    obo: Path
    hpoa: Path

    @classmethod
    def in_folder(cls, folder: Path) -> HpoFiles:
        return cls(folder / "hp.obo", folder / "phenotype.hpoa")


class Sources(NamedTuple):
    """Everything an index is built from."""

    folders: tuple[PageFolder, ...]
    hpo: HpoFiles | None


# A folder of more pages than this is not swept file by file on every run (10,000 stats cost
# about 25 ms, more than the whole start-up budget): its own modification time, which changes
# when a page is added, removed or renamed (and when an editor saves by writing a new file and
# renaming it), is checked on every run, and every file at most SWEEP_SECONDS after the last time.
LARGE_FOLDER = 2000
SWEEP_SECONDS = 60.0


def fingerprint(sources: Sources) -> str:
    """Cheap to compute on every run: it only stats the source files.

    Two checksums of the listing rather than a cryptographic hash: this detects change, it
    guards nothing, and importing hashlib alone costs more than the whole check.
    """
    parts = [f"{INDEX_SCHEMA}\0{__version__}"]
    for data in sources.hpo or ():
        try:
            stat = data.stat()
            parts.append(f"{data}\0{stat.st_size}\0{stat.st_mtime_ns}")
        except OSError:
            parts.append(f"{data}\0missing")
    sweeps = _Sweeps()
    for folder in sources.folders:
        parts.append(f"{folder.source}\0{folder.path}\0{sweeps.state(folder.path)}")
    sweeps.save()
    listing = "\n".join(parts).encode()
    return f"{zlib.crc32(listing):08x}{zlib.adler32(listing):08x}{len(listing):x}"


def _sweep(folder: Path) -> tuple[int, str]:
    """The number of page files in a folder and a checksum of their names, sizes and times."""
    found = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.endswith(PAGE_SUFFIXES):
                    try:
                        stat = entry.stat()
                    except OSError:
                        continue
                    found.append(f"{entry.name}\0{stat.st_size}\0{stat.st_mtime_ns}")
    except OSError as err:
        return 0, f"unreadable {err.errno}"
    found.sort()
    listing = "\n".join(found).encode()
    return len(found), f"{zlib.crc32(listing):08x}{zlib.adler32(listing):08x}{len(listing):x}"


class _Sweeps:
    """What the last file-by-file sweep of each large folder found, kept beside the index."""

    def __init__(self) -> None:
        self.path = index_path().with_suffix(".sweeps")
        self.known: dict[str, tuple[int, float, str]] = {}
        self.changed = False
        try:
            for line in self.path.read_text(encoding="utf-8").splitlines():
                folder, mtime, swept, state = line.split("\t")
                self.known[folder] = (int(mtime), float(swept), state)
        except (OSError, ValueError, UnicodeDecodeError):
            self.known = {}

    def state(self, folder: Path) -> str:
        try:
            mtime = os.stat(folder).st_mtime_ns
        except OSError as err:
            return f"missing {err.errno}"
        now = time.time()
        known = self.known.get(str(folder))
        if known and known[0] == mtime and now - known[1] < SWEEP_SECONDS:
            return known[2]
        count, state = _sweep(folder)
        if count > LARGE_FOLDER:
            self.known[str(folder)] = (mtime, now, state)
            self.changed = True
        return state

    def save(self) -> None:
        if not self.changed:
            return
        lines = [f"{folder}\t{m}\t{t}\t{s}\n" for folder, (m, t, s) in self.known.items()]
        with contextlib.suppress(OSError):  # a cache that cannot be written only sweeps more
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}")
            temporary.write_text("".join(lines), encoding="utf-8")
            os.replace(temporary, self.path)


def open_index(
    sources: Sources, progress: Progress | None = None, warn: Warn | None = None
) -> sqlite3.Connection:
    """A connection to an up-to-date index, building it first if needed.

    When a build fails on bad data (a broken page, a garbled HPO file) and an earlier index
    exists, that last good index is used, with a warning, until the sources change again.
    """
    wanted = fingerprint(sources)
    path = index_path()
    connection = _open_existing(path, wanted)
    if connection is not None:
        return connection
    failure = _failure_for(path, wanted)
    if failure is None:
        from condlookup.indexer import build  # noqa: PLC0415 - only a build needs YAML and more

        try:
            return build(sources, wanted, path, progress)
        except DataError as err:
            if not _is_index(path):
                raise
            failure = err.message
            _remember_failure(path, wanted, failure)
    last_good = _open_existing(path, None)
    if last_good is None:
        raise DataError(failure)
    if warn is not None:
        warn(f"{failure} (using the last good index until the data changes)")
    return last_good


def rebuild(sources: Sources, progress: Progress | None = None) -> Path:
    """Build the index now, whatever its state. Returns where it was written."""
    from condlookup.indexer import build  # noqa: PLC0415

    path = index_path()
    build(sources, fingerprint(sources), path, progress).close()
    _failure_marker(path).unlink(missing_ok=True)
    return path


def clear() -> bool:
    """Remove the index; True if there was one."""
    path = index_path()
    _failure_marker(path).unlink(missing_ok=True)
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    except OSError as err:
        raise DataError(f"cannot remove the index {path}: {err.strerror}") from None
    return True


def _open_existing(path: Path, wanted: str | None) -> sqlite3.Connection | None:
    """The index at `path` if it is whole and (unless `wanted` is None) built from these sources."""
    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        row = connection.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
    except sqlite3.Error:
        return None  # corrupt or unreadable: rebuilt below
    if row is None or (wanted is not None and row[0] != wanted):
        connection.close()
        return None
    return connection


def _is_index(path: Path) -> bool:
    connection = _open_existing(path, None)
    if connection is None:
        return False
    connection.close()
    return True


def _failure_marker(path: Path) -> Path:
    return path.with_suffix(".failed")


def _failure_for(path: Path, wanted: str) -> str | None:
    """The error of an earlier build from these very sources, so it is not retried each run."""
    try:
        recorded, _, message = _failure_marker(path).read_text(encoding="utf-8").partition("\n")
    except (OSError, UnicodeDecodeError):
        return None
    return message if recorded == wanted and message else None


def _remember_failure(path: Path, wanted: str, message: str) -> None:
    # If this fails, the build is only tried again next time, which is slower, not wrong.
    with contextlib.suppress(OSError):
        _failure_marker(path).write_text(f"{wanted}\n{message}", encoding="utf-8")
