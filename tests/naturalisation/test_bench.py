"""The campaign benchmark screens every generated row through the real import path."""

import datetime as dt

from lotse.naturalisation.bench import run


def test_benchmark_screens_every_row_without_row_errors():
    counts, errors, _seconds, _peak, _cpu = run(300, 7, dt.date(2026, 11, 15), workers=1, chunk=100)
    assert errors == 0
    assert sum(counts.values()) == 300
    assert set(counts) <= {"now", "soon", "not"} and counts["now"] > 0


def test_two_workers_count_the_same_as_one():
    today = dt.date(2026, 11, 15)
    one = run(1200, 7, today, workers=1, chunk=200)
    two = run(1200, 7, today, workers=2, chunk=200)
    assert one[0] == two[0] and one[1] == two[1] == 0
