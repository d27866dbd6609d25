"""The HPO catalogue on a tiny made-up release (tests/data/hpo): reading, indexing, pages, search."""

from __future__ import annotations

from pathlib import Path

import pytest

from condlookup.catalogue.diseases import CataloguePage, frequency_words, weighed
from condlookup.catalogue.evidence import gather, systems_of_term
from condlookup.catalogue.specialists import choose
from condlookup.errors import DataError
from condlookup.library import Library
from condlookup.pages.models import Condition
from condlookup.sources.hpo import read_annotations, read_terms, release
from conftest import FIXTURE_HPO


def test_terms_are_read_with_synonyms_parents_and_obsolete_ids() -> None:
    terms = {term.id: term for term in read_terms(FIXTURE_HPO / "hp.obo")}
    assert len(terms) == 16
    xerostomia = terms["HP:0000217"]
    assert xerostomia.layperson == ("Dry mouth", 'Dry "mouth" syndrome')
    assert terms["HP:0002066"].parents == ("HP:0001251",)
    assert terms["HP:0001251"].alt_ids == ("HP:0009998",)
    assert terms["HP:0001251"].definition is not None
    assert (terms["HP:0009999"].obsolete, terms["HP:0009999"].replaced_by) == (True, "HP:0000589")
    assert release(FIXTURE_HPO / "hp.obo") == "2099-01-01"


def test_annotations_drop_not_and_read_every_kind_of_frequency() -> None:
    rows = list(read_annotations(FIXTURE_HPO / "phenotype.hpoa"))
    assert [row.term for row in rows if row.disease == "OMIM:100002"] == ["HP:0009999"]
    by_term = {(row.disease, row.term): row for row in rows}
    assert by_term["OMIM:100001", "HP:0001251"].frequency_text == "very frequent"
    assert by_term["OMIM:100001", "HP:0002066"].frequency == 0.5
    assert by_term["OMIM:100002", "HP:0009999"].frequency == 0.4
    assert by_term["OMIM:100001", "HP:0000006"].aspect == "I"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "no annotations (empty or truncated file)"),
        (b"#description only\n", "no annotations (empty or truncated file)"),
        (b"garbage\x00\x01\n", ":1: not a phenotype.hpoa header line"),
        (b"\xff\xfe not text", "not valid UTF-8"),
    ],
)
def test_a_broken_annotation_file_is_named(tmp_path: Path, content: bytes, message: str) -> None:
    broken = tmp_path / "phenotype.hpoa"
    broken.write_bytes(content)
    with pytest.raises(DataError) as caught:
        list(read_annotations(broken))
    assert caught.value.message.startswith(str(broken))
    assert message in caught.value.message


def test_a_truncated_annotation_line_is_named(tmp_path: Path) -> None:
    text = (FIXTURE_HPO / "phenotype.hpoa").read_text()
    broken = tmp_path / "phenotype.hpoa"
    broken.write_text(text[: text.index("ORPHA:2\tDry syndrome") + 30])
    with pytest.raises(DataError, match=r"phenotype.hpoa:9: expected 12 tab-separated columns"):
        list(read_annotations(broken))


def test_frequency_words() -> None:
    assert frequency_words(0.895, "very frequent") == "very frequent"
    assert frequency_words(0.43, "3/7") == "3/7 (43%)"
    # Counted in one or two patients: said so, with no bar, ordered with the unknown ones.
    assert frequency_words(0.5, "1/2") == "1/2 (two patients only)"
    assert frequency_words(1.0, "1/1") == "1/1 (one patient only)"
    assert (weighed(1.0, "1/1"), weighed(1.0, "2/2"), weighed(1.0, "3/3")) == (None, None, 1.0)
    assert weighed(0.9, "very frequent") == 0.9
    assert frequency_words(0.4, "40%") == "40%"
    assert frequency_words(None, None) == "frequency not known"
    assert frequency_words(0.02, None) == "very rare"


def derive(weights: list[tuple[int, float]], pediatric: bool, genetic: bool) -> tuple[str, ...]:
    """Who to see for a disease neither Orphanet nor Mondo classifies: from the organ systems
    (HPO categories) of its features alone."""
    found = gather(
        frozenset(),
        {},
        [(systems_of_term((category,)), weight) for category, weight in weights],
        "child" if pediatric else "",
        "it is inherited" if genetic else "",
    )
    return tuple(item.name for item in choose(found))


def test_specialists_come_from_organ_systems() -> None:
    weights = [(707, 0.9), (707, 0.5), (478, 0.9)]
    assert derive(weights, pediatric=True, genetic=True) == (
        "pediatric neurologist (children)",
        "neurologist",
        "pediatric ophthalmologist (children)",
        "ophthalmologist",
        "clinical geneticist",
    )
    assert derive([(598, 1.0)], pediatric=False, genetic=False) == (
        "ENT specialist and audiologist",
    )


@pytest.fixture
def library(fixture_catalogue: Path) -> Library:
    return Library.open()


def test_a_catalogue_disease_has_its_own_page(library: Library) -> None:
    page = library.get("OMIM:100001")
    assert isinstance(page, CataloguePage)
    assert page.name == "Test ataxia syndrome"
    assert page.inheritance == ("Autosomal dominant inheritance",)
    assert page.onsets == ("Infantile onset",)
    assert [(p.hpo, p.category, p.frequency) for p in page.phenotypes] == [
        ("HP:0001251", "Nervous system", 0.895),
        ("HP:0002066", "Nervous system", 0.5),
    ]
    assert page.specialists == (
        "pediatric neurologist (children)",
        "neurologist",
        "clinical geneticist",
    )
    assert page.hpo_release == "2099-01-01"
    assert library.get("test ataxia syndrome") == page


def test_obsolete_and_alt_ids_are_followed(library: Library) -> None:
    page = library.get("OMIM:100002")
    assert isinstance(page, CataloguePage)
    assert [p.hpo for p in page.phenotypes] == ["HP:0000589"]  # HP:0009999 was replaced


def test_a_curated_page_stands_for_its_catalogue_entry(library: Library) -> None:
    assert isinstance(library.get("ORPHA:999999"), Condition)
    assert library.get("ORPHA:999999").id == "test-fever"
    # The catalogue entry is not a condition of its own: its name finds the page.
    assert library.get("Test fever (catalogue)").id == "test-fever"
    origins = {p.hpo: p.origin for p in library.annotations("test-fever")}
    # HP:0001945 (Fever) is not in the tiny release, so only two terms are known.
    assert origins == {"HP:0000589": "ORPHA:999999", "HP:0001251": "page"}
    assert library.annotation_counts("test-fever") == (2, 2, ("ORPHA:999999",))


def test_search_finds_diseases_through_terms_and_narrower_terms(library: Library) -> None:
    result = library.search("dry mouth")
    assert [(hit.id, hit.matched_field, hit.line) for hit in result.hits] == [
        ("ORPHA:2", "symptom", "Xerostomia (dry mouth), very frequent")
    ]
    ataxia = library.search("ataxia")
    assert [(hit.id, hit.matched_field) for hit in ataxia.hits] == [
        ("OMIM:100001", "name"),
        ("test-fever", "symptom"),
    ]
    unsteady = library.search("unsteady gait")  # a layperson synonym of Gait ataxia
    assert [hit.id for hit in unsteady.hits] == ["OMIM:100001"]
    assert [hit.id for hit in library.search("ataxia", source="hpo").hits] == ["OMIM:100001"]
    assert [hit.id for hit in library.search("ataxia", source="curated").hits] == ["test-fever"]
    assert library.search("incoordination").total == 2  # Ataxia's synonym, page and catalogue


def test_a_page_found_only_by_annotations_it_took_over_is_ranked_as_the_catalogue(
    library: Library,
) -> None:
    # test-fever's page lists no coloboma: it took over its catalogue entry's (occasional), and
    # comes after a disease where it is very frequent; by its own words, a page comes first.
    coloboma = library.search("coloboma")
    assert [(hit.id, hit.matched_field) for hit in coloboma.hits] == [
        ("OMIM:100002", "symptom"),
        ("test-fever", "symptom"),
    ]
    assert [hit.id for hit in library.search("ataxia").hits][-1] == "test-fever"


@pytest.mark.parametrize("query", ["test-fever", "test-rash", "OMIM:100001"])
@pytest.mark.parametrize("annotations", [False, True])
def test_every_format_shows_and_credits_the_same(
    library: Library, query: str, annotations: bool
) -> None:
    """One outline: the HPO is credited, and its annotations shown or counted, in every format
    or in none (Markdown once credited it only when the annotations were unfolded)."""
    import io

    from rich.console import Console

    from condlookup.render import data, markdown, plain, styled

    view = library.page(query, annotations=annotations)
    console = Console(file=io.StringIO(), width=100, color_system=None)
    console.print(styled.page(view))
    assert isinstance(console.file, io.StringIO)
    shown = {
        "plain": plain.page(view),
        "styled": console.file.getvalue(),
        "markdown": markdown.page(view),
    }
    credit = "This product uses the Human Phenotype Ontology (release 2099-01-01)"
    credited = {name: credit in " ".join(text.split()) for name, text in shown.items()}
    annotated = {name: "HPO annotations" in text for name, text in shown.items()}
    expected = view.credits.hpo_release is not None
    assert credited == dict.fromkeys(shown, expected)
    assert data.page(view)["hpo_version"] == view.credits.hpo_release
    if view.page.source != "hpo":  # a catalogue page is the HPO's throughout
        assert annotated == dict.fromkeys(shown, expected)
    assert expected == (query != "test-rash")  # test-rash stands for no catalogue entry
