"""Frozen records: the base of every model of the package (pages, catalogue, results).

Imports nothing of the package: every layer may use it. Also the closed sets every layer
names: where a condition comes from (Kind) and which conditions a command takes (Scope).
"""

from dataclasses import MISSING, Field, FrozenInstanceError, dataclass, field
from typing import Any, ClassVar, Literal, TypeVar, dataclass_transform


class Record:
    """What every model shares: a frozen record's constructor, equality, hash and text.

    Written once here rather than generated for each class: `dataclass(frozen=True)` compiles
    six functions per class when the module is imported, which cost every `show` of a page about
    a tenth of its start-up (32M of 330M instructions, counted with callgrind).
    """

    __slots__ = ()
    __dataclass_fields__: ClassVar[dict[str, Field[Any]]]

    def __init__(self, *args: Any, **values: Any) -> None:
        names = list(self.__dataclass_fields__)
        if len(args) > len(names):
            raise TypeError(f"{type(self).__name__}() takes at most {len(names)} arguments")
        for name, value in zip(names, args, strict=False):
            if name in values:
                raise TypeError(f"{type(self).__name__}() got two values for {name!r}")
            values[name] = value
        for name, item in self.__dataclass_fields__.items():
            if name in values:
                value = values.pop(name)
            elif item.default is not MISSING:
                value = item.default
            elif item.default_factory is not MISSING:
                value = item.default_factory()
            else:
                raise TypeError(f"{type(self).__name__}() is missing {name!r}")
            object.__setattr__(self, name, value)
        if values:
            unexpected = ", ".join(map(repr, values))
            raise TypeError(f"{type(self).__name__}() got unexpected {unexpected}")

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__dataclass_fields__)

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Record)
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__dataclass_fields__)
        return f"{type(self).__name__}({shown})"


_Model = TypeVar("_Model", bound=Record)


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def model(cls: type[_Model]) -> type[_Model]:
    """A frozen dataclass with slots whose methods come from `Record`."""
    return dataclass(init=False, repr=False, eq=False, slots=True)(cls)


# Where a condition comes from: a bundled page, the user's own page, the HPO catalogue.
Kind = Literal["curated", "user", "hpo"]
# Which conditions a command takes (`--source`): pages of either kind, the catalogue, or all.
Scope = Literal["curated", "hpo", "all"]
