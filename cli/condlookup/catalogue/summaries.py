"""condlookup's own first sentence of a catalogue page, written from the page's facts by a few
templates, when the index is built:

    Marfan syndrome is a rare genetic condition that mainly affects the heart, the bones and
    joints, and the eyes. It is passed on in an autosomal dominant way, is caused by changes
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
  1-5 / 10 000 (1 in 2,000), or known from single cases or families.
- Where its features are: the organ systems that hold a real share of them (weighted by
  frequency, as the specialist rules weigh them), at most three.
- How it is inherited: Orphanet's modes when nothing of the HPO's differs; an OMIM entry's,
  where Orphanet says nothing, for the families it describes; nothing where they differ.
- The gene: Orphanet's disease-causing genes of the whole disease; their number past three.
- How common: the figure the key facts show, in words; none where they show several.
- When it starts: Orphanet's ages of onset, else the HPO's.
- A family: a group of its annotated types, with what Orphanet or Mondo say it is, whether
  all its types are genetic, and where the features its types share are.

Read only while the index is built; the sentence is stored with the condition.
"""

from collections.abc import Mapping, Sequence
from typing import NamedTuple

from condlookup.catalogue import specialties as sp
from condlookup.catalogue.evidence import MULTIFACTORIAL, article
from condlookup.catalogue.facts import Fact
from condlookup.catalogue.keyfacts import (
    Said,
    alternatives,
    causal_genes,
    inheritance,
    mode,
    orphanet_onsets,
    prevalence,
)

ORPHANET, HPO, MONDO = "Orphanet", "HPO", "Mondo"
SOURCES = (ORPHANET, HPO, MONDO)  # the order the mark names them in

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

# The organ systems of `specialties`, as a plain noun; a system not here is never named (a
# tumour is no place, signs of growth or metabolism are not organs).
SYSTEM_WORDS: dict[str, str] = {
    sp.NERVOUS: "the brain and nerves",
    sp.MUSCLES: "the muscles",
    sp.EYE: "the eyes",
    sp.EAR: "the ears",
    sp.VOICE: "the voice",
    sp.HEART: "the heart",
    sp.VESSELS: "the blood vessels",
    sp.IMMUNE: "the immune system",
    sp.KIDNEYS: "the kidneys",
    sp.URINARY: "the urinary tract",
    sp.GENITALS: "the genitals",
    sp.FEMALE_GENITALS: "the genitals",
    sp.MALE_GENITALS: "the genitals",
    sp.SKIN: "the skin",
    sp.ENDOCRINE: "the hormone glands",
    sp.DIGESTIVE: "the digestive system",
    sp.LIVER: "the liver",
    sp.LUNGS: "the lungs and airways",
    sp.BLOOD: "the blood",
    sp.BONES: "the bones and joints",
    sp.TEETH: "the teeth",
    sp.HEAD: "the head and face",
    sp.BREASTS: "the breasts",
    sp.CHEST: "the chest",
    sp.CONNECTIVE: "the connective tissue",
}


class Kind(NamedTuple):
    """What a disease is, in plain words, one and many: 'metabolic disease', 'tumours'."""

    one: str
    many: str
    systems: frozenset[str] = frozenset()  # the organ systems it names already
    genetic: bool = True  # whether "genetic" may go before it (not before a tumour)


CONDITION = Kind("condition", "conditions")
TUMOUR = Kind("tumour", "tumours", frozenset({sp.TUMOURS}), genetic=False)
CANCER = Kind("cancer", "cancers", frozenset({sp.TUMOURS}), genetic=False)
BLOOD_CANCER = Kind("blood cancer", "blood cancers", frozenset({sp.TUMOURS}), genetic=False)
BENIGN_TUMOUR = Kind(
    "non-cancerous tumour", "non-cancerous tumours", frozenset({sp.TUMOURS}), genetic=False
)
INFECTION = Kind("infection", "infections", genetic=False)
METABOLIC = Kind("metabolic disease", "metabolic diseases")
AUTOIMMUNE = Kind("autoimmune disease", "autoimmune diseases", genetic=False)
INFLAMMATORY = Kind("inflammatory disease", "inflammatory diseases")
IMMUNE = Kind("immune disease", "immune diseases", frozenset({sp.IMMUNE}))
BLOOD = Kind("blood disease", "blood diseases", frozenset({sp.BLOOD}))
ALLERGIC = Kind("allergic disease", "allergic diseases", genetic=False)
TERATOLOGIC = Kind(
    "condition caused by harm to the baby before birth",
    "conditions caused by harm to the baby before birth",
    genetic=False,
)


def _organ(one: str, *systems: str) -> Kind:
    return Kind(f"{one} disease", f"{one} diseases", frozenset(systems))


NERVOUS_SYSTEM = _organ("nervous system", sp.NERVOUS)
NERVE_AND_MUSCLE = _organ("nerve and muscle", sp.NERVOUS, sp.MUSCLES)
NERVE = _organ("nerve", sp.NERVOUS)
MUSCLE = _organ("muscle", sp.MUSCLES)
HEART = _organ("heart", sp.HEART)
LUNG = _organ("lung and airway", sp.LUNGS)
KIDNEY = _organ("kidney", sp.KIDNEYS)
LIVER = _organ("liver", sp.LIVER)
DIGESTIVE = _organ("digestive", sp.DIGESTIVE, sp.LIVER)
HORMONAL = _organ("hormonal", sp.ENDOCRINE)
SKIN = _organ("skin", sp.SKIN)
EYE = _organ("eye", sp.EYE)
EAR_NOSE_THROAT = _organ("ear, nose and throat", sp.EAR, sp.VOICE)
EAR = _organ("ear", sp.EAR)
BONE = _organ("bone", sp.BONES)
VESSEL = _organ("blood vessel", sp.VESSELS)
URINARY = _organ("urinary tract", sp.URINARY, sp.KIDNEYS)
TOOTH = _organ("tooth", sp.TEETH)

# Orphanet's heads of what a disease is, then of the organ it shows in (the others, of what
# may be done for it or of genetics, say no kind).
ORGAN_HEADS: dict[str, Kind] = {
    "ORPHA:98006": NERVOUS_SYSTEM,
    "ORPHA:97929": HEART,
    "ORPHA:97955": LUNG,
    "ORPHA:93626": KIDNEY,
    "ORPHA:57146": LIVER,
    "ORPHA:97935": DIGESTIVE,
    "ORPHA:97978": HORMONAL,
    "ORPHA:89826": SKIN,
    "ORPHA:97966": EYE,
    "ORPHA:98036": EAR_NOSE_THROAT,
    "ORPHA:93419": BONE,
    "ORPHA:98028": VESSEL,
    "ORPHA:101433": URINARY,
    "ORPHA:98026": TOOTH,
}
# Mondo's classes of an organ, where Orphanet does not classify the disease.
ORGAN_CLASSES: dict[str, Kind] = {
    "MONDO:0005071": NERVOUS_SYSTEM,
    "MONDO:0019056": NERVE_AND_MUSCLE,
    "MONDO:0003620": NERVE,
    "MONDO:0005336": MUSCLE,
    "MONDO:0020120": MUSCLE,
    "MONDO:0005328": EYE,
    "MONDO:0002467": EAR,
    "MONDO:0004867": EAR_NOSE_THROAT,
    "MONDO:0005267": HEART,
    "MONDO:0005385": VESSEL,
    "MONDO:0005087": LUNG,
    "MONDO:0005240": KIDNEY,
    "MONDO:0002118": URINARY,
    "MONDO:0005154": LIVER,
    "MONDO:0004335": DIGESTIVE,
    "MONDO:0005151": HORMONAL,
    "MONDO:0005093": SKIN,
    "MONDO:0005381": BONE,
    "MONDO:0018230": BONE,
    "MONDO:0006999": TOOTH,
}
INFECTIOUS_HEAD = "ORPHA:68416"
IMMUNE_HEAD = "ORPHA:98004"
ALLERGIC_HEAD = "ORPHA:98050"
CANCER_CLASS = "MONDO:0004992"
INFECTIOUS_CLASS = "MONDO:0005550"
AUTOIMMUNE_CLASS = "MONDO:0007179"
IMMUNE_CLASSES = frozenset({"MONDO:0003778", "MONDO:0015131", "MONDO:0017769"})
BLOOD_CLASS = "MONDO:0005570"
ALLERGIC_CLASS = "MONDO:0005271"
METABOLIC_CLASSES = sp.INTERMEDIARY_METABOLISM | {"MONDO:0019052"}
# Mondo's classes that say a disease is genetic (not its malformation syndromes: a syndrome
# of malformations may come from harm before birth).
GENETIC_CLASSES = frozenset({"MONDO:0003847", "MONDO:0019040"})

# The modes of inheritance, Orphanet's and the HPO's (as `keyfacts.mode` gives them), that a
# gene or chromosome passes on, with how a sentence says them.
MENDELIAN: dict[str, str] = {
    "autosomal dominant": "an autosomal dominant",
    "autosomal recessive": "an autosomal recessive",
    "X-linked recessive": "an X-linked recessive",
    "X-linked dominant": "an X-linked dominant",
    "X-linked": "an X-linked",
    "Y-linked": "a Y-linked",
    "semi-dominant": "a semi-dominant",
    "mitochondrial": "a mitochondrial",
}
_MULTIFACTORIAL = mode(MULTIFACTORIAL)
# Orphanet's words for an inheritance that say it is not one of a gene.
_NOT_INHERITED = "Not applicable"
_UNKNOWN = "Unknown"
_UNSAID = frozenset({"No data available", "Not yet documented"})  # the key facts say nothing
_SILENT = _UNSAID | {_UNKNOWN}

# Orphanet's prevalence classes, in words, and whether they are rare (at most 1 in 2,000).
PREVALENCE_WORDS: dict[str, tuple[str, bool]] = {
    "<1 / 1 000 000": ("fewer than 1 in 1,000,000", True),
    "1-9 / 1 000 000": ("about 1 to 9 in 1,000,000", True),
    "1-9 / 100 000": ("about 1 to 9 in 100,000", True),
    "1-5 / 10 000": ("about 1 to 5 in 10,000", True),
    "6-9 / 10 000": ("about 6 to 9 in 10,000", False),
    ">1 / 1000": ("more than 1 in 1,000", False),
}
_POINT, _BIRTH, _INCIDENCE = "Point prevalence", "Prevalence at birth", "Annual incidence"
# Places said with "the".
_THE = ("United ", "Netherlands", "Czech Republic", "Philippines", "Republic of")

# Ages of onset in life order: Orphanet's words and the HPO's onsets, each to one age with
# how a sentence says it ("in childhood") and how it says an end of a span ("childhood").
AGES: tuple[tuple[str, str], ...] = (
    ("before birth", "before birth"),
    ("at birth", "birth"),
    ("as a newborn", "the newborn period"),
    ("in infancy", "infancy"),
    ("in childhood", "childhood"),
    ("in the teenage years", "the teenage years"),
    ("in young adulthood", "young adulthood"),
    ("in adulthood", "adulthood"),
    ("in middle age", "middle age"),
    ("late in life", "old age"),
)
_AGE_OF: dict[str, int] = {
    # Orphanet
    "Antenatal": 0,
    "Neonatal": 2,
    "Infancy": 3,
    "Childhood": 4,
    "Adolescent": 5,
    "Adult": 7,
    "Elderly": 9,
    # the HPO's onsets (aspect C also holds a course, "Progressive": not an age)
    "Antenatal onset": 0,
    "Embryonal onset": 0,
    "Fetal onset": 0,
    "Late first trimester onset": 0,
    "Second trimester onset": 0,
    "Third trimester onset": 0,
    "Congenital onset": 1,
    "Neonatal onset": 2,
    "Infantile onset": 3,
    "Childhood onset": 4,
    "Pediatric onset": 4,
    "Juvenile onset": 5,
    "Young adult onset": 6,
    "Early young adult onset": 6,
    "Intermediate young adult onset": 6,
    "Late young adult onset": 6,
    "Adult onset": 7,
    "Middle age onset": 8,
    "Late onset": 9,
}
ALL_AGES = "All ages"
SPAN = 4  # ages from which a sentence says the span ("from infancy to adulthood")


class Told(NamedTuple):
    """What the build knows of a condition, for its sentence."""

    name: str
    facts: Sequence[Fact] = ()  # Orphanet's, as written to the facts table
    inheritance: Sequence[Said] = ()  # the HPO's inheritance annotations, with their entries
    onsets: Sequence[Said] = ()  # the HPO's clinical course annotations (onsets among them)
    classes: Mapping[str, int] = {}  # the classes of MONDO_CLASSES it is, by distance
    specific: frozenset[str] = frozenset()  # of them, the nearest (see MondoKinds.specific)
    systems: Mapping[str, float] = {}  # the weight of its features in each organ system
    features: float = 0.0  # the weight of all its features
    types: int = 0  # a family's annotated types
    family: bool = False
    genetic_types: bool = False  # a family: whether every one of its types is genetic


class Summary(NamedTuple):
    text: str
    sources: tuple[str, ...]  # whose facts it says: Orphanet, HPO, Mondo (SOURCES' order)


def summary(told: Told) -> Summary:
    """The first sentence of a condition's page, and the sources of the facts it says."""
    used: set[str] = set()
    name = _sentence_start(told.name)
    heads = frozenset(fact.code for fact in told.facts if fact.kind == "head")
    kind = _kind(heads, told, used)
    genetic = kind.genetic and _genetic(heads, told, used)
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
    if words or kind is not CONDITION or places:
        first = f"{name} is {article(noun)} {noun}"
        if places:
            first += f" {_joiner(kind)} {places.format(verb='affects')}"
    clauses = _clauses(told, used)
    if not first and not clauses:
        return Summary(_fallback(name, told, used), _ordered(used))
    if not first:  # nothing to say of what it is: its facts, said of it by name
        return Summary(f"{name} {_and(clauses)}.", _ordered(used))
    if not clauses:
        return Summary(f"{first}.", _ordered(used))
    return Summary(f"{first}. It {_and(clauses)}.", _ordered(used))


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


# -- what it is ---------------------------------------------------------------------------------


def _kind(heads: frozenset[str], told: Told, used: set[str]) -> Kind:
    classes = told.classes
    found = _what(heads, classes, told.facts)
    if found is not None:
        kind, whose = found
        used.update(whose)
        return kind
    organs = {ORGAN_HEADS[head] for head in heads if head in ORGAN_HEADS}
    if organs:
        if len(organs) == 1:
            used.add(ORPHANET)
            return organs.pop()
        return CONDITION  # Orphanet's organs say where it shows: the systems say that
    organ_classes = {ORGAN_CLASSES[key] for key in told.specific if key in ORGAN_CLASSES}
    if len(organ_classes) == 1:
        used.add(MONDO)
        return organ_classes.pop()
    if organ_classes == {NERVOUS_SYSTEM, MUSCLE} or organ_classes == {NERVE, MUSCLE}:
        used.add(MONDO)
        return NERVE_AND_MUSCLE
    return CONDITION


def _what(
    heads: frozenset[str], classes: Mapping[str, int], facts: Sequence[Fact]
) -> tuple[Kind, set[str]] | None:
    """The kind of disease Orphanet's heads or Mondo's classes of what it is say."""
    keys = classes.keys()
    tumour = _tumour(heads, classes)
    if tumour is not None:
        return tumour
    if sp.TERATOLOGIC_HEAD in heads:
        return TERATOLOGIC, {ORPHANET}
    # A gene's susceptibility to an infection is no infection.
    if INFECTIOUS_HEAD in heads and not _mendelian(facts):
        return INFECTION, {ORPHANET}
    if not heads and INFECTIOUS_CLASS in keys and not _mendelian(facts):
        return INFECTION, {MONDO}
    if sp.METABOLIC_HEAD in heads or (not heads and keys & METABOLIC_CLASSES):
        return METABOLIC, {ORPHANET if heads else MONDO}
    if AUTOIMMUNE_CLASS in keys and sp.NEOPLASTIC_HEAD not in heads:
        return AUTOIMMUNE, {MONDO}
    if keys & sp.INFLAMMATORY and sp.NEOPLASTIC_HEAD not in heads:
        return INFLAMMATORY, {MONDO}
    if IMMUNE_HEAD in heads or (not heads and keys & IMMUNE_CLASSES):
        return IMMUNE, {ORPHANET if heads else MONDO}
    if sp.HEMATOLOGIC_HEAD in heads or (not heads and BLOOD_CLASS in keys):
        return BLOOD, {ORPHANET if heads else MONDO}
    if ALLERGIC_HEAD in heads or (not heads and ALLERGIC_CLASS in keys):
        return ALLERGIC, {ORPHANET if heads else MONDO}
    return None


def _tumour(heads: frozenset[str], classes: Mapping[str, int]) -> tuple[Kind, set[str]] | None:
    """A tumour, as the specialist rules tell one (a Mondo neoplasm, not a predisposition, and
    Orphanet's neoplastic disease where Orphanet classifies it)."""
    keys = classes.keys()
    if sp.NEOPLASM in keys and sp.PREDISPOSITION not in keys:
        if heads and sp.NEOPLASTIC_HEAD not in heads:
            return None
        whose = {MONDO, ORPHANET} if heads else {MONDO}
        if sp.BENIGN in keys:
            return BENIGN_TUMOUR, whose
        if CANCER_CLASS in keys:
            return (BLOOD_CANCER if keys & sp.BLOOD_CANCERS else CANCER), whose
        return TUMOUR, whose
    if not classes and sp.NEOPLASTIC_HEAD in heads and sp.GENETIC_HEAD not in heads:
        return TUMOUR, {ORPHANET}
    return None


def _genetic(heads: frozenset[str], told: Told, used: set[str]) -> bool:
    """Whether the facts say it is genetic (see the module's rules)."""
    if told.family:
        if sp.GENETIC_HEAD in heads and not _only_multifactorial(told.facts):
            used.add(ORPHANET)
            return True
        if told.genetic_types and told.types > 1:
            used.add(HPO)  # each of its types is, by the rules the specialists follow
            return True
        return False
    if _mendelian(told.facts):
        used.add(ORPHANET)
        return True
    stated = {fact.value for fact in told.facts if fact.kind == "inheritance"}
    if heads or stated:
        if sp.GENETIC_HEAD not in heads or _only_multifactorial(told.facts):
            return False
        if stated - _SILENT != {_NOT_INHERITED}:
            used.add(ORPHANET)
            return True
        # Orphanet's genetic head, for a disease it says is not inherited (Whipple disease, for
        # a susceptibility): genetic only where Mondo says so too (Down syndrome).
        if told.classes.keys() & GENETIC_CLASSES:
            used.update((ORPHANET, MONDO))
            return True
        return False
    if any(mode(item.name) in MENDELIAN for item in told.inheritance):
        used.add(HPO)
        return True
    if told.classes.keys() & GENETIC_CLASSES:
        used.add(MONDO)
        return True
    return False


def _mendelian(facts: Sequence[Fact]) -> bool:
    """Whether Orphanet gives a Mendelian mode, or a gene whose inherited changes cause it."""
    return any(
        (fact.kind == "inheritance" and mode(fact.value) in MENDELIAN)
        or (fact.kind == "gene" and fact.detail.startswith("Disease-causing germline"))
        for fact in facts
    )


def _only_multifactorial(facts: Sequence[Fact]) -> bool:
    stated = {fact.value for fact in facts if fact.kind == "inheritance"}
    return MULTIFACTORIAL in stated and stated <= {MULTIFACTORIAL, _NOT_INHERITED, *_SILENT}


def _rare(facts: Sequence[Fact]) -> bool:
    """Rare where the figure the key facts show is at most 1-5 / 10 000 (not a yearly
    incidence: a long disease may be common with few new cases a year), or Orphanet knows it
    from single cases or families only."""
    found = prevalence(facts)
    if found is None:
        return False
    if not found.values:
        return True
    return found.kind != _INCIDENCE and all(
        PREVALENCE_WORDS.get(value, ("", False))[1] for value in found.values
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
    if kind.systems:  # an eye disease that also affects the skin
        return f"also {{verb}} {places}"
    many = sum(1 for share in shares.values() if share >= SOME_SHARE) >= MANY_SYSTEMS
    if sum(share for _, share in shown) >= MOSTLY:
        return f"mainly {{verb}} {places}"
    if many:
        return f"{{verb}} many parts of the body, most of all {places}"
    return f"{{verb}} {places}"


def _list(items: Sequence[str]) -> str:
    if len(items) == 1:
        return items[0]
    comma = (
        "," if any(" and " in item for item in items) else ""
    )  # "the eyes, and the bones and joints"
    return f"{', '.join(items[:-1])}{comma} and {items[-1]}"


# -- the facts of the second sentence ----------------------------------------------------------


def _clauses(told: Told, used: set[str]) -> list[str]:
    """What it does, each with its fact: 'is passed on in an autosomal dominant way'."""
    found = [
        _inheritance(told, used),
        _genes(told.facts, used),
        _prevalence(told.facts, used),
        _onset(told, used),
    ]
    return [clause for clause in found if clause]


def _and(clauses: Sequence[str]) -> str:
    return clauses[0] if len(clauses) == 1 else f"{', '.join(clauses[:-1])} and {clauses[-1]}"


def _inheritance(told: Told, used: set[str]) -> str:
    """Orphanet's word, where no HPO entry says otherwise; an OMIM entry's (or several that
    agree) for the families they describe, where Orphanet says nothing."""
    found = inheritance(told.facts, told.inheritance)
    stated = set(found.stated) - _UNSAID
    if stated:
        if found.others or _UNKNOWN in stated:
            return ""  # the sources differ, or Orphanet doubts: the key facts say so
        modes = list(found.modes)
        if stated == {_NOT_INHERITED}:
            used.add(ORPHANET)
            return "is not usually inherited"
        if _NOT_INHERITED in stated:
            return ""
        if modes == [_MULTIFACTORIAL]:
            used.add(ORPHANET)
            return "comes from several genes and other factors together"
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
    if modes == ["mitochondrial"]:
        return f"is passed on through the mother's mitochondria{where}"
    if len(modes) == 1:
        return f"is passed on in {MENDELIAN[modes[0]]} way{where}"
    first, *rest = (MENDELIAN[item] for item in modes)
    said = alternatives([first, *(words.split(" ", 1)[1] for words in rest)])
    return f"can be passed on in {said} way{where}"


def _genes(facts: Sequence[Fact], used: set[str]) -> str:
    genes = causal_genes(facts)
    if not genes:
        return ""
    used.add(ORPHANET)
    if len(genes) == 1:
        return f"is caused by changes in the {genes[0]} gene"
    if len(genes) <= 3:
        return f"is caused by changes in the {alternatives(genes)} gene"
    return f"is caused by changes in one of {len(genes)} genes"


def _prevalence(facts: Sequence[Fact], used: set[str]) -> str:
    found = prevalence(facts)
    if found is None:
        return ""
    if not found.values:
        used.add(ORPHANET)
        return "has been reported in only a few people or families"
    if len(found.values) > 1 or found.values[0] not in PREVALENCE_WORDS:
        return ""  # the key facts show figures that differ: no one number
    figure = PREVALENCE_WORDS[found.values[0]][0]
    place = _place(found.area)
    used.add(ORPHANET)
    if found.kind == _BIRTH:
        return f"affects {figure} babies born{place}"
    if found.kind == _INCIDENCE:
        return f"newly affects {figure} people{place} each year"
    return f"affects {figure} people{place}"


def _place(area: str) -> str:
    if not area or area == "Worldwide":
        return ""
    return f" in the {area}" if area.startswith(_THE) else f" in {area}"


def _onset(told: Told, used: set[str]) -> str:
    """Orphanet's ages of onset, else the HPO's (as the key facts choose)."""
    named = orphanet_onsets(told.facts)
    if named:
        used.add(ORPHANET)
        if named == [ALL_AGES]:
            return "can start at any age"
        ages = sorted({_AGE_OF[age] for age in named if age in _AGE_OF})
    else:
        ages = sorted({_AGE_OF[item.name] for item in told.onsets if item.name in _AGE_OF})
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
    scale = sorted({_AGE_OF[age] for age in _ORPHANET_AGES}) if orphanet else range(len(AGES))
    steps = [scale.index(age) for age in ages]
    return steps == list(range(steps[0], steps[0] + len(steps)))


_ORPHANET_AGES = ("Antenatal", "Neonatal", "Infancy", "Childhood", "Adolescent", "Adult", "Elderly")
