"""Questions asked of the index: find one condition, search, list. No terminal here."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from condlookup.errors import CondlookupError, NotFoundError
from condlookup.index import Notify, PageFolder, open_index
from condlookup.paths import bundled_pages_dir
from condlookup.text import find_words, fold, normalize_name, words

if TYPE_CHECKING:
    from condlookup.models import Condition
    from condlookup.results import SearchResult, Summary

# Where the words matched, best first: (FTS5 column filter, label shown to the user).
_TIERS = (("{names}", "name"), ("{names symptoms}", "symptom"), ("", "text"))
_COLUMN_WEIGHTS = "10.0, 5.0, 1.0"


def default_folders() -> list[PageFolder]:
    return [PageFolder(bundled_pages_dir(), "curated")]


class Library:
    """The conditions, as the index holds them."""

    def __init__(self, connection: sqlite3.Connection, folders: Sequence[PageFolder]) -> None:
        self._db = connection
        self.folders = tuple(folders)

    @classmethod
    def open(
        cls, folders: Sequence[PageFolder] | None = None, notify: Notify | None = None
    ) -> Library:
        chosen = list(folders) if folders is not None else default_folders()
        return cls(open_index(chosen, notify), chosen)

    def close(self) -> None:
        self._db.close()

    # -- one condition --------------------------------------------------------------------

    def get(self, query: str) -> Condition:
        """The condition whose id, name, alias or code is `query`; never a guess."""
        key = normalize_name(query)
        rows = self._db.execute(
            "SELECT DISTINCT rowid, exact FROM names WHERE key = ?", (key,)
        ).fetchall()
        exact = {rowid for rowid, is_exact in rows if is_exact}
        found = exact or {rowid for rowid, _ in rows}
        if len(found) == 1:
            (rowid,) = found
            (data,) = self._db.execute(
                "SELECT data FROM conditions WHERE rowid = ?", (rowid,)
            ).fetchone()
            # Only `show` builds the page models: list and search never import them.
            import json  # noqa: PLC0415

            from condlookup.serialize import from_dict  # noqa: PLC0415

            return from_dict(json.loads(data))
        if found:
            names = self._names_of(sorted(found))
            raise NotFoundError(
                f"{query!r} names more than one condition: {', '.join(names)}",
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

    def search(self, query: str, *, specialist: str | None = None, limit: int = 20) -> SearchResult:
        """Conditions in which every word of `query` appears, best placed matches first."""
        from condlookup.results import SearchHit, SearchResult  # noqa: PLC0415 - not for show

        query_words = words(query)
        if not query_words:
            raise CondlookupError(
                f"nothing to search for in {query!r}", hint="give at least one word"
            )
        tier_of: dict[int, tuple[int, float]] = {}
        for tier, (columns, _label) in enumerate(_TIERS):
            for rowid, rank in self._match(query_words, columns).items():
                tier_of.setdefault(rowid, (tier, rank))
        rows = self._rows(list(tier_of))
        if specialist:
            wanted = fold(specialist)
            rows = {r: row for r, row in rows.items() if any(wanted in fold(s) for s in row[3])}
        ordered = sorted(rows, key=lambda r: (tier_of[r][0], tier_of[r][1], rows[r][1]))
        hits = []
        for rowid in ordered[: max(limit, 0)]:
            cond_id, name, source, specialists = rows[rowid]
            tier, rank = tier_of[rowid]
            relevance = -rank
            field, line = self._matched_line(rowid, query_words)
            hits.append(
                SearchHit(
                    id=cond_id,
                    name=name,
                    source=source,
                    score=round(len(_TIERS) - tier + relevance / (1 + relevance), 3),
                    matched_field=field,
                    line=line,
                    spans=tuple(find_words(line, query_words)),
                    specialists=specialists,
                )
            )
        return SearchResult(query=query, total=len(rows), hits=tuple(hits))

    def _match(self, query_words: list[str], columns: str) -> dict[int, float]:
        # Each word is quoted, so nothing the user types is read as FTS5 syntax.
        expression = " AND ".join(f'"{word}"*' for word in query_words)
        if columns:
            expression = f"{columns} : ({expression})"
        return dict(
            self._db.execute(
                f"SELECT rowid, bm25(search, {_COLUMN_WEIGHTS}) FROM search WHERE search MATCH ?",
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
        for (_columns, label), text in zip(_TIERS, row, strict=True):
            for line in text.splitlines():
                spans = find_words(line, query_words)
                hit = {fold(line[start:end]) for start, end in spans}
                if len(hit) > best[0]:
                    best = (len(hit), label, line)
        return best[1], _excerpt(best[2], query_words)

    # -- listing --------------------------------------------------------------------------

    def summaries(self, specialist: str | None = None) -> list[Summary]:
        from condlookup.results import Summary  # noqa: PLC0415

        found = []
        for cond_id, name, aliases, source, specialists, summary in self._db.execute(
            "SELECT id, name, aliases, source, specialists, summary FROM conditions "
            "ORDER BY name COLLATE NOCASE, id"
        ):
            item = Summary(
                id=cond_id,
                name=name,
                aliases=_split(aliases),
                source=source,
                specialists=_split(specialists),
                summary=summary,
            )
            if specialist and not any(fold(specialist) in fold(s) for s in item.specialists):
                continue
            found.append(item)
        return found

    def ids(self, prefix: str = "") -> list[str]:
        rows = self._db.execute("SELECT id FROM conditions ORDER BY id").fetchall()
        return [cond_id for (cond_id,) in rows if cond_id.startswith(prefix)]

    def counts(self) -> dict[str, int]:
        rows = self._db.execute("SELECT source, count(*) FROM conditions GROUP BY source")
        return dict(rows.fetchall())

    def page_dirs(self) -> list[Path]:
        return [folder.path for folder in self.folders]


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
