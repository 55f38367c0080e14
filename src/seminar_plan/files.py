"""The one way seminar-plan writes a file: never over an existing one without ``force``, and
whole or not at all (a temporary file in the same folder, then an atomic rename)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


class WriteError(Exception):
    """The file was not written; the message says why in one line."""


def safe_write(path: Path, data: str | bytes, *, force: bool = False) -> None:
    """Write ``data`` to ``path`` atomically; never replace an existing file unless ``force``."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if path.is_dir():
        raise WriteError(f"{path} is a folder; name a file to write")
    if path.exists() and not force:
        raise WriteError(f"{path} exists; pass --force to overwrite it")
    folder = path.parent if str(path.parent) else Path()
    if not folder.is_dir():
        raise WriteError(f"{path}: the folder {folder} does not exist")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise WriteError(f"{path}: cannot write in {folder} ({error.strerror or error})") from None
    try:
        # mkstemp makes an owner-only file; a printout or export gets the usual permissions,
        # or keeps those of the file it replaces.
        os.fchmod(handle, _mode_for(path))
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).replace(path)
    except OSError as error:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise WriteError(f"{path}: cannot write ({error.strerror or error})") from None


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
