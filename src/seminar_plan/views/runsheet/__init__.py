"""Run sheets (進行表): every session and cue of one day in time order, as HTML and Markdown.

``build`` turns the plan into a ``RunSheet`` (data, ``sheet``); ``render_html`` and
``render_markdown`` turn that into text (``as_html``, ``as_markdown``), with the wording they
share with the PDF in ``wording``. All pure: the generation time and the plan's content hash
come in through ``Stamp``, and contact details are in the sheet only when the caller asks.
"""

from __future__ import annotations

from seminar_plan.views.paper import Stamp
from seminar_plan.views.runsheet.as_html import render_html
from seminar_plan.views.runsheet.as_markdown import render_markdown
from seminar_plan.views.runsheet.sheet import (
    COLUMNS,
    Contact,
    Credit,
    Row,
    RunSheet,
    Section,
    build,
    findings_on,
)
from seminar_plan.views.runsheet.wording import (
    clock,
    date_text,
    duration_text,
    finding_text,
    heading_parts,
    interpretation_parts,
    interpreter_groups,
    running_text,
)

__all__ = [
    "COLUMNS",
    "Contact",
    "Credit",
    "Row",
    "RunSheet",
    "Section",
    "Stamp",
    "build",
    "clock",
    "date_text",
    "duration_text",
    "finding_text",
    "findings_on",
    "heading_parts",
    "interpretation_parts",
    "interpreter_groups",
    "render_html",
    "render_markdown",
    "running_text",
]
