"""Deliver stage: a built brief → an email, written as an ``.eml`` draft or sent over SMTP.

In: a ``Summary`` of the brief (``summarise(brief)`` from a Brief, or ``read_summary(files)``
from the brief's files) and the files to attach.  Out: an ``EmailMessage``
(``build_message``), then either a draft file (``write_draft``) or a message handed to an
SMTP server (``send_message``, with ``MailSettings`` from ``load_settings``).

    summary.py   what the body says: title, date, bottom line, each section's first line
    message.py   the MIME message (text + HTML alternatives, attachments) and the draft file
    smtp.py      settings from flags / environment / briefgen.toml, and sending
"""

from .message import build_message, write_draft
from .smtp import MailSettings, envelope_address, load_settings, send_message, split_host_port
from .summary import Summary, read_summary, summarise

__all__ = [
    "MailSettings",
    "Summary",
    "build_message",
    "envelope_address",
    "load_settings",
    "read_summary",
    "send_message",
    "split_host_port",
    "summarise",
    "write_draft",
]
