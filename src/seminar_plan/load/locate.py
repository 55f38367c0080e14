"""Origins (file index, key path) -> places (file, line, column), scanning each file once."""

from __future__ import annotations

from typing import TYPE_CHECKING

from seminar_plan.findings import Place
from seminar_plan.load.read import Sources

if TYPE_CHECKING:
    from seminar_plan.load.places import Places
from seminar_plan.model import Origin

# How many places the locator remembers to share (a full room of 1,000 sessions needs 2,000).
_SHARED_PLACES = 4096


class Locator:
    """Finds places lazily: a file is scanned the first time a finding needs a place in it."""

    def __init__(self, sources: Sources) -> None:
        self.sources = sources
        self._places: dict[int, Places] = {}
        # Findings share places (each overlap in a full room names the same few keys): one
        # Place per origin, found once, rather than one per finding. Bounded: on a plan whose
        # findings each stand at their own place, it would only hold every origin alive.
        self._found: dict[Origin, Place] = {}

    def over(self, sources: Sources) -> Locator:
        """A locator for ``sources`` (the same files and texts) that keeps the places this
        one has found already (the loader's findings placed them)."""
        other = Locator(sources)
        other._places, other._found = self._places, self._found
        return other

    def _index(self, file: int) -> Places:
        places = self._places.get(file)
        if places is None:
            # A clean plan never needs places: the scanner is imported only when one does.
            from seminar_plan.load.places import index_places

            places = index_places(self.sources.files[file].text)
            self._places[file] = places
        return places

    def place(self, origin: Origin) -> Place:
        place = self._found.get(origin)
        if place is None:
            line, column = self._index(origin.file).find(origin.path)
            place = Place(self.sources.files[origin.file].display, line, column)
            if len(self._found) >= _SHARED_PLACES:
                self._found.clear()
            self._found[origin] = place
        return place

    def place_at(self, file: int, line: int, column: int) -> Place:
        return Place(self.sources.files[file].display, line, column)

    def line_of(self, origin: Origin) -> str:
        """``file:line`` of an origin, for messages that name another place."""
        place = self.place(origin)
        return f"{place.file}:{place.line}"
