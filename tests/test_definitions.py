"""Definitions by `condlookup update`: Orphanet's packets and the Disease Ontology's doid.obo,
fetched from a local HTTP server (never the internet), checked, kept as a digest, and shown
credited; DO's common diseases as short pages; every bad download one line, and nothing lost."""

from __future__ import annotations

import gzip
import io
import json
import sqlite3
import tarfile
import tempfile
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from condlookup import library
from condlookup.catalogue.do_pages import DO_CLASSES
from condlookup.catalogue.specialties import SPECIALTIES
from condlookup.index.sources import HpoFiles, Sources
from condlookup.pages.folders import PageFolder
from condlookup.paths import data_dir, definition_digests, source_dir
from condlookup.sources import update as updates
from condlookup.sources.definitions import read_obo, read_packets
from conftest import FIXTURE_HPO, FIXTURE_PAGES
from test_json_schemas import errors
from test_update import Server, run, server  # noqa: F401 - the local server and its fixture

CREATED = "2025-12-09"
DRY = "Dry syndrome is a made-up disease of the tests whose glands make too little fluid."
COMMON = "A made-up common disease of the nervous system, for the tests."
SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


def packet(code: int, label: str, definition: str | None, created: str = CREATED) -> bytes:
    body: dict[str, object] = {
        "ORPHAcode": code,
        "Label": label,
        "creationDate": f"{created} 10:41:42",
        "version": "1.3.42 / 4.1.8 [2025-03-03]",
    }
    if definition is not None:
        body["TextSection"] = {"TextSectionType": "Definition", "Contents": definition}
    return json.dumps({"Orphapacket": body}).encode()


def archive(members: Iterable[tarfile.TarInfo | tuple[str, bytes]]) -> bytes:
    """A tar.gz of `members`: (name, bytes) for a file, or a TarInfo as it is (a link)."""
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as tar:
        for member in members:
            if isinstance(member, tarfile.TarInfo):
                tar.addfile(member)
                continue
            name, data = member
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return out.getvalue()


def packets(definition: str = DRY, created: str = CREATED) -> bytes:
    """The repository's archive as GitHub gives it: the packets under one top folder."""
    return archive(
        [
            ("orphapacket-master/README.md", b"# ORPHApackets\n"),
            ("orphapacket-master/json/ORPHApacket_2.json", packet(2, "Dry syndrome", definition, created)),
            ("orphapacket-master/json/ORPHApacket_3.json", packet(3, "No words", None, created)),
        ]
    )  # fmt: skip


def term(code: str, name: str, *lines: str) -> str:
    return "\n".join(["[Term]", f"id: {code}", f"name: {name}", *lines]) + "\n\n"


def doid(version: str = "2026-07-31", extra: str = "") -> bytes:
    """A doid.obo: a made-up common disease under nervous system disease, one the catalogue
    has (by the Orphanet code DO gives), and filler to be a whole ontology."""
    head = (
        f"format-version: 1.2\ndata-version: doid/releases/{version}/doid.obo\nontology: doid\n\n"
    )
    terms = [
        term("DOID:4", "disease"),
        term("DOID:863", "nervous system disease", "is_a: DOID:4 ! disease"),
        term(
            "DOID:9000001",
            "testosis",
            f'def: "{COMMON}" [url:https\\://example.org]',
            'synonym: "common test disease" EXACT []',
            'synonym: "vague test thing" RELATED []',
            "is_a: DOID:863 ! nervous system disease",
        ),
        term("DOID:9000002", "dry syndrome", 'def: "DO\'s words." []', "xref: ORDO:2"),
        term("DOID:9000003", "gone disease", "is_obsolete: true"),
        *(term(f"DOID:8{n:06d}", f"filler disease {n}") for n in range(1000)),
    ]
    return (head + "".join(terms) + extra).encode()


@pytest.fixture
def catalogue(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fixture pages and tiny HPO release, and the definitions `update` installed, looked
    for at each command, as the tool does."""
    monkeypatch.setattr(
        library,
        "default_sources",
        lambda *_args: Sources(
            (PageFolder(FIXTURE_PAGES, "curated"),),
            HpoFiles.in_folder(FIXTURE_HPO),
            definitions=definition_digests(),
        ),
    )


@pytest.fixture
def published(server: Server, monkeypatch: pytest.MonkeyPatch, catalogue: None) -> Server:  # noqa: F811
    server.files["/packets.tar.gz"] = packets()
    server.files["/doid.obo"] = doid()
    monkeypatch.setenv("CONDLOOKUP_ORPHANET_URL", f"{server.url}/packets.tar.gz")
    monkeypatch.setenv("CONDLOOKUP_DO_URL", f"{server.url}/doid.obo")
    return server


def fetch(runner: CliRunner, *more: str) -> tuple[int, str, str]:
    return run(runner, "update", "--only", "orphanet", "--only", "do", *more)


@pytest.fixture
def fetched(published: Server, runner: CliRunner) -> Server:
    code, out, err = fetch(runner)
    assert (code, err.count("\n")) == (0, 2), err  # one download line per source
    assert out.splitlines() == [
        f"installed Orphanet's packets, version {CREATED} (was none)",
        "installed the Disease Ontology, version 2026-07-31 (was none)",
    ]
    return published


def test_a_catalogue_page_shows_orphanets_definition_with_its_credit(
    fetched: Server, runner: CliRunner
) -> None:
    code, out, _ = run(runner, "show", "dry syndrome")
    assert code == 0
    lines = out.splitlines()
    at = lines.index("What it is")
    assert " ".join(lines[at + 2 : at + 4]) == DRY
    assert " ".join(lines[at + 4 : at + 6]) == (
        f"(Orphanet's definition (ORPHA:2), version {CREATED}, CC BY 4.0: https://www.orpha.net)"
    )
    page = json.loads(run(runner, "show", "dry syndrome", "--json")[1])
    assert page["definition"] == {
        "text": DRY,
        "source": "Orphanet",
        "code": "ORPHA:2",
        "version": CREATED,
        "licence": "CC BY 4.0",
        "url": "https://www.orpha.net",
    }
    exported = run(runner, "export", "dry syndrome")[1]
    assert f"## What it is\n\n{DRY}\n\n*Orphanet's definition (ORPHA:2)" in exported
    # A disease without a definition shows none, and says nothing of one.
    assert "What it is" not in run(runner, "show", "test ataxia syndrome")[1]


def test_a_common_disease_gets_a_short_page_after_update_and_a_pointer_before(
    published: Server, runner: CliRunner
) -> None:
    code, _, err = run(runner, "show", "testosis")
    assert code == 1
    assert "`condlookup update` adds short pages for common conditions" in err
    assert fetch(runner)[0] == 0
    code, out, err = run(runner, "show", "common test disease")
    assert code == 0, err
    assert out.startswith(
        "common test disease is one of the names of testosis.\n\n"
        "testosis\n========\nAlso called: common test disease\n"
    )
    assert "Codes: DOID:9000001\nA kind of: nervous system disease (Human Disease Ontology)" in out
    assert "Testosis is a nervous system disease, as the Human Disease Ontology classes it." in out
    assert COMMON in " ".join(out.split())
    assert "outside condlookup's rare-disease catalogue" in out
    assert "See a neurologist." in out
    assert "vague test thing" not in out  # a related synonym is not a name of it
    page = json.loads(run(runner, "show", "DOID:9000001", "--json")[1])
    assert (page["source"], page["kind_of"], page["symptoms"]) == (
        "do",
        ["nervous system disease"],
        [],
    )
    assert page["definition"]["source"] == "The Human Disease Ontology"
    # DO's disease that the catalogue has (by the code DO gives) is no page of its own: the
    # catalogue's is shown, with Orphanet's words first.
    out = " ".join(run(runner, "show", "dry syndrome")[1].split())
    assert out.startswith("Dry syndrome ====") and DRY in out and "DO's words" not in out
    # An obsolete term is no page.
    assert run(runner, "show", "gone disease")[0] == 1


def test_the_same_version_again_switches_nothing_and_check_only_looks(
    fetched: Server, runner: CliRunner
) -> None:
    before = sorted(p.name for p in source_dir("orphanet").iterdir())
    fetched.requests.clear()
    code, out, _ = fetch(runner)
    assert code == 0
    assert out.splitlines()[1].startswith(
        "the Disease Ontology, version 2026-07-31, is the newest, and in use"
    )
    assert ("/doid.obo", "bytes=0-16383") in fetched.requests  # only its header was read
    assert ("/doid.obo", None) not in fetched.requests
    assert sorted(p.name for p in source_dir("orphanet").iterdir()) == before
    fetched.files["/doid.obo"] = doid("2026-09-30")
    code, out, _ = fetch(runner, "--check")
    assert code == 0
    assert out.splitlines() == [
        f"Orphanet's packets: in use {CREATED}, fetched {_today()}; its version is only known "
        "once downloaded, `condlookup update` fetches it",
        f"a newer version of the Disease Ontology exists: 2026-09-30 (in use: 2026-07-31, "
        f"fetched {_today()})",
    ]
    code, out, _ = fetch(runner)
    assert "installed the Disease Ontology, version 2026-09-30 (was 2026-07-31" in out
    assert [p.name for p in source_dir("do").iterdir() if p.name.startswith("release-")] == [
        next(p.name for p in source_dir("do").iterdir() if "2026-09-30" in p.name)
    ]


def _today() -> str:
    return date.today().isoformat()


def _link(name: str, kind: bytes) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.linkname = "/etc/passwd"
    return info


def _many(count: int) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz", compresslevel=1) as tar:
        for number in range(count):
            tar.addfile(tarfile.TarInfo(f"orphapacket-master/json/x{number}"), io.BytesIO())
    return out.getvalue()


BAD_PACKETS = {
    "truncated": (packets()[:-200], "not a whole tar.gz archive"),
    "not a tarball": (gzip.compress(b"<html>Not Found</html>"), "not a whole tar.gz archive"),
    "plain text": (b"<!DOCTYPE html><html>rate limited</html>", "not a whole tar.gz archive"),
    "parent path": (
        archive([("orphapacket-master/../../evil.json", b"{}")]),
        "'orphapacket-master/../../evil.json': a path outside its folder",
    ),
    "absolute path": (archive([("/tmp/evil.json", b"{}")]), "a path outside its folder"),
    "symlink": (archive([_link("orphapacket-master/json/x", tarfile.SYMTYPE)]), "a link"),
    "hard link": (archive([_link("orphapacket-master/json/y", tarfile.LNKTYPE)]), "a link"),
    "100,000 entries": (_many(100_000), "more than 50,000 entries: not Orphanet's archive"),
    "no packets": (archive([("orphapacket-master/README.md", b"hi")]), "no ORPHApacket_"),
    "no definitions": (
        archive([("json/ORPHApacket_3.json", packet(3, "No words", None))]),
        "its packets hold no definition",
    ),
    "bad packet": (archive([("json/ORPHApacket_2.json", b"{oops")]), "not JSON"),
}
BAD_DOID = {
    "html": (b"<!DOCTYPE html>\n<html><body>Not found</body></html>\n", "not an OBO file"),
    "empty": (b"", "not an OBO file"),
    "cut mid-line": (
        doid()[: doid().index(b"name: filler disease 999") + 10],
        "cut off in the middle of a line",
    ),
    "cut after an id": (doid(extra="[Term]\nid: DOID:9000009\n"), "DOID:9000009: no name"),
    "cut in a definition": (
        doid(extra='[Term]\nid: DOID:9000009\nname: cut\ndef: "A disease th\n'),
        "DOID:9000009: its def is cut off",
    ),
    "a subset": (doid().replace(b"8000999", b"x").split(b"[Term]\nid: DOID:80005")[0], "diseases"),
}


@pytest.mark.parametrize("case", BAD_PACKETS)
def test_a_bad_archive_is_one_line_and_the_definitions_in_use_stay(
    case: str, fetched: Server, runner: CliRunner
) -> None:
    body, said = BAD_PACKETS[case]
    _bad_download(fetched, runner, "/packets.tar.gz", body, "orphanet", "Orphanet's packets", said)


@pytest.mark.parametrize("case", BAD_DOID)
def test_a_bad_doid_obo_is_one_line_and_the_definitions_in_use_stay(
    case: str, fetched: Server, runner: CliRunner
) -> None:
    body, said = BAD_DOID[case]
    body = body.replace(b"2026-07-31", b"2026-08-31")  # a newer release, so it is fetched
    _bad_download(fetched, runner, "/doid.obo", body, "do", "the Disease Ontology", said)


def _bad_download(
    host: Server, runner: CliRunner, path: str, body: bytes, key: str, title: str, said: str
) -> None:
    folders = {p.name for p in data_dir().rglob("*")}
    host.files[path] = body
    code, out, err = run(runner, "update", "--only", key)
    assert code == 1
    problem = [line for line in err.splitlines() if not line.startswith("condlookup: download")]
    assert len(problem) == 1 and problem[0].startswith("condlookup: error: "), err
    assert title in problem[0] and said in problem[0]
    assert out == ""
    assert updates.definitions_in_use(key)[0] == (
        "2025-12-09" if key == "orphanet" else "2026-07-31"
    )
    assert {p.name for p in data_dir().rglob("*")} == folders  # nothing left, nothing lost
    assert DRY in " ".join(run(runner, "show", "dry syndrome")[1].split())
    assert run(runner, "show", "testosis")[0] == 0


def test_a_body_over_the_limit_stops_there(
    fetched: Server, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    small = tuple(source._replace(limit=100_000) for source in updates.DEFINITION_SOURCES)
    monkeypatch.setattr(updates, "DEFINITION_SOURCES", small)
    fetched.files["/packets.tar.gz"] = b"x" * 65536
    fetched.endless.add("/packets.tar.gz")  # no length: bytes until the client stops
    code, _, err = run(runner, "update", "--only", "orphanet")
    assert code == 1 and "larger than the size limit for orphapackets.tar.gz (100 kB)" in err
    fetched.endless.clear()
    fetched.drip.add("/packets.tar.gz")  # 65 MB announced: refused before the download
    code, _, err = run(runner, "update", "--only", "orphanet")
    assert code == 1 and "66 MB announced, larger than the size limit" in err
    assert updates.definitions_in_use("orphanet")[0] == CREATED


def test_a_2_gb_body_is_refused_before_its_download(fetched: Server, runner: CliRunner) -> None:
    fetched.files["/packets.tar.gz"] = b"x" * 2_100_000
    fetched.drip.add("/packets.tar.gz")  # 2.1 GB announced, then a byte at a time
    fetched.requests.clear()
    code, _, err = run(runner, "update", "--only", "orphanet")
    assert (code, err.count("\n")) == (1, 1)
    assert "2100 MB announced, larger than the size limit for orphapackets.tar.gz (500 MB)" in err
    assert updates.definitions_in_use("orphanet")[0] == CREATED


def test_the_readers_take_the_real_formats() -> None:
    packets_file = SHARED / "orphanet" / "orphapackets-2025-12-09.tar.gz"
    obo_file = SHARED / "disease-ontology" / "NCIthesaurus.obo.gz"
    if not (packets_file.is_file() and obo_file.is_file()):
        pytest.skip(f"the shared data is not beside this checkout: {SHARED}")
    found = read_packets(packets_file)
    assert (found.version, found.detail, len(found.entries)) == (
        "2025-12-09",
        "1.3.42 / 4.1.8 [2025-03-03]",
        6891,  # the packets with a definition, as the README of the shared data says
    )
    marfan = next(entry for entry in found.entries if entry.code == "ORPHA:558")
    assert marfan.definition.startswith("Marfan syndrome is a systemic disease of connective")
    obo = Path(str(obo_file).removesuffix(".gz"))
    target = Path(tempfile.mkdtemp()) / obo.name
    target.write_bytes(gzip.decompress(obo_file.read_bytes()))
    ontology = read_obo(target)
    migraine = next(entry for entry in ontology.entries if entry.code == "DOID:6364")
    assert (ontology.version, migraine.name, migraine.parents) == (
        "2026-07-31",
        "migraine",
        ("DOID:936",),
    )
    assert migraine.definition.startswith("A brain disease that is characterized by")


def test_real_pages_after_an_update_from_the_real_files(
    server: Server,  # noqa: F811
    runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    real_catalogue: Path,
    tmp_path: Path,
) -> None:
    """The real catalogue, Orphanet's real packets under the repository archive's top folder,
    and a real subset of DO's release as doid.obo."""
    packets_file = SHARED / "orphanet" / "orphapackets-2025-12-09.tar.gz"
    obo_file = SHARED / "disease-ontology" / "NCIthesaurus.obo.gz"
    if not (packets_file.is_file() and obo_file.is_file()):
        pytest.skip(f"the shared data is not beside this checkout: {SHARED}")
    repacked = io.BytesIO()
    with tarfile.open(packets_file) as source, tarfile.open(fileobj=repacked, mode="w:gz") as tar:
        for member in source:
            handle = source.extractfile(member) if member.isfile() else None
            member.name = f"orphapacket-master/{member.name}"
            tar.addfile(member, handle)
    server.files["/master.tar.gz"] = repacked.getvalue()
    server.files["/doid.obo"] = gzip.decompress(obo_file.read_bytes())
    monkeypatch.setenv("CONDLOOKUP_ORPHANET_URL", f"{server.url}/master.tar.gz")
    monkeypatch.setenv("CONDLOOKUP_DO_URL", f"{server.url}/doid.obo")
    monkeypatch.setenv("CONDLOOKUP_CACHE_DIR", str(tmp_path / "own-cache"))  # rebuilt here
    assert fetch(runner)[0] == 0
    page = json.loads(run(runner, "show", "marfan syndrome", "--json")[1])
    assert page["definition"]["source"] == "Orphanet"
    assert page["definition"]["code"] == "ORPHA:558"
    assert page["definition"]["text"].startswith("Marfan syndrome is a systemic disease")
    assert "DOID:14323" in page["codes"]  # Mondo's exact match, which joins DO's words
    # Where Orphanet has no definition, the Disease Ontology's (joined by Mondo's DOID).
    index = next((tmp_path / "own-cache").glob("index-v*.sqlite"))
    with sqlite3.connect(index) as db:
        (only_do,) = db.execute(
            "SELECT c.id FROM definitions d JOIN conditions c ON c.rowid = d.condition "
            "WHERE d.origin = 'do' AND d.condition NOT IN "
            "(SELECT condition FROM definitions WHERE origin = 'orphanet') ORDER BY c.id LIMIT 1"
        ).fetchone()
    defined = json.loads(run(runner, "show", only_do, "--json")[1])["definition"]
    assert defined["source"] == "The Human Disease Ontology"
    assert defined["code"].startswith("DOID:")
    assert defined["code"] in json.loads(run(runner, "show", only_do, "--json")[1])["codes"]
    migraine = json.loads(run(runner, "show", "migraine", "--json")[1])
    assert errors("show", migraine) == [] and errors("show", page) == []
    assert (migraine["source"], migraine["id"], migraine["kind_of"]) == (
        "do",
        "DOID:6364",
        ["brain disease"],
    )
    assert [item["name"] for item in migraine["specialists"]] == ["neurologist"]
    code, shown, _ = run(runner, "show", "asthma")
    assert code == 0 and "outside condlookup's rare-disease catalogue" in shown


def test_what_a_definition_says_reaches_the_terminal_as_inert_text(
    published: Server, runner: CliRunner
) -> None:
    published.files["/packets.tar.gz"] = packets("[red]Loud[/red] words\x1b[2J with\ttabs.")
    assert fetch(runner)[0] == 0
    code, out, _ = run(runner, "show", "dry syndrome")
    assert code == 0
    # The escape character goes (what follows it stays, as text); markup is shown as written.
    assert "[red]Loud[/red] words [2J with tabs." in out and "\x1b" not in out


def test_each_do_class_that_names_a_specialist_is_does_own() -> None:
    """Every DOID of do_pages.DO_CLASSES is a current DO disease with that label (DO's own
    list of diseases, the 2026-07-31 release), and names a specialty the rules know."""
    listing = SHARED / "disease-ontology" / "HumanDO.tsv.gz"
    if not listing.is_file():
        pytest.skip(f"the shared data is not beside this checkout: {SHARED}")
    labels = {}
    for line in gzip.decompress(listing.read_bytes()).decode().splitlines()[1:]:
        code, label, _parent = (cell.strip('"') for cell in line.split("\t"))
        labels[code] = label
    known = {*SPECIALTIES, *(item.pediatric for item in SPECIALTIES.values()), "psychiatrist"}
    for code, (label, specialist) in DO_CLASSES.items():
        assert labels.get(code) == label, code
        assert specialist in known, specialist
