"""The Python API (briefgen.build / extract / render), in process, reading the files back."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import subprocess
import sys
from pathlib import Path

import docx
import pypdf
import pytest

import briefgen
from briefgen.api import DEFAULT_OUTPUT, output_paths
from briefgen.errors import InputError
from tests.conftest import INPUTS, ROOT
from tests.test_cli import SECTION_TITLES

SAMPLE = "brief-2025-03-19"


@pytest.fixture(scope="module")
def sample_brief():
    """The sample's Brief, extracted once; tests that change it take a copy."""
    return briefgen.extract([INPUTS])


def test_build_writes_the_sample_as_the_cli_does_and_prints_nothing(tmp_path, capfd, sample_build):
    paths = briefgen.build([INPUTS], out=tmp_path)
    assert capfd.readouterr() == ("", "")  # results are returned, not printed
    assert paths == [tmp_path / f"{SAMPLE}.docx", tmp_path / f"{SAMPLE}.pdf"]

    document = docx.Document(str(paths[0]))
    assert document.paragraphs[0].style.name == "Title"
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 1"] == SECTION_TITLES
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(str(paths[1])).pages)
    at = 0
    for title in SECTION_TITLES:  # each heading appears, after the one before it
        at = text.find(title + "\n", at)
        assert at != -1, title

    # the same bytes as `briefgen build` (documents are dated by the day: same-day runs match)
    for path in paths:
        assert path.read_bytes() == (sample_build / path.name).read_bytes(), path.name


def test_extract_edit_render(sample_brief, tmp_path):
    brief = copy.deepcopy(sample_brief)
    brief.title = "Edited by the analyst"
    options = briefgen.RenderOptions(formats=("md",), name="edited")
    paths = briefgen.render(brief, tmp_path / "out", options)
    assert paths == [tmp_path / "out" / "edited.md"]
    text = paths[0].read_text(encoding="utf-8")
    assert text.startswith("# Edited by the analyst\n")
    assert "## Bottom line up front" in text and sample_brief.title not in text


def test_render_takes_formats_as_a_string_and_paths_as_strings(sample_brief, tmp_path):
    options = briefgen.RenderOptions(formats="JSON, md,json")
    assert options.formats == ("json", "md")
    paths = briefgen.render(sample_brief, str(tmp_path), options)
    assert [p.name for p in paths] == [f"{SAMPLE}.json", f"{SAMPLE}.md"]
    assert output_paths(sample_brief, str(tmp_path), options) == paths


def test_an_undated_brief_is_named_by_source_date_epoch(tmp_path, monkeypatch):
    source = tmp_path / "harbour.txt"
    source.write_text(
        "Harbour reopens after storm\n\n"
        "The city council reopened the northern harbour on Monday after a week of repairs.\n"
        "Officials said the repairs cost 4 million euros and were finished two days early.\n"
        "Fishing crews welcomed the decision, saying the closure had cost them a week's catch.\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 14 November 2023
    md = briefgen.RenderOptions(formats=("md",))
    paths = briefgen.build(source, tmp_path / "out", rendering=md)
    assert paths == [tmp_path / "out" / "brief-2023-11-14.md"]


def test_a_missing_source_raises_input_error_naming_it_and_writes_nothing(tmp_path):
    out = tmp_path / "out"
    with pytest.raises(InputError, match="missing.txt") as error:
        briefgen.build([INPUTS, tmp_path / "missing.txt"], out=out)
    assert "no such file" in str(error.value)
    assert not out.exists()
    with pytest.raises(InputError, match="no sources given"):
        briefgen.extract([])


@pytest.mark.parametrize(
    "make, fragment",
    [
        (lambda: briefgen.RenderOptions(formats=("docx", "gif")), "gif"),
        (lambda: briefgen.RenderOptions(formats=""), "choose from docx, pdf, md, json, html"),
        (lambda: briefgen.RenderOptions(name="../escape"), "plain file name"),
        (lambda: briefgen.RenderOptions(paper="a5"), "a5"),
        (lambda: briefgen.ReadOptions(date="2025-13-01"), "is not a date"),
        (lambda: briefgen.ReadOptions(jobs=0), "jobs"),
        (lambda: briefgen.ReadOptions(url_timeout=float("nan")), "url_timeout"),
        (lambda: briefgen.ReadOptions(max_source_mb=1_001), "max_source_mb"),
        (lambda: briefgen.AnalysisOptions(max_words=10), "max_words"),
    ],
)
def test_bad_options_raise_input_error(make, fragment):
    with pytest.raises(InputError, match=fragment.replace(".", r"\.")):
        make()


def test_bad_profile_and_template_raise_input_error(sample_brief, tmp_path):
    with pytest.raises(InputError, match="nonesuch"):
        briefgen.extract([INPUTS], briefgen.AnalysisOptions(profile="nonesuch"))
    options = briefgen.RenderOptions(formats=("md",), template_dir=tmp_path / "no-templates")
    with pytest.raises(InputError, match="no-templates"):
        briefgen.render(sample_brief, tmp_path / "out", options)
    assert not (tmp_path / "out").exists()


def test_paper_with_a_reference_docx_is_a_warning(sample_brief, tmp_path):
    docx_only = briefgen.RenderOptions(formats=("docx",))
    reference = briefgen.render(sample_brief, tmp_path, docx_only)[0]
    options = briefgen.RenderOptions(formats=("docx",), paper="Letter", reference_docx=reference)
    assert options.paper == "letter"
    with pytest.warns(UserWarning, match="applies to the PDF and HTML only"):
        briefgen.render(sample_brief, tmp_path / "out", options)


def test_options_are_frozen_and_normalised():
    for options in (briefgen.ReadOptions(), briefgen.AnalysisOptions(), briefgen.RenderOptions()):
        field = dataclasses.fields(options)[0].name
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(options, field, None)
    assert briefgen.ReadOptions(date=dt.date(2025, 3, 19)).date == "2025-03-19"
    assert briefgen.ReadOptions(source_list="list.txt").source_list == Path("list.txt")
    assert briefgen.RenderOptions(style_file="s.yaml").style_file == Path("s.yaml")


def test_defaults_are_the_clis_and_the_stages():
    from briefgen.analyse import DEFAULT_MAX_WORDS
    from briefgen.cli import build as build_command
    from briefgen.profile import DEFAULT_PROFILE
    from briefgen.read import MB, Limits

    flags = build_command.make_context("build", ["inputs"]).params  # what a bare build passes
    reading = briefgen.ReadOptions()
    analysis = briefgen.AnalysisOptions()
    rendering = briefgen.RenderOptions()
    for field in dataclasses.fields(reading):
        if field.name not in ("jobs", "progress"):
            assert getattr(reading, field.name) == flags[field.name], field.name
    assert reading.jobs == flags["jobs"]
    assert reading.progress is False  # a library draws no progress line unless asked; the CLI does
    assert (analysis.profile, analysis.max_words, analysis.title) == (
        flags["profile"],
        flags["max_words"],
        flags["title"],
    )
    assert list(rendering.formats) == flags["formats"]
    for name in ("name", "template_dir", "style_file", "paper", "reference_docx", "marking"):
        assert getattr(rendering, name) is None and flags[name] is None, name
    assert flags["output"] == DEFAULT_OUTPUT == Path("output")

    # the API's own copies of the stages' defaults (it does not import the stages to read them)
    assert (analysis.profile, analysis.max_words) == (DEFAULT_PROFILE, DEFAULT_MAX_WORDS)
    limits = Limits()
    assert reading.max_source_mb * MB == limits.max_source_bytes
    assert reading.url_max_mb * MB == limits.max_url_bytes
    assert (reading.max_sources, reading.url_timeout) == (limits.max_sources, limits.url_timeout)


def _loaded(code: str) -> set[str]:
    """The briefgen modules loaded after running ``code`` in a fresh interpreter."""
    listing = "; print(*sorted(m for m in sys.modules if m.startswith('briefgen')))"
    result = subprocess.run(
        [sys.executable, "-c", code + listing],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    return set(result.stdout.split())


def test_import_briefgen_loads_no_stage():
    assert _loaded("import sys, briefgen") == {"briefgen"}
    stages = {"briefgen.analyse", "briefgen.read", "briefgen.typeset", "briefgen.profile"}
    assert not _loaded("import sys, briefgen; briefgen.RenderOptions; briefgen.build") & stages
    assert not _loaded("import sys, briefgen.cli") & stages  # so `briefgen --help` stays fast


def test_briefgen_render_is_the_function_once_the_typesetting_stage_is_loaded():
    loaded = _loaded(
        "import sys, briefgen, briefgen.api; import briefgen.typeset.style; "
        "from briefgen import render; "
        "assert briefgen.render is render is briefgen.api.render, briefgen.render"
    )
    assert "briefgen.typeset.style" in loaded


def test_python_c_build_from_the_checkout(tmp_path):
    """The one-liner of issue 15, run from the project folder with a relative source."""
    out = tmp_path / "o"
    result = subprocess.run(
        [sys.executable, "-c", f"import briefgen; briefgen.build(['inputs'], out={str(out)!r})"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert result.returncode == 0 and result.stdout == "", result.stderr
    assert sorted(p.name for p in out.iterdir()) == [f"{SAMPLE}.docx", f"{SAMPLE}.pdf"]
