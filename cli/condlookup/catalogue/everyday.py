"""condlookup's lexicon of everyday phrases (`everyday.tsv`, beside this module; its path is
`paths.everyday_path`): what people type for a finding the HPO names in clinical words ("fits"
is Seizure, "floppy" Hypotonia), written for condlookup and checked against each term's
definition. The build writes it into the index beside the HPO's own names and synonyms (source
EVERYDAY), for the terms the release in use has: an id it has replaced is followed, one it
lacks is left out."""

import sqlite3
from pathlib import Path
from typing import NamedTuple

from condlookup.catalogue.phrases import EVERYDAY, write_phrases
from condlookup.catalogue.terms import Ontology
from condlookup.errors import DataError
from condlookup.text import UnreadableError, read_text

MAX_BYTES = 1_000_000


class Phrase(NamedTuple):
    text: str
    hpo: str  # HP:nnnnnnn
    name: str  # the term's name, as the release the lexicon was checked against gives it
    line: int


def read_everyday(path: Path) -> list[Phrase]:
    """The lexicon's entries; a malformed line is an error naming it."""
    try:
        text = read_text(path, MAX_BYTES)
    except (OSError, UnreadableError) as err:
        raise DataError(f"{path}: cannot read the everyday phrases: {err}") from None
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 3 or not fields[1].startswith("HP:") or not fields[1][3:].isdigit():
            raise DataError(f"{path}:{number}: not 'phrase<TAB>HP:nnnnnnn<TAB>name'")
        found.append(Phrase(fields[0].strip(), fields[1], fields[2].strip(), number))
    return found


def write_everyday(connection: sqlite3.Connection, path: Path, ontology: Ontology) -> int:
    """The lexicon's phrases into the index, for the terms this release has; how many."""
    rows = [
        (phrase.text, term, EVERYDAY)
        for phrase in read_everyday(path)
        if (term := ontology.alias.get(int(phrase.hpo[3:]))) is not None
    ]
    write_phrases(connection, rows)
    return len(rows)
