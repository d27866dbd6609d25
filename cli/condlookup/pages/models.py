"""The condition model: frozen dataclasses, shared by every source of conditions.

The loader derives its validation from these fields (types, `required`, `choices`, `pattern`), so
the format is written down once, here.
"""

from dataclasses import MISSING, Field, FrozenInstanceError, dataclass, field
from datetime import date
from typing import Any, ClassVar, TypeVar, dataclass_transform

FREQUENCIES = ("obligate", "very frequent", "frequent", "occasional", "very rare")


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


class Record:
    """What every model shares: a frozen record's constructor, equality, hash and text.

    Written once here rather than generated for each class: `dataclass(frozen=True)` compiles
    six functions per class when the module is imported, which cost every `show` of a page about
    a tenth of its start-up (32M of 330M instructions, counted with callgrind).
    """

    __slots__ = ()
    __dataclass_fields__: ClassVar[dict[str, Field[Any]]]

    def __init__(self, *args: Any, **values: Any) -> None:
        names = list(self.__dataclass_fields__)
        if len(args) > len(names):
            raise TypeError(f"{type(self).__name__}() takes at most {len(names)} arguments")
        for name, value in zip(names, args, strict=False):
            if name in values:
                raise TypeError(f"{type(self).__name__}() got two values for {name!r}")
            values[name] = value
        for name, item in self.__dataclass_fields__.items():
            if name in values:
                value = values.pop(name)
            elif item.default is not MISSING:
                value = item.default
            elif item.default_factory is not MISSING:
                value = item.default_factory()
            else:
                raise TypeError(f"{type(self).__name__}() is missing {name!r}")
            object.__setattr__(self, name, value)
        if values:
            unexpected = ", ".join(map(repr, values))
            raise TypeError(f"{type(self).__name__}() got unexpected {unexpected}")

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__dataclass_fields__)

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Record)
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__dataclass_fields__)
        return f"{type(self).__name__}({shown})"


_Model = TypeVar("_Model", bound=Record)


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def model(cls: type[_Model]) -> type[_Model]:
    """A frozen dataclass with slots whose methods come from `Record`."""
    return dataclass(init=False, repr=False, eq=False, slots=True)(cls)


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
    source: str = field(default="curated", metadata={"internal": True})
    path: str = field(default="", metadata={"internal": True})
    replaces: str = field(default="", metadata={"internal": True})  # the page it stands in for

    @property
    def all_names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)
