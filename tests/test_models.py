"""The page models behave as frozen dataclasses, with methods written once in `Record`."""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import pytest

from condlookup.pages.models import Codes, Condition, Sections, Source, Symptom
from condlookup.records import Record

SOURCE = Source(title="NORD", url="https://rarediseases.org")


def test_the_methods_are_shared_not_generated() -> None:
    for cls in (Codes, Sections, Symptom, Source, Condition):
        assert dataclasses.is_dataclass(cls)
        for method in ("__init__", "__eq__", "__hash__", "__repr__", "__setattr__"):
            assert getattr(cls, method) is getattr(Record, method), (cls, method)
        assert vars(cls)["__slots__"] == tuple(f.name for f in dataclasses.fields(cls))


def test_a_record_is_built_by_keyword_or_position_with_its_defaults() -> None:
    assert Source("NORD", "https://rarediseases.org") == SOURCE
    assert Codes(orpha="1183") == Codes("1183", None, None, None)
    assert Codes().curies() == ()
    page = Condition(name="X", summary="Y", sections=Sections(overview="Z"))
    assert (page.id, page.source, page.path) == ("", "curated", "")


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        (("a", "b", "c"), {}, "Source() takes at most 2 arguments"),
        (("a",), {"title": "b"}, "Source() got two values for 'title'"),
        ((), {"titel": "a"}, "Source() got unexpected 'titel'"),
    ],
)
def test_wrong_arguments_are_a_type_error(
    args: tuple[str, ...], kwargs: dict[str, str], message: str
) -> None:
    with pytest.raises(TypeError, match=re.escape(message)):
        Source(*args, **kwargs)


def test_a_record_is_frozen_hashable_and_compares_by_value() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        SOURCE.title = "other"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del SOURCE.url
    copy = Source(title="NORD", url="https://rarediseases.org")
    assert copy == SOURCE and hash(copy) == hash(SOURCE) and copy is not SOURCE
    assert Source(title="NORD", url="https://example.org") != SOURCE
    assert Codes(orpha="1") != Symptom(name="1")  # another class is never equal
    assert {copy, SOURCE} == {SOURCE}


def test_replace_asdict_and_repr_work_as_for_any_dataclass() -> None:
    changed = dataclasses.replace(SOURCE, title="Orphanet")
    assert changed == Source(title="Orphanet", url="https://rarediseases.org")
    assert dataclasses.asdict(Symptom(name="Ataxia", hpo="HP:0001251")) == {
        "name": "Ataxia",
        "description": None,
        "hpo": "HP:0001251",
        "frequency": None,
    }
    assert repr(SOURCE) == "Source(title='NORD', url='https://rarediseases.org')"
    reviewed = Condition(name="X", summary="Y", reviewed=date(2026, 11, 27)).reviewed
    assert reviewed == date(2026, 11, 27)
