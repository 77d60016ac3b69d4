"""Bad sources through the real CLI: one line naming the source and the reason, exit 2,
and the output folder exactly as it was; with --keep-going, a brief that lists them."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.conftest import INPUTS, run_cli
from tests.sources_fixtures import _no_proxy_for_loopback, http_server, make_pdf  # noqa: F401 - fixtures

BIG = 51 * 1_000_000


def _missing(d, s):
    return str(d / "missing.txt")


def _empty_folder(d, s):
    (d / "empty").mkdir()
    (d / "empty" / "notes.xyz").write_text("not an article", encoding="utf-8")
    return str(d / "empty")


def _empty_file(d, s):
    (d / "empty.txt").write_bytes(b"")
    return str(d / "empty.txt")


def _whitespace_file(d, s):
    (d / "blank.md").write_text(" \n\t\n   \n", encoding="utf-8")
    return str(d / "blank.md")


def _binary_junk(d, s):
    (d / "junk.txt").write_bytes(bytes(range(256)) * 40)
    return str(d / "junk.txt")


def _unsupported(d, s):
    (d / "sheet.xlsx").write_bytes(b"PK\x03\x04 not really")
    return str(d / "sheet.xlsx")


def _corrupt_pdf(d, s):
    good = make_pdf(d / "good.pdf", pages=1).read_bytes()
    (d / "broken.pdf").write_bytes(good[: len(good) // 3])
    return str(d / "broken.pdf")


def _not_a_pdf(d, s):
    (d / "fake.pdf").write_text("just text pretending", encoding="utf-8")
    return str(d / "fake.pdf")


def _corrupt_docx(d, s):
    (d / "broken.docx").write_bytes(b"PK\x03\x04" + bytes(range(200)))
    return str(d / "broken.docx")


def _huge_file(d, s):
    with open(d / "huge.txt", "wb") as handle:  # sparse: takes no disk
        handle.truncate(BIG)
    return str(d / "huge.txt")


def _url(path):
    return lambda d, s: s.base + path


CASES = {
    "missing path": (_missing, "no such file or folder"),
    "folder without sources": (_empty_folder, "folder holds no readable sources"),
    "empty file": (_empty_file, "no text in the source"),
    "whitespace-only file": (_whitespace_file, "no text in the source"),
    "binary junk": (_binary_junk, "binary data, not text"),
    "unsupported type": (_unsupported, "unsupported file type '.xlsx'"),
    "corrupt PDF": (_corrupt_pdf, "not a readable PDF"),
    "not a PDF": (_not_a_pdf, "not a readable PDF"),
    "corrupt DOCX": (_corrupt_docx, "not a readable Word document"),
    "file over 50 MB": (_huge_file, "file of 51.0 MB is over the 50 MB limit"),
    "URL times out": (_url("/slow"), "timed out after 1 s"),
    "URL 404": (_url("/missing"), "HTTP 404 Not Found"),
    "URL 500": (_url("/error"), "HTTP 500 Internal Server Error"),
    "URL redirect loop": (_url("/loop"), "too many redirects"),
    "URL serves non-text": (_url("/image.png"), "serves image/png, not an article"),
    "not http(s)": (
        lambda d, s: "ftp://127.0.0.1/brief.txt",
        "only http and https URLs can be read",
    ),
}


@pytest.fixture(scope="module")
def previous_brief(tmp_path_factory):
    """An output folder holding an earlier, complete brief."""
    out = tmp_path_factory.mktemp("previous") / "out"
    result = run_cli("build", INPUTS, "-o", out, "--format", "docx,pdf,json")
    assert result.returncode == 0, result.stderr.decode()
    return out


def _snapshot(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


# The network or the server failed: exit 1, as for any failure to process; the rest are
# bad input, exit 2.
NETWORK_FAILURES = {"URL times out", "URL 500", "URL redirect loop"}


@pytest.mark.parametrize("case", CASES)
def test_bad_source_one_line_nothing_written(case, tmp_path, previous_brief, http_server):
    make, reason = CASES[case]
    out = tmp_path / "out"
    shutil.copytree(previous_brief, out)
    before = _snapshot(out)
    source = make(tmp_path, http_server)
    result = run_cli(
        "build", INPUTS, source, "-o", out, "--format", "docx,pdf,json", "--url-timeout", "1", "-q"
    )
    stderr = result.stderr.decode()
    assert result.returncode == (1 if case in NETWORK_FAILURES else 2), stderr
    assert stderr.count("\n") == 1 and stderr.startswith("briefgen: error: "), stderr
    assert f"{source}: " in stderr and reason in stderr, stderr
    assert result.stdout == b""
    assert _snapshot(out) == before


def test_extract_leaves_an_earlier_json_alone(tmp_path):
    summary = tmp_path / "summary.json"
    summary.write_text('{"earlier": true}\n', encoding="utf-8")
    result = run_cli("extract", INPUTS, tmp_path / "missing.txt", "-o", summary)
    assert result.returncode == 2
    assert summary.read_text(encoding="utf-8") == '{"earlier": true}\n'


def test_keep_going_builds_from_the_rest_and_lists_what_it_skipped(tmp_path, http_server):
    broken = _corrupt_pdf(tmp_path, http_server)
    missing = _missing(tmp_path, http_server)
    gone = http_server.base + "/missing"
    out = tmp_path / "out"
    result = run_cli(
        "build", missing, INPUTS, broken, gone, "--keep-going", "-o", out, "--format", "md,json"
    )
    stderr = result.stderr.decode()
    assert result.returncode == 0, stderr
    assert [line.split(" (")[0] for line in stderr.splitlines()] == [
        f"briefgen: warning: skipped {missing}: no such file or folder",
        f"briefgen: warning: skipped {broken}: not a readable PDF",
        f"briefgen: warning: skipped {gone}: HTTP 404 Not Found",
    ]
    brief = json.loads((out / "brief-2025-03-19.json").read_text(encoding="utf-8"))
    assert len(brief["sources"]) == 2
    assert [s["location"] for s in brief["skipped"]] == [missing, broken, gone]
    markdown = (out / "brief-2025-03-19.md").read_text(encoding="utf-8")
    sources = markdown[markdown.index("## Sources") :]
    assert (
        "Skipped:" in sources
        and "HTTP 404 Not Found" in sources
        and "no such file or folder" in sources
    )


def test_keep_going_with_nothing_readable_exits_2(tmp_path):
    out = tmp_path / "out"
    result = run_cli("build", tmp_path / "a.txt", tmp_path / "b.txt", "--keep-going", "-o", out)
    assert result.returncode == 2
    assert (
        result.stderr.decode().splitlines()[-1]
        == "briefgen: error: no readable sources (2 skipped)"
    )
    assert not out.exists()


def test_limits_can_be_lowered_and_raised(tmp_path):
    sample = INPUTS / "baoquocte-2025-03-19.txt"
    result = run_cli("extract", sample, "--max-source-mb", "0.001")
    assert result.returncode == 2
    assert f"{sample}: file of 0.0 MB is over the 0.001 MB limit" in result.stderr.decode()
    assert run_cli("extract", sample, "--max-source-mb", "1").returncode == 0
    result = run_cli("extract", INPUTS, "--max-sources", "1")
    assert result.returncode == 2
    assert (
        "2 sources are over the limit of 1 (raise it with --max-sources)" in result.stderr.decode()
    )
    assert run_cli("extract", INPUTS, "--max-sources", "2").returncode == 0


def test_no_sources_at_all_is_a_usage_error():
    result = run_cli("build")
    assert result.returncode == 2
    assert "give SOURCES or --sources FILE" in result.stderr.decode()
