"""Fetch an http(s) URL: bytes, type and charset, within a time and size limit.

Only http and https; at most ``MAX_REDIRECTS`` redirects, each to http(s) again; the
User-Agent says who is asking (``briefgen/VERSION``).  ``timeout`` is one wall-clock
deadline for the whole fetch: name lookup, connect, TLS, status line, headers and body of
every redirect.  Each wait on the network is given only the time left, so a server that
trickles bytes cannot hold a run.  Proxies set in the environment (``https_proxy``,
``no_proxy``) are honoured.  Every failure is one line naming the URL: an ``InputError``
(exit 2) when the address is at fault (not http(s), malformed, HTTP 4xx, over the size
limit), a ``ProcessingError`` (exit 1) when the network or the server is (unknown host,
refused or reset connection, timeout, HTTP 5xx, a reply that is not HTTP).

``Deadline``, ``connect`` and ``bounded_reader`` are the deadline's parts; sending mail
(``deliver/smtp.py``) uses them too.
"""

from __future__ import annotations

import io
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlparse

from .. import __version__
from ..errors import InputError, ProcessingError

if TYPE_CHECKING:
    import socket
    import urllib.request

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
    import http.client  # urllib.request and its imports cost 20 ms: only runs with a URL pay it
    import socket
    import urllib.error
    import urllib.request

    request = urllib.request.Request(
        url, headers={"User-Agent": f"briefgen/{__version__}", "Accept": "*/*"}
    )
    try:
        with _opener(url, Deadline(timeout)).open(request) as response:
            length = response.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > max_bytes:
                raise InputError(
                    f"{url}: response of {_mb(int(length))} is over the {_mb(max_bytes)} limit"
                )
            body = _read(response, max_bytes, url)
            message = response.headers
            return Response(
                response.geturl(),
                body,
                message.get_content_type().lower(),
                message.get_content_charset(),
            )
    except urllib.error.HTTPError as exc:
        exc.close()  # it holds the connection of the answer
        if exc.code in (301, 302, 303, 307, 308):
            raise ProcessingError(
                f"{url}: too many redirects (more than {MAX_REDIRECTS}, or a loop)"
            ) from None
        # 4xx: the address given is wrong or barred (bad input); 5xx: the server failed
        error = InputError if 400 <= exc.code < 500 else ProcessingError
        raise error(f"{url}: HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise ProcessingError(f"{url}: timed out after {timeout:g} s") from None
        if isinstance(exc.reason, socket.gaierror):
            raise ProcessingError(f"{url}: unknown host ({exc.reason.strerror})") from None
        raise ProcessingError(f"{url}: cannot fetch ({exc.reason})") from None
    except TimeoutError:
        raise ProcessingError(f"{url}: timed out after {timeout:g} s") from None
    except (
        http.client.InvalidURL
    ) as exc:  # a space or control character, a port that is not a number
        raise InputError(f"{url}: not a valid URL ({exc})") from None
    except ValueError as exc:  # a malformed URL urllib refuses before connecting
        raise InputError(f"{url}: not a valid URL ({exc})") from None
    except OSError as exc:  # connection reset or closed early
        raise ProcessingError(f"{url}: cannot fetch ({exc})") from None
    except (
        http.client.HTTPException
    ) as exc:  # the server does not speak HTTP, or not within http.client's limits
        reason = (
            f"bad status line {exc.line.strip()[:80]!r}"
            if isinstance(exc, http.client.BadStatusLine)
            else str(exc)
        )
        raise ProcessingError(f"{url}: not a valid HTTP response ({reason})") from None


def _opener(url: str, deadline: Deadline) -> urllib.request.OpenerDirector:
    """urllib's opener, whose connections wait for nothing past ``deadline`` and whose
    redirects lead to http(s) only."""
    import http.client
    import urllib.request

    class Bounded:
        """What http.client's connections need to keep the deadline: connect, send and the
        response (the CONNECT through a proxy too) each get the time left."""

        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._create_connection = lambda address, timeout, source: connect(
                address, deadline, source
            )
            self.response_class = response

        def send(self, data) -> None:
            if (
                self.sock is not None
            ):  # None: send() connects first, and connect() keeps the deadline
                self.sock.settimeout(deadline.left())
            super().send(data)

    def response(sock, *args, **kwargs) -> http.client.HTTPResponse:
        # http.client reads status line, headers and body through sock.makefile(), where each
        # read may wait the socket's whole timeout afresh: swap in ours before the first read.
        answer = http.client.HTTPResponse(sock, *args, **kwargs)
        answer.fp.close()
        answer.fp = bounded_reader(sock, deadline)
        return answer

    class HTTPConnection(Bounded, http.client.HTTPConnection):
        pass

    class HTTPSConnection(Bounded, http.client.HTTPSConnection):
        pass

    class HTTPHandler(urllib.request.HTTPHandler):
        def http_open(self, req):
            return self.do_open(HTTPConnection, req)

    class HTTPSHandler(urllib.request.HTTPSHandler):
        def https_open(self, req):
            return self.do_open(HTTPSConnection, req)

    class Redirects(urllib.request.HTTPRedirectHandler):
        max_redirections = MAX_REDIRECTS

        def http_error_302(self, req, fp, code, msg, headers):
            # urllib refuses a redirect to file: or data: itself, but with an HTTPError that
            # reads like a redirect loop; checking first gives the real reason.
            location = headers.get("Location") or headers.get("URI")
            target = urljoin(req.full_url, location or "")
            if not location or urlparse(target).scheme not in ("http", "https"):
                fp.close()
                where = (
                    f"to {target}, which is not http(s); not followed"
                    if location
                    else "without a Location"
                )
                raise InputError(f"{url}: HTTP {code} redirect {where}")
            return super().http_error_302(req, fp, code, msg, headers)

        http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    return urllib.request.build_opener(HTTPHandler, HTTPSHandler, Redirects)


def _read(response, max_bytes: int, url: str) -> bytes:
    chunks, size = [], 0
    while True:
        chunk = response.read1(CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise InputError(f"{url}: response is over the {_mb(max_bytes)} limit")
        chunks.append(chunk)


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.3g} MB"


class Deadline:
    """The moment by which a whole exchange with a server must be over."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._end = time.monotonic() + seconds

    def left(self) -> float:
        """Seconds left until the deadline; TimeoutError once there are none."""
        left = self._end - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"timed out after {self.seconds:g} s")
        return left


def connect(
    address: tuple[str, int], deadline: Deadline, source_address: tuple[str, int] | None = None
) -> socket.socket:
    """A TCP connection to ``address`` (host, port), name lookup included, made by ``deadline``.

    The socket's timeout is then the time left, so a TLS handshake right after it (which
    Python bounds as a whole by that timeout) ends by the deadline too.
    """
    import socket

    host, port = address
    error: OSError = OSError(f"{host}: no address to connect to")
    for family, kind, proto, _, where in _resolve(host, port, deadline):
        sock = socket.socket(family, kind, proto)
        try:
            sock.settimeout(deadline.left())
            if source_address:
                sock.bind(source_address)
            sock.connect(where)
            sock.settimeout(deadline.left())
            return sock
        except OSError as exc:  # try the next address, as socket.create_connection does
            sock.close()
            error = exc
    raise error


def _resolve(host: str, port: int, deadline: Deadline) -> list[tuple]:
    """``getaddrinfo``, given until the deadline.  No socket timeout bounds a name lookup, so
    it runs in a thread of its own, left behind once the time is up (the system resolver's
    own timeout ends it later)."""
    import socket
    import threading

    found: list = []

    def look_up() -> None:
        try:
            found.append(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except Exception as exc:  # raised again in the caller's thread, below
            found.append(exc)

    worker = threading.Thread(target=look_up, name=f"resolve {host}", daemon=True)
    worker.start()
    worker.join(deadline.left())
    if not found:
        raise TimeoutError(f"looking up {host} timed out after {deadline.seconds:g} s")
    if isinstance(found[0], Exception):
        raise found[0]
    return found[0]


def bounded_reader(sock: socket.socket, deadline: Deadline) -> io.BufferedReader:
    """``sock.makefile("rb")``, but each read from the socket waits only until ``deadline``."""
    return io.BufferedReader(_BoundedReads(sock, deadline))


class _BoundedReads(io.RawIOBase):
    """A socket timeout bounds one read; a server sending a byte just within it every time
    would renew it for ever.  Setting the timeout to the time left before every read bounds
    them all together."""

    def __init__(self, sock: socket.socket, deadline: Deadline) -> None:
        self._sock = sock
        self._file = sock.makefile(
            "rb", buffering=0
        )  # keeps the socket open until closed, as makefile() does
        self._deadline = deadline

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int | None:
        self._sock.settimeout(self._deadline.left())
        return self._file.readinto(buffer)

    def close(self) -> None:
        self._file.close()
        super().close()
