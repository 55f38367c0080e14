"""Generate a realistic plan of N sessions, with people, groups, rooms and venues in proportion.

Sessions fill a four-day programme in hourly slots; each room holds one session a slot, so the
plan is mostly clean, with a few deliberate clashes (about one session in a hundred double-books
a speaker) so that ``check`` also does the work of reporting.

A dense plan (``dense=True``, ``--dense``) packs the same sessions into half of the rooms,
so every room holds about two sessions a slot and its speakers and moderators are double-booked
(thousands of findings), and misspells one reference in a hundred (``unknown-ref`` with a hint).

    python benchmarks/generate_plan.py 3000 > /tmp/plan-3000.toml
    python benchmarks/generate_plan.py 3000 --dense > /tmp/dense-3000.toml
    python benchmarks/generate_plan.py 1000 --one-room > /tmp/one-room-1000.toml
"""

from __future__ import annotations

import random
import sys

DAYS = 4
SLOTS = [(h, h + 1) for h in range(8, 20)]  # 12 one-hour slots a day


def generate(sessions: int, seed: int = 1, *, dense: bool = False) -> str:
    rng = random.Random(seed)
    per_room = DAYS * len(SLOTS)
    rooms = max(1, -(-sessions // per_room))
    # Rooms are counted before packing, so a dense plan keeps the clean plan's people and groups.
    used_rooms = max(1, rooms // 2) if dense else rooms
    venues = max(2, rooms // 10)
    people = max(10, sessions // 2)
    groups = max(2, people // 20)
    out = [
        "format = 1",
        "",
        "[event]",
        'title = { ja = "生成された計画", zh = "生成的计划", en = "Generated plan" }',
        'timezone = "Asia/Shanghai"',
        "start = 2025-07-23",
        "end = 2025-07-26",
        'languages = ["ja", "zh", "en"]',
        f"participants = {people}",
        "",
        "[delegations.japan]",
        'name = { ja = "日本側", en = "Japan" }',
        f"headcount = {people // 2}",
        'language = "ja"',
        "",
        "[delegations.china]",
        'name = { zh = "中方", en = "China" }',
        f"headcount = {people - people // 2}",
        'language = "zh"',
        "",
    ]
    for v in range(venues):
        out += [f"[venues.v{v}]", f'name = "Venue {v}"', f'address = "Road {v}, Zhengzhou"', ""]
    for v in range(1, venues):
        out += [
            "[[travel]]",
            f'between = ["v0", "v{v}"]',
            f"minutes = {rng.choice([15, 30, 45])}",
            "",
        ]
    for r in range(rooms):
        out += [
            f"[rooms.r{r}]",
            f'venue = "v{r % venues}"',
            f'name = {{ ja = "会議室{r}", en = "Room {r}" }}',
            f"capacity = {rng.choice([60, 120, 300])}",
            f"booths = {rng.choice([0, 2])}",
            'open = "07:00"',
            'close = "22:00"',
            "",
        ]
    for p in range(people):
        delegation = "japan" if p % 2 == 0 else "china"
        out += [
            f"[people.p{p}]",
            f'name = {{ ja = "参加者{p}", zh = "参会者{p}", en = "Participant {p}" }}',
            'title = { ja = "課長", zh = "处长", en = "Director" }',
            f'delegation = "{delegation}"',
            f"rank = {p + 1}",
            "",
        ]
    # Speakers come from the first half of the people, group members from the second, and each
    # room keeps its speakers and its group all day, so only the planted clashes collide.
    half = people // 2
    for g in range(groups):
        members = ", ".join(f'"p{half + (g * 5 + k) % (people - half)}"' for k in range(5))
        out += [f"[groups.g{g}]", f'name = "Group {g}"', f"members = [{members}]", ""]
    for s in range(sessions):
        room = s % used_rooms
        slot_index = (s // used_rooms) % (DAYS * len(SLOTS))
        day = slot_index // len(SLOTS) + 1
        start, end = SLOTS[slot_index % len(SLOTS)]
        speaker = (2 * room + 2 * rooms * (day - 1)) % half
        moderator = speaker + 1
        if rng.random() < 0.01 and rooms > 1:
            # A planted clash: the speaker of the next room in the same slot moderates here too.
            moderator = (2 * ((room + 1) % rooms) + 2 * rooms * (day - 1)) % half
        # In a dense plan one reference in a hundred is misspelt (a person id with a typo).
        speaker_id = f"p{speaker}"
        if dense and rng.random() < 0.01:
            speaker_id = f"pp{speaker}"
        out += [
            "[[sessions]]",
            f'id = "s{s}"',
            f'title = {{ ja = "セッション{s}", zh = "会议{s}", en = "Session {s}" }}',
            f"day = {day}",
            f'start = "{start:02d}:00"',
            f'end = "{end:02d}:00"',
            f'kind = "{rng.choice(["lecture", "panel", "meeting", "keynote"])}"',
            f'track = "{"main" if room == 0 else "side"}"',
            f'room = "r{room}"',
            f'speakers = ["{speaker_id}"]',
            f'moderators = ["p{moderator}"]',
            f'attendees = ["g{room % groups}"]',
            'interpretation = "consecutive"',
            "",
        ]
        if s % 10 == 0:
            out += [
                "[[sessions.cues]]",
                f'at = "{start:02d}:05"',
                'what = { ja = "司会が開会を告げる", en = "MC opens" }',
                f'who = "p{moderator}"',
                "",
            ]
    return "\n".join(out)


def generate_one_room(sessions: int) -> str:
    """N sessions in one room at the same hour (issue 9): every pair overlaps, so ``check``
    reports N * (N - 1) / 2 room overlaps (499,500 at 1,000 sessions, from a 75 KB plan)."""
    out = [
        "format = 1",
        "",
        "[event]",
        'title = "One room"',
        'timezone = "Asia/Shanghai"',
        "start = 2025-07-23",
        "end = 2025-07-23",
        "",
        "[venues.v]",
        'name = "Venue"',
        "",
        "[rooms.hall]",
        'name = "Hall"',
        'venue = "v"',
        "",
    ]
    for s in range(sessions):
        out += [
            "[[sessions]]",
            f'id = "s{s}"',
            f'title = "S{s}"',
            "day = 1",
            'start = "09:00"',
            'end = "10:00"',
            'room = "hall"',
            "",
        ]
    return "\n".join(out)


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    size = int(arguments[0]) if arguments else 300
    if "--one-room" in sys.argv[1:]:
        sys.stdout.write(generate_one_room(size))
    else:
        sys.stdout.write(generate(size, dense="--dense" in sys.argv[1:]))
