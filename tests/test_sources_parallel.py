"""Many mixed sources through the CLI: parallel reading gives the serial result, progress
goes to stderr only (and -q silences it), standard input and source lists work end to end."""

from __future__ import annotations

import json

import pytest

from tests.conftest import INPUTS, run_cli
from tests.sources_fixtures import PAGE, _no_proxy_for_loopback, http_server, make_docx, make_pdf  # noqa: F401 - fixtures


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """30 sources of every file kind: the sample articles cut into pieces, a page, a PDF, a Word
    file."""
    folder = tmp_path_factory.mktemp("corpus")
    n = 0
    for sample in sorted(INPUTS.glob("*.txt")):
        lines = [
            line
            for line in sample.read_text(encoding="utf-8").splitlines()
            if len(line.split()) > 12
        ]
        for start in range(len(lines)):
            n += 1
            piece = lines[start]
            source = f"Source: https://{sample.stem.split('-')[0]}.example/2025/03/19/part-{n}.html"
            (folder / f"piece-{n:02d}.txt").write_text(
                f"Part {n} of the story\n{piece}\n{source}\n", encoding="utf-8"
            )
    (folder / "page.html").write_text(PAGE, encoding="utf-8")
    make_pdf(folder / "report.pdf")
    make_docx(folder / "talks.docx")
    return folder


def test_parallel_and_serial_give_identical_json(corpus, tmp_path):
    for jobs in ("1", "4"):
        result = run_cli(
            "build",
            corpus,
            "--jobs",
            jobs,
            "-q",
            "-o",
            tmp_path / jobs,
            "--format",
            "json",
            "--name",
            "brief",
        )
        assert result.returncode == 0, result.stderr.decode()
    serial = (tmp_path / "1" / "brief.json").read_bytes()
    assert (tmp_path / "4" / "brief.json").read_bytes() == serial
    brief = json.loads(serial)
    assert len(brief["sources"]) > 20
    outlets = {s["outlet"] for s in brief["sources"]}
    assert {
        "Example News",
        "example.org",
        "baoquocte.example",
        "thanhnien.example",
        "report",
    } <= outlets


def test_progress_on_stderr_for_many_sources_and_quiet_silences_it(corpus):
    loud = run_cli("extract", corpus, "--jobs", "2")
    assert loud.returncode == 0
    total = len(json.loads(loud.stdout)["sources"])  # stdout is the JSON and nothing else
    lines = loud.stderr.decode().splitlines()
    assert any(line.startswith(f"reading [{'#' * 24}] {total}/{total} ") for line in lines)
    assert lines[-1].startswith(f"analysing [{'#' * 24}] {total}/{total} ")
    assert all("/s" in line for line in lines)
    quiet = run_cli("extract", corpus, "--jobs", "2", "-q")
    assert quiet.returncode == 0 and quiet.stderr == b""


def test_few_fast_sources_show_no_progress():
    result = run_cli("extract", INPUTS)
    assert result.returncode == 0 and result.stderr == b""


def test_standard_input_is_a_source():
    text = (INPUTS / "thanhnien-2025-03-19.txt").read_bytes()
    result = run_cli("extract", "-", input=text)
    assert result.returncode == 0, result.stderr.decode()
    (source,) = json.loads(result.stdout)["sources"]
    assert source["outlet"] == "thanhnien.vn"
    assert source["title"] == text.decode("utf-8").splitlines()[0].strip()


def test_build_from_urls_and_a_source_list_with_overrides(tmp_path, http_server):
    listing = tmp_path / "sources.csv"
    listing.write_text(
        "source,outlet,title,date\n"
        f"{http_server.base}/article.html,,,\n"
        f"{http_server.base}/report.pdf,Policy Monitor,Monitoring mission agreed,2025-03-20\n"
        f"{INPUTS / 'baoquocte-2025-03-19.txt'},,,\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = run_cli("build", "--sources", listing, "-o", out, "--format", "json,md")
    assert result.returncode == 0, result.stderr.decode()
    brief = json.loads((out / "brief-2025-03-20.json").read_text(encoding="utf-8"))
    assert [(s["outlet"], s["title"], s["date"], s["url"]) for s in brief["sources"]] == [
        (
            "Example News",
            "Grain corridor extended by 120 days",
            "2024-05-02",
            "https://www.example-news.com/world/grain-corridor",
        ),
        (
            "Policy Monitor",
            "Monitoring mission agreed",
            "2025-03-20",
            f"{http_server.base}/report.pdf",
        ),
        (
            "baoquocte.vn",
            brief["sources"][2]["title"],
            "2025-03-19",
            "https://baoquocte.vn/dien-dam-nga-my-pha-bang-va-han-gan-308229.html",
        ),
    ]
