"""The words of a short page of a disease the Disease Ontology defines and the catalogue lacks:
its credit, and what condlookup cannot say of it. Loaded for such a page only."""

DO_SITE = "https://disease-ontology.org"
OUTSIDE_CATALOGUE = (
    "This condition is outside condlookup's rare-disease catalogue: this short page gives "
    "the Human Disease Ontology's definition, names and class, and there is no symptom list "
    "for it, so `condlookup match` cannot suggest it."
)


def do_statement(version: str | None) -> str:
    """The credit the Disease Ontology asks for (CC0 1.0: a custom, not a condition)."""
    return (
        f"Definition, names and class from the Human Disease Ontology (release "
        f"{version or 'unknown'}, CC0 1.0), {DO_SITE}."
    )
