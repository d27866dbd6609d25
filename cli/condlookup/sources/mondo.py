"""Disease identity from the Mondo Disease Ontology: the digest condlookup ships, read and written.

Mondo maps Orphanet and OMIM entries onto one disease, gives the names people use and a family
tree. The package ships a digest of its files, `mondo.tsv.gz` beside this module: one line per
Mondo class that is current and either maps to a catalogue code or sits in the subclass tree of
Mondo's rare-disease subset, with only what condlookup uses:

    id  label  synonyms (|)  codes (|: ORPHA:, OMIM:, GARD:, DOID:)  parents (|: subclass of)

`python -m condlookup.sources.mondo SOURCES` writes it again from Mondo's own files (see
`tests/data/mondo-sources/README.md`), the same bytes for the same files. Rules applied on the
way, so that the index build needs none of Mondo's history:

- Obsolete classes (labels starting "obsolete") are left out. A code that only an obsolete class
  maps goes to the one current class with the same label, if there is exactly one; else it is
  dropped and the catalogue keeps that entry on its own.
- Labels come from the mapping files (the newer release) where a class has one, else from the
  rare-disease report; synonyms from the report, without repeats of the label.
"""

import gzip
import io
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from condlookup.paths import mondo_path

DIGEST = mondo_path()
COLUMNS = ("id", "label", "synonyms", "codes", "parents")
# Mondo's own files, as published (see tests/data/mondo-sources/README.md).
OMIM_FILE = "mondo_exactmatch_omim.sssom.tsv.gz"
ORPHANET_FILE = "mondo_exactmatch_orphanet.sssom.tsv.gz"
GARD_FILE = "mondo_hasdbxref_gard.sssom.tsv.gz"
DOID_FILE = "mondo_exactmatch_doid.sssom.tsv.gz"
EDGES_FILE = "mondo-rare_edges.tsv.gz"
REPORT_FILE = "rare-diseases.tsv.gz"

_OBSOLETE = re.compile(r"obsolete(d)?\b", re.IGNORECASE)
_VERSION = re.compile(r"/releases/([0-9]{4}-[0-9]{2}-[0-9]{2})/")


@dataclass(frozen=True, slots=True)
class MondoClass:
    id: str  # MONDO:0007947
    label: str  # empty for a class known only as a link in the tree
    synonyms: tuple[str, ...]
    codes: tuple[str, ...]  # OMIM:154700, ORPHA:558, GARD:0006975
    parents: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Mondo:
    version: str
    classes: dict[str, MondoClass]


def read(path: Path = DIGEST) -> Mondo:
    """The digest; raises ValueError naming the line on anything that is not one."""
    classes: dict[str, MondoClass] = {}
    version = "unknown"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.startswith("#"):
                if line.startswith("# mondo_version: "):
                    version = line.split(": ", 1)[1].strip()
                continue
            fields = line.rstrip("\n").split("\t")
            if tuple(fields) == COLUMNS:
                continue
            if len(fields) != len(COLUMNS) or not fields[0].startswith("MONDO:"):
                raise ValueError(f"{path}:{number}: not a line of the Mondo digest")
            mondo_id, label, synonyms, codes, parents = fields
            classes[mondo_id] = MondoClass(
                mondo_id, label, _split(synonyms), _split(codes), _split(parents)
            )
    return Mondo(version, classes)


def _split(joined: str) -> tuple[str, ...]:
    return tuple(joined.split("|")) if joined else ()


# -- writing the digest from Mondo's files ---------------------------------------------------


def digest(sources: Path) -> bytes:
    """The digest's bytes, from a folder of Mondo's files. The same files give the same bytes."""
    labels: dict[str, str] = {}
    codes: dict[str, list[str]] = {}
    versions: set[str] = set()
    for name, prefix in ((OMIM_FILE, "OMIM:"), (ORPHANET_FILE, "ORPHA:"), (GARD_FILE, "GARD:")):
        for row, version in _sssom(sources / name):
            versions |= {version} if version else set()
            code = prefix + row["object_id"].split(":", 1)[1]
            labels.setdefault(row["subject_id"], row["subject_label"])
            codes.setdefault(row["subject_id"], []).append(code)
    report = {cells[0]: cells for cells in _tsv(sources / REPORT_FILE) if cells[0][:6] == "MONDO:"}
    parents: dict[str, list[str]] = {}
    for cells in _tsv(sources / EDGES_FILE):
        if len(cells) > 3 and cells[2] == "biolink:subclass_of" and cells[3][:6] == "MONDO:":
            parents.setdefault(cells[1], []).append(cells[3])

    obsolete = {mondo_id for mondo_id, label in labels.items() if _OBSOLETE.match(label)}
    current_labels = {**{k: cells[1] for k, cells in report.items()}, **labels}
    by_label: dict[str, list[str]] = {}
    for mondo_id, label in current_labels.items():
        if mondo_id not in obsolete:
            by_label.setdefault(label.casefold(), []).append(mondo_id)
    mapped = {
        code for mondo_id, found in codes.items() if mondo_id not in obsolete for code in found
    }
    for mondo_id in sorted(obsolete):
        current = _OBSOLETE.sub("", labels[mondo_id], count=1).strip().casefold()
        same = by_label.get(current, [])
        if len(same) == 1:
            moved = [code for code in codes[mondo_id] if code not in mapped]
            codes.setdefault(same[0], []).extend(moved)
            mapped.update(moved)

    kept = {*codes, *parents, *(p for found in parents.values() for p in found)} - obsolete
    # The Disease Ontology's ids join its definitions to a disease, and tell which of its
    # diseases the catalogue has; they add no class of their own (a common disease that only
    # DO names is not one of the catalogue's).
    doid = sources / DOID_FILE
    for row, version in _sssom(doid) if doid.exists() else iter(()):
        versions |= {version} if version else set()
        if row["subject_id"] in kept:
            codes.setdefault(row["subject_id"], []).append(row["object_id"])
    out = io.StringIO()
    out.write(
        "# condlookup's digest of the Mondo Disease Ontology "
        "(https://mondo.monarchinitiative.org): CC BY 4.0; the mappings CC0 1.0.\n"
        "# Written by `python -m condlookup.sources.mondo SOURCES`; do not edit.\n"
        f"# mondo_version: {max(versions) if versions else 'unknown'}\n"
    )
    out.write("\t".join(COLUMNS) + "\n")
    for mondo_id in sorted(kept, key=_number):
        label = current_labels.get(mondo_id, "")
        synonyms = report[mondo_id][2].split("|") if mondo_id in report else []
        seen = {label.casefold()}
        kept_synonyms = []
        for synonym in synonyms:
            if synonym and synonym.casefold() not in seen:
                seen.add(synonym.casefold())
                kept_synonyms.append(synonym)
        found = sorted(set(codes.get(mondo_id, ())), key=_code_order)
        ups = sorted({p for p in parents.get(mondo_id, ()) if p in kept}, key=_number)
        fields = [mondo_id, label, "|".join(kept_synonyms), "|".join(found), "|".join(ups)]
        out.write("\t".join(field.replace("\t", " ") for field in fields) + "\n")
    # No name and no time in the gzip header: the same text gives the same bytes.
    return gzip.compress(out.getvalue().encode("utf-8"), compresslevel=9, mtime=0)


def _sssom(path: Path) -> Iterator[tuple[dict[str, str], str | None]]:
    """The rows of an SSSOM file as dicts, each with the Mondo release its header names."""
    version = None
    header: list[str] | None = None
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                if line.startswith("# mapping_set_version:"):
                    found = _VERSION.search(line)
                    version = found.group(1) if found else None
                continue
            fields = line.rstrip("\n").split("\t")
            if header is None:
                header = fields
                continue
            row = dict(zip(header, fields, strict=False))
            if row.get("subject_id", "").startswith("MONDO:") and row.get("object_id"):
                yield row, version


def _tsv(path: Path) -> Iterator[list[str]]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            yield line.rstrip("\n").split("\t")


def _number(mondo_id: str) -> int:
    return int(mondo_id.split(":", 1)[1])


def _code_order(code: str) -> tuple[int, int]:
    prefix, _, number = code.partition(":")
    return ("ORPHA", "OMIM", "GARD", "DOID").index(prefix), int(number)


def main() -> None:
    """Write the shipped digest again: `python -m condlookup.sources.mondo SOURCES`."""
    if len(sys.argv) != 2:
        raise SystemExit("usage: python -m condlookup.sources.mondo SOURCES_FOLDER")
    DIGEST.write_bytes(digest(Path(sys.argv[1])))


if __name__ == "__main__":
    main()
