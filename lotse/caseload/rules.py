"""Caseload maths (no Django import): open cases set against full-time positions.

KIM staffing is planned in full-time equivalents (FTE, Stellenanteile) per
location or town, e.g. Ennepe-Ruhr-Kreis 7.0 positions over nine towns. The
figure team leads and coordinators compare is open cases per full-time position.

Coordinators see the number of open cases per location unsuppressed: it carries
no attribute of any client (no phase, district, nationality ...), so it cannot
single anyone out, and small towns with a 0.3 position must see their load too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal


def cases_per_fte(open_cases: int, fte: Decimal | None) -> Decimal | None:
    """Open cases per full-time position, one decimal; None when no FTE is planned."""
    if fte is None or fte <= 0:
        return None
    return (Decimal(open_cases) / fte).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class LocationLoad:
    """One row of the per-location caseload."""

    location_id: int | None
    location: str
    organisation: str
    fte: Decimal | None
    open_cases: int

    @property
    def per_fte(self) -> Decimal | None:
        return cases_per_fte(self.open_cases, self.fte)


@dataclass(frozen=True)
class CaseManagerLoad:
    """One row of the per-case-manager caseload (team leads only)."""

    user_id: int
    name: str
    location: str
    open_cases: int


def total(rows: Iterable[LocationLoad], label: str) -> LocationLoad:
    """The sum over `rows`: all open cases against all planned positions."""
    rows = list(rows)
    fte = sum((row.fte or Decimal("0") for row in rows), Decimal("0"))
    return LocationLoad(
        location_id=None,
        location=label,
        organisation="",
        fte=fte,
        open_cases=sum(row.open_cases for row in rows),
    )
