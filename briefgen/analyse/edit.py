"""Light editing of source sentences into bullets, and the dangling-pronoun check.

``trim(sentence)`` drops leading connectives ("However,", "In addition,") and empty
attribution padding ("it is not difficult to see that"), then restores the capital.  It
only ever removes words from the front: numbers, names and quotations are never touched.
``compress(sentence)`` goes further, still only removing the source's words: a reporting
frame that names a medium rather than a person ("According to media reports,", "In a
statement sent to reporters on Tuesday,", "…, according to Reuters.") and short
parentheticals without figures ("(AFP)").  A person's view ("According to Dr. X, …",
"According to Osei, …") keeps its frame: without it the view would read as fact.
``dangling(text)`` says whether a bullet opens with a pronoun ("This", "It", "He")
whose referent is not in the bullet.
"""

from __future__ import annotations

import re

from ..read.text import SPEECH_VERBS
from .terms import MONTHS, NUMBER_WORDS, ROLE_NOUN, WEEKDAYS

_CONNECTIVES = (
    "however",
    "in addition",
    "additionally",
    "therefore",
    "thus",
    "hence",
    "moreover",
    "furthermore",
    "besides",
    "nevertheless",
    "nonetheless",
    "meanwhile",
    "at the same time",
    "in fact",
    "indeed",
    "notably",
    "ultimately",
    "finally",
    "also",
    "still",
    "on the contrary",
    "in turn",
    "as a result",
    "consequently",
    "accordingly",
    "for example",
    "for instance",
    "in particular",
    "above all",
    "first",
    "second",
    "third",
    "firstly",
    "secondly",
    "lastly",
    "remember",
    "of course",
    "clearly",
    "in other words",
    "by contrast",
    # a connective that points back ("Despite this, yields remained unchanged"): the sentence
    # before is not in the brief, and what remains stands alone as "However," dropped does
    "despite this",
    "despite that",
    "in spite of this",
    "in spite of that",
    "against this",
    "against that",
    "because of this",
    "as a result of this",
    "apart from this",
    "besides this",
    "beyond this",
    "in addition to this",
    "on top of this",
    "after that",
    "after this",
    "even so",
    "so",
    "and",
    "but",
    "then",
    "instead",
    "yet",
)
_CONNECTIVE = re.compile(
    r"^(?:(?:"
    + "|".join(re.escape(c) for c in sorted(_CONNECTIVES, key=len, reverse=True))
    + r"),|(?:but|and)(?=\s+[A-Z\d\"“]))\s+",
    re.I,
)
# "Details: The ceremony took place …", "Background: Sweden applied …": an outlet's label for the
# paragraph, not a word of its statement.  Not "Quote:", whose speaker the label may be all that
# names, nor a name ("Zelensky: …"), which says who speaks.
_LABEL = re.compile(
    r"^(?:details|background|context|update|reminder|recap)\s*:\s+(?=[A-Z\"“])", re.I
)
_PADDING = re.compile(
    r"^(?:it is (?:not difficult|easy|clear|important|worth noting|notable|interesting) "
    r"(?:to see |to note )?that"
    r"|it (?:can|should|must) be (?:seen|noted|said|stressed) that"
    r"|it is worth (?:noting|mentioning) that"
    r"|needless to say,?"
    r"|(?:writing|speaking|talking)\s[^,\"“]{3,100},"
    r"|it goes without saying that)\s+",
    re.I,
)
LONG_SENTENCE_WORDS = 35
_DASH_APPOSITIVE = re.compile(r"\s+[-–—]\s+(?:an?|the)\s+[^-–—\d\"“”]{3,100}?\s+[-–—]\s+")
_PRONOUN_OPENERS = {
    "this",
    "that",
    "these",
    "those",
    "it",
    "he",
    "she",
    "they",
    "him",
    "her",
    "them",
    "his",
    "its",
    "their",
    "such",
}
_PRONOUN_SOURCE = re.compile(
    r"^\W*(?:according to|in the words of|quoted by|for) (?:him|her|them)\b", re.I
)
_PRONOUN_SPEAKER = re.compile(
    rf"^\s*[\"“][^\"”]+[,.!?]?[\"”]\s*,?\s*(?:he|she|they)\s+(?:\w+\s+)?{SPEECH_VERBS}\b",
    re.I,
)
# "Moscow has rebuffed those calls": the calls are in the sentence before.
_EARLY_DEMONSTRATIVE = re.compile(
    r"^(?:\S+\s+){1,5}?(?:those|these)\s+(?!days\b|years\b|weeks\b|months\b)[a-z]+", re.I
)
# "It is unclear when…", "It was not clear whether…": the "it" points forward, not back.
_EXPLETIVE_IT = re.compile(
    r"^it (?:is|was|remains|seems|appears)(?: still)? (?:not |un)?\w+ "
    r"(?:that|whether|when|how|if|why|what|who|to)\b",
    re.I,
)
_ITS_VERB = r"(?:added|said|says|noted|stated|reported|announced|confirmed)"
# "It added that Modi had invited Starmer …": "it" is the statement or the agency the sentence
# before named, a carrier of the news like "according to the statement", not a person's voice.
_ITS_REPORT = re.compile(
    rf"^it (?:also )?{_ITS_VERB} that\s+(?=\S)",
    re.I,
)
# "This is a positive result as the two countries …": the clause after "as" stands alone.
_EVALUATIVE_FRAME = re.compile(
    r"^(?:this|that|it) (?:is|was) (?:an? |the )?(?:\w+ ){0,3}\w+ (?:as|because|since) (?=\S)", re.I
)


def trim(sentence: str) -> str:
    """The sentence without leading connectives or padding, capitalised again.

    A long sentence also loses appositives set off by dashes ("Eurasia Group - a
    consulting firm - assessed"), which describe a name rather than report anything.
    """
    text = sentence.strip()
    while True:
        shorter = _PADDING.sub("", _CONNECTIVE.sub("", _LABEL.sub("", text)))
        if shorter == text:
            break
        text = shorter
    if len(text.split()) > LONG_SENTENCE_WORDS:
        text = _DASH_APPOSITIVE.sub(" ", text)
    return _capitalise(text)


# News agencies and broadcasters written out by name: "According to Reuters," is a medium's frame
# as much as "According to CNN," (capitals, which the pattern below takes for a medium) is.
NEWS_MEDIA = (
    r"(?:Reuters|Bloomberg|Axios|Politico|Xinhua|Interfax|Anadolu|Yonhap|Kyodo|Bernama|Tass|"
    r"Al Jazeera|the Associated Press|Associated Press|Agence France-Presse|the Financial Times|"
    r"the New York Times|the Washington Post|the Wall Street Journal|the Guardian)"
)
_MEDIUM_NOUN = (
    r"(?:reports?|media|outlets?|news|agency|agencies|statements?|data|figures|sources|documents?|"
    r"estimates?|results?|count|tally)"
)
# A state's own media speak for its government: "according to state media" is a voice.
_STATE_MEDIUM = r"(?!(?:[\w'’-]+\s+){0,3}?state(?:-run|-owned|-controlled)?\b)"
# "According to CNN,", "According to a report by the agency,": the frame names a medium, not a
# voice (a name in capitals only: "according to Putin" is a voice).  "In a late-night appearance
# from the palace,", "During his first address as president,": the occasion a speaker spoke on,
# whom the sentence then names.
MEDIUM_FRAME = re.compile(
    rf"^\W*(?:according to {_STATE_MEDIUM}"
    rf"(?:{NEWS_MEDIA}|(?-i:[A-Z]{{2,6}})|(?:[\w'’-]+\s+){{0,6}}?{_MEDIUM_NOUN}"
    r"(?:\s+(?:by|from|of)\s+[^,]{1,40})?)"
    r"|(?:in|during) (?:an?|the|its|their|his|her) (?:[\w'’-]+\s+){0,2}?"
    r"(?:analysis|statement|interview|report|note|post|briefing|letter|appearance|speech|address"
    r"|conference|remarks|homily|sermon|broadcast)\b[^,\"“]{0,80}),"
    r"\s+(?=[\w\"“])",
    re.I,
)
# "…, according to reports.", "…, according to a joint statement released on Monday.": the same
# frame at the end.
_TRAILING_MEDIUM = re.compile(
    rf",\s+according to {_STATE_MEDIUM}"
    rf"(?:{NEWS_MEDIA}|(?-i:[A-Z]{{2,6}})|(?:[\w'’-]+\s+){{0,3}}?{_MEDIUM_NOUN}"
    r"(?:\s+[^,.;:\"“”]{1,60})?)(?=[.!]?$)",
    re.I,
)
# "…a comprehensive agreement," it added.': "it" is the statement or the agency the sentence
# before named, a carrier of the news as in "It added that …" (``_ITS_REPORT``), not a voice.
_TRAILING_ITS_REPORT = re.compile(
    r",?(?P<close>[\"”’]?)\s*,?\s+it\s+(?:also\s+)?"
    rf"{_ITS_VERB}\s*\.$"
)


def _without_its_report(text: str) -> str:
    """'"…economy," it added.' → '"…economy."'; '…, it said.' → '….'"""
    m = _TRAILING_ITS_REPORT.search(text)
    if not m:
        return text
    return text[: m.start()] + ("." + m.group("close") if m.group("close") else ".")


# "JEDDAH, Saudi Arabia, March 11 -- Ukraine on Tuesday…", "MADRID, April 29 (KUNA) -- Spain…":
# a dateline the reader left on the sentence (below a page's headline and times).
DATELINE = re.compile(
    r"^[A-Z][\w.'’-]*(?:,?\s+[A-Z][\w.'’-]*){0,3}(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?)?"
    r"(?:\s+\([^()]{1,30}\))?\s*(?:--|—|–)\s+(?=[A-Z\"“])"
)
# "· Forces NewsThe United States has agreed…", "MadridTwenty-four hours after…": a page's byline
# or place name run into the first sentence without a space (the sentence resumes at an opener
# or a number word written in capitals).
_SENTENCE_OPENERS = (
    "The|A|An|In|On|At|As|After|Before|With|For|From|By|When|While|Two|Three|Four|Five|Six|Seven|"
    "Eight|Nine|Ten|Hundreds|Thousands|Dozens|"
    + "|".join(w.capitalize() for w in sorted(NUMBER_WORDS, key=len, reverse=True))
)
_GLUED_BYLINE = re.compile(
    rf"^\W*(?:[A-Z][\w'’.&-]*\s+){{0,4}}[A-Z][\w'’.&-]*?[a-z](?=(?:{_SENTENCE_OPENERS})[\s,-])"
)
# "(AFP)", "(local time)": a short aside with no figure; one with a figure may be the fact.
_ASIDE = re.compile(r"\s+\((?![^)]*\d)[^()]{1,40}\)(?=[\s,.;:])")
MIN_COMPRESSED_WORDS = 6  # a frame is kept when what remains would be too short to stand alone
# ", which has occupied swaths of the country": a relative clause set off by commas tells
# background about a thing the sentence already names; the sentence is whole without it.  Not
# one that gives a figure, a name, a quotation, a negation or what the thing will or would do
# (", which would lead to a complete ceasefire"): those are the news.  Nor one of a single word
# (", which means,"), nor any inside a quotation, whose words are never touched.
_BACKGROUND_CLAUSE = re.compile(
    r",\s+(?:which|who)\s+(?![^,;:()]*(?:\d|\b[A-Z]|[\"“”]|"
    r"\b(?:not|no|never|without|will|would|could|may|might|can|should|must)\b|n't))"
    r"\w+\s[^,;:()]{2,100}?(?:,(?=\s)|(?=[.][\"”’)]*$))"
)


def _without_background(text: str) -> str:
    """``text`` without its background relative clauses (``_BACKGROUND_CLAUSE``) outside
    quotations."""
    return _outside_quotations(_BACKGROUND_CLAUSE, text)


def _outside_quotations(pattern: re.Pattern[str], text: str) -> str:
    """``text`` without the matches of ``pattern`` that are not inside a quotation: a
    quotation's words are the speaker's, and an aside in it the outlet's gloss on them ("If
    the crews stop (the night shifts), …").  (One source quotes in single marks
    where another quotes in double.)"""
    return pattern.sub(lambda m: m.group(0) if _inside_quotation(text[: m.start()]) else "", text)


# A single quotation mark opens a quotation after a space or a bracket and before a letter;
# it closes one after a letter or stop and before a space or stop (an apostrophe sits
# between letters: "Kyiv's").
_SINGLE_MARK = re.compile(
    r"(?P<opens>(?:^|(?<=[\s(\[]))['‘](?=\w))|(?<=[\w.,!?])['’](?=[\s.,;:!?)]|$)"
)


def _inside_quotation(before: str) -> bool:
    if before.count('"') % 2 == 1 or before.count("“") > before.count("”"):
        return True
    marks = list(_SINGLE_MARK.finditer(before))
    return bool(marks) and marks[-1].group("opens") is not None


def compress(sentence: str) -> str:
    """``trim``, then reporting frames that name a medium, figure-less asides and background
    relative clauses dropped."""
    text = trim(sentence)
    shorter = _without_its_report(
        _without_background(
            _outside_quotations(
                _ASIDE,
                _TRAILING_MEDIUM.sub(
                    "", MEDIUM_FRAME.sub("", DATELINE.sub("", _GLUED_BYLINE.sub("", text)))
                ),
            )
        )
    )
    if shorter != text and len(shorter.split()) >= MIN_COMPRESSED_WORDS and not dangling(shorter):
        return _capitalise(shorter)
    return text


_PREPOSITIONS_OPENING = frozenset(
    {"with", "under", "despite", "after", "following", "besides", "given", "amid", "unlike"}
    | {"because", "against", "beyond", "without", "through", "by", "for", "in", "on", "at"}
)
_DEMONSTRATIVES = frozenset({"this", "that", "these", "those", "such"})
_NOW = frozenset(
    {"year", "week", "month", "morning", "afternoon", "evening", "weekend", "season", "days"}
    | {"spring", "summer", "autumn", "winter", "weeks", "months", "years"}
)


# "In 1999, he was elected …", "After a stay in Lund, she returned …", "The levee, he warned,
# …": the subject behind an opening phrase is a pronoun whose referent is in a sentence before,
# unless the phrase names them by their role ("When the minister arrived, he said …").
_SUBJECT_AFTER_OPENER = re.compile(r"^[^,\"“”]{2,80},\s+(he|she|they|it)\s", re.I)


def _pronoun_after_opener(text: str) -> str:
    """The pronoun (lower case) that is the subject behind ``text``'s opening phrase, when that
    phrase does not name them by role and it is no expletive "it"; else ""."""
    opened = _SUBJECT_AFTER_OPENER.match(text)
    if (
        opened is None
        or _EXPLETIVE_IT.match(text[opened.start(1) :])
        or _SOMEONE.search(opened.group(0))
    ):
        return ""
    return opened.group(1).lower()


def dangling(text: str) -> bool:
    """True when ``text`` opens with a pronoun whose referent is not in it.

    That includes a source given as a pronoun: "According to him, …", a quotation
    whose only speaker is "he said", and "these"/"those" early on ("Moscow rebuffed
    those calls").
    """
    words = [
        w.removesuffix("'s").removesuffix("’s") for w in re.findall(r"[\w'’]+", text[:60].lower())
    ]
    if not words:
        return False
    if (
        _PRONOUN_SOURCE.match(text)
        or _PRONOUN_SPEAKER.match(text)
        or _EARLY_DEMONSTRATIVE.match(text)
    ):
        return True
    if _EXPLETIVE_IT.match(text):
        return False
    # The pronoun may sit behind a short opener: "If it does happen, …", "So when they …".
    head = (
        words[:3]
        if words[0] in ("if", "so", "when", "as", "while", "though", "although")
        else words[:1]
    )
    if any(w in _PRONOUN_OPENERS for w in head):
        return True
    if _pronoun_after_opener(text):
        return True
    # A demonstrative behind a preposition points back too ("With this declaration, …"), unless
    # it tells the time of writing ("At this year's summit"); a possessive there most often
    # points ahead ("Following his election, Leo …").
    return words[0] in _PREPOSITIONS_OPENING and any(
        w in _DEMONSTRATIVES and after not in _NOW
        for w, after in zip(words[1:3], [*words[2:4], "", ""])
    )


_CALENDAR_WORDS = frozenset(w.capitalize() for w in (*MONTHS, *WEEKDAYS))
# A pronoun that stands for a person: the sentence before must name one for the two to be read
# together ("India is one of the largest markets. He said …" leaves "he" to the sentence before
# that, which the bullet does not show).
_PERSONAL = frozenset({"he", "she", "him", "his", "her"})
# Who a sentence may name as a person: a role or a person's noun ("the minister", "a farmer"),
# or a capitalised word inside it ("said Holm", "Leo XIV greeted"), or opening it before a verb
# of saying ("Kovalchuk said").  Places and organisations count too: the check spares readers a
# pronoun with no one at all behind it ("India is one of the largest markets. He said …"), it
# does not resolve pronouns.
_SOMEONE = re.compile(
    rf"\b(?:{ROLE_NOUN}|chancellor|general|admiral|ceo|king|queen|prince|princess|pope|cardinal"
    r"|bishop|priest|justice|speaker|founder|owner|manager|professor|doctor|nurse|teacher|student"
    r"|farmer|driver|pilot|captain|coach|player|resident|witness|survivor|victim|man|woman|boy"
    r"|girl|mother|father|son|daughter|wife|husband|brother|sister|widow)s?\b",
    re.I,
)
_UNNAMED_MAN = re.compile(r"\bhim\b", re.I)
_CAPITALISED_INSIDE = re.compile(r"(?<=[\s(\"“‘'-])[A-Z][\w'’.-]*")
_NAMED_SPEAKER_FIRST = re.compile(rf"^\W*[A-Z][\w'’.-]*(?:\s+\S+){{0,2}}\s+{SPEECH_VERBS}\b")


def points_to_a_person(text: str) -> bool:
    """Whether ``text`` opens on a pronoun for a person ("He said …", "Her orders …", '"…," she
    said'), whose referent a sentence before it must name."""
    words = re.findall(r"[\w'’]+", text[:60].lower())
    return (
        bool(words and words[0] in _PERSONAL)
        or _pronoun_after_opener(text) in _PERSONAL
        or bool(
            (m := _PRONOUN_SPEAKER.match(text)) and re.search(r"\b(?:he|she)\b", m.group(0), re.I)
        )
    )


def names_a_person(text: str) -> bool:
    """Whether ``text`` names someone a personal pronoun after it may stand for: not when it
    has a man of its own it does not name ("The governor appointed him head of the port" is
    followed by "he" for him, not for the governor)."""
    if _UNNAMED_MAN.search(text):
        return False
    return bool(
        _SOMEONE.search(text)
        or _NAMED_SPEAKER_FIRST.match(text)
        or any(
            word.rstrip(".") not in _CALENDAR_WORDS for word in _CAPITALISED_INSIDE.findall(text)
        )
    )


def strip_frame(text: str) -> str | None:
    """'This is a good result as X.' → 'X.'; 'It added that X.' → 'X.' (capitalised); None
    when neither frame is there, or what remains would dangle itself."""
    m = _EVALUATIVE_FRAME.match(text) or _ITS_REPORT.match(text)
    if not m:
        return None
    rest = text[m.end() :]
    return None if dangling(rest) else _capitalise(rest)


def _capitalise(text: str) -> str:
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1 :]
        if ch.isdigit():
            return text
    return text
