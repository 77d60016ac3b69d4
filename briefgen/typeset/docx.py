"""Blocks → a Word document (bytes), with Word's own styles.

Title and Heading 1/2/3 are Word's built-in styles, so the headings show in the
Navigation pane; bullets are a real Word list with a hanging indent; tables fit the text
width with a repeated header row.  A citation is an internal hyperlink to the bookmark
on its Sources entry ("src_2"), a template's image an inline picture fitted to the text
width.  Every page has a header (the style's logo and organisation when given, then
title · date), a footer with the style's author and "Page X of Y" as PAGE/NUMPAGES
fields, and the marking banner when one is given; the style's handling line opens the
first page.

Without ``reference_docx`` the look comes from the ``Style`` (fonts, sizes, colours,
margins, paper).  With it, as pandoc's reference-doc: the user's document is the base,
its body is dropped and its styles, margins, paper and the headers and footers it fills
(a letterhead, with its pictures: default, first-page and even-page) are kept, ours going
only where it has none; a style it lacks is
taken from python-docx's default template, with one warning.  Three styles of our own
("Brief Note", "Brief Summary", "Brief Source") are added when the base lacks them, so a
reference document can restyle them too.  Output is byte-for-byte reproducible.
"""

from __future__ import annotations

import copy
import io
import itertools
import re
import warnings
import weakref
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.packuri import PackURI
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.parts.numbering import NumberingPart
from docx.shared import Emu, Mm, Pt, RGBColor

from .. import MADE_WITH
from ..errors import InputError
from ..package import read_package
from .blocks import Block, Run, internal_target
from .style import LOGO_HEIGHT_MM, LOGO_MAX_WIDTH_MM, DocumentInfo, Style

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
HEADING_STYLES = {1: "Title", 2: "Heading 1", 3: "Heading 2", 4: "Heading 3"}
BUILT_IN_STYLES = (
    "Normal",
    "Title",
    "Heading 1",
    "Heading 2",
    "Heading 3",
    "List Bullet",
    "List Number",
    "Table Grid",
)
NOTE, SUMMARY, SOURCE = "Brief Note", "Brief Summary", "Brief Source"
# The Word style of each block the template gives a role (a blockquote looks like the bottom line).
ROLE_STYLES = {"bluf": SUMMARY, "quote": SUMMARY, "note": NOTE, "source": SOURCE}
SAFE_LINK = ("http://", "https://", "mailto:")
CORE_PROPERTY_MAX = 255
# The author shares the footer line with the centred page number: cut to fit its left half.
FOOTER_AUTHOR_CHARS = 50
# The organisation and the handling line: a little larger than the header's small text.
IDENTITY_PT_ABOVE_SMALL = 2.5


def render_docx(
    blocks: list[Block], info: DocumentInfo, style: Style, reference_docx: Path | None = None
) -> bytes:
    """The document as .docx bytes."""
    if reference_docx is None:
        document = Document()
        _apply_style(document, style)
    else:
        document = _reference_base(reference_docx)
    _add_own_styles(document, style)
    _set_properties(document, info, style)
    _page_furniture(document, info, style)
    _handling_line(document, style)
    lists = _Lists(document, style)
    text_width = _text_width(document)
    default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    style_ids: dict[str, str | None] = {}

    def add_paragraph(name: str):
        # python-docx walks every style twice for each paragraph given a style (by name, then to
        # see whether it is the default): a third of the sample's render time.  Look each name
        # up once and set the paragraph's style id directly.
        if name not in style_ids:
            style = document.styles[name]
            style_ids[name] = (
                None
                if default is not None and style.style_id == default.style_id
                else style.style_id
            )  # as python-docx does
        paragraph = document.add_paragraph()
        paragraph._p.style = style_ids[name]
        return paragraph

    for block in blocks:
        if block.kind == "heading":
            paragraph = add_paragraph(HEADING_STYLES.get(block.level, "Heading 3"))
            _add_runs(paragraph, block.runs, style)
            paragraph.paragraph_format.keep_with_next = True
        elif block.kind == "table":
            _add_table(document, block, style, text_width)
        elif block.kind in ("bullet", "numbered"):
            paragraph = add_paragraph("List Bullet" if block.kind == "bullet" else "List Number")
            lists.number(paragraph, block.kind)
            _add_runs(paragraph, block.runs, style)
        else:
            name = ROLE_STYLES.get(block.kind) or (
                block.role if block.role and _has_style(document, block.role) else "Normal"
            )
            paragraph = add_paragraph(name)
            _add_runs(paragraph, block.runs, style)
    return _reproducible_zip(document)


def _reference_base(path: Path):
    """The user's document with its body removed; missing styles filled in, with a warning."""
    raw = read_package(path, f"reference document {path}")
    try:
        document = Document(io.BytesIO(raw))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, OSError) as exc:
        raise InputError(f"reference document {path}: not a readable .docx ({exc})") from None
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    missing = [name for name in BUILT_IN_STYLES if not _has_style(document, name)]
    if missing:
        defaults = Document()
        for name in missing:
            document.styles.element.append(copy.deepcopy(defaults.styles[name].element))
        warnings.warn(
            f"reference document {path} has no style {', '.join(missing)}; "
            "using python-docx's default look for those",
            stacklevel=2,
        )
    return document


def _has_style(document, name: str) -> bool:
    try:
        document.styles[name]
    except KeyError:
        return False
    return True


def _apply_style(document, style: Style) -> None:
    """Page, fonts, sizes and colours of the built-in styles, from the style file."""
    section = document.sections[0]
    width, height = style.page_mm
    section.page_width, section.page_height = Mm(width), Mm(height)
    section.top_margin, section.bottom_margin = (
        Mm(style.margins["top"]),
        Mm(style.margins["bottom"]),
    )
    section.left_margin, section.right_margin = (
        Mm(style.margins["left"]),
        Mm(style.margins["right"]),
    )
    section.header_distance = section.footer_distance = Mm(8)
    size, colour = style.sizes, style.colours
    looks = {
        "Normal": (size["body"], colour["text"], 0, 3),
        "Title": (size["title"], colour["accent"], 0, 2),
        "Heading 1": (size["heading"], colour["accent"], 8, 2),
        "Heading 2": (size["subheading"], colour["text"], 6, 2),
        "Heading 3": (size["body"], colour["text"], 5, 1),
        "List Bullet": (size["body"], colour["text"], 0, 1.5),
        "List Number": (size["body"], colour["text"], 0, 1.5),
    }
    for name, (points, rgb, before, after) in looks.items():
        word_style = document.styles[name]
        _set_font(word_style.element.get_or_add_rPr(), style.font_name)
        word_style.font.size = Pt(points)
        word_style.font.color.rgb = RGBColor.from_string(rgb[1:])
        word_style.font.bold = name != "Normal" and not name.startswith("List")
        word_style.font.italic = False
        fmt = word_style.paragraph_format
        fmt.space_before, fmt.space_after = Pt(before), Pt(after)
        fmt.line_spacing = 1.12 if name in ("Normal", "List Bullet", "List Number") else 1.0
    title_border = document.styles["Title"].element.pPr
    if title_border is not None and title_border.find(qn("w:pBdr")) is not None:
        title_border.remove(title_border.find(qn("w:pBdr")))


def _add_own_styles(document, style: Style) -> None:
    """The note, summary and source styles, unless the base document already has them."""
    size, colour = style.sizes, style.colours
    if not _has_style(document, NOTE):
        note = document.styles.add_style(NOTE, WD_STYLE_TYPE.PARAGRAPH)
        note.base_style = document.styles["Normal"]
        note.font.size = Pt(size["body"] - 1)
        note.font.color.rgb = RGBColor.from_string(colour["muted"][1:])
        note.paragraph_format.space_after = Pt(5)
    if not _has_style(document, SUMMARY):
        summary = document.styles.add_style(SUMMARY, WD_STYLE_TYPE.PARAGRAPH)
        summary.base_style = document.styles["Normal"]
        fmt = summary.paragraph_format
        fmt.space_before, fmt.space_after = Pt(2), Pt(4)
        fmt.left_indent = fmt.right_indent = Pt(6)
        ppr = summary.element.get_or_add_pPr()
        ppr.append(
            parse_xml(
                f'<w:pBdr {nsdecls("w")}><w:left w:val="single" w:sz="18" w:space="6" '
                f'w:color="{colour["accent"][1:]}"/></w:pBdr>'
            )
        )
        ppr.append(
            parse_xml(
                f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" '
                f'w:fill="{colour["shade"][1:]}"/>'
            )
        )
    if not _has_style(document, SOURCE):
        source = document.styles.add_style(SOURCE, WD_STYLE_TYPE.PARAGRAPH)
        source.base_style = document.styles["Normal"]
        source.font.size = Pt(size["sources"])
        fmt = source.paragraph_format
        fmt.left_indent, fmt.first_line_indent = Mm(5), Mm(-5)
        fmt.space_after = Pt(2)


def _set_font(rpr, name: str) -> None:
    """All four script slots to ``name``; theme fonts removed, as they would win."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in list(fonts.attrib):
        if attribute.endswith("Theme"):
            del fonts.attrib[attribute]
    for slot in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(qn(f"w:{slot}"), name)


def _set_properties(document, info: DocumentInfo, style: Style) -> None:
    props = document.core_properties
    props.title = _property(info.title)
    props.subject = _property(info.subject)
    props.keywords = _property(info.keywords)
    props.author = _property(style.document_author)
    props.last_modified_by = _property(style.document_author)
    props.comments = f"Made with {MADE_WITH}"
    props.revision = 1
    stamp = info.time.replace(tzinfo=None)
    props.created = props.modified = props.last_printed = stamp


def _page_furniture(document, info: DocumentInfo, style: Style) -> None:
    """The header and footer of every page.

    A header or footer the base document fills (a reference document's letterhead, with its
    pictures) is kept as it is, as pandoc's reference-doc does; every other one in use gets
    ours: header (marking, logo and organisation, title · date) and footer (author, Page X
    of Y, marking).  The marking is added to theirs too, at the top of a header and the
    foot of a footer.  The base document's first-page and even-page ones stay in use only
    when it fills one of them: switched on but empty, they would blank those pages.
    """
    settings = document.settings
    if settings.odd_and_even_pages_header_footer and not any(
        _has_own_content(s.even_page_header) or _has_own_content(s.even_page_footer)
        for s in document.sections
    ):
        settings.odd_and_even_pages_header_footer = False
    for section in document.sections:
        if section.different_first_page_header_footer and not (
            _has_own_content(section.first_page_header)
            or _has_own_content(section.first_page_footer)
        ):
            section.different_first_page_header_footer = False
        headers, footers = [section.header], [section.footer]
        if section.different_first_page_header_footer:
            headers.append(section.first_page_header)
            footers.append(section.first_page_footer)
        if settings.odd_and_even_pages_header_footer:
            headers.append(section.even_page_header)
            footers.append(section.even_page_footer)
        width = _section_text_width(section)
        for header in headers:
            if not _has_own_content(header):
                _our_header(header, info, style, width)
            elif info.marking:  # a protective marking is on every page, letterhead or not
                _marking(_first_paragraph(header), info.marking, style)
        for footer in footers:
            if not _has_own_content(footer):
                _our_footer(footer, info, style, width)
            elif info.marking:
                _marking(footer.add_paragraph(), info.marking, style)


def _first_paragraph(part):
    """A new paragraph at the top of a header or footer (python-docx only appends)."""
    paragraph = part.add_paragraph()
    part._element.remove(paragraph._p)
    part._element.insert(0, paragraph._p)
    return paragraph


# What makes a header or footer the base document's own, besides text: a picture (a
# letterhead's logo), an embedded object or a field (a page number).
_CONTENT_TAGS = tuple(
    qn(tag) for tag in ("w:drawing", "w:pict", "w:object", "w:fldSimple", "w:instrText")
)


def _has_own_content(part) -> bool:
    """Whether a header or footer (python-docx's) is defined in its section, not inherited,
    and shows something.  Checked before it is touched: reading an undefined one adds it."""
    if part.is_linked_to_previous:
        return False
    element = part._element
    if any((text.text or "").strip() for text in element.iter(qn("w:t"))):
        return True
    return next(element.iter(*_CONTENT_TAGS), None) is not None


def _our_header(header, info: DocumentInfo, style: Style, width: Emu) -> None:
    """Ours, replacing whatever empty one is there: the marking, the logo and organisation,
    and the title and date over a rule."""
    header.is_linked_to_previous = False
    _clear(header)
    if info.marking:
        _marking(header.add_paragraph(), info.marking, style)
    if style.has_identity_row:
        _identity_row(header.add_paragraph(), style)
    line = header.add_paragraph()
    line.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    line.paragraph_format.space_after = Pt(0)
    _small(line.add_run(_clean(_shorten(info.title, 95))), style)
    _small(line.add_run("\t" + info.date_text), style)
    line._p.get_or_add_pPr().append(
        parse_xml(
            f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="4" w:space="2" '
            f'w:color="{style.colours["rule"][1:]}"/></w:pBdr>'
        )
    )


def _our_footer(footer, info: DocumentInfo, style: Style, width: Emu) -> None:
    """Ours: the author (when the style names one) at the left, Page X of Y in the middle,
    then the marking."""
    footer.is_linked_to_previous = False
    _clear(footer)
    pages = footer.add_paragraph()
    pages.paragraph_format.space_after = Pt(0)
    if style.author:
        # One line: a centre tab stop keeps the page number where it is without an author.
        pages.paragraph_format.tab_stops.add_tab_stop(Emu(width // 2), WD_TAB_ALIGNMENT.CENTER)
        _small(pages.add_run(_clean(_shorten(style.author, FOOTER_AUTHOR_CHARS)) + "\t"), style)
    else:
        pages.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for part in ("Page ", ("PAGE", "1"), " of ", ("NUMPAGES", "1")):
        if isinstance(part, str):
            _small(pages.add_run(part), style)
        else:
            _field(pages, *part, style)
    if info.marking:
        _marking(footer.add_paragraph(), info.marking, style)


def _identity_row(paragraph, style: Style) -> None:
    """The office's logo and name, on one header line."""
    paragraph.paragraph_format.space_after = Pt(3)
    if style.logo is not None:
        width, height = style.logo.size_mm(LOGO_HEIGHT_MM, LOGO_MAX_WIDTH_MM)
        shape = paragraph.add_run().add_picture(
            io.BytesIO(style.logo.data), width=Mm(width), height=Mm(height)
        )
        # What a screen reader says for it (python-docx puts the stream's made-up file name).
        shape._inline.docPr.set("descr", _clean(style.organisation or "Logo"))
    if style.organisation:
        run = paragraph.add_run(("  " if style.logo else "") + _clean(style.organisation))
        run.bold = True
        run.font.size = Pt(style.sizes["small"] + IDENTITY_PT_ABOVE_SMALL)
        run.font.color.rgb = RGBColor.from_string(style.colours["accent"][1:])


def _handling_line(document, style: Style) -> None:
    """The style's handling line ("For internal distribution only") at the top of the first
    page, above the title; unlike the marking it is not repeated on every page."""
    if not style.handling:
        return
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.space_after = Pt(4)
    run = paragraph.add_run(_clean(style.handling))
    run.bold = True
    run.font.size = Pt(style.sizes["small"] + IDENTITY_PT_ABOVE_SMALL)
    run.font.color.rgb = RGBColor.from_string(style.colours["text"][1:])


def _clear(part) -> None:
    for child in list(part._element):
        part._element.remove(child)


def _marking(paragraph, text: str, style: Style) -> None:
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = Pt(2)
    run = paragraph.add_run(_clean(text))
    run.bold = True
    run.font.size = Pt(style.sizes["small"] + 1.5)
    run.font.color.rgb = RGBColor.from_string(style.colours["marking"][1:])


def _small(run, style: Style):
    run.font.size = Pt(style.sizes["small"])
    run.font.color.rgb = RGBColor.from_string(style.colours["muted"][1:])
    return run


def _field(paragraph, instruction: str, placeholder: str, style: Style) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in when laying out."""
    for kind, text in (
        ("begin", None),
        ("instr", instruction),
        ("separate", None),
        ("text", placeholder),
        ("end", None),
    ):
        run = _small(paragraph.add_run(), style)
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {text} "
        elif kind == "text":
            element = OxmlElement("w:t")
            element.text = text
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)


class _Lists:
    """Our own bullet and number definitions, so lists hang-indent in any base document."""

    def __init__(self, document, style: Style) -> None:
        self._numbering = _numbering_part(document).element
        self._font = style.font_name
        self._ids: dict[str, int] = {}

    def number(self, paragraph, kind: str) -> None:
        if kind not in self._ids:
            self._ids[kind] = self._define(kind)
        num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = 0
        num_pr.get_or_add_numId().val = self._ids[kind]

    def _define(self, kind: str) -> int:
        ids = [int(v) for v in self._numbering.xpath("./w:abstractNum/@w:abstractNumId")]
        abstract_id = max(ids, default=0) + 1
        fmt, text = ("bullet", "•") if kind == "bullet" else ("decimal", "%1.")
        abstract = parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
            '<w:multiLevelType w:val="singleLevel"/>'
            f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/>'
            '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="284" w:hanging="227"/></w:pPr>'
            f'<w:rPr><w:rFonts w:ascii="{self._font}" w:hAnsi="{self._font}"/></w:rPr>'
            "</w:lvl></w:abstractNum>"
        )
        first_num = self._numbering.find(qn("w:num"))
        if first_num is None:
            self._numbering.append(abstract)
        else:
            first_num.addprevious(abstract)
        return self._numbering.add_num(abstract_id).numId


def _numbering_part(document) -> NumberingPart:
    """The document's numbering part; a reference document may have none (python-docx cannot
    make one)."""
    try:
        return document.part.part_related_by(RELATIONSHIP_TYPE.NUMBERING)
    except KeyError:
        part = NumberingPart(
            PackURI("/word/numbering.xml"),
            CONTENT_TYPE.WML_NUMBERING,
            parse_xml(f"<w:numbering {nsdecls('w')}/>"),
            document.part.package,
        )
        document.part.relate_to(part, RELATIONSHIP_TYPE.NUMBERING)
        return part


def _add_runs(paragraph, runs: list[Run], style: Style) -> None:
    for run in runs:
        if run.picture:
            _add_picture(paragraph, run)
            continue
        text = _clean(run.text)
        if not text:
            continue
        target = internal_target(run.href)
        if target:
            element = _add_hyperlink(paragraph, text, None, style, anchor=_bookmark_name(target))
        elif run.href and run.href.lower().startswith(SAFE_LINK):
            element = _add_hyperlink(paragraph, text, run.href, style)
        else:
            r = paragraph.add_run(text)
            r.bold = run.bold or None
            r.italic = run.italic or None
            element = r._r
        if run.anchor:
            _bookmark(paragraph, element, _bookmark_name(run.anchor))


def _add_hyperlink(paragraph, text: str, url: str | None, style: Style, anchor: str | None = None):
    """A link to ``url``, or with ``anchor`` to that bookmark of the document (a citation:
    link colour, no underline, which would crowd "[1][2]"); returns the w:hyperlink."""
    link = OxmlElement("w:hyperlink")
    if anchor:
        link.set(qn("w:anchor"), anchor)
    else:
        rel_id = paragraph.part.relate_to(
            _clean(url), RELATIONSHIP_TYPE.HYPERLINK, is_external=True
        )
        link.set(qn("r:id"), rel_id)
    run = paragraph.add_run(text)
    run.font.color.rgb = RGBColor.from_string(style.colours["link"][1:])
    run.font.underline = anchor is None
    # python-docx has no hyperlink API: move the run inside a w:hyperlink element.
    paragraph._p.remove(run._r)
    link.append(run._r)
    paragraph._p.append(link)
    return link


BOOKMARK_MAX_CHARS = 40  # Word drops a bookmark with a longer name
_NOT_IN_BOOKMARK = re.compile(r"[^A-Za-z0-9_]")  # Word takes letters, digits and "_" only
# The next bookmark id of each document being written: ids must be unique in a document,
# and counting from 0 in each keeps equal input giving equal bytes.
_BOOKMARK_IDS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _bookmark_name(anchor: str) -> str:
    """A place's name as Word takes it: "src-2" → "src_2" (starting with a letter)."""
    name = _NOT_IN_BOOKMARK.sub("_", anchor)
    if not name[:1].isalpha():
        name = "bm_" + name
    return name[:BOOKMARK_MAX_CHARS]


def _bookmark(paragraph, element, name: str) -> None:
    """Bookmark ``name`` around ``element`` (a run or hyperlink of ``paragraph``), where
    internal links to ``name`` lead."""
    number = str(next(_BOOKMARK_IDS.setdefault(paragraph.part, itertools.count())))
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), number)
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), number)
    element.addprevious(start)
    element.addnext(end)


def _add_picture(paragraph, run: Run) -> None:
    """An image, inline, at its natural size scaled down to the text width; its alt text
    becomes the picture's description, which screen readers say."""
    picture = run.picture
    width, height = picture.fitted(_text_width(paragraph.part.document) / Pt(1))
    shape = paragraph.add_run().add_picture(
        io.BytesIO(picture.data), width=Pt(width), height=Pt(height)
    )
    shape._inline.docPr.set("descr", _clean(run.text))


def _add_table(document, block: Block, style: Style, width: Emu) -> None:
    columns = max(len(row) for row in block.rows)
    table = document.add_table(rows=0, cols=columns)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False  # a fixed layout: Word keeps our column widths and wraps cells
    widths = _column_widths(block, columns, width)
    for index, cells in enumerate(block.rows):
        row = table.add_row()
        trpr = row._tr.get_or_add_trPr()
        trpr.append(OxmlElement("w:cantSplit"))
        for cell, column_width in zip(row.cells, widths):
            cell.width = column_width
        for cell, runs in zip(row.cells, cells):
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.space_after = Pt(0)
            paragraph.paragraph_format.keep_with_next = index == 0
            _add_runs(
                paragraph,
                [Run(r.text, r.bold or index == 0, r.italic, r.href) for r in runs],
                style,
            )
            for r in paragraph.runs:
                r.font.size = Pt(style.sizes["table"])
            if index == 0:
                cell._tc.get_or_add_tcPr().append(
                    parse_xml(
                        f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" '
                        f'w:fill="{style.colours["shade"][1:]}"/>'
                    )
                )
        if index == 0:
            header = OxmlElement("w:tblHeader")
            header.set(qn("w:val"), "true")
            trpr.append(header)
    for column, column_width in zip(table.columns, widths):
        column.width = column_width
    document.add_paragraph(style="Normal").paragraph_format.space_after = Pt(0)


# Characters a cell needs beyond its text: Word's cell margins (0.08" a side, about two
# characters of table text) and slack for a bold header or a wider substitute face (a reader
# without Arial; LibreOffice wrapped "Source" in a column of six characters and two).
CELL_SLACK = 4


def _column_widths(block: Block, columns: int, width: Emu) -> list[Emu]:
    """Short columns keep about their longest text; long ones share the rest, so cells wrap."""
    natural = [3] * columns
    for row in block.rows:
        for index, runs in enumerate(row):
            text = len("".join(r.text for r in runs))
            natural[index] = max(natural[index], text + CELL_SLACK)
    total_chars = width / Pt(5.2)  # characters of ~9pt text a line holds
    narrow = [n <= total_chars * 0.2 for n in natural]
    fixed = sum(n for n, is_narrow in zip(natural, narrow) if is_narrow)
    wide = sum(n for n, is_narrow in zip(natural, narrow) if not is_narrow)
    if not wide:
        shares = [n / fixed for n in natural]
    else:
        shares = [
            n / total_chars if is_narrow else n * (total_chars - fixed) / wide / total_chars
            for n, is_narrow in zip(natural, narrow)
        ]
    return [Emu(int(width * share)) for share in shares]


def _text_width(document) -> Emu:
    return _section_text_width(document.sections[-1])


def _section_text_width(section) -> Emu:
    page = section.page_width or Mm(210)
    return Emu(int(page - (section.left_margin or Mm(25)) - (section.right_margin or Mm(25))))


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def _property(text: str) -> str:
    """Core properties hold at most 255 characters (python-docx refuses more); the page keeps
    it all."""
    text = _clean(text)
    return text if len(text) <= CORE_PROPERTY_MAX else text[: CORE_PROPERTY_MAX - 1] + "…"


def _clean(text: str) -> str:
    return _XML_INVALID.sub("", text)


def _reproducible_zip(document) -> bytes:
    """Save, then rewrite the zip with fixed entry times so equal input gives equal bytes."""
    raw = io.BytesIO()
    document.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()
