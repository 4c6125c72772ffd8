"""Who among a case manager's clients is close to a residence or naturalisation step.

Pure: works on plain client facts (arrival date, residence status, birth date). The
client record does not hold a residence history, so the stay since arrival is taken as
uninterrupted under the current status; the worklist says so ("if the stay has been
uninterrupted"), and the pre-check page is where the facts are completed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from django.utils.translation import gettext_lazy as _

from .eligibility import MET, evaluate
from .eligibility.dates import add_years
from .precheck import CLIENT_STATUS

#: How far ahead the worklist looks (issue 6: "e.g. § 25b in the next six months").
HORIZON_DAYS = 183
#: How long back a just-completed period is still shown.
RECENT_DAYS = 90
TIME_REQUIREMENTS = {
    "stag10": "STAG-RES-5Y",
    "aufenthg25a": "A25A-RES-3Y",
    "aufenthg25b": "A25B-RES",
}
#: What a case manager would gather, per requirement that is still open.
TO_GATHER = {
    "STAG-LANG": _("B1 German certificate"),
    "STAG-KNOW": _("citizenship test"),
    "STAG-LU": _("proof of livelihood without SGB II/XII"),
    "STAG-ID": _("passport or proof of identity"),
    "STAG-CAPACITY": _("date of birth"),
    "STAG-CRIM": _("certificate of good conduct"),
    "A25A-SCHOOL": _("proof of school attendance"),
    "A25A-AGE": _("date of birth"),
    "A25A-GENERAL": _("passport or proof of identity"),
    "A25A-PROGNOSIS": _("school reports and integration proofs"),
    "A25B-LANG": _("A2 German certificate"),
    "A25B-FDGO-KNOW": _("“Leben in Deutschland” test"),
    "A25B-LU": _("proof of income from work"),
    "A25B-SCHOOL-CHILDREN": _("children's school attendance proof"),
    "A25B-GENERAL": _("passport or proof of identity"),
}


@dataclass(frozen=True)
class Step:
    check: str
    due: dt.date
    to_gather: tuple[str, ...]


def client_facts(arrival: dt.date | None, status: str, born: dt.date | None) -> dict | None:
    engine_status = CLIENT_STATUS.get(status or "")
    if arrival is None or engine_status is None:
        return None
    facts: dict = {
        "entry_date": arrival.isoformat(),
        "residence_status": engine_status,
        "residence_periods": [{"status": engine_status, "from": arrival.isoformat(), "to": None}],
    }
    if born:
        facts["date_of_birth"] = born.isoformat()
    return facts


def checks_for(status: str, born: dt.date | None, today: dt.date) -> list[str]:
    if status == "toleration":
        checks = ["aufenthg25b"]
        if (
            born
            and add_years(born, 14) <= today + dt.timedelta(days=HORIZON_DAYS)
            and today < add_years(born, 27)
        ):
            checks.insert(0, "aufenthg25a")
        return checks
    if status in ("title", "settlement", "eu"):
        return ["stag10"]
    return []


def upcoming_steps(
    arrival: dt.date | None, status: str, born: dt.date | None, today: dt.date
) -> list[Step]:
    """Steps whose residence period completes between RECENT_DAYS ago and HORIZON_DAYS ahead
    and that nothing already rules out."""
    return [
        Step(check, due, tuple(dict.fromkeys(str(TO_GATHER[r]) for r in to_gather)))
        for check, due, to_gather in _upcoming(arrival, status, born, today)
    ]


@lru_cache(maxsize=8192)
def _upcoming(
    arrival: dt.date | None, status: str, born: dt.date | None, today: dt.date
) -> tuple[tuple[str, dt.date, tuple[str, ...]], ...]:
    """The steps as (check, due, requirement ids still to gather), in no language yet.

    Remembered: the rules are fixed while the process runs, and the start page asks the
    same question for the same clients every time it is opened on a day.
    """
    facts = client_facts(arrival, status, born)
    if facts is None:
        return ()
    steps = []
    for check in checks_for(status, born, today):
        try:
            result = evaluate(check, facts, today)
        except ValueError:
            continue
        time_id = TIME_REQUIREMENTS[check]
        due = None
        blocked = False
        gather: list[str] = []
        for requirement in result.requirements:
            if requirement.id == time_id:
                due = requirement.met_from
            elif requirement.status == "not_met" and not requirement.time_based:
                blocked = True
            elif requirement.status != MET and requirement.id in TO_GATHER:
                gather.append(requirement.id)
        if blocked or due is None:
            continue
        if today - dt.timedelta(days=RECENT_DAYS) <= due <= today + dt.timedelta(days=HORIZON_DAYS):
            steps.append((check, due, tuple(gather)))
    return tuple(steps)
