"""Words and shapes shared by every renderer."""

from collections.abc import Iterator
from typing import TYPE_CHECKING

from condlookup.text import listed

if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import TypeAlias

    from condlookup.catalogue.diseases import CataloguePage, Phenotype
    from condlookup.catalogue.genes import Tie
    from condlookup.catalogue.links import Links
    from condlookup.catalogue.view import PageView
    from condlookup.matching.cases import CaseResult
    from condlookup.matching.ranking import MatchResult
    from condlookup.pages.models import Condition, Facts, Sections
    from condlookup.search import SearchResult

    # What a command hands to a renderer; each says which renderer shows it (`shown_as`).
    Shown: TypeAlias = PageView | SearchResult | MatchResult | CaseResult

DISCLAIMER = (
    "This is information, not a diagnosis or medical advice: "
    "talk to a doctor about your own situation."
)

FACT_LABELS = {
    "prevalence": "How common",
    "typical_onset": "Typical onset",
    "sex_ratio": "Who it affects",
    "inheritance": "Inheritance",
    "genes": "Genes",
    "outlook": "Outlook",
}

SECTION_TITLES = {
    "overview": "Overview",
    "causes": "Causes",
    "diagnosis": "Diagnosis",
    "treatment": "Treatment",
    "outlook": "Outlook",
    "when_to_see_a_doctor": "When to see a doctor",
    "living_with": "Living with it",
}

# The order of a page: the overview, then the symptoms, then the other sections.
SECTIONS_BEFORE_SYMPTOMS = ("overview",)


def specialist_hint(specialists: tuple[str, ...]) -> str:
    """'See a pediatric neurologist (children) or a neurologist.'"""
    if not specialists:
        return "See your doctor, who can refer you to the right specialist."
    named = [f"{_article(item)} {item}" for item in specialists]
    if len(named) == 1:
        return f"See {named[0]}."
    return f"See {', '.join(named[:-1])} or {named[-1]}."


def _article(noun: str) -> str:
    first = noun.split()[0] if noun.split() else noun
    if first.isupper() and first[:1] in "AEFHILMNORSX":  # ENT, MRI... read letter by letter
        return "an"
    return "an" if first[:1].lower() in "aeiou" else "a"


def facts(condition: "Condition") -> list[tuple[str, str]]:
    return [(FACT_LABELS[name], value) for name, value in _filled(condition.facts)]


def sections(condition: "Condition", before_symptoms: bool) -> list[tuple[str, str]]:
    found = []
    for name, value in _filled(condition.sections):
        if (name in SECTIONS_BEFORE_SYMPTOMS) == before_symptoms:
            found.append((SECTION_TITLES[name], value))
    return found


def _filled(group: "Facts | Sections") -> Iterator[tuple[str, str]]:
    for item in group.__dataclass_fields__.values():  # the dataclasses module is not needed
        value = getattr(group, item.name)
        if value:
            yield item.name, value


def blocks(text: str) -> list[tuple[str, str]]:
    """Paragraphs ("para", text) and bullet points ("bullet", text) of a section."""
    found: list[tuple[str, str]] = []
    lines: list[str] = []

    def flush() -> None:
        if lines:
            found.append(("para", " ".join(lines)))
            lines.clear()

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith(("- ", "* ")):
            flush()
            found.append(("bullet", line[2:].strip()))
        elif found and found[-1][0] == "bullet" and not lines and raw.startswith((" ", "\t")):
            found[-1] = ("bullet", f"{found[-1][1]} {line}")  # a bullet's wrapped line
        else:
            lines.append(line)
    flush()
    return found


def symptom_detail(name: str, hpo: str | None, frequency: str | None) -> str:
    """'Opsoclonus (HP:0010543), very frequent': the medical term after the plain words."""
    detail = f"{name} ({hpo})" if hpo else name
    return f"{detail}, {frequency}" if frequency else detail


def origin_line(condition: "Condition") -> str | None:
    """Where a user's page comes from, and the page it stands in for."""
    if condition.source != "user":
        return None
    line = f"Your page: {condition.path}"
    return f"{line} (replaces {condition.replaces})" if condition.replaces else line


def codes_line(condition: "Condition") -> str:
    return ", ".join(condition.codes.curies())


HPO_SITE = "https://hpo.jax.org"
HPO_CITATION = (
    "Gargano MA et al. The Human Phenotype Ontology in 2024: phenotypes around the world. "
    "Nucleic Acids Res. 2024;52(D1):D1333-D1346."
)


MONDO_SITE = "https://mondo.monarchinitiative.org"
MONDO_CITATION = (
    "Vasilevsky NA et al. Mondo: Unifying diseases for the world, by the world. medRxiv 2022."
)


def mondo_statement(version: str | None) -> str:
    """The credit Mondo's licence (CC BY 4.0) asks for, with the release."""
    return (
        f"Disease names, codes and families from the Mondo Disease Ontology (release "
        f"{version or 'unknown'}, CC BY 4.0; mappings CC0), {MONDO_SITE}."
    )


ORPHANET_SITE = "https://www.orpha.net"


GENES_LISTED = 12  # a condition's genes listed on its page; the rest counted


def gene_line(symbol: str, ties: "Sequence[Tie]") -> str:
    """A gene on a condition's page: 'FBN1: disease-causing (Orphanet); `condlookup show
    gene:FBN1`'."""
    from condlookup.catalogue.genes import ties_words  # noqa: PLC0415 - a page with genes

    return f"{symbol}: {ties_words(ties)}; `condlookup show gene:{symbol}`"


def gene_search_line(symbol: str) -> str:
    return f"{symbol} is a gene: `condlookup show gene:{symbol}` shows it; its conditions first."


def gene_named_note(symbol: str) -> str:
    return f"A gene is also named {symbol}: `condlookup show gene:{symbol}` shows it."


def orphanet_statement(version: str | None) -> str:
    """The credit Orphanet's licence (CC BY 4.0) asks for, with the version."""
    return (
        f"Classification, inheritance, onset, prevalence and genes from Orphanet (version "
        f"{version or 'unknown'}, CC BY 4.0), {ORPHANET_SITE}."
    )


# How many narrower conditions a page lists before it counts the rest.
TYPES_SHOWN = 40


def kind_of(links: "Links") -> str | None:
    """What a condition is a kind of: 'Charcot-Marie-Tooth disease (MONDO:0015626)', or None."""
    if not links.broader:
        return None
    return "; ".join(f"{name} ({cond_id})" for cond_id, name in links.broader)


def types_heading(links: "Links") -> str:
    return f"Types ({len(links.narrower)})"


def type_lines(links: "Links") -> list[str]:
    """One line per narrower condition, at most TYPES_SHOWN, then how many more."""
    lines = [f"{name} ({cond_id})" for cond_id, name in links.narrower[:TYPES_SHOWN]]
    more = len(links.narrower) - TYPES_SHOWN
    if more > 0:
        lines.append(f"... and {more} more (--json lists them all)")
    return lines


def features_heading(entry: "CataloguePage") -> str:
    if entry.types:
        return (
            f"Features of the {entry.types} diseases in this family, by organ system, "
            "most shared first"
        )
    return f"Features ({len(entry.phenotypes)}), by organ system, most frequent first"


def family_note(entry: "CataloguePage") -> str:
    return (
        f"A family of diseases, with no annotations of its own: the features listed are those "
        f"of the {entry.types} annotated diseases in it (its types and their own types), with "
        "how many of them show each."
    )


# How the mark under a catalogue page's first sentence names the sources of its facts.
_SOURCE_NAMES = {"Orphanet": "Orphanet", "HPO": "the HPO", "Mondo": "Mondo", "DECIPHER": "DECIPHER"}


def generated_mark(sources: tuple[str, ...]) -> str:
    """The quiet line under condlookup's own first sentence: who wrote it, from whose facts."""
    named = [_SOURCE_NAMES.get(source, source) for source in sources]
    whose = f" of {listed(named)}" if named else ""
    return f"condlookup's own summary, written from the facts{whose}."


def codes_label(codes: tuple[str, ...]) -> str:
    return ("Codes: " if len(codes) > 1 else "Code: ") + ", ".join(codes)


# A catalogue page shows the first few of its other names, best first; --json has them all.
NAMES_SHOWN = 6


def some_names(names: tuple[str, ...]) -> str:
    """'A, B, C, D, E, F (7 more with --json)'."""
    shown = names_list(names[:NAMES_SHOWN])
    more = len(names) - NAMES_SHOWN
    return f"{shown} ({more} more with --json)" if more > 0 else shown


def names_list(names: tuple[str, ...]) -> str:
    """Names joined by commas, or by semicolons when a name holds a comma: an old name of Rett
    syndrome, "autism, dementia, ataxia, and loss of purposeful hand use", must not read as
    four names."""
    return ("; " if any("," in name for name in names) else ", ").join(names)


# An HPO release older than this many months is worth an update (a new one comes about every
# two months).
STALE_MONTHS = 6


def release_age(found: str) -> str:
    """'2025-01-16 (22 months old: `condlookup update` fetches the newest)'."""
    from condlookup.sources.hpo import age_in_months  # noqa: PLC0415

    months = age_in_months(found)
    if months is None:
        return found
    if months > STALE_MONTHS:
        return f"{found} ({months} months old: `condlookup update` fetches the newest)"
    return f"{found} ({months} months old)"


def hpo_statement(release: str | None) -> str:
    """The acknowledgement the HPO's license asks every product to show, with the release."""
    return (
        f"This product uses the Human Phenotype Ontology (release {release or 'unknown'}). "
        f"Find out more at {HPO_SITE}."
    )


def phenotype_label(phenotype: "Phenotype") -> str:
    """'Xerostomia (dry mouth)': the HPO name, and its plain name where the HPO has one."""
    plain = phenotype.plain_name
    return f"{phenotype.name} ({plain.lower()})" if plain else phenotype.name


def phenotype_frequency(phenotype: "Phenotype") -> str:
    from condlookup.catalogue.diseases import frequency_words  # noqa: PLC0415

    return frequency_words(phenotype.frequency, phenotype.frequency_text)


def phenotype_bar(phenotype: "Phenotype") -> str:
    """The bar of a feature: none for a figure counted in a few patients only."""
    from condlookup.catalogue.diseases import weighed  # noqa: PLC0415

    return bar(weighed(phenotype.frequency, phenotype.frequency_text))


def bar(frequency: float | None, width: int = 10) -> str:
    """A small bar for a frequency: '███████░░░'. Empty when the frequency is not known."""
    if frequency is None:
        return ""
    filled = max(1, round(frequency * width)) if frequency > 0 else 0
    return "█" * filled + "░" * (width - filled)


def by_category(phenotypes: "tuple[Phenotype, ...]") -> "list[tuple[str, list[Phenotype]]]":
    """Phenotypes (already ordered) grouped by organ system, keeping the order."""
    groups: dict[str, list[Phenotype]] = {}
    for item in phenotypes:
        groups.setdefault(item.category, []).append(item)
    return list(groups.items())


DERIVED_SPECIALISTS = (
    "(Suggested from the organ systems of its features; a family doctor can refer you.)"
)


def specialist_note(names: tuple[str, ...], because: tuple[str, ...]) -> str | None:
    """Why a catalogue page names each specialist, in a few words: '(Why: Orphanet classifies
    it as a rare neurologic disease (neurologist) and a rare genetic disease (clinical
    geneticist). A family doctor can refer you.)'"""
    if not names:
        return None
    if len(because) != len(names):  # an index without the reasons
        return DERIVED_SPECIALISTS
    groups: list[tuple[list[str], str]] = []  # the specialists named for each reason
    for name, why in zip(names, because, strict=True):
        shown = name.removesuffix(" (children)").removeprefix("pediatric ")
        if groups and groups[-1][1] == why:
            if shown not in groups[-1][0]:
                groups[-1][0].append(shown)
        else:
            groups.append(([shown], why))
    sentences: list[tuple[str, list[str]]] = []  # reasons told by one source, together
    for named, why in groups:
        source = next((start for start in _SAYS if why.startswith(start)), "")
        part = f"{why.removeprefix(source)} ({' and '.join(named)})"
        if source and sentences and sentences[-1][0] == source:
            sentences[-1][1].append(part)
        else:
            sentences.append((source, [part]))
    reasons = "; ".join(source + listed(parts) for source, parts in sentences)
    return f"(Why: {reasons}. A family doctor can refer you.)"


# How a specialist's reason starts when a source says it: said once for all it says.
_SAYS = ("Orphanet classifies it as ", "Mondo classes it as ")


def folded_annotations(counts: tuple[int, int, tuple[str, ...]]) -> str:
    terms, systems, origins = counts
    where = f"{' and '.join(origins)} and this page's symptom list" if origins else "this page"
    return (
        f"{terms} HPO phenotype terms in {systems} organ systems, from {where} "
        "(show them with --annotations)."
    )
