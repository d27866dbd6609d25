"""Rendered pages against golden files, byte for byte (`pytest --update-goldens` rewrites them)."""

from __future__ import annotations

import io

import pytest
from rich.console import Console, RenderableType

from condlookup.catalogue.view import PageView
from condlookup.library import Library
from condlookup.pages.models import Condition
from condlookup.render import common, plain, styled
from conftest import check_golden


@pytest.fixture
def library(fixture_pages: object) -> Library:
    return Library.open()


def page_of(library: Library, query: str) -> PageView:
    found = library.page(query)
    assert isinstance(found.page, Condition)
    return found


def rendered(renderable: RenderableType) -> str:
    """A console built here, not at import time, so the environment cannot leak in."""
    console = Console(file=io.StringIO(), width=100, color_system=None, force_terminal=False)
    console.print(renderable)
    output = console.file
    assert isinstance(output, io.StringIO)
    return output.getvalue()


def test_plain_page(library: Library, update_goldens: bool) -> None:
    check_golden("test-fever.plain.txt", plain.page(page_of(library, "test-fever")), update_goldens)
    check_golden("test-rash.plain.txt", plain.page(page_of(library, "test-rash")), update_goldens)


def test_rich_page(library: Library, update_goldens: bool) -> None:
    check_golden(
        "test-fever.rich.txt", rendered(styled.page(page_of(library, "test-fever"))), update_goldens
    )
    check_golden(
        "test-rash.rich.txt", rendered(styled.page(page_of(library, "test-rash"))), update_goldens
    )


def test_search_and_list(library: Library, update_goldens: bool) -> None:
    result = library.search("test")
    check_golden("search-test.rich.txt", rendered(styled.search(result)), update_goldens)
    check_golden("list.rich.txt", rendered(styled.listing(library.summaries())), update_goldens)


def test_search_highlights_the_matched_words(library: Library) -> None:
    hit = library.search("clumsy").hits[0]
    table = styled.search(library.search("clumsy"))
    console = Console(file=io.StringIO(), width=100, color_system="standard", force_terminal=True)
    console.print(table)
    output = console.file
    assert isinstance(output, io.StringIO)
    assert "\x1b[1;33mclumsy\x1b[0m" in output.getvalue()
    assert hit.line[hit.spans[0][0] : hit.spans[0][1]] == "clumsy"


@pytest.mark.parametrize(
    ("specialists", "hint"),
    [
        ((), "See your doctor, who can refer you to the right specialist."),
        (("neurologist",), "See a neurologist."),
        (
            ("pediatric neurologist (children)", "neurologist"),
            "See a pediatric neurologist (children) or a neurologist.",
        ),
        (
            ("ENT surgeon", "ophthalmologist", "clinical geneticist"),
            "See an ENT surgeon, an ophthalmologist or a clinical geneticist.",
        ),
    ],
)
def test_specialist_hint(specialists: tuple[str, ...], hint: str) -> None:
    assert common.specialist_hint(specialists) == hint


def test_blocks_split_paragraphs_and_bullets() -> None:
    text = "One line\nwrapped.\n\n- first\n  continued\n- second\nAfter."
    assert common.blocks(text) == [
        ("para", "One line wrapped."),
        ("bullet", "first continued"),
        ("bullet", "second"),
        ("para", "After."),
    ]
