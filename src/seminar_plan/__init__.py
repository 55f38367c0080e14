"""seminar-plan: plan multi-day intergovernmental seminars in one TOML file."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from seminar_plan.checks import check
from seminar_plan.load import LoadedPlan, PlanFileError, load_plan, load_text

try:
    __version__ = version("seminar-plan")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = ["LoadedPlan", "PlanFileError", "__version__", "check", "load_plan", "load_text"]
