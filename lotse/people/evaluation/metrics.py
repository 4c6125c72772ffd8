"""Precision, recall and F1 of the matcher on a labelled pairs file (no Django)."""

from __future__ import annotations

import json
import random
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from lotse.people.matching import blocking_keys, score

PAIRS = Path(__file__).with_name("pairs.jsonl")


def load(path: Path | str = PAIRS) -> Iterator[dict]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, duplicate: bool, predicted: bool) -> None:
        if duplicate and predicted:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif duplicate:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def n(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return None
        return 2 * p * r / (p + r)

    @property
    def accuracy(self) -> float:
        return (self.tp + self.tn) / self.n if self.n else 0.0


def scored(pairs: Iterable[dict]) -> list[tuple[str, bool, float]]:
    return [(p["category"], bool(p["duplicate"]), score(p["a"], p["b"])) for p in pairs]


def evaluate(rows: list[tuple[str, bool, float]], threshold: float) -> dict[str, Counts]:
    """Counts per category, and "overall"."""
    out: dict[str, Counts] = defaultdict(Counts)
    for category, duplicate, value in rows:
        predicted = value >= threshold
        out[category].add(duplicate, predicted)
        out["overall"].add(duplicate, predicted)
    return dict(out)


def sweep(rows: list[tuple[str, bool, float]], thresholds: Iterable[float]) -> list:
    return [(t, evaluate(rows, t)["overall"]) for t in thresholds]


def blocking(pairs: list[dict], random_pairs: int = 20000, seed: int = 7) -> dict[str, float]:
    """Recall of blocking on the duplicates; keys per record; random-pair collisions."""
    positives = [p for p in pairs if p["duplicate"]]
    shared = [len(blocking_keys(p["a"]) & blocking_keys(p["b"])) for p in positives]
    hit = sum(1 for n in shared if n)
    # found however common the keys are (the candidate search's prefilter)
    two = sum(1 for n in shared if n >= 2)
    records = [r for p in pairs for r in (p["a"], p["b"])]
    keys = [blocking_keys(r) for r in records]
    rng = random.Random(seed)  # noqa: S311 - a reproducible sample
    collisions = 0
    for _ in range(random_pairs):
        i, j = rng.randrange(len(records)), rng.randrange(len(records))
        collisions += bool(i != j and keys[i] & keys[j])
    return {
        "recall": hit / len(positives) if positives else 0.0,
        "missed": len(positives) - hit,
        "recall_two_keys": two / len(positives) if positives else 0.0,
        "keys_per_record": sum(map(len, keys)) / len(keys),
        "max_keys": max(map(len, keys)),
        "random_pair_share": collisions / random_pairs,
    }


def microseconds_per_score(pairs: list[dict], repeat: int = 3) -> float:
    """Mean time of score() over the pairs (warm caches, as in a long import)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for p in pairs:
            score(p["a"], p["b"])
        best = min(best, (time.perf_counter() - start) / len(pairs))
    return best * 1e6


def microseconds_per_score_cold(pairs: list[dict]) -> float:
    """Mean time with empty caches: every name is new."""
    import importlib

    compare = importlib.import_module("lotse.people.matching.compare")
    normalise = importlib.import_module("lotse.people.matching.normalise")
    caches = (normalise.to_latin, normalise._name_words, normalise.tokens)
    caches += (normalise.fold_variants, compare.token_sim, compare.name_match, compare._slots)
    caches += (compare._names, compare.parse_date)
    for fn in caches:
        fn.cache_clear()
    start = time.perf_counter()
    for p in pairs:
        score(p["a"], p["b"])
    return (time.perf_counter() - start) / len(pairs) * 1e6
