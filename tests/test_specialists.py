"""Who to see: the tables (each Orphanet head and Mondo class checked against the sources), the
rules on made-up diseases, the Mondo fallback, and the pages of well-known diseases."""

from __future__ import annotations

import gzip
from collections.abc import Mapping
from pathlib import Path

import pytest

from condlookup.catalogue import specialties as sp
from condlookup.catalogue.evidence import (
    Evidence,
    Kin,
    MondoKinds,
    Onset,
    gather,
    genetic_reason,
    head_weights,
    onset_of,
    systems_of_term,
)
from condlookup.catalogue.specialists import choose, for_family
from condlookup.catalogue.specialties import (
    BRANCHES,
    HEADS,
    MONDO_CLASSES,
    SPECIALIST_OF_SYSTEM,
    SPECIALTIES,
    SYSTEM_OF_CATEGORY,
)
from condlookup.library import Library
from condlookup.sources import mondo, orphanet

# Mondo's own files, beside the checkout as ../shared (see tests/data/mondo-sources/README.md).
MONDO_FILES = Path(__file__).resolve().parents[2] / "shared" / "data" / "mondo"

NEOPLASTIC = "ORPHA:250908"
METABOLIC = "ORPHA:68367"
NEUROLOGIC = "ORPHA:98006"
BONE = "ORPHA:93419"
OPHTHALMIC = "ORPHA:97966"
GENETIC = "ORPHA:98053"
SYSTEMIC = "ORPHA:98023"
RENAL = "ORPHA:93626"
SKIN = "ORPHA:89826"
HEMATOLOGIC = "ORPHA:97992"
CARDIAC = "ORPHA:97929"
TERATOLOGIC = "ORPHA:52662"
# HPO organ systems (children of HP:0000118) and branches, as feature ancestors.
NERVOUS, EYE, SKELETAL, MUSCULATURE, SKIN_TERMS, BLOOD = 707, 478, 33127, 3011, 1574, 1871


# -- the tables ----------------------------------------------------------------------------------


def test_every_orphanet_head_is_in_the_table_under_its_own_code_and_label() -> None:
    shipped = orphanet.read()
    assert {code: head.label for code, head in HEADS.items()} == shipped.heads
    assert len(HEADS) == 31


def test_every_specialist_the_tables_name_is_a_specialty() -> None:
    named = {name for head in HEADS.values() for name in head.specialists}
    named |= {kind.specialist for kind in MONDO_CLASSES.values() if kind.specialist}
    named |= set(SPECIALIST_OF_SYSTEM.values())
    assert named <= set(SPECIALTIES)
    systems = {*SYSTEM_OF_CATEGORY.values()}
    systems |= {system for found in BRANCHES.values() for _, system in found}
    assert {system for item in SPECIALTIES.values() for system in item.systems} <= systems


def test_every_mondo_class_is_in_the_digest_with_its_label() -> None:
    classes = mondo.read().classes
    for mondo_id, kind in MONDO_CLASSES.items():
        assert mondo_id in classes, mondo_id
        if classes[mondo_id].label:  # the digest keeps labels of listed diseases only
            assert classes[mondo_id].label == kind.label, mondo_id


@pytest.mark.skipif(not MONDO_FILES.is_dir(), reason=f"Mondo's files are not at {MONDO_FILES}")
def test_every_mondo_class_has_its_label_in_mondos_own_files() -> None:
    labels: dict[str, str] = {}
    for path in sorted(MONDO_FILES.glob("*.tsv.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                cells = line.split("\t")
                if len(cells) > 1 and cells[0].startswith("MONDO:"):
                    labels.setdefault(cells[0], cells[1])
    for mondo_id, kind in MONDO_CLASSES.items():
        assert labels.get(mondo_id) == kind.label, mondo_id


# -- the rules, on made-up diseases ----------------------------------------------------------------


def features(*terms: tuple[tuple[int, ...], float]) -> list[tuple[tuple[str, ...], float]]:
    """Features given by their ancestors (HPO numbers) and weight."""
    return [(systems_of_term(ancestors), weight) for ancestors, weight in terms]


def who(
    heads: frozenset[str] | set[str] = frozenset(),
    classes: Mapping[str, int] | None = None,
    weights: list[tuple[tuple[str, ...], float]] | None = None,
    onset: Onset = "",
    genetic: str = "",
) -> list[tuple[str, str]]:
    found = choose(gather(frozenset(heads), classes or {}, weights or [], onset, genetic))
    return [(item.name, item.because) for item in found]


def names(found: list[tuple[str, str]]) -> list[str]:
    return [name for name, _ in found]


def test_a_tumour_sees_an_oncologist_first_a_pediatric_one_in_childhood() -> None:
    nervous = features(((NERVOUS,), 0.9), ((NERVOUS,), 0.9), ((NERVOUS,), 0.5))
    found = who({NEUROLOGIC, NEOPLASTIC}, {"MONDO:0005070": 3}, nervous, "child")
    assert names(found) == [
        "pediatric oncologist (children)",
        "oncologist",
        "pediatric neurologist (children)",
        "neurologist",
    ]
    assert found[0][1] == "it is a tumour: Orphanet classifies it as a rare neoplastic disease"
    # The same disease in adults: no pediatric form.
    assert names(who({NEUROLOGIC, NEOPLASTIC}, {"MONDO:0005070": 3}, nervous, "adult")) == [
        "oncologist",
        "neurologist",
    ]


def test_a_tumour_of_the_blood_sees_a_hematologist_oncologist() -> None:
    blood = features(((BLOOD,), 0.9))
    found = who({HEMATOLOGIC, NEOPLASTIC}, {"MONDO:0005070": 4, "MONDO:0044881": 2}, blood)
    assert names(found) == ["hematologist-oncologist"]


def test_a_benign_tumour_or_a_predisposition_is_not_a_tumour_first() -> None:
    skin = features(((SKIN_TERMS,), 0.9), ((SKIN_TERMS,), 0.9), ((NERVOUS,), 0.5))
    benign = {"MONDO:0005070": 3, "MONDO:0005165": 2}
    assert names(who({SKIN, NEOPLASTIC}, benign, skin))[0] == "dermatologist"
    predisposition = {"MONDO:0005070": 4, "MONDO:0015356": 2}
    found = who({SKIN, NEUROLOGIC, NEOPLASTIC, GENETIC}, predisposition, skin, "", "genetic")
    assert names(found)[:2] == ["dermatologist", "neurologist"]
    assert names(found)[-1] == "clinical geneticist"


def test_an_inborn_error_of_intermediary_metabolism_sees_a_metabolic_specialist_first() -> None:
    # Most of its features are of the brain, one in the blood's chemistry (phenylketonuria).
    brain = features(*[((NERVOUS,), 0.9)] * 6, ((1939,), 0.9))
    amino_acids = {"MONDO:0004736": 3, "MONDO:0019052": 5}
    found = who({METABOLIC, NEUROLOGIC, GENETIC}, amino_acids, brain, "child", "genetic")
    assert names(found) == [
        "metabolic specialist",
        "pediatric neurologist (children)",
        "neurologist",
        "clinical geneticist",
    ]
    assert found[0][1] == "Orphanet classifies it as a rare inborn error of metabolism"
    # None of its many features is metabolic (albinism, a disorder of tyrosine metabolism).
    pigment = features(*[((EYE,), 0.9)] * 4, *[((SKIN_TERMS,), 0.9)] * 2)
    albinism = names(who({METABOLIC, OPHTHALMIC, SKIN, GENETIC}, amino_acids, pigment))
    assert albinism == ["ophthalmologist", "dermatologist"]
    # A transport disorder (cystinuria) is its organ's first.
    kidneys = features(((119, 77), 0.9), ((119, 77), 0.9))
    transport = {**amino_acids, "MONDO:0019216": 2}
    assert names(who({METABOLIC, RENAL, GENETIC}, transport, kidneys))[0] == "nephrologist"
    # Mondo's disorder of melanin metabolism (albinism) is the eyes' and skin's even where no
    # Orphanet head tells them, and with no other class: never a metabolic specialist's.
    melanin = {**amino_acids, "MONDO:0018134": 1}
    assert "metabolic specialist" not in names(who(set(), melanin, pigment))
    assert names(who(set(), melanin, pigment))[0] == "ophthalmologist"
    # An inborn error whose features are all of the organs (a sphingolipidosis: the liver,
    # spleen, lungs) and whom nothing else classes keeps its metabolic specialist.
    storage = {"MONDO:0002561": 2, "MONDO:0019052": 3}
    assert names(who(set(), storage, pigment)) == ["metabolic specialist"]
    # A sterol biosynthesis disorder (Smith-Lemli-Opitz syndrome) is an inborn error of
    # intermediary metabolism: the metabolic specialist first, whatever organs it touches.
    bones = features(*[((SKELETAL,), 0.9)] * 6, ((1939,), 0.5))
    sterol = {"MONDO:0019240": 2, "MONDO:0019052": 3}
    sterol_found = names(who({METABOLIC, BONE, RENAL, GENETIC}, sterol, bones))
    assert sterol_found[0] == "metabolic specialist"


def test_an_inborn_error_shown_as_bouts_of_inflammation_sees_a_rheumatologist_first() -> None:
    # Mevalonate kinase deficiency: a sterol biosynthesis disorder and autoinflammatory.
    fevers = features(*[((SKIN_TERMS,), 0.9)] * 2, ((1939,), 0.9), ((2715,), 0.9))
    both = {"MONDO:0019240": 2, "MONDO:0019751": 1, "MONDO:0019052": 3}
    found = names(who({METABOLIC, SYSTEMIC, GENETIC}, both, fevers))
    assert found[:2] == ["rheumatologist", "metabolic specialist"]


def test_a_muscle_disease_with_skeletal_signs_sees_a_neurologist_before_an_orthopedist() -> None:
    # More of its features are of the bones (contractures, scoliosis) than of the muscles.
    signs = features(
        ((SKELETAL,), 0.9), ((SKELETAL,), 0.9), ((SKELETAL,), 0.9), ((SKELETAL, MUSCULATURE), 0.5)
    )
    myopathy = {"MONDO:0005336": 1}
    found = names(who({NEUROLOGIC, BONE, GENETIC}, myopathy, signs, "", "genetic"))
    assert found == ["neurologist", "orthopedic specialist", "clinical geneticist"]
    # Classified by neither Orphanet nor Mondo: the features alone name no orthopedic
    # specialist for a muscle disease, only for a bone one.
    weak = features(((SKELETAL, MUSCULATURE), 0.9), ((SKELETAL, MUSCULATURE), 0.9))
    assert names(who(weights=[*weak, *features(((SKELETAL,), 0.9))])) == ["neurologist"]
    assert names(who(weights=features(((SKELETAL,), 0.9))))[0] == "orthopedic specialist"


def test_a_genetic_eye_disease_sees_an_ophthalmologist_then_a_geneticist() -> None:
    eyes = features(*[((EYE,), 0.9)] * 5)
    because = genetic_reason(frozenset({OPHTHALMIC, GENETIC}), ["Autosomal recessive"], (), {}, {})
    found = who({OPHTHALMIC, NEUROLOGIC, GENETIC}, {}, eyes, "", because)
    # The neurologic head touches none of its features: left out.
    assert found == [
        ("ophthalmologist", "Orphanet classifies it as a rare ophthalmic disorder"),
        ("clinical geneticist", "Orphanet classifies it as a rare genetic disease"),
    ]


def test_childhood_onset_names_pediatric_forms() -> None:
    signs = features(*[((NERVOUS,), 0.9)] * 3, ((EYE,), 0.9), ((BLOOD,), 0.5))
    heads = {NEUROLOGIC, OPHTHALMIC, HEMATOLOGIC}
    # Each beside its adult form: children grow up, and the disease with them.
    assert names(who(heads, {}, signs, "child")) == [
        "pediatric neurologist (children)",
        "neurologist",
        "pediatric hematologist (children)",
        "hematologist",
        "pediatric ophthalmologist (children)",
        "ophthalmologist",
    ]
    # Onset at any age: the first in both forms, the others as they are.
    assert names(who(heads, {}, signs, "both"))[:3] == [
        "pediatric neurologist (children)",
        "neurologist",
        "hematologist",
    ]


def test_a_systemic_autoimmune_disease_sees_a_rheumatologist_a_genetic_one_none() -> None:
    skin = features(*[((SKIN_TERMS,), 0.9)] * 4, ((2715,), 0.5))
    found = names(who({SYSTEMIC, SKIN, RENAL}, {}, skin, "adult"))
    assert found[:2] == ["rheumatologist", "dermatologist"]
    # Marfan syndrome is a "systemic or rheumatologic" disease too, but genetic.
    genetic = names(who({SYSTEMIC, SKIN, GENETIC}, {}, skin, "", "genetic"))
    assert "rheumatologist" not in genetic


def test_a_surgeon_comes_after_the_organ_specialists_and_only_for_the_organ_operated_on() -> None:
    liver = features(*[((25031, 1392), 0.9)] * 4, ((NERVOUS,), 0.5))
    assert names(who({"ORPHA:165711", "ORPHA:57146"}, {}, liver)) == [
        "hepatologist",
        "general surgeon",
    ]
    # A few signs of the gut among many others: no surgeon.
    many = features(*[((NERVOUS,), 0.9)] * 9, ((25031,), 0.5))
    assert names(who({"ORPHA:165711", NEUROLOGIC}, {}, many)) == ["neurologist"]


def test_a_head_the_features_hardly_touch_is_left_out() -> None:
    eyes = features(*[((EYE,), 0.9)] * 20, ((EYE, NERVOUS), 0.5))  # photophobia
    assert names(who({OPHTHALMIC, NEUROLOGIC}, {}, eyes)) == ["ophthalmologist"]


def test_from_a_few_signs_alone_only_the_organs_most_of_them_are_of() -> None:
    toe = features(((SKELETAL,), 1.0), ((1939, 818), 0.5))  # one sign of unknown frequency
    assert names(who(weights=toe)) == ["orthopedic specialist"]
    male = features(((119, 78, 10461), 0.5))
    assert names(who(weights=male, genetic="inherited")) == ["urologist", "clinical geneticist"]


def test_mondo_classes_the_features_do_not_touch_are_left_out() -> None:
    # A retinal dystrophy is a "nervous system disorder" too, for Mondo.
    eye = features(((EYE,), 0.5))
    classes = {"MONDO:0005071": 4, "MONDO:0005328": 5}
    assert names(who(classes=classes, weights=eye)) == ["ophthalmologist"]
    assert names(who(classes=classes)) == ["neurologist", "ophthalmologist"]  # nothing to tell


def test_at_most_four_and_the_geneticist_last() -> None:
    signs = features(*[((category,), 0.9) for category in (707, 478, 1626, 1574, 2086, 1871)])
    heads = {NEUROLOGIC, OPHTHALMIC, CARDIAC, SKIN, "ORPHA:97955", HEMATOLOGIC, GENETIC}
    found = names(who(heads, {}, signs, "", "genetic"))
    assert len(found) == 4 and found[-1] == "clinical geneticist"


def test_a_narrow_head_tells_more_than_a_broad_one() -> None:
    weights = head_weights([{NEUROLOGIC, GENETIC}] * 9 + [{CARDIAC, NEUROLOGIC}])
    assert weights[NEUROLOGIC] == 1.0 and weights[CARDIAC] == pytest.approx(10**0.5)
    assert head_weights([{NEOPLASTIC}, {NEUROLOGIC}, {NEUROLOGIC}])[NEOPLASTIC] == 1.0
    signs = features(((NERVOUS,), 0.9), ((NERVOUS,), 0.9), ((1626,), 0.9))
    evidence = gather(frozenset({NEUROLOGIC, CARDIAC}), {}, signs, "", "", telling=weights)
    assert [item.name for item in choose(evidence)] == ["cardiologist", "neurologist"]


def test_a_muscle_disease_sees_a_neurologist_before_the_organs_it_touches() -> None:
    # Myotonic dystrophy: most features a neurologist's, some of the heart, whose narrow head
    # outweighs the neurologic one.
    weights = head_weights([{NEUROLOGIC, GENETIC}] * 9 + [{CARDIAC, NEUROLOGIC}])
    signs = features(((NERVOUS,), 0.9), ((NERVOUS,), 0.9), ((1626,), 0.9))
    muscular = {"MONDO:0019056": 2}
    evidence = gather(frozenset({NEUROLOGIC, CARDIAC}), muscular, signs, "", "", telling=weights)
    assert [item.name for item in choose(evidence)] == ["neurologist", "cardiologist"]
    # Not a muscle or nerve disease for Mondo: the heart's narrow head first, as before.
    evidence = gather(frozenset({NEUROLOGIC, CARDIAC}), {}, signs, "", "", telling=weights)
    assert [item.name for item in choose(evidence)] == ["cardiologist", "neurologist"]
    # A muscle disease mostly of the heart (a cardiomyopathy Mondo calls a myopathy too).
    heart = features(((1626,), 0.9), ((1626,), 0.9), ((NERVOUS,), 0.9))
    evidence = gather(frozenset({NEUROLOGIC, CARDIAC}), muscular, heart, "", "", telling=weights)
    assert choose(evidence)[0].name == "cardiologist"
    # Not before the specialist of what the disease is (a mitochondrial disease's metabolic one).
    lactic = features(((1939,), 0.9), ((1939,), 0.9))  # of metabolism
    found = names(who({METABOLIC, NEUROLOGIC}, muscular, signs + lactic))
    assert found[0] == "metabolic specialist"


def test_who_is_genetic_and_when_it_begins() -> None:
    only_multifactorial = genetic_reason(
        frozenset({GENETIC, "ORPHA:57146"}), ["Multigenic/multifactorial"], (), {}, {}
    )
    assert only_multifactorial == ""
    # A chromosome's disorder, whatever Orphanet says of its inheritance (Wolf-Hirschhorn).
    whs = ["Multigenic/multifactorial", "Not applicable"]
    chromosomal = {"MONDO:0019040": 1}
    because = genetic_reason(frozenset({GENETIC}), whs, (), {}, chromosomal)
    assert because == "Mondo classes it as a chromosomal disorder"
    assert genetic_reason(frozenset({GENETIC, TERATOLOGIC}), [], (), {}, {}) == ""
    # Orphanet's word wins over an OMIM susceptibility entry the HPO annotates.
    lupus = genetic_reason(
        frozenset({SYSTEMIC, RENAL}),
        ["Not applicable"],
        [(6, "Autosomal dominant inheritance")],
        {},
        {},
    )
    assert lupus == ""
    assert (
        genetic_reason(frozenset(), [], [(6, "Autosomal dominant inheritance")], {}, {})
        == "the HPO's annotations of its catalogue entries give autosomal dominant inheritance"
    )
    assert genetic_reason(frozenset(), [], [(3745, "Sporadic")], {}, {}) == ""
    hereditary = {"MONDO:0003847": 2}
    assert genetic_reason(frozenset(), [], (), {}, hereditary) == (
        "Mondo classes it as a hereditary disease"
    )
    assert onset_of(["Infancy", "Neonatal"], [], {}) == "child"
    assert onset_of(["All ages"], [], {}) == "both"
    assert onset_of(["Adult", "Elderly"], [3593], {}) == "adult"  # Orphanet's word first
    assert onset_of([], [3593], {3593: [410280]}) == "child"  # infantile onset
    assert onset_of(["No data available"], [], {}) == ""


# -- Mondo's classes, where Orphanet does not classify ---------------------------------------------


def test_mondo_classes_name_the_specialists_the_nearest_first() -> None:
    parents = {
        "MONDO:1": ("MONDO:0005240", "MONDO:0003847"),  # a kidney disorder, hereditary
        "MONDO:0005240": ("MONDO:0002118",),  # kidney disorder: a urinary system disorder
        "MONDO:0002118": (),
        "MONDO:0003847": (),
    }
    kinds = MondoKinds(parents)
    assert kinds.of("MONDO:1") == {"MONDO:0005240": 1, "MONDO:0003847": 1, "MONDO:0002118": 2}
    assert kinds.specific("MONDO:1") == {"MONDO:0005240"}  # hereditary names no one
    reason = genetic_reason(frozenset(), [], (), {}, kinds.of("MONDO:1"))
    evidence = gather(
        frozenset(), kinds.of("MONDO:1"), [], "", reason, specific=kinds.specific("MONDO:1")
    )
    assert [(item.name, item.because) for item in choose(evidence)] == [
        ("nephrologist", "Mondo classes it as a kidney disorder"),
        ("clinical geneticist", "Mondo classes it as a hereditary disease"),
    ]
    # Orphanet's heads, where they name a specialist, come before Mondo's classes.
    with_heads = gather(frozenset({NEUROLOGIC}), kinds.of("MONDO:1"), [], "", "")
    assert [item.name for item in choose(with_heads)] == ["neurologist"]
    assert kinds.of("MONDO:unknown") == {} and kinds.of(None) == {}


def test_a_family_takes_its_onset_and_genetics_from_its_types() -> None:
    signs = [(systems_of_term((NERVOUS,)), 1.0)]
    found = for_family(frozenset(), {}, [], [], signs, [Kin(True, "child"), Kin(False, "")])
    assert [(item.name, item.because) for item in found] == [
        (
            "pediatric neurologist (children)",
            "the features its types share are mostly of the nervous system",
        ),
        ("neurologist", "the features its types share are mostly of the nervous system"),
        ("clinical geneticist", "some of the diseases in it are inherited"),
    ]
    every = for_family(frozenset(), {}, [], [], signs, [Kin(True, "child"), Kin(True, "")])
    assert every[-1].because == "the diseases in it are inherited"


def test_no_features_and_no_classification_name_no_one() -> None:
    assert choose(Evidence(frozenset(), {}, {}, 0.0, "", "")) == ()


# -- the pages of well-known diseases --------------------------------------------------------------

WELL_KNOWN = [
    # (query, the first specialist's stem, stems that must be named, stems that must not)
    ("neuroblastoma", "oncologist", [], ["metabolic", "gastroenterolog"]),
    ("duchenne muscular dystrophy", "neurologist", ["cardiolog", "geneticist"], ["orthopedic"]),
    ("down syndrome", "cardiologist", ["geneticist"], ["craniofacial", "orthopedic"]),
    ("systemic lupus erythematosus", "rheumatologist", ["nephrolog"], ["metabolic", "genetic"]),
    ("retinitis pigmentosa", "ophthalmologist", ["geneticist"], ["ENT", "endocrinolog"]),
    ("phenylketonuria", "metabolic specialist", ["geneticist"], ["dermatolog"]),
    ("cystic fibrosis", "pulmonologist", ["gastroenterolog", "geneticist"], []),
    ("hemophilia a", "hematologist", ["geneticist"], ["metabolic", "orthopedic"]),
    ("wilms tumor", "oncologist", [], []),
    ("myasthenia gravis", "neurologist", [], ["orthopedic", "rheumatolog"]),
    ("marfan syndrome", "cardiologist", ["ophthalmolog", "geneticist"], ["rheumatolog"]),
    ("tuberous sclerosis", "neurologist", ["geneticist"], []),
]


@pytest.mark.parametrize(("query", "first", "named", "never"), WELL_KNOWN)
def test_well_known_diseases_see_who_a_clinician_expects(
    real_catalogue: Path, query: str, first: str, named: list[str], never: list[str]
) -> None:
    library = Library.open()
    page = library.get(query)
    specialists = list(page.specialists)
    assert specialists[0].removeprefix("pediatric ").removesuffix(" (children)") == first
    for stem in named:
        assert any(stem in name for name in specialists), (stem, specialists)
    for stem in never:
        assert not any(stem in name for name in specialists), (stem, specialists)


def test_a_lymphatic_feature_is_of_the_immune_system_not_of_the_blood_vessels() -> None:
    # HP:0100763 (lymphatic system) lies under the vasculature (HP:0002597, in the
    # cardiovascular system HP:0001626) and under the immune system (HP:0002715).
    cardiovascular, vasculature, immune, lymphatic = 1626, 2597, 2715, 100763
    assert systems_of_term((cardiovascular, vasculature, immune, lymphatic)) == (sp.IMMUNE,)
    # A vessel that is not lymphatic stays a vessel.
    assert systems_of_term((cardiovascular, vasculature)) == (sp.VESSELS,)


def test_a_form_of_some_families_names_a_geneticist_and_says_so() -> None:
    said = genetic_reason(frozenset({SKIN}), ["Autosomal dominant", "Not applicable"], (), {}, {})
    assert said == (
        "it is inherited in some families: Orphanet gives autosomal dominant, as well as not "
        "applicable"
    )
    assert genetic_reason(frozenset({SKIN}), ["Autosomal dominant"], (), {}, {}) == (
        "it is inherited: Orphanet gives autosomal dominant"
    )


def test_a_decipher_syndrome_is_genetic_by_decipher_and_says_so() -> None:
    assert genetic_reason(frozenset(), [], (), {}, {}) == ""
    assert genetic_reason(frozenset(), [], (), {}, {}, copy_number=True) == (
        "DECIPHER lists it as a syndrome of a piece of a chromosome lost or gained"
    )


def test_two_organs_of_equal_weight_from_features_alone_are_both_named() -> None:
    # Congenital facial paresis: a facial palsy and an odd ear, both of unknown frequency. The
    # order of two equal organs is only alphabetical: neither is left out, neither is "mostly".
    ear, nervous = 598, NERVOUS
    found = who(weights=features(((ear,), 0.5), ((nervous,), 0.5)))
    assert names(found) == ["ENT specialist and audiologist", "neurologist"]
    assert [because for _, because in found] == [
        "half of its features are of the ear",
        "half of its features are of the nervous system",
    ]
    # One sign of unknown frequency beside two: left out, as before.
    found = who(weights=features(((ear,), 0.5), ((ear,), 0.5), ((nervous,), 0.5)))
    assert names(found) == ["ENT specialist and audiologist"]


def test_a_bleed_is_of_the_blood_not_of_the_heart() -> None:
    # HP:0001892 (Abnormal bleeding) lies under the blood (HP:0001871) and, through the blood's
    # circulation (HP:0011028), the cardiovascular system (HP:0001626): a joint bleed in
    # hemophilia is the blood's. A bleed of the vasculature (HP:0002597) is the vessels' too.
    cardiovascular, circulation, bleeding, blood, vasculature = 1626, 11028, 1892, 1871, 2597
    assert systems_of_term((cardiovascular, circulation, bleeding, blood)) == (sp.BLOOD,)
    assert set(systems_of_term((cardiovascular, vasculature, bleeding, blood))) == {
        sp.BLOOD,
        sp.VESSELS,
    }
    assert systems_of_term((cardiovascular, circulation)) == (sp.HEART,)


def test_a_metabolite_in_the_urine_is_of_metabolism_not_of_the_urinary_tract() -> None:
    # HP:0003215 (Dicarboxylic aciduria) lies under Abnormal urine metabolite level
    # (HP:0033354), under urine homeostasis (HP:0003110): of metabolism (HP:0001939) and of the
    # genitourinary system (HP:0000119). Proteinuria (urine protein level, HP:0020129) stays
    # the urinary tract's too.
    genitourinary, physiology, homeostasis, metabolism = 119, 11277, 3110, 1939
    urine = (genitourinary, physiology, homeostasis, metabolism)
    assert systems_of_term((*urine, 33354, 3215)) == (sp.METABOLISM,)
    assert set(systems_of_term((*urine, 20129, 93))) == {sp.URINARY, sp.METABOLISM}
