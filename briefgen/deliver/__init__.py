"""Deliver stage: a built brief → an email, written as an ``.eml`` draft or sent over SMTP.

In: the Brief (from ``build``, or ``read_brief(files)`` from the brief's files) and the
files to attach.  Out: an ``EmailMessage`` (``build_message``, whose body the typesetting
stage makes from the Brief), then either a draft file (``write_draft``) or a message handed
to an SMTP server (``send_message``, with ``MailSettings`` from ``load_settings``).

    brief.py     the Brief behind FILES for 'briefgen send': its .json, else its .docx read back
    message.py   the MIME message (text + HTML alternatives, attachments) and the draft file
    smtp.py      settings from flags / environment / briefgen.toml, and sending
"""

from .brief import read_brief
from .message import build_message, write_draft
from .smtp import MailSettings, envelope_address, load_settings, send_message, split_host_port

__all__ = [
    "MailSettings",
    "build_message",
    "envelope_address",
    "load_settings",
    "read_brief",
    "send_message",
    "split_host_port",
    "write_draft",
]
