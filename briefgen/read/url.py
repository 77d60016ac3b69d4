"""Fetch an http(s) URL: bytes, type and charset, within a time and size limit.

Only http and https; at most ``MAX_REDIRECTS`` redirects, each to http(s) again; the
User-Agent says who is asking (``briefgen/VERSION``).  ``timeout`` bounds the whole
fetch, not just each network read, so a server that trickles bytes cannot hold a run.
Proxies set in the environment (``https_proxy``, ``no_proxy``) are honoured.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import urlparse

from .. import __version__
from ..errors import InputError

MAX_REDIRECTS = 5
CHUNK = 64 * 1024


@dataclass
class Response:
    """What a URL served."""

    url: str  # after redirects
    body: bytes
    content_type: str  # e.g. "text/html", lower case, without parameters
    charset: str | None


def is_url(location: str) -> bool:
    """Whether ``location`` names something to fetch rather than a path (any scheme://)."""
    scheme = urlparse(location).scheme
    return "://" in location and len(scheme) > 1  # one letter is a Windows drive


def fetch(url: str, timeout: float, max_bytes: int) -> Response:
    """GET ``url``; raise InputError naming it and the reason if that fails."""
    if urlparse(url).scheme.lower() not in ("http", "https"):
        raise InputError(f"{url}: only http and https URLs can be read")
    import socket  # urllib.request and its imports cost 20 ms: only runs with a URL pay it
    import urllib.error
    import urllib.request

    class Redirects(urllib.request.HTTPRedirectHandler):
        max_redirections = MAX_REDIRECTS

        def redirect_request(self, req, fp, code, msg, headers, newurl):
            if urlparse(newurl).scheme not in ("http", "https"):
                raise InputError(f"{req.full_url}: redirects to {newurl}, which is not http(s)")
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    deadline = time.monotonic() + timeout
    opener = urllib.request.build_opener(Redirects)
    request = urllib.request.Request(url, headers={"User-Agent": f"briefgen/{__version__}", "Accept": "*/*"})
    try:
        with opener.open(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > max_bytes:
                raise InputError(f"{url}: response of {_mb(int(length))} is over the {_mb(max_bytes)} limit")
            body = _read(response, deadline, max_bytes, url)
            message = response.headers
            return Response(response.geturl(), body, message.get_content_type().lower(), message.get_content_charset())
    except urllib.error.HTTPError as exc:
        if exc.code in (301, 302, 303, 307, 308):
            raise InputError(f"{url}: too many redirects (more than {MAX_REDIRECTS}, or a loop)") from None
        raise InputError(f"{url}: HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, (TimeoutError, socket.timeout)):
            raise InputError(f"{url}: timed out after {timeout:g} s") from None
        raise InputError(f"{url}: cannot fetch ({exc.reason})") from None
    except (TimeoutError, socket.timeout):
        raise InputError(f"{url}: timed out after {timeout:g} s") from None
    except (OSError, ValueError) as exc:  # connection reset, bad status line, malformed URL
        raise InputError(f"{url}: cannot fetch ({exc})") from None


def _read(response, deadline: float, max_bytes: int, url: str) -> bytes:
    chunks, size = [], 0
    while True:
        if time.monotonic() > deadline:
            raise TimeoutError
        # Each read waits at most the socket timeout; checking the deadline between reads
        # stops a server that trickles bytes.
        chunk = response.read1(CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise InputError(f"{url}: response is over the {_mb(max_bytes)} limit")
        chunks.append(chunk)


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.3g} MB"
