"""Waiting for a plan's files to change, by polling (no dependency, works on every system and
on network drives, where change notifications are unreliable)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path

# What identifies a file's version: its modification time and size (None: the file is gone).
Stamp = tuple[int, int] | None


def stamps(paths: Iterable[Path]) -> dict[Path, Stamp]:
    found: dict[Path, Stamp] = {}
    for path in paths:
        try:
            status = path.stat()
        except OSError:
            found[path] = None
        else:
            found[path] = (status.st_mtime_ns, status.st_size)
    return found


def wait_for_change(
    paths: Iterable[Path],
    *,
    interval: float = 0.5,
    sleep: Callable[[float], None] = time.sleep,
    polls: int | None = None,
) -> bool:
    """Return True once any of ``paths`` is written, created or removed; False after ``polls``
    looks without a change (None: wait for ever). An editor that saves by writing a new file
    and renaming it over the old one counts as a change."""
    watched = list(paths)
    before = stamps(watched)
    looked = 0
    while polls is None or looked < polls:
        sleep(interval)
        looked += 1
        if stamps(watched) != before:
            return True
    return False
