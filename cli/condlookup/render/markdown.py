"""Markdown for a blog or a wiki: headings, lists, links. Data is escaped, never markup."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from condlookup.render import common, outline
from condlookup.text import safe

if TYPE_CHECKING:
    from condlookup.catalogue.diseases import Phenotype
    from condlookup.catalogue.view import PageView

_SPECIAL = re.compile(r"([\\`*_\[\]{}#|!~])")


def escape(text: str) -> str:
    """Text as literal Markdown: HTML and Markdown punctuation escaped, control codes shown."""
    text = safe(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _SPECIAL.sub(r"\\\1", text)
    return re.sub(r"^([+-]|\d+\.)(\s)", r"\\\1\2", text)  # not a list item by accident


def table_cell(text: str) -> str:
    """A table cell: one line, whatever the text holds (a new line would end the row)."""
    return escape(" ".join(text.split()))


def link(title: str, url: str) -> str:
    if not re.fullmatch(r"https?://[^\s<>\"]+", url):
        return f"{escape(title)} ({escape(url)})"
    target = url.replace("(", "%28").replace(")", "%29")
    return f"[{escape(title)}]({target})"


def page(view: PageView) -> str:
    out: list[str] = []
    for block in outline.outline(view):
        out += _block(block)
    return "\n".join(out) + "\n"


def _block(block: outline.Block) -> list[str]:
    """The block's lines, each block ending with a blank line."""
    match block:
        case outline.FoundBy():
            return []  # how this reader's query found the page: not for a page published
        case outline.Title(text):
            return [f"# {escape(text)}", ""]
        case outline.Header(fields):
            lines = [
                f"*{escape(f'{field.label}: {field.value}')}*"
                if field.aside
                else f"**{escape(field.label)}:** {escape(field.value)}"
                for field in fields
            ]
            # A line break ends each line but the last: a Markdown hard break is two spaces.
            return [*(f"{line}  " for line in lines[:-1]), lines[-1], ""]
        case outline.Origin():
            return []  # a path on the user's machine: not for a page published elsewhere
        case outline.Lead(text, mark):
            quoted = [f"> {escape(text)}", ""]
            return [*quoted, f"*{escape(mark)}*", ""] if mark else quoted
        case outline.Note(text):
            return [escape(text), ""]
        case outline.Quoted(title, text, credit):
            return [f"## {title}", "", escape(text), "", f"*{escape(credit)}*", ""]
        case outline.KeyFacts(items):
            rows = [f"| {table_cell(item.label)} | {table_cell(item.value)} |" for item in items]
            return ["## Key facts", "", "| | |", "|---|---|", *rows, ""]
        case outline.Prose(title, text):
            return _section(title, text)
        case outline.Symptoms(items):
            lines = ["## Symptoms", ""]
            for symptom in items:
                detail = common.symptom_detail(symptom.name, symptom.hpo, symptom.frequency)
                lead = f"**{escape(symptom.description)}**: " if symptom.description else ""
                lines.append(f"- {lead}{escape(detail)}")
            return [*lines, ""]
        case outline.Bullets(title, items):
            return [f"## {title}", "", *(f"- {escape(item)}" for item in items), ""]
        case outline.Family(kind, types_heading, types):
            lines = ["## Family", ""]
            if kind:
                lines += [escape(f"A kind of: {kind}"), ""]
            if types:
                lines += [f"{types_heading}:", "", *(f"- {escape(item)}" for item in types), ""]
            return lines
        case outline.Features(title, phenotypes, folded):
            if phenotypes:
                return [f"## {title}", "", *_phenotypes(phenotypes)]
            return [f"## {title}", "", escape(folded or ""), ""]
        case outline.WhoToSee(hint, note):
            lines = ["## Who to see", "", escape(hint), ""]
            return [*lines, escape(note), ""] if note else lines
        case outline.Sources(items):
            return ["## Sources", "", *(f"- {link(title, url)}" for title, url in items), ""]
        case outline.Footer(lines):
            return ["---", "", "*" + " ".join(escape(line) for line in lines) + "*"]


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
