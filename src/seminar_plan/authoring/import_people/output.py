"""The people read, as ``[people.ID]`` TOML tables."""

from __future__ import annotations

import json
from collections.abc import Sequence

from seminar_plan.authoring.import_people.names import Variants
from seminar_plan.authoring.import_people.rows import ImportedPerson
from seminar_plan.text import printable


def _text_value(variants: Variants) -> str | dict[str, str]:
    if len(variants) == 1 and variants[0][0] == "":
        return variants[0][1]
    return dict(variants)


def to_toml(people: Sequence[ImportedPerson], source: str, target: str | None = None) -> str:
    """The people as ``[people.ID]`` tables (written by tomli-w), with a note on using them.

    ``target`` is the name of the file being written, for the note (None: standard output).
    """
    import tomli_w

    tables: dict[str, dict[str, object]] = {}
    for person in people:
        table: dict[str, object] = {"name": _text_value(person.name)}
        for key, variants in (("title", person.title), ("organization", person.organization)):
            if variants:
                table[key] = _text_value(variants)
        optional = (
            ("delegation", person.delegation),
            ("rank", person.rank),
            ("languages", list(person.languages) or None),
            ("arrive", person.arrive),
            ("depart", person.depart),
            ("contact", dict(person.contact) or None),
            ("hotel", person.hotel),
            ("diet", list(person.diet) or None),
        )
        table.update((key, value) for key, value in optional if value is not None)
        if person.notes:
            table["notes"] = _text_value(person.notes)
        tables[person.id] = table
    # File names go into comments: shown on one line with their control characters escaped,
    # so that no name can end the comment and add tables of its own.
    include = printable(json.dumps(target, ensure_ascii=False), one_line=True)
    use = (
        f"# Add `include = [{include}]` to seminar.toml, or paste the tables into it.\n"
        if target is not None
        else "# Save this as a file and include it from seminar.toml, or paste the tables in.\n"
    )
    header = (
        f"# People imported from {printable(source, one_line=True)}"
        " by `seminar-plan import people`.\n"
        + use
        + "# A time without an offset is in the event's zone.\n\n"
    )
    return header + tomli_w.dumps({"people": tables})
