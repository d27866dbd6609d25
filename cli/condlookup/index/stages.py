"""The catalogue half of the index as a table of stages, in the order they run: each source's
own step, then the step that puts the catalogue together.

A stage names the files it reads (their names, sizes and times key the catalogue half: a new
release of them rebuilds it, and nothing else does) and the step that reads them and writes
its tables. Adding a source is one reader in `condlookup.sources`, its tables in
`condlookup.catalogue.tables`, its step, and one entry in STAGES.

Imported on every run, since the fingerprint stats the files each stage names: the steps
import the catalogue's modules only when a build runs, and a digest shipped in the package is
named here by its path (beside its reader in `condlookup/sources/`), not by importing the
reader. A step reads the files its stage names, whatever they are: tests hand it others.
"""

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from condlookup.index.sources import Sources

if TYPE_CHECKING:
    from condlookup.catalogue.build import Catalogue

# (the index being built, what earlier stages found, this stage's files) -> facts for `meta`
Step = Callable[[sqlite3.Connection, "Catalogue", tuple[Path, ...]], dict[str, str]]


class Stage:
    """One stage. A plain class, not a NamedTuple: this module is loaded on every run, and a
    NamedTuple class costs a tenth of a millisecond to create."""

    __slots__ = ("files_of", "name", "share", "source", "step")

    def __init__(
        self,
        name: str,  # what the progress bar says while it runs
        source: str,  # what the first-build message says is read; "" for a step of its own
        files_of: Callable[[Sources], tuple[Path, ...]],
        step: Step,
        share: float,  # about what part of the build's time it takes, for the progress bar
    ) -> None:
        self.name, self.source, self.files_of = name, source, files_of
        self.step, self.share = step, share


def has_catalogue(sources: Sources) -> bool:
    """Whether there is a catalogue to build: the HPO files are its ground."""
    return sources.hpo is not None


def _obo(sources: Sources) -> tuple[Path, ...]:
    return (sources.hpo.obo,) if sources.hpo else ()


def _hpoa(sources: Sources) -> tuple[Path, ...]:
    return (sources.hpo.hpoa,) if sources.hpo else ()


def _mondo(sources: Sources) -> tuple[Path, ...]:
    return (sources.mondo,) if sources.mondo else ()


def _orphanet(sources: Sources) -> tuple[Path, ...]:
    return (sources.orphanet,) if sources.orphanet else ()


def _everyday(sources: Sources) -> tuple[Path, ...]:
    return (sources.everyday,) if sources.everyday else ()


def _genes(sources: Sources) -> tuple[Path, ...]:
    return (sources.hpo.genes,) if sources.hpo and sources.hpo.genes else ()


def _definitions(sources: Sources) -> tuple[Path, ...]:
    return sources.definitions


def _none(_sources: Sources) -> tuple[Path, ...]:
    return ()


def _hpo_terms(
    connection: sqlite3.Connection, catalogue: "Catalogue", files: tuple[Path, ...]
) -> dict[str, str]:
    from condlookup.catalogue import build  # noqa: PLC0415 - a build only, not every run

    return build.hpo_terms(connection, catalogue, files)


def _hpo_annotations(
    connection: sqlite3.Connection, catalogue: "Catalogue", files: tuple[Path, ...]
) -> dict[str, str]:
    from condlookup.catalogue import build  # noqa: PLC0415

    return build.hpo_annotations(connection, catalogue, files)


def _mondo_digest(
    connection: sqlite3.Connection, catalogue: "Catalogue", files: tuple[Path, ...]
) -> dict[str, str]:
    from condlookup.catalogue import build  # noqa: PLC0415

    return build.mondo(connection, catalogue, files)


def _orphanet_digest(
    connection: sqlite3.Connection, catalogue: "Catalogue", files: tuple[Path, ...]
) -> dict[str, str]:
    from condlookup.catalogue import build  # noqa: PLC0415

    return build.orphanet(connection, catalogue, files)


def _everyday_phrases(
    connection: sqlite3.Connection, catalogue: "Catalogue", files: tuple[Path, ...]
) -> dict[str, str]:
    from condlookup.catalogue import build  # noqa: PLC0415

    return build.everyday(connection, catalogue, files)


def _diseases(
    connection: sqlite3.Connection, catalogue: "Catalogue", files: tuple[Path, ...]
) -> dict[str, str]:
    from condlookup.catalogue import build  # noqa: PLC0415

    return build.diseases(connection, catalogue, files)


def _definitions_step(
    connection: sqlite3.Connection, catalogue: "Catalogue", files: tuple[Path, ...]
) -> dict[str, str]:
    from condlookup.catalogue import definitions, do_pages  # noqa: PLC0415

    digests = definitions.read(files)
    for found in digests:
        if found.origin == definitions.DO:  # its diseases the catalogue lacks: short pages
            do_pages.write(connection, found.entries)
    return definitions.write(connection, digests)


def _genes_step(
    connection: sqlite3.Connection, catalogue: "Catalogue", files: tuple[Path, ...]
) -> dict[str, str]:
    from condlookup.catalogue import build  # noqa: PLC0415

    return build.genes(connection, catalogue, files)


STAGES: tuple[Stage, ...] = (
    Stage("Reading the HPO terms", "the HPO files", _obo, _hpo_terms, 0.3),
    Stage("Reading the disease annotations", "the HPO files", _hpoa, _hpo_annotations, 0.15),
    Stage("Reading Mondo", "Mondo", _mondo, _mondo_digest, 0.05),
    Stage("Reading Orphanet", "Orphanet", _orphanet, _orphanet_digest, 0.02),
    Stage("Reading the everyday words", "", _everyday, _everyday_phrases, 0.01),
    Stage("Writing the diseases", "", _none, _diseases, 0.5),
    # After the diseases: a gene, and a definition, join the condition its code names.
    Stage("Reading the genes", "the HPO files", _genes, _genes_step, 0.03),
    Stage("Reading the definitions", "the definitions", _definitions, _definitions_step, 0.02),
)
