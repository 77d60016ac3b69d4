"""Network waits end by one deadline, and a server that answers wrongly is one clear error.

Real servers on 127.0.0.1, written on raw sockets so that they can do what no polite
server does: send a status line, headers or an SMTP greeting one byte at a time (each
byte soon enough for a per-read timeout, the whole far too late), send 101 headers or a
status line that is not HTTP, redirect to file://.  Elapsed times are checked only
against what the trickling server would take, never as a speed target.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from email.message import EmailMessage

import pytest

from briefgen.deliver import MailSettings, send_message
from briefgen.errors import BriefgenError, InputError, ProcessingError
from briefgen.read import Limits, SourceSpec, read_all, read_sources
from tests.conftest import INPUTS, run_cli
from tests.sources_fixtures import _no_proxy_for_loopback  # noqa: F401 - fixture

SLOWLY = b"x" * 300  # one byte every 0.1 s: 30 s, far past every timeout below
TIMEOUT = 1.0
GENEROUS = 10.0  # seconds: well before the trickle would end, well after the timeout


@contextlib.contextmanager
def raw_server(handle: Callable[[socket.socket], None]) -> Iterator[int]:
    """A TCP server on 127.0.0.1 running ``handle`` on each connection, in a thread of its own;
    yields the port."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.1)  # so that the accepting thread sees `done` soon
    done = threading.Event()

    def serve_one(conn: socket.socket) -> None:
        with conn:
            try:
                handle(conn)
            except OSError:  # the client gave up: what a timeout test wants
                pass

    def accept() -> None:
        while not done.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            conn.settimeout(None)
            threading.Thread(target=serve_one, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        done.set()
        thread.join()
        listener.close()


def trickle(conn: socket.socket, data: bytes, every: float = 0.1) -> None:
    for byte in data:
        conn.sendall(bytes([byte]))
        time.sleep(every)


def request_path(conn: socket.socket) -> str:
    """Read an HTTP request's head; its path."""
    head = b""
    while b"\r\n\r\n" not in head:
        chunk = conn.recv(4096)
        if not chunk:
            break
        head += chunk
    return head.split(b" ")[1].decode("latin-1") if head.count(b" ") >= 2 else ""


def canned(answers: dict[str, bytes]) -> Callable[[socket.socket], None]:
    """An HTTP server's handler giving, for each path, those exact bytes."""

    def handle(conn: socket.socket) -> None:
        conn.sendall(
            answers.get(request_path(conn), b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
        )

    return handle


ARTICLE = (
    b"Ministers agree to extend the grain corridor\n\n"
    b"The ministers agreed on Tuesday to extend the corridor by 120 days, officials said.\n"
)
BAD_ANSWERS = {
    "/garbled": b"HTTP/1.1 abc\r\n\r\n",
    "/not-http": b"SSH-2.0-OpenSSH_9.6\r\n",
    "/many-headers": b"HTTP/1.1 200 OK\r\n"
    + b"X-Padding: y\r\n" * 101
    + b"Content-Length: 0\r\n\r\n",
    "/to-file": b"HTTP/1.1 302 Found\r\nLocation: file:///etc/passwd\r\nContent-Length: 0\r\n\r\n",
    "/to-data": (
        b"HTTP/1.1 301 Moved Permanently\r\nLocation: data:text/plain,hello\r\n"
        b"Content-Length: 0\r\n\r\n"
    ),
    "/nowhere": b"HTTP/1.1 302 Found\r\nContent-Length: 0\r\n\r\n",
    "/article.txt": (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n"
        b"Content-Length: %d\r\n\r\n%s"
    )
    % (len(ARTICLE), ARTICLE),
}


@pytest.mark.parametrize(
    "start",
    [b"", b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Padding: "],
    ids=["status line", "headers"],
)
def test_url_timeout_holds_while_the_answer_trickles_in(start):
    def handle(conn: socket.socket) -> None:
        request_path(conn)
        conn.sendall(start)
        trickle(conn, SLOWLY)

    with raw_server(handle) as port:
        url = f"http://127.0.0.1:{port}/news"
        began = time.monotonic()
        with pytest.raises(ProcessingError) as info:  # the network failed: exit 1
            read_sources([url], limits=Limits(url_timeout=TIMEOUT))
        elapsed = time.monotonic() - began
    assert str(info.value) == f"{url}: timed out after 1 s"
    assert elapsed < GENEROUS


def test_url_timeout_holds_while_a_proxy_trickles_its_answer_to_connect(monkeypatch):
    def handle(conn: socket.socket) -> None:
        request_path(conn)
        conn.sendall(b"HTTP/1.1 200 Connection established\r\nX-Padding: ")
        trickle(conn, SLOWLY)

    with raw_server(handle) as port:
        monkeypatch.setenv(
            "https_proxy", f"http://127.0.0.1:{port}"
        )  # only the proxy would look example.org up
        url = "https://example.org/news"
        began = time.monotonic()
        with pytest.raises(ProcessingError) as info:  # the network failed: exit 1
            read_sources([url], limits=Limits(url_timeout=TIMEOUT))
        elapsed = time.monotonic() - began
    assert str(info.value) == f"{url}: timed out after 1 s"
    assert elapsed < GENEROUS


# A server that does not speak HTTP failed (exit 1); a URL that cannot be asked for or a
# redirect briefgen will not follow is the address at fault (exit 2).
@pytest.mark.parametrize(
    "path, reason, error",
    [
        (
            "/garbled",
            "not a valid HTTP response (bad status line 'HTTP/1.1 abc')",
            ProcessingError,
        ),
        (
            "/not-http",
            "not a valid HTTP response (bad status line 'SSH-2.0-OpenSSH_9.6')",
            ProcessingError,
        ),
        (
            "/many-headers",
            "not a valid HTTP response (got more than 100 headers)",
            ProcessingError,
        ),
        ("/a b", "not a valid URL (URL can't contain control characters", InputError),
        (
            "/to-file",
            "HTTP 302 redirect to file:///etc/passwd, which is not http(s); not followed",
            InputError,
        ),
        (
            "/to-data",
            "HTTP 301 redirect to data:text/plain,hello, which is not http(s); not followed",
            InputError,
        ),
        ("/nowhere", "HTTP 302 redirect without a Location", InputError),
    ],
)
def test_a_bad_answer_or_url_is_one_error_naming_the_url(path, reason, error):
    with raw_server(canned(BAD_ANSWERS)) as port:
        url = f"http://127.0.0.1:{port}{path}"
        with pytest.raises(BriefgenError) as info:
            read_sources([url])
    message = str(info.value)
    assert type(info.value) is error
    assert message.startswith(f"{url}: {reason}"), message
    assert "\n" not in message and "too many redirects" not in message


def test_keep_going_skips_bad_urls_and_reads_the_rest():
    with raw_server(canned(BAD_ANSWERS)) as port:
        base = f"http://127.0.0.1:{port}"
        bad = [f"{base}/garbled", f"{base}/many-headers", f"{base}/a b", f"{base}/to-file"]
        with pytest.warns(UserWarning, match="^skipped "):
            reading = read_all(
                [SourceSpec(u) for u in [*bad, f"{base}/article.txt"]], keep_going=True
            )
    assert [a.title for a in reading.articles] == ["Ministers agree to extend the grain corridor"]
    assert [s.location for s in reading.skipped] == bad


def test_cli_bad_url_in_a_source_list_is_exit_2_or_skipped_with_keep_going(tmp_path):
    with raw_server(canned(BAD_ANSWERS)) as port:
        base = f"http://127.0.0.1:{port}"
        bad = [f"{base}/a b", f"{base}/garbled", f"{base}/many-headers", f"{base}/to-file"]
        sources = tmp_path / "sources.txt"
        sources.write_text(
            "\n".join([str(INPUTS / "baoquocte-2025-03-19.txt"), *bad]) + "\n", encoding="utf-8"
        )

        strict = run_cli("extract", "--sources", sources, "-q")
        lenient = run_cli("extract", "--sources", sources, "--keep-going", "-q")

    assert strict.returncode == 2, strict.stderr.decode()
    assert strict.stderr.decode().startswith(f"briefgen: error: {base}/a b: not a valid URL")
    assert len(strict.stderr.decode().splitlines()) == 1

    assert lenient.returncode == 0, lenient.stderr.decode()
    skips = [
        line
        for line in lenient.stderr.decode().splitlines()
        if line.startswith("briefgen: warning: skipped ")
    ]
    assert (
        [line.startswith(f"briefgen: warning: skipped {u}: ") for u, line in zip(bad, skips)]
        == [True] * len(bad)
        == [True] * len(skips)
    )
    brief = json.loads(lenient.stdout)
    assert [s["location"] for s in brief["skipped"]] == bad


def _mail() -> tuple[EmailMessage, MailSettings]:
    message = EmailMessage()
    message["Subject"] = "Brief"
    message.set_content("The brief.")
    return message, MailSettings(tls="none", timeout=TIMEOUT, sender="analyst@example.org")


def test_smtp_timeout_holds_against_a_greeting_sent_one_byte_at_a_time():
    def handle(conn: socket.socket) -> None:
        trickle(conn, b"220 " + SLOWLY)

    message, settings = _mail()
    with raw_server(handle) as port:
        settings.host, settings.port = "127.0.0.1", port
        began = time.monotonic()
        with pytest.raises(ProcessingError) as info:
            send_message(message, settings, ["desk@example.org"])
        elapsed = time.monotonic() - began
    assert str(info.value) == f"SMTP 127.0.0.1:{port}: no answer within 1 s"
    assert elapsed < GENEROUS


def test_smtp_timeout_bounds_the_whole_session_not_each_reply():
    """Each reply comes 0.4 s after the command, within any per-read timeout of 1 s; the
    session as a whole would take over 2 s, so it ends at the deadline with nothing sent."""
    commands: list[bytes] = []

    def handle(conn: socket.socket) -> None:
        replies = conn.makefile("rb")
        time.sleep(0.4)
        conn.sendall(b"220 slow.example.org ESMTP\r\n")
        for line in replies:
            commands.append(line.split()[0].upper() if line.strip() else b"")
            time.sleep(0.4)
            conn.sendall(b"354 go on\r\n" if line.upper().startswith(b"DATA") else b"250 OK\r\n")

    message, settings = _mail()
    with raw_server(handle) as port:
        settings.host, settings.port = "127.0.0.1", port
        began = time.monotonic()
        with pytest.raises(ProcessingError) as info:
            send_message(message, settings, ["desk@example.org"])
        elapsed = time.monotonic() - began
    assert str(info.value) == f"SMTP 127.0.0.1:{port}: no answer within 1 s"
    assert b"DATA" not in commands
    assert elapsed < GENEROUS
