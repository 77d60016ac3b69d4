"""URL sources against a real HTTP server on 127.0.0.1: what is served, what is refused."""

from __future__ import annotations

import pytest

from briefgen import __version__
from briefgen.errors import BriefgenError, InputError, ProcessingError
from briefgen.read import Limits, read_sources
from tests.conftest import run_cli
from tests.sources_fixtures import _no_proxy_for_loopback, http_server  # noqa: F401 - fixtures


def test_html_page_by_url(http_server):
    (article,) = read_sources([f"{http_server.base}/article.html"])
    assert article.title == "Grain corridor extended by 120 days"
    assert article.outlet == "Example News"
    assert (
        article.url == "https://www.example-news.com/world/grain-corridor"
    )  # the page's canonical link
    assert "cheap watches" not in article.text
    assert http_server.agents[-1] == f"briefgen/{__version__}"


def test_pdf_by_url_and_download_typed_by_its_bytes(http_server):
    report, download = read_sources(
        [f"{http_server.base}/report.pdf", f"{http_server.base}/download"]
    )
    assert report.title.startswith("Ministers back a monitoring mission")
    assert report.url == f"{http_server.base}/report.pdf" and report.outlet == "127.0.0.1"
    assert download.title == "Downloaded report on the monitoring mission"


def test_charset_from_the_response_header(http_server):
    (article,) = read_sources([f"{http_server.base}/latin1.txt"])
    assert article.title == "Café talks in Genève end"


def test_redirect_followed_to_the_page(http_server):
    (article,) = read_sources([f"{http_server.base}/moved"])
    assert article.title == "Grain corridor extended by 120 days"


# The address at fault is bad input (exit 2); the network or the server at fault is a
# failure to process (exit 1): the same command may work in a minute.
@pytest.mark.parametrize(
    "path, limits, reason, error",
    [
        ("/missing", Limits(), "HTTP 404 Not Found", InputError),
        ("/error", Limits(), "HTTP 500 Internal Server Error", ProcessingError),
        ("/loop", Limits(), "too many redirects", ProcessingError),
        ("/to-ftp", Limits(), "which is not http(s)", InputError),
        (
            "/slow",
            Limits(url_timeout=0.5),
            "timed out after 0.5 s",
            ProcessingError,
        ),  # the server answers only after 4 s
        (
            "/trickle",
            Limits(url_timeout=0.5),
            "timed out after 0.5 s",
            ProcessingError,
        ),  # each byte in time, the whole too late
        ("/image.png", Limits(), "serves image/png, not an article", InputError),
        ("/blob", Limits(), "serves application/octet-stream, not an article", InputError),
        (
            "/huge",
            Limits(max_url_bytes=1_000_000),
            "response of 3 MB is over the 1 MB limit",
            InputError,
        ),
        (
            "/article.html",
            Limits(max_url_bytes=1000),
            "response of 0.00166 MB is over the 0.001 MB limit",
            InputError,
        ),
        ("/unsized", Limits(max_url_bytes=1000), "response is over the 0.001 MB limit", InputError),
    ],
)
def test_bad_urls_name_the_url_and_reason(http_server, path, limits, reason, error):
    url = http_server.base + path
    with pytest.raises(BriefgenError) as info:
        read_sources([url], limits=limits)
    assert type(info.value) is error
    assert str(info.value).startswith(f"{url}: ")
    assert reason in str(info.value)


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/file.txt", "file:///etc/passwd"])
def test_only_http_and_https(url):
    with pytest.raises(InputError, match="only http and https URLs can be read"):
        read_sources([url])


def test_unreachable_host_is_one_clear_error():
    with pytest.raises(ProcessingError, match=r"^http://127\.0\.0\.1:9/x: cannot fetch"):
        read_sources(["http://127.0.0.1:9/x"])


def test_a_host_no_name_server_knows_is_a_network_failure_exit_1(tmp_path):
    # .invalid never resolves (RFC 2606): without a network the lookup fails or times out,
    # either way one line and exit 1, not the exit 2 of a bad address
    url = "http://briefgen-test.invalid/article"
    result = run_cli("build", url, "--url-timeout", "5", "-o", tmp_path / "out")
    error = result.stderr.decode().strip()
    assert result.returncode == 1, error
    assert error.startswith(f"briefgen: error: {url}: ")
    assert "unknown host" in error or "timed out" in error
    assert not (tmp_path / "out").exists()
