"""Orphanet's facts: the digest condlookup ships of Orphanet's ORPHApackets, read and written.

The ORPHApackets give each Orphanet entity (an ORPHA code) its classification, inheritance, age
of onset, prevalences, names, OMIM codes and genes. The package ships a digest of these facts,
`orphanet.tsv.gz` beside this module, and never Orphanet's text: no definition (`TextSection`)
is read into it. One line per ORPHA code; lists joined by `|`, the parts of an item by `;`:

    code  label  type  heads  synonyms  omim (code;relation)  inheritance  onset
    prevalences (type;qualification;class;mean;area;validation)
    genes (symbol;HGNC id;association type;status;subtype;name)

and, in its header, the version, each classification head's label and what each OMIM mapping
relation means. `python -m condlookup.sources.orphanet ARCHIVE` writes it again from the packets'
tar.gz (read as it is, never unpacked), the same bytes for the same packets. On the way:

- A code's classification heads are the children of "Rare disorders" (ORPHA:320716) it descends
  from, found by walking the packets' `Parents` upwards, all of them. A walk stops at a code
  without a packet: what lies above it is not in the packets.
- A disorder's genes are its own packet's, then those its subtypes (clinical, etiological,
  histopathological, at any depth) have in theirs, each naming the subtype: Orphanet gives
  Marfan syndrome's FBN1 for "Marfan syndrome type 1". Groups (categories, clinical groups)
  take none from below.
- Everything else is as the packets give it, in their order: every inheritance, onset and
  prevalence, contradictory or not (prevalences without Orphanet's references for them). A field
  with one value may be an object instead of a list, and an item may be wrapped
  (`{"Prevalence": {...}}`) or not: all read the same.
"""

import argparse
import gzip
import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from condlookup.errors import DataError
from condlookup.paths import orphanet_path
from condlookup.sources.orphapackets import Packet, read_archive

DIGEST = orphanet_path()
ROOT = "ORPHA:320716"  # "Rare disorders": its children are Orphanet's classification heads
COLUMNS = (
    "code",
    "label",
    "type",
    "heads",
    "synonyms",
    "omim",
    "inheritance",
    "onset",
    "prevalences",
    "genes",
)
GROUPS = frozenset({"Category", "Clinical group"})
_CONTROL = str.maketrans("\t\n\r", "   ")


class Reference(NamedTuple):
    code: str  # OMIM:154700
    relation: str  # E, BTNT, NTBT, ND: what each means is in Orphanet.relations


class Prevalence(NamedTuple):
    kind: str  # Point prevalence, Prevalence at birth, Annual incidence, Cases/families, ...
    qualification: str  # Value and class, Class only, Case(s), Family(ies)
    class_: str  # 1-9 / 100 000, <1 / 1 000 000, Unknown, no data, ...
    mean: str  # Orphanet's mean value (ValMoy), as given: "no data", or "0.0" where none is
    area: str  # Worldwide, Europe, a country
    validation: str  # its validation status, where a packet gives one (none of 2025's do)


class Gene(NamedTuple):
    symbol: str  # FBN1
    hgnc: str  # HGNC:3603, or "" where the packet gives none
    association: str  # "Disease-causing germline mutation(s) in", "Major susceptibility factor in"
    status: str  # the association's status, where a packet gives one (none of 2025's do)
    subtype: str  # "" for the disorder's own gene, else the code of its subtype that has it
    name: str = ""  # the gene's name, as Orphanet gives it: "fibrillin 1"


class Disorder(NamedTuple):
    code: str  # ORPHA:558
    label: str
    disorder_type: str  # Disease, Malformation syndrome, Category, Clinical subtype, ...
    heads: tuple[str, ...]  # codes of Orphanet.heads, by number
    synonyms: tuple[str, ...]
    omim: tuple[Reference, ...]
    inheritance: tuple[str, ...]  # as given: "Autosomal dominant", "Not applicable", ...
    onset: tuple[str, ...]  # as given: "Infancy", "Adult", "All ages", ...
    prevalences: tuple[Prevalence, ...]
    genes: tuple[Gene, ...]


class Orphanet(NamedTuple):
    version: str  # 1.3.42 / 4.1.8 [2025-03-03]
    created: str  # 2025-12-09, when the packets were written
    heads: dict[str, str]  # the classification heads: code to label
    relations: dict[str, str]  # what a mapping relation means: "E" to "Exact mapping: ..."
    disorders: dict[str, Disorder]


def read(path: Path = DIGEST) -> Orphanet:
    """The digest; raises ValueError naming the line on anything that is not one."""
    meta = {"orphanet_version": "unknown", "orphanet_created": "unknown"}
    heads: dict[str, str] = {}
    relations: dict[str, str] = {}
    disorders: dict[str, Disorder] = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.startswith("# "):
                key, _, value = line[2:].rstrip("\n").partition(": ")
                if key == "head":
                    code, _, label = value.partition(" ")
                    heads[code] = label
                elif key == "relation":
                    short, _, meaning = value.partition(": ")
                    relations[short] = meaning
                elif key in meta:
                    meta[key] = value
                continue
            cells = line.rstrip("\n").split("\t")
            if len(cells) == len(COLUMNS) and cells[0].startswith("ORPHA:"):
                try:
                    disorders[cells[0]] = _disorder(cells)
                    continue
                except TypeError:  # an item with too few or too many parts
                    pass
            elif tuple(cells) == COLUMNS:
                continue
            raise ValueError(f"{path}:{number}: not a line of the Orphanet digest")
    return Orphanet(meta["orphanet_version"], meta["orphanet_created"], heads, relations, disorders)


def _disorder(cells: list[str]) -> Disorder:
    code, label, kind, heads, synonyms, omim, inheritance, onset, prevalences, genes = cells
    return Disorder(
        code,
        label,
        kind,
        _split(heads),
        _split(synonyms),
        tuple(Reference(*item.split(";")) for item in _split(omim)),
        _split(inheritance),
        _split(onset),
        tuple(Prevalence(*item.split(";")) for item in _split(prevalences)),
        tuple(Gene(*item.split(";")) for item in _split(genes)),
    )


def _split(joined: str) -> tuple[str, ...]:
    return tuple(joined.split("|")) if joined else ()


# -- writing the digest from the packets -------------------------------------------------------


def digest(archive: Path) -> bytes:
    """The digest's bytes, from the ORPHApackets' tar.gz; the same packets give the same bytes.
    Raises DataError naming the archive, and the packet, on anything that is not one."""
    packets = read_archive(archive)
    ordered = [packets[code] for code in sorted(packets, key=_number)]
    versions = sorted({packet.version for packet in ordered})
    if len(versions) > 1:
        raise DataError(f"{archive}: packets of more than one version: {' and '.join(versions)}")
    parents = {packet.code: tuple(code for code, _ in packet.parents) for packet in ordered}
    heads = _heads(parents, archive)
    labels: dict[str, str] = {}
    relations: dict[str, str] = {}
    children: dict[str, list[str]] = {}
    for packet in ordered:
        labels.update((code, label) for code, label in packet.parents if code not in labels)
        relations.update((short, meaning) for _, short, meaning in packet.omim if meaning)
        for parent in parents[packet.code]:
            children.setdefault(parent, []).append(packet.code)
    labels.update((packet.code, packet.label) for packet in ordered)  # a packet's own wins

    notices = "; ".join(sorted({packet.copyright for packet in ordered if packet.copyright}))
    lines = [
        "# condlookup's digest of Orphanet's ORPHApackets: facts only, no definition or other"
        " text of Orphanet's.",
        f"# Orphanet, https://www.orpha.net ({notices or 'Orphanet'}), under CC BY 4.0: credit"
        ' "Orphanet" with the version.',
        "# Written by `python -m condlookup.sources.orphanet ARCHIVE`; do not edit.",
        f"# orphanet_version: {versions[0]}",
        f"# orphanet_created: {max(packet.created for packet in ordered)}",
        *(f"# relation: {short}: {relations[short]}" for short in sorted(relations)),
        f"# The classification heads (the children of {ROOT} Rare disorders):",
        *(
            f"# head: {head} {labels[head]}"
            for head in sorted({head for found in heads.values() for head in found}, key=_number)
        ),
        "# Lists are joined by |, the parts of an item by ;: omim (code;relation), prevalences"
        " (type;qualification;class;mean;area;validation),",
        "# genes (symbol;HGNC id;association type;status;the subtype that has it, if not itself;"
        " name).",
        "\t".join(COLUMNS),
    ]
    for packet in ordered:
        where = f"{archive}: the packet of {packet.code}"
        ups = sorted(heads[packet.code], key=_number)
        cells = [
            packet.code,
            packet.label,
            packet.disorder_type,
            _join(ups, where),
            _join(packet.synonyms, where),
            _join([(code, short) for code, short, _ in packet.omim], where),
            _join(packet.inheritance, where),
            _join(packet.onset, where),
            _join(packet.prevalences, where),
            _join(_genes(packet, packets, children), where),
        ]
        lines.append("\t".join(cell.translate(_CONTROL) for cell in cells))
    text = "\n".join(lines) + "\n"
    # No name and no time in the gzip header: the same text gives the same bytes.
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def _join(items: Iterable[str | tuple[str, ...]], where: str) -> str:
    """Items joined by |, the parts of each by ;. A value holding either would be read back
    wrong: it stops the digest rather than be changed."""
    joined = []
    for item in items:
        parts = (item,) if isinstance(item, str) else item
        for part in parts:
            if "|" in part or (";" in part and len(parts) > 1):
                raise DataError(f"{where}: {part!r} holds a separator of the digest (| or ;)")
        joined.append(";".join(parts))
    return "|".join(joined)


def _heads(parents: dict[str, tuple[str, ...]], archive: Path) -> dict[str, frozenset[str]]:
    """Each code's classification heads, walking up through the packets (without recursion: a
    long chain must not overflow the stack). A loop in the classification is an error."""
    done: dict[str, frozenset[str]] = {}
    for start in parents:
        if start in done:
            continue
        path = [start]
        stack = [iter(parents[start])]
        while stack:
            for parent in stack[-1]:
                if parent == ROOT or parent in done or parent not in parents:
                    continue
                if parent in path:
                    loop = " -> ".join([*path[path.index(parent) :], parent])
                    raise DataError(f"{archive}: the classification loops: {loop}")
                path.append(parent)
                stack.append(iter(parents[parent]))
                break
            else:
                stack.pop()
                code = path.pop()
                found = {code} if ROOT in parents[code] else set()
                for parent in parents[code]:
                    found.update(done.get(parent, ()))
                done[code] = frozenset(found)
    return done


def _genes(
    packet: Packet, packets: dict[str, Packet], children: dict[str, list[str]]
) -> list[Gene]:
    """The packet's own genes, then its subtypes', breadth first, each naming its subtype."""
    found = [Gene(*gene[:4], "", gene[4]) for gene in packet.genes]
    if packet.disorder_type in GROUPS:
        return found
    seen = {packet.code}
    queue = list(children.get(packet.code, ()))
    for code in queue:  # grows as it goes
        subtype = packets[code]
        if code in seen or not subtype.disorder_type.lower().endswith("subtype"):
            continue
        seen.add(code)
        found.extend(Gene(*gene[:4], code, gene[4]) for gene in subtype.genes)
        queue.extend(children.get(code, ()))
    return found


def _number(code: str) -> int:
    return int(code.split(":", 1)[1])


# -- the script ----------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> None:
    """Write the shipped digest again: `python -m condlookup.sources.orphanet ARCHIVE`."""
    parser = argparse.ArgumentParser(
        prog="python -m condlookup.sources.orphanet",
        description="Write condlookup's digest of Orphanet's ORPHApackets.",
    )
    parser.add_argument("archive", type=Path, help="the packets' tar.gz, as Orphanet publishes it")
    parser.add_argument(
        "--out", type=Path, default=DIGEST, help="where to write it (default: the shipped digest)"
    )
    args = parser.parse_args(argv)
    try:
        _write(args.out, digest(args.archive))
    except DataError as error:
        sys.stderr.write(f"condlookup: error: {' '.join(error.message.splitlines())}\n")
        raise SystemExit(1) from None


def _write(target: Path, data: bytes) -> None:
    """Write whole or not at all: a temporary file beside the target, renamed onto it."""
    try:
        handle, temporary = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}-", suffix=".tmp"
        )
    except OSError as error:
        raise DataError(f"{target}: cannot write there ({error.strerror})") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, 0o644)  # mkstemp's 0600 would ship unreadable to other users
        os.replace(temporary, target)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise DataError(f"{target}: cannot write there ({error.strerror})") from None
        raise


if __name__ == "__main__":
    main()
