"""Findings -> the text report a person reads, and the JSON report scripts read (pure)."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence

from seminar_plan.findings import Finding, Severity, count
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


def _plural(number: int, word: str) -> str:
    return f"{number} {word}" if number == 1 else f"{number} {word}s"


def render_text(
    findings: Sequence[Finding], texts: Mapping[str, str], plan: str, *, color: bool = False
) -> str:
    """Findings grouped by severity, each with its source line and a marker, then a summary."""
    # Lines as TOML counts them: only a line feed ends one (str.splitlines would also break at
    # U+2028, a form feed and others inside strings, and show the wrong line under a finding).
    lines_of = {name: text.split("\n") for name, text in texts.items()}
    out: list[str] = []
    for severity, heading in ((Severity.ERROR, "Errors"), (Severity.WARNING, "Warnings")):
        group = [f for f in findings if f.severity is severity]
        if not group:
            continue
        out.append(_paint(f"{heading} ({len(group)})", "bold", color))
        out.append("")
        for finding in group:
            place = finding.place
            label = _paint(f"{severity.value}[{finding.code}]", severity.value, color)
            out.append(f"{label} {printable(place.file)}:{place.line}:{place.column}")
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
            out.append(f"  {printable(finding.message)}")
            if finding.hint:
                out.append(f"  hint: {printable(finding.hint)}")
            out.append("")
    summary = count(list(findings))
    if not findings:
        out.append(f"{printable(plan)}: no problems found")
    else:
        errors = _plural(summary["error"], "error")
        out.append(f"{printable(plan)}: {errors}, {_plural(summary['warning'], 'warning')}")
    return "\n".join(out) + "\n"


def render_json(findings: Sequence[Finding], plan: str) -> str:
    """One JSON object: the plan, the counts and every finding, in the contract's order."""
    document = {
        "plan": plan,
        "summary": count(list(findings)),
        "findings": [
            {
                "code": f.code,
                "severity": f.severity.value,
                "message": f.message,
                "hint": f.hint,
                "subjects": list(f.subjects),
                "file": f.place.file,
                "line": f.place.line,
                "column": f.place.column,
            }
            for f in sorted(findings, key=lambda f: f.sort_key)
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
