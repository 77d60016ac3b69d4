"""The PDF and the DOCX typeset ahead in forked processes (briefgen.typeset.ahead): the same
bytes as typeset in the process itself, and every failure of a child ends in the parent
typesetting that format itself, so errors and warnings read as they always have.

Forking is done only in a process with no other thread, which a pytest-xdist worker is not:
each test runs its Python in a subprocess, as the CLI runs."""

from __future__ import annotations

import os
import signal
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


def test_the_formats_typeset_ahead_are_those_typeset_here():
    result = _python(
        """
import sys
from briefgen.typeset.ahead import TypesetAhead
ahead = TypesetAhead.start(["md", "docx", "pdf"])
assert ahead is not None, "no fork in a process with one thread"
assert ahead.formats == ("pdf", "docx"), ahead.formats
from briefgen import api
from briefgen.typeset import render
brief = api.extract([sys.argv[1]])
built = render(brief, ["md", "docx", "pdf"], ahead=ahead)
assert list(built) == ["md", "docx", "pdf"], list(built)
assert ahead.pid("pdf") == ahead.pid("docx") == 0, "the children are reaped"
for fmt in ("docx", "pdf"):
    print(fmt, len(built[fmt]), built[fmt] == render(brief, [fmt])[fmt])
""",
        str(INPUTS),
    )
    assert result.returncode == 0, result.stderr.decode()
    lines = [line.split() for line in result.stdout.decode().splitlines()]
    assert [(fmt, same) for fmt, _, same in lines] == [("docx", "True"), ("pdf", "True")]
    assert all(int(size) > 10_000 for _, size, _ in lines)


def test_a_build_whose_formats_all_go_ahead_leaves_the_writers_to_the_children(tmp_path):
    """The parent never imports the Markdown stack nor a writer: that is the time it saves."""
    result = _python(
        """
import sys
from briefgen import api
paths = api.build([sys.argv[1]], sys.argv[2])
print(sorted(p.suffix for p in paths))
print(sorted(m for m in ("jinja2", "markdown_it", "docx", "reportlab") if m in sys.modules))
""",
        str(INPUTS),
        str(tmp_path),
    )
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().splitlines() == ["['.docx', '.pdf']", "[]"]
    assert (tmp_path / "brief-2025-03-19.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("how", ["SIGKILL", "SIGINT"])
def test_a_child_that_died_leaves_the_pdf_to_the_parent(how):
    """Killed, or interrupted as Ctrl-C interrupts a whole process group while the parent
    goes on (in the CLI the parent stops too, and says so once)."""
    result = _python(
        f"""
import os, signal, sys, time
from briefgen.typeset.ahead import TypesetAhead
from briefgen import api
from briefgen.typeset import render
signal.signal(signal.SIGINT, lambda *_: os.write(2, b"a handler of the parent ran\\n"))
ahead = TypesetAhead.start(["pdf"])
time.sleep(0.2)
os.kill(ahead.pid("pdf"), signal.{how})
brief = api.extract([sys.argv[1]])
pdf = render(brief, ["pdf"], ahead=ahead)["pdf"]
print(pdf.startswith(b"%PDF"), ahead.pid("pdf"))
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
ahead = module.TypesetAhead.start(["pdf"])
child = ahead.pid("pdf")
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
print(pdf == render(brief, ["pdf"])["pdf"], state, ahead.pid("pdf"), waited < 30)
""",
        str(INPUTS),
    )
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().split() == ["True", "gone", "0", "True"]


def test_children_never_sent_the_brief_are_stopped_and_reaped():
    result = _python(
        """
import os
from briefgen.typeset.ahead import TypesetAhead
ahead = TypesetAhead.start(["docx", "pdf"])
children = [ahead.pid("docx"), ahead.pid("pdf")]
ahead.close()
for child in children:
    try:
        os.kill(child, 0)
        print("alive")
    except ProcessLookupError:
        print("gone")
"""
    )
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().split() == ["gone", "gone"]


def test_a_run_cut_off_by_ctrl_c_kills_its_children_before_it_exits():
    """The watchdog's exit (briefgen.cli._exit_interrupted) skips the unwinding that would
    stop the children: it kills them itself, or they would hold the run's stderr open."""
    result = _python(
        """
import os, signal
from briefgen.typeset.ahead import TypesetAhead
from briefgen import cli
ahead = TypesetAhead.start(["docx", "pdf"])
children = [ahead.pid("docx"), ahead.pid("pdf")]
run = os.fork()
if run == 0:
    cli._exit_interrupted()  # as the watchdog does, a second after Ctrl-C
_, status = os.waitpid(run, 0)
print(os.waitstatus_to_exitcode(status))
for child in children:  # children of the process that exited: killed, not left running
    _, status = os.waitpid(child, 0)
    print(os.waitstatus_to_exitcode(status))
"""
    )
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().split() == ["130", str(-signal.SIGKILL), str(-signal.SIGKILL)]


def test_the_cli_shows_a_warning_of_the_pdf_once_and_writes_it(tmp_path):
    """The child hits the missing font first; it gives up, and the parent warns."""
    style = tmp_path / "style.yaml"
    style.write_text("font: {pdf: [{regular: /nowhere/NoSuchFont.ttf}]}\n")
    out = tmp_path / "out"
    result = run_cli("build", INPUTS, "-o", out, "-q", "--style", style)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stderr.decode().count("no TrueType font of the style found") == 1
    assert (out / "brief-2025-03-19.pdf").read_bytes().startswith(b"%PDF")


def test_the_cli_shows_a_warning_of_the_docx_once_and_writes_it(tmp_path):
    """The DOCX's child meets the reference document's missing style first; the parent warns."""
    import docx

    reference = docx.Document()
    heading = reference.styles["Heading 1"].element
    heading.getparent().remove(heading)
    reference.save(tmp_path / "bare.docx")
    out = tmp_path / "out"
    result = run_cli("build", INPUTS, "-o", out, "-q", "--reference-docx", tmp_path / "bare.docx")
    assert result.returncode == 0, result.stderr.decode()
    assert result.stderr.decode().count("has no style Heading 1") == 1
    assert docx.Document(out / "brief-2025-03-19.docx").styles["Heading 1"] is not None


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
from briefgen.typeset.ahead import TypesetAhead
stop = threading.Event()
worker = threading.Thread(target=stop.wait)
worker.start()
print(TypesetAhead.start(["pdf"]))
stop.set()
worker.join()
import os, time
for _ in range(200):  # a joined thread leaves Linux's task list a moment after join returns
    if len(os.listdir("/proc/self/task")) == 1:
        break
    time.sleep(0.01)
ahead = TypesetAhead.start(["pdf"])
print(ahead is not None)
ahead.close()
"""
    )
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().split() == ["None", "True"]
