"""Build and score every evaluation set: ``make eval``.

    python eval/run.py [--split all|tune|held_out|sample] [--shared DIR] [--keep DIR] [--no-write]
                       [--sets DIR]

Each set of ``../shared/eval/dev/`` (and the sample in ``inputs/`` against
``../shared/eval/seed-gold.yaml``) is built with the set's profile at its own word budget, at
800 words and at ``SPREAD`` multiples of its budget, and scored with
``../shared/eval/score_brief.py``, which reads the DOCX as a reader does.  The table goes to
stdout and, for ``--split all``, to ``eval/results.md``.

The article texts stay in ``../shared`` (they are evaluation data, not project content);
nothing of briefgen itself reads them.  Briefs are written under a scratch folder (``--keep``
keeps them for reading: only the tune sets' briefs may be read while tuning, see
``eval/split.yaml``).

``--sets DIR`` also scores every folder of DIR that holds a ``gold.yaml`` in the dev sets'
format: development sets of one's own (invented stories, say), which are tuned on freely and
never written to ``eval/results.md``.  Their table adds how many lines Sources differ gives: on
a story whose outlets agree, any line is a false one.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WIDE_BUDGET = 800  # the any-section recall the issue asks for is measured at this budget
# One budget is a cliff: a bullet more or less moves a set's recall by a whole fact.  Tuning
# judged at the sets' budgets alone chose settings that score there and not a tenth either side
# (tune, 26 Nov 2026: recall 0.487 at the budgets, 0.406 at 0.9×).  The mean over these
# multiples of each budget is what a change must move.
SPREAD = (0.8, 0.9, 1.0, 1.12, 1.25)
SAMPLE = "sample"
OWN_SETS = "own"  # the split of --sets DIR's folders


@dataclass
class Case:
    name: str
    split: str
    sources: list[Path]
    gold: Path
    profile: str
    budget: int


@dataclass
class Score:
    recall: float
    any_section: float
    placement: float
    words: int
    flagged: int
    discrepancies: int
    missing: list[str]
    backed: int = (
        0  # bullets (and bottom-line lines) whose every cited source states their figures and names
    )
    bullets: int = 0
    differ_lines: int = 0  # lines of Sources differ


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["all", "tune", "held_out", SAMPLE], default="all")
    parser.add_argument(
        "--shared", type=Path, default=ROOT.parent / "shared", help="the shared folder [../shared]"
    )
    parser.add_argument("--keep", type=Path, help="write the briefs here and keep them")
    parser.add_argument("--no-write", action="store_true", help="do not write eval/results.md")
    parser.add_argument(
        "--sets", type=Path, help="also score every folder of DIR with a gold.yaml (never written)"
    )
    args = parser.parse_args(argv)

    scorer_path = args.shared / "eval" / "score_brief.py"
    if not scorer_path.is_file():
        print(
            f"eval: {args.shared / 'eval'} is not here, so there is nothing to evaluate against "
            "(it sits beside the clone as ../shared on the team's machines and in CI)",
            file=sys.stderr,
        )
        return 2
    scorer = _load(scorer_path)
    cases = [c for c in _cases(args.shared) if args.split in ("all", c.split)]
    if args.sets:
        cases += [
            _case(folder, OWN_SETS)
            for folder in sorted(p.parent for p in args.sets.glob("*/gold.yaml"))
        ]
    briefgen = shutil.which("briefgen", path=str(Path(sys.executable).parent)) or "briefgen"
    scratch = args.keep or Path(tempfile.mkdtemp(prefix="briefgen-eval-"))
    jobs = [(case, budget) for case in cases for budget in _budgets(case)]
    with ThreadPoolExecutor(max_workers=2) as pool:
        scores = list(pool.map(lambda job: _score(briefgen, scorer, scratch, *job), jobs))
    results = {(case.name, budget): score for (case, budget), score in zip(jobs, scores)}
    if not args.keep:
        shutil.rmtree(scratch, ignore_errors=True)

    table = _table(cases, results)
    print(table)
    if args.split == "all" and not args.no_write:
        shared_sets = [c for c in cases if c.split != OWN_SETS]
        (HERE / "results.md").write_text(_report(_table(shared_sets, results)), encoding="utf-8")
        print(f"written: {HERE / 'results.md'}", file=sys.stderr)
    return 0


def _budgets(case: Case) -> list[int]:
    """The budgets a case is built at: its own, 800 words and the spread around its own."""
    return sorted({case.budget, WIDE_BUDGET, *_spread(case)})


def _spread(case: Case) -> list[int]:
    return [round(case.budget * factor) for factor in SPREAD]


def _load(path: Path):
    spec = importlib.util.spec_from_file_location("score_brief", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _cases(shared: Path) -> list[Case]:
    split = yaml.safe_load((HERE / "split.yaml").read_text(encoding="utf-8"))
    cases = [
        Case(
            SAMPLE,
            SAMPLE,
            sorted((ROOT / "inputs").glob("*.txt")),
            shared / "eval" / "seed-gold.yaml",
            "default",
            WIDE_BUDGET,
        )
    ]
    for part in ("tune", "held_out"):
        cases += [_case(shared / "eval" / "dev" / name, part) for name in split[part]]
    return cases


def _case(folder: Path, split: str) -> Case:
    """The set in ``folder``: its articles and its ``gold.yaml``'s profile and budget."""
    gold = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))
    return Case(
        folder.name,
        split,
        sorted(folder.glob("*.txt")),
        folder / "gold.yaml",
        gold.get("profile", "default"),
        int(gold["budget_words"]),
    )


def _score(briefgen: str, scorer, scratch: Path, case: Case, budget: int) -> Score:
    out = scratch / f"{case.name}-{budget}"
    command = [
        briefgen,
        "build",
        *map(str, case.sources),
        "--profile",
        case.profile,
        "--max-words",
        str(budget),
        "--format",
        "docx,md,json",
        "--name",
        "brief",
        "-o",
        str(out),
        "-q",
    ]
    run = subprocess.run(command, capture_output=True, text=True)
    if run.returncode != 0:
        print(f"eval: {case.name} at {budget} words failed: {run.stderr.strip()}", file=sys.stderr)
        return Score(0.0, 0.0, 0.0, 0, 0, 0, ["(build failed)"])
    result = scorer.score(str(out / "brief.docx"), str(case.gold), budget)
    flagged, listed = (int(n) for n in result["discrepancies_flagged"].split("/"))
    backed, bullets = _citations(out / "brief.json", case.sources)
    brief = json.loads((out / "brief.json").read_text(encoding="utf-8"))
    differ_lines = sum(
        len(s.get("items") or []) for s in brief["sections"] if s["kind"] == "discrepancies"
    )
    return Score(
        result["recall"] or 0.0,
        result["recall_any_section"] or 0.0,
        result["placement"] or 0.0,
        result["words"],
        flagged,
        listed,
        result["missing"],
        backed,
        bullets,
        differ_lines,
    )


# What a bullet claims that each source it cites must state: its figures and its names (a
# capitalised word after the first, as briefgen's own merge reads them).  Checked against the
# source files themselves, not against briefgen's evidence, so a wrong merge cannot hide.
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
_NAME = re.compile(r"(?<=[\s(\"“‘-])[A-Z][\w'’-]*[a-z][\w'’-]*")
QUOTE_MARKS = "'’"
# A name of several capitalised words is stated too by their initials ("European Union" by
# "EU" or "E.U."); a leading "The" is not part of the name.
_CAPITALISED_RUN = re.compile(r"(?:[A-Z][\w'’-]*\s+(?:of\s+(?:the\s+)?)?)+[A-Z][\w'’-]*")
_NOT_NAMES = {"The", "A", "An", "In", "On", "At", "For", "But", "And", "As", "By", "With"}


def _name_claims(text: str) -> list[str]:
    """A regular expression per name in ``text``: the name itself, or its run's initials."""
    initials = {}
    for run in _CAPITALISED_RUN.findall(text):
        named = run.split()
        while named and named[0] in _NOT_NAMES:
            named.pop(0)
        capitals = [w[0] for w in named if w[0].isupper()]
        for word in named if len(capitals) >= 2 else ():
            initials.setdefault(word.rstrip(QUOTE_MARKS), r"\.?".join(capitals) + r"\.?")
    claims = []
    for name in _NAME.findall(text):
        name = name.rstrip(QUOTE_MARKS)  # "… two-tier Keir'."
        claim = rf"\b{re.escape(name)}\b"
        if name in initials:
            claim += rf"|(?<![\w.]){initials[name]}(?!\w)"
        claims.append(claim)
    return claims


def _citations(brief_json: Path, sources: list[Path]) -> tuple[int, int]:
    """(bullets whose every citation backs every figure and name in them, bullets)."""
    brief = json.loads(brief_json.read_text(encoding="utf-8"))
    texts = {
        n: " ".join(path.read_text(encoding="utf-8").split()) for n, path in enumerate(sources, 1)
    }
    # A bullet's first word is a name too when the sources write it capitalised inside a
    # sentence ("Feld said …" claims Feld), but not an article or preposition a trimmed opener
    # leaves first ("At the same time, the alliance …" → "The alliance …").
    inside = {
        name.rstrip(QUOTE_MARKS)
        for path in sources
        for sentence in re.split(r"(?<=[.!?])\s+|\n+", path.read_text(encoding="utf-8"))
        for name in _NAME.findall(sentence)
    }
    backed = total = 0
    for section in brief["sections"]:
        if section["kind"] not in ("bluf", "bullets"):
            # figures, actors and quotes are checked by the tests (tests/test_citations.py)
            continue
        for item in section.get("items") or []:
            total += 1
            claims = [
                rf"(?<!\d)(?<!\d[.,]){re.escape(f)}(?!\d|[.,]\d)"
                for f in _FIGURE.findall(item["text"])
            ]
            claims += _name_claims(item["text"])
            opening = re.match(r"\W*([A-Z][\w'’-]*[a-z][\w'’-]*)", item["text"])
            first = opening.group(1).rstrip(QUOTE_MARKS) if opening else ""
            if first in inside and first not in _NOT_NAMES:
                claims.append(rf"\b{re.escape(first)}\b")
            backed += all(re.search(claim, texts[n]) for n in item["sources"] for claim in claims)
    return backed, total


def _table(cases: list[Case], results: dict[tuple[str, int], Score]) -> str:
    lines = []
    for part, label in (
        (SAMPLE, "Sample (inputs/)"),
        ("tune", "Tune split"),
        ("held_out", "Held-out split (never read while tuning)"),
        (OWN_SETS, "Own development sets (--sets)"),
    ):
        chosen = [c for c in cases if c.split == part]
        if not chosen:
            continue
        own = part == OWN_SETS  # with the lines Sources differ gives, false ones where all agree
        lines += [
            f"### {label}",
            "",
            (
                "| set | profile | budget | recall | any section | placement | words "
                "| discrepancies | citations backed | any section @800 | words @800 "
                "| recall, 5 budgets |" + (" differ lines |" if own else "")
            ),
            "|---|---|---|---|---|---|---|---|---|---|---|---|" + ("---|" if own else ""),
        ]
        for c in chosen:
            s, w = results[(c.name, c.budget)], results[(c.name, WIDE_BUDGET)]
            lines.append(
                f"| {c.name} | {c.profile} | {c.budget} | {s.recall:.3f} | {s.any_section:.3f} "
                f"| {s.placement:.3f} | "
                f"{s.words} | {s.flagged}/{s.discrepancies} | {s.backed}/{s.bullets} "
                f"| {w.any_section:.3f} | {w.words} | {_spread_recall(c, results):.3f} |"
                + (f" {s.differ_lines} |" if own else "")
            )
        if len(chosen) > 1:
            at_budget = [results[(c.name, c.budget)] for c in chosen]
            wide = [results[(c.name, WIDE_BUDGET)] for c in chosen]
            flagged = sum(s.flagged for s in at_budget)
            listed = sum(s.discrepancies for s in at_budget)
            backed = f"{sum(s.backed for s in at_budget)}/{sum(s.bullets for s in at_budget)}"
            spread = [_spread_recall(c, results) for c in chosen]
            differ = {"mean": f" {sum(s.differ_lines for s in at_budget)} |", "worst": " |"}
            for name, pick in (("mean", _mean), ("worst", min)):
                lines.append(
                    f"| **{name}** | | | {pick([s.recall for s in at_budget]):.3f} "
                    f"| {pick([s.any_section for s in at_budget]):.3f} | "
                    f"{pick([s.placement for s in at_budget]):.3f} | | {flagged}/{listed} "
                    f"| {backed if name == 'mean' else ''} | "
                    f"{pick([s.any_section for s in wide]):.3f} | | {pick(spread):.3f} |"
                    + (differ[name] if own else "")
                )
        lines.append("")
    return "\n".join(lines)


def _spread_recall(case: Case, results: dict[tuple[str, int], Score]) -> float:
    return _mean([results[(case.name, budget)].recall for budget in _spread(case)])


def _mean(values: list[float]) -> float:
    return sum(values) / len(values)


def _report(table: str) -> str:
    return (
        "# Evaluation results\n\n"
        "Written by `make eval` (`eval/run.py`): every set built at its own budget and at 800 "
        "words, scored by\n"
        "`../shared/eval/score_brief.py`. Recall counts a fact only in its gold section; "
        '"any section" counts it\n'
        "anywhere in the body; placement is the share of found facts in their right section; "
        "citations backed\n"
        "counts the bullets (bottom line included) whose every cited source file states each "
        "figure and name\n"
        "in them; recall, 5 budgets is the mean recall at 0.8, 0.9, 1, 1.12 and 1.25 times the "
        "set's budget\n"
        "(one budget is a cliff: a bullet more or less is a whole fact). The split is\n"
        "`eval/split.yaml`; the same evaluation before this analysis is in "
        "`eval/baseline-75d4eb0.md`.\n\n" + table
    )


if __name__ == "__main__":
    sys.exit(main())
