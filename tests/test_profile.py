import pytest

from briefgen.errors import InputError
from briefgen.profile import list_profiles, load_profile


def test_default_profile_sections_in_order():
    profile = load_profile()
    assert [s.title for s in profile.sections] == [
        "Bottom line up front",
        "Positive signals",
        "Obstacles",
        "NATO command changes",
        "Key figures",
        "Sources differ",
        "Actors",
        "Quotes",
        "Sources",
    ]
    assert all(s.cues and s.description for s in profile.bullet_sections())


def test_shipped_profiles_listed():
    assert [p.id for p in list_profiles()] == ["default", "generic"]


def test_profile_from_path(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(
        "id: mine\ntitle: Mine\nsections:\n  - {id: wins, title: Wins, cues: {won: 2}}\n"
        "  - {id: sources, title: Sources, kind: sources}\n"
    )
    profile = load_profile(str(path))
    assert profile.id == "mine" and [s.id for s in profile.sections] == ["wins", "sources"]


@pytest.mark.parametrize(
    "text, reason",
    [
        ("sections: [", "not valid YAML"),
        ("title: x", "missing key sections"),
        ("sections: []", "sections should be a non-empty list of sections, not \\[\\]"),
        ("sections:\n  - {id: a, title: A, kind: chart}", "unknown kind 'chart'"),
        ("sections:\n  - {id: a, title: A, cues: {x: high}}", "cues.x should be a number"),
        ("sections:\n  - {id: a, title: A}\n  - {id: a, title: B}", "unique"),
    ],
)
def test_bad_profiles_are_input_errors(tmp_path, text, reason):
    path = tmp_path / "bad.yaml"
    path.write_text(text)
    with pytest.raises(InputError, match=reason):
        load_profile(str(path))


def test_unknown_profile_name():
    with pytest.raises(InputError, match="no such profile"):
        load_profile("nonesuch")
