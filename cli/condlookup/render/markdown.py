"""Markdown for a blog or a wiki: headings, lists, links. Data is escaped, never markup."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from condlookup.render import common
from condlookup.text import safe

if TYPE_CHECKING:
    from condlookup.catalogue.diseases import CataloguePage, Links, Phenotype
    from condlookup.pages.models import Condition

_SPECIAL = re.compile(r"([\\`*_\[\]{}#|!~])")


def escape(text: str) -> str:
    """Text as literal Markdown: HTML and Markdown punctuation escaped, control codes shown."""
    text = safe(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _SPECIAL.sub(r"\\\1", text)
    return re.sub(r"^([+-]|\d+\.)(\s)", r"\\\1\2", text)  # not a list item by accident


def link(title: str, url: str) -> str:
    if not re.fullmatch(r"https?://[^\s<>\"]+", url):
        return f"{escape(title)} ({escape(url)})"
    target = url.replace("(", "%28").replace(")", "%29")
    return f"[{escape(title)}]({target})"


def page(
    condition: Condition,
    annotations: tuple[Phenotype, ...] = (),
    hpo_release: str | None = None,
    links: Links | None = None,
    mondo_version: str | None = None,
) -> str:
    out = [f"# {escape(condition.name)}", ""]
    if condition.aliases:
        out.append(f"*Also called: {escape(', '.join(condition.aliases))}*  ")
    if condition.codes.curies():
        out.append(f"**Codes:** {escape(common.codes_line(condition))}")
    if out[-1]:
        out.append("")
    out += [f"> {escape(condition.summary)}", ""]
    facts = common.facts(condition)
    if facts:
        out += ["## Key facts", "", "| | |", "|---|---|"]
        out += [f"| {escape(label)} | {escape(value)} |" for label, value in facts]
        out.append("")
    for title, text in common.sections(condition, before_symptoms=True):
        out += _section(title, text)
    out += ["## Symptoms", ""]
    for symptom in condition.symptoms:
        detail = escape(common.symptom_detail(symptom.name, symptom.hpo, symptom.frequency))
        lead = f"**{escape(symptom.description)}**: " if symptom.description else ""
        out.append(f"- {lead}{detail}")
    out.append("")
    for title, text in common.sections(condition, before_symptoms=False):
        out += _section(title, text)
    out += ["## Who to see", "", escape(common.specialist_hint(condition.specialists)), ""]
    if condition.related:
        out += ["## Related conditions", ""]
        out += [f"- {escape(item)}" for item in condition.related]
        out.append("")
    family = links is not None and (links.broader or links.narrower)
    if links is not None and family:
        out += ["## Family", ""]
        out += _family(links)
    if annotations:
        out += ["## HPO annotations", ""]
        out += _phenotypes(annotations)
    out += ["## Sources", ""]
    out += [f"- {link(source.title, source.url)}" for source in condition.sources]
    out += ["", "---", ""]
    footer = []
    if condition.reviewed:
        footer.append(f"Reviewed {condition.reviewed.isoformat()}.")
    if annotations:
        footer.append(escape(common.hpo_statement(hpo_release)))
    if family:
        footer.append(escape(common.mondo_statement(mondo_version)))
    footer.append(escape(common.DISCLAIMER))
    out.append("*" + " ".join(footer) + "*")
    return "\n".join(out) + "\n"


def catalogue_page(entry: CataloguePage) -> str:
    label, _, codes = common.codes_label(entry.codes).partition(" ")
    out = [f"# {escape(entry.name)}", ""]
    if entry.aliases:
        out.append(f"*Also called: {escape(', '.join(entry.aliases))}*  ")
    out.append(f"**{label}** {escape(codes)} (from the HPO catalogue)  ")
    kind = common.kind_of(entry.links)
    if kind:
        out.append(f"**A kind of:** {escape(kind.partition(': ')[2])}  ")
    if entry.inheritance:
        out.append(f"**Inheritance:** {escape(', '.join(entry.inheritance))}  ")
    if entry.onsets:
        out.append(f"**Onset and course:** {escape(', '.join(entry.onsets))}")
    if entry.types:
        out += ["", escape(common.family_note(entry))]
    if entry.links.narrower:
        out += ["", f"## {common.types_heading(entry.links)}", ""]
        out += [f"- {escape(line)}" for line in common.type_lines(entry.links)]
    if entry.phenotypes:
        out += ["", f"## {common.features_heading(entry)}", ""]
        out += _phenotypes(entry.phenotypes)
    else:
        out.append("")
    out += ["## Who to see", "", escape(common.specialist_hint(entry.specialists)), ""]
    out += [escape(common.DERIVED_SPECIALISTS), "", "## Sources", ""]
    out += [f"- {link(title, url)}" for title, url in entry.sources]
    out.append(
        f"- {link(f'HPO disease annotations, release {entry.hpo_release}', common.HPO_SITE)}"
    )
    out += ["", "---", ""]
    thanks = [common.hpo_statement(entry.hpo_release)]
    if entry.mondo_version:
        thanks.append(common.mondo_statement(entry.mondo_version))
    out.append(f"*{' '.join(escape(line) for line in [*thanks, common.DISCLAIMER])}*")
    return "\n".join(out) + "\n"


def _family(links: Links) -> list[str]:
    out = []
    kind = common.kind_of(links)
    if kind:
        out += [escape(kind), ""]
    if links.narrower:
        out += [f"{common.types_heading(links)}:", ""]
        out += [f"- {escape(line)}" for line in common.type_lines(links)]
        out.append("")
    return out


def _section(title: str, text: str) -> list[str]:
    out = [f"## {title}", ""]
    previous = ""
    for kind, value in common.blocks(text):
        if kind == "para" and previous == "bullet":
            out.append("")
        out.append(escape(value) if kind == "para" else f"- {escape(value)}")
        if kind == "para":
            out.append("")
        previous = kind
    if previous == "bullet":
        out.append("")
    return out


def _phenotypes(phenotypes: tuple[Phenotype, ...]) -> list[str]:
    out = []
    for category, items in common.by_category(phenotypes):
        out += [f"### {escape(category)}", ""]
        for item in items:
            label = escape(common.phenotype_label(item))
            out.append(f"- {label} ({item.hpo}): {escape(common.phenotype_frequency(item))}")
        out.append("")
    return out
