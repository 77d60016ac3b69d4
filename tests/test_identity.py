"""The office's identity: a reference DOCX's own letterhead kept, and the style file's logo,
organisation, author and handling line in the DOCX, PDF and HTML, written and read back."""

import base64
import io
import re
import struct
import zipfile
import zlib

import docx
import pypdf
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.shared import Mm

import briefgen
from briefgen import RenderOptions
from briefgen.errors import InputError
from briefgen.typeset.images import MAX_SIDE_PX as LOGO_MAX_SIDE_PX
from briefgen.typeset.style import LOGO_MAX_BYTES, STYLE_SCHEMA, load_style
from tests.conftest import INPUTS, run_cli

ORGANISATION = "Ministry of Examples, Policy Planning Unit"
AUTHOR = "J. Analyst"
HANDLING = "For internal distribution only"
LETTERHEAD = "Office of Letterheads · 1 Example Street"
FIRST_PAGE = "FIRST PAGE LETTERHEAD"
EVEN_PAGE = "EVEN PAGE LETTERHEAD"
REFERENCE_FOOTER = "Letterhead footer: switchboard 000 0000"
FORMATS = ("docx", "pdf", "html")


def png(width: int, height: int, rgb: tuple[int, int, int] = (31, 78, 121)) -> bytes:
    """A one-colour RGB PNG, written by hand (signature, IHDR, IDAT, IEND)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    row = b"\x00" + bytes(rgb) * width  # filter byte "none", then the pixels
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )


LOGO = png(120, 40)


@pytest.fixture(scope="module")
def sample_brief():
    """The sample brief, analysed once for the module."""
    return briefgen.extract([INPUTS])


def write_style(folder, logo: bytes | None = LOGO, logo_name: str = "logo.png", **keys) -> str:
    """A style file in ``folder`` with ``logo`` beside it (named relative to the file) and
    the identity keys given; returns its path."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = [f"{key}: {value}" for key, value in keys.items()]
    if logo is not None:
        (folder / logo_name).write_bytes(logo)
        lines.append(f"logo: {logo_name}")
    path = folder / "office.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def render_files(brief, out, **options) -> dict[str, bytes]:
    paths = briefgen.render(brief, out, RenderOptions(formats=FORMATS, **options))
    return {path.suffix[1:]: path.read_bytes() for path in paths}


@pytest.fixture(scope="module")
def identity_files(sample_brief, tmp_path_factory):
    """The sample brief in DOCX, PDF and HTML with a style giving all four identity keys;
    the style file lives in a folder of its own, so the logo is found relative to it."""
    folder = tmp_path_factory.mktemp("identity")
    style = write_style(
        folder / "office",
        organisation=ORGANISATION,
        author=AUTHOR,
        handling=HANDLING,
    )
    return render_files(sample_brief, folder / "out", style_file=style)


def header_images(part) -> list[bytes]:
    """The bytes of the pictures a header or footer part relates to."""
    return [
        rel.target_part.blob for rel in part.rels.values() if rel.reltype == RELATIONSHIP_TYPE.IMAGE
    ]


def drawings(header) -> int:
    return len(header._element.xpath(".//w:drawing"))


# ---- the reference document's own header and footer -----------------------------------


def letterhead_reference(path, first_page: bool = True, footer: bool = True, even: bool = False):
    """A Word file like an office's letterhead: a default header with text and a logo, a
    first-page header, a footer, and body text that must not survive."""
    document = docx.Document()
    section = document.sections[0]
    section.left_margin = Mm(31)
    header = section.header
    header.is_linked_to_previous = False
    header.paragraphs[0].text = LETTERHEAD
    header.add_paragraph().add_run().add_picture(io.BytesIO(LOGO), width=Mm(30))
    if first_page:
        section.different_first_page_header_footer = True
        section.first_page_header.is_linked_to_previous = False
        section.first_page_header.paragraphs[0].text = FIRST_PAGE
    if footer:
        section.footer.is_linked_to_previous = False
        section.footer.paragraphs[0].text = REFERENCE_FOOTER
    if even:
        document.settings.odd_and_even_pages_header_footer = True
        section.even_page_header.is_linked_to_previous = False
        section.even_page_header.paragraphs[0].text = EVEN_PAGE
    document.add_paragraph("REFERENCE BODY TEXT")
    document.save(path)
    return path


def test_reference_docx_keeps_its_letterhead_with_its_logo(sample_brief, tmp_path):
    reference = letterhead_reference(tmp_path / "letterhead.docx")
    out = render_files(sample_brief, tmp_path / "out", reference_docx=reference)["docx"]
    document = docx.Document(io.BytesIO(out))
    section = document.sections[0]
    header_text = "\n".join(p.text for p in section.header.paragraphs)
    assert LETTERHEAD in header_text
    assert sample_brief.title not in header_text, "ours is not added over theirs"
    assert header_images(section.header.part) == [LOGO], "the logo's part came along"
    assert drawings(section.header) == 1
    assert section.different_first_page_header_footer
    assert [p.text for p in section.first_page_header.paragraphs] == [FIRST_PAGE]
    assert [p.text for p in section.footer.paragraphs] == [REFERENCE_FOOTER]
    assert "REFERENCE BODY TEXT" not in [p.text for p in document.paragraphs]
    assert round(section.left_margin.mm) == 31
    names = zipfile.ZipFile(io.BytesIO(out)).namelist()
    assert sum(name.startswith("word/media/") for name in names) == 1


def test_marking_is_added_to_a_kept_letterhead(sample_brief, tmp_path):
    """A protective marking is on every page: over the reference's header, under its footer."""
    reference = letterhead_reference(tmp_path / "letterhead.docx")
    out = render_files(sample_brief, tmp_path / "out", reference_docx=reference, marking="SECRET")
    section = docx.Document(io.BytesIO(out["docx"])).sections[0]
    assert [p.text for p in section.header.paragraphs][:2] == ["SECRET", LETTERHEAD]
    assert [p.text for p in section.first_page_header.paragraphs] == ["SECRET", FIRST_PAGE]
    assert [p.text for p in section.footer.paragraphs] == [REFERENCE_FOOTER, "SECRET"]
    assert header_images(section.header.part) == [LOGO]


def test_reference_docx_without_a_footer_gets_ours_under_its_header(sample_brief, tmp_path):
    reference = letterhead_reference(tmp_path / "header-only.docx", first_page=False, footer=False)
    out = render_files(sample_brief, tmp_path / "out", reference_docx=reference)["docx"]
    section = docx.Document(io.BytesIO(out)).sections[0]
    assert LETTERHEAD in "\n".join(p.text for p in section.header.paragraphs)
    assert not section.different_first_page_header_footer
    footer_xml = section.footer._element.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml, "our Page X of Y"


def test_reference_docx_keeps_its_even_page_header(sample_brief, tmp_path):
    reference = letterhead_reference(tmp_path / "even.docx", first_page=False, even=True)
    out = render_files(sample_brief, tmp_path / "out", reference_docx=reference)["docx"]
    document = docx.Document(io.BytesIO(out))
    assert document.settings.odd_and_even_pages_header_footer
    assert [p.text for p in document.sections[0].even_page_header.paragraphs] == [EVEN_PAGE]


def test_reference_docx_first_page_switch_with_nothing_in_it_is_turned_off(sample_brief, tmp_path):
    """Word's "different first page" on with an empty first-page header would leave the
    first page without any header: ours goes on every page instead."""
    document = docx.Document()
    document.sections[0].different_first_page_header_footer = True
    document.save(tmp_path / "blank-first.docx")
    out = render_files(sample_brief, tmp_path / "out", reference_docx=tmp_path / "blank-first.docx")
    section = docx.Document(io.BytesIO(out["docx"])).sections[0]
    assert not section.different_first_page_header_footer
    assert sample_brief.title[:40] in "\n".join(p.text for p in section.header.paragraphs)


def test_reference_letterhead_wins_over_the_style_logo_but_not_the_handling_line(
    sample_brief, tmp_path
):
    reference = letterhead_reference(tmp_path / "letterhead.docx")
    other_logo = png(60, 60, (200, 0, 0))
    style = write_style(tmp_path / "style", logo=other_logo, handling=HANDLING, author=AUTHOR)
    out = render_files(sample_brief, tmp_path / "out", reference_docx=reference, style_file=style)
    document = docx.Document(io.BytesIO(out["docx"]))
    section = document.sections[0]
    assert header_images(section.header.part) == [LOGO]
    assert [p.text for p in section.footer.paragraphs] == [REFERENCE_FOOTER]
    assert document.paragraphs[0].text == HANDLING
    assert document.core_properties.author == AUTHOR


# ---- the style file's logo, organisation, author and handling line ----------------------


def test_docx_header_has_the_logo_and_organisation(identity_files):
    document = docx.Document(io.BytesIO(identity_files["docx"]))
    header = document.sections[0].header
    assert header_images(header.part) == [LOGO]
    assert drawings(header) == 1
    description = header._element.xpath(".//wp:docPr/@descr")
    assert description == [ORGANISATION], "the picture's alternative text"
    assert ORGANISATION in "\n".join(p.text for p in header.paragraphs)
    footer = "\n".join(p.text for p in document.sections[0].footer.paragraphs)
    assert footer.startswith(AUTHOR + "\t")
    assert document.core_properties.author == AUTHOR
    first = next(p for p in document.paragraphs if p.text)
    assert first.text == HANDLING
    assert [p.text for p in document.paragraphs].count(HANDLING) == 1


def test_pdf_has_the_logo_on_every_page_and_the_handling_line_on_the_first(identity_files):
    reader = pypdf.PdfReader(io.BytesIO(identity_files["pdf"]))
    assert reader.metadata.author == AUTHOR
    assert len(reader.pages) >= 2
    for number, page in enumerate(reader.pages):
        images = page.images
        assert len(images) == 1, f"page {number + 1}: the logo"
        assert (images[0].image.width, images[0].image.height) == (120, 40)
        text = page.extract_text()
        assert ORGANISATION in text and AUTHOR in text
        assert (HANDLING in text) == (number == 0), "the handling line: first page only"


def test_pdf_header_grows_to_hold_the_logo_between_marking_and_title_line(sample_brief, tmp_path):
    """With the marking at the top, the logo sits under it, over the running title line,
    and the text starts under that: the header is made taller rather than overlapping."""
    style = write_style(tmp_path / "office", organisation=ORGANISATION, handling=HANDLING)
    out = render_files(sample_brief, tmp_path / "out", style_file=style, marking="OFFICIAL")
    page = pypdf.PdfReader(io.BytesIO(out["pdf"])).pages[0]
    logo: list[float] = []  # bottom, top
    lines: dict[str, float] = {}  # each line's text → its baseline

    def visit(operator, operands, cm, tm):
        if operator == b"Do":  # an image fills the unit square the matrix maps
            logo.extend([cm[5], cm[5] + cm[3]])

    def visit_text(text, cm, tm, font, size):
        if text.strip():
            lines.setdefault(text.strip(), tm[5] * cm[3] + cm[5])

    page.extract_text(visitor_operand_before=visit, visitor_text=visit_text)
    # The running title line ends with the date at the right, a line of its own.
    marking, title_line, handling = lines["OFFICIAL"], lines["19 March 2025"], lines[HANDLING]
    bottom, top = logo
    assert top < marking - 3, "the logo clears the marking over it"
    assert bottom > title_line + 8, "and the running title line under it"
    assert handling < title_line - 12, "the text starts under the header"


def test_html_banner_embeds_the_logo_and_names_the_office(identity_files):
    page = identity_files["html"].decode("utf-8")
    top = page[: page.index("<h1")]
    banner = re.search(r'<div role="banner"[^>]*>(.*?)</div>', top)
    assert banner, "the letterhead comes before the title"
    encoded = re.search(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"', banner[1])
    assert encoded and base64.b64decode(encoded[1]) == LOGO
    assert ORGANISATION in banner[1]
    assert HANDLING in top
    assert f'<meta name="author" content="{AUTHOR}">' in page
    assert AUTHOR in page[page.index("<h1") :], "the author at the foot"


def test_identity_output_is_byte_for_byte_reproducible(sample_brief, identity_files, tmp_path):
    style = write_style(
        tmp_path / "office", organisation=ORGANISATION, author=AUTHOR, handling=HANDLING
    )
    again = render_files(sample_brief, tmp_path / "out", style_file=style)
    assert again == identity_files


def test_jpeg_logo_in_every_format(sample_brief, tmp_path):
    from PIL import Image  # installed with reportlab

    jpeg = io.BytesIO()
    Image.new("RGB", (80, 40), (31, 78, 121)).save(jpeg, "JPEG")
    style = write_style(tmp_path / "office", logo=jpeg.getvalue(), logo_name="crest.jpg")
    out = render_files(sample_brief, tmp_path / "out", style_file=style)
    header = docx.Document(io.BytesIO(out["docx"])).sections[0].header
    assert header_images(header.part) == [jpeg.getvalue()]
    assert len(pypdf.PdfReader(io.BytesIO(out["pdf"])).pages[0].images) == 1
    assert "data:image/jpeg;base64," in out["html"].decode()


def test_without_identity_keys_nothing_is_added(sample_brief, tmp_path):
    out = render_files(sample_brief, tmp_path / "out")
    document = docx.Document(io.BytesIO(out["docx"]))
    assert drawings(document.sections[0].header) == 0
    assert document.core_properties.author == "briefgen"
    assert document.paragraphs[0].style.name == "Title"
    footer = "\n".join(p.text for p in document.sections[0].footer.paragraphs)
    assert footer.startswith("Page "), "no author printed"
    assert not pypdf.PdfReader(io.BytesIO(out["pdf"])).pages[0].images
    page = out["html"].decode()
    assert 'role="banner"' not in page and "data:image" not in page


# ---- bad settings: one line naming the file and the reason ------------------------------


def style_error(path) -> str:
    with pytest.raises(InputError) as caught:
        load_style(path)
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_missing_logo_is_an_input_error_naming_it(tmp_path):
    path = tmp_path / "office.yaml"
    path.write_text("logo: nowhere/logo.png\n")
    message = style_error(path)
    assert str(tmp_path / "nowhere" / "logo.png") in message and "no such file" in message


def test_logo_that_is_not_an_image_is_an_input_error(tmp_path):
    path = write_style(tmp_path, logo=b"%PDF-1.4 this is no picture\n" * 20)
    message = style_error(path)
    assert str(tmp_path / "logo.png") in message and "not a PNG or JPEG image" in message


def test_logo_of_another_image_format_is_refused(tmp_path):
    from PIL import Image

    gif = io.BytesIO()
    Image.new("RGB", (10, 10)).save(gif, "GIF")
    message = style_error(write_style(tmp_path, logo=gif.getvalue(), logo_name="logo.gif"))
    assert "logo.gif" in message and "GIF" in message and "PNG or JPEG" in message


def test_truncated_logo_is_an_input_error(tmp_path):
    message = style_error(write_style(tmp_path, logo=png(200, 200)[:60]))
    assert str(tmp_path / "logo.png") in message


def test_logo_over_the_byte_limit_is_refused(tmp_path):
    # A real PNG, made big by a private ancillary chunk that decoders skip.
    padding = b"x" * LOGO_MAX_BYTES
    chunk = struct.pack(">I", len(padding)) + b"prVt" + padding + b"\0\0\0\0"
    big = LOGO[:-12] + chunk + LOGO[-12:]
    message = style_error(write_style(tmp_path, logo=big))
    assert str(tmp_path / "logo.png") in message and "MB limit" in message


def test_logo_over_the_pixel_limit_is_refused(tmp_path):
    message = style_error(write_style(tmp_path, logo=png(LOGO_MAX_SIDE_PX + 1, 2)))
    assert f"{LOGO_MAX_SIDE_PX + 1}×2 pixels" in message and str(LOGO_MAX_SIDE_PX) in message


def test_bad_logo_stops_the_cli_with_one_line_and_nothing_written(tmp_path):
    style = tmp_path / "office.yaml"
    style.write_text("logo: missing.png\norganisation: Office\n")
    result = run_cli("build", INPUTS, "-o", tmp_path / "out", "--style", style)
    assert result.returncode == 2
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and "missing.png" in lines[0] and "no such file" in lines[0]
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


@pytest.mark.parametrize(
    "text, problem",
    [
        ("organization: Office\n", "unknown key organization; did you mean organisation?"),
        ("handling: [a, b]\n", "handling should be text"),
        ("author: " + "x" * 201 + "\n", "author should be at most 200 characters, not 201"),
        ("logo: 7\n", "logo should be the path of a PNG or JPEG file"),
    ],
)
def test_identity_keys_are_checked_by_the_schema(tmp_path, text, problem):
    path = tmp_path / "office.yaml"
    path.write_text(text)
    assert problem in style_error(path)


def test_identity_keys_are_described_in_the_schema():
    for key in ("logo", "organisation", "author", "handling"):
        assert len(STYLE_SCHEMA["properties"][key]["title"]) > 40, key
        assert STYLE_SCHEMA["properties"][key]["description"].startswith("should"), key
