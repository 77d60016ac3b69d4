"""Sending over SMTP, end to end: real aiosmtpd servers on 127.0.0.1, the real CLI in a subprocess.

One server is a plain relay; the other requires STARTTLS (a certificate from a CA made
here with trustme) and AUTH.  We check what the server received, and that every failure
is one line, exit 1, nothing sent, the brief's files untouched, the password never shown.
"""

from __future__ import annotations

import email.utils
import socket
import ssl

import pytest
import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from tests.conftest import INPUTS
from tests.test_deliver import (  # noqa: F401 (brief_dir is a fixture)
    DOCX_TYPE,
    STEM,
    brief_dir,
    check_body,
    fingerprint,
    parts,
    run,
    sample_brief,
)

PASSWORD = "s3cret-Pässwörd"


class Mailbox:
    """An aiosmtpd handler that keeps what it receives and refuses one chosen recipient."""

    def __init__(self) -> None:
        self.received: list = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("nobody@"):
            return "550 5.1.1 No such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.received.append(envelope)
        return "250 Message accepted"


class RandomPortController(Controller):
    """aiosmtpd's Controller bound to port 0: the OS picks a free port, we read it back."""

    def _trigger_server(self):
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


def _authenticate(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data == (b"analyst", PASSWORD.encode())
    return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd itself answers 535


@pytest.fixture
def relay():
    """A plain SMTP relay, as on localhost: no TLS, no login."""
    mailbox = Mailbox()
    controller = RandomPortController(mailbox, hostname="127.0.0.1", port=0)
    controller.start()
    mailbox.address = f"127.0.0.1:{controller.port}"
    yield mailbox
    controller.stop()


@pytest.fixture(scope="module")
def ca(tmp_path_factory):
    """A throwaway certificate authority; its certificate goes where --cafile can point."""
    authority = trustme.CA()
    authority.pem = tmp_path_factory.mktemp("ca") / "ca.pem"
    authority.cert_pem.write_to_path(str(authority.pem))
    return authority


@pytest.fixture
def secure(ca):
    """A server that takes mail only after STARTTLS and AUTH, with a certificate from ``ca``."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    mailbox = Mailbox()
    controller = RandomPortController(
        mailbox,
        hostname="127.0.0.1",
        port=0,
        tls_context=context,
        require_starttls=True,
        authenticator=_authenticate,
        auth_required=True,
        auth_require_tls=True,
    )
    controller.start()
    mailbox.port = controller.port
    yield mailbox
    controller.stop()


def secure_env(server, ca, **extra) -> dict:
    env = {
        "BRIEFGEN_SMTP_HOST": "127.0.0.1",
        "BRIEFGEN_SMTP_PORT": str(server.port),
        "BRIEFGEN_SMTP_USER": "analyst",
        "BRIEFGEN_SMTP_PASSWORD": PASSWORD,
        "BRIEFGEN_SMTP_CAFILE": str(ca.pem),
        "BRIEFGEN_SMTP_FROM": "analyst@example.org",
    }
    env.update(extra)
    return env


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_send_through_a_relay(relay, brief_dir):
    before = fingerprint(brief_dir)
    subject = "Ukraine — ceasefire: “what next?” 🕊 Thỏa thuận"
    result = run(
        "send",
        f"{STEM}.docx",
        f"{STEM}.pdf",
        "--to",
        "desk@example.org",
        "--to",
        "Zoë Ångström <zoe@example.org>",
        "--cc",
        "chief@example.org",
        "--from",
        "Analyst Team <analyst@example.org>",
        "--subject",
        subject,
        "--smtp",
        relay.address,
        "--tls",
        "none",
        cwd=brief_dir,
    )
    assert result.returncode == 0, result.stderr.decode()
    assert (
        result.stdout.decode().strip()
        == f"sent to desk@example.org, zoe@example.org, chief@example.org via {relay.address}"
    )
    assert fingerprint(brief_dir) == before

    (envelope,) = relay.received
    assert envelope.mail_from == "analyst@example.org"
    assert envelope.rcpt_tos == ["desk@example.org", "zoe@example.org", "chief@example.org"]
    message, text, html, files = parts(envelope.original_content)
    assert message["Subject"] == subject and message["From"] == "Analyst Team <analyst@example.org>"
    assert (
        message["To"] == "desk@example.org, Zoë Ångström <zoe@example.org>"
        and message["Cc"] == "chief@example.org"
    )
    assert (
        abs(
            email.utils.parsedate_to_datetime(message["Date"]).timestamp()
            - __import__("time").time()
        )
        < 600
    )
    assert message["Message-ID"].endswith("@example.org>") and message["X-Unsent"] is None
    check_body(text, html, sample_brief(brief_dir))
    assert files == {
        f"{STEM}.docx": (DOCX_TYPE, (brief_dir / f"{STEM}.docx").read_bytes()),
        f"{STEM}.pdf": ("application/pdf", (brief_dir / f"{STEM}.pdf").read_bytes()),
    }


def test_send_with_starttls_and_login(secure, ca, brief_dir):
    result = run(
        "send",
        f"{STEM}.docx",
        f"{STEM}.pdf",
        "--to",
        "desk@example.org",
        cwd=brief_dir,
        env=secure_env(secure, ca),
    )
    output = (result.stdout + result.stderr).decode()
    assert result.returncode == 0, output
    assert PASSWORD not in output
    (envelope,) = secure.received
    assert envelope.rcpt_tos == ["desk@example.org"]
    _, _, _, files = parts(envelope.original_content)
    assert files[f"{STEM}.pdf"][1] == (brief_dir / f"{STEM}.pdf").read_bytes()


def test_config_file_then_environment_then_flags(secure, ca, brief_dir):
    config = brief_dir / "briefgen.toml"
    config.write_text(
        f'[smtp]\nhost = "127.0.0.1"\nport = {closed_port()}\nuser = "analyst"\n'
        f'password = "{PASSWORD}"\n'
        f'cafile = "{ca.pem}"\nfrom = "analyst@example.org"\n',
        encoding="utf-8",
    )
    config.chmod(0o600)
    args = ("send", f"{STEM}.docx", "--to", "desk@example.org")
    assert run(*args, cwd=brief_dir).returncode == 1  # the file's port is closed
    result = run(
        *args, cwd=brief_dir, env={"BRIEFGEN_SMTP_PORT": str(secure.port)}
    )  # environment over file
    assert result.returncode == 0, result.stderr.decode()
    assert len(secure.received) == 1
    result = run(
        *args,
        "--smtp",
        f"127.0.0.1:{closed_port()}",
        cwd=brief_dir,
        env={"BRIEFGEN_SMTP_PORT": str(secure.port)},
    )
    assert (
        result.returncode == 1 and b"connection refused" in result.stderr
    )  # flag over environment
    assert len(secure.received) == 1

    config.chmod(0o644)
    result = run(*args, cwd=brief_dir, env={"BRIEFGEN_SMTP_PORT": str(secure.port)})
    assert (
        result.returncode == 0
        and b"others can read it" in result.stderr
        and PASSWORD.encode() not in result.stderr
    )


def test_build_email_to_sends_the_files_it_wrote(relay, tmp_path):
    out = tmp_path / "out"
    result = run(
        "build",
        INPUTS,
        "-o",
        out,
        "--email-to",
        "desk@example.org",
        "--email-from",
        "analyst@example.org",
        "--smtp",
        relay.address,
        "--tls",
        "none",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().splitlines() == [
        str(out / f"{STEM}.docx"),
        str(out / f"{STEM}.pdf"),
        f"sent to desk@example.org via {relay.address}",
    ]
    (envelope,) = relay.received
    message, _, _, files = parts(envelope.original_content)
    assert message["Subject"].endswith(" — 19 March 2025")
    assert {name: data for name, (_, data) in files.items()} == {
        p.name: p.read_bytes() for p in out.iterdir()
    }

    # The email body is typeset with the style the brief was built with.
    office = tmp_path / "office.yaml"
    office.write_text('font: {name: Georgia}\ncolours: {accent: "#7A1F5C"}\n', encoding="utf-8")
    result = run(
        "build",
        INPUTS,
        "-o",
        out,
        "--format",
        "pdf",
        "--email-to",
        "desk@example.org",
        "--style",
        office,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().splitlines()[-1] == str(out / f"{STEM}.eml")
    assert (out / f"{STEM}.eml").read_bytes().count(b"X-Unsent: 1") == 1
    _, _, html, _ = parts((out / f"{STEM}.eml").read_bytes())
    assert "font-family:Georgia," in html and "color:#7A1F5C" in html


def _fails(result, *fragments: str) -> None:
    err = result.stderr.decode()
    assert result.returncode == 1, err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    assert PASSWORD not in err + result.stdout.decode()
    for fragment in fragments:
        assert fragment in err, err


def test_failures_are_one_line_exit_1_and_leave_the_brief_alone(relay, secure, ca, brief_dir):
    before = fingerprint(brief_dir)
    files = (f"{STEM}.docx", f"{STEM}.pdf")
    silent = socket.socket()  # accepts connections (the kernel does) but never greets
    silent.bind(("127.0.0.1", 0))
    silent.listen()
    try:
        cases = [
            (
                (),
                secure_env(secure, ca, BRIEFGEN_SMTP_PORT=str(closed_port())),
                "connection refused",
            ),
            (
                (),
                secure_env(secure, ca, BRIEFGEN_SMTP_PASSWORD="wrong"),
                "login failed for user analyst",
                "535",
            ),
            (
                ("--cc", "nobody@example.org"),
                secure_env(secure, ca),
                "recipient nobody@example.org refused",
                "550",
                "nothing sent",
            ),
            ((), secure_env(secure, ca, BRIEFGEN_SMTP_CAFILE=""), "TLS certificate not trusted"),
            (("--tls", "ssl"), secure_env(secure, ca), "TLS failed"),
            (
                ("--smtp-timeout", "1"),
                secure_env(secure, ca, BRIEFGEN_SMTP_PORT=str(silent.getsockname()[1])),
                "no answer within 1 s",
            ),
            (
                ("--smtp", relay.address, "--user", ""),
                secure_env(secure, ca, BRIEFGEN_SMTP_USER=""),
                "does not offer STARTTLS",
            ),
        ]
        for args, env, *fragments in cases:
            _fails(
                run("send", *files, "--to", "desk@example.org", *args, cwd=brief_dir, env=env),
                *fragments,
            )
    finally:
        silent.close()
    assert secure.received == [] and relay.received == []
    assert fingerprint(brief_dir) == before


@pytest.mark.filterwarnings(
    "ignore:Requiring AUTH while not requiring TLS"
)  # see the comment below
def test_send_over_implicit_tls(ca, brief_dir):
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    mailbox = Mailbox()
    # aiosmtpd counts only STARTTLS as TLS, so AUTH must be allowed "without" it here: the
    # connection is TLS from its first byte.
    controller = RandomPortController(
        mailbox,
        hostname="127.0.0.1",
        port=0,
        ssl_context=context,
        authenticator=_authenticate,
        auth_required=True,
        auth_require_tls=False,
    )
    controller.start()
    mailbox.port = controller.port
    try:
        env = secure_env(mailbox, ca, BRIEFGEN_SMTP_TLS="ssl")
        result = run("send", f"{STEM}.docx", "--to", "desk@example.org", cwd=brief_dir, env=env)
    finally:
        controller.stop()
    assert result.returncode == 0, result.stderr.decode()
    (envelope,) = mailbox.received
    assert (
        parts(envelope.original_content)[3][f"{STEM}.docx"][1]
        == (brief_dir / f"{STEM}.docx").read_bytes()
    )
