"""Who looks after what: the tables the specialist rules (`specialists`) read.

- SPECIALTIES: each specialty, its pediatric form and the organ systems whose features it looks
  after (what measures how central it is to a disease).
- SYSTEM_OF_CATEGORY and BRANCHES: the organ systems of an HPO feature.
- HEADS: Orphanet's 31 classification heads, one line each, in the order that breaks ties (the
  specialist of what the disease is before those of where it shows). Each code is checked
  against the Orphanet digest by a test.
- MONDO_CLASSES: the Mondo classes that say who to see when Orphanet does not classify a
  disease, and the groups the general rules ask about (a cancer, an inborn error of
  intermediary metabolism, ...). Each id and label is Mondo's own (checked against the digest
  and, where they are at hand, Mondo's files, by a test).

Read only while the index is built.
"""

from typing import NamedTuple

NEUROLOGIST = "neurologist"
OPHTHALMOLOGIST = "ophthalmologist"
ENT = "ENT specialist"
ENT_AUDIOLOGY = "ENT specialist and audiologist"
CARDIOLOGIST = "cardiologist"
VASCULAR = "vascular specialist"
IMMUNOLOGIST = "immunologist"
ALLERGIST = "allergist"
RHEUMATOLOGIST = "rheumatologist"
NEPHROLOGIST = "nephrologist"
UROLOGIST = "urologist"
GYNECOLOGIST = "gynecologist"
FERTILITY = "fertility specialist"
METABOLIC = "metabolic specialist"
DERMATOLOGIST = "dermatologist"
ENDOCRINOLOGIST = "endocrinologist"
GASTROENTEROLOGIST = "gastroenterologist"
HEPATOLOGIST = "hepatologist"
PULMONOLOGIST = "pulmonologist"
HEMATOLOGIST = "hematologist"
ONCOLOGIST = "oncologist"
HEMATO_ONCOLOGIST = "hematologist-oncologist"
ORTHOPEDIC = "orthopedic specialist"
DENTIST = "dentist"
MAXILLOFACIAL = "maxillofacial surgeon"
THORACIC_SURGEON = "thoracic surgeon"
SURGEON = "general surgeon"
INFECTIOUS = "infectious disease specialist"
BREAST = "breast specialist"
GENETICIST = "clinical geneticist"

# Organ systems, named as a page says "its features are mostly ..." of them.
NERVOUS = "of the nervous system"
MUSCLES = "of the muscles"
EYE = "of the eye"
EAR = "of the ear"
VOICE = "of the voice"
HEART = "of the heart"
VESSELS = "of the blood vessels"
IMMUNE = "of the immune system"
KIDNEYS = "of the kidneys"
URINARY = "of the urinary tract"
GENITALS = "of the genitals"
FEMALE_GENITALS = "of the female genitals"
MALE_GENITALS = "of the male genitals"
METABOLISM = "metabolic"
SKIN = "of the skin"
ENDOCRINE = "of the endocrine glands"
GROWTH = "of growth"
DIGESTIVE = "of the digestive system"
LIVER = "of the liver"
LUNGS = "of the lungs and airways"
BLOOD = "of the blood"
TUMOURS = "tumours"
BONES = "of the bones and joints"
TEETH = "of the teeth"
HEAD = "of the head and neck"
BREASTS = "of the breast"
CHEST = "of the chest"
FERTILITY_SIGNS = "of fertility"
CONNECTIVE = "of the connective tissue"


class Specialty(NamedTuple):
    pediatric: str | None  # the name of its pediatric form, if it has one
    systems: tuple[str, ...]  # the organ systems whose features it looks after
    # An organ whose failure endangers life (heart, lungs, kidneys, liver): its features
    # count twice, as a clinician sees to it first; a bone or a skin sign can wait.
    vital: bool = False


SPECIALTIES: dict[str, Specialty] = {
    NEUROLOGIST: Specialty("pediatric neurologist", (NERVOUS, MUSCLES)),
    OPHTHALMOLOGIST: Specialty("pediatric ophthalmologist", (EYE,)),
    ENT: Specialty("pediatric ENT specialist", (EAR, VOICE)),
    ENT_AUDIOLOGY: Specialty("pediatric ENT specialist and audiologist", (EAR,)),
    CARDIOLOGIST: Specialty("pediatric cardiologist", (HEART,), vital=True),
    VASCULAR: Specialty(None, (VESSELS,)),
    IMMUNOLOGIST: Specialty("pediatric immunologist", (IMMUNE,)),
    ALLERGIST: Specialty(None, (IMMUNE,)),
    RHEUMATOLOGIST: Specialty("pediatric rheumatologist", (IMMUNE, BONES)),
    NEPHROLOGIST: Specialty("pediatric nephrologist", (KIDNEYS,), vital=True),
    UROLOGIST: Specialty("pediatric urologist", (URINARY, MALE_GENITALS, GENITALS)),
    GYNECOLOGIST: Specialty(None, (FEMALE_GENITALS, GENITALS, BREASTS)),
    FERTILITY: Specialty(None, (FERTILITY_SIGNS,)),
    METABOLIC: Specialty(None, (METABOLISM,)),
    DERMATOLOGIST: Specialty("pediatric dermatologist", (SKIN,)),
    ENDOCRINOLOGIST: Specialty("pediatric endocrinologist", (ENDOCRINE, GROWTH)),
    GASTROENTEROLOGIST: Specialty("pediatric gastroenterologist", (DIGESTIVE, LIVER)),
    HEPATOLOGIST: Specialty("pediatric hepatologist", (LIVER,), vital=True),
    PULMONOLOGIST: Specialty("pediatric pulmonologist", (LUNGS,), vital=True),
    HEMATOLOGIST: Specialty("pediatric hematologist", (BLOOD,)),
    ONCOLOGIST: Specialty("pediatric oncologist", (TUMOURS,)),
    HEMATO_ONCOLOGIST: Specialty("pediatric hematologist-oncologist", (BLOOD, TUMOURS)),
    ORTHOPEDIC: Specialty("pediatric orthopedic specialist", (BONES,)),
    DENTIST: Specialty("pediatric dentist", (TEETH,)),
    MAXILLOFACIAL: Specialty(None, (HEAD, TEETH)),
    THORACIC_SURGEON: Specialty(None, (CHEST,)),
    SURGEON: Specialty("pediatric surgeon", (DIGESTIVE, LIVER)),
    INFECTIOUS: Specialty(None, (IMMUNE,)),
    BREAST: Specialty(None, (BREASTS,)),
    GENETICIST: Specialty(None, ()),
}

# The organ systems of a feature: that of each organ system of the HPO (a child of
# HP:0000118, in SYSTEM_OF_CATEGORY) it lies in, or, where it lies in branches listed here for
# that organ system, theirs (a joint contracture is of the muscles and of the joints).
BRANCHES: dict[int, tuple[tuple[int, str], ...]] = {
    33127: (  # the musculoskeletal system
        (929, HEAD),  # Abnormal skull morphology: the face's bones, seen as the face
        (3011, MUSCLES),  # Abnormality of the musculature: a muscle disease is a neurologist's
        (11729, BONES),  # Abnormality of joint mobility
        (3549, CONNECTIVE),  # Abnormality of connective tissue: a keloid is not of the bones
    ),
    1939: (  # metabolism and homeostasis: blood sugar and calcium are the glands'
        (11014, ENDOCRINE),  # Abnormal glucose homeostasis: diabetes, hypoglycemia
        (4363, ENDOCRINE),  # Abnormal circulating calcium concentration
    ),
    40064: ((3011, MUSCLES), (11729, BONES)),  # limbs: their muscles, their joints
    1626: (  # the cardiovascular system
        (1679, HEART),  # Abnormal aortic morphology: the aorta is a cardiologist's
        (6704, HEART),  # Abnormal coronary artery morphology: the heart's own arteries
        (2597, VESSELS),  # Abnormality of the vasculature
        # Abnormal bleeding: a joint or gut bleed (hemophilia) is the blood's, not the heart's;
        # a bleed that is also of the vasculature (a ruptured aneurysm) stays the vessels' too
        (1892, BLOOD),
    ),
    119: (  # the genitourinary system
        (789, FERTILITY_SIGNS),  # Infertility
        (10460, FEMALE_GENITALS),  # Abnormality of the female genitalia: a gynecologist's
        (10461, MALE_GENITALS),  # Abnormality of the male genitalia: a urologist's
        (78, GENITALS),  # Abnormality of the genital system
        (77, KIDNEYS),  # Abnormality of the kidney
        # Abnormal urine metabolite level: a sign of metabolism found in the urine (dicarboxylic
        # aciduria, myoglobinuria), not of the urinary tract; a urine protein level stays its
        (33354, METABOLISM),
    ),
    25031: ((1392, LIVER), (4297, LIVER)),  # digestive: the liver, the biliary system
    152: ((164, TEETH),),  # head or neck: Abnormality of the dentition
}
# A system that gives way to another the same feature lies in: the aorta is a vessel, but a
# cardiologist's; the HPO puts the lymphatic system (tonsils, thymus, lymph nodes, spleen)
# under both the vasculature and the immune system, and it is not of the blood vessels; female
# genitals are genitals; hypogonadism is of the genitals and of the glands, and the glands'
# (an endocrinologist's).
GIVES_WAY: dict[str, frozenset[str]] = {
    VESSELS: frozenset({HEART, IMMUNE}),
    CONNECTIVE: frozenset({BONES, MUSCLES}),  # a contracture: of the joints and muscles
    GENITALS: frozenset({FEMALE_GENITALS, MALE_GENITALS, FERTILITY_SIGNS, ENDOCRINE}),
}
# Recurrent infections: of the immune system for the HPO, and for who to see (an
# immunologist looks for why), but where they are of an organ too (recurrent chest
# infections), a page does not say the disease affects the immune system for them: cystic
# fibrosis and primary ciliary dyskinesia "affected the immune system". Counted apart, as a
# part of the immune system's weight that no specialist and no words take.
RECURRENT_INFECTIONS = 2719
ORGAN_INFECTIONS = "infections of an organ"
SYSTEM_OF_CATEGORY: dict[int, str] = {
    707: NERVOUS,  # Abnormality of the nervous system
    478: EYE,
    598: EAR,
    1608: VOICE,
    1626: HEART,  # the cardiovascular system
    2715: IMMUNE,
    119: URINARY,  # the genitourinary system
    1939: METABOLISM,
    1574: SKIN,  # the integument
    818: ENDOCRINE,
    1507: GROWTH,
    25031: DIGESTIVE,
    2086: LUNGS,
    1871: BLOOD,  # blood and blood-forming tissues
    2664: TUMOURS,  # Neoplasm
    33127: BONES,  # the musculoskeletal system
    40064: BONES,  # limbs
    152: HEAD,  # head or neck
    769: BREASTS,
    45027: CHEST,  # the thoracic cavity
}
# When a disease is classified by neither Orphanet nor Mondo: who looks after the organ
# systems of its features. The head, growth, chest and the systems of no one specialty are
# left out: dysmorphic features are a geneticist's, and the genetic rule adds one.
SPECIALIST_OF_SYSTEM: dict[str, str] = {
    NERVOUS: NEUROLOGIST,
    MUSCLES: NEUROLOGIST,
    EYE: OPHTHALMOLOGIST,
    EAR: ENT_AUDIOLOGY,
    VOICE: ENT,
    HEART: CARDIOLOGIST,
    VESSELS: VASCULAR,
    IMMUNE: IMMUNOLOGIST,
    KIDNEYS: NEPHROLOGIST,
    URINARY: UROLOGIST,
    MALE_GENITALS: UROLOGIST,
    FEMALE_GENITALS: GYNECOLOGIST,
    FERTILITY_SIGNS: FERTILITY,
    METABOLISM: METABOLIC,
    SKIN: DERMATOLOGIST,
    ENDOCRINE: ENDOCRINOLOGIST,
    DIGESTIVE: GASTROENTEROLOGIST,
    LIVER: HEPATOLOGIST,
    LUNGS: PULMONOLOGIST,
    BLOOD: HEMATOLOGIST,
    TUMOURS: ONCOLOGIST,
    BONES: ORTHOPEDIC,
    TEETH: DENTIST,
    BREASTS: BREAST,
}


class Head(NamedTuple):
    """An Orphanet classification head: its label (as the digest gives it), the specialists
    it names (the first whose organ systems hold most of the features; none: see the rules),
    and how a page says it ("Orphanet classifies it as a rare neurologic disease")."""

    label: str
    specialists: tuple[str, ...]
    words: str


# fmt: off
HEADS: dict[str, Head] = {
    # What the disease is: a tumour, a metabolic, immune, blood, systemic or infectious disease.
    "ORPHA:250908": Head("Rare neoplastic disease", (ONCOLOGIST,), "a rare neoplastic disease"),
    "ORPHA:68367": Head("Rare inborn errors of metabolism", (METABOLIC,), "a rare inborn error of metabolism"),  # noqa: E501
    "ORPHA:98004": Head("Rare immune disease", (IMMUNOLOGIST,), "a rare immune disease"),
    "ORPHA:97992": Head("Rare hematologic disease", (HEMATOLOGIST,), "a rare hematologic disease"),
    "ORPHA:98023": Head("Rare systemic or rheumatologic disease", (RHEUMATOLOGIST,), "a rare systemic or rheumatologic disease"),  # noqa: E501
    "ORPHA:68416": Head("Rare infectious disease", (INFECTIOUS,), "a rare infectious disease"),
    "ORPHA:98050": Head("Rare allergic disease", (ALLERGIST,), "a rare allergic disease"),
    # Where it shows: an organ.
    "ORPHA:98006": Head("Rare neurologic disease", (NEUROLOGIST,), "a rare neurologic disease"),
    "ORPHA:97929": Head("Rare cardiac disease", (CARDIOLOGIST,), "a rare cardiac disease"),
    "ORPHA:97955": Head("Rare respiratory disease", (PULMONOLOGIST,), "a rare respiratory disease"),
    "ORPHA:93626": Head("Rare renal disease", (NEPHROLOGIST,), "a rare renal disease"),
    "ORPHA:57146": Head("Rare hepatic disease", (HEPATOLOGIST,), "a rare hepatic disease"),
    "ORPHA:97935": Head("Rare gastroenterologic disease", (GASTROENTEROLOGIST,), "a rare gastroenterologic disease"),  # noqa: E501
    "ORPHA:97978": Head("Rare endocrine disease", (ENDOCRINOLOGIST,), "a rare endocrine disease"),
    "ORPHA:89826": Head("Rare skin disease", (DERMATOLOGIST,), "a rare skin disease"),
    "ORPHA:97966": Head("Rare ophthalmic disorder", (OPHTHALMOLOGIST,), "a rare ophthalmic disorder"),  # noqa: E501
    "ORPHA:98036": Head("Rare otorhinolaryngologic disease", (ENT,), "a rare otorhinolaryngologic disease"),  # noqa: E501
    "ORPHA:93419": Head("Rare bone disease", (ORTHOPEDIC,), "a rare bone disease"),
    # A vascular specialist, or a cardiologist where the features are of the heart or aorta.
    "ORPHA:98028": Head("Rare circulatory system disease", (VASCULAR, CARDIOLOGIST), "a rare circulatory system disease"),  # noqa: E501
    "ORPHA:96344": Head("Rare gynecologic or obstetric disease", (GYNECOLOGIST,), "a rare gynecologic or obstetric disease"),  # noqa: E501
    "ORPHA:98047": Head("Rare infertility", (FERTILITY,), "a rare cause of infertility"),
    "ORPHA:101433": Head("Rare urogenital disease", (UROLOGIST,), "a rare urogenital disease"),
    "ORPHA:98026": Head("Rare odontologic disease", (DENTIST,), "a rare odontologic disease"),
    # What is done for it: surgery (a heart defect is first a cardiologist's).
    "ORPHA:97965": Head("Rare surgical cardiac disease", (CARDIOLOGIST,), "a rare surgical cardiac disease"),  # noqa: E501
    "ORPHA:68329": Head("Rare maxillo-facial surgical disease", (MAXILLOFACIAL,), "a rare maxillo-facial surgical disease"),  # noqa: E501
    "ORPHA:97962": Head("Rare surgical thoracic disease", (THORACIC_SURGEON,), "a rare surgical thoracic disease"),  # noqa: E501
    "ORPHA:165711": Head("Rare abdominal surgical disease", (SURGEON,), "a rare abdominal surgical disease"),  # noqa: E501
    # No specialty of their own. A teratologic disease (harm before birth) is a clinical
    # geneticist's to recognise; a genetic one adds a geneticist after the organ specialists.
    "ORPHA:52662": Head("Rare teratologic disease", (GENETICIST,), "a rare teratologic disease (harm before birth)"),  # noqa: E501
    "ORPHA:98053": Head("Rare genetic disease", (), "a rare genetic disease"),
    "ORPHA:93890": Head("Rare developmental defect during embryogenesis", (), "a rare developmental defect"),  # noqa: E501
    "ORPHA:108999": Head("Rare disorder due to toxic effects", (), "a rare disorder due to toxic effects"),  # noqa: E501
}
# fmt: on
GENETIC_HEAD = "ORPHA:98053"
TERATOLOGIC_HEAD = "ORPHA:52662"
NEOPLASTIC_HEAD = "ORPHA:250908"
METABOLIC_HEAD = "ORPHA:68367"
SYSTEMIC_HEAD = "ORPHA:98023"
HEMATOLOGIC_HEAD = "ORPHA:97992"
# The heads that say what a disease is rather than where it shows: their specialist counts the
# features of its organ systems twice (an immune disease shows in the skin, lungs and gut).
MECHANISM_HEADS = frozenset(
    {METABOLIC_HEAD, "ORPHA:98004", HEMATOLOGIC_HEAD, SYSTEMIC_HEAD, "ORPHA:68416"}
)
# The heads that name a surgeon say what may be done, for some: however narrow, they tell
# no more than the broadest head how central the surgeon is. So does the neoplastic head of
# a disease that is no tumour itself: tumours may arise (neurofibromatosis type 1), and a
# tumour itself sees an oncologist first by a rule of its own.
SURGICAL_HEADS = frozenset({"ORPHA:68329", "ORPHA:97962", "ORPHA:165711"})
UNWEIGHTED_HEADS = SURGICAL_HEADS | {NEOPLASTIC_HEAD}


class MondoKind(NamedTuple):
    """A Mondo class: its label (Mondo's), the specialist it names, if any, and how a sentence
    says one is of it where the label alone would not do (a plural label)."""

    label: str
    specialist: str | None
    one: str = ""  # "an inborn error of metabolism"


# fmt: off
MONDO_CLASSES: dict[str, MondoKind] = {
    # Tumours.
    "MONDO:0005070": MondoKind("neoplasm", ONCOLOGIST),
    "MONDO:0004992": MondoKind("cancer", ONCOLOGIST),
    "MONDO:0005165": MondoKind("benign neoplasm", None),
    "MONDO:0015356": MondoKind("hereditary neoplastic syndrome", ONCOLOGIST),
    "MONDO:0002334": MondoKind("hematopoietic and lymphoid system neoplasm", HEMATO_ONCOLOGIST),
    "MONDO:0044881": MondoKind("hematopoietic and lymphoid cell neoplasm", HEMATO_ONCOLOGIST),
    # Metabolism: the groups of intermediary metabolism and storage are a metabolic
    # specialist's first; transport disorders are the transporting organ's.
    "MONDO:0019052": MondoKind("inborn errors of metabolism", METABOLIC, "an inborn error of metabolism"),  # noqa: E501
    "MONDO:0004736": MondoKind("inborn disorder of amino acid metabolism", METABOLIC),
    "MONDO:0019189": MondoKind("inborn disorder of amino acid and other organic acid metabolism", METABOLIC),  # noqa: E501
    "MONDO:0000688": MondoKind("inborn organic aciduria", METABOLIC),
    "MONDO:0004739": MondoKind("urea cycle disorder", METABOLIC),
    "MONDO:0002561": MondoKind("lysosomal storage disease", METABOLIC),
    "MONDO:0019053": MondoKind("peroxisomal disease", METABOLIC),
    "MONDO:0015286": MondoKind("congenital disorder of glycosylation", METABOLIC),
    "MONDO:0017713": MondoKind("disorder of fatty acid oxidation and ketogenesis", METABOLIC),
    "MONDO:0019223": MondoKind("disorder of fatty acid and ketone body metabolism", METABOLIC),
    "MONDO:0019214": MondoKind("inborn carbohydrate metabolic disorder", METABOLIC),
    "MONDO:0002412": MondoKind("disorder of glycogen metabolism", METABOLIC),
    "MONDO:0019254": MondoKind("inborn disorder of purine or pyrimidine metabolism", METABOLIC),
    "MONDO:0019240": MondoKind("sterol biosynthesis disorder", METABOLIC),
    "MONDO:0019216": MondoKind("inborn disorder of amino acid transport", None),
    "MONDO:0017757": MondoKind("disorder of metabolite absorption and transport", None),
    "MONDO:0018134": MondoKind("disorder of melanin metabolism", None),
    # Immunity and systemic inflammation.
    "MONDO:0003778": MondoKind("inborn error of immunity", IMMUNOLOGIST),
    "MONDO:0015131": MondoKind("combined immunodeficiency", IMMUNOLOGIST),
    "MONDO:0017769": MondoKind("acquired immunodeficiency", IMMUNOLOGIST),
    "MONDO:0005554": MondoKind("rheumatic disorder", RHEUMATOLOGIST),
    "MONDO:0018882": MondoKind("vasculitis", RHEUMATOLOGIST),
    "MONDO:0019751": MondoKind("autoinflammatory syndrome", RHEUMATOLOGIST),
    "MONDO:0005578": MondoKind("arthritic joint disease", RHEUMATOLOGIST),
    "MONDO:0007179": MondoKind("autoimmune disease", None),
    "MONDO:0005271": MondoKind("allergic disease", ALLERGIST),
    "MONDO:0005550": MondoKind("infectious disease", INFECTIOUS),
    # Organs.
    "MONDO:0005071": MondoKind("nervous system disorder", NEUROLOGIST),
    "MONDO:0019056": MondoKind("neuromuscular disease", NEUROLOGIST),
    "MONDO:0003620": MondoKind("peripheral nervous system disorder", NEUROLOGIST),
    "MONDO:0005336": MondoKind("myopathy", NEUROLOGIST),
    "MONDO:0020120": MondoKind("skeletal muscle disorder", NEUROLOGIST),
    "MONDO:0005328": MondoKind("eye disorder", OPHTHALMOLOGIST),
    "MONDO:0002467": MondoKind("inner ear disorder", ENT_AUDIOLOGY),
    "MONDO:0004867": MondoKind("upper respiratory tract disorder", ENT),
    "MONDO:0005267": MondoKind("heart disorder", CARDIOLOGIST),
    "MONDO:0005385": MondoKind("vascular disorder", VASCULAR),
    "MONDO:0005087": MondoKind("respiratory system disorder", PULMONOLOGIST),
    "MONDO:0005240": MondoKind("kidney disorder", NEPHROLOGIST),
    "MONDO:0002118": MondoKind("urinary system disorder", UROLOGIST),
    "MONDO:0002263": MondoKind("female reproductive system disorder", GYNECOLOGIST),
    "MONDO:0005154": MondoKind("liver disorder", HEPATOLOGIST),
    "MONDO:0004335": MondoKind("digestive system disorder", GASTROENTEROLOGIST),
    "MONDO:0005151": MondoKind("endocrine system disorder", ENDOCRINOLOGIST),
    "MONDO:0005093": MondoKind("skin disorder", DERMATOLOGIST),
    "MONDO:0005570": MondoKind("hematologic disorder", HEMATOLOGIST),
    "MONDO:0005381": MondoKind("bone disorder", ORTHOPEDIC),
    "MONDO:0018230": MondoKind("skeletal dysplasia", ORTHOPEDIC),
    "MONDO:0006999": MondoKind("tooth disorder", DENTIST),
    # A clinical geneticist's: inherited, a chromosome's, a syndrome of malformations.
    "MONDO:0003847": MondoKind("hereditary disease", None),
    "MONDO:0019040": MondoKind("chromosomal disorder", None),
    "MONDO:0019042": MondoKind("multiple congenital anomalies/dysmorphic syndrome", None),
}
# fmt: on
NEOPLASM = "MONDO:0005070"
BENIGN = "MONDO:0005165"
PREDISPOSITION = "MONDO:0015356"
BLOOD_CANCERS = frozenset({"MONDO:0002334", "MONDO:0044881"})
CHROMOSOMAL = "MONDO:0019040"  # a chromosomal disorder
MALFORMATION_SYNDROME = "MONDO:0019042"  # multiple congenital anomalies/dysmorphic syndrome
GENETIC_CLASSES = ("MONDO:0003847", CHROMOSOMAL, MALFORMATION_SYNDROME)
# An inborn error of intermediary metabolism or storage: a metabolic specialist's first.
INTERMEDIARY_METABOLISM = frozenset(
    {
        "MONDO:0004736",
        "MONDO:0019189",
        "MONDO:0000688",
        "MONDO:0004739",
        "MONDO:0002561",
        "MONDO:0019053",
        "MONDO:0015286",
        "MONDO:0017713",
        "MONDO:0019223",
        "MONDO:0019214",
        "MONDO:0002412",
        "MONDO:0019254",
        "MONDO:0019240",
    }
)
METABOLITE_TRANSPORT = frozenset({"MONDO:0019216", "MONDO:0017757"})
# Albinism, a disorder of melanin metabolism (which Mondo classes with the amino acids'), is
# the skin's and the eyes', never a metabolic specialist's.
MELANIN = "MONDO:0018134"
# Systemic inflammation: a rheumatologist's.
INFLAMMATORY = frozenset({"MONDO:0005554", "MONDO:0018882", "MONDO:0019751", "MONDO:0005578"})
# A muscle or nerve disease; a muscle disease.
NEUROMUSCULAR = frozenset({"MONDO:0019056", "MONDO:0003620", "MONDO:0005336", "MONDO:0020120"})
MUSCLE_DISEASES = frozenset({"MONDO:0005336", "MONDO:0020120"})
