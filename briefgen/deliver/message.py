"""Summary + brief files → an email message; a message → an ``.eml`` draft on disk.

The message is multipart/mixed: a multipart/alternative body (plain text, then HTML) and
the brief's files as attachments.  Headers are Unicode-safe (RFC 2047 for the subject,
RFC 2231 for non-ASCII file names) and bodies quoted-printable, so the bytes are 7-bit
and pass any SMTP server.  A draft carries ``X-Unsent: 1``, which makes Outlook (and
Apple Mail) open it as a message ready to send rather than as a received one.
"""

from __future__ import annotations

import copy
import datetime as dt
import email.policy
import email.utils
import html
import mimetypes
import textwrap
import unicodedata
from email.header import Header
from email.message import EmailMessage
from pathlib import Path

from ..errors import InputError
from ..typeset.markdown import long_date
from ..yamlsafe import MB, read_limited
from .summary import Summary

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
ACCENT = "#1F4E79"  # the DOCX's link colour, so the email looks like the brief


def build_message(
    summary: Summary,
    files: list[Path],
    to: list[str],
    cc: list[str] | None = None,
    sender: str | None = None,
    subject: str | None = None,
) -> EmailMessage:
    """The email handing over the brief in ``files``, summarised by ``summary``."""
    attachments = [(path, _read(path)) for path in files]
    names = [path.name for path in files]
    message = EmailMessage(policy=email.policy.SMTP)
    try:
        if sender:
            message["From"] = sender
        if to:
            message["To"] = ", ".join(to)
        if cc:
            message["Cc"] = ", ".join(cc)
        message["Subject"] = _Subject(subject if subject is not None else default_subject(summary))
    except (ValueError, IndexError) as exc:  # a header the email package refuses (line breaks, bad address)
        raise InputError(f"message header: {exc}") from None
    message["Date"] = email.utils.format_datetime(dt.datetime.now().astimezone())
    domain = email.utils.parseaddr(sender or "")[1].rpartition("@")[2]
    message["Message-ID"] = email.utils.make_msgid(domain=domain or "briefgen.localhost")
    message.set_content(plain_body(summary, names), cte="quoted-printable")
    message.add_alternative(html_body(summary, names), subtype="html", cte="quoted-printable")
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

    def __new__(cls, value: str) -> "_Subject":
        if "\r" in value or "\n" in value:
            raise ValueError("the subject may not contain line breaks")
        # ``Header`` splits at every character str.splitlines() does (\x0b, \x0c, \x1c-\x1e,
        # \x85, U+2028/9), so a vertical tab would end the header and start a broken one.
        bad = next((c for c in value if unicodedata.category(c) in _NOT_IN_SUBJECT), None)
        if bad is not None and unicodedata.category(bad) == "Cs":
            raise ValueError("the subject is not valid UTF-8 text")
        if bad is not None:
            raise ValueError(f"the subject may not contain U+{ord(bad):04X} (control characters and line separators cannot be sent)")
        return super().__new__(cls, value)

    def fold(self, *, policy) -> str:
        charset = "us-ascii" if self.isascii() else "utf-8"
        value = Header(str(self), charset, header_name=self.name).encode(linesep=policy.linesep)
        return f"{self.name}: {value}{policy.linesep}"


def default_subject(summary: Summary) -> str:
    """'Title — 19 March 2025', or the title alone for an undated brief.

    The title comes from the sources, not the user, so a stray control character in it is
    turned into a space here rather than refused."""
    title = " ".join("".join(" " if unicodedata.category(c) in _NOT_IN_SUBJECT else c for c in summary.title).split())
    return f"{title} — {long_date(summary.date)}" if summary.date else title


def plain_body(summary: Summary, names: list[str]) -> str:
    """The text/plain alternative, wrapped for any mail reader."""
    lines = [summary.title]
    if summary.date:
        lines.append(long_date(summary.date))
    lines += ["", summary.bottom_line_title.upper(), *_wrap(summary.bottom_line), ""]
    for heading, lead in summary.leads:
        lines += [heading, *_wrap(f"- {lead}", indent="  "), ""]
    lines.append(_attached_note(names))
    return "\n".join(lines) + "\n"


def html_body(summary: Summary, names: list[str]) -> str:
    """The text/html alternative: inline styles only (mail clients drop style sheets), no script."""
    e = html.escape
    parts = [
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">',
        f"<title>{e(summary.title)}</title></head>",
        '<body style="margin:0;padding:16px;font-family:Calibri,Arial,sans-serif;font-size:15px;line-height:1.45;color:#222;">',
        f'<h1 style="margin:0 0 4px;font-size:22px;color:{ACCENT};">{e(summary.title)}</h1>',
    ]
    if summary.date:
        parts.append(f'<p style="margin:0 0 16px;color:#555;">{e(long_date(summary.date))}</p>')
    parts += [
        f'<h2 style="margin:16px 0 6px;font-size:17px;">{e(summary.bottom_line_title)}</h2>',
        f'<p style="margin:0;padding:8px 12px;background:#E8EEF4;border-left:4px solid {ACCENT};">{e(summary.bottom_line)}</p>',
    ]
    for heading, lead in summary.leads:
        parts += [
            f'<h2 style="margin:16px 0 6px;font-size:17px;">{e(heading)}</h2>',
            f'<ul style="margin:0;padding-left:22px;"><li>{e(lead)}</li></ul>',
        ]
    parts.append(f'<p style="margin:20px 0 0;color:#555;">{e(_attached_note(names))}</p>')
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def write_draft(message: EmailMessage, path: Path) -> Path:
    """Write ``message`` as an RFC 5322 ``.eml`` file that mail clients open as a draft."""
    from ..write import write_atomic

    draft = copy.deepcopy(message)  # the caller's message stays fit for sending
    draft["X-Unsent"] = "1"
    return write_atomic(path, draft.as_bytes())


def _attached_note(names: list[str]) -> str:
    return f"Full brief attached: {', '.join(names)}." if names else "Full brief attached."


def _wrap(text: str, indent: str = "") -> list[str]:
    return textwrap.wrap(text, width=76, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False) or [""]


def _mime_type(path: Path) -> str:
    return MIME_TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"


def _read(path: Path) -> bytes:
    data = read_limited(path, f"attachment {path}", ATTACHMENT_LIMIT)
    if not data:  # a brief's file is never empty: this one was cut short or is the wrong file
        raise InputError(f"attachment {path}: is empty; nothing to attach")
    return data
