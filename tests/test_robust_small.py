"""The smaller holes of issue 14 (item 15, and Ctrl-C from item 3), each run as a user would:
a control character in a subject, a named pipe as a source, standard input or output closed,
/dev/zero as a settings file or an attachment, an empty attachment, a full disk behind
standard output, and Ctrl-C while a source is being read."""

from __future__ import annotations

import email
import email.policy
import json
import os
import resource
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import INPUTS

STEM = "brief-2025-03-19"
MEMORY_CAP = 2 * 1024**3  # a run reading /dev/zero without a limit dies here, not in the OOM killer
INTERRUPT_WITHIN = 5.0  # seconds from SIGINT to exit that count as "at once"


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def run(
    *args: object, cwd: Path | None = None, shell_redirect: str = ""
) -> subprocess.CompletedProcess:
    """``briefgen ARGS`` in a subprocess with no mail settings, its memory capped; with
    ``shell_redirect`` (say ``<&-``) it is started by sh so the redirection is real."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRIEFGEN_")}
    command = [sys.executable, "-m", "briefgen", *map(str, args)]
    if shell_redirect:
        command = ["sh", "-c", f'exec "$@" {shell_redirect}', "sh", *command]
    # sh applies the redirection after subprocess has set up the pipes, so it wins
    return subprocess.run(
        command,
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=60,
        preexec_fn=_cap_memory,
    )


def one_error_line(result: subprocess.CompletedProcess) -> str:
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1, result.stderr.decode()
    return lines[0]


@pytest.fixture(scope="module")
def brief(tmp_path_factory) -> Path:
    """A brief's Markdown with its .json beside it (what 'send' takes the body from); no PDF, to
    stay fast."""
    out = tmp_path_factory.mktemp("brief")
    result = run("build", INPUTS, "-o", out, "--format", "md,json", "-q")
    assert result.returncode == 0, result.stderr.decode()
    return out


def test_a_control_character_in_a_given_subject_is_exit_2_and_no_draft(brief):
    result = run(
        "send",
        f"{STEM}.md",
        "--eml",
        "draft.eml",
        "--to",
        "desk@example.org",
        "--subject",
        "Gas\x0bprices",
        cwd=brief,
    )
    assert result.returncode == 2
    assert "subject may not contain U+000B" in one_error_line(result)
    assert not (brief / "draft.eml").exists()


def test_control_characters_in_the_title_become_a_space_in_the_default_subject(brief, tmp_path):
    # The title comes from the sources or an edited .json, not from --subject: refusing it
    # would stop a run over a stray byte the user never typed.
    for name in (f"{STEM}.md", f"{STEM}.json"):
        (tmp_path / name).write_bytes((brief / name).read_bytes())
    edited = json.loads((tmp_path / f"{STEM}.json").read_text(encoding="utf-8"))
    edited["title"] = "Gas\x1b[31m\x0b prices"
    (tmp_path / f"{STEM}.json").write_text(json.dumps(edited), encoding="utf-8")
    result = run(
        "send", f"{STEM}.md", "--eml", "draft.eml", "--to", "desk@example.org", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr.decode()
    draft = email.message_from_bytes(
        (tmp_path / "draft.eml").read_bytes(), policy=email.policy.default
    )
    assert draft["Subject"] == "Gas [31m prices — 19 March 2025"


def test_a_named_pipe_as_a_source_is_not_a_regular_file(tmp_path):
    fifo = tmp_path / "news.txt"
    os.mkfifo(fifo)
    result = run("build", fifo, "-o", tmp_path / "out", "-q")
    assert result.returncode == 2
    line = one_error_line(result)
    assert str(fifo) in line and "not a regular file (a named pipe)" in line


def test_closed_standard_input_is_one_line_exit_2(tmp_path):
    result = run("build", "-", "-o", tmp_path, shell_redirect="<&-")
    assert result.returncode == 2
    assert "standard input: is closed" in one_error_line(result)


def test_closed_standard_output_is_a_failure_not_a_silent_success(tmp_path):
    result = run("extract", INPUTS, "-q", shell_redirect=">&-")
    assert result.returncode == 1
    assert (
        one_error_line(result) == "briefgen: error: cannot write to standard output (it is closed)"
    )


def test_a_reader_that_stops_early_ends_the_run_quietly_with_the_shells_status():
    """`briefgen config show | head -1`: the reader has what it wanted; no error line, and the
    status a shell gives a writer whose reader went away (141), not success."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRIEFGEN_")}
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first write
    try:
        result = subprocess.run(
            [sys.executable, "-m", "briefgen", "config", "show"],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=write_end,
            stderr=subprocess.PIPE,
            timeout=60,
        )
    finally:
        os.close(write_end)
    assert result.returncode == 141
    assert result.stderr.decode() == ""


@pytest.mark.skipif(
    not os.path.exists("/dev/full"), reason="needs /dev/full (Linux) for a disk that is always full"
)
def test_standard_output_on_a_full_disk_is_one_line_exit_1():
    result = run("extract", INPUTS, "-q", shell_redirect="> /dev/full")
    assert result.returncode == 1
    assert (
        one_error_line(result)
        == "briefgen: error: cannot write to standard output (No space left on device)"
    )


needs_dev_zero = pytest.mark.skipif(
    not os.path.exists("/dev/zero"), reason="needs /dev/zero for a file without end"
)


@needs_dev_zero
@pytest.mark.parametrize(
    "option, what", [("--profile", "profile"), ("--style", "style"), ("--sources", "source list")]
)
def test_dev_zero_as_a_settings_file_is_refused_at_a_size_limit(tmp_path, option, what):
    started = time.monotonic()
    result = run("build", INPUTS, "-o", tmp_path, "--format", "md", "-q", option, "/dev/zero")
    assert result.returncode == 2
    assert one_error_line(result) == f"briefgen: error: {what} /dev/zero: over the 5 MB limit"
    assert time.monotonic() - started < 30


@needs_dev_zero
def test_dev_zero_as_an_attachment_is_refused_at_a_size_limit(brief):
    result = run(
        "send",
        f"{STEM}.md",
        "/dev/zero",
        "--eml",
        "draft.eml",
        "--to",
        "desk@example.org",
        cwd=brief,
    )
    assert result.returncode == 2
    assert one_error_line(result) == "briefgen: error: attachment /dev/zero: over the 25 MB limit"
    assert not (brief / "draft.eml").exists()


def test_an_empty_attachment_is_refused(brief):
    (brief / "notes.pdf").write_bytes(b"")
    result = run(
        "send",
        f"{STEM}.md",
        "notes.pdf",
        "--eml",
        "draft.eml",
        "--to",
        "desk@example.org",
        cwd=brief,
    )
    assert result.returncode == 2
    assert (
        one_error_line(result)
        == "briefgen: error: attachment notes.pdf: is empty; nothing to attach"
    )
    assert not (brief / "draft.eml").exists()


def _interrupt(process: subprocess.Popen) -> tuple[int, float, str]:
    """Send Ctrl-C's signal; the exit status, seconds taken and stderr."""
    os.kill(process.pid, signal.SIGINT)
    started = time.monotonic()
    try:
        _, err = process.communicate(timeout=INTERRUPT_WITHIN * 3)
    finally:
        process.kill()
    return process.returncode, time.monotonic() - started, err.decode()


@pytest.mark.parametrize("blocked", [False, True])
def test_ctrl_c_while_the_main_thread_waits_on_a_pipe_exits_130_at_once(tmp_path, blocked):
    """Also when started with Ctrl-C's signal blocked, as a child of a thread that blocks it is
    (the mask is inherited): the handler would otherwise never run."""
    fifo = tmp_path / "sources.txt"
    os.mkfifo(fifo)
    process = subprocess.Popen(
        [sys.executable, "-m", "briefgen", "build", "--sources", fifo, "-o", tmp_path / "out"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=(
            (lambda: signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})) if blocked else None
        ),
    )
    writer = None
    deadline = time.monotonic() + 30
    while (
        writer is None
    ):  # the writer end opens once briefgen opens the reading end: it is then past start-up
        try:
            writer = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:
            assert time.monotonic() < deadline and process.poll() is None, (
                "briefgen never opened the source list"
            )
            time.sleep(0.05)
    try:  # the writer stays open and silent: briefgen waits for a line that never comes
        code, seconds, err = _interrupt(process)
    finally:
        os.close(writer)
    assert code == 130 and seconds < INTERRUPT_WITHIN, (code, seconds, err)
    assert err.strip().splitlines()[-1] == "briefgen: interrupted"


def _send(fd: int, data: bytes) -> None:
    with os.fdopen(fd, "wb") as pipe:
        pipe.write(data)


def test_read_upto_reads_a_pipe_to_its_end_or_to_the_limit():
    from briefgen.yamlsafe import read_upto

    for written, limit in ((b"abc" * 50_000, 1_000_000), (b"abcdef", 4)):
        reader, writer = os.pipe()
        sending = threading.Thread(target=_send, args=(writer, written))
        sending.start()
        with os.fdopen(reader, "rb") as stream:
            assert read_upto(stream, limit) == written[:limit]
        sending.join()


class _Handled(Exception):
    pass


@pytest.mark.skipif(not hasattr(signal, "pthread_kill"), reason="POSIX threads' signals only")
def test_a_signal_taken_as_a_pipe_read_begins_is_handled_at_once(tmp_path):
    """The race behind the Ctrl-C test above: the signal reaches the process as its read of a
    named pipe begins, and its Python handler waits for the interpreter's next instruction.  Made
    certain here by letting another thread take it (the C handler marks it for the main thread,
    which no interrupted read wakes): a plain read would wait until the writer closes."""
    from briefgen.yamlsafe import read_limited

    if threading.current_thread() is not threading.main_thread():
        pytest.skip("Python runs signal handlers in the main thread only")
    fifo = tmp_path / "sources.txt"
    os.mkfifo(fifo)

    def raise_handled(signum, frame):
        raise _Handled

    previous = signal.signal(signal.SIGUSR1, raise_handled)
    read = threading.Event()

    def open_then_signal():
        writer = os.open(fifo, os.O_WRONLY)  # returns once the read below has opened the pipe
        time.sleep(0.3)  # the main thread is in its read by now
        signal.pthread_kill(threading.get_ident(), signal.SIGUSR1)  # taken by this thread
        read.wait(INTERRUPT_WITHIN)  # then the writer closes: a read still waiting ends
        os.close(writer)

    other = threading.Thread(target=open_then_signal, daemon=True)
    other.start()
    started = time.monotonic()
    try:
        with pytest.raises(_Handled):
            read_limited(fifo, "source list")
        assert time.monotonic() - started < INTERRUPT_WITHIN
    finally:
        read.set()
        other.join()
        signal.signal(signal.SIGUSR1, previous)


def test_ctrl_c_while_a_worker_thread_waits_on_a_silent_server_exits_130_at_once(tmp_path):
    with socket.create_server(("127.0.0.1", 0)) as server:
        port = server.getsockname()[1]
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "briefgen",
                "build",
                f"http://127.0.0.1:{port}/news.txt",
                "-o",
                tmp_path,
                "-q",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        server.settimeout(30)
        connection, _ = (
            server.accept()
        )  # the fetch has begun, in a worker thread, and will hear nothing
        with connection:
            code, seconds, err = _interrupt(process)
    assert code == 130 and seconds < INTERRUPT_WITHIN, (code, seconds, err)
    assert err.strip().splitlines()[-1] == "briefgen: interrupted"
