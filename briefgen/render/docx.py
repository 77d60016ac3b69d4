"""Blocks → a Word document (bytes), with Word's own styles.

Title and Heading 1/2 are Word's built-in styles, so the headings show in the
Navigation pane; bullets use List Bullet; tables get a repeated, bold header row.  The
output is byte-for-byte reproducible: document dates come from the brief and every zip
entry carries the same fixed timestamp.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from .blocks import Block, Run

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
HEADING_STYLES = {1: "Title", 2: "Heading 1", 3: "Heading 2", 4: "Heading 3"}
QUOTE_SHADE = "E8EEF4"
LINK_COLOUR = RGBColor(0x1F, 0x4E, 0x79)
CORE_PROPERTY_MAX = 255


def render_docx(blocks: list[Block], title: str, subject: str, date: str | None) -> bytes:
    """The document as .docx bytes."""
    document = Document()
    _set_properties(document, title, subject, date)
    for block in blocks:
        if block.kind == "heading":
            paragraph = document.add_paragraph(style=HEADING_STYLES.get(block.level, "Heading 3"))
            _add_runs(paragraph, block.runs)
        elif block.kind == "table":
            _add_table(document, block)
        else:
            style = {"bullet": "List Bullet", "numbered": "List Number"}.get(block.kind, "Normal")
            paragraph = document.add_paragraph(style=style)
            _add_runs(paragraph, block.runs)
            if block.kind == "quote":
                _shade(paragraph)
    return _reproducible_zip(document)


def _set_properties(document, title: str, subject: str, date: str | None) -> None:
    props = document.core_properties
    props.title = _property(title)
    props.subject = _property(subject)
    props.author = "briefgen"
    props.last_modified_by = "briefgen"
    props.keywords = "policy brief"
    props.revision = 1
    stamp = _timestamp(date)
    props.created = stamp
    props.modified = stamp
    props.last_printed = stamp


def _timestamp(date: str | None) -> dt.datetime:
    try:
        day = dt.date.fromisoformat(date or "")
    except ValueError:
        day = dt.date(2000, 1, 1)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)


def _add_runs(paragraph, runs: list[Run]) -> None:
    for run in runs:
        text = _clean(run.text)
        if not text:
            continue
        if run.href:
            _add_hyperlink(paragraph, text, run.href)
            continue
        r = paragraph.add_run(text)
        r.bold = run.bold or None
        r.italic = run.italic or None


def _add_hyperlink(paragraph, text: str, url: str) -> None:
    rel_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run = paragraph.add_run(text)
    run.font.color.rgb = LINK_COLOUR
    run.font.underline = True
    # python-docx has no hyperlink API: move the run inside a w:hyperlink element.
    paragraph._p.remove(run._r)
    link.append(run._r)
    paragraph._p.append(link)


def _add_table(document, block: Block) -> None:
    columns = max(len(row) for row in block.rows)
    table = document.add_table(rows=0, cols=columns)
    table.style = "Table Grid"
    for index, cells in enumerate(block.rows):
        row = table.add_row()
        for cell, runs in zip(row.cells, cells):
            paragraph = cell.paragraphs[0]
            _add_runs(paragraph, [Run(r.text, r.bold or index == 0, r.italic, r.href) for r in runs])
            for r in paragraph.runs:
                r.font.size = Pt(9.5)
        if index == 0:
            header = OxmlElement("w:tblHeader")
            header.set(qn("w:val"), "true")
            row._tr.get_or_add_trPr().append(header)


def _shade(paragraph) -> None:
    properties = paragraph._p.get_or_add_pPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), QUOTE_SHADE)
    properties.append(shading)
    paragraph.paragraph_format.space_before = Pt(4)
    paragraph.paragraph_format.space_after = Pt(8)


def _property(text: str) -> str:
    """Core properties hold at most 255 characters (python-docx refuses more); the page keeps it all."""
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
