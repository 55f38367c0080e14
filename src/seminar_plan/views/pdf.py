"""Run sheets as PDF, through fpdf2 (the ``[pdf]`` extra) and a CJK font found on the system.

fpdf2 is imported inside ``render_pdf`` only: the rest of seminar-plan works without it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from seminar_plan import present
from seminar_plan.errors import SeminarPlanError
from seminar_plan.text import wrap_lines
from seminar_plan.views.paper import Phrase, stamp_text
from seminar_plan.views.runsheet import (
    COLUMNS,
    Row,
    RunSheet,
    clock,
    duration_text,
    finding_text,
    heading_parts,
    interpretation_parts,
    interpreter_groups,
    running_text,
)

if TYPE_CHECKING:
    from fpdf import FPDF
    from fpdf.enums import WrapMode

FamilyOf = Callable[[Phrase | None], str]

# Where the usual packages put Noto Sans CJK or Source Han Sans (Debian/Ubuntu, Fedora, Arch,
# openSUSE, macOS with the Adobe or Google download installed for all users).
SYSTEM_CJK_FONTS = (
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/adobe-source-han-sans/SourceHanSans-Regular.ttc"),
    Path("/usr/share/fonts/opentype/source-han-sans/SourceHanSans-Regular.ttc"),
    Path("/Library/Fonts/NotoSansCJK-Regular.ttc"),
    Path("/Library/Fonts/SourceHanSans-Regular.ttc"),
)

NO_FONT = (
    "no CJK font found for the PDF (looked for Noto Sans CJK and Source Han Sans). Install one"
    " (Debian/Ubuntu: `apt-get install fonts-noto-cjk`; Fedora: `dnf install"
    " google-noto-sans-cjk-fonts`; elsewhere download NotoSansCJK-Regular.ttc from"
    " https://github.com/notofonts/noto-cjk) and pass --font PATH if it is not found,"
    " or print the HTML run sheet from a browser instead"
)

# The face of a font collection to use for each language, by the region tag in its name.
_FACE_TAGS = {
    "ja": ("JP", "Japanese"),
    "zh": ("SC", "Simplified Chinese", "CN"),
    "ko": ("KR", "Korean"),
}
_MARGIN = 10.0
_LINE_HEIGHT = 3.6
_WIDTHS = (7.5, 4.5, 5.5, 20, 16, 8, 10, 9.5, 16, 3)
# Millimetres of a column that text does not use (fpdf2's cell padding and rounding).
_CELL_SLACK = 2.5
_GREY = (230, 230, 230)
_RED = (176, 0, 0)


class PdfError(SeminarPlanError):
    """The PDF cannot be made; the message says why and what to do, in one line."""


def find_font(candidates: Iterable[Path]) -> Path | None:
    """The first candidate that is a file."""
    return next((path for path in candidates if path.is_file()), None)


def _faces(font: Path) -> dict[str, int]:
    """Language -> face index in a collection (.ttc/.otc); a single font has only face 0.

    The font is read from memory, so a file that is no font fails here, before fpdf2 opens it.
    """
    import io

    from fontTools.ttLib import TTCollection, TTFont  # type: ignore[import-untyped]  # untyped

    data = font.read_bytes()
    if data[:4] != b"ttcf":
        TTFont(io.BytesIO(data), lazy=True)
        return {}
    faces: dict[str, int] = {}
    for index, face in enumerate(TTCollection(io.BytesIO(data), lazy=True).fonts):
        family = face["name"].getDebugName(1) or ""
        for lang, tags in _FACE_TAGS.items():
            if lang not in faces and any(f" {tag}" in family for tag in tags):
                faces[lang] = index
    return faces


def render_pdf(sheet: RunSheet, font: Path) -> bytes:
    """The run sheet as an A4 landscape PDF: header and column headings on every page, rows
    never split, each room on its own pages, "page N of M" at the foot."""
    try:
        from fpdf import FPDF
    except ImportError:
        raise PdfError(
            "PDF output needs fpdf2: pip install 'seminar-plan[pdf]'"
            " (or print the HTML run sheet from a browser)"
        ) from None

    labels = sheet.labels
    try:
        faces = _faces(font)
    except Exception as error:  # noqa: BLE001 - fontTools raises many kinds of error for a bad file
        raise PdfError(f"{font}: cannot use this font ({type(error).__name__}: {error})") from None
    families = {lang: f"cjk-{lang}" for lang in _FACE_TAGS}
    fallback = faces.get(sheet.ui, 0)

    def family_for(value: Phrase | None) -> str:
        lang = value.lang if value is not None and value.lang in families else sheet.ui
        return families.get(lang, families["ja"])

    class Sheet(FPDF):
        def header(self) -> None:
            # One line each, cut to the page with "…" when too long: the first page prints
            # them whole below (``_whole_heading``).
            self.set_font(family_for(sheet.title), size=12)
            title = _fitted(self, f"{labels['sheet']} — {sheet.title.text}", self.epw)
            self.cell(0, 6, title, new_x="LMARGIN", new_y="NEXT")
            self.set_font(family_for(None), size=8)
            parts = " · ".join(heading_parts(sheet))
            self.cell(self.epw * 0.6, 5, _fitted(self, parts, self.epw * 0.6))
            stamp = stamp_text(sheet.stamp, labels)
            self.cell(0, 5, stamp, align="R", new_x="LMARGIN", new_y="NEXT")
            self.line(self.l_margin, self.y, self.w - self.r_margin, self.y)
            self.ln(2)

        def footer(self) -> None:
            self.set_y(-_MARGIN)
            self.set_font(family_for(None), size=8)
            self.cell(0, 5, labels["page"].format(page=self.page_no(), pages="{nb}"), align="R")

    pdf = Sheet(orientation="landscape", unit="mm", format="A4")
    pdf.set_margins(_MARGIN, _MARGIN, _MARGIN)
    pdf.set_auto_page_break(auto=True, margin=_MARGIN + 4)
    try:
        for lang, family in families.items():
            pdf.add_font(family, fname=str(font), collection_font_number=faces.get(lang, fallback))
    except Exception as error:  # noqa: BLE001 - fpdf2 raises many kinds of error for a bad font file
        raise PdfError(f"{font}: cannot use this font ({type(error).__name__}: {error})") from None
    pdf.set_title(f"{labels['sheet']} — {sheet.title.text}")
    pdf.set_creator("seminar-plan runsheet")
    _sections(pdf, sheet, family_for)
    _contacts(pdf, sheet, family_for(None))
    _refuse_missing_glyphs(pdf, font)
    return bytes(pdf.output())


def _sections(pdf: FPDF, sheet: RunSheet, family_for: FamilyOf) -> None:
    """Each room's table on its own pages (the findings box on the first)."""
    labels = sheet.labels
    default_family = family_for(None)
    sections = sheet.sections or (None,)
    for index, section in enumerate(sections):
        pdf.add_page()
        top = pdf.y
        pdf.set_font(default_family, size=8)
        if index == 0:
            _whole_heading(pdf, sheet, family_for)
            _findings_box(pdf, sheet, default_family)
        if section is None:
            pdf.cell(0, 6, labels["nothing"], new_x="LMARGIN", new_y="NEXT")
            continue
        if sheet.room is None:
            pdf.set_font(family_for(section.name), size=11)
            pdf.multi_cell(0, 7, section.name.text, new_x="LMARGIN", new_y="NEXT")
            pdf.set_font(default_family, size=8)
        rows = [_row_cells(pdf, row, sheet, family_for) for row in section.rows]
        try:
            _table(pdf, sheet, rows, top, default_family)
        except ValueError as error:
            raise PdfError(f"cannot lay out the run sheet: {error}") from None


def _fitted(pdf: FPDF, value: str, width: float) -> str:
    """``value`` if it fits ``width`` in the current font, else its longest start that fits
    with "…" after it."""
    if pdf.get_string_width(value) <= width:
        return value
    low, high = 0, len(value)
    while low < high:
        middle = (low + high + 1) // 2
        if pdf.get_string_width(value[:middle] + "…") <= width:
            low = middle
        else:
            high = middle - 1
    return value[:low] + "…"


def _whole_heading(pdf: FPDF, sheet: RunSheet, family_for: FamilyOf) -> None:
    """On the first page, the sheet's title and day line in full when the page header had to
    cut them (an event title of a few hundred characters): nothing written is lost."""
    title = f"{sheet.labels['sheet']} — {sheet.title.text}"
    parts = " · ".join(heading_parts(sheet))
    pdf.set_font(family_for(sheet.title), size=12)
    title_cut = _fitted(pdf, title, pdf.epw) != title
    pdf.set_font(family_for(None), size=8)
    parts_cut = _fitted(pdf, parts, pdf.epw * 0.6) != parts
    if not (title_cut or parts_cut):
        return
    pdf.set_font(family_for(sheet.title), size=10)
    pdf.multi_cell(0, 5, title, new_x="LMARGIN", new_y="NEXT", wrapmode=_wrapmode(sheet))
    pdf.set_font(family_for(None), size=8)
    pdf.multi_cell(0, 4, parts, new_x="LMARGIN", new_y="NEXT", wrapmode=_wrapmode(sheet))
    pdf.ln(2)


def _table(pdf: FPDF, sheet: RunSheet, rows: list[_Cells], top: float, family: str) -> None:
    """The rows under the column headings; fpdf2 moves a row that does not fit the rest of a
    page to the next one, headings repeated. A row taller than a whole page (a note of a few
    thousand characters) is cut between lines into pieces: the first fills the rest of the page,
    each further piece starts a page under the headings, marked as a continuation."""
    pdf.set_font(family, size=8)
    line_room = pdf.page_break_trigger - top - _heading_height(pdf, sheet)
    pending: list[_Cells] = []
    for cells in rows:
        if cells.height <= line_room:
            pending.append(cells)
            continue
        if pending:
            _draw(pdf, sheet, pending, family, headings=True)
            space, headed = pdf.page_break_trigger - pdf.y, False
        else:
            space, headed = pdf.page_break_trigger - pdf.y - _heading_height(pdf, sheet), True
        if _lines_within(space) < 1:
            pdf.add_page()
            space, headed = line_room, True
        pieces = _pieces(cells, _lines_within(space), _lines_within(line_room), sheet)
        _draw(pdf, sheet, [next(pieces)], family, headings=headed)
        pending = []
        for piece in pieces:
            if pending:
                _draw(pdf, sheet, pending, family, headings=True)
            pdf.add_page()
            pending = [piece]
    if pending or not rows:
        _draw(pdf, sheet, pending, family, headings=True)


def _draw(pdf: FPDF, sheet: RunSheet, rows: list[_Cells], family: str, *, headings: bool) -> None:
    """One fpdf2 table of ``rows``, under the column headings or (a piece of a row continuing
    the table just drawn) without them."""
    from fpdf.fonts import FontFace

    pdf.set_font(family, size=8)
    with pdf.table(
        col_widths=_WIDTHS,
        text_align="LEFT",
        v_align="TOP",
        line_height=_LINE_HEIGHT,
        wrapmode=_wrapmode(sheet),
        first_row_as_headings=headings,
        repeat_headings=1,
        headings_style=FontFace(family=family, fill_color=_GREY),
    ) as table:
        if headings:
            heading = table.row()
            for name in COLUMNS:
                heading.cell(sheet.labels[name])
        for cells in rows:
            row = table.row(style=FontFace(family=family, fill_color=cells.fill))
            for text, face in cells.columns:
                row.cell(text, style=FontFace(family=face, fill_color=cells.fill))


def _contacts(pdf: FPDF, sheet: RunSheet, family: str) -> None:
    if not sheet.contacts:
        return
    labels = sheet.labels
    pdf.ln(4)
    pdf.set_font(family, size=10)
    pdf.cell(0, 6, labels["contacts"], new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, size=8)
    for contact in sheet.contacts:
        roles = present.list_separator(sheet.ui).join(labels[role] for role in contact.roles)
        entries = ", ".join(f"{kind}: {value}" for kind, value in contact.entries)
        pdf.multi_cell(
            0,
            4,
            f"{contact.name.text} ({roles}): {entries or labels['no_contact']}",
            new_x="LMARGIN",
            new_y="NEXT",
        )


def _refuse_missing_glyphs(pdf: FPDF, font: Path) -> None:
    # fpdf2 prints a blank for each character its font has no glyph for (and only logs it):
    # a run sheet with blank names is worse than none.
    missing = sorted(
        {chr(code) for added in pdf.fonts.values() for code in getattr(added, "missing_glyphs", ())}
    )
    if missing:
        # The fonts' files stay open (fontTools reads them lazily) until closed: close them
        # here, as no PDF will be written from them.
        for added in pdf.fonts.values():
            opened = getattr(added, "ttfont", None)
            if opened is not None:
                opened.close()
        sample = "".join(missing[:10]) + ("…" if len(missing) > 10 else "")
        raise PdfError(
            f"{font} has no glyphs for {len(missing)} characters of the sheet ({sample});"
            " use a font that covers Japanese and Chinese, such as Noto Sans CJK"
            " (Debian: apt-get install fonts-noto-cjk), with --font"
        )


def _findings_box(pdf: FPDF, sheet: RunSheet, family: str) -> None:
    if not sheet.findings:
        return
    lines = [sheet.labels["errors"].format(n=len(sheet.findings))]
    lines += [f"• {finding_text(f, sheet.ui)}" for f in sheet.findings]
    pdf.set_draw_color(*_RED)
    pdf.set_line_width(0.6)
    pdf.set_font(family, size=8)
    pdf.multi_cell(0, 4, "\n".join(lines), border=1, padding=2, new_x="LMARGIN", new_y="NEXT")
    pdf.set_draw_color(0, 0, 0)
    pdf.set_line_width(0.2)
    pdf.ln(2)


@dataclass(frozen=True)
class _Cells:
    """One row of the table as drawn: each column's text, its lines already broken, and the
    font family it is set in."""

    fill: tuple[int, int, int] | None
    columns: tuple[tuple[str, str], ...]

    @property
    def lines(self) -> tuple[tuple[str, ...], ...]:
        """Each column's lines as fpdf2 counts them: none for no text, and a final line feed
        does not start a line."""
        return tuple(_lines(text) for text, _ in self.columns)

    @property
    def height(self) -> float:
        return max(len(lines) for lines in self.lines) * _LINE_HEIGHT


def _lines(text: str) -> tuple[str, ...]:
    if not text:
        return ()
    lines = text.split("\n")
    return tuple(lines[:-1] if len(lines) > 1 and not lines[-1] else lines)


def _lines_within(space: float) -> int:
    # A hair under the space: fpdf2 adds the line heights up, and a sum that rounds above the
    # space would move the piece to the next page.
    return max(0, int((space - 0.01) // _LINE_HEIGHT))


def _pieces(cells: _Cells, first: int, then: int, sheet: RunSheet) -> Iterator[_Cells]:
    """``cells`` cut between lines: a first piece of at most ``first`` lines, then pieces of at
    most ``then`` lines, each beginning its time column with the time and the continuation
    mark. Every line of every column is in exactly one piece, in order."""
    columns = [list(lines) for lines in cells.lines]
    families = [family for _, family in cells.columns]
    mark = [*columns[0][:1], sheet.labels["continued"]]
    if first < 1 or then <= len(mark):
        raise PdfError("cannot lay out the run sheet: a page holds too few lines")
    taken = [0] * len(columns)
    capacity, continued = first, False
    while not continued or any(t < len(c) for t, c in zip(taken, columns, strict=True)):
        texts = []
        for index, lines in enumerate(columns):
            prefix = mark if continued and index == 0 else []
            end = taken[index] + capacity - len(prefix)
            texts.append("\n".join([*prefix, *lines[taken[index] : end]]))
            taken[index] = min(end, len(lines))
        yield _Cells(cells.fill, tuple(zip(texts, families, strict=True)))
        capacity, continued = then, True


def _wrapmode(sheet: RunSheet) -> WrapMode:
    from fpdf.enums import WrapMode

    return WrapMode.CHAR if sheet.ui in ("ja", "zh") else WrapMode.WORD


def _heading_height(pdf: FPDF, sheet: RunSheet) -> float:
    """The height of the column headings as fpdf2 sets them (a long label takes two lines)."""
    from fpdf.enums import MethodReturnValue

    heights = [
        pdf.multi_cell(
            pdf.epw * share / sum(_WIDTHS),
            _LINE_HEIGHT,
            sheet.labels[name],
            max_line_height=_LINE_HEIGHT,
            padding=0,
            wrapmode=_wrapmode(sheet),
            dry_run=True,
            output=MethodReturnValue.HEIGHT,
        )
        for name, share in zip(COLUMNS, _WIDTHS, strict=True)
    ]
    return max(float(height) for height in heights)  # type: ignore[arg-type]


def _row_cells(pdf: FPDF, row: Row, sheet: RunSheet, family_for: FamilyOf) -> _Cells:
    """One row of the table; gaps and overlaps are shaded."""
    labels = sheet.labels
    separator = present.list_separator(sheet.ui)
    fill = None if row.kind in ("session", "cue") else (242, 242, 242)
    if row.kind == "overlap":
        fill = (253, 226, 226)
    if row.kind == "gap":
        item = labels["gap"]
    elif row.kind == "overlap" and row.between is not None:
        item = labels["overlap_with"].format(first=row.between[0].text, second=row.between[1].text)
    elif row.kind == "cue" and row.item is not None:
        item = f"› {row.item.text}"
    else:
        item = row.item.text if row.item is not None else ""
    who = "\n".join(
        f"{labels[credit.role]}: {separator.join(name.text for name in credit.names)}"
        for credit in row.credits
    )
    interpretation = " · ".join(interpretation_parts(row, labels))
    if interpretation:
        for group, people in interpreter_groups(row, labels):
            lead = f"{group}: " if group else ""
            interpretation += "\n" + lead + separator.join(name.text for name in people)
    place = row.place.text if row.place is not None and row.kind in ("session", "cue") else ""
    texts = (
        (clock(row, sheet.date), None),
        (duration_text(row, labels), None),
        (running_text(row), None),
        (item, row.item),
        (who, None),
        (place, row.place),
        (interpretation, None),
        (row.av.text if row.av else "", row.av),
        (row.notes.text if row.notes else "", row.notes),
        ("□" if row.kind in ("session", "cue") else "", None),
    )
    columns = []
    for (text, source), share in zip(texts, _WIDTHS, strict=True):
        family = family_for(source)
        # Break the lines here, where kinsoku and word boundaries are known, so fpdf2 does not
        # put 、 or ） at the start of a line (its CHAR mode breaks anywhere).
        pdf.set_font(family, size=8)
        width = pdf.epw * share / sum(_WIDTHS) - _CELL_SLACK
        columns.append((wrap_lines(text, width, pdf.get_string_width), family))
    return _Cells(fill, tuple(columns))
