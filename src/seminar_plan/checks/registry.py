"""Every finding code, declared once: its severity, subject kinds, summary and fix.

Everything else that knows about codes is derived from ``REGISTRY``: the code -> severity table
(``SEVERITY``, also importable as ``seminar_plan.findings.CODES``), the validation of ``--select``,
``--ignore`` and ``[check]``, and which sessions a finding belongs to in the agenda and the run
sheet (``session_subjects``).

Adding a finding code
---------------------
1. One ``Code`` entry in ``REGISTRY`` below, in the order of the findings table::

       Code("vehicle-overlap", ERROR, ("vehicle", "session", "session"),
            "one vehicle is named by two overlapping transfers",
            "Move one transfer, or use another vehicle."),

   A code the loader reports while parsing adds ``by_loader=True`` and needs no rule.
   ``subjects`` names the kind of each position of ``Finding.subjects``, in order (the
   contract's subjects column: ``[vehicle, session, session]``); a new kind also gets a line in
   ``KINDS``. ``fix`` is the "how to fix" column of docs/plan-format.md's findings table.
2. One rule function in the family module under ``checks/rules/`` (a new family is a new module
   there, imported in ``checks/rules/__init__.py``)::

       @rule("vehicle-overlap")
       def vehicle_overlap(plan: Plan) -> Iterator[Issue]:
           yield Issue("vehicle-overlap", later.origin.child("vehicles"),
                       text("finding.vehicle-overlap", vehicle=vehicle, ...),
                       text("finding-hint.vehicle-overlap"),
                       (vehicle, earlier.id, later.id), related=earlier.origin)

   A rule takes the plan and yields ``Issue`` records: a finding before it has a place. The
   checker gives each its severity from here and its place (and ``related`` place) from the
   plan's files. Message and hint are ``seminar_plan.messages.Message``s: templates of the
   catalogues' ``[finding]`` and ``[finding-hint]`` tables (one per code; a variant of a code's
   message is its own key, ``finding.room-overlap-...``), in every ``locales/*.toml``. A
   template that names the related place writes ``{related}`` where its ``file:line`` goes.
   Codes the loader reports (``schema``, ``unknown-ref``...) have no rule.
3. One row in docs/plan-format.md's findings table; tests/test_registry.py fails until the
   table and the registry agree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from seminar_plan.findings import Finding, Place, Severity
from seminar_plan.messages import Message
from seminar_plan.model import Origin, Plan

ERROR, WARNING = Severity.ERROR, Severity.WARNING

# Subject kind -> how docs/plan-format.md's subjects column names it. The first group are the
# ids of plan tables; the second are positions that may hold the id of any table.
KINDS: dict[str, str] = {
    "session": "the session",
    "room": "the room",
    "venue": "the venue",
    "person": "the person",
    "delegation": "the delegation",
    "group": "the group",
    "vehicle": "the vehicle",
    "flight": "the flight",
    "hotel": "the hotel",
    "id": "the id",
    "table": "the table's id, or none",
    "referrer": "the referring id",
    "missing": "the missing id",
}
# Kinds whose id may be a session's: the agenda and run sheet attribute findings by these.
_MAY_BE_SESSION = frozenset({"session", "id", "table", "referrer"})
_PLURALS = {"person": "people"}


@dataclass(frozen=True, slots=True)
class Code:
    """One finding code as declared once: its severity, subject kinds and hint."""

    code: str
    severity: Severity
    subjects: tuple[str, ...]
    summary: str
    fix: str
    # True for codes the loader reports while parsing; every other code has one rule.
    by_loader: bool = False

    @property
    def session_positions(self) -> tuple[int, ...]:
        return tuple(i for i, kind in enumerate(self.subjects) if kind in _MAY_BE_SESSION)

    @property
    def subjects_text(self) -> str:
        """The subjects column of the findings table: "the room, both sessions"."""
        words: list[str] = []
        kinds = list(self.subjects)
        while kinds:
            kind = kinds.pop(0)
            if kinds and kinds[0] == kind:
                kinds.pop(0)
                words.append(f"both {_PLURALS.get(kind, kind + 's')}")
            else:
                words.append(KINDS[kind])
        return ", ".join(words) or "none"


# The one table of finding codes, in the order of the contract's findings tables (version 1,
# then version 2); ``--select`` and ``--ignore`` list them in this order.
REGISTRY: tuple[Code, ...] = (
    Code(
        "toml-syntax",
        ERROR,
        (),
        "the file is not valid TOML",
        "Correct the syntax at the line and column given. Quote strings, write dates without"
        " quotes.",
        by_loader=True,
    ),
    Code(
        "schema",
        ERROR,
        ("table",),
        "missing required key, wrong type, bad value, unknown key, bad id",
        "Read the message: it names the key and, for unknown keys, the nearest known one.",
        by_loader=True,
    ),
    Code(
        "unknown-ref",
        ERROR,
        ("referrer", "missing"),
        "a reference resolves to nothing",
        "Fix the spelling (the hint suggests the closest id) or add the missing table.",
        by_loader=True,
    ),
    Code(
        "duplicate-id",
        ERROR,
        ("id",),
        "an id defined twice (sessions, or across included files)",
        "Rename one of them; the message names both places.",
        by_loader=True,
    ),
    Code(
        "bad-time",
        ERROR,
        ("session",),
        "end <= start, a session past midnight, a day/date outside the event, a cue outside its"
        " session",
        "Correct the times, split a session that crosses midnight, or move the cue.",
        by_loader=True,
    ),
    Code(
        "room-overlap",
        ERROR,
        ("room", "session", "session"),
        "two sessions in one room overlap",
        "Move one to another room or time. Back-to-back is fine.",
    ),
    Code(
        "person-overlap",
        ERROR,
        ("person", "session", "session"),
        "a person is committed to two overlapping sessions",
        "Reschedule, or give one of the roles to someone else.",
    ),
    Code(
        "outside-stay",
        ERROR,
        ("person", "session"),
        "a person is committed to a session that starts before `arrive` or ends after `depart`,"
        " or named by a cue outside their stay",
        "Move the session, change the travel, or replace the person.",
    ),
    Code(
        "over-capacity",
        ERROR,
        ("session", "room"),
        "attendance > room capacity",
        "Use a bigger room, or correct `attendees` / `attendance`.",
    ),
    Code(
        "room-closed",
        WARNING,
        ("session", "room"),
        "a session outside its room's open..close",
        "Move the session, or correct the room's hours.",
    ),
    Code(
        "travel-time",
        WARNING,
        ("person", "session", "session"),
        "a person has less time between sessions at two venues than `[[travel]]` gives",
        "Leave more time between the sessions, or relieve the person of one.",
    ),
    Code(
        "no-interpretation",
        WARNING,
        ("session",),
        "a session with two or more languages and interpretation `none`",
        "Set `interpretation`. Meals, breaks, transfers and registration are exempt.",
    ),
    Code(
        "no-booth",
        WARNING,
        ("session", "room"),
        "simultaneous interpretation in a room with no booths",
        'Use a room with booths, set `booths`, or switch to `"consecutive"`.',
    ),
    Code(
        "headcount",
        WARNING,
        (),
        "`event.participants` differs from the delegations' sum",
        "Correct `participants` or a delegation's `headcount`.",
    ),
    Code(
        "delegation-overlap",
        WARNING,
        ("delegation", "session", "session"),
        "a delegation is present at two overlapping sessions, neither of them optional",
        "Move one of the sessions, or mark parallel choices `optional = true`.",
    ),
    Code(
        "travel-conflict",
        ERROR,
        ("venue", "venue"),
        "two `[[travel]]` entries for the same pair of venues give different minutes",
        "Keep one entry for the pair, with the right minutes.",
    ),
    Code(
        "language-code",
        WARNING,
        (),
        "a real language code that is usually a mistyped country code (`kr`)",
        "Write the code the hint names (`ko` for Korean), or ignore the warning if you meant it.",
        by_loader=True,
    ),
    Code(
        "stay-range",
        WARNING,
        ("person",),
        "a person's arrival or departure lies more than 7 days outside the event's dates",
        "Correct the date (often the month or the year).",
    ),
    Code(
        "over-seats",
        ERROR,
        ("session",),
        "a transfer's attendance is larger than the seats of its vehicles together",
        "Add a vehicle or take a larger one, or correct `attendees` / `attendance`.",
    ),
    Code(
        "vehicle-overlap",
        ERROR,
        ("vehicle", "session", "session"),
        "one vehicle is named by two overlapping transfers",
        "Give one transfer another vehicle, or move one. Back-to-back is fine.",
    ),
    Code(
        "vehicle-travel",
        WARNING,
        ("vehicle", "session", "session"),
        "of two transfers of one vehicle that do not overlap, the later leaves from a venue other"
        " than the earlier one's `to` (else its venue), sooner after the earlier ends than"
        " `[[travel]]` gives between those venues",
        "Leave the vehicle time to drive over, or use another vehicle for the later transfer.",
    ),
    Code(
        "transfer-short",
        WARNING,
        ("session",),
        "a transfer with `to` lasts fewer minutes than `[[travel]]` gives between its two venues",
        "Give the transfer at least the travel time, or correct `[[travel]]`.",
    ),
    Code(
        "pickup-early",
        ERROR,
        ("flight", "session"),
        "a transfer leaving from an arrival flight's airport on its day, carrying one of its"
        " passengers, starts before the flight's `arrives` plus `[check] landing_buffer`"
        " (default 45m)",
        "Start the transfer later, or correct the flight's times.",
    ),
    Code(
        "no-pickup",
        WARNING,
        ("flight",),
        "an arrival flight with passengers, and no transfer leaving its airport that carries one"
        " of them within `[check] pickup_window` (default 3h) after its `arrives`",
        "Add a transfer from the airport that carries them, or widen `pickup_window`.",
    ),
    Code(
        "late-to-airport",
        ERROR,
        ("flight", "session"),
        "a transfer to a departure flight's airport that sets off on its day before it leaves,"
        " carrying one of its passengers, ends later than the flight's `departs` minus"
        " `[check] checkin_buffer` (default 2h)",
        "Leave earlier, or correct the flight's times.",
    ),
    Code(
        "flight-mismatch",
        WARNING,
        ("person", "flight"),
        "a person's written `arrive` (`depart`) differs from the landing (take-off) of the"
        " flight that carries them by more than `[check] landing_buffer`",
        "Correct `arrive` / `depart` or the flight, or remove the key to use the flight's time.",
    ),
    Code(
        "empty-flight",
        WARNING,
        ("flight",),
        "a flight with no `passengers`",
        "List who is on board, or remove the flight.",
    ),
    Code(
        "unused-vehicle",
        WARNING,
        ("vehicle",),
        "a vehicle that no transfer names in its `vehicles`",
        "Name it on the transfers it drives, or remove it.",
    ),
    Code(
        "transfer-loop",
        WARNING,
        ("session",),
        "a transfer whose `to` is the venue it leaves from",
        "Correct `to` or the transfer's room / venue; leave `to` out for a round trip.",
    ),
    Code(
        "interpreter-language",
        ERROR,
        ("person", "session"),
        "an interpreter of a session with two or more languages speaks fewer than two of them",
        "Name an interpreter for that language pair, or correct the person's `languages`.",
    ),
    Code(
        "interpreter-team",
        WARNING,
        ("session",),
        "simultaneous interpretation longer than `[check] solo_limit` with one interpreter",
        "Name a second interpreter so they can take turns, or split the session.",
    ),
    Code(
        "interpreter-load",
        WARNING,
        ("person",),
        "a person interprets more than `[check] interpreter_daily` in one day",
        "Share the day's sessions with another interpreter.",
    ),
    Code(
        "no-interpreter",
        WARNING,
        ("session",),
        "interpretation set and no interpreters, in a plan that names interpreters somewhere",
        "Name the interpreters in `interpreters`.",
    ),
    Code(
        "lodging-short",
        ERROR,
        ("hotel",),
        "on some night more people need a bed in a hotel than its bookings covering that night"
        " hold (rooms x beds)",
        "Book more rooms for the nights named, or move people to another hotel;"
        " `seminar-plan rooming` shows every night.",
    ),
    Code(
        "no-lodging",
        WARNING,
        ("person",),
        "a named person needs a bed on a night and has no `hotel`",
        "Give the person, their group or their delegation a `hotel`, or `lodging = false`.",
    ),
    Code(
        "unused-booking",
        WARNING,
        ("hotel",),
        "a booking at a hotel where nobody needs a bed on any night",
        "Set `hotel` on those who stay there, or cancel the booking.",
    ),
    Code(
        "diet-tag",
        WARNING,
        ("id",),
        "a `diet` or `diets` tag that is not lowercase-with-hyphens",
        "Write tags such as `halal`, `no-pork`, `allergy-peanut` (the hint gives the tag).",
    ),
    Code(
        "diet-count",
        WARNING,
        ("session",),
        "a meal whose count for one diet is larger than its count",
        "Correct the meal's `attendees` or `attendance`, or the `diets` of its delegations and"
        " groups.",
    ),
    Code(
        "speaking-order",
        WARNING,
        ("session",),
        "a ceremony's speakers are not in the order of precedence",
        'Reorder `speakers` as the hint says, or set `order = "as-listed"` when the order is'
        " deliberate (the host speaks first).",
    ),
)

BY_CODE: dict[str, Code] = {entry.code: entry for entry in REGISTRY}
# code -> default severity (``seminar_plan.findings.CODES``).
SEVERITY: dict[str, Severity] = {entry.code: entry.severity for entry in REGISTRY}


def unknown_code_message(codes: Iterable[str]) -> str | None:
    """Why ``codes`` (from ``--select``/``--ignore``) are not all finding codes, else None."""
    unknown = sorted(set(codes) - SEVERITY.keys())
    if not unknown:
        return None
    return f"unknown finding code {unknown[0]!r}; known codes: {', '.join(SEVERITY)}"


def session_subjects(finding: Finding) -> tuple[str, ...]:
    """The subjects of ``finding`` that may be session ids, by its code's subject kinds.

    Other positions name people, rooms, vehicles..., whose ids may equal a session's. A code the
    registry does not know (none today) is taken to name sessions anywhere.
    """
    entry = BY_CODE.get(finding.code)
    if entry is None:
        return finding.subjects
    positions = entry.session_positions
    return tuple(finding.subjects[i] for i in positions if i < len(finding.subjects))


# --- what rules yield ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Issue:
    """A finding as a rule yields it: origins in the plan, not yet places in its files."""

    code: str
    origin: Origin
    message: Message
    hint: Message | None
    subjects: tuple[str, ...]
    related: Origin | None = None


Rule = Callable[[Plan], Iterable[Issue]]
# code -> its rule, filled by ``@rule`` as checks/rules/ modules are imported.
RULES: dict[str, Rule] = {}


def rule(code: str) -> Callable[[Rule], Rule]:
    """Register the decorated function as the one rule that yields ``code``."""
    if code not in BY_CODE:
        raise KeyError(f"rule for {code!r}, which is not in the registry")

    def register(function: Rule) -> Rule:
        if code in RULES:
            raise KeyError(f"two rules for {code!r}")
        RULES[code] = function
        return function

    return register


def place_issue(issue: Issue, place: Callable[[Origin], Place]) -> Finding:
    """The finding of ``issue``: its registered severity, and its places found by ``place``."""
    related = place(issue.related) if issue.related is not None else None
    return Finding(
        issue.code,
        SEVERITY[issue.code],
        issue.message,
        issue.hint,
        issue.subjects,
        place(issue.origin),
        related,
    )
