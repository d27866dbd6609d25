"""Names that mean this disease: which of a catalogue condition's names it is "also called".

A condition is found by every name the catalogues give it (its labels, Mondo's and Orphanet's
synonyms; see `text.name_tiers`), but each name shown as what it is also called must mean this
disease. Mondo's files give no synonym scope (EXACT, RELATED, BROAD, NARROW are not in them), so
a name's meaning is read from the name itself and from the rest of the catalogue. Candidates, in
order: Orphanet's names of the condition's ORPHA codes (their labels and synonyms, exact names
of the disorder), the catalogues' labels (the HPO's entries), then Mondo's synonyms. Left out:

- a name with a stray token of its source's markup: a Roman numeral turned into a number at the
  start of a word ("Gilles De 50A Tourette syndrome": "la" read as L = 50; "upper 51D
  coloboma": "lid" as LI = 51), OMIM's ", included" and "@", CSV-doubled or unpaired double
  quotes, an identifier's underscore, Read codes' "(& [...])", a bracket without its pair (a
  name cut short, or a letter its encoding broke: "ChC)diak-Higashi disease"), and an
  annotation of the source in place of a name: "(formerly)", "(subtype)", "(type of ...)",
  "[ambiguous]", ", Isolated cases", SNOMED's "(finding)". SNOMED's "(disease)" and
  "(disorder)" only say what the name names: the name is kept without them.
- a name of another thing: one that speaks of a susceptibility to a disease, a protection
  against it, a reduced risk of it, a modifier of it, a quantitative trait locus or its somatic
  mutations (unless the condition's own name says the same), a medicine's name (with the "alfa"
  of international nonproprietary names), and one that names a measured
  change, a finding rather than a disease ("excess LMW-DNA", "increased aromatase activity").
  Orphanet's names are exact names of the disorder and keep these words.
- a name of something of this disease, or like it (not Orphanet's): its own name followed by
  more ("Down syndrome critical region", "Rett syndrome, atypical"), after a preposition
  ("leukemia, megakaryoblastic, of Down syndrome") or after words in lower case ("acute cerebral
  Gaucher disease"); its name with "-like" ("Prader-Willi-like syndrome"); "non-" before one of
  its names ("HPA, non-PKU mild").
- a name that belongs to another condition: the same name (in any case, punctuation, word order
  or numerals, with hyphens or none) is another condition's own name or one of its labels. A
  label of this condition gives way only to another condition's own name.
- an inverted catalogue form: a comma-inverted name that ends with its preposition ("Fingerprints,
  absence of", "lupus nephritis, susceptibility to"; kept where the condition's own name has
  that form), one that starts with its generic head ("Syndrome, Ehlers-Danlos"), and two names
  in one, joined by " - " or one in brackets, of which one is a name of the condition ("SLE -
  lupus erythematosus, systemic", "trisomy 21 (Down syndrome)").
- a repeat: the same words as the condition's name or another name, whatever their case,
  punctuation, order, numerals or generic head ("lupus erythematosus, systemic", "Danlos
  Disease, Ehlers", "Atelosteogenesis type 2", "Tourette disorder"). Of the spellings, the best
  written is shown: in natural order, not in capitals throughout, not in Title Case, with the
  most capitals and hyphens kept ("Gilles de la Tourette syndrome" over the HPO's "Gilles de la
  tourette syndrome"); then the first.

Shown first: Orphanet's names and the catalogues' labels, the short before the long (the names
people say, abbreviations first, before descriptions); then Mondo's, in its order.
"""

import functools
import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from condlookup.text import normalize_name

ORPHANET, LABEL, SYNONYM = 0, 1, 2  # where a candidate name comes from, best first

# Annotations a source writes after a name, in brackets, which are not part of it.
_STRIPPED_TAGS = frozenset({"disease", "disorder"})  # SNOMED's: a disorder's name
_DROPPING_TAGS = (
    frozenset({"formerly", "former", "former name", "former subtype", "subtype", "sub-type"})
    | {"type", "variant", "histologic variant", "ambiguous", "grouping", "a symptom", "obsolete"}
    # SNOMED CT's semantic tags of what is not a disorder
    | {"finding", "clinical finding", "morphologic abnormality", "body structure", "event"}
    | {"qualifier value", "situation", "procedure", "observable entity"}
)
_DROPPING_TAG_STARTS = ("type of ", "formerly ", "former ")  # "(type of DW complex)"
_TAG = re.compile(r"\s*[(\[]\s*([^()\[\]]+?)\s*[)\]]")
_MARKUP = re.compile(
    r"@|_|\(\s*&|\"\"|,\s*formerly\s*$|[,\s]include[d]?\s*$|,\s*isolated cases\b", re.IGNORECASE
)
# A number glued to letters: a subtype ("84A", "46XY"), or a Roman numeral at the start of a
# word that a source turned into a number ("LA" -> "50A", "LID" -> "51D").
_GLUED = re.compile(r"(?<![\w-])(\d+)([A-Za-z]+)\b")
_ROMAN: tuple[tuple[int, str], ...] = (
    *((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l")),
    *((40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")),
)
# Below 40 a number before letters is a subtype ("1A", "2B"), and so are its Roman forms
# ("IA", "IIB"): too ambiguous to read as a word.
_ROMAN_WORD_FROM = 40
_LETTERS = re.compile(r"[a-z]+")
# A Roman numeral up to 39, alone or before a subtype's letter ("ii", "ib"), in a normalized name.
_SMALL_ROMAN = re.compile(r"(x{0,3}(?:ix|iv|v?i{0,3}))([a-h]?)")
_ROMAN_LETTERS = {"i": 1, "v": 5, "x": 10}

# Names that hurt the people who have the disease, and that their families and clinicians no
# longer use: never shown ("happy puppet syndrome" for Angelman syndrome, "catch 22" for
# 22q11.2 deletion syndrome, "amaurotic idiocy").
_HURTFUL = re.compile(r"\bpuppet|\bcatch ?22\b|\bidioc|\bidiot|\bimbecil|\bmoron", re.IGNORECASE)
_SUSCEPTIBILITY = re.compile(r"\bsuscepti", re.IGNORECASE)
# A susceptibility that is part of what the disease is, not the disease it makes likely.
_OWN_SUSCEPTIBILITY = re.compile(
    r"\bwith (?:an )?(?:increased )?susceptib|\bsusceptibility syndrome\b|\bmendelian susceptib",
    re.IGNORECASE,
)
# What a name says of another thing than the disease, each kind named.
_QUALIFIER = re.compile(
    r"(?P<protection>\bprotect\w* against\b)|(?P<risk>\breduced risk\b)"
    r"|(?P<modifier>\bmodifiers?\b)|(?P<trait>\bQTL\b|\bquantitative trait)"
    r"|(?P<somatic>,\s*somatic\b|\bsomatic mutation)"
    # "alfa" is how medicines' international names spell alpha ("aglucosidase alfa", the
    # enzyme given for Pompe disease); diseases' names say "alpha".
    r"|(?P<medicine>\balfa\b)",
    re.IGNORECASE,
)
_FINDING = re.compile(
    r"^(?:excess|excessive|increased|elevated|raised|decreased|reduced|deficient)\b",
    re.IGNORECASE,
)
_DISEASE_WORD = re.compile(r"\b(?:syndrome|disease|disorder|deficiency)\b", re.IGNORECASE)
# "X, susceptibility to", "X, deficiency of, 1", "X, susceptibility to 1": X was moved first.
_ENDS_WITH_PREPOSITION = re.compile(
    r",[^,]*\b(?:to|of|against|for|in|by|with|from|on)(?:\s+\d\w*|\s*,\s[^,]{0,30})*$",
    re.IGNORECASE,
)
_GENERIC_HEAD_FIRST = re.compile(r"^(?:syndrome|disease|disorder)s?\s*,", re.IGNORECASE)
# Two names in one: "SLE - lupus erythematosus, systemic", "trisomy 21 (Down syndrome)".
_JOINED = re.compile(r"\s+-\s+|\s*[()\[\]]\s*")
_JOINS = re.compile(r" - |[(\[]")
# Words that add nothing to a name: "X", "X syndrome" and "X defect" name the same disease.
_GENERIC = frozenset({"syndrome", "disease", "disorder", "defect", "anomaly", "the"})
_FILLER = _GENERIC | {"type"}
_WORD = re.compile(r"[^\W_]+(?:['\u2019\u02bc]s\b)?")  # a word as normalize_name keeps it
_PREPOSITIONS = frozenset({"of", "in", "with", "to", "from", "after", "by", "for", "on"})


Keys = tuple[str, str]  # the keys a name is one with another's by (see keys_of)


def _nowhere(_keys: Keys, _me: str, _label: bool) -> bool:
    return False


def _no_words() -> frozenset[str]:
    return frozenset()


class Known(NamedTuple):
    """What the rest of the catalogue says of names: whether a name belongs to another
    condition than `me` (`elsewhere(keys, me, label)`; for a label of `me`, only another
    condition's own name counts), and the words the catalogue's names use (asked for only when
    a name has a number glued to letters: pass a function that works them out once)."""

    elsewhere: Callable[[Keys, str, bool], bool] = _nowhere
    words: Callable[[], frozenset[str]] = _no_words


class _Candidate(NamedTuple):
    text: str
    keys: Keys
    words: tuple[str, ...]  # its words, small Roman numerals as numbers
    bag: tuple[str, ...]  # the same words whatever their order
    source: int  # ORPHANET, LABEL or SYNONYM


class _Own(NamedTuple):
    """The condition the names are of."""

    id: str
    name: str
    words: tuple[str, ...]
    stem: tuple[str, ...]  # its words without a generic ending ("prader willi")
    bags: set[tuple[str, ...]]  # of its name and of every candidate name
    qualifiers: frozenset[str | None]  # the kinds of _QUALIFIER its own name says
    susceptible: bool  # whether its own name speaks of a susceptibility
    inverted: bool  # whether its own name is a comma-inverted form ending with a preposition


def also_called(
    name: str,
    labels: Sequence[str] = (),
    synonyms: Sequence[str] = (),
    orphanet: Sequence[str] = (),
    known: Known | None = None,
    me: str = "",
) -> list[str]:
    """The names the condition `me`, named `name`, is shown to be also called, best first."""
    known = known or Known()
    own_key = normalize_name(name)
    words = _words(own_key)
    own_bag = _bag_of(words)
    own_squashed = keys_of(own_key, words)[1]
    candidates: list[_Candidate] = []
    # By normalized name, a name met already (most are): None for its own name, else the first
    # spelling, whose words the others share.
    met: dict[str, _Candidate | None] = {own_key: None}
    for source, texts in ((ORPHANET, orphanet), (LABEL, labels), (SYNONYM, synonyms)):
        for text in texts:
            cleaned = _clean(text)
            if not cleaned:
                continue
            key, found, keys = read_name(cleaned)
            if key in met:
                first = met[key]
                if first is not None and cleaned != first.text:
                    candidates.append(first._replace(text=cleaned, source=source))
                continue
            bag = _bag_of(found)
            item = _Candidate(cleaned, keys, found, bag, source)
            met[key] = item if bag and bag != own_bag and keys[1] != own_squashed else None
            if met[key] is not None:
                candidates.append(item)
    stem = words[:-1] if len(words) > 1 and words[-1] in _GENERIC else words
    own = _Own(
        me,
        name,
        words,
        stem,
        {own_bag} | {item.bag for item in candidates},
        frozenset(found.lastgroup for found in _QUALIFIER.finditer(name)),
        bool(_SUSCEPTIBILITY.search(name)),
        bool(_ENDS_WITH_PREPOSITION.search(name)),
    )
    groups: dict[tuple[str, ...], list[_Candidate]] = {}
    spelled: dict[str, tuple[str, ...]] = {}  # a name without spaces: the name it is kept as
    for item in candidates:
        bag = spelled.get(item.keys[1], item.bag)  # written with spaces or without
        if not _means_it(item, own, known):
            continue
        groups.setdefault(bag, []).append(item)  # with the other spellings of the name
        spelled[item.keys[1]] = bag
    shown = [
        (group[0].source, group[0].text if len(group) == 1 else max(group, key=_spelling).text)
        for group in groups.values()
    ]
    # Orphanet's and the catalogues' names before Mondo's; of those exact names, the short
    # (the ones people say, abbreviations first) before the long (descriptions). Mondo's
    # stay in its order, which puts abbreviations and eponyms first.
    shown.sort(key=lambda item: (item[0] == SYNONYM, item[0] != SYNONYM and len(item[1].split())))
    return [text for _, text in shown]


def _clean(text: str) -> str | None:
    """The name without SNOMED's tag of a disorder; None for a name holding its source's
    markup."""
    brackets = "(" in text or "[" in text
    for found in reversed(list(_TAG.finditer(text)) if brackets else []):
        tag = found.group(1).casefold()
        if tag in _DROPPING_TAGS or tag.startswith(_DROPPING_TAG_STARTS):
            return None
        if tag in _STRIPPED_TAGS:
            text = text[: found.start()] + text[found.end() :]
    text = " ".join(text.split())
    if _MARKUP.search(text) or text.count('"') % 2:
        return None
    # A bracket without its pair: a name cut short, or a letter the source's encoding broke
    # ("ChC)diak-Higashi disease").
    unpaired = text.count("(") != text.count(")") or text.count("[") != text.count("]")
    return None if unpaired else text


def _means_it(item: _Candidate, own: _Own, known: Known) -> bool:
    text = item.text
    if _roman_in_a_word(text, known) or _roman_twin(item, own) or _HURTFUL.search(text):
        return False
    if item.source != ORPHANET and (_another_thing(text, own) or _holds(item, own.words)):
        return False
    if _likened(item.words, own.stem) or _negated(item.words, own):
        return False
    if "," in text and (
        (not own.inverted and _ENDS_WITH_PREPOSITION.search(text))
        or _GENERIC_HEAD_FIRST.search(text)
    ):
        return False
    parts = [part for part in _JOINED.split(text) if part] if _JOINS.search(text) else []
    if len(parts) > 1 and any(_bag(part) in own.bags for part in parts):
        return False
    return not known.elsewhere(item.keys, own.id, item.source != SYNONYM)


def _another_thing(text: str, own: _Own) -> bool:
    """Whether a name speaks of another thing than the disease: a susceptibility to a
    disease, a protection against it, ..., or a finding."""
    if (
        not own.susceptible
        and _SUSCEPTIBILITY.search(text)
        and not _OWN_SUSCEPTIBILITY.search(text)
    ):
        return True
    if own.qualifiers:
        if any(found.lastgroup not in own.qualifiers for found in _QUALIFIER.finditer(text)):
            return True
    elif _QUALIFIER.search(text):
        return True
    return bool(_FINDING.search(text) and not _DISEASE_WORD.search(text))


def _holds(item: _Candidate, own: tuple[str, ...]) -> bool:
    """Whether a name is the condition's own name and more: followed by more than a generic
    word (a kind of it, a part of it, or it with a note: "Rett syndrome, atypical", "Down
    syndrome critical region"), after a preposition (something of it: "leukemia,
    megakaryoblastic, of Down syndrome"), or after words in lower case (a kind of it: "acute
    cerebral Gaucher disease", "autosomal hemophilia A"). A name or a capital before it, or one
    joined to it by a hyphen, makes a longer name of it ("Gilles de la Tourette syndrome",
    "Anderson-Fabry disease")."""
    words, size = item.words, len(own)
    if not size or len(words) <= size:
        return False
    for start in range(len(words) - size + 1):
        if words[start : start + size] == own:
            if start == 0:
                return not set(words[size:]) <= _GENERIC
            if words[start - 1] in _PREPOSITIONS:
                return True
            before = _before(item.text, start)
            return before.islower() and not before.rstrip().endswith("-")
    return False


def _before(text: str, count: int) -> str:
    """The text before its `count`th word (as normalize_name splits words)."""
    found = list(_WORD.finditer(text))
    return text[: found[count].start()] if count < len(found) else text


def _likened(words: tuple[str, ...], stem: tuple[str, ...]) -> bool:
    """Whether a name likens the disease to itself: "Prader-Willi-like syndrome"."""
    size = len(stem)
    return "like" in words and any(
        word == "like" and index >= size and words[index - size : index] == stem
        for index, word in enumerate(words)
    )


def _negated(words: tuple[str, ...], own: _Own) -> bool:
    """Whether a name says "non-" before a name of the disease: "HPA, non-PKU mild"."""
    if "non" not in words:
        return False
    for index, word in enumerate(words[:-1]):
        if word == "non":
            after = words[index + 1 :]
            names = [own.words, *(bag for bag in own.bags if len(bag) == 1)]
            if any(after[: len(found)] == found for found in names if found):
                return True
    return False


def _roman_in_a_word(text: str, known: Known) -> bool:
    """Whether a number glued to letters is a Roman numeral a source turned into a number at
    the start of a word: "50A" for "la", "51D" for "lid", read back as a word the catalogue's
    names use."""
    for found in _GLUED.finditer(text):
        number = int(found.group(1))
        if number >= _ROMAN_WORD_FROM and _roman(number) + found.group(2).lower() in known.words():
            return True
    return False


def _roman_twin(item: _Candidate, own: _Own) -> bool:
    """Whether the name is another of the condition's names with a word a source read as a
    Roman numeral and wrote as a number: "sarcoma family syndrome of 51 and Fraumeni" beside
    "... of Li and Fraumeni"."""
    if not any(word.isdigit() and int(word) >= _ROMAN_WORD_FROM for word in item.words):
        return False
    twin = tuple(
        _roman(int(word)) if word.isdigit() and int(word) >= _ROMAN_WORD_FROM else word
        for word in item.words
    )
    return _bag_of(twin) in own.bags


def _roman(number: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


@functools.lru_cache(maxsize=1 << 17)  # the catalogue's names, once each
def read_name(text: str) -> tuple[str, tuple[str, ...], Keys]:
    """A name's normalized key, its words (see `_words`) and its keys (see `keys_of`), worked
    out once per build: the catalogue's owners of names and each condition's names read the
    same 90,000."""
    key = normalize_name(text)
    words = _words(key)
    return key, words, keys_of(key, words)


def _words(key: str) -> tuple[str, ...]:
    """A normalized name's words, small Roman numerals as numbers ("type II" is "type 2",
    "type Ib" is "type 1b")."""
    return tuple([_arabic(word) for word in key.split()])


def _bag(text: str) -> tuple[str, ...]:
    return _bag_of(_words(normalize_name(text)))


def _bag_of(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words that tell a name from another, in any order: not a generic head ("Tourette
    disorder" is "Tourette syndrome") nor "type" ("glycogenosis type II" is "glycogenosis
    II")."""
    return tuple(sorted(word for word in words if word not in _FILLER))


def keys_of(key: str, words: tuple[str, ...] | None = None) -> Keys:
    """The keys a normalized name is one with another by: its words in any order, small Roman
    numerals as numbers ("type II achondrogenesis" is "achondrogenesis type 2"), and its
    letters without spaces ("velo-cardio-facial" is "velocardiofacial"), neither with the
    "chromosome" of "chromosome 22q11.2 deletion syndrome"."""
    if words is None:
        words = _words(key)
    if key.startswith("chromosome "):
        key, words = key.removeprefix("chromosome "), words[1:]
    return " ".join(sorted(words)), key.replace(" ", "")


def _arabic(word: str) -> str:
    if word[:1] not in _ROMAN_LETTERS:  # most words: no Roman numeral to read
        return word
    found = _SMALL_ROMAN.fullmatch(word)
    if found is None or not found.group(1):
        return word
    numeral, rest = found.group(1), found.group(2)
    value = 0
    for index, letter in enumerate(numeral):
        worth = _ROMAN_LETTERS[letter]
        later = _ROMAN_LETTERS[numeral[index + 1]] if index + 1 < len(numeral) else 0
        value += -worth if worth < later else worth
    return f"{value}{rest}"


def _spelling(item: _Candidate) -> tuple[bool, bool, bool, int, int]:
    """How well a name is written, of spellings with the same words: in natural order (not
    comma-inverted), not in capitals throughout, not in Title Case, with the most capitals
    and hyphens kept ("Ehlers-Danlos", "Gilles de la Tourette"). `max` keeps the first of
    equals."""
    text = item.text
    words = text.split()
    several = len(words) > 1
    title = several and all(word[:1].isupper() for word in words if word[:1].isalpha())
    return (
        "," not in text,
        not (several and text.isupper()),
        not title,
        sum(map(str.isupper, text)),
        text.count("-"),
    )
