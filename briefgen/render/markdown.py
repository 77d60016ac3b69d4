"""Brief → Markdown, through the Jinja2 template ``brief.md.j2``.

Source text reaches the template only as data, and the ``md`` filter escapes it, so a
source that contains ``#``, ``*``, ``|``, ``<b>`` or ``{{ }}`` shows those characters
literally in every format.  Templates run in Jinja2's sandbox: a user's template folder
(``template_dir``) may override any file but cannot reach Python internals.
"""

from __future__ import annotations

import datetime as dt
import re
from importlib import resources
from pathlib import Path

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from ..errors import InputError, ProcessingError
from ..model import Brief

TEMPLATE = "brief.md.j2"
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&!#])")
_LINE_START = re.compile(r"^([-+])(?=\s|$)|^(\d{1,9})([.)])(?=\s|$)")
# Characters XML 1.0 forbids: python-docx refuses them and PDF text extraction yields them.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def shipped_template_dir() -> Path:
    """Where the shipped templates are: inside the installed package, else the checkout."""
    installed = Path(str(resources.files("briefgen"))) / "templates"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / "templates"


def render_markdown(brief: Brief, template_dir: Path | None = None) -> str:
    """The brief as Markdown text."""
    folders = [str(template_dir)] if template_dir else []
    env = SandboxedEnvironment(
        loader=jinja2.FileSystemLoader(folders + [str(shipped_template_dir())]),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        autoescape=False,
    )
    env.filters.update(md=escape_markdown, cite=cite, longdate=lambda iso: escape_markdown(long_date(iso)), link=link)
    try:
        text = env.get_template(TEMPLATE).render(brief=brief)
    except jinja2.TemplateSyntaxError as exc:
        raise InputError(f"template {exc.filename or TEMPLATE}, line {exc.lineno}: {exc.message}") from None
    except jinja2.TemplateError as exc:
        raise ProcessingError(f"template {TEMPLATE}: {exc}") from None
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def escape_markdown(value: object) -> str:
    """Text that Markdown shows exactly as given: one line, specials backslash-escaped."""
    text = " ".join(_XML_INVALID.sub("", str(value)).split())
    text = _MD_SPECIAL.sub(r"\\\1", text)
    # Only the start of a line can open a list, quote or heading; escape what would.
    return _LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", text)


CITED_GROUPS = 6  # a weekly review can cite thousands of sources for one bullet


def cite(source_ids: list[int]) -> str:
    """[1][2] for sources 1 and 2, in source order; [3]–[7] for a run; long lists cut short.

    A statement reported by hundreds of sources would otherwise bury its bullet under
    citations: after ``CITED_GROUPS`` groups the rest is counted ("+ 212 more"); the
    JSON keeps every source.
    """
    ids = sorted(set(source_ids))
    runs: list[list[int]] = []
    for n in ids:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    groups = [f"[{r[0]}]–[{r[-1]}]" if len(r) >= 3 else "".join(f"[{n}]" for n in r) for r in runs]
    if len(groups) <= CITED_GROUPS:
        return "".join(groups)
    rest = sum(len(r) for r in runs[CITED_GROUPS - 1 :])
    return "".join(groups[: CITED_GROUPS - 1]) + f" + {rest} more"


def long_date(iso: str | None) -> str:
    """'2025-03-19' → '19 March 2025'; anything else as given, plain text."""
    if not iso:
        return "undated"
    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.day} {day:%B %Y}"


def link(url: str) -> str:
    """A Markdown link showing the URL itself; only http(s) URLs become links."""
    if not re.match(r"https?://", url, re.I):
        return escape_markdown(url)
    target = url.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")
    return f"[{escape_markdown(url)}](<{target}>)"
