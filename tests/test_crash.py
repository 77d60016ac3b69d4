"""Crash safety: ``briefgen build`` killed (SIGKILL) at many points never leaves a partial brief.

The output folder starts with a complete earlier brief.  A build of a different brief is
started in a subprocess and killed, either after a random delay across its whole life or
the moment its first temp file shows up in the folder (the write window).  Afterwards
every output file must be byte-for-byte the earlier brief's or the new one's, and the
only other files allowed are the killed run's temp files, which the next completed run
removes.  Each file is atomic on its own; a kill between two renames can leave a new
DOCX beside an old PDF, and this test allows that (docs/reliability.md says so).
"""

from __future__ import annotations

import io
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import docx
import pypdf

from briefgen.model import brief_from_json
from briefgen.write import TEMP_PREFIX, TEMP_SUFFIX
from tests.conftest import INPUTS, run_cli

FORMATS = ("docx", "pdf", "md", "json", "html")
NAME = "brief"
RANDOM_KILLS = 24
WRITE_WINDOW_KILLS = 16
SEED = int(os.environ.get("BRIEFGEN_CRASH_SEED", "8"))


def _build_args(out: Path, *extra: str) -> list[str]:
    return [
        "build",
        str(INPUTS),
        "-o",
        str(out),
        "--format",
        ",".join(FORMATS),
        "--name",
        NAME,
        *extra,
    ]


def _complete_build(out: Path, *extra: str) -> dict[str, bytes]:
    result = run_cli(*_build_args(out, *extra))
    assert result.returncode == 0, result.stderr.decode()
    return {fmt: (out / f"{NAME}.{fmt}").read_bytes() for fmt in FORMATS}


def _assert_reopens(files: dict[str, bytes]) -> None:
    assert docx.Document(io.BytesIO(files["docx"])).paragraphs
    assert pypdf.PdfReader(io.BytesIO(files["pdf"])).pages[0].extract_text()
    text = files["json"].decode("utf-8")
    assert json.loads(text) and brief_from_json(text).sections
    assert files["md"].decode("utf-8").startswith("# ")
    assert files["html"].decode("utf-8").startswith("<!DOCTYPE html>")


def _temps(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"))


def _start(out: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "briefgen", *_build_args(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _kill_when_writing(process: subprocess.Popen, out: Path, lag: float) -> None:
    """Poll the folder; SIGKILL ``lag`` seconds after the run's first temp file appears."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if any(name.startswith(TEMP_PREFIX) for name in os.listdir(out)):
            time.sleep(lag)
            break
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)


def test_killed_build_leaves_old_or_new_complete_files_and_next_run_cleans_up(tmp_path):
    old = _complete_build(tmp_path / "old", "--title", "An earlier brief")
    new = _complete_build(tmp_path / "new")
    assert all(old[fmt] != new[fmt] for fmt in FORMATS)
    _assert_reopens(old)
    _assert_reopens(new)

    out = tmp_path / "out"
    started = time.monotonic()
    _complete_build(out)
    full_run = time.monotonic() - started
    rng = random.Random(SEED)
    outcomes = {"old": 0, "new": 0, "mixed": 0, "temps left": 0, "write-window kills": 0}
    plan = [("random", rng.uniform(0.05, 1.1 * full_run)) for _ in range(RANDOM_KILLS)]
    # Writing four files with fsync takes about 0.1 s: spread these kills across it.
    plan += [("write", rng.choice([0.0, rng.uniform(0, 0.15)])) for _ in range(WRITE_WINDOW_KILLS)]
    for kind, delay in plan:
        for fmt in FORMATS:  # the earlier complete brief, as a finished run left it
            (out / f"{NAME}.{fmt}").write_bytes(old[fmt])
        process = _start(out)
        if kind == "random":
            time.sleep(delay)
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=30)
        else:
            _kill_when_writing(process, out, delay)
            outcomes["write-window kills"] += 1

        temps = _temps(out)
        names = {p.name for p in out.iterdir()} - {p.name for p in temps}
        assert names == {f"{NAME}.{fmt}" for fmt in FORMATS}, (
            f"{kind} kill after {delay:.3f}s left {sorted(names)}"
        )
        states = set()
        for fmt in FORMATS:
            data = (out / f"{NAME}.{fmt}").read_bytes()
            assert data in (old[fmt], new[fmt]), (
                f"{kind} kill after {delay:.3f}s left a partial {fmt}"
            )
            states.add("old" if data == old[fmt] else "new")
        outcomes["mixed" if len(states) > 1 else states.pop()] += 1
        outcomes["temps left"] += bool(temps)

    print(f"crash test (seed {SEED}, full run {full_run:.2f}s): {outcomes}")
    # The test is only worth something if some kills landed mid-write.
    assert outcomes["temps left"] > 0, outcomes
    leftover = _temps(out)
    final = _complete_build(out)
    assert final == new
    assert _temps(out) == [], f"stale temp files survived a complete run: {leftover}"


def test_killed_extract_never_leaves_a_partial_json_and_next_run_cleans_up(tmp_path):
    """``extract -o`` goes through the same atomic write; a kill leaves the old JSON or the new."""
    target = tmp_path / "summary.json"
    assert run_cli("extract", INPUTS, "-o", target, "--title", "Earlier").returncode == 0
    old = target.read_bytes()
    reference = tmp_path / "reference" / "summary.json"
    assert run_cli("extract", INPUTS, "-o", reference).returncode == 0
    new = reference.read_bytes()
    rng = random.Random(SEED)
    for _ in range(6):
        target.write_bytes(old)
        process = subprocess.Popen(
            [sys.executable, "-m", "briefgen", "extract", str(INPUTS), "-o", str(target)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _kill_when_writing(process, tmp_path, rng.choice([0.0, 0.002]))
        assert target.read_bytes() in (old, new)
        assert {p.name for p in tmp_path.iterdir()} - {p.name for p in _temps(tmp_path)} == {
            "summary.json",
            "reference",
        }
    assert _temps(tmp_path), "no kill landed while the JSON was being written"
    assert run_cli("extract", INPUTS, "-o", target).returncode == 0
    assert target.read_bytes() == new
    assert _temps(tmp_path) == []
