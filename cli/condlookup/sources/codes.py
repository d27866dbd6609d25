"""Codes: HPO term ids and the catalogues' disease codes, and where a code's page is."""

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
    if prefix == "DECIPHER":
        return Link(f"DECIPHER, {disease_id}", "https://www.deciphergenomics.org")
    return None
