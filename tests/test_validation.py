"""Every bad profile, style, source list, edited brief JSON or number on the command line
ends in exit 2 and one line naming the input and the reason: never a hang, never an
"internal error" (issue 14, items 9, 10, 11 and 13)."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pypdf
import pytest

from tests.conftest import INPUTS, ROOT, run_cli
from tests.sources_fixtures import PDF_HEADLINE, make_pdf

SAMPLE = INPUTS / "baoquocte-2025-03-19.txt"

# A kilobyte of YAML that stands for 9**10 strings: ten anchors, each a list of nine aliases
# of the one before.  Shared, it loads in no time; written out, it fills any memory.
BOMB = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"] + [
    f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 10)
]


def indented(lines: list[str], by: int) -> str:
    return "".join(" " * by + line + "\n" for line in lines)


def assert_refused(result: subprocess.CompletedProcess, *words: str) -> None:
    """Exit 2 with exactly one line on stderr, an error holding each of ``words``."""
    lines = result.stderr.decode().splitlines()
    assert result.returncode == 2, lines
    assert len(lines) == 1 and lines[0].startswith("briefgen: error: "), lines
    for word in words:
        assert word in lines[0], lines


def run_briefly(*args: str, timeout: float = 20) -> subprocess.CompletedProcess:
    """``run_cli`` with a short timeout, for inputs that used to run until memory ran out."""
    return subprocess.run(
        [sys.executable, "-m", "briefgen", *map(str, args)], capture_output=True, timeout=timeout
    )


@pytest.fixture(scope="module")
def brief_json(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("brief") / "brief.json"
    result = run_cli("extract", SAMPLE, "-q", "-o", path)
    assert result.returncode == 0, result.stderr.decode()
    return path


# --- item 9: YAML alias bombs ---------------------------------------------------------


@pytest.mark.parametrize("kind", ["style", "profile", "sources"])
def test_yaml_alias_bomb_under_a_value_is_refused_at_once(tmp_path, brief_json, kind):
    bomb = tmp_path / f"{kind}.yaml"
    if kind == "style":  # under author:, which becomes the documents' Author property
        bomb.write_text("author:\n" + indented(BOMB, 2))
        result = run_briefly(
            "render", brief_json, "-o", tmp_path / "out", "--format", "md", "--style", bomb
        )
    elif kind == "profile":  # under title:
        bomb.write_text("title:\n" + indented(BOMB, 2) + "sections:\n  - {id: a, title: A}\n")
        result = run_briefly("extract", SAMPLE, "-q", "--profile", bomb)
    else:  # under one entry's title:
        bomb.write_text(f"- source: {SAMPLE}\n  title:\n" + indented(BOMB, 4))
        result = run_briefly("extract", "-q", "--sources", bomb)
    assert_refused(result, str(bomb), "aliases")
    assert not (tmp_path / "out").exists()


def test_yaml_aliases_that_share_a_little_still_work_and_loops_or_depth_are_refused(tmp_path):
    shared = tmp_path / "shared.yaml"
    shared.write_text(
        "x-cues: &cues {agreed: 2, talks: 1}\nsections:\n  - {id: a, title: A, cues: *cues}\n"
        "  - {id: b, title: B, cues: *cues}\n"
    )
    assert run_cli("profiles", "show", shared).returncode == 0
    loop = tmp_path / "loop.yaml"
    loop.write_text("title: &t [*t]\nsections:\n  - {id: a, title: A}\n")
    assert_refused(
        run_cli("profiles", "show", loop), str(loop), "alias refers to a node that contains it"
    )
    deep = tmp_path / "deep.yaml"
    deep.write_text(
        "title: " + "[" * 100_000 + "]" * 100_000 + "\nsections:\n  - {id: a, title: A}\n"
    )
    assert_refused(run_cli("profiles", "show", deep), str(deep), "nested too deeply")


# --- item 10: AES-encrypted PDFs -------------------------------------------------------


@pytest.mark.parametrize("algorithm", ["AES-128", "AES-256"])
def test_aes_pdf_opens_without_a_user_password_and_is_refused_with_one(tmp_path, algorithm):
    plain = make_pdf(tmp_path / "plain.pdf", pages=1)
    for user_password, name in (("", "restricted.pdf"), ("secret", "locked.pdf")):
        writer = pypdf.PdfWriter(clone_from=str(plain))
        writer.encrypt(user_password=user_password, owner_password="owner", algorithm=algorithm)
        with open(tmp_path / name, "wb") as handle:
            writer.write(handle)
    result = run_cli("extract", tmp_path / "restricted.pdf", "-q")
    assert result.returncode == 0, result.stderr.decode()
    assert PDF_HEADLINE in result.stdout.decode()
    assert_refused(
        run_cli("extract", tmp_path / "locked.pdf", "-q"),
        "locked.pdf",
        "password-protected (it needs a password to open",
    )


def test_cryptography_is_a_dependency_at_a_version_pypdf_can_use():
    # pypdf falls back to its own code without cryptography, and that code has no AES.
    # cryptography 42 imports, but pypdf 7 wants cryptography.hazmat.decrepit (new in 43).
    dependencies = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    floors = [
        re.fullmatch(r"cryptography>=(\d+)(?:\.\d+)*", d.replace(" ", "")) for d in dependencies
    ]
    (floor,) = [int(m.group(1)) for m in floors if m]
    assert floor >= 43


# --- item 11: edited brief JSON ----------------------------------------------------------


@pytest.mark.parametrize(
    "edit, reason",
    [
        (lambda text: "[" * 200_000 + "]" * 200_000, "nested too deeply"),
        (
            lambda text: re.sub(r'"schema": \d+', '"schema": 1' + "0" * 5000, text),
            "5001-digit number is too long",
        ),
        (
            lambda text: re.sub(r'"confidence": [\d.]+', '"confidence": NaN', text, count=1),
            "NaN is not a JSON number",
        ),
        (
            lambda text: re.sub(r'"confidence": [\d.]+', '"confidence": 1e999', text, count=1),
            "confidence should be a finite number",
        ),
    ],
    ids=["deep", "long-number", "nan", "infinity"],
)
def test_edited_json_that_python_cannot_hold_is_exit_2(tmp_path, brief_json, edit, reason):
    text = brief_json.read_text(encoding="utf-8")
    edited = tmp_path / "edited.json"
    edited.write_text(edit(text), encoding="utf-8")
    assert edited.read_text(encoding="utf-8") != text
    assert_refused(
        run_cli("render", edited, "-o", tmp_path / "out", "--format", "md"), str(edited), reason
    )
    assert not (tmp_path / "out").exists()


# --- item 13: values of the wrong kind, numbers out of range -----------------------------


@pytest.mark.parametrize(
    "style, reason",
    [
        ('font: "Arial"', "font should be a mapping"),
        ('colours: "red"', "colours should be a mapping"),
        ("font: {name: Arial, pdf: 5}", "font.pdf should be a list"),
        ("font: {name: Arial, pdf: [{regular: a.ttf, 1: b.ttf, x: c.ttf}]}", "unknown key 1"),
    ],
)
def test_style_value_of_the_wrong_kind_is_exit_2(tmp_path, brief_json, style, reason):
    path = tmp_path / "style.yaml"
    path.write_text(style + "\n")
    assert_refused(
        run_cli("render", brief_json, "-o", tmp_path / "out", "--style", path),
        f"style {path}",
        reason,
    )


@pytest.mark.parametrize(
    "field, reason",
    [
        ("max_items: abc", "max_items should be a whole number from 1 to 1000, not 'abc'"),
        ("max_items: .inf", "max_items should be a whole number from 1 to 1000, not inf"),
        ("catch_all: 'no'", "catch_all should be true or false"),
        ("requires: NATO", "requires must be a list of phrases"),
        ("subject: NATO", "subject must be a list of names"),
        ("cues: {agreed: .nan}", "numeric weights"),
    ],
)
def test_profile_value_out_of_range_is_exit_2(tmp_path, field, reason):
    path = tmp_path / "profile.yaml"
    path.write_text(f"sections:\n  - {{id: a, title: A, {field}}}\n")
    assert_refused(
        run_cli("extract", SAMPLE, "-q", "--profile", path), f"profile {path}: section 'a'", reason
    )


@pytest.mark.parametrize(
    "name, text, reason",
    [
        ("big.csv", "source,title\n" + f"{SAMPLE},{'x' * 200_000}\n", "not a readable CSV"),
        (
            "date.yaml",
            f"- {{source: {SAMPLE}, date: 2025-02-30}}\n",
            "day is out of range for month",
        ),
        (
            "title.yaml",
            f"- {{source: {SAMPLE}, title: [a, b]}}\n",
            "entry 1: each field should be text",
        ),
    ],
)
def test_source_list_that_python_cannot_read_is_exit_2(tmp_path, name, text, reason):
    path = tmp_path / name
    path.write_text(text)
    assert_refused(run_cli("extract", "-q", "--sources", path), str(path), reason)


def test_extract_output_under_a_file_is_exit_2(tmp_path):
    (tmp_path / "afile").write_text("not a folder")
    target = tmp_path / "afile" / "x.json"
    assert_refused(
        run_cli("extract", SAMPLE, "-q", "-o", target), str(target), "a file is in the way"
    )


@pytest.mark.parametrize(
    "option, value, reason",
    [
        ("--url-timeout", "inf", "inf is not in the range 0<x<=86400"),
        ("--url-timeout", "nan", "'nan' is not a number"),
        ("--max-source-mb", "nan", "'nan' is not a number"),
        ("--max-source-mb", "inf", "inf is not in the range 0<x<=1000"),
        ("--url-max-mb", "1e300", "1e+300 is not in the range 0<x<=1000"),
    ],
)
def test_numbers_on_the_command_line_are_finite_and_in_range(option, value, reason):
    assert_refused(run_cli("extract", SAMPLE, "-q", option, value), f"'{option}'", reason)


def test_smtp_timeout_is_a_number(tmp_path):
    assert_refused(
        run_cli("send", SAMPLE, "--smtp-timeout", "nan", "--eml", tmp_path / "x.eml"),
        "'--smtp-timeout'",
        "'nan' is not a number",
    )
