"""Curated YAML pages to frozen dataclasses: safe loading, strict checking, every problem named.

Only this module sees raw YAML. It composes the YAML into nodes (never constructing Python
objects from tags), then walks the nodes against the dataclass fields in `models`, so that every
problem carries the file, line and column of the value at fault.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import types
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from condlookup.pages.models import Condition
from condlookup.pages.problems import Problem
from condlookup.records import Kind
from condlookup.text import UnreadableError, name_keys, read_text

MAX_FILE_BYTES = 512 * 1024
# What `condlookup new` writes where the author has still to write: `validate` names each one.
GAP = "FILL IN:"
_GAP_MARK = re.compile(r"FILL[ -]IN")
# Not a space, a control character, nor a character of no width (zero-width spaces and
# joiners, marks of direction, the byte order mark).
_VISIBLE = re.compile(r"[^\s\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202f\u2060-\u206f\ufeff]")
ID_PATTERN = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?")

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_NULL = "tag:yaml.org,2002:null"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_TYPE_NAMES = {
    _STR: "text",
    _INT: "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:bool": "true/false",
    _NULL: "nothing",
    _TIMESTAMP: "a date",
    "tag:yaml.org,2002:seq": "a list",
    "tag:yaml.org,2002:map": "a mapping",
}


class _Invalid:
    """Marks a value that failed to convert; its problem is already recorded."""


_INVALID = _Invalid()


@dataclass(frozen=True, slots=True)
class LoadedPage:
    condition: Condition
    # Where each name of the page was written, to point at duplicates across files.
    name_positions: tuple[tuple[str, int, int], ...]


def load_page(path: Path, source: Kind = "curated") -> tuple[LoadedPage | None, list[Problem]]:
    """Load one page. Returns the page, or None and the problems that stop it."""
    display = str(path)
    stem = path.stem
    if not ID_PATTERN.fullmatch(stem):
        message = (
            f"the file name {stem!r} is not a valid id: use lower-case letters, digits and "
            "hyphens, like charge-syndrome.yaml"
        )
        return None, [Problem(display, None, None, message)]
    try:
        text = read_text(path, MAX_FILE_BYTES)
    except UnreadableError as err:
        return None, [Problem(display, err.line, None, err.message)]
    reader = _Reader(display)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        values = reader.convert(root, Condition, "") if root is not None else None
    except RecursionError:  # [[[[...]]]]: a kilobyte can nest deeper than Python goes
        return None, [Problem(display, None, None, "invalid YAML: nested too deeply")]
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        message = f"invalid YAML: {err.problem or err.context}"
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        return None, [Problem(display, line, column, message)]
    except yaml.reader.ReaderError as err:  # a NUL byte: where, in one line
        line = text.count("\n", 0, err.position) + 1
        column = err.position - text.rfind("\n", 0, err.position)
        character = f"U+{err.character:04X}" if isinstance(err.character, int) else "a byte"
        message = f"invalid YAML: the control character {character} is not allowed"
        return None, [Problem(display, line, column, message)]
    except yaml.YAMLError as err:
        return None, [Problem(display, None, None, f"invalid YAML: {err}")]
    if root is None or values is None:
        return None, [Problem(display, None, None, "the file is empty")]
    if reader.problems or isinstance(values, _Invalid):
        return None, reader.problems
    condition = dataclasses.replace(values, id=stem, source=source, path=display)
    return LoadedPage(condition, tuple(reader.name_positions)), []


def load_pages(
    paths: Iterable[Path], source: Kind = "curated"
) -> tuple[list[LoadedPage], list[Problem]]:
    """Load many pages and check them against each other (duplicate ids and names)."""
    pages: list[LoadedPage] = []
    problems: list[Problem] = []
    for path in paths:
        page, found = load_page(path, source)
        problems.extend(found)
        if page is not None:
            pages.append(page)
    problems.extend(_duplicates(pages))
    return pages, problems


def _duplicates(pages: list[LoadedPage]) -> Iterator[Problem]:
    owners: dict[str, tuple[str, str]] = {}
    for page in pages:
        condition = page.condition
        if condition.id in owners:
            other = owners[condition.id][0]
            yield Problem(
                condition.path, None, None, f"duplicate id {condition.id!r} (also {other})"
            )
        for name, line, column in page.name_positions:
            for key in name_keys(name, derived=False):
                owner = owners.get(key)
                if owner is not None and owner[1] != condition.id:
                    message = f"the name {name!r} is already used by {owner[1]} ({owner[0]})"
                    yield Problem(condition.path, line, column, message, shared_name=True)
                    break
                owners[key] = (condition.path, condition.id)
        owners.setdefault(condition.id, (condition.path, condition.id))


class _Reader:
    """Walks composed YAML nodes against a dataclass, collecting every problem."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.name_positions: list[tuple[str, int, int]] = []
        self._seen: set[int] = set()
        self._alias_reported = False

    def problem(self, node: yaml.Node, message: str) -> _Invalid:
        mark = node.start_mark
        self.problems.append(Problem(self.path, mark.line + 1, mark.column + 1, message))
        return _INVALID

    def convert(self, node: yaml.Node, annotation: Any, where: str) -> Any:
        # An alias makes two places share one node; pages never need that, and refusing it
        # also defuses "billion laughs" alias bombs.
        if id(node) in self._seen:
            if self._alias_reported:  # once per file is enough
                return _INVALID
            self._alias_reported = True
            return self.problem(
                node, f"{where or 'the page'}: YAML aliases (*name) are not allowed"
            )
        self._seen.add(id(node))
        known = _TYPE_NAMES.get(node.tag)
        if known is None:
            return self.problem(node, f"{where or 'the page'}: the tag {node.tag!r} is not allowed")
        annotation, optional = _unwrap_optional(annotation)
        if optional and node.tag == _NULL:
            return None
        if dataclasses.is_dataclass(annotation):
            return self._mapping(node, typing.cast(type, annotation), where)
        if typing.get_origin(annotation) is tuple:
            return self._sequence(node, typing.get_args(annotation)[0], where)
        if annotation is date:
            return self._date(node, where)
        return self._text(node, where, allow_number=where.startswith("codes."))

    def _text(self, node: yaml.Node, where: str, allow_number: bool) -> str | _Invalid:
        accepted = (_STR, _INT) if allow_number else (_STR,)
        if not isinstance(node, yaml.ScalarNode) or node.tag not in accepted:
            return self.problem(node, f"{where}: expected text, found {_TYPE_NAMES[node.tag]}")
        value = str(node.value).strip()
        if not value:
            return self.problem(node, f"{where}: must not be empty")
        if _GAP_MARK.search(value):
            return self.problem(node, f"{where}: unfinished (replace the '{GAP}' text)")
        if any("\ud800" <= char <= "\udfff" for char in value):  # "\ud800" escaped in YAML
            return self.problem(node, f"{where}: holds a lone surrogate, which is no character")
        # Text must show something: "\u0000" or "\u200b" (a zero-width space) alone is a name
        # no one can read. Control characters beside text are shown as text, escaped.
        if not any(_VISIBLE.match(char) for char in value):
            return self.problem(node, f"{where}: holds no visible character")
        return value

    def _date(self, node: yaml.Node, where: str) -> date | _Invalid:
        if isinstance(node, yaml.ScalarNode) and node.tag in (_TIMESTAMP, _STR):
            try:
                return date.fromisoformat(str(node.value).strip())
            except ValueError:
                pass
        return self.problem(node, f"{where}: expected a date like 2026-11-25")

    def _sequence(self, node: yaml.Node, item: Any, where: str) -> tuple[Any, ...] | _Invalid:
        if not isinstance(node, yaml.SequenceNode):
            return self.problem(node, f"{where}: expected a list, found {_TYPE_NAMES[node.tag]}")
        values = [self.convert(child, item, f"{where}[{i}]") for i, child in enumerate(node.value)]
        if any(isinstance(value, _Invalid) for value in values):
            return _INVALID
        return tuple(values)

    def _mapping(self, node: yaml.Node, cls: type, where: str) -> Any:
        label = where or "the page"
        if not isinstance(node, yaml.MappingNode):
            return self.problem(node, f"{label}: expected a mapping, found {_TYPE_NAMES[node.tag]}")
        fields = {f.name: f for f in dataclasses.fields(cls) if not f.metadata.get("internal")}
        hints = _hints(cls)
        values: dict[str, Any] = {}
        failed = False
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR:
                self.problem(key_node, f"{label}: keys must be plain words")
                failed = True
                continue
            key = key_node.value
            path = f"{where}.{key}" if where else key
            if key not in fields:
                close = difflib.get_close_matches(key, list(fields), n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                allowed = ", ".join(fields)
                self.problem(key_node, f"{path}: unknown key{hint}; allowed keys: {allowed}")
                failed = True
                continue
            if key in values:
                self.problem(key_node, f"{path}: the key is given twice")
                failed = True
                continue
            value = self.convert(value_node, hints[key], path)
            if isinstance(value, _Invalid):
                failed = True
                values[key] = _INVALID
                continue
            if value is not None:
                failed |= not self._check(value_node, fields[key].metadata, value, path)
            values[key] = value
            if cls is Condition and key in ("name", "aliases"):
                self._remember_names(value_node, value)
        for name, fld in fields.items():
            if fld.metadata.get("required") and values.get(name) in (None, ()):
                what = "is missing" if name not in values else "must not be empty"
                self.problem(node, f"{where + '.' if where else ''}{name}: required, {what}")
                failed = True
        if failed:
            return _INVALID
        for name in fields:
            if values.get(name) is None and dataclasses.is_dataclass(hints[name]):
                values[name] = hints[name]()
            elif values.get(name) is None and typing.get_origin(hints[name]) is tuple:
                values[name] = ()
        return cls(**values)

    def _check(self, node: yaml.Node, meta: Any, value: Any, where: str) -> bool:
        choices = meta.get("choices")
        if choices and value not in choices:
            self.problem(node, f"{where}: {value!r} is not one of: {', '.join(choices)}")
            return False
        pattern = meta.get("pattern")
        if pattern and not re.fullmatch(pattern, value):
            self.problem(node, f"{where}: {value!r} is not in the expected form ({pattern})")
            return False
        return True

    def _remember_names(self, node: yaml.Node, value: Any) -> None:
        if isinstance(node, yaml.SequenceNode):
            for child, name in zip(node.value, value, strict=True):
                mark = child.start_mark
                self.name_positions.append((name, mark.line + 1, mark.column + 1))
        else:
            mark = node.start_mark
            self.name_positions.append((value, mark.line + 1, mark.column + 1))


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls)
    return _HINTS[cls]


def _unwrap_optional(annotation: Any) -> tuple[Any, bool]:
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        return args[0], True
    return annotation, False
