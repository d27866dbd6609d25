"""What the specialist rules (`specialists`) are told of a condition, gathered from the
sources: its Orphanet heads (and how telling each is), the Mondo classes it is a kind of, the
organ systems of its features, when it begins and whether it is genetic.

Read only while the index is built.
"""

from collections.abc import Iterable, Mapping
from typing import Literal, NamedTuple

from condlookup.catalogue.specialties import (
    BRANCHES,
    CHROMOSOMAL,
    GENETIC_CLASSES,
    GENETIC_HEAD,
    GIVES_WAY,
    IMMUNE,
    MONDO_CLASSES,
    ORGAN_INFECTIONS,
    RECURRENT_INFECTIONS,
    SYSTEM_OF_CATEGORY,
    TERATOLOGIC_HEAD,
    UNWEIGHTED_HEADS,
    MondoKind,
)
from condlookup.text import listed

Onset = Literal["", "child", "adult", "both"]
CHILD_ONSETS = frozenset({"Antenatal", "Neonatal", "Infancy", "Childhood", "Adolescent"})
ADULT_ONSETS = frozenset({"Adult", "Elderly"})
# The HPO's onsets: pediatric, congenital, neonatal, antenatal; adult and the ages after it.
HPO_CHILD_ONSETS = frozenset({410280, 3577, 3623, 30674})
HPO_ADULT_ONSETS = frozenset({3581, 4000040, 6000314, 6000315})
# The HPO's modes of inheritance that say a gene or chromosome causes it, and the terms they
# are kinds of (the grouping "Mendelian inheritance" is newer than some releases): autosomal
# dominant and recessive, X- and Y-linked, mitochondrial, semidominant, pseudoautosomal,
# digenic, oligogenic, a contiguous gene syndrome. Not polygenic, not sporadic, not somatic
# mosaicism (a cancer's own mutations are not inherited).
HPO_GENETIC = frozenset({34345, 6, 7, 1417, 1450, 1427, 32113, 34339, 10984, 10983, 1466})
MULTIFACTORIAL = "Multigenic/multifactorial"
NOT_APPLICABLE = "Not applicable"  # Orphanet's word for a disease that is not inherited
NOT_MENDELIAN = frozenset({MULTIFACTORIAL, "Not applicable", "Unknown", "No data available"})
# The HPO terms whose descendants the rules ask about (for a build reading the index).
TOLD_BY_ANCESTORS = HPO_GENETIC | HPO_CHILD_ONSETS | HPO_ADULT_ONSETS


class Evidence(NamedTuple):
    """What the rules know of a condition."""

    heads: frozenset[str]  # its Orphanet classification heads (ORPHA codes)
    classes: Mapping[str, int]  # the classes of MONDO_CLASSES it is (a kind of), by distance
    systems: Mapping[str, float]  # the weight of its features in each organ system
    features: float  # the weight of all its features
    onset: Onset
    genetic: str  # why it is genetic; "" when it is not known to be
    whose: str = "its features"  # "the features its types share", for a family
    # How telling each head is (see `head_weights`); a head not listed weighs 1.
    head_weights: Mapping[str, float] = {}
    # Of `classes`, those no other of them is a kind of (a kidney disorder, not the urinary
    # system disorder it is a kind of): they name the candidates. Empty: all of them.
    specific: frozenset[str] = frozenset()


class Kin(NamedTuple):
    """What a family's rules take from one of its types."""

    genetic: bool
    onset: Onset


def onset_of(
    orphanet: Iterable[str], hpo: Iterable[int], ancestors: Mapping[int, Iterable[int]]
) -> Onset:
    """When the disease begins: Orphanet's word for the disease as a whole, else the HPO's."""
    child = adult = False
    for value in orphanet:
        child = child or value in CHILD_ONSETS or value == "All ages"
        adult = adult or value in ADULT_ONSETS or value == "All ages"
    if not (child or adult):
        for term in hpo:
            above = {term, *ancestors.get(term, ())}
            child = child or bool(above & HPO_CHILD_ONSETS)
            adult = adult or bool(above & HPO_ADULT_ONSETS)
    if child and adult:
        return "both"
    return "child" if child else "adult" if adult else ""


def genetic_reason(
    heads: frozenset[str],
    orphanet_inheritance: Iterable[str],
    hpo_inheritance: Iterable[tuple[int, str]],
    ancestors: Mapping[int, Iterable[int]],
    classes: Mapping[str, int],
    copy_number: bool = False,
) -> str:
    """Why a clinical geneticist is named ("" for none): Orphanet's word where it classifies
    the disease; else a mode of inheritance the HPO gives, Mondo's hereditary disease, or, for
    an entry of DECIPHER (`copy_number`), DECIPHER's: each of its syndromes is a piece of a
    chromosome lost or gained."""
    if heads:
        given = set(orphanet_inheritance)
        if TERATOLOGIC_HEAD in heads:
            return ""  # harm before birth, not a gene
        if GENETIC_HEAD not in heads:
            modes = sorted(given - NOT_MENDELIAN)
            if not modes:
                return ""
            # A Mendelian form, although Orphanet's genetic head is not given; beside "not
            # applicable" or multifactorial, a form of some families only (adiposis dolorosa).
            others = sorted(given & {MULTIFACTORIAL, NOT_APPLICABLE})
            said = _listed(modes)
            if others:
                return (
                    f"it is inherited in some families: Orphanet gives {said}, as well as "
                    f"{_listed(others)}"
                )
            return f"it is inherited: Orphanet gives {said}"
        if MULTIFACTORIAL in given and given <= NOT_MENDELIAN:
            if CHROMOSOMAL in classes:  # a chromosome's, whatever Orphanet says of it
                return f"Mondo classes it as {kind_words(MONDO_CLASSES[CHROMOSOMAL])}"
            return ""  # only multifactorial: no one gene for a geneticist to find
        return "Orphanet classifies it as a rare genetic disease"
    modes = sorted(
        {name for term, name in hpo_inheritance if {term, *ancestors.get(term, ())} & HPO_GENETIC}
    )
    if modes:
        named = _listed(modes)
        # Not "it is inherited": an OMIM entry may describe a familial form of a disease that is
        # not, as a rule (see catalogue.keyfacts).
        return f"the HPO's annotations of its catalogue entries give {named}"
    for mondo_id in GENETIC_CLASSES:
        if mondo_id in classes:
            return f"Mondo classes it as {kind_words(MONDO_CLASSES[mondo_id])}"
    if copy_number:
        return "DECIPHER lists it as a syndrome of a piece of a chromosome lost or gained"
    return ""


def _listed(modes: Iterable[str]) -> str:
    """'autosomal dominant, autosomal recessive and X-linked recessive inheritance': lower
    case, but for X- and Y-linked."""
    return listed(
        [mode if mode[:2] in ("X-", "Y-") else mode[:1].lower() + mode[1:] for mode in modes]
    )


def systems_of_term(ancestors: Iterable[int]) -> tuple[str, ...]:
    """The organ systems of a feature, from its ancestors (itself included): a feature of the
    skin and the eye counts for both."""
    above = set(ancestors)
    found: dict[str, None] = {}
    for category, system in SYSTEM_OF_CATEGORY.items():
        if category in above:
            matched = {own for at, own in BRANCHES.get(category, ()) if at in above}
            found.update((own, None) for own in sorted(matched) or [system])
    if RECURRENT_INFECTIONS in above and found.keys() - {IMMUNE}:
        found[ORGAN_INFECTIONS] = None  # of the immune system still, for who to see
    return tuple(own for own in found if not GIVES_WAY.get(own, frozenset()) & found.keys())


def systems_of(
    weights: Iterable[tuple[tuple[str, ...], float]],
) -> tuple[dict[str, float], float]:
    """The weight of the features in each organ system, and that of all of them."""
    systems: dict[str, float] = {}
    total = 0.0
    for found, weight in weights:
        total += weight
        for system in found:
            systems[system] = systems.get(system, 0.0) + weight
    return systems, total


class MondoKinds:
    """The classes of MONDO_CLASSES a Mondo class is, or is a kind of, each with its distance
    (the fewest steps up); worked out once per class."""

    def __init__(self, parents: Mapping[str, tuple[str, ...]]) -> None:
        self._parents = parents
        self._found: dict[str, dict[str, int]] = {}

    def specific(self, mondo_id: str | None) -> frozenset[str]:
        """Of the classes `of` gives that name a specialist, those that no other of them is a
        kind of."""
        found = {key for key in self.of(mondo_id) if MONDO_CLASSES[key].specialist}
        broader = {above for key in found for above in self.of(key) if above != key}
        return frozenset(found - broader)

    def of(self, mondo_id: str | None) -> dict[str, int]:
        if mondo_id is None or mondo_id not in self._parents:
            return {}
        found = self._found.get(mondo_id)
        if found is None:
            found = self._found[mondo_id] = self._walk(mondo_id)
        return found

    def _walk(self, start: str) -> dict[str, int]:
        distance = {start: 0}
        queue = [start]
        for mondo_id in queue:  # grows as it goes: breadth first, so the fewest steps
            for parent in self._parents.get(mondo_id, ()):
                if parent not in distance:
                    distance[parent] = distance[mondo_id] + 1
                    queue.append(parent)
        return {key: steps for key, steps in distance.items() if key in MONDO_CLASSES}


def head_weights(heads: Iterable[Iterable[str]]) -> dict[str, float]:
    """How telling each head is, from the heads of every disorder: Orphanet gives a broad head
    (neurologic, ophthalmic, bone) to thousands of disorders, many with a minor sign of it,
    and a narrow one (cardiac, respiratory) to those where that organ is central. A head
    weighs 1 / sqrt(its disorders), scaled so that the broadest weighs 1 (as do the heads of
    what may be done or may arise: see UNWEIGHTED_HEADS)."""
    counts: dict[str, int] = {}
    for found in heads:
        for head in found:
            counts[head] = counts.get(head, 0) + 1
    if not counts:
        return {}
    most = max(counts.values())
    return {
        head: 1.0 if head in UNWEIGHTED_HEADS else (most / count) ** 0.5
        for head, count in counts.items()
    }


def write_weights(weights: Mapping[str, float]) -> str:
    """Head weights as one line of text ("ORPHA:98006=1.0 ORPHA:97929=3.9"), for `meta`."""
    return " ".join(f"{head}={weight!r}" for head, weight in sorted(weights.items()))


def read_weights(text: str | None) -> dict[str, float]:
    pairs = (item.partition("=") for item in (text or "").split())
    return {head: float(weight) for head, _, weight in pairs}


def gather(
    heads: frozenset[str],
    classes: Mapping[str, int],
    weights: Iterable[tuple[tuple[str, ...], float]],
    onset: Onset,
    genetic: str,
    whose: str = "its features",
    telling: Mapping[str, float] | None = None,
    specific: frozenset[str] = frozenset(),
) -> Evidence:
    systems, total = systems_of(weights)
    return Evidence(heads, classes, systems, total, onset, genetic, whose, telling or {}, specific)


def kind_words(kind: MondoKind) -> str:
    """What a disease of a Mondo class is: 'an eye disorder', 'an inborn error of metabolism'."""
    return kind.one or f"{article(kind.label)} {kind.label}"


def article(noun: str) -> str:
    """'a' or 'an' before a noun: an eye disorder, a urinary system disorder."""
    word = noun.lower()
    if word.startswith(("uni", "uri", "use", "usu", "eu")):  # said with a "y"
        return "a"
    return "an" if word[:1] in "aeiou" else "a"
