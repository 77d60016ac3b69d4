"""Citations that lead to their Sources entry, source URLs that open, images a user's
template shows, numbered lists that keep their numbers, and a .txt source titled by its
headline: every check reads back the real files (python-docx, pypdf, an HTML parser)."""

from __future__ import annotations

import base64
import io
import os
import re
import shutil
import subprocess
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import docx
import pypdf
import pytest
from docx.oxml.ns import qn
from PIL import Image

from briefgen.errors import InputError
from briefgen.model import Brief, Evidence, Item, Section, Source
from briefgen.read import read_sources
from briefgen.typeset import render
from briefgen.typeset.blocks import parse_blocks
from briefgen.typeset.images import MAX_IMAGE_BYTES
from briefgen.typeset.markdown import shipped_template_dir
from briefgen.typeset.text import render_text
from tests.conftest import INPUTS, run_cli

STEM = "brief-2025-03-19"
URLS = {
    1: "https://baoquocte.vn/dien-dam-nga-my-pha-bang-va-han-gan-308229.html",
    2: "https://thanhnien.vn/thach-thuc-cho-hoa-binh-ukraine-185250319231528664.htm",
}


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> dict[str, bytes]:
    """The sample brief as DOCX, PDF, HTML and Markdown, built once by the real CLI."""
    out = tmp_path_factory.mktemp("links")
    result = run_cli("build", INPUTS, "-o", out, "--format", "docx,pdf,html,md", "-q")
    assert result.returncode == 0, result.stderr.decode()
    return {fmt: (out / f"{STEM}.{fmt}").read_bytes() for fmt in ("docx", "pdf", "html", "md")}


# --- citations and source links ------------------------------------------------------


def _docx_xml(data: bytes, part: str = "word/document.xml") -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(part).decode("utf-8")


def test_docx_citations_are_internal_links_to_bookmarked_sources(sample):
    document = docx.Document(io.BytesIO(sample["docx"]))
    body = document.element.body
    anchors = [link.get(qn("w:anchor")) for link in body.iter(qn("w:hyperlink"))]
    anchors = [a for a in anchors if a]
    assert set(anchors) == {"src_1", "src_2"}
    # Each citation reads "[n]" and leads to bookmark src_n.
    for link in body.iter(qn("w:hyperlink")):
        if link.get(qn("w:anchor")):
            text = "".join(t.text for t in link.iter(qn("w:t")))
            assert f"src_{text.strip('[]')}" == link.get(qn("w:anchor"))
    # The bookmarks sit on the Sources entries, around their "[n]".
    marked = {}
    for paragraph in document.paragraphs:
        for start in paragraph._p.iter(qn("w:bookmarkStart")):
            marked[start.get(qn("w:name"))] = paragraph
    assert set(marked) == {"src_1", "src_2"}
    for n in (1, 2):
        assert marked[f"src_{n}"].style.name == "Brief Source"
        assert marked[f"src_{n}"].text.startswith(f"[{n}] ")
    ids = [s.get(qn("w:id")) for s in body.iter(qn("w:bookmarkStart"))]
    assert sorted(ids) == sorted({e.get(qn("w:id")) for e in body.iter(qn("w:bookmarkEnd"))})


def test_docx_source_entries_link_their_urls(sample):
    rels = _docx_xml(sample["docx"], "word/_rels/document.xml.rels")
    document = docx.Document(io.BytesIO(sample["docx"]))
    for n, url in URLS.items():
        entry = next(p for p in document.paragraphs if p.text.startswith(f"[{n}] "))
        links = entry._p.iter(qn("w:hyperlink"))
        rel_ids = [link.get(qn("r:id")) for link in links if link.get(qn("r:id"))]
        assert len(rel_ids) == 1
        assert re.search(rf'Id="{rel_ids[0]}"[^>]*Target="{re.escape(url)}"', rels) or re.search(
            rf'Target="{re.escape(url)}"[^>]*Id="{rel_ids[0]}"', rels
        )


def _page_of(reader: pypdf.PdfReader, needle: str) -> int:
    return next(i for i, page in enumerate(reader.pages) if needle in page.extract_text())


def test_pdf_citations_go_to_the_sources_page_and_urls_open(sample):
    reader = pypdf.PdfReader(io.BytesIO(sample["pdf"]))
    page_numbers = {page.indirect_reference.idnum: i for i, page in enumerate(reader.pages)}
    sources_page = _page_of(reader, "[1] baoquocte.vn")
    assert sources_page == len(reader.pages) - 1 > 0  # the sample runs to two pages
    goto, uris = [], []
    for index, page in enumerate(reader.pages):
        for annotation in page.get("/Annots", []):
            annotation = annotation.get_object()
            assert annotation["/Subtype"] == "/Link"
            if "/Dest" in annotation:
                goto.append((index, annotation["/Dest"]))
            else:
                action = annotation["/A"]
                assert action["/S"] == "/URI"
                uris.append((index, action["/URI"]))
    assert any(index < sources_page for index, _ in goto)  # a citation on an earlier page
    assert {page_numbers[dest[0].idnum] for _, dest in goto} == {sources_page}
    # One place per source: entry 1 stands above entry 2 on the page.
    tops = sorted({float(dest[3]) for _, dest in goto}, reverse=True)
    assert len(tops) == 2
    assert sorted(uris) == [(sources_page, URLS[1]), (sources_page, URLS[2])]


def test_pdf_bookmarks_point_at_the_page_their_heading_is_on(sample):
    reader = pypdf.PdfReader(io.BytesIO(sample["pdf"]))
    entries = {}

    def walk(outline) -> None:
        for entry in outline:
            if isinstance(entry, list):
                walk(entry)
            else:
                entries[entry.title] = entry

    walk(reader.outline)
    assert reader.get_destination_page_number(entries["Sources"]) == _page_of(
        reader, "[1] baoquocte.vn"
    )
    assert reader.get_destination_page_number(entries["Bottom line up front"]) == 0


class _Links(HTMLParser):
    """Every href and id of a page, and the text of the element each id is on."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []
        self.ids: dict[str, str] = {}
        self.images: list[dict[str, str]] = []
        self._open: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        attrs = dict(attrs)
        if tag == "a":
            self.hrefs.append(attrs.get("href") or "")
        if tag == "img":
            self.images.append(attrs)
        if "id" in attrs:
            self.ids[attrs["id"]] = ""
            self._open.append(attrs["id"])

    def handle_endtag(self, tag) -> None:
        if tag == "span" and self._open:
            self._open.pop()

    def handle_data(self, data) -> None:
        for name in self._open:
            self.ids[name] += data


def _html_links(data: bytes) -> _Links:
    parser = _Links()
    parser.feed(data.decode("utf-8"))
    return parser


def test_html_citations_link_to_source_ids_and_urls(sample):
    page = _html_links(sample["html"])
    internal = [h for h in page.hrefs if h.startswith("#")]
    assert set(internal) == {"#src-1", "#src-2"}
    assert page.ids == {"src-1": "[1]", "src-2": "[2]"}
    assert set(URLS.values()) <= set(page.hrefs)


def test_markdown_citations_read_as_numbers(sample):
    markdown = sample["md"].decode("utf-8")
    assert "[[1]](#src-1)" in markdown and "[[1]]{#src-1} baoquocte.vn" in markdown
    text = render_text(parse_blocks(markdown))  # what the plain-text email shows
    assert "#src" not in text and "{#" not in text
    assert re.search(r"\[1\] baoquocte\.vn", text)
    assert re.search(r"\. \[1\]\[2\]", text)


def test_citations_without_a_sources_entry_stay_plain_text(tmp_path):
    (tmp_path / "brief.md.j2").write_text(
        "# {{ brief.title | md }}\n\n"
        "{% for item in brief.sections[0]['items'] %}- {{ item.text | md }} "
        "{{ item.sources | cite }}\n{% endfor %}\n",
        encoding="utf-8",
    )
    out = render(_brief(), ["docx", "pdf", "html"], template_dir=tmp_path)
    assert "w:hyperlink" not in _docx_xml(out["docx"])
    reader = pypdf.PdfReader(io.BytesIO(out["pdf"]))
    assert "Ferries sail again. [1]" in reader.pages[0].extract_text()
    assert not reader.pages[0].get("/Annots")
    assert 'href="#' not in out["html"].decode()


# --- images and numbered lists in a user's template ---------------------------------


def _brief() -> Brief:
    item = Item("Ferries sail again.", "positive", [1], [Evidence(1, "Ferries sail again.")])
    return Brief(
        title="Arlen ferries",
        date="2025-06-02",
        profile="test",
        profile_title="Brief",
        sections=[
            Section("positive", "Positive signals", "bullets", [item]),
            Section("sources", "Sources", "sources"),
        ],
        sources=[Source(1, "a.example", "Ferries resume", "2025-06-02", "https://a.example/1")],
    )


def _image(path: Path, size: tuple[int, int], fmt: str = "PNG", dpi: int = 72) -> bytes:
    Image.new("RGB", size, (31, 78, 121)).save(path, fmt, dpi=(dpi, dpi))
    return path.read_bytes()


def _template(folder: Path, image_line: str) -> Path:
    """The shipped brief template with ``image_line`` above the title and a numbered list."""
    folder.mkdir(exist_ok=True)
    shipped = (shipped_template_dir() / "brief.md.j2").read_text(encoding="utf-8")
    head, title = shipped.split("# {{ brief.title | md }}", 1)
    numbered = "\n\n1. Read the bottom line\n2. Check the sources\n3. Reply by noon\n\n"
    (folder / "brief.md.j2").write_text(
        f"{head}{image_line}\n\n# {{{{ brief.title | md }}}}{numbered}{title}", encoding="utf-8"
    )
    return folder


def test_template_image_is_shown_in_docx_pdf_and_html(tmp_path):
    folder = _template(tmp_path / "mine", "![Office logo](logo.png)")
    logo = _image(folder / "logo.png", (120, 40))
    out = render(_brief(), ["docx", "pdf", "html"], template_dir=folder)

    document = docx.Document(io.BytesIO(out["docx"]))
    assert len(document.inline_shapes) == 1
    shape = document.inline_shapes[0]
    assert (shape.width.pt, shape.height.pt) == pytest.approx((120, 40))  # 72 dpi: 1 px, 1 pt
    assert shape._inline.docPr.get("descr") == "Office logo"

    reader = pypdf.PdfReader(io.BytesIO(out["pdf"]))
    images = reader.pages[0].images
    assert len(images) == 1 and images[0].image.size == (120, 40)

    page = _html_links(out["html"])
    (img,) = page.images
    assert img["alt"] == "Office logo"
    assert img["src"] == "data:image/png;base64," + base64.b64encode(logo).decode("ascii")


def test_wide_jpeg_is_scaled_to_the_text_width(tmp_path):
    folder = _template(tmp_path / "mine", "![Letterhead](art/letterhead.jpg)")
    (folder / "art").mkdir()
    _image(folder / "art" / "letterhead.jpg", (3000, 300), "JPEG")
    out = render(_brief(), ["docx", "pdf", "html"], template_dir=folder)
    document = docx.Document(io.BytesIO(out["docx"]))
    section = document.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    shape = document.inline_shapes[0]
    assert abs(shape.width - text_width) < 12700  # within a point of the text width
    assert shape.height == pytest.approx(shape.width / 10, rel=0.01)  # shape kept
    pdf_page = pypdf.PdfReader(io.BytesIO(out["pdf"])).pages[0]
    assert len(pdf_page.images) == 1
    assert "data:image/jpeg;base64," in out["html"].decode()


def test_template_image_output_is_reproducible(tmp_path):
    folder = _template(tmp_path / "mine", "![Office logo](logo.png)")
    _image(folder / "logo.png", (60, 20))
    first = render(_brief(), ["docx", "pdf", "html"], template_dir=folder)
    assert render(_brief(), ["docx", "pdf", "html"], template_dir=folder) == first


def test_numbered_list_keeps_its_numbers_in_the_pdf(tmp_path):
    folder = _template(tmp_path / "mine", "")
    out = render(_brief(), ["pdf", "html", "docx"], template_dir=folder)
    text = pypdf.PdfReader(io.BytesIO(out["pdf"])).pages[0].extract_text()
    steps = ("Read the bottom line", "Check the sources", "Reply by noon")
    for number, words in enumerate(steps, 1):
        assert re.search(rf"{number}\.\s*{words}", text), text
    assert "<ol" in out["html"].decode()
    document = docx.Document(io.BytesIO(out["docx"]))
    assert [p.style.name for p in document.paragraphs if p.text == "Check the sources"] == [
        "List Number"
    ]


@pytest.mark.parametrize(
    "image_line, setup, reason",
    [
        ("![logo](https://example.com/logo.png)", None, "not a URL"),
        ("![logo](missing.png)", None, "no such file"),
        ("![logo](../outside.png)", "outside", "outside the template folder"),
        ("![logo](logo.png)", "not-image", "not a PNG or JPEG image"),
        ("![logo](logo.gif)", "gif", "not a PNG or JPEG image"),
        ("![logo](logo.png)", "too-big", f"over the {MAX_IMAGE_BYTES // 1_000_000} MB limit"),
    ],
)
def test_template_images_refused_with_one_line_naming_the_image(
    tmp_path, image_line, setup, reason
):
    folder = _template(tmp_path / "mine", image_line)
    if setup == "outside":
        _image(tmp_path / "outside.png", (10, 10))
    elif setup == "not-image":
        (folder / "logo.png").write_text("not an image", encoding="utf-8")
    elif setup == "gif":
        _image(folder / "logo.gif", (10, 10), "GIF")
    elif setup == "too-big":
        (folder / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * MAX_IMAGE_BYTES)
    with pytest.raises(InputError) as refused:
        render(_brief(), ["html"], template_dir=folder)
    message = str(refused.value)
    assert "\n" not in message and reason in message
    assert message.startswith("template image ")
    assert Path(image_line.split("(", 1)[1].rstrip(")")).name in message  # names the image


# --- a .txt source titled by its headline -----------------------------------------

BODY = (
    "Negotiators from both countries agreed on Tuesday to extend the grain corridor by "
    "120 days, officials said.\n\n"
    "The next round of talks is expected in June, officials said.\n"
)


@pytest.mark.parametrize(
    "headline",
    [
        "Telegram founder Durov charged in France",  # words a promotion uses
        "Join NATO or face Russia alone, Zelensky warns",  # opens like a call to action
        "Watch: Putin and Trump talk for two hours",  # a video kicker
    ],
)
def test_txt_source_is_titled_by_its_headline_line(tmp_path, headline):
    path = tmp_path / "outlet-2025-03-19.txt"
    path.write_text(f"{headline}\n\n{BODY}", encoding="utf-8")
    (article,) = read_sources([str(path)])
    assert article.title == headline
    assert headline not in article.text
    assert article.text.startswith("Negotiators from both countries")


def test_txt_headline_titles_the_sources_entry_of_the_brief(tmp_path):
    headline = "Telegram founder Durov charged in France"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "outlet-2025-03-19.txt").write_text(f"{headline}\n\n{BODY}", "utf-8")
    result = run_cli("build", tmp_path / "in", "-o", tmp_path / "out", "--format", "md", "-q")
    assert result.returncode == 0, result.stderr.decode()
    markdown = (tmp_path / "out" / f"{STEM}.md").read_text(encoding="utf-8")
    entry = next(line for line in markdown.splitlines() if line.startswith("[[1]]{#src-1}"))
    assert f"“{headline}”" in entry


def test_site_furniture_on_the_first_line_is_still_no_title(tmp_path):
    path = tmp_path / "outlet-2025-03-19.txt"
    path.write_text(f"Sign up for our newsletter\n\n{BODY}", encoding="utf-8")
    (article,) = read_sources([str(path)])
    assert article.title.startswith("Negotiators from both countries")
    assert "newsletter" not in article.text


@pytest.mark.skipif(
    shutil.which("libreoffice") is None, reason="LibreOffice is not installed (optional check)"
)
def test_libreoffice_reads_each_citation_as_a_link_to_its_source(sample, tmp_path):
    # Word and LibreOffice follow a w:hyperlink's anchor to the bookmark of that name; what
    # LibreOffice made of them shows in the document it converts the DOCX to.
    (tmp_path / "brief.docx").write_bytes(sample["docx"])
    subprocess.run(
        [
            "libreoffice",
            "--headless",
            "--convert-to",
            "odt",
            "--outdir",
            str(tmp_path),
            str(tmp_path / "brief.docx"),
        ],
        capture_output=True,
        timeout=180,
        check=True,
        env={**os.environ, "HOME": str(tmp_path)},  # a profile of its own: no user's settings
    )
    with zipfile.ZipFile(tmp_path / "brief.odt") as odt:
        content = odt.read("content.xml").decode("utf-8")
    links = set(re.findall(r'<text:a [^>]*xlink:href="#(src_\d+)"', content))
    marks = set(re.findall(r'<text:bookmark(?:-start)? text:name="(src_\d+)"', content))
    assert links == marks == {"src_1", "src_2"}
