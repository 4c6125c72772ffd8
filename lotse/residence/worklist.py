"""Follow-ups for case managers: clients close to a residence or naturalisation step."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.urls import reverse
from django.utils.translation import gettext as _

from lotse.cases import queries
from lotse.cases.permissions import cases_visible_to
from lotse.core.extensions import WorklistItem

from .outlook import upcoming_steps
from .precheck import CHECK_NAMES, client_birth_date

#: At most this many open cases are looked at (the worklist must stay cheap).
MAX_CASES = 300
CHECK_SHORT = {
    "stag10": "§ 10 StAG",
    "aufenthg25a": "§ 25a AufenthG",
    "aufenthg25b": "§ 25b AufenthG",
}


class _Born:
    __slots__ = ("birth_year", "birth_month", "birth_day")

    def __init__(self, row: dict) -> None:
        self.birth_year = row["client__birth_year"]
        self.birth_month = row["client__birth_month"]
        self.birth_day = row["client__birth_day"]


def items(user, today: dt.date, limit: int | None = None) -> Iterable[WorklistItem]:
    if not user.has_perm("cases.view_case_list") or not user.has_perm("residence.use_precheck"):
        return []
    rows = (
        queries.get_open_cases(cases_visible_to(user))
        .filter(client__arrival_date__isnull=False)
        .filter(client__residence_status__in=["toleration", "title", "settlement", "eu"])
        .order_by("pk")
        .values(
            "client_id",
            "client__family_name",
            "client__given_names",
            "client__arrival_date",
            "client__residence_status",
            "client__birth_year",
            "client__birth_month",
            "client__birth_day",
        )[:MAX_CASES]
    )
    found: list[WorklistItem] = []
    seen: set[int] = set()
    for row in rows:
        if row["client_id"] in seen:
            continue
        seen.add(row["client_id"])
        name = row["client__family_name"]
        if row["client__given_names"]:
            name = f"{name}, {row['client__given_names']}"
        steps = upcoming_steps(
            row["client__arrival_date"],
            row["client__residence_status"],
            client_birth_date(_Born(row)),
            today,
        )
        for step in steps:
            if step.due <= today:
                title = _("%(law)s: residence period complete (if uninterrupted)") % {
                    "law": CHECK_SHORT[step.check]
                }
            else:
                title = _("%(law)s: residence period completes soon (if uninterrupted)") % {
                    "law": CHECK_SHORT[step.check]
                }
            if step.to_gather:
                title += " – " + _("missing: %(what)s") % {"what": ", ".join(step.to_gather)}
            found.append(
                WorklistItem(
                    kind="residence_step",
                    title=title,
                    url=reverse("residence:consent", args=[step.check, row["client_id"]]),
                    due=step.due,
                    subject=name,
                )
            )
    found.sort(key=lambda item: item.due or today)
    return found[:limit]


__all__ = ["items", "CHECK_NAMES"]
