"""The console script's entry: set up the process, run the command line, exit at once."""

from __future__ import annotations

import contextlib
import gc
import os
import sys


def main() -> None:
    # A run imports typer and pydantic, builds one large acyclic plan, and exits: the cyclic
    # garbage collector finds nothing to free, and costs about 5 ms of start-up and a third of
    # a 30,000-session check. Turned off here, before any import, and only for the command.
    gc.disable()
    if sys.argv[1:] == ["--version"]:
        # Editors and CI probe a tool with --version: answered as the command line answers it
        # (tests hold the two equal), without importing typer, which costs 5x this whole run.
        from seminar_plan import __version__

        sys.stdout.write(f"seminar-plan {__version__}\n")
        return
    from seminar_plan.cli import main as run

    try:
        run()
    except SystemExit as done:
        exit_now(done.code)


def exit_now(code: object) -> None:
    """End the process with ``code`` as ``sys.exit`` would, without tearing the interpreter down.

    Tearing down frees every module and object one by one: about a tenth of ``check`` of the
    example (typer's and rich's modules), and more on a large plan. The command has written and
    flushed all it has to say (``cli.main`` flushes standard output), and nothing of ours waits
    for the exit (no atexit hooks, temporary files or threads), so the operating system may
    take the memory back in one go. mypy ends the same way (``mypy.util.hard_exit``).
    """
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # sys.exit("message"): the message on standard error, status 1
        sys.stderr.write(f"{code}\n")
        status = 1
    for stream in (sys.stdout, sys.stderr):
        # A closed pipe: cli.main has already said what it must.
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(status)
