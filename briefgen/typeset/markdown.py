"""Brief → Markdown, through the Jinja2 template ``brief.md.j2`` (the email body through
``email.md.j2``, which includes the same section partials).

Source text reaches the template only as data, and the ``md`` filter escapes it, so a
source that contains ``#``, ``*``, ``|``, ``<b>`` or ``{{ }}`` shows those characters
literally in every format.  Templates run in Jinja2's sandbox: a user's template folder
(``template_dir``) may override any file but cannot reach Python internals.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import re
import signal
import threading
from importlib import resources
from pathlib import Path

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from ..errors import InputError, ProcessingError
from ..model import Brief

TEMPLATE = "brief.md.j2"
EMAIL_TEMPLATE = "email.md.j2"
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&!#])")
_LINE_START = re.compile(r"^([-+]|:(?=::))(?=\s|$|:)|^(\d{1,9})([.)])(?=\s|$)")
# Characters XML 1.0 forbids: python-docx refuses them and PDF text extraction yields them.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def shipped_template_dir() -> Path:
    """Where the shipped templates are: inside the installed package, else the checkout."""
    installed = Path(str(resources.files("briefgen"))) / "templates"
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parents[2] / "templates"


# A template runs within these bounds: a user's template can loop, multiply and include
# without end ("range(100000)" nested twice, "7 ** 10 ** 9", a file including itself).
# the shipped template takes a few milliseconds, a weekly review of 5,000 sources under a second
TEMPLATE_SECONDS = 20
TEMPLATE_MAX_CHARS = 20_000_000  # a brief of 5,000 sources' entries is about 2 MB of Markdown
MAX_EXPONENT = 1000  # "x ** n": beyond this n a number is no figure a brief prints
MAX_REPEAT = 100_000  # "'-' * n": a rule line, not a flood


class _TemplateBudget(Exception):
    """A template ran past its time or output bound."""


class _BoundedEnvironment(SandboxedEnvironment):
    """Jinja2's sandbox, with powers and repetitions bounded (its ranges already are)."""

    intercepted_binops = frozenset({"**", "*"})

    def call_binop(self, context, operator, left, right):
        if operator == "**" and isinstance(right, (int, float)) and abs(right) > MAX_EXPONENT:
            raise _TemplateBudget(
                f"a power of {right} is over the {MAX_EXPONENT} a template may raise to"
            )
        if operator == "*" and any(
            isinstance(a, (str, list, tuple)) and isinstance(b, int) and b > MAX_REPEAT
            for a, b in ((left, right), (right, left))
        ):
            raise _TemplateBudget(f"repeats text more than the {MAX_REPEAT:,} times a template may")
        return super().call_binop(context, operator, left, right)


def render_markdown(
    brief: Brief, template_dir: Path | None = None, template: str = TEMPLATE, **context: object
) -> str:
    """The brief as Markdown text, printed by ``template`` (the brief's, or the email body's
    ``EMAIL_TEMPLATE``) with ``brief`` and ``context`` as its variables.

    An error in a user's template (``template_dir``) is bad input, named by file and line;
    in the shipped template it is a fault of ours.
    """
    fault = InputError if template_dir else ProcessingError
    try:
        loaded = _environment(template_dir).get_template(template)
        with _time_limit(TEMPLATE_SECONDS):
            text = _bounded(loaded.generate(brief=brief, **context))
    except jinja2.TemplateSyntaxError as exc:
        where = f"{exc.filename or template}, line {exc.lineno}"
        raise InputError(f"template {where}: {exc.message}") from None
    except RecursionError:
        raise fault(f"template {template}: includes or calls itself without end") from None
    except Exception as exc:  # noqa: BLE001 - whatever a template's code raises, its file and line say where
        ours = isinstance(exc, (_TemplateBudget, jinja2.TemplateError))
        reason = exc if ours else f"{type(exc).__name__}: {exc}"
        raise fault(f"template {_where(exc, template)}: {reason}") from None
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def ready_templates(template_dir: Path | None = None) -> None:
    """Compile every template ``render_markdown`` may print from ``template_dir`` and the
    shipped folder (a typesetting child does, while it waits for the brief)."""
    env = _environment(template_dir)
    for name in env.list_templates(extensions=["j2"]):
        env.get_template(name)


@functools.lru_cache(maxsize=8)
def _environment(template_dir: Path | None) -> _BoundedEnvironment:
    """The Jinja environment of a template folder, made once: it compiles each template once
    and sees a template edited since (Jinja checks the file's time)."""
    folders = [str(template_dir)] if template_dir else []
    env = _BoundedEnvironment(
        loader=jinja2.FileSystemLoader(folders + [str(shipped_template_dir())]),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        autoescape=False,
    )
    env.filters.update(
        md=escape_markdown,
        cite=cite,
        anchor=anchor,
        longdate=lambda iso: escape_markdown(long_date(iso)),
        link=link,
    )
    # The partials print a section whole unless the email body, which shows each section's
    # lead, says so: a user's brief template need not know of the email.
    env.globals["email"] = False
    return env


def _bounded(chunks) -> str:
    parts, size = [], 0
    for chunk in chunks:
        size += len(chunk)
        if size > TEMPLATE_MAX_CHARS:
            raise _TemplateBudget(
                f"writes over the {TEMPLATE_MAX_CHARS:,} characters a brief may be"
            )
        parts.append(chunk)
    return "".join(parts)


@contextlib.contextmanager
def _time_limit(seconds: float):
    """Stop the template after ``seconds`` (a timer signal: only the main thread can take one,
    so elsewhere, as in a library caller's worker thread, it runs unbounded in time)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "setitimer"
    ):
        yield
        return

    def stop(_signum, _frame):
        raise _TemplateBudget(f"ran for over {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _where(exc: BaseException, template: str = TEMPLATE) -> str:
    """'brief.md.j2, line 12': the last template frame of the error's traceback (Jinja2
    rewrites tracebacks so that template frames carry the template's file and line)."""
    place = template
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2") or filename.endswith(".jinja"):
            place = f"{Path(filename).name}, line {tb.tb_lineno}"
        tb = tb.tb_next
    return place


def escape_markdown(value: object) -> str:
    """Text that Markdown shows exactly as given: one line, specials backslash-escaped."""
    text = " ".join(_XML_INVALID.sub("", str(value)).split())
    text = _MD_SPECIAL.sub(r"\\\1", text)
    # Only the start of a line can open a list, quote, heading or div (":::"); escape what would.
    return _LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", text)


CITED_GROUPS = 6  # a weekly review can cite thousands of sources for one bullet


def source_anchor(source_id: int) -> str:
    """The name of the place of Sources entry ``source_id`` ("src-2"), which its citations
    link to."""
    return f"src-{source_id}"


def anchor(source_id: int) -> str:
    """A Sources entry's number as the place its citations link to: "[[2]]{#src-2}" (a
    pandoc span; it reads "[2]").  A filter, since "{#" opens a comment in a template."""
    return f"[[{source_id}]]{{#{source_anchor(source_id)}}}"


def _cited(source_id: int) -> str:
    """One citation, "[2]", as a link to its Sources entry: "[[2]](#src-2)"."""
    return f"[[{source_id}]](#{source_anchor(source_id)})"


def cite(source_ids: list[int]) -> str:
    """[1][2] for sources 1 and 2, in source order; [3]–[7] for a run; long lists cut short.

    Each number links to its Sources entry (``[[1]](#src-1)``, see :func:`anchor`).  A
    statement reported by hundreds of sources would otherwise bury its bullet under
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
    groups = [
        f"{_cited(r[0])}–{_cited(r[-1])}" if len(r) >= 3 else "".join(_cited(n) for n in r)
        for r in runs
    ]
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
