"""The plain words of condlookup's first sentences (see `summaries`): what each organ system,
kind of disease, mode of inheritance, prevalence class and age of onset is called; which
Orphanet heads and Mondo classes say each kind; and what the facts of a condition (`Told`) say
it is, and whether genetic.

Read only while the index is built.
"""

from collections.abc import Mapping, Sequence
from typing import NamedTuple

from condlookup.catalogue import specialties as sp
from condlookup.catalogue.evidence import MULTIFACTORIAL
from condlookup.catalogue.facts import Fact
from condlookup.catalogue.keyfacts import Said, mode

ORPHANET, HPO, MONDO, DECIPHER = "Orphanet", "HPO", "Mondo", "DECIPHER"
SOURCES = (ORPHANET, HPO, MONDO, DECIPHER)  # the order the mark names them in

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
BLOOD_CANCER = Kind(
    "blood cancer", "blood cancers", frozenset({sp.TUMOURS, sp.BLOOD}), genetic=False
)
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
GENETIC_CLASSES = frozenset({"MONDO:0003847", sp.CHROMOSOMAL})

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
MULTIFACTORIAL_MODE = mode(MULTIFACTORIAL)
# Orphanet's words for an inheritance that say it is not one of a gene.
NOT_INHERITED = "Not applicable"
UNKNOWN = "Unknown"
UNSAID = frozenset({"No data available", "Not yet documented"})  # the key facts say nothing
SILENT = UNSAID | {UNKNOWN}

# Orphanet's prevalence classes, in words, and whether they are rare (at most 1 in 2,000).
PREVALENCE_WORDS: dict[str, tuple[str, bool]] = {
    "<1 / 1 000 000": ("fewer than 1 in 1,000,000", True),
    "1-9 / 1 000 000": ("about 1 to 9 in 1,000,000", True),
    "1-9 / 100 000": ("about 1 to 9 in 100,000", True),
    "1-5 / 10 000": ("about 1 to 5 in 10,000", True),
    "6-9 / 10 000": ("about 6 to 9 in 10,000", False),
    ">1 / 1000": ("more than 1 in 1,000", False),
}
POINT, BIRTH, INCIDENCE = "Point prevalence", "Prevalence at birth", "Annual incidence"
# Places said with "the".
THE = ("United ", "Netherlands", "Czech Republic", "Philippines", "Republic of")

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
AGE_OF: dict[str, int] = {
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
    "Young adult onset": 6,
    "Early young adult onset": 6,
    "Intermediate young adult onset": 6,
    "Late young adult onset": 6,
    "Adult onset": 7,
    "Middle age onset": 8,
    "Late onset": 9,
}
# The HPO's onsets that span two of AGES: juvenile onset is from 5 to 15 years (hp.obo).
AGE_SPANS: dict[str, tuple[int, ...]] = {"Juvenile onset": (4, 5)}


def ages_of(name: str) -> tuple[int, ...]:
    """The places in AGES of an age of onset (Orphanet's or the HPO's name); () for a name
    that is not one."""
    if name in AGE_SPANS:
        return AGE_SPANS[name]
    return (AGE_OF[name],) if name in AGE_OF else ()


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
    # A DECIPHER entry: DECIPHER's syndromes are each a piece of a chromosome lost or gained.
    copy_number: bool = False


# -- what it is, from the facts ------------------------------------------------------------


def kind_of(heads: frozenset[str], told: Told, used: set[str]) -> Kind:
    classes = told.classes
    found = _what(heads, classes, told.facts)
    if found is not None:
        kind, whose = found
        used.update(whose)
        return kind
    organs = {ORGAN_HEADS[head] for head in heads if head in ORGAN_HEADS}
    organ_classes = {ORGAN_CLASSES[key] for key in told.specific if key in ORGAN_CLASSES}
    if organs:
        if len(organs) > 1 or classes.keys() & {sp.CHROMOSOMAL, sp.MALFORMATION_SYNDROME}:
            # Orphanet's organs say where it shows, and so do the systems; a syndrome of a
            # chromosome or of malformations is no one organ's (cri-du-chat syndrome is under
            # Orphanet's eye head alone).
            return CONDITION
        organ = organs.pop()
        if organ == NERVOUS_SYSTEM and MUSCLE in organ_classes:
            # Orphanet's neurologic head holds the muscle diseases; Mondo tells them apart
            # (facioscapulohumeral muscular dystrophy, hypokalemic periodic paralysis).
            used.update((ORPHANET, MONDO))
            return MUSCLE
        used.add(ORPHANET)
        return organ
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
    if INFECTIOUS_HEAD in heads and not mendelian(facts):
        return INFECTION, {ORPHANET}
    if not heads and INFECTIOUS_CLASS in keys and not mendelian(facts):
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


def is_genetic(heads: frozenset[str], told: Told, used: set[str]) -> bool:
    """Whether the facts say it is genetic (see the module's rules)."""
    if told.family:
        if sp.GENETIC_HEAD in heads and not _only_multifactorial(told.facts):
            used.add(ORPHANET)
            return True
        if told.genetic_types and told.types > 1:
            used.add(HPO)  # each of its types is, by the rules the specialists follow
            return True
        return False
    if mendelian(told.facts):
        used.add(ORPHANET)
        return True
    if sp.CHROMOSOMAL in told.classes:
        # A chromosome's disorder is genetic, inherited or not, whatever the inheritance
        # Orphanet gives (Prader-Willi syndrome; Wolf-Hirschhorn syndrome, "multifactorial").
        used.add(MONDO)
        return True
    stated = {fact.value for fact in told.facts if fact.kind == "inheritance"}
    if mixed(told.facts) and any(mode(value) in MENDELIAN for value in stated):
        # Passed on in some families, not in most (Duane retraction syndrome): not called
        # genetic, even where Orphanet classes it so; its genes "can" cause it (`summaries`).
        # A syndrome of malformations with a Mendelian mode is genetic, the new cases too
        # (Kabuki syndrome: autosomal dominant, and "not applicable" for the new ones), unless
        # Orphanet says other factors play a part (holoprosencephaly).
        syndrome = sp.MALFORMATION_SYNDROME in told.classes and MULTIFACTORIAL not in stated
        if syndrome and sp.GENETIC_HEAD in heads:
            used.update((ORPHANET, MONDO))
            return True
        return False
    if heads or stated:
        if sp.GENETIC_HEAD not in heads or _only_multifactorial(told.facts):
            return False
        if stated - SILENT != {NOT_INHERITED}:
            used.add(ORPHANET)
            return True
        # Orphanet's genetic head, for a disease it says is not inherited (Whipple disease, for
        # a susceptibility): genetic only where Mondo says so too (Down syndrome).
        if told.classes.keys() & GENETIC_CLASSES:
            used.update((ORPHANET, MONDO))
            return True
        return False
    if told.inheritance and all(mode(item.name) in MENDELIAN for item in told.inheritance):
        used.add(HPO)  # a Mendelian mode, and no polygenic or sporadic form beside it
        return True
    if told.classes.keys() & GENETIC_CLASSES:
        used.add(MONDO)
        return True
    if told.copy_number:
        used.add(DECIPHER)
        return True
    return False


def mendelian(facts: Sequence[Fact]) -> bool:
    """Whether Orphanet gives a Mendelian mode, or a gene whose inherited changes cause it,
    and does not also say the disease is not inherited or multifactorial: a disease Orphanet
    says is passed on in some families and not in others (adiposis dolorosa: autosomal
    dominant and "not applicable"; systemic lupus erythematosus, a gene of a rare familial
    form) is not called genetic (`is_genetic`)."""
    stated = {fact.value for fact in facts if fact.kind == "inheritance"}
    if mixed(facts):
        return False
    if any(mode(value) in MENDELIAN for value in stated):
        return True
    return any(
        fact.kind == "gene" and fact.detail.startswith("Disease-causing germline") for fact in facts
    )


def mixed(facts: Sequence[Fact]) -> bool:
    """Whether Orphanet says the disease is, for some, not inherited or multifactorial."""
    return any(
        fact.kind == "inheritance" and fact.value in (NOT_INHERITED, MULTIFACTORIAL)
        for fact in facts
    )


def _only_multifactorial(facts: Sequence[Fact]) -> bool:
    stated = {fact.value for fact in facts if fact.kind == "inheritance"}
    return MULTIFACTORIAL in stated and stated <= {MULTIFACTORIAL, NOT_INHERITED, *SILENT}
