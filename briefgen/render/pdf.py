"""Blocks → a PDF (bytes) with reportlab's platypus.

Every heading becomes a bookmark; the title, author, subject and keywords are set; each
page has a "Page X of Y" footer.  Text is escaped before reportlab's Paragraph sees it
(Paragraph parses markup, so "S&P" or "<b>" from a source would otherwise break or vanish).
A TrueType font with Latin, Vietnamese and Cyrillic glyphs is embedded when one is found;
reportlab's own Vera (Latin only) is the fallback, with a warning.  Output is
reproducible (reportlab's invariant mode, dates from the brief).
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

import reportlab
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import (
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from .blocks import Block, Run

FONT_DIRS = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts", Path("/Library/Fonts"), Path("C:/Windows/Fonts")]
FAMILIES = [  # regular, bold, italic, bold italic file names, best first
    ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf"),
    ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf", "NotoSans-BoldItalic.ttf"),
    ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf", "LiberationSans-Italic.ttf", "LiberationSans-BoldItalic.ttf"),
]
VERA = ("Vera.ttf", "VeraBd.ttf", "VeraIt.ttf", "VeraBI.ttf")
ACCENT = colors.HexColor("#1F4E79")
SHADE = colors.HexColor("#E8EEF4")


@dataclass(frozen=True)
class Fonts:
    regular: str
    bold: str


def render_pdf(blocks: list[Block], title: str, subject: str, date: str | None) -> bytes:
    """The document as PDF bytes."""
    fonts = _fonts()
    styles = _styles(fonts)
    out = io.BytesIO()
    doc = _BriefDocument(
        out,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=title,
        author="briefgen",
        subject=subject,
        keywords="policy brief",
        creator="briefgen",
        invariant=1,
    )
    story = []
    for block in blocks:
        story.extend(_flowables(block, styles, doc.width))
    doc.build(story, canvasmaker=_NumberedCanvas)
    return out.getvalue()


class _BriefDocument(SimpleDocTemplate):
    """Adds a bookmark for every heading as it is laid out."""

    def afterFlowable(self, flowable) -> None:
        level = getattr(flowable, "outline_level", None)
        if level is None:
            return
        # A heading too long for one page is split, and its pieces carry no level: the
        # outline may then lack a parent, and reportlab refuses to skip a level.
        level = min(level, getattr(self, "outline_level", -1) + 1)
        self.outline_level = level
        self.headings_seen = getattr(self, "headings_seen", 0) + 1
        key = f"h{self.headings_seen}"
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(flowable.getPlainText(), key, level=level, closed=False)


class _NumberedCanvas(pdfcanvas.Canvas):
    """Defers page output until the page count is known, for "Page X of Y"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self.setFont(_fonts().regular, 8)
            self.setFillColor(colors.grey)
            width, _ = self._pagesize
            self.drawCentredString(width / 2, 10 * mm, f"Page {self._pageNumber} of {total}")
            super().showPage()
        super().save()


def _flowables(block: Block, styles: dict[str, ParagraphStyle], width: float) -> list:
    if block.kind == "heading":
        style = styles.get(f"h{block.level}", styles["h3"])
        paragraph = Paragraph(_markup(block.runs), style)
        paragraph.outline_level = max(0, block.level - 1)
        return [paragraph]
    if block.kind == "bullet":
        item = ListItem(Paragraph(_markup(block.runs), styles["body"]), leftIndent=12, value="•")
        return [ListFlowable([item], bulletType="bullet", start="•", leftIndent=12, bulletFontName=styles["body"].fontName)]
    if block.kind == "quote":
        return [Paragraph(_markup(block.runs), styles["quote"]), Spacer(1, 4)]
    if block.kind == "table":
        return [_table(block, styles, width), Spacer(1, 6)]
    return [Paragraph(_markup(block.runs), styles["body"])]


def _table(block: Block, styles: dict[str, ParagraphStyle], width: float) -> Table:
    columns = max(len(row) for row in block.rows)
    data = [
        [Paragraph(_markup(cell), styles["th" if i == 0 else "td"]) for cell in row] + [""] * (columns - len(row))
        for i, row in enumerate(block.rows)
    ]
    shares = [0.18, 0.64, 0.18] if columns == 3 else [1 / columns] * columns
    table = Table(data, colWidths=[width * s for s in shares], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.lightgrey),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _markup(runs: list[Run]) -> str:
    """Runs → reportlab Paragraph markup, with every source character escaped."""
    parts = []
    for run in runs:
        text = escape(run.text)
        if run.bold:
            text = f"<b>{text}</b>"
        if run.italic:
            text = f"<i>{text}</i>"
        if run.href:
            text = f'<link href="{escape(run.href, {chr(34): "&quot;"})}" color="#1F4E79"><u>{text}</u></link>'
        parts.append(text)
    return "".join(parts)


def _styles(fonts: Fonts) -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName=fonts.regular, fontSize=10, leading=13.5, spaceAfter=3, alignment=TA_LEFT)
    return {
        "body": body,
        "h1": ParagraphStyle("h1", parent=body, fontName=fonts.bold, fontSize=17, leading=21, textColor=ACCENT, spaceAfter=4),
        "h2": ParagraphStyle("h2", parent=body, fontName=fonts.bold, fontSize=12.5, leading=16, textColor=ACCENT, spaceBefore=9, spaceAfter=3, keepWithNext=1),
        "h3": ParagraphStyle("h3", parent=body, fontName=fonts.bold, fontSize=11, leading=14, spaceBefore=6, spaceAfter=2, keepWithNext=1),
        "quote": ParagraphStyle("quote", parent=body, backColor=SHADE, borderColor=ACCENT, borderWidth=0, borderPadding=6, leftIndent=6, rightIndent=6, spaceBefore=4, spaceAfter=6),
        "th": ParagraphStyle("th", parent=body, fontName=fonts.bold, fontSize=9, leading=11.5),
        "td": ParagraphStyle("td", parent=body, fontSize=9, leading=11.5, spaceAfter=0),
    }


@lru_cache(maxsize=1)
def _fonts() -> Fonts:
    """Register the best TrueType family found (once per process)."""
    for family in FAMILIES:
        paths = [_find_font(name) for name in family]
        if all(paths):
            return _register("BriefSans", paths)
    warnings.warn(
        "no TrueType font with Cyrillic and Vietnamese glyphs found (looked for DejaVu Sans, Noto Sans, "
        "Liberation Sans); using Vera, which shows Latin text only",
        stacklevel=2,
    )
    vera = Path(reportlab.__file__).parent / "fonts"
    return _register("BriefVera", [vera / name for name in VERA])


def _find_font(name: str) -> Path | None:
    for folder in FONT_DIRS:
        if folder.is_dir():
            found = next(iter(sorted(folder.rglob(name))), None)
            if found:
                return found
    return None


def _register(prefix: str, paths: list[Path | None]) -> Fonts:
    names = [f"{prefix}", f"{prefix}-Bold", f"{prefix}-Italic", f"{prefix}-BoldItalic"]
    for name, path in zip(names, paths):
        pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(prefix, normal=names[0], bold=names[1], italic=names[2], boldItalic=names[3])
    return Fonts(regular=names[0], bold=names[1])
