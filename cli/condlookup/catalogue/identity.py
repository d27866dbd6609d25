"""One disease, one condition: catalogue entries grouped by Mondo, and the families they form.

The HPO annotates many diseases twice, once as an Orphanet entry and once as an OMIM entry. The
rules, applied when the index is built (the README says the same):

- Entries that Mondo maps to one disease are one condition, whose id is the Mondo id
  (MONDO:0007947); every code of the disease finds it. An entry Mondo does not map joins the one
  Mondo disease whose label is its name (case and punctuation aside), if there is exactly one;
  else it keeps its own id (OMIM:..., ORPHA:..., DECIPHER:...).
- An entry that two Mondo diseases claim goes to the one with the lower number.
- A code that Mondo maps but the HPO release lacks is still a code of its disease (it finds the
  page), with nothing to annotate.
- A curated page stands for the disease its `codes.mondo` names and for the entries its ORPHA and
  OMIM codes name; those entries enrich the page instead of having pages of their own.
- A family is a Mondo disease with no entry of its own in this release, which a rare-disease
  catalogue lists (it has an Orphanet, OMIM or GARD code) and which has at least one annotated
  condition below it. It gets a page; a grouping class that no catalogue lists does not, nor
  does Mondo's root, "disease".
- Broader and narrower link the conditions that have pages, skipping classes that have none.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from condlookup.sources.mondo import Mondo, MondoClass
from condlookup.text import normalize_name

# Mondo's root, "disease": every condition is a kind of it, so it is no family to show.
MONDO_ROOT = "MONDO:0000001"
# A family page lists the features its types share: those shown by at least two of them (or by
# its one type), most shared first, at most this many.
SHARED_FEATURES = 40


@dataclass
class Entry:
    """One disease of phenotype.hpoa while the index is built."""

    id: str
    name: str
    # term -> (frequency, frequency text, onset term, the entry it comes from)
    phenotypes: dict[int, tuple[float | None, str | None, int | None, str]] = field(
        default_factory=dict
    )
    inheritance: set[int] = field(default_factory=set)
    onsets: set[int] = field(default_factory=set)


@dataclass
class Disease:
    """One catalogue condition while the index is built: one disease's entries, or a family."""

    id: str
    name: str
    entries: list[Entry]
    codes: list[str]  # every code that finds it, its id first
    names: list[str]  # labels in the catalogues: found as exactly as the name
    synonyms: list[str]  # other names people use: give way to another condition's label
    mondo: str | None = None

    @property
    def aliases(self) -> list[str]:
        """The names shown as "also called": every other label and synonym, once each."""
        seen = {normalize_name(self.name)}
        found = []
        for name in (*self.names, *self.synonyms):
            key = normalize_name(name)
            if key not in seen:
                seen.add(key)
                found.append(name)
        return found


@dataclass
class Identity:
    diseases: list[Disease]  # the catalogue's conditions, in id order
    curated: dict[int, list[Entry]]  # a page's rowid -> the entries it stands for
    page_mondo: dict[int, str]  # a page's rowid -> the Mondo disease it stands for
    # (broader, narrower) pairs of Mondo ids, both with a page
    relations: list[tuple[str, str]]


def group(
    entries: dict[str, Entry],
    pages: Sequence[tuple[int, Iterable[str], str | None]],
    mondo: Mondo | None,
    annotated: set[str],
) -> Identity:
    """Group the entries; `pages` gives each curated page's (rowid, codes, Mondo id), and
    `annotated` the entries that have phenotype annotations."""
    classes = mondo.classes if mondo else {}
    owner: dict[str, str] = {}  # a code -> the Mondo disease it belongs to
    for mondo_id in sorted(classes, key=_number):
        for code in classes[mondo_id].codes:
            owner.setdefault(code, mondo_id)
    page_of_code: dict[str, int] = {}
    page_of_mondo: dict[str, int] = {}
    page_mondo: dict[int, str] = {}
    for rowid, codes, page_mondo_id in pages:
        for code in codes:
            page_of_code.setdefault(code, rowid)
        if page_mondo_id and page_mondo_id in classes:
            page_of_mondo.setdefault(page_mondo_id, rowid)
            page_mondo[rowid] = page_mondo_id

    by_label: dict[str, list[str]] = {}
    for mondo_id, mondo_class in classes.items():
        if mondo_class.label:
            by_label.setdefault(normalize_name(mondo_class.label), []).append(mondo_id)

    curated: dict[int, list[Entry]] = {}
    by_mondo: dict[str, list[Entry]] = {}
    alone: list[Entry] = []
    for key in sorted(entries, key=_code_key):
        entry = entries[key]
        home = owner.get(key)
        if home is None:  # joins the one disease of its very name, if Mondo has one
            same = by_label.get(normalize_name(entry.name), [])
            home = same[0] if len(same) == 1 else None
        page = page_of_code.get(key)
        if page is None and home is not None:
            page = page_of_mondo.get(home)
        if page is not None:
            curated.setdefault(page, []).append(entry)
        elif home is not None:
            by_mondo.setdefault(home, []).append(entry)
        else:
            alone.append(entry)

    diseases = [_single(entry) for entry in alone]
    for mondo_id, found in by_mondo.items():
        diseases.append(_grouped(mondo_id, classes, found, owner))
    # Families: a listed Mondo disease without entries, above an annotated condition.
    with_annotations = {
        mondo_id
        for mondo_id, found in by_mondo.items()
        if any(entry.id in annotated for entry in found)
    } | set(page_of_mondo)
    above = _ancestors(with_annotations, classes)
    has_page = set(by_mondo) | set(page_of_mondo)
    for mondo_id in sorted(above - has_page - {MONDO_ROOT}, key=_number):
        mondo_class = classes[mondo_id]
        if mondo_class.label and any(owner.get(code) == mondo_id for code in mondo_class.codes):
            diseases.append(_grouped(mondo_id, classes, [], owner))
            has_page.add(mondo_id)
    diseases.sort(key=lambda disease: _code_key(disease.id))
    return Identity(diseases, curated, page_mondo, _relations(has_page, classes))


def shared_features(
    identity: Identity, own_terms: dict[str, set[int]]
) -> dict[str, tuple[set[str], list[tuple[int, int]]]]:
    """For each family: its annotated types (by Mondo id), and (term, types showing it) pairs."""
    narrower: dict[str, list[str]] = {}
    for up, down in identity.relations:
        narrower.setdefault(up, []).append(down)
    found = {}
    for disease in identity.diseases:
        if disease.entries:
            continue
        types: set[str] = set()
        stack = list(narrower.get(disease.id, ()))
        seen: set[str] = set()
        while stack:
            below = stack.pop()
            if below in seen:
                continue
            seen.add(below)
            if own_terms.get(below):
                types.add(below)
            stack += narrower.get(below, ())
        counts: dict[int, int] = {}
        for below in types:
            for term in own_terms[below]:
                counts[term] = counts.get(term, 0) + 1
        least = 2 if len(types) > 1 else 1
        ranked = sorted(
            ((term, count) for term, count in counts.items() if count >= least),
            key=lambda pair: (-pair[1], pair[0]),
        )
        found[disease.id] = (types, ranked[:SHARED_FEATURES])
    return found


def _single(entry: Entry) -> Disease:
    return Disease(entry.id, entry.name, [entry], [entry.id], [entry.name], [])


def _grouped(
    mondo_id: str, classes: dict[str, MondoClass], entries: list[Entry], owner: dict[str, str]
) -> Disease:
    mondo_class = classes[mondo_id]
    label = mondo_class.label
    codes = [mondo_id, *(code for code in mondo_class.codes if owner.get(code) == mondo_id)]
    codes += [entry.id for entry in entries if entry.id not in codes]
    name = display_name(label) if label else entries[0].name
    names = [name, *(entry.name for entry in entries)]
    return Disease(mondo_id, name, entries, codes, names, list(mondo_class.synonyms), mondo_id)


def display_name(label: str) -> str:
    """Mondo writes names in lower case ("spinal muscular atrophy"); a page starts with a
    capital, unless the first word is spelled with capitals inside, like a gene ("mTOR")."""
    first = label.split(" ", 1)[0]
    if first[:1].islower() and first[1:] == first[1:].lower():
        return label[:1].upper() + label[1:]
    return label


def _ancestors(start: set[str], classes: dict[str, MondoClass]) -> set[str]:
    """Every Mondo class above the ones in `start` (not themselves, unless above another)."""
    found: set[str] = set()
    stack = [parent for mondo_id in start for parent in _parents(classes, mondo_id)]
    while stack:
        mondo_id = stack.pop()
        if mondo_id not in found:
            found.add(mondo_id)
            stack += _parents(classes, mondo_id)
    return found


def _relations(pages: set[str], classes: dict[str, MondoClass]) -> list[tuple[str, str]]:
    """(broader, narrower) between classes with pages: the nearest ones on each path up."""
    pairs = set()
    for mondo_id in pages:
        seen: set[str] = set()
        stack = list(_parents(classes, mondo_id))
        while stack:
            parent = stack.pop()
            if parent in seen:
                continue
            seen.add(parent)
            if parent in pages:
                pairs.add((parent, mondo_id))
            else:
                stack += _parents(classes, parent)
    return sorted(pairs, key=lambda pair: (_number(pair[0]), _number(pair[1])))


def _parents(classes: dict[str, MondoClass], mondo_id: str) -> tuple[str, ...]:
    found = classes.get(mondo_id)
    return found.parents if found else ()


def _number(mondo_id: str) -> int:
    return int(mondo_id.partition(":")[2])


def _code_key(code: str) -> tuple[str, int]:
    prefix, _, number = code.partition(":")
    return prefix, int(number)
