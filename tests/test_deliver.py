"""The deliver stage without a server: the message, the .eml draft, where the body comes from, settings."""

from __future__ import annotations

import email
import email.policy
import email.utils
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefgen.deliver import build_message, load_settings, read_summary, split_host_port, summarise
from briefgen.deliver.summary import Summary
from briefgen.errors import InputError
from briefgen.model import brief_from_json

STEM = "brief-2025-03-19"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def run(*args, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """``briefgen ARGS`` in ``cwd`` with no mail settings but ``env``: no user config, no TTY."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("BRIEFGEN_")}
    clean.update(HOME=str(cwd), XDG_CONFIG_HOME=str(cwd / "config"), **(env or {}))
    return subprocess.run(
        [sys.executable, "-m", "briefgen", *map(str, args)],
        cwd=cwd, env=clean, stdin=subprocess.DEVNULL, capture_output=True, timeout=120,
    )


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file in ``folder`` and the hash of its bytes: equal before and after means untouched."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def brief_dir(sample_build, tmp_path) -> Path:
    """A private copy of the sample brief's DOCX, PDF and JSON, so tests can check them untouched."""
    folder = tmp_path / "brief"
    folder.mkdir()
    for ext in ("docx", "pdf", "json"):
        shutil.copy(sample_build / f"{STEM}.{ext}", folder)
    return folder


def parts(raw: bytes) -> tuple[email.message.EmailMessage, str, str, dict[str, tuple[str, bytes]]]:
    """A raw message parsed back: the message, its text and HTML bodies, {file name: (type, bytes)}."""
    message = email.message_from_bytes(raw, policy=email.policy.default)
    text = message.get_body(("plain",)).get_content().replace("\r\n", "\n")
    html = message.get_body(("html",)).get_content().replace("\r\n", "\n")
    files = {a.get_filename(): (a.get_content_type(), a.get_content()) for a in message.iter_attachments()}
    return message, text, html, files


def check_body(text: str, html: str, summary: Summary) -> None:
    """Both alternatives give the title, date, bottom line, every heading and its first line."""
    import html as html_lib

    for needle in (summary.title, "19 March 2025", "Full brief attached"):
        assert needle in text and html_lib.escape(needle) in html, needle
    assert f"\n{summary.bottom_line_title.upper()}\n" in text and f">{html_lib.escape(summary.bottom_line_title)}</h2>" in html
    assert " ".join(summary.bottom_line.split()) in " ".join(text.split())
    assert html_lib.escape(summary.bottom_line) in html
    assert len(summary.leads) == 8
    for heading, lead in summary.leads:
        assert f"\n{heading}\n" in text and f">{html_lib.escape(heading)}</h2>" in html
        assert " ".join(lead.split()) in " ".join(text.replace("\n  ", " ").split()), lead
        assert f"<li>{html_lib.escape(lead)}</li>" in html


def test_draft_without_server_parses_back_into_the_same_parts(brief_dir):
    before = fingerprint(brief_dir)
    result = run("send", f"{STEM}.docx", f"{STEM}.pdf", "--to", "desk@example.org", "--cc", "Zoë Ångström <zoe@example.org>", cwd=brief_dir)
    assert result.returncode == 0, result.stderr.decode()
    draft = brief_dir / f"{STEM}.eml"
    assert result.stdout.decode().strip() == f"{STEM}.eml"
    assert fingerprint(brief_dir) == before | {draft.name: hashlib.sha256(draft.read_bytes()).hexdigest()}

    raw = draft.read_bytes()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"") and raw.isascii()
    message, text, html, files = parts(raw)
    assert message["X-Unsent"] == "1"
    assert message["To"] == "desk@example.org" and message["Cc"] == "Zoë Ångström <zoe@example.org>"
    summary = summarise(brief_from_json((brief_dir / f"{STEM}.json").read_text(encoding="utf-8")))
    assert message["Subject"] == f"{summary.title} — 19 March 2025"
    assert email.utils.parsedate_to_datetime(message["Date"]).tzinfo is not None
    assert message["Message-ID"].startswith("<") and "@" in message["Message-ID"]
    assert message.get_content_type() == "multipart/mixed"
    assert [p.get_content_type() for p in message.walk()] == [
        "multipart/mixed", "multipart/alternative", "text/plain", "text/html", DOCX_TYPE, "application/pdf",
    ]
    check_body(text, html, summary)
    assert files == {
        f"{STEM}.docx": (DOCX_TYPE, (brief_dir / f"{STEM}.docx").read_bytes()),
        f"{STEM}.pdf": ("application/pdf", (brief_dir / f"{STEM}.pdf").read_bytes()),
    }


def test_eml_option_and_every_attachment_type(brief_dir, tmp_path):
    (brief_dir / f"{STEM}.md").write_text("# Brief\n", encoding="utf-8")
    (brief_dir / f"{STEM}.html").write_text("<h1>Brief</h1>\n", encoding="utf-8")
    target = tmp_path / "drafts"
    target.mkdir()
    names = [f"{STEM}.{ext}" for ext in ("docx", "pdf", "md", "json", "html")]
    result = run("send", *names, "--eml", target / "handover.eml", "--subject", "Ceasefire — what next? 🕊", cwd=brief_dir)
    assert result.returncode == 0, result.stderr.decode()
    message, _, _, files = parts((target / "handover.eml").read_bytes())
    assert message["Subject"] == "Ceasefire — what next? 🕊" and message["To"] is None and message["X-Unsent"] == "1"
    types = {"docx": DOCX_TYPE, "pdf": "application/pdf", "md": "text/markdown", "json": "application/json", "html": "text/html"}
    assert {n: t for n, (t, _) in files.items()} == {f"{STEM}.{e}": t for e, t in types.items()}
    for name, (_, content) in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        assert data == (brief_dir / name).read_bytes(), name
    assert not (brief_dir / f"{STEM}.eml").exists()


def test_non_ascii_file_name_is_rfc2231(brief_dir):
    named = brief_dir / "bản tin 19-3.docx"
    shutil.copy(brief_dir / f"{STEM}.docx", named)
    message = build_message(read_summary([named]), [named], ["desk@example.org"])
    raw = message.as_bytes()
    assert b"filename*=utf-8''b%E1%BA%A3n%20tin%2019-3.docx" in raw
    _, _, _, files = parts(raw)
    assert files["bản tin 19-3.docx"][1] == named.read_bytes()


def test_body_from_docx_matches_body_from_json(brief_dir):
    from_json = summarise(brief_from_json((brief_dir / f"{STEM}.json").read_text(encoding="utf-8")))
    (brief_dir / f"{STEM}.json").unlink()
    from_docx = read_summary([brief_dir / f"{STEM}.pdf", brief_dir / f"{STEM}.docx"])
    assert (from_docx.title, from_docx.date, from_docx.bottom_line_title, from_docx.bottom_line) == (
        from_json.title, from_json.date, from_json.bottom_line_title, from_json.bottom_line,
    )
    assert [h for h, _ in from_docx.leads] == [h for h, _ in from_json.leads]
    bullet_sections = {"Positive signals", "Obstacles", "NATO command changes", "Actors", "Quotes"}
    assert [lead for h, lead in from_docx.leads if h in bullet_sections] == [lead for h, lead in from_json.leads if h in bullet_sections]


def test_html_body_is_escaped_and_script_free(tmp_path):
    hostile = "<script>alert('x')</script> & <b>“bold”</b>"
    summary = Summary(title=f"Title {hostile}", date="2025-03-19", bottom_line=hostile, leads=[(f"Head {hostile}", hostile)])
    message = build_message(summary, [], ["desk@example.org"], sender="Analyst <analyst@example.org>")
    _, text, html, files = parts(message.as_bytes())
    assert files == {}
    assert "<script" not in html.lower() and "<b>" not in html and "&lt;script&gt;" in html
    assert hostile in text
    assert message["Message-ID"].endswith("@example.org>")


def test_input_errors_exit_2_and_touch_nothing(brief_dir):
    before = fingerprint(brief_dir)
    (brief_dir / f"{STEM}.json").rename(brief_dir.parent / "aside.json")
    before.pop(f"{STEM}.json")
    cases = [
        (["send", f"{STEM}.pdf", "--to", "desk@example.org"], "give its .json or .docx"),
        (["send", f"{STEM}.docx", "--to", "not an address"], "not an address"),
        (["send", f"{STEM}.docx", "--subject", "two\nlines"], "line breaks"),
        (["send", f"{STEM}.docx", "--eml", f"{STEM}.docx"], "is one of the brief's files"),
        (["send", f"{STEM}.docx", "--to", "desk@example.org", "--smtp", "127.0.0.1:1", "--user", "analyst"], "no password for SMTP user analyst"),
        (["send", f"{STEM}.docx", "--to", "desk@example.org", "--smtp", "127.0.0.1:1", "--tls", "none", "--from", "a@example.org", "--user", "u"], "no password"),
        (["send", f"{STEM}.docx", "--to", "desk@example.org", "--smtp", "127.0.0.1:1"], "no sender"),
        (["send", "missing.docx", "--to", "desk@example.org"], "missing.docx"),
    ]
    for args, fragment in cases:
        result = run(*args, cwd=brief_dir)
        err = result.stderr.decode()
        assert result.returncode == 2 and fragment in err and len(err.strip().splitlines()) == 1, (args, err)
    assert fingerprint(brief_dir) == before


def test_settings_flags_over_environment_over_file(tmp_path):
    (tmp_path / "briefgen.toml").write_text(
        '[smtp]\nhost = "file.example.org"\nport = 2525\ntls = "ssl"\nuser = "file-user"\npassword = "file-secret"\nfrom = "file@example.org"\n',
        encoding="utf-8",
    )
    (tmp_path / "briefgen.toml").chmod(0o600)
    environ = {"BRIEFGEN_SMTP_HOST": "env.example.org", "BRIEFGEN_SMTP_USER": "env-user", "HOME": str(tmp_path)}
    settings = load_settings({"host": "flag.example.org", "port": None, "user": None}, environ, tmp_path)
    assert (settings.host, settings.port, settings.tls, settings.user, settings.password, settings.sender) == (
        "flag.example.org", 2525, "ssl", "env-user", "file-secret", "file@example.org",
    )
    assert "file-secret" not in repr(settings)
    assert load_settings({}, {"HOME": str(tmp_path / "nohome")}, tmp_path / "..").host is None

    user_config = tmp_path / "xdg" / "briefgen"
    user_config.mkdir(parents=True)
    (user_config / "briefgen.toml").write_text('[smtp]\nhost = "user.example.org"\n', encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    settings = load_settings({}, {"XDG_CONFIG_HOME": str(tmp_path / "xdg")}, elsewhere)
    assert (settings.host, settings.port, settings.tls) == ("user.example.org", 587, "starttls")

    for text, fragment in [("[smtp]\nhots = 'x'\n", "unknown setting 'hots'"), ("[smtp\n", "not valid TOML"), ("[smtp]\nport = 'abc'\n", "not a port")]:
        (elsewhere / "briefgen.toml").write_text(text, encoding="utf-8")
        with pytest.raises(InputError, match=fragment):
            load_settings({}, {}, elsewhere)
    assert [split_host_port(v) for v in ("smtp.example.org", "smtp.example.org:465", "[::1]:2525", "::1")] == [
        ("smtp.example.org", None), ("smtp.example.org", "465"), ("::1", "2525"), ("::1", None),
    ]
    with pytest.raises(InputError, match="environment: SMTP tls 'tls1.0'"):
        load_settings({}, {"BRIEFGEN_SMTP_TLS": "tls1.0"}, tmp_path / "xdg")
