"""Accuracy of `match` on simulated patients, as Phenomizer was tested (Köhler et al. 2009).

A patient is a random catalogue entry (an OMIM or Orphanet disease of phenotype.hpoa) with at
least 5 phenotype annotations and 5 of its terms, drawn uniformly ("exact"); its "noisy" twin
replaces 2 of those terms by an ancestor one or two levels up and adds 2 terms unrelated to the
disease. The right answer is the condition that holds the entry (its Mondo disease, or a curated
page), ranked among the conditions with a code of the entry's namespace (OMIM or ORPHA). Fixed
seed, so runs compare.

    python benchmarks/accuracy.py [--patients 300] [--seed 42] [--compare PYTHON]

`--compare PYTHON` runs the same patients through hpo3 and/or pyhpo's hypergeometric enrichment
with that interpreter, where they are installed, and prints them beside ours.

`--phenopackets FILE` measures real published cases instead (a JSON Lines file, gzipped or not,
of {"case", "cohort", "disease", "present", "excluded"}, as ../shared/data/phenopackets has
them): the rank of the condition holding the case's OMIM diagnosis among the conditions with an
OMIM code, for all cases and for at most 5 per disease (each disease's cases shuffled with
random.Random(7), diseases in sorted order), for the diseases the HPO release annotates and for
all; and for two halves of the cohorts (split by a hash of the cohort's name), so that a change
tuned on one half can be checked on the other. Every figure is also given apart for circular
cases (the PMID of the case's id is cited for its own disease in the `reference` column of the
phenotype.hpoa the index was built from: the case was, in effect, part of the answer key) and
non-circular ones (what a new patient looks like). `--json` prints the figures as one JSON
object instead.

`--decoys N [N ...]` (with `--phenopackets`) adds candidate genes, as `match --gene` takes them:
each case's causal genes (the file's `genes`) and N genes drawn at random (random.Random(case
id)) from every gene the HPO release links to a disease (its genes_to_phenotype.txt); the
diagnosis is ranked among the OMIM conditions tied to a candidate (those that fit no finding
last), beside the phenotype-only figure, for the same groups. "below" ranks every OMIM
condition, the tied ones first (what keeping the untied ones would give). With `--compare`,
hpo3's ranking is filtered the same way. It then says, for circular and non-circular cases, why
the diagnoses that are not first lost (`decoys.losses`): to another disease of the causal gene,
to one of a narrow Mondo family, because the diagnosis explains at most 2 findings, or else.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Sequence
from pathlib import Path

from condlookup.library import Library
from condlookup.matching import scoring
from condlookup.paths import hpo_dir

ROOT_PHENOTYPE = 118
Patient = tuple[int, str, list[int], str]  # (condition rowid, namespace, terms, entry id)


def load(
    db: sqlite3.Connection,
) -> tuple[dict[int, list[str]], dict[tuple[int, str], list[int]], dict[int, str]]:
    """Namespaces of each condition, each catalogue entry's terms by (rowid, entry), and ids."""
    namespaces: dict[int, list[str]] = {}
    names: dict[int, str] = {}
    for rowid, cond_id, codes in db.execute("SELECT rowid, id, codes FROM conditions"):
        prefixes = {code.split(":")[0] for code in codes.split("\x1f") if code}
        namespaces[rowid] = sorted(prefixes & {"OMIM", "ORPHA"})
        names[rowid] = cond_id
    terms: dict[tuple[int, str], list[int]] = {}
    for rowid, term, origin in db.execute(
        "SELECT condition, term, origin FROM annotations WHERE aspect = 'P' AND origin != 'page'"
    ):
        terms.setdefault((rowid, origin), []).append(term)
    return namespaces, terms, names


def simulate(db: sqlite3.Connection, count: int, seed: int) -> tuple[list[Patient], list[Patient]]:
    rng = random.Random(seed)
    _namespaces, terms, _names = load(db)
    parents: dict[int, list[int]] = {}
    for ancestor, descendant in db.execute(
        "SELECT ancestor, descendant FROM closure WHERE distance = 1"
    ):
        parents.setdefault(descendant, []).append(ancestor)
    phenotype = sorted(
        t
        for (t,) in db.execute(
            "SELECT descendant FROM closure WHERE ancestor = ?", (ROOT_PHENOTYPE,)
        )
    )
    categories = set(
        t
        for (t,) in db.execute(
            "SELECT descendant FROM closure WHERE ancestor = ? AND distance = 1", (ROOT_PHENOTYPE,)
        )
    )
    # By entry id, so that the same seed draws the same entries whatever the index's row order.
    pool = sorted(
        (key for key, items in terms.items() if len(set(items)) >= 5),
        key=lambda key: (key[1].split(":")[0], int(key[1].split(":")[1]), key[0]),
    )
    pool = [key for key in pool if key[1].split(":")[0] in ("OMIM", "ORPHA")]
    exact, noisy = [], []
    for _ in range(count):
        rowid, entry = rng.choice(pool)
        namespace = entry.split(":")[0]
        chosen = rng.sample(sorted(set(terms[(rowid, entry)])), 5)
        exact.append((rowid, namespace, chosen, entry))
        imprecise = list(chosen)
        for index in rng.sample(range(5), 2):
            term = imprecise[index]
            for _step in range(rng.choice((1, 2))):
                options = [
                    p for p in parents.get(term, []) if p != ROOT_PHENOTYPE and p not in categories
                ]
                if not options:
                    break
                term = rng.choice(sorted(options))
            imprecise[index] = term
        related = {
            t for (t,) in db.execute("SELECT term FROM propagated WHERE condition = ?", (rowid,))
        }
        added: list[int] = []
        for _attempt in range(2000):  # bounded: a disease's relatives may cover the whole pool
            if len(added) == 2:
                break
            candidate = rng.choice(phenotype)
            if candidate in related or candidate in added or candidate in categories:
                continue
            below = db.execute(
                "SELECT 1 FROM closure c JOIN annotations a ON a.term = c.ancestor "
                "WHERE c.descendant = ? AND a.condition = ? LIMIT 1",
                (candidate, rowid),
            ).fetchone()
            if below is None:
                added.append(candidate)
        noisy.append((rowid, namespace, imprecise + added, entry))
    return exact, noisy


def rank_of(
    db: sqlite3.Connection,
    namespaces: dict[int, list[str]],
    names: dict[int, str],
    patient: Patient,
    everywhere: bool = False,
) -> int:
    """The rank of the patient's condition among those of its namespace (or all of them)."""
    rowid, namespace, terms, _entry = patient
    scores = scoring.score(db, terms).scores
    mine = scores.get(rowid, float("-inf"))
    better = 0
    for other, value in scores.items():
        if other == rowid or (namespace not in namespaces[other] and not everywhere):
            continue
        if value > mine or (value == mine and names[other] < names[rowid]):
            better += 1
    return better + 1


def summary(ranks: Sequence[int]) -> str:
    n = len(ranks)
    first = sum(r == 1 for r in ranks)
    top3 = sum(r <= 3 for r in ranks) / n
    top10 = sum(r <= 10 for r in ranks) / n
    low, high = interval(first, n)
    return (
        f"top-1 {first / n:6.1%}   top-3 {top3:6.1%}   top-10 {top10:6.1%}   "
        f"(top-1 95% interval {low:.1%}-{high:.1%})"
    )


def interval(hits: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """Wilson's 95% interval of a share: how far a figure on a few hundred cases can move by
    chance alone (300 patients at 96%: 93.1% to 97.7%)."""
    share = hits / n
    middle = (share + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(share * (1 - share) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return middle - half, middle + half


# Run by another interpreter where hpo3 or pyhpo is installed (both import as `pyhpo`): the same
# patients through their hypergeometric disease enrichment, ranked within the namespace.
COMPARE = r"""
import json, sys, time
from pyhpo import HPOSet, Ontology, stats

patients = json.load(open(sys.argv[1]))
start = time.perf_counter()
Ontology()
loaded = time.perf_counter() - start
models = {"OMIM": stats.EnrichmentModel("omim"), "ORPHA": stats.EnrichmentModel("orpha")}
out = {"load_s": loaded, "ranks": {}}
start = time.perf_counter()
for label, group in patients.items():
    ranks = []
    for disease, namespace, terms, *allowed in group:
        wanted = int(disease.split(":")[1])
        keep = set(allowed[0]) if allowed else None  # the candidates' diseases, with --decoys
        known = []
        for term in terms:  # a term its release lacks is left out, as ours leaves them out
            try:
                Ontology.get_hpo_object(term)
                known.append(term)
            except Exception:
                pass
        try:
            query = HPOSet.from_queries(known)
            found = models[namespace].enrichment(method="hypergeom", hposet=query)
        except Exception:
            ranks.append(None)
            continue
        ids = [int(item["item"].id) for item in found]
        if keep is not None:
            ids = [number for number in ids if number in keep]
        ranks.append(ids.index(wanted) + 1 if wanted in ids else None)
    out["ranks"][label] = ranks
out["per_query_s"] = (time.perf_counter() - start) / max(sum(len(g) for g in patients.values()), 1)
print(json.dumps(out))
"""


def compare(python: str, db: sqlite3.Connection, groups: dict[str, list[Patient]]) -> None:
    """Run the same patients through hpo3 or pyhpo in another interpreter, and print them.

    They rank HPO entries, not conditions: the right answer there is the patient's entry."""
    payload: dict[str, list[list[object]]] = {
        label: [
            [entry, namespace, [f"HP:{term:07d}" for term in terms]]
            for _rowid, namespace, terms, entry in patients
        ]
        for label, patients in groups.items()
    }
    compare_payload(python, payload)


def compare_payload(python: str, payload: dict[str, list[list[object]]]) -> None:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(payload, handle)
    done = subprocess.run(
        [python, "-c", COMPARE, handle.name], capture_output=True, text=True, check=False
    )
    Path(handle.name).unlink()
    if done.returncode != 0:
        print(f"  comparison with {python} failed: {done.stderr.strip().splitlines()[-1:]}")
        return
    result = json.loads(done.stdout)
    load_s, each_ms = result["load_s"], result["per_query_s"] * 1000
    print(f"  {python}: ontology loaded in {load_s:.1f} s, {each_ms:.0f} ms per patient")
    for label, ranks in result["ranks"].items():
        worst = [rank if rank is not None else 10**6 for rank in ranks]
        parent, _, part = label.partition(" | ")
        shown = " " * (len(parent) - len(parent.lstrip()) + 2) + part if part else label
        print(f"    {shown:<40} {summary(worst)}")


Case = dict[str, object]  # a line of the cases file


def read_cases(path: Path) -> list[Case]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def at_most_five(cases: list[Case]) -> list[Case]:
    """At most 5 cases per disease: each disease's cases shuffled with one Random(7)."""
    rng = random.Random(7)
    by_disease: dict[str, list[Case]] = {}
    for case in cases:
        by_disease.setdefault(str(case["disease"]), []).append(case)
    kept = []
    for disease in sorted(by_disease):
        group = by_disease[disease]
        rng.shuffle(group)
        kept += group[:5]
    return kept


def half(case: Case) -> str:
    """A (the half tuned on) or B (the half held out), by a hash of the case's cohort."""
    return "A" if zlib.crc32(str(case["cohort"]).encode()) % 2 == 0 else "B"


def real_ranks(db: sqlite3.Connection, cases: list[Case]) -> tuple[dict[str, int | None], int]:
    """Each case's rank among the OMIM conditions (None when its diagnosis is nowhere in the
    index, or explains none of its findings), and how many HP ids the release does not know
    (skipped)."""
    import decoys  # noqa: PLC0415 - beside this script

    index = decoys.read_index(db)
    unknown = 0
    ranks: dict[str, int | None] = {}
    memo = scoring.Memo()
    for case in cases:
        given = [*case["present"], *case["excluded"]]  # type: ignore[misc]
        present = decoys.terms(case["present"], index)  # type: ignore[arg-type]
        absent = decoys.terms(case["excluded"], index)  # type: ignore[arg-type]
        unknown += sum(1 for hpo in given if not decoys.terms([hpo], index))
        truth = index.holder.get(str(case["disease"]))
        scores = scoring.score(db, present, absent, memo).scores if present else {}
        if truth is None or truth not in scores:
            ranks[str(case["case"])] = None
            continue
        explained = [rowid for rowid in scores if rowid in index.omim]
        ranks[str(case["case"])] = decoys.rank(truth, scores, explained, index)
    return ranks, unknown


def real_summary(ranks: Sequence[int | None]) -> str:
    worst = [rank if rank is not None else 10**6 for rank in ranks]
    return f"{len(worst):>5}  {summary(worst)}" if worst else "    0"


def figures(ranks: Sequence[int | None]) -> dict[str, float | int]:
    """The figures of a group of cases, for --json."""
    worst = [rank if rank is not None else 10**6 for rank in ranks]
    n = max(len(worst), 1)
    return {
        "cases": len(worst),
        "top1": round(sum(r == 1 for r in worst) / n, 4),
        "top3": round(sum(r <= 3 for r in worst) / n, 4),
        "top10": round(sum(r <= 10 for r in worst) / n, 4),
    }


def references(hpoa: Path) -> dict[str, set[str]]:
    """The references phenotype.hpoa cites for each disease (its `reference` column, every row,
    NOT-qualified ones too): {"OMIM:601718": {"PMID:10874631", ...}}."""
    cited: dict[str, set[str]] = {}
    with hpoa.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith(("#", "database_id")):
                continue
            columns = line.rstrip("\n").split("\t")
            if len(columns) > 4:
                found = cited.setdefault(columns[0], set())
                found.update(ref.strip() for ref in columns[4].split(";"))
    return cited


def circular(case: Case, cited: dict[str, set[str]]) -> bool:
    """Whether the paper of the case (the PMID of its id, PMID_<number>_...) is cited for the
    case's own disease: then its findings were, in effect, part of the answer key."""
    parts = str(case["case"]).split("_")
    if len(parts) < 2 or parts[0] != "PMID":
        return False
    return f"PMID:{parts[1]}" in cited.get(str(case["disease"]), set())


def report_real(
    db: sqlite3.Connection, path: Path, compare_with: str | None, as_json: bool = False
) -> None:
    cases = read_cases(path)
    folder = hpo_dir()
    if folder is None or not (folder / "phenotype.hpoa").is_file():
        raise SystemExit("no phenotype.hpoa to tell circular cases from others")
    cited = references(folder / "phenotype.hpoa")
    known = {
        code
        for (code,) in db.execute(
            "SELECT DISTINCT origin FROM annotations WHERE origin LIKE 'OMIM:%'"
        )
    }
    start = time.perf_counter()
    ranks, unknown = real_ranks(db, cases)
    each = (time.perf_counter() - start) / max(len(cases), 1) * 1000
    diseases = {str(case["disease"]) for case in cases}
    looped = sum(circular(case, cited) for case in cases)
    if not as_json:
        print(
            f"{len(cases)} real cases of {len(diseases)} diseases ({path.name}); "
            f"{unknown} HP ids unknown to this release, skipped; {each:.1f} ms per case; "
            f"{looped} circular (their paper is cited for their disease in "
            f"{folder / 'phenotype.hpoa'}), {len(cases) - looped} not"
        )
    five = at_most_five(list(cases))
    groups = {
        "all cases, diseases the release knows": [c for c in cases if c["disease"] in known],
        "at most 5 per disease, known": [c for c in five if c["disease"] in known],
        "all cases, all diseases": cases,
        "at most 5 per disease, all": five,
        "  half A (tuned on), <=5, known": [
            c for c in five if c["disease"] in known and half(c) == "A"
        ],
        "  half B (held out), <=5, known": [
            c for c in five if c["disease"] in known and half(c) == "B"
        ],
    }
    split: dict[str, list[Case]] = {}
    for label, group in groups.items():
        split[label] = group
        split[f"{label} | circular"] = [c for c in group if circular(c, cited)]
        split[f"{label} | non-circular"] = [c for c in group if not circular(c, cited)]
    if as_json:
        out = {
            "cases": len(cases),
            "circular": looped,
            "unknown_hp_ids": unknown,
            "ms_per_case": round(each, 2),
            "groups": {
                label: figures([ranks[str(c["case"])] for c in group])
                for label, group in split.items()
            },
        }
        print(json.dumps(out, indent=2))
        return
    print(f"  {'':<40}{'cases':>5}")
    for label, group in split.items():
        parent, _, part = label.partition(" | ")
        shown = " " * (len(parent) - len(parent.lstrip()) + 2) + part if part else label
        print(f"  {shown:<40}{real_summary([ranks[str(c['case'])] for c in group])}")
    if compare_with:
        print("the same cases through hypergeometric enrichment (hpo3/pyhpo, its own HPO data):")
        payload: dict[str, list[list[object]]] = {
            label: [
                [str(c["disease"]), "OMIM", list(c["present"])]  # type: ignore[call-overload]
                for c in group
            ]
            for label, group in split.items()
            if not label.startswith("  ")
        }
        compare_payload(compare_with, payload)


def report_decoys(
    db: sqlite3.Connection, path: Path, counts: list[int], compare_with: str | None
) -> None:
    """Candidate genes: the causal genes and N decoys, for each N, beside phenotype only."""
    import decoys  # noqa: PLC0415 - beside this script

    folder = hpo_dir()
    assert folder is not None
    cited = references(folder / "phenotype.hpoa")
    known = {
        code
        for (code,) in db.execute(
            "SELECT DISTINCT origin FROM annotations WHERE origin LIKE 'OMIM:%'"
        )
    }
    five = [c for c in at_most_five(read_cases(path)) if c["disease"] in known]
    groups = {
        "at most 5 per disease, known": five,
        "  circular": [c for c in five if circular(c, cited)],
        "  non-circular": [c for c in five if not circular(c, cited)],
        "    half A (tuned on)": [c for c in five if not circular(c, cited) and half(c) == "A"],
        "    half B (held out)": [c for c in five if not circular(c, cited) and half(c) == "B"],
    }
    genes = folder / "genes_to_phenotype.txt"
    index = decoys.read_index(db, genes if genes.is_file() else None)
    found = decoys.decoy_ranks(db, five, counts, index)
    print(
        f"\ncandidate genes: the causal genes and N decoys from {len(index.pool)} genes; "
        f"{found.per_case_ms:.1f} ms per case's ranking (median), {found.filter_ms:.2f} ms per "
        "filter"
    )
    print(f"  {'':<32}{'cases':>5}")
    for label, group in groups.items():
        keys = [str(c["case"]) for c in group]
        print(f"  {label:<32}{real_summary([found.phenotype[k] for k in keys])}  phenotype only")
        for count in counts:
            for how in ("out", "below"):
                ranks = [found.genes[(count, how)][k] for k in keys]
                print(f"  {'':<32}{real_summary(ranks)}  N={count}, untied {how}")
            ranks = [found.genes[(count, "gene")][k] for k in keys]
            print(f"  {'':<32}{real_summary(ranks)}  N={count}, the causal gene's rank")
    print(
        "why the diagnosis was not first: beaten by another disease of its gene | of its narrow "
        f"Mondo family (<= {decoys.NARROW_FAMILY} conditions) | it explains <= {decoys.LITTLE} "
        "findings | other | not ranked"
    )
    for label in ("  circular", "  non-circular"):
        for each in (None, *counts):
            why = decoys.losses(db, groups[label], found, each, index)
            shown = "phenotype only" if each is None else f"N={each}"
            print(f"  {label.strip():<14}{shown:<16}" + "  ".join(f"{n:>4}" for n in why.values()))
    if compare_with:
        print("the same through hpo3 (its own HPO data), filtered to the candidates' diseases:")
        payload: dict[str, list[list[object]]] = {}
        for label, group in groups.items():
            for count in counts:
                payload[f"{label.strip()}, N={count}"] = [
                    [
                        str(c["disease"]),
                        "OMIM",
                        list(c["present"]),  # type: ignore[call-overload]
                        decoys.allowed_omim(c, index, count),
                    ]
                    for c in group
                ]
        compare_payload(compare_with, payload)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patients", type=int, default=300)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--compare", metavar="PYTHON", help="an interpreter with hpo3 or pyhpo")
    parser.add_argument("--phenopackets", type=Path, metavar="FILE", help="real cases, JSON Lines")
    parser.add_argument("--json", action="store_true", help="the figures as JSON (--phenopackets)")
    parser.add_argument(
        "--decoys", type=int, nargs="+", metavar="N", help="candidate genes: N decoys each"
    )
    args = parser.parse_args()
    library = Library.open()
    db = library._db
    if args.phenopackets:
        if not args.decoys:
            report_real(db, args.phenopackets, args.compare, args.json)
        else:
            report_decoys(db, args.phenopackets, args.decoys, args.compare)
        return 0
    namespaces, _terms, names = load(db)
    exact, noisy = simulate(db, args.patients, args.seed)
    print(
        f"{args.patients} simulated patients, seed {args.seed}, HPO {library.meta('hpo_release')}"
    )
    for label, patients in (("exact", exact), ("noisy+imprecise", noisy)):
        start = time.perf_counter()
        ranks = [rank_of(db, namespaces, names, patient) for patient in patients]
        each = (time.perf_counter() - start) / len(patients) * 1000
        print(f"  {label:<16} {summary(ranks)}   ({each:.0f} ms per patient)")
        ranks = [rank_of(db, namespaces, names, patient, everywhere=True) for patient in patients]
        print(f"  {'  among all':<16} {summary(ranks)}")
    if args.compare:
        print("the same patients, hypergeometric enrichment:")
        compare(args.compare, db, {"exact": exact, "noisy+imprecise": noisy})
    return 0


if __name__ == "__main__":
    sys.exit(main())
