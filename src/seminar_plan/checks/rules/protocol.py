"""Protocol: a ceremony's speakers speak in the order of precedence."""

from __future__ import annotations

from collections.abc import Iterator

from seminar_plan import protocol
from seminar_plan.checks.registry import Issue, rule
from seminar_plan.model import Plan


@rule("speaking-order")
def speaking_order(plan: Plan) -> Iterator[Issue]:
    for session in plan.sessions:
        expected = protocol.speakers_out_of_order(plan, session)
        if expected is None:
            continue
        yield Issue(
            "speaking-order",
            session.origin.child("speakers"),
            f"{session.id!r} lists its speakers out of the order of precedence",
            f"speakers = [{', '.join(repr(p) for p in expected)}] (precedence), or set"
            ' order = "as-listed" if the order is deliberate',
            (session.id,),
        )
