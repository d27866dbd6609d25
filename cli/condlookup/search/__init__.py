"""`search`: the conditions that mention words, best placed matches first. No terminal here.

It reads the index through a connection the library hands it, and imports only the base modules
and the catalogue's wording of frequencies, never the library itself. What a `show` that names
nothing gets (suggestions, or a plain miss) is in `misses`.
"""

import sqlite3
from typing import Literal, NamedTuple

from condlookup.catalogue.phrases import EVERYDAY, IRREGULAR, NAMES, ROOT_PHENOTYPE, plain_words
from condlookup.errors import CondlookupError
from condlookup.records import Kind, Record, Scope, model
from condlookup.sources.codes import canonical_code
from condlookup.sql import fts_forms, fts_words, in_scope, rows_in
from condlookup.text import (
    find_words,
    fold,
    fold_key,
    normalize_name,
    plain_name,
    quoted,
    search_stem,
    split_list,
    words,
)

# Where the words matched, best first: the labels shown to the user, and the FTS5 columns'
# weights in the same order (names, symptoms, any other text).
_FIELDS = ("name", "symptom", "text")
_COLUMN_WEIGHTS = "10.0, 5.0, 1.0"


@model
class SearchHit(Record):
    """One search result: the condition, its rank tier and the line that matched."""

    id: str
    name: str
    source: Kind
    score: float
    matched_field: str
    line: str
    spans: tuple[tuple[int, int], ...]
    specialists: tuple[str, ...]
    codes: tuple[str, ...]


@model
class SearchResult(Record):
    @property
    def shown_as(self) -> Literal["search"]:
        """Which renderer shows it."""
        return "search"

    query: str
    total: int
    hits: tuple[SearchHit, ...]
    gene: str | None = None  # the symbol of the gene the query names, if it names one


def search(
    db: sqlite3.Connection,
    query: str,
    *,
    curated_pages: int,
    has_catalogue: bool,
    specialist: str | None = None,
    source: Scope = "all",
    limit: int = 20,
) -> SearchResult:
    """Conditions that mention every word of `query`, best placed matches first.

    Words match names and aliases (first), symptoms (next: a page's symptom list, and the
    HPO terms a disease is annotated with, found by their names and synonyms, narrower
    terms included), then any other text of a page. Curated pages found by their own words
    come first in a tier.
    `curated_pages` is how many of the index's first rows are pages.
    """
    query_words = words(query)
    if not query_words:
        raise CondlookupError(f"nothing to search for in {quoted(query)}", hint="give a word")
    if all(word in GENERIC_WORDS for word in query_words):
        raise CondlookupError(
            f"nothing to search for in {quoted(query)}: it names no condition or symptom",
            hint="add a word of its name or a symptom, as in `condlookup search ataxia`",
        )
    code = canonical_code(query) if any(ch.isdigit() for ch in query) else None
    if code is not None:
        return _by_code(db, query, code, specialist=specialist, source=source, limit=limit)
    # Words as people type them (sjogrens, haemophilia): folded as names are (text.fold_key);
    # each is matched as the start of a word, so a dropped final s loses nothing, and an
    # irregular plural also as its singular (feet: foot).
    forms = [forms_of(word) for word in query_words]
    query_words = [form for group in forms for form in group]
    best: dict[int, tuple[int, float]] = {}

    def offer(found: dict[int, float], tier: int) -> None:
        for rowid, relevance in found.items():
            previous = best.get(rowid)
            if previous is None or (tier, -relevance) < (previous[0], -previous[1]):
                best[rowid] = (tier, relevance)

    # Curated pages are the first rows: a source restricts the rows searched, not the results.
    within = {
        "curated": f"AND rowid <= {curated_pages}",
        "hpo": f"AND rowid > {curated_pages}",
    }.get(source, "")
    # A gene's symbol finds the conditions it is tied to, its causes first, before any text.
    gene, tied = _gene_conditions(db, query)
    offer({r: 1.0 for r in tied}, 0)
    # Pages found by their own words: a curated page found only by the annotations it took
    # over from the catalogue ("fits": Sjögren's syndrome's occasional seizures) takes its
    # place among the catalogue's by how often it shows the symptom.
    own_words: set[int] = set()
    for tier, columns in enumerate(("{names}", "{names symptoms}")):
        matched = text_match(db, forms, columns, within)
        own_words.update(matched)
        offer({r: -rank for r, rank in matched.items()}, tier)
    terms = _matching_terms(db, query) if source != "curated" and has_catalogue else []
    offer(_annotated_with(db, terms), 1)
    telling = [word for word in query.split() if word.lower() not in GENERIC_WORDS]
    if not terms and len(telling) > 1 and source != "curated" and has_catalogue:
        # No one symptom holds every word ("seizures floppy"): the conditions that show a
        # symptom for each word ("disease" and the like are no symptom), all of them.
        each = [_matching_terms(db, word) for word in telling]
        if all(each):
            found = [_annotated_with(db, group) for group in each]
            common = set(found[0]).intersection(*found[1:])
            offer({rowid: min(one[rowid] for one in found) for rowid in common}, 1)
            terms = [term for group in each for term in group]
    offer({r: -rank for r, rank in text_match(db, forms, "", within).items()}, 2)

    rows = {r: row for r, row in _rows(db, list(best)).items() if in_scope(row.source, source)}
    rows = _seen_by(rows, specialist)
    # A condition named exactly by the words comes first in its tier ("marfan" is Marfan
    # syndrome before Marfan-related disorders).
    key = normalize_name(query)
    named = {
        r
        for (r,) in db.execute("SELECT rowid FROM names WHERE key IN (?, ?)", (key, fold_key(key)))
    }
    # The everyday form first: among equals, a condition that others found are kinds of comes
    # before them ("search lupus": systemic lupus erythematosus before neonatal lupus).
    below, above = family_ranks(db, list(rows))
    # A match in a condition's own name before one in another of its names only.
    by_alias = {r for r in rows if best[r][0] == 0 and not _has_words(rows[r].name, query_words)}
    ordered = sorted(
        rows,
        key=lambda r: (
            best[r][0],
            tied.get(r, ("", len(tied) + 1))[1],
            r not in named,
            rows[r].source == "hpo" or r not in own_words,
            r in by_alias,
            r in above,
            r not in below,
            -best[r][1],
            rows[r].name,
        ),
    )
    hits = []
    for rowid in ordered[: max(limit, 0)]:
        row = rows[rowid]
        tier, relevance = best[rowid]
        if rowid in tied:
            field, line = "gene", tied[rowid][0]
        elif tier == 1 and (symptom := _phenotype_line(db, rowid, terms, query_words)):
            # A page's own too: a curated page found by the annotations it took over ("fits":
            # Sjögren's syndrome's seizures) says which, not an empty line of its text.
            field, line = "symptom", symptom
        else:
            field, line = _matched_line(db, rowid, query_words)
        hits.append(
            SearchHit(
                id=row.id,
                name=row.name,
                source=row.source,
                score=round(
                    3 - tier + (0.999 if rowid in named else relevance / (1 + relevance)), 3
                ),
                matched_field=field,
                line=line,
                spans=tuple(find_words(line, query_words)),
                specialists=split_list(row.specialists),
                codes=split_list(row.codes),
            )
        )
    return SearchResult(query=query, total=len(rows), hits=tuple(hits), gene=gene)


def _gene_conditions(
    db: sqlite3.Connection, query: str
) -> tuple[str | None, dict[int, tuple[str, int]]]:
    """The gene a query names by its symbol or id, and the conditions tied to it, each with the
    line that says how and its place (causes first)."""
    from condlookup.catalogue import genes  # noqa: PLC0415 - a gene's symbol only

    if len(query.split()) != 1 or not any(ch.isupper() or ch.isdigit() for ch in query):
        return None, {}  # a symbol is one word with a capital or a digit: "ataxia" is none
    rowid = genes.gene_rowid(db, query)
    if rowid is None:
        return None, {}
    (symbol,) = db.execute("SELECT symbol FROM genes WHERE rowid = ?", (rowid,)).fetchone()
    ties: dict[int, list[genes.Tie]] = {}  # every tie of each condition, causes first
    rows = db.execute(
        "SELECT condition, involvement, source, part FROM gene_conditions WHERE gene = ? "
        "ORDER BY rowid",
        (rowid,),
    ).fetchall()
    for condition, *tie in sorted(rows, key=lambda r: genes.rank(r[1])):
        ties.setdefault(condition, []).append(genes.Tie(*tie))
    return symbol, {
        condition: (f"{symbol}: {genes.ties_words(found)}", place)
        for place, (condition, found) in enumerate(ties.items())
    }


def _by_code(
    db: sqlite3.Connection,
    query: str,
    code: str,
    *,
    specialist: str | None,
    source: Scope,
    limit: int,
) -> SearchResult:
    """The conditions a catalogue's code finds (a code is a name: OMIM:154700 finds Marfan
    syndrome in any of its spellings), as search results."""
    found = [
        r
        for (r,) in db.execute(
            "SELECT DISTINCT rowid FROM names WHERE key = ?", (normalize_name(code),)
        )
    ]
    rows = {r: row for r, row in _rows(db, found).items() if in_scope(row.source, source)}
    rows = _seen_by(rows, specialist)
    hits = tuple(
        SearchHit(
            id=row.id,
            name=row.name,
            source=row.source,
            score=3.999,
            matched_field="code",
            line=code,
            spans=((0, len(code)),),
            specialists=split_list(row.specialists),
            codes=split_list(row.codes),
        )
        for row in sorted(rows.values(), key=lambda row: (row.source == "hpo", row.name))
    )
    return SearchResult(query=query, total=len(hits), hits=hits[: max(limit, 0)])


def forms_of(word: str) -> tuple[str, ...]:
    """A search word's forms: its stem, and the singular of an irregular plural."""
    return tuple(dict.fromkeys((search_stem(word), IRREGULAR.get(word, word))))


def text_match(
    db: sqlite3.Connection, forms: list[tuple[str, ...]], columns: str, within: str = ""
) -> dict[int, float]:
    """Rows whose text (in `columns`, an FTS5 column filter) holds every word, in any of its
    forms, by bm25 rank."""
    expression = fts_forms(forms, prefix=True)
    if columns:
        expression = f"{columns} : ({expression})"
    return dict(
        db.execute(
            f"SELECT rowid, bm25(search, {_COLUMN_WEIGHTS}) FROM search "
            f"WHERE search MATCH ? {within}",
            (expression,),
        ).fetchall()
    )


def _matching_terms(db: sqlite3.Connection, query: str) -> list[int]:
    """HPO terms with a name, synonym or everyday phrase holding every word, in any order,
    plurals and endings folded (the phrases' full-text index stems them)."""
    wanted = plain_words(query)
    if not wanted:
        return []
    rows = db.execute(
        "SELECT DISTINCT term FROM phrases WHERE phrases MATCH ? AND source IN (?, ?)",
        (fts_words(wanted, prefix=True), NAMES, EVERYDAY),
    )
    # The roots (All, Phenotypic abnormality) are every condition's: no symptom of any.
    return [term for (term,) in rows if term not in ROOTS]


ROOTS = frozenset({1, ROOT_PHENOTYPE})  # HP:0000001 All, and Phenotypic abnormality


def _annotated_with(db: sqlite3.Connection, terms: list[int]) -> dict[int, float]:
    """Conditions annotated with any of `terms` or a narrower term, with the best frequency."""
    found: dict[int, float] = {}
    sql = "SELECT condition, max(frequency) FROM propagated WHERE term IN ({marks}) GROUP BY 1"
    for rowid, frequency in rows_in(db, sql, terms):
        found[rowid] = max(found.get(rowid, 0.0), frequency)
    return found


def _phenotype_line(
    db: sqlite3.Connection, rowid: int, terms: list[int], query_words: list[str]
) -> str:
    """Why a disease matched: 'Xerostomia (dry mouth), very frequent'."""
    from condlookup.catalogue.diseases import frequency_words  # noqa: PLC0415

    wanted = set(terms)
    rows = db.execute(
        "SELECT a.term, c.ancestor, t.name, t.layperson, a.frequency, a.frequency_text "
        "FROM annotations a JOIN closure c ON c.descendant = a.term "
        "JOIN terms t ON t.id = a.term WHERE a.condition = ? AND a.aspect = 'P'",
        (rowid,),
    )
    best: tuple[float, str] | None = None
    for _term, ancestor, name, layperson, frequency, text in rows:
        if ancestor not in wanted:
            continue
        plain = plain_name(name, split_list(layperson), query_words)
        label = f"{name} ({plain.lower()})" if plain else name
        line = f"{label}, {frequency_words(frequency, text)}"
        score = frequency if frequency is not None else 0.5
        if best is None or score > best[0]:
            best = (score, line)
    return best[1] if best else ""


class _Row(NamedTuple):
    """A found condition, its lists as the index joins them: split only for the rows shown."""

    id: str
    name: str
    source: Kind
    specialists: str
    codes: str


def family_ranks(db: sqlite3.Connection, rowids: list[int]) -> tuple[dict[int, int], set[int]]:
    """Among these conditions: how many are kinds of each, and which are kinds of another."""
    found = set(rowids)
    below: dict[int, int] = {}
    above: set[int] = set()
    sql = "SELECT broader, narrower FROM relations WHERE narrower IN ({marks})"
    for broader, narrower in rows_in(db, sql, rowids):
        if broader in found:
            below[broader] = below.get(broader, 0) + 1
            above.add(narrower)
    return below, above


def _has_words(name: str, query_words: list[str]) -> bool:
    """Whether every query word starts a word of `name`."""
    own = words(name)
    return all(any(word.startswith(query) for word in own) for query in query_words)


def _seen_by(rows: dict[int, _Row], specialist: str | None) -> dict[int, _Row]:
    """The rows of conditions seen by `specialist` (all of them, without one)."""
    if not specialist:
        return rows
    wanted = fold(specialist)
    return {
        r: row
        for r, row in rows.items()
        if any(wanted in fold(s) for s in split_list(row.specialists))
    }


def _rows(db: sqlite3.Connection, rowids: list[int]) -> dict[int, _Row]:
    sql = (
        "SELECT rowid, id, name, source, specialists, codes FROM conditions "
        "WHERE rowid IN ({marks})"
    )
    return {row[0]: _Row(*row[1:]) for row in rows_in(db, sql, rowids)}


def _matched_line(db: sqlite3.Connection, rowid: int, query_words: list[str]) -> tuple[str, str]:
    """The line of the page that holds the most query words, in the best-ranked field."""
    row = db.execute(
        "SELECT names, symptoms, body FROM search WHERE rowid = ?", (rowid,)
    ).fetchone()
    best: tuple[int, str, str] = (0, "text", "")
    for label, text in zip(_FIELDS, row, strict=True):
        for line in text.splitlines():
            spans = find_words(line, query_words)
            hit = {fold(line[start:end]) for start, end in spans}
            if len(hit) > best[0]:
                best = (len(hit), label, line)
    return best[1], _excerpt(best[2], query_words)


def _excerpt(line: str, query_words: list[str], width: int = 110) -> str:
    """A window of a long line around its first match."""
    if len(line) <= width:
        return line
    spans = find_words(line, query_words)
    start = max(0, (spans[0][0] if spans else 0) - width // 3)
    end = min(len(line), start + width)
    start = max(0, end - width)
    return ("…" if start else "") + line[start:end].strip() + ("…" if end < len(line) else "")


# Words that name no condition by themselves: a suggestion must share another word with the query.
GENERIC_WORDS = frozenset(
    {"disease", "diseases", "syndrome", "syndromes", "disorder", "disorders", "type", "types"}
    | {"the", "of", "and", "or", "with", "in", "a", "an", "to", "my", "form", "forms", "etc"}
)
