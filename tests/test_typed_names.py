"""Names as people type them, on the real catalogue: our own lists of possessives, plurals,
British spellings, "disease" and "syndrome" swapped, abbreviations, codes, common conditions the
catalogue lacks, and searches whose everyday form must come first. The issue's own examples are
in test_codes.py and test_mondo.py; these lists are other cases of the same rules."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from condlookup.errors import NotFoundError
from condlookup.library import Library
from condlookup.search import GENERIC_WORDS
from condlookup.text import fold_key, words


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        # possessives without their apostrophe
        ("fabrys disease", "Fabry disease"),
        ("wilsons disease", "Wilson disease"),
        ("tourettes", "Tourette syndrome"),
        ("downs syndrome", "Down syndrome"),
        ("gauchers disease", "Gaucher disease"),
        ("menieres disease", "Meniere disease"),
        ("alports", "Alport syndrome"),
        ("friedreichs ataxia", "Friedreich ataxia"),
        ("beckers muscular dystrophy", "Becker muscular dystrophy"),
        # plurals, Latin and Greek ones too
        ("muscular dystrophies", "muscular dystrophy"),
        ("leukodystrophies", "leukodystrophy"),
        ("neurofibromatoses", "neurofibromatosis"),
        ("cardiomyopathies", "cardiomyopathy"),
        ("mitochondrial diseases", "mitochondrial disease"),
        # British spellings
        ("thalassaemia", "thalassemia"),
        ("beta thalassaemia", "beta thalassemia"),
        ("haemophilia b", "hemophilia b"),
        ("acute lymphoblastic leukaemia", "acute lymphoblastic leukemia"),
        ("haemolytic uraemic syndrome", "hemolytic-uremic syndrome"),
        ("foetal alcohol syndrome", "fetal alcohol syndrome"),
        ("wilms tumour", "wilms tumor"),
        # "disease" or "syndrome" left out, swapped or added
        ("marfan disease", "Marfan syndrome"),
        ("rett disease", "Rett syndrome"),
        ("gaucher syndrome", "Gaucher disease"),
        ("cystic fibrosis disease", "cystic fibrosis"),
        ("angelman", "Angelman syndrome"),
        ("noonans", "Noonan syndrome"),
        # hyphens, spaces and accents
        ("guillain barre", "Guillain-Barré syndrome"),
        ("charcot marie tooth disease", "Charcot-Marie-Tooth disease"),
        ("tay sachs", "Tay-Sachs disease"),
        ("prader willi", "Prader-Willi syndrome"),
        ("niemann pick", "Niemann-Pick disease"),
        ("niemann-pick type c", "Niemann-Pick disease type C"),  # no "disease" before its type
        ("gaucher type 2", "Gaucher disease type II"),
        ("SJÖGREN", "Sjögren's syndrome"),
    ],
)
def test_names_as_people_type_them(real_catalogue: Path, typed: str, name: str) -> None:
    library = Library.open()
    assert library.identify(typed) == library.identify(name)


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("DS", "Dravet syndrome"),
        ("ALS", "Amyotrophic lateral sclerosis"),
        ("CF", "Cystic fibrosis"),
        ("PKU", "Phenylketonuria"),
        ("FXS", "Fragile X syndrome"),
        ("PWS", "Prader-Willi syndrome"),
        ("OI", "Osteogenesis imperfecta"),
        ("FOP", "Fibrodysplasia ossificans progressiva"),
        ("lou gehrig disease", "Amyotrophic lateral sclerosis"),
        ("kinsbourne syndrome", "Opsoclonus-myoclonus syndrome"),
    ],
)
def test_another_name_is_named_on_the_page(real_catalogue: Path, typed: str, name: str) -> None:
    view = Library.open().page(typed)
    assert (view.page.name, view.found_by) == (name, typed)


def test_a_swapped_ending_names_the_name_it_stands_for(real_catalogue: Path) -> None:
    """ "pompe syndrome" is no name of Glycogen storage disease II; "Pompe disease" is."""
    view = Library.open().page("pompe syndrome")
    assert (view.page.name, view.found_by) == ("Glycogen storage disease II", "Pompe disease")


@pytest.mark.parametrize("typed", ["marfan", "MARFAN SYNDROME", "marfans", "marfan disease"])
def test_its_own_name_however_typed_is_not_another_name(real_catalogue: Path, typed: str) -> None:
    assert Library.open().page(typed).found_by is None


@pytest.mark.parametrize(
    ("typed", "names"),
    [
        ("RA", {"Rheumatoid arthritis"}),
        ("TTP", {"Thrombotic thrombocytopenic purpura"}),
    ],
)
def test_an_abbreviation_of_several_lists_them(
    real_catalogue: Path, typed: str, names: set[str]
) -> None:
    with pytest.raises(NotFoundError, match="names more than one condition") as raised:
        Library.open().identify(typed)
    assert all(name in raised.value.message for name in names)


@pytest.mark.parametrize(
    "typed", ["orphanet:558", "ORPHA_558", "orpha 558", "mim 154700", "omim:154700", "mondo_7947"]
)
def test_codes_in_any_spelling(real_catalogue: Path, typed: str) -> None:
    library = Library.open()
    assert library.get(typed).name == "Marfan syndrome"
    assert library.search(typed).hits[0].name == "Marfan syndrome"


# Common conditions outside the catalogue, as typed: each miss suggests only names that share a
# real word with the query (the same word, or one a letter or two away), or says plainly that
# the condition is not covered.
COMMON = [
    "migraine",
    "migraines",
    "asthma",
    "diabetes",
    "parkinsons",
    "crohns",
    "heart attack",
    "stroke",
    "dementia",
    "cancer",
    "bells palsy",
    "depression",
    "eczema",
    "psoriasis",
    "gout",
    "hypertension",
    "common cold",
    "chicken pox",
    "the flu",
    "adhd",
]


@pytest.mark.parametrize("typed", COMMON)
def test_a_miss_suggests_only_names_that_share_a_word(real_catalogue: Path, typed: str) -> None:
    import difflib

    with pytest.raises(NotFoundError) as raised:
        Library.open().identify(typed)
    message = raised.value.message + " " + (raised.value.hint or "")
    assert "did you mean" in message or "is not a condition condlookup covers" in message
    if "did you mean: " not in message:
        return
    suggested = re.findall(r'"([^"]+)"', message.split("did you mean: ")[1])
    assert 1 <= len(suggested) <= 3
    real = {fold_key(word) for word in words(typed) if word not in GENERIC_WORDS}
    for suggestion in suggested:
        own = {fold_key(word) for word in words(suggestion)}
        assert any(
            word in own
            or any(difflib.SequenceMatcher(None, word, other).ratio() >= 0.8 for other in own)
            for word in real
        ), (typed, suggestion)


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("lupus", "Systemic lupus erythematosus"),
        ("marfan sindrome", "Marfan syndrome"),
        ("huntingon", "Huntington disease"),
        ("cystic fibrosus", "Cystic fibrosis"),
        ("angelmann", "Angelman syndrome"),
        ("duchennes", "Duchenne muscular dystrophy"),
    ],
)
def test_the_closest_name_is_suggested_first(real_catalogue: Path, typed: str, first: str) -> None:
    with pytest.raises(NotFoundError) as raised:
        Library.open().identify(typed)
    assert (raised.value.hint or "").split("did you mean: ")[1].startswith(f'"{first}", ')


@pytest.mark.parametrize(
    ("query", "order"),
    [
        ("lupus", ["Systemic lupus erythematosus", "Neonatal lupus erythematosus"]),
        ("neurofibromatosis", ["Neurofibromatosis", "Neurofibromatosis type 1"]),
        ("hemophilia", ["Hemophilia", "Hemophilia A"]),
        ("thalassemia", ["Thalassemia", "Beta-thalassemia and related diseases"]),
        ("muscular dystrophy", ["Muscular dystrophy", "Duchenne muscular dystrophy"]),
        ("retinitis pigmentosa", ["Retinitis pigmentosa", "Retinitis pigmentosa 1"]),
        ("ehlers danlos", ["Ehlers-Danlos syndrome", "Ehlers-Danlos syndrome, classic type"]),
        ("tuberous sclerosis", ["Tuberous sclerosis", "Tuberous sclerosis 1"]),
    ],
)
def test_search_puts_the_everyday_form_first(
    real_catalogue: Path, query: str, order: list[str]
) -> None:
    names = [hit.name for hit in Library.open().search(query, limit=400).hits]
    assert names[0] == order[0]
    assert names.index(order[0]) < names.index(order[1])
