"""The reference: sumy's LexRank over a folder of articles, the usual offline extractive summariser.

``python bench/lexrank.py FOLDER [--sentences N]`` prints the N most central sentences of
all the articles in FOLDER taken as one document.  The articles are read as briefgen reads
them, so both summarise the same sentences.  sumy's own tokenizer needs NLTK's punkt
data, a download; LexRank only asks its tokenizer for ``to_sentences`` and ``to_words``,
so this one splits sentences with briefgen's splitter and words with a regular
expression, and nothing is fetched.  Stemming (NLTK's Snowball) and stop words ship with
the packages.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run as a script from a checkout

from briefgen.analyse.sentences import split_sentences  # noqa: E402
from briefgen.read import read_sources  # noqa: E402

_WORD = re.compile(r"\w+(?:['’]\w+)?")


class OfflineTokenizer:
    """What sumy's parsers ask of a tokenizer, without NLTK data."""

    language = "english"

    def to_sentences(self, paragraph: str) -> list[str]:
        return split_sentences(paragraph)

    def to_words(self, sentence: str) -> list[str]:
        return _WORD.findall(sentence)


def summarise(folder: Path, sentences: int) -> list[str]:
    """The ``sentences`` most central sentences of the articles in ``folder``, by LexRank."""
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    # Paragraphs apart by a blank line, as sumy's plain-text parser expects.
    text = "\n\n".join(p for article in read_sources([str(folder)]) for _, p in article.paragraphs)
    document = PlaintextParser.from_string(text, OfflineTokenizer()).document
    summariser = LexRankSummarizer(Stemmer("english"))
    summariser.stop_words = get_stop_words("english")
    return [str(s) for s in summariser(document, sentences)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument(
        "--sentences", type=int, default=20, help="sentences in the summary [default: 20]"
    )
    args = parser.parse_args()
    for sentence in summarise(args.folder, args.sentences):
        print(sentence)


if __name__ == "__main__":
    main()
