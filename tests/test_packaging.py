"""A non-editable install must carry the templates and profiles inside the package."""

import subprocess
import sys
import zipfile


def test_wheel_contains_templates_and_profiles(tmp_path):
    from tests.conftest import ROOT

    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        capture_output=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    (wheel,) = tmp_path.glob("briefgen-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {
        "briefgen/templates/brief.md.j2",
        "briefgen/styles/default.yaml",
        "briefgen/profiles/default.yaml",
        "briefgen/profiles/generic.yaml",
    } <= names
