from __future__ import annotations

from django.db.models import QuerySet

from lotse.cases.models import Case
from lotse.contacts.models import Contact
from lotse.core.prepared import Markers, children_of, prepared


@prepared
def _latest_contacts(p: Markers, limit: int):
    return Contact.objects.filter(case_id=p.int("case")).select_related("interpreter", "by")[:limit]


def get_latest_contacts(case: Case, limit: int = 5) -> list[Contact]:
    return children_of(case, _latest_contacts(limit=limit, case=case.pk), "case")


def get_case_contacts(case: Case) -> QuerySet[Contact]:
    return case.contacts.select_related("interpreter", "by")
