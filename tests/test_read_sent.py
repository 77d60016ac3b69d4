"""Sources as people are actually sent them (issue 16, readers): text folded at 72 columns,
dates written any common way, legacy code pages, outlets named by a byline or a PDF's
properties, and tables.  Every file is written here and read back; every text is invented."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from briefgen import extract
from briefgen.read import SourceSpec, read_all, read_sources

HEADLINE = "Climate summit agrees a new finance goal"
LEDE = (
    "Countries at the COP29 climate summit in Baku agreed early on Sunday to triple the "
    "finance flowing to poorer countries, to 300 billion dollars a year by 2035, after two "
    "weeks of talks that ran well past their deadline."
)
SECOND = (
    "Developed countries will lead the contributions, with a wider goal of 1.3 trillion "
    "dollars a year from all sources, including private lenders and development banks."
)
HEADING = "What the deal leaves out"
THIRD = (
    "Delegates from small island states walked out of one session on Saturday, saying the "
    "figure on the table was far too low for the damage their countries already face from "
    "rising seas and stronger storms."
)
ITEMS = [
    "Reviews of the goal are due in 2030 and every five years after that, the text of the "
    "agreement says.",
    "Talks on how to count private money resume in Bonn in June.",
]
FOURTH = (
    "The host government said the agreement was the best that could be reached this year, "
    "and that the well-known gaps in it would be the first item for the next summit."
)
URL = "https://news.example.org/climate/finance-goal"


def _folded(width: int, blank_lines: bool = True) -> str:
    """The article hard-wrapped at ``width`` columns, as an email client sends it."""
    blocks = [
        textwrap.fill(HEADLINE, width),
        textwrap.fill(LEDE, width),
        textwrap.fill(SECOND, width),
        HEADING,
        textwrap.fill(THIRD, width),
        "\n".join(
            textwrap.fill(item, width, initial_indent="- ", subsequent_indent="  ")
            for item in ITEMS
        ),
        textwrap.fill(FOURTH, width),
        f"Source: {URL}",
    ]
    return ("\n\n" if blank_lines else "\n").join(blocks) + "\n"


@pytest.mark.parametrize("width", [60, 72, 80])
@pytest.mark.parametrize("blank_lines", [True, False], ids=["blank-lines", "no-blank-lines"])
def test_hard_wrapped_text_reads_as_whole_paragraphs(tmp_path, width, blank_lines):
    path = tmp_path / "forwarded.txt"
    path.write_text(_folded(width, blank_lines), encoding="utf-8")
    assert max(len(line) for line in path.read_text(encoding="utf-8").splitlines()) <= width
    (article,) = read_sources([str(path)])
    assert article.title == HEADLINE
    assert article.paragraphs == [
        ("text", LEDE),
        ("text", SECOND),
        ("heading", HEADING),
        ("text", THIRD),
        ("text", ITEMS[0]),
        ("text", ITEMS[1]),
        ("text", FOURTH),  # "well-" / "known" folded at its hyphen joins back whole
    ]
    assert article.url == URL and article.outlet == "news.example.org"


def test_hard_wrapped_text_gives_whole_sentences_to_the_brief(tmp_path):
    """The issue's case: a bullet was a line fragment ("… agreed early on Sunday to [1]")."""
    path = tmp_path / "forwarded.md"
    path.write_text(_folded(72), encoding="utf-8")
    brief = extract([str(path)])
    sentences = [
        evidence.sentence
        for section in brief.sections
        for item in section.items
        for evidence in getattr(item, "evidence", [])
    ]
    assert sentences
    assert all(sentence.endswith(".") for sentence in sentences), sentences
    assert LEDE in sentences


SHORT_LINES = """Ministers agree to reopen the northern border crossing
Border Deal at a Glance
Crossing Reopens to Trucks From Monday Under Trial Rules
Joint Customs Checks Start With a Sixty Day Trial Period
Farm Groups Welcome the Deal as Queues Are Expected to Ease
Ministers from both countries signed the border accord on Friday after three weeks of talks.
Trade groups said the reopening would cut waiting times for exporters by several days.
"""


def test_one_paragraph_per_line_text_is_not_unwrapped(tmp_path, inputs):
    path = tmp_path / "border.txt"
    path.write_text(SHORT_LINES, encoding="utf-8")
    (article,) = read_sources([str(path)])
    assert [text for _, text in article.paragraphs] == SHORT_LINES.splitlines()[1:]
    # The samples (long paragraphs, one a line) read as they always have: line for line.
    for sample in sorted(inputs.glob("*.txt")):
        (article,) = read_sources([str(sample)])
        lines = [line for line in sample.read_text(encoding="utf-8").splitlines() if line]
        assert all(text in lines for _, text in article.paragraphs)


@pytest.mark.parametrize(
    "dateline, iso",
    [
        ("19/03/2025", "2025-03-19"),
        ("19.03.2025", "2025-03-19"),
        ("March 19th, 2025", "2025-03-19"),
        ("19th March 2025", "2025-03-19"),
        ("Wed 19 Mar 2025", "2025-03-19"),
        ("2025-03-19T08:30:00Z", "2025-03-19"),
        ("Published: 08:30 AM,Mar 19,2025 | Updated: 10:15 AM,Mar 19,2025", "2025-03-19"),
        ("Wed, 19 Mar 2025 23:30:00 -0500", "2025-03-19"),  # as written, not moved to UTC
        ("03/04/2025", "2025-04-03"),  # day first when both orders are possible
        ("03/19/2025", "2025-03-19"),  # month first only where day first is impossible
        ("19 марта 2025", "2025-03-19"),
        ("Published 19 March 2025 | 3 min read", "2025-03-19"),  # not "2025 | 3 min": 3 March
    ],
)
def test_dates_in_any_common_written_form(tmp_path, dateline, iso):
    path = tmp_path / "talks.txt"
    path.write_text(
        f"Talks end without a deal\n{dateline}\n"
        "The talks ended on Wednesday without a deal, officials said after the meeting.\n",
        encoding="utf-8",
    )
    (article,) = read_sources([str(path)])
    assert article.date == iso
    # A line that is only a date is when the story was written, not a sentence of it.
    assert article.paragraphs == [
        (
            "text",
            "The talks ended on Wednesday without a deal, officials said after the meeting.",
        )
    ]


@pytest.mark.parametrize(
    "line",
    [
        "The talks ended on Sunday, two hours after they began.",  # no day, month and year
        "Ministers will meet again in March 2025, officials said.",  # no day
        "The treaty was first signed on 12 May 1968 in a different city.",  # history
        "The fund will grow by a third a year by 2035, its managers said.",
        "The bank forecast growth of 2.1% in 2024.",  # not 2 January
        "Output rose 3.4 in 2025, the index showed.",
    ],
)
def test_no_date_is_made_up(tmp_path, line):
    path = tmp_path / "talks.txt"
    path.write_text(f"Talks end without a deal\n{line}\n", encoding="utf-8")
    assert read_sources([str(path)])[0].date is None


def test_dates_read_in_parallel_each_its_own(tmp_path):
    forms = ["19/03/2025", "20.03.2025", "March 21st, 2025", "22nd March 2025", "Sun 23 Mar 2025"]
    for n, form in enumerate(forms):
        (tmp_path / f"{n}.txt").write_text(
            f"Talks, day {n}\n{form}\nThe talks went on for day {n} without a deal, officials "
            "said.\n",
            encoding="utf-8",
        )
    articles = read_all([SourceSpec(str(tmp_path))], jobs=4).articles
    assert [a.date for a in articles] == [f"2025-03-{19 + n}" for n in range(len(forms))]


def test_written_date_names_the_brief(tmp_path):
    """The issue's case: "19/03/2025" left the brief undated and named with today's date."""
    path = tmp_path / "talks.txt"
    path.write_text(
        "Talks end without a deal\nGENEVA, 19/03/2025 — The talks ended on Wednesday without "
        "a deal, officials said after a long meeting in the city.\n",
        encoding="utf-8",
    )
    brief = extract([str(path)])
    assert brief.date == "2025-03-19"
    assert brief.sources[0].date == "2025-03-19"


CYRILLIC = (
    "Переговоры в Женеве завершились без соглашения\n"
    "Делегации двух стран встретились в среду и договорились продлить перемирие ещё на "
    "тридцать дней, сообщили официальные лица после встречи.\n"
)
CENTRAL_EUROPEAN = (
    "Rząd przyjął budżet na przyszły rok\n"
    "Ministrowie uzgodnili wydatki na obronę i programy społeczne, powiedział rzecznik "
    "rządu po posiedzeniu w środę.\n"
)
WESTERN = (
    "L’Élysée défend la réforme des retraites\n"
    "« Ça suffit », a déclaré jeudi à Orléans le ministre, qui a précisé que la réforme "
    "coûterait 20 M€ de plus ; Noël Dupré, élu de l’opposition, a répliqué qu’il "
    "déposerait un recours — « déjà prêt » — avant Pâques. Straße, Müller, Zoë.\n"
)


@pytest.mark.parametrize(
    "text, encoding",
    [(CYRILLIC, "cp1251"), (CENTRAL_EUROPEAN, "cp1250"), (WESTERN, "cp1252")],
    ids=["cyrillic-cp1251", "central-european-cp1250", "western-cp1252"],
)
def test_legacy_code_pages(tmp_path, text, encoding):
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode(encoding))
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")  # what made the reader fall back
    (article,) = read_sources([str(path)])
    headline, body = text.splitlines()
    assert (article.title, article.text) == (headline, body)


def test_binary_is_still_refused_not_detected_as_some_code_page(tmp_path):
    from briefgen.errors import InputError

    path = tmp_path / "blob.txt"
    path.write_bytes(bytes(range(1, 256)) * 40)
    with pytest.raises(InputError, match="binary data, not text"):
        read_sources([str(path)])


BODY = (
    "The central bank held its main rate at 2.5 percent on Wednesday, as expected by most "
    "economists, and said inflation was on course to return to its target next year."
)


@pytest.mark.parametrize(
    "credit, outlet, author",
    [
        ("By Jana Novak | Example Wire", "Example Wire", "Jana Novak"),
        ("By Jana Novak and Tom Reyes, Example Press", "Example Press", "Jana Novak and Tom Reyes"),
        ("By Jana Novak for The Example Times", "The Example Times", "Jana Novak"),
        ("Source: Example Wire", "Example Wire", None),
        ("The Harbour Ledger, 2025-05-14", "The Harbour Ledger", None),
        ("Capital Wire, 14 May 2025", "Capital Wire", None),
    ],
)
def test_outlet_from_the_byline_before_the_file_name(tmp_path, credit, outlet, author):
    """The issue's case: the outlet fell back to the file name ("bloomberg-ecb")."""
    path = tmp_path / "bank-ecb.txt"
    path.write_text(f"Central bank holds rates\n{credit}\n{BODY}\n", encoding="utf-8")
    (article,) = read_sources([str(path)])
    assert (article.outlet, article.author) == (outlet, author)
    assert article.paragraphs == [("text", BODY)]


def test_an_outlet_date_line_names_the_outlet_before_the_urls_site_and_a_byline_does_not(tmp_path):
    """The publisher saying who it is ("Harbour Ledger, 14 May 2025") is what a reader of the
    Sources list knows it by; a byline's outlet is as often the agency whose copy a site runs."""
    path = tmp_path / "bank.txt"
    url = "https://www.harbourledger.example/economy/bank-holds-rates"
    path.write_text(
        f"Central bank holds rates\nHarbour Ledger, 14 May 2025\nSource: {url}\n{BODY}\n",
        encoding="utf-8",
    )
    assert read_sources([str(path)])[0].outlet == "Harbour Ledger"
    path.write_text(
        f"Central bank holds rates\nBy Jana Novak | Example Wire\nSource: {url}\n{BODY}\n",
        encoding="utf-8",
    )
    assert read_sources([str(path)])[0].outlet == "harbourledger.example"


def test_outlet_from_the_dateline_agency_and_a_sentence_opening_by_is_text(tmp_path):
    path = tmp_path / "bank-ecb.txt"
    path.write_text(
        f"Central bank holds rates\nFRANKFURT (Example Wire) - {BODY}\n"
        "By Tuesday, the markets had priced in one more cut this year.\n",
        encoding="utf-8",
    )
    (article,) = read_sources([str(path)])
    assert article.outlet == "Example Wire"
    assert article.paragraphs == [
        ("text", BODY),
        ("text", "By Tuesday, the markets had priced in one more cut this year."),
    ]
    path.write_text(
        f"Central bank holds rates\nFRANKFURT, GERMANY | Example Wire | {BODY}\n", encoding="utf-8"
    )
    (article,) = read_sources([str(path)])
    assert (article.outlet, article.paragraphs) == ("Example Wire", [("text", BODY)])
    # Nothing names the outlet: the file name still stands for it.
    path.write_text(f"Central bank holds rates\n{BODY}\n", encoding="utf-8")
    assert read_sources([str(path)])[0].outlet == "bank-ecb"
    path.write_text(f"Central bank holds rates\nMonday, 2025-05-14\n{BODY}\n", encoding="utf-8")
    assert read_sources([str(path)])[0].outlet == "bank-ecb"  # a day is no outlet


def test_front_matter_of_a_clipped_page(tmp_path):
    path = tmp_path / "clipping.md"
    path.write_text(
        "---\n"
        'title: "Central bank holds rates | Example Wire"\n'
        f"source: {URL}\n"
        "author:\n"
        '  - "[[Jana Novak]]"\n'
        "published: 2025-03-19\n"
        "tags: [rates, banks]\n"
        "---\n"
        f"## Central bank holds rates\n\n{BODY}\n",
        encoding="utf-8",
    )
    (article,) = read_sources([str(path)])
    assert (article.title, article.outlet, article.url, article.author, article.date) == (
        "Central bank holds rates",
        "Example Wire",
        URL,
        "Jana Novak",
        "2025-03-19",
    )
    assert article.paragraphs == [("text", BODY)]


def _pdf(
    path: Path,
    lines: list[tuple[str, int]],
    title: str | None = None,
    author: str | None = None,
    producer: str | None = None,
    footer: str | None = None,
    pages: int = 1,
) -> Path:
    """A PDF whose first page sets ``lines`` (text, type size) 14 points apart, body and
    metadata lines alike (so nothing but their words tells them apart), with ``footer`` at
    the bottom of every page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    for key, value in (("Title", title), ("Author", author), ("Producer", producer)):
        if value is not None:
            getattr(c, f"set{key}")(value)
    for page in range(1, pages + 1):
        y = A4[1] - 80
        for text, size in lines if page == 1 else [(f"Annex page {page}.", 10)]:
            c.setFont("Helvetica-Bold" if size > 10 else "Helvetica", size)
            c.drawString(72, y, text)
            y -= 14 if size <= 10 else 30
        if footer:
            c.setFont("Helvetica", 8)
            c.drawString(72, 30, footer.format(page=page, pages=pages))
        c.showPage()
    c.save()
    return path


BODY_LINES = [
    ("The central bank held its main rate at 2.5 percent on Wednesday, as", 10),
    ("expected by most economists, and said inflation was on course to", 10),
    ("return to its target next year.", 10),
]


def test_pdf_dateline_and_byline_are_not_glued_onto_the_first_sentence(tmp_path):
    """The issue's case: the PDF's dateline was glued onto the first bullet."""
    path = _pdf(
        tmp_path / "bank-ecb.pdf",
        [
            ("Central bank holds rates", 16),
            ("By Jana Novak | Example Wire", 10),
            ("Wednesday, March 19th, 2025", 10),
            *BODY_LINES,
        ],
    )
    (article,) = read_sources([str(path)])
    assert article.paragraphs == [("text", BODY)]
    assert (article.date, article.outlet, article.author) == (
        "2025-03-19",
        "Example Wire",
        "Jana Novak",
    )


def test_pdf_outlet_from_its_title_and_never_from_producer_or_author(tmp_path):
    lines = [("Central bank holds rates", 16), *BODY_LINES]
    (article,) = read_sources(
        [
            str(
                _pdf(
                    tmp_path / "bank-ecb.pdf",
                    lines,
                    title="Central bank holds rates steady | Example Wire",
                    author="Jana Novak",
                    producer="Example PDF Library 9.1",
                )
            )
        ]
    )
    assert article.title == "Central bank holds rates steady"
    assert (article.outlet, article.author) == ("Example Wire", "Jana Novak")
    # Author and Producer name a login and a program, never the outlet: the file name stays.
    (article,) = read_sources(
        [
            str(
                _pdf(
                    tmp_path / "bank-ecb.pdf",
                    lines,
                    title="Central bank holds rates steady",
                    author="jnovak",
                    producer="Example Wire PDF Engine",
                )
            )
        ]
    )
    assert (article.title, article.outlet, article.author) == (
        "Central bank holds rates steady",
        "bank-ecb",
        None,
    )


@pytest.mark.parametrize("pages", [1, 2])
def test_printed_pdf_footer_gives_the_url(tmp_path, pages):
    path = _pdf(
        tmp_path / "printed.pdf",
        [("Central bank holds rates", 16), *BODY_LINES],
        footer=f"{URL}?ref=print {{page}}/{{pages}}",
        pages=pages,
    )
    (article,) = read_sources([str(path)])
    assert article.url == f"{URL}?ref=print"
    assert article.outlet == "news.example.org"
    assert "ref=print" not in article.text


def _docx_with_tables(path: Path, title: str = "", byline: str | None = None) -> Path:
    import docx

    document = docx.Document()
    document.core_properties.title = title
    document.add_paragraph("Budget deficits narrow across the region")
    if byline:
        document.add_paragraph(byline)
    document.add_paragraph(
        "Finance ministers reported smaller deficits for the second year running, according "
        "to figures published on Monday."
    )
    table = document.add_table(rows=4, cols=3)
    for r, row in enumerate(
        [("Country", "2024", "2025"), ("Northland", "2.1%", "1.8%"), ("Southland", "3.4%", "")]
    ):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    merged = table.cell(3, 0).merge(table.cell(3, 1))
    merged.text = "Region total"
    table.cell(3, 2).text = "2.6%"
    box = document.add_table(rows=1, cols=1)
    box.cell(0, 0).text = "Deficits are measured as a share of economic output."
    box.cell(0, 0).add_paragraph("The commission checks the figures each spring.")
    document.add_paragraph("Ministers will meet again in June to agree next year's targets.")
    document.save(str(path))
    return path


def test_docx_tables_read_as_rows_in_their_place(tmp_path):
    (article,) = read_sources([str(_docx_with_tables(tmp_path / "deficits.docx"))])
    assert [text for _, text in article.paragraphs] == [
        "Finance ministers reported smaller deficits for the second year running, according "
        "to figures published on Monday.",
        "Country | 2024 | 2025",
        "Northland | 2.1% | 1.8%",
        "Southland | 3.4%",  # its empty cell left out
        "Region total | 2.6%",  # a merged cell read once
        "Deficits are measured as a share of economic output.",  # a one-cell box: its text
        "The commission checks the figures each spring.",
        "Ministers will meet again in June to agree next year's targets.",
    ]


def test_docx_outlet_from_core_title_or_byline(tmp_path):
    path = _docx_with_tables(
        tmp_path / "deficits.docx", title="Budget deficits narrow | Example Wire"
    )
    (article,) = read_sources([str(path)])
    assert (article.title, article.outlet) == ("Budget deficits narrow", "Example Wire")
    path = _docx_with_tables(tmp_path / "deficits.docx", byline="By Jana Novak | Example Press")
    (article,) = read_sources([str(path)])
    assert (article.outlet, article.author) == ("Example Press", "Jana Novak")
    assert not any("Jana Novak" in text for _, text in article.paragraphs)


def test_html_tables_read_as_rows(tmp_path):
    path = tmp_path / "deficits.html"
    path.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Deficits narrow</title>"
        "</head><body><article><h1>Deficits narrow</h1>"
        "<p>Finance ministers reported smaller deficits for the second year running, "
        "according to figures published on Monday in the capital.</p>"
        "<table><thead><tr><th>Country</th><th>2024</th><th>2025</th></tr></thead><tbody>"
        "<tr><td>Northland</td><td>2.1%</td><td>1.8%</td></tr>"
        "<tr><td colspan='2'>Region <b>total</b></td><td><p>2.6%</p></td></tr>"
        "</tbody></table>"
        "<p>Ministers will meet again in June to agree the targets for next year, officials "
        "said after the meeting.</p></article></body></html>",
        encoding="utf-8",
    )
    (article,) = read_sources([str(path)])
    texts = [text for _, text in article.paragraphs]
    assert texts[1:4] == ["Country | 2024 | 2025", "Northland | 2.1% | 1.8%", "Region total | 2.6%"]
    assert texts[0].startswith("Finance ministers") and texts[4].startswith("Ministers will")
