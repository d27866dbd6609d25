"""The lexicon of everyday phrases, line by line against the HPO release the package reads."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from condlookup.catalogue.everyday import read_everyday
from condlookup.catalogue.phrases import EVERYDAY, NAMES, ROOT_PHENOTYPE, plain_words
from condlookup.errors import DataError
from condlookup.library import Library
from condlookup.paths import everyday_path
from condlookup.text import fold_key


@pytest.fixture
def db(real_catalogue: Path) -> sqlite3.Connection:
    return Library.open()._db


def test_every_phrase_names_a_finding_of_the_release(db: sqlite3.Connection) -> None:
    phrases = read_everyday(everyday_path())
    assert len(phrases) >= 250
    problems = []
    for phrase in phrases:
        number = int(phrase.hpo[3:])
        row = db.execute("SELECT name, obsolete FROM terms WHERE id = ?", (number,)).fetchone()
        finding = db.execute(
            "SELECT 1 FROM closure WHERE ancestor = ? AND descendant = ?", (ROOT_PHENOTYPE, number)
        ).fetchone()
        if row is None or row[1] or finding is None:
            problems.append(f"{phrase.line}: {phrase.hpo} is no current finding")
        elif row[0] != phrase.name:
            problems.append(f"{phrase.line}: {phrase.hpo} is {row[0]!r}, not {phrase.name!r}")
        if phrase.text != phrase.text.lower() or not plain_words(phrase.text):
            problems.append(f"{phrase.line}: {phrase.text!r} is not lower-case words")
    assert problems == []


def test_each_phrase_once_and_none_the_hpo_already_has(db: sqlite3.Connection) -> None:
    seen: dict[str, int] = {}
    repeated = []
    for phrase in read_everyday(everyday_path()):
        key = fold_key(" ".join(plain_words(phrase.text)))
        if key in seen:
            repeated.append((seen[key], phrase.line, phrase.text))
        seen[key] = phrase.line
    assert repeated == []
    # The build wrote each one, and none is already the HPO's own name for that term.
    written = db.execute("SELECT count(*) FROM phrases WHERE source = ?", (EVERYDAY,)).fetchone()
    assert written[0] == len(seen)
    same = db.execute(
        "SELECT e.text FROM phrases e JOIN phrases n ON n.text = e.text AND n.term = e.term "
        "WHERE e.source = ? AND n.source = ?",
        (EVERYDAY, NAMES),
    ).fetchall()
    assert same == []


def test_a_malformed_line_is_named(tmp_path: Path) -> None:
    broken = tmp_path / "everyday.tsv"
    broken.write_text("# a comment\nfits\tHP:0001250\tSeizure\nfloppy HP:0001252 Hypotonia\n")
    with pytest.raises(DataError, match=r"everyday.tsv:3: not 'phrase<TAB>HP:nnnnnnn<TAB>name'"):
        read_everyday(broken)
