from __future__ import annotations

from django.db.models import QuerySet

from lotse.cases.models import Case
from lotse.contacts.models import Contact


def get_latest_contacts(case: Case, limit: int = 5) -> list[Contact]:
    return list(case.contacts.select_related("interpreter", "by")[:limit])


def get_case_contacts(case: Case) -> QuerySet[Contact]:
    return case.contacts.select_related("interpreter", "by")
