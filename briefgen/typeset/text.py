"""Blocks → plain text, wrapped for any mail reader: the email body's text/plain part.

It prints the same blocks as the HTML part, so both say the same.  Headings are underlined
("=" for the title, "-" below it), bullets start "- ", a numbered list counts "1. ", table
rows join their cells with " | ", and a source entry hangs its later lines.  Emphasis is
dropped; a link whose text is not its address shows the address after it.
"""

from __future__ import annotations

import textwrap

from .blocks import Block, Run
from .html import SAFE_LINK

WIDTH = 76  # columns: what mail readers show without wrapping, and quoted replies still fit
# Blocks of these kinds that follow one of their own kind sit on the next line, as a list.
_LISTED = ("bullet", "numbered", "source")


def render_text(blocks: list[Block], width: int = WIDTH, marking: str | None = None) -> str:
    """The blocks as plain text lines of at most ``width`` columns (a word longer than that,
    such as an address, stays whole), ending with a newline; ``marking``, when given, opens
    and closes it, as it does the HTML."""
    lines: list[str] = _wrap(marking, width) if marking else []
    previous: Block | None = None
    number = 0
    for block in blocks:
        listed = previous is not None and block.kind in _LISTED and block.kind == previous.kind
        if lines and not listed:
            lines.append("")
        number = number + 1 if listed else 1
        lines += _block(block, width, number)
        previous = block
    if marking:
        lines += ["", *_wrap(marking, width)]
    return "\n".join(lines) + "\n"


def _block(block: Block, width: int, number: int) -> list[str]:
    if block.kind == "heading":
        text = _wrap(_inline(block.runs), width)
        rule = "=" if block.level == 1 else "-"
        return [*text, rule * max(len(line) for line in text)]
    if block.kind == "bullet":
        return _wrap(_inline(block.runs), width, "- ", "  ")
    if block.kind == "numbered":
        mark = f"{number}. "
        return _wrap(_inline(block.runs), width, mark, " " * len(mark))
    if block.kind == "source":
        return _wrap(_inline(block.runs), width, "", "    ")
    if block.kind == "table":
        rows = [" | ".join(_inline(cell) for cell in row) for row in block.rows]
        return [line for row in rows for line in _wrap(row, width, "", "  ")]
    return _wrap(_inline(block.runs), width)  # a paragraph, the bottom line, a quote, a note


def _inline(runs: list[Run]) -> str:
    parts = []
    for run in runs:
        parts.append(run.text)
        if run.href and run.href != run.text and run.href.lower().startswith(SAFE_LINK):
            parts.append(f" <{run.href}>")
    return " ".join("".join(parts).split())


def _wrap(text: str, width: int, first: str = "", later: str = "") -> list[str]:
    return textwrap.wrap(
        text,
        width=width,
        initial_indent=first,
        subsequent_indent=later,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [first.rstrip()]
