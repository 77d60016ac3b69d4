"""Blocks → one self-contained HTML file (bytes), fit to be an e-mail body.

Every rule is an inline ``style`` attribute (mail clients drop ``<style>`` sheets and
never run scripts; there are none), every source character is escaped, and only
http(s)/mailto links become links.  The marking, when given, opens and closes the page.
"""

from __future__ import annotations

from html import escape

from .. import MADE_WITH
from .blocks import Block, Run
from .style import DocumentInfo, Style

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
    if info.marking:
        body.append(f'<p style="{css["marking"]};margin:12px 0 0">{escape(info.marking)}</p>')
    page = (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(info.title)}</title>\n"
        f'<meta name="generator" content="{MADE_WITH}">\n'
        f'<meta name="author" content="{escape(style.author)}">\n'
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
        text = escape(run.text)
        if run.bold:
            text = f"<strong>{text}</strong>"
        if run.italic:
            text = f"<em>{text}</em>"
        if run.href and run.href.lower().startswith(SAFE_LINK):
            text = f'<a href="{escape(run.href)}" style="{css["a"]}">{text}</a>'
        parts.append(text)
    return "".join(parts)
