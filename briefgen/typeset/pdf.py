"""Blocks → a PDF (bytes) with reportlab's platypus, typeset by a ``Style``.

Every page carries a running header (title · date), a "Page X of Y" footer and, when
given, the marking banner at top and bottom.  Every heading becomes a bookmark, headings
keep with what follows, bullets hang, tables fit the text width with wrapped cells, and
the title, author, subject and keywords are set.  Text is escaped before reportlab's
Paragraph sees it (Paragraph parses markup, so "S&P" or "<b>" from a source would
otherwise break or vanish).  The first TrueType family of the style found on the system
is embedded; reportlab's Vera (Latin only) is the fallback, with one warning.  Output is
reproducible: reportlab's invariant mode, and the document date from ``DocumentInfo``.
"""

from __future__ import annotations

import functools
import io
import warnings
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

import reportlab
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    ListFlowable,
    ListItem,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from .. import MADE_WITH
from .blocks import Block, Run
from .style import DocumentInfo, FontFiles, Style

FONT_DIRS = [
    Path("/usr/share/fonts"),
    Path("/usr/local/share/fonts"),
    Path.home() / ".fonts",
    Path.home() / ".local/share/fonts",
    Path("/Library/Fonts"),
    Path("C:/Windows/Fonts"),
]
VERA = FontFiles("Vera.ttf", "VeraBd.ttf", "VeraIt.ttf", "VeraBI.ttf")
SAFE_LINK = ("http://", "https://", "mailto:")


@dataclass(frozen=True)
class Fonts:
    regular: str
    bold: str
    italic: str
    bold_italic: str


def render_pdf(blocks: list[Block], info: DocumentInfo, style: Style) -> bytes:
    """The document as PDF bytes."""
    fonts = embedded_fonts(style.pdf_fonts)
    styles = _styles(fonts, style)
    width, height = (side * mm for side in style.page_mm)
    out = io.BytesIO()
    doc = _BriefDocument(
        out,
        pagesize=(width, height),
        leftMargin=style.margins["left"] * mm,
        rightMargin=style.margins["right"] * mm,
        topMargin=style.margins["top"] * mm,
        bottomMargin=style.margins["bottom"] * mm,
        title=info.title,
        author=style.author,
        subject=info.subject,
        keywords=info.keywords,
        creator=MADE_WITH,
        invariant=1,
        initialFontName=fonts.regular,  # else every page lists an unused Helvetica
    )
    doc.info_time = info.time
    story: list = []
    bullets: list[Block] = []
    for block in [*blocks, Block("end")]:
        if block.kind == "bullet":
            bullets.append(block)
            continue
        if bullets:
            story.append(_bullet_list(bullets, styles))
            bullets = []
        story.extend(_flowables(block, styles, style, doc.width))
    canvasmaker = functools.partial(_PageCanvas, furniture=_Furniture(info, style, fonts))
    doc.build(story, canvasmaker=canvasmaker)
    return out.getvalue()


class _BriefDocument(BaseDocTemplate):
    """One frame exactly the text area; a bookmark for every heading; a fixed document date."""

    info_time = None
    headings_seen = 0

    def build(self, flowables, canvasmaker) -> None:
        # No frame padding, so text, the summary box and tables share the margins' edges.
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            id="text",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        super().build(flowables, canvasmaker=canvasmaker)

    def beforeDocument(self) -> None:
        # reportlab stamps CreationDate/ModDate from this; ours comes from the brief.
        self.canv._doc._timeStamp = _Stamp(self.info_time)

    def afterFlowable(self, flowable) -> None:
        level = getattr(flowable, "outline_level", None)
        if level is None:
            return
        # A heading too long for one page is split, and its pieces carry no level: the
        # outline may then lack a parent, and reportlab refuses to skip a level.
        level = min(level, getattr(self, "outline_depth", -1) + 1)
        self.outline_depth = level
        self.headings_seen += 1
        key = f"h{self.headings_seen}"
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(flowable.getPlainText(), key, level=level, closed=False)


class _Stamp:
    """The shape of reportlab's TimeStamp, for a given UTC time."""

    def __init__(self, when) -> None:
        self.YMDhms = tuple(when.timetuple())[:6]
        self.dhh = self.dmm = 0
        self.t = when.timestamp()


@dataclass(frozen=True)
class _Furniture:
    """What is drawn on every page outside the text frame."""

    info: DocumentInfo
    style: Style
    fonts: Fonts

    def draw(self, canvas, page: int, total: int) -> None:
        width, height = canvas._pagesize
        left, right = self.style.margins["left"] * mm, width - self.style.margins["right"] * mm
        size = self.style.sizes["small"]
        colour = self.style.colours
        canvas.saveState()
        if self.info.marking:
            canvas.setFont(self.fonts.bold, size + 1.5)
            canvas.setFillColor(colors.HexColor(colour["marking"]))
            canvas.drawCentredString(width / 2, height - 8 * mm, self.info.marking)
            canvas.drawCentredString(width / 2, 5 * mm, self.info.marking)
        canvas.setFont(self.fonts.regular, size)
        canvas.setFillColor(colors.HexColor(colour["muted"]))
        header_y = height - self.style.margins["top"] * mm + 6 * mm
        date_width = canvas.stringWidth(self.info.date_text, self.fonts.regular, size)
        canvas.drawRightString(right, header_y, self.info.date_text)
        canvas.drawString(
            left,
            header_y,
            _fit(self.info.title, right - left - date_width - 8 * mm, self.fonts.regular, size),
        )
        canvas.setStrokeColor(colors.HexColor(colour["rule"]))
        canvas.setLineWidth(0.5)
        canvas.line(left, header_y - 2 * mm, right, header_y - 2 * mm)
        canvas.drawCentredString(width / 2, 10 * mm, f"Page {page} of {total}")
        canvas.restoreState()


class _PageCanvas(pdfcanvas.Canvas):
    """Defers page output until the page count is known, for "Page X of Y"."""

    def __init__(self, *args, furniture: _Furniture, **kwargs):
        super().__init__(*args, **kwargs)
        self._furniture = furniture
        self._pages: list[dict] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._furniture.draw(self, self._pageNumber, total)
            super().showPage()
        super().save()


def _fit(text: str, width: float, font: str, size: float) -> str:
    """``text`` cut at a word with an ellipsis so it fits ``width``."""
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    # The most words that fit, by bisection: dropping one word at a time from a headline
    # of thousands of words took minutes per page.
    words = text.split()
    fit, too_many = 0, len(words) + 1
    while too_many - fit > 1:
        middle = (fit + too_many) // 2
        if pdfmetrics.stringWidth(" ".join(words[:middle]) + " …", font, size) <= width:
            fit = middle
        else:
            too_many = middle
    return " ".join(words[:fit]) + " …"


def _flowables(block: Block, styles: dict[str, ParagraphStyle], style: Style, width: float) -> list:
    if block.kind == "heading":
        paragraph = Paragraph(_markup(block.runs), styles.get(f"h{block.level}", styles["h3"]))
        paragraph.outline_level = max(0, block.level - 1)
        return [paragraph]
    if block.kind in ("bluf", "quote"):
        return [_boxed(block, styles, style, width)]
    if block.kind == "table":
        return [_table(block, styles, style, width), Spacer(1, 4)]
    if block.kind in ("note", "source", "numbered"):
        return [Paragraph(_markup(block.runs), styles[block.kind])]
    if block.kind == "paragraph":
        return [Paragraph(_markup(block.runs), styles["body"])]
    return []


def _bullet_list(bullets: list[Block], styles: dict[str, ParagraphStyle]) -> ListFlowable:
    body = styles["bullet"]
    items = [ListItem(Paragraph(_markup(b.runs), body), value="•") for b in bullets]
    return ListFlowable(
        items,
        bulletType="bullet",
        start="•",
        leftIndent=11,
        bulletFontName=body.fontName,
        bulletFontSize=body.fontSize,
        bulletOffsetY=0,
        spaceAfter=2,
    )


def _boxed(block: Block, styles: dict[str, ParagraphStyle], style: Style, width: float) -> Table:
    """The bottom line up front: a shaded box with a rule down its left side."""
    box = Table([[Paragraph(_markup(block.runs), styles["quote"])]], colWidths=[width])
    box.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), styles["body"].fontName),  # else Table names Helvetica
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(style.colours["shade"])),
                ("LINEBEFORE", (0, 0), (0, -1), 2.5, colors.HexColor(style.colours["accent"])),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    box.spaceAfter = 2
    return box


def _table(block: Block, styles: dict[str, ParagraphStyle], style: Style, width: float) -> Table:
    columns = max(len(row) for row in block.rows)
    data = [
        [Paragraph(_markup(cell), styles["th" if i == 0 else "td"]) for cell in row]
        + [""] * (columns - len(row))
        for i, row in enumerate(block.rows)
    ]
    table = Table(data, colWidths=_column_widths(block, columns, styles["th"], width), repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), styles["body"].fontName),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(style.colours["shade"])),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.HexColor(style.colours["accent"])),
                ("LINEBELOW", (0, 1), (-1, -1), 0.4, colors.HexColor(style.colours["rule"])),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _column_widths(block: Block, columns: int, cell: ParagraphStyle, width: float) -> list[float]:
    """Narrow columns keep their natural width; the rest share what is left, so cells wrap."""
    natural = [12.0] * columns
    for row in block.rows:
        for index, runs in enumerate(row):
            text = "".join(r.text for r in runs)
            natural[index] = max(
                natural[index], pdfmetrics.stringWidth(text, cell.fontName, cell.fontSize) + 10
            )
    narrow = [n <= width * 0.2 for n in natural]
    fixed = sum(n for n, is_narrow in zip(natural, narrow) if is_narrow)
    wide = sum(n for n, is_narrow in zip(natural, narrow) if not is_narrow)
    if not wide:
        return [n + (width - fixed) / columns for n in natural]
    return [n if is_narrow else n * (width - fixed) / wide for n, is_narrow in zip(natural, narrow)]


def _markup(runs: list[Run]) -> str:
    """Runs → reportlab Paragraph markup, with every source character escaped."""
    parts = []
    for run in runs:
        text = escape(run.text)
        if run.bold:
            text = f"<b>{text}</b>"
        if run.italic:
            text = f"<i>{text}</i>"
        if run.href and run.href.lower().startswith(SAFE_LINK):
            text = f'<link href="{escape(run.href, {chr(34): "&quot;"})}"><u>{text}</u></link>'
        parts.append(text)
    return "".join(parts)


def _styles(fonts: Fonts, style: Style) -> dict[str, ParagraphStyle]:
    size = style.sizes
    colour = {k: colors.HexColor(v) for k, v in style.colours.items()}
    body = ParagraphStyle(
        "body",
        fontName=fonts.regular,
        fontSize=size["body"],
        leading=size["body"] * 1.24,
        spaceAfter=2.5,
        alignment=TA_LEFT,
        textColor=colour["text"],
        linkUnderline=0,
        allowWidows=0,
        allowOrphans=0,
    )
    heading = ParagraphStyle(
        "h2",
        parent=body,
        fontName=fonts.bold,
        fontSize=size["heading"],
        leading=size["heading"] * 1.25,
        textColor=colour["accent"],
        spaceBefore=7,
        spaceAfter=2.5,
        keepWithNext=1,
    )
    small = size["sources"]
    return {
        "body": body,
        "bullet": ParagraphStyle("bullet", parent=body, spaceAfter=1.5),
        "h1": ParagraphStyle(
            "h1",
            parent=heading,
            fontSize=size["title"],
            leading=size["title"] * 1.22,
            spaceBefore=0,
            spaceAfter=2,
        ),
        "h2": heading,
        "h3": ParagraphStyle(
            "h3",
            parent=heading,
            fontSize=size["subheading"],
            leading=size["subheading"] * 1.25,
            textColor=colour["text"],
            spaceBefore=5,
        ),
        "quote": ParagraphStyle("quote", parent=body, spaceAfter=0),
        "note": ParagraphStyle(
            "note",
            parent=body,
            fontSize=size["body"] - 1,
            leading=(size["body"] - 1) * 1.3,
            textColor=colour["muted"],
            spaceAfter=4,
        ),
        "source": ParagraphStyle(
            "source",
            parent=body,
            fontSize=small,
            leading=small * 1.25,
            leftIndent=15,
            firstLineIndent=-15,
            spaceAfter=2,
        ),
        "numbered": body,
        "th": ParagraphStyle(
            "th",
            parent=body,
            fontName=fonts.bold,
            fontSize=size["table"],
            leading=size["table"] * 1.25,
            spaceAfter=0,
        ),
        "td": ParagraphStyle(
            "td", parent=body, fontSize=size["table"], leading=size["table"] * 1.25, spaceAfter=0
        ),
    }


@functools.cache
def embedded_fonts(families: tuple[FontFiles, ...]) -> Fonts:
    """Register the first family found (once per process per style); warn once if none is."""
    for family in families:
        regular = _find_font(family.regular)
        if regular:
            return _register(family, regular)
    wanted = ", ".join(f.regular for f in families) or "none configured"
    warnings.warn(
        f"no TrueType font of the style found ({wanted}); the PDF uses Vera, which has no "
        "Cyrillic or Vietnamese glyphs "
        "(install fonts-dejavu-core or set font.pdf in a --style file)",
        stacklevel=2,
    )
    return _register(VERA, Path(reportlab.__file__).parent / "fonts" / VERA.regular)


def _find_font(name: str | None) -> Path | None:
    if not name:
        return None
    given = Path(name).expanduser()
    if given.is_absolute() or given.parent != Path("."):
        return given if given.is_file() else None
    for folder in FONT_DIRS:
        if folder.is_dir():
            found = next(iter(sorted(folder.rglob(name))), None)
            if found:
                return found
    return None


def _register(family: FontFiles, regular: Path) -> Fonts:
    """Register the faces found; a missing bold or italic face falls back to a near one."""
    folder = regular.parent
    prefix = f"BG-{regular.stem}"

    def face(name: str | None) -> Path | None:
        if not name:
            return None
        return _find_font(str(folder / name)) or _find_font(name)

    paths = {
        "regular": regular,
        "bold": face(family.bold),
        "italic": face(family.italic),
        "bold_italic": face(family.bold_italic),
    }
    names = {}
    for key, path in paths.items():
        if path:
            names[key] = f"{prefix}-{key}"
            pdfmetrics.registerFont(TTFont(names[key], str(path)))
    names.setdefault("bold", names["regular"])
    names.setdefault("italic", names["regular"])
    names.setdefault("bold_italic", names["bold"])
    pdfmetrics.registerFontFamily(
        prefix,
        normal=names["regular"],
        bold=names["bold"],
        italic=names["italic"],
        boldItalic=names["bold_italic"],
    )
    return Fonts(names["regular"], names["bold"], names["italic"], names["bold_italic"])
