"""One disease, one condition: the Mondo digest, its script, and the grouping rules, on made-up
data (tests/data/mondo) and on the real catalogue."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from condlookup.catalogue.diseases import CataloguePage
from condlookup.commands.app import app
from condlookup.errors import NotFoundError
from condlookup.index.sources import HpoFiles, Sources
from condlookup.library import Library
from condlookup.pages.folders import PageFolder
from condlookup.paths import mondo_path
from condlookup.sources import mondo
from condlookup.sources.hpo import read_annotations
from condlookup.text import name_keys
from conftest import DATA, FIXTURE_HPO, FIXTURE_PAGES, check_golden, use_sources

MONDO_DATA = DATA / "mondo"
SOURCES = DATA / "mondo-sources"
USER_PAGE = """\
name: My family page
summary: A made-up page that stands for a Mondo family.
sections:
  overview: Made up for the tests.
symptoms:
  - name: Ataxia
    hpo: HP:0001251
specialists: [neurologist]
codes:
  mondo: "9000010"
sources:
  - title: The tests
    url: https://example.org/tests
reviewed: 2026-11-27
"""


@pytest.fixture
def grouped(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Library:
    """The fixture pages and HPO terms, made-up annotations of twins and families, a made-up
    Mondo digest, and a user page that stands for one of its families."""
    digest = tmp_path / "mondo.tsv.gz"
    digest.write_bytes(gzip.compress((MONDO_DATA / "mondo.tsv").read_bytes()))
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "my-family.yaml").write_text(USER_PAGE)
    hpo = HpoFiles(FIXTURE_HPO / "hp.obo", MONDO_DATA / "phenotype.hpoa")
    folders = (PageFolder(FIXTURE_PAGES, "curated"), PageFolder(mine, "user"))
    use_sources(monkeypatch, Sources(folders, hpo, digest))
    return Library.open()


def page(library: Library, query: str) -> CataloguePage:
    found = library.get(query)
    assert isinstance(found, CataloguePage), query
    return found


# -- the digest and the script that writes it --------------------------------------------------


def test_the_shipped_digest_is_what_the_script_writes_from_mondo_files() -> None:
    assert mondo.digest(SOURCES) == mondo_path().read_bytes()


def test_the_shipped_digest_reads_and_has_the_diseases_of_the_issue() -> None:
    data = mondo.read()
    assert data.version == "2026-08-04"
    marfan = data.classes["MONDO:0007947"]
    assert marfan.label == "Marfan syndrome"
    assert {"ORPHA:558", "OMIM:154700"} <= set(marfan.codes)
    assert "Lou Gehrig disease" in data.classes["MONDO:0004976"].synonyms
    assert not any(c.label.startswith("obsolete") for c in data.classes.values())


def write_sources(folder: Path, omim: str, orphanet: str, report: str, edges: str) -> Path:
    header = (
        "subject_id\tsubject_label\tpredicate_id\tobject_id\tobject_label\tmapping_justification\n"
    )
    version = "# mapping_set_version: http://purl.obolibrary.org/obo/mondo/releases/2099-03-03/x\n"
    files = {
        mondo.OMIM_FILE: version + header + omim,
        mondo.ORPHANET_FILE: version + header + orphanet,
        mondo.GARD_FILE: version + header.replace("\tobject_label", "") + "",
        mondo.REPORT_FILE: "ID\tLABEL\tSYNONYMS\n" + report,
        mondo.EDGES_FILE: "id\tsubject\tpredicate\tobject\trelation\tknowledge_source\n" + edges,
    }
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_bytes(gzip.compress(text.encode()))
    return folder


def test_the_script_drops_obsolete_classes_and_moves_their_codes_to_the_same_name(
    tmp_path: Path,
) -> None:
    sources = write_sources(
        tmp_path / "sources",
        omim="MONDO:0000002\tobsolete foo syndrome\tskos:exactMatch\tOMIM:100100\tfoo\tx\n"
        "MONDO:0000004\tobsoleted bar\tskos:exactMatch\tOMIM:100200\tbar\tx\n",
        orphanet="MONDO:0000003\tfoo syndrome\tskos:exactMatch\tOrphanet:7\tFoo\tx\n"
        "MONDO:0000002\tobsolete foo syndrome\tskos:exactMatch\tOrphanet:7\tFoo\tx\n",
        report="MONDO:0000003\tfoo syndrome (old label)\tFoo|FS|foo syndrome\n"
        "MONDO:0000005\tstale class\t\n",
        edges="u1\tMONDO:0000003\tbiolink:subclass_of\tMONDO:0000009\trdfs:subClassOf\tm\n"
        "u2\tMONDO:0000003\tbiolink:related_to\thgnc:1\tRO\tm\n",
    )
    text = gzip.decompress(mondo.digest(sources)).decode()
    assert text.splitlines()[2:] == [
        "# mondo_version: 2099-03-03",
        "id\tlabel\tsynonyms\tcodes\tparents",
        # the label of the mapping files, not the old report's; the report's synonyms without
        # the label; the obsolete class's OMIM code moved to the class of the same name, its
        # Orphanet code (which the current class maps too) once; the obsoleted class with no
        # namesake and the stale class of the old report left out
        "MONDO:0000003\tfoo syndrome\tFoo|FS\tORPHA:7|OMIM:100100\tMONDO:0000009",
        "MONDO:0000009\t\t\t\t",
    ]
    assert mondo.digest(sources) == mondo.digest(sources)  # no time or name in the bytes


def test_a_digest_that_is_not_one_is_an_error_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv.gz"
    path.write_bytes(gzip.compress(b"# comment\nid\tlabel\tsynonyms\tcodes\tparents\nnot a line\n"))
    with pytest.raises(ValueError, match=r"bad\.tsv\.gz:3: not a line of the Mondo digest"):
        mondo.read(path)


# -- the grouping rules, on made-up data ----------------------------------------------------------


def test_twins_are_one_condition_found_by_every_code_and_name(grouped: Library) -> None:
    twin = page(grouped, "twin disease")
    assert twin.id == "MONDO:9000001"
    for query in ("OMIM:200001", "ORPHA:3001", "MONDO:9000001", "TD", "GARD:0000001"):
        assert grouped.identify(query) == "MONDO:9000001", query
    # A code Mondo maps that this release lacks still finds the page.
    assert grouped.identify("OMIM:299999") == "MONDO:9000001"
    assert twin.codes == (
        "MONDO:9000001",
        "ORPHA:3001",
        "OMIM:200001",
        "OMIM:299999",
        "GARD:0000001",
    )
    assert twin.name == "Twin disease" and "TD" in twin.aliases
    # Both entries' annotations, each from its own entry.
    assert {(p.hpo, p.origin) for p in twin.phenotypes} == {
        ("HP:0001251", "OMIM:200001"),
        ("HP:0002066", "ORPHA:3001"),
    }
    assert twin.inheritance == ("Autosomal dominant inheritance",)
    assert twin.mondo_version == "2099-02-02"


def test_an_entry_two_diseases_claim_goes_to_the_lower_number(grouped: Library) -> None:
    assert grouped.identify("ORPHA:3002") == "MONDO:9000002"
    with pytest.raises(NotFoundError):  # the other claimant has nothing of its own
        grouped.get("MONDO:9000003")


def test_an_unmapped_entry_joins_the_disease_of_its_very_name(grouped: Library) -> None:
    assert grouped.identify("ORPHA:3003") == "MONDO:9000004"
    assert page(grouped, "ORPHA:3003").codes == ("MONDO:9000004", "GARD:0000004", "ORPHA:3003")


def test_a_label_beats_a_synonym_and_a_shared_synonym_is_never_guessed(
    grouped: Library,
) -> None:
    assert grouped.identify("shared name") == "MONDO:9000005"  # a label of one, synonym of another
    with pytest.raises(NotFoundError, match="names more than one condition"):
        grouped.get("both")


def test_a_family_without_a_page_of_its_own_gets_one(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    digest = tmp_path / "mondo.tsv.gz"
    digest.write_bytes(gzip.compress((MONDO_DATA / "mondo.tsv").read_bytes()))
    hpo = HpoFiles(FIXTURE_HPO / "hp.obo", MONDO_DATA / "phenotype.hpoa")
    use_sources(monkeypatch, Sources((PageFolder(FIXTURE_PAGES, "curated"),), hpo, digest))
    library = Library.open()
    family = page(library, "FD")
    assert (family.id, family.name, family.types) == ("MONDO:9000010", "Family disorder", 2)
    assert family.links.narrower == (
        ("MONDO:9000011", "Type A disorder"),
        ("MONDO:9000012", "Type B disorder"),
    )
    # Its code that the release does not annotate, and what both its types show.
    assert family.codes == ("MONDO:9000010", "ORPHA:3010")
    assert [(p.hpo, p.frequency_text) for p in family.phenotypes] == [("HP:0001251", "2 of 2")]
    assert page(library, "type a disorder").links.broader == (("MONDO:9000010", "Family disorder"),)
    # A grouping class that no catalogue lists has no page, even above annotated diseases.
    for query in ("common thing", "commonname"):
        with pytest.raises(NotFoundError):
            library.get(query)
    assert library.identify("OMIM:200004") == "MONDO:9000031"


def test_a_curated_page_stands_for_its_mondo_disease_and_joins_its_family(
    grouped: Library,
) -> None:
    assert grouped.identify("MONDO:9000010") == "my-family"
    assert grouped.identify("ORPHA:3010") == "my-family"  # a code of its Mondo disease
    assert grouped.identify("family disorder") == "my-family"  # and its label
    links = grouped.links("my-family")
    assert [cond_id for cond_id, _ in links.narrower] == ["MONDO:9000011", "MONDO:9000012"]
    assert page(grouped, "type b disorder").links.broader == (("my-family", "My family page"),)


def test_no_condition_twice_in_search_or_match(grouped: Library) -> None:
    hits = grouped.search("twin disease", limit=50).hits
    assert [hit.id for hit in hits].count("MONDO:9000001") == 1
    ranked = grouped.match(["ataxia"], limit=50).hits
    ids = [hit.id for hit in ranked]
    assert len(ids) == len(set(ids))
    assert "OMIM:200001" not in ids and "ORPHA:3001" not in ids and "MONDO:9000001" in ids
    codes = [code for hit in ranked for code in hit.codes]
    assert len(codes) == len(set(codes))


def test_json_carries_families_and_codes(grouped: Library, runner: CliRunner) -> None:
    shown = runner.invoke(app, ["show", "my-family", "--json"])
    data = json.loads(shown.stdout)
    # The page's own code, then those of the Mondo disease the index joined to it.
    assert data["codes"] == ["MONDO:9000010", "ORPHA:3010"]
    assert data["narrower"] == [
        {"id": "MONDO:9000011", "name": "Type A disorder"},
        {"id": "MONDO:9000012", "name": "Type B disorder"},
    ]
    assert data["broader"] == [] and data["mondo_version"] == "2099-02-02"
    twin = json.loads(runner.invoke(app, ["show", "ORPHA:3001", "--json"]).stdout)
    assert twin["codes"][:3] == ["MONDO:9000001", "ORPHA:3001", "OMIM:200001"]
    assert twin["codes"][-2:] == ["OMIM:299999", "GARD:0000001"]
    assert "all_codes" not in twin
    found = json.loads(runner.invoke(app, ["search", "twin", "--json"]).stdout)
    assert found["results"][0]["codes"][:3] == ["MONDO:9000001", "ORPHA:3001", "OMIM:200001"]
    ranked = json.loads(runner.invoke(app, ["match", "gait ataxia", "--json"]).stdout)
    assert ranked["results"][0]["codes"][0] == "MONDO:9000001"


def test_a_page_of_a_mondo_disease_the_catalogue_lacks_joins_its_family(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """No entry of the release, no page of its own: the page is that disease, and makes the
    family above it, as an annotated disease of the catalogue would."""
    digest = tmp_path / "mondo.tsv.gz"
    extra = (
        "MONDO:9000050\tpage family\t\tGARD:0000050\t\n"
        "MONDO:9000051\tpage disease\tPD\tORPHA:3051\tMONDO:9000050\n"
    )
    digest.write_bytes(gzip.compress((MONDO_DATA / "mondo.tsv").read_bytes() + extra.encode()))
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "my-disease.yaml").write_text(
        USER_PAGE.replace("My family page", "My disease page").replace("9000010", "9000051")
    )
    hpo = HpoFiles(FIXTURE_HPO / "hp.obo", MONDO_DATA / "phenotype.hpoa")
    folders = (PageFolder(FIXTURE_PAGES, "curated"), PageFolder(mine, "user"))
    use_sources(monkeypatch, Sources(folders, hpo, digest))
    library = Library.open()
    for query in ("PD", "page disease", "ORPHA:3051", "MONDO:9000051"):
        assert library.identify(query) == "my-disease", query
    family = page(library, "page family")
    assert (family.id, family.types) == ("MONDO:9000050", 1)
    assert family.links.narrower == (("my-disease", "My disease page"),)
    assert [(p.hpo, p.frequency_text) for p in family.phenotypes] == [("HP:0001251", "1 of 1")]
    assert library.links("my-disease").broader == (("MONDO:9000050", "Page family"),)
    assert library.meta("families") == "3"  # with the family disorder and the test fever family


# -- the real catalogue -------------------------------------------------------------------------


def test_the_twins_of_the_issue_are_one_page(real_catalogue: Path) -> None:
    library = Library.open()
    queries = ("marfan syndrome", "ORPHA:558", "OMIM:154700", "MONDO:0007947", "MFS")
    assert {library.identify(query) for query in queries} == {"MONDO:0007947"}
    marfan = page(library, "marfan syndrome")
    assert {p.origin for p in marfan.phenotypes} >= {"ORPHA:558", "OMIM:154700"}
    titles = [title for title, _ in marfan.sources]
    assert titles[:3] == ["Mondo, MONDO:0007947", "Orphanet, ORPHA:558", "Orphanet, ORPHA:284963"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ALS", "MONDO:0004976"),
        ("lou gehrig disease", "MONDO:0004976"),
        ("werdnig-hoffmann disease", "MONDO:0009669"),
        ("pompe disease", "MONDO:0009290"),
        ("spinal muscular atrophy", "MONDO:0001516"),
        ("joubert syndrome", "MONDO:0018772"),
        ("charcot-marie-tooth disease type 1", "hmsn-type-1"),
        ("ORPHA:65753", "hmsn-type-1"),
        ("CMT1A", "MONDO:0007309"),
    ],
)
def test_the_names_people_use_find_pages(real_catalogue: Path, query: str, expected: str) -> None:
    assert Library.open().identify(query) == expected


def test_families_without_annotations_have_pages(real_catalogue: Path) -> None:
    library = Library.open()
    sma = page(library, "spinal muscular atrophy")
    assert sma.types > 10 and len(sma.links.narrower) > 10
    assert "Proximal spinal muscular atrophy" in {name for _, name in sma.links.narrower}
    assert sma.phenotypes and all(p.origin == "types" for p in sma.phenotypes)
    joubert = page(library, "joubert syndrome")
    assert len(joubert.links.narrower) > 20


def test_hmsn_type_1_lists_cmt1a_and_cmt1a_points_back(real_catalogue: Path) -> None:
    library = Library.open()
    narrower = dict(library.links("hmsn-type-1").narrower)
    assert narrower["MONDO:0007309"] == "Charcot-Marie-Tooth disease type 1A"
    assert ("hmsn-type-1", "Hereditary motor and sensory neuropathy type I") in page(
        library, "CMT1A"
    ).links.broader


def test_no_condition_appears_twice_in_real_results(real_catalogue: Path) -> None:
    library = Library.open()
    for hits in (
        library.search("marfan", limit=500).hits,
        library.match(["arachnodactyly", "ectopia lentis", "aortic root aneurysm"], limit=200).hits,
    ):
        codes = [code for hit in hits for code in hit.codes]
        assert len(codes) == len(set(codes))
        assert len({hit.id for hit in hits}) == len(hits)


def test_a_name_outside_the_catalogue_is_a_clean_miss(
    real_catalogue: Path, runner: CliRunner
) -> None:
    result = runner.invoke(app, ["show", "migraine"])
    assert (result.exit_code, result.stdout) == (1, "")
    assert re.fullmatch(
        r"condlookup: error: no condition named 'migraine' \(condlookup covers rare diseases and "
        r"its own pages; .*try `condlookup search migraine`\)\n",
        result.stderr,
    )
    # The offer of `search` reads the words as search does: British spelling folded.
    result = runner.invoke(app, ["show", "coeliac"])
    assert result.exit_code == 1 and "or try `condlookup search coeliac`" in result.stderr


def test_no_name_that_found_one_entry_now_forks_or_misses(real_catalogue: Path) -> None:
    """Every HPO disease name that named one entry alone still names one condition: the one
    that holds that entry, or one whose own name it is (Mondo's label for the disease)."""
    library = Library.open()
    hpo = library.sources.hpo
    assert hpo is not None
    names: dict[str, str] = {}  # an entry's name is that of its first row, as it always was
    for annotation in read_annotations(hpo.hpoa):
        names.setdefault(annotation.disease, annotation.disease_name)
    owners: dict[str, set[str]] = {}
    for entry, name in names.items():
        for key in name_keys(name, derived=False):
            owners.setdefault(key, set()).add(entry)
    unique = {key: next(iter(ids)) for key, ids in owners.items() if len(ids) == 1}
    assert len(unique) > 11000
    moved = []
    for key, entry in unique.items():
        found = library.identify(key)  # raises on a fork or a miss
        if found != library.identify(entry):
            moved.append(found)
            assert name_keys(library.get(found).name, derived=False) == (key,), key
    assert len(moved) < 100  # 52 with the 2025-01-16 release


# -- pages as users see them (golden files) -----------------------------------------------------


@pytest.mark.parametrize(
    ("args", "golden"),
    [
        (["show", "twin disease"], "mondo-twin.plain.txt"),
        (["show", "type a disorder"], "mondo-type.plain.txt"),
        (["export", "ORPHA:3001"], "mondo-twin.md"),
    ],
)
def test_pages_with_names_codes_and_families(
    grouped: Library, runner: CliRunner, update_goldens: bool, args: list[str], golden: str
) -> None:
    result = runner.invoke(app, args)
    assert (result.exit_code, result.stderr) == (0, "")
    check_golden(
        golden, result.stdout.replace(str(Path(__file__).parent), "<tests>"), update_goldens
    )


def test_a_curated_page_shows_its_family_and_credits_mondo(
    grouped: Library, runner: CliRunner
) -> None:
    shown = runner.invoke(app, ["show", "my-family"]).stdout
    assert (
        "\nFamily\n------\nTypes (2):\n  - Type A disorder (MONDO:9000011)\n"
        "  - Type B disorder (MONDO:9000012)\n\n"
    ) in shown
    assert (
        "Disease names, codes and families from the Mondo Disease Ontology (release\n2099-02-02"
        in shown
    )
    plain_page = runner.invoke(app, ["show", "test-rash"]).stdout  # no code: no family, no Mondo
    assert "Family" not in plain_page and "Mondo" not in plain_page
    # A page that names an entry's code is that entry's disease, whole: one disease, one
    # condition. Test fever's ORPHA:999999 is Mondo's "test fever", of the test fever family.
    fever = runner.invoke(app, ["show", "test-fever"]).stdout
    assert "\nFamily\n------\nA kind of: Test fever family (MONDO:9000040)\n" in fever
    assert grouped.identify("MONDO:9000041") == "test-fever"


def test_a_family_page_as_users_see_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, runner: CliRunner, update_goldens: bool
) -> None:
    digest = tmp_path / "mondo.tsv.gz"
    digest.write_bytes(gzip.compress((MONDO_DATA / "mondo.tsv").read_bytes()))
    hpo = HpoFiles(FIXTURE_HPO / "hp.obo", MONDO_DATA / "phenotype.hpoa")
    use_sources(monkeypatch, Sources((PageFolder(FIXTURE_PAGES, "curated"),), hpo, digest))
    Library.open().close()  # built quietly, before the commands run
    for args, golden in (
        (["show", "family disorder"], "mondo-family.plain.txt"),
        (["export", "FD"], "mondo-family.md"),
    ):
        result = runner.invoke(app, args)
        assert (result.exit_code, result.stderr) == (0, "")
        check_golden(golden, result.stdout, update_goldens)


def test_search_puts_the_everyday_form_before_its_kinds(real_catalogue: Path) -> None:
    """Among equals, a condition that others found are kinds of comes first, its kinds after."""
    ids = [hit.id for hit in Library.open().search("lupus", limit=80).hits]
    systemic, neonatal = "MONDO:0007915", "MONDO:0018360"  # SLE; neonatal lupus, a kind of it
    assert ids[0] == systemic
    assert ids.index(neonatal) > ids.index(systemic)
