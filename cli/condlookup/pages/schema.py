"""The JSON Schema of a page, generated from the model dataclasses (the format is written once)."""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date
from typing import Any

from condlookup import __version__
from condlookup.pages.models import Condition


def generate() -> dict[str, Any]:
    schema = _object(Condition, "")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "condlookup condition page",
        "description": f"A condition page for condlookup {__version__}: one YAML file per "
        "condition, the file name is its id.",
        **schema,
    }


def _object(cls: type, where: str) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    required = []
    for item in dataclasses.fields(cls):
        if item.metadata.get("internal"):
            continue
        meta = item.metadata
        annotation, optional = _unwrap(hints[item.name])
        prop = _type(annotation, item.name, required=bool(meta.get("required")))
        if meta.get("doc"):
            prop = {"description": meta["doc"], **prop}
        if meta.get("choices"):
            prop["enum"] = list(meta["choices"])
        if meta.get("pattern"):
            prop["pattern"] = f"^(?:{meta['pattern']})$"
        if where == "codes":  # a code may be written as a number: orpha: 1183
            prop["type"] = ["string", "integer"]
        if optional:  # an empty value (`key:`) is read as leaving the field out
            prop = {"anyOf": [prop, {"type": "null"}]}
        properties[item.name] = prop
        if meta.get("required"):
            required.append(item.name)
    out: dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        out["required"] = required
    out["additionalProperties"] = False
    return out


def _type(annotation: Any, where: str, required: bool = False) -> dict[str, Any]:
    if dataclasses.is_dataclass(annotation):
        return _object(typing.cast(type, annotation), where)
    if typing.get_origin(annotation) is tuple:
        item = typing.get_args(annotation)[0]
        array: dict[str, Any] = {"type": "array", "items": _type(item, where)}
        return {**array, "minItems": 1} if required else array
    if annotation is date:
        return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    return {"type": "string", "minLength": 1}


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        return args[0], True
    return annotation, False


def main() -> None:
    """Write the shipped schema file again: `python -m condlookup.pages.schema`."""
    import json  # noqa: PLC0415

    from condlookup.paths import schema_path  # noqa: PLC0415

    text = json.dumps(generate(), indent=2, ensure_ascii=False) + "\n"
    schema_path().write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
