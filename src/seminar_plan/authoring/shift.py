"""``seminar-plan shift``: move a session on the day, and see what the move breaks.

``plan_shift`` decides what moves (pure, on the model): the session asked for and, with ripple,
the later sessions of its day in its room and the sessions that directly follow it for its
people or delegations, stopping at a ``fixed = true`` session and at ``--until``. A move that
would cross midnight, or a session that is fixed, refuses the whole shift with the reason.

``edit_sources`` writes the move into the plan's text: only the values that change are replaced
(``start``, ``end`` when the session has one, and each cue's ``at``), in the file that defines
the session, so every comment, blank line and the order of keys stay as written. The edited
files are parsed again and must hold exactly the old data with those values changed, else
nothing is written.

Why a targeted text edit rather than tomlkit: the loader already knows where every key is
written (``load/places.py``), the values are short scalars on one line, and replacing those few
characters keeps the rest of the file byte for byte (tomlkit round-trips, but re-renders what it
touches and adds a dependency to load on a path that must start fast); the re-parse check makes
the edit as safe as a structural one.

``rehearse`` checks the plan before and after and returns the findings the shift creates and
those it removes; ``render_text`` words it all in the planner's language (pure).
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from seminar_plan import present
from seminar_plan.findings import Finding
from seminar_plan.load import LoadedPlan
from seminar_plan.model import ALL, Plan, Session

MINUTES_PER_DAY = 24 * 60

MoveReason = Literal["asked", "room", "follows"]
HoldReason = Literal["fixed", "until", "repeats"]
RefusalKind = Literal["fixed", "midnight", "occurrence", "edit"]

# ASCII digits, few of them: \d also matches other scripts' digits, and int() of thousands of
# digits is refused (sys.get_int_max_str_digits).
_OFFSET = re.compile(r"\s*([+-]?)\s*(?:([0-9]{1,9})\s*h)?\s*(?:([0-9]{1,9})\s*m(?:in)?)?\s*\Z")
_MINUTES = re.compile(r"[+-]?[0-9]{1,9}\Z")
_CLOCK = re.compile(r"\s*([0-9]{1,2}):([0-9]{2})\s*\Z")


# --- options --------------------------------------------------------------------------------


def parse_offset(text: str) -> int | None:
    """``--by``: ``15m``, ``-15m``, ``+1h``, ``1h30m`` or plain minutes (``-20``); None if not."""
    stripped = text.strip()
    if _MINUTES.match(stripped):
        return int(stripped)
    match = _OFFSET.match(stripped)
    if match is None or (match.group(2) is None and match.group(3) is None):
        return None
    minutes = int(match.group(2) or 0) * 60 + int(match.group(3) or 0)
    return -minutes if match.group(1) == "-" else minutes


def parse_clock(text: str) -> int | None:
    """``HH:MM`` (00:00 to 24:00) as minutes after midnight; None if it is not one."""
    match = _CLOCK.match(text)
    if match is None:
        return None
    minutes = int(match.group(1)) * 60 + int(match.group(2))
    if int(match.group(2)) > 59 or minutes > MINUTES_PER_DAY:
        return None
    return minutes


@dataclass(frozen=True, slots=True)
class Until:
    """``--until``: what starts at or after ``clock`` holds, or ``session`` and what starts
    at or after it on its day."""

    clock: int | None = None
    session: str | None = None


def session_ids(plan: Plan) -> tuple[str, ...]:
    """What ``shift`` may name: every session's written id and every occurrence id."""
    return tuple(dict.fromkeys(ident for s in plan.sessions for ident in (s.base_id, s.id)))


# --- what moves -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Move:
    """One occurrence and where it goes; ``after`` is the session whose move pulled it along."""

    session: Session
    start: dt.datetime
    end: dt.datetime
    reason: MoveReason
    after: str | None = None


@dataclass(frozen=True, slots=True)
class Hold:
    """A session the ripple reached and left where it is, and why."""

    session: Session
    reason: HoldReason


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why the shift cannot be made; ``session`` is the one in the way."""

    kind: RefusalKind
    session: str
    detail: str = ""


@dataclass(frozen=True)
class Shift:
    """A proposed move of one session, what it moves and holds, or why it is refused."""

    target: str
    minutes: int
    ripple: bool
    moves: tuple[Move, ...] = ()
    held: tuple[Hold, ...] = ()
    refusal: Refusal | None = None


def _clock_of(moment: dt.datetime, date: dt.date) -> int:
    """Wall-clock minutes after the midnight that starts ``date`` (24:00 for the next one)."""
    if moment.date() > date:
        return MINUTES_PER_DAY
    return moment.hour * 60 + moment.minute


def _text(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _delegations(plan: Plan, session: Session) -> set[str]:
    if ALL in session.attendees:
        return {d.id for d in plan.delegations}
    return {ref for ref in session.attendees if ref in plan.delegation_by_id}


def _shares(plan: Plan, first: Session, second: Session) -> bool:
    """Whether a named person or a present delegation is at both sessions."""
    if set(plan.committed(first)) & set(plan.committed(second)):
        return True
    return bool(_delegations(plan, first) & _delegations(plan, second))


class _Ripple:
    """The closure of the ripple from the asked-for occurrences, with where it stopped."""

    def __init__(self, plan: Plan, until: Until | None, excluded: set[str]) -> None:
        self.plan = plan
        self.until = until
        self.excluded = excluded
        self.moving: dict[str, Move] = {}
        self.held: dict[str, Hold] = {}
        self.by_day: dict[int, tuple[Session, ...]] = {}

    def day(self, number: int) -> tuple[Session, ...]:
        if number not in self.by_day:
            self.by_day[number] = self.plan.sessions_on(number)
        return self.by_day[number]

    def stop_reason(self, session: Session) -> HoldReason | None:
        if session.fixed:
            return "fixed"
        until = self.until
        if until is not None:
            if until.clock is not None and _clock_of(session.start, session.date) >= until.clock:
                return "until"
            if until.session is not None:
                for bound in self.day(session.day):
                    named = until.session in (bound.id, bound.base_id)
                    if named and (session.id == bound.id or session.start >= bound.start):
                        return "until"
        if session.base_id in self.excluded:
            return "repeats"
        return None

    def reach(self, session: Session, reason: MoveReason, after: str) -> bool:
        """Take ``session`` into the ripple unless it stops it; False when it stops it."""
        if session.id in self.moving:
            return True
        stop = self.stop_reason(session)
        if stop is not None:
            self.held.setdefault(session.id, Hold(session, stop))
            return False
        self.moving[session.id] = Move(session, session.start, session.end, reason, after)
        return True

    def spread(self, sources: list[Session]) -> None:
        queue = list(sources)
        while queue:
            moved = queue.pop(0)
            before = set(self.moving)
            if moved.room is not None:
                later = (
                    s
                    for s in self.day(moved.day)
                    if s.room == moved.room and s.id != moved.id and s.start >= moved.start
                )
                for session in later:
                    if not self.reach(session, "room", moved.id):
                        break
            for session in self.day(moved.day):
                follows = session.start == moved.end and session.id != moved.id
                if follows and _shares(self.plan, moved, session):
                    self.reach(session, "follows", moved.id)
            queue.extend(self.moving[ident].session for ident in self.moving if ident not in before)


def plan_shift(
    plan: Plan, target: str, minutes: int, *, ripple: bool = False, until: Until | None = None
) -> Shift:
    """What shifting ``target`` by ``minutes`` moves, what the ripple leaves, or why not.

    ``target`` is a written session id (every occurrence of a repeated session moves) or the
    occurrence id of a session written for one day.
    """
    shift = Shift(target, minutes, ripple)
    asked = [s for s in plan.sessions if target in (s.id, s.base_id)]
    written = [s for s in plan.sessions if s.base_id == asked[0].base_id] if asked else []
    if len(written) > len(asked):
        days = ", ".join(str(s.day) for s in written)
        return _refused(shift, Refusal("occurrence", target, days))
    for session in asked:
        if session.fixed:
            return _refused(shift, Refusal("fixed", session.id))
    repeats = Counter(s.base_id for s in plan.sessions)
    excluded: set[str] = set()
    while True:
        closure = _Ripple(plan, until, excluded)
        for session in asked:
            closure.moving[session.id] = Move(session, session.start, session.end, "asked")
        if ripple:
            closure.spread(asked)
        reached = Counter(move.session.base_id for move in closure.moving.values())
        partial = {base for base, count in reached.items() if count < repeats[base]}
        if not partial - excluded:
            break
        excluded |= partial
    moves = []
    for move in closure.moving.values():
        session = move.session
        start = _clock_of(session.start, session.date) + minutes
        end = _clock_of(session.end, session.date) + minutes
        if start < 0 or end > MINUTES_PER_DAY:
            return _refused(shift, Refusal("midnight", session.id, _span_text(start, end)))
        midnight = dt.datetime.combine(session.date, dt.time(), tzinfo=session.start.tzinfo)
        moves.append(
            Move(
                session,
                midnight + dt.timedelta(minutes=start),
                midnight + dt.timedelta(minutes=end),
                move.reason,
                move.after,
            )
        )
    moves.sort(key=lambda m: (m.session.start, m.session.room or "", m.session.id))
    held = sorted(
        (hold for ident, hold in closure.held.items() if ident not in closure.moving),
        key=lambda h: (h.session.start, h.session.id),
    )
    return Shift(target, minutes, ripple, tuple(moves), tuple(held))


def _span_text(start: int, end: int) -> str:
    """A span that leaves the day, as the clock would read it: ``23:50-24:05``."""
    sign = "-" if start < 0 else ""
    return f"{sign}{_text(abs(start))}-{_text(end)}"


def _refused(shift: Shift, refusal: Refusal) -> Shift:
    return Shift(shift.target, shift.minutes, shift.ripple, refusal=refusal)


# --- writing the move into the plan's text ----------------------------------------------------

_KEY = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\\r\n]|\\.)*"|'[^'\r\n]*')"""
_ASSIGNMENT = re.compile(rf"{_KEY}(?:[ \t]*\.[ \t]*{_KEY})*[ \t]*=[ \t]*")
_VALUE = re.compile(
    r"""(?P<basic>"[^"\\\r\n]*")|(?P<literal>'[^'\r\n]*')"""
    r"""|(?P<time>\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(?![\w:.-])"""
)

KeyPath = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Edit:
    """One value of one file to change: its key path in the file's data, old and new."""

    file: int
    path: KeyPath
    old: object
    new: object


def _shifted(value: object, minutes: int) -> object:
    """A clock value moved by ``minutes``, written as it was (string or TOML local time)."""
    if isinstance(value, dt.time):
        total = value.hour * 60 + value.minute + minutes
        if total == MINUTES_PER_DAY:
            return "24:00"
        return value.replace(hour=total // 60, minute=total % 60)
    text = str(value)
    clock = parse_clock(text)
    if clock is None:
        return value
    total = clock + minutes
    hours = f"{total // 60}" if len(text.strip().split(":")[0]) == 1 else f"{total // 60:02d}"
    return f"{hours}:{total % 60:02d}"


def _table_at(data: Mapping[str, Any], path: KeyPath) -> Any:  # noqa: ANN401 - TOML data
    node: Any = data
    for key in path:
        node = node[key]
    return node


def shift_edits(files: Iterable[Mapping[str, Any] | None], shift: Shift) -> list[Edit]:
    """The values to change, file by file: each moved session's start, end and cue times.

    ``files`` are the parsed files of the plan in order (``Sources.files[i].data``). A repeated
    session is one table: it is edited once.
    """
    data = list(files)
    edits: list[Edit] = []
    seen: set[tuple[int, KeyPath]] = set()
    for move in shift.moves:
        origin = move.session.origin
        if (origin.file, origin.path) in seen:
            continue
        seen.add((origin.file, origin.path))
        source = data[origin.file]
        if source is None:
            continue
        table = _table_at(source, origin.path)
        keys: list[KeyPath] = [("start",)]
        if "end" in table:
            keys.append(("end",))
        cues = table.get("cues")
        if isinstance(cues, list):
            keys.extend(
                ("cues", index, "at")
                for index, cue in enumerate(cues)
                if isinstance(cue, dict) and "at" in cue
            )
        for key in keys:
            old = _table_at(table, key)
            new = _shifted(old, shift.minutes)
            if new != old:
                edits.append(Edit(origin.file, origin.path + key, old, new))
    return edits


def _token(old_token: str, new: object) -> str:
    """The new value in the old token's style: the same quotes, a time with its seconds."""
    if isinstance(new, dt.time):
        if old_token.count(":") == 1:
            return f"{new:%H:%M}"
        fraction = old_token.partition(".")[2]
        return f"{new:%H:%M:%S}" + (f".{fraction}" if fraction else "")
    quote = "'" if old_token.startswith("'") else '"'
    return f"{quote}{new}{quote}"


class EditError(Exception):
    """The edit could not be made safely; nothing is written."""


def apply_edits(text: str, edits: Iterable[Edit], original: Mapping[str, Any]) -> str:
    """``text`` with each edit's value replaced where the file writes it, and nothing else.

    The result is parsed again: it must hold exactly ``original`` with the new values, else
    ``EditError`` (a value written in a form this edit does not replace, such as a multi-line
    string).
    """
    import tomllib

    from seminar_plan.load.places import index_places

    places = index_places(text, lazy=False)
    starts = [0]
    starts.extend(match.end() for match in re.finditer(r"\n", text))
    spans: list[tuple[int, int, str]] = []
    expected = copy.deepcopy(dict(original))
    for edit in edits:
        place = places.positions.get(edit.path)
        if place is None:
            raise EditError(f"cannot find where {_dotted(edit.path)} is written")
        line, column = place
        offset = starts[line - 1] + column - 1
        assignment = _ASSIGNMENT.match(text, offset)
        value = _VALUE.match(text, assignment.end()) if assignment is not None else None
        if value is None:
            raise EditError(
                f"line {line}: {_dotted(edit.path)} is not written as a plain clock time"
            )
        spans.append((value.start(), value.end(), _token(value.group(), edit.new)))
        *parents, last = edit.path
        _table_at(expected, tuple(parents))[last] = edit.new
    edited = text
    for start, end, token in sorted(spans, reverse=True):
        edited = edited[:start] + token + edited[end:]
    try:
        parsed = tomllib.loads(edited)
    except tomllib.TOMLDecodeError as error:
        raise EditError(f"the edited file would not be valid TOML ({error})") from None
    if parsed != expected:
        raise EditError("the edited file would change more than the shifted times")
    return edited


def _dotted(path: KeyPath) -> str:
    text = ""
    for key in path:
        text += f"[{key}]" if isinstance(key, int) else f".{key}" if text else key
    return text


# --- before and after -----------------------------------------------------------------------


def _identity(finding: Finding) -> tuple[str, tuple[str, ...]]:
    return (finding.code, tuple(sorted(finding.subjects)))


def findings_delta(
    before: Iterable[Finding], after: Iterable[Finding]
) -> tuple[tuple[Finding, ...], tuple[Finding, ...]]:
    """(created, removed): findings of ``after`` not in ``before``, and the other way round.

    A finding is the same one before and after when its code and subjects are: its message
    names times, which the shift changes.
    """
    old, new = list(before), list(after)
    old_left = Counter(_identity(f) for f in old)
    new_left = Counter(_identity(f) for f in new)
    created = []
    for finding in new:
        if old_left[_identity(finding)] > 0:
            old_left[_identity(finding)] -= 1
        else:
            created.append(finding)
    removed = []
    for finding in old:
        if new_left[_identity(finding)] > 0:
            new_left[_identity(finding)] -= 1
        else:
            removed.append(finding)
    return tuple(created), tuple(removed)


@dataclass(frozen=True)
class Rehearsal:
    """The plan after the shift: the edited texts by file index, and the findings delta."""

    texts: dict[int, str] = field(default_factory=dict)
    created: tuple[Finding, ...] = ()
    removed: tuple[Finding, ...] = ()


def _edits_by_file(edits: Iterable[Edit]) -> Iterator[tuple[int, list[Edit]]]:
    grouped: dict[int, list[Edit]] = {}
    for edit in edits:
        grouped.setdefault(edit.file, []).append(edit)
    yield from sorted(grouped.items())


def rehearse(loaded: LoadedPlan, shift: Shift) -> Rehearsal:
    """Edit the texts in memory, load and check the result, and compare the findings.

    Raises ``EditError`` when a value cannot be replaced safely.
    """
    from seminar_plan.checks import check
    from seminar_plan.load import load_sources
    from seminar_plan.load.read import Sources, parse_text

    files = loaded.sources.files
    edits = shift_edits((source.data for source in files), shift)
    texts: dict[int, str] = {}
    for index, file_edits in _edits_by_file(edits):
        source = files[index]
        if source.data is None:
            continue
        texts[index] = apply_edits(source.text, file_edits, source.data)
    edited = tuple(
        parse_text(texts[index], source.display) if index in texts else source
        for index, source in enumerate(files)
    )
    after = load_sources(Sources(edited, loaded.sources.problems))
    created, removed = findings_delta(check(loaded), check(after))
    return Rehearsal(texts, created, removed)


# --- words ----------------------------------------------------------------------------------


def shift_labels(plan: Plan, lang: str | None) -> Mapping[str, str]:
    from seminar_plan.exports import labels_for

    return labels_for(plan, lang, "shift")


def by_text(minutes: int, labels: Mapping[str, str]) -> str:
    return ("+" if minutes > 0 else "-") + labels["minutes"].format(n=abs(minutes))


def refusal_text(plan: Plan, shift: Shift, *, lang: str | None = None) -> str:
    """Why the shift was refused, in one line of the planner's language."""
    labels = shift_labels(plan, lang)
    refusal = shift.refusal
    if refusal is None:
        return ""
    fields = {"session": refusal.session, "by": by_text(shift.minutes, labels)}
    if refusal.kind == "midnight":
        return labels["refused_midnight"].format(span=refusal.detail, **fields)
    if refusal.kind == "occurrence":
        return labels["refused_occurrence"].format(days=refusal.detail, **fields)
    if refusal.kind == "edit":
        return labels["refused_edit"].format(reason=refusal.detail)
    return labels["refused_fixed"].format(**fields)


def _clock(moment: dt.datetime, date: dt.date) -> str:
    return _text(_clock_of(moment, date))


def _where(plan: Plan, session: Session, order: tuple[str, ...]) -> str:
    return present.place_name(plan, session, order)


def _heading_line(session: Session, order: tuple[str, ...]) -> str:
    from seminar_plan.text import pick

    return f"  {session.id}  {pick(session.title, order)}"


def _finding_lines(findings: tuple[Finding, ...], labels: Mapping[str, str], ui: str) -> list[str]:
    """The findings a shift creates or removes, their messages in the labels' language."""
    lines = []
    for finding in findings:
        place = f"{finding.place.file}:{finding.place.line}:{finding.place.column}"
        lines.append(f"  {labels[finding.severity.value]}  {finding.code}  {place}")
        lines.append(f"    {finding.message_in(ui)}")
    return lines or [labels["none"]]


def render_text(
    plan: Plan,
    shift: Shift,
    rehearsal: Rehearsal,
    *,
    lang: str | None = None,
    until: str | None = None,
) -> str:
    """The moves, what the ripple held, then the findings the shift creates and removes."""
    from seminar_plan.text import language_order

    labels = shift_labels(plan, lang)
    order = language_order(plan, lang)
    heading = labels["heading"].format(session=shift.target, by=by_text(shift.minutes, labels))
    extras = [labels["ripple"]] if shift.ripple else []
    if until is not None:
        extras.append(labels["until"].format(until=until))
    out = [labels["separator"].join([heading, *extras])]
    out.append(labels["moves"].format(n=len(shift.moves)))
    for move in shift.moves:
        session = move.session
        old = f"{_clock(session.start, session.date)}–{_clock(session.end, session.date)}"
        new = f"{_clock(move.start, session.date)}–{_clock(move.end, session.date)}"
        details = [
            f"{labels['day'].format(n=session.day)} {old} → {new}",
            _where(plan, session, order),
        ]
        if move.reason != "asked":
            details.append(labels[move.reason].format(other=move.after))
        out.append(_heading_line(session, order))
        out.append("    " + " · ".join(detail for detail in details if detail))
    if shift.held:
        out.append(labels["held"].format(n=len(shift.held)))
        for hold in shift.held:
            session = hold.session
            span = f"{_clock(session.start, session.date)}–{_clock(session.end, session.date)}"
            reason = labels["until_reached" if hold.reason == "until" else hold.reason]
            details = [
                f"{labels['day'].format(n=session.day)} {span}",
                _where(plan, session, order),
                reason,
            ]
            out.append(_heading_line(session, order))
            out.append("    " + " · ".join(detail for detail in details if detail))
    out.append(labels["created"].format(n=len(rehearsal.created)))
    out.extend(_finding_lines(rehearsal.created, labels, present.ui_language(plan, lang)))
    out.append(labels["removed"].format(n=len(rehearsal.removed)))
    out.extend(_finding_lines(rehearsal.removed, labels, present.ui_language(plan, lang)))
    # Plain text for a terminal: what the plan says is shown with its control characters escaped.
    from seminar_plan.text import printable

    return printable("\n".join(out)) + "\n"
