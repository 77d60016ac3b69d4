"""The text reader: what is content, what is structure, what is metadata."""

from __future__ import annotations

import pytest

from briefgen.errors import InputError
from briefgen.read import read_sources
from briefgen.read.text import parse_text

ARTICLE = """Leaders meet in Geneva to discuss the grain deal
Delegates arrive at the Palais des Nations on May 2. (Source: Reuters) |
Negotiators from both countries agreed on Tuesday to extend the grain corridor by 120 days.
Share on Facebook
What happens next?
The next round of talks is expected in June, officials said. Both sides hope to sign a longer \
deal by then, which would stabilise prices.
Source: https://www.example-news.com/world/2024/05/02/grain-deal.html
Comment (12)
"""


def test_plain_text_separates_content_structure_and_metadata():
    article = parse_text(ARTICLE, "grain.txt")
    assert article.title == "Leaders meet in Geneva to discuss the grain deal"
    assert article.url == "https://www.example-news.com/world/2024/05/02/grain-deal.html"
    assert article.outlet == "example-news.com"
    assert article.date == "2024-05-02"
    kinds = dict((text, kind) for kind, text in article.paragraphs)
    assert kinds["What happens next?"] == "heading"
    assert "(Source: Reuters)" not in article.text
    assert "Share on Facebook" not in article.text
    assert "Comment (12)" not in article.text
    assert "Source: https" not in article.text
    assert "120 days" in article.text


@pytest.mark.parametrize(
    "header",
    [
        "Harbour Ledger (harbourledger.example), wire report, page undated",
        "Capital Wire (capitalwire.example, English edition) (reports Tuesday 6 May 2025)",
        "Northgate Times, as carried by a partner site",
    ],
)
def test_what_stands_between_the_headline_and_its_source_line_is_no_part_of_the_story(header):
    article = parse_text(
        f"Port workers end strike after pay deal\n{header}\n"
        "Source: https://www.harbourledger.example/2025/05/06/strike.html\n"
        "Dock workers voted on Tuesday to accept a 9% pay rise, ending a two-week strike.\n"
        "Ships queued outside the port for ten days.\n",
        "strike.txt",
    )
    assert article.title == "Port workers end strike after pay deal"
    assert [text for _, text in article.paragraphs] == [
        "Dock workers voted on Tuesday to accept a 9% pay rise, ending a two-week strike.",
        "Ships queued outside the port for ten days.",
    ]


def test_a_lede_above_the_source_line_stays_the_story():
    article = parse_text(
        "Port workers end strike\nDock workers voted on Tuesday to accept a pay rise.\n"
        "Source: https://www.harbourledger.example/2025/05/06/strike.html\n"
        "Ships queued outside the port for ten days.\n",
        "strike.txt",
    )
    assert "Dock workers voted on Tuesday to accept a pay rise." in article.text
    # a "Source:" line that closes the text has no header above it: the lines are the story
    closing = parse_text(
        "Port workers end strike\nDock workers accepted the offer on Tuesday\n"
        "Source: https://www.harbourledger.example/2025/05/06/strike.html\n",
        "strike.txt",
    )
    assert closing.paragraphs == [("text", "Dock workers accepted the offer on Tuesday")]


def test_date_in_file_name_wins_and_override_applies(tmp_path):
    path = tmp_path / "outlet-2025-03-19.txt"
    path.write_text(
        "Headline\nA sentence of body text that is long enough to count here.\n", encoding="utf-8"
    )
    assert read_sources([str(path)])[0].date == "2025-03-19"
    assert read_sources([str(path)], date="2025-04-01")[0].date == "2025-04-01"


def test_samples_read_with_their_urls(inputs):
    articles = read_sources([str(inputs)])
    assert [a.outlet for a in articles] == ["baoquocte.vn", "thanhnien.vn"]
    assert all(a.url and a.url.startswith("https://") for a in articles)
    assert all("Comment (0)" not in a.text for a in articles)


@pytest.mark.parametrize(
    "setup, message",
    [
        (lambda d: d / "missing.txt", "no such file or folder"),
        (lambda d: (d / "empty.txt").write_text("  \n\n ") and d / "empty.txt", "no text"),
        (lambda d: (d / "x.xyz").write_text("hello") and d / "x.xyz", "unsupported file type"),
        (lambda d: (d / "sub").mkdir() or d / "sub", "no readable sources"),
        (
            lambda d: (d / "junk.txt").write_bytes(b"\x00\x01\x02\xff" * 100) and d / "junk.txt",
            "binary",
        ),
    ],
)
def test_bad_sources_name_the_source_and_reason(tmp_path, setup, message):
    path = setup(tmp_path)
    with pytest.raises(InputError) as info:
        read_sources([str(path)])
    assert str(path) in str(info.value)
    assert message in str(info.value)


STRUCTURED = """Ministers agree to reopen the northern border crossing
Border Deal at a Glance
- Crossing reopens: trucks may pass from Monday
- 60-day trial of joint customs checks
Ministers from both countries signed the border accord on Friday after three weeks of talks in \
the capital.
Farmers Cheer as Ministers Reopen Crossing, Promise Joint Checks
Trade groups said the reopening would cut waiting times for exporters by several days each week.
How will the checks work?
The checks are split into two phases.
Customs officers from both sides will share one building during the first phase, officials said.
"""


def test_list_items_are_paragraphs_without_their_markers():
    kinds = dict((text, kind) for kind, text in parse_text(STRUCTURED, "border.txt").paragraphs)
    assert kinds["Crossing reopens: trucks may pass from Monday"] == "text"
    assert kinds["60-day trial of joint customs checks"] == "text"
    assert not any(text.startswith("- ") for text in kinds)
    assert kinds["Border Deal at a Glance"] == "heading"  # it introduces the list


def test_headline_and_question_lines_are_structure_and_the_line_after_is_text():
    kinds = dict((text, kind) for kind, text in parse_text(STRUCTURED, "border.txt").paragraphs)
    assert kinds["Farmers Cheer as Ministers Reopen Crossing, Promise Joint Checks"] == "heading"
    # A question heads what follows even when the first answer is a short line …
    assert kinds["How will the checks work?"] == "heading"
    # … and that short answer is content, not a second heading.
    assert kinds["The checks are split into two phases."] == "text"


@pytest.mark.parametrize(
    "credit",
    [
        "(Editing by the Brussels desk)",
        "(Reporting by Anna Berg in Oslo; Editing by Tom Hale)",
        "(Additional reporting by Ola Nordmann; writing by Kari Holm; editing by Ed Lane)",
        "Reporting by Anna Berg; Editing by Tom Hale",
    ],
)
def test_a_wire_credit_line_is_no_part_of_the_story(credit):
    """The line under a wire story naming its reporters and editors is the agency's, not news: a
    brief told "(Editing by the London desk)" as a bullet."""
    text = (
        "Ferry strike halts Arnel crossings\n"
        "Ferries between Arnel and Cardo stopped on Monday as crews walked out over pay.\n"
        "Writing by hand is how the crews logged the stoppage, a union official said.\n"
        f"{credit}\n"
    )
    article = parse_text(text, "ferry.txt")
    assert credit not in article.text
    assert "Writing by hand is how the crews logged" in article.text  # a sentence stays


@pytest.mark.parametrize(
    "title",
    [
        "Correspondent for politics and economics in Arnel.",
        "Senior reporter at the Harbour Herald",
        "Correspondent based in Cardo, covering the ferry dispute.",
    ],
)
def test_an_authors_title_under_the_byline_is_no_part_of_the_story(title):
    """A brief told "Correspondent for politics and economics in Switzerland." as a bullet."""
    text = (
        "Ferry strike halts Arnel crossings\n"
        "Kari Holm\n"
        f"{title}\n"
        "Ferries between Arnel and Cardo stopped on Monday as crews walked out over pay.\n"
        "Reporters in Cardo saw the last ferry turn back at noon.\n"
        "Editor of the Cardo Post Ola Berg said the strike would hurt trade.\n"
    )
    text_of = parse_text(text, "ferry.txt").text
    assert title not in text_of
    assert "Reporters in Cardo saw" in text_of and "Editor of the Cardo Post" in text_of


POSTS = (
    "Ferry strike halts Arnel crossings\n"
    "Ferries between Arnel and Cardo stopped on Monday as crews walked out over pay.\n"
    "We stand with the crews. Talks resume tomorrow… pic.twitter.com/Ab12Cd34\n"
    "— Arnel Ferry Union (@ArnelCrews) March 3, 2025\n"
    "\n"
    "We will not sail until the offer improves.\n"
    "\n"
    "– Kari Holm (@kariholm) Mar. 3, 2025\n"
    "The operator said 40 sailings were cancelled — about half the week's timetable.\n"
)


def test_an_embedded_social_media_post_is_no_part_of_the_story():
    """A post embedded in the page is its author's words with no "she said" to show whose: read
    as the article's, a leader's "We discussed many issues" became a bullet of no one's."""
    article = parse_text(POSTS, "ferry.txt")
    assert [t for _, t in article.paragraphs] == [
        "Ferries between Arnel and Cardo stopped on Monday as crews walked out over pay.",
        "The operator said 40 sailings were cancelled — about half the week's timetable.",
    ]


def test_an_embedded_post_is_dropped_from_a_web_page_and_a_word_file(tmp_path):
    import docx

    page = tmp_path / "ferry.html"
    page.write_text(
        "<html><head><title>Ferry strike halts Arnel crossings</title></head><body><article>"
        "<p>Ferries between Arnel and Cardo stopped on Monday as crews walked out over pay, the "
        "union said in a statement.</p>"
        '<blockquote class="twitter-tweet"><p>We stand with the crews and we will not sail until '
        "the offer improves.</p>&mdash; Kari Holm (@kariholm) "
        '<a href="https://twitter.com/kariholm/status/1">March 3, 2025</a></blockquote>'
        "<p>The operator said 40 sailings were cancelled, about half of the week's timetable, and "
        "that it hoped to resume services on Friday.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    document = docx.Document()
    document.add_heading("Ferry strike halts Arnel crossings", 0)
    for line in POSTS.splitlines()[1:]:
        document.add_paragraph(line)
    document.save(tmp_path / "ferry.docx")
    (article,) = read_sources([str(page)])
    assert "sail until" not in article.text and "@kariholm" not in article.text
    assert "crews walked out" in article.text and "40 sailings" in article.text
    (article,) = read_sources([str(tmp_path / "ferry.docx")])
    assert "We stand with the crews" not in article.text and "@kariholm" not in article.text
    assert "crews walked out" in article.text and "40 sailings" in article.text


def test_a_wire_credit_paragraph_is_dropped_from_web_pages_and_word_files(tmp_path):
    import docx

    lines = [
        "Ferries between Arnel and Cardo stopped on Monday as crews walked out over pay.",
        "(Reporting by Anna Berg in Oslo; Editing by Tom Hale)",
    ]
    page = tmp_path / "ferry.html"
    page.write_text(
        "<html><head><title>Ferry strike halts Arnel crossings</title></head><body><article>"
        + "".join(f"<p>{line}</p>" for line in lines)
        + "</article></body></html>",
        encoding="utf-8",
    )
    document = docx.Document()
    document.add_heading("Ferry strike halts Arnel crossings", 0)
    for line in lines:
        document.add_paragraph(line)
    document.save(tmp_path / "ferry.docx")
    for path in (page, tmp_path / "ferry.docx"):
        (article,) = read_sources([str(path)])
        assert "Editing by" not in article.text
        assert "crews walked out" in article.text


SHORT_PARAGRAPHS = """Port strike enters its second day
Dockworkers walked off the job at 14 ports on Tuesday, halting container traffic along the coast.
There are still obstacles.
The union wants a 40 per cent raise over four years and a ban on automated cranes at every port.
“The situation is serious,” the transport minister added.
Shippers have diverted some vessels to other ports, and retailers warned of empty shelves soon.
"This is not a lockout. This is a strike."
Employers said the union had rejected an offer of 50 per cent over six years out of hand.
Talks are due to resume on May 24.
Neither side would say whether a mediator had been asked to join the negotiations this week.
"""


def test_a_short_paragraph_that_quotes_or_gives_a_figure_is_text_not_a_sub_heading():
    kinds = dict(
        (text, kind) for kind, text in parse_text(SHORT_PARAGRAPHS, "strike.txt").paragraphs
    )
    assert kinds["There are still obstacles."] == "heading"  # names a topic: heads what follows
    assert kinds["“The situation is serious,” the transport minister added."] == "text"
    assert kinds['"This is not a lockout. This is a strike."'] == "text"
    assert kinds["Talks are due to resume on May 24."] == "text"
