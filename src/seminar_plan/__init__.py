"""seminar-plan: plan multi-day intergovernmental seminars in one TOML file.

The public API is imported on first use (PEP 562), so that the command line can start its
process (``seminar_plan.entry``) before paying for the loader and the rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

# The one place the version is written (pyproject.toml reads it from here).
__version__ = "0.1.0"

if TYPE_CHECKING:
    from seminar_plan.checks import check
    from seminar_plan.load import LoadedPlan, PlanFileError, load_plan, load_text

__all__ = ["LoadedPlan", "PlanFileError", "__version__", "check", "load_plan", "load_text"]


def __getattr__(name: str) -> object:
    if name == "check":
        from seminar_plan.checks import check as found
    elif name in ("LoadedPlan", "PlanFileError", "load_plan", "load_text"):
        import seminar_plan.load as loader

        return getattr(loader, name)
    else:
        raise AttributeError(name)
    return found
