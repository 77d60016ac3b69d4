"""Typesetting: page furniture, fonts, style files, reference documents and HTML, read back."""

import datetime as dt
import html.parser
import io
import re
import zipfile

import docx
import pypdf
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import nsmap
from docx.shared import Mm

from briefgen.analyse import analyse
from briefgen.errors import InputError
from briefgen.profile import load_profile
from briefgen.typeset import render
from briefgen.typeset.pdf import _find_font
from briefgen.typeset.style import load_style
from tests.conftest import INPUTS, outline_titles, run_cli
from tests.test_analysis_rules import article
from tests.test_render import HOSTILE, brief_with

MARKING = "OFFICIAL — SENSITIVE"
WORLD = "Путин заявил: «мир» — Thủ tướng Phạm Minh Chính nói “hòa bình” ‘đầu tiên’ – Ελλάδα"
DEJAVU = _find_font("DejaVuSans.ttf")
needs_dejavu = pytest.mark.skipif(
    DEJAVU is None, reason="DejaVu Sans not installed (.ci/run installs fonts-dejavu-core)"
)


def pdf_text(data: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]


@pytest.fixture(scope="module")
def sample_papers(tmp_path_factory):
    """The sample brief built in A4 and in Letter, with a marking, in every format."""
    built = {}
    for paper in ("a4", "letter"):
        out = tmp_path_factory.mktemp(paper)
        result = run_cli(
            "build",
            INPUTS,
            "-o",
            out,
            "--format",
            "docx,pdf,md,html",
            "--paper",
            paper,
            "--marking",
            MARKING,
        )
        assert result.returncode == 0, result.stderr.decode()
        built[paper] = {path.suffix[1:]: path.read_bytes() for path in out.iterdir()}
    return built


@pytest.mark.parametrize("paper, size", [("a4", (595, 842)), ("letter", (612, 792))])
def test_sample_pdf_is_two_pages_with_furniture_on_each(sample_papers, paper, size):
    reader = pypdf.PdfReader(io.BytesIO(sample_papers[paper]["pdf"]))
    assert len(reader.pages) == 2
    for number, page in enumerate(reader.pages, 1):
        assert tuple(round(float(v)) for v in page.mediabox[2:]) == size
        text = page.extract_text()
        assert text.count(MARKING) == 2, "marking at top and bottom"
        assert f"Page {number} of 2" in text
        assert "19 March 2025" in text and "The Russia-US summit phone call" in text
    last = " ".join(reader.pages[1].extract_text().split())
    assert re.search(
        r"Generated on \d{1,2} \w+ \d{4} from 2 sources by briefgen [\d.]+; "
        r"information as of 19 March 2025",
        last,
    )


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_no_heading_sits_alone_at_the_foot_of_a_page(sample_papers, paper):
    markdown = sample_papers[paper]["md"].decode()
    headings = {
        line.lstrip("# ").strip() for line in markdown.splitlines() if line.startswith("## ")
    }
    for page in pypdf.PdfReader(io.BytesIO(sample_papers[paper]["pdf"])).pages[:-1]:
        lines = [line.strip() for line in page.extract_text().splitlines()]
        body = lines[: lines.index(next(line for line in lines if line.startswith("Page ")))]
        body = [line for line in body if line and line != MARKING and "19 March 2025" not in line]
        assert body[-1] not in headings, body[-3:]


def test_pdf_bookmarks_every_heading_and_sets_properties(sample_papers):
    reader = pypdf.PdfReader(io.BytesIO(sample_papers["a4"]["pdf"]))
    markdown = sample_papers["a4"]["md"].decode()
    headings = [
        line.lstrip("#").strip().replace("\\", "")
        for line in markdown.splitlines()
        if line.startswith("#")
    ]
    assert outline_titles(reader) == headings
    meta = reader.metadata
    assert meta.title == headings[0]
    assert meta.author == "briefgen"
    assert meta.subject == "Policy brief · 19 March 2025 · 2 sources"
    assert "Donald Trump" in meta["/Keywords"]
    made = re.search(r"Generated on (\d{1,2} \w+ \d{4})", markdown)[
        1
    ]  # the day it was made, not the news date
    assert meta["/CreationDate"].startswith(
        dt.datetime.strptime(made, "%d %B %Y").strftime("D:%Y%m%d")
    )


def test_pdf_source_urls_are_links(sample_papers):
    reader = pypdf.PdfReader(io.BytesIO(sample_papers["a4"]["pdf"]))
    annotations = [a.get_object() for page in reader.pages for a in page.get("/Annots", [])]
    # The other links are citations, to places in the document (tests/test_links_images.py).
    uris = [a["/A"]["/URI"] for a in annotations if "/URI" in a.get("/A", {})]
    assert "https://baoquocte.vn/dien-dam-nga-my-pha-bang-va-han-gan-308229.html" in uris
    assert len(uris) == 2


def test_pdf_citations_and_links_take_the_styles_link_colour(tmp_path):
    # As in the Word file: a reader sees what can be clicked.  The colour is one no other part
    # of the page uses, so every text drawn in it is a link.
    style = tmp_path / "style.yaml"
    style.write_text('colours: {link: "#00AA00"}\n')
    result = run_cli("build", INPUTS, "-o", tmp_path, "--format", "pdf", "--style", style)
    assert result.returncode == 0, result.stderr.decode()
    (pdf,) = tmp_path.glob("*.pdf")
    content = b"".join(p.get_contents().get_data() for p in pypdf.PdfReader(pdf).pages)
    linked = re.findall(rb"0 \.666667 0 rg \(([^)]*)\) Tj", content)
    assert b"[1]" in linked and b"[2]" in linked
    assert any(text.startswith(b"https://") for text in linked)


@needs_dejavu
def test_pdf_embeds_only_the_truetype_family(sample_papers):
    reader = pypdf.PdfReader(io.BytesIO(sample_papers["a4"]["pdf"]))
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert font["/Subtype"] == "/TrueType"
            assert "DejaVuSans" in font["/BaseFont"]
            assert "/FontFile2" in font["/FontDescriptor"].get_object()


@needs_dejavu
def test_cyrillic_vietnamese_and_curly_quotes_have_glyphs_and_extract():
    from reportlab.pdfbase.ttfonts import TTFont

    data = render(brief_with(WORLD), ["pdf"])["pdf"]
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert WORLD in " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    fonts = [
        f.get_object()["/BaseFont"]
        for page in reader.pages
        for f in page["/Resources"]["/Font"].values()
    ]
    assert fonts and all("DejaVuSans" in name for name in fonts)
    # reportlab draws a character the font lacks as an empty box: the font must have them all.
    glyphs = TTFont("check", str(DEJAVU)).face.charToGlyph
    assert [c for c in set(WORLD) if not c.isspace() and glyphs.get(ord(c), 0) == 0] == []


def test_docx_furniture_fields_and_marking(sample_papers):
    document = docx.Document(io.BytesIO(sample_papers["a4"]["docx"]))
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    header = [p.text for p in section.header.paragraphs]
    footer = [p.text for p in section.footer.paragraphs]
    assert header[0] == MARKING and footer[-1] == MARKING
    assert header[1].startswith("The Russia-US summit phone call") and header[1].endswith(
        "\t19 March 2025"
    )
    footer_xml = section.footer._element.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml and "fldCharType" in footer_xml
    assert footer[0].startswith("Page ")
    letter = docx.Document(io.BytesIO(sample_papers["letter"]["docx"])).sections[0]
    assert round(letter.page_width.mm, 1) == 215.9 and round(letter.page_height.mm, 1) == 279.4


def test_docx_headings_keep_with_next_and_bullets_hang(sample_papers):
    document = docx.Document(io.BytesIO(sample_papers["a4"]["docx"]))
    headings = [p for p in document.paragraphs if p.style.name in ("Title", "Heading 1")]
    assert [p.style.name for p in headings[:2]] == ["Title", "Heading 1"]
    assert all(p.paragraph_format.keep_with_next for p in headings)
    bullets = [p for p in document.paragraphs if p.style.name == "List Bullet"]
    assert len(bullets) >= 10
    num_id = bullets[0]._p.pPr.numPr.numId.val
    numbering = document.part.numbering_part.element
    num = numbering.num_having_numId(num_id)
    abstract = numbering.xpath(f'./w:abstractNum[@w:abstractNumId="{num.abstractNumId.val}"]')[0]
    w = {"w": nsmap["w"]}
    assert abstract.xpath(".//w:numFmt/@w:val", namespaces=w) == ["bullet"]
    assert int(abstract.xpath(".//w:ind/@w:hanging", namespaces=w)[0]) > 0
    assert document.core_properties.keywords.startswith("Policy brief")
    made = re.search(r"Generated on (\d{1,2} \w+ \d{4})", sample_papers["a4"]["md"].decode())[1]
    assert document.core_properties.created == dt.datetime.strptime(made, "%d %B %Y").replace(
        tzinfo=dt.UTC
    )


def test_docx_tables_fit_inside_the_margins(sample_papers):
    document = docx.Document(io.BytesIO(sample_papers["a4"]["docx"]))
    section = document.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    table = document.tables[0]
    assert sum(column.width for column in table.columns) <= text_width
    assert table._tbl.xpath("./w:tblPr/w:tblLayout/@w:type") == ["fixed"]


@needs_dejavu
def test_a_narrow_docx_column_holds_its_longest_word_in_bold_with_the_cell_margins(sample_papers):
    # Measured in the widest face the house style names (DejaVu Sans, what a reader without
    # Arial gets): "Source" must not wrap to "Sourc" / "e".
    from reportlab.pdfbase.pdfmetrics import registerFont, stringWidth
    from reportlab.pdfbase.ttfonts import TTFont

    bold = DEJAVU.with_name("DejaVuSans-Bold.ttf")
    registerFont(TTFont("DejaVuBoldForWidths", str(bold)))
    document = docx.Document(io.BytesIO(sample_papers["a4"]["docx"]))
    margins = 2 * 0.08 * 72  # Word's default cell margins, in points
    for table in document.tables:
        for column_index, column in enumerate(table.columns):
            words = [word for row in table.rows for word in row.cells[column_index].text.split()]
            widest = max(stringWidth(w, "DejaVuBoldForWidths", 9) for w in words)
            assert column.width.pt >= widest + margins


def test_html_is_one_self_contained_escaped_file(sample_papers):
    page = render(brief_with(HOSTILE), ["html"], marking="OFFICIAL <x>")["html"].decode()
    lowered = page.lower()
    assert (
        "<script" not in lowered
        and "<link" not in lowered
        and " src=" not in lowered
        and "<style" not in lowered
    )
    assert 'href="javascript' not in lowered

    class Text(html.parser.HTMLParser):
        def __init__(self):
            super().__init__()
            self.chunks = []

        def handle_data(self, data):
            self.chunks.append(data)

    parser = Text()
    parser.feed(page)
    text = "".join(parser.chunks)
    assert HOSTILE + " [1]" in text
    assert text.count("OFFICIAL <x>") == 2
    sample = sample_papers["a4"]["html"].decode()
    assert (
        '<a href="https://baoquocte.vn/dien-dam-nga-my-pha-bang-va-han-gan-308229.html"' in sample
    )
    assert sample.count("<li ") >= 20 and "<table" in sample


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_source_date_epoch_sets_the_document_date_and_rebuilds_are_identical(monkeypatch, fmt):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = render(brief_with(WORLD), [fmt], marking="X")[fmt]
    assert first == render(brief_with(WORLD), [fmt], marking="X")[fmt]
    if fmt == "pdf":
        assert (
            pypdf.PdfReader(io.BytesIO(first))
            .metadata["/CreationDate"]
            .startswith("D:20231114221320")
        )
    if fmt == "docx":
        assert docx.Document(io.BytesIO(first)).core_properties.modified == dt.datetime(
            2023, 11, 14, 22, 13, 20, tzinfo=dt.UTC
        )


@pytest.mark.parametrize("news_date", ["2025-03-19", None])
def test_a_brief_says_the_day_it_was_made_apart_from_the_news_date(monkeypatch, news_date):
    """The footer and the document properties say when the brief was made; the news date is
    told as "information as of" (an undated brief says none, and no made-up 2000-01-01)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 14 November 2023
    brief = analyse(
        [
            article(
                "The regional council approved 12 new bus shelters on Monday.",
                "coast.example",
                news_date,
            )
        ],
        load_profile("generic"),
    )
    assert brief.generated == "2023-11-14"
    outputs = render(brief, ["md", "pdf", "docx"])
    footer = outputs["md"].decode() if isinstance(outputs["md"], bytes) else outputs["md"]
    assert "Generated on 14 November 2023 from 1 source" in footer
    assert ("information as of 19 March 2025" in footer) == (news_date is not None)
    assert (
        pypdf.PdfReader(io.BytesIO(outputs["pdf"]))
        .metadata["/CreationDate"]
        .startswith("D:20231114")
    )
    assert docx.Document(io.BytesIO(outputs["docx"])).core_properties.created.date() == dt.date(
        2023, 11, 14
    )
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert (
        analyse(
            [
                article(
                    "The council approved 12 new bus shelters on Monday.",
                    "coast.example",
                    news_date,
                )
            ],
            load_profile("generic"),
        ).generated
        == dt.datetime.now(dt.UTC).date().isoformat()
    )


def test_control_characters_are_dropped_not_fatal():
    text = "Alpha\x00 beta\x0b gamma\ufffe & <delta>"
    outputs = render(brief_with(text), ["docx", "pdf", "html"])
    document = docx.Document(io.BytesIO(outputs["docx"]))
    assert "Alpha beta gamma & <delta> [1]" in [p.text for p in document.paragraphs]
    assert "Alpha beta gamma & <delta>" in " ".join(pdf_text(outputs["pdf"]))
    assert "Alpha beta gamma &amp; &lt;delta&gt;" in outputs["html"].decode()


def empty_reference(tmp_path):
    """A Word file like one saved from an empty document: no Heading 1, no List Bullet, no
    numbering."""
    document = docx.Document()
    document.sections[0].left_margin = Mm(31)
    document.styles["Normal"].font.name = "Georgia"
    for name in ("Heading 1", "List Bullet"):
        element = document.styles[name].element
        element.getparent().remove(element)
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype == RELATIONSHIP_TYPE.NUMBERING:
            document.part.drop_rel(rel_id)
    document.add_paragraph("REFERENCE BODY TEXT")
    path = tmp_path / "reference.docx"
    document.save(path)
    assert "word/numbering.xml" not in zipfile.ZipFile(path).namelist()
    return path


def test_reference_docx_keeps_its_look_and_fills_missing_styles(tmp_path):
    reference = empty_reference(tmp_path)
    with pytest.warns(UserWarning, match="no style Heading 1, List Bullet"):
        data = render(brief_with("Some text."), ["docx"], reference_docx=reference)["docx"]
    document = docx.Document(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    assert "REFERENCE BODY TEXT" not in texts
    assert round(document.sections[0].left_margin.mm) == 31
    assert document.styles["Normal"].font.name == "Georgia"
    styled = [(p.style.name, p.text) for p in document.paragraphs if p.text]
    assert ("Heading 1", "Positive signals") in styled
    bullet = next(p for p in document.paragraphs if p.style.name == "List Bullet")
    assert (
        document.part.numbering_part.element.num_having_numId(bullet._p.pPr.numPr.numId.val)
        is not None
    )


def test_reference_docx_that_is_not_a_docx_is_an_input_error(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_text("not a zip")
    with pytest.raises(InputError, match="bad.docx"):
        render(brief_with("x"), ["docx"], reference_docx=bad)


def test_style_file_overrides_the_shipped_one(tmp_path):
    style_file = tmp_path / "style.yaml"
    style_file.write_text(
        "paper: letter\nmargins: {left: 30}\ncolours: {accent: '#00AA00'}\nsizes: {body: 11}\n"
    )
    style = load_style(style_file)
    assert style.paper == "letter" and style.margins["left"] == 30 and style.margins["right"] == 19
    assert style.colours["accent"] == "#00AA00" and style.sizes["body"] == 11
    assert load_style(style_file, "a4").paper == "a4"
    document = docx.Document(io.BytesIO(render(brief_with("x"), ["docx"], style=style)["docx"]))
    assert round(document.sections[0].left_margin.mm) == 30
    assert document.styles["Heading 1"].font.color.rgb == docx.shared.RGBColor(0, 0xAA, 0)


@pytest.mark.parametrize(
    "text, message",
    [
        ("paper: a5\n", "paper should be one of a4, letter"),
        ("colour: {}\n", "unknown key colour"),
        ("colours: {accent: green}\n", "colours.accent should be #RRGGBB"),
        ("margins: {top: 0}\n", "margins.top should be a number"),
        ("[1, 2]\n", "should be a mapping"),
        (
            "font: {name: 'x; } body { background: url(http://evil/)'}\n",
            "font.name should be a font name",
        ),
    ],
)
def test_bad_style_file_is_an_input_error_naming_the_key(tmp_path, text, message):
    style_file = tmp_path / "style.yaml"
    style_file.write_text(text)
    with pytest.raises(InputError, match=message):
        load_style(style_file)


def test_missing_pdf_font_warns_and_falls_back(tmp_path):
    style_file = tmp_path / "style.yaml"
    style_file.write_text("font: {pdf: [{regular: /nowhere/NoSuchFont.ttf}]}\n")
    with pytest.warns(UserWarning, match="no TrueType font of the style found"):
        data = render(brief_with("Plain Latin text."), ["pdf"], style=load_style(style_file))["pdf"]
    assert "Plain Latin text." in " ".join(pdf_text(data))


def test_cli_typesetting_options(tmp_path):
    out = tmp_path / "out"
    result = run_cli(
        "build",
        INPUTS,
        "-o",
        out,
        "--format",
        "html,pdf",
        "--paper",
        "letter",
        "--marking",
        "SECRET",
    )
    assert result.returncode == 0, result.stderr.decode()
    assert (out / "brief-2025-03-19.html").read_text().count("SECRET") == 2
    bad = tmp_path / "bad.yaml"
    bad.write_text("paper: a3\n")
    result = run_cli("build", INPUTS, "-o", out, "--style", bad)
    assert result.returncode == 2
    assert result.stderr.decode().count("\n") == 1 and "bad.yaml" in result.stderr.decode()


@needs_dejavu
def test_cyrillic_and_vietnamese_sources_render_through_the_cli(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "ru.txt").write_text(
        "Путин и Трамп обсудили прекращение огня\n\n"
        "Президент России Владимир Путин и президент США Дональд Трамп "
        "провели телефонный разговор 18 марта.\n",
        encoding="utf-8",
    )
    (sources / "vi.txt").write_text(
        "Thủ tướng Phạm Minh Chính hoan nghênh “nỗ lực hòa bình”\n\n"
        "Việt Nam ủng hộ đối thoại & hòa bình bền vững.\n",
        encoding="utf-8",
    )
    # The shipped profiles' cues are English; sources in other languages need a profile in theirs.
    profile = tmp_path / "world.yaml"
    profile.write_text(
        "id: world\ntitle: Обзор\nsections:\n"
        "  - {id: bluf, title: Главное, kind: bluf, max_items: 2}\n"
        "  - {id: events, title: События — Sự kiện, kind: bullets, "
        "cues: {разговор*: 2, телефон*: 1, hòa bình: 2, đối thoại: 1}}\n"
        "  - {id: sources, title: Источники, kind: sources}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = run_cli(
        "build",
        sources,
        "-o",
        out,
        "--format",
        "pdf,docx",
        "--date",
        "2025-03-19",
        "--title",
        "Путин — Phạm Minh Chính",
        "--profile",
        profile,
    )
    assert result.returncode == 0, result.stderr.decode()
    reader = pypdf.PdfReader(out / "brief-2025-03-19.pdf")
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Путин и Трамп обсудили прекращение огня" in text
    assert "Thủ tướng Phạm Minh Chính hoan nghênh “nỗ lực hòa bình”" in text
    assert outline_titles(reader)[:3] == ["Путин — Phạm Minh Chính", "Главное", "События — Sự kiện"]
    assert (
        "провели телефонный разговор 18 марта" in text
        and "ủng hộ đối thoại & hòa bình bền vững" in text
    )
    assert b"warning" not in result.stderr
    document = docx.Document(out / "brief-2025-03-19.docx")
    assert document.paragraphs[0].text == "Путин — Phạm Minh Chính"


def test_paper_with_a_reference_docx_says_the_docx_keeps_its_page(tmp_path):
    reference = empty_reference(tmp_path)
    result = run_cli(
        "build", INPUTS, "-o", tmp_path / "out", "--reference-docx", reference, "--paper", "letter"
    )
    assert result.returncode == 0, result.stderr
    assert b"--paper applies to the PDF and HTML only" in result.stderr
    page = docx.Document(tmp_path / "out" / "brief-2025-03-19.docx").sections[0]
    reference_page = docx.Document(reference).sections[0]
    assert (page.page_width, page.page_height) == (
        reference_page.page_width,
        reference_page.page_height,
    )
    letter = pypdf.PdfReader(tmp_path / "out" / "brief-2025-03-19.pdf").pages[0].mediabox
    assert (round(float(letter.width)), round(float(letter.height))) == (612, 792)
