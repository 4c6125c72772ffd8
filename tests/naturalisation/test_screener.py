"""The fast campaign screener gives exactly the answers of ``screen`` (the full engine)."""

from __future__ import annotations

import datetime as dt

import pytest

from lotse.naturalisation import register
from lotse.naturalisation.bench import TITLES, register_csv


def generated(start: int, count: int, seed: int, today: dt.date) -> list[dict]:
    records = register.read_rows("x.csv", register_csv(start, count, seed, today).encode())
    rows, errors = register.validate(records, today)
    assert errors == []
    return rows


def boundary_rows(today: dt.date) -> list[dict]:
    """Entry exactly 3, 5, 8 years ago and a day either side; ages 15/16/17/18 at the edge."""
    rows = []
    number = 2
    for years in (3, 5, 8):
        anniversary = today.replace(year=today.year - years)
        for shift in (-1, 0, 1):
            entry = anniversary + dt.timedelta(days=shift)
            for age in (15, 16, 17, 18, 40):
                birthday = today.replace(year=today.year - age)
                for born in (birthday - dt.timedelta(days=1), birthday, birthday + dt.timedelta(1)):
                    for title, purpose in TITLES:
                        for nationality in ("SY", "PL", "CH", "TR"):
                            rows.append(
                                {
                                    "row": number,
                                    "name": "X",
                                    "birth_date": born,
                                    "entry_date": max(entry, born),
                                    "nationality": nationality,
                                    "residence_title": title,
                                    "residence_purpose": purpose,
                                    "address": "Y",
                                }
                            )
                            number += 1
    return rows


@pytest.mark.parametrize(
    "today",
    # the 2024 law (3-year route), the day it ends, the 2025 law, the § 104c end
    [dt.date(2025, 6, 1), dt.date(2025, 10, 30), dt.date(2026, 11, 15), dt.date(2027, 7, 1)],
)
def test_the_screener_answers_like_the_engine_row_by_row(today):
    rows = generated(0, 3000, 11, today) + boundary_rows(today)
    screener = register.Screener(today)
    fast = [screener(row) for row in rows]
    assert fast == [register.screen(row, today) for row in rows]
    assert {s.category for s in fast} == {"now", "soon", "not"}


def test_the_screener_stays_right_when_its_memo_is_cleared():
    today = dt.date(2026, 11, 15)
    rows = generated(0, 600, 3, today)
    screener = register.Screener(today)
    screener.MAX_CLASSES = 5
    assert [screener(row) for row in rows] == [register.screen(row, today) for row in rows]
    assert len(screener._failures) <= 5 and len(screener._by_entry) <= 5


def test_register_facts_equal_the_parsed_facts():
    today = dt.date(2026, 11, 15)
    for row in generated(0, 200, 5, today):
        assert vars(register.register_facts(row)) == vars(
            register.parse_facts(register.row_facts(row))
        )
