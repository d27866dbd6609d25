"""Files fetched over HTTP(S) within limits: a wait for each step, a size for each file, and a
deadline for the whole session.

A per-read timeout alone does not bound a download: a server that sends one byte every few
seconds never trips it. So each session has a deadline, and a timer shuts its sockets when it
passes, which ends whatever read is blocked on them. Imported by `update` alone.
"""

import contextlib
import http.client
import math
import os
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from http.client import HTTPException
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

from condlookup import __version__
from condlookup.errors import CondlookupError, UsageError

# Seconds to wait for the server at each step; CONDLOOKUP_HPO_TIMEOUT changes it.
TIMEOUT = 30.0
# Seconds a session (the release check, or the download of a release) may take in all;
# CONDLOOKUP_HPO_DEADLINE changes it. 15 minutes fetch the 44 MB of a release at 50 kB/s.
DEADLINE = 15 * 60.0
# The most either may be: a week is more than any download needs, and a timer cannot wait for
# ever (`inf` or 1e308 overflow it).
MOST_SECONDS = 7 * 24 * 3600.0
CHUNK = 256 * 1024

# (file name, bytes so far, total bytes or None): reported as a download goes on.
Progress = Callable[[str, int, int | None], None]
_Watch = Callable[[socket.socket], None]


class UpdateError(CondlookupError):
    """An update that could not be done: the release in use is unchanged."""


def _seconds(variable: str, default: float) -> float:
    """The seconds `variable` sets, or `default` when it is not set. A value that is no time to
    wait is a typo to fix: replaced in silence, it would not be the limit the user asked for."""
    given = os.environ.get(variable, "").strip()
    if not given:
        return default
    try:
        value = float(given)
    except ValueError:
        value = math.nan
    if not 0 < value <= MOST_SECONDS:  # nan is never in range
        raise UsageError(
            f"{variable}={given!r} is not a number of seconds",
            hint=f"give one above 0 and at most {MOST_SECONDS:.0f}, a week; unset, it is "
            f"{default:g}",
        )
    return value


def timeout() -> float:
    return _seconds("CONDLOOKUP_HPO_TIMEOUT", TIMEOUT)


def deadline() -> float:
    return _seconds("CONDLOOKUP_HPO_DEADLINE", DEADLINE)


def check_limits() -> None:
    """Raises UsageError for a time limit set to no number of seconds, before anything is
    fetched: a thread's timer would fail on it, and the request half done."""
    timeout()
    deadline()


class Session:
    """Requests that must all be done by one deadline; use it as a context manager."""

    def __init__(self, seconds: float | None = None) -> None:
        self.seconds = deadline() if seconds is None else seconds
        self._end = time.monotonic() + self.seconds
        self._expired = threading.Event()
        self._guard = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._timer = threading.Timer(self.seconds, self._expire)
        self._timer.daemon = True
        self._opener = urllib.request.build_opener(
            _HTTPHandler(self._watch), _HTTPSHandler(self._watch)
        )

    def __enter__(self) -> "Session":
        self._timer.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._timer.cancel()
        with self._guard:
            self._sockets.clear()

    def head(self, url: str, size: int) -> bytes:
        """At most the first `size` bytes of `url` (asked as a range, so a server that can
        sends only those)."""
        with self._opened(url, {"Range": f"bytes=0-{size - 1}"}) as response:
            try:
                data: bytes = response.read(size)
            except (HTTPException, OSError) as err:
                raise self._broken(url, err, reading=True) from None
        if self._expired.is_set():  # the read may have ended short because of it
            raise self._late(url)
        return data

    def save(self, url: str, target: Path, limit: int, progress: Progress | None) -> None:
        """`url` into `target`, refused once it is larger than `limit` bytes."""
        with self._opened(url) as response, target.open("wb") as out:
            length = response.headers.get("Content-Length")
            total = int(length) if length and length.isdigit() else None
            if total is not None and total > limit:
                raise _too_large(url, target.name, limit, f"{_size(total)} announced, ")
            done = 0
            if progress is not None:
                progress(target.name, 0, total)
            while True:
                try:
                    chunk = response.read(min(CHUNK, limit + 1 - done))
                except (HTTPException, OSError) as err:
                    raise self._broken(url, err, reading=True) from None
                if self._expired.is_set():  # the read may have ended short because of it
                    raise self._late(url)
                if not chunk:
                    break
                done += len(chunk)
                if done > limit:
                    raise _too_large(url, target.name, limit)
                out.write(chunk)
                if progress is not None:
                    progress(target.name, done, total)
            if total is not None and done < total:
                raise UpdateError(f"{url}: the download broke off after {done} of {total} bytes")

    @contextlib.contextmanager
    def _opened(self, url: str, headers: dict[str, str] | None = None) -> Iterator[Any]:
        """A response for `url` (the usual proxy variables are honoured), or one line of why
        not."""
        request = urllib.request.Request(
            url, headers={"User-Agent": f"condlookup/{__version__}", **(headers or {})}
        )
        wait = min(timeout(), self._end - time.monotonic())
        if wait <= 0:
            raise self._late(url)
        try:
            response = self._opener.open(request, timeout=wait)
        except urllib.error.HTTPError as err:
            raise UpdateError(f"{url}: HTTP {err.code} {err.reason}") from None
        except urllib.error.URLError as err:
            if isinstance(err.reason, (TimeoutError, socket.timeout)):
                raise self._broken(url, err.reason) from None
            if self._expired.is_set():
                raise self._late(url) from None
            host = urlsplit(url).netloc or url
            raise UpdateError(f"cannot reach {host}: {_why(err.reason)}") from None
        except (HTTPException, OSError, ValueError) as err:
            raise self._broken(url, err) from None
        with response:
            yield response

    def _broken(self, url: str, err: BaseException, reading: bool = False) -> UpdateError:
        """Why a request failed; the deadline first, as its timer is what breaks a socket."""
        if self._expired.is_set() or time.monotonic() >= self._end:
            return self._late(url)
        if isinstance(err, TimeoutError):
            return UpdateError(f"{url}: no answer within {timeout():g} s")
        if reading:
            return UpdateError(f"{url}: the download broke off ({_why(err)})")
        return UpdateError(f"{url}: {_why(err)}")

    def _late(self, url: str) -> UpdateError:
        return UpdateError(
            f"{url}: not done within the deadline of {self.seconds:g} s (CONDLOOKUP_HPO_DEADLINE)"
        )

    def _watch(self, sock: socket.socket) -> None:
        with self._guard:
            self._sockets.append(sock)
        if self._expired.is_set():
            _shut(sock)

    def _expire(self) -> None:
        self._expired.set()
        with self._guard:
            sockets = list(self._sockets)
        for sock in sockets:
            _shut(sock)


def _shut(sock: socket.socket) -> None:
    """End the reads blocked on `sock`: the plain socket's own shutdown, also for TLS (the
    TLS layer's would tear down its state under a read still using it)."""
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


def _too_large(url: str, name: str, limit: int, announced: str = "") -> UpdateError:
    return UpdateError(
        f"{url}: {announced}larger than the size limit for {name} ({_size(limit)}): "
        "not the file it should be"
    )


def _size(count: int) -> str:
    if count >= 1_000_000:
        return f"{count / 1e6:.0f} MB"
    if count >= 1000:
        return f"{count / 1000:g} kB" if count % 1000 == 0 else f"{count / 1000:.1f} kB"
    return f"{count} bytes"


def _why(err: object) -> str:
    if isinstance(err, OSError) and err.strerror:
        return err.strerror
    return str(err) or type(err).__name__


class _HTTPConnection(http.client.HTTPConnection):
    """A connection that hands its socket to the deadline's watch once it is connected."""

    def __init__(self, *args: Any, watch: _Watch | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._watch = watch

    def connect(self) -> None:
        super().connect()
        if self._watch is not None:
            self._watch(self.sock)


class _HTTPSConnection(_HTTPConnection, http.client.HTTPSConnection):
    """The same over TLS: `connect` above wraps HTTPSConnection's, so the socket it hands on
    is the TLS one."""


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, watch: _Watch) -> None:
        super().__init__()
        self._watch = watch

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_HTTPConnection, req, watch=self._watch)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, watch: _Watch) -> None:
        super().__init__()
        self._watch = watch

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_HTTPSConnection, req, watch=self._watch)
