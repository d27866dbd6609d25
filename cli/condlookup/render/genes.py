"""How pages and searches speak of genes: a gene on a condition's page, a gene's page, the line a
search by a gene's symbol starts with."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from condlookup.catalogue.gene_pages import GeneDisease, GenePage


def gene_lead(page: "GenePage") -> str:
    """A gene page's first sentence, from its ties alone."""
    count = len(page.diseases)
    causes = sum(item.ties[0].involvement.startswith("disease-causing") for item in page.diseases)
    said = f"{page.symbol} is a gene tied to {count} condition{'s' if count != 1 else ''}"
    if causes:
        said += f"; Orphanet says changes in it cause {causes} of them"
    return said + ". Each is listed with how the gene is involved and whose word that is."


def gene_disease_line(item: "GeneDisease") -> str:
    """A condition on a gene's page, with the first sentence of its own summary: what it is."""
    first = item.summary.split(". It ", 1)[0].rstrip(".")
    return f"{item.name} ({item.id}): {item.involvement}. {first}."


def gene_link(code: str) -> tuple[str, str]:
    prefix, _, number = code.partition(":")
    if prefix == "HGNC":
        return (
            f"HGNC, {code}",
            f"https://www.genenames.org/data/gene-symbol-report/#!/hgnc_id/{code}",
        )
    return f"NCBI Gene, {code}", f"https://www.ncbi.nlm.nih.gov/gene/{number}"
