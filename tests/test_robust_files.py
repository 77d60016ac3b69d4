"""Hostile files: each is refused with one clear line, or read, in bounded time and memory.

Every file is made here: HTML nested 100,000 deep, a 44 MB page, a page of 250,000
elements, an XML entity bomb ("billion laughs") and an external entity inside a DOCX, zip
bombs named .docx (one honest about its size, one whose directory lies), and PDFs with a
page-tree loop, an xref chain that points to itself, a content stream that inflates to
200 MB, arrays nested 100,000 deep and 10,000 pages.  Each runs in its own process
(``measured_run``): the wall time and peak memory are printed, memory must stay under
800 MB and the run must end well within its timeout.  These are bounds against blow-ups
and hangs, not speed targets.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

import docx
import pytest

from tests.test_robust import FORMATS, assert_valid_brief_or_clear_error, measured_run

TIMEOUT_S = 90
PARAGRAPH = (
    "<p>Negotiators agreed on a ceasefire in Geneva on Tuesday, officials said. "
    "Talks on prisoners will continue next week.</p>"
)
DEPTH = 100_000


# --- HTML ---------------------------------------------------------------------------


def deep_html() -> bytes:
    inner = "<article><h1>Deep page headline here</h1>" + PARAGRAPH * 3 + "</article>"
    return ("<html><body>" + "<div>" * DEPTH + inner + "</div>" * DEPTH + "</body></html>").encode()


def deep_inline_html() -> bytes:
    text = (
        "<b><i>" * DEPTH
        + "Negotiators agreed on a ceasefire in Geneva on Tuesday."
        + "</i></b>" * DEPTH
    )
    return (
        "<html><body><article><h1>Deep inline headline</h1>"
        f"<p>{text}</p>{PARAGRAPH * 3}</article></body></html>"
    ).encode()


def enormous_html() -> bytes:
    return (
        "<html><head><title>Enormous page headline</title></head><body><article>"
        + PARAGRAPH * 360_000
        + "</article></body></html>"
    ).encode()  # 44 MB: under the 50 MB source limit


def many_elements_html() -> bytes:
    return (
        "<html><body><article><h1>Many elements headline</h1>"
        + PARAGRAPH * 3
        + "<span></span>" * 250_000
        + "</article></body></html>"
    ).encode()


def entity_bomb_html() -> bytes:
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{f"&{chr(97 + i)};" * 10}">' for i in range(9)
    )
    return (
        f'<?xml version="1.0"?><!DOCTYPE html [{entities}]>'
        f"<html><body><article><h1>Laughs</h1><p>&j;</p>{PARAGRAPH * 3}</article></body></html>"
    ).encode()


# --- DOCX ---------------------------------------------------------------------------


def _docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("Ministers back a monitoring mission", style="Title")
    document.add_paragraph(
        "Negotiators agreed on a ceasefire in Geneva on Tuesday, officials said. "
        "Talks on prisoners will continue next week."
    )
    document.add_paragraph("PLACEHOLDER")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _with_document_xml(edit) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(_docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for info in source.infolist():
            data = source.read(info.filename)
            package.writestr(
                info.filename, edit(data) if info.filename == "word/document.xml" else data
            )
    return out.getvalue()


def _doctype(subset: bytes, placeholder: bytes):
    def edit(xml: bytes) -> bytes:
        declaration, rest = xml.split(b"?>", 1)
        return (
            declaration
            + b"?><!DOCTYPE w:document ["
            + subset
            + b"]>"
            + rest.replace(b"PLACEHOLDER", placeholder)
        )

    return edit


def billion_laughs_docx() -> bytes:
    entities = b'<!ENTITY a "aaaaaaaaaa">' + b"".join(
        b"<!ENTITY " + bytes([98 + i]) + b' "' + (b"&" + bytes([97 + i]) + b";") * 10 + b'">'
        for i in range(9)
    )
    return _with_document_xml(_doctype(entities, b"&j;"))


def external_entity_docx() -> bytes:
    return _with_document_xml(_doctype(b'<!ENTITY xxe SYSTEM "file:///etc/passwd">', b"[&xxe;]"))


def _zip_with_filler(name: str, filler: bytes, times: int) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(_docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for info in source.infolist():
            if info.filename != name:
                package.writestr(info.filename, source.read(info.filename))
        with package.open(name, "w") as part:
            if name == "word/document.xml":
                document = source.read(name)
                part.write(document[:-30])
            for _ in range(times):
                part.write(filler)
            if name == "word/document.xml":
                part.write(document[-30:])
    return out.getvalue()


def zip_bomb_docx() -> bytes:
    return _zip_with_filler("word/media/zeros.bin", b"\0" * 4_000_000, 80)  # 320 MB from 0.3 MB


def lying_zip_bomb_docx() -> bytes:
    """document.xml inflates to 600 MB while the zip's directory says 2 kB."""
    data = bytearray(_zip_with_filler("word/document.xml", b" " * 4_000_000, 150))
    real = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/document.xml").file_size
    needle = struct.pack("<I", real)
    at = data.find(needle)
    while at != -1:  # the local header and the central directory both carry it
        data[at : at + 4] = struct.pack("<I", 2048)
        at = data.find(needle, at + 4)
    return bytes(data)


# --- PDF ----------------------------------------------------------------------------


def _pdf(objects: dict[int, bytes], prev_loop: bool = False) -> bytes:
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for n in sorted(objects):
        offsets[n] = len(out)
        out += b"%d 0 obj\n" % n + objects[n] + b"\nendobj\n"
    xref, size = len(out), max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for n in range(1, size):
        out += b"%010d 00000 n \n" % offsets[n] if n in offsets else b"0000000000 65535 f \n"
    trailer = b"/Size %d /Root 1 0 R" % size + (b" /Prev %d" % xref if prev_loop else b"")
    return bytes(out + b"trailer\n<< " + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref)


def _stream(data: bytes, flate: bool = False) -> bytes:
    head = b"/Filter /FlateDecode " if flate else b""
    return b"<< /Length %d %s>>\nstream\n" % (len(data), head) + data + b"\nendstream"


TEXT = (
    b"BT /F1 16 Tf 72 740 Td (Ministers back a monitoring mission) Tj ET "
    b"BT /F1 10 Tf 72 700 Td "
    b"(Negotiators agreed on a ceasefire in Geneva on Tuesday, officials said.) Tj ET"
)
CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
PAGE = (
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
    b"/Resources << /Font << /F1 5 0 R >> >> >>"
)
ONE_PAGE = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"


def page_tree_self_loop_pdf() -> bytes:
    return _pdf(
        {
            1: CATALOG,
            2: b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
            3: PAGE,
            4: _stream(TEXT),
            5: FONT,
        }
    )


def page_tree_cycle_pdf() -> bytes:
    return _pdf(
        {
            1: CATALOG,
            2: b"<< /Type /Pages /Kids [6 0 R 3 0 R] /Count 2 >>",
            3: PAGE,
            4: _stream(TEXT),
            5: FONT,
            6: b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>",
        }
    )


def xref_prev_loop_pdf() -> bytes:
    return _pdf({1: CATALOG, 2: ONE_PAGE, 3: PAGE, 4: _stream(TEXT), 5: FONT}, prev_loop=True)


def flate_bomb_pdf() -> bytes:
    """The page's content stream inflates to 200 MB (0.2 MB on disk)."""
    deflate = zlib.compressobj(9)
    data = (
        deflate.compress(TEXT + b" ")
        + b"".join(deflate.compress(b" " * 10_000_000) for _ in range(20))
        + deflate.flush()
    )
    return _pdf({1: CATALOG, 2: ONE_PAGE, 3: PAGE, 4: _stream(data, flate=True), 5: FONT})


def nested_arrays_pdf() -> bytes:
    page = PAGE[:-2] + b" /Junk " + b"[" * DEPTH + b"]" * DEPTH + b" >>"
    return _pdf({1: CATALOG, 2: ONE_PAGE, 3: page, 4: _stream(TEXT), 5: FONT})


def nested_content_pdf() -> bytes:
    return _pdf(
        {
            1: CATALOG,
            2: ONE_PAGE,
            3: PAGE,
            4: _stream(TEXT + b" " + b"[" * DEPTH + b"]" * DEPTH + b" TJ"),
            5: FONT,
        }
    )


def many_pages_pdf() -> bytes:
    count = 10_000
    kids = b" ".join(b"%d 0 R" % (10 + n) for n in range(count))
    objects = {1: CATALOG, 2: b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count), 5: FONT}
    for n in range(count):
        text = (
            b"BT /F1 10 Tf 72 %d Td "
            b"(Negotiators met for round %d of the ceasefire talks, officials said.) Tj ET"
            % (700 - n % 600, n)
        )
        objects[10 + n] = PAGE.replace(b"/Contents 4 0 R", b"/Contents %d 0 R" % (10 + count + n))
        objects[10 + count + n] = _stream(text)
    return _pdf(objects)


HOSTILE_FILES = {
    "deep.html": deep_html,
    "deep-inline.html": deep_inline_html,
    "enormous.html": enormous_html,
    "many-elements.html": many_elements_html,
    "entity-bomb.html": entity_bomb_html,
    "billion-laughs.docx": billion_laughs_docx,
    "external-entity.docx": external_entity_docx,
    "zip-bomb.docx": zip_bomb_docx,
    "lying-zip-bomb.docx": lying_zip_bomb_docx,
    "page-tree-self-loop.pdf": page_tree_self_loop_pdf,
    "page-tree-cycle.pdf": page_tree_cycle_pdf,
    "xref-prev-loop.pdf": xref_prev_loop_pdf,
    "flate-bomb.pdf": flate_bomb_pdf,
    "nested-arrays.pdf": nested_arrays_pdf,
    "nested-content.pdf": nested_content_pdf,
    "ten-thousand-pages.pdf": many_pages_pdf,
}


@pytest.mark.parametrize("name", sorted(HOSTILE_FILES))
def test_hostile_file_is_refused_or_read_in_bounded_time_and_memory(tmp_path, name):
    source = tmp_path / "in" / name
    source.parent.mkdir()
    source.write_bytes(HOSTILE_FILES[name]())
    out = tmp_path / "out"
    result = measured_run(
        tmp_path,
        "build",
        source,
        "-o",
        out,
        "--format",
        ",".join(FORMATS),
        "--quiet",
        timeout=TIMEOUT_S,
    )
    assert_valid_brief_or_clear_error(
        result["code"], result["stdout"], result["stderr"], [source], out
    )
    if result["code"] == 2:
        assert str(source) in result["stderr"], "the error names the file"
    else:
        shown = (
            out / next(Path(p).name for p in result["stdout"].splitlines() if p.endswith(".md"))
        ).read_text(encoding="utf-8")
        assert "root:" not in shown, "an external entity was resolved"
        assert "a" * 1000 not in shown, "an entity bomb was expanded"


def test_huge_sparse_file_is_refused_without_being_read(tmp_path):
    """A 5 GB file (sparse: no disk used) is over the 50 MB limit; it must not be read to find
    out."""
    source = tmp_path / "in" / "huge.txt"
    source.parent.mkdir()
    with open(source, "wb") as handle:
        handle.truncate(5_000_000_000)
    result = measured_run(tmp_path, "build", source, "-o", tmp_path / "out", timeout=TIMEOUT_S)
    assert result["code"] == 2 and "over the 50 MB limit" in result["stderr"], result["stderr"]


def test_endless_standard_input_is_cut_at_the_limit(tmp_path):
    result = measured_run(
        tmp_path, "build", "-", "-o", tmp_path / "out", timeout=TIMEOUT_S, stdin="/dev/zero"
    )
    assert result["code"] == 2 and result["stderr"].count("\n") == 1, result["stderr"]
    assert not (tmp_path / "out").exists()
