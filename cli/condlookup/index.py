"""The index: one SQLite file that everyday commands read instead of parsing YAML.

It is keyed by a fingerprint of its sources (schema version, package version, and the name, size
and modification time of every page file), rebuilt when that changes, and always written to a
temporary file that is renamed into place: an interrupted build or two first runs at once leave
either the old index or a whole new one, never half of one.
"""

from __future__ import annotations

import sqlite3
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

from condlookup import __version__
from condlookup.errors import DataError
from condlookup.paths import INDEX_SCHEMA, index_path, page_files

Notify = Callable[[str], None]


class PageFolder(NamedTuple):
    path: Path
    source: str  # "curated" for the bundled pages, "user" for the user's own


def fingerprint(folders: Sequence[PageFolder]) -> str:
    """Cheap to compute on every run: it only stats the page files.

    Two checksums of the listing rather than a cryptographic hash: this detects change, it
    guards nothing, and importing hashlib alone costs more than the whole check.
    """
    parts = [f"{INDEX_SCHEMA}\0{__version__}"]
    for folder in folders:
        parts.append(f"{folder.source}\0{folder.path}")
        for path in page_paths(folder.path):
            try:
                stat = path.stat()
            except OSError:
                continue
            parts.append(f"{path.name}\0{stat.st_size}\0{stat.st_mtime_ns}")
    listing = "\n".join(parts).encode()
    return f"{zlib.crc32(listing):08x}{zlib.adler32(listing):08x}{len(listing):x}"


def page_paths(folder: Path) -> list[Path]:
    try:
        return page_files(folder)
    except OSError:
        return []


def open_index(folders: Sequence[PageFolder], notify: Notify | None = None) -> sqlite3.Connection:
    """A connection to an up-to-date index, building it first if needed."""
    wanted = fingerprint(folders)
    path = index_path()
    connection = _open_existing(path, wanted)
    if connection is not None:
        return connection
    if notify is not None:
        notify("Building the condition index (once, or after the pages change)...")
    from condlookup.indexer import build  # noqa: PLC0415 - only a build needs YAML and more

    return build(folders, wanted, path)


def rebuild(folders: Sequence[PageFolder]) -> Path:
    """Build the index now, whatever its state. Returns where it was written."""
    from condlookup.indexer import build  # noqa: PLC0415

    path = index_path()
    build(folders, fingerprint(folders), path).close()
    return path


def clear() -> bool:
    path = index_path()
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    except OSError as err:
        raise DataError(f"cannot remove the index {path}: {err.strerror}") from None
    return True


def _open_existing(path: Path, wanted: str) -> sqlite3.Connection | None:
    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        row = connection.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
    except sqlite3.Error:
        return None  # corrupt or unreadable: rebuilt below
    if row is None or row[0] != wanted:
        connection.close()
        return None
    return connection
