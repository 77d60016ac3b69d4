"""Sources made by the tests themselves: PDFs (reportlab), Word files (python-docx), web
pages, and a real HTTP server on 127.0.0.1 serving them, slowly, wrongly or not at all."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Grain corridor extended by 120 days | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="og:title" content="Grain corridor extended by 120 days">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-05-02T10:00:00Z">
<link rel="canonical" href="https://www.example-news.com/world/grain-corridor">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>\
<li><a href="/sport">Sport news</a></li></ul></nav>
<div class="advert">Buy cheap watches now, limited offer for readers!</div>
<article>
<h1>Grain corridor extended by 120 days</h1>
<p>Negotiators from both countries agreed on Tuesday to extend the grain corridor by 120 days, \
officials said in Geneva.</p>
<p>The agreement covers three Black Sea ports and an estimated 20 million tonnes of wheat \
and maize, according to the United Nations.</p>
<h2>What happens next?</h2>
<p>The next round of talks is expected in June, officials said. Both sides hope to sign a longer \
deal by then, which would stabilise prices.</p>
<p>Shipping insurers welcomed the news and said premiums would fall by around 10 percent over the \
coming weeks.</p>
</article>
<aside class="related"><h3>Related stories</h3><ul>\
<li><a href="/a">Wheat prices tumble in Chicago trading</a></li>\
<li><a href="/b">Ports reopen after storm damage</a></li></ul></aside>
<section id="comments"><h3>Comments</h3>\
<p>Great article, thanks! Posted by reader42 at 10:31.</p></section>
<footer><p>Copyright 2024 Example News. All rights reserved.</p></footer>
</body></html>
"""

PDF_HEADLINE = "Ministers back a monitoring mission for the ceasefire"
PDF_PARAGRAPHS = [
    (
        "Foreign ministers meeting in Vienna on Friday agreed to send a civilian monitoring "
        "mission of unarmed observers to the ceasefire line, the chair of the meeting told "
        "reporters after six hours of talks that ran late into the evening."
    ),
    (
        "The mission will report every two weeks to the permanent council. Its mandate runs for "
        "six months and can be renewed if both parties agree, a senior diplomat said, adding "
        "that funding of 40 million euros had been pledged."
    ),
    (
        "Critics warned that 200 observers would be too few to cover a line more than 1,000 "
        "kilometres long, and that the mission would depend on the goodwill of the armed forces "
        "on both sides."
    ),
]


def make_pdf(
    path: Path, pages: int = 3, headline: str = PDF_HEADLINE, title: str | None = None
) -> Path:
    """A PDF of ``pages`` pages with a running header and a numbered footer on each, body
    lines wrapped at a fixed measure, and one word hyphenated across a line end."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    if title is not None:
        c.setTitle(title)
    width, height = A4
    for page in range(1, pages + 1):
        c.setFont("Helvetica", 8)
        c.drawString(72, height - 40, "Daily Policy Monitor — internal circulation")
        c.drawString(72, 30, f"Page {page} of {pages}")
        y = height - 90
        if page == 1:
            c.setFont("Helvetica-Bold", 16)
            c.drawString(72, y, headline)
            y -= 36
        c.setFont("Helvetica", 10)
        for number, paragraph in enumerate(PDF_PARAGRAPHS):
            lines = _wrap(f"{paragraph} (Part {page}.{number + 1}.)", 95)
            if page == 1 and number == 0:
                lines = _hyphenate(lines, "unarmed", 2)
            for line in lines:
                c.drawString(72, y, line)
                y -= 14
            y -= 10
        c.showPage()
    c.save()
    return path


def _wrap(text: str, measure: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > measure:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return lines + [line]


def _hyphenate(lines: list[str], word: str, at: int) -> list[str]:
    """Break ``word``, which starts the second line, across the first line's end: "un-" /
    "armed"."""
    assert lines[1].startswith(word + " "), lines[:2]
    return [f"{lines[0]} {word[:at]}-", lines[1][at:], *lines[2:]]


def make_docx(path: Path, source_url: str = "https://www.example.org/2025/03/19/talks") -> Path:
    import docx

    document = docx.Document()
    document.add_heading("Talks resume in Istanbul after a two-month pause", 0)
    document.add_paragraph(
        "Delegations from both sides met in Istanbul on Wednesday for the first time since "
        "January, the host government said."
    )
    document.add_heading("Prisoner exchange", 1)
    document.add_paragraph(
        "The two delegations agreed to exchange 300 prisoners each before the end of the month, "
        "according to the mediators."
    )
    document.add_paragraph(
        "Observers cautioned that earlier exchanges had been delayed for weeks by disputes over "
        "the lists of names."
    )
    document.add_paragraph(f"Source: {source_url}")
    document.save(str(path))
    return path


def pdf_bytes(**kwargs) -> bytes:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        return make_pdf(Path(folder) / "x.pdf", **kwargs).read_bytes()


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        self.server.agents.append(self.headers.get("User-Agent", ""))
        route = self.server.routes.get(self.path)
        if route is None:
            self.send_error(404, "Not Found")
            return
        status, headers, body, delay, *trickle = route
        if delay:
            time.sleep(delay)
        self.send_response(status)
        for name, value in headers.items():
            if (
                value is not None
            ):  # None: leave the header out (the body ends when the connection closes)
                self.send_header(name, value.replace("{base}", self.server.base))
        if "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            if trickle:  # one byte at a time, each soon enough to keep a per-read timeout happy
                for byte in body:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(trickle[0])
            else:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout test)

    def log_message(self, *args) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    routes: dict
    agents: list
    base: str


SLOW_SECONDS = 4


@pytest.fixture(scope="session")
def http_server():
    """A real HTTP server on 127.0.0.1 (random port); yields its base URL and state."""
    server = _Server(("127.0.0.1", 0), _Handler)
    server.base = f"http://127.0.0.1:{server.server_address[1]}"
    server.agents = []
    server.routes = {
        "/article.html": (
            200,
            {"Content-Type": "text/html; charset=utf-8"},
            PAGE.encode("utf-8"),
            0,
        ),
        "/report.pdf": (200, {"Content-Type": "application/pdf"}, pdf_bytes(), 0),
        "/download": (
            200,
            {"Content-Type": "application/octet-stream"},
            pdf_bytes(pages=2, headline="Downloaded report on the monitoring mission"),
            0,
        ),
        "/unsized": (
            200,
            {"Content-Type": "text/html", "Content-Length": None},
            PAGE.encode("utf-8"),
            0,
        ),
        "/latin1.txt": (
            200,
            {"Content-Type": "text/plain; charset=iso-8859-1"},
            (
                "Café talks in Genève end\nThe ministers met in the café of the Palais on Monday, "
                "and the talks ended without a deal.\n"
            ).encode("latin-1"),
            0,
        ),
        "/moved": (301, {"Location": "{base}/article.html"}, b"", 0),
        "/loop": (302, {"Location": "{base}/loop"}, b"", 0),
        "/to-ftp": (302, {"Location": "ftp://127.0.0.1/file.txt"}, b"", 0),
        "/slow": (200, {"Content-Type": "text/html"}, PAGE.encode("utf-8"), SLOW_SECONDS),
        "/trickle": (
            200,
            {"Content-Type": "text/plain"},
            b"Headline\nA body that arrives far too slowly.\n",
            0,
            0.1,
        ),
        "/error": (500, {"Content-Type": "text/plain"}, b"Internal Server Error", 0),
        "/image.png": (
            200,
            {"Content-Type": "image/png"},
            b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
            0,
        ),
        "/blob": (200, {"Content-Type": "application/octet-stream"}, bytes(range(256)) * 64, 0),
        "/huge": (200, {"Content-Type": "text/plain", "Content-Length": str(3_000_000)}, b"", 0),
    }
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def _no_proxy_for_loopback(monkeypatch):
    """A proxy set in the environment must not carry requests meant for 127.0.0.1."""
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
