"""Markdown → a flat list of typed blocks, from markdown-it-py's token stream.

Every writer (DOCX, PDF, HTML) walks the same blocks, so what the template says is
what every format shows.  Blocks are deliberately few: headings (level 1 is the title),
paragraphs, bullet items, quotes and tables; inline text is a list of runs carrying
bold, italic and link.

What a paragraph is for is said by the template, never guessed from how it looks: a
fenced div names its role (pandoc's way), and every paragraph inside takes it::

    ::: note
    *Policy brief · 19 March 2025 · 2 sources*
    :::

The roles writers know (``ROLES``) are the bottom line (``bluf``), a note (``note``: the
line under the title, how the brief was made) and an entry of the Sources (``source``); a
paragraph inside a div of any other role keeps that role in ``Block.role``, and the DOCX
writer gives it the Word style of that name when the reference document has one.

Places are named the same way, with pandoc's bracketed span: ``[[2]]{#src-2}`` is the text
"[2]" with the anchor ``src-2`` (a Sources entry), and a link to ``#src-2`` (a citation,
``[[2]](#src-2)``) is a link inside the document, which each writer makes its own kind of
internal link.  A link to an anchor the document lacks is plain text.  An image
(``![Office logo](logo.png)``) is a run whose ``image`` is the path as written; the
typesetter loads it (:mod:`.images`) before any writer sees it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.attrs import attrs_plugin
from mdit_py_plugins.container import container_plugin

if TYPE_CHECKING:
    from .images import Picture

ROLES = ("bluf", "note", "source")
_ROLE = re.compile(r"\s*([A-Za-z][\w-]*)\s*")


@dataclass
class Run:
    """A stretch of inline text with one look.

    ``href`` is where it links to: a URL, or ``#name`` for the place in the document whose
    run has ``anchor`` ``name``.  An image is a run whose ``text`` is its alt text, ``image``
    its path as the template wrote it and, once loaded, ``picture`` its bytes.
    """

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None
    anchor: str | None = None
    image: str | None = None
    picture: Picture | None = None


@dataclass
class Block:
    """One block of the document.

    ``kind`` is ``heading`` (with ``level``), ``paragraph``, ``bullet``, ``numbered``,
    ``quote`` or ``table`` (``rows`` of cells, each a list of runs; row 0 is the header),
    or for a paragraph the role the template gave it (one of ``ROLES``).  ``role`` is the
    role of the div it sits in, whichever it is ("" for none).
    """

    kind: str
    runs: list[Run] = field(default_factory=list)
    level: int = 0
    rows: list[list[list[Run]]] = field(default_factory=list)
    role: str = ""

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


def parse_blocks(markdown: str) -> list[Block]:
    """The blocks of ``markdown`` in document order."""
    parser = MarkdownIt("commonmark", {"html": False}).enable("table")
    parser.use(
        container_plugin, name="role", validate=lambda params, *_: bool(_ROLE.fullmatch(params))
    )
    # Spans name places ("[[2]]{#src-2}"); only the id is read, so a template cannot set
    # a style or a handler through attributes.
    parser.use(attrs_plugin, after=("image",), spans=True, allowed=("id",))
    tokens = parser.parse(markdown)
    blocks: list[Block] = []
    context: list[str] = []  # enclosing containers: bullet_list, ordered_list, blockquote
    roles: list[str] = []  # enclosing divs' roles, innermost last
    table: Block | None = None
    row: list[list[Run]] = []
    in_cell = False
    for token in tokens:
        if token.type == "container_role_open":
            roles.append(_ROLE.fullmatch(token.info)[1])
        elif token.type == "container_role_close":
            roles.pop()
        elif token.type in ("bullet_list_open", "ordered_list_open", "blockquote_open"):
            context.append(token.type.removesuffix("_open"))
        elif token.type in ("bullet_list_close", "ordered_list_close", "blockquote_close"):
            context.pop()
        elif token.type == "heading_open":
            blocks.append(Block("heading", level=int(token.tag[1])))
        elif token.type == "paragraph_open":
            role = roles[-1] if roles else ""
            kind = _paragraph_kind(context)
            blocks.append(
                Block(role if role in ROLES and kind in ("paragraph", "quote") else kind, role=role)
            )
        elif token.type == "table_open":
            table = Block("table", role=roles[-1] if roles else "")
            blocks.append(table)
        elif token.type == "tr_open":
            row = []
        elif token.type in ("th_open", "td_open"):
            in_cell = True
            row.append([])
        elif token.type in ("th_close", "td_close"):
            in_cell = False
        elif token.type == "tr_close" and table is not None:
            table.rows.append(row)
        elif token.type == "inline":
            runs = _runs(token.children or [])
            if in_cell:
                row[-1].extend(runs)
            else:
                blocks[-1].runs.extend(runs)
        elif token.type == "table_close":
            table = None
    _unlink_missing(blocks)
    return blocks


def internal_target(href: str | None) -> str | None:
    """The anchor a link to a place in the document points to ("#src-2" → "src-2"), else
    None (a URL, or no link)."""
    return href[1:] if href and href.startswith("#") and len(href) > 1 else None


def all_runs(blocks: list[Block]):
    """Every run of ``blocks``, table cells' too, in document order."""
    for block in blocks:
        yield from block.runs
        for row in block.rows:
            for cell in row:
                yield from cell


def _unlink_missing(blocks: list[Block]) -> None:
    """Links to anchors the document lacks become plain text: a template that leaves the
    Sources out still cites "[2]", and no writer is left with a link to nowhere.  A name
    given twice names its first place only, as a browser reads it."""
    anchors: set[str] = set()
    for run in all_runs(blocks):
        if run.anchor in anchors:
            run.anchor = None
        elif run.anchor:
            anchors.add(run.anchor)
    for run in all_runs(blocks):
        target = internal_target(run.href)
        if target is not None and target not in anchors:
            run.href = None


def _paragraph_kind(context: list[str]) -> str:
    if "blockquote" in context:
        return "quote"
    if context and context[-1] == "bullet_list":
        return "bullet"
    if context and context[-1] == "ordered_list":
        return "numbered"
    return "paragraph"


def _runs(children: list[Token]) -> list[Run]:
    runs: list[Run] = []
    bold = italic = 0
    href: str | None = None
    anchor: str | None = None  # a span's id, given to its first run only: a place is a point
    for child in children:
        if child.type == "strong_open":
            bold += 1
        elif child.type == "strong_close":
            bold -= 1
        elif child.type == "em_open":
            italic += 1
        elif child.type == "em_close":
            italic -= 1
        elif child.type == "link_open":
            href = str(child.attrs.get("href", ""))
        elif child.type == "link_close":
            href = None
        elif child.type == "span_open" and "id" in child.attrs:
            anchor = str(child.attrs["id"])
        elif child.type == "image":
            runs.append(Run(child.content, href=href, image=str(child.attrs.get("src", ""))))
        elif child.type in ("text", "code_inline"):
            runs.append(Run(child.content, bold > 0, italic > 0, href, anchor))
            anchor = None
        elif child.type in ("softbreak", "hardbreak"):
            runs.append(Run(" ", bold > 0, italic > 0, href))
    return runs
