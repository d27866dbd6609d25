"""Building the index, in two halves, each written to a temporary file renamed into place.

- The catalogue half (`paths.catalogue_path`): the outside data alone, read and written by the
  stages of `stages`, kept beside the index and keyed by the fingerprint of those files only.
  It is rebuilt when that data changes (a new HPO release, another package version), which
  takes about ten seconds.
- The index itself: a copy of the catalogue half with the pages joined to it (see
  `catalogue.overlay`), rebuilt whenever a page changes, in about a second.

An interrupted build of either half leaves the file that was there, whole; so do two builds
at once, the last to finish winning.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from condlookup import __version__
from condlookup.catalogue import overlay, tables
from condlookup.catalogue.build import Catalogue
from condlookup.errors import DataError
from condlookup.index.fingerprint import catalogue_fingerprint
from condlookup.index.sources import Progress, Sources, Warn
from condlookup.index.stages import STAGES
from condlookup.pages.collection import collect
from condlookup.pages.models import NAMED_BY_PAGE, Condition
from condlookup.pages.serialize import to_dict
from condlookup.paths import catalogue_path
from condlookup.text import OWN_NAME, PAGE_ID, join_list, name_tiers

# The share of a whole build's progress bar that the catalogue half takes.
CATALOGUE_SHARE = 0.9
# About how long the pages half takes, to say so when it is built: copying the catalogue half
# and joining the pages to it, then each page read, checked and written (measured here: 0.4 s
# for 14 pages, 9 s for 10,000).
PAGES_SECONDS = 0.4
SECONDS_PER_PAGE = 0.0009


def build(
    sources: Sources,
    wanted: str,
    path: Path,
    progress: Progress | None = None,
    *,
    fresh: bool = False,
    warn: Warn | None = None,
    in_memory: bool = True,
) -> sqlite3.Connection:
    """Build the index into a temporary file and rename it to `path`; returns it opened.

    The catalogue half is built first when it is missing or out of date (or `fresh`). Where
    the cache cannot be written, the index is built in memory (or, without `in_memory`, that
    is a DataError), and `warn` says so: each run then pays for a whole build, and only the
    user can give it a folder to keep it in.
    """
    collection = collect(sources.folders)
    # In list order, so that `list` reads them by rowid instead of sorting them every run.
    pages = sorted(collection.pages, key=lambda page: (page.name.casefold(), page.id))
    if len(pages) >= tables.CATALOGUE_ROWIDS:
        raise DataError(
            f"{len(pages)} pages: condlookup holds fewer than {tables.CATALOGUE_ROWIDS}"
        )
    report = progress or _silent
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        remove_leftovers(path.parent)
        temporary = _temporary(path.parent, "index")
    except OSError as err:
        # The cache cannot be written: answer from an index in memory instead.
        unwritable = f"the cache folder {path.parent} cannot be written ({err.strerror or err})"
        if not in_memory:
            raise DataError(
                unwritable, hint="set CONDLOOKUP_CACHE_DIR to a folder you can write"
            ) from None
        if warn is not None:
            warn(
                f"{unwritable}, so the index is built in memory on every run, which is slow "
                "(set CONDLOOKUP_CACHE_DIR to a folder you can write)"
            )
        memory = sqlite3.connect(":memory:")
        key = catalogue_fingerprint(sources)
        if key is None:
            report = _announced(report, _pages_headline(sources, len(pages)))
        try:
            if key is not None:
                _catalogue_into(memory, sources, report, key, len(pages), kept=False)
            _fill(memory, pages, sources, wanted, report, collection.warnings, key is not None)
        finally:
            report("Done", 1.0)
        return memory
    try:
        try:
            state = _catalogue_copy(sources, temporary, report, fresh, len(pages))
            if state != "built":
                report = _announced(report, _pages_headline(sources, len(pages)))
            connection = _writable(temporary)
            _fill(
                connection, pages, sources, wanted, report, collection.warnings, state is not None
            )
            connection.close()
        finally:
            report("Done", 1.0)  # also stops a progress bar when the build fails
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)


def _announced(report: Progress, headline: str | None) -> Progress:
    """`report`, having said what is built; nothing at all when there is nothing to say."""
    if headline is None:
        return _silent
    report(headline, 0.0)
    return report


def _fill(
    connection: sqlite3.Connection,
    pages: Sequence[Condition],
    sources: Sources,
    wanted: str,
    progress: Progress,
    warnings: Sequence[str] = (),
    catalogue: bool = False,
) -> None:
    """The pages half: the pages' rows, joined to the catalogue the connection holds (if any)."""
    if not catalogue:
        tables.create(connection)
    progress("Adding the pages", CATALOGUE_SHARE)
    for rowid, condition in enumerate(pages, start=1):
        connection.execute(
            "INSERT INTO conditions (rowid, id, name, source, summary, aliases, specialists, "
            "because, codes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                rowid,
                condition.id,
                condition.name,
                condition.source,
                condition.summary,
                join_list(condition.aliases),
                join_list(condition.specialists),
                join_list(NAMED_BY_PAGE for _ in condition.specialists),
                join_list(condition.codes.curies()),
            ),
        )
        connection.execute(
            "INSERT INTO page_data (rowid, data) VALUES (?, ?)",
            (rowid, json.dumps(to_dict(condition), ensure_ascii=False)),
        )
        # Every name a page gives itself is its own; the keys without "syndrome" and the like
        # are derived, and give way to a name of another condition.
        named = (*condition.all_names, *condition.codes.curies())
        tiers = name_tiers([(condition.id, PAGE_ID), *((name, OWN_NAME) for name in named)])
        connection.executemany(
            "INSERT INTO names (key, rowid, tier) VALUES (?, ?, ?)",
            [(k, rowid, t) for k, t in tiers.items()],
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
        # A file name of bytes that are not UTF-8 is said as its escapes ("caf\udce9.yaml").
        "warnings": "\n".join(warnings).encode("utf-8", "backslashreplace").decode("utf-8"),
    }
    if catalogue:
        facts |= overlay.join_pages(connection, list(enumerate(pages, start=1)), sources.mondo)
    # Written last: an index without its fingerprint is never taken for a whole one.
    connection.executemany(
        "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [*facts.items()]
    )
    connection.execute("INSERT INTO meta (key, value) VALUES ('fingerprint', ?)", (wanted,))
    connection.commit()


def _catalogue_copy(
    sources: Sources, target: str, report: Progress, fresh: bool, pages: int
) -> Literal["built", "copied"] | None:
    """An up-to-date catalogue half copied to `target`, built first if needed (or `fresh`);
    None when there is no catalogue to build."""
    key = catalogue_fingerprint(sources)
    if key is None:
        return None
    path = catalogue_path()
    if not fresh and _is_catalogue(path, key):
        with contextlib.suppress(OSError):  # removed meanwhile: built again below
            shutil.copyfile(path, target)
            return "copied"
    built = _temporary(path.parent, "catalogue")
    try:
        connection = _writable(built)
        _catalogue_into(connection, sources, report, key, pages)
        connection.close()
        shutil.copyfile(built, target)
        # Kept for the next page edit; if it cannot be (a folder in its place), the next
        # one builds it again, which is slower, not wrong.
        with contextlib.suppress(OSError):
            os.replace(built, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(built)
    return "built"


def _catalogue_into(
    connection: sqlite3.Connection,
    sources: Sources,
    report: Progress,
    key: str,
    pages: int,
    *,
    kept: bool = True,
) -> None:
    """Run the catalogue's stages into an empty database (`kept`: a file the cache keeps)."""
    report(_catalogue_headline(sources, pages, kept), 0.0)
    tables.create(connection)
    catalogue = Catalogue()
    facts: dict[str, str] = {}
    done, total = 0.0, sum(stage.share for stage in STAGES)
    for stage in STAGES:
        report(stage.name, CATALOGUE_SHARE * done / total)
        facts |= stage.step(connection, catalogue, stage.files_of(sources))
        done += stage.share
    facts["catalogue_fingerprint"] = key  # what a later build checks before it copies the half
    connection.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", [*facts.items()])
    connection.commit()


def _catalogue_headline(sources: Sources, pages: int, kept: bool) -> str:
    read = [stage.source for stage in STAGES if stage.source and stage.files_of(sources)]
    read = list(dict.fromkeys(read))
    named = ", ".join(read[:-1]) + " and " + read[-1] if len(read) > 1 else read[0]
    seconds = PAGES_SECONDS + pages * SECONDS_PER_PAGE
    more = f" ({pages} pages; {_about(seconds)})" if seconds >= 3 else ""
    once = "once per release; " if kept else ""
    return f"building the index from {named} ({once}about 10 seconds), then the pages{more}"


def _pages_headline(sources: Sources, pages: int) -> str | None:
    """What the pages half says it builds; None when it is over too soon to say anything (a
    few pages and no catalogue to copy)."""
    seconds = PAGES_SECONDS + pages * SECONDS_PER_PAGE
    if sources.hpo is None and seconds < 3:
        return None
    kept = "; the catalogue is kept" if sources.hpo is not None else ""
    return f"building the index of the pages ({pages} pages{kept}; {_about(seconds)})"


def _about(seconds: float) -> str:
    if seconds < 1.5:
        return "about a second"
    if seconds < 90:
        return f"about {round(seconds)} seconds"
    return f"about {round(seconds / 60)} minutes"


def _is_catalogue(path: Path, key: str) -> bool:
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            row = connection.execute(
                "SELECT value FROM meta WHERE key = 'catalogue_fingerprint'"
            ).fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return False  # missing, corrupt or unreadable: built again
    return row is not None and row[0] == key


def _writable(path: str) -> sqlite3.Connection:
    connection = sqlite3.connect(path)
    # Nothing needs a journal: a half-built file is never renamed into place.
    connection.execute("PRAGMA journal_mode = OFF")
    connection.execute("PRAGMA synchronous = OFF")
    return connection


def _temporary(folder: Path, kind: str) -> str:
    """A new temporary file in `folder`, named with this process's id (see remove_leftovers)."""
    handle, temporary = tempfile.mkstemp(
        dir=folder, prefix=f".{kind}-{os.getpid()}-", suffix=".tmp"
    )
    os.close(handle)
    return temporary


def remove_leftovers(folder: Path) -> None:
    """The temporary files of builds that were killed (their process is gone): a killed
    catalogue build would otherwise leave 90 MB behind each time."""
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            kind, _, rest = entry.name.partition("-")
            pid = rest.partition("-")[0]
            ours = kind in (".index", ".catalogue") and entry.name.endswith(".tmp")
            if ours and pid.isdigit() and not _alive(int(pid)):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process
    return True


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
