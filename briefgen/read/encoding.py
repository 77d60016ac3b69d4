"""Bytes of a text source → str, with the encoding worked out from the bytes themselves.

Order: a byte-order mark (UTF-8, UTF-16, UTF-32) decides; a declared charset (HTTP
header, HTML meta) comes next; then UTF-16 without a BOM (NUL in every other byte);
then strict UTF-8; then Windows-1252, the legacy code page of Western text, if what it
gives is plausible; and failing that the code page charset-normalizer finds (Cyrillic
Windows-1251, Central European Windows-1250, Greek, …).  Bytes that are mostly control
codes are refused as binary.

Why the statistical detector comes last: on a Western news paragraph with a handful of
accented letters it guesses cp1250, cp775 or cp1006 and changes letters silently.  Valid
UTF-8 is almost never produced by accident from legacy bytes, and Windows-1252 is a
superset of the printable part of Latin-1 (Latin-1's 0x80–0x9F are control codes no text
uses), so both come out right before the detector is asked.  Windows-1252 is implausible
when most letters come out accented ("Ïåðåãîâîðû" is Cyrillic read as Western: a
Western text has a few accented letters among many plain ones) or when words carry
symbols no language puts inside a word ("Rz¹d", "bud¿et" is Polish read as Western).
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
# Accented letters are at most about one in ten of a Western language's letters (Icelandic,
# Finnish); read as Windows-1252, Cyrillic, Greek, Hebrew or Arabic text is nearly all
# accented letters.
MAX_ACCENTED_SHARE = 0.3
MIN_LETTERS = 20  # below this a share says nothing ("Zoë" is a third accented)
# Words with a symbol inside ("Rz¹d"): one is a typo, more (and over one word in a hundred)
# are a Central European code page read as Western.
MIN_ODD_WORDS = 2
ODD_WORD_SHARE = 0.01
# Symbols that do sit in Western words: apostrophes, dashes, soft hyphen, degrees, currency,
# marks, fractions ("don’t", "l·l", "20°C", "€20m", "Acme®", "2½-year").
_WORD_SYMBOLS = frozenset("’‘´·–—‐‑\xad°€£¥¢©®™½¼¾§№")
_WORD_EDGES = "\"'.,;:!?()[]{}<>«»„“”‘’¿¡…*-–—/"
WESTERN_SAMPLE = 65_536  # bytes judged for Windows-1252: pages of text, a few ms to check
DETECT_BYTES = 1_000_000  # charset-normalizer reads this much: ample to tell, 25 ms at most
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
    sample = raw[:WESTERN_SAMPLE].decode("cp1252", errors=_LATIN1_FALLBACK)
    # Binary is refused by the caller: the detector must not find it a code page to be "text".
    if _looks_binary(sample) or _plausible_western(sample):
        return raw.decode("cp1252", errors=_LATIN1_FALLBACK)
    return _detected(raw) or raw.decode("cp1252", errors=_LATIN1_FALLBACK)


def _plausible_western(text: str) -> bool:
    """Whether ``text`` (bytes read as Windows-1252) reads as a Western language."""
    letters = sum(1 for c in text if c.isalpha())
    accented = sum(1 for c in text if c.isalpha() and not c.isascii())
    if letters >= MIN_LETTERS and accented > MAX_ACCENTED_SHARE * letters:
        return False
    words = text.split()
    odd = sum(1 for word in words if not word.isascii() and _odd_word(word.strip(_WORD_EDGES)))
    return odd < MIN_ODD_WORDS or odd <= ODD_WORD_SHARE * len(words)


def _odd_word(word: str) -> bool:
    """Whether ``word`` mixes letters with a symbol no language writes inside a word."""
    return any(c.isalpha() for c in word) and any(
        not c.isascii() and not c.isalpha() and not c.isdecimal() and c not in _WORD_SYMBOLS
        for c in word
    )


def _detected(raw: bytes) -> str | None:
    """``raw`` decoded in the legacy code page charset-normalizer finds, else None."""
    from charset_normalizer import from_bytes

    try:
        best = from_bytes(raw[:DETECT_BYTES]).best()
    except Exception:  # noqa: BLE001 - a detector failing on odd bytes leaves the Western reading
        return None
    if best is None or best.encoding.lower().replace("-", "_").startswith("utf"):
        return None  # UTF-8 failed already; UTF-16 and UTF-32 were tried above
    return _try(raw, best.encoding)


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
