"""Sentence embeddings and nearest neighbours: text → unit vectors → who is close to whom.

``embed(texts)`` gives one unit-length 256-d vector per text from WordLlama's model, whose
weights and tokenizer ship inside the ``wordllama`` wheel: nothing is downloaded, no GPU or
torch is needed, and the same text always gives the same vector.  The model is a table of
token vectors averaged over a text's tokens; we read the wheel's two files with the
libraries wordllama itself uses (tokenizers, safetensors) and average as it does, rather
than import wordllama, whose import costs 0.3 s of settings and HTTP machinery (a third of
the sample brief's time target) and sets up the root logger.  A test holds our vectors
equal to wordllama's own.

``neighbours(vectors, k)`` gives each vector's ``k`` most similar others (cosine): exactly
while the corpus is small, and within random-hyperplane buckets (locality-sensitive
hashing) when comparing every pair would grow with its square.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..errors import BriefgenError

MODEL = "l2_supercat"  # wordllama's default model
DIMENSIONS = 256  # the size wordllama ships in its wheel; the larger ones are downloads
# up to this many vectors, every pair is compared (6,000² floats = 144 MB in blocks of 1,024 rows)
EXACT_LIMIT = 6000
BLOCK = 1024  # rows of the similarity matrix held at once
BATCH = 256  # texts embedded at once: a batch's token vectors stay a few megabytes
BUCKET_SIZE = 128  # LSH: about this many vectors share a bucket on average
LSH_TABLES = 4  # independent hashings: a close pair missed by one is found by another
LSH_SEED = 20250319  # fixed, so the same inputs give the same brief


class EmbeddingError(BriefgenError):
    """The embedding model that ships with wordllama could not be loaded."""


@lru_cache(maxsize=1)
def _model():
    """(tokenizer, token vectors) from the files inside the installed wordllama wheel."""
    try:
        from safetensors import safe_open
        from tokenizers import Tokenizer

        spec = importlib.util.find_spec("wordllama")
        if spec is None or spec.origin is None:
            raise FileNotFoundError("the wordllama package is not installed")
        root = Path(spec.origin).parent
        tokenizer = Tokenizer.from_file(str(root / "tokenizers" / f"{MODEL}_tokenizer_config.json"))
        with safe_open(
            str(root / "weights" / f"{MODEL}_{DIMENSIONS}.safetensors"), "np"
        ) as weights:
            table = weights.get_tensor("embedding.weight")  # float16, summed in float32
        table = np.vstack([table, np.zeros((1, table.shape[1]), dtype=table.dtype)])
    except Exception as exc:  # a broken install: say which package, not a traceback
        raise EmbeddingError(
            f"cannot load the sentence embedding model shipped with wordllama ({exc})"
        ) from None
    tokenizer.no_truncation()
    tokenizer.no_padding()
    return tokenizer, table


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length float32 vectors, one row per text (zeros for a text with no token)."""
    tokenizer, table = _model()
    padding = len(table) - 1  # the zero row _model appends: padded positions add nothing
    sums = np.zeros((len(texts), table.shape[1]), dtype=np.float32)
    for start in range(0, len(texts), BATCH):
        encodings = tokenizer.encode_batch(texts[start : start + BATCH], add_special_tokens=False)
        width = max((len(e.ids) for e in encodings), default=0)
        ids = np.full((len(encodings), max(width, 1)), padding, dtype=np.int64)
        for row, encoding in enumerate(encodings):
            ids[row, : len(encoding.ids)] = np.clip(encoding.ids, 0, padding - 1)
        sums[start : start + len(encodings)] = table[ids].sum(axis=1, dtype=np.float32)
    norms = np.linalg.norm(sums, axis=1, keepdims=True)  # the mean's direction is the sum's
    return np.divide(sums, norms, out=np.zeros_like(sums), where=norms > 0)


def neighbours(vectors: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Each row's ``k`` most similar other rows: (indices, cosines), both ``len × k``.

    Rows with fewer than ``k`` candidates are padded with index -1 and cosine -1.
    """
    n = len(vectors)
    k = max(0, min(k, n - 1))
    if n <= EXACT_LIMIT:
        return _exact(vectors, k)
    return _hashed(vectors, k)


def _exact(vectors: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    n = len(vectors)
    index = np.full((n, k), -1, dtype=np.int64)
    cosine = np.full((n, k), -1.0, dtype=np.float32)
    if k == 0:
        return index, cosine
    for start in range(0, n, BLOCK):
        block = vectors[start : start + BLOCK] @ vectors.T
        rows = np.arange(len(block))
        block[rows, start + rows] = -2.0  # not its own neighbour
        top = np.argpartition(-block, k - 1, axis=1)[:, :k]
        values = np.take_along_axis(block, top, axis=1)
        order = np.argsort(-values, axis=1, kind="stable")
        index[start : start + len(block)] = np.take_along_axis(top, order, axis=1)
        cosine[start : start + len(block)] = np.take_along_axis(values, order, axis=1)
    return index, cosine


def _hashed(vectors: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Approximate neighbours: compare only rows that share a bucket in one of the hash tables."""
    n = len(vectors)
    bits = max(1, int(np.log2(n / BUCKET_SIZE)))
    # Centred, so the hyperplanes split the corpus evenly rather than all on one side.
    centred = vectors - vectors.mean(axis=0)
    planes = (
        np.random.default_rng(LSH_SEED)
        .standard_normal((LSH_TABLES, vectors.shape[1], bits))
        .astype(np.float32)
    )
    best_index = np.full((n, k), -1, dtype=np.int64)
    best_cosine = np.full((n, k), -1.0, dtype=np.float32)
    for table in planes:
        keys = ((centred @ table) > 0) @ (1 << np.arange(bits))
        order = np.argsort(keys, kind="stable")
        edges = np.flatnonzero(np.diff(keys[order])) + 1
        for bucket in np.split(order, edges):
            # A crowded bucket (a text repeated thousands of times) is compared in chunks, so
            # the work stays linear in the corpus however the buckets fall.
            for start in range(0, len(bucket), BLOCK):
                members = bucket[start : start + BLOCK]
                if len(members) < 2:
                    continue
                block = vectors[members] @ vectors[members].T
                np.fill_diagonal(block, -2.0)
                take = min(k, len(members) - 1)
                top = np.argpartition(-block, take - 1, axis=1)[:, :take]
                _keep_best(
                    best_index,
                    best_cosine,
                    members,
                    members[top],
                    np.take_along_axis(block, top, axis=1),
                    k,
                )
    return best_index, best_cosine


def _keep_best(
    index: np.ndarray,
    cosine: np.ndarray,
    rows: np.ndarray,
    found: np.ndarray,
    values: np.ndarray,
    k: int,
) -> None:
    """Merge newly found (neighbour, cosine) pairs into each row's best ``k``, without repeats."""
    merged_index = np.concatenate([index[rows], found], axis=1)
    merged_cosine = np.concatenate([cosine[rows], values.astype(np.float32)], axis=1)
    merged_cosine[merged_index < 0] = -2.0
    order = np.lexsort((-merged_cosine, merged_index), axis=1)  # by neighbour, best cosine first
    merged_index = np.take_along_axis(merged_index, order, axis=1)
    merged_cosine = np.take_along_axis(merged_cosine, order, axis=1)
    merged_cosine[:, 1:][
        merged_index[:, 1:] == merged_index[:, :-1]
    ] = -2.0  # a neighbour found by two tables counts once
    top = np.argsort(-merged_cosine, axis=1, kind="stable")[:, :k]
    best = np.take_along_axis(merged_cosine, top, axis=1)
    index[rows] = np.where(best > -1.5, np.take_along_axis(merged_index, top, axis=1), -1)
    cosine[rows] = np.maximum(best, -1.0)
