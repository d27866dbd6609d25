"""Genes: a gene's page, the genes of a condition's page, search by a gene's symbol, and
candidate genes in `match` (--gene, --genes, --use-phenopacket-genes), with every bad list
one line and the rest used; on the fixture release and on the real catalogue."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from condlookup.commands.app import app
from condlookup.matching.cases import read_case
from conftest import DATA
from test_json_schemas import errors


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    """Exit code, stdout and stderr, without the line a first build of the index says."""
    result = runner.invoke(app, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    said = [line for line in result.stderr.splitlines(True) if " building the index" not in line]
    return result.exit_code, result.stdout, "".join(said)


# -- the fixture release: TESTA1 is tied to Test ataxia syndrome, DRY1 to Dry syndrome, LONE1 to
# -- a disease the release does not annotate -------------------------------------------------


def test_a_genes_page_lists_its_conditions_with_how_and_whose_word(
    runner: CliRunner, fixture_catalogue: Path
) -> None:
    code, out, err = run(runner, "show", "testa1")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[:3] == ["TESTA1", "======", "Codes: NCBIGene:9990001"]
    assert "TESTA1 is a gene tied to 1 condition." in out
    assert "  - Test ataxia syndrome (OMIM:100001): associated (HPO)." in out
    assert "  - NCBI Gene, NCBIGene:9990001 <https://www.ncbi.nlm.nih.gov/gene/9990001>" in out
    for same in ("TESTA1", "NCBIGene:9990001", "ncbigene 9990001", "gene:testa1"):
        assert run(runner, "show", same)[1] == out
    page = json.loads(run(runner, "show", "TESTA1", "--json")[1])
    assert (page["source"], page["id"], page["codes"], page["name"]) == (
        "gene",
        "NCBIGene:9990001",
        ["NCBIGene:9990001"],
        "TESTA1",
    )
    assert page["gene"] == {
        "symbol": "TESTA1",
        "name": None,
        "hgnc": None,
        "ncbi": "NCBIGene:9990001",
    }
    assert [(d["id"], d["involvement"]) for d in page["diseases"]] == [
        ("OMIM:100001", "associated (HPO)")
    ]


def test_a_gene_tied_to_no_condition_is_no_gene_and_a_named_miss_says_so(
    runner: CliRunner, fixture_catalogue: Path
) -> None:
    code, out, err = run(runner, "show", "gene:LONE1")
    assert (code, out) == (1, "")
    assert err.startswith("condlookup: error: no gene 'LONE1' in the data in use")
    assert err.count("\n") == 1
    # A gene's id that no gene here has is a missing gene, not a missing condition.
    for asked in ("HGNC:99999", "NCBIGene:999999999"):
        code, out, err = run(runner, "show", asked)
        assert (code, out) == (1, "")
        assert err.startswith(f"condlookup: error: no gene '{asked}' in the data in use"), err


def test_a_conditions_page_names_its_genes_and_json_lists_them(
    runner: CliRunner, fixture_catalogue: Path
) -> None:
    page = json.loads(run(runner, "show", "dry syndrome", "--json")[1])
    assert page["genes"] == [
        {"symbol": "DRY1", "involvement": "associated", "source": "HPO", "part": None}
    ]
    assert page["gene_named"] is None


def test_search_by_a_genes_symbol_finds_its_conditions_first(
    runner: CliRunner, fixture_catalogue: Path
) -> None:
    code, out, _ = run(runner, "search", "TESTA1")
    assert code == 0
    assert out.splitlines()[:3] == [
        "TESTA1 is a gene: `condlookup show gene:TESTA1` shows it; its conditions first.",
        "OMIM:100001  Test ataxia syndrome",
        "             gene: TESTA1: associated (HPO)",
    ]
    found = json.loads(run(runner, "search", "TESTA1", "--json")[1])
    assert found["gene"] == "TESTA1" and found["results"][0]["id"] == "OMIM:100001"
    assert json.loads(run(runner, "search", "ataxia", "--json")[1])["gene"] is None


def test_candidate_genes_rank_only_their_conditions(
    runner: CliRunner, fixture_catalogue: Path
) -> None:
    code, out, err = run(runner, "match", "HP:0000217", "HP:0001251", "--gene", "DRY1", "--json")
    assert (code, err) == (0, "")
    found = json.loads(out)
    assert [(hit["id"], hit["genes"]) for hit in found["results"]] == [("ORPHA:2", ["DRY1"])]
    assert found["genes"] == {"used": ["DRY1"], "notes": [], "left_out": found["genes"]["left_out"]}
    assert found["genes"]["left_out"] >= 1  # Test ataxia syndrome explains a finding
    plain = run(runner, "match", "HP:0000217", "HP:0001251", "--gene", "DRY1")[1]
    assert "Best fits among the 1 conditions tied to the candidate genes (DRY1)" in " ".join(
        plain.split()
    )
    assert "score" in plain and "gene: DRY1" in plain
    # A condition a candidate ties to the case, that explains none of the findings, still
    # ranks: last, as explaining nothing.
    found = json.loads(run(runner, "match", "HP:0000217", "--gene", "TESTA1", "--json")[1])
    assert [(hit["id"], hit["score"], hit["matched"]) for hit in found["results"]] == [
        ("OMIM:100001", 0.0, [])
    ]
    # It counts no description, so no prior: said as fitting nothing, not as "0 features".
    assert found["results"][0]["prior"] is None
    plain = run(runner, "match", "HP:0000217", "--gene", "TESTA1")[1]
    assert "fits none of these findings" in plain and "described by" not in plain


def test_a_messy_gene_file_is_read_and_each_problem_said_once(
    runner: CliRunner, fixture_catalogue: Path, tmp_path: Path
) -> None:
    listed = tmp_path / "panel.txt"
    lines = [
        "# exome pipeline, candidates",
        "dry1",  # lower case
        "",
        "DRY1\t0.93",  # again, with a score column
        "ENSG00000166147",
        "HGNC:999999",  # an id no gene has here
        "NCBIGene:9990001",  # TESTA1 by its id
        "WITHDRAWN1  # a symbol the data does not know",
        *(f"NOTAGENE{n}" for n in range(50_000)),
    ]
    listed.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(lines).encode() + b"\r\n")
    code, out, err = run(runner, "match", "HP:0000217", "--genes", str(listed), "--json")
    assert code == 0
    assert json.loads(out)["genes"]["used"] == ["DRY1", "TESTA1"]
    notes = err.splitlines()
    assert len(notes) == 3, err
    assert notes[0].startswith("condlookup: note: candidate genes: 'HGNC:999999', 'WITHDRAWN1'")
    assert notes[0].endswith("and 49994 more: no gene of that symbol or id in the data in use "
                             "(a withdrawn or misspelt symbol, or a gene tied to no disease): left out")  # fmt: skip
    assert "'ENSG00000166147': Ensembl ids; give gene symbols (FBN1): left out" in notes[1]
    assert notes[2].endswith("1 repeated gene: counted once")


@pytest.mark.parametrize(
    ("lines", "note"),
    [
        # Further columns that are not all genes are columns: passed over, with nothing said.
        (["TESTA1\t0.5", "DRY1 AR"], None),
        # Every further field a gene: several genes a line, each used, and said.
        (["TESTA1,DRY1"], "several genes on one line: each used"),
    ],
)
def test_a_gene_files_further_columns_are_genes_only_when_all_are(
    runner: CliRunner, fixture_catalogue: Path, tmp_path: Path, lines: list[str], note: str | None
) -> None:
    listed = tmp_path / "panel.csv"
    listed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run(runner, "match", "HP:0000217", "--genes", str(listed), "--json")
    assert code == 0
    assert json.loads(out)["genes"]["used"] == ["TESTA1", "DRY1"]
    assert (note in err) if note else err == ""


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"\x00\x01\x02\xff binary", "not a text file: not a list of genes"),
        (b"\xff\xfe\xfd", "not UTF-8 text"),
        (b"# only a comment\n\n", "no gene in it"),
        (b"NOSUCH\nALSONOT\n", "none of the 2 candidate genes is a gene the data in use knows"),
    ],
)
def test_a_gene_file_that_gives_nothing_is_one_line(
    runner: CliRunner, fixture_catalogue: Path, tmp_path: Path, content: bytes, said: str
) -> None:
    listed = tmp_path / "genes.txt"
    listed.write_bytes(content)
    code, out, err = run(runner, "match", "HP:0000217", "--genes", str(listed))
    assert (code, out) == (1, "")
    assert said in err and err.count("\n") <= 2  # the line, and its hint on the same line
    assert err.startswith("condlookup: error: ")


def test_genes_without_findings_is_a_usage_error(
    runner: CliRunner, fixture_catalogue: Path
) -> None:
    code, out, err = run(runner, "match", "--gene", "DRY1")
    assert (code, out) == (2, "")
    assert "give findings with --gene or --genes" in err
    code, _, err = run(runner, "match", "HP:0000217", "--use-phenopacket-genes")
    assert code == 2 and "only with --phenopacket" in err


def test_a_phenopackets_genes_are_used_only_when_asked(
    runner: CliRunner, fixture_catalogue: Path, tmp_path: Path
) -> None:
    packet = {
        "id": "case-1",
        "phenotypicFeatures": [{"type": {"id": "HP:0000217"}}],
        "interpretations": [
            {
                "id": "i1",
                "progressStatus": "SOLVED",
                "diagnosis": {
                    "disease": {"id": "OMIM:100001", "label": "Test ataxia syndrome"},
                    "genomicInterpretations": [
                        {
                            "subjectOrBiosampleId": "p1",
                            "interpretationStatus": "CAUSATIVE",
                            "variantInterpretation": {
                                "variationDescriptor": {
                                    "id": "v1",
                                    "geneContext": {"valueId": "x", "symbol": "TESTA1"},
                                }
                            },
                        }
                    ],
                },
            }
        ],
    }
    path = tmp_path / "case.json"
    path.write_text(json.dumps(packet))
    assert read_case(path).genes == ("TESTA1",)
    plain = json.loads(run(runner, "match", "--phenopacket", str(path), "--json")[1])
    assert plain["genes"] is None and plain["results"][0]["id"] == "ORPHA:2"
    code, out, _ = run(
        runner, "match", "--phenopacket", str(path), "--use-phenopacket-genes", "--json"
    )
    found = json.loads(out)
    assert code == 0 and found["genes"]["used"] == ["TESTA1"]
    assert [hit["id"] for hit in found["results"]] == ["OMIM:100001"]
    # The three published examples name their causal genes.
    assert read_case(DATA / "phenopackets" / "PMID_39088281_II_2.json").genes == ("RPL17",)


# -- the real catalogue -------------------------------------------------------------------------


def test_real_genes_pages_and_their_conditions(runner: CliRunner, real_catalogue: Path) -> None:
    page = json.loads(run(runner, "show", "fbn1", "--json")[1])
    assert errors("show", page) == []
    assert page["gene"] == {
        "symbol": "FBN1",
        "name": "fibrillin 1",
        "hgnc": "HGNC:3603",
        "ncbi": "NCBIGene:2200",
    }
    marfan = next(d for d in page["diseases"] if d["id"] == "MONDO:0007947")
    assert marfan["involvement"].startswith("disease-causing")
    assert marfan["involvement"].endswith("(Orphanet)")
    for same in ("HGNC:3603", "NCBIGene:2200"):
        assert json.loads(run(runner, "show", same, "--json")[1])["id"] == "HGNC:3603"
    # A symbol that is also a condition's name: the condition wins, and says the gene exists.
    code, out, _ = run(runner, "show", "DMD")
    assert code == 0 and "Duchenne muscular dystrophy\n====" in out
    assert "A gene is also named DMD: `condlookup show gene:DMD` shows it." in out
    assert run(runner, "show", "gene:DMD")[1].startswith("DMD\n===\nName: dystrophin (Orphanet)")
    # A symbol that names several conditions: the choice offered holds the gene too.
    code, out, err = run(runner, "show", "RB1")
    assert code == 1 and out == ""
    assert "names more than one condition" in err and "`condlookup show gene:RB1`" in err
    assert len(err.strip().splitlines()) == 1
    # The project's own pages name the genes the catalogue ties to them.
    charge = json.loads(run(runner, "show", "charge syndrome", "--json")[1])
    assert {
        "symbol": "CHD7",
        "involvement": "disease-causing",
        "source": "Orphanet",
        "part": None,
    } in charge["genes"]
    assert [gene["symbol"] for gene in charge["genes"]].count("CHD7") == 1
    cmt1a = json.loads(run(runner, "show", "Charcot-Marie-Tooth disease type 1A", "--json")[1])
    assert cmt1a["genes"][0] == {
        "symbol": "PMP22",
        "involvement": "disease-causing",
        "source": "Orphanet",
        "part": None,
    }
    found = json.loads(run(runner, "search", "CHD7", "--json")[1])
    assert found["gene"] == "CHD7" and found["results"][0]["id"] == "charge-syndrome"
    found = json.loads(run(runner, "search", "FBN1", "--json")[1])
    assert "MONDO:0007947" in [hit["id"] for hit in found["results"]]
    # Every tie of a condition is said, as its page says them: both types, not the first.
    found = json.loads(run(runner, "search", "PAH", "--json")[1])
    pku = next(hit for hit in found["results"] if hit["id"] == "MONDO:0009861")
    assert pku["matched"] == [
        {"field": "gene", "text": "PAH: disease-causing in 2 of its types (Orphanet)"}
    ]


def test_a_long_list_of_genes_is_cut_and_counted(runner: CliRunner, real_catalogue: Path) -> None:
    page = json.loads(run(runner, "show", "primary ciliary dyskinesia", "--json")[1])
    out = run(runner, "show", "primary ciliary dyskinesia")[1]
    listed = out.split("\nGenes\n-----\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert len(page["genes"]) > 13
    assert len(listed) == 13
    assert listed[-1] == f"  - and {len(page['genes']) - 12} more (`--json` lists them all)"


def test_a_genes_ties_to_one_condition_are_said_once() -> None:
    from condlookup.catalogue.genes import Tie, by_gene, ties_words

    causing = "disease-causing"
    # A tie of the whole condition stands for its subtypes' of the same kind.
    assert ties_words([Tie(causing, "Orphanet", "Type 1"), Tie(causing, "Orphanet")]) == (
        "disease-causing (Orphanet)"
    )
    assert (
        ties_words([Tie(causing, "Orphanet", "Type 2")]) == "disease-causing in Type 2 (Orphanet)"
    )
    # Several subtypes are counted; another kind of tie is said beside.
    ties = [
        Tie(causing, "Orphanet", "Type 1"),
        Tie(causing, "Orphanet", "Type 2"),
        Tie("plays a part", "Orphanet", "Type 3"),
    ]
    assert ties_words(ties) == (
        "disease-causing in 2 of its types; plays a part in Type 3 (Orphanet)"
    )
    assert ties_words([Tie("associated", "HPO")]) == "associated (HPO)"
    assert by_gene([("A", ties[0]), ("B", ties[2]), ("A", ties[1])]) == [
        ("A", [ties[0], ties[1]]),
        ("B", [ties[2]]),
    ]


def test_one_gene_whatever_its_case_and_orphanets_exact_mapping_says_how() -> None:
    import sqlite3

    from condlookup.catalogue import gene_table, tables
    from condlookup.sources.orphanet import Disorder, Gene, Reference

    db = sqlite3.connect(":memory:")
    tables.create(db)
    db.executemany(
        "INSERT INTO codes (code, condition) VALUES (?, ?)",
        [("ORPHA:1", 1), ("OMIM:100", 1), ("OMIM:200", 2), ("OMIM:300", 3)],
    )
    causing = "Disease-causing germline mutation(s) in"
    db.execute(
        "INSERT INTO facts VALUES (1, 'gene', 'C9ORF72', ?, 'HGNC:28337', 'ORPHA:1', '')",
        (causing,),
    )
    xyz, other = (
        Gene(symbol, f"HGNC:{n}", causing, "", "", "")
        for n, symbol in enumerate(("XYZ1", "OTHER1"))
    )

    def disorder(code: str, label: str, omim: tuple[Reference, ...]) -> Disorder:
        return Disorder(code, label, "Disease", (), (), omim, (), (), (), (xyz, other))

    twin = disorder("ORPHA:2", "Exact twin", (Reference("OMIM:200", "E"),))
    wider = disorder("ORPHA:3", "Wider", (Reference("OMIM:300", "NTBT"),))  # not exact
    hpo = [
        ("NCBIGene:203228", "C9orf72", "OMIM:100"),
        ("NCBIGene:5", "XYZ1", "OMIM:200"),
        ("NCBIGene:5", "XYZ1", "OMIM:300"),
    ]
    assert gene_table.write(db, {}, hpo, [twin, wider]) == {"genes": "2"}
    assert db.execute("SELECT symbol, hgnc, ncbi FROM genes ORDER BY symbol").fetchall() == [
        ("C9orf72", "HGNC:28337", "NCBIGene:203228"),
        ("XYZ1", "HGNC:0", "NCBIGene:5"),
    ]
    ties = db.execute(
        "SELECT g.symbol, c.condition, c.involvement, c.source, c.part FROM gene_conditions c "
        "JOIN genes g ON g.rowid = c.gene ORDER BY 1, 2"
    ).fetchall()
    assert ties == [
        ("C9orf72", 1, "disease-causing", "Orphanet", ""),  # one gene: Orphanet's word kept
        # The exact twin says how the gene the HPO ties is involved, and whose word that is;
        # its other gene, which the HPO does not tie to the entry, is not added.
        ("XYZ1", 2, "disease-causing", "Orphanet", "Exact twin (ORPHA:2)"),
        ("XYZ1", 3, "associated", "HPO", ""),  # a broader mapping says nothing
    ]
    keys = dict(db.execute("SELECT key, gene FROM gene_keys"))
    assert keys["C9ORF72"] == keys["HGNC:28337"] == keys["NCBIGene:203228"]
