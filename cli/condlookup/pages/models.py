"""The condition model: frozen dataclasses, shared by every source of conditions.

The loader derives its validation from these fields (types, `required`, `choices`, `pattern`), so
the format is written down once, here.
"""

from dataclasses import field
from datetime import date
from typing import Any

from condlookup.records import Kind, Record, model

FREQUENCIES = ("obligate", "very frequent", "frequent", "occasional", "very rare")
# Why a page's specialists are named: the page names them (a catalogue condition's say why).
NAMED_BY_PAGE = "the page names them"


def spec(
    doc: str,
    *,
    required: bool = False,
    choices: tuple[str, ...] | None = None,
    pattern: str | None = None,
) -> Any:
    """Field metadata for the loader; `field()` keeps the dataclass happy about defaults."""
    meta = {"doc": doc, "required": required, "choices": choices, "pattern": pattern}
    return field(default=None, metadata=meta)


@model
class Codes(Record):
    orpha: str | None = spec("Orphanet number, without the ORPHA: prefix", pattern=r"[0-9]+")
    omim: str | None = spec("OMIM number, without the OMIM: prefix", pattern=r"[0-9]{6}")
    mondo: str | None = spec(
        "Mondo Disease Ontology id, without the MONDO: prefix", pattern=r"[0-9]{7}"
    )
    icd10: str | None = spec("ICD-10 code", pattern=r"[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?")
    icd11: str | None = spec("ICD-11 code", pattern=r"[0-9A-Z]{2,4}(\.[0-9A-Z]{1,4})?")

    def curies(self) -> tuple[str, ...]:
        """The codes as prefixed identifiers, the way users type them: ORPHA:1183."""
        pairs = [("ORPHA", self.orpha), ("OMIM", self.omim), ("MONDO", self.mondo)]
        pairs += [("ICD10", self.icd10), ("ICD11", self.icd11)]
        return tuple(f"{prefix}:{value}" for prefix, value in pairs if value)


@model
class Facts(Record):
    prevalence: str | None = spec("How common it is")
    typical_onset: str | None = spec("When it usually starts")
    sex_ratio: str | None = spec("Who it affects more often")
    inheritance: str | None = spec("How it is inherited, if it is")
    genes: str | None = spec("Genes or chromosome regions involved")
    outlook: str | None = spec("Outlook in figures")


@model
class Sections(Record):
    overview: str = spec("What it is, in plain words", required=True)
    causes: str | None = spec("What causes it")
    diagnosis: str | None = spec("How it is diagnosed")
    treatment: str | None = spec("How it is treated")
    outlook: str | None = spec("What to expect")
    when_to_see_a_doctor: str | None = spec("Signs that call for a doctor")
    living_with: str | None = spec("Day-to-day life with it")


@model
class Symptom(Record):
    name: str = spec(
        "The medical term (the HPO name or a synonym when hpo is given)", required=True
    )
    description: str | None = spec("The symptom in plain words")
    hpo: str | None = spec("Human Phenotype Ontology id", pattern=r"HP:[0-9]{7}")
    frequency: str | None = spec("How often people with the condition have it", choices=FREQUENCIES)


@model
class Source(Record):
    title: str = spec("Title of the source", required=True)
    url: str = spec("Address of the source", required=True, pattern=r"https?://\S+")


@model
class Condition(Record):
    """One condition, from a curated page (or, later, the catalogue)."""

    name: str = spec("The condition's name", required=True)
    summary: str = spec("One sentence saying what it is", required=True)
    sections: Sections = spec("The page's text, by section", required=True)
    symptoms: tuple[Symptom, ...] = spec("Its symptoms", required=True)
    specialists: tuple[str, ...] = spec("Who to see, most relevant first", required=True)
    sources: tuple[Source, ...] = spec("Where every fact on the page can be checked", required=True)
    reviewed: date = spec("When the page was last checked against its sources", required=True)
    aliases: tuple[str, ...] = spec("Other names and abbreviations")
    codes: Codes = spec("Codes in disease catalogues")
    facts: Facts = spec("Key facts, in a few words each")
    related: tuple[str, ...] = spec("Related conditions, by name or id")
    # Set by the loader, not by the YAML.
    id: str = field(default="", metadata={"internal": True})
    source: Kind = field(default="curated", metadata={"internal": True})
    path: str = field(default="", metadata={"internal": True})
    replaces: str = field(default="", metadata={"internal": True})  # the page it stands in for

    @property
    def all_names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)
