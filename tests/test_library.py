from __future__ import annotations

import pytest

from condlookup.errors import CondlookupError, NotFoundError
from condlookup.library import Library


@pytest.fixture
def library(fixture_pages: object) -> Library:
    return Library.open()


@pytest.mark.parametrize(
    "query",
    [
        "test-fever",
        "Test fever",
        "TEST FEVER",
        "tf",
        "fievre d'essai",
        "Fièvre d’essai",
        "ORPHA:999999",
        "orpha 999999",
    ],
)
def test_get_by_id_name_alias_code_any_case_or_accent(library: Library, query: str) -> None:
    assert library.get(query).id == "test-fever"


def test_get_drops_a_generic_ending(library: Library) -> None:
    assert library.get("test rash").id == "test-rash"


def test_no_guess_only_suggestions(library: Library) -> None:
    with pytest.raises(NotFoundError) as caught:
        library.get("test fevr")
    assert caught.value.message == "no condition named 'test fevr'"
    # Conditions whose names share a real word ("test"); no search, since it finds nothing.
    assert caught.value.hint == (
        'condlookup covers its own pages; did you mean: "Test fever", "Test rash syndrome"?'
    )
    # No name shares a word: said plainly; the search is offered, as it finds the page's text.
    with pytest.raises(NotFoundError) as by_words:
        library.get("shown page")
    assert (
        by_words.value.message
        == "'shown page' is not a condition condlookup covers (its own pages)"
    )
    assert by_words.value.hint == (
        "to find conditions by their symptoms, try `condlookup match SYMPTOMS`, "
        "or `condlookup search shown page`"
    )
    with pytest.raises(NotFoundError) as unknown:
        library.get("../../etc/passwd")
    assert (
        unknown.value.hint
        == "to find conditions by their symptoms, try `condlookup match SYMPTOMS`"
    )
    # Words that name no condition by themselves suggest nothing.
    with pytest.raises(NotFoundError) as generic:
        library.get("the disease")
    assert generic.value.message.startswith("'the disease' is not a condition")


def test_search_ranks_names_above_symptoms_above_text(library: Library) -> None:
    result = library.search("test")
    assert sorted((hit.id, hit.matched_field) for hit in result.hits) == [
        ("test-fever", "name"),
        ("test-rash", "name"),
    ]
    ataxia = library.search("ataxia")
    assert [(hit.id, hit.matched_field, hit.line) for hit in ataxia.hits] == [
        ("test-fever", "symptom", "Ataxia: Unsteady, clumsy movements")
    ]
    rash = library.search("rash")
    assert [(hit.id, hit.matched_field) for hit in rash.hits] == [
        ("test-rash", "name"),
        ("test-fever", "text"),
    ]
    assert rash.hits[0].score > rash.hits[1].score


def test_search_needs_every_word_and_ignores_case_and_accents(library: Library) -> None:
    assert [hit.id for hit in library.search("FIEVRE essai").hits] == ["test-fever"]
    assert library.search("fever spots").total == 0
    hit = library.search("clumsy ataxia").hits[0]
    assert [hit.line[a:b] for a, b in hit.spans] == ["Ataxia", "clumsy"]


@pytest.mark.parametrize(
    "text",
    ['"', "NEAR(a b)", "a*", "-x", "x OR y", "'; DROP TABLE conditions; --", "(", "^", "a:b"],
)
def test_search_text_is_never_fts_syntax(library: Library, text: str) -> None:
    try:
        result = library.search(text)
    except CondlookupError as err:  # only symbols: nothing to search for
        assert err.message.startswith("nothing to search for")
    else:
        assert all(hit.id.startswith("test-") for hit in result.hits)
    assert library.get("test-fever").id == "test-fever"


def test_search_with_no_words_is_an_error(library: Library) -> None:
    with pytest.raises(CondlookupError, match="nothing to search for"):
        library.search("*** ()")


def test_search_limit_and_specialist(library: Library) -> None:
    result = library.search("test", limit=1)
    assert (result.total, len(result.hits)) == (2, 1)
    assert [hit.id for hit in library.search("test", specialist="Dermatologist").hits] == [
        "test-rash"
    ]


def test_summaries_and_ids(library: Library) -> None:
    assert [item.id for item in library.summaries()] == ["test-fever", "test-rash"]
    assert [item.id for item in library.summaries(specialist="neurolog")] == ["test-fever"]
    assert library.ids("test-r") == ["test-rash"]
    assert library.counts() == {"curated": 2}
