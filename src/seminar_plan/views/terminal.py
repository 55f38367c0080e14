"""Rows -> rich renderables for the terminal: the agenda, an itinerary, the guest roster.

The only module besides cli.py that imports rich. Every cell is a ``rich.text.Text`` (never a
str) so that brackets in plan text are never read as rich markup. Columns fold rather than cut:
rich measures East Asian wide characters as two cells, so Japanese and Chinese columns align.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rich import box
from rich.console import Console, Group, JustifyMethod, OverflowMethod, RenderableType
from rich.containers import Lines
from rich.style import Style
from rich.table import Table
from rich.text import Text

from seminar_plan import locales, present
from seminar_plan.findings import Finding
from seminar_plan.logistics.interpreting import hours_text
from seminar_plan.model import Plan
from seminar_plan.text import cell_width, language_order, line_breaks, pick, printable
from seminar_plan.views.interpreters import InterpreterRoster, day_text, session_text
from seminar_plan.views.now import NowNext, minutes_until
from seminar_plan.views.roster import Roster, RosterRow
from seminar_plan.views.rows import (
    Agenda,
    AgendaDay,
    AgendaRow,
    day_heading,
    interpretation_label,
    interpreting_note,
    interpreting_total,
    kind_label,
    label,
    places_shown,
    side_tracks,
    span,
    span_in_text,
)


class Shown(Text):
    """A ``Text`` of what the plan says: control characters and separators in it are shown as
    escapes (``\\x1b``), so plan text can never clear the screen, hide lines or retitle the
    window. Every cell and heading here is one (a label passes through unchanged)."""

    def __init__(self, text: str = "", style: str | Style = "") -> None:
        super().__init__(printable(text), style=style)

    def append(self, text: str | Text, style: str | Style | None = None) -> Text:
        return super().append(printable(text) if isinstance(text, str) else text, style)

    def wrap(
        self,
        console: Console,
        width: int,
        *,
        justify: JustifyMethod | None = None,
        overflow: OverflowMethod | None = None,
        tab_size: int = 8,
        no_wrap: bool | None = None,
    ) -> Lines:
        """Rich's wrapping, with the line breaks of ``text.line_breaks``: Latin words are not
        cut, and no line starts with 、。）」 or ends with （「 (kinsoku)."""
        if no_wrap or self.no_wrap or overflow == "ignore":
            return super().wrap(
                console, width, justify=justify, overflow=overflow, tab_size=tab_size, no_wrap=True
            )
        wrap_justify = justify or self.justify or "default"
        wrap_overflow = overflow or self.overflow or "fold"
        lines = Lines()
        for line in self.split(allow_blank=True):
            if "\t" in line:
                line.expand_tabs(tab_size)
            pieces = line.divide(line_breaks(line.plain, width))
            for piece in pieces:
                piece.rstrip_end(width)
            pieces.justify(console, width, justify=wrap_justify, overflow=wrap_overflow)
            for piece in pieces:
                piece.truncate(width, overflow=wrap_overflow)
            lines.extend(pieces)
        return lines


_SIDE_STYLE = "italic"
_MARK_STYLE = "bold red"


def _table(*columns: tuple[str, int | None, int | None]) -> Table:
    """Columns are (header, ratio, width): a ratio column shares the width the others leave."""
    table = Table(
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        expand=True,
        header_style="bold",
    )
    for header, ratio, width in columns:
        table.add_column(
            Shown(header), overflow="fold", ratio=ratio, width=width, no_wrap=ratio is None
        )
    return table


def _zone_line(agenda: Agenda) -> str:
    if agenda.second_zone is None:
        return label(agenda.lang, "timezone").format(zone=agenda.timezone)
    return label(agenda.lang, "second_zone").format(zone=agenda.timezone, second=agenda.second_zone)


def _people(agenda: Agenda, row: AgendaRow) -> Text:
    """One name a line, so that a narrow column folds between names, not inside one."""
    lines = list(row.speaker_names)
    lines += [label(agenda.lang, "moderator").format(name=name) for name in row.moderator_names]
    return Shown("\n".join(lines))


def _title(lang: str, row: AgendaRow) -> Text:
    title = Shown(row.title)
    for note in (row.note, interpreting_note(lang, row)):
        if note:
            title.append("\n" + note, style="dim")
    return title


@dataclass(frozen=True, slots=True)
class _Layout:
    """What every table of one agenda shares, so that their columns line up."""

    numbers: Mapping[Finding, int]
    widths: Mapping[str, int]
    compact: bool = False

    def marker(self, row: AgendaRow) -> Text:
        return Shown(",".join(f"!{self.numbers[f]}" for f in row.findings), style=_MARK_STYLE)


def _layout(agenda: Agenda, *, compact: bool = False) -> _Layout:
    """Number the findings in agenda order; fix the widths of the narrow columns."""
    lang = agenda.lang
    numbers: dict[Finding, int] = {}
    for row in agenda.rows:
        for finding in row.findings:
            numbers.setdefault(finding, len(numbers) + 1)
    cells: dict[str, list[str]] = {
        "marker": ["!"],
        "time": [label(lang, "time") if agenda.second_zone is None else agenda.timezone],
        "second": [agenda.second_zone or ""],
        "kind": [label(lang, "kind")],
        "interpretation": [label(lang, "interpretation")],
        "role": [label(lang, "role")],
    }
    for row in agenda.rows:
        cells["marker"].append(",".join(f"!{numbers[f]}" for f in row.findings))
        cells["time"].append(span(row))
        cells["second"].append(span_in_text(row, agenda.second_tz) if agenda.second_tz else "")
        cells["kind"].append(kind_label(lang, row.kind))
        cells["interpretation"].append(interpretation_label(lang, row))
        cells["role"].extend(label(lang, f"role.{role}") for role in row.roles)
    widths = {key: max(cell_width(value) for value in values) for key, values in cells.items()}
    return _Layout(numbers, widths, compact)


def _day_table(agenda: Agenda, rows: tuple[AgendaRow, ...], layout: _Layout) -> Table:
    lang = agenda.lang
    itinerary = agenda.person is not None
    widths = layout.widths
    columns: list[tuple[str, int | None, int | None]] = []
    if layout.numbers:
        columns.append(("!", None, widths["marker"]))
    if agenda.second_zone is not None:
        columns.append((agenda.timezone, None, widths["time"]))
        columns.append((agenda.second_zone, None, widths["second"]))
    else:
        columns.append((label(lang, "time"), None, widths["time"]))
    # Narrow: titles wrap well between words, names and rooms less so: share the room evenly.
    title_ratio = 2 if layout.compact else 3
    columns += [
        (label(lang, "title"), title_ratio, None),
        (
            (
                f"{label(lang, 'kind')}\n{label(lang, 'interpretation')}",
                None,
                max(widths["kind"], widths["interpretation"]),
            )
            if layout.compact
            else (label(lang, "kind"), None, widths["kind"])
        ),
        (label(lang, "place"), 2, None),
        # One role a line, in a column as wide as the longest; names need room.
        (label(lang, "role"), None, widths["role"])
        if itinerary
        else (label(lang, "people"), 2, None),
    ]
    if not layout.compact:
        columns.append((label(lang, "interpretation"), None, widths["interpretation"]))
    table = _table(*columns)
    for row, place in zip(rows, places_shown(rows, itinerary=itinerary), strict=True):
        cells = [layout.marker(row)] if layout.numbers else []
        cells.append(Shown(span(row)))
        if agenda.second_tz is not None:
            cells.append(Shown(span_in_text(row, agenda.second_tz)))
        kind = kind_label(lang, row.kind)
        if layout.compact:
            kind += "\n" + interpretation_label(lang, row)
        cells += [_title(lang, row), Shown(kind), Shown(place)]
        if itinerary:
            cells.append(Shown("\n".join(label(lang, f"role.{r}") for r in row.roles)))
        else:
            cells.append(_people(agenda, row))
        if not layout.compact:
            cells.append(Shown(interpretation_label(lang, row)))
        table.add_row(*cells, style=_SIDE_STYLE if row.is_side else None)
    return table


def _footnotes(lang: str, day: AgendaDay, layout: _Layout) -> list[RenderableType]:
    """The day's error findings, each under its marker, with a hanging indent."""
    shown: list[Finding] = []
    for row in day.rows:
        shown.extend(f for f in row.findings if f not in shown)
    if not shown:
        return []
    notes = Table.grid(padding=(0, 1, 0, 0))
    notes.add_column(no_wrap=True)
    notes.add_column(overflow="fold")
    for finding in sorted(shown, key=lambda f: layout.numbers[f]):
        place = finding.place
        notes.add_row(
            Shown(f"!{layout.numbers[finding]}", style=_MARK_STYLE),
            Shown(f"{finding.code} {place.file}:{place.line}: {finding.message_in(lang)}"),
        )
    return [Shown(""), Shown(label(lang, "marker"), style="bold"), notes]


# Below this many cells, kind and interpretation share a column, one above the other, so that
# names and rooms keep room enough not to break inside a word.
COMPACT_BELOW = 100


def agenda_renderable(agenda: Agenda, *, width: int | None = None) -> RenderableType:
    """Every day under its heading: the main programme, then each side track on its own.

    ``width`` is the console's: a narrow one gets the compact layout.
    """
    lang = agenda.lang
    parts: list[RenderableType] = []
    heading = Shown(agenda.title, style="bold")
    if agenda.person is not None:
        person = agenda.person
        who = "  ".join(part for part in (person.name, person.title, person.organization) if part)
        heading.append("\n" + label(lang, "itinerary").format(name=who))
    heading.append("\n" + _zone_line(agenda), style="dim")
    parts.append(heading)
    layout = _layout(agenda, compact=width is not None and width < COMPACT_BELOW)
    for day in agenda.days:
        parts.append(Shown(""))
        title = Shown("  ".join(day_heading(lang, day)), style="bold underline")
        if day.notes:
            title.append("\n" + day.notes, style="dim")
        parts.append(title)
        if not day.rows:
            parts.append(Shown(label(lang, "nothing")))
            continue
        main = tuple(row for row in day.rows if not row.is_side)
        if main:
            parts.append(_day_table(agenda, main, layout))
        for track_heading, side in side_tracks(lang, day.rows):
            parts.append(Shown("\n" + track_heading, style="bold"))
            parts.append(_day_table(agenda, side, layout))
        if day.interpreting is not None:
            parts.append(Text(interpreting_total(lang, day)))
        parts.extend(_footnotes(lang, day, layout))
    if not agenda.days:
        parts.append(Shown(label(lang, "no_match")))
    if agenda.unattached:
        parts += [Shown(""), Shown(label(lang, "unattached"), style="bold")]
        parts.extend(
            Shown(
                f"- {f.code} {f.place.file}:{f.place.line}: {f.message_in(lang)}",
                style=_MARK_STYLE,
            )
            for f in agenda.unattached
        )
    if agenda.errors or agenda.warnings:
        parts.append(Shown(""))
        summary = label(lang, "findings").format(errors=agenda.errors, warnings=agenda.warnings)
        parts.append(Shown(summary, style="bold"))
    return Group(*parts)


def _stay(row: RosterRow) -> Text:
    """Arrival over departure, ``MM-DD HH:MM`` in the event zone (the year is the event's)."""
    moments = [row.arrive, row.depart]
    return Shown("\n".join("" if m is None else f"{m:%m-%d %H:%M}" for m in moments).rstrip())


def roster_renderable(roster: Roster, *, contacts: bool = False) -> RenderableType:
    """The roster as one table; with ``contacts``, each person's contacts under their post."""
    lang = roster.lang
    post = label(lang, "position") + " / " + label(lang, "organization")
    if contacts:
        post += " / " + label(lang, "contact")
    # Roles one a line and never folded (a narrow column showed "attende" over "e"); the
    # delegation's name wraps between its words instead.
    table = _table(
        (label(lang, "name"), 3, None),
        (post, 4, None),
        (label(lang, "delegation"), 3, None),
        (label(lang, "arrive") + " /\n" + label(lang, "depart"), None, None),
        (label(lang, "sessions"), None, None),
        (label(lang, "roles"), None, None),
    )
    table.columns[4].justify = "right"
    for row in roster.rows:
        lines = [line for line in (row.title, row.organization) if line]
        lines += [f"{key}: {value}" for key, value in row.contact]
        table.add_row(
            Shown(row.name),
            Shown("\n".join(lines)),
            Shown(row.delegation_name),
            _stay(row),
            Shown(str(row.sessions)),
            Shown("\n".join(label(lang, f"role.{r}") for r in row.roles)),
        )
    heading = Shown(f"{roster.title}\n{label(lang, 'roster')}", style="bold")
    heading.append("\n" + label(lang, "timezone").format(zone=roster.timezone), style="dim")
    return Group(heading, Shown(""), table)


def interpreters_renderable(roster: InterpreterRoster) -> RenderableType:
    """Every interpreter, a row a day: sessions one a line, the day's time and language pairs."""
    lang = roster.lang
    separator = present.list_separator(lang)
    table = _table(
        (label(lang, "name"), 2, None),
        (label(lang, "languages"), None, None),
        (label(lang, "day_column"), None, None),
        (label(lang, "interpreted"), 5, None),
        (label(lang, "interpreting_time"), None, None),
        (label(lang, "pairs"), None, None),
    )
    # A name breaks between words, never inside one: its column is as wide as the longest word.
    words = [word for row in roster.rows for word in row.name.split()]
    name = table.columns[0]
    name.ratio, name.no_wrap = None, False
    name.width = max((cell_width(word) for word in words), default=None)
    for row in roster.rows:
        for position, day in enumerate(row.days):
            table.add_row(
                Shown(row.name if position == 0 else ""),
                Shown(separator.join(row.languages) if position == 0 else ""),
                Shown(day_text(lang, day, between="\n")),
                Shown("\n".join(session_text(s) for s in day.sessions)),
                Shown(hours_text(day.minutes)),
                Shown(separator.join(day.pairs)),
            )
    heading = Shown(f"{roster.title}\n{label(lang, 'interpreter_roster')}", style="bold")
    heading.append("\n" + label(lang, "timezone").format(zone=roster.timezone), style="dim")
    if not roster.rows:
        return Group(heading, Shown(""), Shown(label(lang, "no_match")))
    return Group(heading, Shown(""), table)


def now_renderable(plan: Plan, board: NowNext, *, lang: str | None = None) -> RenderableType:
    """Now and next in every place as one table, under the moment and the zone it is read in."""
    ui = present.ui_language(plan, lang)
    order = language_order(plan, lang)
    words = locales.Labels(ui, "now")
    table = _table(
        (words["place"], 2, None),
        (words["now"], 3, None),
        (words["left"], None, None),
        (words["next"], 3, None),
        (words["starts_in"], None, None),
    )
    table.columns[2].justify = "right"
    table.columns[4].justify = "right"
    for place in board.places:
        room = plan.room_by_id.get(place.place) if place.is_room else None
        if room is not None:
            name = pick(room.name, order)
        elif place.is_room:
            # A room the plan does not define (check reports unknown-ref): shown by its id.
            name = place.place
        else:
            venue = plan.venue_by_id.get(place.place)
            name = pick(venue.name, order) if venue is not None else place.place
        current = [
            words["current"].format(title=pick(s.title, order), time=present.clock(s.end, s.date))
            for s in place.current
        ]
        left = [words["minutes"].format(n=minutes_until(board.at, s.end)) for s in place.current]
        upcoming = place.next
        table.add_row(
            Shown(name),
            Shown("\n".join(current) or words["nothing"]),
            Text("\n".join(left)),
            Shown(
                f"{present.clock(upcoming.start, upcoming.date)} {pick(upcoming.title, order)}"
                if upcoming is not None
                else words["nothing"]
            ),
            Text(
                words["minutes"].format(n=minutes_until(board.at, upcoming.start))
                if upcoming is not None
                else ""
            ),
        )
    at = board.at
    heading = Shown(pick(plan.event.title, order), style="bold")
    moment = words["at"].format(
        date=at.date().isoformat(),
        weekday=locales.weekday(ui, at.date()),
        time=f"{at:%H:%M}",
        zone=plan.event.timezone,
    )
    heading.append("\n" + moment, style="dim")
    return Group(heading, Text(""), table)
