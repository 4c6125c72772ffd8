"""Pre-screen a synthetic register in chunks, streaming, optionally on several processes.

Each chunk is generated, evaluated and reduced to counters inside the worker, so memory
does not grow with the number of rows. Row ``n`` is the same whatever the chunking and the
number of workers, so runs are comparable.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .common import is_104c
from .dates import add_years
from .engine import evaluate
from .facts import parse_facts
from .synthetic import synthetic_rows


@dataclass
class BenchResult:
    rows: int
    evaluations: int
    seconds: float
    workers: int
    peak_rss_mb: float
    outcomes: dict[str, Counter[str]] = field(default_factory=dict)
    eligible_from_set: int = 0

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.seconds if self.seconds else 0.0


def screen_row(facts_raw: dict[str, Any], as_of: date) -> list[tuple[str, str, bool]]:
    """(check, outcome, has eligible_from) for stag10 and, where plausible, 25a/25b."""
    facts = parse_facts(facts_raw)  # parse once, evaluate up to three checks
    results = []
    result = evaluate("stag10", facts, as_of)
    results.append(("stag10", result.outcome, result.eligible_from is not None))
    status = facts.residence_status
    tolerated = status in ("duldung", "duldung_60b") or is_104c(status, facts.title_purpose)
    if tolerated:
        born = facts.date_of_birth
        if born is not None and add_years(born, 14) <= as_of < add_years(born, 27):
            result = evaluate("aufenthg25a", facts, as_of)
            results.append(("aufenthg25a", result.outcome, result.eligible_from is not None))
        result = evaluate("aufenthg25b", facts, as_of)
        results.append(("aufenthg25b", result.outcome, result.eligible_from is not None))
    return results


def screen_chunk(task: tuple[int, int, int, date]) -> tuple[dict[str, Counter[str]], int, int]:
    """Generate and screen rows ``start`` .. ``start + count - 1``; return only counters."""
    start, count, seed, as_of = task
    outcomes: dict[str, Counter[str]] = {}
    evaluations = 0
    with_date = 0
    for row in synthetic_rows(count, seed, as_of, start):
        for check, outcome, dated in screen_row(row["facts"], as_of):
            outcomes.setdefault(check, Counter())[outcome] += 1
            evaluations += 1
            with_date += dated
    return outcomes, evaluations, with_date


def _peak_rss_mb() -> float:
    """Largest resident set size of this process and its finished children, in MB."""
    scale = 1 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB on Linux
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) * scale / 1_000_000


def run_benchmark(
    rows: int, seed: int, as_of: date, workers: int, chunk_size: int = 2000
) -> BenchResult:
    tasks = [
        (start, min(chunk_size, rows - start), seed, as_of) for start in range(0, rows, chunk_size)
    ]
    outcomes: dict[str, Counter[str]] = {}
    evaluations = 0
    with_date = 0
    started = time.perf_counter()
    if workers <= 1:
        partials = map(screen_chunk, tasks)
        for partial in partials:
            evaluations, with_date = _merge(outcomes, partial, evaluations, with_date)
    else:
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        with context.Pool(processes=workers) as pool:
            for partial in pool.imap_unordered(screen_chunk, tasks):
                evaluations, with_date = _merge(outcomes, partial, evaluations, with_date)
    seconds = time.perf_counter() - started
    return BenchResult(rows, evaluations, seconds, workers, _peak_rss_mb(), outcomes, with_date)


def _merge(
    outcomes: dict[str, Counter[str]],
    partial: tuple[dict[str, Counter[str]], int, int],
    evaluations: int,
    with_date: int,
) -> tuple[int, int]:
    counts, more, dated = partial
    for check, counter in counts.items():
        outcomes.setdefault(check, Counter()).update(counter)
    return evaluations + more, with_date + dated


def default_workers() -> int:
    """Two workers where two cores are available (the target machine), else one."""
    available = (
        len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    )
    return max(1, min(2, available))
