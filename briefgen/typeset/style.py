"""The style file → a ``Style`` every writer reads (fonts, colours, margins, paper, sizes,
and the office's identity: logo, organisation, author, handling line).

``load_style(path, paper)`` reads the shipped ``briefgen/styles/default.yaml``, lays the
user's file (``--style``) over it key by key, and applies ``--paper``.  The user's file is
checked against ``STYLE_SCHEMA`` (:mod:`briefgen.validate`; ``briefgen schema style`` prints
it): a bad one is an ``InputError`` naming the file, the key and, for an unknown key, the
nearest valid one.  A ``logo:`` is read and checked here, relative to the style file, so a
bad one fails before anything is rendered.  Also here: ``DocumentInfo``, the text every
writer puts around the blocks (properties, header, marking), and the one document time
that makes rebuilds byte-identical.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..errors import InputError
from ..validate import DRAFT, EXTENSIONS
from ..yamlsafe import MB, load_yaml, read_limited
from .images import MAX_SIDE_PX, Picture, read_image

PAPERS = ("a4", "letter")
PAPER_MM = {"a4": (210.0, 297.0), "letter": (215.9, 279.4)}
_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
_FONT_NAME = re.compile(
    r"[\w][\w .-]{0,63}"
)  # it goes into CSS and Word XML: nothing that could end a declaration
MARGINS = ("top", "bottom", "left", "right")
SIZES = ("title", "heading", "subheading", "body", "table", "sources", "small")
COLOURS = ("text", "accent", "muted", "shade", "rule", "link", "marking")
FACES = ("regular", "bold", "italic", "bold_italic")
MARGIN_MM = (5, 60)
SIZE_PT = (5, 40)
# The Author property when the style names no author (nothing is printed then).
DEFAULT_AUTHOR = "briefgen"
# organisation, author and handling are one line of a header or footer, not a paragraph.
IDENTITY_TEXT_MAX = 200
# A letterhead logo is tens of kilobytes.  Every DOCX, PDF and HTML (and every e-mail, as
# base64, a third bigger) carries a copy, so a photo given by mistake is refused instead of
# bloating each brief.
LOGO_MAX_BYTES = MB
# How big the logo is shown in the header: tall enough for a crest to read, low enough that
# the header stays two lines (logo and name, then title · date); a wide word-mark is scaled
# down to leave room for the organisation's name beside it.
LOGO_HEIGHT_MM = 10.0
LOGO_MAX_WIDTH_MM = 50.0


def _numbers_schema(keys: tuple[str, ...], low: float, high: float, unit: str) -> dict:
    number = {
        "type": "number",
        "minimum": low,
        "maximum": high,
        "description": f"should be a number from {low} to {high}",
    }
    return {
        "type": "object",
        "description": f"should be a mapping of {', '.join(keys)} ({unit})",
        "properties": dict.fromkeys(keys, number),
        "additionalProperties": False,
    }


# A style file the user writes: every key optional (what is left out keeps the shipped
# value), none unknown but the file's own "x-..." keys (a place for YAML anchors).  A
# "description" that starts with "should" is what an error there says (briefgen.validate).
# The paper's value (any case) and the font name's characters are checked once the file is
# laid over the shipped one (_build): the schema's regular expressions are JavaScript's,
# whose \w is not Python's.
STYLE_SCHEMA: dict = {
    "$schema": DRAFT,
    "title": "briefgen style",
    "type": "object",
    "properties": {
        "paper": {"type": "string", "description": f"should be one of {', '.join(PAPERS)}"},
        "margins": _numbers_schema(MARGINS, *MARGIN_MM, "millimetres"),
        "font": {
            "type": "object",
            "description": "should be a mapping with name and pdf",
            "properties": {
                "name": {
                    "type": "string",
                    "description": "should be a font name (letters, digits, spaces, hyphens)",
                },
                "pdf": {
                    "type": ["array", "null"],
                    "description": "should be a list of {regular: FILE.ttf, ...} entries",
                    "items": {
                        "type": "object",
                        "description": "should be a mapping of regular, bold, italic, bold_italic",
                        "properties": {
                            face: {
                                "type": "string" if face == "regular" else ["string", "null"],
                                "description": "should be a TrueType file name or path",
                            }
                            for face in FACES
                        },
                        "required": ["regular"],
                        "additionalProperties": False,
                    },
                },
            },
            "additionalProperties": False,
        },
        "sizes": _numbers_schema(SIZES, *SIZE_PT, "points"),
        "colours": {
            "type": "object",
            "description": "should be a mapping of names to #RRGGBB",
            "properties": dict.fromkeys(
                COLOURS,
                {
                    "type": "string",
                    "pattern": f"^{_COLOUR.pattern}$",
                    "description": "should be #RRGGBB",
                },
            ),
            "additionalProperties": False,
        },
        # A "title" is what an editor shows about a key; the "description" is the predicate
        # errors print.  The length of these texts is checked in _build, with its own words.
        "author": {
            "type": ["string", "number", "null"],
            "title": "Who wrote the brief: the documents' Author property (briefgen when "
            "empty), printed in the footer",
            "description": "should be text",
        },
        "organisation": {
            "type": ["string", "number", "null"],
            "title": "The office's name, printed in the page header beside the logo",
            "description": "should be text",
        },
        "handling": {
            "type": ["string", "number", "null"],
            "title": "A handling line on the first page, above the title, e.g. For internal "
            "distribution only (apart from the --marking banner)",
            "description": "should be text",
        },
        "logo": {
            "type": ["string", "null"],
            "title": f"The office's logo in the page header: a PNG or JPEG file, relative to "
            f"the style file, at most {LOGO_MAX_BYTES // MB} MB and {MAX_SIDE_PX} pixels "
            "a side",
            "description": "should be the path of a PNG or JPEG file",
        },
    },
    "patternProperties": EXTENSIONS,
    "additionalProperties": False,
}


@dataclass(frozen=True)
class FontFiles:
    """One TrueType family for the PDF: file names (searched) or paths; only regular is required."""

    regular: str
    bold: str | None = None
    italic: str | None = None
    bold_italic: str | None = None


@dataclass(frozen=True)
class Style:
    paper: str
    margins: dict[str, float]  # top, bottom, left, right, in mm
    font_name: str
    pdf_fonts: tuple[FontFiles, ...]
    sizes: dict[str, float]  # title, heading, subheading, body, table, sources, small, in pt
    colours: dict[str, str]  # text, accent, muted, shade, rule, link, marking: #RRGGBB
    author: str | None = None  # printed in the footer when given
    organisation: str | None = None  # printed in the header, beside the logo
    handling: str | None = None  # "For internal distribution only", on the first page
    logo: Picture | None = None  # in the header

    @property
    def page_mm(self) -> tuple[float, float]:
        return PAPER_MM[self.paper]

    @property
    def document_author(self) -> str:
        """The documents' Author property: the author, else briefgen."""
        return self.author or DEFAULT_AUTHOR

    @property
    def has_identity_row(self) -> bool:
        """Whether the header carries the office's logo or name."""
        return self.logo is not None or bool(self.organisation)


@dataclass(frozen=True)
class DocumentInfo:
    """What surrounds the blocks: document properties, the running header and the marking."""

    title: str
    subject: str
    keywords: str
    date_text: str  # '19 March 2025'
    marking: str | None
    time: dt.datetime  # created/modified date written into every format

    @property
    def header(self) -> str:
        return f"{self.title} · {self.date_text}"


def default_style_path() -> Path:
    return Path(str(resources.files("briefgen"))) / "styles" / "default.yaml"


def load_style(
    path: Path | None = None,
    paper: str | None = None,
    identity: Mapping[str, str | None] | None = None,
) -> Style:
    """The shipped style, overridden by the file at ``path`` and then by ``paper`` and the
    ``identity`` texts given (``author``, ``organisation``, ``handling``: None keeps the
    file's), which are checked as the file's are."""
    data = _read(default_style_path())
    if path is not None:
        from ..validate import check

        mine = _read(path)
        check(mine, STYLE_SCHEMA, f"style {path}")
        data = _merge(data, mine, str(path))
    if paper is not None:
        data["paper"] = paper
    for key, value in (identity or {}).items():
        if key not in IDENTITY_KEYS:
            raise ValueError(f"{key!r} is not one of {IDENTITY_KEYS}")  # a caller's mistake
        if value is not None:
            data[key] = value
    source = Path(path) if path is not None else default_style_path()
    return _build(data, str(source), source.parent)


def _read(path: Path) -> dict:
    try:
        text = read_limited(path, f"style {path}").decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(f"style {path}: not UTF-8 text") from None
    data = load_yaml(text, f"style {path}")
    if not isinstance(data, dict):
        raise InputError(f"style {path}: should be a mapping of keys such as paper, margins, font")
    return data


def _merge(base: dict, over: dict, where: str, prefix: str = "") -> dict:
    """``over`` laid on ``base``: mappings key by key, anything else replaced."""
    merged = dict(base)
    for key, value in over.items():
        if not prefix and str(key).startswith("x-"):  # the file's own (anchors): see STYLE_SCHEMA
            continue
        if key not in base:
            raise InputError(
                f"style {where}: unknown key {prefix}{key!s} (known: {', '.join(base)})"
            )
        if isinstance(base[key], dict) and isinstance(value, dict):
            merged[key] = _merge(base[key], value, where, f"{prefix}{key}.")
        else:
            merged[key] = value
    return merged


def _build(data: dict, where: str, folder: Path) -> Style:
    """The checked ``Style`` of merged style data; ``folder`` is where a relative logo path
    starts (the style file's folder)."""

    def fail(message: str) -> InputError:
        return InputError(f"style {where}: {message}")

    paper = str(data.get("paper", "")).lower()
    if paper not in PAPERS:
        raise fail(f"paper should be one of {', '.join(PAPERS)}, not {data.get('paper')!r}")
    margins = _numbers(data.get("margins"), MARGINS, "margins", fail, *MARGIN_MM)
    sizes = _numbers(data.get("sizes"), SIZES, "sizes", fail, *SIZE_PT)
    colours = data.get("colours") or {}
    if not isinstance(colours, dict):
        raise fail(f"colours should be a mapping of names to #RRGGBB, not {colours!r}")
    for key, value in colours.items():
        if not isinstance(value, str) or not _COLOUR.fullmatch(value):
            raise fail(f"colours.{key} should be #RRGGBB, not {value!r}")
    font = data.get("font") or {}
    if not isinstance(font, dict):
        raise fail(f"font should be a mapping with name and pdf, not {font!r}")
    if not isinstance(font.get("name"), str) or not _FONT_NAME.fullmatch(font["name"].strip()):
        raise fail("font.name should be a font name (letters, digits, spaces, hyphens)")
    if not isinstance(font.get("pdf") or [], list):
        raise fail("font.pdf should be a list of {regular: FILE.ttf, ...} entries")
    families = []
    for entry in font.get("pdf") or []:
        if not isinstance(entry, dict) or not isinstance(entry.get("regular"), str):
            raise fail("each font.pdf entry needs at least 'regular: FILE.ttf'")
        unknown = set(entry) - set(FACES)
        if unknown:
            raise fail(f"font.pdf entry has unknown key {sorted(map(str, unknown))[0]}")
        faces = {k: v for k, v in entry.items() if v is not None}  # 'bold: null' is a face left out
        if not all(isinstance(v, str) for v in faces.values()):
            raise fail("font.pdf entries should give file names")
        families.append(FontFiles(**faces))
    identity = {key: _identity_text(data.get(key), key, fail) for key in IDENTITY_KEYS}
    logo = data.get("logo")
    if logo is not None and not isinstance(logo, str):
        raise fail("logo should be the path of a PNG or JPEG file")
    logo_path = folder / Path(logo).expanduser() if logo and logo.strip() else None
    return Style(
        paper=paper,
        margins=margins,
        font_name=font["name"].strip(),
        pdf_fonts=tuple(families),
        sizes=sizes,
        colours={k: v.upper() for k, v in colours.items()},
        **identity,
        logo=read_image(logo_path, f"style {where}: logo {logo_path}", LOGO_MAX_BYTES)
        if logo_path
        else None,
    )


IDENTITY_KEYS = ("author", "organisation", "handling")


def _identity_text(value, key: str, fail) -> str | None:
    """A one-line text setting (author, organisation, handling): its words on one line, or
    None when left empty."""
    if value is None:
        return None
    if isinstance(value, (dict, list, bool)):
        raise fail(f"{key} should be text")
    text = " ".join(str(value).split())
    if len(text) > IDENTITY_TEXT_MAX:
        raise fail(f"{key} should be at most {IDENTITY_TEXT_MAX} characters, not {len(text)}")
    return text or None


def _numbers(
    value, keys: tuple[str, ...], name: str, fail, low: float, high: float
) -> dict[str, float]:
    if not isinstance(value, dict):
        raise fail(f"{name} should be a mapping of {', '.join(keys)}")
    out = {}
    for key in keys:
        number = value.get(key)
        if (
            isinstance(number, bool)
            or not isinstance(number, (int, float))
            or not low <= number <= high
        ):
            raise fail(f"{name}.{key} should be a number from {low} to {high}, not {number!r}")
        out[key] = float(number)
    return out
