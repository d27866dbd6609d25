"""The index: one SQLite file that everyday commands read instead of parsing YAML.

It is keyed by a fingerprint of its sources (schema version, package version, the name, size
and modification time of every data file and every page file), rebuilt when that changes, and
always written to a temporary file that is renamed into place: an interrupted build or two first
runs at once leave either the old index or a whole new one, never half of one. A rebuild only
redoes the half whose sources changed (see `build`).
"""

import contextlib
import sqlite3
from pathlib import Path

from condlookup.errors import DataError
from condlookup.index.fingerprint import fingerprint
from condlookup.index.sources import Progress, Sources, Warn
from condlookup.paths import catalogue_path, index_path


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
        from condlookup.index.build import build  # noqa: PLC0415 - only a build needs YAML and more

        _make_room(path)
        try:
            return build(sources, wanted, path, progress, warn=warn)
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
    """Build the index now, both halves, whatever their state. Returns where it was written;
    a DataError when the cache cannot be written (an index in memory would be gone at once)."""
    from condlookup.index.build import build  # noqa: PLC0415

    path = index_path()
    _make_room(path)
    build(sources, fingerprint(sources), path, progress, fresh=True, in_memory=False).close()
    _failure_marker(path).unlink(missing_ok=True)
    return path


def clear() -> bool:
    """Remove the index, both halves, and what killed builds left; True if there was one."""
    from condlookup.index.build import remove_leftovers  # noqa: PLC0415 - only here

    path = index_path()
    remove_leftovers(path.parent)  # a running build's own temporaries stay
    # Each is made again when needed, whatever is in its way.
    for extra in (_failure_marker(path), catalogue_path()):
        with contextlib.suppress(OSError):
            extra.unlink(missing_ok=True)
    try:
        path.unlink()
    except (FileNotFoundError, NotADirectoryError):  # no index, or no folder to hold one
        return False
    except OSError as err:
        raise DataError(f"cannot remove the index {path}: {err.strerror}") from None
    return True


def unusable(err: sqlite3.DatabaseError) -> DataError:
    """The error to show when the index fails a query: it was whole when opened, so it was
    damaged or replaced since. A damaged one is removed: the check on opening reads only its
    fingerprint, and would let the next command fail the same way."""
    code = getattr(err, "sqlite_errorcode", 0) & 0xFF  # the primary code of an extended one
    if code not in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return DataError(
            f"the index cannot be used ({err})",
            hint="if it was replaced or damaged, `condlookup cache rebuild` builds it anew",
        )
    # Another command may have put a whole new index there meanwhile: removing that one
    # costs a build, nothing worse.
    with contextlib.suppress(DataError):
        clear()
    return DataError(
        f"the index is damaged ({err})",
        hint="the next command rebuilds it, or `condlookup cache rebuild` now",
    )


def _make_room(path: Path) -> None:
    """A folder where the index file goes is found by the rename at the end of a whole build,
    too late. An empty one holds nothing of the user's and gives way; any other is named."""
    if not path.is_dir():
        return
    try:
        path.rmdir()
    except OSError:
        raise DataError(
            f"{path} is a folder, where the index file goes",
            hint="move it away, or set CONDLOOKUP_CACHE_DIR to another folder",
        ) from None


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
