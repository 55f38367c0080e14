"""The run sheet as one printable HTML page."""

from __future__ import annotations

import html
from collections.abc import Mapping

from seminar_plan import present
from seminar_plan.text import printable
from seminar_plan.views.paper import (
    html_lang,
    names_html,
    page_footer_css,
    span,
    stamp_text,
    stylesheet,
)
from seminar_plan.views.runsheet.sheet import (
    Row,
    RunSheet,
    Section,
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

# Relative widths of the columns; a sheet without some columns shares their width among the rest.
_WIDTHS = {
    "time": 7.5,
    "duration": 4.5,
    "running": 5.5,
    "item": 20,
    "who": 15,
    "room": 11,
    "interpretation": 10,
    "av": 8.5,
    "notes": 14,
    "done": 3,
}


def _css(labels: Mapping[str, str]) -> str:
    return stylesheet("runsheet.css") + page_footer_css(labels["page"])


def _colgroup(columns: tuple[str, ...]) -> str:
    total = sum(_WIDTHS[name] for name in columns)
    return "".join(
        f'<col class="c-{name}" style="width:{_WIDTHS[name] / total * 100:.1f}%">'
        for name in columns
    )


def _row_html(row: Row, sheet: RunSheet) -> str:
    labels, lang = sheet.labels, sheet.ui
    if row.kind == "gap":
        item = html.escape(labels["gap"])
    elif row.kind == "overlap" and row.between is not None:
        item = labels["overlap_with"].format(
            first=span(row.between[0], lang), second=span(row.between[1], lang)
        )
    else:
        item = span(row.item, lang)
    who = "".join(
        f'<span class="credit"><span class="role">{html.escape(labels[c.role])}:</span> '
        f"{names_html(c.names, lang)}</span>"
        for c in row.credits
    )
    interpretation = " · ".join(html.escape(p) for p in interpretation_parts(row, labels))
    if interpretation:
        for group, people in interpreter_groups(row, labels):
            interpretation += (
                f'<span class="credit"><span class="role">'
                f"{html.escape(group or labels['interpreters'])}:"
                f"</span> {names_html(people, lang)}</span>"
            )
    cells = {
        "time": html.escape(clock(row, sheet.date)),
        "duration": html.escape(duration_text(row, labels)),
        "running": html.escape(running_text(row)),
        "item": item,
        "who": who,
        "room": span(row.place, lang) if row.kind in ("session", "cue") else "",
        "interpretation": interpretation,
        "av": span(row.av, lang),
        "notes": span(row.notes, lang),
        "done": "<span></span>" if row.kind in ("session", "cue") else "",
    }
    if row.outside:
        cells["item"] += f' <span class="flag">{html.escape(labels["outside"])}</span>'
    tds = "".join(f'<td class="{name}">{cells[name]}</td>' for name in sheet.columns)
    classes = " ".join(
        name
        for name, on in ((row.kind, True), ("outside", row.outside), ("parallel", row.parallel))
        if on
    )
    return (
        f'<tr class="{classes}" data-session="{html.escape(row.session)}"'
        f' data-kind="{row.kind}">{tds}</tr>'
    )


def _findings_html(sheet: RunSheet) -> str:
    if not sheet.findings:
        return ""
    items = "".join(f"<li>{html.escape(finding_text(f, sheet.ui))}</li>" for f in sheet.findings)
    title = html.escape(sheet.labels["errors"].format(n=len(sheet.findings)))
    return f'<div class="findings" role="alert"><h2>{title}</h2><ul>{items}</ul></div>'


def _page_head_html(sheet: RunSheet) -> str:
    parts = " · ".join(html.escape(p) for p in heading_parts(sheet))
    return (
        f'<tr><th class="page-head" colspan="{len(sheet.columns)}">'
        f'<span class="stamp">{html.escape(stamp_text(sheet.stamp, sheet.labels))}</span>'
        f'<span class="event">{html.escape(sheet.labels["sheet"])} — '
        f"{span(sheet.title, sheet.ui)}</span><br>{parts}</th></tr>"
    )


def _section_html(sheet: RunSheet, section: Section | None) -> str:
    """One table; its head (the sheet's title, day and stamp, the column names) repeats on
    every printed page."""
    labels, columns = sheet.labels, sheet.columns
    head = [_page_head_html(sheet)]
    if section is not None and sheet.room is None and section.place != "day":
        head.append(
            f'<tr><th class="room-head" colspan="{len(columns)}">'
            f"{span(section.name, sheet.ui)}</th></tr>"
        )
    head.append(
        "<tr>"
        + "".join(f'<th class="{name}">{html.escape(labels[name])}</th>' for name in columns)
        + "</tr>"
    )
    if section is None:
        nothing = html.escape(labels["nothing"])
        rows = f'<tr class="empty"><td colspan="{len(columns)}">{nothing}</td></tr>'
    else:
        rows = "\n".join(_row_html(row, sheet) for row in section.rows)
    place = html.escape(section.place) if section else ""
    return (
        f'<section class="room" data-place="{place}"><table class="sheet">'
        f"<colgroup>{_colgroup(columns)}</colgroup><thead>{''.join(head)}</thead>"
        f"<tbody>\n{rows}\n</tbody></table></section>"
    )


def _contacts_html(sheet: RunSheet) -> str:
    if not sheet.contacts:
        return ""
    labels, lang = sheet.labels, sheet.ui
    rows = []
    for contact in sheet.contacts:
        roles = present.list_separator(lang).join(
            html.escape(labels[role]) for role in contact.roles
        )
        entries = "<br>".join(
            f"{html.escape(kind)}: {html.escape(value)}" for kind, value in contact.entries
        ) or html.escape(labels["no_contact"])
        rows.append(
            f"<tr><td>{span(contact.name, lang)}</td><td>{roles}</td><td>{entries}</td></tr>"
        )
    return (
        f'<section class="contacts"><h2>{html.escape(labels["contacts"])}</h2>'
        f"<table><tbody>{''.join(rows)}</tbody></table></section>"
    )


def render_html(sheet: RunSheet) -> str:
    """One self-contained HTML page: inline CSS, no scripts, nothing fetched from the network."""
    labels = sheet.labels
    lead = _findings_html(sheet)
    if sheet.first is not None:
        lead += (
            f'<p class="starts">'
            f"{html.escape(labels['starts_at'].format(time=f'{sheet.first:%H:%M}'))}</p>"
        )
    # The day's errors and when running time starts stand above the first table: they concern
    # the whole day, not its first room.
    body = f'<div class="lead">{lead}</div>\n' if lead else ""
    body += "\n".join(_section_html(sheet, section) for section in sheet.sections or (None,))
    title = html.escape(
        f"{labels['sheet']} — {sheet.title.text} — {labels['day'].format(n=sheet.day)}"
    )
    # Control characters from the plan shown escaped, as in paper.html_document.
    return printable(
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(html_lang(sheet.ui))}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="generator" content="seminar-plan runsheet">\n'
        f'<meta name="plan-digest" content="{html.escape(sheet.stamp.digest)}">\n'
        f"<title>{title}</title>\n<style>\n{_css(labels)}</style>\n"
        f"</head>\n<body>\n{body}\n{_contacts_html(sheet)}\n</body>\n</html>\n"
    )
