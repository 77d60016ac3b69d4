"""Mail settings from flags, environment and ``briefgen.toml``; sending over SMTP.

``load_settings`` merges, key by key, the command-line flags over the environment
(``BRIEFGEN_SMTP_HOST``, ``_PORT``, ``_TLS``, ``_USER``, ``_PASSWORD``, ``_CAFILE``,
``_TIMEOUT``, ``_FROM``) over the ``[smtp]`` tables of ``briefgen.toml`` in the working
folder and the user's config folder (:mod:`briefgen.config`).  No host anywhere means no
server: the caller writes a draft instead.

``send_message`` connects (STARTTLS by default, certificates verified against the system
store or ``cafile``), logs in when a user is set, and hands the message over only once the
server has accepted every recipient, so a refused recipient means nobody got it.  The
timeout is one wall-clock deadline for the whole session (name lookup, connect, TLS,
every reply, the upload), not a limit on each read that a server sending one byte at a
time could renew for ever.  Every failure is a ``ProcessingError`` of one line naming the
server; the password is never part of any message or repr.
"""

from __future__ import annotations

import base64
import os
import smtplib
import socket
import ssl
from collections.abc import Mapping
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import getaddresses
from pathlib import Path

from ..config import SMTP_KEYS, Config, load_config
from ..errors import InputError, ProcessingError

TLS_MODES = ("starttls", "ssl", "none")
DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}
KEYS = SMTP_KEYS


@dataclass
class MailSettings:
    """Where and how to send, and who sends; ``host`` None means write a draft instead."""

    host: str | None = None
    port: int = 587
    tls: str = "starttls"
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    cafile: Path | None = None
    timeout: float = 30.0
    sender: str | None = None

    @property
    def server(self) -> str:
        return f"{self.host}:{self.port}"


def load_settings(
    flags: Mapping[str, str | None],
    environ: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    config: Config | None = None,
) -> MailSettings:
    """Settings from ``flags`` (keys of ``KEYS``; None = not given) over environment over file
    (``config``, the settings files already read, else read here)."""
    return _settings(mail_values(flags, environ, cwd, config))


def mail_values(
    flags: Mapping[str, str | None],
    environ: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    config: Config | None = None,
) -> dict[str, tuple[str, object]]:
    """Each mail setting given anywhere, as (where it came from, value): the flags over the
    environment over the ``[smtp]`` tables of ``briefgen.toml`` (:mod:`briefgen.config`)."""
    environ = os.environ if environ is None else environ
    config = config or load_config(cwd, environ)
    values = {key: (s.origin, s.value) for key, s in config.smtp.items()}
    for key in KEYS:
        name = f"BRIEFGEN_SMTP_{key.upper()}"
        if environ.get(name):
            values[key] = (f"environment {name}", environ[name])
        if flags.get(key) not in (None, ""):
            values[key] = ("command line", flags[key])
    return values


def envelope_address(address: str, what: str = "address") -> str:
    """The bare ``user@domain`` of ``address`` (which may be 'Name <user@domain>')."""
    pairs = getaddresses([address])
    addr = pairs[0][1] if len(pairs) == 1 else ""
    if not addr or "@" not in addr or any(c.isspace() for c in addr) or not addr.isascii():
        raise InputError(f"{what} {address!r}: not one plain email address (user@domain)")
    return addr


def send_message(message: EmailMessage, settings: MailSettings, recipients: list[str]) -> None:
    """Hand ``message`` to the server for ``recipients`` (bare addresses), all or none."""
    if not settings.host:
        raise InputError(
            "no SMTP server: give --smtp HOST[:PORT], BRIEFGEN_SMTP_HOST or host in briefgen.toml"
        )
    if not settings.sender:
        raise InputError("no sender: give --from, BRIEFGEN_SMTP_FROM or 'from' in briefgen.toml")
    sender = envelope_address(settings.sender, "sender")
    if settings.user and settings.tls == "none":
        raise InputError(
            "will not send a password unencrypted: use --tls starttls or --tls ssl with --user"
        )
    where = f"SMTP {settings.server}"
    try:
        context = ssl.create_default_context(
            cafile=str(settings.cafile) if settings.cafile else None
        )
    except (OSError, ssl.SSLError) as exc:
        raise InputError(
            f"{settings.cafile}: cannot load CA file ({getattr(exc, 'strerror', None) or exc})"
        ) from None
    try:
        with _connect(settings, context) as smtp:
            smtp.ehlo()
            if settings.tls == "starttls":
                if not smtp.has_extn("starttls"):
                    raise ProcessingError(
                        f"{where}: server does not offer STARTTLS "
                        "(use --tls ssl, or --tls none for a trusted local relay)"
                    )
                smtp.starttls(context=context)
                smtp.ehlo()
            if settings.user:
                _login(smtp, settings.user, settings.password or "")
            _transfer(smtp, where, sender, recipients, message.as_bytes())
    except ProcessingError:
        raise
    except ssl.SSLCertVerificationError as exc:
        raise ProcessingError(
            f"{where}: TLS certificate not trusted ({exc.verify_message}); "
            "give the CA with --cafile if it is yours"
        ) from None
    except ssl.SSLError as exc:
        raise ProcessingError(f"{where}: TLS failed ({exc.reason or exc})") from None
    except smtplib.SMTPAuthenticationError as exc:
        raise ProcessingError(
            f"{where}: login failed for user {settings.user} "
            f"({_reply(exc.smtp_code, exc.smtp_error)})"
        ) from None
    except smtplib.SMTPResponseException as exc:
        raise ProcessingError(
            f"{where}: server refused ({_reply(exc.smtp_code, exc.smtp_error)})"
        ) from None
    except smtplib.SMTPServerDisconnected as exc:
        if isinstance(
            exc.__context__, TimeoutError
        ):  # smtplib reports a read timeout as a disconnect
            raise ProcessingError(f"{where}: no answer within {settings.timeout:g} s") from None
        raise ProcessingError(f"{where}: server closed the connection") from None
    except smtplib.SMTPException as exc:
        raise ProcessingError(f"{where}: {exc}") from None
    except ConnectionRefusedError:
        raise ProcessingError(
            f"{where}: connection refused (is the server running, is the port right?)"
        ) from None
    except TimeoutError:  # socket.timeout is TimeoutError since 3.10
        raise ProcessingError(f"{where}: no answer within {settings.timeout:g} s") from None
    except socket.gaierror as exc:
        raise ProcessingError(f"{where}: unknown host ({exc.strerror})") from None
    except OSError as exc:
        raise ProcessingError(f"{where}: cannot connect ({exc.strerror or exc})") from None


def _connect(settings: MailSettings, context: ssl.SSLContext) -> smtplib.SMTP:
    """smtplib's client for ``settings``, every wait of which ends by one deadline."""
    from ..read.url import (  # the URL fetcher's deadline; only a send pays its import
        Deadline,
        bounded_reader,
        connect,
    )

    deadline = Deadline(settings.timeout)

    class Bounded(smtplib.SMTP):
        def _get_socket(self, host, port, timeout):
            return connect((host, port), deadline, self.source_address)

        def getreply(self):
            if (
                self.file is None and self.sock is not None
            ):  # just connected, or just after STARTTLS
                self.file = bounded_reader(self.sock, deadline)
            return super().getreply()

        def send(self, s):
            if self.sock is not None:
                try:
                    self.sock.settimeout(deadline.left())
                except (
                    OSError
                ):  # no time left (TimeoutError), or a socket a failed STARTTLS left unusable
                    # Fail as smtplib fails a send (closed, disconnected, the OSError as the
                    # context send_message reads): the QUIT that `with` sends on the way out
                    # is then ignored, so it can neither hide the error that got us there nor
                    # fail a message the server has already taken.
                    self.close()
                    raise smtplib.SMTPServerDisconnected("cannot send") from None
            super().send(s)

    class BoundedSSL(
        smtplib.SMTP_SSL, Bounded
    ):  # SMTP_SSL's _get_socket wraps in TLS the socket Bounded's connects
        pass

    if settings.tls == "ssl":
        return BoundedSSL(settings.host, settings.port, context=context)
    return Bounded(settings.host, settings.port)


def _login(smtp: smtplib.SMTP, user: str, password: str) -> None:
    """Log in; smtplib sends credentials as ASCII only, so non-ASCII ones go as AUTH PLAIN in
    UTF-8 (RFC 4616)."""
    if (user + password).isascii():
        smtp.login(user, password)
        return
    if "plain" not in smtp.esmtp_features.get("auth", "").lower().split():
        raise smtplib.SMTPException(
            "the server offers no AUTH PLAIN, which a non-ASCII user name or password needs"
        )
    token = base64.b64encode(f"\0{user}\0{password}".encode()).decode("ascii")
    code, reply = smtp.docmd("AUTH", f"PLAIN {token}")
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, reply)


def _transfer(
    smtp: smtplib.SMTP, where: str, sender: str, recipients: list[str], data: bytes
) -> None:
    """MAIL, RCPT for each recipient, DATA, sent only if every recipient was accepted."""
    code, reply = smtp.mail(sender)
    if code != 250:
        smtp.rset()
        raise ProcessingError(f"{where}: sender {sender} refused ({_reply(code, reply)})")
    for recipient in recipients:
        code, reply = smtp.rcpt(recipient)
        if code not in (250, 251):
            smtp.rset()
            raise ProcessingError(
                f"{where}: recipient {recipient} refused ({_reply(code, reply)}); nothing sent"
            )
    smtp.data(data)


def _reply(code: int, reply: bytes | str) -> str:
    text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)
    return f"{code} {' '.join(text.split())}"


def _settings(values: dict[str, tuple[str, object]]) -> MailSettings:
    """Check and convert the merged values, naming where a bad one came from."""
    settings = MailSettings()
    get = {k: str(v) for k, (_, v) in values.items()}

    def bad(key: str, why: str) -> InputError:
        return InputError(f"{values[key][0]}: SMTP {key} {get[key]!r} {why}")

    if "tls" in get:
        if get["tls"].lower() not in TLS_MODES:
            raise bad("tls", f"is not one of {', '.join(TLS_MODES)}")
        settings.tls = get["tls"].lower()
    settings.port = DEFAULT_PORTS[settings.tls]
    if "host" in get:
        settings.host = get["host"]
    if "port" in get:
        if not get["port"].isdigit() or not 0 < int(get["port"]) < 65536:
            raise bad("port", "is not a port number (1-65535)")
        settings.port = int(get["port"])
    if "timeout" in get:
        try:
            settings.timeout = float(get["timeout"])
        except ValueError:
            raise bad("timeout", "is not a number of seconds") from None
        if not settings.timeout > 0:
            raise bad("timeout", "must be above 0")
    if "cafile" in get:
        settings.cafile = Path(get["cafile"]).expanduser()
    settings.user = get.get("user")
    settings.password = get.get("password")
    if "from" in get:
        envelope_address(get["from"], "sender")
        settings.sender = get["from"]
    return settings


def split_host_port(value: str) -> tuple[str, str | None]:
    """'host', 'host:25', '[::1]:25' → (host, port or None)."""
    if value.startswith("["):
        host, _, rest = value[1:].partition("]")
        return host, rest.removeprefix(":") or None
    host, sep, port = value.rpartition(":")
    if sep and host and ":" not in host:
        return host, port
    return value, None
