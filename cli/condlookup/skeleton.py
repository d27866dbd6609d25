"""`condlookup new`: a page skeleton, prefilled from the catalogue, with marked gaps to fill in."""

from __future__ import annotations

import contextlib
import os
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from condlookup.catalogue import CataloguePage, Phenotype
from condlookup.errors import CondlookupError
from condlookup.loader import GAP, ID_PATTERN
from condlookup.models import Condition
from condlookup.paths import schema_path
from condlookup.render.common import disease_source

SECTIONS = ("overview", "causes", "diagnosis", "treatment", "outlook", "when_to_see_a_doctor")


def skeleton(
    page_id: str,
    start: Condition | CataloguePage | None,
    phenotypes: tuple[Phenotype, ...] = (),
    hpo_release: str | None = None,
    today: date | None = None,
    code: str | None = None,
) -> str:
    """The YAML text of a new page; from `start` (what `code` names) when one is given."""
    if not ID_PATTERN.fullmatch(page_id):
        raise CondlookupError(
            f"{page_id!r} is not a valid id",
            hint="use lower-case letters, digits and hyphens, like my-condition",
        )
    page: dict[str, Any] = {"name": f"{GAP} the condition's name"}
    sources: list[dict[str, str]] = []
    specialists: list[str] = [f"{GAP} who to see, for example neurologist"]
    if isinstance(start, CataloguePage):
        page["name"] = start.name
        prefix, _, number = start.id.partition(":")
        page["codes"] = {prefix.lower(): number}
        phenotypes = start.phenotypes
        specialists = list(start.specialists) or specialists
        origin = disease_source(start.id)
        if origin:
            sources.append({"title": origin[0], "url": origin[1]})
    elif isinstance(start, Condition):
        page["name"] = start.name
        codes = {k: v for k, v in (("orpha", start.codes.orpha), ("omim", start.codes.omim)) if v}
        if codes:
            page["codes"] = codes
        specialists = list(start.specialists)
        for curie in start.codes.curies():
            origin = disease_source(curie)
            if origin:
                sources.append({"title": origin[0], "url": origin[1]})
    page["summary"] = f"{GAP} one sentence saying what it is, in plain words."
    page["sections"] = {
        name: f"{GAP} {name.replace('_', ' ')}, in your own words." for name in SECTIONS
    }
    page["symptoms"] = [_symptom(item) for item in phenotypes] or [
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
    head = [
        f"# yaml-language-server: $schema={schema_path()}",
        "# Started by `condlookup new`"
        + (f" from {code or getattr(start, 'id', '')}" if start is not None else "")
        + (f" (HPO release {hpo_release})" if hpo_release and start is not None else "")
        + ".",
        f"# Replace every '{GAP}' with text in your own words that a source listed below supports;",
        "# `condlookup validate` names each one still left. Symptoms, most frequent first, come",
        "# from the HPO annotations: keep the ones that matter, check each against your sources.",
    ]
    body = yaml.safe_dump(page, sort_keys=False, allow_unicode=True, width=96)
    return "\n".join(head) + "\n" + body


def _symptom(item: Phenotype) -> dict[str, Any]:
    symptom: dict[str, Any] = {"name": item.name}
    plain = [name for name in item.layperson if name.casefold() != item.name.casefold()]
    symptom["description"] = plain[0] if plain else f"{GAP} in plain words"
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
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{page_id}-", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        try:
            os.link(temporary, target)  # fails if the target exists: nothing is overwritten
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
    except FileExistsError:
        raise CondlookupError(f"{target} already exists; not overwritten") from None
    except OSError as err:
        raise CondlookupError(f"cannot write {target}: {err.strerror or err}") from None
    return target
