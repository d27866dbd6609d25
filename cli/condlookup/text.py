"""Text shared by every part: case- and accent-insensitive keys, search words, data shown as
inert text, lists kept in one column, and user files read as bounded UTF-8 text. A base
module: it imports nothing of the package."""

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

_NON_WORD = re.compile(r"[\W_]+")
_WORD = re.compile(r"[^\W_]+")
_APOSTROPHES = re.compile(r"['\u2019\u02bc]s?\b")
_GENERIC_ENDINGS = (" syndrome", " disease", " disorder")
_GENERIC_BEFORE_TYPE = re.compile(r"(.+?) (?:syndrome|disease|disorder) (type .+)")
_OWN_S = ("ss", "us", "is")
# C0 and C1 control characters, DEL, and the bidirectional overrides that can reorder a line,
# each shown as its escape: a table for str.translate, cheaper to build than a regex.
_UNSAFE = {
    code: f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    for code in (
        *range(0x00, 0x09),
        *range(0x0B, 0x20),
        *range(0x7F, 0xA0),
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
    )
}


def fold(text: str) -> str:
    """Lower case without accents: 'Sjögren' -> 'sjogren'. Keeps the length of most text."""
    if text.isascii():  # most queries: no accents to strip, and unicodedata is not loaded
        return text.lower()
    import unicodedata  # noqa: PLC0415

    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()


def normalize_name(text: str) -> str:
    """The key a name is looked up by: folded, possessives dropped, punctuation as spaces."""
    folded = _APOSTROPHES.sub("", fold(text))
    return _NON_WORD.sub(" ", folded).strip()


def name_keys(name: str, derived: bool = True) -> tuple[str, ...]:
    """The keys that find a name: itself and, if derived, folded (see `fold_key`), then
    without a generic ending, folded or not.

    "Sjögren's syndrome" is found as "sjogren syndrome" and "sjogren"; "Haemophilia A" also as
    "hemophilia a".
    """
    key = normalize_name(name)
    if not key:
        return ()
    if not derived:
        return (key,)
    return tuple(dict.fromkeys((key, fold_key(key), *without_ending(key))))


def without_ending(key: str) -> tuple[str, ...]:
    """A name's key without its generic ending ("marfan" for "marfan syndrome"), or without the
    generic word before its type ("niemann pick type c" for "niemann pick disease type c"), as
    written and folded; nothing if it has neither."""
    for ending in _GENERIC_ENDINGS:
        if key.endswith(ending) and len(key) > len(ending):
            stem = key[: -len(ending)].strip()
            return (stem, fold_key(stem))
    typed = _GENERIC_BEFORE_TYPE.fullmatch(key)
    if typed:
        stem = f"{typed[1]} {typed[2]}"
        return (stem, fold_key(stem))
    return ()


def fold_key(key: str) -> str:
    """A name's key as people also type it, folded the same way on both sides of a lookup:
    British spellings as American ones (anaemia, haemophilia, oesophageal, paediatric,
    tumour), and plurals and possessives as one: a final s dropped (a possessive without its
    apostrophe, "huntingtons"; a plural, "migraines") except where it ends a word's own stem
    (-ss, -us, -is), "-ies" as "-y" (dystrophies) and "-oses" as "-osis" (neurofibromatoses)."""
    folded = []
    for word in key.split():
        if len(word) >= 5:
            word = word.replace("ae", "e").replace("oe", "e")
            if word.endswith("our") and len(word) >= 6:
                word = word[:-3] + "or"
        if len(word) >= 6 and word.endswith(("oses", "ies")):  # neurofibromatoses, dystrophies
            word = word[:-4] + "osis" if word.endswith("oses") else word[:-3] + "y"
        elif len(word) >= 4 and word.endswith("s") and not word.endswith(_OWN_S):
            word = word[:-1]
        folded.append(word)
    return " ".join(folded)


def search_stem(word: str) -> str:
    """A search word as the start of the words it stands for, folded as names are: "dystrophies"
    finds dystrophy and dystrophies as "dystroph", "ichthyoses" ichthyosis as "ichthyos"."""
    if len(word) >= 8 and word.endswith("ies"):
        return word[:-3]
    if len(word) >= 7 and word.endswith("oses"):
        return word[:-2]
    return fold_key(word)


def words(text: str) -> list[str]:
    """The search words of a query, folded, without punctuation."""
    return _NON_WORD.sub(" ", fold(text)).split()


# A query longer than this is cut short where a message repeats it: one line stays one line.
QUERY_SHOWN = 80


def quoted(text: str) -> str:
    """What a user typed, quoted for a message and cut short if long."""
    return repr(text if len(text) <= QUERY_SHOWN else text[: QUERY_SHOWN - 3] + "...")


def safe(text: str) -> str:
    """Data as inert text: control characters and escape sequences shown, never interpreted."""
    return text.translate(_UNSAFE)


def fold_with_offsets(text: str) -> tuple[str, Sequence[int]]:
    """Fold text and keep, for each folded character, the index of its source character."""
    if text.isascii():  # most lines: folding is lower-casing, one character for one
        return text.lower(), range(len(text))
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        for piece in fold(char):
            out.append(piece)
            origin.append(index)
    return "".join(out), origin


def find_words(text: str, query_words: Sequence[str]) -> list[tuple[int, int]]:
    """Spans of `text` holding a word that starts with one of the query words."""
    folded, origin = fold_with_offsets(text)
    if not any(word in folded for word in query_words):
        return []
    spans: list[tuple[int, int]] = []
    for match in _WORD.finditer(folded):
        token = match.group()
        for word in query_words:
            if token.startswith(word):
                start = origin[match.start()]
                end = origin[match.start() + len(word) - 1] + 1
                spans.append((start, end))
                break
    return spans


# Lists kept in one column of the index (aliases, specialists, lay names), joined without JSON:
# importing json costs a millisecond of every command that reads them.
def plain_name(name: str, layperson: Iterable[str], query_words: Sequence[str] = ()) -> str | None:
    """The everyday name to show beside a medical term: the first of its lay synonyms that is
    not the term itself, or the first that holds the words searched for; None if none is."""
    others = [item for item in layperson if item and fold(item) != fold(name)]
    if query_words:
        chosen = next((item for item in others if find_words(item, query_words)), None)
        if chosen:
            return chosen
    return others[0] if others else None


LIST_SEPARATOR = "\x1f"


def listed(items: Sequence[str], last: str = "and") -> str:
    """Items as a sentence lists them: 'a', 'a and b', 'a, b and c' (or with `last` "or")."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {last} {items[-1]}"


def join_list(items: Iterable[str]) -> str:
    return LIST_SEPARATOR.join(items)


def split_list(joined: str) -> tuple[str, ...]:
    return tuple(joined.split(LIST_SEPARATOR)) if joined else ()


# How exactly a name finds a condition, best first: a query finds the conditions of its best
# tier, and several conditions in that tier are listed for the user to choose, never guessed.
PAGE_ID = 4  # a page's id: another page's alias does not take it (`show oms` is oms)
OWN_NAME = 3  # its id, codes and name (and a curated page's aliases)
LABEL = 2  # another catalogue's label for it
SYNONYM = 1  # another name people use
# A name without its generic ending ("marfan" for "Marfan syndrome") is weaker than any whole
# name, and keeps the order of what it came from: a condition's own name before a synonym's.
DERIVED = -4


def name_tiers(named: Iterable[tuple[str, int]]) -> dict[str, int]:
    """The keys that find these (name, tier) pairs, each with its best tier."""
    found: dict[str, int] = {}
    for name, tier in named:
        key = normalize_name(name)
        if not key:
            continue
        # A spelling folded keeps its name's tier; a name without its ending is a weaker one.
        for level, keys in ((tier, (key, fold_key(key))), (DERIVED + tier, without_ending(key))):
            for found_key in keys:
                if found_key not in found or level > found[found_key]:
                    found[found_key] = level
    return found


class UnreadableError(Exception):
    """Why a file cannot be read as text; `line` where the bytes stop being UTF-8."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def read_text(path: "Path", limit: int) -> str:
    """A regular file of at most `limit` bytes, as UTF-8 text (a byte-order mark is dropped);
    raises UnreadableError saying why not. Never reads more than `limit` + 1 bytes, and never
    blocks on a pipe or a device."""
    import os  # noqa: PLC0415 - only the readers of files need it
    import stat  # noqa: PLC0415

    try:
        # Opened without blocking and checked on the open file, not on the path before it:
        # a file swapped for a pipe in between can neither hang the open nor be read.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            os.close(descriptor)
            raise UnreadableError("not a regular file")
        with os.fdopen(descriptor, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as err:
        raise UnreadableError(f"cannot read the file: {err.strerror or err}") from None
    if len(data) > limit:
        mib = 1024 * 1024
        size = f"{limit // mib} MB" if limit % mib == 0 else f"{limit // 1024} KiB"
        raise UnreadableError(f"the file is larger than {size}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise UnreadableError(f"not valid UTF-8 (byte {err.start})", line) from None
