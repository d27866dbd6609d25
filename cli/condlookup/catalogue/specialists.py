"""Who to see for a catalogue condition: from what the disease is, in the order of where it
shows. The rules (the README says the same; the tables are in `specialties`):

1. The candidates: the specialists Orphanet's classification heads name; for a condition
   Orphanet does not classify (or only as genetic, or a malformation), those of the Mondo
   classes above it, nearest first; for one classified by neither, those of the organ
   systems of its features (an orthopedic specialist only where most are of the bones and
   joints, and not of a muscle or nerve disease; a metabolic specialist only where most are
   metabolic).
2. A candidate whose organ systems the features hardly touch (none, or its score in 3 under
   a tenth of the best one's) is left out when there are features enough to tell: a head is
   broad (Duchenne muscular dystrophy is also a "rare ophthalmic disorder", retinitis
   pigmentosa a "rare neurologic disease" for its photophobia). Orphanet's systemic or
   rheumatologic head names a rheumatologist only for a disease that is neither neoplastic
   (a histiocytosis) nor genetic, unless Mondo calls it inflammatory: Marfan syndrome and
   chronic granulomatous disease are under that head too.
3. The order: by the share of the features in each one's organ systems, times how telling
   its head is (a narrow head, given to few disorders, more than a broad one); the specialist
   of what the disease is (metabolic, immune, blood, systemic, infectious) and that of a vital
   organ (heart, lungs, kidneys, liver) count them twice; ties in the order of the tables.
   A surgeon (named for what may be done, for some) comes after the organ specialists, and
   only where a fifth of the features are of the organ operated on. Then
   what kind of disease it is, first:
   - a tumour sees an oncologist first (a hematologist-oncologist for one of the blood): a
     Mondo neoplasm, neither benign nor a predisposition syndrome (and a neoplastic disease
     for Orphanet, where it classifies it);
   - an inborn error of intermediary metabolism or storage a metabolic specialist (unless
     Mondo calls it a muscle disease: a dystroglycanopathy is a neurologist's; and none where
     none of its many features is metabolic: albinism is a disorder of tyrosine metabolism);
   - a systemic autoimmune disease a rheumatologist: systemic for Orphanet, neither genetic
     nor neoplastic, in several organs or inflammatory for Mondo;
   - a muscle or nerve disease a neurologist before an orthopedic specialist, who is named
     only for the bones and joints (never for weak muscles); and before the specialist of
     another organ it touches (myotonic dystrophy's heart), where its features are most of
     all a neurologist's, never before the specialist of what the disease is.
4. At most four, most central first; a genetic condition ends with a clinical geneticist
   (Orphanet's genetic head, unless its inheritance is only multifactorial; where Orphanet
   does not classify it, a Mendelian inheritance in the HPO, or Mondo's hereditary disease).
5. The pediatric form when onset is in childhood (Orphanet's onset, else the HPO's): for every
   specialist when it is only in childhood, for the first (then also its adult form) when
   the disease begins at any age.
"""

from collections.abc import Iterable, Mapping
from typing import NamedTuple

from condlookup.catalogue.evidence import (
    Evidence,
    Kin,
    Onset,
    gather,
    genetic_reason,
    kind_words,
    onset_of,
)
from condlookup.catalogue.specialties import (
    ALLERGIST,
    BENIGN,
    BLOOD_CANCERS,
    BONES,
    ENDOCRINOLOGIST,
    GENETIC_HEAD,
    GENETICIST,
    HEADS,
    HEMATO_ONCOLOGIST,
    HEMATOLOGIC_HEAD,
    HEMATOLOGIST,
    IMMUNOLOGIST,
    INFECTIOUS,
    INFLAMMATORY,
    INTERMEDIARY_METABOLISM,
    MECHANISM_HEADS,
    MELANIN,
    METABOLIC,
    METABOLIC_HEAD,
    METABOLITE_TRANSPORT,
    MONDO_CLASSES,
    MUSCLE_DISEASES,
    MUSCLES,
    NEOPLASM,
    NEOPLASTIC_HEAD,
    NEUROLOGIST,
    NEUROMUSCULAR,
    ONCOLOGIST,
    ORTHOPEDIC,
    PREDISPOSITION,
    RHEUMATOLOGIST,
    SPECIALIST_OF_SYSTEM,
    SPECIALTIES,
    SURGICAL_HEADS,
    SYSTEMIC_HEAD,
)

MOST = 4  # specialists on a page, the pediatric and adult forms of one counted once
# Features enough to leave out a head they hardly touch (about three or four of them), and
# how little is hardly: a score (see `choose`) under a tenth of the best candidate's.
ENOUGH_FEATURES = 2.0
SLIGHT = 0.1
SURGICAL_SHARE = 0.2  # a surgeon's organ: at least a fifth of the features
# From the features alone, a second organ's specialist needs half the first one's weight, and
# at least that of one very frequent feature (80%): not one sign of unknown frequency; an organ
# with as much weight as the first is never left out (their order is only alphabetical).
FEW = 0.8
SURGEONS = frozenset(name for code in SURGICAL_HEADS for name in HEADS[code].specialists)
MONDO_MECHANISMS = frozenset(
    name for name, kind in MONDO_CLASSES.items() if kind.specialist in (METABOLIC, HEMATOLOGIST)
) | {"MONDO:0003778", "MONDO:0015131", "MONDO:0017769", "MONDO:0005550", *INFLAMMATORY}


class Specialist(NamedTuple):
    name: str
    because: str  # "Orphanet classifies it as a rare neurologic disease"


class _Candidate(NamedTuple):
    name: str
    because: str
    score: float
    share: float
    order: int


def choose(evidence: Evidence) -> tuple[Specialist, ...]:
    """The specialists for a condition, most central first (see the module's rules)."""
    heads, classes = evidence.heads, evidence.classes
    found, orphanets = _candidates(evidence)
    first: list[str] = []
    cancer = _tumour(heads, classes)
    if cancer:
        blood = bool(classes.keys() & BLOOD_CANCERS) or HEMATOLOGIC_HEAD in heads
        name = HEMATO_ONCOLOGIST if blood else ONCOLOGIST
        for merged in (ONCOLOGIST, HEMATOLOGIST) if blood else (ONCOLOGIST,):
            found.pop(merged, None)
        found[name] = _Candidate(name, f"it is a tumour: {cancer}", 0.0, 0.0, -1)
        first.append(name)
    if _intermediary_metabolism(heads, classes) and not classes.keys() & MUSCLE_DISEASES:
        others = found.keys() - {METABOLIC, GENETICIST}
        if evidence.features >= ENOUGH_FEATURES and not _share(METABOLIC, evidence) and others:
            found.pop(METABOLIC, None)  # no metabolic sign at all, and another specialist's
        elif METABOLIC not in found:
            found[METABOLIC] = _Candidate(METABOLIC, _mondo_words(classes, METABOLIC), 0, 0, -1)
        if METABOLIC in found:
            first.append(METABOLIC)
    if RHEUMATOLOGIST in found and _systemic_autoimmune(heads, classes):
        first.append(RHEUMATOLOGIST)
    if METABOLIC in first and RHEUMATOLOGIST in found and classes.keys() & INFLAMMATORY:
        # An inborn error that shows as bouts of inflammation: mevalonate kinase deficiency.
        first = [RHEUMATOLOGIST, *(name for name in first if name != RHEUMATOLOGIST)]
    if _neurologist_first(found, classes, first):
        first.append(NEUROLOGIST)
    # Leave out what the features hardly touch, where they are enough to tell: Mondo's classes
    # are of anatomy (a retinal disease is also a "nervous system disorder"), so any will do.
    if evidence.features >= (ENOUGH_FEATURES if orphanets else 0.01):
        best = max(item.score for item in found.values()) if found else 0.0
        touched = {
            name: item
            for name, item in found.items()
            if name in first
            or (item.share > 0 and item.score >= best * SLIGHT and _operated(item))
            or not SPECIALTIES[name].systems
        }
        found = touched or found
    # A surgeon, named for what may be done for some, comes after the organ specialists.
    ranked = sorted(
        found.values(), key=lambda item: (item.name in SURGEONS, -item.score, item.order)
    )
    names = [*first, *(item.name for item in ranked if item.name not in first)]
    if evidence.genetic and GENETICIST in names:
        names.remove(GENETICIST)  # a teratologic disease's, put last as the genetic one's
    both = NEUROLOGIST in names and ORTHOPEDIC in names
    if both and names.index(ORTHOPEDIC) < names.index(NEUROLOGIST) and _neuromuscular(evidence):
        names.remove(NEUROLOGIST)
        names.insert(names.index(ORTHOPEDIC), NEUROLOGIST)
    chosen = [Specialist(name, found[name].because) for name in names]
    if evidence.genetic:
        chosen = [*chosen[: MOST - 1], Specialist(GENETICIST, evidence.genetic)]
    return _with_pediatric_forms(chosen[:MOST], evidence.onset)


def _candidates(evidence: Evidence) -> tuple[dict[str, _Candidate], bool]:
    """The candidates, and whether Orphanet's heads named them."""
    heads, classes = evidence.heads, evidence.classes
    found: dict[str, _Candidate] = {}

    def add(names: tuple[str, ...], because: str, boost: float, order: int) -> None:
        shares = [_share(name, evidence) for name in names]
        best = max(range(len(names)), key=lambda at: (shares[at], -at))
        name = names[best]
        if name not in found:
            boost *= 2.0 if SPECIALTIES[name].vital else 1.0
            found[name] = _Candidate(name, because, shares[best] * boost, shares[best], order)

    if heads:
        for order, (code, head) in enumerate(HEADS.items()):
            if code not in heads or not head.specialists:
                continue
            if code == SYSTEMIC_HEAD and not _rheumatologic(heads, classes):
                continue
            boost = (2.0 if code in MECHANISM_HEADS else 1.0) * evidence.head_weights.get(code, 1)
            add(head.specialists, f"Orphanet classifies it as {head.words}", boost, order)
        if found:
            return found, True
    if classes:  # Orphanet does not classify it, or only as genetic or a malformation
        table = list(MONDO_CLASSES)
        nearest = evidence.specific or classes.keys()
        pigment = MELANIN in classes
        for mondo_id in sorted(nearest, key=lambda key: (classes[key], table.index(key))):
            kind = MONDO_CLASSES[mondo_id]
            if kind.specialist is None or (kind.specialist == METABOLIC and pigment):
                continue
            boost = 2.0 if mondo_id in MONDO_MECHANISMS else 1.0
            because = f"Mondo classes it as {kind_words(kind)}"
            add((kind.specialist,), because, boost, classes[mondo_id] * 100)
        if found:
            return found, False
    return _by_features(evidence), False


def _by_features(evidence: Evidence) -> dict[str, _Candidate]:
    """The specialists of the organ systems most of the features are of."""
    found: dict[str, _Candidate] = {}
    ranked = sorted(
        (item for item in evidence.systems.items() if item[0] in SPECIALIST_OF_SYSTEM),
        key=lambda item: (-item[1], item[0]),
    )
    for order, (system, weight) in enumerate(ranked):
        name = SPECIALIST_OF_SYSTEM.get(system)
        bone_disease = order == 0 and (len(ranked) == 1 or weight > ranked[1][1])
        if name == ORTHOPEDIC and (not bone_disease or _neuromuscular(evidence)):
            continue  # a bone or joint disease only: most features of the bones and joints
        if name == METABOLIC and weight < evidence.features / 2:
            continue  # signs in the blood's chemistry are an inborn error's only if mostly so
        if order > 0 and weight < ranked[0][1] and weight < max(FEW, ranked[0][1] / 2):
            break  # from a few signs alone, only the organs most of them are of (or as many)
        if name and weight > 0 and name not in found:
            share = weight / evidence.features
            found[name] = _Candidate(name, _features_words(evidence, system), share, share, order)
    return found


def _operated(item: _Candidate) -> bool:
    """A surgeon is named for what may be done for some: only when a real share of the
    features are of the organ operated on (biliary atresia, not Down syndrome's gut)."""
    return item.name not in SURGEONS or item.share >= SURGICAL_SHARE


def _share(name: str, evidence: Evidence) -> float:
    """How much of the features lies in the organ systems the specialist looks after."""
    if not evidence.features:
        return 0.0
    weight = sum(evidence.systems.get(system, 0.0) for system in SPECIALTIES[name].systems)
    return weight / evidence.features


def _tumour(heads: frozenset[str], classes: Mapping[str, int]) -> str:
    """Why the disease is a tumour, or "" if it is not known to be one."""
    if classes:
        if NEOPLASM in classes and not classes.keys() & {BENIGN, PREDISPOSITION}:
            if not heads:
                return "Mondo classes it as a neoplasm"
            if NEOPLASTIC_HEAD in heads:
                return "Orphanet classifies it as a rare neoplastic disease"
        return ""
    if NEOPLASTIC_HEAD in heads and GENETIC_HEAD not in heads:
        return "Orphanet classifies it as a rare neoplastic disease"
    return ""


def _intermediary_metabolism(heads: frozenset[str], classes: Mapping[str, int]) -> bool:
    keys = classes.keys()
    if not keys & INTERMEDIARY_METABOLISM or keys & METABOLITE_TRANSPORT or MELANIN in keys:
        return False
    return not heads or METABOLIC_HEAD in heads


def _systemic_autoimmune(heads: frozenset[str], classes: Mapping[str, int]) -> bool:
    inflammatory = bool(classes.keys() & INFLAMMATORY)
    if not heads:
        return inflammatory
    if SYSTEMIC_HEAD not in heads or heads & {GENETIC_HEAD, NEOPLASTIC_HEAD}:
        return False
    organs = [
        code
        for code in heads
        if code in HEADS and set(HEADS[code].specialists) - {RHEUMATOLOGIST, GENETICIST}
    ]
    return inflammatory or len(organs) >= 2


def _rheumatologic(heads: frozenset[str], classes: Mapping[str, int]) -> bool:
    """Whether the systemic or rheumatologic head names a rheumatologist: not for a tumour
    (a histiocytosis, an amyloidosis of the plasma cells), nor for a genetic disease unless
    Mondo calls it inflammatory (Marfan syndrome, chronic granulomatous disease are not)."""
    if NEOPLASTIC_HEAD in heads:
        return False
    return GENETIC_HEAD not in heads or bool(classes.keys() & INFLAMMATORY)


# Specialists of what a disease is rather than of an organ it touches.
_WHAT_IT_IS = frozenset(
    {METABOLIC, IMMUNOLOGIST, HEMATOLOGIST, RHEUMATOLOGIST, ONCOLOGIST, INFECTIOUS}
    | {HEMATO_ONCOLOGIST, ENDOCRINOLOGIST, ALLERGIST}
)


def _neurologist_first(
    found: Mapping[str, _Candidate], classes: Mapping[str, int], first: list[str]
) -> bool:
    """A muscle or nerve disease (Mondo's) whose features are most of all a neurologist's
    comes to one first, however telling the heads of the other organs it touches are
    (myotonic dystrophy's heart: Orphanet's cardiac head is given to few disorders)."""
    if first or NEUROLOGIST not in found or not classes.keys() & NEUROMUSCULAR:
        return False
    # Not before the specialist of what the disease is (a metabolic, immune, blood, tumour,
    # infection or gland specialist: mitochondrial disease, myositis, POEMS syndrome,
    # paraganglioma, trichinellosis), only before one of another organ it touches.
    leading = max(found.values(), key=lambda item: (item.score, -item.order))
    if leading.name in _WHAT_IT_IS:
        return False
    return found[NEUROLOGIST].share >= max(item.share for item in found.values())


def _neuromuscular(evidence: Evidence) -> bool:
    if evidence.classes.keys() & NEUROMUSCULAR:
        return True
    return evidence.systems.get(MUSCLES, 0.0) > evidence.systems.get(BONES, 0.0)


def _mondo_words(classes: Mapping[str, int], specialist: str) -> str:
    nearest = min(
        (key for key in classes if MONDO_CLASSES[key].specialist == specialist),
        key=lambda key: classes[key],
    )
    return f"Mondo classes it as {kind_words(MONDO_CLASSES[nearest])}"


def _features_words(evidence: Evidence, system: str) -> str:
    share = evidence.systems.get(system, 0.0) / evidence.features if evidence.features else 0
    if share > 0.5:
        return f"{evidence.whose} are mostly {system}"
    if share == 0.5:
        return f"half of {evidence.whose} are {system}"
    amount = "many" if share >= 0.2 else "some"
    return f"{amount} of {evidence.whose} are {system}"


def _with_pediatric_forms(chosen: list[Specialist], onset: Onset) -> tuple[Specialist, ...]:
    """Children see the pediatric form: every specialist's when the disease begins in
    childhood, the first's when at any age; each beside its adult form, as children grow up
    (the heart of a boy with Duchenne muscular dystrophy is an adult cardiologist's later)."""
    found: list[Specialist] = []
    for position, item in enumerate(chosen):
        pediatric = SPECIALTIES[item.name].pediatric
        if pediatric and (onset == "child" or (onset == "both" and position == 0)):
            found.append(Specialist(f"{pediatric} (children)", item.because))
        found.append(item)
    return tuple(found)


def for_family(
    heads: frozenset[str],
    classes: Mapping[str, int],
    orphanet_onsets: Iterable[str],
    orphanet_inheritance: Iterable[str],
    weights: Iterable[tuple[tuple[str, ...], float]],
    types: "Iterable[Kin]",
    telling: Mapping[str, float] | None = None,
    specific: frozenset[str] = frozenset(),
) -> tuple[Specialist, ...]:
    """Who to see for a family: from its own classification and the features its types share;
    a clinical geneticist when Orphanet calls it genetic, or (where Orphanet does not classify
    it) when any of its types is; its onset Orphanet's, else that of its types."""
    kin = list(types)
    reason = genetic_reason(heads, orphanet_inheritance, (), {}, {})
    if not heads and any(item.genetic for item in kin):
        every = all(item.genetic for item in kin)
        reason = f"{'the' if every else 'some of the'} diseases in it are inherited"
    onset = onset_of(orphanet_onsets, (), {})
    if not onset:
        child = any(item.onset in ("child", "both") for item in kin)
        adult = any(item.onset in ("adult", "both") for item in kin)
        onset = "both" if child and adult else "child" if child else "adult" if adult else ""
    whose = "the features its types share"
    return choose(gather(heads, classes, weights, onset, reason, whose, telling, specific))
