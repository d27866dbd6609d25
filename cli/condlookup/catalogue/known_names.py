"""What the whole catalogue says of names (`names.Known`), for the names of each condition: whose
own name, label or synonym each name is, and the words the catalogue's names use."""

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from condlookup.catalogue.identity import Identity
from condlookup.catalogue.names import Keys, Known, read_name

_LETTERS = re.compile(r"[a-z]+")


def known_names(identity: Identity) -> Known:
    """What the whole catalogue says of names: whose own name, label or synonym each one is,
    and the words its names use."""
    diseases = identity.diseases
    named = ((item.id, item.name, item.names, item.synonyms) for item in diseases)
    owners_of = owners(named, identity.relations)

    @functools.cache
    def words() -> frozenset[str]:
        return words_of(
            name for disease in diseases for name in (*disease.names, *disease.synonyms)
        )

    return Known(owners_of.elsewhere, words)


class Owners(NamedTuple):
    """The conditions whose own name, one of whose labels, or one of whose synonyms each name
    is, by its keys; and each condition's broader ones (its Mondo families, at every level)."""

    own: dict[str, set[str]]
    labels: dict[str, set[str]]
    synonyms: dict[str, set[str]]
    broader: Mapping[str, frozenset[str]]

    def elsewhere(self, keys: Keys, me: str, label: bool) -> bool:
        """Whether the name of `me` with these keys belongs to another condition. A synonym
        (not a label) gives way to another condition's label, and to another's synonym unless
        one of the two is a kind of the other: a synonym two unrelated diseases share names
        neither exactly ("primary ovarian insufficiency, fragile X-associated" on fragile X
        syndrome and on premature ovarian failure 1), while a family and its types often
        share one ("bird-headed dwarfism" on Seckel syndrome and its type 1). A name of one word,
        an abbreviation most often, may stand for several diseases ("CNC": Carney complex,
        central neurocytoma) and is kept."""
        mine = self.broader.get(me, frozenset())
        for found in keys:
            if self.own.get(found, {me}) != {me}:
                return True
            if label:
                continue
            if self.labels.get(found, {me}) != {me}:
                return True
            if " " not in keys[0]:  # an abbreviation may stand for several ("CNC")
                continue
            for other in self.synonyms.get(found, ()):
                if other != me and other not in mine and me not in self.broader.get(other, ()):
                    return True
        return False


def owners(
    named: Iterable[tuple[str, str, Sequence[str], Sequence[str]]],
    relations: Iterable[tuple[str, str]] = (),
) -> Owners:
    """From (id, own name, labels, synonyms) of every condition, and (broader, narrower)
    pairs of ids."""
    found = Owners({}, {}, {}, _broader(relations))
    for condition, name, labels, synonyms in named:
        for key in read_name(name)[2]:
            found.own.setdefault(key, set()).add(condition)
        for names, where in ((labels, found.labels), (synonyms, found.synonyms)):
            for text in names:
                for key in read_name(text)[2]:
                    where.setdefault(key, set()).add(condition)
    return found


def _broader(relations: Iterable[tuple[str, str]]) -> dict[str, frozenset[str]]:
    """Each narrower id's broader ones at every level."""
    up: dict[str, set[str]] = {}
    for broad, narrow in relations:
        up.setdefault(narrow, set()).add(broad)
    done: dict[str, frozenset[str]] = {}

    def above(node: str, path: frozenset[str]) -> frozenset[str]:
        if node not in done:
            found = set(up.get(node, ()))
            for parent in up.get(node, ()):
                if parent not in path:  # a cycle in the data ends here
                    found |= above(parent, path | {node})
            done[node] = frozenset(found)
        return done[node]

    return {node: above(node, frozenset()) for node in up}


def words_of(names: Iterable[str]) -> frozenset[str]:
    """The words of these names in lower case: what a Roman numeral glued into a word is
    checked against."""
    return frozenset(word for name in names for word in _LETTERS.findall(name.lower()))
