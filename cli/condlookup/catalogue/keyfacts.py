"""A catalogue page's key facts in a line each: how common it is, when it starts, how it is
inherited and which genes are involved, each saying whose word it is.

Orphanet speaks for the disease as a whole; the HPO's annotations of an OMIM entry speak for the
families that entry describes. Where both speak and differ, both are shown, each named; a mode
of inheritance is never shown bare for a disease Orphanet says is not inherited that way.
"""

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from condlookup.catalogue.facts import Fact
from condlookup.text import listed


class KeyFact(NamedTuple):
    key: str  # prevalence, typical_onset, inheritance, genes: as a curated page's facts
    text: str  # the line shown, its sources named in it


class Said(NamedTuple):
    """One annotation of the HPO's (an inheritance or an onset), with the entry it is from."""

    name: str  # "Autosomal dominant inheritance"
    origin: str  # OMIM:152700, ORPHA:536


# What Orphanet's words for an inheritance mean, where they are not a mode.
_NOT_A_MODE = {
    "Not applicable": "not applicable: not inherited as a rule",
    "Unknown": "not known",
    "No data available": "",
    "Not yet documented": "",
}
# The kinds of prevalence, most telling first, and the places whose figure a page prefers.
_PREVALENCE_KINDS = ("Point prevalence", "Prevalence at birth", "Annual incidence")
_AREAS = ("Worldwide", "Europe")
_NO_FIGURE = ("no data", "Unknown", "Not yet documented", "")
_LIFE = ("Antenatal", "Neonatal", "Infancy", "Childhood", "Adolescent", "Adult", "Elderly")
# Orphanet's gene associations, by what they say of the gene.
_CAUSES = "Disease-causing"
PART_PLAYED = "Role in the phenotype of"  # a gene of a piece of chromosome lost, often
_ROLES = (
    ("Major susceptibility factor in", "raise the risk"),
    ("Modifying germline mutation in", "modify it"),
    (PART_PLAYED, "play a part in it"),
    ("Part of a fusion gene in", "are part of a fusion gene in it"),
)
GENES_SHOWN = 8  # named in the key facts; more are counted
# Where a gene of each of Orphanet's modes lies: one gene cannot be passed on in two of these
# ways (a gene of the mitochondria's own DNA is never autosomal recessive).
_WHERE = {
    "Autosomal recessive": "autosome",
    "Autosomal dominant": "autosome",
    "Semi-dominant": "autosome",
    "X-linked dominant": "X",
    "X-linked recessive": "X",
    "Y-linked": "Y",
    "Mitochondrial inheritance": "mitochondria",
}


def key_facts(
    facts: Sequence[Fact], inheritance: Sequence[Said], onsets: Sequence[Said]
) -> tuple[KeyFact, ...]:
    """The key facts of a catalogue condition, from Orphanet's facts and the HPO's inheritance
    and onset annotations; a fact no source gives is left out."""
    found = [
        KeyFact("prevalence", _prevalence(facts)),
        KeyFact("typical_onset", _onset(facts, onsets)),
        KeyFact("inheritance", _inheritance(facts, inheritance)),
        KeyFact("genes", _genes(facts)),
    ]
    return tuple(fact for fact in found if fact.text)


class Figure(NamedTuple):
    """The prevalence a page shows: its kind and area as Orphanet names them, and its classes
    (more than one where Orphanet gives one kind for one place more than once, and they
    disagree); no classes where Orphanet knows it from reported cases or families only."""

    kind: str  # Point prevalence, Prevalence at birth, Annual incidence; "" for cases only
    area: str  # Worldwide, Europe, a country, countries that agree ("Norway and Sweden")
    values: tuple[str, ...]  # "1-5 / 10 000", in Orphanet's order
    # Countries whose figures of this kind differ, each (country, figure), in Orphanet's order
    # (none is more telling than another); then `area` is "".
    by_place: tuple[tuple[str, str], ...] = ()
    places: tuple[str, ...] = ()  # the countries of `area`, when several agree


def prevalence(facts: Sequence[Fact]) -> Figure | None:
    """The most telling figure: worldwide first, then for Europe, then for countries; in each,
    a point prevalence first, else a prevalence at birth or an incidence; with its kind and
    place; else whether Orphanet knows it from reported cases or families only. A figure for
    Europe tells more than one for a country, whatever their kinds (Cornelia de Lange
    syndrome: Europe's prevalence at birth, not Denmark's point prevalence)."""
    ranked = []
    for fact in facts:
        if fact.kind != "prevalence" or fact.value in _NO_FIGURE:
            continue
        kind, _, area = fact.detail.partition(", ")
        if kind not in _PREVALENCE_KINDS:
            continue
        place = _AREAS.index(area) if area in _AREAS else len(_AREAS)
        ranked.append((place, _PREVALENCE_KINDS.index(kind), kind, area, fact.value))
    if ranked:
        best = min(ranked)[:-1]
        kind, area = best[-2:]
        if area not in _AREAS:  # countries only: none is more telling than another
            countries = [(item[3], item[4]) for item in ranked if item[:2] == best[:2]]
            values = tuple(dict.fromkeys(value for _, value in countries))
            places = list(dict.fromkeys(place for place, _ in countries))
            if len(values) > 1:
                return Figure(kind, "", values, tuple(dict.fromkeys(countries)))
            return Figure(kind, listed(places, "and"), values, places=tuple(places))
        # Orphanet may give one kind of figure for one place more than once, and the figures
        # may disagree: then all of them are shown, in Orphanet's order, not one picked.
        values = tuple(dict.fromkeys(item[-1] for item in ranked if item[:-1] == best))
        return Figure(kind, area, values)
    if any(
        fact.kind == "prevalence" and fact.detail.startswith("Cases/families") for fact in facts
    ):
        return Figure("", "", ())
    return None


def _prevalence(facts: Sequence[Fact]) -> str:
    found = prevalence(facts)
    if found is None:
        return ""
    if not found.values:
        return "Known from reported cases or families, with no figure (Orphanet)"
    if found.by_place:
        each = ", ".join(f"{value} in {place}" for place, value in found.by_place)
        return f"{each} ({found.kind.lower()}; Orphanet)"
    return f"{' or '.join(found.values)} ({found.kind.lower()}, {found.area}; Orphanet)"


def orphanet_onsets(facts: Sequence[Fact]) -> list[str]:
    """Orphanet's ages of onset, in life order: ["All ages"] alone where it gives that."""
    ages = {fact.value for fact in facts if fact.kind == "onset"}
    if "All ages" in ages:
        return ["All ages"]
    return [age for age in _LIFE if age in ages]


def _onset(facts: Sequence[Fact], onsets: Sequence[Said]) -> str:
    named = orphanet_onsets(facts)
    if named:
        return _first_upper(", ".join(age.lower() for age in named)) + " (Orphanet)"
    by_entry = _by_origin(onsets)
    return "; ".join(
        f"{_first_upper(', '.join(name.lower() for name in names))} (HPO, {_source(origin)})"
        for origin, names in by_entry.items()
    )


class Inheritance(NamedTuple):
    """What the sources say of how a disease is inherited, as the key facts line says it."""

    stated: tuple[str, ...]  # Orphanet's words, as it gives them ("Autosomal dominant", ...)
    modes: tuple[str, ...]  # of them, the modes ("autosomal dominant", "multigenic/...")
    # The HPO entries that add to Orphanet's word, or speak alone: (entry, its words, how):
    # "some" (in some families, beside Orphanet's word), "omim" (the families an OMIM entry
    # describes, Orphanet silent), "" (the entry's word for the disease: Orphanet's own)
    others: tuple[tuple[str, tuple[str, ...], str], ...]


def inheritance(facts: Sequence[Fact], said: Sequence[Said]) -> Inheritance:
    stated = tuple(dict.fromkeys(fact.value for fact in facts if fact.kind == "inheritance"))
    modes = tuple(mode(value) for value in stated if value not in _NOT_A_MODE)
    others = []
    for origin, names in _by_origin(said).items():
        if origin.startswith("ORPHA:") and stated:
            continue  # Orphanet's own word, through the HPO: said by Orphanet
        entry_modes = [mode(name) for name in names if name.endswith(" inheritance")]
        if stated and all(_agrees(entry, modes) for entry in entry_modes):
            # It agrees with Orphanet, or only qualifies ("sporadic", "typically de novo")
            # what Orphanet says of the whole disease.
            continue
        how = "some" if stated else "omim" if origin.startswith("OMIM:") else ""
        others.append((origin, tuple(names), how))
    return Inheritance(stated, modes, tuple(others))


def _agrees(entry: str, modes: Sequence[str]) -> bool:
    """Whether an entry's mode is one of Orphanet's, or a broader word for one: the HPO's
    "X-linked" for Orphanet's "X-linked recessive" says less, not otherwise."""
    return any(entry == found or found.startswith(entry + " ") for found in modes)


def _inheritance(facts: Sequence[Fact], said: Sequence[Said]) -> str:
    found = inheritance(facts, said)
    # Orphanet's modes are alternatives (autosomal dominant or recessive forms); its other
    # words (not applicable, multifactorial as well as a mode) are said each in turn.
    orphanet = [alternatives(found.modes)] if found.modes else []
    orphanet += [_NOT_A_MODE[value] for value in found.stated if _NOT_A_MODE.get(value)]
    parts = [f"{'; '.join(orphanet)} (Orphanet)"] if orphanet else []
    for origin, names, how in found.others:
        modes = ", ".join(mode(name) for name in names)
        if how == "some":
            parts.append(f"in some families ({_source(origin)}): {modes}")
        elif how == "omim":
            parts.append(f"in the families {_source(origin)} describes: {modes}")
        else:
            parts.append(f"{modes} ({_source(origin)})")
    return _first_upper("; ".join(parts))


def alternatives(items: Sequence[str]) -> str:
    return listed(items, "or")


def _genes(facts: Sequence[Fact]) -> str:
    """'Caused by changes in FBN1; in Marfan syndrome type 2, TGFBR1 or TGFBR2', then the genes
    that raise the risk or modify it, named as such."""
    causing: dict[str, set[str]] = {}  # gene -> the subtypes it causes ("" for the whole)
    roles: dict[str, list[str]] = {}
    for fact in facts:
        if fact.kind != "gene":
            continue
        if fact.detail.startswith(_CAUSES):
            causing.setdefault(fact.value, set()).add(fact.part)
            continue
        role = next((words for start, words in _ROLES if fact.detail.startswith(start)), None)
        if role is not None and fact.value not in roles.setdefault(role, []):
            roles[role].append(fact.value)
    parts = []
    whole = _whole(causing)
    if whole:
        parts.append("caused by changes in " + _some(whole))
    by_part: dict[str, list[str]] = {}
    for gene, where in causing.items():
        if gene not in whole:
            for part in sorted(where):
                by_part.setdefault(part, []).append(gene)
    for part, genes in by_part.items():
        lead = "caused" if not whole else ""
        parts.append(f"{lead} in {part}, by changes in {_some(genes, 'or')}".lstrip())
    for role, genes in roles.items():
        if genes:
            parts.append(f"changes in {_some(genes)} {role}")
    if not parts:
        return ""
    said = _first_upper("; ".join(parts)) + " (Orphanet)"
    if whole and too_few_genes(facts):
        said += "; other genes too, as no one gene is inherited in all the ways Orphanet gives"
    return said


def causal_genes(facts: Sequence[Fact]) -> list[str]:
    """The genes whose changes cause the disease as a whole (not only a subtype of it), as the
    key facts name them first."""
    return _whole(causal_parts(facts))


def causal_parts(facts: Sequence[Fact]) -> dict[str, set[str]]:
    """Each gene whose changes cause the disease or a subtype of it, with the subtypes ("" for
    the whole disease)."""
    causing: dict[str, set[str]] = {}
    for fact in facts:
        if fact.kind == "gene" and fact.detail.startswith(_CAUSES):
            causing.setdefault(fact.value, set()).add(fact.part)
    return causing


def too_few_genes(facts: Sequence[Fact]) -> bool:
    """Whether Orphanet names fewer disease-causing genes than the ways it gives of passing the
    whole disease on need: an autosomal recessive and a mitochondrial form (Leigh syndrome, with
    IARS2 alone) are two genes at least, so the one named is not the only cause."""
    places = {
        _WHERE[fact.value]
        for fact in facts
        if fact.kind == "inheritance" and not fact.part and fact.value in _WHERE
    }
    return len(causal_parts(facts)) < len(places)


def _whole(causing: dict[str, set[str]]) -> list[str]:
    # A gene that causes every subtype Orphanet gives genes for causes the disease: PAH for
    # both forms of phenylketonuria.
    subtypes = {part for where in causing.values() for part in where if part}
    return [
        gene
        for gene, where in causing.items()
        if "" in where or (len(subtypes) > 1 and where >= subtypes)
    ]


def _some(genes: list[str], last: str = "and") -> str:
    """The genes in alphabetical order, as the page's gene list has them; more than GENES_SHOWN
    only counted. Orphanet's order says nothing of which genes matter most, so naming its first
    few would hide the main ones ("GANAB, NEK8, ALG9, DNAJB11, ALG5, PKD1 and 2 more" hid
    PKD2)."""
    if len(genes) > GENES_SHOWN:
        return f"{'any' if last == 'and' else 'one'} of {len(genes)} genes (see Genes)"
    shown = sorted(genes, key=str.upper)
    if len(shown) == 1:
        return shown[0]
    return f"{', '.join(shown[:-1])} {last} {shown[-1]}"


def _by_origin(said: Iterable[Said]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for item in said:
        names = found.setdefault(item.origin, [])
        if item.name not in names:
            names.append(item.name)
    return found


def mode(name: str) -> str:
    """'Autosomal dominant inheritance' -> 'autosomal dominant', 'X-linked' as it is."""
    shown = name.removesuffix(" inheritance").removesuffix(" Inheritance")
    return shown if shown[1:2] == "-" else shown[:1].lower() + shown[1:]


def _source(origin: str) -> str:
    """'OMIM:152700' -> 'OMIM 152700'; an Orphanet entry of the HPO's is Orphanet's word."""
    prefix, _, number = origin.partition(":")
    return f"Orphanet {number}" if prefix == "ORPHA" else f"{prefix} {number}"


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]
