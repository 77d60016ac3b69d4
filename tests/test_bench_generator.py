"""The benchmark's corpus generator: the same seed gives the same corpus, byte for byte, and
its articles overlap like coverage of one story without any being a copy."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from bench.generate import ARTICLES_PER_STORY, generate, load_samples
from briefgen.analyse.sentences import split_sentences
from briefgen.read import read_sources
from tests.conftest import INPUTS, ROOT, run_cli

COUNT = 2 * ARTICLES_PER_STORY  # two stories


@pytest.fixture(scope="module")
def samples():
    return load_samples(INPUTS)


def corpus(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def sentences(text: str) -> set[str]:
    return {s for line in text.splitlines()[1:] for s in split_sentences(line)}


def test_same_seed_same_bytes(tmp_path, samples):
    generate(COUNT, 7, tmp_path / "a", samples)
    # A second process, with its own string hashing: nothing may hang on set or dict order.
    script = [
        sys.executable,
        str(ROOT / "bench" / "generate.py"),
        str(COUNT),
        str(tmp_path / "b"),
        "--seed",
        "7",
    ]
    result = subprocess.run(
        script, capture_output=True, timeout=120, env={**os.environ, "PYTHONHASHSEED": "12345"}
    )
    assert result.returncode == 0, result.stderr.decode()
    first = corpus(tmp_path / "a")
    assert len(first) == COUNT
    assert first == corpus(tmp_path / "b")


def test_another_seed_another_corpus(tmp_path, samples):
    generate(COUNT, 7, tmp_path / "a", samples)
    generate(COUNT, 8, tmp_path / "b", samples)
    assert set(corpus(tmp_path / "a").values()).isdisjoint(corpus(tmp_path / "b").values())


def test_articles_overlap_but_none_is_a_copy(tmp_path, samples):
    paths = generate(COUNT, 3, tmp_path, samples)
    texts = [p.read_text(encoding="utf-8") for p in paths]
    bodies = [t.rsplit("Source:", 1)[0] for t in texts]
    assert len(set(bodies)) == len(bodies)
    originals = {
        s for p in sorted(INPUTS.glob("*.txt")) for s in sentences(p.read_text(encoding="utf-8"))
    }
    first_story, second_story = texts[:ARTICLES_PER_STORY], texts[ARTICLES_PER_STORY:]
    # Outlets covering one story share sentences; the samples' own sentences with names,
    # numbers or dates in them come back varied.
    assert sentences(first_story[0]) & sentences(first_story[1])
    numbered = {s for s in originals if re.search(r"\d", s)}
    assert not numbered & set().union(*(sentences(t) for t in texts))

    # Each story has its own names: the capitalised words inside sentences differ.
    def names(story):
        return {w for t in story for w in re.findall(r"(?<=[a-z,] )[A-Z][a-z]{3,}", t)}

    assert len(names(first_story) ^ names(second_story)) > len(
        names(first_story) & names(second_story)
    )


def test_corpus_reads_and_summarises(tmp_path, samples):
    folder = tmp_path / "corpus"
    generate(COUNT, 5, folder, samples)
    articles = read_sources([str(folder)])
    assert len(articles) == COUNT
    assert all(
        a.date and a.date.startswith("2025-03-") and a.outlet.endswith(".example") for a in articles
    )
    result = run_cli("extract", folder, "-o", tmp_path / "brief.json")
    assert result.returncode == 0, result.stderr.decode()
    assert '"sources"' in (tmp_path / "brief.json").read_text(encoding="utf-8")
