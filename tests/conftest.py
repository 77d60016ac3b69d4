"""Shared fixtures: the sample inputs, and a way to run the real CLI in a subprocess."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
INPUTS = ROOT / "inputs"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def inputs() -> Path:
    return INPUTS


def run_cli(
    *args: str, cwd: Path | None = None, input: bytes | None = None
) -> subprocess.CompletedProcess:
    """Run ``briefgen ARGS`` as a user would, capturing bytes."""
    return subprocess.run(
        [sys.executable, "-m", "briefgen", *map(str, args)],
        cwd=cwd,
        input=input,
        capture_output=True,
        timeout=120,
    )


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory) -> Path:
    """The sample brief built once, in every format, for tests that only read it."""
    out = tmp_path_factory.mktemp("sample")
    result = run_cli("build", INPUTS, "-o", out, "--format", "docx,pdf,md,json")
    assert result.returncode == 0, result.stderr.decode()
    return out


def outline_titles(reader) -> list[str]:
    """The titles of a pypdf reader's bookmarks, depth first."""
    titles = []

    def walk(outline):
        for entry in outline:
            if isinstance(entry, list):
                walk(entry)
            else:
                titles.append(entry.title)

    walk(reader.outline)
    return titles
