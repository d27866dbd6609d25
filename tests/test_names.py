"""Names that mean this disease: each rule of `catalogue.names` on made-up names, and the pages
of the issue (and a few more) as the real catalogue shows them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from condlookup.catalogue.diseases import CataloguePage
from condlookup.catalogue.known_names import owners, words_of
from condlookup.catalogue.names import Known, also_called
from condlookup.commands.app import app
from condlookup.library import Library
from condlookup.render.common import some_names


def called(name: str, *synonyms: str, **sources: tuple[str, ...]) -> list[str]:
    """What a condition named `name` with these Mondo synonyms is shown to be also called."""
    return also_called(name, sources.get("labels", ()), synonyms, sources.get("orphanet", ()))


# -- markup of the sources ------------------------------------------------------------------------


def test_a_roman_numeral_read_inside_a_word_is_markup_a_subtype_is_not() -> None:
    words = words_of(["Gilles de la Tourette syndrome", "cleft lip", "upper lid coloboma"])
    known = Known(words=lambda: words)
    synonyms = (
        "Gilles De 50A Tourette syndrome",  # "la" read as L = 50
        "cleft 51P and palate",  # "lip" as LI = 51
        "Tourette type 84A",  # a subtype: LXXXIVA is no word
        "Tourette 46XY",
        "Tourette 1A",  # below 40, a subtype whatever its Roman form reads as
    )
    assert also_called("Tourette syndrome", (), synonyms, known=known) == [
        "Tourette type 84A",
        "Tourette 46XY",
        "Tourette 1A",
    ]


def test_a_hurtful_name_is_never_shown() -> None:
    assert called("Angelman syndrome", "AS", "happy puppet syndrome", "puppetlike syndrome") == [
        "AS"
    ]
    assert called("22q11.2 deletion syndrome", "catch 22", "Catch22", "VCFS") == ["VCFS"]
    assert called("X", "amaurotic idiocy late infantile type", "imbecilitus phenylpyruvica") == []


def test_a_word_read_as_a_roman_numeral_beside_the_name_it_came_from_is_markup() -> None:
    # "Li" read as LI = 51, as a word of its own, where the name with "Li" is given too.
    synonyms = (
        "sarcoma family syndrome of 51 and Fraumeni",
        "sarcoma family syndrome of Li and Fraumeni",
        "cancer family 50",  # no twin with "l": a number
    )
    assert called("Li-Fraumeni syndrome", *synonyms) == [
        "sarcoma family syndrome of Li and Fraumeni",
        "cancer family 50",
    ]


@pytest.mark.parametrize(
    "synonym",
    [
        "Vater associationvacterl association, included",  # OMIM's included title
        "6-@phosphogluconolactonase deficiency",
        'Unclassified sarcoma (formerly ""MFH"")',  # doubled by CSV
        'undifferentiated sarcoma"',
        "A cataract that has_material_basis_in a mutation",
        "hypokalemic paralysis (& [familial])",  # Read codes
        "happy puppet syndrome (formerly)",
        "happy puppet syndrome, formerly",
        "chronic external ophthalmoplegia [ambiguous]",
        "late onset myopathy (subtype)",
        "Dandy-Walker variant (type of DW complex)",
        "dysgammaglobulinemia (finding)",
        "small cell carcinoma (morphologic abnormality)",
        "thrombocytopenia, Paris-Trousseau type, Isolated cases",
        "ChC)diak-Higashi disease",  # an encoding broke the accent of Chédiak
        "supernumerary Der(22)T(11",  # cut short
    ],
)
def test_a_name_with_markup_of_its_source_is_left_out(synonym: str) -> None:
    assert called("Some disease", synonym) == []


def test_snomeds_tag_of_a_disorder_is_dropped_and_the_name_kept() -> None:
    assert called("Pemphigoid gestationis", "Herpes gestationis (disorder)") == [
        "Herpes gestationis"
    ]
    assert called("Cataract 4", "cataract (disease) caused by mutation in CRYGD") == [
        "cataract caused by mutation in CRYGD"
    ]
    assert called("Cataract 4", "cataract 4 (disease)", "cataract 4 (disorder) [ambiguous]") == []


# -- names of another thing -----------------------------------------------------------------------


def test_susceptibility_protection_modifier_trait_and_somatic_names_are_left_out() -> None:
    assert called(
        "Systemic lupus erythematosus",
        "SLE",
        "lupus nephritis, susceptibility to",
        "systemic lupus erythematosus susceptibility 2",
        "susceptibility to lupus",
        "Alzheimer disease, protection against",
        "macular degeneration, reduced risk of",
        "cystic fibrosis lung disease, modifier of",
        "low density lipoprotein cholesterol level QTL 2",
        "HDL cholesterol level quantitative trait locus 10",
        "lupus, somatic",
        "lupus erythematosus, somatic mutation",
    ) == ["SLE"]
    # A medicine's international name spells alpha "alfa"; a disease's name does not.
    assert called(
        "Glycogen storage disease II",
        "Pompe disease",
        "Aglucosidase alfa",
        "alpha-glucosidase deficiency",
    ) == ["Pompe disease", "alpha-glucosidase deficiency"]


def test_a_susceptibility_the_disease_is_or_its_own_name_says_is_kept() -> None:
    assert called(
        "Deafness, aminoglycoside-induced",
        "mitochondrial deafness with susceptibility to aminoglycoside exposure",
    ) == ["mitochondrial deafness with susceptibility to aminoglycoside exposure"]
    assert called("Li-Fraumeni syndrome", "familial cancer susceptibility syndrome") == [
        "familial cancer susceptibility syndrome"
    ]
    assert called("Hirschsprung disease, susceptibility to, 1", "HSCR1", "HSCR susceptibility") == [
        "HSCR1",
        "HSCR susceptibility",
    ]
    # Orphanet's names are exact names of the disorder.
    assert called("Immunodeficiency 35", orphanet=("Susceptibility to infection due to TYK2",)) == [
        "Susceptibility to infection due to TYK2"
    ]


def test_a_name_of_a_measured_change_names_a_finding() -> None:
    assert called("Lupus", "excess LMW-DNA", "increased aromatase activity", "SLE") == ["SLE"]
    assert called("Aromatase excess", "increased aromatase syndrome") == [
        "increased aromatase syndrome"
    ]


def test_names_of_something_of_the_disease_or_like_it_are_left_out() -> None:
    shown = called(
        "Down syndrome",
        "trisomy 21",
        "Down syndrome critical region",  # its name and more
        "Down syndrome, isolated",
        "leukemia, megakaryoblastic, of Down syndrome",  # after a preposition
        "Transient Myeloproliferative Disorder of Down syndrome",
        "Down-like syndrome",
        "complete Down syndrome",  # after words in lower case: a kind of it
        "Down syndrome disease",  # and a generic word: a repeat
    )
    assert shown == ["trisomy 21"]
    # A name or a capital before it, or a hyphen joining it, makes a longer name of it.
    assert called(
        "Tourette syndrome",
        "Gilles de la Tourette syndrome",
        "Guinon-Tourette syndrome",
        "familial Tourette syndrome",
    ) == ["Gilles de la Tourette syndrome", "Guinon-Tourette syndrome"]
    assert called("Phenylketonuria", "PKU", "HPA, non-PKU mild") == ["PKU"]
    # Orphanet's own names may hold the name and more.
    assert called("Marfan syndrome", orphanet=("Marfan syndrome type 1",)) == [
        "Marfan syndrome type 1"
    ]


# -- names that belong to another condition -------------------------------------------------------


def test_another_conditions_name_or_label_is_left_out() -> None:
    named = owners(
        [
            ("MONDO:1", "Mucopolysaccharidosis type 1", ["Mucopolysaccharidosis type 1"], []),
            ("MONDO:2", "Hurler syndrome", ["Hurler syndrome"], []),
            ("OMIM:3", "Scheie syndrome", ["Scheie syndrome", "MPS1-S"], []),
            ("MONDO:4", "Achondrogenesis type 2", [], []),
            ("MONDO:5", "Velocardiofacial syndrome", [], []),
        ]
    )
    known = Known(named.elsewhere)
    synonyms = (
        "MPS1",
        "Hurler syndrome",  # another's own name
        "MPS1-S",  # another's label
        "type II achondrogenesis",  # another's own name in other words
        "velo-cardio-facial syndrome",  # with hyphens
        "Mucopolysaccharidosis I",  # its own
    )
    shown = also_called("Mucopolysaccharidosis type 1", (), synonyms, known=known, me="MONDO:1")
    assert shown == ["MPS1"]
    # A label of this condition gives way only to another condition's own name.
    assert also_called(
        "Mucopolysaccharidosis type 1", ("MPS1-S", "Hurler syndrome"), (), known=known, me="MONDO:1"
    ) == ["MPS1-S"]


def test_a_synonym_two_unrelated_conditions_share_is_left_out() -> None:
    fragile = ("primary ovarian insufficiency, fragile X-associated", "FXS", "Martin-Bell syndrome")
    named = owners(
        [
            ("MONDO:1", "Fragile X syndrome", [], fragile),
            ("MONDO:2", "POF1", [], ["fragile X-associated primary ovarian insufficiency", "FXS"]),
            ("MONDO:3", "Seckel syndrome", [], ["bird-headed dwarfism"]),
            ("MONDO:4", "Seckel syndrome 1", [], ["bird-headed dwarfism"]),
        ],
        [("MONDO:3", "MONDO:4")],
    )
    known = Known(named.elsewhere)

    def shown(me: str, name: str, *synonyms: str) -> list[str]:
        return also_called(name, (), synonyms, known=known, me=me)

    # The same words in another order are the same name; a name of one word (an abbreviation)
    # may stand for several conditions and stays.
    assert shown("MONDO:1", "Fragile X syndrome", *fragile) == ["FXS", "Martin-Bell syndrome"]
    # A family and its type share names.
    assert shown("MONDO:3", "Seckel syndrome", "bird-headed dwarfism") == ["bird-headed dwarfism"]
    assert shown("MONDO:4", "Seckel syndrome 1", "bird-headed dwarfism") == ["bird-headed dwarfism"]
    # Two types of one family that share a name: it is the family's, neither type's.
    named = owners(
        [
            ("MONDO:3", "Seckel syndrome", [], ["bird-headed dwarfism"]),
            ("MONDO:4", "Seckel syndrome 1", [], ["bird-headed dwarfism"]),
            ("MONDO:5", "Seckel syndrome 2", [], ["bird-headed dwarfism"]),
        ],
        [("MONDO:3", "MONDO:4"), ("MONDO:3", "MONDO:5")],
    )
    known = Known(named.elsewhere)
    assert shown("MONDO:4", "Seckel syndrome 1", "bird-headed dwarfism") == []
    assert shown("MONDO:3", "Seckel syndrome", "bird-headed dwarfism") == ["bird-headed dwarfism"]


# -- inverted catalogue forms and repeats ---------------------------------------------------------


def test_inverted_forms_and_joined_names_are_left_out() -> None:
    shown = called(
        "Isolated congenital adermatoglyphia",
        "Fingerprints, absence of",  # its preposition last
        "adermatoglyphia, susceptibility to, 2",
        "Syndrome, Baird",  # its generic head first
        "Baird syndrome",
        "ICA - isolated congenital adermatoglyphia",  # two names of it joined
        "Baird syndrome (ICA)",
        "ICA",
        "adermatoglyphia - familial type",  # joined, but neither part is a name of it
    )
    assert shown == ["Baird syndrome", "ICA", "adermatoglyphia - familial type"]
    # A condition whose own name is in that form keeps its names of that form.
    assert called("Fingerprints, absence of", "Fingerprints, complete absence of") == [
        "Fingerprints, complete absence of"
    ]


def test_repeats_are_shown_once_in_the_best_spelling() -> None:
    shown = called(
        "Ehlers-Danlos syndrome",
        "Danlos Disease, Ehlers",  # inverted
        "Disease, Ehlers Danlos",
        "danlos ehlers syndrome",  # other order
        "Ehlers Danlos Disease",  # other generic head
        "EDS",
        "Eds",
        "lupus erythematosus, systemic",
        "systemic lupus erythematosus",
    )
    assert shown == ["EDS", "systemic lupus erythematosus"]
    assert called(
        "Tourette syndrome",
        "Gilles de la tourette syndrome",
        "GILLES DE LA TOURETTE SYNDROME",
        "Gilles De La Tourette Syndrome",
        "Gilles de la Tourette syndrome",
    ) == ["Gilles de la Tourette syndrome"]
    assert called("Atelosteogenesis type II", "atelosteogenesis, type 2", "AO2") == ["AO2"]
    assert called("Williams syndrome", "Williams-Beuren syndrome", "williams beuren syndrome") == [
        "Williams-Beuren syndrome"
    ]


def test_orphanets_and_the_catalogues_names_come_first_short_ones_first() -> None:
    shown = also_called(
        "Glycogen storage disease II",
        labels=("Acid maltase deficiency disease",),
        synonyms=("GSD2", "acid alpha-glucosidase deficiency"),
        orphanet=("Glycogenosis due to acid maltase deficiency", "Pompe disease"),
    )
    assert shown == [
        "Pompe disease",
        "Acid maltase deficiency disease",
        "Glycogenosis due to acid maltase deficiency",
        "GSD2",
        "acid alpha-glucosidase deficiency",
    ]


def test_a_page_shows_six_names_and_says_how_many_more() -> None:
    assert some_names(("A", "B")) == "A, B"
    assert some_names(tuple("ABCDEF")) == "A, B, C, D, E, F"
    assert some_names(tuple("ABCDEFGH")) == "A, B, C, D, E, F (2 more with --json)"


# -- the real catalogue ---------------------------------------------------------------------------


def real_page(name: str) -> CataloguePage:
    found = Library.open().get(name)
    assert isinstance(found, CataloguePage), name
    return found


@pytest.mark.parametrize(
    ("query", "kept", "left_out"),
    [
        (
            "systemic lupus erythematosus",
            ["SLE", "Disseminated lupus erythematosus"],
            ["susceptib", "LMW", "lupus erythematosus, systemic", "(disease)"],
        ),
        (
            "tourette syndrome",
            ["Gilles de la Tourette syndrome", "GTS"],
            ["50A", "Tourette's"],
        ),
        ("ehlers-danlos syndrome", ["EDS"], ["Danlos Disease, Ehlers", "Syndrome, Ehlers-Danlos"]),
        ("down syndrome", ["trisomy 21"], ["critical region", "leukemia", "Isolated cases"]),
        ("phenylketonuria", ["PKU", "phenylalanine hydroxylase deficiency"], ["non-PKU"]),
        ("pompe disease", ["Pompe disease", "GSD type II"], ["Glycogen storage disease type 2"]),
        ("cystic fibrosis", ["CF", "Mucoviscidosis"], ["modifier", "susceptibility"]),
        ("prader-willi syndrome", ["PWS"], ["-like", "chromosome region"]),
    ],
)
def test_real_pages_are_also_called_by_names_of_them(
    real_catalogue: Path, query: str, kept: list[str], left_out: list[str]
) -> None:
    aliases = real_page(query).aliases
    for name in kept:
        assert name in aliases, name
    for part in left_out:
        assert not [name for name in aliases if part.casefold() in name.casefold()], part


def test_a_name_left_out_still_finds_its_page(real_catalogue: Path) -> None:
    library = Library.open()
    assert library.identify("lupus erythematosus, systemic") == "MONDO:0007915"
    assert library.identify("Tourette disorder") == "MONDO:0007661"


def test_a_real_page_shows_six_names_and_json_all(real_catalogue: Path, runner: CliRunner) -> None:
    aliases = real_page("pompe disease").aliases
    assert len(aliases) > 6
    shown = runner.invoke(app, ["show", "pompe disease"]).stdout
    assert f"({len(aliases) - 6} more with --json)" in " ".join(shown.split())
    data = json.loads(runner.invoke(app, ["show", "pompe disease", "--json"]).stdout)
    assert data["aliases"] == list(aliases)
