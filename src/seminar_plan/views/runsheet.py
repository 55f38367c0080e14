"""Run sheets (進行表): every session and cue of one day in time order, as HTML and Markdown.

``build`` turns the plan into a ``RunSheet`` (data); ``render_html`` and ``render_markdown``
turn that into text. All pure: the generation time and the plan's content hash come in through
``Stamp``, and contact details are in the sheet only when the caller asks for them.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from seminar_plan import locales, present
from seminar_plan.checks.registry import session_subjects
from seminar_plan.findings import Finding, Severity
from seminar_plan.logistics.interpreting import booth_plan
from seminar_plan.model import Interpretation, Plan, Session, elapsed_minutes
from seminar_plan.text import language_order, markdown_escape
from seminar_plan.views import paper
from seminar_plan.views.paper import (
    Phrase,
    Stamp,
    html_lang,
    names_html,
    page_footer_css,
    phrase,
    span,
    stamp_text,
    stylesheet,
)

COLUMNS = (
    "time",
    "duration",
    "running",
    "item",
    "who",
    "room",
    "interpretation",
    "av",
    "notes",
    "done",
)


@dataclass(frozen=True, slots=True)
class Credit:
    """People in one role on a row: ``role`` is a label key (speakers, moderators, owner, cue)."""

    role: str
    names: tuple[Phrase, ...]


RowKind = Literal["session", "cue", "gap", "overlap"]


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the sheet. Gap and overlap rows have no item; an overlap names both sides."""

    kind: RowKind
    session: str
    start: dt.datetime
    end: dt.datetime | None
    minutes: int | None
    elapsed: int
    item: Phrase | None = None
    credits: tuple[Credit, ...] = ()
    place: Phrase | None = None
    interpretation: Interpretation = "none"
    booths: int = 0
    interpreters: tuple[Phrase, ...] = ()
    # Simultaneous sessions: the booths in use, who sits in each (by the languages it works
    # into), and the receivers to hand out (logistics.interpreting.booth_plan).
    booths_in_use: int = 0
    crews: tuple[tuple[tuple[str, ...], tuple[Phrase, ...]], ...] = ()
    receivers: int | None = None
    av: Phrase | None = None
    notes: Phrase | None = None
    between: tuple[Phrase, Phrase] | None = None


@dataclass(frozen=True, slots=True)
class Section:
    """The rows of one room (or of one off-site venue) in time order."""

    place: str
    name: Phrase
    rows: tuple[Row, ...]


@dataclass(frozen=True, slots=True)
class Contact:
    person: str
    name: Phrase
    roles: tuple[str, ...]
    entries: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class RunSheet:
    ui: str
    title: Phrase
    day: int
    date: dt.date
    day_label: Phrase | None
    room: Phrase | None
    first: dt.datetime | None
    sections: tuple[Section, ...]
    findings: tuple[Finding, ...]
    contacts: tuple[Contact, ...]
    stamp: Stamp

    @property
    def labels(self) -> Mapping[str, str]:
        return locales.Labels(self.ui, "runsheet")

    @property
    def rows(self) -> Iterator[Row]:
        for section in self.sections:
            yield from section.rows


def _name(plan: Plan, person: str, order: tuple[str, ...]) -> Phrase:
    found = plan.person_by_id.get(person)
    return (phrase(found.name, order) if found else None) or Phrase(person)


def _place(plan: Plan, session: Session, order: tuple[str, ...]) -> tuple[str, Phrase | None]:
    """The section key and printed name of where a session happens."""
    if session.room is not None:
        room = plan.room_by_id.get(session.room)
        return f"room:{session.room}", (phrase(room.name, order) if room else None) or Phrase(
            session.room
        )
    if session.venue is not None:
        venue = plan.venue_by_id.get(session.venue)
        return f"venue:{session.venue}", (phrase(venue.name, order) if venue else None) or Phrase(
            session.venue
        )
    return "", None


def _session_rows(
    plan: Plan, session: Session, first: dt.datetime, order: tuple[str, ...]
) -> Iterator[tuple[tuple[dt.datetime, dt.datetime, int, int], Row]]:
    """The session's row and its cues' rows, each with its sort key.

    A cue sorts by its own time, then by its session's start: a closing cue at 10:00 of the
    09:30 session comes before the session that starts at 10:00.
    """

    def names(people: Iterable[str]) -> tuple[Phrase, ...]:
        return tuple(_name(plan, person, order) for person in people)

    roles = tuple(
        Credit(role, people)
        for role, people in (
            ("speakers", names(session.speakers)),
            ("moderators", names(session.moderators)),
            ("owner", names((session.owner,) if session.owner else ())),
        )
        if people
    )
    place = _place(plan, session, order)[1]
    room = plan.room_of(session)
    booths_in_use, receivers = 0, None
    crews: tuple[tuple[tuple[str, ...], tuple[Phrase, ...]], ...] = ()
    if session.interpretation == "simultaneous":
        booths = booth_plan(plan, session)
        booths_in_use = sum(1 for booth in booths.booths if booth.into)
        crews = tuple((booth.into, names(booth.interpreters)) for booth in booths.booths)
        receivers = booths.receivers
    yield (
        (session.start, session.start, 0, 0),
        Row(
            kind="session",
            session=session.id,
            start=session.start,
            end=session.end,
            minutes=session.minutes,
            elapsed=elapsed_minutes(first, session.start),
            item=phrase(session.title, order),
            credits=roles,
            place=place,
            interpretation=session.interpretation,
            booths=room.booths if room and session.interpretation == "simultaneous" else 0,
            interpreters=names(session.interpreters),
            booths_in_use=booths_in_use,
            crews=crews,
            receivers=receivers,
            av=phrase(session.av, order),
            notes=phrase(session.notes, order),
        ),
    )
    cues = sorted(session.cues, key=lambda cue: cue.at)
    for index, cue in enumerate(cues):
        until = cues[index + 1].at if index + 1 < len(cues) else session.end
        length = elapsed_minutes(cue.at, until)
        yield (
            (cue.at, session.start, 1, index),
            Row(
                kind="cue",
                session=session.id,
                start=cue.at,
                end=None,
                minutes=length if length > 0 else None,
                elapsed=elapsed_minutes(first, cue.at),
                item=phrase(cue.what, order),
                credits=(Credit("cue", names((cue.who,))),) if cue.who else (),
                place=place,
                notes=phrase(cue.notes, order),
            ),
        )


def _with_gaps(
    plan: Plan,
    sessions: Sequence[Session],
    first: dt.datetime,
    order: tuple[str, ...],
) -> tuple[Row, ...]:
    """One room's rows in time order, with a row for each gap and overlap between sessions."""
    keyed = [pair for session in sessions for pair in _session_rows(plan, session, first, order)]

    def between_row(
        kind: RowKind,
        session: str,
        start: dt.datetime,
        end: dt.datetime,
        between: tuple[Phrase, Phrase] | None = None,
    ) -> tuple[tuple[dt.datetime, dt.datetime, int, int], Row]:
        """A gap or overlap row, sorted just before what starts at ``start``."""
        row = Row(
            kind=kind,
            session=session,
            start=start,
            end=end,
            minutes=elapsed_minutes(start, end),
            elapsed=elapsed_minutes(first, start),
            between=between,
        )
        return (start, start, -1, 0), row

    latest: Session | None = None
    for session in sorted(sessions, key=lambda s: (s.start, s.end, s.id)):
        if latest is not None and session.start > latest.end:
            keyed.append(between_row("gap", latest.id, latest.end, session.start))
        elif latest is not None and session.start < latest.end:
            sides = (
                phrase(latest.title, order) or Phrase(latest.id),
                phrase(session.title, order) or Phrase(session.id),
            )
            overlap_end = min(latest.end, session.end)
            keyed.append(between_row("overlap", session.id, session.start, overlap_end, sides))
        if latest is None or session.end > latest.end:
            latest = session
    keyed.sort(key=lambda pair: pair[0])
    return tuple(row for _, row in keyed)


def findings_on(plan: Plan, day: int, findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """The error findings that touch ``day``.

    A finding that names sessions (by its code's subject kinds: a person whose id is also a
    session's is still a person) touches the days of those sessions. One that names no session
    touches the day when it names a room, venue, person or attendee used that day, or when it
    names nothing the plan knows (a plan-wide problem, or a table the loader had to drop).
    """
    every_session = {s.id for s in plan.sessions} | {s.base_id for s in plan.sessions}
    on_day = plan.sessions_on(day)
    day_sessions = {s.id for s in on_day} | {s.base_id for s in on_day}
    used: set[str] = set()
    for session in on_day:
        used.update(filter(None, (session.room, plan.venue_of(session))))
        used.update(plan.committed(session))
        used.update(session.attendees)
        used.update(cue.who for cue in session.cues if cue.who)
    known = (
        every_session
        | set(plan.room_by_id)
        | set(plan.venue_by_id)
        | set(plan.person_by_id)
        | set(plan.group_by_id)
        | set(plan.delegation_by_id)
    )
    touching = []
    for finding in findings:
        if finding.severity is not Severity.ERROR:
            continue
        named = set(session_subjects(finding)) & every_session
        if named:
            touches = bool(named & day_sessions)
        else:
            subjects = set(finding.subjects)
            touches = bool(subjects & used) or not subjects & known
        if touches:
            touching.append(finding)
    return tuple(touching)


def _contacts(plan: Plan, rows: Iterable[Row], order: tuple[str, ...]) -> tuple[Contact, ...]:
    """The people responsible on the sheet (owners, moderators, cue holders, interpreters)."""
    roles: dict[str, list[str]] = {}
    by_session = {s.id: s for s in plan.sessions}
    for row in rows:
        if row.kind not in ("session", "cue"):
            continue
        session = by_session[row.session]
        if row.kind == "session":
            named = [
                *(("moderators", p) for p in session.moderators),
                *(("interpreters", p) for p in session.interpreters),
                *((("owner", session.owner),) if session.owner else ()),
            ]
        else:
            named = [("cue", cue.who) for cue in session.cues if cue.who and cue.at == row.start]
        for role, person in named:
            held = roles.setdefault(person, [])
            if role not in held:
                held.append(role)
    return tuple(
        Contact(
            person,
            _name(plan, person, order),
            tuple(held),
            plan.person_by_id[person].contact if person in plan.person_by_id else (),
        )
        for person, held in roles.items()
    )


def build(
    plan: Plan,
    day: int,
    *,
    lang: str | None,
    findings: Iterable[Finding],
    stamp: Stamp,
    room: str | None = None,
    contacts: bool = False,
) -> RunSheet:
    """The run sheet of ``day`` (all rooms, or only ``room``), in the language order of ``lang``.

    Running time counts from the day's first item in any room, so sheets of different rooms
    agree. ``contacts`` adds the contact details of the people responsible; without it the
    sheet holds none.
    """
    order = language_order(plan, lang)
    on_day = plan.sessions_on(day)
    first = on_day[0].start if on_day else None
    by_place: dict[str, list[Session]] = {}
    names: dict[str, Phrase] = {}
    ui = present.ui_language(plan, lang)
    for session in on_day:
        if room is not None and session.room != room:
            continue
        key, name = _place(plan, session, order)
        by_place.setdefault(key, []).append(session)
        names[key] = name or Phrase(locales.label(ui, "runsheet.no_place"), ui)
    sections = (
        tuple(
            Section(key, names[key], _with_gaps(plan, sessions, first, order))
            for key, sessions in by_place.items()
        )
        if first is not None
        else ()
    )
    chosen_room = plan.room_by_id.get(room) if room is not None else None
    day_entry = plan.day_by_number.get(day)
    return RunSheet(
        ui=ui,
        title=phrase(plan.event.title, order) or Phrase(""),
        day=day,
        date=plan.event.date_of(day),
        day_label=phrase(day_entry.label, order) if day_entry else None,
        room=(phrase(chosen_room.name, order) if chosen_room else None)
        or (Phrase(room) if room is not None else None),
        first=first,
        sections=sections,
        findings=findings_on(plan, day, findings),
        contacts=_contacts(plan, (r for s in sections for r in s.rows), order) if contacts else (),
        stamp=stamp,
    )


# ---- shared wording --------------------------------------------------------------------------


def date_text(sheet: RunSheet) -> str:
    return paper.date_text(sheet.ui, sheet.date)


def clock(row: Row) -> str:
    start = f"{row.start:%H:%M}"
    if row.end is None or row.kind == "overlap":
        return start
    end = present.clock(row.end, row.start.date())
    return f"{start}–{end}"


def duration_text(row: Row, labels: Mapping[str, str]) -> str:
    return labels["minutes"].format(n=row.minutes) if row.minutes is not None else ""


def running_text(row: Row) -> str:
    hours, minutes = divmod(row.elapsed, 60)
    return f"+{hours}:{minutes:02d}"


def interpretation_parts(row: Row, labels: Mapping[str, str]) -> list[str]:
    """Mode and booths, then the interpreters' label (their names follow it)."""
    if row.kind != "session" or row.interpretation == "none":
        return []
    parts = [labels[row.interpretation]]
    if row.booths and row.crews:
        parts.append(labels["booths_used"].format(n=row.booths_in_use, available=row.booths))
    elif row.booths:
        parts.append(labels["booth" if row.booths == 1 else "booths"].format(n=row.booths))
    if row.receivers is not None:
        parts.append(labels["receivers"].format(n=row.receivers))
    return parts


def interpreter_groups(
    row: Row, labels: Mapping[str, str]
) -> list[tuple[str | None, tuple[Phrase, ...]]]:
    """The interpreters under a label each: one group a booth for simultaneous sessions
    (``Booth ja-zh``), else the interpreters together (label None: the renderer's own)."""
    if row.crews:
        return [
            (labels["booth_crew"].format(languages="-".join(into) or "?"), people)
            for into, people in row.crews
            if people
        ]
    return [(None, row.interpreters)] if row.interpreters else []


def finding_text(finding: Finding) -> str:
    place = finding.place
    return f"{finding.code} {place.file}:{place.line}: {finding.message}"


def heading_parts(sheet: RunSheet) -> list[str]:
    """Day, date, the day's label, the room (or all rooms) and the language."""
    labels = sheet.labels
    parts = [labels["day"].format(n=sheet.day), date_text(sheet)]
    if sheet.day_label is not None:
        parts.append(sheet.day_label.text)
    parts.append(sheet.room.text if sheet.room else labels["all_rooms"])
    parts.append(f"{labels['language']}: {labels['language_name']}")
    return parts


# ---- HTML ------------------------------------------------------------------------------------


def _css(labels: Mapping[str, str]) -> str:
    return stylesheet("runsheet.css") + page_footer_css(labels["page"])


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
        "time": html.escape(clock(row)),
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
    tds = "".join(f'<td class="{name}">{cells[name]}</td>' for name in COLUMNS)
    return (
        f'<tr class="{row.kind}" data-session="{html.escape(row.session)}"'
        f' data-kind="{row.kind}">{tds}</tr>'
    )


def _findings_html(sheet: RunSheet) -> str:
    if not sheet.findings:
        return ""
    items = "".join(f"<li>{html.escape(finding_text(f))}</li>" for f in sheet.findings)
    title = html.escape(sheet.labels["errors"].format(n=len(sheet.findings)))
    return f'<div class="findings" role="alert"><h2>{title}</h2><ul>{items}</ul></div>'


def _page_head_html(sheet: RunSheet) -> str:
    parts = " · ".join(html.escape(p) for p in heading_parts(sheet))
    return (
        f'<tr><th class="page-head" colspan="{len(COLUMNS)}">'
        f'<span class="stamp">{html.escape(stamp_text(sheet.stamp, sheet.labels))}</span>'
        f'<span class="event">{html.escape(sheet.labels["sheet"])} — '
        f"{span(sheet.title, sheet.ui)}</span><br>{parts}</th></tr>"
    )


def _section_html(sheet: RunSheet, section: Section | None, lead: str) -> str:
    labels = sheet.labels
    head = [_page_head_html(sheet)]
    if section is not None and sheet.room is None:
        head.append(
            f'<tr><th class="room-head" colspan="{len(COLUMNS)}">'
            f"{span(section.name, sheet.ui)}</th></tr>"
        )
    head.append(
        "<tr>"
        + "".join(f'<th class="{name}">{html.escape(labels[name])}</th>' for name in COLUMNS)
        + "</tr>"
    )
    colgroup = "".join(f'<col class="c-{name}">' for name in COLUMNS)
    body = []
    width = len(COLUMNS)
    if lead:
        body.append(f'<tbody class="lead"><tr><td colspan="{width}">{lead}</td></tr></tbody>')
    if section is None:
        nothing = html.escape(labels["nothing"])
        rows = f'<tr class="empty"><td colspan="{width}">{nothing}</td></tr>'
    else:
        rows = "\n".join(_row_html(row, sheet) for row in section.rows)
    body.append(f"<tbody>\n{rows}\n</tbody>")
    place = html.escape(section.place) if section else ""
    return (
        f'<section class="room" data-place="{place}"><table class="sheet">'
        f"<colgroup>{colgroup}</colgroup><thead>{''.join(head)}</thead>"
        + "".join(body)
        + "</table></section>"
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
    sections = sheet.sections or (None,)
    body = "\n".join(
        _section_html(sheet, section, lead if index == 0 else "")
        for index, section in enumerate(sections)
    )
    title = html.escape(
        f"{labels['sheet']} — {sheet.title.text} — {labels['day'].format(n=sheet.day)}"
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(html_lang(sheet.ui))}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="generator" content="seminar-plan runsheet">\n'
        f'<meta name="plan-digest" content="{html.escape(sheet.stamp.digest)}">\n'
        f"<title>{title}</title>\n<style>\n{_css(labels)}</style>\n"
        f"</head>\n<body>\n{body}\n{_contacts_html(sheet)}\n</body>\n</html>\n"
    )


# ---- Markdown --------------------------------------------------------------------------------


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
    cells = [
        clock(row),
        duration_text(row, labels),
        running_text(row),
        item,
        who,
        _md(row.place) if row.kind in ("session", "cue") else "",
        interpretation,
        _md(row.av),
        _md(row.notes),
        "[ ]" if row.kind in ("session", "cue") else "",
    ]
    return "| " + " | ".join(cells) + " |"


def render_markdown(sheet: RunSheet) -> str:
    """The sheet as Markdown (a GitHub-style table per room), for a wiki page or a mail."""
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
        out.extend(f"> - {markdown_escape(finding_text(f))}" for f in sheet.findings)
        out.append("")
    if sheet.first is not None:
        out += [markdown_escape(labels["starts_at"].format(time=f"{sheet.first:%H:%M}")), ""]
    if not sheet.sections:
        out += [markdown_escape(labels["nothing"]), ""]
    for section in sheet.sections:
        if sheet.room is None:
            out += [f"## {_md(section.name)}", ""]
        out.append("| " + " | ".join(markdown_escape(labels[name]) for name in COLUMNS) + " |")
        out.append("|" + "|".join("---" for _ in COLUMNS) + "|")
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
