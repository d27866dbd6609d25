"""condlookup's own first sentence of a catalogue page: each clause only with its fact, said as
the key facts say it, and nothing where the sources differ; over the real index, every gene,
mode, figure and age a sentence names is among its page's facts."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from condlookup.catalogue import facts as catalogue_facts
from condlookup.catalogue import specialties as sp
from condlookup.catalogue.diseases import said
from condlookup.catalogue.evidence import systems_of_term
from condlookup.catalogue.facts import Fact, FactKind
from condlookup.catalogue.keyfacts import Said, key_facts
from condlookup.catalogue.summaries import Told, summary
from condlookup.catalogue.tables import CATALOGUE_ROWIDS
from condlookup.library import Library
from condlookup.paths import INDEX_SCHEMA

ORPHA = "ORPHA:558"


def fact(kind: FactKind, value: str, detail: str = "", code: str = "", part: str = "") -> Fact:
    return Fact(kind, value, detail, code, ORPHA, part)


def head(code: str) -> Fact:
    return fact("head", sp.HEADS[code].label, code=code)


GENETIC = head(sp.GENETIC_HEAD)
CAUSES = "Disease-causing germline mutation(s) in"
MARFAN = (
    head("ORPHA:97929"),
    head("ORPHA:97966"),
    GENETIC,
    fact("inheritance", "Autosomal dominant"),
    fact("onset", "All ages"),
    fact("prevalence", "1-5 / 10 000", "Point prevalence, Worldwide"),
    fact("gene", "FBN1", CAUSES),
    fact("gene", "TGFBR2", CAUSES, part="Marfan syndrome type 2"),
)
# Organ systems, weighted as the build weighs features: most of the bones, the heart, the eyes.
MARFAN_SYSTEMS = {sp.BONES: 13.0, sp.HEART: 7.5, sp.EYE: 6.0, sp.HEAD: 6.0, sp.GROWTH: 2.5}


def text(told: Told) -> str:
    return summary(told).text


def test_marfan_syndrome_every_clause_from_its_fact() -> None:
    found = summary(Told("Marfan syndrome", MARFAN, systems=MARFAN_SYSTEMS, features=44.0))
    assert found.text == (
        "Marfan syndrome is a rare genetic condition that mainly affects the bones and joints, "
        "the heart, and the eyes. It can be passed on in an autosomal dominant way, is caused by "
        "changes in the FBN1 gene or, in one of its types, the TGFBR2 gene, affects about 1 to 5 "
        "in 10,000 people and can start at any age."
    )
    assert found.sources == ("Orphanet", "HPO")


@pytest.mark.parametrize(
    ("left_out", "gone"),
    [
        ("inheritance", "autosomal dominant"),
        ("gene", "FBN1"),
        ("prevalence", "10,000"),
        ("onset", "any age"),
        ("head", "genetic"),
    ],
)
def test_no_fact_no_clause(left_out: str, gone: str) -> None:
    facts = tuple(item for item in MARFAN if item.kind != left_out)
    # Without the genetic head, Orphanet's Mendelian mode or a causal gene still says it is.
    if left_out == "head":
        facts = tuple(item for item in facts if item.kind not in ("inheritance", "gene"))
    sentence = text(Told("Marfan syndrome", facts))
    assert gone not in sentence
    assert sentence.endswith(".") and "  " not in sentence and ", and." not in sentence
    if left_out == "prevalence":
        assert " rare " not in sentence  # in the catalogue is not rare


def test_no_facts_at_all_still_a_sentence_and_no_claim() -> None:
    sentence = text(Told("Myopia 8"))
    assert sentence == (
        "Myopia 8 is a condition listed in the Human Phenotype Ontology's disease catalogue."
    )
    # One feature, of the eye: all its features are of the eyes.
    assert text(Told("Myopia 8", systems={sp.EYE: 0.5}, features=0.5)) == (
        "Myopia 8 is a condition that mainly affects the eyes."
    )


def test_facts_without_a_kind_are_said_of_the_name() -> None:
    said_ = [Said("Autosomal recessive inheritance", "OMIM:123456")]
    assert text(Told("Some syndrome", inheritance=said_)) == (
        "Some syndrome is a genetic condition. It can be passed on in an autosomal recessive way in "
        "the families described so far."
    )
    onsets = [Said("Congenital onset", "OMIM:123456"), Said("Progressive", "OMIM:123456")]
    assert text(Told("Some syndrome", onsets=onsets)) == "Some syndrome is present from birth."


def test_disagreeing_inheritance_is_left_out() -> None:
    # Systemic lupus erythematosus: Orphanet says not applicable, an OMIM entry gives AD.
    facts = (head("ORPHA:98023"), fact("inheritance", "Not applicable"))
    omim = [Said("Autosomal dominant inheritance", "OMIM:152700")]
    sentence = text(Told("Systemic lupus erythematosus", facts, omim))
    assert "inherit" not in sentence and "dominant" not in sentence
    assert "genetic" not in sentence
    # Orphanet alone: not inherited as a rule.
    assert "is not usually inherited" in text(Told("Lupus", facts))
    # Orphanet recessive, an OMIM family dominant: neither bare.
    facts = (GENETIC, fact("inheritance", "Autosomal recessive"))
    sentence = text(Told("X", facts, omim))
    assert "recessive" not in sentence and "dominant" not in sentence
    # A qualifier of the HPO's ("sporadic") does not contradict: Orphanet's word stands.
    sentence = text(Told("X", facts, [Said("Sporadic", "OMIM:1")]))
    assert "can be passed on in an autosomal recessive way" in sentence
    # Orphanet's mode beside "not applicable": words that differ, so nothing.
    both = (
        GENETIC,
        fact("inheritance", "Autosomal dominant"),
        fact("inheritance", "Not applicable"),
    )
    assert "inherit" not in text(Told("X", both)) and "dominant" not in text(Told("X", both))
    # OMIM entries that differ from each other, no Orphanet: alternatives, for their families.
    two = [
        Said("Autosomal dominant inheritance", "OMIM:1"),
        Said("Autosomal recessive inheritance", "OMIM:2"),
    ]
    assert (
        "can be passed on in an autosomal dominant or autosomal recessive way in the families"
        in text(Told("X", inheritance=two))
    )
    # A polygenic form among them: nothing.
    three = [*two, Said("Polygenic inheritance", "OMIM:3")]
    assert "passed on" not in text(Told("X", inheritance=three))


def test_several_modes_multifactorial_and_mitochondrial() -> None:
    modes = (
        GENETIC,
        fact("inheritance", "X-linked dominant"),
        fact("inheritance", "X-linked recessive"),
    )
    assert "can be passed on in an X-linked dominant or X-linked recessive way" in text(
        Told("Fabry disease", modes)
    )
    only = (fact("inheritance", "Multigenic/multifactorial"),)
    sentence = text(Told("Kawasaki disease", only))
    assert "is influenced by several genes together with other factors" in sentence
    assert "genetic" not in sentence
    mito = (GENETIC, fact("inheritance", "Mitochondrial inheritance"))
    assert "can be passed on through the mother's mitochondria" in text(Told("LHON", mito))


@pytest.mark.parametrize(
    ("figures", "rare", "words"),
    [
        ([("1-5 / 10 000", "Point prevalence, Worldwide")], True, "affects about 1 to 5 in 10,000 people."),
        ([("6-9 / 10 000", "Point prevalence, Worldwide")], False, "affects about 6 to 9 in 10,000 people."),
        ([(">1 / 1000", "Point prevalence, Europe")], False, "affects more than 1 in 1,000 people in Europe."),
        ([("<1 / 1 000 000", "Prevalence at birth, United States")], True, "affects fewer than 1 in 1,000,000 babies born in the United States."),
        ([("1-9 / 100 000", "Annual incidence, Worldwide")], False, "newly affects about 1 to 9 in 100,000 people each year."),
        ([("", "Cases/families, Worldwide")], True, "is known from reported cases or families."),
        # Two figures the key facts both show: no one number, still rare.
        ([("1-9 / 100 000", "Point prevalence, Worldwide"), ("1-9 / 1 000 000", "Point prevalence, Worldwide")], True, None),
        # A worldwide figure is shown before one of a country's.
        ([(">1 / 1000", "Point prevalence, Japan"), ("1-9 / 100 000", "Point prevalence, Worldwide")], True, "affects about 1 to 9 in 100,000 people."),
        # Down syndrome: the figure shown is rare, Europe's births are not: not called rare.
        ([("1-5 / 10 000", "Point prevalence, Worldwide"), (">1 / 1000", "Prevalence at birth, Europe")], False, "affects about 1 to 5 in 10,000 people."),
    ],
)  # fmt: skip
def test_how_common_and_rare_only_from_the_figure_shown(
    figures: list[tuple[str, str]], rare: bool, words: str | None
) -> None:
    facts = tuple(fact("prevalence", value, detail) for value, detail in figures)
    sentence = text(Told("X", (head("ORPHA:98006"), *facts)))
    assert ("rare" in sentence.split()) == rare
    if words is None:
        assert " in 1" not in sentence
    else:
        assert sentence.endswith(words)


def test_genes_of_the_whole_disease_only() -> None:
    def genes(*items: Fact) -> str:
        return text(Told("X", (head("ORPHA:98006"), *items)))

    assert "is caused by changes in the FBN1 gene" in genes(fact("gene", "FBN1", CAUSES))
    assert "changes in the COL1A1 or COL1A2 gene" in genes(
        fact("gene", "COL1A1", CAUSES), fact("gene", "COL1A2", CAUSES)
    )
    many = [fact("gene", f"G{n}", CAUSES) for n in range(5)]
    assert "is caused by changes in one of 5 genes" in genes(*many)
    # A subtype's gene, a susceptibility gene: not the cause of the disease.
    sentence = genes(
        fact("gene", "TGFBR2", CAUSES, part="type 2"),
        fact("gene", "HLA", "Major susceptibility factor in"),
    )
    assert "TGFBR2" not in sentence and "HLA" not in sentence and "caused" not in sentence
    # Beside a gene of the whole, its subtypes' genes are said too: the gene of the whole is
    # not the only cause (Orphanet gives BMP4 for Stickler syndrome, and six genes for its
    # types).
    marfan = genes(
        fact("gene", "FBN1", CAUSES),
        fact("gene", "TGFBR1", CAUSES, part="Marfan syndrome type 2"),
        fact("gene", "TGFBR2", CAUSES, part="Marfan syndrome type 2"),
    )
    assert (
        "by changes in the FBN1 gene or, in one of its types, the TGFBR1 or TGFBR2 gene" in marfan
    )
    two = genes(
        fact("gene", "A1", CAUSES),
        fact("gene", "B1", CAUSES, part="type 1"),
        fact("gene", "C1", CAUSES, part="type 2"),
    )
    assert "the A1 gene or, in some of its types, the B1 or C1 gene" in two
    stickler = [fact("gene", "BMP4", CAUSES)]
    stickler += [fact("gene", f"COL{n}", CAUSES, part=f"type {n % 3}") for n in range(7)]
    assert "is caused by changes in one of 8 genes" in genes(*stickler)
    assert "BMP4" not in genes(*stickler)


def test_an_organs_infections_do_not_say_the_immune_system() -> None:
    # Cystic fibrosis: recurrent chest infections are of the lungs and, for the HPO, of the
    # immune system; the page says the lungs.
    chest = systems_of_term((2205, 2719, 2715, 2086))
    assert sp.LUNGS in chest and sp.IMMUNE in chest and sp.ORGAN_INFECTIONS in chest
    assert sp.ORGAN_INFECTIONS not in systems_of_term((2719, 2715))  # of no organ
    cf = {sp.LUNGS: 5.0, sp.IMMUNE: 3.0, sp.ORGAN_INFECTIONS: 3.0, sp.DIGESTIVE: 2.0}
    sentence = text(Told("Cystic fibrosis", (GENETIC,), systems=cf, features=10.0))
    assert "lungs" in sentence and "immune" not in sentence
    # An immune system's own signs still say it.
    cf[sp.IMMUNE] = 6.0
    assert "immune" in text(Told("X", (GENETIC,), systems=cf, features=10.0))


def test_a_predisposition_to_tumours_says_so_not_where_its_tumours_grow() -> None:
    # Li-Fraumeni syndrome: every feature a tumour, a few of them of the gut.
    cancers = {sp.TUMOURS: 10.0, sp.DIGESTIVE: 1.6, sp.BONES: 1.0}
    risk = {"MONDO:0015356": 1, "MONDO:0003847": 2}
    found = summary(
        Told("Li-Fraumeni syndrome", (GENETIC,), classes=risk, systems=cancers, features=10.0)
    )
    assert (
        found.text == "Li-Fraumeni syndrome is a genetic condition that raises the risk of tumours."
    )
    assert "Mondo" in found.sources and "HPO" not in found.sources
    # Where most features are of organs, they are said too (neurofibromatosis type 1).
    organs = {sp.TUMOURS: 3.0, sp.NERVOUS: 6.0, sp.SKIN: 4.0}
    nf1 = text(Told("NF1", (GENETIC,), classes=risk, systems=organs, features=10.0))
    assert nf1.startswith("NF1 is a genetic condition that raises the risk of tumours and mainly")
    # A tumour itself, or no predisposition: as before.
    assert "risk" not in text(Told("X", (GENETIC,), systems=organs, features=10.0))


def test_a_gene_of_a_disease_not_called_genetic_can_cause_it() -> None:
    # Orphanet gives TLR7 for a familial form of lupus, which it says is not inherited.
    lupus = (fact("inheritance", "Not applicable"), fact("gene", "TLR7", CAUSES))
    sentence = text(Told("Systemic lupus erythematosus", lupus, classes={"MONDO:0007179": 1}))
    assert "can be caused by changes in the TLR7 gene" in sentence
    assert "genetic" not in sentence


def test_a_disease_inherited_in_some_families_only_is_not_called_genetic() -> None:
    # Orphanet gives a Mendelian mode beside "not applicable" or multifactorial: passed on in
    # some families, not in most. Not called genetic; its genes "can" cause it.
    skin = head("ORPHA:89826")
    for other in ("Not applicable", "Multigenic/multifactorial"):
        some = (skin, fact("inheritance", "Autosomal dominant"), fact("inheritance", other))
        sentence = text(Told("Adiposis dolorosa", some))
        assert sentence.startswith("Adiposis dolorosa is a skin disease"), sentence
        assert "genetic" not in sentence
        # Not even where Orphanet classes it as genetic (Duane retraction syndrome).
        classed = (*some, GENETIC, fact("gene", "SOX9", CAUSES))
        sentence = text(Told("X", classed))
        assert "genetic" not in sentence, sentence
        assert "can be caused by changes in the SOX9 gene" in sentence
        # A chromosomal disorder is genetic, inherited or not (Prader-Willi syndrome).
        chromosomal = Told("X", classed, classes={"MONDO:0019040": 3})
        assert text(chromosomal).startswith("X is a genetic condition"), text(chromosomal)
        assert "Mondo" in summary(chromosomal).sources
    # A syndrome of malformations with a Mendelian mode: genetic, its new cases too (Kabuki
    # syndrome), unless Orphanet says other factors play a part (holoprosencephaly).
    kabuki = (
        GENETIC,
        fact("inheritance", "Autosomal dominant"),
        fact("inheritance", "Not applicable"),
    )
    syndrome = {"MONDO:0019042": 2}
    assert text(Told("X", kabuki, classes=syndrome)).startswith("X is a genetic")
    assert "genetic" not in text(Told("X", kabuki))
    both = (*kabuki, fact("inheritance", "Multigenic/multifactorial"))
    assert "genetic" not in text(Told("X", both, classes=syndrome))
    # A chromosome's disorder, whatever the inheritance Orphanet gives (Wolf-Hirschhorn
    # syndrome: multifactorial and not applicable).
    whs = (
        GENETIC,
        fact("inheritance", "Multigenic/multifactorial"),
        fact("inheritance", "Not applicable"),
    )
    assert "genetic" not in text(Told("X", whs))
    assert text(Told("X", whs, classes={"MONDO:0019040": 1})).startswith("X is a genetic")
    # A Mendelian mode alone: genetic, and its gene causes it.
    alone = (skin, fact("inheritance", "Autosomal dominant"), fact("gene", "SOX9", CAUSES))
    assert "is caused by changes in the SOX9 gene" in text(Told("X", alone))
    assert "genetic" in text(Told("X", alone)).split(". ")[0]


def test_orphanets_one_organ_gives_way_to_mondos_muscle_and_to_a_syndrome() -> None:
    # Orphanet's neurologic head holds the muscle diseases: Mondo's myopathy says which.
    neurologic = (head("ORPHA:98006"), GENETIC, fact("inheritance", "Autosomal dominant"))
    assert text(Told("X", neurologic)).startswith("X is a genetic nervous system disease")
    myopathy = Told(
        "X", neurologic, classes={"MONDO:0005336": 1}, specific=frozenset({"MONDO:0005336"})
    )
    assert text(myopathy).startswith("X is a genetic muscle disease")
    # A chromosome's syndrome under Orphanet's eye head alone is no eye disease (cri-du-chat).
    eye = (head("ORPHA:97966"), GENETIC, fact("inheritance", "Not applicable"))
    assert "eye disease" in text(Told("X", eye))
    chromosomal = text(Told("X", eye, classes={"MONDO:0019040": 2}))
    assert chromosomal.startswith("X is a genetic condition"), chromosomal


def test_a_decipher_syndrome_is_a_genetic_condition_by_decipher() -> None:
    assert "genetic" not in text(Told("22q11 deletion syndrome"))
    found = summary(Told("22q11 deletion syndrome", copy_number=True))
    assert found.text.startswith("22q11 deletion syndrome is a genetic condition")
    assert found.sources == ("DECIPHER",)


def test_kinds_in_plain_words() -> None:
    cancer = {sp.NEOPLASM: 2, "MONDO:0004992": 1}
    sentence = text(Told("Retinoblastoma", (GENETIC, head(sp.NEOPLASTIC_HEAD)), classes=cancer))
    assert sentence.startswith("Retinoblastoma is a cancer") and "genetic" not in sentence
    blood = {**cancer, "MONDO:0044881": 1}
    assert text(Told("AML", classes=blood)).startswith("AML is a blood cancer")
    infection = (head("ORPHA:68416"), GENETIC, fact("inheritance", "Not applicable"))
    assert text(Told("Whipple disease", infection)).startswith("Whipple disease is an infection.")
    # A gene's susceptibility to an infection is no infection.
    susceptible = (*infection[:2], head("ORPHA:98004"), fact("inheritance", "Autosomal recessive"))
    assert text(Told("MSMD", susceptible)).startswith("MSMD is a genetic immune disease.")
    assert text(Told("PKU", (GENETIC, head(sp.METABOLIC_HEAD)))).startswith(
        "PKU is a genetic metabolic disease."
    )
    assert text(Told("Rett syndrome", (GENETIC, head("ORPHA:98006")))).startswith(
        "Rett syndrome is a genetic nervous system disease."
    )
    # Organs of several heads: where it shows is the features' word, not a kind.
    assert text(Told("X", (head("ORPHA:98006"), head("ORPHA:97966")))).startswith(
        "X is a condition listed"
    )
    teratologic = (head(sp.TERATOLOGIC_HEAD), head("ORPHA:97929"))
    assert text(Told("Fetal X syndrome", teratologic)).startswith(
        "Fetal X syndrome is a condition caused by harm to the baby before birth."
    )
    # Maternal phenylketonuria: Orphanet's mode and gene are the mother's, not the baby's.
    maternal = (
        *teratologic,
        fact("inheritance", "Autosomal recessive"),
        fact("gene", "PAH", CAUSES),
        fact("onset", "Antenatal"),
    )
    sentence = text(Told("Maternal phenylketonuria", maternal))
    assert "passed on" not in sentence and "PAH" not in sentence
    assert sentence.endswith("It usually starts before birth.")
    # Orphanet's genetic head for a disease it says is not inherited: genetic only with Mondo.
    down = (GENETIC, fact("inheritance", "Not applicable"))
    assert "genetic" not in text(Told("X", down))
    chromosomal = {"MONDO:0019040": 1}
    assert text(Told("Down syndrome", down, classes=chromosomal)).startswith(
        "Down syndrome is a genetic condition. It is not usually inherited."
    )
    # Without Orphanet: Mondo's one organ class.
    eye = {"MONDO:0005328": 1}
    assert text(Told("X", classes=eye, specific=frozenset(eye))).startswith("X is an eye disease.")


def test_where_it_shows() -> None:
    # Spread over many systems: many parts of the body, most of all the largest shares.
    spread = {sp.SKIN: 7, sp.HEART: 6, sp.NERVOUS: 5.9, sp.VESSELS: 5, sp.DIGESTIVE: 5, sp.EYE: 4}
    sentence = text(Told("Fabry disease", systems=spread, features=48.0))
    assert (
        "affects many parts of the body, most of all the skin, the heart, and the brain" in sentence
    )
    assert "mainly" not in sentence
    # An organ's disease names other systems as "also", never its own again.
    facts = (head("ORPHA:98006"),)
    sentence = text(Told("X", facts, systems={sp.NERVOUS: 8.0, sp.EYE: 4.0}, features=10.0))
    assert sentence == "X is a nervous system disease that also affects the eyes."
    # Too few features, spread: nothing said of where.
    assert "affects" not in text(Told("X", systems={sp.EYE: 0.5, sp.SKIN: 0.5}, features=1.0))


@pytest.mark.parametrize(
    ("onsets", "words"),
    [
        (["Childhood"], "usually starts in childhood."),
        (["Infancy", "Childhood"], "usually starts in infancy or in childhood."),
        (["Antenatal", "Neonatal", "Infancy", "Childhood"], "can start at any time from before birth to childhood."),
        (["Neonatal", "Adult", "Elderly", "Infancy"], "usually starts as a newborn, in infancy, in adulthood or late in life."),
        (["Adult", "All ages"], "can start at any age."),
    ],
)  # fmt: skip
def test_onset_in_plain_words(onsets: list[str], words: str) -> None:
    facts = tuple(fact("onset", value) for value in onsets)
    assert text(Told("X", facts)) == f"X {words}"


def test_orphanet_onset_before_the_hpo_s() -> None:
    hpo = [Said("Adult onset", "OMIM:1")]
    assert text(Told("X", (fact("onset", "Infancy"),), onsets=hpo)) == (
        "X usually starts in infancy."
    )
    assert text(Told("X", onsets=hpo)) == "X usually starts in adulthood."


def test_families() -> None:
    cmt = Told(
        "Charcot-Marie-Tooth disease",
        (GENETIC, head("ORPHA:98006")),
        systems={sp.NERVOUS: 30.0, sp.MUSCLES: 12.0, sp.BONES: 10.0},
        features=40.0,
        types=82,
        family=True,
    )
    found = summary(cmt)
    assert found.text == (
        "Charcot-Marie-Tooth disease is a group of 82 genetic nervous system diseases that also "
        "affect the muscles, and the bones and joints."
    )
    assert found.sources == ("Orphanet", "HPO", "Mondo")
    # No facts of its own: a group of its types, genetic only where every one of them is.
    bare = Told("X family", types=5, family=True)
    assert text(bare) == "X family is a group of 5 related conditions."
    assert text(bare._replace(genetic_types=True)) == "X family is a group of 5 genetic conditions."
    # One annotated type tells nothing of the others: no number, and not "genetic".
    one = Told("X family", types=1, family=True, genetic_types=True)
    assert text(one) == "X family is a group of related conditions."
    # A family's own inheritance, onset and figures are not the sentence's (they are its types').
    assert text(Told("X family", (fact("onset", "Adult"),), types=3, family=True)) == (
        "X family is a group of 3 related conditions."
    )


def test_names_keep_their_capitals_and_articles() -> None:
    assert text(Told("hyper-IgE syndrome", (head("ORPHA:98004"),))).startswith(
        "Hyper-IgE syndrome is an immune disease."
    )
    assert text(Told("mRNA X", (head("ORPHA:98004"),))).startswith("mRNA X is an immune disease.")
    assert text(Told("X", (head("ORPHA:97966"),))) == "X is an eye disease."


# -- over the real index ------------------------------------------------------------------------

# The words of the sentence for an age, and what the key facts say for it (Orphanet's or the
# HPO's names), lower case.
AGE_WORDS = {
    "before birth": ("antenatal", "fetal", "embryonal", "trimester"),
    "birth": ("congenital",),
    "newborn": ("neonatal",),
    "infancy": ("infancy", "infantile"),
    "childhood": ("childhood", "pediatric", "juvenile"),
    "teenage years": ("adolescent", "juvenile"),
    "young adulthood": ("young adult",),
    "adulthood": ("adult",),
    "middle age": ("middle age",),
    "late in life": ("elderly", "late onset"),
    "old age": ("elderly", "late onset"),
    "any age": ("all ages",),
}
MODES = (
    "autosomal dominant",
    "autosomal recessive",
    "X-linked recessive",
    "X-linked dominant",
    "Y-linked",
    "semi-dominant",
)
FIGURE = re.compile(r"(fewer than|about|more than) (\d+)(?: to (\d+))? in ([\d,]+) (people|babies)")


def _class(match: re.Match[str]) -> str:
    """'about 1 to 5 in 10,000' -> '1-5 / 10 000', as Orphanet writes its classes."""
    how, low, high, base = match.group(1, 2, 3, 4)
    base = base.replace(",", " ")
    if how == "fewer than":
        return f"<{low} / {base}"
    if how == "more than":
        return f">{low} / {base.replace(' ', '')}"
    return f"{low}-{high} / {base}"


def _check(sentence: str, name: str, facts: tuple[Fact, ...], shown: dict[str, str]) -> None:
    said_of = sentence[len(name) :]
    assert sentence and sentence.endswith(".") and "  " not in sentence, sentence
    genes = {item.value for item in facts if item.kind == "gene"}
    for group in re.findall(r"changes in the (.+?) gene\b", sentence):
        for gene in re.split(r", | or ", group):
            assert gene in genes, (sentence, genes)
    inheritance = shown.get("inheritance", "").lower()
    for mode in MODES:
        if mode.lower() in said_of.lower():
            assert mode.lower() in inheritance, (sentence, inheritance)
    if "X-linked way" in said_of:
        assert "x-linked" in inheritance
    if "mitochondria" in said_of:
        assert "mitochondrial" in inheritance, (sentence, inheritance)
    if "not usually inherited" in said_of:
        assert inheritance == "not applicable: not inherited as a rule (orphanet)", sentence
    if "several genes together with other factors" in said_of:
        assert inheritance == "multigenic/multifactorial (orphanet)", sentence
    prevalence = shown.get("prevalence", "")
    for match in FIGURE.finditer(said_of):
        assert _class(match) in prevalence, (sentence, prevalence)
        assert (match.group(5) == "babies") == ("prevalence at birth" in prevalence), sentence
        assert ("each year" in said_of) == ("annual incidence" in prevalence), sentence
    if "reported in only a few" in said_of:
        assert prevalence.startswith("Known from single cases"), (sentence, prevalence)
    first = said_of.split(". ")[0]
    if re.search(r"\brare\b", first):
        assert prevalence and "annual incidence" not in prevalence, (sentence, prevalence)
        assert not re.search(r"6-9 / 10 000|>1 / 1000", prevalence), (sentence, prevalence)
    onset = shown.get("typical_onset", "").lower()
    starts = re.search(r"(usually starts|can start|is present from) (.*?)(?:\.|, | and )", said_of)
    if starts is None:
        assert not re.search(r"\bstarts?\b", said_of), sentence
        return
    clause = re.split(r", (?:is|affects|has|newly|can|usually)", said_of[starts.start() :])[0]
    for words, sources in AGE_WORDS.items():
        if re.search(rf"\b{words}\b", clause) and not (
            words == "birth" and "before birth" in clause
        ):
            assert any(source in onset for source in sources), (sentence, onset)


def test_every_catalogue_page_has_a_sentence_true_to_its_facts(real_catalogue: Path) -> None:
    Library.open().close()  # the session's index, built if it is not yet
    db = sqlite3.connect(real_catalogue / f"index-v{INDEX_SCHEMA}.sqlite")
    rows = db.execute(
        "SELECT c.rowid, c.name, c.summary, c.summary_from, f.types FROM conditions c "
        "LEFT JOIN families f ON f.condition = c.rowid WHERE c.source = 'hpo'"
    ).fetchall()
    assert len(rows) > 10_000
    checked = 0
    for rowid, name, sentence, sources, types in rows:
        assert sentence.startswith(name[:1].upper() + name[1:]) or sentence.startswith(name)
        assert sources, name
        facts = catalogue_facts.read(db, rowid)
        shown = {
            item.key: item.text
            for item in key_facts(facts, said(db, rowid, "I"), said(db, rowid, "C"))
        }
        if types is not None:
            count = re.search(r"is a group of (\d+) ", sentence)
            assert count is None or int(count.group(1)) == types, (sentence, types)
            assert " group of " in sentence, sentence
            continue
        _check(sentence, name, facts, shown)
        checked += 1
    assert checked > 10_000
    assert rowid >= CATALOGUE_ROWIDS
