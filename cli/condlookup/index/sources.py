"""What an index is built from: the page folders, the HPO files and the digests."""

from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from condlookup.pages.folders import PageFolder

Progress = Callable[[str, float], None]
Warn = Callable[[str], None]


class HpoFiles(NamedTuple):
    obo: Path
    hpoa: Path
    # genes_to_phenotype.txt, where the release folder has it: which genes the HPO ties to
    # which diseases.
    genes: Path | None = None

    @classmethod
    def in_folder(cls, folder: Path) -> "HpoFiles":
        genes = folder / "genes_to_phenotype.txt"
        return cls(folder / "hp.obo", folder / "phenotype.hpoa", genes if genes.is_file() else None)


class Sources(NamedTuple):
    """Everything an index is built from."""

    folders: tuple[PageFolder, ...]
    hpo: HpoFiles | None
    # The digest of Mondo that groups the catalogue's entries into diseases and families;
    # without it, each entry is a condition of its own.
    mondo: Path | None = None
    # The digest of Orphanet's facts (classification, inheritance, onset, prevalence, genes).
    orphanet: Path | None = None
    # condlookup's lexicon of everyday phrases for findings ("fits" is Seizure).
    everyday: Path | None = None
    # The digests of definitions `condlookup update` fetched (Orphanet's, the Disease
    # Ontology's), if any: shown credited, and DO's diseases the catalogue lacks.
    definitions: tuple[Path, ...] = ()
