"""The PDF typeset ahead in a forked process (briefgen.typeset.ahead): the same bytes as
typeset in the process itself, and every failure of the child ends in the parent typesetting
the PDF itself, so errors and warnings read as they always have.

Forking is done only in a process with no other thread, which a pytest-xdist worker is not:
each test runs its Python in a subprocess, as the CLI runs."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import INPUTS, run_cli

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or (os.cpu_count() or 1) < 2,
    reason="the PDF is typeset ahead only on Linux with two or more cores",
)

EPOCH = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}


def _python(script: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, timeout=120, env=EPOCH
    )


def test_the_pdf_typeset_ahead_is_the_pdf_typeset_here():
    result = _python(
        """
import sys
from briefgen.typeset.ahead import PdfAhead
ahead = PdfAhead.start()
assert ahead is not None, "no fork in a process with one thread"
from briefgen import api
from briefgen.typeset import render
brief = api.extract([sys.argv[1]])
ahead_pdf = render(brief, ["docx", "pdf"], ahead=ahead)["pdf"]
assert ahead.pid == 0, "the child is reaped"
here_pdf = render(brief, ["pdf"])["pdf"]
print(len(ahead_pdf), ahead_pdf == here_pdf)
""",
        str(INPUTS),
    )
    assert result.returncode == 0, result.stderr.decode()
    size, same = result.stdout.decode().split()
    assert int(size) > 10_000 and same == "True"


@pytest.mark.parametrize("how", ["SIGKILL", "SIGINT"])
def test_a_child_that_died_leaves_the_pdf_to_the_parent(how):
    """Killed, or interrupted as Ctrl-C interrupts a whole process group while the parent
    goes on (in the CLI the parent stops too, and says so once)."""
    result = _python(
        f"""
import os, signal, sys, time
from briefgen.typeset.ahead import PdfAhead
from briefgen import api
from briefgen.typeset import render
signal.signal(signal.SIGINT, lambda *_: os.write(2, b"a handler of the parent ran\\n"))
ahead = PdfAhead.start()
time.sleep(0.2)
os.kill(ahead.pid, signal.{how})
brief = api.extract([sys.argv[1]])
pdf = render(brief, ["pdf"], ahead=ahead)["pdf"]
print(pdf.startswith(b"%PDF"), ahead.pid)
""",
        str(INPUTS),
    )
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().split() == ["True", "0"]
    assert not result.stderr


def test_a_child_that_hangs_is_stopped_and_the_parent_typesets_the_pdf():
    result = _python(
        """
import os, sys, time
from briefgen.typeset import ahead as module
module._serve = lambda *args: time.sleep(3600)  # the child hangs (a lock it inherited, say)
module.WAIT_SECONDS = 1.0
ahead = module.PdfAhead.start()
child = ahead.pid
from briefgen import api
from briefgen.typeset import render
brief = api.extract([sys.argv[1]])
started = time.monotonic()
pdf = render(brief, ["pdf"], ahead=ahead)["pdf"]
waited = time.monotonic() - started
try:
    os.kill(child, 0)
    state = "alive"
except ProcessLookupError:
    state = "gone"
print(pdf == render(brief, ["pdf"])["pdf"], state, ahead.pid, waited < 30)
""",
        str(INPUTS),
    )
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().split() == ["True", "gone", "0", "True"]


def test_a_child_never_sent_the_document_is_stopped_and_reaped():
    result = _python(
        """
import os
from briefgen.typeset.ahead import PdfAhead
ahead = PdfAhead.start()
child = ahead.pid
ahead.close()
try:
    os.kill(child, 0)
    print("alive")
except ProcessLookupError:
    print("gone")
"""
    )
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().split() == ["gone"]


def test_the_cli_shows_a_warning_of_the_pdf_once_and_writes_it(tmp_path):
    """The child hits the missing font first; it gives up, and the parent warns."""
    style = tmp_path / "style.yaml"
    style.write_text("font: {pdf: [{regular: /nowhere/NoSuchFont.ttf}]}\n")
    out = tmp_path / "out"
    result = run_cli("build", INPUTS, "-o", out, "-q", "--style", style)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stderr.decode().count("no TrueType font of the style found") == 1
    assert (out / "brief-2025-03-19.pdf").read_bytes().startswith(b"%PDF")


def test_the_cli_writes_the_same_pdf_with_one_job_as_with_two(tmp_path):
    built = {}
    for jobs in ("1", "2"):
        out = tmp_path / jobs
        result = subprocess.run(
            [sys.executable, "-m", "briefgen", "build", str(INPUTS), "-o", str(out), "-q"]
            + ["--jobs", jobs],
            capture_output=True,
            timeout=120,
            env=EPOCH,
        )
        assert result.returncode == 0, result.stderr.decode()
        built[jobs] = {p.name: p.read_bytes() for p in out.iterdir()}
    assert built["1"] == built["2"]


def test_a_failed_analysis_stops_the_child_and_fails_as_before(tmp_path):
    empty = tmp_path / "headline.txt"
    empty.write_text("Only a headline\n")
    started = subprocess.run(
        [sys.executable, "-m", "briefgen", "build", str(empty), "-o", str(tmp_path / "o")],
        capture_output=True,
        timeout=60,
    )
    assert started.returncode == 2  # an input error
    lines = started.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and "headline.txt" in lines[0]
    assert not (tmp_path / "o").exists()


def test_a_process_running_another_thread_typesets_the_pdf_itself():
    result = _python(
        """
import threading
from briefgen.typeset.ahead import PdfAhead
stop = threading.Event()
worker = threading.Thread(target=stop.wait)
worker.start()
print(PdfAhead.start())
stop.set()
worker.join()
import os, time
for _ in range(200):  # a joined thread leaves Linux's task list a moment after join returns
    if len(os.listdir("/proc/self/task")) == 1:
        break
    time.sleep(0.01)
ahead = PdfAhead.start()
print(ahead is not None)
ahead.close()
"""
    )
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().split() == ["None", "True"]
