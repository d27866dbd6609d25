"""Patients' findings from GA4GH Phenopacket v2 files: what `match --phenopacket` ranks.

The files are read with the `phenopackets` package (the schema's own classes), imported only
here, and only when a phenopacket is read: no other command pays for it.
"""

import errno
import sqlite3
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal

from condlookup.errors import CondlookupError
from condlookup.matching.ranking import MatchResult, both, rank
from condlookup.matching.scoring import Memo
from condlookup.matching.symptoms import resolve_ids
from condlookup.records import Record, Scope, model
from condlookup.text import UnreadableError, read_text

# A phenopacket of one person is a few kB; a file this large is no phenopacket worth reading.
MAX_BYTES = 5 * 1024 * 1024


@model
class Case(Record):
    """One person's findings: HPO ids observed (present) and looked for and not found."""

    id: str
    file: str
    present: tuple[str, ...]
    absent: tuple[str, ...]
    # The genes its interpretations name (their symbols): in a published case, the answer.
    genes: tuple[str, ...] = ()


class CaseError(CondlookupError):
    """A path that cannot be ranked: no file, not a phenopacket, or one without findings."""


def phenopacket_files(paths: Iterable[Path]) -> Iterator[Path | CaseError]:
    """The files to read, in order: each file named, and the .json files of each folder named.

    A path that gives no file to read comes as the error that names it, in its place, so that
    one bad path does not stop the others from being ranked.
    """
    seen: set[Path] = set()  # a file named twice (or in a folder named too) is one case
    for path in paths:
        found = _folder_files(path) if path.is_dir() else iter((_checked(path),))
        for item in found:
            if isinstance(item, Path):
                if item.resolve() in seen:
                    continue
                seen.add(item.resolve())
            yield item


def _folder_files(folder: Path) -> Iterator[Path | CaseError]:
    try:
        inside = sorted(path for path in folder.iterdir() if path.suffix == ".json")
    except OSError as err:
        yield CaseError(f"{folder}: cannot read the folder: {err.strerror or err}")
        return
    if not inside:
        yield CaseError(f"{folder}: no .json files in this folder")
    yield from (_checked(path) for path in inside)


def _checked(path: Path) -> Path | CaseError:
    reason = _not_a_file(path)
    return path if reason is None else CaseError(f"{path}: {reason}")


def _not_a_file(path: Path) -> str | None:
    """Why `path` is no file to read, or None for a regular file.

    Told from its metadata alone: a named pipe is never opened, as it would wait for a writer
    forever.
    """
    try:
        mode = path.stat().st_mode
    except OSError as err:
        if err.errno == errno.ELOOP:
            return "a symbolic link that loops"
        if err.errno == errno.ENOENT:
            return "a symbolic link to nothing" if path.is_symlink() else "no such file or folder"
        return f"cannot read it: {err.strerror or err}"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO), not a file: not read"
    if stat.S_ISDIR(mode):  # only inside a folder: a folder named itself is read
        return "a folder inside a folder: not read"
    return "not a regular file: not read"


def read_case(path: Path) -> Case:
    """One phenopacket; raises CaseError naming the file and the reason."""
    from google.protobuf.json_format import Parse, ParseError  # noqa: PLC0415 - only this path
    from phenopackets import Phenopacket  # noqa: PLC0415

    try:
        text = read_text(path, MAX_BYTES)
    except UnreadableError as err:
        raise CaseError(f"{path}: {err.message}") from None
    if not text.strip():
        raise CaseError(f"{path}: the file is empty")
    problem = _misshapen(text)
    if problem is not None:
        raise CaseError(f"{path}: not a GA4GH phenopacket: {problem}")
    try:
        # Fields of newer versions of the schema are let through; anything else that is not a
        # phenopacket fails here.
        packet = Parse(text, Phenopacket(), ignore_unknown_fields=True)
    except (ParseError, ValueError, RecursionError) as err:
        reason = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise CaseError(f"{path}: not a GA4GH phenopacket: {reason}") from None
    present: list[str] = []
    absent: list[str] = []
    for feature in packet.phenotypic_features:
        term = feature.type.id.strip()
        if term:
            (absent if feature.excluded else present).append(term)
    if not present and not absent:
        raise CaseError(f"{path}: no phenotypic features: nothing to rank")
    if not present:
        raise CaseError(f"{path}: every phenotypic feature is excluded: nothing to rank by")
    genes = [
        found.gene.symbol or found.variant_interpretation.variation_descriptor.gene_context.symbol
        for interpretation in packet.interpretations
        for found in interpretation.diagnosis.genomic_interpretations
    ]
    return Case(
        id=packet.id or path.stem,
        file=str(path),
        present=tuple(dict.fromkeys(present)),
        absent=tuple(dict.fromkeys(absent)),
        genes=tuple(dict.fromkeys(symbol for symbol in genes if symbol)),
    )


# The fields of a phenopacket and of a phenotypic feature (schema v2), as JSON writes them
# (protobuf reads both spellings). A field of a newer version is let through; one a letter or
# two away from these is a typo that would change what is read ("exclude": an excluded
# finding read as observed), and fails.
_PACKET_FIELDS = frozenset(
    {"id", "subject", "phenotypicFeatures", "measurements", "biosamples", "interpretations"}
    | {"diseases", "medicalActions", "files", "metaData"}
)
_FEATURE_FIELDS = frozenset(
    {"description", "type", "excluded", "severity", "modifiers", "onset", "resolution"}
    | {"evidence"}
)


def _misshapen(text: str) -> str | None:
    """What makes the JSON no phenopacket that protobuf, told to let unknown fields through,
    would not say: another top-level value, a feature that is no object, a mistyped field."""
    import json  # noqa: PLC0415

    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None  # protobuf's parser says what is wrong, and where
    if not isinstance(data, dict):
        kinds = {list: "an array", str: "a string", bool: "true or false", type(None): "null"}
        return f"a JSON object is expected, not {kinds.get(type(data), 'a number')}"
    typo = _typo(data, _PACKET_FIELDS)
    if typo:
        return typo
    features = data.get("phenotypicFeatures", data.get("phenotypic_features", []))
    if not isinstance(features, list):
        return "phenotypicFeatures is not a list"
    for at, feature in enumerate(features):
        where = f"phenotypicFeatures[{at}]"
        if not isinstance(feature, dict):
            return f"{where} is not an object"
        if not isinstance(feature.get("type", {}), dict):
            return f"{where}.type is not an object with an id"
        typo = _typo(feature, _FEATURE_FIELDS)
        if typo:
            return f"{where}: {typo}"
    return None


def _typo(data: dict[str, object], known: frozenset[str]) -> str:
    import difflib  # noqa: PLC0415

    spellings = {_camel(name): name for name in known}
    for key in data:
        if _camel(key) in spellings:
            continue
        close = difflib.get_close_matches(_camel(key), list(spellings), n=1, cutoff=0.75)
        if close:
            return f"unknown field {key!r} (did you mean {spellings[close[0]]!r}?)"
    return ""


def _camel(name: str) -> str:
    """`phenotypic_features` as `phenotypicfeatures`: one key for both JSON spellings."""
    return name.replace("_", "").lower()


@model
class CaseResult(Record):
    """The ranking of one phenopacket."""

    @property
    def shown_as(self) -> Literal["case"]:
        """Which renderer shows it."""
        return "case"

    case: Case
    result: MatchResult
    skipped: tuple[str, ...]  # its HPO ids this release does not know, with why


def rank_case(
    db: sqlite3.Connection,
    case: Case,
    *,
    source: Scope = "all",
    limit: int = 10,
    memo: Memo | None = None,
    use_genes: bool = False,
) -> CaseResult:
    """A phenopacket's ranking: its observed features as symptoms (all of them, however many),
    its excluded ones as absent findings; ids this release does not know are skipped, and said.
    With `use_genes`, the genes its interpretations name are the candidate genes."""
    present, unknown = resolve_ids(db, case.present)
    absent, unknown_absent = resolve_ids(db, case.absent)
    if not present:
        raise CaseError(
            f"{case.file}: none of its observed features is in this HPO release",
            hint="; ".join(unknown) or None,
        )
    conflict = both(present, absent)
    if conflict is not None:
        raise CaseError(f"{case.file}: {conflict} is both observed and excluded")
    if not use_genes:
        result = rank(db, present, absent, source=source, limit=limit, memo=memo)
        return CaseResult(case=case, result=result, skipped=(*unknown, *unknown_absent))
    from condlookup.matching import candidates  # noqa: PLC0415 - genes only

    if not case.genes:
        raise CaseError(f"{case.file}: its interpretations name no gene, to use as a candidate")
    chosen = candidates.choose(db, case.genes)
    result = rank(
        db, present, absent, source=source, limit=limit, memo=memo, candidates=chosen.tied
    )
    notes = tuple(f"candidate genes: {note}" for note in chosen.candidates.notes)
    return CaseResult(
        case=case,
        result=candidates.with_genes(result, chosen),
        skipped=(*unknown, *unknown_absent, *notes),
    )
