"""A brief's files are written all or none: a failed run leaves what was there before.

Failures are real ones the issue found: a directory where a file should go, a file name
one character too long for the file system.  Also: the temp-file sweep touches only
briefgen's own temp files, and ``--eml`` may not overwrite the brief.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefgen.errors import ProcessingError
from briefgen.write import write_outputs
from tests.conftest import INPUTS, run_cli
from tests.test_cli import _one_line_error

STEM = "brief-2025-03-19"  # the name the sample inputs give a brief


def _state(folder: Path) -> dict[str, tuple]:
    """Every entry of ``folder``: its bytes (None for a folder), inode and modification time."""
    state = {}
    for path in folder.iterdir():
        info = path.lstat()
        state[path.name] = (
            None if path.is_dir() else path.read_bytes(),
            info.st_ino,
            info.st_mtime_ns,
        )
    return state


def test_write_outputs_puts_back_every_swapped_file_when_a_later_one_fails(tmp_path):
    (tmp_path / "b.docx").write_bytes(b"earlier docx")
    (tmp_path / "b.pdf").mkdir()  # the third file cannot take its place
    before = _state(tmp_path)
    with pytest.raises(ProcessingError, match=r"b\.pdf: cannot write \(Is a directory\)"):
        write_outputs(tmp_path, "b", {"docx": b"new docx", "md": b"new md", "pdf": b"new pdf"})
    assert (
        _state(tmp_path) == before
    )  # the DOCX is its earlier self, the new MD is gone, no temp file


@pytest.mark.parametrize("formats", ["docx,md,pdf", "docx,pdf,md"])
def test_a_build_failing_at_one_file_leaves_the_others_untouched(tmp_path, formats):
    out = tmp_path / "out"
    out.mkdir()
    (out / f"{STEM}.docx").write_bytes(b"earlier docx")
    (out / f"{STEM}.md").write_bytes(b"earlier md")
    (out / f"{STEM}.pdf").mkdir()
    before = _state(out)
    _one_line_error(
        run_cli("build", INPUTS, "-o", out, "--format", formats, "-q"),
        1,
        f"{STEM}.pdf: cannot write",
    )
    assert _state(out) == before


def test_a_name_too_long_for_the_last_file_writes_nothing(tmp_path):
    name = "n" * 252  # name.md fits in 255 bytes, name.pdf does not
    fresh = tmp_path / "fresh"
    _one_line_error(
        run_cli("build", INPUTS, "-o", fresh, "--format", "md,pdf", "--name", name, "-q"),
        1,
        "cannot write (File name too long)",
    )
    assert list(fresh.iterdir()) == []

    earlier = tmp_path / "earlier"
    earlier.mkdir()
    (earlier / f"{name}.md").write_bytes(b"earlier md")
    before = _state(earlier)
    _one_line_error(
        run_cli("build", INPUTS, "-o", earlier, "--format", "md,pdf", "--name", name, "-q"),
        1,
        "cannot write (File name too long)",
    )
    assert _state(earlier) == before


def test_the_temp_sweep_removes_only_briefgens_own_temp_files(tmp_path):
    users = [
        "notes.part",
        ".briefgen-notes.part",
        ".briefgen-999999999-abc.part",
        "x.briefgen-tmp",
        ".briefgen-999999999-0123456789abcdef.briefgen-tmp.bak",
        ".briefgen-999999999-0123456789ABCDEF.briefgen-tmp",
    ]
    for name in users:
        (tmp_path / name).write_bytes(b"the user's own")
    live = (
        tmp_path / f".briefgen-{os.getppid()}-0123456789abcdef.briefgen-tmp"
    )  # a run still writing
    live.write_bytes(b"half a brief")
    (tmp_path / ".briefgen-999999999-0123456789abcdef.briefgen-tmp").write_bytes(
        b"half a brief"
    )  # a killed run's
    write_outputs(tmp_path, "b", {"md": b"# brief"})
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*users, live.name, "b.md"])
    assert all((tmp_path / name).read_bytes() == b"the user's own" for name in users)


def test_eml_onto_the_briefs_own_files_is_refused_before_anything_is_written(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    json_file = out / f"{STEM}.json"
    json_file.write_bytes(b"earlier json")
    for formats in (
        "docx",
        "docx,json",
    ):  # the JSON kept from an earlier build, or one this build writes
        result = run_cli(
            "build", INPUTS, "-o", out, "--format", formats, "--eml", json_file, "-q", cwd=tmp_path
        )
        _one_line_error(result, 2, f"{STEM}.json: is one of the brief's files")
        assert sorted(p.name for p in out.iterdir()) == [json_file.name]
        assert json_file.read_bytes() == b"earlier json"

    assert (
        run_cli("build", INPUTS, "-o", out, "--format", "docx,json", "-q", cwd=tmp_path).returncode
        == 0
    )
    before = _state(out)
    result = run_cli(
        "send", out / f"{STEM}.docx", "--eml", json_file, cwd=tmp_path
    )  # 'send' reads its body from that JSON
    _one_line_error(result, 2, f"{STEM}.json: is one of the brief's files")
    assert _state(out) == before
