"""Building the index: pages and the HPO catalogue into a new SQLite file, renamed into place."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import sqlite3
import tempfile
from collections.abc import Sequence
from pathlib import Path

from condlookup import __version__
from condlookup.index.sources import Progress, Sources
from condlookup.pages.collection import collect
from condlookup.pages.models import Condition
from condlookup.pages.serialize import to_dict
from condlookup.text import OWN_NAME, join_list, name_tiers

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
    codes TEXT NOT NULL
);
-- The pages themselves, apart: `list` and `search` scan the narrow rows above.
CREATE TABLE page_data (rowid INTEGER PRIMARY KEY, data TEXT NOT NULL);
-- The keys that find each condition, with how exactly (text.OWN_NAME ... text.DERIVED).
CREATE TABLE names (key TEXT NOT NULL, rowid INTEGER NOT NULL, tier INTEGER NOT NULL);
CREATE INDEX names_key ON names (key);
CREATE VIRTUAL TABLE search USING fts5(
    names, symptoms, body, tokenize = "unicode61 remove_diacritics 2"
);
"""


def build(
    sources: Sources, wanted: str, path: Path, progress: Progress | None = None
) -> sqlite3.Connection:
    """Build the index into a temporary file and rename it to `path`; returns it opened."""
    collection = collect(sources.folders)
    # In list order, so that `list` reads them by rowid instead of sorting them every run.
    pages = sorted(collection.pages, key=lambda page: (page.name.casefold(), page.id))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".index-", suffix=".tmp")
        os.close(handle)
    except OSError:
        # The cache cannot be written: answer from an index in memory instead.
        memory = sqlite3.connect(":memory:")
        _fill(memory, pages, sources, wanted, progress, collection.warnings)
        return memory
    try:
        connection = sqlite3.connect(temporary)
        # Nothing needs a journal: a half-built file is never renamed into place.
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("PRAGMA synchronous = OFF")
        _fill(connection, pages, sources, wanted, progress, collection.warnings)
        connection.close()
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)


def _fill(
    connection: sqlite3.Connection,
    pages: Sequence[Condition],
    sources: Sources,
    wanted: str,
    progress: Progress | None,
    warnings: Sequence[str] = (),
) -> None:
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
                join_list(condition.aliases),
                join_list(condition.specialists),
                join_list(condition.codes.curies()),
            ),
        )
        connection.execute(
            "INSERT INTO page_data VALUES (?, ?)",
            (rowid, json.dumps(to_dict(condition), ensure_ascii=False)),
        )
        # Every name a page gives itself is its own; the keys without "syndrome" and the like
        # are derived, and give way to a name of another condition.
        named = (condition.id, *condition.all_names, *condition.codes.curies())
        tiers = name_tiers((name, OWN_NAME) for name in named)
        connection.executemany(
            "INSERT INTO names VALUES (?, ?, ?)", [(k, rowid, t) for k, t in tiers.items()]
        )
        connection.execute(
            "INSERT INTO search (rowid, names, symptoms, body) VALUES (?, ?, ?, ?)",
            (rowid, "\n".join(condition.all_names), symptom_text(condition), body_text(condition)),
        )
    facts = {
        "version": __version__,
        "curated_pages": str(len(pages)),
        # What a piped `list` prints, ready: one read instead of a scan of every page's row.
        "page_ids": "\n".join(page.id for page in pages),
        "warnings": "\n".join(warnings),
    }
    if sources.hpo is not None:
        from condlookup.catalogue import build as catalogue_build  # noqa: PLC0415
        from condlookup.sources.hpo import hpoa_release, release  # noqa: PLC0415

        facts["hpo_release"] = release(sources.hpo.obo) or "unknown"
        facts["hpoa_release"] = hpoa_release(sources.hpo.hpoa) or "unknown"
        facts["hpo_dir"] = str(sources.hpo.obo.parent)
        curated = list(enumerate(pages, start=1))
        report = progress or _silent
        try:
            facts |= catalogue_build.fill(
                connection, sources.hpo.obo, sources.hpo.hpoa, sources.mondo, curated, report
            )
        finally:
            report("Done", 1.0)  # also stops a progress bar when the build fails
    # Written last: an index without its fingerprint is never taken for a whole one.
    connection.executemany("INSERT INTO meta VALUES (?, ?)", facts.items())
    connection.execute("INSERT INTO meta VALUES ('fingerprint', ?)", (wanted,))
    connection.commit()


def _silent(_stage: str, _fraction: float) -> None:
    pass


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
