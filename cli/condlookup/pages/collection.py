"""The pages of every folder, in order: bundled first, then the user's, a later page replacing
an earlier one with the same id. Broken user pages are skipped with a warning; broken bundled
pages are an error (they are ours to fix)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from condlookup.pages.folders import PageFolder, page_files
from condlookup.pages.loader import load_pages
from condlookup.pages.models import Condition
from condlookup.pages.problems import Problem, ValidationError
from condlookup.text import name_keys

_SKIPPED = "page skipped; `condlookup validate` shows every problem"


@dataclass(frozen=True, slots=True)
class Collection:
    pages: tuple[Condition, ...]
    warnings: tuple[str, ...]


def collect(folders: Sequence[PageFolder]) -> Collection:
    by_id: dict[str, Condition] = {}
    warnings: list[str] = []
    for folder in folders:
        try:
            paths = page_files(folder.path)
        except OSError as err:
            if folder.source == "curated":
                raise ValidationError([Problem(str(folder.path), None, None, _why(err))]) from None
            warnings.append(f"{folder.path}: {_why(err)} (folder skipped)")
            continue
        loaded, problems = load_pages(paths, folder.source)
        if problems and folder.source == "curated":
            raise ValidationError(problems)
        # A shared name leaves both pages in; `_clashes` says so, for every folder at once.
        stopping = [problem for problem in problems if not problem.shared_name]
        broken = {problem.path: problem for problem in reversed(stopping)}
        warnings += [f"{problem} ({_SKIPPED})" for problem in _first_per_file(stopping)]
        for page in loaded:
            condition = page.condition
            if condition.path in broken:
                continue
            earlier = by_id.get(condition.id)
            if earlier is not None:
                condition = dataclasses.replace(condition, replaces=earlier.path)
            by_id[condition.id] = condition
    pages = tuple(by_id.values())
    return Collection(pages, tuple(warnings + _clashes(pages)))


def _first_per_file(problems: list[Problem]) -> list[Problem]:
    seen: dict[str, Problem] = {}
    for problem in problems:
        seen.setdefault(problem.path, problem)
    return list(seen.values())


def _clashes(pages: Sequence[Condition]) -> list[str]:
    """Names that two pages both claim, in one folder or in two: both pages stay, with a
    warning, and the name finds neither (`show` lists both ids): which page a user meant is
    theirs to say, and no page is lost to a name it shares."""
    owners: dict[str, Condition] = {}
    found = []
    for condition in pages:
        for name in condition.all_names:
            for key in name_keys(name, derived=False):
                owner = owners.setdefault(key, condition)
                if owner.id != condition.id:
                    found.append(
                        f"{condition.path}: the name {name!r} is also a name of {owner.id} "
                        f"({owner.path}); `show` will ask which one is meant"
                    )
    return found


def _why(err: OSError) -> str:
    if isinstance(err, FileNotFoundError):
        return "no such folder"
    if isinstance(err, NotADirectoryError):
        return "not a folder"
    return f"cannot read the folder: {err.strerror or err}"
