"""The ``briefgen`` command: build, extract, render, send, config, profiles, templates, schema.

Exit status: 0 on success, 1 when processing fails (a network failure included), 2 on bad
usage or bad input, 130 when interrupted.  Every failure is one line on stderr naming the
source and the reason (``--debug`` adds the traceback of an internal error); nothing but
results goes to stdout.  Errors are caught here, once.

Settings: an option not given on the command line comes from its environment variable
(``BRIEFGEN_MAX_WORDS``), else from the ``[build]`` table of ``briefgen.toml``
(:mod:`briefgen.config`, fed to click as its ``default_map``), else its default.
"""

from __future__ import annotations

import datetime as dt
import gc
import math
import os
import signal
import sys
import threading
import warnings
from pathlib import Path

import click

from . import __version__, api, config
from .api import AnalysisOptions, ReadOptions, RenderOptions
from .errors import BriefgenError, InputError, unreadable

DEFAULT_FORMATS = ",".join(api.DEFAULT_FORMATS)
ALL_FORMATS = api.FORMATS


def _formats(_ctx, _param, value: str) -> list[str]:
    formats = [f.strip().lower() for f in value.split(",") if f.strip()]
    unknown = [f for f in formats if f not in ALL_FORMATS]
    if unknown or not formats:
        raise click.BadParameter(
            f"{', '.join(unknown) or value!r} (choose from {', '.join(ALL_FORMATS)})"
        )
    return list(dict.fromkeys(formats))


def _name(_ctx, _param, value: str | None) -> str | None:
    if value is not None and not api.plain_name(value):
        raise click.BadParameter(f"{value!r} must be a plain file name without folders")
    return value


def _date(_ctx, _param, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


class _Existing(click.Path):
    """click's Path(exists=True) whose complaint reads as briefgen's others do: "no such file"."""

    def __init__(self, *, folder: bool = False) -> None:
        super().__init__(exists=True, file_okay=not folder, dir_okay=folder, path_type=Path)

    def convert(self, value, param, ctx):
        if not os.path.lexists(value):
            self.fail(f"{value}: no such {'folder' if self.dir_okay else 'file'}", param, ctx)
        return super().convert(value, param, ctx)


class _Range(click.FloatRange):
    """click's FloatRange less NaN, which fails every comparison and so passes any range."""

    def convert(self, value, param, ctx):
        number = super().convert(value, param, ctx)
        if math.isnan(number):
            self.fail(f"{value!r} is not a number", param, ctx)
        return number


# Upper bounds that keep each number usable: see briefgen.api.
_SECONDS = _Range(min=0, min_open=True, max=api.MAX_SECONDS)
_MEGABYTES = _Range(min=0, min_open=True, max=api.MAX_MB)

format_option = click.option(
    "--format",
    "formats",
    default=DEFAULT_FORMATS,
    show_default=True,
    callback=_formats,
    help="Comma-separated output formats: docx, pdf, md, json, html.",
)
output_option = click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(file_okay=False, path_type=Path),
    default=api.DEFAULT_OUTPUT,
    show_default=True,
    help="Folder to write the brief into.",
)
name_option = click.option(
    "--name",
    callback=_name,
    help="File name without extension [default: brief-YYYY-MM-DD, the newest source date].",
)
template_option = click.option(
    "--template",
    "template_dir",
    type=_Existing(folder=True),
    help="Folder of templates that override the shipped ones (brief.md.j2, email.md.j2, ...).",
)
# The typesetting flags' names, which are RenderOptions' own.
_TYPESET_FLAGS = (
    "style_file",
    "paper",
    "reference_docx",
    "marking",
    "author",
    "organisation",
    "handling",
)
typeset_options = [
    click.option(
        "--style",
        "style_file",
        type=_Existing(),
        help="Style file (YAML: fonts, colours, margins, paper, sizes) over the shipped one.",
    ),
    click.option(
        "--paper",
        type=click.Choice(["a4", "letter"], case_sensitive=False),
        help="Paper size [default: from the style file, A4].",
    ),
    click.option(
        "--reference-docx",
        type=_Existing(),
        help="Word file whose styles, margins and paper the DOCX uses.",
    ),
    click.option("--marking", help='Banner at the top and bottom of every page, e.g. "OFFICIAL".'),
    click.option("--author", help="Author: the footer and the Author property [style file's]."),
    click.option("--organisation", help="The office's name, in the page header [style file's]."),
    click.option(
        "--handling",
        help='Handling line atop the first page, e.g. "For internal distribution only".',
    ),
]
profile_option = click.option(
    "--profile",
    default=api.DEFAULT_PROFILE,
    show_default=True,
    help=(
        "Profile name, looked up in ./profiles/, the config folder's profiles/, then the "
        "shipped ones (see 'briefgen profiles'), or path to a profile YAML file."
    ),
)
analysis_options = [
    click.argument("sources", nargs=-1),
    profile_option,
    click.option("--title", help="Title of the brief [default: taken from the sources]."),
    click.option(
        "--max-words",
        type=click.IntRange(min=api.MIN_MAX_WORDS),
        default=api.DEFAULT_MAX_WORDS,
        show_default=True,
        help="Most words of the brief, counting every word but the title and the Sources.",
    ),
    click.option(
        "--date",
        callback=_date,
        help="Date (YYYY-MM-DD) for every source, overriding what they say.",
    ),
]


def _email_options(prefix: str) -> list:
    """--to/--cc/--from/--subject (``send``), or the same with ``--email-`` in front (``build``)."""
    return [
        click.option(
            f"--{prefix}to",
            "email_to",
            multiple=True,
            metavar="ADDR",
            help="Recipient (repeat for more).",
        ),
        click.option(
            f"--{prefix}cc",
            "email_cc",
            multiple=True,
            metavar="ADDR",
            help="Copy recipient (repeat for more).",
        ),
        click.option(
            f"--{prefix}from",
            "email_from",
            metavar="ADDR",
            help="Sender [env BRIEFGEN_SMTP_FROM, or 'from' in briefgen.toml].",
        ),
        click.option(
            f"--{prefix}subject",
            "email_subject",
            help="Subject [default: the brief's title and date].",
        ),
        click.option(
            "--eml",
            type=click.Path(dir_okay=False, path_type=Path),
            help=(
                "Write the email to this .eml file as a draft instead of sending it "
                "[default without an SMTP server: next to the brief]."
            ),
        ),
        click.option(
            "--smtp",
            metavar="HOST[:PORT]",
            help="SMTP server to send through [env BRIEFGEN_SMTP_HOST/_PORT, or briefgen.toml].",
        ),
        click.option(
            "--tls",
            type=click.Choice(["starttls", "ssl", "none"]),
            help="Connection security [default: starttls; none only for a trusted local relay].",
        ),
        click.option(
            "--user",
            metavar="NAME",
            help=(
                "SMTP login; the password comes from BRIEFGEN_SMTP_PASSWORD, "
                "briefgen.toml or a prompt."
            ),
        ),
        click.option(
            "--cafile",
            type=_Existing(),
            help="PEM file of CA certificates to trust for the server instead of the system's.",
        ),
        click.option(
            "--smtp-timeout",
            type=_SECONDS,
            metavar="SECONDS",
            help="Seconds to wait for the server [default: 30].",
        ),
    ]


reading_options = [
    click.option(
        "--sources",
        "source_list",
        type=click.Path(dir_okay=False, path_type=Path),
        help=(
            "File listing sources: one path or URL a line, or YAML/CSV with optional outlet, "
            "title and date per source."
        ),
    ),
    click.option(
        "--keep-going",
        is_flag=True,
        help="Skip unreadable sources (with a warning; listed in the brief) instead of stopping.",
    ),
    click.option("-q", "--quiet", is_flag=True, help="No progress line on stderr."),
    click.option(
        "--jobs",
        type=click.IntRange(min=1),
        default=api.default_jobs,
        show_default="number of cores",
        help="Sources read (and URLs fetched) at once; from 2, the PDF and the DOCX are "
        "typeset in forked processes readied while the brief is made.",
    ),
    click.option(
        "--max-source-mb",
        type=_MEGABYTES,
        default=api.DEFAULT_MAX_SOURCE_MB,
        show_default=True,
        help="Largest source file read.",
    ),
    click.option(
        "--max-sources",
        type=click.IntRange(min=1),
        default=api.DEFAULT_MAX_SOURCES,
        show_default=True,
        help="Most sources one run reads.",
    ),
    click.option(
        "--url-max-mb",
        type=_MEGABYTES,
        default=api.DEFAULT_URL_MAX_MB,
        show_default=True,
        help="Largest response fetched from a URL.",
    ),
    click.option(
        "--url-timeout",
        type=_SECONDS,
        default=api.DEFAULT_URL_TIMEOUT,
        show_default=True,
        help="Seconds allowed to fetch one URL.",
    ),
]


def _with(options):
    def decorate(func):
        for option in reversed(options):
            func = option(func)
        return func

    return decorate


_debug = False  # set by --debug; read once an error reaches main()


def _set_debug(_ctx, _param, value: bool) -> None:
    global _debug
    _debug = _debug or value


debug_option = click.option(
    "-v",
    "--debug",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    envvar="BRIEFGEN_DEBUG",
    callback=_set_debug,
    help="On an internal error, print its traceback too [env BRIEFGEN_DEBUG=1].",
)


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefgen")
@debug_option
@click.pass_context
def cli(ctx) -> None:
    """Turn news articles into a short, cited policy brief (DOCX, PDF, HTML, Markdown, JSON).

    \b
    Quick start:
      briefgen build inputs/ -o output/
      briefgen extract inputs/ -o brief.json   # edit brief.json, then:
      briefgen render brief.json -o output/

    \b
    Options not given come from BRIEFGEN_* variables, then briefgen.toml here or in the
    user's config folder: 'briefgen config show' prints the settings in force.
    Shell completion (bash; zsh and fish alike): eval "$(_BRIEFGEN_COMPLETE=bash_source briefgen)"
    """
    if ctx.invoked_subcommand is None:  # bare 'briefgen': its help, which is no error
        _out(ctx.get_help())
    elif ctx.invoked_subcommand in _SETTINGS_TAKERS:
        settings = config.load_config()
        ctx.meta[_CONFIG] = settings
        ctx.default_map = _default_map(settings)


@cli.command()
@debug_option
@_with(analysis_options)
@_with(reading_options)
@output_option
@format_option
@name_option
@template_option
@_with(typeset_options)
@_with(_email_options("email-"))
def build(
    sources,
    profile,
    title,
    max_words,
    date,
    output,
    formats,
    name,
    template_dir,
    source_list,
    keep_going,
    quiet,
    jobs,
    max_source_mb,
    max_sources,
    url_max_mb,
    url_timeout,
    **more,
) -> None:
    """Read SOURCES (files, folders, globs, URLs, - for stdin), analyse them and write the brief.

    With --email-to (or --eml), also email the files written: see 'briefgen send --help'.
    """
    typeset = {key: more.pop(key) for key in _TYPESET_FLAGS}
    email = more
    settings = (
        _mail_settings(email) if email["email_to"] or email["email_cc"] or email["eml"] else None
    )
    reading = _reading(
        date,
        source_list=source_list,
        keep_going=keep_going,
        quiet=quiet,
        jobs=jobs,
        max_source_mb=max_source_mb,
        max_sources=max_sources,
        url_max_mb=url_max_mb,
        url_timeout=url_timeout,
    )
    rendering = _rendering(formats, name, template_dir, **typeset)
    ahead = api.typeset_ahead(rendering, jobs)
    try:
        brief = _extract(sources, _analysis(profile, max_words, title), reading)
        if email["eml"] is not None:  # refused before the brief is written, not after
            _check_draft(email["eml"], api.output_paths(brief, output, rendering))
        paths = _render(brief, output, rendering, ahead)
    finally:
        if ahead is not None:
            ahead.close()
    if settings is not None:
        _deliver(brief, paths, email, settings, "--email-to", rendering)


@cli.command()
@debug_option
@_with(analysis_options)
@_with(reading_options)
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="JSON file to write [default: standard output].",
)
def extract(sources, profile, title, max_words, date, output, **reading) -> None:
    """Write the structured summary of SOURCES as JSON, for editing before 'render'."""
    from .model import brief_to_json
    from .write import write_atomic

    brief = _extract(sources, _analysis(profile, max_words, title), _reading(date, **reading))
    text = brief_to_json(brief)
    if output is None:
        _out(text, nl=False)
    else:
        try:
            output.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            # mkdir's own words for a file standing where a folder should be are "File exists"
            reason = (
                "a file is in the way"
                if isinstance(exc, (FileExistsError, NotADirectoryError))
                else exc.strerror
            )
            raise InputError(
                f"{output}: cannot create the folder {output.parent} ({reason})"
            ) from None
        write_atomic(output, text.encode("utf-8"))
        _out(output)


@cli.command()
@debug_option
@click.argument("brief_json", type=click.Path(dir_okay=False, path_type=Path))
@output_option
@format_option
@name_option
@template_option
@_with(typeset_options)
def render(brief_json, output, formats, name, template_dir, **typeset) -> None:
    """Typeset BRIEF_JSON (written by 'extract', maybe edited) as documents."""
    from .model import brief_from_json

    try:
        text = brief_json.read_text(encoding="utf-8")
    except OSError as exc:
        raise unreadable(str(brief_json), exc) from None
    except UnicodeDecodeError:
        raise InputError(f"{brief_json}: not UTF-8 text") from None
    brief = brief_from_json(text, str(brief_json))
    _render(brief, output, _rendering(formats, name, template_dir, **typeset))


@cli.group(invoke_without_command=True)
@debug_option
@click.pass_context
def profiles(ctx) -> None:
    """List the profiles --profile NAME finds, and where each comes from.

    \b
    A name is looked up in ./profiles/NAME.yaml, then in the profiles folder of
    the user's config folder ($XDG_CONFIG_HOME/briefgen/profiles, by default
    ~/.config/briefgen/profiles; %APPDATA%\\briefgen\\profiles on Windows), then among
    the shipped profiles.  'profiles show NAME > mine.yaml' gives one to start from.
    """
    from .profile import SHIPPED, find_profiles

    if ctx.invoked_subcommand is not None:
        return
    for entry in find_profiles():
        where = "shipped" if entry.origin == SHIPPED else f"{entry.location}"
        if entry.hides:
            where += f", over {', '.join(entry.hides)}"
        try:
            p = entry.load()
        except InputError as exc:  # one bad file of the user's does not hide the others
            warnings.warn(str(exc), stacklevel=1)
            _out(f"{entry.name:10} (not usable: see the warning)  [{where}]")
            continue
        sections = ", ".join(s.title for s in p.sections)
        _out(f"{entry.name:10} {p.title}: {sections}  [{where}]")


@profiles.command("show")
@debug_option
@click.argument("name")
def profiles_show(name) -> None:
    """Print profile NAME (or a profile file) as YAML."""
    from .profile import load_profile

    _out(load_profile(name).source_text, nl=False)


@cli.group(invoke_without_command=True)
@debug_option
@click.pass_context
def templates(ctx) -> None:
    """List the shipped templates; 'templates show NAME' prints one.

    \b
    A --template folder overrides any of them by a file of the same name:
      mkdir mine && briefgen templates show > mine/brief.md.j2
      briefgen build inputs/ --template mine
    """
    from .starters import template_names

    if ctx.invoked_subcommand is None:
        for name in template_names():
            _out(name)


@templates.command("show")
@debug_option
@click.argument("name", required=False, default="brief.md.j2")
def templates_show(name) -> None:
    """Print the shipped template NAME [default: brief.md.j2]: email.md.j2, or a section
    kind's partial (sections/bullets.md.j2, or just bullets)."""
    from .starters import template_text

    _out(template_text(name), nl=False)


@cli.command()
@debug_option
@click.argument("what", type=click.Choice(["brief", "profile", "style"]), default="brief")
def schema(what) -> None:
    """Print the JSON Schema of a brief's JSON (what 'extract' writes and 'render' reads),
    or of a profile or a style file."""
    import json

    if what == "brief":
        from .model import brief_schema

        found = brief_schema()
    elif what == "profile":
        from .profile import profile_schema

        found = profile_schema()
    else:
        from .typeset.style import STYLE_SCHEMA

        found = STYLE_SCHEMA
    _out(json.dumps(found, indent=2, ensure_ascii=False))


def _analysis(profile: str, max_words: int, title: str | None) -> AnalysisOptions:
    return AnalysisOptions(profile=profile, max_words=max_words, title=title)


def _reading(date: str | None, *, quiet: bool, **flags) -> ReadOptions:
    """The reading flags as options; the other flags' names are ReadOptions' own."""
    return ReadOptions(date=date, progress=not quiet, **flags)


def _rendering(
    formats: list[str], name: str | None, template_dir: Path | None, **typeset
) -> RenderOptions:
    """The output flags as options; the typesetting flags' names are RenderOptions' own."""
    return RenderOptions(formats=tuple(formats), name=name, template_dir=template_dir, **typeset)


def _extract(sources: tuple[str, ...], analysis: AnalysisOptions, reading: ReadOptions):
    # The API's own error for no sources is an InputError; here it is a usage error (exit 2
    # with a pointer to --help), as it was before the API.
    if not sources and reading.source_list is None:
        raise click.UsageError("give SOURCES or --sources FILE")
    return api.extract(list(sources), analysis, reading)


def _render(brief, output: Path, options: RenderOptions, ahead=None) -> list[Path]:
    paths = api.render(brief, output, options, ahead=ahead)
    for path in paths:
        _out(path)
    return paths


@cli.command()
@debug_option
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@_with(_email_options(""))
@template_option
@typeset_options[0]  # --style: the email body looks like the brief built with it
def send(files, template_dir, style_file, **email) -> None:
    """Email a built brief: FILES are its documents (e.g. the .docx and .pdf), attached.

    \b
    The body gives the title, date, bottom line and each section's first line, taken
    from the brief's .json beside FILES if there is one, else from its .docx, and is
    typeset like the brief (with --style and --template as it was built with).
    With an SMTP server (--smtp, BRIEFGEN_SMTP_HOST or briefgen.toml) the email is sent;
    without one, or with --eml, it is written as a draft .eml (marked X-Unsent: Outlook
    and Thunderbird 102+ open it as a new message; other clients as a received one, to
    send again).  Settings: flags, then BRIEFGEN_SMTP_* variables, then the [smtp]
    table (host, port, tls, user, password, cafile, timeout, from) of briefgen.toml in
    this folder or the user's config folder ('briefgen config show' prints them).
    """
    from .deliver import read_brief

    for file in files:  # every attachment, not only the one the body is read from
        if not file.exists():
            raise InputError(f"{file}: no such file")
    settings = _mail_settings(email)
    typeset = RenderOptions(template_dir=template_dir, style_file=style_file)
    _deliver(read_brief(list(files)), list(files), email, settings, "--to", typeset)


_SETTINGS_TAKERS = ("build", "extract", "render", "send")
_CONFIG = "briefgen.config"  # ctx.meta key of the settings files read for this run


def _setting_keys() -> dict[str, str]:
    """Each [build] setting's click parameter name: the option of 'build' spelt like it."""
    names = {}
    for param in build.params:
        for flag in param.opts:
            if flag.removeprefix("--") in config.BUILD_KEYS:
                names[flag.removeprefix("--")] = param.name
    return names


def _default_map(settings: config.Config) -> dict[str, dict[str, object]]:
    """The [build] settings as click's default_map, for each command taking them."""
    names = _setting_keys()
    values = {names[key]: _click_value(key, s.value) for key, s in settings.build.items()}
    return {
        name: {
            param.name: values[param.name]
            for param in cli.commands[name].params
            if param.name in values
        }
        for name in _SETTINGS_TAKERS
    }


def _click_value(key: str, value: object) -> object:
    """A TOML value as the option's own text would give it: a list of formats is
    'docx,pdf'; an address is a list of one."""
    if key == "format" and isinstance(value, list):
        return ",".join(value)
    if key in config.NO_ENVIRONMENT:  # the address lists
        return [value] if isinstance(value, str) else value
    return value


def _give_environment_names() -> None:
    """Let every setting's option read its BRIEFGEN_ variable, in each command."""
    names = _setting_keys()
    for command in _SETTINGS_TAKERS:
        for param in cli.commands[command].params:
            key = next((k for k, n in names.items() if n == param.name), None)
            if key is not None and key not in config.NO_ENVIRONMENT:
                param.envvar = config.env_name(key)


@cli.group("config", invoke_without_command=True)
@debug_option
@click.pass_context
def config_(ctx) -> None:
    """Settings: 'config show' prints those in force and where each comes from.

    \b
    An option not given on the command line comes from its environment variable
    (--max-words from BRIEFGEN_MAX_WORDS), else from the [build] table of briefgen.toml in
    the working folder, else of the one in the user's config folder ($XDG_CONFIG_HOME/
    briefgen, by default ~/.config/briefgen; %APPDATA%\\briefgen on Windows), else its
    default.  Each option of build by its long name, paths relative to the file:
    \b
      [build]
      profile = "econ"
      max-words = 600
      format = ["docx", "pdf", "html"]
      style = "office.yaml"
      email-to = ["desk@example.org"]
    \b
    The [smtp] table sets the mail server: see 'briefgen send --help'.
    """
    if ctx.invoked_subcommand is None:
        _out(ctx.get_help())


@config_.command("show")
@debug_option
def config_show() -> None:
    """Print the settings in force, as TOML, each with where it comes from."""
    from .deliver.smtp import mail_values

    settings = config.load_config()
    names = _setting_keys()
    here = click.get_current_context()
    here.meta[_CONFIG] = settings  # for the message of a bad value: see _origin()
    context = build.make_context(
        "build", [], parent=here, default_map=_default_map(settings)["build"]
    )
    looked = ", ".join(
        f"{path} ({'read' if path.is_file() else 'none'})" for path in settings.looked
    )
    _out(f"# files: {looked}")
    _out("[build]")
    for key in config.BUILD_KEYS:
        name = names[key]
        source = context.get_parameter_source(name)
        if source == click.core.ParameterSource.ENVIRONMENT:
            where = f"environment {config.env_name(key)}"
        elif source == click.core.ParameterSource.DEFAULT_MAP:
            where = settings.build[key].origin
        else:
            where = "default"
        _out(_toml_line(key, context.params[name], where))
    _out("[smtp]")
    for key, (where, value) in mail_values({}, config=settings).items():
        shown = "********" if key == "password" else value
        _out(_toml_line(key, shown, where))


_COMMENT_COLUMN = 30  # where 'config show' starts its "# from where" comments, when it can


def _toml_line(key: str, value: object, where: str) -> str:
    """``key = value  # where``, the value written as TOML (unset ones commented out)."""
    import json

    if value is None or value == ():
        return f"# {key} = ...".ljust(_COMMENT_COLUMN) + f"  # not set ({where})"
    if isinstance(value, bool):
        text = str(value).lower()
    elif isinstance(value, (int, float)):
        text = f"{value:g}" if isinstance(value, float) else str(value)
    elif isinstance(value, (list, tuple)):
        text = "[" + ", ".join(json.dumps(str(v), ensure_ascii=False) for v in value) + "]"
    else:
        text = json.dumps(str(value), ensure_ascii=False)  # a JSON string is a TOML string
    return f"{key} = {text}".ljust(_COMMENT_COLUMN) + f"  # {where}"


def _mail_settings(email: dict):
    """The mail settings from flags, environment and briefgen.toml; asks for a missing password."""
    from .deliver import load_settings, split_host_port

    host, port = split_host_port(email["smtp"]) if email["smtp"] else (None, None)
    flags = {
        "host": host,
        "port": port,
        "tls": email["tls"],
        "user": email["user"],
        "cafile": email["cafile"],
        "timeout": email["smtp_timeout"],
        "from": email["email_from"],
    }
    # the settings files the command started with (read once: a warning about one is said once)
    settings = load_settings(flags, config=click.get_current_context().meta.get(_CONFIG))
    if settings.host and settings.user and settings.password is None and email["eml"] is None:
        if sys.stdin is None or not sys.stdin.isatty():
            raise InputError(
                f"no password for SMTP user {settings.user}: "
                "set BRIEFGEN_SMTP_PASSWORD or 'password' in briefgen.toml"
            )
        settings.password = click.prompt(
            f"SMTP password for {settings.user}", hide_input=True, err=True
        )
    return settings


def _check_draft(draft: Path, files: list[Path]) -> None:
    """Refuse a draft path that would overwrite the brief: its documents in any format, and
    the .json that 'send' reads the body from."""
    brief_files = {f.with_suffix(f".{fmt}").resolve() for f in files for fmt in ALL_FORMATS} | {
        f.resolve() for f in files
    }
    if draft.resolve() in brief_files:
        raise InputError(f"{draft}: is one of the brief's files; give another --eml")


def _deliver(
    brief, files: list[Path], email: dict, settings, to_option: str, typeset: RenderOptions
) -> None:
    """Write the email as a draft, or send it when a server is set and no --eml asked for.
    Its body is typeset as the brief was: ``typeset`` gives the style, templates and marking."""
    from .deliver import build_message, envelope_address, send_message, write_draft
    from .typeset.style import load_style

    recipients = [
        envelope_address(a, "recipient") for a in (*email["email_to"], *email["email_cc"])
    ]
    message = build_message(
        brief,
        files,
        list(email["email_to"]),
        list(email["email_cc"]),
        settings.sender,
        email["email_subject"],
        style=load_style(typeset.style_file, typeset.paper, typeset.identity),
        template_dir=typeset.template_dir,
        marking=typeset.marking,
    )
    if email["eml"] is not None or not settings.host:
        draft = email["eml"] or files[0].with_suffix(".eml")
        _check_draft(draft, files)
        _out(write_draft(message, draft))
        return
    if not recipients:
        raise InputError(f"no recipient to send to: give {to_option} ADDR")
    send_message(message, settings, recipients)
    _out(f"sent to {', '.join(recipients)} via {settings.server}")


def _one_line(message: object) -> str:
    """The message on one line: a file name may hold a newline or other control characters."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in str(message))


def _warn(message, category, filename, lineno, file=None, line=None) -> None:
    click.echo(f"briefgen: warning: {_one_line(message)}", err=True)


class _OutputError(BriefgenError):
    """Standard output cannot take the results (full disk, closed): the run failed."""


class _ReaderGone(Exception):
    """The program reading standard output stopped (``briefgen config show | head``)."""


# The shell's status for a writer whose reader went away (128 + SIGPIPE), as ``yes | head`` has.
EXIT_BROKEN_PIPE = 141


def _out(message: object, nl: bool = True) -> None:
    """Write a result to standard output, where a full disk or a closed stream is a failure to
    report in one line (exit 1), not an internal error; and not a silent success either."""
    if sys.stdout is None:  # started with standard output closed (>&-)
        raise _OutputError("cannot write to standard output (it is closed)")
    try:
        click.echo(message, nl=nl)
    except BrokenPipeError:
        raise _ReaderGone from None
    except OSError as exc:
        raise _OutputError(f"cannot write to standard output ({exc.strerror or exc})") from None


def _quiet_stdout() -> None:
    """Point standard output at /dev/null, so the flush at exit does not fail a second time
    with Python's own 'Exception ignored' lines under our one."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
    except (OSError, AttributeError, ValueError):
        pass


INTERRUPT_GRACE = 1.0  # seconds an interrupted run has to put its files back before it is cut off
_interrupted = threading.Event()


def _on_sigint(_signum, _frame) -> None:
    """Ctrl-C: unwind (so a half-written brief is put back), but never wait longer than
    INTERRUPT_GRACE: a worker thread blocked on a pipe or a socket cannot be interrupted, and
    both the thread pool and Python's exit join it.  A second Ctrl-C ends the run at once."""
    if _interrupted.is_set():  # not _exit_interrupted(): this thread may hold its lock already
        os._exit(130)
    _interrupted.set()
    watchdog = threading.Timer(INTERRUPT_GRACE, _exit_interrupted)
    watchdog.daemon = True
    watchdog.start()
    raise KeyboardInterrupt


_exit_lock = threading.Lock()


def _exit_interrupted() -> None:
    """Exit with 130 (128 + SIGINT, what shells report for Ctrl-C) without joining threads, and
    without the children typesetting ahead (if any were forked), which would otherwise live on
    until they next read their pipe, holding this run's standard error open."""
    with _exit_lock:  # the watchdog and the main thread may both get here: one line only
        ahead = sys.modules.get("briefgen.typeset.ahead")
        if ahead is not None:
            ahead.kill_children()
        try:
            sys.stderr.write("briefgen: interrupted\n")
            sys.stderr.flush()
            sys.stdout.flush()
        except (OSError, AttributeError, ValueError):
            pass
        os._exit(130)


_give_environment_names()


def main() -> None:
    """Entry point: run the CLI, turning our errors into one line and an exit code."""
    if (
        threading.current_thread() is not threading.main_thread()
    ):  # signals go to the main thread only
        _main()
        return
    _interrupted.clear()
    previous = signal.signal(signal.SIGINT, _on_sigint)
    # A child inherits the signal mask of the thread that started it: started by one that blocks
    # Ctrl-C's signal (a test harness, a job runner), the handler above would never run and a
    # Ctrl-C would leave the run waiting on its pipe for good.
    if hasattr(signal, "pthread_sigmask"):  # POSIX only
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    try:
        _main()
    finally:  # main() may be called within another program (the tests do)
        if previous is not None:  # None: a handler not set from Python, which cannot be put back
            signal.signal(signal.SIGINT, previous)


def run() -> None:
    """The ``briefgen`` program: :func:`main`, in a process that ends with it."""
    try:
        main()
    finally:
        # The interpreter's last collection walks every object the analysis made, looking for
        # cycles, as the process ends: a tenth of a second of the sample's one-second build.
        gc.freeze()


def _main() -> None:
    global _debug
    _debug = False
    warnings.showwarning = _warn
    try:
        # One name however started ('python -m briefgen' too): in help, and in completion's
        # _BRIEFGEN_COMPLETE variable
        cli.main(standalone_mode=False, prog_name="briefgen")
    except (click.exceptions.Abort, KeyboardInterrupt):
        if _interrupted.is_set():  # click turns Ctrl-C into Abort, as it does Ctrl-D at a prompt
            _exit_interrupted()
        click.echo("briefgen: aborted", err=True)
        sys.exit(1)
    except click.UsageError as exc:
        where = exc.ctx.command_path if exc.ctx else "briefgen"
        origin = _origin(exc)
        if origin:  # not a typing error: pointing at --help would mislead
            message = exc.message if isinstance(exc, click.BadParameter) else exc.format_message()
            click.echo(f"briefgen: error: {origin}: {message}", err=True)
        else:
            click.echo(f"briefgen: error: {exc.format_message()} (see '{where} --help')", err=True)
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        click.echo(f"briefgen: error: {exc.format_message()}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except _ReaderGone:  # the reader has what it wanted: nothing to say, as other tools do
        _quiet_stdout()
        sys.exit(EXIT_BROKEN_PIPE)
    except BriefgenError as exc:
        if isinstance(exc, _OutputError):
            _quiet_stdout()
        click.echo(f"briefgen: error: {_one_line(exc)}", err=True)
        sys.exit(exc.exit_code)
    except Exception as exc:  # a bug: still one line, and a traceback only when asked for
        if _debug:
            _traceback()
        hint = "" if _debug else " (run again with --debug for the traceback)"
        click.echo(
            f"briefgen: internal error: {type(exc).__name__}: {_one_line(exc)}{hint}", err=True
        )
        sys.exit(1)
    sys.exit(0)


def _origin(exc: click.UsageError) -> str | None:
    """Where a bad value came from when the command line did not give it: the settings file
    (and its key) or the environment variable; None for a value typed on the command line."""
    param = getattr(exc, "param", None)
    if exc.ctx is None or param is None or param.name is None:
        return None
    source = exc.ctx.get_parameter_source(param.name)
    key = next((k for k, n in _setting_keys().items() if n == param.name), None)
    if key is None:
        return None
    if source == click.core.ParameterSource.ENVIRONMENT:
        return f"environment {config.env_name(key)}"
    settings = exc.ctx.meta.get(_CONFIG)
    if source == click.core.ParameterSource.DEFAULT_MAP and settings and key in settings.build:
        return f"{settings.build[key].origin}: {key} in [build]"
    return None


def _traceback() -> None:
    import traceback

    traceback.print_exc(file=sys.stderr)
