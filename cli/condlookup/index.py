"""The index: one SQLite file that everyday commands read instead of parsing YAML.

It is keyed by a fingerprint of its sources (schema version, package version, and the name, size
and modification time of every page file), rebuilt when that changes, and always written to a
temporary file that is renamed into place: an interrupted build or two first runs at once leave
either the old index or a whole new one, never half of one.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import sqlite3
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from condlookup import __version__
from condlookup.errors import DataError, ValidationError
from condlookup.models import Condition
from condlookup.paths import INDEX_SCHEMA, index_path
from condlookup.serialize import to_dict
from condlookup.text import name_keys

Notify = Callable[[str], None]

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE conditions (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    source TEXT NOT NULL,
    summary TEXT NOT NULL,
    aliases TEXT NOT NULL,
    specialists TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE TABLE names (key TEXT NOT NULL, rowid INTEGER NOT NULL, exact INTEGER NOT NULL);
CREATE INDEX names_key ON names (key);
CREATE VIRTUAL TABLE search USING fts5(
    names, symptoms, body, tokenize = "unicode61 remove_diacritics 2"
);
"""


@dataclass(frozen=True, slots=True)
class PageFolder:
    path: Path
    source: str  # "curated" for the bundled pages, "user" for the user's own


def fingerprint(folders: Sequence[PageFolder]) -> str:
    """Cheap to compute on every run: it only stats the page files."""
    digest = hashlib.sha256(f"{INDEX_SCHEMA}\0{__version__}".encode())
    for folder in folders:
        digest.update(f"\0{folder.source}\0{folder.path}".encode())
        for path in _page_paths(folder.path):
            try:
                stat = path.stat()
            except OSError:
                continue
            digest.update(f"\0{path.name}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def _page_paths(folder: Path) -> list[Path]:
    from condlookup.loader import page_files  # noqa: PLC0415 - keeps yaml off the warm path

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
    return _build(folders, wanted, path)


def rebuild(folders: Sequence[PageFolder]) -> Path:
    """Build the index now, whatever its state. Returns where it was written."""
    path = index_path()
    connection = _build(folders, fingerprint(folders), path)
    connection.close()
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


def _build(folders: Sequence[PageFolder], wanted: str, path: Path) -> sqlite3.Connection:
    from condlookup.loader import load_pages  # noqa: PLC0415 - only a build needs YAML

    pages: list[Condition] = []
    for folder in folders:
        loaded, problems = load_pages(_page_paths(folder.path), folder.source)
        if problems:
            raise ValidationError(problems)
        pages.extend(page.condition for page in loaded)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".index-", suffix=".tmp")
        os.close(handle)
    except OSError:
        # The cache cannot be written: answer from an index in memory instead.
        memory = sqlite3.connect(":memory:")
        _fill(memory, pages, wanted)
        return memory
    try:
        connection = sqlite3.connect(temporary)
        _fill(connection, pages, wanted)
        connection.close()
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)


def _fill(connection: sqlite3.Connection, pages: Sequence[Condition], wanted: str) -> None:
    connection.executescript(_SCHEMA)
    for rowid, condition in enumerate(pages, start=1):
        connection.execute(
            "INSERT INTO conditions VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                rowid,
                condition.id,
                condition.name,
                condition.source,
                condition.summary,
                json.dumps(condition.aliases, ensure_ascii=False),
                json.dumps(condition.specialists, ensure_ascii=False),
                json.dumps(to_dict(condition), ensure_ascii=False),
            ),
        )
        # A name's first key is exact; the others (without "syndrome" and the like) are derived
        # and give way to an exact key of another condition.
        keys: dict[str, int] = {}
        for name in (condition.id, *condition.all_names, *condition.codes.curies()):
            for position, key in enumerate(name_keys(name)):
                keys[key] = max(keys.get(key, 0), int(position == 0))
        connection.executemany(
            "INSERT INTO names VALUES (?, ?, ?)", [(k, rowid, e) for k, e in keys.items()]
        )
        connection.execute(
            "INSERT INTO search (rowid, names, symptoms, body) VALUES (?, ?, ?, ?)",
            (rowid, "\n".join(condition.all_names), symptom_text(condition), body_text(condition)),
        )
    connection.execute("INSERT INTO meta VALUES ('fingerprint', ?)", (wanted,))
    connection.execute("INSERT INTO meta VALUES ('version', ?)", (__version__,))
    connection.commit()


def symptom_text(condition: Condition) -> str:
    """One line per symptom: its name, then its plain-words description."""
    return "\n".join(
        f"{symptom.name}: {symptom.description}" if symptom.description else symptom.name
        for symptom in condition.symptoms
    )


def body_text(condition: Condition) -> str:
    """The rest of the page's words, one paragraph per line."""
    parts = [condition.summary]
    for group in (condition.facts, condition.sections):
        parts += [getattr(group, f.name) or "" for f in dataclasses.fields(group)]
    parts += condition.related
    return "\n".join(line for part in parts for line in part.splitlines() if line.strip())
