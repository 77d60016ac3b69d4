"""The deliver stage without a server: the message, the .eml draft, where the body comes from,
settings."""

from __future__ import annotations

import email
import email.policy
import email.utils
import hashlib
import html as html_lib
import os
import re
import shutil
import subprocess
import sys
import warnings
from html.parser import HTMLParser
from pathlib import Path

import pytest

from briefgen.deliver import (
    build_message,
    load_settings,
    read_brief,
    split_host_port,
    write_draft,
)
from briefgen.deliver.message import PLACEHOLDER_SENDER
from briefgen.errors import InputError
from briefgen.kinds import kind
from briefgen.model import (
    Brief,
    Claim,
    Discrepancy,
    Evidence,
    Item,
    Section,
    Source,
    brief_from_json,
)
from briefgen.typeset import render_email
from briefgen.typeset.style import load_style
from tests.conftest import INPUTS

STEM = "brief-2025-03-19"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def run(*args, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """``briefgen ARGS`` in ``cwd`` with no mail settings but ``env``: no user config, no TTY."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("BRIEFGEN_")}
    clean.update(HOME=str(cwd), XDG_CONFIG_HOME=str(cwd / "config"), **(env or {}))
    return subprocess.run(
        [sys.executable, "-m", "briefgen", *map(str, args)],
        cwd=cwd,
        env=clean,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=120,
    )


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file in ``folder`` and the hash of its bytes: equal before and after means
    untouched."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


@pytest.fixture
def brief_dir(sample_build, tmp_path) -> Path:
    """A private copy of the sample brief's DOCX, PDF and JSON, so tests can check them
    untouched."""
    folder = tmp_path / "brief"
    folder.mkdir()
    for ext in ("docx", "pdf", "json"):
        shutil.copy(sample_build / f"{STEM}.{ext}", folder)
    return folder


def parts(raw: bytes) -> tuple[email.message.EmailMessage, str, str, dict[str, tuple[str, bytes]]]:
    """A raw message parsed back: the message, its text and HTML bodies, {file name: (type,
    bytes)}."""
    message = email.message_from_bytes(raw, policy=email.policy.default)
    text = message.get_body(("plain",)).get_content().replace("\r\n", "\n")
    html = message.get_body(("html",)).get_content().replace("\r\n", "\n")
    files = {
        a.get_filename(): (a.get_content_type(), a.get_content())
        for a in message.iter_attachments()
    }
    return message, text, html, files


def sample_brief(folder: Path) -> Brief:
    """The sample brief as its JSON in ``folder`` has it."""
    return brief_from_json((folder / f"{STEM}.json").read_text(encoding="utf-8"))


def first_words(item) -> str:
    """What a section's first item says in its own words: its text, topic, name or figure."""
    return next(getattr(item, f) for f in ("text", "topic", "name", "figure") if hasattr(item, f))


def check_body(text: str, html: str, brief: Brief) -> None:
    """Both alternatives give the title, date, every section's heading in order, the bottom line
    whole, each other section's first item, and the entry of every source the body cites."""
    flat = " ".join(text.split())  # the plain part unwrapped
    for needle in (brief.title, "19 March 2025", "Full brief attached"):
        assert needle in flat and html_lib.escape(needle) in html, needle
    titles = [s.title for s in brief.sections]
    in_text = [text.index(f"\n{t}\n") for t in titles]
    in_html = [html.index(f">{html_lib.escape(t)}</h2>") for t in titles]
    assert in_text == sorted(in_text) and in_html == sorted(in_html)
    (bottom,) = [s for s in brief.sections if kind(s.kind).bottom_line]
    for section in brief.sections:
        for item in section.items if section is bottom else section.items[:1]:
            words = first_words(item)
            assert words in flat and html_lib.escape(words) in html, section.title
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", text.split("\nSources\n")[0])}
    assert cited and cited <= {s.id for s in brief.sources}
    shown = re.sub(r"<[^>]+>", "", html)  # as a reader sees it: "[1]" may be a link's text
    for source in brief.sources:
        entry = f"[{source.id}] {source.outlet} — “{source.title}”"
        assert (entry in flat) == (source.id in cited) == (html_lib.escape(entry) in shown), entry


class Blocks(HTMLParser):
    """The text of each heading and block of an HTML page, in order: [(tag, text)]."""

    TAGS = ("h1", "h2", "h3", "p", "li", "div", "th", "td")

    def __init__(self, html: str) -> None:
        super().__init__()
        self.raw: list[tuple[str, str]] = []
        self.feed(html)
        self.blocks = [(tag, " ".join(text.split())) for tag, text in self.raw if text.strip()]

    def handle_starttag(self, tag, attrs):
        if tag in self.TAGS:
            self.raw.append((tag, ""))

    def handle_data(self, data):
        if self.raw:
            self.raw[-1] = (self.raw[-1][0], self.raw[-1][1] + data)


def test_draft_without_server_parses_back_into_the_same_parts(brief_dir):
    before = fingerprint(brief_dir)
    result = run(
        "send",
        f"{STEM}.docx",
        f"{STEM}.pdf",
        "--to",
        "desk@example.org",
        "--cc",
        "Zoë Ångström <zoe@example.org>",
        cwd=brief_dir,
    )
    assert result.returncode == 0, result.stderr.decode()
    draft = brief_dir / f"{STEM}.eml"
    assert result.stdout.decode().strip() == f"{STEM}.eml"
    assert fingerprint(brief_dir) == before | {
        draft.name: hashlib.sha256(draft.read_bytes()).hexdigest()
    }

    raw = draft.read_bytes()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"") and raw.isascii()
    message, text, html, files = parts(raw)
    assert message["X-Unsent"] == "1"
    assert message["To"] == "desk@example.org" and message["Cc"] == "Zoë Ångström <zoe@example.org>"
    brief = sample_brief(brief_dir)
    assert message["Subject"] == f"{brief.title} — 19 March 2025"
    assert email.utils.parsedate_to_datetime(message["Date"]).tzinfo is not None
    assert message["Message-ID"].startswith("<") and "@" in message["Message-ID"]
    assert message.get_content_type() == "multipart/mixed"
    assert [p.get_content_type() for p in message.walk()] == [
        "multipart/mixed",
        "multipart/alternative",
        "text/plain",
        "text/html",
        DOCX_TYPE,
        "application/pdf",
    ]
    check_body(text, html, brief)
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
    result = run(
        "send",
        *names,
        "--eml",
        target / "handover.eml",
        "--subject",
        "Ceasefire — what next? 🕊",
        cwd=brief_dir,
    )
    assert result.returncode == 0, result.stderr.decode()
    message, _, _, files = parts((target / "handover.eml").read_bytes())
    assert (
        message["Subject"] == "Ceasefire — what next? 🕊"
        and message["To"] is None
        and message["X-Unsent"] == "1"
    )
    types = {
        "docx": DOCX_TYPE,
        "pdf": "application/pdf",
        "md": "text/markdown",
        "json": "application/json",
        "html": "text/html",
    }
    assert {n: t for n, (t, _) in files.items()} == {f"{STEM}.{e}": t for e, t in types.items()}
    for name, (_, content) in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        assert data == (brief_dir / name).read_bytes(), name
    assert not (brief_dir / f"{STEM}.eml").exists()


def test_non_ascii_file_name_is_rfc2231(brief_dir):
    named = brief_dir / "bản tin 19-3.docx"
    shutil.copy(brief_dir / f"{STEM}.docx", named)
    message = build_message(read_brief([named]), [named], ["desk@example.org"])
    raw = message.as_bytes()
    assert b"filename*=utf-8''b%E1%BA%A3n%20tin%2019-3.docx" in raw
    _, _, _, files = parts(raw)
    assert files["bản tin 19-3.docx"][1] == named.read_bytes()


def read_eml(path: Path) -> email.message.EmailMessage:
    return email.message_from_bytes(path.read_bytes(), policy=email.policy.default)


def test_a_draft_is_from_the_sender_set_by_flag_environment_or_file(brief_dir, tmp_path):
    # No server is set anywhere, so each run writes a draft; its sender comes from the same
    # layers as a send's, and with one set nothing is said on stderr.
    (brief_dir / "briefgen.toml").write_text(
        '[smtp]\nfrom = "File Desk <file@example.org>"\n', encoding="utf-8"
    )
    env_sender = {"BRIEFGEN_SMTP_FROM": "Env Desk <env@example.org>"}
    zoe = "Zoë Ångström <zoe@example.org>"
    cases = [
        ((), {}, "File Desk <file@example.org>"),
        ((), env_sender, "Env Desk <env@example.org>"),
        (("--from", zoe), env_sender, zoe),
    ]
    for n, (flags, env, sender) in enumerate(cases):
        draft = tmp_path / f"draft-{n}.eml"
        result = run(
            "send",
            f"{STEM}.docx",
            "--to",
            "desk@example.org",
            "--eml",
            draft,
            *flags,
            cwd=brief_dir,
            env=env,
        )
        assert result.returncode == 0 and result.stderr == b"", (flags, result.stderr.decode())
        message = read_eml(draft)
        assert message.get_all("From") == [sender] and message["X-Unsent"] == "1", flags


def test_a_draft_without_a_sender_has_a_placeholder_and_says_how_to_set_one(brief_dir, tmp_path):
    result = run("send", f"{STEM}.docx", "--to", "desk@example.org", cwd=brief_dir)
    assert result.returncode == 0, result.stderr.decode()
    draft = brief_dir / f"{STEM}.eml"
    (line,) = result.stderr.decode().splitlines()
    assert line.startswith(f"briefgen: warning: {STEM}.eml: ") and PLACEHOLDER_SENDER in line
    for how in ("--from", "--email-from", "BRIEFGEN_SMTP_FROM", "briefgen.toml"):
        assert how in line, how
    message = read_eml(draft)
    assert message.get_all("From") == [PLACEHOLDER_SENDER] and message["X-Unsent"] == "1"
    (address,) = message["From"].addresses
    assert address.domain.endswith(".invalid")  # RFC 2606: can never be anyone's address

    # 'build --email-to' writes its draft the same way.
    out = tmp_path / "out"
    result = run(
        "build",
        INPUTS,
        "-o",
        out,
        "--format",
        "md",
        "-q",
        "--email-to",
        "desk@example.org",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr.decode()
    (line,) = result.stderr.decode().splitlines()
    assert line.startswith(f"briefgen: warning: {out / STEM}.eml: ") and "--email-from" in line
    assert read_eml(out / f"{STEM}.eml")["From"] == PLACEHOLDER_SENDER

    # Sending still needs a real sender: the placeholder is for drafts only.
    before = fingerprint(brief_dir)
    result = run(
        "send",
        f"{STEM}.docx",
        "--to",
        "desk@example.org",
        "--smtp",
        "127.0.0.1:1",
        cwd=brief_dir,
    )
    assert result.returncode == 2 and "no sender" in result.stderr.decode()
    assert fingerprint(brief_dir) == before


def test_write_draft_puts_the_placeholder_in_the_draft_not_the_message(brief_dir, tmp_path):
    brief = sample_brief(brief_dir)
    message = build_message(brief, [], ["desk@example.org"])
    with pytest.warns(UserWarning, match=r"placeholder Your Name <change-me@example\.invalid>"):
        write_draft(message, tmp_path / "unsigned.eml")
    assert read_eml(tmp_path / "unsigned.eml")["From"] == PLACEHOLDER_SENDER
    assert message["From"] is None  # what the caller holds is unchanged
    signed = build_message(brief, [], ["desk@example.org"], sender="Analyst <analyst@example.org>")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a sender given: no warning
        write_draft(signed, tmp_path / "signed.eml")
    assert read_eml(tmp_path / "signed.eml").get_all("From") == ["Analyst <analyst@example.org>"]


def test_body_from_docx_matches_body_from_json(brief_dir):
    """Without the JSON the DOCX is read back, and the body is the same but for the table,
    whose first row becomes a line: the same title, date, bottom line, leads and sources."""
    names = [f"{STEM}.docx", f"{STEM}.pdf"]
    from_json = render_email(sample_brief(brief_dir), names)
    (brief_dir / f"{STEM}.json").unlink()
    read_back = read_brief([brief_dir / f"{STEM}.pdf", brief_dir / f"{STEM}.docx"])
    from_docx = render_email(read_back, names)

    def without_table(text: str) -> str:
        return re.sub(r"\nKey figures\n-+\n\n.*?\n\n", "\n", text, flags=re.S)

    assert "30-day | comprehensive 30-day ceasefire agreement | [1][2]" in from_json.text
    assert "- 30-day — comprehensive 30-day ceasefire agreement [1][2]" in from_docx.text
    assert without_table(from_docx.text) == without_table(from_json.text)
    assert "[2] thanhnien.vn" in from_docx.text and 'href="https://thanhnien.vn/' in from_docx.html


def test_html_part_is_the_brief_typeset_with_the_style_file(brief_dir, tmp_path):
    """The HTML part comes from the brief's HTML writer: the style file's font and colours,
    and those of a style of one's own given to 'send' (to 'build': see test_deliver_smtp)."""
    style = load_style()
    message = build_message(sample_brief(brief_dir), [], ["desk@example.org"], marking="OFFICIAL")
    _, text, html, _ = parts(message.as_bytes())
    assert f"font-family:{style.font_name}," in html
    assert f"color:{style.colours['accent']}" in html
    assert f"background:{style.colours['shade']}" in html
    assert "Calibri" not in html and "#E8EEF4" not in html  # the second renderer's look is gone
    assert len(re.findall(f"color:{style.colours['marking']};[^>]*>OFFICIAL</p>", html)) == 2
    assert text.startswith("OFFICIAL\n\n") and text.endswith("\n\nOFFICIAL\n")

    office = tmp_path / "office.yaml"
    office.write_text('font: {name: Georgia}\ncolours: {accent: "#7A1F5C", link: "#7A1F5C"}\n')
    draft = tmp_path / "styled.eml"
    result = run("send", f"{STEM}.docx", "--eml", draft, "--style", office, cwd=brief_dir)
    assert result.returncode == 0, result.stderr.decode()
    _, _, html, _ = parts(draft.read_bytes())
    assert "font-family:Georgia," in html and "color:#7A1F5C" in html
    assert f"font-family:{style.font_name}," not in html and style.colours["accent"] not in html


def test_plain_part_says_what_the_html_part_says(brief_dir):
    brief = sample_brief(brief_dir)
    message = build_message(brief, [brief_dir / f"{STEM}.pdf"], ["desk@example.org"])
    _, text, html, _ = parts(message.as_bytes())
    blocks = Blocks(html).blocks
    lines = text.splitlines()
    # Headings: a line underlined with = (the title) or - (a section), in the same order.
    headings = [line for line, under in zip(lines, lines[1:]) if under and set(under) <= {"=", "-"}]
    assert headings == [t for tag, t in blocks if tag in ("h1", "h2")]
    assert headings == [brief.title, *(s.title for s in brief.sections)]
    # Every other block's words, in the same order: bottom line, leads, table cells, sources, notes.
    flat = " ".join(text.split())
    at = 0
    for tag, words in blocks:
        if tag not in ("h1", "h2"):
            at = flat.index(words, at)
    assert all(len(line) <= 76 or " " not in line.strip() for line in lines)  # addresses stay whole


def test_the_sources_listed_are_those_the_body_cites():
    """A bottom line citing [2] lists [2]; a source cited only beyond the leads is not listed;
    a long run of citations lists its two ends, not every source of a large brief."""
    many = list(range(1, 41))
    bottom = [Item("Ferries sail again.", "bluf", [2], [Evidence(2, "x")])]
    news = [Item("Crews are back.", "news", many, []), Item("Fares rise.", "news", [7], [])]
    differ = [Discrepancy("Strike", [Claim("two weeks", 3), Claim("16 days", 4)])]
    brief = Brief(
        title="Ferries",
        date="2025-03-19",
        profile="test",
        profile_title="Brief",
        sections=[
            Section("bluf", "Bottom line", "bluf", bottom),
            Section("news", "News", "bullets", news),
            Section("differ", "Sources differ", "discrepancies", differ),
            Section("sources", "Sources", "sources"),
        ],
        sources=[Source(n, f"outlet{n}.example", f"Story {n}") for n in many],
    )
    body = render_email(brief, [])
    assert "Ferries sail again. [2]" in body.text and "Crews are back. [1]–[40]" in body.text
    listed = {int(n) for n in re.findall(r"^\[(\d+)\] outlet", body.text, flags=re.M)}
    assert listed == {1, 2, 3, 4, 40}
    for n in listed:
        assert f'<span id="src-{n}">[{n}]</span> outlet{n}.example — “Story {n}”</p>' in body.html
    assert "outlet7.example" not in body.text + body.html and "Fares rise" not in body.text


def test_body_is_escaped_and_script_free_in_both_parts():
    hostile = (
        "<script>alert('x')</script> & <b>“bold”</b> **not bold** [3](javascript:alert(1))"
        " # no heading {{ 7*7 }}"
    )
    item = Item(f"Bullet {hostile}", "news", [1], [])
    brief = Brief(
        title=f"Title {hostile}",
        date="2025-03-19",
        profile="test",
        profile_title="Brief",
        sections=[
            Section("bluf", f"Bottom {hostile}", "bluf", [item]),
            Section("news", f"Head {hostile}", "bullets", [item]),
            Section("sources", "Sources", "sources"),
        ],
        sources=[Source(1, f"outlet {hostile}", f"Story {hostile}", None, "javascript:alert(1)")],
    )
    message = build_message(brief, [], ["desk@example.org"], sender="Analyst <analyst@example.org>")
    _, text, html, files = parts(message.as_bytes())
    assert files == {}
    assert "<script" not in html.lower() and "<b>" not in html and "&lt;script&gt;" in html
    tags = re.sub(r">[^<]*<", "><", html.split("<body", 1)[1]).lower()  # the markup, no text
    assert "javascript:" not in tags and "<strong>" not in tags
    # the one link: a citation to its Sources entry in the body; no address of the source
    assert (
        re.findall(r"<a [^>]*>", tags)
        == ['<a href="#src-1" style="color:#1f4e79;text-decoration:none">'] * 2
    )
    flat = " ".join(text.split())
    shown = [f"Title {hostile}", f"Bottom {hostile}", f"Head {hostile}", f"- Bullet {hostile} [1]"]
    for needle in [*shown, f"[1] outlet {hostile} — “Story {hostile}” — javascript:alert(1)"]:
        assert needle in flat, needle  # the text as given: no Markdown escapes, no markup of it
    assert "\\" not in text and "\n# " not in text
    assert message["Message-ID"].endswith("@example.org>")


def test_a_users_template_folder_may_override_the_email_body(tmp_path, brief_dir):
    (tmp_path / "email.md.j2").write_text(
        "# {{ brief.title | md }}\n\n{% for section in brief.sections %}\n"
        "## {{ section.title | md }}\n\n{% include 'sections/' ~ section.kind ~ '.md.j2' %}\n\n"
        "{% endfor %}\nFrom the desk.\n",
        encoding="utf-8",
    )
    brief = sample_brief(brief_dir)
    body = render_email(brief, ["x.pdf"], tmp_path)
    assert body.text.rstrip().endswith("From the desk.") and "Full brief attached" not in body.text
    assert '<p style="margin:0 0 8px">From the desk.</p>' in body.html
    (tmp_path / "email.md.j2").write_text("{{ brief.nope }}", encoding="utf-8")
    with pytest.raises(InputError, match=r"template email\.md\.j2, line 1: .*nope"):
        render_email(brief, [], tmp_path)


def test_input_errors_exit_2_and_touch_nothing(brief_dir):
    before = fingerprint(brief_dir)
    (brief_dir / f"{STEM}.json").rename(brief_dir.parent / "aside.json")
    before.pop(f"{STEM}.json")
    cases = [
        (["send", f"{STEM}.pdf", "--to", "desk@example.org"], "give its .json or .docx"),
        (["send", f"{STEM}.docx", "--to", "not an address"], "not an address"),
        (["send", f"{STEM}.docx", "--subject", "two\nlines"], "line breaks"),
        (["send", f"{STEM}.docx", "--eml", f"{STEM}.docx"], "is one of the brief's files"),
        (
            [
                "send",
                f"{STEM}.docx",
                "--to",
                "desk@example.org",
                "--smtp",
                "127.0.0.1:1",
                "--user",
                "analyst",
            ],
            "no password for SMTP user analyst",
        ),
        (
            [
                "send",
                f"{STEM}.docx",
                "--to",
                "desk@example.org",
                "--smtp",
                "127.0.0.1:1",
                "--tls",
                "none",
                "--from",
                "a@example.org",
                "--user",
                "u",
            ],
            "no password",
        ),
        (
            ["send", f"{STEM}.docx", "--to", "desk@example.org", "--smtp", "127.0.0.1:1"],
            "no sender",
        ),
        (["send", "missing.docx", "--to", "desk@example.org"], "missing.docx"),
    ]
    for args, fragment in cases:
        result = run(*args, cwd=brief_dir)
        err = result.stderr.decode()
        assert result.returncode == 2 and fragment in err and len(err.strip().splitlines()) == 1, (
            args,
            err,
        )
    assert fingerprint(brief_dir) == before


def test_settings_flags_over_environment_over_file(tmp_path):
    (tmp_path / "briefgen.toml").write_text(
        '[smtp]\nhost = "file.example.org"\nport = 2525\ntls = "ssl"\nuser = "file-user"\n'
        'password = "file-secret"\nfrom = "file@example.org"\n',
        encoding="utf-8",
    )
    (tmp_path / "briefgen.toml").chmod(0o600)
    environ = {
        "BRIEFGEN_SMTP_HOST": "env.example.org",
        "BRIEFGEN_SMTP_USER": "env-user",
        "HOME": str(tmp_path),
    }
    settings = load_settings(
        {"host": "flag.example.org", "port": None, "user": None}, environ, tmp_path
    )
    assert (
        settings.host,
        settings.port,
        settings.tls,
        settings.user,
        settings.password,
        settings.sender,
    ) == (
        "flag.example.org",
        2525,
        "ssl",
        "env-user",
        "file-secret",
        "file@example.org",
    )
    assert "file-secret" not in repr(settings)
    assert load_settings({}, {"HOME": str(tmp_path / "nohome")}, tmp_path / "..").host is None

    user_config = tmp_path / "xdg" / "briefgen"
    user_config.mkdir(parents=True)
    (user_config / "briefgen.toml").write_text(
        '[smtp]\nhost = "user.example.org"\n', encoding="utf-8"
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    settings = load_settings({}, {"XDG_CONFIG_HOME": str(tmp_path / "xdg")}, elsewhere)
    assert (settings.host, settings.port, settings.tls) == ("user.example.org", 587, "starttls")

    for text, fragment in [
        ("[smtp]\nhots = 'x'\n", "unknown key hots in smtp; did you mean host"),
        ("[smtp\n", "not valid TOML"),
        ("[smtp]\nport = 'abc'\n", "not a port"),
    ]:
        (elsewhere / "briefgen.toml").write_text(text, encoding="utf-8")
        with pytest.raises(InputError, match=fragment):
            load_settings({}, {}, elsewhere)
    assert [
        split_host_port(v)
        for v in ("smtp.example.org", "smtp.example.org:465", "[::1]:2525", "::1")
    ] == [
        ("smtp.example.org", None),
        ("smtp.example.org", "465"),
        ("::1", "2525"),
        ("::1", None),
    ]
    with pytest.raises(InputError, match="environment BRIEFGEN_SMTP_TLS: SMTP tls 'tls1.0'"):
        load_settings({}, {"BRIEFGEN_SMTP_TLS": "tls1.0"}, tmp_path / "xdg")
