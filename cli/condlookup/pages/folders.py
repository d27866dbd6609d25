"""Where pages live: the bundled folder, the user's folders, and the page files in a folder."""

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from condlookup.paths import data_dir

if TYPE_CHECKING:
    from condlookup.records import Kind

PAGE_SUFFIXES = (".yaml", ".yml")


class PageFolder(NamedTuple):
    path: Path
    source: "Kind"  # "curated" for the bundled pages, "user" for the user's own


def bundled_pages_dir() -> Path:
    """The pages shipped with the package.

    A wheel carries them inside the package; an editable install runs from the checkout, where
    they sit at the top level, beside `cli/`.
    """
    packaged = Path(__file__).parent.parent / "conditions"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "conditions"


def user_pages_dir() -> Path:
    """Where `condlookup new` writes pages when no other folder is named, and a page folder."""
    return data_dir() / "conditions"


def user_pages_dirs(data_dirs: Sequence[Path] = ()) -> list[Path]:
    """The user's page folders, in order: the default one if it exists, then CONDLOOKUP_PATH,
    then --data-dir. A later page with the same id replaces an earlier one."""
    found = []
    default = user_pages_dir()
    if default.is_dir():
        found.append(default)
    found += [
        Path(item) for item in os.environ.get("CONDLOOKUP_PATH", "").split(os.pathsep) if item
    ]
    found += list(data_dirs)
    return list(dict.fromkeys(found))


def new_pages_dir(data_dirs: Sequence[Path] = ()) -> Path:
    """Where `condlookup new` writes: the last --data-dir, the first CONDLOOKUP_PATH folder, or
    the default user folder."""
    if data_dirs:
        return data_dirs[-1]
    named = [item for item in os.environ.get("CONDLOOKUP_PATH", "").split(os.pathsep) if item]
    return Path(named[0]) if named else user_pages_dir()


def page_files(folder: Path) -> list[Path]:
    """The page files of a folder, sorted by name."""
    with os.scandir(folder) as entries:
        found = [Path(e.path) for e in entries if e.name.endswith(PAGE_SUFFIXES)]
    return sorted(found)
