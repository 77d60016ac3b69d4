"""Injection: what a source says is shown, never run (Markdown, JSON, DOCX, PDF, HTML).

Template syntax, markup of every writer (HTML tags, reportlab's <para>, XML entities and
CDATA ends) and Markdown syntax go into a real source file (headline, body, file name,
URL trailer) and into the options and an edited brief JSON.  Each must come out
literally in every format, and no output may carry a javascript: (or other non-http)
link or anything a template evaluated.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import docx
import pypdf
import pytest

from briefgen.model import brief_from_json, brief_to_json
from briefgen.typeset.blocks import parse_blocks
from tests.conftest import run_cli

HOSTILE = [
    "{{ 7*7 }}",
    "{% include '/etc/passwd' %}",
    "{{ config.__class__ }}",
    "<b>bold</b>",
    "<para>p</para>",
    "<script>alert(1)</script>",
    "&amp;",
    "&lt;x&gt;",
    "]]>",
    "<![CDATA[x",
    "# not a heading",
    "| a | b |",
    "*star* and _under_",
    "[x](javascript:alert(1))",
    "<javascript:alert(2)>",
    "![img](http://127.0.0.1/x.png)",
    "`code`",
    "\\escaped\\",
    "~~strike~~",
]
ALL_HOSTILE = " ".join(HOSTILE)
ARTICLE = f"""Ceasefire talks {ALL_HOSTILE} resume in Geneva
# not a heading either
Negotiators agreed on a ceasefire for 30 days on Tuesday, officials said of the plan called \
{ALL_HOSTILE} by critics.
The positive talks on the energy truce and a prisoner exchange of 175 soldiers will continue next \
week, the Kremlin said, while {ALL_HOSTILE} was rejected as an obstacle.
"We will not accept {{{{ 7*7 }}}} or <script>alert(1)</script> demands," President Volodymyr \
Zelensky said on Wednesday.
Source: https://example.com/2025/03/19/talks?a=1&b=<2>"x)](javascript:alert(3))
"""
FORMATS = "docx,pdf,md,json,html"


def _squash(text: str) -> str:
    """Text without whitespace: PDF extraction breaks lines where the layout did."""
    return "".join(text.split())


def _docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    furniture = [
        p.text for s in document.sections for part in (s.header, s.footer) for p in part.paragraphs
    ]
    return "\n".join([p.text for p in document.paragraphs] + cells + furniture)


def _docx_links(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        rels = "".join(z.read(n).decode() for n in z.namelist() if n.endswith(".rels"))
    return [m for m in re.findall(r'Target="([^"]*)"[^>]*TargetMode="External"', rels)]


def _pdf_text_and_links(data: bytes) -> tuple[str, list[str]]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    links = []
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            if "/Dest" in annot.get_object():
                continue  # a citation: a place in the document, no action at all
            action = annot.get_object().get("/A") or {}
            links.append(str(action.get("/URI", action.get("/S", ""))))
    return "\n".join(page.extract_text() for page in reader.pages), links


class _HTMLInventory(HTMLParser):
    """The text, tags, attributes and links of an HTML page, as a browser would parse it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append(tag)
        self.attributes.extend((name, value or "") for name, value in attrs)

    def handle_data(self, data) -> None:
        self.text.append(data)


def _html_inventory(data: bytes) -> _HTMLInventory:
    page = _HTMLInventory()
    page.feed(data.decode("utf-8"))
    page.close()
    return page


def _md_text_and_links(data: bytes) -> tuple[str, list[str]]:
    blocks = parse_blocks(data.decode("utf-8"))
    runs = [r for b in blocks for r in b.runs] + [
        r for b in blocks for row in b.rows for cell in row for r in cell
    ]
    return "\n".join("".join(r.text for r in b.runs) for b in blocks) + "\n" + " ".join(
        r.text for r in runs
    ), [r.href for r in runs if r.href]


def _strings(value) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [value] if isinstance(value, str) else []


def _assert_safe_links(links: list[str], where: str) -> None:
    for href in links:
        if re.fullmatch(r"#src-\d+", href):
            continue  # a citation, linking to its Sources entry
        # javascript: inside an http(s) URL's path or query is inert; only the scheme runs.
        assert re.match(r"https?://[^\s]", href, re.I), f"{where}: non-http link {href!r}"


def _check_outputs(out: Path, name: str, must_show: list[str]) -> None:
    files = {fmt: (out / f"{name}.{fmt}").read_bytes() for fmt in FORMATS.split(",")}
    docx_text = _docx_text(files["docx"])
    pdf_text, pdf_links = _pdf_text_and_links(files["pdf"])
    md_text, md_links = _md_text_and_links(files["md"])
    json_text = files["json"].decode("utf-8")
    page = _html_inventory(files["html"])
    html_text = "".join(page.text)
    brief = brief_from_json(json_text)
    assert brief_to_json(brief) == json_text
    for token in must_show:
        assert token in docx_text, f"docx lost {token!r}"
        assert token in md_text, f"md lost {token!r}"
        assert token in html_text, f"html lost {token!r}"
        assert _squash(token) in _squash(pdf_text), f"pdf lost {token!r}"
        assert any(token in value for value in _strings(json.loads(json_text))), (
            f"json lost {token!r}"
        )
    html_links = [
        value for name, value in page.attributes if name in ("href", "src", "action", "formaction")
    ]
    for where, links in (
        ("docx", _docx_links(files["docx"])),
        ("pdf", pdf_links),
        ("md", md_links),
        ("html", html_links),
    ):
        _assert_safe_links(links, where)
    # The page carries no script and nothing that could run one.
    assert not {"script", "iframe", "object", "embed", "img", "form", "base", "link"} & set(
        page.tags
    ), page.tags
    assert not [name for name, _ in page.attributes if name.startswith("on")]
    everything = docx_text + pdf_text + md_text + html_text
    assert "root:" not in everything  # the include was not run
    assert "<class" not in everything  # nor the attribute lookup


def test_hostile_source_text_shows_literally_in_every_format(tmp_path):
    sources = tmp_path / "in"
    sources.mkdir()
    (sources / "talks {{ 7*7 }} <b>&amp;# x-2025-03-19.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("build", sources, "-o", out, "--format", FORMATS, "--name", "brief")
    assert result.returncode == 0, result.stderr.decode()
    brief = brief_from_json((out / "brief.json").read_text(encoding="utf-8"))
    # The headline is the source's title; the hostile sentences made it into the bullets.
    assert brief.sources[0].title == f"Ceasefire talks {ALL_HOSTILE} resume in Geneva"
    bullets = [i.text for s in brief.sections if s.kind in ("bluf", "bullets") for i in s.items]
    assert any(ALL_HOSTILE in b for b in bullets), bullets
    _check_outputs(out, "brief", HOSTILE + [ALL_HOSTILE, brief.sources[0].outlet])


def test_hostile_title_option_shows_literally(tmp_path):
    source = tmp_path / "talks-2025-03-19.txt"
    source.write_text(ARTICLE.replace(ALL_HOSTILE, "plain words"), encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli(
        "build",
        source,
        "-o",
        out,
        "--format",
        FORMATS,
        "--name",
        "brief",
        "--title",
        ALL_HOSTILE,
        "--marking",
        "<b>{{ 7*7 }}</b> &amp;",
    )
    assert result.returncode == 0, result.stderr.decode()
    _check_outputs(out, "brief", [ALL_HOSTILE])
    marking = "<b>{{ 7*7 }}</b> &amp;"  # page furniture: DOCX header, PDF page, HTML banner
    assert marking in _docx_text((out / "brief.docx").read_bytes())
    assert _squash(marking) in _squash(_pdf_text_and_links((out / "brief.pdf").read_bytes())[0])
    # Word keeps at most 255 characters in a core property; the page shows the whole title.
    assert len(ALL_HOSTILE) > 255
    assert docx.Document(str(out / "brief.docx")).core_properties.title == ALL_HOSTILE[:254] + "…"
    assert pypdf.PdfReader(str(out / "brief.pdf")).metadata.title == ALL_HOSTILE
    assert _html_inventory((out / "brief.html").read_bytes()).text.count(marking) == 2


def test_hostile_edited_json_renders_literally_without_unsafe_links(tmp_path, sample_build):
    data = json.loads((sample_build / "brief-2025-03-19.json").read_text(encoding="utf-8"))
    data["title"] = ALL_HOSTILE
    for n, source in enumerate(data["sources"]):
        source["outlet"] = HOSTILE[n]
        source["title"] = ALL_HOSTILE
    data["sources"][0]["url"] = "javascript:alert(1)"
    data["sources"][1]["url"] = (
        "https://ok.example/x)](javascript:alert(1)) <a href=javascript:alert(2)>"
    )
    data["sections"][1]["items"][0]["text"] = ALL_HOSTILE
    data["sections"][1]["title"] = "{{ 7*7 }} # <b>"
    sections = {s["kind"]: s for s in data["sections"]}
    sections["key_figures"]["items"][0]["counts"] = "| a | b | {{ 7*7 }}"
    # An analyst may add a quotation the brief left to its bullets.
    sections["quotes"]["items"] = [
        {"text": "Peace is near.", "speaker": "[x](javascript:alert(1))", "sources": [1]}
    ]
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("render", edited, "-o", out, "--format", FORMATS, "--name", "brief")
    assert result.returncode == 0, result.stderr.decode()
    _check_outputs(
        out, "brief", HOSTILE + ["javascript:alert(1)", "{{ 7*7 }} # <b>", "| a | b | {{ 7*7 }}"]
    )


def test_hostile_user_template_cannot_reach_python(tmp_path, sample_build):
    """--template runs in Jinja2's sandbox: internals are refused with one line, no traceback."""
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "brief.md.j2").write_text(
        "# {{ brief.__class__.__mro__[1].__subclasses__() }}\n", encoding="utf-8"
    )
    result = run_cli(
        "render",
        sample_build / "brief-2025-03-19.json",
        "-o",
        tmp_path / "out",
        "--template",
        templates,
    )
    stderr = result.stderr.decode()
    assert result.returncode != 0
    assert stderr.startswith("briefgen: error: template") and stderr.count("\n") == 1, stderr
    assert "Traceback" not in stderr and not (tmp_path / "out").exists()


def _html_source(path: Path) -> None:
    from html import escape

    body = "".join(f"<p>{escape(line)}</p>" for line in ARTICLE.splitlines()[2:-1])
    path.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{escape(ARTICLE.splitlines()[0])}</title>"
        "<script>alert(9)</script></head><body><article>"
        f"<h1>{escape(ARTICLE.splitlines()[0])}</h1>{body}"
        "<p>Officials said the talks would go on, "
        "<a href='javascript:alert(8)' onclick='alert(7)'>read more</a> here.</p>"
        "<img src=x onerror=alert(6)></article></body></html>",
        encoding="utf-8",
    )


def _docx_source(path: Path) -> None:
    document = docx.Document()
    document.add_paragraph(ARTICLE.splitlines()[0], style="Title")
    for line in ARTICLE.splitlines()[2:]:
        document.add_paragraph(line)
    document.save(str(path))


def _pdf_source(path: Path) -> None:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    y = 800
    for n, line in enumerate([ARTICLE.splitlines()[0]] + ARTICLE.splitlines()[2:-1]):
        words, row = line.split(), ""
        for word in words + [None]:
            if word is None or len(row) + len(word) > 90:
                c.setFont("Helvetica-Bold" if n == 0 else "Helvetica", 9)
                c.drawString(40, y, row)
                y -= 12
                row = ""
            if word is not None:
                row = f"{row} {word}".strip()
        y -= 10
    c.save()


@pytest.mark.parametrize("kind", ["html", "docx", "pdf"])
def test_hostile_text_in_web_word_and_pdf_sources_shows_literally(tmp_path, kind):
    source = tmp_path / f"talks-2025-03-19.{kind}"
    {"html": _html_source, "docx": _docx_source, "pdf": _pdf_source}[kind](source)
    out = tmp_path / "out"
    result = run_cli("build", source, "-o", out, "--format", FORMATS, "--name", "brief")
    assert result.returncode == 0, result.stderr.decode()
    brief = brief_from_json((out / "brief.json").read_text(encoding="utf-8"))
    bullets = [i.text for s in brief.sections if s.kind in ("bluf", "bullets") for i in s.items]
    assert any(ALL_HOSTILE in b for b in bullets), bullets
    if kind != "html":  # trafilatura unescapes a page's <title> twice: &amp;amp; comes out as &
        assert ALL_HOSTILE in brief.sources[0].title
    _check_outputs(out, "brief", HOSTILE + [ALL_HOSTILE])
    everything = b"".join((out / f"brief.{fmt}").read_bytes() for fmt in ("md", "json", "html"))
    assert not any(f"alert({n})".encode() in everything for n in (6, 7, 8, 9)), (
        "markup of the page leaked into the brief"
    )
