"""`condlookup new`: a page skeleton, prefilled from the catalogue, with marked gaps to fill in."""

from __future__ import annotations

import contextlib
import os
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from condlookup.errors import CondlookupError, UsageError
from condlookup.pages.export import as_created
from condlookup.pages.loader import GAP, ID_PATTERN
from condlookup.paths import schema_path

SECTIONS = ("overview", "causes", "diagnosis", "treatment", "outlook", "when_to_see_a_doctor")


@dataclass(frozen=True, slots=True)
class SeedSymptom:
    name: str  # the HPO name
    description: str | None  # its plain name, where the HPO has one
    hpo: str
    frequency: float | None  # the fraction of patients, when known


@dataclass(frozen=True, slots=True)
class Seed:
    """What a new page starts from: a condition the catalogue or a page already holds."""

    code: str  # as the user named it: OMIM:100001
    name: str
    codes: tuple[tuple[str, str], ...]  # ("omim", "100001")
    specialists: tuple[str, ...]
    symptoms: tuple[SeedSymptom, ...]  # most frequent first
    sources: tuple[tuple[str, str], ...]  # (title, url)
    hpo_release: str | None


def skeleton(page_id: str, seed: Seed | None = None, today: date | None = None) -> str:
    """The YAML text of a new page; from `seed` when one is given."""
    if not ID_PATTERN.fullmatch(page_id):
        raise UsageError(
            f"{page_id!r} is not a valid id",
            hint="use lower-case letters, digits and hyphens, like my-condition",
        )
    page: dict[str, Any] = {"name": f"{GAP} the condition's name"}
    sources: list[dict[str, str]] = []
    specialists: list[str] = [f"{GAP} who to see, for example neurologist"]
    symptoms: list[dict[str, Any]] = []
    if seed is not None:
        page["name"] = seed.name
        if seed.codes:
            page["codes"] = dict(seed.codes)
        specialists = list(seed.specialists) or specialists
        sources = [{"title": title, "url": url} for title, url in seed.sources]
        symptoms = [_symptom(item) for item in seed.symptoms]
    page["summary"] = f"{GAP} one sentence saying what it is, in plain words."
    page["sections"] = {
        name: f"{GAP} {name.replace('_', ' ')}, in your own words." for name in SECTIONS
    }
    page["symptoms"] = symptoms or [
        {"name": f"{GAP} the medical term", "description": f"{GAP} the symptom in plain words"}
    ]
    page["specialists"] = specialists
    page["sources"] = [
        *sources,
        {
            "title": f"{GAP} a source for what you write",
            "url": f"https://example.org/{GAP.strip(':').replace(' ', '-')}",
        },
    ]
    page["reviewed"] = today or date.today()
    started = "# Started by `condlookup new`"
    if seed is not None:
        started += f" from {seed.code}"
        if seed.hpo_release:
            started += f" (HPO release {seed.hpo_release})"
    head = [
        f"# yaml-language-server: $schema={schema_path()}",
        started + ".",
        f"# Replace every '{GAP}' with text in your own words that a source listed below supports;",
        "# `condlookup validate` names each one still left. Symptoms, most frequent first, come",
        "# from the HPO annotations: keep the ones that matter, check each against your sources.",
    ]
    body = yaml.safe_dump(page, sort_keys=False, allow_unicode=True, width=96)
    return "\n".join(head) + "\n" + body


def _symptom(item: SeedSymptom) -> dict[str, Any]:
    symptom: dict[str, Any] = {"name": item.name}
    symptom["description"] = item.description or f"{GAP} in plain words"
    symptom["hpo"] = item.hpo
    band = _band(item.frequency)
    if band:
        symptom["frequency"] = band
    return symptom


def _band(frequency: float | None) -> str | None:
    if frequency is None or frequency <= 0:
        return None
    for floor, words in ((0.8, "very frequent"), (0.3, "frequent"), (0.05, "occasional")):
        if frequency >= floor:
            return words
    return "very rare"


def write_new(folder: Path, page_id: str, text: str) -> Path:
    """Write `folder/page_id.yaml` whole or not at all, and never over an existing file."""
    target = folder / f"{page_id}.yaml"
    if folder.exists() and not folder.is_dir():
        raise CondlookupError(f"{folder} is not a folder: cannot write {target.name} in it")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{page_id}-", suffix=".tmp")
        try:  # the temporary file goes, whatever fails: a full disk leaves nothing behind
            as_created(handle)
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
            try:
                os.link(temporary, target)  # fails if the target exists: nothing overwritten
            except FileExistsError:
                raise CondlookupError(f"{target} already exists; not overwritten") from None
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
    except OSError as err:
        raise CondlookupError(f"cannot write {target}: {err.strerror or err}") from None
    return target
