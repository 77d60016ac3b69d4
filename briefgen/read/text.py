"""Plain-text articles as saved from a news site: headline first, then paragraphs.

What is not content is removed here, so analysis never sees it: photo captions with a
credit ("... (Source: Getty) |"), comment counters ("Comment (0)"), share widgets, and
the "Source: URL" trailer, which becomes the article's url and outlet.  Short lines that
stand between paragraphs without ending a sentence, or that ask a question, are kept as
sub-headings (structure) rather than text.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

from ..errors import InputError
from ..model import Article

_TRAILER = re.compile(r"^\s*(?:source|nguồn|read more at|originally published at)\s*:\s*(https?://\S+)\s*$", re.I)
_CAPTION_CREDIT = re.compile(r"\((?:source|photo|image|credit|ảnh|nguồn)\s*:[^)]*\)\s*\|?\s*$", re.I)
_WIDGET = re.compile(
    r"^\s*(?:comments?\s*\(\d+\)|\d+\s+comments?|share(?: this)?(?: on \w+)?|tweet|like|print|email|"
    r"follow us.*|related(?: articles| news)?:?|tags?:.*|advertisement)\s*$",
    re.I,
)
_ISO_DATE = re.compile(r"(?<!\d)(20\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?!\d)")
_URL_DATE = re.compile(r"/(20\d\d)/(0[1-9]|1[0-2])/(0[1-9]|[12]\d|3[01])/")
HEADING_MAX_WORDS = 12


def read_text_file(path: Path) -> Article:
    """Read a .txt or .md article."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    return parse_text(decode(raw, str(path)), str(path))


def decode(raw: bytes, location: str) -> str:
    """Bytes → text: UTF-8 (BOM or not), else Windows-1252, which maps every byte."""
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{location}: binary data, not text")
    for encoding in ("utf-8-sig", "utf-16") if raw.startswith((b"\xff\xfe", b"\xfe\xff")) else ("utf-8-sig",):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("cp1252", errors="replace")


def parse_text(text: str, location: str) -> Article:
    """Text of an article → Article with headline, paragraphs, url, outlet and date."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    url = None
    kept: list[str] = []
    for line in lines:
        if not line:
            continue
        trailer = _TRAILER.match(line)
        if trailer:
            url = trailer.group(1).rstrip(".,;)")
            continue
        if _WIDGET.match(line) or _CAPTION_CREDIT.search(line):
            continue
        kept.append(line)
    if not kept:
        raise InputError(f"{location}: no text in the source")

    title = kept[0]
    paragraphs: list[tuple[str, str]] = []
    if _is_sentence(title) and len(title.split()) > HEADING_MAX_WORDS:
        # A long first line that ends a sentence is a lede as much as a headline.
        paragraphs.append(("text", title))
    for i, line in enumerate(kept[1:], 1):
        following = kept[i + 1] if i + 1 < len(kept) else ""
        kind = "heading" if _looks_like_heading(line, following) else "text"
        paragraphs.append((kind, line))
    body = "\n\n".join(t for _, t in paragraphs)
    return Article(
        text=body,
        paragraphs=paragraphs,
        title=title.rstrip(".") if not _is_sentence(title) else title,
        outlet=outlet_from_url(url) if url else _displayable(Path(location).stem),
        url=url,
        date=_find_date(location, url),
        location=location,
    )


def outlet_from_url(url: str) -> str:
    """'https://www.example.com/x' → 'example.com'."""
    host = urlparse(url).hostname or url
    return host.removeprefix("www.")


def _displayable(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (Python keeps them as lone surrogates) become '�'."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _is_sentence(line: str) -> bool:
    return line.rstrip("\"'”’)").endswith((".", "!", "?"))


def _looks_like_heading(line: str, following: str) -> bool:
    words = len(line.split())
    if words > HEADING_MAX_WORDS or not following:
        return False
    if len(following.split()) < 2 * words:
        return False
    # A question standing alone, or a short line without a full stop, heads what follows.
    return line.endswith("?") or not line.endswith((".", "!", '"', "”")) or words <= 10


def _find_date(location: str, url: str | None) -> str | None:
    for text, pattern in ((Path(location).name, _ISO_DATE), (url or "", _URL_DATE)):
        m = pattern.search(text)
        if m:
            return "-".join(m.groups())
    return None
