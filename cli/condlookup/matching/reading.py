"""Symptoms as people type them: free text read into findings (HPO terms).

`match weak legs and trouble walking` is one text, not five symptoms. It is read in three steps:

1. Cut at punctuation (, ; . ! ? and brackets); an HPO id stands for itself. An argument that
   holds spaces and no punctuation or joining word ("dry mouth", quoted in the shell) stays one
   phrase and is read as one symptom always was (`symptoms.resolve_one`).
2. In each piece, the words that carry no finding by themselves (FILLER: "a", "my", "child",
   "very", "frequent", "and", "with"...) are left out unless they are part of a phrase, and the
   rest is cut into the phrases that name a finding, best cover first: the most words read,
   then the most filler words inside phrases ("recurrent infections" before "infections"), then
   the fewest phrases (the longest). A phrase names a finding when its words, in any order and
   plurals folded, are a name or synonym of an HPO term (lay ones included), a phrase of the
   everyday lexicon (`catalogue/everyday.tsv`), or a symptom of a page (as written, for two
   words or more: "dancing eyes").
3. Words left over: two or more in a row may be a name that holds them and little else
   ("closest match", said so); anything else is skipped with a note naming the closest terms,
   and the rest goes on. A phrase after "no", "not" or "without" is skipped too, quoted or
   not (unless the words are a name: "no sweat" is Anhidrosis): a finding looked for and not
   found is given with --not. The negation ends at "and", "but", "plus", "with" or a verb of
   having ("not feeding well and has fits": the fits are there), and runs on over "or" ("no
   fever or rash": neither).

Only terms under Phenotypic abnormality (HP:0000118) are findings: never a frequency, an onset
or a mode of inheritance. One finding counts once, whichever phrases named it.
"""

import re
import sqlite3
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from condlookup.catalogue.phrases import EVERYDAY, NAMES, PAGES, plain_words
from condlookup.errors import UsageError
from condlookup.matching.symptoms import (
    FINDINGS_ONLY,
    ID_LIKE,
    MAX_SYMPTOMS,
    Candidate,
    SymptomError,
    SymptomTerm,
    as_typed,
    closest_terms,
    resolve_id,
    resolve_one,
    symptom,
)
from condlookup.records import Record, model
from condlookup.sql import fts_phrase, fts_words
from condlookup.text import quoted

MAX_SPAN = 6  # the longest phrase looked for, in words
MAX_WORDS = 300  # a text longer than this is no list of findings
# How well a phrase whose words are the name's, but for filler words, fits (1.0: all of them).
BUT_FOR_FILLER = 0.8

# Words that name no finding by themselves: people, joining words, pronouns, verbs of having,
# degrees and frequencies ("frequent" is a frequency term of the HPO, never a finding). Inside
# a phrase that names a finding they are read with it: "frequent falls", "throwing up".
FILLER = frozenset(
    "a an the my our your his her their its this that these those some any each every "  # noqa: SIM905
    "i me we us he him she they them it you "
    "is are was were be been being am has have had having get gets got getting keep keeps "
    "seem seems look looks feel feels become becomes became show shows showing "
    "very really quite so too bit little lot lots much many more most extremely slightly "
    "somewhat mild mildly severe severely bad badly "
    "frequent frequently often sometimes occasional occasionally always constant constantly "
    "child children baby babies kid kids son daughter toddler infant boy girl patient person "
    "and or with but plus also then as well "
    "since from for of in on at to by about around when while during after before "
    "over under into onto out up down off through like across along near upon within "
    "time times all lot now yet still again ever already "
    "year years month months week weeks day days old age aged".split()
)
JOINING = frozenset({"and", "or", "with", "but", "plus"})
NEGATION = frozenset({"no", "not", "without", "never", "nor", "none"})
# Words after which a negation no longer holds: "no fever or rash" is neither, but "not
# feeding well and has fits" has fits.
NEGATION_ENDS = frozenset({"and", "but", "plus", "with", "has", "have", "had"})
_TOKEN = re.compile(r"(?P<id>\bHP:\d{7}\b)|(?P<word>[^\W_]+)|(?P<stop>[,;.!?()\[\]{}]+)", re.I)
_JOINING = re.compile(r"[,;.!?()\[\]{}]|\b(?:and|or|with)\b", re.IGNORECASE)


@model
class Skipped(Record):
    """A part of the text that named no finding: as typed, why, and the closest terms."""

    text: str
    why: str
    closest: tuple[tuple[str, str], ...] = ()  # (hpo, name)
    hint: str | None = None  # what the reader of one phrase or id said to do

    @property
    def line(self) -> str:
        """One line for the user: what was skipped and what it might have been."""
        near = "; ".join(f"{name} ({hpo})" for hpo, name in self.closest)
        said = f" (closest terms: {near})" if near else (f" ({self.hint})" if self.hint else "")
        return f"skipped {quoted(self.text)}: {self.why}{said}"


@model
class Reading(Record):
    """What a text was read as: its findings, in the order typed, and what was skipped."""

    findings: tuple[SymptomTerm, ...]
    skipped: tuple[Skipped, ...]


class _Word:
    __slots__ = ("end", "filler", "plain", "start")

    def __init__(self, plain: str, start: int, end: int) -> None:
        self.plain, self.start, self.end = plain, start, end
        self.filler = plain in FILLER or plain.isdigit() or plain in NEGATION


def read(db: sqlite3.Connection, inputs: Sequence[str]) -> Reading:
    """The findings in `inputs` (the arguments of `match`, or of --not), read as one text."""
    reader = _Reader(db)
    for kind, text in _pieces([as_typed(text) for text in inputs]):
        if kind == "phrase":
            reader.phrase(text)
        else:
            reader.text(text)
    # A word skipped twice ("[red]ataxia[/red]") is said once.
    skipped = {item.line: item for item in reader.skipped}
    return Reading(findings=tuple(reader.findings), skipped=tuple(skipped.values()))


def read_findings(db: sqlite3.Connection, inputs: Sequence[str]) -> Reading:
    """`read`, for `match`: an error when the text names no finding at all (saying what was
    skipped), or more than MAX_SYMPTOMS."""
    inputs = [as_typed(text) for text in inputs]
    given = " ".join(" ".join(inputs).split())
    if not given:
        raise UsageError("no symptoms given", hint="for example: condlookup match ataxia")
    if len(given.split()) > MAX_WORDS:
        raise UsageError(
            f"{len(given.split())} words is more than {MAX_WORDS}",
            hint="give the findings, not a whole story",
        )
    found = read(db, inputs)
    if not found.findings:
        if len(found.skipped) == 1 and found.skipped[0].text == given:  # all of it, one thing
            alone = found.skipped[0]
            raise SymptomError(alone.why, hint=alone.hint or _closest(alone.closest))
        raise SymptomError(
            f"nothing in {quoted(given)} names a finding",
            hint=found.skipped[0].line if found.skipped else "give what is seen, or HPO ids",
        )
    if len(found.findings) > MAX_SYMPTOMS:
        raise UsageError(
            f"{len(found.findings)} findings is more than {MAX_SYMPTOMS}",
            hint="give the most telling ones",
        )
    return found


def _closest(terms: tuple[tuple[str, str], ...]) -> str:
    near = "; ".join(f"{name} ({hpo})" for hpo, name in terms)
    return f"closest terms: {near}" if near else "try other words"


def _pieces(inputs: Sequence[str]) -> Iterator[tuple[str, str]]:
    """("phrase", argument) for an argument that is one quoted phrase; ("text", ...) for the
    rest, consecutive plain arguments joined as the shell split them."""
    running: list[str] = []
    for argument in inputs:
        stripped = " ".join(argument.split())
        if ID_LIKE.fullmatch(stripped) or (" " in stripped and not _JOINING.search(stripped)):
            if running:
                yield "text", " ".join(running)
                running = []
            yield "phrase", stripped
        elif stripped:
            running.append(stripped)
    if running:
        yield "text", " ".join(running)


class _Reader:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.findings: list[SymptomTerm] = []
        self.skipped: list[Skipped] = []
        self._known: dict[tuple[str, ...], tuple[list[Candidate], bool]] = {}

    def phrase(self, text: str) -> None:
        first = plain_words(text)[:1]
        if first and first[0] in NEGATION:
            self.text(text)  # "no fever": absent, as in a text; "no sweat" is still a name
            return
        try:
            self._add(resolve_one(self.db, text))
        except SymptomError as err:
            self.skipped.append(Skipped(text, err.message, hint=err.hint))

    def text(self, text: str) -> None:
        words: list[_Word] = []
        for match in _TOKEN.finditer(text):
            if match.group("word"):
                for plain in plain_words(match.group()):
                    words.append(_Word(plain, match.start(), match.end()))
                continue
            self._piece(text, words)
            words = []
            if match.group("id"):
                try:
                    self._add(resolve_id(self.db, match.group()))
                except SymptomError as err:
                    self.skipped.append(Skipped(match.group(), err.message))
        self._piece(text, words)

    def _piece(self, text: str, words: list[_Word]) -> None:
        """One piece between punctuation: its phrases, then what is left over."""
        if not words:
            return
        spans = self._best_cover(words)
        covered: set[int] = set()
        previous_end = 0
        absent = False  # whether the phrase before was said to be absent
        for start, end, found in spans:
            covered.update(range(start, end))
            typed = text[words[start].start : words[end - 1].end]
            between = range(previous_end, start)
            negated = [i for i in between if words[i].plain in NEGATION]
            if negated and any(
                words[i].plain in NEGATION_ENDS for i in range(negated[-1] + 1, start)
            ):
                negated = []  # "not feeding well and has fits": the fits are not absent
            elif absent and between and all(words[i].plain in ("or", "nor") for i in between):
                negated = [start]  # "no fever or rash": neither
            absent = bool(negated)
            if negated:
                typed = text[words[negated[0]].start : words[end - 1].end]
                self.skipped.append(
                    Skipped(typed, "said to be absent: give such findings with --not")
                )
            else:
                self._add(symptom(typed, found, None))
            previous_end = end
        run: list[int] = []
        for index in [*range(len(words)), len(words)]:
            left = index < len(words) and index not in covered and not words[index].filler
            if left:
                run.append(index)
            elif run:
                self._left_over(text, words, run)
                run = []

    def _best_cover(self, words: list[_Word]) -> list[tuple[int, int, list[Candidate]]]:
        """The phrases that name findings, chosen so that they cover the piece best."""
        size = len(words)
        # best[i]: ((content words, filler words in phrases, -phrases), spans) for words[i:]
        best: list[tuple[tuple[int, int, int], list[tuple[int, int, list[Candidate]]]]] = [
            ((0, 0, 0), [])
        ] * (size + 1)
        for start in range(size - 1, -1, -1):
            choice = best[start + 1]
            for end in range(start + 1, min(size, start + MAX_SPAN) + 1):
                edges = words[start].filler or words[end - 1].filler
                if edges and words[start].filler and words[end - 1].filler:
                    continue
                found, every_word = self._names(words[start:end])
                if not found or (edges and not every_word):
                    continue  # a filler word at its edge must be part of the name
                content = sum(not word.filler for word in words[start:end])
                rest, spans = best[end]
                score = (rest[0] + content, rest[1] + (end - start - content), rest[2] - 1)
                if score >= choice[0]:  # at a tie, the phrase that starts first
                    choice = (score, [(start, end, found), *spans])
            best[start] = choice
        return best[0][1]

    def _names(self, span: list[_Word]) -> tuple[list[Candidate], bool]:
        """The findings these words name, best fits first, and whether they name them with
        every word: a name of the same words, in any order (the full-text index folds
        plurals and endings), or else of the same words but for filler words."""
        plain = tuple(word.plain for word in span)
        if plain in self._known:
            return self._known[plain]
        content = [word.plain for word in span if not word.filler]
        # A phrase that runs over a joining word ("arms and legs") must be a name that has it.
        joined = any(word in JOINING for word in plain[1:-1])
        found: tuple[list[Candidate], bool] = ([], False)
        if content:
            whole = [
                (1.0, row.term, row.name, row.shown, row.diseases)
                for row in _phrases(self.db, fts_words(plain))
                if row.words == len(plain) and _same_words(plain, row.text.split())
            ]
            if not whole and len(content) >= 2 and not joined:  # a page's symptom, as written
                whole = [
                    (0.9, row.term, row.name, row.shown, row.diseases)
                    for row in _phrases(self.db, fts_phrase(list(plain)))
                    if row.source == PAGES
                ]
            found = (whole, True)
            if not whole and len(content) < len(plain) and not joined:
                found = (
                    [
                        (BUT_FOR_FILLER, row.term, row.name, row.shown, row.diseases)
                        for row in _phrases(self.db, fts_words(content))
                        if row.source != PAGES
                        and sum(word not in FILLER for word in row.text.split()) == len(content)
                        and _same_words(content, row.text.split())
                    ],
                    False,
                )
        self._known[plain] = found
        return found

    def _left_over(self, text: str, words: list[_Word], run: list[int]) -> None:
        """Words no phrase took: several in a row may be a name holding them and little else;
        the rest are skipped, with the closest terms."""
        typed = text[words[run[0]].start : words[run[-1]].end]
        wanted = [words[index].plain for index in run]
        if len(wanted) >= 2:
            close = [
                (len(wanted) / row.words, row.term, row.name, row.shown, row.diseases)
                for row in _phrases(self.db, fts_words(wanted))
                if row.source != PAGES and len(wanted) < row.words <= len(wanted) + 3
            ]
            if close:
                self._add(symptom(typed, close, "closest match"))
                return
        self.skipped.append(
            Skipped(
                typed,
                f"no finding is named {quoted(typed)}",
                closest_terms(self.db, wanted, limit=3),
            )
        )

    def _add(self, found: SymptomTerm) -> None:
        """A finding, unless one already read stands for the same term."""
        seen = {term for earlier in self.findings for term in earlier.terms}
        if not seen.intersection(found.terms):
            self.findings.append(found)


_SUFFIXES = ("ingly", "edly", "ness", "ings", "ing", "ies", "ied", "ed", "es", "ly", "s")


def _roots(word: str) -> set[str]:
    """A word and what it is without one ending of inflection ("bruises": bruise, bruis;
    "bruising": bruis; "clumsiness": clumsy). Stricter than the index's stemmer, which makes
    one word of "tendon" and "tendonitis", or of "general" and "generalized"."""
    found = {word}
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            root = word[: -len(suffix)]
            found.add(root[:-1] + "y" if root.endswith("i") else root)
    return found


def _same_words(wanted: Sequence[str], found: Sequence[str]) -> bool:
    """Whether every wanted word is one of the found words, but for an ending, each found word
    standing for one wanted word only: "dry eyes dry" is not "dry eye syndrome"."""
    roots = [_roots(word) for word in found]
    used: set[int] = set()
    for word in wanted:
        mine = _roots(word)
        match = next((i for i, other in enumerate(roots) if i not in used and mine & other), None)
        if match is None:
            return False
        used.add(match)
    return True


class _Phrase(NamedTuple):
    term: int
    name: str  # the term's
    shown: str  # the phrase as written
    text: str  # its plain words
    words: int  # how many
    diseases: int  # how many conditions the term is annotated to
    source: int  # NAMES, EVERYDAY or PAGES


def _phrases(db: sqlite3.Connection, expression: str) -> list[_Phrase]:
    """The names, everyday phrases and page symptoms that match, of findings only."""
    rows = db.execute(
        "SELECT p.term, t.name, p.shown, p.text, p.words, t.diseases, p.source FROM phrases p "
        "JOIN terms t ON t.id = p.term WHERE phrases MATCH ? AND p.source IN (?, ?, ?) "
        f"AND t.obsolete = 0 AND {FINDINGS_ONLY}",
        (expression, NAMES, EVERYDAY, PAGES),
    )
    return [_Phrase(*row) for row in rows]
