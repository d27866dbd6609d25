"""Key facts of catalogue pages from Orphanet's facts and the HPO's annotations: each says whose
word it is, and an inheritance is never shown bare where Orphanet says otherwise."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from condlookup.catalogue.diseases import CataloguePage
from condlookup.catalogue.facts import Fact, FactKind
from condlookup.catalogue.keyfacts import Said, key_facts
from condlookup.catalogue.summaries import Told, summary
from condlookup.library import Library
from condlookup.render import plain


def facts_of(*items: tuple[FactKind, str, str, str, str]) -> tuple[Fact, ...]:
    return tuple(
        Fact(kind, value, detail, "", origin, part) for kind, value, detail, origin, part in items
    )


def as_dict(
    facts: Sequence[Fact], inheritance: Sequence[Said], onsets: Sequence[Said]
) -> dict[str, str]:
    return {fact.key: fact.text for fact in key_facts(facts, inheritance, onsets)}


def test_orphanet_speaks_for_the_disease_and_an_omim_family_form_is_named_as_such() -> None:
    # As Orphanet and the HPO have systemic lupus erythematosus (ORPHA:536, OMIM:152700).
    facts = facts_of(("inheritance", "Not applicable", "", "ORPHA:536", ""))
    said = [Said("Autosomal dominant inheritance", "OMIM:152700")]
    assert as_dict(facts, said, []) == {
        "inheritance": "Not applicable: not inherited as a rule (Orphanet); in some families "
        "(OMIM 152700): autosomal dominant"
    }


def test_agreeing_sources_are_one_statement_and_qualifiers_do_not_contradict() -> None:
    facts = facts_of(("inheritance", "Autosomal dominant", "", "ORPHA:399", ""))
    said = [Said("Autosomal dominant inheritance", "OMIM:143100")]
    assert as_dict(facts, said, [])["inheritance"] == "Autosomal dominant (Orphanet)"
    # "Sporadic" only qualifies Orphanet's "not applicable" (Down syndrome): nothing to add.
    facts = facts_of(("inheritance", "Not applicable", "", "ORPHA:870", ""))
    said = [Said("Sporadic", "OMIM:190685")]
    assert as_dict(facts, said, [])["inheritance"] == (
        "Not applicable: not inherited as a rule (Orphanet)"
    )
    # A broader word for Orphanet's mode agrees with it (hemophilia A: the HPO's "X-linked",
    # Orphanet's "X-linked recessive"); a narrower one, or another mode, does not.
    facts = facts_of(("inheritance", "X-linked recessive", "", "ORPHA:98878", ""))
    said = [Said("X-linked inheritance", "OMIM:306700")]
    assert as_dict(facts, said, [])["inheritance"] == "X-linked recessive (Orphanet)"
    facts = facts_of(("inheritance", "X-linked", "", "ORPHA:1", ""))
    said = [Said("X-linked recessive inheritance", "OMIM:1")]
    assert as_dict(facts, said, [])["inheritance"] == (
        "X-linked (Orphanet); in some families (OMIM 1): X-linked recessive"
    )
    facts = facts_of(("inheritance", "Autosomal recessive", "", "ORPHA:2", ""))
    said = [Said("Autosomal dominant inheritance", "OMIM:2")]
    assert (
        "in some families (OMIM 2): autosomal dominant" in as_dict(facts, said, [])["inheritance"]
    )
    # Several modes are alternatives; words that are not modes are said each in turn.
    facts = facts_of(
        ("inheritance", "Autosomal dominant", "", "ORPHA:791", ""),
        ("inheritance", "Autosomal recessive", "", "ORPHA:791", ""),
        ("inheritance", "X-linked recessive", "", "ORPHA:791", ""),
    )
    assert as_dict(facts, [], [])["inheritance"] == (
        "Autosomal dominant, autosomal recessive or X-linked recessive (Orphanet)"
    )
    facts = facts_of(
        ("inheritance", "Multigenic/multifactorial", "", "ORPHA:589", ""),
        ("inheritance", "Not applicable", "", "ORPHA:589", ""),
    )
    assert as_dict(facts, [], [])["inheritance"] == (
        "Multigenic/multifactorial; not applicable: not inherited as a rule (Orphanet)"
    )


def test_without_orphanet_an_omim_entry_speaks_for_its_families_only() -> None:
    said = [Said("Autosomal dominant inheritance", "OMIM:137580")]
    assert as_dict((), said, []) == {
        "inheritance": "In the families OMIM 137580 describes: autosomal dominant"
    }


def text_of(facts: tuple[Fact, ...]) -> str:
    return summary(Told("X", facts)).text


def test_the_most_telling_prevalence_is_chosen_and_named() -> None:
    facts = facts_of(
        ("prevalence", "1-9 / 100 000", "Point prevalence, United Kingdom", "ORPHA:558", ""),
        ("prevalence", "1-5 / 10 000", "Annual incidence, Europe", "ORPHA:558", ""),
        ("prevalence", "Unknown", "Point prevalence, Worldwide", "ORPHA:558", ""),
        ("prevalence", "1-5 / 10 000", "Point prevalence, Europe", "ORPHA:558", ""),
    )
    assert as_dict(facts, [], []) == {
        "prevalence": "1-5 / 10 000 (point prevalence, Europe; Orphanet)"
    }
    # Europe's figure of any kind before a country's (Cornelia de Lange syndrome).
    cdls = facts_of(
        ("prevalence", "1-9 / 1 000 000", "Point prevalence, Denmark", "ORPHA:199", ""),
        ("prevalence", "1-9 / 100 000", "Prevalence at birth, Europe", "ORPHA:199", ""),
    )
    assert as_dict(cdls, [], []) == {
        "prevalence": "1-9 / 100 000 (prevalence at birth, Europe; Orphanet)"
    }
    disagreeing = facts_of(
        ("prevalence", "1-9 / 100 000", "Point prevalence, Worldwide", "ORPHA:1", ""),
        ("prevalence", "1-5 / 10 000", "Point prevalence, Worldwide", "ORPHA:2", ""),
    )
    assert as_dict(disagreeing, [], []) == {
        "prevalence": "1-9 / 100 000 or 1-5 / 10 000 (point prevalence, Worldwide; Orphanet)"
    }
    # Countries only: none is picked over another (not by its name: Hong Kong before Norway).
    williams = facts_of(
        ("prevalence", "1-5 / 10 000", "Point prevalence, Norway", "ORPHA:904", ""),
        ("prevalence", "1-9 / 100 000", "Point prevalence, Hong Kong", "ORPHA:904", ""),
        ("prevalence", "1-5 / 10 000", "Prevalence at birth, Norway", "ORPHA:904", ""),
    )
    assert as_dict(williams, [], []) == {
        "prevalence": "1-5 / 10 000 in Norway, 1-9 / 100 000 in Hong Kong "
        "(point prevalence; Orphanet)"
    }
    assert "in 100,000" not in text_of(williams) and "in 10,000" not in text_of(williams)
    agreeing = facts_of(
        ("prevalence", "1-5 / 10 000", "Point prevalence, Norway", "ORPHA:1", ""),
        ("prevalence", "1-5 / 10 000", "Point prevalence, Sweden", "ORPHA:1", ""),
    )
    assert as_dict(agreeing, [], []) == {
        "prevalence": "1-5 / 10 000 (point prevalence, Norway and Sweden; Orphanet)"
    }
    assert "affects about 1 to 5 in 10,000 people in Norway and Sweden" in text_of(agreeing)
    agreeing += facts_of(("prevalence", "1-5 / 10 000", "Point prevalence, United States", "", ""))
    assert "people in Norway, Sweden and the United States" in text_of(agreeing)
    only_cases = facts_of(("prevalence", "no data", "Cases/families, Worldwide", "ORPHA:1", ""))
    assert as_dict(only_cases, [], []) == {
        "prevalence": "Known from reported cases or families, with no figure (Orphanet)"
    }


def test_genes_say_how_they_are_involved_and_of_which_subtype() -> None:
    causing = "Disease-causing germline mutation(s) in"
    facts = facts_of(
        ("gene", "FBN1", causing, "ORPHA:558", "Marfan syndrome type 1"),
        ("gene", "TGFBR2", causing, "ORPHA:558", "Marfan syndrome type 2"),
        ("gene", "FBN1", causing, "ORPHA:284963", ""),
        ("gene", "IL10", "Major susceptibility factor in", "ORPHA:536", ""),
        ("gene", "IGHG1", "Modifying germline mutation in", "ORPHA:536", ""),
    )
    assert as_dict(facts, [], [])["genes"] == (
        "Caused by changes in FBN1; in Marfan syndrome type 2, by changes in TGFBR2; "
        "changes in IL10 raise the risk; changes in IGHG1 modify it (Orphanet)"
    )
    both_forms = facts_of(
        ("gene", "PAH", causing, "ORPHA:716", "Tetrahydrobiopterin-responsive phenylketonuria"),
        ("gene", "PAH", causing, "ORPHA:716", "Tetrahydrobiopterin-unresponsive phenylketonuria"),
    )
    assert as_dict(both_forms, [], [])["genes"] == "Caused by changes in PAH (Orphanet)"
    susceptibility = facts_of(("gene", "ALK", "Major susceptibility factor in", "ORPHA:635", ""))
    assert "aused by" not in as_dict(susceptibility, [], [])["genes"]
    # Alphabetical, as the page's gene list: Orphanet's order says nothing of which matter most.
    # Beyond GENES_SHOWN, only counted: naming a first few would hide the main ones.
    adpkd = ["GANAB", "NEK8", "ALG9", "DNAJB11", "ALG5", "PKD1", "IFT140", "PKD2"]
    said = as_dict(facts_of(*(("gene", g, causing, "ORPHA:730", "") for g in adpkd)), [], [])
    assert said["genes"] == (
        "Caused by changes in ALG5, ALG9, DNAJB11, GANAB, IFT140, NEK8, PKD1 and PKD2 (Orphanet)"
    )
    many = facts_of(*(("gene", f"G{n}", causing, "ORPHA:1", "") for n in range(9)))
    many += facts_of(
        *(("gene", f"R{n}", "Major susceptibility factor in", "ORPHA:1", "") for n in range(12))
    )
    assert as_dict(many, [], [])["genes"] == (
        "Caused by changes in any of 9 genes (see Genes); "
        "changes in any of 12 genes (see Genes) raise the risk (Orphanet)"
    )


def test_one_gene_named_for_modes_that_need_more_is_not_the_only_cause() -> None:
    # Orphanet names IARS2 alone for Leigh syndrome, which it says is autosomal recessive,
    # mitochondrial or X-linked recessive: no one gene is passed on in all of those ways.
    causing = "Disease-causing germline mutation(s) in"
    leigh = facts_of(
        ("inheritance", "Autosomal recessive", "", "ORPHA:506", ""),
        ("inheritance", "Mitochondrial inheritance", "", "ORPHA:506", ""),
        ("inheritance", "X-linked recessive", "", "ORPHA:506", ""),
        ("gene", "IARS2", causing, "ORPHA:506", ""),
    )
    said = as_dict(leigh, [], [])["genes"]
    assert said.startswith("Caused by changes in IARS2 (Orphanet); other genes too")
    sentence = summary(Told("Leigh syndrome", leigh)).text
    assert "can be caused by changes in the IARS2 gene, among others" in sentence
    # Dominant and recessive forms of one gene, or as many genes as places: nothing added.
    for facts in (
        facts_of(
            ("inheritance", "Autosomal recessive", "", "ORPHA:1", ""),
            ("inheritance", "Autosomal dominant", "", "ORPHA:1", ""),
            ("gene", "G1", causing, "ORPHA:1", ""),
        ),
        (
            *leigh,
            *facts_of(
                ("gene", "G2", causing, "ORPHA:506", "X-linked form"),
                ("gene", "MT-G3", causing, "ORPHA:506", "Maternally inherited form"),
            ),
        ),
        (*leigh[1:], *facts_of(("gene", "G2", causing, "ORPHA:506", ""))),
    ):
        assert "other genes" not in as_dict(facts, [], [])["genes"]
        assert "among others" not in summary(Told("X", facts)).text
    # Genes Orphanet says play a part beside the one it says causes it: those of a piece of
    # chromosome lost (22q11.2 deletion syndrome's TBX1, with COMT, HIRA...).
    deletion = facts_of(
        ("inheritance", "Autosomal dominant", "", "ORPHA:567", ""),
        ("gene", "TBX1", causing, "ORPHA:567", ""),
        ("gene", "TBX1", "Role in the phenotype of", "ORPHA:567", ""),
        ("gene", "COMT", "Role in the phenotype of", "ORPHA:567", ""),
        ("gene", "HIRA", "Role in the phenotype of", "ORPHA:567", ""),
    )
    sentence = summary(Told("22q11.2 deletion syndrome", deletion)).text
    assert "can be caused by changes in the TBX1 gene, among others" in sentence
    assert "among others" not in summary(Told("X", deletion[:4])).text  # one beside it
    # A subtype's inheritance says nothing of the whole disease.
    subtype = facts_of(
        ("inheritance", "Autosomal recessive", "", "ORPHA:1", ""),
        ("inheritance", "X-linked recessive", "", "ORPHA:1", "X-linked form"),
        ("gene", "G1", causing, "ORPHA:1", ""),
    )
    assert "other genes" not in as_dict(subtype, [], [])["genes"]


def test_onset_in_life_order_else_the_hpo_s() -> None:
    facts = facts_of(("onset", "Adult", "", "ORPHA:1", ""), ("onset", "Infancy", "", "ORPHA:1", ""))
    assert as_dict(facts, [], [Said("Adult onset", "OMIM:1")]) == {
        "typical_onset": "Infancy, adult (Orphanet)"
    }
    assert as_dict((), [], [Said("Infantile onset", "OMIM:100001")]) == {
        "typical_onset": "Infantile onset (HPO, OMIM 100001)"
    }


def test_no_fact_no_line() -> None:
    assert key_facts((), (), ()) == ()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("systemic lupus erythematosus", {"inheritance": "Not applicable: not inherited"}),
        ("marfan syndrome", {"genes": "FBN1", "inheritance": "Autosomal dominant (Orphanet)"}),
        ("cystic fibrosis", {"genes": "CFTR", "inheritance": "Autosomal recessive (Orphanet)"}),
    ],
)
def test_real_pages_show_orphanet_facts_and_credit_it(
    real_catalogue: Path, query: str, expected: dict[str, str]
) -> None:
    library = Library.open()
    view = library.page(query)
    assert isinstance(view.page, CataloguePage)
    shown = {fact.key: fact.text for fact in view.page.key_facts}
    for key, words in expected.items():
        assert words in shown[key], (key, shown)
    assert view.credits.orphanet_version == library.meta("orphanet_version") is not None
    assert "from Orphanet (version" in " ".join(plain.page(view).split())
