"""The CLI end to end, in a subprocess, reading the produced files back."""

from __future__ import annotations

import json
import re
import resource
import subprocess
import sys

import docx
import pypdf

from tests.conftest import INPUTS, run_cli

SECTION_TITLES = [
    "Bottom line up front",
    "Positive signals",
    "Obstacles",
    "NATO command changes",
    "Key figures",
    "Sources differ",
    "Actors",
    "Quotes",
    "Sources",
]
URLS = [
    "https://baoquocte.vn/dien-dam-nga-my-pha-bang-va-han-gan-308229.html",
    "https://thanhnien.vn/thach-thuc-cho-hoa-binh-ukraine-185250319231528664.htm",
]


def _docx_sections(path):
    document = docx.Document(str(path))
    headings, bullets = [], []
    for p in document.paragraphs:
        if p.style.name == "Heading 1":
            headings.append(p.text)
        elif (
            p.style.name == "List Bullet"
            and headings
            and headings[-1] in ("Positive signals", "Obstacles", "NATO command changes")
        ):
            bullets.append(p.text)
    return document, headings, bullets


def test_build_writes_docx_and_pdf_with_every_section(sample_build):
    names = sorted(p.name for p in sample_build.iterdir())
    assert names == [
        "brief-2025-03-19.docx",
        "brief-2025-03-19.json",
        "brief-2025-03-19.md",
        "brief-2025-03-19.pdf",
    ]
    document, headings, bullets = _docx_sections(sample_build / "brief-2025-03-19.docx")
    assert headings == SECTION_TITLES
    assert document.paragraphs[0].style.name == "Title"
    # each bullet ends on its citations, and a mark when it needs one: "… [1][2] (2 outlets)"
    assert bullets and all(re.search(r"(\[\d+\])+( \([^()]+\))?$", b) for b in bullets)
    assert any(re.search(r"\[\d+\]\[\d+\] \(2 outlets\)$", b) for b in bullets)
    full = "\n".join(p.text for p in document.paragraphs)
    assert all(url in full for url in URLS)

    reader = pypdf.PdfReader(str(sample_build / "brief-2025-03-19.pdf"))
    text = "\n".join(page.extract_text() for page in reader.pages)
    at = 0
    for title in SECTION_TITLES:  # each heading appears, after the one before it
        at = text.find(title + "\n", at)
        assert at != -1, title
    assert all(url in text.replace("\n", "") for url in URLS)
    assert {o.title for o in reader.outline if not isinstance(o, list)} | {
        o.title for sub in reader.outline if isinstance(sub, list) for o in sub
    } >= set(SECTION_TITLES)
    assert (
        reader.metadata.title and reader.metadata.subject and reader.metadata.author == "briefgen"
    )


def test_extract_then_render_equals_build_and_edits_show(sample_build, tmp_path):
    summary = tmp_path / "summary.json"
    assert run_cli("extract", INPUTS, "-o", summary).returncode == 0
    out = tmp_path / "out"
    result = run_cli("render", summary, "-o", out, "--format", "docx,pdf")
    assert result.returncode == 0, result.stderr
    for ext in ("docx", "pdf"):
        assert (out / f"brief-2025-03-19.{ext}").read_bytes() == (
            sample_build / f"brief-2025-03-19.{ext}"
        ).read_bytes()

    data = json.loads(summary.read_text(encoding="utf-8"))
    section = next(s for s in data["sections"] if s["id"] == "obstacles")
    section["items"][0]["text"] = "Edited by the analyst: talks stall."
    summary.write_text(json.dumps(data), encoding="utf-8")
    assert run_cli("render", summary, "-o", out, "--name", "edited").returncode == 0
    _, _, bullets = _docx_sections(out / "edited.docx")
    assert any(b.startswith("Edited by the analyst: talks stall.") for b in bullets)
    pdf_text = "".join(
        page.extract_text() for page in pypdf.PdfReader(str(out / "edited.pdf")).pages
    )
    assert "Edited by the analyst: talks stall." in pdf_text


def test_extract_to_stdout_is_json_only():
    result = run_cli("extract", INPUTS)
    assert result.returncode == 0
    assert json.loads(result.stdout)["profile"] == "default"
    assert result.stderr == b""


def test_help_version_and_profiles():
    for args in (
        ["--help"],
        ["build", "--help"],
        ["extract", "--help"],
        ["render", "--help"],
        ["profiles", "--help"],
    ):
        result = run_cli(*args)
        assert result.returncode == 0 and b"Usage:" in result.stdout
    assert run_cli("--version").stdout.startswith(b"briefgen, version ")
    listing = run_cli("profiles").stdout.decode()
    assert "default" in listing and "generic" in listing
    shown = run_cli("profiles", "show", "generic")
    assert shown.returncode == 0 and b"id: generic" in shown.stdout


def _one_line_error(result, code: int, *fragments: str) -> None:
    err = result.stderr.decode()
    assert result.returncode == code, err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    for fragment in fragments:
        assert fragment in err, err


def test_bad_input_exits_2_with_one_line_and_writes_nothing(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "brief-2025-03-19.docx").write_bytes(b"earlier brief")
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    cases = [
        (["build", tmp_path / "missing.txt", "-o", out], "missing.txt", "no such file"),
        (["build", INPUTS, empty, "-o", out], "empty.txt", "no text"),
        (["build", INPUTS, "-o", out, "--format", "docx,gif"], "gif"),
        (["build", INPUTS, "-o", out, "--profile", "nonesuch"], "nonesuch"),
        (["build", INPUTS, "-o", out, "--name", "../escape"], "plain file name"),
        (["render", tmp_path / "missing.json", "-o", out], "missing.json"),
        (["build", "-o", out], "SOURCES"),
    ]
    for args, *fragments in cases:
        _one_line_error(run_cli(*args), 2, *fragments)
    assert sorted(p.name for p in out.iterdir()) == ["brief-2025-03-19.docx"]
    assert (out / "brief-2025-03-19.docx").read_bytes() == b"earlier brief"


def test_unwritable_output_exits_1(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    _one_line_error(
        run_cli("build", INPUTS, "-o", blocker / "sub"), 1, "cannot create output folder"
    )


def test_name_and_stale_temp_cleanup(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    stale = out / ".briefgen-999999999-0123456789abcdef.briefgen-tmp"
    stale.write_bytes(b"half a brief")
    result = run_cli("build", INPUTS, "-o", out, "--format", "md", "--name", "morning")
    assert result.returncode == 0
    assert result.stdout.decode().strip() == str(out / "morning.md")
    assert sorted(p.name for p in out.iterdir()) == ["morning.md"]


def test_a_write_that_fails_midway_changes_no_file(tmp_path):
    """The DOCX (about 40 kB) fits under a 60 kB file-size limit, the PDF does not: the
    earlier brief must stay whole, not become a new DOCX beside an old PDF."""
    out = tmp_path / "out"
    assert run_cli("build", INPUTS, "-o", out, "--title", "Earlier brief").returncode == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    limit = 60_000
    assert len(before["brief-2025-03-19.docx"]) < limit < len(before["brief-2025-03-19.pdf"])

    def small_files():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    result = subprocess.run(
        [sys.executable, "-m", "briefgen", "build", str(INPUTS), "-o", str(out), "-q"],
        capture_output=True,
        timeout=120,
        preexec_fn=small_files,
    )
    _one_line_error(result, 1, "brief-2025-03-19.pdf: cannot write")
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
