"""The plain words a phrase is indexed and looked up by, and where a phrase came from.

Written by the build (`write_phrases`) and read by `matching.symptoms`, which looks plain words
up in the same form.
"""

import sqlite3
from collections.abc import Iterable

from condlookup.text import words

# Where a phrase was found, as the index's `phrases.source` says: the HPO's names and synonyms,
# the pages' symptoms, the HPO's definitions, condlookup's lexicon of everyday phrases.
NAMES, PAGES, DEFINITIONS, EVERYDAY = 0, 1, 2, 3
ROOT_PHENOTYPE = 118  # HP:0000118 Phenotypic abnormality: every finding is under it
# Plurals the stemmer cannot fold: words are made singular before they are indexed or looked up.
IRREGULAR = {
    "feet": "foot",
    "teeth": "tooth",
    "children": "child",
    "men": "man",
    "women": "woman",
    "mice": "mouse",
    "people": "person",
    "vertebrae": "vertebra",
    "phalanges": "phalanx",
    "testes": "testis",
    "knives": "knife",
    "leaves": "leaf",
    "halves": "half",
    "calves": "calf",
}


def plain_words(text: str) -> list[str]:
    """The words of a phrase as they are indexed: folded, irregular plurals made singular."""
    return [IRREGULAR.get(word, word) for word in words(text)]


def write_phrases(connection: sqlite3.Connection, rows: Iterable[tuple[str, int, int]]) -> None:
    """(text, term, source) rows into the table plain words are looked up in."""
    connection.executemany(
        "INSERT INTO phrases (text, shown, term, source, words) VALUES (?, ?, ?, ?, ?)",
        (
            (" ".join(found), text, term, source, len(found))
            for text, term, source in rows
            if (found := plain_words(text))
        ),
    )
