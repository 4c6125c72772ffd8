"""``evaluate(check, facts, as_of)``: the entry point, and the ``eligible_from`` projection."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from .aufenthg25a import evaluate_25a
from .aufenthg25b import evaluate_25b
from .dates import parse_date
from .facts import Facts, FactsError, Period, parse_facts
from .law import LAW_CHANGES, MIN_AS_OF
from .result import DISCRETION, ELIGIBLE, MET, NOT_MET, EligibilityResult, Requirement, aggregate
from .stag10 import evaluate_stag10

Check = Callable[[Facts, date, date], list[Requirement]]

CHECKS: dict[str, Check] = {
    "stag10": evaluate_stag10,
    "aufenthg25a": evaluate_25a,
    "aufenthg25b": evaluate_25b,
}

#: How many times the projection may move the candidate date (a minor child turning 18
#: can move the § 25b date from 4 to 6 years; each step needs a fresh evaluation).
MAX_PROJECTION_STEPS = 8


class UnknownCheck(ValueError):
    """The check name is not one of ``CHECKS``."""


def parse_as_of(value: date | str) -> date:
    """``as_of`` as a date; rejects dates before the modelled law (``MIN_AS_OF``)."""
    try:
        day = parse_date(value, "as_of")
    except ValueError as error:
        raise FactsError(str(error)) from None
    if day < MIN_AS_OF:
        raise FactsError(f"as_of: {day} is before {MIN_AS_OF}; older law is not modelled")
    return day


def evaluate(check: str, facts: Mapping[str, Any] | Facts, as_of: date | str) -> EligibilityResult:
    """Pre-check ``facts`` for ``check`` ("stag10", "aufenthg25a", "aufenthg25b") on ``as_of``.

    ``facts`` uses the field dictionary of RULES.md (section 6); ``as_of`` is a date or an
    ISO string and is the decision date: the law in force on that day applies. Raises
    ``UnknownCheck`` or ``FactsError`` (both ``ValueError``) for unusable input.
    """
    run = CHECKS.get(check.strip().lower()) if isinstance(check, str) else None
    if run is None:
        raise UnknownCheck(f"unknown check {check!r}; expected one of {', '.join(CHECKS)}")
    day = parse_as_of(as_of)
    parsed = parse_facts(facts)
    application = parsed.application_date or day
    requirements = run(parsed, day, application)
    outcome, missing = aggregate(requirements)
    eligible_from = None
    if outcome != ELIGIBLE:
        candidate = _waiting_for(requirements, day)
        if candidate is not None:
            eligible_from = _project(run, parsed, day, candidate)
    return EligibilityResult(check, day, outcome, missing, requirements, eligible_from)


def _waiting_for(requirements: list[Requirement], after: date) -> date | None:
    """The day all time-based requirements are complete, if only they stand in the way.

    Every other requirement must already be met ("when the rest already holds"); a
    time-based one may be ``not_met`` or at discretion (the 3-year route) but needs a known
    completion day.
    """
    latest = None
    for requirement in requirements:
        if requirement.status == MET:
            continue
        if not requirement.time_based or requirement.status not in (NOT_MET, DISCRETION):
            return None
        if requirement.met_from is None or requirement.met_from <= after:
            return None
        if latest is None or requirement.met_from > latest:
            latest = requirement.met_from
    return latest


def _project(run: Check, facts: Facts, as_of: date, candidate: date) -> date | None:
    """The first day after ``as_of`` on which the check gives ``eligible``, if nothing changes.

    The period that covers ``as_of`` is taken as ongoing, later periods and absences are
    dropped (they are plans, not facts), and an application not yet filed is assumed to be
    filed on the day tried. The law in force on that day applies: days on which the law
    changes before the candidate are tried too, because a reform can bring the date forward
    (the 5-year rule of 27.06.2024) or end a route (the § 104c transition).
    """
    projected = _projected_facts(facts, as_of)
    days = _with_law_changes([candidate], as_of)
    for _ in range(MAX_PROJECTION_STEPS):
        if not days:
            return None
        day = days.pop(0)
        requirements = run(projected, day, facts.application_date or day)
        outcome, _missing = aggregate(requirements)
        if outcome == ELIGIBLE:
            return day
        following = _waiting_for(requirements, day)
        if following is not None and following not in days:
            days = _with_law_changes([*days, following], day)
    return None


def _with_law_changes(days: list[date], after: date) -> list[date]:
    """``days`` plus the law changes between ``after`` and the last of them, sorted."""
    last = max(days)
    return sorted(set(days) | {change for change in LAW_CHANGES if after < change < last})


def _projected_facts(facts: Facts, as_of: date) -> Facts:
    periods = None
    if facts.residence_periods is not None:
        kept: list[Period] = []
        for period in facts.residence_periods:
            if period.start > as_of:
                continue
            if period.end is None or period.end >= as_of:
                period = period._replace(end=None)
            kept.append(period)
        periods = tuple(kept)
    absences = None
    if facts.absences_abroad is not None:
        absences = tuple(a for a in facts.absences_abroad if a.start <= as_of)
    return replace(facts, residence_periods=periods, absences_abroad=absences)
