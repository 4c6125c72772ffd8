"""Uninterrupted residence up to a date, from ``residence_periods[]`` and ``absences_abroad[]``.

Each check says per period whether it *counts* (lawful residence for § 10 StAG; erlaubt,
geduldet or gestattet for §§ 25a/25b), *bridges* (does not count but does not interrupt
either: § 12b Abs. 3 StAG late extension, § 60b time under § 60b Abs. 5 S. 1 AufenthG),
*breaks* the run (Duldung for StAG, no status), or is *unknown* (a Gestattung whose asylum
outcome is not recorded). Days that no period covers are *undocumented* and are never
guessed: a run that stops there is reported as unknown unless it is long enough anyway.

The walk goes backwards from ``as_of`` and stops at the first interruption; §§ 25a/25b allow
one interruption of up to three months (BMI application notes on § 25b; Nds. practice for
§ 25a), which is bridged but not counted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from .dates import ONE_DAY, add_months, add_years
from .facts import Absence, Period

COUNT = 4
BRIDGE = 3
UNKNOWN = 2
BREAK = 1
GAP = 0  # no period covers these days

KindOf = Callable[[Period], tuple[int, str | None]]


class Segment(NamedTuple):
    start: date
    end: date
    kind: int
    note: str | None  # what made it unknown / what broke it


@dataclass(frozen=True, slots=True)
class Run:
    """The uninterrupted stretch that ends on ``as_of``.

    ``start`` is ``None`` when the status on ``as_of`` itself does not count or bridge.
    ``stop`` tells why the walk ended: ``"begin"`` (earliest record reached), ``"break"``,
    ``"absence"``, ``"unknown"`` or ``"gap"``; ``stop_segment`` is the segment it ended at.
    """

    start: date | None
    uncounted_days: int
    current_kind: int
    stop: str
    stop_segment: Segment | None
    tolerated: Segment | None = None

    def complete_on(self, years: int = 0, months: int = 0) -> date | None:
        """The day on which ``years``/``months`` of counted time are complete."""
        if self.start is None:
            return None
        end = add_years(self.start, years) if years else self.start
        if months:
            end = add_months(end, months)
        return end + timedelta(days=self.uncounted_days)

    @property
    def open_ended(self) -> bool:
        """Whether the stop could hide earlier qualifying time (unknown or undocumented)."""
        return self.stop in ("unknown", "gap")


def segments(
    periods: tuple[Period, ...],
    as_of: date,
    kind_of: KindOf,
    breaking_absences: list[Absence],
) -> list[Segment]:
    """Non-overlapping segments from the earliest record to ``as_of``.

    Where periods overlap the better kind wins (a new title may start the day an old one
    ends); breaking absences override the status for their days.
    """
    relevant = [p for p in periods if p.start <= as_of]
    if not relevant:
        return []
    limit = as_of + ONE_DAY
    spans: list[tuple[date, date, int, str | None]] = []
    bounds = {relevant[0].start, limit}
    for period in relevant:
        end = period.end if period.end is not None and period.end < as_of else as_of
        kind, note = kind_of(period)
        spans.append((period.start, end, kind, note))
        bounds.add(period.start)
        bounds.add(end + ONE_DAY)
    first = min(bounds)
    cut_absences: list[tuple[date, date]] = []
    for absence in breaking_absences:
        start = max(absence.start, first)
        end = absence.end if absence.end is not None and absence.end < as_of else as_of
        if start <= end:
            cut_absences.append((start, end))
            bounds.add(start)
            bounds.add(end + ONE_DAY)
    ordered = sorted(b for b in bounds if b <= limit)
    result: list[Segment] = []
    for left, right in zip(ordered, ordered[1:], strict=False):
        last = right - ONE_DAY
        kind, note = GAP, None
        for a_start, a_end in cut_absences:
            if a_start <= left <= a_end:
                kind, note = BREAK, "absence"
                break
        else:
            for s_start, s_end, s_kind, s_note in spans:
                if s_start <= left <= s_end and s_kind > kind:
                    kind, note = s_kind, s_note
        if result and result[-1].kind == kind and result[-1].note == note:
            result[-1] = Segment(result[-1].start, last, kind, note)
        else:
            result.append(Segment(left, last, kind, note))
    return result


def _simple_segments(
    periods: tuple[Period, ...], as_of: date, kind_of: KindOf
) -> list[Segment] | None:
    """Segments for the common case of sorted, non-overlapping periods without absences.

    Returns ``None`` when periods overlap, so the general sweep in ``segments`` decides.
    """
    result: list[Segment] = []
    previous_end: date | None = None
    for period in periods:
        if period.start > as_of:
            break
        if previous_end is not None:
            if period.start <= previous_end:
                return None
            if (period.start - previous_end).days > 1:
                result.append(Segment(previous_end + ONE_DAY, period.start - ONE_DAY, GAP, None))
        end = period.end if period.end is not None and period.end < as_of else as_of
        kind, note = kind_of(period)
        result.append(Segment(period.start, end, kind, note))
        previous_end = end
    if previous_end is not None and previous_end < as_of:
        result.append(Segment(previous_end + ONE_DAY, as_of, GAP, None))
    return result


def current_run(
    periods: tuple[Period, ...],
    as_of: date,
    kind_of: KindOf,
    breaking_absences: list[Absence] | None = None,
    tolerance_months: int = 0,
) -> Run:
    """Walk back from ``as_of`` and return the uninterrupted run (see module docstring)."""
    parts = None if breaking_absences else _simple_segments(periods, as_of, kind_of)
    if parts is None:
        parts = segments(periods, as_of, kind_of, breaking_absences or [])
    if not parts:
        return Run(None, 0, GAP, "gap", Segment(as_of, as_of, GAP, None))
    current_kind = parts[-1].kind
    start: date | None = None
    uncounted = 0
    tolerated: Segment | None = None
    for part in reversed(parts):
        length = (part.end - part.start).days + 1
        if part.kind == COUNT:
            start = part.start
            continue
        if part.kind == BRIDGE:
            start = part.start
            uncounted += length
            continue
        if (
            tolerance_months
            and tolerated is None
            and start is not None
            and part.end < add_months(part.start, tolerance_months)
        ):
            tolerated = part
            uncounted += length
            start = part.start
            continue
        if part.kind == UNKNOWN:
            stop = "unknown"
        elif part.kind == GAP:
            stop = "gap"
        elif part.note == "absence":
            stop = "absence"
        else:
            stop = "break"
        return Run(start, uncounted, current_kind, stop, part, tolerated)
    return Run(start, uncounted, current_kind, "begin", None, tolerated)


def long_absences(absences: tuple[Absence, ...] | None, as_of: date, months: int) -> list[Absence]:
    """Absences (up to ``as_of``) longer than ``months`` months (§ 12b Abs. 1 StAG: six)."""
    if not absences:
        return []
    result = []
    for absence in absences:
        if absence.start > as_of:
            continue
        end = absence.end if absence.end is not None and absence.end < as_of else as_of
        if end >= add_months(absence.start, months):
            result.append(absence)
    return result


def past_absences(absences: tuple[Absence, ...] | None, as_of: date) -> list[Absence]:
    """All absences that began on or before ``as_of``."""
    if not absences:
        return []
    return [absence for absence in absences if absence.start <= as_of]
