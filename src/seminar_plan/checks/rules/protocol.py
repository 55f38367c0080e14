"""Protocol: a ceremony's speakers speak in the order of precedence."""

from __future__ import annotations

from collections.abc import Iterator

from seminar_plan import protocol
from seminar_plan.checks.registry import Issue, rule
from seminar_plan.messages import text
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
            text("finding.speaking-order", session=session.id),
            # The speakers as TOML would list them: language-neutral, like the key's name.
            text("finding-hint.speaking-order", speakers=", ".join(repr(p) for p in expected)),
            (session.id,),
        )
