"""Rendering: one template, literal source text, real Word styles, PDF bookmarks."""

import io
import os

import docx
import pypdf
import pytest

from briefgen.model import Brief, Evidence, Item, KeyFigure, Section, Source
from briefgen.typeset import render
from briefgen.typeset.blocks import parse_blocks
from briefgen.typeset.markdown import cite, render_markdown
from tests.conftest import outline_titles

HOSTILE = (
    "S&P <b>bold</b> {{ 7*7 }} {% raw %} # not a heading | pipe *star* "
    "[x](javascript:alert(1)) ]]> &amp;"
)


def brief_with(text: str) -> Brief:
    item = Item(text, "positive", [1], [Evidence(1, text)])
    return Brief(
        title="Test brief",
        date="2025-03-19",
        profile="default",
        profile_title="Policy brief",
        sections=[
            Section("bluf", "Bottom line up front", "bluf", [item]),
            Section("positive", "Positive signals", "bullets", [item]),
            Section("obstacles", "Obstacles", "bullets", [], "No obstacles reported."),
            Section(
                "key_figures",
                "Key figures",
                "key_figures",
                [KeyFigure("175", "prisoners | exchanged", [1])],
            ),
            Section("sources", "Sources", "sources"),
        ],
        sources=[Source(1, "example.com", "Headline", "2025-03-19", "https://example.com/a")],
    )


def test_source_text_stays_literal_in_markdown_blocks():
    blocks = parse_blocks(render_markdown(brief_with(HOSTILE)))
    bullets = [b for b in blocks if b.kind == "bullet"]
    assert bullets[0].text == HOSTILE + " [1]"
    assert not any(r.href and "javascript" in r.href for b in blocks for r in b.runs)
    table = next(b for b in blocks if b.kind == "table")
    assert ["".join(r.text for r in cell) for cell in table.rows[1]] == [
        "175",
        "prisoners | exchanged",
        "[1]",
    ]


def test_docx_uses_word_styles_and_keeps_text_literal():
    data = render(brief_with(HOSTILE), ["docx"])["docx"]
    document = docx.Document(io.BytesIO(data))
    styled = [(p.style.name, p.text) for p in document.paragraphs if p.text]
    assert styled[0] == ("Title", "Test brief")
    assert ("Heading 1", "Positive signals") in styled
    assert ("List Bullet", HOSTILE + " [1]") in styled
    assert ("Normal", "No obstacles reported.") in styled
    header = [c.text for c in document.tables[0].rows[0].cells]
    assert header == ["Figure", "What it counts", "Source"]
    assert document.tables[0].rows[0].cells[0].paragraphs[0].runs[0].bold
    assert document.core_properties.title == "Test brief"


def test_pdf_has_bookmarks_metadata_and_literal_text():
    data = render(brief_with(HOSTILE), ["pdf"])["pdf"]
    reader = pypdf.PdfReader(io.BytesIO(data))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "S&P" in text and "<b>bold</b>" in text and "{{ 7*7 }}" in text
    assert outline_titles(reader) == [
        "Test brief",
        "Bottom line up front",
        "Positive signals",
        "Obstacles",
        "Key figures",
        "Sources",
    ]
    assert reader.metadata.title == "Test brief"
    assert reader.metadata.author == "briefgen"
    assert "Page 1 of 1" in text


@pytest.mark.parametrize("fmt", ["docx", "pdf", "md", "json", "html"])
def test_rendering_is_reproducible(fmt):
    first = render(brief_with("Same input."), [fmt])[fmt]
    second = render(brief_with("Same input."), [fmt])[fmt]
    assert first == second


def test_user_template_overrides_shipped_one(tmp_path):
    (tmp_path / "brief.md.j2").write_text(
        "# {{ brief.title | md }}\n\nCustom {{ brief.sources | length }}\n"
    )
    assert render_markdown(brief_with("x"), tmp_path) == "# Test brief\n\nCustom 1\n"


def test_a_template_edited_between_two_renders_is_printed_as_edited(tmp_path):
    """Each folder's templates are compiled once a process; an edit is still seen."""
    template = tmp_path / "brief.md.j2"
    template.write_text("# {{ brief.title | md }}\n\nFirst\n")
    assert render_markdown(brief_with("x"), tmp_path).endswith("First\n")
    template.write_text("# {{ brief.title | md }}\n\nSecond\n")
    os.utime(template, (template.stat().st_atime, template.stat().st_mtime + 10))
    assert render_markdown(brief_with("x"), tmp_path).endswith("Second\n")


def test_a_blocks_role_is_what_the_template_says_not_how_it_looks():
    blocks = parse_blocks(
        "# T\n\n*All in italics, but a paragraph.*\n\n[1] Looks like a source, is a paragraph.\n\n"
        "::: note\nPlain words, a note.\n:::\n\n"
        "::: source\n[1] a.example — “A”\n\n[2] b.example — “B”\n:::\n\n"
        "::: bluf\n> The bottom line.\n\n:::\n\n> A quotation.\n\n::: warning\nMind the gap.\n:::\n"
    )
    assert [(b.kind, b.role, b.text) for b in blocks[1:]] == [
        ("paragraph", "", "All in italics, but a paragraph."),
        ("paragraph", "", "[1] Looks like a source, is a paragraph."),
        ("note", "note", "Plain words, a note."),
        ("source", "source", "[1] a.example — “A”"),
        ("source", "source", "[2] b.example — “B”"),
        ("bluf", "bluf", "The bottom line."),
        ("quote", "", "A quotation."),
        ("paragraph", "warning", "Mind the gap."),
    ]


def test_a_users_template_gives_a_block_a_role_the_reference_docx_styles(tmp_path):
    reference = docx.Document()
    reference.styles.add_style("Warning", 1)  # a paragraph style of the office's own
    reference.save(tmp_path / "office.docx")
    (tmp_path / "brief.md.j2").write_text(
        "# {{ brief.title | md }}\n\n::: Warning\nNot for circulation.\n:::\n\n"
        "::: note\nA note.\n:::\n"
    )
    data = render(
        brief_with("x"), ["docx"], template_dir=tmp_path, reference_docx=tmp_path / "office.docx"
    )["docx"]
    styled = [(p.style.name, p.text) for p in docx.Document(io.BytesIO(data)).paragraphs if p.text]
    assert styled == [
        ("Title", "Test brief"),
        ("Warning", "Not for circulation."),
        ("Brief Note", "A note."),
    ]


def test_a_div_in_source_text_stays_text():
    blocks = parse_blocks(render_markdown(brief_with("::: note")))
    assert [b.text for b in blocks if b.kind == "bullet"] == ["::: note [1]"]


def test_template_cannot_reach_python_internals(tmp_path):
    from briefgen.errors import InputError

    (tmp_path / "brief.md.j2").write_text("{{ brief.__class__.__init__.__globals__ }}")
    with pytest.raises(
        InputError, match=r"^template brief\.md\.j2, line 1: access to attribute .* is unsafe"
    ):
        render_markdown(brief_with("x"), tmp_path)


@pytest.mark.parametrize(
    "ids, shown",
    [
        ([2, 1, 2], "[1][2]"),
        ([1, 2, 3, 4, 9], "[1]–[4][9]"),
        ([1, 3, 5, 7, 9, 11, 13, 15], "[1][3][5][7][9] + 3 more"),
        (list(range(1, 2497)), "[1]–[2496]"),
    ],
)
def test_citations_stay_short_however_many_sources(ids, shown):
    (block,) = parse_blocks(cite(ids))  # each "[n]" a link to its entry: the text is as shown
    assert block.text == shown
