"""Section kinds: what a kind of section holds, how analysis fills it, what it costs a reader.

A kind is one module of this package, named after it (``key_figures.py``), that defines
``KIND = Kind(...)``, and one template partial, ``templates/sections/<name>.md.j2``, that
prints a section of the kind.  Adding a module and its partial adds the kind: profiles may
use it, analysis fills it, the budget counts it and every format and the email body show
it.  Nothing outside this package asks what kind a section is.

What a kind gives (see ``Kind``): the type of its items (so an edited brief's JSON is read
back strictly); ``collect``, its items from the analysed story before bullets are chosen;
``settle``, what is left of them once the bullets are known (a quotation a bullet already
tells is not told twice); ``words``, what its items cost, counted as its partial prints them;
and how it shares the word budget.  The email body prints each section's first item through
the same partial.

A kind's module imports analysis only inside ``collect``: reading an edited brief's JSON or
typesetting it loads the kinds, and must not load the analysis (sentence embeddings) too.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..analyse.items import Candidate, Sentence
    from ..model import Article, Brief
    from ..profile import Profile, SectionSpec

_WORD = re.compile(r"\S+")
CITATION = 1  # "[1][2]" reads as one word
DASH = 1  # the "—" between a name and a role, or a quotation and its speaker


def words(text: str) -> int:
    """Words in ``text`` as a word counter counts them: runs without spaces, a lone "—" or
    "·" included (the evaluation's scorer counts them; counting them keeps a brief within
    ``--max-words`` by either reckoning)."""
    return len(_WORD.findall(text))


@dataclass
class Story:
    """What analysis knows of the sources when sections are filled.

    ``collected`` holds, per kind, the items its sections collected (in profile order), so a
    kind can read another's: quotes are credited to the actors found.  ``chosen`` are the
    bullets told, once selection has run.
    """

    articles: list[Article]
    sentences: list[Sentence]
    kept: list[Candidate]  # one candidate per statement, most salient first
    profile: Profile
    chosen: list[Candidate] = field(default_factory=list)
    collected: dict[str, list[Any]] = field(default_factory=dict)


@dataclass(frozen=True)
class Kind:
    """One kind of section (see the module docstring)."""

    name: str
    entry: type  # the dataclass of one item
    words: Callable[[list[Any]], int]  # the words its items cost, as its partial prints them
    collect: Callable[[Story, SectionSpec], list[Any]] | None = None
    settle: Callable[[list[Any], SectionSpec, Story, Brief], list[Any]] | None = None
    collect_after: tuple[str, ...] = ()  # kinds whose collected items its ``collect`` reads
    settle_after: tuple[str, ...] = ()  # kinds whose settled items its ``settle`` reads
    bullets: bool = False  # holds the bullets salience chooses for it, within the budget left
    bottom_line: bool = False  # made of the chosen bullets; the email body opens with it
    reserve: int = 0  # words kept for it while bullets are chosen
    share: float = (
        0.0  # the most of --max-words its items may take (its last ones go), if not evidence
    )
    evidence: bool = False  # shares the evidence allowance with the other evidence kinds
    cap: float = 1.0  # share of that allowance it may take alone (it keeps two items)
    yields: bool = True  # gives way, the longest list first, while the evidence is over
    counted: bool = True  # counts toward --max-words (the Sources do not)
    # Its ``settle`` drops the items the bullets tell (a quotation a bullet prints whole): emptied
    # so, the section says they are told above, not that there are none.
    told_by_bullets: bool = False
    names: Callable[[list[Any]], list[str]] | None = None  # who its items name, for the keywords

    @property
    def from_bullets(self) -> bool:
        """Whether its items come from the bullets (so its empty note is never printed once they
        exist)."""
        return self.bullets or self.bottom_line


def names() -> tuple[str, ...]:
    """The kinds there are: the modules of this package."""
    return tuple(
        sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))
    )


@functools.cache
def kind(name: str) -> Kind:
    """The kind called ``name`` (a KeyError for one that does not exist)."""
    if name not in names():
        raise KeyError(name)
    found = importlib.import_module(f"{__name__}.{name}").KIND
    assert found.name == name, f"{name}.py defines kind {found.name!r}"
    return found


def in_order(kinds: list[str], after: str) -> list[str]:
    """``kinds`` with each after those its ``after`` attribute ("collect_after" or
    "settle_after") names, otherwise in the order given."""
    done: list[str] = []

    def visit(name: str, path: tuple[str, ...]) -> None:
        if name in done or name in path:
            return
        for needed in getattr(kind(name), after):
            if needed in kinds:
                visit(needed, (*path, name))
        done.append(name)

    for name in kinds:
        visit(name, ())
    return done


def upgrade(data: dict[str, Any]) -> dict[str, Any]:
    """A brief's JSON of schema 1 in the current schema: its evidence lists, once fields of
    the brief, become the items of the sections of their kind."""
    if data.get("schema") != 1 or not isinstance(data.get("sections"), list):
        return data
    data = dict(data)
    lists = {
        name: data.pop(name, []) for name in ("key_figures", "actors", "quotes", "discrepancies")
    }
    for section in data["sections"]:
        if isinstance(section, dict) and section.get("kind") in lists:
            section["items"] = lists[section["kind"]]
    data["schema"] = 2
    return data
