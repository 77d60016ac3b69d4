"""Measure the analysis weights on the tune split: ``python eval/fit.py``.

Reads only the tune sets of ``eval/split.yaml`` (and the sample), never the held-out ones.
For every candidate bullet briefgen makes of a set it records the salience features
(``briefgen.analyse.items``) and whether the candidate states a gold fact (all of the fact's
patterns match), then:

- fits a logistic regression of "states a gold fact" on the features (standardised,
  L2-regularised, every set weighted equally) and prints the weights in briefgen's units,
  with the ranking quality (mean per-set AUC) of the fitted and of the current weights;
- refits the same-fact model (``items._probability``) on pairs of candidates from different
  outlets, labelled by whether they state one gold fact;
- for the candidates that state a fact, measures the section classifier's placement for a
  grid of its two logit weights and prints the best ones.
"""

from __future__ import annotations

import itertools
import re
import sys
from pathlib import Path

import numpy as np
import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from briefgen.analyse import _sentences  # noqa: E402
from briefgen.analyse import classify as classify_module  # noqa: E402
from briefgen.analyse.items import SAME_EMBEDDING, SAME_WORDS, WEIGHTS, candidates, score  # noqa: E402
from briefgen.analyse.terms import cosine  # noqa: E402
from briefgen.analyse.when import day_of  # noqa: E402
from briefgen.profile import load_profile  # noqa: E402
from briefgen.read import read_sources  # noqa: E402

SHARED = HERE.parent.parent / "shared" / "eval"
L2 = 1.0


def tune_sets() -> list[tuple[str, list[str], dict]]:
    split = yaml.safe_load((HERE / "split.yaml").read_text(encoding="utf-8"))
    sets = [
        (
            "sample",
            sorted(str(p) for p in (HERE.parent / "inputs").glob("*.txt")),
            yaml.safe_load((SHARED / "seed-gold.yaml").read_text()),
        )
    ]
    for name in split["tune"]:
        folder = SHARED / "dev" / name
        sets.append(
            (
                name,
                sorted(str(p) for p in folder.glob("*.txt")),
                yaml.safe_load((folder / "gold.yaml").read_text()),
            )
        )
    return sets


def collect():
    rows = []
    for name, paths, gold in tune_sets():
        profile = load_profile(gold.get("profile", "default"))
        articles = read_sources(paths)
        sentences = _sentences(articles)
        found = []
        for _, group in itertools.groupby(sentences, key=lambda s: s.source):
            found.extend(candidates(list(group)))
        scored = score(
            found, profile, [a.title for a in articles], [day_of(a.date) for a in articles]
        )
        for c in scored.found:
            facts = [
                f for f in gold["facts"] if all(re.search(rx, c.text, re.I) for rx in f["match"])
            ]
            sections = {
                s
                for f in facts
                for s in (f["section"] if isinstance(f["section"], list) else [f["section"]])
            }
            c.gold = {f["id"] for f in facts}
            rows.append((name, c, bool(facts), sections, scored.vectors[c.row]))
    return rows


def auc(scores: np.ndarray, labels: np.ndarray) -> float:
    pos, neg = scores[labels], scores[~labels]
    if not len(pos) or not len(neg):
        return float("nan")
    return float((pos[:, None] > neg[None, :]).mean() + 0.5 * (pos[:, None] == neg[None, :]).mean())


def logistic(X: np.ndarray, y: np.ndarray, sets: np.ndarray) -> tuple[np.ndarray, float]:
    """Weights (in the features' own units) and bias of an L2-penalised logistic regression,
    every set weighted equally, by Newton's method."""
    weight = np.zeros(len(y))
    for name in set(sets):
        weight[sets == name] = 1.0 / (sets == name).sum()
    mean, std = X.mean(axis=0), X.std(axis=0) + 1e-9
    A = np.hstack([(X - mean) / std, np.ones((len(y), 1))])
    penalty = np.diag([L2 / len(y)] * X.shape[1] + [0.0])
    theta = np.zeros(X.shape[1] + 1)
    for _ in range(50):
        p = 1 / (1 + np.exp(-(A @ theta)))
        gradient = A.T @ (weight * (p - y)) + penalty @ theta
        hessian = (A * (weight * p * (1 - p))[:, None]).T @ A + penalty
        step = np.linalg.solve(hessian, gradient)
        theta -= step
        if np.abs(step).max() < 1e-8:
            break
    raw = theta[:-1] / std
    return raw, float(theta[-1] - (mean * raw).sum())


def fit_salience(rows) -> None:
    names = list(WEIGHTS)
    X = np.array([[c.features[k] for k in names] for _, c, _, _, _ in rows])
    y = np.array([label for _, _, label, _, _ in rows])
    sets = np.array([name for name, *_ in rows])
    raw, _ = logistic(X, y, sets)
    print("fitted salience weights (log-odds per unit of each feature):")
    for k, v in zip(names, raw):
        print(f"  {k:10s} {v:+.3f}   (now {WEIGHTS[k]:+.3f})")
    for label, weights in (("current", np.array([WEIGHTS[k] for k in names])), ("fitted", raw)):
        per_set = [auc(X[sets == n] @ weights, y[sets == n]) for n in sorted(set(sets))]
        print(
            f"  AUC {label}: mean {np.nanmean(per_set):.3f} "
            f"({', '.join(f'{a:.2f}' for a in per_set)})"
        )


def fit_same_fact(rows) -> None:
    """The same-fact model: pairs of candidates from different outlets, labelled by whether
    they state one gold fact, on their embedding cosine and TF-IDF cosine
    (``items._probability``)."""
    X, y, sets = [], [], []
    by_set: dict[str, list] = {}
    for name, c, _, _, v in rows:
        by_set.setdefault(name, []).append((c, v))
    for name, members in by_set.items():
        for (a, va), (b, vb) in itertools.combinations(members, 2):
            if a.sources[0] == b.sources[0]:
                continue
            X.append([float(va @ vb), cosine(a.words_vector, b.words_vector)])
            y.append(bool(a.gold & b.gold))
            sets.append(name)
    X, y, sets = np.array(X), np.array(y), np.array(sets)
    raw, bias = logistic(X, y, sets)
    print(
        f"same-fact model on {len(y)} pairs ({y.sum()} state one fact): "
        f"weights {', '.join(f'{w:+.2f}' for w in raw)}, bias {bias:+.2f}"
    )
    current = X @ np.array([SAME_EMBEDDING, SAME_WORDS])
    print(f"  AUC fitted {auc(X @ raw, y):.3f}, current {auc(current, y):.3f}")


def fit_classifier(rows) -> None:
    stated = [(name, c, sections, v) for name, c, label, sections, v in rows if label and sections]
    by_profile = {}
    for name, c, sections, v in stated:
        by_profile.setdefault(name, []).append((c, sections, v))
    best = None
    for meaning_weight in (0, 4, 8, 12, 16, 24, 32):
        for cue_weight in (0.0, 0.2, 0.4, 0.6, 0.8, 1.2):
            classify_module.MEANING_WEIGHT, classify_module.CUE_WEIGHT = meaning_weight, cue_weight
            right = []
            for name, members in by_profile.items():
                profile = load_profile(
                    next(g for n, _, g in tune_sets() if n == name).get("profile", "default")
                )
                vectors = np.stack([v for _, _, v in members])
                placements = classify_module.classify(
                    [c.text for c, _, _ in members],
                    [c.heading for c, _, _ in members],
                    vectors,
                    profile,
                )
                right.append(
                    np.mean(
                        [p.section in sections for p, (_, sections, _) in zip(placements, members)]
                    )
                )
            mean = float(np.mean(right))
            if best is None or mean > best[0]:
                best = (mean, meaning_weight, cue_weight, right)
            print(f"  meaning {meaning_weight:>2} cue {cue_weight:.1f}: placement {mean:.3f}")
    print(
        f"best: meaning {best[1]} cue {best[2]} placement {best[0]:.3f} "
        f"per set {', '.join(f'{r:.2f}' for r in best[3])}"
    )


if __name__ == "__main__":
    collected = collect()
    print(f"{len(collected)} candidates, {sum(r[2] for r in collected)} state a gold fact")
    fit_salience(collected)
    fit_same_fact(collected)
    if "--salience-only" not in sys.argv:
        fit_classifier(collected)
