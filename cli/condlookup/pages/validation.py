"""`validate`: every problem in every file, pages checked alone and against each other."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from condlookup.pages.folders import PAGE_SUFFIXES, page_files
from condlookup.pages.loader import load_pages
from condlookup.pages.problems import Problem


@dataclass(frozen=True, slots=True)
class Report:
    files: int
    bad_files: int
    problems: tuple[Problem, ...]


def validate_paths(paths: Iterable[Path]) -> Report:
    files: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            if path.is_dir():
                files += page_files(path)
            elif path.exists():
                files.append(path)
            else:
                problems.append(Problem(str(path), None, None, "no such file or folder"))
        except OSError as err:
            problems.append(Problem(str(path), None, None, f"cannot read: {err.strerror}"))
    for path in files:
        if path.suffix not in PAGE_SUFFIXES:
            problems.append(Problem(str(path), None, None, "not a .yaml page"))
    _pages, found = load_pages(sorted(set(files)))
    problems += found
    bad = len({problem.path for problem in problems})
    return Report(files=len(files), bad_files=bad, problems=tuple(problems))
