"""Who to see for a catalogue disease, derived from the organ systems of its phenotype terms."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from condlookup.catalogue.identity import Entry, Share
    from condlookup.catalogue.terms import Ontology

PEDIATRIC_ONSETS = (410280, 3577, 3623, 30674)  # pediatric, congenital, neonatal, antenatal

# The HPO's top-level phenotype categories (children of HP:0000118) and who looks after them.
# Categories with no one specialist (growth, birth, constitutional, cells, thorax) are absent.
SPECIALIST_OF_CATEGORY = {
    707: "neurologist",  # nervous system
    478: "ophthalmologist",  # eye
    598: "ENT specialist and audiologist",  # ear
    1608: "ENT specialist",  # voice
    1626: "cardiologist",  # cardiovascular system
    2715: "immunologist or rheumatologist",  # immune system
    119: "nephrologist or urologist",  # genitourinary system
    1939: "metabolic specialist",  # metabolism/homeostasis
    1574: "dermatologist",  # integument
    818: "endocrinologist",  # endocrine system
    25031: "gastroenterologist",  # digestive system
    2086: "pulmonologist",  # respiratory system
    1871: "hematologist",  # blood and blood-forming tissues
    2664: "oncologist",  # neoplasm
    33127: "orthopedic specialist",  # musculoskeletal system
    40064: "orthopedic specialist",  # limbs
    152: "craniofacial specialist",  # head or neck
    769: "breast specialist",  # breast
}
# Specialties that have a pediatric form, named so.
PEDIATRIC = {
    "neurologist",
    "ophthalmologist",
    "cardiologist",
    "immunologist or rheumatologist",
    "nephrologist or urologist",
    "dermatologist",
    "endocrinologist",
    "gastroenterologist",
    "pulmonologist",
    "hematologist",
    "oncologist",
}
GENETICIST = "clinical geneticist"


def derive(
    weights: Iterable[tuple[int, float]], pediatric: bool, genetic: bool, most: int = 3
) -> tuple[str, ...]:
    """The specialists for a disease, most relevant first.

    `weights` pairs each phenotype annotation's category with its frequency; the specialties
    with the largest total come first. `pediatric` (onset in infancy or childhood) names the
    pediatric form first; `genetic` (an inheritance is known, or an OMIM entry) adds a clinical
    geneticist.
    """
    totals: dict[str, float] = {}
    for category, weight in weights:
        specialty = SPECIALIST_OF_CATEGORY.get(category)
        if specialty:
            totals[specialty] = totals.get(specialty, 0.0) + weight
    ranked = sorted(totals, key=lambda name: (-totals[name], name))[:most]
    found: list[str] = []
    for position, specialty in enumerate(ranked):
        if pediatric and specialty in PEDIATRIC:
            found.append(f"pediatric {specialty} (children)")
            if position == 0:  # the main specialty also for adults: onset is not always early
                found.append(specialty)
        else:
            found.append(specialty)
    if genetic:
        found.append(GENETICIST)
    return tuple(found)


def for_entries(entries: Sequence[Entry], ontology: Ontology) -> tuple[str, ...]:
    """Who to see, from the organ systems of the entries' features (the best figure of each)."""
    best: dict[int, float] = {}
    for entry in entries:
        for number, feature in entry.phenotypes.items():
            frequency = feature.frequency
            value = frequency if frequency is not None else 0.5  # a frequency not given
            best[number] = max(best.get(number, 0.0), value)
    weights = [
        (category, value)
        for number, value in best.items()
        if (category := ontology.category_of.get(number)) is not None
    ]
    return derive(
        weights,
        pediatric=any(pediatric_onset(entry, ontology) for entry in entries),
        genetic=any(entry.inheritance or entry.id.startswith("OMIM:") for entry in entries),
    )


def pediatric_onset(entry: Entry, ontology: Ontology) -> bool:
    return any(
        onset in PEDIATRIC_ONSETS
        or any(a in PEDIATRIC_ONSETS for a in ontology.ancestors.get(onset, {}))
        for onset in entry.onsets
    )


def for_family(
    features: Sequence[Share], types: int, genetic: bool, category_of: Mapping[int, int | None]
) -> tuple[str, ...]:
    """Who to see for a family of `types` annotated types: from the organ systems of the
    features they share, and a clinical geneticist when any of them is inherited."""
    if not types:
        return ()
    weights = [
        (category, share.types / types)
        for share in features
        if (category := category_of.get(share.term)) is not None
    ]
    return derive(weights, pediatric=False, genetic=genetic)
