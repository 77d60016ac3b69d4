"""Each kind of source an analyst collects, read back into the same Article shape."""

from __future__ import annotations

import pytest

from briefgen.errors import InputError
from briefgen.read import SourceSpec, read_all, read_manifest, read_sources
from tests.sources_fixtures import PAGE, PDF_HEADLINE, make_docx, make_pdf


def test_html_main_text_without_clutter_and_with_metadata(tmp_path):
    path = tmp_path / "grain.html"
    path.write_text(PAGE, encoding="utf-8")
    (article,) = read_sources([str(path)])
    assert article.title == "Grain corridor extended by 120 days"
    assert article.outlet == "Example News"
    assert article.url == "https://www.example-news.com/world/grain-corridor"
    assert article.date == "2024-05-02"
    assert article.author == "Jane Doe"
    assert ("heading", "What happens next?") in article.paragraphs
    assert article.paragraphs[0] == (
        "text",
        (
            "Negotiators from both countries agreed on Tuesday to extend the grain corridor by "
            "120 days, officials said in Geneva."
        ),
    )
    for clutter in (
        "Home",
        "Sport news",
        "cheap watches",
        "Wheat prices tumble",
        "reader42",
        "Copyright",
    ):
        assert clutter not in article.text, clutter
    assert "20 million tonnes" in article.text


def test_html_declared_legacy_charset(tmp_path):
    page = PAGE.replace('<meta charset="utf-8">', '<meta charset="windows-1252">').replace(
        "officials said in Geneva", "officials said in Genève – “finally”"
    )
    path = tmp_path / "legacy.htm"
    path.write_bytes(page.encode("cp1252"))
    (article,) = read_sources([str(path)])
    assert "officials said in Genève – “finally”" in article.text


def test_pdf_headers_footers_dropped_hyphenation_joined_order_kept(tmp_path):
    (article,) = read_sources([str(make_pdf(tmp_path / "monitor.pdf"))])
    assert article.title == PDF_HEADLINE
    assert "Daily Policy Monitor" not in article.text
    assert "Page 2 of 3" not in article.text and "Page" not in article.text
    assert "civilian monitoring mission of unarmed observers to the ceasefire line" in article.text
    assert "un-" not in article.text
    texts = [t for kind, t in article.paragraphs if kind == "text"]
    # Three paragraphs on each of three pages, each whole again, in reading order.
    assert [t.rsplit("(Part ", 1)[1] for t in texts] == [
        f"{p}.{n}.)" for p in (1, 2, 3) for n in (1, 2, 3)
    ]
    assert texts[0].startswith("Foreign ministers meeting in Vienna") and texts[1].startswith(
        "The mission will report"
    )


def test_pdf_title_from_metadata_when_it_is_real(tmp_path):
    (article,) = read_sources(
        [
            str(
                make_pdf(
                    tmp_path / "a.pdf", pages=1, title="Vienna meeting: monitoring mission agreed"
                )
            )
        ]
    )
    assert article.title == "Vienna meeting: monitoring mission agreed"
    (article,) = read_sources([str(make_pdf(tmp_path / "b.pdf", pages=2, title="untitled"))])
    assert article.title == PDF_HEADLINE


def test_docx_headings_are_structure_and_source_line_is_metadata(tmp_path):
    (article,) = read_sources([str(make_docx(tmp_path / "talks.docx"))])
    assert article.title == "Talks resume in Istanbul after a two-month pause"
    assert ("heading", "Prisoner exchange") in article.paragraphs
    assert article.paragraphs[0][0] == "text" and article.paragraphs[0][1].startswith(
        "Delegations from both sides"
    )
    assert article.url == "https://www.example.org/2025/03/19/talks"
    assert article.outlet == "example.org"
    assert article.date == "2025-03-19"
    assert "Source:" not in article.text


TEXT = (
    "Café talks in Genève end\n"
    "“We will not sign,” said Zoë Müller — the €20 million fund is frozen. Straße closed.\n"
)


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: t.encode("utf-8-sig"),
        lambda t: t.encode("utf-16"),  # with BOM, little-endian here
        lambda t: b"\xfe\xff" + t.encode("utf-16-be"),
        lambda t: t.encode("utf-16-le"),  # no BOM: NUL in every other byte gives it away
        lambda t: t.encode("cp1252"),
        lambda t: (
            t.replace("“", '"')
            .replace("”", '"')
            .replace(" —", ",")
            .replace("€", "EUR ")
            .encode("latin-1")
        ),
    ],
    ids=[
        "utf-8",
        "utf-8-bom",
        "utf-16-le-bom",
        "utf-16-be-bom",
        "utf-16-le-no-bom",
        "cp1252",
        "latin-1",
    ],
)
def test_encodings_decoded_correctly(tmp_path, encode):
    path = tmp_path / "article.txt"
    raw = encode(TEXT)
    path.write_bytes(raw)
    (article,) = read_sources([str(path)])
    assert article.title == "Café talks in Genève end"
    expected = TEXT.splitlines()[1]
    if b"EUR" in raw:
        expected = (
            expected.replace("“", '"').replace("”", '"').replace(" —", ",").replace("€", "EUR ")
        )
    assert article.text == expected


def test_text_dateline_gives_the_date(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(
        "Talks end\n"
        "GENEVA, 19 March 2025 — The talks ended on Wednesday without a deal, officials said.\n",
        encoding="utf-8",
    )
    assert read_sources([str(path)])[0].date == "2025-03-19"
    path.write_text(
        "Talks end\nMarch 4, 2025. The talks ended on Wednesday without a deal, officials said.\n",
        encoding="utf-8",
    )
    assert read_sources([str(path)])[0].date == "2025-03-04"


def test_duplicates_read_once(tmp_path, inputs):
    sample = inputs / "baoquocte-2025-03-19.txt"
    copy = tmp_path / "copy.txt"
    copy.write_text(
        "  " + sample.read_text(encoding="utf-8").upper().replace("\n", "\n\n"), encoding="utf-8"
    )
    same_url = tmp_path / "other.txt"
    same_url.write_text(
        "A different headline\nA different body sentence that still tells the story.\nSource: http://baoquocte.vn/dien-dam-nga-my-pha-bang-va-han-gan-308229.html/\n",
        encoding="utf-8",
    )
    with pytest.warns(UserWarning) as caught:
        articles = read_sources([str(inputs), str(sample), str(copy), str(same_url)])
    assert [str(w.message) for w in caught] == [
        f"{sample} is given twice; read once",
        f"{copy} is the same article as {sample}; read once",
        f"{same_url} is the same article as {sample}; read once",
    ]
    assert [a.location for a in articles] == [
        str(inputs / "baoquocte-2025-03-19.txt"),
        str(inputs / "thanhnien-2025-03-19.txt"),
    ]


def test_globs_and_folders_in_stable_order(tmp_path):
    for name in ("b.txt", "a.md", "sub/c.txt", ".hidden/d.txt", "notes.xyz"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(
            f"Headline {name}\nBody sentence of {name} that is long enough to count.\n",
            encoding="utf-8",
        )
    assert [a.title for a in read_sources([str(tmp_path)])] == [
        "Headline a.md",
        "Headline b.txt",
        "Headline sub/c.txt",
    ]
    assert [a.title for a in read_sources([str(tmp_path / "*.txt")])] == ["Headline b.txt"]
    assert [a.title for a in read_sources([str(tmp_path / "**" / "*.txt")])] == [
        "Headline b.txt",
        "Headline sub/c.txt",
    ]
    with pytest.raises(InputError, match=r"\*\.pdf: no readable sources match"):
        read_sources([str(tmp_path / "*.pdf")])


@pytest.mark.parametrize("kind", ["lines", "yaml", "csv"])
def test_source_lists_with_overrides(tmp_path, inputs, kind):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "one.txt").write_text(
        "First headline\nThe first story has one sentence that is long enough.\n", encoding="utf-8"
    )
    sample = inputs / "thanhnien-2025-03-19.txt"
    if kind == "lines":
        manifest = tmp_path / "sources.txt"
        manifest.write_text(f"# my sources\narticles/one.txt\n\n{sample}\n", encoding="utf-8")
    elif kind == "yaml":
        manifest = tmp_path / "sources.yaml"
        manifest.write_text(
            "- path: articles/one.txt\n  outlet: The Daily\n  title: Given title\n"
            f"  date: 2025-01-02\n- {sample}\n",
            encoding="utf-8",
        )
    else:
        manifest = tmp_path / "sources.csv"
        manifest.write_text(
            "source,outlet,title,date\n"
            f"articles/one.txt,The Daily,Given title,2025-01-02\n{sample},,,\n",
            encoding="utf-8",
        )
    articles = read_all(read_manifest(manifest)).articles
    assert [a.location for a in articles] == [str(tmp_path / "articles" / "one.txt"), str(sample)]
    if kind == "lines":
        assert (articles[0].outlet, articles[0].title, articles[0].date) == (
            "one",
            "First headline",
            None,
        )
    else:
        assert (articles[0].outlet, articles[0].title, articles[0].date) == (
            "The Daily",
            "Given title",
            "2025-01-02",
        )
    assert articles[1].outlet == "thanhnien.vn"


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("s.yaml", "- source: a.txt\n  colour: red\n", "unknown field 'colour'"),
        ("s.yaml", "- outlet: X\n", "has no source"),
        ("s.csv", "source,date\na.txt,yesterday\n", "'yesterday' is not a date"),
        ("s.txt", "# nothing\n\n", "the source list is empty"),
        ("s.yaml", "sources: [a, b\n", "not valid YAML"),
    ],
)
def test_bad_source_lists(tmp_path, name, content, message):
    manifest = tmp_path / name
    manifest.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message) as info:
        read_manifest(manifest)
    assert str(manifest) in str(info.value)


def test_keep_going_collects_skipped_in_order(tmp_path, inputs):
    empty = tmp_path / "empty.txt"
    empty.write_text(" \n", encoding="utf-8")
    specs = [
        SourceSpec(str(tmp_path / "missing.txt")),
        SourceSpec(str(inputs)),
        SourceSpec(str(empty)),
    ]
    with pytest.warns(UserWarning, match="skipped"):
        reading = read_all(specs, keep_going=True, jobs=3)
    assert len(reading.articles) == 2
    assert [(s.location, s.reason) for s in reading.skipped] == [
        (str(tmp_path / "missing.txt"), "no such file or folder"),
        (str(empty), "no text in the source"),
    ]


def test_docx_zip_bomb_refused_before_unpacking(tmp_path, monkeypatch):
    import zipfile

    from briefgen import package

    monkeypatch.setattr(
        package, "MAX_UNPACKED_BYTES", 2_000_000
    )  # the real bound, 300 MB, is too big to build here
    path = make_docx(tmp_path / "bomb.docx")
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/media/filler.bin", b"\0" * 3_000_000)
    assert path.stat().st_size < 100_000
    with pytest.raises(
        InputError, match=r"bomb\.docx: unpacks to \d MB, over the 2 MB a Word file may hold"
    ):
        read_sources([str(path)])


def test_pdf_without_a_text_layer_and_locked_pdf(tmp_path):
    import pypdf
    from reportlab.pdfgen import canvas

    scan = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(scan))
    c.rect(72, 72, 300, 500, fill=1)
    c.save()
    with pytest.raises(InputError, match=r"scan\.pdf: no text in the PDF"):
        read_sources([str(scan)])

    writer = pypdf.PdfWriter(clone_from=str(make_pdf(tmp_path / "open.pdf", pages=1)))
    writer.encrypt(user_password="secret", owner_password="owner")
    locked = tmp_path / "locked.pdf"
    with open(locked, "wb") as handle:
        writer.write(handle)
    with pytest.raises(InputError, match=r"locked\.pdf: the PDF is password-protected"):
        read_sources([str(locked)])


def test_page_without_article_text(tmp_path):
    path = tmp_path / "nav.html"
    path.write_text(
        "<html><body><nav><a href='/'>Home</a> <a href='/x'>World</a></nav></body></html>",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"nav\.html: no article text found in the page"):
        read_sources([str(path)])


def test_standard_input_typed_by_its_bytes():
    (article,) = read_all([SourceSpec("-")], stdin=PAGE.encode("utf-8")).articles
    assert article.outlet == "Example News" and article.location == "standard input"
