"""Pre-screen a generated register of N rows the way a campaign import does, in chunks.

Each chunk is generated as CSV text, read, validated and screened inside a worker, which
returns only counters: memory stays bounded whatever N is.
"""

from __future__ import annotations

import datetime as dt
import gc
import multiprocessing
import random
import resource
import time
from collections import Counter

from lotse.residence.eligibility.bench import _peak_rss_mb

from .register import Screener, read_rows, validate

TITLES = (
    ("niederlassungserlaubnis", ""),
    ("aufenthaltserlaubnis", "25_2"),
    ("aufenthaltserlaubnis", "25_1"),
    ("aufenthaltserlaubnis", "18b"),
    ("aufenthaltserlaubnis", "16b"),
    ("aufenthaltserlaubnis", "28"),
    ("aufenthaltserlaubnis", "24"),
    ("daueraufenthalt_eu", ""),
    ("duldung", ""),
    ("aufenthaltsgestattung", ""),
    ("eu_freizuegigkeit", ""),
)
NATIONALITIES = ("SY", "AF", "TR", "IQ", "UA", "ER", "RS", "PL", "RO", "IN", "IR", "SD")
HEADER = "name;birth_date;nationality;entry_date;residence_title;residence_purpose;address\n"


def register_csv(start: int, count: int, seed: int, today: dt.date) -> str:
    rng = random.Random(seed * 1_000_003 + start)  # noqa: S311 - synthetic data
    lines = [HEADER]
    for number in range(start, start + count):
        age = max(1, min(85, int(rng.gauss(36, 14))))
        born = today - dt.timedelta(days=age * 365 + rng.randrange(365))
        years = min(age, rng.choice((1, 2, 3, 4, 4, 5, 5, 6, 7, 8, 10, 12, 15, 20)))
        entry = max(born, today - dt.timedelta(days=years * 365 + rng.randrange(365)))
        title, purpose = rng.choice(TITLES)
        nationality = rng.choice(NATIONALITIES)
        lines.append(
            f"Person {number};{born.isoformat()};{nationality};{entry.isoformat()};"
            f"{title};{purpose};Musterstraße {number % 200 + 1}, 53840 Troisdorf\n"
        )
    return "".join(lines)


_SCREENERS: dict[dt.date, Screener] = {}


def screen_chunk(task: tuple[int, int, int, dt.date]) -> tuple[Counter[str], int]:
    start, count, seed, today = task
    records = read_rows("chunk.csv", register_csv(start, count, seed, today).encode())
    rows, errors = validate(records, today)
    # One screener per process and day, as one import uses one for all its rows.
    screen = _SCREENERS.get(today) or _SCREENERS.setdefault(today, Screener(today))
    counts: Counter[str] = Counter()
    for row in rows:
        counts[screen(row).category] += 1
    return counts, len(errors)


def run(rows: int, seed: int, today: dt.date, workers: int, chunk: int = 2000):
    tasks = [(s, min(chunk, rows - s), seed, today) for s in range(0, rows, chunk)]
    total: Counter[str] = Counter()
    errors = 0
    started = time.perf_counter()
    cpu_before = _cpu_seconds()
    if workers <= 1:
        results = map(screen_chunk, tasks)
        for counts, bad in results:
            total.update(counts)
            errors += bad
    else:
        # The first chunk here: forked workers inherit the screener it warmed, so they do
        # not each run the engine again for the same classes of rows.
        counts, bad = screen_chunk(tasks[0])
        total.update(counts)
        errors += bad
        # Freeze the objects so far: the collector in a worker then leaves them alone and
        # does not copy every page of the parent (copy-on-write) by touching them.
        gc.freeze()
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        with context.Pool(processes=workers) as pool:
            for counts, bad in pool.imap_unordered(screen_chunk, tasks[1:]):
                total.update(counts)
                errors += bad
        gc.unfreeze()
    seconds = time.perf_counter() - started
    return total, errors, seconds, _peak_rss_mb(), _cpu_seconds() - cpu_before


def _cpu_seconds() -> float:
    """CPU time (user + system) of this process and its finished children: unlike the wall
    time it does not grow when other programs share the cores."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total
