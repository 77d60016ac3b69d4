"""What an article says about itself, outside its story: byline, outlet, dateline, the
"Headline | Outlet" of a document title, and the front matter of a saved Markdown page.

Each function takes one short piece of text (a line, a title, the top of a file) and
returns what it names, or None when the text is not of that kind: a reader calls them on
the first lines only, and keeps the text as content whenever they say None.
"""

from __future__ import annotations

import re

from .dates import ISO_DATE, spaced, written_dates

BYLINE_MAX_WORDS = 16  # "By Jane Doe and John Roe, Reuters | 19 March 2025, 10:15 GMT"
NAME_MAX_WORDS = 4  # "Jean-Claude van der Berg"
OUTLET_MAX_WORDS = 6  # "The Times of India", "Kuwait News Agency (KUNA)"
FRONT_MATTER_CHARS = 10_000  # front matter is a few keys; a "---" further down is a rule
_FRONT_MATTER = re.compile(r"---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*$\r?\n?", re.S | re.M)
_FRONT_PAIR = re.compile(r"^([A-Za-z][\w -]{0,30}?)\s*:(?:\s+(.*))?$")
_FRONT_ITEM = re.compile(r"^\s+-\s+(.+)$")
_BYLINE = re.compile(r"^(?:by|written by|words by|reporting by)\s+(?=\S)", re.I)
# Between a byline's names, outlet and date: "|", "•", "·", or a dash or slash set in spaces.
_BYLINE_PARTS = re.compile(r"\s*[|•·]\s*|\s+[-–—/]\s+")
_NAME_SEPARATORS = re.compile(r"\s*,\s*|\s+(?:and|&)\s+")
_NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞĀ-ſ][\w.'’-]*|[A-Z]\.)$")
_NAME_PARTICLES = frozenset("al bin da de del della der di du el la le van von ter ten".split())
_WHERE_FILED = re.compile(r"\s+in\s+[A-Z][\w .'’-]*$")  # "By Jane Doe in Kyiv"
# What follows a name without being an outlet: a role ("Staff Writer"), or an update note.
_ROLE = re.compile(
    r"\b(?:writer|correspondent|reporter|editor|staff|contributor|columnist|analyst|"
    r"bureau|desk|updated|published|posted|minutes?|min read|photos?|images?)\b",
    re.I,
)
# Words found in outlets' names, so "By Jane Doe, Associated Press" is read as name and
# outlet while "By Jane Doe, John Roe" stays two names.
_NEWS_WORDS = re.compile(
    r"\b(?:news|times|post|journal|press|agency|herald|tribune|telegraph|guardian|"
    r"observer|gazette|mail|express|wire|review|monitor|chronicle|independent|insider|"
    r"standard|daily|weekly|today|media|tv|radio|reuters|bloomberg|afp|ap|dpa|xinhua|"
    r"bbc|cnn|npr|economist)\b",
    re.I,
)
_COMPANY = re.compile(
    r"\b(?:inc|ltd|llc|l\.?p|plc|gmbh|corp|corporation|co|ag|sa|group)\b\.?", re.I
)
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$", re.I)
_SOURCE_NAME = re.compile(r"^\s*(?:source|nguồn)\s*:\s*(.+?)\s*$", re.I)
_AGENCY = re.compile(r"\(([^()]{1,30})\)|\|\s*([^|]{1,30}?)\s*\|")
_TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::)\s+")
_MINOR_WORDS = frozenset("a an and at for in of on the to".split())
# A page's section, which a title may end on as an outlet does ("… | Opinion").
_SECTION = re.compile(
    r"^(?:opinion|analysis|comment|editorial|world|business|politics|markets?|economy|"
    r"news|latest|sport|live|video|podcast|features?|europe|asia|africa|americas|us|uk)$",
    re.I,
)
# What a dated line may hold besides its date: a label, a time, a time zone, punctuation,
# a reading time ("Published 19 March 2025 | 3 min read").
_DATE_LINE_REST = re.compile(
    r"(?i:\b(?:published|updated|posted|edited|modified|last|first|dated?|on|at|gmt|utc)\b"
    r"|\b[ap]\.?m\b\.?|\b\d+\s*min(?:ute)?s?\s+read\b)"
    r"|\b\d{1,2}[:.h]\d{2}(?::\d{2})?\b|\b[A-Z]{2,5}\b|[+-]\d{1,2}(?::?\d{2})?|[^\w\s]"
)
_ISO_TIME = re.compile(r"(?<=\s)T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?")
DATE_LINE_MAX_WORDS = 14  # "Published: 07:09 PM, Sep 17, 2025 | Updated: 11:09 PM, Sep 17, 2025"


def byline(line: str) -> tuple[str, str | None] | None:
    """A byline → (author, outlet or None); None if ``line`` is not a byline.

    "By Jane Doe | Reuters" → ("Jane Doe", "Reuters"); "By Jane Doe and John Roe, Associated
    Press" → ("Jane Doe and John Roe", "Associated Press"); "By Jane Doe for The Guardian";
    "By Jane Doe - 19 March 2025" → ("Jane Doe", None).  "By Tuesday, the talks had
    ended." is a sentence: its words after "By" are not names.
    """
    opening = _BYLINE.match(line)
    if not opening or _longer_than(line, BYLINE_MAX_WORDS) or line.endswith(("!", "?")):
        return None
    names, *rest = _BYLINE_PARTS.split(line[opening.end() :].strip())
    outlet = None
    if " for " in names:
        names, outlet = (part.strip() for part in names.split(" for ", 1))
    elif "," in names:
        head, last = (part.strip() for part in names.rsplit(",", 1))
        if _ROLE.search(last):
            names = head  # "By Jane Doe, Staff Writer": a role, neither a name nor an outlet
        elif _is_outlet(last) and (" " not in last or _NEWS_WORDS.search(last)):
            names, outlet = head, last
    names = _WHERE_FILED.sub("", names)
    if not _are_names(names):
        return None
    for part in rest:
        if outlet is None and _is_outlet(part) and not _is_dated(part):
            outlet = part
    if outlet is not None and not _is_outlet(outlet):
        return None
    return names, outlet


def source_name(line: str) -> str | None:
    """The outlet a "Source: Reuters" line names, else None (a "Source: URL" line is the
    trailer, read elsewhere)."""
    found = _SOURCE_NAME.match(line)
    if not found or "://" in found.group(1):
        return None
    name = found.group(1).rstrip(".")
    return name if _is_outlet(name) else None


def agency(dateline: str) -> str | None:
    """The agency in a dateline, "LONDON, May 10 (Reuters) -" or "ISTANBUL | Xinhua |" →
    "Reuters" or "Xinhua", else None."""
    found = _AGENCY.search(dateline)
    if not found:
        return None
    name = (found.group(1) or found.group(2)).strip()
    words = name.split()
    if len(words) > NAME_MAX_WORDS or not all(w[:1].isalpha() for w in words):
        return None
    return name if _NEWS_WORDS.search(name) or _is_outlet(name) else None


def split_title(title: str) -> tuple[str, str | None]:
    """A document title → (headline, outlet or None): "ECB holds rates | Bloomberg" →
    ("ECB holds rates", "Bloomberg").  The last part is an outlet only if it reads as a
    name (every main word capitalised, or a domain) and the headline keeps three words;
    "Ukraine - Russia talks resume" stays whole."""
    title = title.strip()
    separators = list(_TITLE_SEPARATOR.finditer(title))
    if not separators:
        return title, None
    headline, last = title[: separators[-1].start()].strip(), title[separators[-1].end() :].strip()
    if not _longer_than(headline, 2) or not _is_outlet(last) or _SECTION.match(last):
        return title, None
    # Outlets are named in title case ("Financial Times"); "talks resume" is headline prose.
    named = all(
        w[:1].isupper() or w[:1].isdigit() or w.lower() in _MINOR_WORDS for w in last.split()
    )
    return (headline, last) if named or _DOMAIN.match(last) else (title, None)


def date_line(line: str) -> bool:
    """Whether ``line`` holds a date and nothing else of substance: "19 March 2025",
    "Published: 07:09 PM, Sep 17, 2025 | Updated: 11:09 PM, Sep 17, 2025", "2025-03-19".
    Such a line is the article's metadata, never a sentence of it."""
    if _longer_than(line, DATE_LINE_MAX_WORDS):
        return False
    rest = _ISO_TIME.sub(" ", ISO_DATE.sub(" ", line))
    if rest == line:
        if not re.search(r"(?<!\d)20\d\d(?!\d)", line):
            return False
        found = written_dates(line)
        if not found:
            return False
        rest = spaced(line)  # as dateparser saw it
        for written, _ in found:
            rest = rest.replace(written, " ")
    return not _DATE_LINE_REST.sub(" ", rest).split()


def dated_outlet(line: str) -> str | None:
    """The outlet of an "Outlet, date" line ("The Harbour Ledger, 2025-05-14", "Capital Wire,
    14 May 2025"), as saved articles carry under their headline; else None."""
    name, comma, when = line.rpartition(",")
    name = name.strip()
    if not comma or not date_line(when.strip()) or not _is_outlet(name):
        return None
    return None if name.lower() in _DAY_NAMES else name  # "Monday, 2025-05-14" is all date


_DAY_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday".split()
)


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """The front matter of a saved page ("---" / "title: …" / "source: …" / "---", as web
    clippers write it) → (its fields, lower-cased, with plain string values; the text after
    it).  No front matter: ({}, ``text``).

    Read line by line, not as YAML: a clipper's stray colon or quote must not make the
    article unreadable, and only flat ``key: value`` fields (or a key's first "- item") are
    wanted.  Between the two "---" lines there must be nothing else, or it is not front
    matter but a text that opens on a rule.
    """
    block = _FRONT_MATTER.match(text[:FRONT_MATTER_CHARS])
    if not block:
        return {}, text
    fields: dict[str, str] = {}
    key = None
    for line in block.group(1).splitlines():
        pair = _FRONT_PAIR.match(line)
        item = _FRONT_ITEM.match(line)
        if pair:
            key = re.sub(r"[\s-]+", "_", pair.group(1).strip().lower())
            value = _plain(pair.group(2) or "")
            if value:
                fields.setdefault(key, value)
        elif item:
            if key and key not in fields and _plain(item.group(1)):
                fields[key] = _plain(item.group(1))
        elif line.strip() and not line[:1].isspace() and not line.startswith("#"):
            return {}, text  # a line of prose: not front matter
    return fields, text[block.end() :]


def _plain(value: str) -> str:
    """A front-matter value as text: quotes, "[[links]]" and "[a, b]" brackets taken off."""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    value = re.sub(r"\[\[(?:[^\]|]*\|)?([^\]]*)\]\]", r"\1", value)  # "[[Jane Doe]]"
    if value.startswith("[") and value.endswith("]"):
        value = ", ".join(_plain(v) for v in value[1:-1].split(",") if v.strip())
    return value.strip()


def person(name: str) -> str | None:
    """``name`` if it reads as a person's name ("Jane Doe"), else None: a document's Author
    property also holds login names ("jdoe"), "Administrator" and companies."""
    name = " ".join(name.split())
    if len(name.split()) < 2 or _COMPANY.search(name) or _NEWS_WORDS.search(name):
        return None
    return name if _are_names(name) else None


def _are_names(names: str) -> bool:
    people = [p for p in _NAME_SEPARATORS.split(names) if p]
    return bool(people) and all(_is_name(person) for person in people)


def _is_name(person: str) -> bool:
    words = person.split()
    return (
        0 < len(words) <= NAME_MAX_WORDS
        and _NAME_WORD.match(words[0]) is not None
        and all(_NAME_WORD.match(w) or w.lower() in _NAME_PARTICLES for w in words)
    )


def _is_outlet(name: str) -> bool:
    """Whether ``name`` could name an outlet: a few words opening with a capital or a digit,
    or a domain; not a sentence, not a role."""
    words = name.split()
    return (
        0 < len(words) <= OUTLET_MAX_WORDS
        and (words[0][:1].isupper() or words[0][:1].isdigit() or _DOMAIN.match(name) is not None)
        and not name.endswith((".", "!", "?", ","))
        and not _ROLE.search(name)
        and any(c.isalpha() for c in name)
    )


def _is_dated(part: str) -> bool:
    return bool(ISO_DATE.search(part)) or date_line(part)


def _longer_than(line: str, words: int) -> bool:
    """Whether ``line`` has more than ``words`` words, counting no further: a 50 MB line of
    one paragraph split whole would be millions of strings (four times its size in memory)."""
    return len(line.split(None, words)) > words
