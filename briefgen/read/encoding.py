"""Bytes of a text source → str, with the encoding worked out from the bytes themselves.

Order: a byte-order mark (UTF-8, UTF-16, UTF-32) decides; a declared charset (HTTP
header, HTML meta) comes next; then UTF-16 without a BOM (NUL in every other byte);
then strict UTF-8; and anything else is a legacy single-byte file, read as Windows-1252.

Why not a statistical detector (charset-normalizer, chardet): on a news paragraph with a
handful of accented letters they guess cp1250, cp775 or cp1006 and change letters
silently.  Here valid UTF-8 is almost never produced by accident from legacy bytes, and
Windows-1252 is a superset of the printable part of Latin-1 (Latin-1's 0x80–0x9F are
control codes no text uses), so both legacy encodings come out right.  Bytes that are
mostly control codes are refused as binary.
"""

from __future__ import annotations

import codecs
import re

from ..errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\x80-\x9f\ufffd]")
MAX_CONTROL_SHARE = 0.02
_SAMPLE = 8192
_LATIN1_FALLBACK = "briefgen-latin1"
# Windows-1252 leaves five bytes undefined; Latin-1 gives them their (control) code points.
codecs.register_error(
    _LATIN1_FALLBACK, lambda e: (e.object[e.start : e.end].decode("latin-1"), e.end)
)


def decode(raw: bytes, location: str, declared: str | None = None) -> str:
    """Decode ``raw`` (the whole source); raise InputError if it is not text."""
    text = _decode(raw, declared)
    if text is None or _looks_binary(text):
        raise InputError(f"{location}: binary data, not text")
    return text


def _decode(raw: bytes, declared: str | None) -> str | None:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _try(raw, encoding)
    if declared:
        text = _try(raw, _known(declared))
        if text is not None:
            return text
    sample = raw[:_SAMPLE]
    if b"\x00" in sample:
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        if odd > len(sample) / 4 and even == 0:
            return _try(raw, "utf-16-le")
        if even > len(sample) / 4 and odd == 0:
            return _try(raw, "utf-16-be")
        return None
    text = _try(raw, "utf-8")
    if text is not None:
        return text
    return raw.decode("cp1252", errors=_LATIN1_FALLBACK)


def _try(raw: bytes, encoding: str) -> str | None:
    try:
        return raw.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _known(name: str) -> str:
    """Charset labels as web pages give them; Latin-1 is read as its superset, as browsers do."""
    name = name.strip().strip("\"'").lower()
    return "cp1252" if name in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii") else name


def _looks_binary(text: str) -> bool:
    sample = text[:_SAMPLE]
    return bool(sample) and len(_CONTROL.findall(sample)) > MAX_CONTROL_SHARE * len(sample)
