"""Inputs that used to hang or misread (issue 14): folders with link loops, a folder holding
the briefs made from it, Word files that inflate to gigabytes wherever they enter."""

from __future__ import annotations

import os
import zipfile

import pytest

from briefgen import package
from briefgen.errors import InputError
from tests.conftest import INPUTS, run_cli


def test_a_pattern_through_a_folder_linked_to_itself_ends(tmp_path):
    loop = tmp_path / "loop"
    (loop / "sub").mkdir(parents=True)
    for source in INPUTS.glob("*.txt"):
        (loop / "sub" / source.name).write_bytes(source.read_bytes())
    os.symlink(".", loop / "again")
    os.symlink(".", loop / "sub" / "back")
    result = run_cli("build", str(loop / "**" / "*.txt"), "-o", tmp_path / "out", "--format", "md")
    assert result.returncode == 0, (
        result.stderr
    )  # run_cli stops it after 120 s; it used to run on and on
    assert "from 2 sources" in next((tmp_path / "out").glob("*.md")).read_text()


def test_a_folder_built_twice_does_not_read_its_own_briefs(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    for source in INPUTS.glob("*.txt"):
        (news / source.name).write_bytes(source.read_bytes())
    formats = "docx,pdf,md,html"
    assert run_cli("build", ".", "--format", formats, cwd=news).returncode == 0
    second = run_cli("build", ".", "--format", formats, cwd=news)
    assert second.returncode == 0, second.stderr
    assert second.stderr.decode().count("a brief made by briefgen") == 4
    assert "from 2 sources" in next((news / "output").glob("*.md")).read_text()


def _bomb(path, size=3_000_000):
    from docx import Document

    Document().save(str(path))
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as word:
        word.writestr("word/media/filler.bin", b"\0" * size)
    return path


@pytest.mark.parametrize("where", ["reference", "send"])
def test_a_word_file_that_inflates_too_far_is_refused_wherever_it_enters(
    tmp_path, monkeypatch, where
):
    monkeypatch.setattr(
        package, "MAX_UNPACKED_BYTES", 2_000_000
    )  # the real bound, 300 MB, is too big to build here
    bomb = _bomb(tmp_path / "bomb.docx")
    assert bomb.stat().st_size < 100_000
    if where == "reference":
        from briefgen.typeset.docx import _reference_base

        with pytest.raises(
            InputError, match=r"reference document .*bomb\.docx: unpacks to \d MB, over the 2 MB"
        ):
            _reference_base(bomb)
    else:
        from briefgen.deliver.brief import read_brief

        with pytest.raises(InputError, match=r"bomb\.docx: unpacks to \d MB, over the 2 MB"):
            read_brief([bomb])


def test_an_endless_file_as_reference_document_is_cut_and_refused(tmp_path):
    result = run_cli(
        "build", INPUTS, "-o", tmp_path / "out", "--format", "docx", "--reference-docx", "/dev/zero"
    )
    assert result.returncode == 2 and result.stderr.count(b"\n") == 1
    assert b"/dev/zero" in result.stderr


@pytest.mark.parametrize(
    "body, message",
    [
        ("{{ 7 ** (10 ** 9) }}", r"line 1: a power of 1000000000 is over the 1000"),
        ('{{ "x" * 1000000000 }}', r"line 1: repeats text more than the 100,000 times"),
        (
            (
                "{% for i in range(100000) %}{% for j in range(1000) %}"
                "xxxxxxxxxxxxxxxxxxxxxxxxxx{% endfor %}{% endfor %}"
            ),
            r"writes over the 20,000,000 characters",
        ),
        (
            "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
            r"line 1: ran for over 1 s",
        ),
        ("one line\n{{ 1 / 0 }}", r"line 2: ZeroDivisionError: division by zero"),
        ('{% include "brief.md.j2" %}', r"includes or calls itself without end"),
    ],
)
def test_a_template_runs_within_bounds_and_its_errors_name_the_line(
    tmp_path, monkeypatch, body, message
):
    from briefgen.typeset import markdown
    from tests.test_render import brief_with

    monkeypatch.setattr(markdown, "TEMPLATE_SECONDS", 1)
    (tmp_path / "brief.md.j2").write_text(body, encoding="utf-8")
    with pytest.raises(InputError, match=rf"^template brief\.md\.j2[:,] .*{message}"):
        markdown.render_markdown(brief_with("A bullet."), tmp_path)
