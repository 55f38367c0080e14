"""Time seminar-plan against its floors and print the table (run by hand, not in the tests).

    python benchmarks/bench.py            # the full table (about two minutes)
    python benchmarks/bench.py --quick    # fewer runs and no 30,000-session plan

Every figure is the median of several runs, each in a fresh process, beside its floor:
- start-up (``seminar-plan --version`` and ``--help``) beside a minimal one-command typer app;
- commands on the example beside start-up;
- ``check`` of generated plans, clean and dense (``generate_plan.py --dense``: thousands of
  findings), beside a bare ``tomllib.load`` of the same file, both as whole processes and
  in-process (the library's ``check(load_plan(path))``);
- peak memory (max RSS of the process) beside the bare parse's;
- ``check`` of 1,000 sessions in one room (499,500 findings) beside issue 9's aim.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate_plan import generate, generate_one_room

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "zhengzhou-2025" / "seminar.toml"
MINIMAL_TYPER = """
import typer
app = typer.Typer()
@app.command()
def main() -> None:
    print("ok")
app()
"""
BARE_PARSE = "import sys, tomllib\nwith open(sys.argv[1], 'rb') as f:\n    tomllib.load(f)\n"
IN_PROCESS = """
import gc, statistics, sys, time, tomllib
from pathlib import Path
from seminar_plan import check, load_plan
path, runs = Path(sys.argv[1]), int(sys.argv[2])
parse, full = [], []
for _ in range(runs):
    start = time.perf_counter()
    with path.open("rb") as f:
        tomllib.load(f)
    parse.append(time.perf_counter() - start)
    # As the command does: the cyclic collector is off while a plan is loaded and checked.
    gc.disable()
    start = time.perf_counter()
    findings = check(load_plan(path))
    full.append(time.perf_counter() - start)
    gc.enable()
print(statistics.median(parse), statistics.median(full), len(findings))
"""


def _version_or_none(package: str) -> str:
    """The installed version; tomli is not installed where no compiled wheel exists."""
    from importlib.metadata import PackageNotFoundError

    try:
        return version(package)
    except PackageNotFoundError:
        return "none (tomllib)"


def run_once(command: list[str]) -> tuple[float, int]:
    """Wall time in seconds and peak memory in MiB of one run of ``command``."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss // 1024


def measure_beside(
    command: list[str], floor: list[str], runs: int
) -> tuple[tuple[float, int], tuple[float, int]]:
    """Median wall time in ms and largest peak memory in MiB of a command and of its floor over
    ``runs`` runs each, interleaved (on a shared machine a
    busy minute then slows both alike)."""
    pairs = [(run_once(command), run_once(floor)) for _ in range(runs)]
    ours = [c for c, _ in pairs]
    floors = [f for _, f in pairs]
    return (
        (statistics.median(t for t, _ in ours) * 1000, max(m for _, m in ours)),
        (statistics.median(t for t, _ in floors) * 1000, max(m for _, m in floors)),
    )


def row(name: str, value: float, floor_name: str, floor: float, unit: str = "ms") -> str:
    ratio = value / floor
    return f"| {name} | {value:,.0f} {unit} | {floor_name} | {floor:,.0f} {unit} | {ratio:.2f}x |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs, no 30,000 sessions")
    options = parser.parse_args()
    runs = 5 if options.quick else 15
    sizes = (300, 3000) if options.quick else (300, 3000, 30000)
    cli = shutil.which("seminar-plan") or "seminar-plan"
    python = sys.executable
    # An installed package has its bytecode compiled by pip; an editable install on a machine
    # with PYTHONDONTWRITEBYTECODE set would compile our sources on every run instead.
    import seminar_plan

    subprocess.run(
        [python, "-m", "compileall", "-q", str(Path(seminar_plan.__file__).parent)],
        check=True,
        stdout=subprocess.DEVNULL,
    )

    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}")
    print(
        f"Python {platform.python_version()}; seminar-plan {version('seminar-plan')},"
        f" typer {version('typer')}, rich {version('rich')}, python-dateutil"
        f" {version('python-dateutil')}, tomli {_version_or_none('tomli')}"
    )
    print(f"Median of {runs} runs, each a fresh process unless said otherwise.\n")
    print("| what | time | floor | floor time | ratio |")
    print("|---|---|---|---|---|")

    with tempfile.TemporaryDirectory() as folder:
        minimal = Path(folder) / "minimal_typer.py"
        minimal.write_text(MINIMAL_TYPER)
        for flag in ("--version", "--help"):
            (startup, _), (floor, _) = measure_beside([cli, flag], [python, str(minimal)], runs)
            print(row(f"start-up: `seminar-plan {flag}`", startup, "minimal typer app", floor))
        example_commands = {
            "check": ["check", str(EXAMPLE)],
            "agenda --day 2": ["agenda", str(EXAMPLE), "--day", "2"],
            "runsheet --day 2": [
                "runsheet",
                str(EXAMPLE),
                "--day",
                "2",
                "-o",
                f"{folder}/r.html",
                "--force",
            ],
            "export --format ics": [
                "export",
                str(EXAMPLE),
                "--format",
                "ics",
                "-o",
                f"{folder}/e.ics",
                "--force",
            ],
        }
        for name, arguments in example_commands.items():
            (elapsed, _), (floor, _) = measure_beside(
                [cli, *arguments], [python, str(minimal)], runs
            )
            print(row(f"example: `{name}`", elapsed, "minimal typer app", floor))

        for size, dense in ((size, dense) for size in sizes for dense in (False, True)):
            kind = "dense" if dense else "clean"
            plan = Path(folder) / f"plan-{size}-{kind}.toml"
            plan.write_text(generate(size, dense=dense), encoding="utf-8")
            size_runs = max(3, runs // (3 if size >= 30000 else 1))
            (checked, checked_memory), (bare, bare_memory) = measure_beside(
                [cli, "check", str(plan)], [python, "-c", BARE_PARSE, str(plan)], size_runs
            )
            name = f"{size:,} sessions, {kind}"
            print(row(f"`check`, {name} (process)", checked, "bare tomllib.load", bare))
            result = subprocess.run(
                [python, "-c", IN_PROCESS, str(plan), str(size_runs)],
                capture_output=True,
                text=True,
                check=True,
            )
            parse_s, check_s, findings = result.stdout.split()
            print(
                row(
                    f"`check`, {name} (in-process, {findings} findings)",
                    float(check_s) * 1000,
                    "bare tomllib.load",
                    float(parse_s) * 1000,
                )
            )
            print(
                row(
                    f"peak memory, {name}",
                    checked_memory,
                    "bare tomllib.load",
                    bare_memory,
                    "MiB",
                )
            )
        one_room(Path(folder), max(3, runs // 5))


def one_room(folder: Path, runs: int) -> None:
    """Issue 9's shape: 1,000 sessions in one room at one hour, 499,500 room overlaps, beside
    the aim (20 s and 500 MiB for the whole process, text report written to nowhere)."""
    plan = folder / "one-room-1000.toml"
    plan.write_text(generate_one_room(1000), encoding="utf-8")
    cli = shutil.which("seminar-plan") or "seminar-plan"
    for output_format in ("text", "json"):
        pairs = [
            run_once([cli, "check", str(plan), "--format", output_format]) for _ in range(runs)
        ]
        elapsed = statistics.median(t for t, _ in pairs) * 1000
        memory = max(m for _, m in pairs)
        name = f"`check --format {output_format}`, 1,000 sessions in one room"
        print(row(f"{name} (process)", elapsed, "issue 9's aim", 20_000))
        print(row(f"peak memory, {name}", memory, "issue 9's aim", 500, "MiB"))


if __name__ == "__main__":
    main()
