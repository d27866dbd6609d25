"""What `match` says, shared by every renderer: the heading, each result's points in words, a
case's lines."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from condlookup.matching.cases import CaseResult
    from condlookup.matching.ranking import Contribution, MatchHit, MatchResult
    from condlookup.matching.symptoms import SymptomTerm


MATCH_DISCLAIMER = (
    "A ranking of conditions by how well their recorded features fit these symptoms: "
    "information, not a diagnosis or medical advice. Talk to a doctor."
)


def symptom_notes(item: "SymptomTerm") -> list[str]:
    notes = [item.note] if item.note else []
    if item.options:
        terms = "; ".join(f"{name} ({hpo})" for hpo, name in item.options)
        notes.append(f"may stand for any of: {terms} (each condition counts the one it fits)")
    if item.alternatives:
        others = "; ".join(f"{name} ({hpo})" for hpo, name in item.alternatives)
        notes.append(f"other terms it could mean: {others}")
    return notes


def match_heading(result: "MatchResult") -> str:
    shown = len(result.hits)
    if result.genes:
        genes = ", ".join(result.genes[:GENES_NAMED])
        more = len(result.genes) - GENES_NAMED
        genes += f" and {more} more" if more > 0 else ""
        return (
            f"Best fits among the {result.total} conditions tied to the candidate genes "
            f"({genes}): {shown} shown; {result.unlinked} other conditions that explain a "
            "symptom are tied to none of them and left out (score: sum of the points below; "
            "higher fits better)"
        )
    return (
        f"Best fits: {shown} of the {result.total} conditions that explain at least one "
        "symptom (score: sum of the points below; higher fits better)"
    )


GENES_NAMED = 10


def hit_genes(hit: "MatchHit") -> str:
    """'gene: FBN1' for a result a candidate gene ties to the case."""
    return f"gene{'s' if len(hit.genes) > 1 else ''}: {', '.join(hit.genes)}" if hit.genes else ""


def contributions(hit: "MatchHit") -> str:
    """'Xerostomia, very frequent +4.2; Keratoconjunctivitis sicca: not recorded for this
    disease'."""
    from condlookup.catalogue.diseases import frequency_words  # noqa: PLC0415

    parts = []
    for part in hit.matched:
        if part.name is None:
            parts.append(not_recorded(part))
            continue
        frequency = frequency_words(part.frequency, None)
        if part.absent:
            parts.append(f"absent {part.name}, {frequency} here {part.points:+.1f}")
        elif part.together:
            parts.append(f"{together_words(part)} {part.points:+.1f}")
        else:
            parts.append(f"{part.name}, {frequency} {part.points:+.1f}")
    if hit.features:  # a condition tied to a candidate gene that explains nothing has none
        parts.append(prior_words(hit))
    return "; ".join(parts) or NOTHING_FITS


# What is said of a condition, tied to a candidate gene, that explains no finding.
NOTHING_FITS = "fits none of these findings"


def together_words(part: "Contribution") -> str:
    """'Hypodontia: not recorded for this disease, which has Conical incisor; 4 of the 9
    conditions that record Conical incisor have Hypodontia'."""
    finding, tie = part.query_name or part.query_hpo, part.together
    counts = f"{tie.shared} of the {tie.recorded}" if tie else "other"
    return (
        f"{not_recorded(part)}, which has {part.name}; {counts} conditions that record "
        f"{part.name} have {finding}"
    )


def not_recorded(part: "Contribution") -> str:
    """A finding the condition's description does not have, by its name."""
    return f"{part.query_name or part.query_hpo}: not recorded for this disease"


def prior_words(hit: "MatchHit") -> str:
    """'described by 43 features +0.9': what the condition's prior added."""
    noun = "feature" if hit.features == 1 else "features"
    return f"described by {hit.features} {noun} {hit.prior:+.1f}"


ABSENT_HEADING = "Absent (looked for, not found)"


def case_heading(found: "CaseResult") -> str:
    return f"Case {found.case.id} ({found.case.file})"


def skipped_line(found: "CaseResult") -> str | None:
    if not found.skipped:
        return None
    return f"Left out, not in this HPO release: {'; '.join(found.skipped)}"


def phenotype_frequency_value(frequency: float | None) -> str:
    from condlookup.catalogue.diseases import frequency_words  # noqa: PLC0415

    return frequency_words(frequency, None)
