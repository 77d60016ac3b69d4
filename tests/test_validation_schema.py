"""Issue 16, items 2 and 3: profiles and styles checked against a schema, profiles found by
name in the user's folders, the shipped templates printed to start from, an edited brief's
JSON read with errors that name their place, and the brief's JSON Schema published.

Everything runs as a user would: files written to a temporary folder, the real CLI in a
subprocess, its output and the files it writes read back."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from briefgen.errors import InputError
from briefgen.model import (
    Brief,
    Evidence,
    Item,
    Section,
    Source,
    brief_from_json,
    brief_schema,
    brief_to_json,
)
from briefgen.profile import find_profiles, load_profile, profile_schema
from briefgen.typeset.style import STYLE_SCHEMA, default_style_path
from briefgen.userdirs import config_dir
from tests.conftest import INPUTS, ROOT, run_cli

SAMPLE = INPUTS / "baoquocte-2025-03-19.txt"

# An analyst's own profile, invented: a bottom line, two bullet sections and the sources.
MINE = """\
id: harbour
title: Harbour brief
sections:
  - {id: bluf, title: Bottom line, kind: bluf, max_items: 2}
  - id: moves
    title: Moves
    cues: {agree*: 2, talks: 1}
    examples: [The two ministers agreed to reopen the ferry line next spring.]
  - id: frictions
    title: Frictions
    TYPO: {reject*: 2, warn*: 2}
  - {id: sources, title: Sources, kind: sources}
"""


def briefgen(*args: object, cwd: Path | None = None, config: Path | None = None):
    """``briefgen ARGS`` in a subprocess, in ``cwd``, with ``config`` as XDG_CONFIG_HOME (and
    HOME, so that no real user folder is read)."""
    env = dict(os.environ)
    if config is not None:
        env["XDG_CONFIG_HOME"] = str(config)
        env["HOME"] = str(config)
    return subprocess.run(
        [sys.executable, "-m", "briefgen", *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        timeout=120,
    )


def one_error(result: subprocess.CompletedProcess, code: int = 2) -> str:
    """The one line of a failed run, without its 'briefgen: error: ' prefix."""
    lines = result.stderr.decode().splitlines()
    assert result.returncode == code, lines
    assert len(lines) == 1 and lines[0].startswith("briefgen: error: "), lines
    return lines[0].removeprefix("briefgen: error: ")


@pytest.fixture(scope="module")
def sample_json(tmp_path_factory) -> Path:
    """The sample brief's JSON as ``extract`` writes it."""
    path = tmp_path_factory.mktemp("sample") / "brief.json"
    result = run_cli("extract", INPUTS, "-q", "-o", path)
    assert result.returncode == 0, result.stderr.decode()
    return path


# --- item 2: profiles and styles checked against a schema ------------------------------


def test_a_misspelt_key_in_a_profile_is_an_error_naming_file_section_and_the_right_key(
    tmp_path,
):
    # Before: 'cue:' was ignored and the section said "Nothing reported".
    mine = tmp_path / "mine.yaml"
    mine.write_text(MINE.replace("TYPO", "cue"), encoding="utf-8")
    assert one_error(run_cli("extract", SAMPLE, "-q", "--profile", mine)) == (
        f"profile {mine}: unknown key cue in section 'frictions'; did you mean cues?"
    )
    mine.write_text(MINE.replace("TYPO", "cues"), encoding="utf-8")
    result = run_cli("extract", SAMPLE, "-q", "--profile", mine)
    assert result.returncode == 0, result.stderr.decode()
    assert [s["title"] for s in json.loads(result.stdout)["sections"]] == [
        "Bottom line",
        "Moves",
        "Frictions",
        "Sources",
    ]


@pytest.mark.parametrize(
    "section, message",
    [
        (
            "{id: a, title: A, max-items: 3}",
            "unknown key max-items in section 'a'; did you mean max_items?",
        ),
        ("{id: a, title: A, Cues: {x: 1}}", "unknown key Cues in section 'a'; did you mean cues?"),
        ("{idd: a, title: A}", "unknown key idd in sections[0]; did you mean id?"),
        (
            "{id: a, title: A, kind: timetable}",
            "section 'a' has unknown kind 'timetable' (one of actors, bluf, bullets, "
            "discrepancies, key_figures, quotes, sources, timeline, watch); "
            "did you mean 'timeline'?",
        ),
        (
            "{id: a, title: A, max_items: many}",
            "section 'a' max_items should be a whole number from 1 to 1000, not 'many'",
        ),
        (
            "{id: a, title: A, max_items: 0}",
            "section 'a' max_items should be a whole number from 1 to 1000, not 0",
        ),
        (
            "{id: a, title: A, catch_all: yes please}",
            "section 'a' catch_all should be true or false, not 'yes please'",
        ),
        ("{id: a, title: [A, B]}", "section 'a' title should be text, not ['A', 'B']"),
        (
            "{id: a, title: A, examples: [The talks resumed., 12]}",
            "section 'a' examples[1] must be a sentence, not 12",
        ),
        (
            "{id: a, title: A, cues: {first step: high}}",
            "section 'a' cues['first step'] should be a number (the cue's weight), not 'high'",
        ),
        ("{id: a}", "missing key title in section 'a'"),
        (
            "just text",
            "sections[0] should be a mapping of id, title, kind, cues, examples..., "
            "not 'just text'",
        ),
    ],
)
def test_each_wrong_key_or_value_of_a_profile_is_named(tmp_path, section, message):
    path = tmp_path / "p.yaml"
    path.write_text(f"title: P\nsections:\n  - {section}\n", encoding="utf-8")
    assert one_error(run_cli("profiles", "show", path)) == f"profile {path}: {message}"


def test_top_level_keys_of_a_profile_are_checked_too_and_x_keys_hold_anchors(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text("titel: P\nsections:\n  - {id: a, title: A}\n", encoding="utf-8")
    assert one_error(run_cli("profiles", "show", path)) == (
        f"profile {path}: unknown key titel; did you mean title?"
    )
    path.write_text(
        "x-shared: &weights {agreed: 2}\nsections:\n  - {id: a, title: A, cues: *weights}\n"
        "  - {id: b, title: B, cues: *weights, description: , empty: }\n",
        encoding="utf-8",
    )
    profile = load_profile(str(path))
    assert [s.cues for s in profile.sections] == [{"agreed": 2.0}, {"agreed": 2.0}]
    # a key left empty keeps its default rather than becoming the text "None"
    assert (profile.sections[1].description, profile.sections[1].empty) == (
        "",
        "Nothing reported.",
    )


@pytest.mark.parametrize(
    "style, message",
    [
        ("colour: {accent: '#000000'}", "unknown key colour; did you mean colours?"),
        ("margins: {tpo: 25}", "unknown key tpo in margins; did you mean top?"),
        ("colours: {acent: '#000000'}", "unknown key acent in colours; did you mean accent?"),
        (
            "font: {pdf: [{regular: a.ttf, bolld: b.ttf}]}",
            "unknown key bolld in font.pdf[0]; did you mean bold?",
        ),
        ("font: {pdf: [{bold: b.ttf}]}", "missing key regular in font.pdf[0]"),
        ("sizes: {body: big}", "sizes.body should be a number from 5 to 40, not 'big'"),
        ("margins: {left: 100}", "margins.left should be a number from 5 to 60, not 100"),
        ("author: {name: me}", "author should be text, not {'name': 'me'}"),
    ],
)
def test_each_wrong_key_or_value_of_a_style_is_named(tmp_path, sample_json, style, message):
    path = tmp_path / "style.yaml"
    path.write_text(style + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("render", sample_json, "-o", out, "--format", "html", "--style", path)
    assert one_error(result) == f"style {path}: {message}"
    assert not out.exists()


def test_a_style_may_keep_anchors_under_x_keys(tmp_path, sample_json):
    path = tmp_path / "style.yaml"
    path.write_text(
        "x-blue: &blue '#1F4E79'\ncolours: {accent: *blue, link: *blue}\n", encoding="utf-8"
    )
    result = run_cli("render", sample_json, "-o", tmp_path, "--format", "html", "--style", path)
    assert result.returncode == 0, result.stderr.decode()


def test_the_shipped_profiles_and_style_follow_their_schemas():
    # At run time only a user's files are checked: the shipped ones are checked here.
    jsonschema.Draft202012Validator.check_schema(profile_schema())
    jsonschema.Draft202012Validator.check_schema(STYLE_SCHEMA)
    for entry in find_profiles(cwd=ROOT / "no-such-folder"):
        data = yaml.safe_load(entry.file.read_text(encoding="utf-8"))
        jsonschema.validate(data, profile_schema())
    jsonschema.validate(yaml.safe_load(default_style_path().read_text()), STYLE_SCHEMA)


def test_schema_prints_the_profile_and_style_schemas_a_user_file_validates_against(tmp_path):
    for what, schema in (("profile", profile_schema()), ("style", STYLE_SCHEMA)):
        result = run_cli("schema", what)
        assert result.returncode == 0 and result.stderr == b""
        assert json.loads(result.stdout) == schema
    shown = run_cli("profiles", "show", "generic").stdout.decode()
    jsonschema.validate(yaml.safe_load(shown), json.loads(run_cli("schema", "profile").stdout))


def test_help_and_a_render_with_the_shipped_style_do_not_load_the_validator(tmp_path, sample_json):
    def imported(*args: object) -> bytes:
        result = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "briefgen", *map(str, args)],
            capture_output=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr[-2000:]
        return result.stderr  # one line per module imported

    help_imports = imported("--help")
    assert b"jsonschema" not in help_imports and b"briefgen.validate" not in help_imports
    assert b"jsonschema" not in imported("render", sample_json, "-o", tmp_path, "--format", "html")
    style = tmp_path / "style.yaml"
    style.write_text("paper: letter\n", encoding="utf-8")
    render = imported("render", sample_json, "-o", tmp_path, "--format", "html", "--style", style)
    assert b"jsonschema" in render  # the user's style is checked


# --- item 2: profiles found by name; show commands ---------------------------------------


def test_config_folder_follows_xdg_then_home_and_appdata_on_windows(tmp_path):
    assert config_dir({"XDG_CONFIG_HOME": str(tmp_path)}, "linux") == tmp_path / "briefgen"
    assert config_dir({"HOME": str(tmp_path)}, "darwin") == tmp_path / ".config" / "briefgen"
    # the XDG spec: a relative XDG_CONFIG_HOME is ignored
    assert (
        config_dir({"XDG_CONFIG_HOME": "rel", "HOME": str(tmp_path)}, "linux")
        == tmp_path / ".config" / "briefgen"
    )
    appdata = str(tmp_path / "Roaming")
    assert config_dir({"APPDATA": appdata}, "win32") == Path(appdata) / "briefgen"


def write_profile(folder: Path, name: str, title: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.yaml"
    path.write_text(
        f"title: {title}\nsections:\n  - {{id: news, title: News, cues: {{said: 1}}}}\n"
        "  - {id: sources, title: Sources, kind: sources}\n",
        encoding="utf-8",
    )
    return path


def test_a_name_is_looked_up_in_the_working_folder_then_the_config_folder_then_shipped(
    tmp_path,
):
    work, config = tmp_path / "work", tmp_path / "config"
    write_profile(config / "briefgen" / "profiles", "econ", "Economy (config)")
    write_profile(config / "briefgen" / "profiles", "generic", "Generic of mine (config)")
    write_profile(work / "profiles", "generic", "Generic of this folder")
    (work / "profiles" / "notes.txt").write_text("not a profile", encoding="utf-8")

    result = briefgen("extract", SAMPLE, "-q", "--profile", "econ", cwd=work, config=config)
    assert result.returncode == 0, result.stderr.decode()
    brief = json.loads(result.stdout)
    assert (brief["profile"], brief["profile_title"]) == ("econ", "Economy (config)")

    shown = briefgen("profiles", "show", "generic", cwd=work, config=config)
    assert shown.stdout.decode().startswith("title: Generic of this folder\n")
    assert briefgen("profiles", "show", "default", cwd=work, config=config).stdout == (
        (ROOT / "briefgen" / "profiles" / "default.yaml").read_bytes()
    )

    listing = briefgen("profiles", cwd=work, config=config)
    assert listing.returncode == 0 and listing.stderr == b""
    lines = {line.split()[0]: line for line in listing.stdout.decode().splitlines()}
    assert sorted(lines) == ["default", "econ", "generic"]
    assert lines["default"].endswith("[shipped]")
    assert lines["econ"].startswith("econ       Economy (config): News, Sources  [")
    assert lines["econ"].endswith(f"[{config / 'briefgen' / 'profiles' / 'econ.yaml'}]")
    assert lines["generic"].endswith(
        f"[profiles/generic.yaml, over {config / 'briefgen' / 'profiles' / 'generic.yaml'}, "
        "the shipped generic]"
    )

    missing = one_error(briefgen("profiles", "show", "nonesuch", cwd=work, config=config))
    assert missing == (
        f"profile 'nonesuch': no such profile in ./profiles/ or {config}/briefgen/profiles/ "
        "(shipped: default, generic) and no such file"
    )


def test_a_broken_profile_of_the_users_is_a_warning_in_the_listing_and_an_error_in_use(
    tmp_path,
):
    work = tmp_path / "work"
    bad = write_profile(work / "profiles", "mine", "Mine")
    bad.write_text(bad.read_text() + "max-items: 3\n", encoding="utf-8")
    listing = briefgen("profiles", cwd=work, config=tmp_path / "config")
    assert listing.returncode == 0
    assert listing.stderr.decode() == (
        "briefgen: warning: profile profiles/mine.yaml: unknown key max-items "
        "(known: id, title, description, sections, marks)\n"
    )
    assert "mine       (not usable: see the warning)  [profiles/mine.yaml]" in (
        listing.stdout.decode().splitlines()
    )
    used = briefgen("extract", SAMPLE, "-q", "--profile", "mine", cwd=work, config=tmp_path)
    assert one_error(used).startswith("profile profiles/mine.yaml: unknown key max-items")


def test_profiles_show_gives_a_file_to_start_from(tmp_path):
    shown = run_cli("profiles", "show", "default")
    assert shown.returncode == 0
    mine = tmp_path / "profiles" / "mine.yaml"
    mine.parent.mkdir()
    mine.write_bytes(shown.stdout.replace(b"title: Policy brief", b"title: My brief", 1))
    result = briefgen("extract", SAMPLE, "-q", "--profile", "mine", cwd=tmp_path, config=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads(result.stdout)["profile_title"] == "My brief"


@pytest.mark.parametrize(
    "name, path",
    [
        (None, "brief.md.j2"),
        ("brief.md.j2", "brief.md.j2"),
        ("email", "email.md.j2"),
        ("bullets", "sections/bullets.md.j2"),
        ("sections/key_figures.md.j2", "sections/key_figures.md.j2"),
    ],
)
def test_templates_show_prints_a_shipped_template(name, path):
    result = run_cli("templates", "show", *([name] if name else []))
    assert result.returncode == 0 and result.stderr == b""
    assert result.stdout == (ROOT / "templates" / path).read_bytes()


def test_templates_lists_them_and_a_wrong_name_says_the_nearest():
    listing = run_cli("templates").stdout.decode().splitlines()
    shipped = sorted(
        p.relative_to(ROOT / "templates").as_posix() for p in (ROOT / "templates").rglob("*.j2")
    )
    assert sorted(listing) == shipped and listing[:2] == ["brief.md.j2", "email.md.j2"]
    assert one_error(run_cli("templates", "show", "timelin")).endswith("did you mean 'timeline'?")


def test_a_template_folder_started_from_templates_show_renders_the_same_brief(
    tmp_path, sample_json
):
    mine = tmp_path / "mine"
    (mine / "sections").mkdir(parents=True)
    (mine / "brief.md.j2").write_bytes(run_cli("templates", "show").stdout)
    bullets = run_cli("templates", "show", "bullets").stdout
    (mine / "sections" / "bullets.md.j2").write_bytes(bullets.replace(b"- {{", b"* {{"))
    for folder, args in (("plain", ()), ("own", ("--template", mine))):
        result = run_cli(
            "render", sample_json, "-o", tmp_path / folder, "--format", "md", "--name", "b", *args
        )
        assert result.returncode == 0, result.stderr.decode()
    plain = (tmp_path / "plain" / "b.md").read_text(encoding="utf-8")
    own = (tmp_path / "own" / "b.md").read_text(encoding="utf-8")
    assert own != plain and own.replace("\n* ", "\n- ") == plain


# --- item 3: an edited brief's JSON ---------------------------------------------------------


def edit(sample_json: Path, tmp_path: Path, change) -> Path:
    """The sample's JSON changed by ``change(data)``, written to tmp_path/edited.json."""
    data = json.loads(sample_json.read_text(encoding="utf-8"))
    change(data)
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return edited


def section(data: dict, section_id: str) -> dict:
    return next(s for s in data["sections"] if s["id"] == section_id)


def test_a_section_added_by_hand_without_evidence_names_its_place(tmp_path, sample_json):
    # Before: "Item.__init__() missing 2 required positional arguments: 'section' and
    # 'evidence'", naming no place in the file.
    def add(data):
        data["sections"].insert(
            3,
            {
                "id": "outlook",
                "title": "Outlook",
                "kind": "bullets",
                "items": [{"text": "Talks go on.", "section": "outlook", "sources": [1]}],
            },
        )

    edited = edit(sample_json, tmp_path, add)
    out = tmp_path / "out"
    message = one_error(run_cli("render", edited, "-o", out, "--format", "md"))
    assert message == (
        f"{edited}: not a briefgen brief (brief.sections[3].items[0]: missing field 'evidence')"
    )
    assert not out.exists()


@pytest.mark.parametrize(
    "change, message",
    [
        (
            lambda d: section(d, "positive")["items"][0].update(evidnce=[]),
            "brief.sections[1].items[0] has unknown field 'evidnce'",
        ),
        (
            lambda d: section(d, "obstacles").update(kind="bulets"),
            "did you mean 'bullets'?",
        ),
        (
            lambda d: d["sections"].append(
                {
                    "id": "x",
                    "title": "X",
                    "kind": "bullets",
                    "items": [
                        {"text": "x", "section": "x", "sources": [1], "evidence": [{"source": 1}]}
                    ],
                }
            ),
            "brief.sections[9].items[0].evidence[0]: missing field 'sentence'",
        ),
    ],
    ids=["misspelt-field", "misspelt-kind", "missing-sentence"],
)
def test_edited_json_errors_name_the_json_path(tmp_path, sample_json, change, message):
    edited = edit(sample_json, tmp_path, change)
    assert message in one_error(run_cli("render", edited, "-o", tmp_path, "--format", "md"))


@pytest.mark.parametrize(
    "change, path, cited",
    [
        (
            lambda d: section(d, "obstacles")["items"][0].update(sources=[1, 7]),
            "brief.sections[2].items[0].sources[1]",
            7,
        ),
        (
            lambda d: section(d, "positive")["items"][0]["evidence"][0].update(source=3),
            "brief.sections[1].items[0].evidence[0].source",
            3,
        ),
        (
            lambda d: section(d, "discrepancies")["items"][0]["claims"][1].update(source=0),
            "brief.sections[5].items[0].claims[1].source",
            0,
        ),
        (
            lambda d: section(d, "actors")["items"][0].update(sources=[12]),
            "brief.sections[6].items[0].sources[0]",
            12,
        ),
    ],
    ids=["bullet", "evidence", "claim", "actor"],
)
def test_a_citation_of_a_source_that_does_not_exist_is_refused(
    tmp_path, sample_json, change, path, cited
):
    edited = edit(sample_json, tmp_path, change)
    out = tmp_path / "out"
    assert one_error(run_cli("render", edited, "-o", out, "--format", "md,docx")) == (
        f"{edited}: {path} cites source {cited}, which the brief does not list (its sources: 1, 2)"
    )
    assert not out.exists()


def test_two_sources_with_one_id_are_refused(tmp_path, sample_json):
    edited = edit(sample_json, tmp_path, lambda d: d["sources"].append(dict(d["sources"][0])))
    assert one_error(run_cli("render", edited, "-o", tmp_path, "--format", "md")) == (
        f"{edited}: brief.sources[2].id 1 is given to two sources"
    )


def test_a_bullet_edited_away_from_its_evidence_is_rendered_with_one_warning(tmp_path, sample_json):
    unedited = run_cli("render", sample_json, "-o", tmp_path / "a", "--format", "md")
    assert unedited.returncode == 0 and unedited.stderr == b""

    def reword(data):
        item = section(data, "obstacles")["items"][0]
        item["text"] = "Edited by the analyst: " + item["text"][0].lower() + item["text"][1:]
        section(data, "nato")["items"][0]["text"] += " Allies disagree."

    edited = edit(sample_json, tmp_path, reword)
    result = run_cli("render", edited, "-o", tmp_path / "b", "--format", "md")
    assert result.returncode == 0
    assert result.stderr.decode().splitlines() == [
        f"briefgen: warning: {edited}: brief.sections[2].items[0]: its text no longer matches "
        "its evidence ('edited', 'by', 'analyst' not in it)",
        f"briefgen: warning: {edited}: brief.sections[3].items[0]: its text no longer matches "
        "its evidence ('allies', 'disagree' not in it)",
    ]
    assert "Edited by the analyst: " in (tmp_path / "b" / "brief-2025-03-19.md").read_text()


def test_the_brief_schema_is_printed_and_the_samples_json_follows_it(sample_json):
    result = run_cli("schema")
    assert result.returncode == 0 and result.stderr == b""
    schema = json.loads(result.stdout)
    assert schema == brief_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(json.loads(sample_json.read_text(encoding="utf-8")), schema)


@pytest.mark.parametrize(
    "change",
    [
        lambda d: section(d, "positive")["items"][0].pop("evidence"),
        lambda d: section(d, "key_figures")["items"].append(section(d, "positive")["items"][0]),
        lambda d: section(d, "actors")["items"][0].update(role=["minister"]),
        lambda d: section(d, "quotes").update(kind="chart"),
        lambda d: d.update(date="19/03/2025"),
        lambda d: d.update(notes="mine"),
    ],
    ids=["missing-evidence", "bullet-as-key-figure", "role-list", "kind", "date", "extra-field"],
)
def test_what_the_schema_refuses_render_refuses(tmp_path, sample_json, change):
    """The schema and the reader agree: items are typed by their section's kind."""
    data = json.loads(sample_json.read_text(encoding="utf-8"))
    change(data)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, brief_schema())
    with pytest.raises(InputError):
        brief_from_json(json.dumps(data), "edited.json")


def test_a_timeline_brief_follows_the_schema_too():
    from briefgen.kinds.timeline import Event

    evidence = [Evidence(1, "The port reopened on 3 May 2025.")]
    brief = Brief(
        "Port",
        "2025-05-04",
        "mine",
        "Mine",
        [
            Section(
                "when",
                "Timeline",
                "timeline",
                [Event("2025-05-03", "The port reopened.", [1], evidence)],
            ),
            Section("news", "News", "bullets", [Item("The port reopened.", "news", [1], evidence)]),
            Section("sources", "Sources", "sources"),
        ],
        [Source(1, "port.example", "Port reopens", "2025-05-04")],
    )
    text = brief_to_json(brief)
    jsonschema.validate(json.loads(text), brief_schema())
    assert brief_from_json(text) == brief
