"""Reading barrier reports; each function takes an already permission-scoped queryset."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from lotse.barriers.models import BarrierReport

FILTERS = {
    "field_of_action": "field_of_action",
    "affected_organisation": "affected_organisation",
    "reporting_organisation": "reporting_organisation",
    "month_from": "reported_month__gte",
    "month_to": "reported_month__lte",
    "q": "description__icontains",
}


def get_filtered_reports(
    scope: QuerySet[BarrierReport], filters: dict[str, Any]
) -> QuerySet[BarrierReport]:
    """Apply the filters that have a value; unknown keys are ignored."""
    lookups = {FILTERS[key]: value for key, value in filters.items() if key in FILTERS and value}
    return scope.filter(**lookups).select_related(
        "field_of_action", "affected_organisation", "reporting_organisation"
    )
