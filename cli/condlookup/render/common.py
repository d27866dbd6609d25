"""Words and shapes shared by every renderer."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from condlookup.models import Condition, Facts, Sections

DISCLAIMER = (
    "This is information, not a diagnosis or medical advice: "
    "talk to a doctor about your own situation."
)

FACT_LABELS = {
    "prevalence": "How common",
    "typical_onset": "Typical onset",
    "sex_ratio": "Who it affects",
    "inheritance": "Inheritance",
    "genes": "Genes",
    "outlook": "Outlook",
}

SECTION_TITLES = {
    "overview": "Overview",
    "causes": "Causes",
    "diagnosis": "Diagnosis",
    "treatment": "Treatment",
    "outlook": "Outlook",
    "when_to_see_a_doctor": "When to see a doctor",
    "living_with": "Living with it",
}

# The order of a page: the overview, then the symptoms, then the other sections.
SECTIONS_BEFORE_SYMPTOMS = ("overview",)


def specialist_hint(specialists: tuple[str, ...]) -> str:
    """'See a pediatric neurologist (children) or a neurologist.'"""
    if not specialists:
        return "See your doctor, who can refer you to the right specialist."
    named = [f"{_article(item)} {item}" for item in specialists]
    if len(named) == 1:
        return f"See {named[0]}."
    return f"See {', '.join(named[:-1])} or {named[-1]}."


def _article(noun: str) -> str:
    first = noun.split()[0] if noun.split() else noun
    if first.isupper() and first[:1] in "AEFHILMNORSX":  # ENT, MRI... read letter by letter
        return "an"
    return "an" if first[:1].lower() in "aeiou" else "a"


def facts(condition: Condition) -> list[tuple[str, str]]:
    return [(FACT_LABELS[name], value) for name, value in _filled(condition.facts)]


def sections(condition: Condition, before_symptoms: bool) -> list[tuple[str, str]]:
    found = []
    for name, value in _filled(condition.sections):
        if (name in SECTIONS_BEFORE_SYMPTOMS) == before_symptoms:
            found.append((SECTION_TITLES[name], value))
    return found


def _filled(group: Facts | Sections) -> Iterator[tuple[str, str]]:
    for item in dataclasses.fields(group):
        value = getattr(group, item.name)
        if value:
            yield item.name, value


def blocks(text: str) -> list[tuple[str, str]]:
    """Paragraphs ("para", text) and bullet points ("bullet", text) of a section."""
    found: list[tuple[str, str]] = []
    lines: list[str] = []

    def flush() -> None:
        if lines:
            found.append(("para", " ".join(lines)))
            lines.clear()

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith(("- ", "* ")):
            flush()
            found.append(("bullet", line[2:].strip()))
        elif found and found[-1][0] == "bullet" and not lines and raw.startswith((" ", "\t")):
            found[-1] = ("bullet", f"{found[-1][1]} {line}")  # a bullet's wrapped line
        else:
            lines.append(line)
    flush()
    return found


def symptom_detail(name: str, hpo: str | None, frequency: str | None) -> str:
    """'Opsoclonus (HP:0010543), very frequent': the medical term after the plain words."""
    detail = f"{name} ({hpo})" if hpo else name
    return f"{detail}, {frequency}" if frequency else detail


def codes_line(condition: Condition) -> str:
    return ", ".join(condition.codes.curies())
