"""The benchmark: how fast briefgen is for one brief and for a week of news.

``make bench`` (or ``.venv/bin/python bench/run.py``) measures, each as a whole process
(wall time from start to exit, peak resident memory from the kernel's accounting of that
one child):

1. ``briefgen --help``, ``briefgen build inputs/`` (DOCX + PDF) and the same build with
   ``--format json``: the median of ``--repeats`` runs after one warm-up;
2. ``briefgen extract`` on corpora of 10, 100, 1,000 and 5,000 articles made by
   ``bench/generate.py`` (the same corpus for the same ``--seed``): the fastest of
   ``--corpus-repeats`` runs, since other work on the machine only ever slows a run down;
3. sumy's LexRank (``bench/lexrank.py``) on the same corpora in the same run, and how
   many times longer it takes.  LexRank compares every pair of sentences, so it is
   stopped after ``--lexrank-timeout`` seconds, and not started on a larger corpus once
   it has been stopped on a smaller one.

It prints a table and writes it, with the machine's details and the targets, to
``bench/results.md``.  Timings on a shared machine are noisy: compare the ratios within
one run.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run as a script from a checkout

import briefgen  # noqa: E402
from bench.generate import generate, load_samples  # noqa: E402
from briefgen import __version__  # noqa: E402
from briefgen.analyse.sentences import split_sentences  # noqa: E402
from briefgen.read import read_sources  # noqa: E402

SIZES = (10, 100, 1000, 5000)
HELP_SECONDS = 0.2
BUILD_SECONDS = 1.0
THOUSAND_SECONDS = 30.0
THOUSAND_MB = 1024
GROWTH_5000 = 6.0  # 5,000 articles may take at most this many times as long as 1,000
# Runs of 1,000 and 5,000 articles taken in turn for that growth: the table's two rows are
# measured minutes apart (LexRank runs between them), and this machine's speed drifts over
# minutes (the same code's 1,000 took 12.75 s and 14.27 s, its 5,000 85 s and 122 s, on two
# runs of this file on 27-28 Nov 2026), so their ratio measured the drift as much as the code.
GROWTH_PAIRS = 2
LEXRANK_FROM = 100  # briefgen must beat LexRank at every corpus size from this one up
EXTREME_SECONDS = 60.0  # issue 14: any input within the limits ends within a minute
EXTREME_MB = 1024


@dataclass
class Run:
    """One measured process."""

    wall: float  # seconds
    peak_mb: float
    finished: bool  # False when it was stopped at the time limit
    exit_code: int


# A small Python process starts the measured command and waits for it.  The kernel counts
# the memory of the process that forks into a child's peak, so the child of this
# benchmark, which has imported briefgen, would report this process's memory as well.
_LAUNCHER = """
import os, signal, sys, time
report, timeout, command = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.execvp(command[0], command)
if timeout:
    signal.signal(signal.SIGALRM, lambda *_: os.kill(pid, signal.SIGKILL))
    signal.setitimer(signal.ITIMER_REAL, timeout)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - start
with open(report, "w") as out:
    out.write(f"{wall} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}")
"""


def measure(
    command: list[str], timeout: float | None = None, accept: tuple[int, ...] = (0,)
) -> Run:
    """Run ``command`` to its end (or ``timeout``), output discarded; its wall time and peak
    memory.  An exit status outside ``accept`` stops the benchmark."""
    with tempfile.TemporaryDirectory() as work:
        report, errors = Path(work) / "report", Path(work) / "stderr"
        with errors.open("wb") as stderr:
            subprocess.run(
                [
                    sys.executable,
                    "-I",
                    "-S",
                    "-c",
                    _LAUNCHER,
                    str(report),
                    str(timeout or 0),
                    *command,
                ],
                stdout=subprocess.DEVNULL,
                stderr=stderr,
                check=True,
            )
        wall, peak_kb, exit_code = report.read_text().split()
        stopped = int(exit_code) == -9 and timeout is not None and float(wall) >= timeout
        if int(exit_code) not in accept and not stopped:
            message = errors.read_text(encoding="utf-8", errors="replace").strip().splitlines()
            raise SystemExit(
                f"bench: {' '.join(command)} failed: {message[-1] if message else exit_code}"
            )
    return Run(float(wall), int(peak_kb) / 1024, not stopped, int(exit_code))


def briefgen_command() -> list[str]:
    """The installed ``briefgen`` script beside this Python, as a user runs it."""
    script = Path(sys.executable).parent / "briefgen"
    return [str(script)] if script.exists() else [sys.executable, "-m", "briefgen"]


def compile_bytecode() -> None:
    """Compile briefgen's modules, as pip does when it installs a package.  The warm-up run
    would do it too, but not where PYTHONDONTWRITEBYTECODE is set (CI, this workplace): there
    every timed run compiled some fifty modules again, 0.15 s of the sample build that no
    installed copy pays."""
    compileall.compile_dir(Path(briefgen.__file__).parent, quiet=1)


def median_run(command: list[str], repeats: int) -> Run:
    measure(command)  # warm-up: the page cache, as for a user's second run
    runs = [measure(command) for _ in range(repeats)]
    return Run(statistics.median(r.wall for r in runs), max(r.peak_mb for r in runs), True, 0)


def machine() -> list[str]:
    """What the numbers were measured on."""
    cpu = platform.processor() or platform.machine()
    memory = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    return [
        f"- date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC",
        f"- machine: {cpu}, {os.cpu_count()} cores, {memory or 'memory unknown'}",
        f"- system: {platform.platform()}",
        f"- Python {platform.python_version()}, briefgen {__version__}"
        + (f" (commit {commit})" if commit else ""),
        f"- load average at start (1 / 5 / 15 min): {load}",
    ]


def one_line_inputs(folder: Path) -> list[tuple[str, Path]]:
    """A 50 MB text file on one line and a DOCX whose one paragraph is 27 MB of prose (issue 14:
    splitting them took minutes when each break copied the rest of the text)."""
    import random

    import docx

    words = (
        "the council agreed new rules for the port after talks with ministers on rates and storms"
    ).split()
    rng = random.Random(1)
    sentences = [
        " ".join(rng.choice(words) for _ in range(12)).capitalize() + "." for _ in range(2000)
    ]
    block = " ".join(sentences)
    text = folder / "one-line-50mb.txt"
    with text.open("w", encoding="utf-8") as out:
        out.write("A one-line source\n\n")
        while out.tell() < 50 * 1000 * 1000 - len(block) - 2:
            out.write(block + " ")
    document = docx.Document()
    document.add_paragraph(block * (27 * 1000 * 1000 // len(block)))
    word = folder / "one-paragraph-27mb.docx"
    document.save(str(word))
    return [("50 MB one-line .txt", text), ("27 MB one-paragraph .docx", word)]


def count_sentences(folder: Path) -> int:
    return sum(
        len(split_sentences(text))
        for a in read_sources([str(folder)])
        for kind, text in a.paragraphs
        if kind == "text"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--sizes",
        default=",".join(map(str, SIZES)),
        help="corpus sizes, comma-separated [default: %(default)s]",
    )
    parser.add_argument("--seed", type=int, default=1, help="corpus seed [default: %(default)s]")
    parser.add_argument(
        "--repeats", type=int, default=5, help="runs of each sample command [default: %(default)s]"
    )
    parser.add_argument(
        "--corpus-repeats",
        type=int,
        default=3,
        help="briefgen runs on each corpus [default: %(default)s]",
    )
    parser.add_argument(
        "--lexrank-timeout",
        type=float,
        default=300.0,
        help="seconds before LexRank is stopped [default: %(default)s]",
    )
    parser.add_argument("--no-lexrank", action="store_true", help="measure briefgen only")
    parser.add_argument(
        "--out",
        type=Path,
        default=ROOT / "bench" / "results.md",
        help="report file [default: bench/results.md]",
    )
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    briefgen = briefgen_command()
    lexrank = [sys.executable, str(ROOT / "bench" / "lexrank.py")]
    if not args.no_lexrank:
        try:
            import numpy  # noqa: F401
            import sumy  # noqa: F401
        except ImportError:
            raise SystemExit(
                "bench: LexRank needs the bench extras: pip install -e '.[bench]' "
                "(or run 'make bench'), or pass --no-lexrank"
            ) from None

    compile_bytecode()
    lines = ["# briefgen benchmark", "", *machine(), ""]
    print("\n".join(lines), flush=True)
    checks: list[tuple[str, bool]] = []

    sample = ["| command | wall (s) | peak memory (MB) | target |", "|---|---:|---:|---|"]
    print("\n".join(sample), flush=True)
    with tempfile.TemporaryDirectory() as out:
        for label, command, target in (
            ("briefgen --help", [*briefgen, "--help"], HELP_SECONDS),
            (
                "briefgen build inputs/ (DOCX + PDF)",
                [*briefgen, "build", str(ROOT / "inputs"), "-o", out],
                BUILD_SECONDS,
            ),
            (
                "briefgen build inputs/ --format json",
                [*briefgen, "build", str(ROOT / "inputs"), "-o", out, "--format", "json"],
                None,
            ),
        ):
            run = median_run(command, args.repeats)
            goal = f"≤ {target} s" if target else ""
            if target:
                checks.append((f"{label} ≤ {target} s", run.wall <= target))
            sample.append(f"| `{label}` | {run.wall:.2f} | {run.peak_mb:.0f} | {goal} |")
            print(sample[-1], flush=True)
    lines += [f"## One brief (median of {args.repeats} runs after a warm-up)", "", *sample, ""]

    corpora = [
        (
            "| articles | sentences | briefgen wall (s) | per article (ms) | peak memory (MB) "
            "| LexRank wall (s) | LexRank peak (MB) | LexRank ÷ briefgen |"
        ),
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    print("\n" + "\n".join(corpora), flush=True)
    walls: dict[int, float] = {}
    unfinished: list[str] = []  # what LexRank's matrix would take where it did not finish
    lexrank_stopped_at: int | None = None
    samples = load_samples(ROOT / "inputs")
    with tempfile.TemporaryDirectory() as work:
        for size in sizes:
            folder = Path(work) / f"corpus-{size}"
            generate(size, args.seed, folder, samples)
            sentences = count_sentences(folder)
            matrix = (
                f"{sentences:,}² × 8 bytes = {sentences * sentences * 8 / 1e9:.1f} GB"
                f" at {size:,} articles"
            )
            extract = _extract(briefgen, Path(work), size)
            ours = min((measure(extract) for _ in range(args.corpus_repeats)), key=lambda r: r.wall)
            walls[size] = ours.wall
            if size == 1000:
                checks.append(
                    (f"1,000 articles ≤ {THOUSAND_SECONDS:.0f} s", ours.wall <= THOUSAND_SECONDS)
                )
                checks.append(
                    (
                        f"1,000 articles ≤ {THOUSAND_MB / 1024:.0f} GB peak",
                        ours.peak_mb <= THOUSAND_MB,
                    )
                )
            if args.no_lexrank:
                theirs_wall = theirs_peak = ratio = "not run"
            elif lexrank_stopped_at is not None:
                theirs_wall, theirs_peak = f"> {args.lexrank_timeout:.0f} (not run)", "–"
                unfinished.append(matrix)
                ratio = f"> {args.lexrank_timeout / ours.wall:.0f}×"
                if size >= LEXRANK_FROM:
                    checks.append(
                        (
                            f"faster than LexRank at {size:,} articles",
                            args.lexrank_timeout > ours.wall,
                        )
                    )
            else:
                theirs = measure([*lexrank, str(folder)], timeout=args.lexrank_timeout)
                if theirs.finished:
                    theirs_wall, ratio = f"{theirs.wall:.2f}", f"{theirs.wall / ours.wall:.1f}×"
                else:
                    lexrank_stopped_at = size
                    unfinished.append(matrix)
                    theirs_wall, ratio = (
                        f"> {theirs.wall:.0f} (stopped)",
                        f"> {theirs.wall / ours.wall:.0f}×",
                    )
                theirs_peak = f"{theirs.peak_mb:.0f}" + ("" if theirs.finished else " (so far)")
                if size >= LEXRANK_FROM:
                    checks.append(
                        (f"faster than LexRank at {size:,} articles", theirs.wall > ours.wall)
                    )
            corpora.append(
                f"| {size:,} | {sentences:,} | {ours.wall:.2f} | {1000 * ours.wall / size:.1f} "
                f"| {ours.peak_mb:.0f} "
                f"| {theirs_wall} | {theirs_peak} | {ratio} |"
            )
            print(corpora[-1], flush=True)
            if size not in (1000, 5000):  # those two are kept for the growth below
                shutil.rmtree(folder)
        if 1000 in walls and 5000 in walls:
            pairs = [
                tuple(measure(_extract(briefgen, Path(work), size)).wall for size in (1000, 5000))
                for _ in range(GROWTH_PAIRS)
            ]
            growth = min(five for _, five in pairs) / min(one for one, _ in pairs)
            checks.append(
                (
                    f"5,000 articles ≤ {GROWTH_5000:.0f}× the time of 1,000 (measured "
                    f"{growth:.1f}×: fastest of {GROWTH_PAIRS} runs of each, taken in turn; "
                    f"the table's rows give {walls[5000] / walls[1000]:.1f}×)",
                    growth <= GROWTH_5000,
                )
            )
    extreme = [
        "| input | outcome | wall (s) | peak memory (MB) | target |",
        "|---|---|---:|---:|---|",
    ]
    print("\n" + "\n".join(extreme), flush=True)
    with tempfile.TemporaryDirectory() as work:
        for label, path in one_line_inputs(Path(work)):
            # A clean refusal (exit 2, one line) is as good an end as a brief; a hang or a crash is
            # not.
            run = measure(
                [*briefgen, "build", str(path), "-o", str(Path(work) / "out"), "--format", "md"],
                accept=(0, 2),
            )
            met = run.wall <= EXTREME_SECONDS and run.peak_mb <= EXTREME_MB
            checks.append(
                (f"{label}: ≤ {EXTREME_SECONDS:.0f} s and ≤ {EXTREME_MB / 1024:.0f} GB", met)
            )
            outcome = "brief" if run.exit_code == 0 else "exit 2, one line"
            extreme.append(
                f"| {label} | {outcome} | {run.wall:.1f} | {run.peak_mb:.0f} "
                f"| ≤ {EXTREME_SECONDS:.0f} s, ≤ {EXTREME_MB / 1024:.0f} GB |"
            )
            print(extreme[-1], flush=True)
    lines += ["## One-line sources (sentence splitting must stay linear)", "", *extreme, ""]

    lines += [
        (
            f"## A week of news (corpora from bench/generate.py, seed {args.seed}; "
            f"`briefgen extract`, fastest of {args.corpus_repeats} runs)"
        ),
        "",
        *corpora,
        "",
        "LexRank: `bench/lexrank.py`, sumy's LexRankSummarizer asked for 20 sentences, over the",
        "same articles as briefgen reads them, sentences split by briefgen's splitter, Snowball",
        "stemmer and sumy's English stop words. It compares every pair of sentences: its time",
        "and its n × n matrix grow with the square of the corpus"
        + (f"; the matrix alone would take {'; '.join(unfinished)}." if unfinished else "."),
        "",
        "## Targets",
        "",
        *[f"- [{'x' if met else ' '}] {what}" for what, met in checks],
        "",
    ]
    print("\n" + "\n".join(lines[lines.index("## Targets") :]))
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print(f"written to {args.out}")


def _extract(briefgen: list[str], work: Path, size: int) -> list[str]:
    """The command that extracts the brief of the corpus of ``size`` articles in ``work``."""
    folder = work / f"corpus-{size}"
    return [*briefgen, "extract", str(folder), "-o", str(work / f"brief-{size}.json")]


if __name__ == "__main__":
    main()
