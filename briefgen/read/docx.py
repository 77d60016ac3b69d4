"""Word files (.docx) → Article, via python-docx.

Paragraphs styled as headings (Heading 1–9) stay structure; the Title-styled paragraph,
else the document's Title property, else the first paragraph, is the headline.  A
"Source: URL" line gives url and outlet, as in plain text.
"""

from __future__ import annotations

import io

from ..errors import InputError
from ..model import Article
from ..package import check_unpacked
from .text import find_date, outlet_from_url, source_trailer, stem


def read_docx(
    raw: bytes, location: str, url: str | None = None, charset: str | None = None
) -> Article:
    """The article text of the Word document ``raw``."""
    import docx

    try:
        check_unpacked(raw, location)
        document = docx.Document(io.BytesIO(raw))
        blocks = [
            (p.style.name if p.style is not None else "", " ".join(p.text.split()))
            for p in document.paragraphs
        ]
        properties = document.core_properties
        title, author = (properties.title or "").strip(), (properties.author or "").strip()
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged package fails in zipfile, lxml or python-docx
        raise InputError(
            f"{location}: not a readable Word document ({type(exc).__name__})"
        ) from None

    paragraphs: list[tuple[str, str]] = []
    for style, text in blocks:
        if not text:
            continue
        trailer = source_trailer(text)
        if trailer:
            url = trailer
        elif style == "Title" and not title:
            title = text
        elif style != "Title":
            paragraphs.append(("heading" if style.startswith("Heading") else "text", text))
    if not any(kind == "text" for kind, _ in paragraphs):
        raise InputError(f"{location}: no text in the document")
    if not title:
        title = paragraphs.pop(0)[1]
    return Article(
        text="\n\n".join(t for kind, t in paragraphs if kind == "text"),
        paragraphs=paragraphs,
        title=title,
        outlet=outlet_from_url(url) if url else stem(location),
        url=url,
        date=find_date(location, url, [t for _, t in paragraphs[:5]]),
        location=location,
        author=author or None,
    )
