"""Orphanet's facts: the shipped digest, the script that writes it from the ORPHApackets, and its
bad input. Every code and fact here is taken from the packets of December 2025; no definition
text of Orphanet's is copied (a packet's TextSection below is a placeholder)."""

from __future__ import annotations

import gzip
import io
import json
import re
import subprocess
import sys
import tarfile
from pathlib import Path
from typing import Any

import pytest

from condlookup.paths import orphanet_path
from condlookup.sources import orphanet
from condlookup.sources.orphanet import Disorder, Gene, Prevalence, Reference

# CI runs on a clean clone with the shared data beside the checkout, as ../shared.
ARCHIVE = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "data"
    / "orphanet"
    / "orphapackets-2025-12-09.tar.gz"
)
needs_archive = pytest.mark.skipif(
    not ARCHIVE.is_file(), reason=f"the shared ORPHApackets are not beside this checkout: {ARCHIVE}"
)
VERSION = "1.3.42 / 4.1.8 [2025-03-03]"
PLACEHOLDER = "A PLACEHOLDER WHERE A PACKET HOLDS ITS DEFINITION"
DISEASE_CAUSING = "Disease-causing germline mutation(s) in"
LOSS_OF_FUNCTION = "Disease-causing germline mutation(s) (loss of function) in"
BTNT = "BTNT (ORPHAcode is broader than the targeted code used to represent it)"
EXACT = "E (Exact mapping: the two concepts are equivalent)"


# -- the shipped digest ---------------------------------------------------------------------------


@needs_archive
def test_the_shipped_digest_is_what_the_script_writes_from_the_packets() -> None:
    assert orphanet.digest(ARCHIVE) == orphanet_path().read_bytes()


@pytest.fixture(scope="module")
def shipped() -> orphanet.Orphanet:
    return orphanet.read()


def head_labels(data: orphanet.Orphanet, code: str) -> set[str]:
    return {data.heads[head] for head in data.disorders[code].heads}


def test_the_shipped_digest_names_its_version_and_heads(shipped: orphanet.Orphanet) -> None:
    assert (shipped.version, shipped.created) == (VERSION, "2025-12-09")
    assert len(shipped.disorders) == 9960 and len(shipped.heads) == 31
    assert shipped.heads["ORPHA:98006"] == "Rare neurologic disease"
    assert shipped.relations["E"] == "Exact mapping: the two concepts are equivalent"
    assert {head for d in shipped.disorders.values() for head in d.heads} == set(shipped.heads)
    header = gzip.decompress(orphanet_path().read_bytes()).decode().split("\ncode\t", 1)[0]
    for credit in ("Orphanet", "CC BY 4.0", "https://www.orpha.net", VERSION, "2025-12-09"):
        assert credit in header
    assert "python -m condlookup.sources.orphanet" in header


def test_marfan_syndrome_has_its_heads_inheritance_and_gene(shipped: orphanet.Orphanet) -> None:
    marfan = shipped.disorders["ORPHA:558"]
    assert (marfan.label, marfan.disorder_type, marfan.synonyms) == (
        "Marfan syndrome",
        "Disease",
        ("MFS",),
    )
    assert head_labels(shipped, "ORPHA:558") == {
        "Rare bone disease",
        "Rare circulatory system disease",
        "Rare developmental defect during embryogenesis",
        "Rare genetic disease",
        "Rare ophthalmic disorder",
        "Rare surgical thoracic disease",
        "Rare systemic or rheumatologic disease",
    }
    assert marfan.inheritance == ("Autosomal dominant",)
    assert marfan.onset == ("All ages",)
    assert marfan.omim == (Reference("OMIM:610168", "NTBT"), Reference("OMIM:154700", "BTNT"))
    assert (
        Prevalence(
            "Point prevalence", "Value and class", "1-5 / 10 000", "no data", "Worldwide", ""
        )
        in marfan.prevalences
    )
    assert len(marfan.prevalences) == 6
    # Orphanet gives FBN1 for Marfan syndrome type 1, a clinical subtype of Marfan syndrome.
    # with the gene's name: "Name" in a disorder's own packet, "Label" in its parent's Children
    fbn1 = Gene("FBN1", "HGNC:3603", DISEASE_CAUSING, "", "ORPHA:284963", "fibrillin 1")
    assert marfan.genes[0] == fbn1
    assert shipped.disorders["ORPHA:284963"].genes == (fbn1._replace(subtype=""),)
    assert shipped.disorders["ORPHA:284963"].label == "Marfan syndrome type 1"


def test_huntington_disease_is_a_rare_neurologic_disease(shipped: orphanet.Orphanet) -> None:
    huntington = shipped.disorders["ORPHA:399"]
    assert huntington.label == "Huntington disease"
    assert head_labels(shipped, "ORPHA:399") == {
        "Rare neurologic disease",
        "Rare ophthalmic disorder",
        "Rare genetic disease",
    }
    assert huntington.inheritance == ("Autosomal dominant",)
    assert huntington.onset == ("Adolescent", "Adult", "Childhood", "Elderly")
    assert huntington.genes == (
        Gene(
            "HTT",
            "HGNC:4851",
            "Disease-causing germline mutation(s) (gain of function) in",
            "",
            "",
            "huntingtin",
        ),
        Gene(
            "SLC2A3",
            "HGNC:11007",
            "Modifying germline mutation in",
            "",
            "",
            "solute carrier family 2 member 3",
        ),
    )
    assert len(huntington.prevalences) == 32


def test_a_group_takes_no_gene_from_the_subtypes_below_it(shipped: orphanet.Orphanet) -> None:
    subtype = shipped.disorders["ORPHA:240085"]
    assert subtype.disorder_type == "Clinical subtype" and subtype.genes[0].symbol == "MAPT"
    group = shipped.disorders["ORPHA:306666"]
    assert group.label == "Rare parkinsonian syndrome due to neurodegenerative disease"
    assert group.disorder_type == "Category" and group.genes == ()


@needs_archive
def test_no_definition_is_in_the_shipped_digest() -> None:
    definitions = set()
    with tarfile.open(ARCHIVE, "r:gz") as tar:
        for member in tar:
            handle = tar.extractfile(member) if member.isfile() else None
            if handle is not None:
                section = json.load(handle)["Orphapacket"].get("TextSection") or {}
                definitions.add(section.get("Contents"))
    definitions.discard(None)
    assert len(definitions) > 6800
    text = gzip.decompress(orphanet_path().read_bytes()).decode()
    cells = {
        part
        for line in text.splitlines()
        for cell in line.split("\t")
        for item in cell.split("|")
        for part in (item, *item.split(";"))
    }
    assert not cells & definitions
    assert max(len(cell) for cell in cells) < 300  # names and facts, never a paragraph


# -- a small archive of real packets --------------------------------------------------------------


def packet(code: str, label: str, disorder_type: str, **fields: Any) -> dict[str, Any]:
    return {
        "Orphapacket": {
            "ORPHApacketId": code,
            "creationDate": "2025-12-09 10:41:42",
            "version": VERSION,
            "copyright": "Orphanet (c) 2025",
            "ORPHAcode": code,
            "Label": label,
            "DisorderType": {"value": disorder_type},
            "TextSection": {"TextSectionType": "Definition", "Contents": PLACEHOLDER},
            **fields,
        }
    }


def prevalence(
    kind: str, qualification: str, class_: str, area: str, source: str
) -> dict[str, Any]:
    return {
        "Source": source,
        "PrevalenceType": kind,
        "PrevalenceQualification": qualification,
        "PrevalenceClass": class_,
        "ValMoy": "no data",
        "PrevalenceGeographic": area,
    }


# Four real packets, cut down: Rare neurologic disease, a head; a category below it (its Parents
# a single object, as in the packets); Rubinstein-Taybi syndrome below that (and below a code
# without a packet here); and its etiological subtype, every field of which is a single object.
PACKETS = {
    "98006": packet(
        "98006",
        "Rare neurologic disease",
        "Category",
        Synonyms=[{"Synonym": "Rare nervous system disease"}],
        Parents=[{"Parent": [{"ORPHAcode": "320716", "Label": "Rare disorders"}]}],
    ),
    "252190": packet(
        "252190",
        "Inherited nervous system cancer-predisposing syndrome",
        "Category",
        Parents={"Parent": [{"ORPHAcode": "98006", "Label": "Rare neurologic disease"}]},
    ),
    "783": packet(
        "783",
        "Rubinstein-Taybi syndrome",
        "Malformation syndrome",
        Synonyms=[
            {"Synonym": "Broad thumb-hallux syndrome"},
            {"Synonym": "Broad thumbs-halluces syndrome"},
        ],
        ExternalReferences=[
            {
                "ExternalReference": {
                    "Source": "OMIM",
                    "Reference": number,
                    "DisorderMappingRelation": BTNT,
                }
            }
            for number in ("180849", "610543", "613684")
        ],
        Parents=[
            {
                "Parent": [
                    {"ORPHAcode": "139021", "Label": "Malformation syndrome with short stature"}
                ]
            },
            {
                "Parent": [
                    {
                        "ORPHAcode": "252190",
                        "Label": "Inherited nervous system cancer-predisposing syndrome",
                    }
                ]
            },
        ],
        Prevalences=[
            {
                "Prevalence": prevalence(
                    "Prevalence at birth",
                    "Value and class",
                    "1-9 / 1 000 000",
                    "Netherlands",
                    "2118773[PMID]",
                )
            },
            {
                "Prevalence": prevalence(
                    "Point prevalence", "Class only", "1-9 / 100 000", "Europe", "ORPHANET"
                )
            },
        ],
        AverageAgeOfOnsets=[
            {"AverageAgeOfOnset": {"value": "Antenatal"}},
            {"AverageAgeOfOnset": {"value": "Neonatal"}},
        ],
        TypeOfInheritances=[
            {"TypeOfInheritance": {"value": "Autosomal dominant"}},
            {"TypeOfInheritance": {"value": "Unknown"}},
        ],
    ),
    "353284": packet(
        "353284",
        "Rubinstein-Taybi syndrome due to EP300 haploinsufficiency",
        "Etiological subtype",
        ExternalReferences={
            "Source": "OMIM",
            "Reference": "613684",
            "DisorderMappingRelation": EXACT,
        },
        Genes={
            "Gene": {
                "Symbol": "EP300",
                "Name": "EP300 lysine acetyltransferase",
                "ExternalReferences": {
                    "ExternalReference": {"Source": "HGNC", "Reference": "3373"}
                },
                "DisorderGeneAssociationType": LOSS_OF_FUNCTION,
            }
        },
        Parents={"Parent": {"ORPHAcode": "783", "Label": "Rubinstein-Taybi syndrome"}},
        Prevalences={
            "Prevalence": prevalence(
                "Point prevalence",
                "Class only",
                "<1 / 1 000 000",
                "Worldwide",
                "ORPHANET_27465822[PMID]",
            )
        },
        AverageAgeOfOnsets={"AverageAgeOfOnset": {"value": "Neonatal"}},
        TypeOfInheritances={"TypeOfInheritance": {"value": "Autosomal dominant"}},
    ),
}


def write_archive(path: Path, members: dict[str, bytes]) -> Path:
    with tarfile.open(path, "w:gz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def packet_files(codes: list[str]) -> dict[str, bytes]:
    return {
        f"json/ORPHApacket_{code}.json": json.dumps(PACKETS[code], indent=2).encode()
        for code in codes
    }


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    return write_archive(tmp_path / "packets.tar.gz", packet_files(list(PACKETS)))


def test_a_small_archive_gives_exactly_its_facts(archive: Path, tmp_path: Path) -> None:
    written = tmp_path / "orphanet.tsv.gz"
    written.write_bytes(orphanet.digest(archive))
    data = orphanet.read(written)
    assert (data.version, data.created) == (VERSION, "2025-12-09")
    assert data.heads == {"ORPHA:98006": "Rare neurologic disease"}
    assert data.relations == {
        "BTNT": "ORPHAcode is broader than the targeted code used to represent it",
        "E": "Exact mapping: the two concepts are equivalent",
    }
    neuro = ("ORPHA:98006",)
    ep300 = Gene("EP300", "HGNC:3373", LOSS_OF_FUNCTION, "", "", "EP300 lysine acetyltransferase")
    assert data.disorders == {
        "ORPHA:783": Disorder(
            "ORPHA:783",
            "Rubinstein-Taybi syndrome",
            "Malformation syndrome",
            neuro,  # through its category; nothing through the code without a packet
            ("Broad thumb-hallux syndrome", "Broad thumbs-halluces syndrome"),
            tuple(Reference(f"OMIM:{n}", "BTNT") for n in ("180849", "610543", "613684")),
            ("Autosomal dominant", "Unknown"),
            ("Antenatal", "Neonatal"),
            (
                Prevalence(
                    "Prevalence at birth",
                    "Value and class",
                    "1-9 / 1 000 000",
                    "no data",
                    "Netherlands",
                    "",
                ),
                Prevalence(
                    "Point prevalence", "Class only", "1-9 / 100 000", "no data", "Europe", ""
                ),
            ),
            (ep300._replace(subtype="ORPHA:353284"),),  # its subtype's gene, naming the subtype
        ),
        "ORPHA:98006": Disorder(
            "ORPHA:98006",
            "Rare neurologic disease",
            "Category",
            neuro,  # a head is its own
            ("Rare nervous system disease",),
            (),
            (),
            (),
            (),
            (),
        ),
        "ORPHA:252190": Disorder(
            "ORPHA:252190",
            "Inherited nervous system cancer-predisposing syndrome",
            "Category",
            neuro,
            (),
            (),
            (),
            (),
            (),
            (),  # a category takes no gene from below
        ),
        "ORPHA:353284": Disorder(
            "ORPHA:353284",
            "Rubinstein-Taybi syndrome due to EP300 haploinsufficiency",
            "Etiological subtype",
            neuro,
            (),
            (Reference("OMIM:613684", "E"),),
            ("Autosomal dominant",),
            ("Neonatal",),
            (
                Prevalence(
                    "Point prevalence", "Class only", "<1 / 1 000 000", "no data", "Worldwide", ""
                ),
            ),
            (ep300,),
        ),
    }
    text = gzip.decompress(written.read_bytes()).decode()
    assert PLACEHOLDER not in text and "TextSection" not in text
    assert text.splitlines()[-4] == (
        "ORPHA:783\tRubinstein-Taybi syndrome\tMalformation syndrome\tORPHA:98006"
        "\tBroad thumb-hallux syndrome|Broad thumbs-halluces syndrome"
        "\tOMIM:180849;BTNT|OMIM:610543;BTNT|OMIM:613684;BTNT\tAutosomal dominant|Unknown"
        "\tAntenatal|Neonatal\tPrevalence at birth;Value and class;1-9 / 1 000 000;no data;"
        "Netherlands;|Point prevalence;Class only;1-9 / 100 000;no data;Europe;"
        f"\tEP300;HGNC:3373;{LOSS_OF_FUNCTION};;ORPHA:353284;EP300 lysine acetyltransferase"
    )


def test_the_same_packets_give_the_same_bytes(archive: Path, tmp_path: Path) -> None:
    shuffled = write_archive(
        tmp_path / "other.tar.gz", packet_files(["783", "353284", "98006", "252190"])
    )
    assert orphanet.digest(shuffled) == orphanet.digest(archive)
    assert gzip.decompress(orphanet.digest(archive))  # a whole gzip stream, no name or time


def test_the_script_writes_the_digest_whole(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "orphanet.tsv.gz"
    out.parent.mkdir()
    orphanet.main([str(archive), "--out", str(out)])
    assert out.read_bytes() == orphanet.digest(archive)
    assert [path.name for path in out.parent.iterdir()] == ["orphanet.tsv.gz"]
    assert out.stat().st_mode & 0o777 == 0o644


def test_a_target_that_cannot_be_written_is_one_line_and_leaves_nothing(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    (out / "orphanet.tsv.gz").mkdir(parents=True)  # a folder where the file goes
    with pytest.raises(SystemExit) as stopped:
        orphanet.main([str(archive), "--out", str(out / "orphanet.tsv.gz")])
    assert stopped.value.code == 1
    error = capsys.readouterr().err
    assert error.startswith(f"condlookup: error: {out / 'orphanet.tsv.gz'}: cannot write there (")
    assert error.count("\n") == 1
    assert [path.name for path in out.iterdir()] == ["orphanet.tsv.gz"]


def test_a_digest_that_is_not_one_is_an_error_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv.gz"
    columns = "\t".join(orphanet.COLUMNS)
    path.write_bytes(
        gzip.compress(f"# comment\n{columns}\nORPHA:783\tRubinstein-Taybi syndrome\n".encode())
    )
    with pytest.raises(ValueError, match=r"bad\.tsv\.gz:3: not a line of the Orphanet digest"):
        orphanet.read(path)
    line = "\t".join(["ORPHA:783", "x", "x", "", "", "OMIM:180849", "", "", "", ""])
    path.write_bytes(gzip.compress(f"{columns}\n{line}\n".encode()))  # a reference in one part
    with pytest.raises(ValueError, match=r"bad\.tsv\.gz:2: not a line"):
        orphanet.read(path)


# -- bad input: one line naming the file (and the packet), exit 1, nothing written ----------------


def not_json(tmp_path: Path) -> Path:
    files = packet_files(["98006"]) | {
        "json/ORPHApacket_783.json": b'{"Orphapacket": {"ORPHAcode": "783",'
    }
    return write_archive(tmp_path / "in.tar.gz", files)


def not_a_packet(tmp_path: Path) -> Path:
    broken = json.loads(json.dumps(PACKETS["783"]))
    broken["Orphapacket"]["Parents"] = [{"Parent": ["252190"]}]
    files = {"json/ORPHApacket_783.json": json.dumps(broken).encode()}
    return write_archive(tmp_path / "in.tar.gz", files)


def write(name: str, data: bytes) -> Any:
    def make(tmp_path: Path) -> Path:
        (tmp_path / name).write_bytes(data)
        return tmp_path / name

    return make


BAD = [
    ("missing", lambda tmp_path: tmp_path / "nowhere.tar.gz", r"nowhere\.tar\.gz: no such file"),
    ("empty", write("in.tar.gz", b""), r"in\.tar\.gz: an empty file"),
    (
        "not-gzip",
        write("in.tar.gz", b"ORPHAcode\tLabel\n"),
        r"in\.tar\.gz: not a readable tar\.gz archive \(not a gzip file\)",
    ),
    (
        "gzip-not-tar",
        write("in.tar.gz", gzip.compress(b"x" * 600)),
        r"in\.tar\.gz: not a readable tar\.gz archive",
    ),
    (
        "no-packets",
        lambda tmp_path: write_archive(tmp_path / "in.tar.gz", {"README.md": b"x"}),
        r"in\.tar\.gz: no ORPHApacket_<code>\.json in it",
    ),
    ("not-json", not_json, r"in\.tar\.gz: json/ORPHApacket_783\.json: not JSON \("),
    (
        "not-a-packet",
        not_a_packet,
        r'in\.tar\.gz: json/ORPHApacket_783\.json: "Parents" holds "252190", not an object',
    ),
]


@pytest.mark.parametrize(
    ("make", "message"), [case[1:] for case in BAD], ids=[case[0] for case in BAD]
)
def test_bad_input_is_one_line_and_leaves_nothing_behind(
    tmp_path: Path, make: Any, message: str
) -> None:
    source = make(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    kept = out / "kept.tsv.gz"
    kept.write_bytes(b"the digest before")
    for target in (out / "new.tsv.gz", kept):
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "condlookup.sources.orphanet",
                str(source),
                "--out",
                str(target),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        assert (done.returncode, done.stdout) == (1, "")
        assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr, done.stderr
        assert done.stderr.startswith(f"condlookup: error: {source}: ")
        assert re.search(message, done.stderr), done.stderr
    assert sorted(path.name for path in out.iterdir()) == ["kept.tsv.gz"]
    assert kept.read_bytes() == b"the digest before"
