"""Codes: HPO term ids and the catalogues' disease codes, and where a code's page is."""

import re
from typing import NamedTuple


class Link(NamedTuple):
    """A page elsewhere that a fact can be checked on."""

    title: str
    url: str


def hpo_id(number: int) -> str:
    """1251 -> 'HP:0001251'."""
    return f"HP:{number:07d}"


def term_number(term_id: str) -> int:
    """'HP:0001251' -> 1251: terms are stored with integer keys."""
    return int(term_id[3:])


def disease_source(disease_id: str) -> Link | None:
    """Where a code's page is. Mondo's and GARD's addresses are those the Mondo
    mapping files give for their prefixes."""
    prefix, _, number = disease_id.partition(":")
    if prefix == "MONDO":
        return Link(f"Mondo, {disease_id}", f"http://purl.obolibrary.org/obo/MONDO_{number}")
    if prefix == "GARD":
        return Link(f"GARD, {disease_id}", f"https://rarediseases.info.nih.gov/diseases/{number}")
    if prefix == "ORPHA":
        return Link(f"Orphanet, {disease_id}", f"https://www.orpha.net/en/disease/detail/{number}")
    if prefix == "OMIM":
        return Link(f"OMIM, {disease_id}", f"https://omim.org/entry/{number}")
    if prefix == "DOID":
        return Link(
            f"Disease Ontology, {disease_id}", f"http://purl.obolibrary.org/obo/DOID_{number}"
        )
    if prefix == "DECIPHER":
        return Link(f"DECIPHER, {disease_id}", "https://www.deciphergenomics.org")
    return None


# The spellings people give a catalogue's code: "ORPHA:558", "Orphanet_558", "orpha 558",
# "MIM #154700", "omim:154700", "MONDO_0007947", "gard 16535", "DOID:9997"; each catalogue's
# numbers as long as they can be.
_CODE = re.compile(
    r"\s*(orpha(?:net)?|o?mim|mondo|gard|decipher|doid)\s*[:_ ]?\s*[#*%+^]?\s*([0-9]{1,7})\s*",
    re.IGNORECASE,
)
_PREFIXES = {"orpha": "ORPHA", "orphanet": "ORPHA", "omim": "OMIM", "mim": "OMIM"}
_DIGITS = {
    "OMIM": (6, 6),
    "MONDO": (1, 7),
    "GARD": (1, 7),
    "ORPHA": (1, 7),
    "DECIPHER": (1, 4),
    "DOID": (1, 7),
}


def canonical_code(text: str) -> str | None:
    """A catalogue's code in the form the index keeps ("ORPHA:558", "MONDO:0007947"), from any
    common spelling of one; None for text that is not a well-formed code."""
    found = _CODE.fullmatch(text)
    if found is None:
        return None
    given, number = found.groups()
    prefix = _PREFIXES.get(given.lower(), given.upper())
    fewest, most = _DIGITS[prefix]
    if not fewest <= len(number.lstrip("0") or "0") <= most:
        return None
    if prefix in ("MONDO", "GARD"):  # kept with leading zeros, seven digits
        return f"{prefix}:{int(number):07d}"
    if prefix == "DOID":  # as DO writes it: DOID:9997, DOID:0050012 (distinct ids)
        return f"{prefix}:{number}"
    return f"{prefix}:{int(number)}"
