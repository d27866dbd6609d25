"""The one place that writes to the terminal: chooses plain or Rich, pages, prints errors."""

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from condlookup.text import safe

if TYPE_CHECKING:
    from rich.console import Console, RenderableType


def styled() -> bool:
    """Rich output only for a real terminal that has not asked for plain text."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return sys.stdout.isatty()


def terminal() -> bool:
    """Output to a terminal, styled or not: paging is for this, colour is `styled()`'s choice."""
    return sys.stdout.isatty()


def write(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def write_json(data: Any, lines: bool = False) -> None:
    """JSON, indented; or, with `lines`, on one line (JSON Lines: one object per line)."""
    import json  # noqa: PLC0415

    write(json.dumps(data, ensure_ascii=False, indent=None if lines else 2) + "\n")


def _console() -> "Console":
    from rich.console import Console  # noqa: PLC0415 - Rich is only for terminals

    return Console(highlight=False, emoji=False, markup=False)


def show(renderable: "RenderableType", pager: bool = False) -> None:
    """Print a renderable; through the pager when asked and taller than the terminal.

    The page is rendered once, to text with its styles, and that text is either written
    or handed to the pager.
    """
    console = _console()
    with console.capture() as capture:
        console.print(renderable)
    _paged(capture.get(), pager, console.height)


def page(text: str, pager: bool = False) -> None:
    """Plain text, through the pager when asked, on a terminal and taller than it.

    `NO_COLOR` asks for no colour, not for no pager: a tall page in plain text pages too.
    """
    if pager and terminal():
        import shutil  # noqa: PLC0415

        _paged(text, pager, shutil.get_terminal_size().lines)
        return
    write(text)


def _paged(text: str, pager: bool, height: int) -> None:
    if pager and text.count("\n") > height:
        import pydoc  # noqa: PLC0415

        # less needs -R to show colours; -F quits at once if the text fits after all.
        os.environ.setdefault("LESS", "-RFX")
        pydoc.pager(text)
        return
    write(text)


def error(message: str, hint: str | None = None) -> None:
    """One line on stderr."""
    line = f"condlookup: error: {message}"
    if hint:
        line += f" ({hint})"
    sys.stderr.write(safe(line.replace("\n", " ")) + "\n")


def notice(message: str) -> None:
    sys.stderr.write(safe(f"condlookup: {message}") + "\n")


def warning(message: str) -> None:
    """One line on stderr that does not stop the command."""
    sys.stderr.write(safe(f"condlookup: warning: {message}".replace("\n", " ")) + "\n")


def download_progress() -> Callable[[str, int, int | None], None]:
    """A callback for downloads: a Rich bar per file on a terminal, else one line per file."""
    state: dict[str, Any] = {}

    def report(name: str, done: int, total: int | None) -> None:
        if state.get("file") != name:
            if "bar" in state:
                state["bar"][0].stop()
                del state["bar"]
            state["file"] = name
            if sys.stderr.isatty() and not os.environ.get("NO_COLOR"):
                from rich.console import Console  # noqa: PLC0415
                from rich.progress import (  # noqa: PLC0415
                    BarColumn,
                    DownloadColumn,
                    Progress,
                    TextColumn,
                    TransferSpeedColumn,
                )

                progress = Progress(
                    TextColumn("{task.description}"),
                    BarColumn(),
                    DownloadColumn(),
                    TransferSpeedColumn(),
                    console=Console(stderr=True),
                    transient=True,
                )
                progress.start()
                state["bar"] = (progress, progress.add_task(f"downloading {name}", total=total))
            else:
                size = f" ({total / 1e6:.1f} MB)" if total else ""
                notice(f"downloading {name}{size}")
        if "bar" in state:
            progress, task = state["bar"]
            progress.update(task, completed=done)
            if total is not None and done >= total:
                progress.stop()
                del state["bar"]

    return report


def build_progress() -> Callable[[str, float], None]:
    """A callback for index builds: a Rich progress bar on a terminal, else one notice line.

    Nothing is shown until a build reports, so commands that only read the index pay nothing.
    A build's first report says what it builds and about how long that takes.
    """
    state: dict[str, Any] = {}

    def report(stage: str, fraction: float) -> None:
        if not state:
            state["started"] = True
            if sys.stderr.isatty() and not os.environ.get("NO_COLOR"):
                from rich.console import Console  # noqa: PLC0415
                from rich.progress import Progress  # noqa: PLC0415

                progress = Progress(console=Console(stderr=True), transient=True)
                progress.start()
                state["bar"] = (progress, progress.add_task(stage, total=1.0))
            else:
                notice(stage)
        if "bar" in state:
            progress, task = state["bar"]
            progress.update(task, completed=fraction, description=stage)
            if fraction >= 1.0:
                progress.stop()

    return report
