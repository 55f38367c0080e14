"""``seminar-plan init``: the starter plan, and the commands to try next (no I/O but reading
the packaged template)."""

from __future__ import annotations

import shlex
from pathlib import Path

PLAN_NAME = "seminar.toml"
_TEMPLATE = "starter.toml"


def starter_plan() -> str:
    """The commented starter plan shipped with seminar-plan; it checks clean."""
    from importlib.resources import files

    return files("seminar_plan.authoring").joinpath(_TEMPLATE).read_text(encoding="utf-8")


def next_commands(folder: Path) -> tuple[str, str, str]:
    """Check it, read it, export it: run from the current folder, naming ``folder`` if needed."""
    here = folder == Path()
    plan = "" if here else f" {shlex.quote(str(folder / PLAN_NAME))}"
    calendar = "seminar.ics" if here else shlex.quote(str(folder / "seminar.ics"))
    return (
        f"seminar-plan check{plan}",
        f"seminar-plan agenda{plan}",
        f"seminar-plan export{plan} --format ics -o {calendar}",
    )
