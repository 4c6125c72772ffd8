"""Date arithmetic for legal periods (§§ 187, 188 BGB as applied in RULES.md, section 2).

Conventions:

* "N years since D" is met on ``as_of`` when ``add_years(D, N) <= as_of``: residence since
  2021-11-15 gives five years on 2026-11-15, residence since 2021-11-16 does not.
* A period starting on a day that the target month lacks (29 February, 31 January + 1 month)
  ends with the last day of that month (§ 188 Abs. 3 BGB), so the requirement is met on the
  first day of the following month. Ages follow the same rule: a person born on 29 February
  completes a year of life at the start of 1 March in common years.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta

ONE_DAY = timedelta(days=1)


def parse_date(value: object, where: str) -> date:
    """An ISO date (``YYYY-MM-DD``) or a ``date``; ``where`` names the field in the error."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        if len(text) == 10:
            try:
                return date.fromisoformat(text)
            except ValueError:
                pass
    raise ValueError(f"{where}: not an ISO date (YYYY-MM-DD): {value!r}")


def add_years(start: date, years: int) -> date:
    """The first day on which ``years`` full calendar years since ``start`` have passed."""
    try:
        return start.replace(year=start.year + years)
    except ValueError:  # 29 February into a common year
        return date(start.year + years, 3, 1)


def add_months(start: date, months: int) -> date:
    """The first day on which ``months`` full calendar months since ``start`` have passed."""
    index = start.month - 1 + months
    year = start.year + index // 12
    month = index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    if start.day > last:  # § 188 Abs. 3 BGB: the period ends with the last day of the month
        return date(year, month, last) + ONE_DAY
    return date(year, month, start.day)


def age_on(date_of_birth: date, on: date) -> int:
    """Completed years of life on ``on`` (the year is completed at the start of the birthday)."""
    years = on.year - date_of_birth.year
    if add_years(date_of_birth, years) > on:
        years -= 1
    return years


def days_inclusive(first: date, last: date) -> int:
    """Number of days from ``first`` to ``last``, both included."""
    return (last - first).days + 1


def fmt(value: date | None) -> str:
    """German display format (``15.11.2026``) for reasons."""
    return f"{value.day:02d}.{value.month:02d}.{value.year}" if value else "?"
