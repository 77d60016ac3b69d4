"""A Brief + its files → an email message; a message → an ``.eml`` draft on disk.

The message is multipart/mixed: a multipart/alternative body (plain text, then HTML) and
the brief's files as attachments.  The typesetting stage makes the body
(:func:`briefgen.typeset.render_email`, with the brief's style, so it looks like the
brief); nothing here renders.  Headers are Unicode-safe (RFC 2047 for the subject, RFC
2231 for non-ASCII file names) and bodies quoted-printable, so the bytes are 7-bit and pass
any SMTP server.  A draft carries ``X-Unsent: 1``, which classic Outlook for Windows and
Thunderbird 102 or later read as 'open this for editing'; Apple Mail shows it as received.
A draft always has a From: the configured sender, else a placeholder that is nobody's address.
"""

from __future__ import annotations

import copy
import datetime as dt
import email.policy
import email.utils
import mimetypes
import unicodedata
import warnings
from email.header import Header
from email.message import EmailMessage
from pathlib import Path

from ..errors import InputError
from ..model import Brief
from ..typeset import render_email
from ..typeset.markdown import long_date
from ..typeset.style import Style
from ..yamlsafe import MB, read_limited

MIME_TYPES = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pdf": "application/pdf",
    ".md": "text/markdown",
    ".json": "application/json",
    ".html": "text/html",
}
# Most mail servers refuse a message over 25 MB (and base64 makes an attachment a third
# larger), so a bigger file could never arrive; a brief's PDF is well under 1 MB.
ATTACHMENT_LIMIT = 25 * MB
# A draft with no From leaves the sender to each client's guess; this one is plainly there to
# be replaced, and .invalid (RFC 2606) can never be anyone's domain.
PLACEHOLDER_SENDER = "Your Name <change-me@example.invalid>"


def build_message(
    brief: Brief,
    files: list[Path],
    to: list[str],
    cc: list[str] | None = None,
    sender: str | None = None,
    subject: str | None = None,
    *,
    style: Style | None = None,
    template_dir: Path | None = None,
    marking: str | None = None,
) -> EmailMessage:
    """The email handing over ``brief``, whose documents ``files`` are attached.

    Its body shows the brief in short (see :func:`briefgen.typeset.render_email`), typeset
    with ``style``, ``template_dir`` and ``marking`` as the brief was (the shipped style and
    templates when None).  ``subject`` None means 'Title — 19 March 2025'.  Bad headers and
    unreadable files are InputErrors.
    """
    attachments = [(path, _read(path)) for path in files]
    message = EmailMessage(policy=email.policy.SMTP)
    try:
        if sender:
            message["From"] = sender
        if to:
            message["To"] = ", ".join(to)
        if cc:
            message["Cc"] = ", ".join(cc)
        message["Subject"] = _Subject(subject if subject is not None else default_subject(brief))
    except (
        ValueError,
        IndexError,
    ) as exc:  # a header the email package refuses (line breaks, bad address)
        raise InputError(f"message header: {exc}") from None
    message["Date"] = email.utils.format_datetime(dt.datetime.now().astimezone())
    domain = email.utils.parseaddr(sender or "")[1].rpartition("@")[2]
    message["Message-ID"] = email.utils.make_msgid(domain=domain or "briefgen.localhost")
    body = render_email(brief, [path.name for path in files], template_dir, style, marking)
    message.set_content(body.text, cte="quoted-printable")
    message.add_alternative(body.html, subtype="html", cte="quoted-printable")
    for path, data in attachments:
        maintype, subtype = _mime_type(path).split("/")
        params = {"charset": "utf-8"} if maintype == "text" else {}
        message.add_attachment(data, maintype, subtype, filename=path.name, params=params)
    return message


# Control characters, line and paragraph separators, and lone surrogates (undecodable bytes
# on the command line): none can be written in a header.
_NOT_IN_SUBJECT = frozenset({"Cc", "Zl", "Zp", "Cs"})


class _Subject(str):
    """The Subject header, folded by the classic ``email.header`` encoder.

    The email package's default folder (3.11 up to at least 3.13) can move the space
    between two RFC 2047 encoded words into the fold, where decoders drop it, so a long
    Unicode subject arrives with words run together (CPython gh-144156).  A header value
    with a ``name`` and a ``fold`` is used as given by ``EmailMessage``.
    """

    name = "Subject"

    def __new__(cls, value: str) -> _Subject:
        if "\r" in value or "\n" in value:
            raise ValueError("the subject may not contain line breaks")
        # ``Header`` splits at every character str.splitlines() does (\x0b, \x0c, \x1c-\x1e,
        # \x85, U+2028/9), so a vertical tab would end the header and start a broken one.
        bad = next((c for c in value if unicodedata.category(c) in _NOT_IN_SUBJECT), None)
        if bad is not None and unicodedata.category(bad) == "Cs":
            raise ValueError("the subject is not valid UTF-8 text")
        if bad is not None:
            raise ValueError(
                f"the subject may not contain U+{ord(bad):04X} "
                "(control characters and line separators cannot be sent)"
            )
        return super().__new__(cls, value)

    def fold(self, *, policy) -> str:
        charset = "us-ascii" if self.isascii() else "utf-8"
        value = Header(str(self), charset, header_name=self.name).encode(linesep=policy.linesep)
        return f"{self.name}: {value}{policy.linesep}"


def default_subject(brief: Brief) -> str:
    """'Title — 19 March 2025', or the title alone for an undated brief.

    The title comes from the sources, not the user, so a stray control character in it is
    turned into a space here rather than refused."""
    title = "".join(" " if unicodedata.category(c) in _NOT_IN_SUBJECT else c for c in brief.title)
    title = " ".join(title.split())
    return f"{title} — {long_date(brief.date)}" if brief.date else title


def write_draft(message: EmailMessage, path: Path) -> Path:
    """Write ``message`` as an RFC 5322 ``.eml`` file that mail clients open as a draft.

    A message without From gets ``PLACEHOLDER_SENDER`` and a warning saying how to set one."""
    from ..write import write_atomic

    draft = copy.deepcopy(message)  # the caller's message stays fit for sending
    placeholder = draft["From"] is None
    if placeholder:
        draft["From"] = PLACEHOLDER_SENDER
    draft["X-Unsent"] = "1"
    written = write_atomic(path, draft.as_bytes())
    if placeholder:  # after writing: a draft that failed to be written needs no fixing
        warnings.warn(
            f"{written}: the sender is the placeholder {PLACEHOLDER_SENDER}; change it before "
            "sending, or set yours with --from (build: --email-from), BRIEFGEN_SMTP_FROM "
            "or 'from' in the [smtp] table of briefgen.toml",
            stacklevel=2,
        )
    return written


def _mime_type(path: Path) -> str:
    return (
        MIME_TYPES.get(path.suffix.lower())
        or mimetypes.guess_type(path.name)[0]
        or "application/octet-stream"
    )


def _read(path: Path) -> bytes:
    data = read_limited(path, f"attachment {path}", ATTACHMENT_LIMIT)
    if not data:  # a brief's file is never empty: this one was cut short or is the wrong file
        raise InputError(f"attachment {path}: is empty; nothing to attach")
    return data
