"""The sample brief against the gold facts (tests/data/seed-gold.yaml), read from the DOCX
the way a reader meets it: Word headings split sections, every other paragraph or table
row is one item.  Floors: recall ≥ 0.69, placement ≥ 0.90, ≤ 800 words, the one
discrepancy flagged.  (Cue rules tuned to this sample once reached 0.91 and did no better than
keyword baselines on stories they were not tuned on; the cue-free analysis reaches 0.74 here,
0.70 since every bullet's corroboration mark is read and so counted (issue 17: 16 of 23
facts instead of 17), and its real yardstick is `make eval` on sets it was never tuned on:
eval/results.md.)"""

from __future__ import annotations

import re

import docx
import yaml

from tests.conftest import DATA

SOURCES = re.compile(r"\s*(sources?|references?)\s*", re.I)


def read_items(path):
    document = docx.Document(str(path))
    paragraphs = {p._p: p for p in document.paragraphs}
    tables = {t._tbl: t for t in document.tables}
    heading = None
    for child in document.element.body.iterchildren():
        if child in paragraphs:
            p = paragraphs[child]
            if not p.text.strip():
                continue
            style = p.style.name
            if style == "Title":
                continue
            if style.startswith("Heading"):
                heading = p.text.strip()
                continue
            yield heading, p.text.strip()
        elif child in tables:
            for row in tables[child].rows:
                yield (
                    heading,
                    " | ".join(dict.fromkeys(c.text.strip() for c in row.cells if c.text.strip())),
                )


def score(path, gold):
    body = [(h, t) for h, t in read_items(path) if not (h and SOURCES.fullmatch(h))]

    def section(heading):
        for sid, pattern in gold["sections"].items():
            if heading and re.search(pattern, heading, re.I):
                return sid
        return None

    right = anywhere = 0
    missing = []
    for fact in gold["facts"]:
        allowed = fact["section"] if isinstance(fact["section"], list) else [fact["section"]]
        hits = [section(h) for h, t in body if all(re.search(rx, t, re.I) for rx in fact["match"])]
        anywhere += bool(hits)
        right += any(h in allowed for h in hits)
        if not any(h in allowed for h in hits):
            missing.append(fact["id"])
    flagged = sum(
        any(all(re.search(rx, t, re.I) for rx in d["match"]) for _, t in body)
        for d in gold["discrepancies"]
    )
    return {
        "recall": right / len(gold["facts"]),
        "placement": right / anywhere if anywhere else 0.0,
        "words": sum(len(t.split()) for _, t in body),
        "flagged": flagged,
        "missing": missing,
    }


def test_sample_brief_meets_the_quality_targets(sample_build):
    gold = yaml.safe_load((DATA / "seed-gold.yaml").read_text(encoding="utf-8"))
    result = score(sample_build / "brief-2025-03-19.docx", gold)
    assert result["recall"] >= 0.69, result
    assert result["placement"] >= 0.90, result
    assert result["words"] <= 800, result
    assert result["flagged"] == len(gold["discrepancies"]), result
