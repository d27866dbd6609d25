"""Orphanet's ORPHApackets, read straight from their tar.gz: each packet's facts, whatever shape
its fields take. Only `condlookup.sources.orphanet`, which writes the digest, reads them.

Orphanet writes a field with one value as an object instead of a one-element list, and wraps
items or not (`[{"Prevalence": {...}}]`, `{"Prevalence": [...]}`, `[{"Source": ...}]`): all
read the same. A packet's `TextSection` (its definition, Orphanet's own text) and phenotypes
are never read.
"""

import json
import re
import tarfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from condlookup.errors import DataError

MAX_PACKET = 16 * 1024 * 1024  # bytes; the largest of December 2025 is 0.8 MB
_PACKET_NAME = re.compile(r"(?:^|/)ORPHApacket_([0-9]+)\.json$")
_RELATION = re.compile(r"(\S+) \((.+)\)")


class Packet(NamedTuple):
    """The facts of one packet, as it gives them."""

    code: str  # ORPHA:558
    label: str
    disorder_type: str
    parents: tuple[tuple[str, str], ...]  # (code, label)
    synonyms: tuple[str, ...]
    omim: tuple[tuple[str, str, str], ...]  # (OMIM:154700, BTNT, what BTNT means)
    inheritance: tuple[str, ...]
    onset: tuple[str, ...]
    # (type, qualification, class, mean, area, validation status)
    prevalences: tuple[tuple[str, str, str, str, str, str], ...]
    # (symbol, HGNC id, association, status, the gene's name)
    genes: tuple[tuple[str, str, str, str, str], ...]
    version: str
    created: str  # the date alone
    copyright: str


class _MalformedError(Exception):
    """A packet that is not an ORPHApacket: the message says what is wrong."""


def read_archive(archive: Path) -> dict[str, Packet]:
    """Every packet in the archive, by code; DataError naming the archive, and the packet, on
    anything that is not a tar.gz of ORPHApackets."""
    if not archive.exists():
        raise DataError(f"{archive}: no such file")
    if not archive.is_file():
        raise DataError(f"{archive}: not a file")
    packets: dict[str, Packet] = {}
    try:
        if archive.stat().st_size == 0:
            raise DataError(f"{archive}: an empty file, not a tar.gz of ORPHApackets")
        with tarfile.open(archive, "r:gz") as tar:
            for member in tar:
                named = _PACKET_NAME.search(member.name)
                if named is None or not member.isfile():
                    continue
                where = f"{archive}: {member.name}"
                if member.size > MAX_PACKET:
                    raise DataError(f"{where}: larger than {MAX_PACKET // 2**20} MB")
                handle = tar.extractfile(member)
                data = handle.read() if handle is not None else b""
                try:
                    packet = _packet(data)
                except _MalformedError as error:
                    raise DataError(f"{where}: {error}") from None
                if packet.code != "ORPHA:" + named.group(1):
                    raise DataError(f"{where}: holds the packet of {packet.code}")
                if packet.code in packets:
                    raise DataError(f"{where}: {packet.code} again")
                packets[packet.code] = packet
    except (OSError, EOFError, zlib.error, tarfile.TarError) as error:
        raise DataError(f"{archive}: not a readable tar.gz archive ({error})") from None
    if not packets:
        raise DataError(f"{archive}: no ORPHApacket_<code>.json in it")
    return packets


def _packet(data: bytes) -> Packet:
    """One packet's facts. Its `TextSection` (the definition) and phenotypes are never read."""
    try:
        document = json.loads(data)
    except (ValueError, RecursionError) as error:  # JSON, UTF-8 and nesting errors alike
        raise _MalformedError(f"not JSON ({error})") from None
    packet = document.get("Orphapacket") if isinstance(document, dict) else None
    if not isinstance(packet, dict):
        raise _MalformedError('not an ORPHApacket (no "Orphapacket" object)')
    parents = tuple(
        (_code(parent, "ORPHAcode"), _text(parent, "Label"))
        for parent in _objects(packet, "Parents", "Parent")
    )
    omim = []
    for reference in _objects(packet, "ExternalReferences", "ExternalReference"):
        if _text(reference, "Source") == "OMIM":
            relation = _text(reference, "DisorderMappingRelation", "")
            short = _RELATION.fullmatch(relation)
            omim.append(
                (
                    "OMIM:" + _text(reference, "Reference"),
                    short.group(1) if short else relation,
                    short.group(2) if short else "",
                )
            )
    prevalences = tuple(
        (
            _text(item, "PrevalenceType"),
            _text(item, "PrevalenceQualification", ""),
            _text(item, "PrevalenceClass", ""),
            _text(item, "ValMoy", ""),
            _text(item, "PrevalenceGeographic", ""),
            _text(item, "PrevalenceValidationStatus", ""),
        )
        for item in _objects(packet, "Prevalences", "Prevalence")
    )
    genes = []
    for gene in _objects(packet, "Genes", "Gene"):
        hgnc = [
            _text(reference, "Reference")
            for reference in _objects(gene, "ExternalReferences", "ExternalReference")
            if _text(reference, "Source") == "HGNC"
        ]
        # A gene's name is its "Name" in a disorder's own packet, its "Label" in a child's.
        name = _text(gene, "Name", "") or _text(gene, "Label", "")
        genes.append(
            (
                _text(gene, "Symbol"),
                "HGNC:" + hgnc[0] if hgnc else "",
                _text(gene, "DisorderGeneAssociationType"),
                _text(gene, "DisorderGeneAssociationStatus", ""),
                name.replace(";", ",").replace("|", ","),  # the digest's separators
            )
        )
    return Packet(
        code=_code(packet, "ORPHAcode"),
        label=_text(packet, "Label"),
        disorder_type=_text(packet, "DisorderType"),
        parents=parents,
        synonyms=_texts(packet, "Synonyms", "Synonym"),
        omim=tuple(omim),
        inheritance=_texts(packet, "TypeOfInheritances", "TypeOfInheritance"),
        onset=_texts(packet, "AverageAgeOfOnsets", "AverageAgeOfOnset"),
        prevalences=prevalences,
        genes=tuple(genes),
        version=_text(packet, "version"),
        created=_text(packet, "creationDate")[:10],
        copyright=_text(packet, "copyright", ""),
    )


def _items(value: object, key: str) -> Iterator[object]:
    """The items of a field that Orphanet gives as a list of `{key: item}`, as `{key: [items]}`,
    as one `{key: item}`, or as bare items, in a list or alone: all the same."""
    if value is None or value == "no data":
        return
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, dict) and key in item:
            inner = item[key]
            yield from inner if isinstance(inner, list) else [inner]
        else:
            yield item


def _objects(packet: dict[str, object], field: str, key: str) -> list[dict[str, object]]:
    found = []
    for item in _items(packet.get(field), key):
        if not isinstance(item, dict):
            raise _MalformedError(f'"{field}" holds {json.dumps(item)[:40]}, not an object')
        found.append(item)
    return found


def _texts(packet: dict[str, object], field: str, key: str) -> tuple[str, ...]:
    """The texts of a list field (synonyms, inheritance, onset): bare or as `{"value": text}`."""
    found = []
    for item in _items(packet.get(field), key):
        text = _text({key: item}, key)
        if text:
            found.append(text)
    return tuple(found)


def _text(item: dict[str, object], key: str, default: str | None = None) -> str:
    """A text field, bare or as `{"value": text}` (as DisorderType is); a missing one is the
    default, if there is one, else the packet is malformed."""
    value = given = item.get(key)
    if isinstance(value, dict):
        value = value.get("value")
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if given is None and default is not None:
        return default
    if not isinstance(value, str):
        raise _MalformedError(f'"{key}" is {"missing" if given is None else "not text"}')
    return value


def _code(item: dict[str, object], key: str) -> str:
    number = _text(item, key)
    if not re.fullmatch(r"[0-9]+", number):
        raise _MalformedError(f'"{key}" is not an ORPHA number: {number[:20]!r}')
    return "ORPHA:" + number
