"""Definitions written by others, which `condlookup update` fetches for the user: Orphanet's
(the `TextSection` of its ORPHApackets) and the Human Disease Ontology's (`def:` in doid.obo,
with DO's names, synonyms and hierarchy, which are facts).

Their texts are their authors' own: condlookup never ships them. `update` reads a downloaded
file here, whole, before anything is switched, and keeps only a digest of it in the user data
folder (`definitions.tsv.gz`, one line per disease: code, name, definition, synonyms, parents,
cross-references), which the index build reads. A file that is not what it should be fails
with a DataError saying what is wrong, and nothing is kept of it.

The packets' archive is read as it is, never unpacked: a member is only ever read into memory.
Even so, an archive with a path outside its folder, a link, a device or more entries than
Orphanet has ever published is refused: it is not Orphanet's archive.
"""

import gzip
import json
import re
import tarfile
import zlib
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Literal, NamedTuple

from condlookup.errors import DataError

Origin = Literal["orphanet", "do"]
DIGEST_NAME = "definitions.tsv.gz"
COLUMNS = ("code", "name", "definition", "synonyms", "parents", "xrefs")
# Orphanet's archive: 9,960 packets in December 2025, and a few files beside them.
MAX_ENTRIES = 50_000
MAX_PACKET = 16 * 1024 * 1024  # bytes; the largest of December 2025 is 0.8 MB
# What all the archive's files may add up to, unpacked: 20x December 2025's.
MAX_UNPACKED = 4 * 1024**3
# doid.obo: 12,296 diseases in July 2026. A file with fewer is not the whole ontology.
MIN_TERMS = 1000
_PACKET_NAME = re.compile(r"(?:^|/)ORPHApacket_([0-9]+)\.json$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")
_DOID = re.compile(r"DOID:[0-9]{1,7}")
_DEF = re.compile(r'"((?:[^"\\]|\\.)*)"')
_RELEASE = re.compile(r"releases/([0-9]{4}-[0-9]{2}-[0-9]{2})/")
# DO's cross-references that name a catalogue code, as the index writes them.
_XREFS = {"ORDO": "ORPHA", "OMIM": "OMIM", "GARD": "GARD"}


class Entry(NamedTuple):
    """One disease of a source."""

    code: str  # ORPHA:558, DOID:6364
    name: str
    definition: str  # "" where the source gives none
    synonyms: tuple[str, ...] = ()
    parents: tuple[str, ...] = ()  # DOID:936: what it is a kind of
    xrefs: tuple[str, ...] = ()  # ORPHA:558, OMIM:154700, GARD:...: codes it names


class Definitions(NamedTuple):
    """What condlookup keeps of one fetched source."""

    origin: Origin
    version: str  # a date: the packets' creation, DO's release
    detail: str  # the source's own version text, where it gives one
    entries: tuple[Entry, ...]


def _clean(text: str) -> str:
    """One line of text: no control characters (an escape sequence stays text), no tabs."""
    return " ".join(_CONTROL.sub(" ", text).split())


def is_date(text: str) -> bool:
    """Whether `text` is a real date written YYYY-MM-DD (a release's name)."""
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


# Orphanet -----------------------------------------------------------------------------------


def read_packets(archive: Path) -> Definitions:
    """Orphanet's definitions from a tar.gz of ORPHApackets (its repository's archive, or the
    `json/` folder alone)."""
    entries: list[Entry] = []
    seen: set[str] = set()
    versions: set[tuple[str, str]] = set()
    count = unpacked = 0
    try:
        with tarfile.open(archive, "r:gz") as tar:
            for member in tar:
                count += 1
                if count > MAX_ENTRIES:
                    raise DataError(f"more than {MAX_ENTRIES:,} entries: not Orphanet's archive")
                _check_member(member)
                unpacked += member.size
                if unpacked > MAX_UNPACKED:
                    raise DataError(
                        f"more than {MAX_UNPACKED // 1024**3} GB unpacked: not Orphanet's archive"
                    )
                named = _PACKET_NAME.search(member.name)
                if named is None or not member.isfile():
                    continue
                if member.size > MAX_PACKET:
                    raise DataError(f"{member.name}: larger than {MAX_PACKET // 2**20} MB")
                handle = tar.extractfile(member)
                data = handle.read() if handle is not None else b""
                entry, version = _packet(data, member.name)
                if entry.code != "ORPHA:" + named.group(1):
                    raise DataError(f"{member.name}: holds the packet of {entry.code}")
                if entry.code in seen:
                    raise DataError(f"{member.name}: {entry.code} again")
                seen.add(entry.code)
                versions.add(version)
                if entry.definition:
                    entries.append(entry)
    except (OSError, EOFError, zlib.error, tarfile.TarError) as error:
        raise DataError(f"not a whole tar.gz archive ({error})") from None
    if not seen:
        raise DataError("no ORPHApacket_<code>.json in it: not Orphanet's packets")
    if not entries:
        raise DataError("its packets hold no definition")
    created, detail = max(versions)
    return Definitions("orphanet", created, detail, tuple(entries))


def _check_member(member: tarfile.TarInfo) -> None:
    name = member.name
    parts = name.replace("\\", "/").split("/")
    if name.startswith(("/", "\\")) or ".." in parts or re.match(r"[A-Za-z]:", name):
        raise DataError(f"{_clean(name)[:80]!r}: a path outside its folder")
    if member.issym() or member.islnk():
        raise DataError(f"{_clean(name)[:80]!r}: a link, which Orphanet's archive has none of")
    if not (member.isfile() or member.isdir()):
        raise DataError(f"{_clean(name)[:80]!r}: neither a file nor a folder")


def _packet(data: bytes, where: str) -> tuple[Entry, tuple[str, str]]:
    """A packet's code, label and definition, and (its creation date, Orphanet's version)."""
    try:
        document = json.loads(data)
    except (ValueError, RecursionError) as error:
        raise DataError(f"{where}: not JSON ({error})") from None
    packet = document.get("Orphapacket") if isinstance(document, dict) else None
    if not isinstance(packet, dict):
        raise DataError(f'{where}: not an ORPHApacket (no "Orphapacket" object)')
    code = _value(packet.get("ORPHAcode"))
    if not re.fullmatch(r"[0-9]{1,7}", code):
        raise DataError(f'{where}: "ORPHAcode" is not an ORPHA number')
    created = _value(packet.get("creationDate"))[:10]
    if not is_date(created):
        raise DataError(f'{where}: "creationDate" is not a date')
    texts = [
        _value(item.get("Contents"))
        for item in _sections(packet.get("TextSection"))
        if _value(item.get("TextSectionType")) == "Definition"
    ]
    entry = Entry(
        "ORPHA:" + code,
        _clean(_value(packet.get("Label"))),
        _clean(next((text for text in texts if text.strip()), "")),
    )
    return entry, (created, _clean(_value(packet.get("version"))))


def _value(item: object) -> str:
    if isinstance(item, dict):
        item = item.get("value")
    if isinstance(item, int) and not isinstance(item, bool):
        return str(item)
    return item if isinstance(item, str) else ""


def _sections(value: object) -> Iterator[dict[str, object]]:
    """A packet's text sections: one object or a list, each bare or wrapped."""
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, dict) and isinstance(item.get("TextSection"), dict | list):
            yield from _sections(item["TextSection"])
        elif isinstance(item, dict):
            yield item


# The Disease Ontology -----------------------------------------------------------------------


def read_obo(path: Path) -> Definitions:
    """The Disease Ontology's diseases from doid.obo: names, definitions, exact synonyms,
    parents and the catalogue codes they name; obsolete terms left out."""
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        raise DataError(f"not UTF-8 text (byte {error.start})") from None
    if not text.strip():
        raise DataError("an empty file, not doid.obo")
    if not text.startswith("format-version:"):
        first = _clean(text.lstrip()[:40])
        raise DataError(f"not an OBO file (it starts {first!r})")
    if not text.endswith("\n"):
        raise DataError("cut off in the middle of a line: a download that broke off")
    head, _, body = text.partition("\n[")
    version = ""
    for line in head.splitlines():
        if line.startswith("data-version:"):
            found = _RELEASE.search(line + "/")
            version = found.group(1) if found else ""
    if not is_date(version):
        raise DataError("no release date in its data-version: not a release of doid.obo")
    entries = [entry for entry in _terms("[" + body if body else "") if entry is not None]
    if len(entries) < MIN_TERMS:
        raise DataError(f"{len(entries)} diseases: not the whole Disease Ontology")
    return Definitions("do", version, "", tuple(entries))


def _stanzas(text: str) -> Iterator[tuple[str, list[str]]]:
    kind = ""
    lines: list[str] = []
    for line in text.splitlines():
        if line.startswith("[") and line.rstrip().endswith("]"):
            if kind:
                yield kind, lines
            kind, lines = line.strip(), []
        elif line.strip():
            lines.append(line)
    if kind:
        yield kind, lines


def _terms(text: str) -> Iterator[Entry | None]:
    for kind, lines in _stanzas(text):
        if kind != "[Term]":
            continue
        fields: dict[str, list[str]] = {}
        for line in lines:
            key, colon, value = line.partition(":")
            if not colon:
                raise DataError(f"a line without a tag in a term: {_clean(line)[:60]!r}")
            fields.setdefault(key.strip(), []).append(value.strip())
        ids = fields.get("id", [])
        if len(ids) != 1 or not _DOID.fullmatch(ids[0]):
            raise DataError(f"a term without one DOID id: {_clean(' '.join(lines))[:60]!r}")
        names = fields.get("name", [])
        if len(names) != 1:
            raise DataError(f"{ids[0]}: no name: the file is cut in the middle of a term")
        if fields.get("is_obsolete", [""])[0] == "true":
            yield None
            continue
        definition = ""
        if "def" in fields:
            quoted = _DEF.match(fields["def"][0])
            if quoted is None:
                raise DataError(f"{ids[0]}: its def is cut off: not a whole doid.obo")
            definition = _unescape(quoted.group(1))
        synonyms = []
        for value in fields.get("synonym", []):
            quoted = _DEF.match(value)
            if quoted is None:
                raise DataError(f"{ids[0]}: a synonym is cut off: not a whole doid.obo")
            if " EXACT" in value[quoted.end() :][:7]:
                synonyms.append(_clean(_unescape(quoted.group(1))))
        parents = tuple(
            found.group(0)
            for value in fields.get("is_a", [])
            if (found := _DOID.match(value)) is not None
        )
        yield Entry(
            ids[0],
            _clean(names[0]),
            _clean(definition),
            tuple(dict.fromkeys(synonyms)),
            parents,
            tuple(dict.fromkeys(_xrefs(fields.get("xref", [])))),
        )


def _xrefs(values: Iterable[str]) -> Iterator[str]:
    for value in values:
        prefix, _, number = value.split(" ", 1)[0].partition(":")
        if prefix in _XREFS and number.isdigit():
            # As the index keeps them (see sources.codes): GARD's with seven digits.
            shown = f"{int(number):07d}" if prefix == "GARD" else str(int(number))
            yield f"{_XREFS[prefix]}:{shown}"


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


# The digest ---------------------------------------------------------------------------------


def write_digest(found: Definitions, target: Path) -> None:
    """What condlookup keeps of a source: a gzip of one line per disease."""
    lines = [
        f"# origin: {found.origin}\n",
        f"# version: {found.version}\n",
        f"# detail: {found.detail}\n",
        "\t".join(COLUMNS) + "\n",
    ]
    for entry in found.entries:
        fields = (
            entry.code,
            entry.name,
            entry.definition,
            "|".join(entry.synonyms),
            "|".join(entry.parents),
            "|".join(entry.xrefs),
        )
        lines.append("\t".join(field.replace("\t", " ") for field in fields) + "\n")
    target.write_bytes(gzip.compress("".join(lines).encode("utf-8"), compresslevel=6, mtime=0))


def read_digest(path: Path) -> Definitions:
    """A digest `write_digest` wrote; DataError for anything else."""
    meta: dict[str, str] = {}
    entries = []
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("# "):
                    key, _, value = line[2:].rstrip("\n").partition(": ")
                    meta[key] = value
                    continue
                fields = line.rstrip("\n").split("\t")
                if fields[0] == "code":
                    continue
                if len(fields) != len(COLUMNS):
                    raise DataError(f"{path}: a line of {len(fields)} fields, not {len(COLUMNS)}")
                code, name, definition, synonyms, parents, xrefs = fields
                entries.append(
                    Entry(code, name, definition, _split(synonyms), _split(parents), _split(xrefs))
                )
    except (OSError, EOFError, zlib.error, UnicodeDecodeError) as error:
        raise DataError(f"{path}: not a readable digest of definitions ({error})") from None
    origin = meta.get("origin")
    if origin not in ("orphanet", "do") or not is_date(meta.get("version", "")):
        raise DataError(f"{path}: not a digest of definitions (no origin or version)")
    return Definitions(origin, meta["version"], meta.get("detail", ""), tuple(entries))  # type: ignore[arg-type]


def _split(joined: str) -> tuple[str, ...]:
    return tuple(joined.split("|")) if joined else ()
