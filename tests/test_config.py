"""Settings (briefgen.toml, BRIEFGEN_* variables, flags) and the command line's manners:
bare 'briefgen', --debug, "no such file", shell completion.  Each run is a real
subprocess whose HOME and XDG_CONFIG_HOME are folders of the test, so that no real
user's settings are read."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import docx
import pytest

from briefgen import cli
from tests.conftest import INPUTS

CONSOLE_SCRIPT = Path(sys.executable).parent / "briefgen"


@pytest.fixture
def user(tmp_path):
    """A user: a working folder, an (empty) config folder, and a run of briefgen as them."""
    home = tmp_path / "home"
    config = home / ".config" / "briefgen"
    work = tmp_path / "work"
    config.mkdir(parents=True)
    work.mkdir()

    class User:
        config_dir = config
        cwd = work

        @staticmethod
        def run(*args: object, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
            environ = {
                k: v
                for k, v in os.environ.items()
                if not k.startswith("BRIEFGEN_") and k != "XDG_CONFIG_HOME"
            }
            environ.update(HOME=str(home), **(env or {}))
            return subprocess.run(
                [sys.executable, "-m", "briefgen", *map(str, args)],
                cwd=work,
                env=environ,
                capture_output=True,
                text=True,
                timeout=120,
            )

    return User


def _one_error(result: subprocess.CompletedProcess) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def _shown(result: subprocess.CompletedProcess) -> dict[str, tuple[object, str]]:
    """'config show' read back: key → (value, where from), for the set keys of [build]."""
    assert result.returncode == 0, result.stderr
    table, shown = None, {}
    for line in result.stdout.splitlines():
        if line.startswith("["):
            table = line.strip("[]")
        elif table == "build" and not line.startswith("#"):
            setting, where = line.split("  # ")
            key, value = next(iter(tomllib.loads(setting).items()))
            shown[key] = (value, where.strip())
    return shown


def test_flags_over_environment_over_working_folder_over_user_file(user):
    (user.config_dir / "briefgen.toml").write_text(
        '[build]\nmax-words = 400\nformat = ["docx", "md"]\nmarking = "OFFICIAL"\n'
        'style = "office.yaml"\n',
        encoding="utf-8",
    )
    (user.config_dir / "office.yaml").write_text("paper: letter\n", encoding="utf-8")
    (user.cwd / "briefgen.toml").write_text("[build]\nmax-words = 500\n", encoding="utf-8")

    shown = _shown(user.run("config", "show", env={"BRIEFGEN_MARKING": "SECRET"}))
    user_file, work_file = str(user.config_dir / "briefgen.toml"), str(user.cwd / "briefgen.toml")
    assert shown["max-words"] == (500, work_file)
    assert shown["format"] == (["docx", "md"], user_file)
    assert shown["marking"] == ("SECRET", "environment BRIEFGEN_MARKING")
    # a path is the file's neighbour, wherever briefgen runs
    assert shown["style"] == (str(user.config_dir / "office.yaml"), user_file)
    assert shown["profile"] == ("default", "default")

    result = user.run("build", INPUTS, "--max-words", "300", env={"BRIEFGEN_MARKING": "SECRET"})
    assert result.returncode == 0, result.stderr
    written = sorted(p.name for p in (user.cwd / "output").iterdir())
    assert written == ["brief-2025-03-19.docx", "brief-2025-03-19.md"]  # the file's formats
    markdown = (user.cwd / "output" / "brief-2025-03-19.md").read_text(encoding="utf-8")
    # the flag's 300 words, not the files' 500 or 400 (a title and a footer line besides)
    assert len(markdown.split("## Sources")[0].split()) < 300 + 40
    document = docx.Document(str(user.cwd / "output" / "brief-2025-03-19.docx"))
    assert round(document.sections[0].page_width.mm) == 216  # letter: the user's style file
    header = " ".join(p.text for p in document.sections[0].header.paragraphs)
    assert "SECRET" in header and "OFFICIAL" not in header  # the environment over the file


def test_the_settings_reach_extract_and_render_too(user):
    (user.cwd / "briefgen.toml").write_text(
        '[build]\nprofile = "generic"\nformat = "md,json"\n', encoding="utf-8"
    )
    extracted = user.run("extract", INPUTS, "-o", "brief.json")
    assert extracted.returncode == 0, extracted.stderr
    assert '"profile": "generic"' in (user.cwd / "brief.json").read_text(encoding="utf-8")
    rendered = user.run("render", "brief.json")
    assert rendered.returncode == 0, rendered.stderr
    assert sorted(p.suffix for p in (user.cwd / "output").iterdir()) == [".json", ".md"]


def test_the_office_identity_comes_from_the_settings_over_the_style_file(user):
    (user.config_dir / "office.yaml").write_text(
        "organisation: Style Office\nauthor: Style Desk\n", encoding="utf-8"
    )
    (user.config_dir / "briefgen.toml").write_text(
        '[build]\nstyle = "office.yaml"\norganisation = "Harbour Office"\n'
        'handling = "For internal distribution only"\nformat = "docx"\n',
        encoding="utf-8",
    )
    result = user.run("build", INPUTS, "--author", "Flag Desk")
    assert result.returncode == 0, result.stderr
    document = docx.Document(str(user.cwd / "output" / "brief-2025-03-19.docx"))
    header = " ".join(p.text for p in document.sections[0].header.paragraphs)
    assert "Harbour Office" in header and "Style Office" not in header
    assert document.paragraphs[0].text == "For internal distribution only"
    assert document.core_properties.author == "Flag Desk"  # the flag over the style file


def test_smtp_settings_of_both_files_are_merged_key_by_key(user):
    (user.config_dir / "briefgen.toml").write_text(
        '[smtp]\nhost = "smtp.example.org"\nfrom = "Desk <desk@example.org>"\n',
        encoding="utf-8",
    )
    (user.cwd / "briefgen.toml").write_text("[smtp]\nport = 2525\n", encoding="utf-8")
    result = user.run("config", "show", env={"BRIEFGEN_SMTP_USER": "analyst"})
    assert result.returncode == 0, result.stderr
    smtp = result.stdout.split("[smtp]\n")[1]
    assert tomllib.loads(smtp) == {
        "host": "smtp.example.org",
        "from": "Desk <desk@example.org>",
        "port": 2525,
        "user": "analyst",
    }
    assert re.search(rf"^port = 2525 +# {re.escape(str(user.cwd / 'briefgen.toml'))}$", smtp, re.M)
    assert "# environment BRIEFGEN_SMTP_USER" in smtp


@pytest.mark.parametrize(
    "toml, message",
    [
        ("[build]\nmax-word = 600\n", "unknown key max-word in build; did you mean max-words?"),
        ("[biuld]\nmax-words = 600\n", "unknown key biuld; did you mean build?"),
        ("[build]\nmax-words = 'many'\n", "build.max-words should be a whole number from 50"),
        ("[build]\ndate = 2025-01-01\n", "date in [build] is given per run (--date)"),
        ("[build]\nsmtp = 'mail.example.org'\n", "smtp in [build] belongs in the [smtp] table"),
        ("[build]\npaper = 'a3'\n", "build has unknown paper 'a3' (one of a4, letter)"),
        ("[build\n", "not valid TOML"),
    ],
)
def test_a_bad_settings_file_is_one_line_naming_it_and_the_key(user, toml, message):
    (user.cwd / "briefgen.toml").write_text(toml, encoding="utf-8")
    for command in (["build", INPUTS], ["config", "show"]):
        result = user.run(*command)
        assert result.returncode == 2
        assert _one_error(result).startswith(f"briefgen: error: {user.cwd / 'briefgen.toml'}: ")
        assert message in result.stderr
    assert not (user.cwd / "output").exists()


def test_a_bad_value_says_where_it_was_set(user):
    (user.config_dir / "briefgen.toml").write_text(
        '[build]\nstyle = "office.yaml"\n', encoding="utf-8"
    )
    result = user.run("build", INPUTS)
    assert result.returncode == 2
    assert _one_error(result) == (
        f"briefgen: error: {user.config_dir / 'briefgen.toml'}: style in [build]: "
        f"{user.config_dir / 'office.yaml'}: no such file"
    )
    result = user.run("extract", INPUTS, env={"BRIEFGEN_MAX_WORDS": "lots"})
    assert result.returncode == 2
    assert _one_error(result).startswith("briefgen: error: environment BRIEFGEN_MAX_WORDS: ")


def test_bare_briefgen_prints_its_help_and_succeeds(user):
    result = user.run()
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.startswith("Usage: briefgen")
    assert "HTML" in result.stdout and "config" in result.stdout
    assert "_BRIEFGEN_COMPLETE" in result.stdout  # how to get shell completion


@pytest.mark.parametrize(
    "args, error",
    [
        (["send", "missing.docx"], "missing.docx: no such file"),
        (["render", "missing.json"], "missing.json: no such file"),
        (["build", "missing.txt"], "missing.txt: no such file or folder"),
        (["build", INPUTS, "--sources", "missing.list"], "source list missing.list: no such file"),
        (["build", INPUTS, "--style", "missing.yaml"], "missing.yaml: no such file"),
        (["build", INPUTS, "--template", "missing"], "missing: no such folder"),
        (["build", INPUTS, "--reference-docx", "missing.docx"], "missing.docx: no such file"),
        (["profiles", "show", "missing.yaml"], "profile missing.yaml: no such file"),
    ],
)
def test_a_missing_file_is_no_such_file_everywhere(user, args, error):
    result = user.run(*args)
    assert result.returncode == 2
    assert error in _one_error(result)


def test_send_checks_every_attachment_exists(user):
    built = user.run("build", INPUTS, "--format", "docx,json")
    assert built.returncode == 0, built.stderr
    result = user.run("send", "output/brief-2025-03-19.docx", "output/brief-2025-03-19.pdf")
    assert result.returncode == 2
    assert _one_error(result) == "briefgen: error: output/brief-2025-03-19.pdf: no such file"
    assert not list((user.cwd / "output").glob("*.eml"))


def test_debug_shows_the_traceback_of_an_internal_error(monkeypatch, capsys):
    # An internal error is a bug; this one is made by breaking the analysis on purpose.
    def broken(*_args, **_kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("briefgen.api.extract", broken)
    for argv, traceback in [
        (["extract", str(INPUTS)], False),
        (["-v", "extract", str(INPUTS)], True),
        (["extract", str(INPUTS), "--debug"], True),
    ]:
        monkeypatch.setattr(sys, "argv", ["briefgen", *argv])
        with pytest.raises(SystemExit) as exit_:
            cli.main()
        err = capsys.readouterr().err
        assert exit_.value.code == 1
        assert (
            err.strip()
            .splitlines()[-1]
            .startswith("briefgen: internal error: ZeroDivisionError: division by zero")
        )
        assert ("Traceback (most recent call last)" in err) is traceback, err
        assert ("--debug for the traceback" in err) is not traceback


def test_shell_completion_completes_commands_and_options(user):
    def complete(words: str) -> list[str]:
        environ = dict(
            os.environ,
            _BRIEFGEN_COMPLETE="bash_complete",
            COMP_WORDS=words,
            COMP_CWORD=str(len(words.split()) - (0 if words.endswith(" ") else 1)),
        )
        result = subprocess.run(
            [CONSOLE_SCRIPT], env=environ, capture_output=True, text=True, timeout=60
        )
        assert result.returncode == 0, result.stderr
        return [line.split(",", 1)[1] for line in result.stdout.splitlines()]

    assert complete("briefgen bu") == ["build"]
    assert complete("briefgen build --max-w") == ["--max-words"]
    assert complete("briefgen config ") == ["show"]
    script = subprocess.run(
        [CONSOLE_SCRIPT],
        env=dict(os.environ, _BRIEFGEN_COMPLETE="bash_source"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "complete -o nosort -F _briefgen_completion briefgen" in script.stdout


def test_a_readable_password_is_warned_of_once(user):
    settings = user.cwd / "briefgen.toml"
    settings.write_text('[smtp]\nuser = "desk"\npassword = "secret"\n', encoding="utf-8")
    settings.chmod(0o644)
    result = user.run("build", INPUTS, "--format", "json", "--eml", "draft.eml")
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("holds a password and others can read it") == 1
    assert "secret" not in result.stderr
