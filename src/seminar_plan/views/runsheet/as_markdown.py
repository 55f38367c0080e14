"""The run sheet as Markdown."""

from __future__ import annotations

from seminar_plan import present
from seminar_plan.text import markdown_escape
from seminar_plan.views.paper import (
    Phrase,
    stamp_text,
)
from seminar_plan.views.runsheet.sheet import (
    Row,
    RunSheet,
)
from seminar_plan.views.runsheet.wording import (
    clock,
    duration_text,
    finding_text,
    heading_parts,
    interpretation_parts,
    interpreter_groups,
    running_text,
)


def _md(value: Phrase | None) -> str:
    return markdown_escape(value.text) if value is not None else ""


def _row_markdown(row: Row, sheet: RunSheet) -> str:
    labels = sheet.labels
    separator = present.list_separator(sheet.ui)
    if row.kind == "gap":
        item = f"*{markdown_escape(labels['gap'])}*"
    elif row.kind == "overlap" and row.between is not None:
        item = (
            "**"
            + markdown_escape(
                labels["overlap_with"].format(first=row.between[0].text, second=row.between[1].text)
            )
            + "**"
        )
    elif row.kind == "cue":
        item = f"↳ {_md(row.item)}"
        if row.outside:
            item += f" **({markdown_escape(labels['outside'])})**"
    else:
        item = f"**{_md(row.item)}**"
    who = "<br>".join(
        f"{markdown_escape(labels[c.role])}: {separator.join(_md(n) for n in c.names)}"
        for c in row.credits
    )
    interpretation = " · ".join(interpretation_parts(row, labels))
    if interpretation:
        for group, people in interpreter_groups(row, labels):
            lead = f"{markdown_escape(group)}: " if group else ""
            interpretation += "<br>" + lead + separator.join(_md(n) for n in people)
    cells = {
        # A session that runs at the same time as one elsewhere: ∥ before its time.
        "time": ("∥ " if row.parallel else "") + clock(row, sheet.date),
        "duration": duration_text(row, labels),
        "running": running_text(row),
        "item": item,
        "who": who,
        "room": _md(row.place) if row.kind in ("session", "cue") else "",
        "interpretation": interpretation,
        "av": _md(row.av),
        "notes": _md(row.notes),
        "done": "[ ]" if row.kind in ("session", "cue") else "",
    }
    return "| " + " | ".join(cells[name] for name in sheet.columns) + " |"


def render_markdown(sheet: RunSheet) -> str:
    """The sheet as Markdown (one GitHub-style table for the day, or one per room), for a wiki
    page or a mail."""
    labels = sheet.labels
    out = [
        f"# {markdown_escape(labels['sheet'])} — {_md(sheet.title)}",
        "",
        markdown_escape(" · ".join(heading_parts(sheet))),
        "",
        markdown_escape(stamp_text(sheet.stamp, labels)),
        "",
    ]
    if sheet.findings:
        out.append(f"> **{markdown_escape(labels['errors'].format(n=len(sheet.findings)))}**")
        out.append(">")
        out.extend(f"> - {markdown_escape(finding_text(f, sheet.ui))}" for f in sheet.findings)
        out.append("")
    if sheet.first is not None:
        out += [markdown_escape(labels["starts_at"].format(time=f"{sheet.first:%H:%M}")), ""]
    if not sheet.sections:
        out += [markdown_escape(labels["nothing"]), ""]
    for section in sheet.sections:
        if sheet.room is None and section.place != "day":
            out += [f"## {_md(section.name)}", ""]
        columns = sheet.columns
        out.append("| " + " | ".join(markdown_escape(labels[name]) for name in columns) + " |")
        out.append("|" + "|".join("---" for _ in columns) + "|")
        out.extend(_row_markdown(row, sheet) for row in section.rows)
        out.append("")
    if sheet.contacts:
        out += [f"## {markdown_escape(labels['contacts'])}", ""]
        for contact in sheet.contacts:
            roles = present.list_separator(sheet.ui).join(labels[role] for role in contact.roles)
            entries = ", ".join(f"{kind}: {value}" for kind, value in contact.entries)
            out.append(
                f"- {_md(contact.name)} ({markdown_escape(roles)}): "
                f"{markdown_escape(entries or labels['no_contact'])}"
            )
        out.append("")
    return "\n".join(out)
