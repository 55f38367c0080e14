"""Transport manifests: each transfer with who it carries, each flight as a greeter's list.

``build`` turns the plan into a ``Manifest`` (data, ``manifest``); ``render_text``,
``render_markdown``, ``render_csv``, ``render_json`` and ``render_html`` turn that into text
(``wording``, ``as_markdown``, ``as_data``, ``as_html``). All pure: the stamp (plan name,
content hash, when) comes in from the caller, and contact details are in the manifest only when
the caller asks for them.
"""

from __future__ import annotations

from seminar_plan.views.transport.as_data import render_csv, render_json
from seminar_plan.views.transport.as_html import render_html
from seminar_plan.views.transport.as_markdown import render_markdown
from seminar_plan.views.transport.manifest import Filters, Manifest, build
from seminar_plan.views.transport.wording import render_text

__all__ = [
    "Filters",
    "Manifest",
    "build",
    "render_csv",
    "render_html",
    "render_json",
    "render_markdown",
    "render_text",
]
