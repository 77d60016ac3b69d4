"""Corpora for the benchmark: N news articles made from the sample articles in inputs/.

``generate(count, seed, out_dir, samples)`` writes ``count`` plain-text articles into
``out_dir`` and returns their paths; the same count, seed and samples give the same
bytes.  The articles come in *stories* of about ``ARTICLES_PER_STORY`` outlets each, the
way a week of news has many stories each covered by several outlets:

- a story renames the people, places and organisations of the samples (every
  capitalised word that does not open a sentence, except titles and months) with
  made-up names, scales their numbers and moves their dates within one week;
- each article of a story recombines the sample paragraphs and sentences (some dropped,
  some borrowed from the other sample, neighbours swapped), and now and then reports a
  number differently, so the articles of a story overlap like real coverage of one
  event, yet no two articles are the same text.

Run ``python bench/generate.py COUNT OUT_DIR [--seed N]`` to write a corpus by hand.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run as a script from a checkout

from briefgen.analyse.sentences import split_sentences  # noqa: E402
from briefgen.analyse.terms import STOP_WORDS  # noqa: E402
from briefgen.read import read_sources  # noqa: E402

ARTICLES_PER_STORY = 8
KEEP_PARAGRAPH = 0.75
DROP_SENTENCE = 0.15
BORROW_PARAGRAPH = 0.3
SWAP_NEIGHBOURS = 0.15
REPORT_NUMBER_DIFFERENTLY = 0.2
WEEK_START = dt.date(2025, 3, 17)

# Words that keep their spelling: they are roles and calendar words, not names.
_KEEP = frozenset(
    """President Vice Prime Minister Secretary Defense Defence Foreign Chancellor Senator Governor
    General Admiral Ambassador Spokesman Spokeswoman Spokesperson Chairman Director Mayor Commander
    Dr Mr Mrs Ms Prof
    January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Source Comment I""".split()
)
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DAY_OF_MONTH = re.compile(rf"\b({_MONTHS}) (\d{{1,2}})\b")
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)?(?![\w.]?\d)")
_CAPITALISED = re.compile(r"(?<=[\s(\"“‘'-])[A-Z][a-z’']+\b")
_ONSETS = [
    "b",
    "br",
    "d",
    "dr",
    "f",
    "g",
    "h",
    "k",
    "kr",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "st",
    "t",
    "v",
    "z",
    "ch",
]
_VOWELS = ["a", "e", "i", "o", "u", "ai", "ei", "ou"]
_CODAS = ["", "", "n", "r", "l", "s", "k", "m", "th", "v"]


@dataclass
class Sample:
    """A sample article: its headline and paragraphs as (kind, sentences)."""

    title: str
    paragraphs: list[tuple[str, list[str]]]


@dataclass
class Story:
    """What every article of one story shares: its names, numbers and day."""

    number: int
    names: dict[str, str]
    scale: float
    day: dt.date


def load_samples(folder: Path) -> list[Sample]:
    """The articles in ``folder`` (read as briefgen reads them), split into sentences."""
    samples = []
    for article in read_sources([str(folder)]):
        # A headline that is a whole sentence comes back as the lede when read: keep it once.
        paragraphs = [
            (kind, [text] if kind == "heading" else split_sentences(text))
            for kind, text in article.paragraphs
            if text != article.title
        ]
        samples.append(Sample(article.title, paragraphs))
    return samples


def generate(count: int, seed: int, out_dir: Path, samples: list[Sample]) -> list[Path]:
    """Write ``count`` articles into ``out_dir``; the same arguments give the same bytes."""
    rng = random.Random(seed)
    # A capitalised word inside a sentence is a name; one that opens a sentence may be "However".
    vocabulary = sorted(
        {
            w
            for s in samples
            for text in _texts(s)
            for w in _CAPITALISED.findall(text)
            if w.lower() not in STOP_WORDS
        }
        - _KEEP
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    stories: list[Story] = []
    seen: set[str] = set()
    paths = []
    for n in range(count):
        if n % ARTICLES_PER_STORY == 0:
            stories.append(_story(len(stories) + 1, vocabulary, rng))
        story = stories[-1]
        base = samples[story.number % len(samples)]
        while True:  # redraw the rare recombination that repeats an earlier article
            body = _article(story, base, samples, rng)
            if body not in seen:
                seen.add(body)
                break
        outlet = f"outlet{n % ARTICLES_PER_STORY + 1}.example"
        date = story.day + dt.timedelta(days=rng.randrange(2))
        url = f"https://{outlet}/{date:%Y/%m/%d}/story-{story.number}-{n + 1}.htm"
        path = out_dir / f"{date.isoformat()}-{n + 1:05d}.txt"
        path.write_text(body + f"Source: {url}\n", encoding="utf-8")
        paths.append(path)
    return paths


def _texts(sample: Sample) -> list[str]:
    return [sample.title] + [s for _, sentences in sample.paragraphs for s in sentences]


def _story(number: int, vocabulary: list[str], rng: random.Random) -> Story:
    names = {word: _made_up_name(rng) for word in vocabulary}
    return Story(
        number, names, rng.uniform(0.5, 2.0), WEEK_START + dt.timedelta(days=rng.randrange(6))
    )


def _made_up_name(rng: random.Random) -> str:
    syllables = rng.choice((2, 2, 3))
    word = "".join(
        rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(syllables)
    ) + rng.choice(_CODAS)
    return word.capitalize()


def _article(story: Story, base: Sample, samples: list[Sample], rng: random.Random) -> str:
    """One outlet's report of ``story``: recombined sample text with the story's names and
    numbers."""
    others = [s for s in samples if s is not base] or [base]
    blocks: list[tuple[str, list[str]]] = []
    for kind, sentences in base.paragraphs:
        if kind == "heading":
            blocks.append((kind, sentences))
        elif rng.random() < KEEP_PARAGRAPH:
            kept = [s for s in sentences if rng.random() >= DROP_SENTENCE] or sentences[:1]
            blocks.append((kind, kept))
    if rng.random() < BORROW_PARAGRAPH:
        donor = rng.choice(others)
        text = [p for p in donor.paragraphs if p[0] == "text"]
        if text:
            blocks.insert(rng.randrange(len(blocks) + 1), rng.choice(text))
    for i in range(len(blocks) - 1):
        if blocks[i][0] == blocks[i + 1][0] == "text" and rng.random() < SWAP_NEIGHBOURS:
            blocks[i], blocks[i + 1] = blocks[i + 1], blocks[i]
    # A heading with no prose after it is not a heading any more.
    blocks = [
        b
        for i, b in enumerate(blocks)
        if b[0] == "text" or (i + 1 < len(blocks) and blocks[i + 1][0] == "text")
    ]
    lines = [_vary(base.title, story, rng)] + [
        _vary(" ".join(sentences), story, rng) for _, sentences in blocks
    ]
    return "\n".join(lines) + "\n"


def _vary(text: str, story: Story, rng: random.Random) -> str:
    """``text`` with the story's names, numbers and dates; sometimes one number reported
    differently."""
    text = _CAPITALISED.sub(lambda m: story.names.get(m.group(0), m.group(0)), " " + text)[1:]
    shift = (story.day - WEEK_START).days
    text = _DAY_OF_MONTH.sub(lambda m: f"{m.group(1)} {min(28, int(m.group(2)) + shift)}", text)
    differs = rng.random() < REPORT_NUMBER_DIFFERENTLY

    def number(m: re.Match) -> str:
        value = m.group(0)
        if re.fullmatch(r"(19|20)\d\d", value) or re.search(
            rf"\b(?:{_MONTHS}) $", text[max(0, m.start() - 10) : m.start()]
        ):
            return value  # years and days of the month were handled above
        scaled = (
            float(value.replace(",", ""))
            * story.scale
            * (rng.uniform(0.7, 1.3) if differs else 1.0)
        )
        return f"{scaled:.1f}" if "." in value else str(max(1, round(scaled)))

    return _NUMBER.sub(number, text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("count", type=int, help="how many articles")
    parser.add_argument("out_dir", type=Path, help="folder to write them into")
    parser.add_argument("--seed", type=int, default=1, help="same seed, same corpus [default: 1]")
    parser.add_argument(
        "--samples",
        type=Path,
        default=ROOT / "inputs",
        help="folder of sample articles [default: inputs/]",
    )
    args = parser.parse_args()
    paths = generate(args.count, args.seed, args.out_dir, load_samples(args.samples))
    print(f"{len(paths)} articles in {args.out_dir}")


if __name__ == "__main__":
    main()
