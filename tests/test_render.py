"""Rendered pages against golden files, byte for byte (`pytest --update-goldens` rewrites them)."""

from __future__ import annotations

import io
import re

import pytest
from rich.console import Console, RenderableType

from condlookup.catalogue.view import PageView
from condlookup.library import Library
from condlookup.pages.models import Condition
from condlookup.render import common, match_words, plain, styled
from conftest import check_golden


@pytest.fixture
def library(fixture_pages: object) -> Library:
    return Library.open()


def page_of(library: Library, query: str) -> PageView:
    found = library.page(query)
    assert isinstance(found.page, Condition)
    return found


def rendered(renderable: RenderableType) -> str:
    """As a terminal shows it, styles included, so that the goldens check them byte for byte.

    A console built here, not at import time, so the environment cannot leak in. Rich gives
    each hyperlink a random id; the goldens have 0.
    """
    console = Console(file=io.StringIO(), width=100, color_system="standard", force_terminal=True)
    console.print(renderable)
    output = console.file
    assert isinstance(output, io.StringIO)
    return re.sub(r"\x1b\]8;id=[^;]*;", "\x1b]8;id=0;", output.getvalue())


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


def coloured(renderable: RenderableType, width: int = 100) -> str:
    console = Console(file=io.StringIO(), width=width, color_system="standard", force_terminal=True)
    console.print(renderable)
    output = console.file
    assert isinstance(output, io.StringIO)
    return output.getvalue()


def test_wrapped_feature_lines_hang_under_their_text() -> None:
    from rich.text import Text

    lead = Text("██░░░░░░░░ occasional  ")
    label = Text("Bicuspid aortic valve (aortic valve has two leaflets rather than three)")
    lines = rendered_at(styled._Hanging([(lead, label), (lead, Text("Short"))], 4), 60)
    hang = 4 + len("██░░░░░░░░ occasional  ")
    assert lines[0].startswith("    ██░░░░░░░░ occasional  Bicuspid aortic valve")
    continued = lines[1:-1]
    assert continued  # it did wrap, each wrapped line under the label's start
    assert all(line[:hang].isspace() and not line[hang].isspace() for line in continued)
    assert " ".join([lines[0][hang:], *(line[hang:] for line in continued)]) == label.plain
    assert lines[-1] == "    ██░░░░░░░░ occasional  Short"
    assert all(len(line) <= 60 for line in lines)


def rendered_at(renderable: RenderableType, width: int) -> list[str]:
    console = Console(file=io.StringIO(), width=width, color_system=None, force_terminal=False)
    console.print(renderable)
    output = console.file
    assert isinstance(output, io.StringIO)
    return [line.rstrip() for line in output.getvalue().splitlines()]


def test_the_advice_line_stands_alone_and_undimmed(library: Library) -> None:
    lines = rendered_at(styled.page(page_of(library, "tf")), 100)
    assert lines[-1] == common.DISCLAIMER
    assert lines[-2] == "Reviewed 2026-11-25."
    out = coloured(styled.page(page_of(library, "tf")))
    assert f"\n{common.DISCLAIMER}\n" in out  # no style codes around it: not dimmed
    assert "\x1b[2mReviewed 2026-11-25.\x1b[0m" in out


def test_the_match_advice_line_is_not_dimmed(fixture_catalogue: object) -> None:
    found = Library.open().match(["dry mouth"])
    out = coloured(styled.match(found), width=200)
    assert f"\n{match_words.MATCH_DISCLAIMER}\n" in out  # its own line, no style codes around it


def test_list_neither_cuts_names_nor_wraps_specialists_a_word_a_line() -> None:
    from condlookup.library import Summary

    items = [
        Summary(
            "oms",
            "Opsoclonus-myoclonus syndrome",
            (),
            "curated",
            ("pediatric neurologist (children)", "neurologist", "clinical geneticist"),
            "A rare autoimmune condition, mostly of young children, " * 2,
        ),
        Summary(
            "hmsn-type-1",
            "Hereditary motor and sensory neuropathy type I",
            (),
            "curated",
            ("orthopaedic surgeon",),
            "An inherited nerve condition.",
        ),
    ]
    out = "\n".join(rendered_at(styled.listing(items), 100))
    assert "…" not in out
    assert "Opsoclonus-myoclonus" in out
    for words in ("pediatric neurologist", "clinical geneticist", "orthopaedic surgeon"):
        assert words in out


def test_names_holding_a_comma_are_kept_apart_by_semicolons() -> None:
    assert common.names_list(("RTT", "Rts")) == "RTT, Rts"
    old = "autism, dementia, ataxia, and loss of purposeful hand use"
    assert common.names_list(("RTT", old)) == f"RTT; {old}"
    assert common.some_names(("RTT", old)) == f"RTT; {old}"
