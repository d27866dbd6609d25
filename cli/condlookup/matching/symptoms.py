"""What the symptoms given to `match` stand for: HPO ids, and plain words mapped to HPO terms.

A phrase is looked for, in this order, and the first place it is found decides:

1. the names and synonyms of the HPO's terms, lay ones included, as the very words of the
   phrase in any order, plurals folded (feet is foot, teeth is tooth);
2. the names and plain-words descriptions of the symptoms on condlookup's pages, holding the
   phrase as written ("dancing eyes" is Opsoclonus on the OMS page);
3. names and synonyms holding every word of the phrase, and little else ("closest match");
4. the pages' descriptions, then the HPO's definitions, holding every word;
5. names and synonyms holding some of its words (the closest terms, said so).

Where several terms fit about equally, the phrase may stand for each of them (up to
MAX_OPTIONS): each condition is scored with the one that fits it best, at a small cost. Only a
phrase none of whose words is found anywhere is refused.
"""

import re
import sqlite3
from collections.abc import Iterable, Sequence

from condlookup.catalogue.phrases import (
    DEFINITIONS,
    EVERYDAY,
    NAMES,
    PAGES,
    ROOT_PHENOTYPE,
    plain_words,
)
from condlookup.errors import CondlookupError, UsageError
from condlookup.records import Record, model
from condlookup.sources.codes import hpo_id
from condlookup.sql import fts_phrase, fts_words
from condlookup.text import fold, quoted, words

MAX_SYMPTOMS = 50
MAX_OPTIONS = 3
# Two candidates fit "about equally" when their fit (the share of their words that are the
# phrase's) differs by no more than this.
EQUALLY = 0.15


def findings_only(column: str) -> str:
    """SQL: whether the term in `column` is a finding, never a frequency, an onset or a mode
    of inheritance."""
    return (
        f"EXISTS (SELECT 1 FROM closure c WHERE c.ancestor = {ROOT_PHENOTYPE} "
        f"AND c.descendant = {column})"
    )


FINDINGS_ONLY = findings_only("p.term")  # on phrases `p`
_HPO_LIKE = re.compile(r"hp[:_ ]?\S*", re.IGNORECASE)
_HPO_ID = re.compile(r"HP:[0-9]{7}")
# What is written as an HPO id, well formed or not: "HP:" and what follows it, up to a space or
# a punctuation mark ("HP:0001251," is the id and a comma).
ID_LIKE = re.compile(r"(?<![\w:])HP:[^\s,;.!?()\[\]{}]*", re.IGNORECASE)
# An id as the ontology's own files and web addresses write it: HP_0001251, or the whole
# http://purl.obolibrary.org/obo/HP_0001251.
_OBO_ID = re.compile(r"(?<![\w:/])(?:https?://purl\.obolibrary\.org/obo/)?HP_([0-9]{7})\b", re.I)


def as_typed(text: str) -> str:
    """`text` as the reading expects it: accents composed (an "o" and a combining acute are
    one "ó", as a word of one piece), and each id written as the ontology's files write it
    (HP_0001251, or its purl.obolibrary.org address) as HP:0001251."""
    if not text.isascii():
        import unicodedata  # noqa: PLC0415 - only for text with accents

        text = unicodedata.normalize("NFC", text)
    return _OBO_ID.sub(r"HP:\1", text)


@model
class SymptomTerm(Record):
    """What one input of `match` became: an HPO term, and the other terms it could have been."""

    input: str
    hpo: str
    name: str
    note: str | None  # how it was found when not exactly, "obsolete id, replaced by ...", ...
    alternatives: tuple[tuple[str, str], ...]  # (hpo, name): other terms it could have meant
    # The terms it stands for, when a phrase fits several about equally (hpo first): each
    # condition is scored with the one that fits it best.
    options: tuple[tuple[str, str], ...] = ()

    @property
    def terms(self) -> tuple[int, ...]:
        return tuple(int(hpo[3:]) for hpo, _ in self.options) or (int(self.hpo[3:]),)


class SymptomError(CondlookupError):
    """An input that names no HPO term."""


def malformed_id(inputs: Sequence[str]) -> str | None:
    """The first thing in `inputs` written as an HPO id that is none (HP:12, HP:abc,
    HP:00000001), or None. No release has such an id, so it is a typo to fix before anything
    is looked up, where words that name nothing may be filler read around."""
    for text in inputs:
        for found in ID_LIKE.finditer(text):
            if not _HPO_ID.fullmatch(found.group().upper()):
                return found.group()
    return None


def resolve(db: sqlite3.Connection, inputs: Sequence[str]) -> tuple[SymptomTerm, ...]:
    """Each input to HPO terms. Raises SymptomError for the first that names none."""
    if not inputs:
        raise UsageError("no symptoms given", hint="for example: condlookup match ataxia")
    if len(inputs) > MAX_SYMPTOMS:
        raise UsageError(
            f"{len(inputs)} symptoms is more than {MAX_SYMPTOMS}",
            hint="give the most telling ones",
        )
    return tuple(resolve_one(db, text) for text in inputs)


def resolve_one(db: sqlite3.Connection, text: str) -> SymptomTerm:
    stripped = as_typed(text.strip())
    if _HPO_LIKE.fullmatch(stripped) and stripped[:3].upper() == "HP:":
        return resolve_id(db, stripped)
    wanted = plain_words(stripped)
    if not wanted:
        raise SymptomError(f"{quoted(text)} is not a symptom", hint="give words or an HPO id")
    every = fts_words(wanted)
    as_written = fts_phrase(wanted)
    tiers = (
        (NAMES, every, _exact, None),
        (PAGES, as_written, _any, "as {name}, from a page's symptom list"),
        (NAMES, every, _close, "closest match"),
        (PAGES, every, _any, "as {name}, from a page's symptom list"),
        (DEFINITIONS, every, _any, "as {name}, from the HPO's definition of it"),
    )
    for source, expression, keep, note in tiers:
        found = keep(_phrases(db, expression, source), len(wanted))
        if found:
            return symptom(text, found, note)
    some = " OR ".join(f'"{word}"' for word in wanted)
    partial = _partial(_phrases(db, some, NAMES) + _phrases(db, some, PAGES), wanted)
    if partial:
        best = max(partial, key=lambda candidate: candidate[0])
        held = [word for word in wanted if word[:5] in {w[:5] for w in plain_words(best[3])}]
        note = f"closest match: only {', '.join(repr(word) for word in held)} found"
        return symptom(text, partial, note)
    raise SymptomError(
        f"no HPO term matches {quoted(text)}", hint=_closest_hint(db, words(stripped))
    )


Candidate = tuple[float, int, str, str, int]  # (fit, term, term's name, text found, diseases)


def _phrases(
    db: sqlite3.Connection, expression: str, source: int
) -> list[tuple[int, str, str, int, int]]:
    """(term, term's name, text, its word count, diseases) of the phrases found, of findings
    only; the HPO's names come with condlookup's everyday phrases."""
    sources = (NAMES, EVERYDAY) if source == NAMES else (source, source)
    return db.execute(
        "SELECT p.term, t.name, p.shown, p.words, t.diseases FROM phrases p "
        "JOIN terms t ON t.id = p.term WHERE phrases MATCH ? AND p.source IN (?, ?) "
        f"AND t.obsolete = 0 AND {FINDINGS_ONLY}",
        (expression, *sources),
    ).fetchall()


def _exact(rows: Iterable[tuple[int, str, str, int, int]], size: int) -> list[Candidate]:
    """Names and synonyms that are the phrase's words and no others."""
    return [(1.0, term, name, text, n) for term, name, text, count, n in rows if count == size]


def _close(rows: Iterable[tuple[int, str, str, int, int]], size: int) -> list[Candidate]:
    """Names and synonyms that hold the phrase's words and little else."""
    return [
        (size / count, term, name, text, n)
        for term, name, text, count, n in rows
        if size < count <= size + 3
    ]


def _any(rows: Iterable[tuple[int, str, str, int, int]], size: int) -> list[Candidate]:
    return [(size / max(count, size), term, name, text, n) for term, name, text, count, n in rows]


def _partial(rows: Iterable[tuple[int, str, str, int, int]], wanted: list[str]) -> list[Candidate]:
    """Texts holding some of the words: by the share of the words they hold, then tightness."""
    stems = {word[:5] for word in wanted}
    found = []
    for term, name, text, count, n in rows:
        held = {word[:5] for word in plain_words(text)} & stems
        found.append((len(held) / len(stems) * len(held) / max(count, 1), term, name, text, n))
    return found


def symptom(text: str, found: list[Candidate], note: str | None) -> SymptomTerm:
    """The best-fitting term; those that fit about as well as it are what the phrase may mean."""
    ranked = sorted(found, key=lambda c: (-c[0], fold(c[3]) != fold(c[2]), -c[4], c[2]))
    best = ranked[0]
    terms: dict[int, str] = {}
    for fit, term, name, _text, _diseases in ranked:
        if best[0] - fit <= EQUALLY + 1e-9 and len(terms) < MAX_OPTIONS:
            terms.setdefault(term, name)
    others = [(hpo_id(t), name) for _f, t, name, _x, _d in ranked if t not in terms]
    options = tuple((hpo_id(t), name) for t, name in terms.items())
    return SymptomTerm(
        input=text,
        hpo=options[0][0],
        name=options[0][1],
        note=note.format(name=best[2]) if note else None,
        alternatives=tuple(dict.fromkeys(others))[:3] if note else (),
        options=options if len(options) > 1 else (),
    )


def resolve_ids(
    db: sqlite3.Connection, ids: Iterable[str]
) -> tuple[tuple[SymptomTerm, ...], tuple[str, ...]]:
    """HPO ids, as a phenopacket gives them: the terms they are (obsolete ones followed to
    their replacement), and those skipped, each with why ("HP:0000000 is not in this HPO
    release")."""
    found: list[SymptomTerm] = []
    skipped: list[str] = []
    for text in ids:
        try:
            found.append(resolve_id(db, text))
        except SymptomError as err:
            skipped.append(err.message)
    return tuple(found), tuple(skipped)


def resolve_id(db: sqlite3.Connection, text: str) -> SymptomTerm:
    upper = text.upper()
    if not _HPO_ID.fullmatch(upper):
        raise SymptomError(f"{quoted(text)} is not an HPO id", hint="an HPO id is HP: and 7 digits")
    number = int(upper[3:])
    row = db.execute(
        f"SELECT t.id, t.name, {findings_only('t.id')} FROM terms t "
        "WHERE t.id = coalesce((SELECT id FROM term_alias WHERE alias = ?), ?)",
        (number, number),
    ).fetchone()
    if row is None:
        obsolete = db.execute("SELECT obsolete FROM terms WHERE id = ?", (number,)).fetchone()
        if obsolete:
            raise SymptomError(f"{upper} is obsolete and names no replacement")
        raise SymptomError(f"{upper} is not in this HPO release")
    term, name, finding = row
    if not finding or term == ROOT_PHENOTYPE:  # a frequency, an onset, an inheritance
        raise SymptomError(
            f"{hpo_id(term)} ({name}) is no finding",
            hint=f"only the terms under Phenotypic abnormality ({hpo_id(ROOT_PHENOTYPE)}) are",
        )
    note = None if term == number else f"{upper} is now {hpo_id(term)}"
    return SymptomTerm(input=text, hpo=hpo_id(term), name=name, note=note, alternatives=())


def _closest_hint(db: sqlite3.Connection, query_words: list[str], limit: int = 5) -> str:
    """Terms whose names start like the words: a hint when no word is found at all."""
    found = closest_terms(db, query_words, limit)
    labels = [f"{name} ({hpo})" for hpo, name in found]
    return f"closest terms: {'; '.join(labels)}" if labels else "try other words"


def closest_terms(
    db: sqlite3.Connection, query_words: Sequence[str], limit: int = 5
) -> tuple[tuple[str, str], ...]:
    """(hpo, name) of the findings whose names start like the words (all of them, else any),
    best first."""
    found: dict[tuple[str, str], None] = {}
    for operator in ("AND", "OR") if len(query_words) > 1 else ("AND",):
        expression = fts_words(list(query_words), operator=operator, prefix=True)
        rows = db.execute(
            "SELECT DISTINCT p.term, t.name FROM term_search p JOIN terms t ON t.id = p.term "
            f"WHERE term_search MATCH ? AND t.obsolete = 0 AND {FINDINGS_ONLY} "
            "ORDER BY bm25(term_search) LIMIT ?",
            (expression, limit * 3),
        ).fetchall()
        found |= dict.fromkeys((hpo_id(term), name) for term, name in rows)
        if len(found) >= limit:
            break
    return tuple(found)[:limit]
