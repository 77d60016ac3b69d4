"""Section kinds: one module and one partial each; the budget counts what the partial prints."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefgen import kinds
from briefgen.analyse.budget import reader_words, section_words
from briefgen.errors import InputError
from briefgen.kinds import words
from briefgen.kinds.timeline import Event
from briefgen.kinds.watch import Upcoming
from briefgen.model import (
    Actor,
    Brief,
    Claim,
    Discrepancy,
    Evidence,
    Item,
    KeyFigure,
    Quote,
    Section,
    Source,
)
from briefgen.profile import load_profile
from briefgen.typeset import render

ROOT = Path(__file__).resolve().parents[1]

# One invented item of each kind, with text that a writer could miscount: a dash, a pipe, a
# citation run, a figure with its unit.
EXAMPLES = {
    "bluf": [
        Item(
            "Ferry services to Arlen resume on Monday after a two-week strike.",
            "bluf",
            [1, 2],
            [Evidence(1, "x")],
        )
    ],
    "bullets": [
        Item(
            "The union accepted a 4.5% pay rise — its first in three years.",
            "news",
            [2],
            [Evidence(2, "x")],
        )
    ],
    "key_figures": [KeyFigure("4.5%", "pay rise | for crews", [1, 2])],
    "discrepancies": [
        Discrepancy("Length of the strike", [Claim("two weeks", 1), Claim("16 days", 2)])
    ],
    "actors": [Actor("Mara Olsen", "Harbour Union leader", [1])],
    "quotes": [Quote("We have what we asked for, and the boats sail again", "Mara Olsen", [2])],
    "timeline": [
        Event("2025-05-19", "Crews at Arlen walked out — the first strike in 20 years.", [1])
    ],
    "watch": [
        Upcoming("2025-06-09", "week of 9 June 2025", "Talks resume — unions | board.", [1, 2])
    ],
}


def brief_of(kind: str) -> Brief:
    return Brief(
        title="Arlen ferries",
        date="2025-06-02",
        profile="test",
        profile_title="Brief",
        sections=[
            Section(kind, f"A {kind} section", kind, list(EXAMPLES.get(kind, []))),
            Section("sources", "Sources", "sources"),
        ],
        sources=[Source(1, "a.example", "Ferries resume"), Source(2, "b.example", "Strike ends")],
    )


def printed_words(brief: Brief) -> int:
    """Words of the section as the Markdown shows it (heading and table rules left out; a table
    row read as its cells joined by "|", as the evaluation's scorer reads a DOCX table)."""
    markdown = render(brief, ["md"])["md"].decode("utf-8")
    block = markdown.split("\n## ", 1)[1].split("\n## Sources\n")[0].split("\n", 1)[1]
    return sum(
        words(line.lstrip("#>-* ").strip().strip("|"))
        for line in block.splitlines()
        if not re.fullmatch(r"[|\-\s]*|:::.*", line)
    )


def test_every_kind_has_its_module_and_its_partial():
    assert set(kinds.names()) >= {
        "bluf",
        "bullets",
        "key_figures",
        "discrepancies",
        "actors",
        "quotes",
        "sources",
    }
    for name in kinds.names():
        assert kinds.kind(name).name == name
        assert (ROOT / "templates" / "sections" / f"{name}.md.j2").is_file(), name


@pytest.mark.parametrize("name", [n for n in kinds.names() if kinds.kind(n).counted])
def test_a_kind_costs_the_words_its_partial_prints(name):
    assert name in EXAMPLES, f"add an example item of kind {name!r} to EXAMPLES"
    brief = brief_of(name)
    section = brief.sections[0]
    assert section_words(section) == printed_words(brief) > words(section.empty_note)
    section.items = []
    assert section_words(section) == printed_words(brief) == words(section.empty_note)
    assert reader_words(brief) == words("Brief · 2 June 2025 · 2 sources") + words(
        section.title
    ) + words(section.empty_note)


def test_a_profile_may_name_only_kinds_there_are(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("sections:\n  - {id: a, title: A, kind: timetable}\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"unknown kind 'timetable' \(one of .*actors.*bullets"):
        load_profile(str(bad))


def test_no_module_outside_the_kinds_asks_what_kind_a_section_is():
    """Analysis, the budget, the writers and the email ask a section's kind what to do, never
    its name: a line that speaks of a kind and names one is a switch on kinds."""
    named = "|".join(kinds.names())
    asks = re.compile(rf"""kind.*["']({named})["']|["']({named})["'].*kind""")
    offenders = [
        f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
        for path in sorted((ROOT / "briefgen").rglob("*.py"))
        if "kinds" not in path.relative_to(ROOT / "briefgen").parts
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if asks.search(line)
        and "block.kind" not in line  # a rendered block's kind is its role, not a section's
    ]
    assert not offenders, offenders
