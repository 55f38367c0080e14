"""The foyer board: one self-contained HTML page that shows now and next in every room, in
large type and in both working languages, and keeps itself current (pure: plan -> page).

The schedule is embedded in the page as JSON (start and end as instants, their clock text in
the event zone, titles and place names in both languages); a small script picks what is on now
and next every 15 seconds from the screen's clock. No server and no network: the file can be
opened from a USB stick on the foyer PC.

For rehearsals and tests the clock can be set: ``board.html?at=2025-07-24T10:05`` (a local
date-time in the event zone, or one with an offset) or ``<html data-at="...">``; the page then
runs from that moment on.
"""

from __future__ import annotations

import html
import json
import re

from seminar_plan import locales, present
from seminar_plan.model import Plan, Session, Text
from seminar_plan.text import language_order, pick, printable
from seminar_plan.views.now import places

_KEYS = ("now", "next", "left", "starts_in", "nothing", "nothing_next")


def board_languages(plan: Plan, lang: str | None) -> tuple[str, ...]:
    """The two working languages: ``--lang`` (else the event's first) and the next one of the
    event's languages; one when the event has one."""
    first = present.ui_language(plan, lang)
    others = [code for code in language_order(plan, lang) if code != first]
    return (first, *others[:1])


def _both(text: Text, languages: tuple[str, ...], plan: Plan) -> list[str]:
    """The text in each board language (its own fallback order after it)."""
    return [pick(text, (code, *language_order(plan, None))) for code in languages]


def _session(session: Session, languages: tuple[str, ...], plan: Plan) -> dict[str, object]:
    return {
        "date": session.date.isoformat(),
        "start": int(session.start.timestamp() * 1000),
        "end": int(session.end.timestamp() * 1000),
        "from": present.clock(session.start, session.date),
        "to": present.clock(session.end, session.date),
        "titles": _both(session.title, languages, plan),
    }


def schedule(plan: Plan, languages: tuple[str, ...]) -> dict[str, object]:
    """What the page embeds: the zone, the languages and their labels, and every place with
    its sessions."""
    entries = []
    for (ident, is_room), sessions in places(plan):
        if not sessions:
            continue
        room = plan.room_by_id.get(ident) if is_room else None
        if room is not None:
            name = room.name
        elif is_room:
            # A room the plan does not define (check reports unknown-ref): shown by its id.
            name = Text.plain(ident)
        else:
            venue = plan.venue_by_id.get(ident)
            name = venue.name if venue is not None else Text.plain(ident)
        entries.append(
            {
                "id": ident,
                "names": _both(name, languages, plan),
                "sessions": [_session(s, languages, plan) for s in sessions],
            }
        )
    return {
        "zone": plan.event.timezone,
        "languages": list(languages),
        "title": _both(plan.event.title, languages, plan),
        "labels": [
            {key: locales.label(code, f"board.{key}") for key in _KEYS} for code in languages
        ],
        "places": entries,
    }


_RAW_IN_JSON = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _json_for_script(data: object) -> str:
    """JSON that cannot end its <script> element early, whatever the plan's text holds."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # json escapes C0 controls but leaves DEL, C1, the line separators and the bidirectional
    # controls raw: escape them the JSON way, so the page's own escaping leaves them alone.
    text = _RAW_IN_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


_STYLE = """
html, body { margin: 0; background: #101418; color: #f4f4f0; }
body { font-family: "Noto Sans CJK JP", "Noto Sans CJK SC", "Noto Sans", sans-serif;
  padding: 2vw 3vw; box-sizing: border-box; min-height: 100vh; }
header { display: flex; justify-content: space-between; align-items: flex-end;
  border-bottom: 0.3vw solid #f2b233; padding-bottom: 1vw; margin-bottom: 1.5vw; }
h1 { font-size: 2.6vw; margin: 0; line-height: 1.25; font-weight: 700; }
h1 .second, .second { color: #b9c2cc; }
#clock { font-size: 7vw; font-weight: 700; line-height: 1; font-variant-numeric: tabular-nums; }
#date { font-size: 1.6vw; color: #b9c2cc; text-align: right; }
main { display: grid; grid-template-columns: repeat(auto-fit, minmax(40vw, 1fr)); gap: 1.5vw; }
section { background: #1d242c; border-radius: 1vw; padding: 1.4vw 1.8vw; }
h2 { font-size: 2.4vw; margin: 0 0 0.8vw; color: #f2b233; line-height: 1.2; }
h2 .second { font-size: 1.7vw; }
.slot { margin-top: 0.8vw; }
.label { font-size: 1.5vw; text-transform: uppercase; letter-spacing: 0.05em; color: #8fd18f; }
.next .label { color: #8fb8e8; }
.title { font-size: 3vw; font-weight: 700; line-height: 1.2; }
.title.second { font-size: 2.1vw; font-weight: 400; }
.when { font-size: 1.9vw; margin-top: 0.3vw; font-variant-numeric: tabular-nums; }
.empty { font-size: 2.2vw; color: #8a949e; }
"""

_SCRIPT = r"""
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("schedule").textContent);
  const zone = data.zone;
  const langs = data.languages;
  function parts(ms) {
    const format = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23",
      year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit",
      second: "2-digit" });
    const found = {};
    for (const part of format.formatToParts(new Date(ms))) found[part.type] = part.value;
    return found;
  }
  function offset(ms) {
    const p = parts(ms);
    return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - ms;
  }
  // A fake clock: "2025-07-24T10:05" is a wall-clock time in the event zone.
  function parseAt(text) {
    const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?$/
      .exec((text || "").trim());
    if (!m) return null;
    if (m[7]) return Date.parse(text.trim().replace(" ", "T"));
    const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] || 0));
    let guess = wall - offset(wall);
    guess = wall - offset(guess);
    return guess;
  }
  const asked = new URLSearchParams(location.search).get("at")
    || document.documentElement.dataset.at;
  const fake = parseAt(asked);
  const loaded = Date.now();
  function now() { return fake === null ? Date.now() : fake + (Date.now() - loaded); }
  function el(tag, className, text, lang) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    if (lang) node.lang = lang;
    return node;
  }
  function fill(template, fields) {
    return template.replace(/\{(\w+)\}/g, (whole, key) => key in fields ? fields[key] : whole);
  }
  function both(node, className, texts) {
    texts.forEach((text, i) => {
      if (i > 0 && text === texts[0]) return;
      node.appendChild(el("div", className + (i ? " second" : ""), text, langs[i]));
    });
  }
  function labelLine(key, fields) {
    return langs.map((lang, i) => fill(data.labels[i][key], fields || {})).join(" · ");
  }
  function slot(kind, session, at) {
    const box = el("div", "slot " + kind);
    box.appendChild(el("div", "label", labelLine(kind)));
    if (!session) {
      box.appendChild(el("div", "empty", labelLine(kind === "now" ? "nothing" : "nothing_next")));
      return box;
    }
    both(box, "title", session.titles);
    let when;
    if (kind === "now") {
      const left = Math.max(0, Math.ceil((session.end - at) / 60000));
      when = session.from + "–" + session.to + " · " + labelLine("left", { n: left });
    } else {
      const wait = Math.max(0, Math.ceil((session.start - at) / 60000));
      when = session.from + "–" + session.to + " · " + labelLine("starts_in", { n: wait });
    }
    box.appendChild(el("div", "when", when));
    return box;
  }
  function render() {
    const at = now();
    const p = parts(at);
    const today = p.year + "-" + p.month + "-" + p.day;
    document.getElementById("clock").textContent = p.hour + ":" + p.minute;
    document.getElementById("date").textContent = today + " · " + zone;
    const main = document.getElementById("places");
    main.replaceChildren();
    for (const place of data.places) {
      const todays = place.sessions.filter((s) => s.date === today);
      const current = todays.filter((s) => s.start <= at && at < s.end);
      const next = todays.find((s) => s.start > at);
      if (!current.length && !next) continue;
      const card = el("section");
      card.dataset.place = place.id;
      const heading = el("h2");
      place.names.forEach((name, i) => {
        if (i > 0 && name === place.names[0]) return;
        heading.appendChild(el("span", i ? "second" : "", (i ? " / " : "") + name, langs[i]));
      });
      card.appendChild(heading);
      if (current.length) current.forEach((s) => card.appendChild(slot("now", s, at)));
      else card.appendChild(slot("now", null, at));
      card.appendChild(slot("next", next, at));
      main.appendChild(card);
    }
    if (!main.children.length) {
      main.appendChild(el("p", "empty", labelLine("nothing_next")));
    }
  }
  render();
  setInterval(render, 15000);
})();
"""


def render_board(plan: Plan, *, lang: str | None = None) -> str:
    """The whole page: styles, the embedded schedule and the script, nothing fetched."""
    languages = board_languages(plan, lang)
    data = schedule(plan, languages)
    titles = _both(plan.event.title, languages, plan)
    heading = "".join(
        f'<div class="{"second" if i else ""}" lang="{html.escape(code)}">{html.escape(text)}</div>'
        for i, (code, text) in enumerate(zip(languages, titles, strict=True))
        if i == 0 or text != titles[0]
    )
    # Control characters from the plan shown escaped, as in paper.html_document.
    return printable(
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(languages[0])}" data-at="">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(titles[0])}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f'<header><h1>{heading}</h1><div><div id="clock"></div><div id="date"></div></div>'
        "</header>\n"
        '<main id="places"></main>\n'
        f'<script type="application/json" id="schedule">{_json_for_script(data)}</script>\n'
        f"<script>{_SCRIPT}</script>\n</body>\n</html>\n"
    )
