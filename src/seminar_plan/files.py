"""The one way seminar-plan writes a file, and the one way it reads one.

Writing: never over an existing file without ``force``, and whole or not at all.

A regular file is written to a temporary file in the same folder first. Without ``force`` it
is then hard-linked to its name, which fails if the name exists: of two writers started
together exactly one wins, and nothing is ever replaced between a check and a rename. With
``force`` the temporary file is renamed over the old one. A symbolic link is followed to the
file it names (as the shell's ``>`` does); a link that names nothing counts as an existing name.
A FIFO or a character device (``/dev/null``, a terminal) is written into, never replaced, and
``/dev/stdout``, ``/dev/stderr`` and ``/dev/fd/N`` write to that open descriptor.
"""

from __future__ import annotations

import contextlib
import enum
import errno
import os
import re
import stat
import tempfile
import time
from pathlib import Path

from seminar_plan.errors import SeminarPlanError


class WriteError(SeminarPlanError):
    """The file was not written; the message says why in one line."""


class Written(enum.Enum):
    """Where the data went: a file by that name, or a stream (device, FIFO, open descriptor)."""

    FILE = "file"
    STREAM = "stream"


# /dev/stdout and friends name a descriptor this process already holds.
_DESCRIPTOR = re.compile(r"/(?:dev/fd|proc/self/fd)/(\d+)")
_STANDARD = {"/dev/stdin": 0, "/dev/stdout": 1, "/dev/stderr": 2}
# Longer than this, a chain of links is a loop (Linux stops at 40 as well).
_MAX_LINKS = 40
# How long a FIFO may wait for its reader before the write is refused.
FIFO_WAIT_SECONDS = 5.0
# Filesystems without hard links answer with one of these.
_NO_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK}


def safe_write(path: Path, data: str | bytes, *, force: bool = False) -> Written:
    """Write ``data`` to ``path`` whole; never replace an existing file unless ``force``."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    target, descriptor = _resolve(path)
    if descriptor is not None:
        _write_descriptor(path, descriptor, payload)
        return Written.STREAM
    try:
        status: os.stat_result | None = target.stat()
    except FileNotFoundError:
        status = None
    except OSError as error:
        raise WriteError(f"{path}: cannot write ({_reason(error)})") from None
    if status is not None:
        if stat.S_ISDIR(status.st_mode):
            raise WriteError(f"{path} is a folder; name a file to write")
        if stat.S_ISFIFO(status.st_mode) or stat.S_ISCHR(status.st_mode):
            _write_special(path, target, payload, fifo=stat.S_ISFIFO(status.st_mode))
            return Written.STREAM
        if not stat.S_ISREG(status.st_mode):
            raise WriteError(f"{path} is not a regular file (a socket or a disk); not writing it")
    if not force and (status is not None or target != path):
        # target != path: a dangling link; writing through it needs --force like a file would.
        raise WriteError(f"{path} exists; pass --force to overwrite it")
    _write_file(path, target, payload, force=force)
    return Written.FILE


def _resolve(path: Path) -> tuple[Path, int | None]:
    """The path a write lands on (links followed), or the open descriptor it names."""
    current = path
    for _ in range(_MAX_LINKS):
        text = os.path.normpath(str(current))
        if text in _STANDARD:
            return current, _STANDARD[text]
        match = _DESCRIPTOR.fullmatch(text)
        if match:
            return current, int(match.group(1))
        try:
            if not current.is_symlink():
                return current, None
            link = current.readlink()
        except OSError as error:
            raise WriteError(f"{path}: cannot write ({_reason(error)})") from None
        current = Path(os.path.normpath(current.parent / link))
    raise WriteError(f"{path}: too many levels of symbolic links")


def _write_all(descriptor: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        view = view[os.write(descriptor, view) :]


def _write_descriptor(path: Path, descriptor: int, payload: bytes) -> None:
    if descriptor == 1:
        # Whatever the program already printed must come first.
        with contextlib.suppress(OSError, ValueError):
            import sys

            sys.stdout.flush()
    try:
        _write_all(descriptor, payload)
    except OSError as error:
        raise WriteError(f"{path}: cannot write ({_reason(error)})") from None


def _write_special(path: Path, target: Path, payload: bytes, *, fifo: bool) -> None:
    """Write into a FIFO or device; a FIFO with no reader is refused after a short wait."""
    flags = os.O_WRONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
    deadline = time.monotonic() + FIFO_WAIT_SECONDS
    try:
        while True:
            try:
                handle = os.open(target, flags | (os.O_NONBLOCK if fifo else 0))
                break
            except OSError as error:
                if not (fifo and error.errno == errno.ENXIO) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        try:
            if fifo:
                os.set_blocking(handle, True)
            _write_all(handle, payload)
        finally:
            os.close(handle)
    except OSError as error:
        if fifo and error.errno == errno.ENXIO:
            raise WriteError(f"{path} is a FIFO and nothing is reading it") from None
        raise WriteError(f"{path}: cannot write ({_reason(error)})") from None


def _write_file(path: Path, target: Path, payload: bytes, *, force: bool) -> None:
    folder = target.parent if str(target.parent) else Path()
    if not folder.is_dir():
        raise WriteError(f"{path}: the folder {folder} does not exist")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise WriteError(f"{path}: cannot write in {folder} ({_reason(error)})") from None
    try:
        try:
            # mkstemp makes an owner-only file; a printout or export gets the usual
            # permissions, or keeps those of the file it replaces.
            os.fchmod(handle, _mode_for(target))
            _write_all(handle, payload)
            os.fsync(handle)
        finally:
            os.close(handle)
        if force:
            Path(temporary).replace(target)
        else:
            _link_new(temporary, target)
    except FileExistsError:
        raise WriteError(f"{path} exists; pass --force to overwrite it") from None
    except OSError as error:
        raise WriteError(f"{path}: cannot write ({_reason(error)})") from None
    finally:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()


def _link_new(temporary: str, target: Path) -> None:
    """Give the finished file its name only if that name is free (FileExistsError if not)."""
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise
    except OSError as error:
        if error.errno not in _NO_LINKS:
            raise
        # No hard links here: claim the name with an exclusive create, then rename over it.
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        try:
            Path(temporary).replace(target)
        except OSError:
            with contextlib.suppress(OSError):
                target.unlink()
            raise


class ReadError(SeminarPlanError):
    """The file could not be read; the message says why (without the path)."""


class TooLargeError(ReadError):
    """The file is larger than the reader's limit."""


def special_kind(mode: int) -> str | None:
    """What a file that is not a regular one is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes.

    A FIFO, device or socket is refused without reading from it (reading one may never end):
    the file is opened without blocking and checked on the open descriptor, so nothing can be
    swapped in between a check and the read.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        handle = os.open(path, flags)
    except FileNotFoundError:
        raise ReadError("no such file") from None
    except IsADirectoryError:
        raise ReadError("is a folder, not a file") from None
    except PermissionError:
        raise ReadError("permission denied") from None
    except OSError as error:
        raise ReadError(f"cannot read ({_reason(error)})") from None
    try:
        status = os.fstat(handle)
        kind = special_kind(status.st_mode)
        if kind is not None:
            raise ReadError(f"is {kind}, not a file")
        if status.st_size > limit:
            raise TooLargeError(f"is larger than {limit // (1024 * 1024)} MB")
        os.set_blocking(handle, True)
        with os.fdopen(handle, "rb", closefd=False) as stream:
            data = stream.read(limit + 1)
    except OSError as error:
        raise ReadError(f"cannot read ({_reason(error)})") from None
    finally:
        os.close(handle)
    if len(data) > limit:
        raise TooLargeError(f"is larger than {limit // (1024 * 1024)} MB")
    return data


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        return 0o666 & ~_umask()


def _umask() -> int:
    """The process's umask, read without changing it where Linux allows (writers may race in
    threads; setting and restoring it would let one see the other's zero)."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    umask = os.umask(0o022)
    os.umask(umask)
    return umask


_BOM = "\ufeff"


def backup_path(path: Path) -> Path:
    """The first free name of ``NAME.bak``, ``NAME.bak.1``, ``NAME.bak.2``...: a backup never
    replaces an earlier one."""
    candidate = path.with_name(f"{path.name}.bak")
    number = 0
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.name}.bak.{number}")
    return candidate


def replace_text(path: Path, expected: str, text: str, *, backup: bool = True) -> Path | None:
    """Put ``text`` in place of the file at ``path``, which must still hold ``expected``
    (as read, without a byte-order mark; the mark is kept if the file has one).

    The old bytes go to ``backup_path(path)`` first unless ``backup`` is False; returns the
    backup's path. Raises ``WriteError`` and changes nothing if the file changed meanwhile.
    """
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise WriteError(f"{path}: cannot read it again ({error.strerror or error})") from None
    current = raw.decode("utf-8", "replace")
    mark = _BOM if current.startswith(_BOM) else ""
    if current.removeprefix(_BOM) != expected:
        raise WriteError(f"{path} changed since it was read; nothing was written, run it again")
    saved = None
    if backup:
        saved = backup_path(path)
        safe_write(saved, raw)
    safe_write(path, mark + text, force=True)
    return saved
