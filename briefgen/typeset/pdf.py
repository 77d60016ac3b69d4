"""Blocks → a PDF (bytes) with reportlab's platypus, typeset by a ``Style``.

Every page carries a running header (the style's logo and organisation when given, over
title · date; the header grows to hold them), a footer (the style's author, "Page X of
Y") and, when given, the marking banner at top and bottom; the style's handling line
opens the first page.  Every heading becomes a bookmark, headings
keep with what follows, bullets and numbered lists hang, tables fit the text width with
wrapped cells, and the title, author, subject and keywords are set.  A citation is a link
to its Sources entry's place (a destination), and a template's image a flowable of its
own, fitted to the text width.  Text is escaped before reportlab's
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
from reportlab.lib.utils import ImageReader
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
from .blocks import Block, Run, internal_target
from .style import LOGO_HEIGHT_MM, LOGO_MAX_WIDTH_MM, DocumentInfo, FontFiles, Style

FONT_DIRS = [
    Path("/usr/share/fonts"),
    Path("/usr/local/share/fonts"),
    Path.home() / ".fonts",
    Path.home() / ".local/share/fonts",
    Path("/Library/Fonts"),
    Path("C:/Windows/Fonts"),
]
VERA = FontFiles("Vera.ttf", "VeraBd.ttf", "VeraIt.ttf", "VeraBI.ttf")
# The header, from the text frame up, in mm: the title line's baseline HEADER_LINE_MM above
# the frame; the logo-and-name row IDENTITY_GAP_MM above that baseline (clear of its text);
# the row's top no nearer the page's top edge than PAGE_EDGE_MM, or MARKING_BAND_MM when
# the marking's line (baseline 8 mm down) is there.
HEADER_LINE_MM = 6
IDENTITY_GAP_MM = 4
PAGE_EDGE_MM = 6
MARKING_BAND_MM = 11
LOGO_MM = (LOGO_HEIGHT_MM, LOGO_MAX_WIDTH_MM)
LOGO_GAP_MM = 3  # between the logo and the organisation's name
FOOTER_PAGE_HALF_MM = 15  # half of "Page 10 of 12", which the author's text must stay clear of
IDENTITY_PT_ABOVE_SMALL = 2.5  # the organisation and handling line: a little above small text
CAP_HEIGHT = 0.7  # of a sans-serif face, in ems: centres the name on the logo
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
        topMargin=_top_margin(info, style),
        bottomMargin=style.margins["bottom"] * mm,
        title=info.title,
        author=style.document_author,
        subject=info.subject,
        keywords=info.keywords,
        creator=MADE_WITH,
        invariant=1,
        initialFontName=fonts.regular,  # else every page lists an unused Helvetica
    )
    doc.info_time = info.time
    story: list = _handling_line(style, styles)
    listed: list[Block] = []  # the items of the list being gathered, all of one kind
    for block in [*blocks, Block("end")]:
        if listed and block.kind != listed[0].kind:
            story.append(_list(listed, styles, doc.width))
            listed = []
        if block.kind in LIST_KINDS:
            listed.append(block)
        else:
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
        header_y = height - _top_margin(self.info, self.style) + HEADER_LINE_MM * mm
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
        if self.style.author:  # at the left of the page number, within the footer's left half
            room = (right - left) / 2 - FOOTER_PAGE_HALF_MM * mm
            author = _fit(self.style.author, room, self.fonts.regular, size)
            canvas.drawString(left, 10 * mm, author)
        if self.style.has_identity_row:
            self._identity_row(canvas, left, right, header_y + IDENTITY_GAP_MM * mm)
        canvas.restoreState()

    def _identity_row(self, canvas, left: float, right: float, bottom: float) -> None:
        """The logo and the organisation's name, side by side, standing on ``bottom``."""
        row = _identity_height(self.style)
        x = left
        if self.style.logo is not None:
            width, height = (side * mm for side in self.style.logo.size_mm(*LOGO_MM))
            image = ImageReader(io.BytesIO(self.style.logo.data))
            # mask="auto": a PNG's transparent parts stay transparent
            canvas.drawImage(image, x, bottom, width, height, mask="auto")
            x += width + LOGO_GAP_MM * mm
        if self.style.organisation:
            size = self.style.sizes["small"] + IDENTITY_PT_ABOVE_SMALL
            canvas.setFont(self.fonts.bold, size)
            canvas.setFillColor(colors.HexColor(self.style.colours["accent"]))
            name = _fit(self.style.organisation, right - x, self.fonts.bold, size)
            canvas.drawString(x, bottom + (row - size * CAP_HEIGHT) / 2, name)


def _identity_height(style: Style) -> float:
    """How tall the header's logo-and-name row is, in points (0 when there is none)."""
    if style.logo is not None:
        return style.logo.size_mm(*LOGO_MM)[1] * mm
    if style.organisation:
        return style.sizes["small"] + IDENTITY_PT_ABOVE_SMALL
    return 0.0


def _top_margin(info: DocumentInfo, style: Style) -> float:
    """The text frame's top margin in points: the style's, or as much more as the header
    needs to hold the logo and name row above the title line (as Word's header grows)."""
    margin = style.margins["top"] * mm
    row = _identity_height(style)
    if not row:
        return margin
    ceiling = (MARKING_BAND_MM if info.marking else PAGE_EDGE_MM) * mm
    needed = ceiling + row + (IDENTITY_GAP_MM + HEADER_LINE_MM) * mm
    return max(margin, needed)


def _handling_line(style: Style, styles: dict[str, ParagraphStyle]) -> list:
    """The style's handling line ("For internal distribution only") as the first page's
    first flowable, above the title; unlike the marking it is not on every page."""
    if not style.handling:
        return []
    return [Paragraph(escape(style.handling), styles["handling"])]


class _PageCanvas(pdfcanvas.Canvas):
    """Defers page output until the page count is known, for "Page X of Y"."""

    def __init__(self, *args, furniture: _Furniture, **kwargs):
        super().__init__(*args, **kwargs)
        self._furniture = furniture
        self._pages: list[dict] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()
        # Destinations (bookmarks, the Sources entries citations lead to) name the page the
        # document is on by its count, which reportlab moves on only when a page is written:
        # moved on here, they name the page they are on, not the first.
        self._doc.pageCounter += 1

    def save(self) -> None:
        total = len(self._pages)
        self._doc.pageCounter -= total  # written now, each page moves it on again
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
    if block.kind not in ("heading", "table") and any(run.picture for run in block.runs):
        return _text_and_pictures(block.runs, styles.get(block.kind, styles["body"]), width)
    if block.kind == "heading":
        paragraph = _paragraph(block.runs, styles.get(f"h{block.level}", styles["h3"]))
        paragraph.outline_level = max(0, block.level - 1)
        return [paragraph]
    if block.kind in ("bluf", "quote"):
        return [_boxed(block, styles, style, width)]
    if block.kind == "table":
        return [_table(block, styles, style, width), Spacer(1, 4)]
    if block.kind in ("note", "source"):
        return [_paragraph(block.runs, styles[block.kind])]
    if block.kind == "paragraph":
        return [_paragraph(block.runs, styles["body"])]
    return []


LIST_KINDS = ("bullet", "numbered")
# How far list text hangs, in points: a bullet, or a number up to "99." in the body size.
BULLET_INDENT, NUMBER_INDENT = 11, 16


def _list(items: list[Block], styles: dict[str, ParagraphStyle], width: float) -> ListFlowable:
    """``items``, all bullets or all numbered, as one list: "•", or "1.", "2." … counting from
    one, with the text hanging."""
    body = styles["bullet"]
    numbered = items[0].kind == "numbered"
    indent = NUMBER_INDENT if numbered else BULLET_INDENT
    entries = [
        ListItem(_text_and_pictures(item.runs, body, width - indent), value=n if numbered else "•")
        for n, item in enumerate(items, 1)
    ]
    return ListFlowable(
        entries,
        bulletType="1" if numbered else "bullet",
        start=1 if numbered else "•",
        bulletFormat="%s." if numbered else None,
        leftIndent=indent,
        bulletFontName=body.fontName,
        bulletFontSize=body.fontSize,
        bulletOffsetY=0,
        spaceAfter=2,
    )


def _text_and_pictures(runs: list[Run], paragraph: ParagraphStyle, width: float) -> list:
    """``runs`` as flowables: one paragraph, or, when they show images, each image a flowable
    of its own between the paragraphs of the text around it (reportlab's inline ``<img>``
    reads only files, and the image is in memory)."""
    flowables: list = []
    text: list[Run] = []
    for run in [*runs, None]:
        if run is not None and run.picture is None:
            text.append(run)
            continue
        if "".join(r.text for r in text).strip():
            flowables.append(_paragraph(text, paragraph))
        text = []
        if run is not None:
            flowables.append(_picture(run, width))
    return flowables


def _picture(run: Run, width: float):
    """An image at its natural size, scaled down to ``width``, set at the left."""
    from reportlab.platypus import Image

    picture_width, picture_height = run.picture.fitted(width)
    image = Image(
        io.BytesIO(run.picture.data), width=picture_width, height=picture_height, hAlign="LEFT"
    )
    image.spaceAfter = 3
    return image


def _boxed(block: Block, styles: dict[str, ParagraphStyle], style: Style, width: float) -> Table:
    """The bottom line up front: a shaded box with a rule down its left side."""
    box = Table([[_paragraph(block.runs, styles["quote"])]], colWidths=[width])
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
        [_paragraph(cell, styles["th" if i == 0 else "td"]) for cell in row]
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


def _paragraph(runs: list[Run], paragraph: ParagraphStyle) -> Paragraph:
    return Paragraph(_markup(runs, paragraph), paragraph)


def _markup(runs: list[Run], paragraph: ParagraphStyle) -> str:
    """Runs → reportlab Paragraph markup, with every source character escaped; links in the
    paragraph style's link colour (``linkColor``, set by ``_styles``), as in the Word file."""
    colour = escape(getattr(paragraph, "linkColor", "") or "", {'"': "&quot;"})
    tint = f' color="{colour}"' if colour else ""
    parts = []
    for run in runs:
        text = escape(run.text)
        if run.bold:
            text = f"<b>{text}</b>"
        if run.italic:
            text = f"<i>{text}</i>"
        if run.anchor:
            text = f'<a name="{_destination(run.anchor)}"/>{text}'
        target = internal_target(run.href)
        if target:
            text = f'<a href="#{_destination(target)}"{tint}>{text}</a>'
        elif run.href and run.href.lower().startswith(SAFE_LINK):
            text = (
                f'<link href="{escape(run.href, {chr(34): "&quot;"})}"{tint}><u>{text}</u></link>'
            )
        parts.append(text)
    return "".join(parts)


def _destination(anchor: str) -> str:
    """The PDF destination of a place named ``anchor``, escaped for markup: prefixed, so that
    a template's ``{#h1}`` cannot take the name of a heading's bookmark ("h1")."""
    return escape(f"to-{anchor}", {'"': "&quot;"})


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
        linkColor=style.colours["link"],  # read by _markup; reportlab itself has no such setting
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
        "handling": ParagraphStyle(
            "handling",
            parent=body,
            fontName=fonts.bold,
            fontSize=size["small"] + IDENTITY_PT_ABOVE_SMALL,
            leading=(size["small"] + IDENTITY_PT_ABOVE_SMALL) * 1.3,
            spaceAfter=4,
        ),
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
