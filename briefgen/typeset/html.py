"""Blocks → one self-contained HTML file (bytes), fit to be an e-mail body.

Every rule is an inline ``style`` attribute (mail clients drop ``<style>`` sheets and
never run scripts; there are none), every source character is escaped, and only
http(s)/mailto links and links to places in the page (a citation to its Sources entry,
``id="src-2"``) become links.  Images are embedded as data: URIs.  The marking, when
given, opens and closes the page; inside it, the style's logo and organisation (a banner)
and handling line open it and its author closes it.
"""

from __future__ import annotations

import base64
from html import escape

from .. import MADE_WITH
from .blocks import Block, Run, internal_target
from .style import LOGO_HEIGHT_MM, LOGO_MAX_WIDTH_MM, DocumentInfo, Style

SAFE_LINK = ("http://", "https://", "mailto:")


def render_html(blocks: list[Block], info: DocumentInfo, style: Style) -> bytes:
    """The document as UTF-8 HTML."""
    c, size = style.colours, style.sizes
    # Repeated on headings and tables: some mail clients do not let them inherit the body's font.
    font = f"font-family:{escape(style.font_name)},Helvetica,sans-serif"
    css = {
        "body": (
            f"margin:0;padding:16px;background:#ffffff;color:{c['text']};{font};"
            f"font-size:{size['body'] + 4:g}px;line-height:1.45"
        ),
        "h1": (
            f"{font};margin:0 0 4px;color:{c['accent']};"
            f"font-size:{size['title'] + 6:g}px;line-height:1.25"
        ),
        "h2": f"{font};margin:18px 0 6px;color:{c['accent']};font-size:{size['heading'] + 4:g}px",
        "h3": f"{font};margin:14px 0 4px;font-size:{size['subheading'] + 4:g}px",
        "p": "margin:0 0 8px",
        "note": f"margin:0 0 12px;color:{c['muted']};font-size:{size['body'] + 2:g}px",
        "source": (
            "margin:0 0 6px;padding-left:24px;text-indent:-24px;"
            f"font-size:{size['sources'] + 4:g}px"
        ),
        "quote": (
            f"margin:6px 0 10px;padding:10px 14px;background:{c['shade']};"
            f"border-left:4px solid {c['accent']}"
        ),
        "ul": "margin:0 0 8px;padding-left:22px",
        "li": "margin:0 0 4px",
        "table": (
            f"{font};border-collapse:collapse;width:100%;margin:0 0 10px;"
            f"font-size:{size['table'] + 4:g}px"
        ),
        "th": (
            f"text-align:left;vertical-align:top;padding:4px 6px;background:{c['shade']};"
            f"border-bottom:2px solid {c['accent']}"
        ),
        "td": (
            "text-align:left;vertical-align:top;padding:4px 6px;"
            f"border-bottom:1px solid {c['rule']}"
        ),
        "a": f"color:{c['link']}",
        "marking": (
            f"margin:0 0 12px;text-align:center;font-weight:bold;color:{c['marking']};"
            "letter-spacing:0.05em"
        ),
    }
    body: list[str] = []
    if info.marking:
        body.append(f'<p style="{css["marking"]}">{escape(info.marking)}</p>')
    body.extend(_letterhead(style))
    open_list: str | None = None
    for block in blocks:
        wanted = {"bullet": "ul", "numbered": "ol"}.get(block.kind)
        if open_list and wanted != open_list:
            body.append(f"</{open_list}>")
            open_list = None
        if wanted and not open_list:
            body.append(f'<{wanted} style="{css["ul"]}">')
            open_list = wanted
        body.append(_block(block, css))
    if open_list:
        body.append(f"</{open_list}>")
    if style.author:
        look = f"margin:16px 0 0;color:{c['muted']};font-size:{size['small'] + 4:g}px"
        body.append(f'<p style="{look}">{escape(style.author)}</p>')
    if info.marking:
        body.append(f'<p style="{css["marking"]};margin:12px 0 0">{escape(info.marking)}</p>')
    page = (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(info.title)}</title>\n"
        f'<meta name="generator" content="{MADE_WITH}">\n'
        f'<meta name="author" content="{escape(style.document_author)}">\n'
        f'<meta name="description" content="{escape(info.subject)}">\n'
        f'<meta name="keywords" content="{escape(info.keywords)}">\n'
        f'</head>\n<body style="{css["body"]}">\n<div style="max-width:720px;margin:0 auto">\n'
        + "\n".join(body)
        + "\n</div>\n</body>\n</html>\n"
    )
    return page.encode("utf-8")


def _block(block: Block, css: dict[str, str]) -> str:
    text = _inline(block.runs, css)
    if block.kind == "heading":
        tag = f"h{min(block.level, 3)}"
        return f'<{tag} style="{css[tag]}">{text}</{tag}>'
    if block.kind in ("bullet", "numbered"):
        return f'<li style="{css["li"]}">{text}</li>'
    if block.kind in ("bluf", "quote"):
        return f'<div style="{css["quote"]}">{text}</div>'
    if block.kind in ("note", "source"):
        return f'<p style="{css[block.kind]}">{text}</p>'
    if block.kind == "table":
        rows = []
        for index, row in enumerate(block.rows):
            cell = "th" if index == 0 else "td"
            rows.append(
                "<tr>"
                + "".join(
                    f'<{cell} style="{css[cell]}">{_inline(runs, css)}</{cell}>' for runs in row
                )
                + "</tr>"
            )
        return f'<table role="table" style="{css["table"]}">' + "".join(rows) + "</table>"
    return f'<p style="{css["p"]}">{text}</p>'


def _inline(runs: list[Run], css: dict[str, str]) -> str:
    parts = []
    for run in runs:
        text = _image(run) if run.picture else escape(run.text)
        if run.bold:
            text = f"<strong>{text}</strong>"
        if run.italic:
            text = f"<em>{text}</em>"
        if run.anchor:
            text = f'<span id="{escape(run.anchor)}">{text}</span>'
        if internal_target(run.href):
            # A citation: the link colour says it leads somewhere, an underline would crowd it.
            look = f"{css['a']};text-decoration:none"
            text = f'<a href="{escape(run.href)}" style="{look}">{text}</a>'
        elif run.href and run.href.lower().startswith(SAFE_LINK):
            text = f'<a href="{escape(run.href)}" style="{css["a"]}">{text}</a>'
        parts.append(text)
    return "".join(parts)


CSS_PX_PER_POINT = 96 / 72  # CSS pixels are 1/96 inch, points 1/72


def _image(run: Run) -> str:
    """An image run as ``<img>`` with its bytes in a data: URI, so the page (and the email)
    stays one self-contained file; shown at its natural size, never wider than the page."""
    picture = run.picture
    data = base64.b64encode(picture.data).decode("ascii")
    width = round(picture.width_pt * CSS_PX_PER_POINT)
    return (
        f'<img src="data:{picture.mime};base64,{data}" alt="{escape(run.text)}" '
        f'width="{width}" style="max-width:100%;height:auto;border:0">'
    )


CSS_PX_PER_MM = 96 / 25.4  # CSS pixels are 1/96 inch
# The organisation and handling line: a little above the small text, as in the PDF and DOCX.
IDENTITY_PX_ABOVE_SMALL = 6.5


def _letterhead(style: Style) -> list[str]:
    """The top of the page before the blocks: the office's logo and name over a rule (a
    ``role="banner"`` div; the logo a data: URI, so the file stays self-contained) and the
    handling line; [] when the style gives none of them."""
    c, size = style.colours, style.sizes
    big = f"font-size:{size['small'] + IDENTITY_PX_ABOVE_SMALL:g}px;font-weight:bold"
    out = []
    if style.has_identity_row:
        parts = []
        if style.logo is not None:
            width, height = style.logo.size_mm(LOGO_HEIGHT_MM, LOGO_MAX_WIDTH_MM)
            data = base64.b64encode(style.logo.data).decode("ascii")
            parts.append(
                f'<img src="data:{style.logo.mime};base64,{data}" '
                f'alt="{escape(style.organisation or "Logo")}" '
                f'width="{round(width * CSS_PX_PER_MM)}" height="{round(height * CSS_PX_PER_MM)}" '
                'style="vertical-align:middle;border:0">'
            )
        if style.organisation:
            gap = "margin-left:10px;" if style.logo is not None else ""
            parts.append(
                f'<span style="{gap}vertical-align:middle;{big};color:{c["accent"]}">'
                f"{escape(style.organisation)}</span>"
            )
        look = f"margin:0 0 12px;padding:0 0 8px;border-bottom:1px solid {c['rule']}"
        out.append(f'<div role="banner" style="{look}">{"".join(parts)}</div>')
    if style.handling:
        out.append(f'<p style="margin:0 0 8px;{big}">{escape(style.handling)}</p>')
    return out
