"""seminar-plan: plan multi-day intergovernmental seminars in one TOML file."""

from __future__ import annotations

from seminar_plan.checks import check
from seminar_plan.load import LoadedPlan, PlanFileError, load_plan, load_text

__all__ = ["LoadedPlan", "PlanFileError", "__version__", "check", "load_plan", "load_text"]


def __getattr__(name: str) -> str:
    # importlib.metadata costs about 20 ms to import: read the version only when asked for.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("seminar-plan")
        except PackageNotFoundError:  # a source tree that was never installed
            return "0+unknown"
    raise AttributeError(name)
