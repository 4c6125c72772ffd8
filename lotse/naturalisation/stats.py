"""Dashboard maths for the naturalisation pipeline (pure Python).

* processing time: days from received to the decision on the merits (certificate handed
  over or rejected); withdrawn applications are left out;
* percentiles by the nearest-rank method (p-th percentile = the value at rank ⌈p/100·n⌉ of
  the sorted list), so the figure is always a real application's time;
* throughput: applications decided per calendar month;
* forecast: open applications ÷ mean monthly throughput over the last ``window`` full
  months; no forecast when nothing was decided in that window.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Iterable, Sequence

AGE_BUCKETS: tuple[tuple[int, int | None, str], ...] = (
    (0, 90, "0–3"),
    (91, 180, "3–6"),
    (181, 365, "6–12"),
    (366, 730, "12–24"),
    (731, None, "> 24"),
)


def percentile(values: Sequence[float], p: float) -> float | None:
    """Nearest-rank percentile; ``None`` for no values."""
    if not values:
        return None
    if not 0 < p <= 100:
        raise ValueError("p must be in (0, 100]")
    ordered = sorted(values)
    rank = math.ceil(p / 100 * len(ordered))
    return ordered[max(rank, 1) - 1]


def median(values: Sequence[float]) -> float | None:
    """The ordinary median (mean of the two middle values for an even count)."""
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[middle])
    return (ordered[middle - 1] + ordered[middle]) / 2


def age_bucket(days: int) -> str:
    for low, high, label in AGE_BUCKETS:
        if days >= low and (high is None or days <= high):
            return label
    return AGE_BUCKETS[0][2]


def pending_by_age_and_step(
    pending: Iterable[tuple[str, dt.date]], today: dt.date
) -> dict[str, Counter[str]]:
    """``{step: Counter(age bucket label -> n)}`` from (status, received_on) pairs."""
    table: dict[str, Counter[str]] = {}
    for status, received in pending:
        table.setdefault(status, Counter())[age_bucket((today - received).days)] += 1
    return table


def month_key(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def months_back(today: dt.date, count: int) -> list[str]:
    """The last ``count`` full months before ``today``'s month, oldest first."""
    keys = []
    year, month = today.year, today.month
    for _ in range(count):
        month -= 1
        if month == 0:
            year, month = year - 1, 12
        keys.append(f"{year:04d}-{month:02d}")
    return list(reversed(keys))


def throughput_per_month(decided_on: Iterable[dt.date]) -> dict[str, int]:
    counts = Counter(month_key(day) for day in decided_on)
    return dict(sorted(counts.items()))


def forecast_clearance(
    open_count: int, decided_on: Sequence[dt.date], today: dt.date, window: int = 6
) -> tuple[float | None, dt.date | None]:
    """(mean decisions per month, day the backlog is cleared) at the current rate."""
    keys = set(months_back(today, window))
    in_window = sum(1 for day in decided_on if month_key(day) in keys)
    rate = in_window / window
    if open_count == 0:
        return rate, today
    if rate == 0:
        return rate, None
    months = open_count / rate
    return rate, today + dt.timedelta(days=math.ceil(months * 30.4375))
