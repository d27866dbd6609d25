"""condlookup's own first sentence of a catalogue page, written from the page's facts by a few
templates, when the index is built:

    Marfan syndrome is a rare genetic condition that mainly affects the heart, the bones and
    joints, and the eyes. It can be passed on in an autosomal dominant way, is caused by changes
    in the FBN1 gene, affects about 1 to 5 in 10,000 people and can start at any age.

Each clause has a fact behind it, and says it as the key facts do (see `keyfacts`, whose
choices it reuses): no fact, no clause.

- What it is: a tumour or cancer (Mondo's neoplasm, as the specialist rules tell one); an
  infection; a metabolic, autoimmune, inflammatory, immune, blood or allergic disease
  (Orphanet's head or Mondo's class of what it is); else the disease of an organ where
  Orphanet gives one organ's head (or, where Orphanet does not classify it, Mondo one organ's
  class); else a condition. "Genetic" where Orphanet's genetic head, one of its Mendelian
  modes or a germline disease-causing gene says so, or, where Orphanet says nothing of it, a
  Mendelian mode of the HPO's or Mondo's hereditary or chromosomal class.
- "Rare" only where the figure shown says so: a prevalence (at birth or not) of at most
  1-5 / 10 000 (1 in 2,000), or known from reported cases or families.
- Where its features are: the organ systems that hold a real share of them (weighted by
  frequency, as the specialist rules weigh them), at most three.
- How it is inherited: Orphanet's modes when nothing of the HPO's differs; an OMIM entry's,
  where Orphanet says nothing, for the families it describes; nothing where they differ.
- The gene: Orphanet's disease-causing genes of the whole disease; their number past three;
  "among others" where its modes need more genes than it names (one gene is never both
  mitochondrial and autosomal recessive).
- How common: the figure the key facts show, in words; none where they show several.
- When it starts: Orphanet's ages of onset, else the HPO's.
- A family: a group of its annotated types, with what Orphanet or Mondo say it is, whether
  all its types are genetic, and where the features its types share are.

Read only while the index is built; the sentence is stored with the condition.
"""

from collections.abc import Sequence
from typing import NamedTuple

from condlookup.catalogue import specialties as sp
from condlookup.catalogue.evidence import article
from condlookup.catalogue.facts import Fact
from condlookup.catalogue.keyfacts import (
    PART_PLAYED,
    alternatives,
    causal_genes,
    causal_parts,
    inheritance,
    mode,
    orphanet_onsets,
    prevalence,
    too_few_genes,
)
from condlookup.catalogue.plainwords import (
    AGE_OF,
    AGES,
    ALL_AGES,
    BIRTH,
    CONDITION,
    HPO,
    INCIDENCE,
    MENDELIAN,
    MONDO,
    MULTIFACTORIAL_MODE,
    NOT_INHERITED,
    ORPHANET,
    PREVALENCE_WORDS,
    SOURCES,
    SPAN,
    SYSTEM_WORDS,
    TERATOLOGIC,
    THE,
    UNKNOWN,
    UNSAID,
    Kind,
    ages_of,
    is_genetic,
    kind_of,
    mixed,
)
from condlookup.catalogue.plainwords import (
    Told as Told,  # what a summary is written from: `summaries.Told`
)
from condlookup.text import listed

# Features enough to say where they are (about three or four), and the share of them an
# organ system needs to be named; at most this many systems.
ENOUGH_FEATURES = 2.0
REAL_SHARE = 0.12
NEAR_TOP = 0.4  # and at least this part of the first one's
MOST_SYSTEMS = 3
# Where those named hold at least half of the features, it "mainly" affects them; where
# they hold less and this many systems hold some, it affects many parts of the body.
MOSTLY = 0.5
MANY_SYSTEMS = 5
SOME_SHARE = 0.05
ALL = 0.999
FACE = "the head and face"
FACE_WEIGHT = 0.75


class Summary(NamedTuple):
    text: str
    sources: tuple[str, ...]  # whose facts it says: Orphanet, HPO, Mondo (SOURCES' order)


def summary(told: Told) -> Summary:
    """The first sentence of a condition's page, and the sources of the facts it says."""
    used: set[str] = set()
    name = _sentence_start(told.name)
    heads = frozenset(fact.code for fact in told.facts if fact.kind == "head")
    kind = kind_of(heads, told, used)
    whose: set[str] = set()  # who says it is genetic, where the sentence says so
    inherited = is_genetic(heads, told, whose)
    genetic = kind.genetic and inherited
    if genetic:
        used.update(whose)
    rare = _rare(told.facts)
    if rare:
        used.add(ORPHANET)
    places = _systems(told, kind)
    if places:
        used.add(HPO)
    if told.family:
        return _family(told, name, kind, genetic, rare, places, used)
    words = " ".join(_adjectives(rare, genetic))
    noun = f"{words} {kind.one}".strip()
    first = ""
    risk = _risk_of_tumours(told, kind)
    if risk:
        used.add(MONDO)
        first = f"{name} is {article(noun)} {noun} that {risk}"
        if places and not _mostly_tumours(told):
            first += f" and {places.format(verb='affects')}"
        else:
            used.discard(HPO)  # said again, if its onset is the HPO's
    elif words or kind is not CONDITION or places:
        first = f"{name} is {article(noun)} {noun}"
        if places:
            first += f" {_joiner(kind)} {places.format(verb='affects')}"
    clauses = _clauses(told, inherited, used, harmed=kind is TERATOLOGIC)
    if not first and not clauses:
        return Summary(_fallback(name, told, used), _ordered(used))
    if not first:  # nothing to say of what it is: its facts, said of it by name
        return Summary(f"{name} {listed(clauses)}.", _ordered(used))
    if not clauses:
        return Summary(f"{first}.", _ordered(used))
    return Summary(f"{first}. It {listed(clauses)}.", _ordered(used))


def _family(
    told: Told, name: str, kind: Kind, genetic: bool, rare: bool, places: str, used: set[str]
) -> Summary:
    used.add(MONDO)  # a family is Mondo's grouping; its types are those the HPO annotates
    words = _adjectives(rare, genetic)
    count = str(told.types) if told.types > 1 else ""
    if not words:
        count = f"{count} related".strip()
    if told.types:
        used.add(HPO)
    text = f"{name} is a group of {' '.join(word for word in [count, *words, kind.many] if word)}"
    if places:
        text += f" {_joiner(kind)} {places.format(verb='affect')}"
    return Summary(f"{text}.", _ordered(used))


def _adjectives(rare: bool, genetic: bool) -> list[str]:
    return [word for word, said in (("rare", rare), ("genetic", genetic)) if said]


def _fallback(name: str, told: Told, used: set[str]) -> str:
    """Where no fact says what it is: what the HPO records of it."""
    used.add(HPO)
    return f"{name} is a condition listed in the Human Phenotype Ontology's disease catalogue."


def _ordered(used: set[str]) -> tuple[str, ...]:
    return tuple(source for source in SOURCES if source in used)


def _sentence_start(name: str) -> str:
    """The page's name as shown, its first letter upper case (not that of 'mRNA ...')."""
    if name[:1].islower() and not name[1:2].isupper():
        return name[:1].upper() + name[1:]
    return name


def _joiner(kind: Kind) -> str:
    # "... harm to the baby before birth that mainly affects" would read as the birth's
    return "that" if kind is not TERATOLOGIC else "and"


def _rare(facts: Sequence[Fact]) -> bool:
    """Rare where the figure the key facts show is at most 1-5 / 10 000 (not a yearly
    incidence: a long disease may be common with few new cases a year), or Orphanet knows it
    from reported cases or families only; and no other prevalence of Orphanet's, at birth or
    not, is higher: Down syndrome's 1-5 / 10 000 alive today is not rare at more than 1 in
    1,000 babies born."""
    found = prevalence(facts)
    if found is None:
        return False
    if not found.values:
        return True
    higher = any(  # of the world or of Europe: a country's may be its own founder effect
        fact.kind == "prevalence"
        and not fact.detail.startswith(INCIDENCE)
        and fact.detail.endswith((", Worldwide", ", Europe"))
        and fact.value in PREVALENCE_WORDS
        and not PREVALENCE_WORDS[fact.value][1]
        for fact in facts
    )
    return (
        found.kind != INCIDENCE
        and not higher
        and all(PREVALENCE_WORDS.get(value, ("", False))[1] for value in found.values)
    )


# -- where it shows ---------------------------------------------------------------------------


def _systems(told: Told, kind: Kind) -> str:
    """Where the features are, in words: the organ systems that hold a real share of them, at
    most three, those the kind names already left out. 'mainly affects the heart and the
    eyes'; 'affects many parts of the body, most of all the skin and the heart'."""
    if not told.features:
        return ""
    # From a few features, only the systems all of them are of (one sign: myopia, the eyes).
    few = told.features < (ENOUGH_FEATURES if not told.family else 0.5)
    shares: dict[str, float] = {}
    for system, weight in told.systems.items():
        words = SYSTEM_WORDS.get(system)
        if system == sp.IMMUNE:  # not for an organ's infections (see sp.ORGAN_INFECTIONS)
            weight -= told.systems.get(sp.ORGAN_INFECTIONS, 0.0)
        if words is not None:
            shares[words] = max(shares.get(words, 0.0), weight / told.features)
    named = {SYSTEM_WORDS[system] for system in kind.systems if system in SYSTEM_WORDS}
    # The face's features tell a syndrome, less where it shows: they give way to an organ's.
    ranked = sorted(
        ((words, share) for words, share in shares.items() if words not in named),
        key=lambda item: (-item[1] * (FACE_WEIGHT if item[0] == FACE else 1.0), item[0]),
    )
    if not ranked:
        return ""
    top = max(share for _, share in ranked)
    shown = [
        (words, share)
        for words, share in ranked
        if share >= REAL_SHARE and share >= top * NEAR_TOP and (share >= ALL or not few)
    ][:MOST_SYSTEMS]
    if not shown:
        return ""
    places = _list([words for words, _ in shown])
    if kind.systems - {sp.TUMOURS}:  # an eye disease that also affects the skin
        return f"also {{verb}} {places}"
    many = sum(1 for share in shares.values() if share >= SOME_SHARE) >= MANY_SYSTEMS
    if sum(share for _, share in shown) >= MOSTLY:
        return f"mainly {{verb}} {places}"
    if many:
        return f"{{verb}} many parts of the body, most of all {places}"
    return f"{{verb}} {places}"


def _risk_of_tumours(told: Told, kind: Kind) -> str:
    """What a predisposition to tumours (Mondo's hereditary neoplastic syndrome) does, where
    it is not a tumour itself: its features are the tumours it makes likely, which no organ
    system's words say (Li-Fraumeni syndrome "most of all affected the digestive system")."""
    if sp.PREDISPOSITION not in told.classes or sp.TUMOURS in kind.systems:
        return ""
    return "raises the risk of tumours"


def _mostly_tumours(told: Told) -> bool:
    return told.systems.get(sp.TUMOURS, 0.0) >= MOSTLY * told.features


def _list(items: Sequence[str]) -> str:
    if len(items) == 1:
        return items[0]
    comma = (
        "," if any(" and " in item for item in items) else ""
    )  # "the eyes, and the bones and joints"
    return f"{', '.join(items[:-1])}{comma} and {items[-1]}"


# -- the facts of the second sentence ----------------------------------------------------------


def _clauses(told: Told, genetic: bool, used: set[str], harmed: bool = False) -> list[str]:
    """What it does, each with its fact: 'can be passed on in an autosomal dominant way'. Of harm
    to the baby before birth, not how it is inherited nor its genes: those of maternal
    phenylketonuria are the mother's (the key facts give them, credited)."""
    found = [
        "" if harmed else _inheritance(told, used),
        "" if harmed else _genes(told.facts, genetic, used),
        _prevalence(told.facts, used),
        _onset(told, used),
    ]
    return [clause for clause in found if clause]


def _inheritance(told: Told, used: set[str]) -> str:
    """Orphanet's word, where no HPO entry says otherwise; an OMIM entry's (or several that
    agree) for the families they describe, where Orphanet says nothing."""
    found = inheritance(told.facts, told.inheritance)
    stated = set(found.stated) - UNSAID
    if stated:
        if found.others or UNKNOWN in stated:
            return ""  # the sources differ, or Orphanet doubts: the key facts say so
        modes = list(found.modes)
        if stated == {NOT_INHERITED}:
            used.add(ORPHANET)
            return "is not usually inherited"
        if NOT_INHERITED in stated:
            return ""
        if modes == [MULTIFACTORIAL_MODE]:
            used.add(ORPHANET)
            return "is influenced by several genes together with other factors"
        if modes and all(item in MENDELIAN for item in modes):
            used.add(ORPHANET)
            return _passed_on(modes, "")
        return ""
    if not found.others:
        return ""
    hows = {how for _, _, how in found.others}
    modes = list(dict.fromkeys(mode(name) for _, names, _ in found.others for name in names))
    if not all(item in MENDELIAN for item in modes) or len(hows) > 1:
        return ""  # a qualifier, a sporadic or polygenic form: the key facts say it
    used.add(HPO)
    return _passed_on(modes, " in the families described so far" if hows == {"omim"} else "")


def _passed_on(modes: Sequence[str], where: str) -> str:
    # "Can": a mode says how the disease passes from parent to child, not that it did. Most
    # children with Rett syndrome, Dravet syndrome or achondroplasia are its first in the family,
    # and "it is passed on" reads as "it came from us".
    if modes == ["mitochondrial"]:
        return f"can be passed on through the mother's mitochondria{where}"
    if len(modes) == 1:
        return f"can be passed on in {MENDELIAN[modes[0]]} way{where}"
    first, *rest = (MENDELIAN[item] for item in modes)
    said = alternatives([first, *(words.split(" ", 1)[1] for words in rest)])
    return f"can be passed on in {said} way{where}"


def _genes(facts: Sequence[Fact], genetic: bool, used: set[str]) -> str:
    """Orphanet's genes of the whole disease, and those of its subtypes beside them (which
    alone say nothing of the whole): "is caused by" those of a genetic disease; "can
    be caused by" those of one the facts do not call genetic (a familial form of lupus, a
    tumour's own changes), or that Orphanet says is, for some, not inherited or multifactorial
    (holoprosencephaly, Hirschsprung disease)."""
    genes = causal_genes(facts)
    if not genes:
        return ""
    used.add(ORPHANET)
    # Leigh syndrome: IARS2 alone, but recessive and mitochondrial. 22q11.2 deletion syndrome:
    # TBX1, and genes Orphanet says play a part beside it (those of the piece of chromosome lost).
    playing = {
        fact.value
        for fact in facts
        if fact.kind == "gene" and not fact.part and fact.detail.startswith(PART_PLAYED)
    }
    few = too_few_genes(facts) or len(playing - set(genes)) >= 2
    caused = "is caused" if genetic and not mixed(facts) and not few else "can be caused"
    # Genes Orphanet gives for some of its subtypes only: the sentence does not leave them out,
    # lest it name a gene of the whole (BMP4 for Stickler syndrome) as the only cause.
    parts = causal_parts(facts)
    more = [gene for gene in parts if gene not in genes]
    if len(genes) + len(more) > 3:
        return f"{caused} by changes in one of {len(genes) + len(more)} genes"
    said = f"{caused} by changes in the {alternatives(genes)} gene"
    if more:
        types = {part for gene in more for part in parts[gene]}
        which = "one of its types" if len(types) == 1 else "some of its types"
        said += f" or, in {which}, the {alternatives(more)} gene"
    return said + (", among others" if few else "")


def _prevalence(facts: Sequence[Fact], used: set[str]) -> str:
    found = prevalence(facts)
    if found is None:
        return ""
    if not found.values:
        used.add(ORPHANET)
        return "is known from reported cases or families"
    if len(found.values) > 1 or found.values[0] not in PREVALENCE_WORDS:
        return ""  # the key facts show figures that differ: no one number
    figure = PREVALENCE_WORDS[found.values[0]][0]
    place = _place(*found.places) if found.places else _place(found.area)
    used.add(ORPHANET)
    if found.kind == BIRTH:
        return f"affects {figure} babies born{place}"
    if found.kind == INCIDENCE:
        return f"newly affects {figure} people{place} each year"
    return f"affects {figure} people{place}"


def _place(*areas: str) -> str:
    if not areas or areas == ("",) or areas == ("Worldwide",):
        return ""
    return " in " + listed([f"the {area}" if area.startswith(THE) else area for area in areas])


def _onset(told: Told, used: set[str]) -> str:
    """Orphanet's ages of onset, else the HPO's (as the key facts choose)."""
    named = orphanet_onsets(told.facts)
    if named:
        used.add(ORPHANET)
        if named == [ALL_AGES]:
            return "can start at any age"
        ages = sorted({age for name in named for age in ages_of(name)})
    else:
        ages = sorted({age for item in told.onsets for age in ages_of(item.name)})
        if not ages:
            return ""
        used.add(HPO)
    if not ages:
        return ""
    if ages == [1]:
        return "is present from birth"
    if len(ages) >= SPAN and _unbroken(ages, bool(named)):
        return f"can start at any time from {AGES[ages[0]][1]} to {AGES[ages[-1]][1]}"
    return "usually starts " + alternatives([AGES[age][0] for age in ages])


def _unbroken(ages: Sequence[int], orphanet: bool) -> bool:
    """Whether the ages run without a gap, on the scale of their source (Orphanet has no
    age of its own for birth, young adulthood or middle age)."""
    scale = sorted({AGE_OF[age] for age in _ORPHANET_AGES}) if orphanet else range(len(AGES))
    steps = [scale.index(age) for age in ages]
    return steps == list(range(steps[0], steps[0] + len(steps)))


_ORPHANET_AGES = ("Antenatal", "Neonatal", "Infancy", "Childhood", "Adolescent", "Adult", "Elderly")
