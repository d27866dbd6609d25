"""Writing exported pages: whole files or none, never over a file unless asked."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from pathlib import Path

from condlookup.errors import CondlookupError


def file_name(condition_id: str) -> str:
    """'ORPHA:1183' -> 'ORPHA-1183.md': ids as safe file names."""
    return re.sub(r"[^A-Za-z0-9._-]", "-", condition_id) + ".md"


def as_created(handle: int) -> None:
    """Give a temporary file the mode a file created in its place would have (0644 under the
    usual umask of 022): mkstemp makes it 0600, which a web server or a colleague cannot read."""
    umask = os.umask(0o022)
    os.umask(umask)
    os.fchmod(handle, 0o666 & ~umask)


def write_file(folder: Path, condition_id: str, text: str, force: bool = False) -> Path:
    target = folder / file_name(condition_id)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if target.exists() and not force:
            raise CondlookupError(f"{target} already exists", hint="add --force to replace it")
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".export-", suffix=".tmp")
        try:
            as_created(handle)
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
            os.replace(temporary, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
    except OSError as err:
        raise CondlookupError(f"cannot write {target}: {err.strerror or err}") from None
    return target
