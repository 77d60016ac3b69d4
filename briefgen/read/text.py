"""Plain-text articles as saved from a news site: headline first, then paragraphs.

What is not content is removed here, so analysis never sees it: photo captions with a
credit ("... (Source: Getty) |"), an author's title under the byline ("Correspondent for
politics in Switzerland."), comment counters ("Comment (0)"), share widgets, links
left on a line of their own, social-media posts embedded in the page ("… — Jane Roe
(@janeroe) March 3, 2025"), promotions glued onto a sentence, the dateline that opens
a story ("NEW DELHI:"), and the "Source: URL" trailer, which becomes the article's url
and outlet.  Near the top, a byline ("By Jane Doe | Reuters"), a "Source: Reuters" line
and a line that is only a date ("Published: 19 March 2025, 10:15") are metadata too: they
give author, outlet and date and leave the text, as the agency of a dateline
("LONDON (Reuters) -") names the outlet.  The outlet is the one the document's metadata
names, else the URL's site, else the one the text names, and only then the file name.
The first line, when short and without a full stop, is the headline: it titles the source
and stays out of the body, even when its words are a promotion's ("Telegram founder
charged") or a widget's ("Watch: …").

A .txt or .md file may be hard-wrapped (unwrapped first: see ``wrap.py``), may open with
a web clipper's front matter ("---" / "title: …" / "source: URL" / "---"), whose fields
are its metadata, and may mark headings the Markdown way ("## What next"), whose marks
are dropped.  Short lines that
stand between paragraphs without ending a sentence, that ask a question, or that are
set in title case like a headline, are kept as sub-headings (structure) rather than text.
A line that opens with a list marker ("- ", "• ", "* ") is a list item: a paragraph of
its own, without the marker, never a heading.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from urllib.parse import urlparse

from ..errors import InputError
from ..model import Article
from .dates import ISO_DATE, date_in_lines
from .encoding import decode
from .meta import agency, byline, date_line, dated_outlet, front_matter, source_name, split_title
from .wrap import unwrap

_TRAILER = re.compile(
    r"^\s*(?:source|nguồn|read more at|originally published at)\s*:\s*(https?://\S+)\s*$", re.I
)
# A photo caption ends on its credit: "(Photo: AFP) |", "… in the harbour. Photo: Reuters",
# "(AP Photo/Jane Doe)".  A sentence of the story never ends on one.
_CAPTION_CREDIT = re.compile(
    r"(?:\((?:source|photo|image|credit|ảnh|nguồn)\s*:[^)]*\)\s*\|?"
    r"|(?:^|[.!?]\s+)(?:photo|photograph|image|picture|credit)(?:\s+credit)?\s*:\s*[^\W\d][^.!?:]{1,60}"
    r"|\([^()]{0,20}\bphoto\s*/[^()]{1,60}\))\s*$",
    re.I,
)
_WIDGET = re.compile(
    r"^\s*(?:comments?\s*\(\d+\)|\d+\s+comments?|"
    r"share(?: this)?(?: on \w+)?|tweet|like|print|email|"
    r"follow us.*|related(?: articles| news)?:?|tags?:.*|advertisement|"
    r"(?:also read|read also|read more|must read|recommended|watch|listen|"
    r"explainer|explained)\s*[:|-].*)\s*$",
    re.I,
)
# The line under a wire story naming who reported, wrote and edited it: "(Reporting by Anna Berg
# in Oslo; Editing by Tom Hale)", "(Editing by the London desk)".  The agency's, not news; a line
# of prose that opens the same way ("Writing by hand is …") has no parentheses or second credit.
_CREDIT = r"(?:(?:additional\s+)?reporting|writing|editing|compiled|compiling|graphics)\s+by\b"
_WIRE_CREDIT = re.compile(
    rf"^\s*(?:\(\s*{_CREDIT}[^()]*\)|{_CREDIT}[^.;()]*;\s*{_CREDIT}[^.()]*)\s*$", re.I
)
# The line under a byline saying who the author is: "Correspondent for politics and economics in
# Switzerland.", "Senior reporter at the Harbour Herald".  A title and what it covers, no verb: a
# sentence that opens on a title says what someone did ("Editor of the Herald Jane Roe said …").
_AUTHOR_ROLE = re.compile(
    r"^(?:(?:senior|chief|deputy|political|economics|business|foreign|diplomatic|defen[cs]e|"
    r"security|europe|staff|special|freelance|contributing)\s+)?"
    r"(?:correspondent|reporter|editor|columnist|journalist|writer|contributor)\s+"
    r"(?:for|at|in|of|based|covering)\b"
    r"(?![^.]*\b(?:said|says|was|is|were|are|has|have|had|will|would|\w+(?<!bas)ed)\b)"
    r"[^.!?]{1,80}\.?$",
    re.I,
)
AUTHOR_ROLE_MAX_WORDS = 12
# A social-media post embedded in the page: its text (which ends on the post's picture link when
# it has one) above or before its signature, "— Jane Roe (@janeroe) August 19, 2025".  The post
# is its author's words with no "she said" to show whose: read as the article's, a leader's "We
# discussed many issues" became a bullet of no one's.  The article reports what of it matters.
_POST_SIGNATURE = re.compile(
    r"[—–-]\s*[^()@—–]{1,60}\(@\w{1,30}\)\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}\s*$"
)
_POST_PICTURE = re.compile(r"\bpic\.twitter\.com/\w+")
_URL_DATE = re.compile(r"/(20\d\d)/(0[1-9]|1[0-2])/(0[1-9]|[12]\d|3[01])/")
_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH = r"(" + "|".join(m[:3] + r"(?:" + m[3:] + r")?" for m in _MONTHS) + r")\.?"
_BARE_URL = re.compile(r"^\s*https?://\S+\s*$")  # an embed script or a link left on its own line
_GLUED = re.compile(r"(?<=[”\"!?])(?=[A-Z][a-z])")  # two blocks run together with no space
_PROMO = re.compile(
    r"\b(?:whatsapp|telegram|newsletter|subscribe|sign up|follow us|download (?:our|the) app"
    r"|register (?:for|now|today|here)"
    r"|opens? registrations?|registrations? (?:are |is )?(?:now )?open)\b",
    re.I,
)
# "Join the readers' club and …", "Register for the masterclass": a short line that opens by
# telling the reader to do something is the site's call to action; news prose reports.
_CALL_TO_ACTION = re.compile(
    r"^(?:join|register|subscribe|sign up|sign in|log in|download|click|tap|donate|co-invest)\b",
    re.I,
)
PROMO_MAX_WORDS = 20
_PLACE = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
_CAPITALS_PLACE = (
    r"[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}(?:,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?"
)
_DATELINE_DATE = (
    r"(?i:\d{1,2}[./]\d{1,2}[./]\d{2,4}|"
    + _MONTH
    + r"\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+"
    + _MONTH
    + r")(?:,?\s+\d{4})?"
)
_FILED_BY = r"\s*(?:\([^)]{1,30}\)\s*)?(?::|\s(?:--|[-–—]))\s+"
# "NEW DELHI:", "The Hague, June 26:", "LONDON, May 10 (Reuters) -", "MADRID, April 29 (KUNA) --",
# "The Hague 25.06.2025 ", "March 19, 2025 —", "ISTANBUL, TURKEY | Xinhua |", "(WASHINGTON)",
# "(MENAFN)": where and when the story was filed, and by whom, not part of its first sentence.
_DATELINE = re.compile(
    rf"^(?:{_CAPITALS_PLACE}(?:,?\s+{_DATELINE_DATE})?{_FILED_BY}|{_PLACE},?\s+{_DATELINE_DATE}{_FILED_BY}"
    rf"|{_PLACE},?\s+\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}}\s+|{_DATELINE_DATE}{_FILED_BY}"
    r"|[A-Z][A-Z.'’-]+(?:,?\s+[A-Z][A-Z.'’-]+){0,3}\s+\|\s*[^|]{1,30}?\s*\|\s+"
    r"|\([A-Z][A-Z.&' -]{0,28}[A-Z.]\)\s+)"
    r"(?=[A-Z“\"])"
)
DATELINE_PARAGRAPHS = 2
DATE_SEARCH_LINES = (
    5  # a dateline sits near the top; dates further down are what the story is about
)
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
# Front-matter keys web clippers (Obsidian, MarkDownload, Zotero exports) write, by field.
_FRONT_TITLE = ("title", "headline")
_FRONT_URL = ("source", "url", "link", "canonical", "canonical_url", "original_url")
_FRONT_OUTLET = ("site", "site_name", "sitename", "publisher", "outlet", "publication")
_FRONT_AUTHOR = ("author", "authors", "byline", "creator")
_FRONT_DATE = ("published", "date_published", "pubdate", "date", "created")
HEADING_MAX_WORDS = 12
HEADLINE_MAX_WORDS = 20  # a headline repeated mid-article runs longer than a sub-heading
# An opening line this short is a label ("Share", "Comment (0)", "Tags: Ukraine"), not a
# headline, and is left to the filters for site furniture.
HEADLINE_MIN_WORDS = 3
# A headline may open on a kicker naming its kind, as a widget's link does ("Watch: …").
_KICKER = re.compile(
    r"^(?:watch|listen|explainer|explained|analysis|opinion|live)\s*[:|-]\s*\S", re.I
)
# A promotion speaks to the reader ("Sign up for our newsletter", "Follow us"); a headline
# with a promotion's words ("Telegram founder charged in France") reports.
_ADDRESSES_READER = re.compile(r"\b(?:our|us|you|your)\b", re.I)
_SPACES = re.compile(r"\s+")
_ODD_SPACE = re.compile(
    r"\s\s|[^\S ]"
)  # two whitespace characters in a row, or one that is not a space
# What a short paragraph does that a sub-heading never does: quote someone, say who said it,
# or give a figure ("“The situation is serious,” the minister added.", "Talks resume on May
# 24."). Of the short sentences read as sub-headings in the 28 tune, real tune and invented
# sets (30 Nov 2026), five did, and were lost to the brief with two gold facts; the three left
# are two "But …" sentences and a photo credit (the sample's three sub-headings stay).
# The verbs that give a quotation its speaker ('"…," he said', 'Kell wrote: "…'); the analysis
# reads speakers by them too.
SPEECH_VERBS = r"(?:said|says|added|adds|stated|told|wrote|writes|noted|stressed|declared)"
_REPORTS = re.compile(rf"^\W*[\"“]|\d|\b{SPEECH_VERBS}\b")
_LIST_MARKER = re.compile(r"^(?:[-–—•*·▪●]|\d{1,2}[.)])\s+(?=\S)")
# Words a title-case headline leaves in lower case.
_MINOR_WORDS = frozenset(
    "a an and as at but by for from in into of on or over the to up vs with".split()
)


def read_text(
    raw: bytes, location: str, url: str | None = None, charset: str | None = None
) -> Article:
    """A .txt or .md article (or a text/plain response from ``url``) → Article.

    Front matter, if any, gives title, url, outlet, author and date; hard-wrapped lines are
    joined into paragraphs; Markdown heading marks are dropped.
    """
    fields, text = front_matter(decode(raw, location, charset))
    url = next((fields[k] for k in _FRONT_URL if fields.get(k, "").startswith("http")), url)
    title = next((fields[k] for k in _FRONT_TITLE if fields.get(k)), None)
    outlet = next((fields[k] for k in _FRONT_OUTLET if fields.get(k)), None)
    if title:
        title, titled = split_title(title)
        outlet = outlet or titled
    lines = [_MARKDOWN_HEADING.sub(r"\1", line) for line in unwrap(text).splitlines()]
    if title and next((line.strip() for line in lines if line.strip()), "") != title:
        lines.insert(0, title)  # the body opens on its first paragraph, not the headline
    return parse_text(
        "\n".join(lines),
        location,
        url,
        outlet=outlet,
        author=next((fields[k] for k in _FRONT_AUTHOR if fields.get(k)), None),
        date=next(filter(None, (date_in_lines([fields.get(k, "")]) for k in _FRONT_DATE)), None),
    )


def parse_text(
    text: str,
    location: str,
    url: str | None = None,
    *,
    outlet: str | None = None,
    author: str | None = None,
    date: str | None = None,
) -> Article:
    """Text of an article → Article with headline, paragraphs, url, outlet, author and date.

    ``url`` is where the text was fetched from; a "Source: URL" trailer in the text wins.
    ``outlet``, ``author`` and ``date`` are what the document's own metadata (front matter,
    PDF properties) names: the outlet wins over the URL's site, and the two over what the
    text's byline or dateline names; ``date`` is taken when the file name and URL hold
    none, before a date in the first lines.
    """
    lines = [_single_spaced(line) for line in text.splitlines()]
    headline = _opening_headline(lines)
    posts = embedded_posts(lines) - {headline}
    kept: list[str] = []
    header_ends = 0  # kept lines before a "Source: URL" line under the headline: its header
    for index, line in enumerate(lines):
        if not line:
            continue
        if index == headline:
            kept.append(line)  # kept whole: the filters below are for what follows a headline
            continue
        trailer = source_trailer(line)
        if trailer:
            url = trailer
            if len(kept) <= DATE_SEARCH_LINES and not header_ends:
                header_ends = len(kept)
            continue
        if (
            _WIDGET.match(line)
            or _CAPTION_CREDIT.search(line)
            or _BARE_URL.match(line)
            or index in posts
            or wire_credit(line)
        ):
            continue
        if _words(line) <= PROMO_MAX_WORDS and _CALL_TO_ACTION.match(line):
            continue
        if _words(line) <= AUTHOR_ROLE_MAX_WORDS and _AUTHOR_ROLE.match(line):
            continue
        # A promotion glued onto a sentence ("…threat”Follow our channel on WhatsApp") is cut off.
        pieces = [
            p for p in _GLUED.split(line) if not (_words(p) <= PROMO_MAX_WORDS and _PROMO.search(p))
        ]
        if pieces:
            kept.append("".join(pieces))
    if not kept:
        raise InputError(f"{location}: no text in the source")

    named: str | None = None  # the outlet a byline or "Source:" line names
    # The outlet an "Outlet, date" line under the headline names: the publisher saying who it
    # is, which a reader knows better than the URL's site ("TRT World", not "trtworld.com"); a
    # byline's or "Source:" line's outlet is as often the agency whose copy it runs.
    dated: str | None = None
    metadata: set[int] = set()  # lines that say who, where from and when: not the story
    for i, line in enumerate(kept[:DATE_SEARCH_LINES]):
        # The first line is the headline ("By Popular Demand" too) unless it is only a date.
        credit = byline(line) if i else None
        name = source_name(line) if i else None
        publisher = dated_outlet(line) if i and not name else None
        if credit:
            author, named = author or credit[0], named or credit[1]
        elif name:
            named = named or name
        elif publisher:
            dated = dated or publisher
        elif not date_line(line):  # "19 March 2025", "Published: …": when, not what
            continue
        metadata.add(i)
    # "Paris Soir (parissoir.fr), AFP report, page undated": whatever stands between the
    # headline and the "Source: URL" line under it says who published it and when, however it
    # is worded; a sentence there would be the story's lede.
    if header_ends < len(kept):  # the story follows the "Source:" line
        metadata.update(i for i in range(1, header_ends) if not _is_sentence(kept[i]))
    last = source_name(kept[-1]) if len(kept) > DATE_SEARCH_LINES else None
    if last:  # "Source: Reuters" closing the text, as a "Source: URL" trailer does
        named = named or last
        metadata.add(len(kept) - 1)
    story = [line for i, line in enumerate(kept) if i not in metadata] or kept

    title = story[0]
    paragraphs: list[tuple[str, str]] = []
    filed_by: str | None = None  # the agency a dateline names
    if _is_sentence(title) and _words(title) > HEADING_MAX_WORDS:
        # A long first line that ends a sentence is a lede as much as a headline.
        paragraphs.append(("text", title))
    for i, line in enumerate(story[1:], 1):
        if i <= DATELINE_PARAGRAPHS:
            dateline = _DATELINE.match(line)
            if dateline:
                filed_by = filed_by or agency(dateline.group(0))
                line = line[dateline.end() :]
        item = _LIST_MARKER.match(line)
        if item:
            # A list item says one thing; without the marker it reads as a paragraph of its own.
            paragraphs.append(("text", line[item.end() :]))
            continue
        following = story[i + 1] if i + 1 < len(story) else ""
        # A sub-heading heads text: the line right after one is the first paragraph under it.
        after_heading = bool(paragraphs) and paragraphs[-1][0] == "heading"
        kind = "heading" if not after_heading and _looks_like_heading(line, following) else "text"
        paragraphs.append((kind, line))
    body = "\n\n".join(t for _, t in paragraphs)
    return Article(
        text=body,
        paragraphs=paragraphs,
        title=title.rstrip(".") if not _is_sentence(title) else title,
        outlet=outlet
        or dated
        or (outlet_from_url(url) if url else None)
        or named
        or filed_by
        or stem(location),
        url=url,
        date=find_date(location, url, kept[:DATE_SEARCH_LINES], date),
        location=location,
        author=author,
    )


def _opening_headline(lines: list[str]) -> int | None:
    """The index in ``lines`` of the text's first line when it is a headline above the body
    (a short line without a full stop, text after it) that the filters for site furniture
    would take for a promotion, a call to action or a video link: "Telegram founder
    charged in France", "Join NATO or face Russia alone, Zelensky warns", "Watch: Putin
    and Trump talk".  Dropped, it would leave the first sentence to title the source.
    None when the first line is no such headline."""
    first = next((i for i, line in enumerate(lines) if line), None)
    if first is None or not any(lines[i] for i in range(first + 1, len(lines))):
        return None
    line = lines[first]
    if not HEADLINE_MIN_WORDS <= _words(line) <= HEADLINE_MAX_WORDS or line.endswith("."):
        return None
    if source_trailer(line) or _BARE_URL.match(line) or _CAPTION_CREDIT.search(line):
        return None
    if date_line(line) or byline(line) or source_name(line) or _ADDRESSES_READER.search(line):
        return None
    if _WIDGET.match(line) and not _KICKER.match(line):
        return None  # "Share on Facebook", "Follow our live coverage": a site's, not a story's
    return first


def embedded_posts(paragraphs: list[str]) -> set[int]:
    """The indices of ``paragraphs`` (empty ones between them allowed) that are social-media
    posts embedded in the page: a post's signature, the text above it, and text that ends on a
    post's picture link."""
    posts = set()
    before: int | None = None  # the last paragraph with text
    for index, text in enumerate(paragraphs):
        if not text:
            continue
        signed = _POST_SIGNATURE.search(text)
        if signed or _POST_PICTURE.search(text):
            posts.add(index)
        if signed and not text[: signed.start()].strip() and before is not None:
            posts.add(before)  # a signature on a line of its own signs the text above it
        before = index
    return posts


def wire_credit(line: str) -> bool:
    """Whether ``line`` is a wire story's credit line ("(Reporting by …; Editing by …)")."""
    return bool(_WIRE_CREDIT.match(line))


def source_trailer(line: str) -> str | None:
    """The URL of a "Source: URL" line, else None."""
    trailer = _TRAILER.match(line)
    return trailer.group(1).rstrip(".,;)") if trailer else None


def stem(location: str) -> str:
    """A file's name without folder and extension, to stand for its outlet when nothing better
    is known."""
    return (
        PurePosixPath(urlparse(location).path).stem
        if "://" in location
        else displayable(Path(location).stem)
    )


def outlet_from_url(url: str) -> str:
    """'https://www.example.com/x' → 'example.com'."""
    host = urlparse(url).hostname or url
    return host.removeprefix("www.")


def displayable(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (Python keeps them as lone surrogates)
    become '�'."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _single_spaced(line: str) -> str:
    """The line with each run of whitespace made one space.  Most lines are so already, and
    are only stripped: rewriting a 50 MB line builds millions of pieces (700 MB) on the way."""
    return _SPACES.sub(" ", line).strip() if _ODD_SPACE.search(line) else line.strip()


def _words(line: str) -> int:
    """Words in a line whose whitespace is single spaces already."""
    return line.count(" ") + 1 if line else 0


def _is_sentence(line: str) -> bool:
    return line.rstrip("\"'”’)").endswith((".", "!", "?"))


def _looks_like_heading(line: str, following: str) -> bool:
    words = _words(line)
    if not following:
        return False
    if words <= HEADLINE_MAX_WORDS and _title_case(line):
        return True  # a headline set in the article ("Leaders Hit Pause on Talks, Agree to Meet")
    if words > HEADING_MAX_WORDS:
        return False
    if line.endswith("?") and not re.search(r"[\"“”]", line):
        return True  # a question on a line of its own asks what the lines below answer
    if _LIST_MARKER.match(following):
        return not line.endswith((".", "!", '"', "”"))  # "Key points:" introduces the list below it
    if _words(following) < 2 * words:
        return False
    # A short line without a full stop heads what follows; so may a short sentence ("There are
    # still obstacles."), unless it reports: a sub-heading names a topic, it does not quote
    # anyone or give a figure.
    return not line.endswith((".", "!", '"', "”")) or (words <= 10 and not _REPORTS.search(line))


def _title_case(line: str) -> bool:
    """Every word but the minor ones capitalised, no closing full stop: a headline, not a
    sentence."""
    words = re.findall(r"[A-Za-z][\w'’-]*", line)
    major = [w for w in words if w.lower() not in _MINOR_WORDS]
    return (
        len(words) >= 4
        and len(major) >= 3
        and not line.endswith((".", "!", '"', "”"))
        and all(w[0].isupper() for w in major)
    )


def find_date(
    location: str, url: str | None, head: list[str] = (), dated: str | None = None
) -> str | None:
    """ISO date from the file name, else the URL's /YYYY/MM/DD/, else ``dated`` (what the
    document's metadata says), else the first date written in ``head`` (the first lines:
    "19/03/2025", "March 19th, 2025", "Wed 19 Mar 2025"; see ``dates.py`` for the forms
    and what is assumed)."""
    for text, pattern in ((Path(location).name, ISO_DATE), (url or "", _URL_DATE)):
        m = pattern.search(text)
        if m:
            return "-".join(m.groups())
    return dated or date_in_lines(head)
