"""The fingerprints of an index's sources: cheap enough to compute on every run.

Two of them, one for each half of the index: the catalogue's (the files its stages read) and
the whole index's (the catalogue's, and every page file).
"""

import contextlib
import os
import time
import zlib
from pathlib import Path

from condlookup import __version__
from condlookup.index.sources import Sources
from condlookup.index.stages import STAGES, has_catalogue
from condlookup.pages.folders import PAGE_SUFFIXES
from condlookup.paths import INDEX_SCHEMA, index_path

# A folder of more pages than this is not swept file by file on every run (10,000 stats cost
# about 25 ms, more than the whole start-up budget): its own modification time, which changes
# when a page is added, removed or renamed (and when an editor saves by writing a new file and
# renaming it), is checked on every run, and every file at most SWEEP_SECONDS after the last time.
LARGE_FOLDER = 2000
SWEEP_SECONDS = 60.0


def fingerprint(sources: Sources) -> str:
    """The whole index's: the catalogue's fingerprint, and the state of every page folder."""
    parts = [f"{INDEX_SCHEMA}\0{__version__}\0{catalogue_fingerprint(sources)}"]
    sweeps = _Sweeps()
    for folder in sources.folders:
        parts.append(f"{folder.source}\0{folder.path}\0{sweeps.state(folder.path)}")
    sweeps.save()
    return _checksum(parts)


def catalogue_fingerprint(sources: Sources) -> str | None:
    """The catalogue half's, from the files its stages read; None when there is no catalogue.

    Cheap to compute on every run: it only stats the files.
    """
    if not has_catalogue(sources):
        return None
    parts = [f"{INDEX_SCHEMA}\0{__version__}"]
    for stage in STAGES:
        for data in stage.files_of(sources):
            try:
                stat = data.stat()
                parts.append(f"{data}\0{stat.st_size}\0{stat.st_mtime_ns}")
            except OSError:
                parts.append(f"{data}\0missing")
    return _checksum(parts)


def _checksum(parts: list[str]) -> str:
    """Two checksums of the listing rather than a cryptographic hash: this detects change, it
    guards nothing, and importing hashlib alone costs more than the whole check."""
    listing = "\n".join(parts).encode("utf-8", "surrogateescape")  # any file name
    return f"{zlib.crc32(listing):08x}{zlib.adler32(listing):08x}{len(listing):x}"


def _sweep(folder: Path) -> tuple[int, str]:
    """The number of page files in a folder and a checksum of their names, sizes and times."""
    found = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.endswith(PAGE_SUFFIXES):
                    try:
                        stat = entry.stat()
                    except OSError:
                        continue
                    found.append(f"{entry.name}\0{stat.st_size}\0{stat.st_mtime_ns}")
    except OSError as err:
        return 0, f"unreadable {err.errno}"
    found.sort()
    return len(found), _checksum(found)


class _Sweeps:
    """What the last file-by-file sweep of each large folder found, kept beside the index."""

    def __init__(self) -> None:
        self.path = index_path().with_suffix(".sweeps")
        self.known: dict[str, tuple[int, float, str]] = {}
        self.changed = False
        try:
            for line in self.path.read_text(encoding="utf-8").splitlines():
                folder, mtime, swept, state = line.split("\t")
                self.known[folder] = (int(mtime), float(swept), state)
        except (OSError, ValueError, UnicodeDecodeError):
            self.known = {}

    def state(self, folder: Path) -> str:
        try:
            mtime = os.stat(folder).st_mtime_ns
        except OSError as err:
            return f"missing {err.errno}"
        now = time.time()
        known = self.known.get(str(folder))
        if known and known[0] == mtime and now - known[1] < SWEEP_SECONDS:
            return known[2]
        count, state = _sweep(folder)
        if count > LARGE_FOLDER:
            self.known[str(folder)] = (mtime, now, state)
            self.changed = True
        return state

    def save(self) -> None:
        if not self.changed:
            return
        lines = [f"{folder}\t{m}\t{t}\t{s}\n" for folder, (m, t, s) in self.known.items()]
        with contextlib.suppress(OSError):  # a cache that cannot be written only sweeps more
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}")
            temporary.write_text("".join(lines), encoding="utf-8")
            os.replace(temporary, self.path)
