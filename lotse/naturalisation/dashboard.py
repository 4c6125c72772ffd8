"""Dashboard figures from the database: few aggregate queries, maths in ``stats``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from . import stats, workflow
from .models import Application, Status


def figures(scope, today: dt.date) -> dict[str, Any]:
    pending = list(scope.filter(status__in=workflow.OPEN).values_list("status", "received_on"))
    since = dt.date(today.year - 2, today.month, 1)
    decided = list(
        scope.filter(status__in=workflow.DECIDED_OUTCOMES, finished_on__gte=since).values_list(
            "received_on", "finished_on"
        )
    )
    durations = [(end - start).days for start, end in decided]
    decided_on = [end for _start, end in decided]
    table = stats.pending_by_age_and_step(pending, today)
    labels = dict(Status.choices)
    buckets = [label for _low, _high, label in stats.AGE_BUCKETS]
    rows = [
        (
            labels[step],
            [table.get(step, {}).get(b, 0) for b in buckets],
            sum(table.get(step, {}).values()),
        )
        for step in workflow.PIPELINE
        if step in workflow.OPEN
    ]
    rate, cleared = stats.forecast_clearance(len(pending), decided_on, today)
    months = stats.months_back(today, 12) + [stats.month_key(today)]
    per_month = stats.throughput_per_month(decided_on)
    return {
        "open_count": len(pending),
        "buckets": buckets,
        "rows": rows,
        "median_days": stats.median(durations),
        "p90_days": stats.percentile(durations, 90),
        "decided_count": len(durations),
        "rate": rate,
        "cleared_on": cleared,
        # (first day of the month, decisions): the page shows the month in the UI language
        "throughput": [(dt.date(int(m[:4]), int(m[5:7]), 1), per_month.get(m, 0)) for m in months],
    }


def export_rows(scope, today: dt.date) -> list[list[Any]]:
    """One row per application: the figures a report needs, no address or birth date."""
    rows = [["number", "received_on", "status", "status_since", "finished_on", "days_open"]]
    for app in scope.order_by("received_on", "pk").values_list(
        "number", "received_on", "status", "status_since", "finished_on"
    ):
        number, received, status, since, finished = app
        end = finished or today
        rows.append([number, received, status, since, finished or "", (end - received).days])
    return rows


__all__ = ["figures", "export_rows", "Application"]
