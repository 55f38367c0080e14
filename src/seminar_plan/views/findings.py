"""Findings -> the text report a person reads, and the JSON report scripts read (pure).

Each renderer takes the language of the check (``lang``): messages, hints and the words around
them are shown in it (English where it has no catalogue). The JSON report keeps English
``message`` and ``hint`` for programs, and adds ``localized`` in another language.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from seminar_plan import locales
from seminar_plan.findings import Finding, Place, Severity, count
from seminar_plan.locales import FALLBACK
from seminar_plan.text import cell_width, printable

_STYLES = {
    "error": "\x1b[1;31m",
    "warning": "\x1b[1;33m",
    "marker": "\x1b[1;36m",
    "dim": "\x1b[2m",
    "bold": "\x1b[1m",
}
_RESET = "\x1b[0m"
_TOKEN = re.compile(r"\"(?:[^\"\\]|\\.)*\"|'[^']*'|\[\[?[^\]]*\]\]?|[A-Za-z0-9_.+:-]+")


def _paint(text: str, style: str, color: bool) -> str:
    return f"{_STYLES[style]}{text}{_RESET}" if color else text


def _marker(line: str, column: int) -> tuple[int, int]:
    """Cells before the marker and its width, for the token starting at ``column``."""
    prefix = printable(line[: column - 1])
    token = _TOKEN.match(line, column - 1)
    width = cell_width(printable(token.group())) if token else 1
    return cell_width(prefix), max(width, 1)


def _plural(lang: str, number: int, word: str) -> str:
    return locales.label(
        lang, f"finding-report.{word}_{'one' if number == 1 else 'other'}", count=number
    )


def _heading(
    severity: Severity, code: str, place: Place, lines_of: Mapping[str, list[str]], color: bool
) -> str:
    """A finding's first lines: severity, code and place, then its source line and a marker."""
    label = _paint(f"{severity.value}[{code}]", severity.value, color)
    out = [f"{label} {printable(place.file)}:{place.line}:{place.column}"]
    source_lines = lines_of.get(place.file, [])
    if 1 <= place.line <= len(source_lines):
        source = source_lines[place.line - 1].removesuffix("\r").replace("\t", " ")
        gutter = str(place.line)
        pad, width = _marker(source, place.column)
        out.append(_paint(f" {gutter} | ", "dim", color) + printable(source))
        out.append(
            _paint(f" {' ' * len(gutter)} | ", "dim", color)
            + " " * pad
            + _paint("^" * width, "marker", color)
        )
    return "".join(line + "\n" for line in out)


def render_text(
    findings: Sequence[Finding],
    texts: Mapping[str, str],
    plan: str,
    *,
    color: bool = False,
    lang: str = FALLBACK,
) -> str:
    """Findings grouped by severity, each with its source line and a marker, then a summary."""
    return "".join(text_report(findings, texts, plan, color=color, lang=lang))


def text_report(
    findings: Sequence[Finding],
    texts: Mapping[str, str],
    plan: str,
    *,
    color: bool = False,
    lang: str = FALLBACK,
) -> Iterator[str]:
    """``render_text``'s report piece by piece, to be written as it is made: half a million
    findings (a full room) make a report of over 100 MB, never held whole."""
    # Lines as TOML counts them: only a line feed ends one (str.splitlines would also break at
    # U+2028, a form feed and others inside strings, and show the wrong line under a finding).
    lines_of = {name: text.split("\n") for name, text in texts.items()}
    hint_line = f"  {locales.label(lang, 'finding-report.hint')}\n"
    for severity, heading in ((Severity.ERROR, "errors"), (Severity.WARNING, "warnings")):
        group = [f for f in findings if f.severity is severity]
        if not group:
            continue
        words = locales.label(lang, f"finding-report.{heading}", count=len(group))
        yield _paint(words, "bold", color) + "\n\n"
        # Findings come sorted by place, so those at one place follow each other (a full room's
        # overlaps share a few keys): its heading, source line and marker are made once.
        last: tuple[str, Place | None] = ("", None)
        head = ""
        for finding in group:
            if (finding.code, finding.place) != last:
                last = (finding.code, finding.place)
                head = _heading(severity, finding.code, finding.place, lines_of, color)
            hint = finding.hint_in(lang)
            hint = hint_line.format(hint=printable(hint)) if hint else ""
            yield f"{head}  {printable(finding.message_in(lang))}\n{hint}\n"
    summary = count(list(findings))
    if not findings:
        yield locales.label(lang, "finding-report.clean", plan=printable(plan)) + "\n"
    else:
        errors = _plural(lang, summary["error"], "error")
        warnings = _plural(lang, summary["warning"], "warning")
        yield (
            locales.label(
                lang,
                "finding-report.summary",
                plan=printable(plan),
                errors=errors,
                warnings=warnings,
            )
            + "\n"
        )


# json's own string encoder (in C), as json.dumps uses it with ensure_ascii=False.
_JSON_STRING = json.encoder.encode_basestring


def _json_localized(finding: Finding, lang: str) -> str:
    """The ``localized`` member of a finding: its message and hint in ``lang``."""
    text = _JSON_STRING
    hint = finding.hint_in(lang)
    return (
        f',\n      "localized": {{\n        "lang": {text(lang)},\n'
        f'        "message": {text(finding.message_in(lang))},\n'
        f'        "hint": {"null" if hint is None else text(hint)}\n      }}'
    )


def _json_finding(finding: Finding, lang: str = FALLBACK) -> str:
    """One finding as ``json.dumps(..., indent=2)`` writes it two levels deep; ``localized``
    after the contract's keys when ``lang`` is not English."""
    text = _JSON_STRING
    subjects = (
        "[\n" + ",\n".join(f"        {text(s)}" for s in finding.subjects) + "\n      ]"
        if finding.subjects
        else "[]"
    )
    hint = "null" if finding.hint is None else text(finding.hint)
    return (
        f'    {{\n      "code": {text(finding.code)},\n'
        f'      "severity": {text(finding.severity.value)},\n'
        f'      "message": {text(finding.message)},\n'
        f'      "hint": {hint},\n'
        f'      "subjects": {subjects},\n'
        f'      "file": {text(finding.place.file)},\n'
        f'      "line": {int(finding.place.line)},\n'
        f'      "column": {int(finding.place.column)}'
        f"{'' if lang == FALLBACK else _json_localized(finding, lang)}\n    }}"
    )


def render_json(findings: Sequence[Finding], plan: str, lang: str = FALLBACK) -> str:
    """One JSON object: the plan, the counts and every finding, in the contract's order.

    ``message`` and ``hint`` are English whatever ``lang``; in another language each finding
    also has ``localized``: ``{"lang", "message", "hint"}`` in that language.

    The text is exactly ``json.dumps(document, ensure_ascii=False, indent=2)`` (a test holds
    them equal), but the findings are written here: json's indenting encoder is pure Python,
    three times slower than its compact one, and a dense plan has thousands of findings.
    """
    return "".join(json_report(findings, plan, lang))


def json_report(findings: Sequence[Finding], plan: str, lang: str = FALLBACK) -> Iterator[str]:
    """``render_json``'s text piece by piece, to be written as it is made (never held whole)."""
    head = json.dumps(
        {"plan": plan, "summary": count(list(findings)), "findings": []},
        ensure_ascii=False,
        indent=2,
    )
    if not findings:
        yield head + "\n"
        return
    # The head ends with the empty list of findings and the closing brace: the list goes there.
    yield head.removesuffix("[]\n}") + "[\n"
    separator = ""
    for finding in _in_order(findings):
        yield separator + _json_finding(finding, lang)
        separator = ",\n"
    yield "\n  ]\n}\n"


def _in_order(findings: Sequence[Finding]) -> Sequence[Finding]:
    """The findings sorted by place and code; ``check`` gives them sorted already, and then
    they are not copied (sorting builds a key for each of them, for nothing)."""
    if all(a.sort_key <= b.sort_key for a, b in itertools.pairwise(findings)):
        return findings
    return sorted(findings, key=lambda f: f.sort_key)


# --- CI: GitHub workflow commands and SARIF ------------------------------------------------


def _github_escape(value: str, *, prop: bool) -> str:
    """A workflow command's data (``prop=False``) or property value, escaped as the runner
    reads it back (actions/toolkit's ``escapeData`` and ``escapeProperty``)."""
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if prop else value


def render_github(findings: Sequence[Finding], lang: str = FALLBACK) -> str:
    """One ``::error file=F,line=L,col=C,title=CODE::message`` line per finding: GitHub Actions
    shows each as an annotation on that line of the pull request (message and hint in
    ``lang``)."""
    out = []
    for f in sorted(findings, key=lambda f: f.sort_key):
        props = ",".join(
            f"{key}={_github_escape(str(value), prop=True)}"
            for key, value in (
                ("file", f.place.file),
                ("line", f.place.line),
                ("col", f.place.column),
                ("title", f.code),
            )
        )
        message, hint = f.message_in(lang), f.hint_in(lang)
        if hint:
            message += "\n" + locales.label(lang, "finding-report.hint", hint=hint)
        text = message
        out.append(f"::{f.severity.value} {props}::{_github_escape(text, prop=False)}")
    return "".join(line + "\n" for line in out)


SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)


def _sarif_location(place: Place) -> dict[str, Any]:
    from pathlib import Path
    from urllib.parse import quote

    path = Path(place.file)
    # An absolute path as a file: URI; a relative one as a relative reference (to the folder
    # the check ran in, as code-scanning services expect).
    uri = path.as_uri() if path.is_absolute() else quote(path.as_posix())
    region = {"startLine": max(place.line, 1), "startColumn": max(place.column, 1)}
    return {"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}


def render_sarif(findings: Sequence[Finding], version: str, lang: str = FALLBACK) -> str:
    """SARIF 2.1.0 (code scanning in GitHub and GitLab, IDE viewers): one run whose driver lists
    every finding code as a rule, with each finding as a result at its file, line and column.

    Results' messages are in ``lang``; in another language than English the run says so in
    SARIF's own ``language`` property (RFC 5646; absent means en-US). The rules' descriptions
    are the registry's, in English."""
    from seminar_plan.checks.registry import REGISTRY

    index = {entry.code: number for number, entry in enumerate(REGISTRY)}
    rules = [
        {
            "id": entry.code,
            "shortDescription": {"text": entry.summary},
            "help": {"text": entry.fix},
            "defaultConfiguration": {"level": entry.severity.value},
        }
        for entry in REGISTRY
    ]
    results = []
    for f in sorted(findings, key=lambda f: f.sort_key):
        message, hint = f.message_in(lang), f.hint_in(lang)
        if hint:
            message = locales.label(lang, "finding-report.hint_inline", message=message, hint=hint)
        result: dict[str, Any] = {
            "ruleId": f.code,
            "level": f.severity.value,
            "message": {"text": message},
            "locations": [_sarif_location(f.place)],
        }
        if f.code in index:
            result["ruleIndex"] = index[f.code]
        if f.related is not None:
            related = _sarif_location(f.related)
            related["id"] = 1
            result["relatedLocations"] = [related]
        results.append(result)
    run: dict[str, Any] = {"language": lang} if lang != FALLBACK else {}
    document = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                **run,
                "tool": {
                    "driver": {
                        "name": "seminar-plan",
                        "version": version,
                        "informationUri": "https://pypi.org/project/seminar-plan/",
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
