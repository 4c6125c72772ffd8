"""Read-only queries: who speaks a language, a case's follow-ups and appointments."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import get_language_info

from lotse.accounts.models import Role, User
from lotse.appointments.models import Appointment, FollowUp, Interpreter, split_languages
from lotse.cases.models import Case
from lotse.core.prepared import Markers, children_of, prepared


def language_label(code: str) -> str:
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


@dataclass
class LanguageMatch:
    code: str
    label: str
    staff: list[User] = field(default_factory=list)
    interpreters: list[Interpreter] = field(default_factory=list)


def _any_of(field_name: str, codes: list[str]) -> Q:
    query = Q(pk__in=[])
    for code in codes:
        query |= Q(**{f"{field_name}__icontains": code})
    return query


def get_language_matches(
    municipality_id: int, interpreters: QuerySet[Interpreter], codes: list[str]
) -> list[LanguageMatch]:
    """For each language: the active counselling staff and the active interpreters speaking it.

    Two queries whatever the number of languages; the coarse `icontains` is refined
    on the parsed codes (so "ar" does not match "tar").
    """
    matches = [LanguageMatch(code, language_label(code)) for code in codes]
    if not codes:
        return matches
    staff = (
        User.objects.filter(
            organisation__municipality_id=municipality_id,
            is_active=True,
            role__in=[Role.CASE_MANAGER, Role.TEAM_LEAD],
        )
        .filter(_any_of("languages", codes))
        .select_related("organisation", "location")
        .order_by("last_name", "first_name")
    )
    pool = interpreters.filter(active=True).filter(_any_of("languages", codes))
    staff, pool = list(staff), list(pool)
    for match in matches:
        match.staff = [u for u in staff if match.code in split_languages(u.languages)]
        match.interpreters = [i for i in pool if match.code in i.language_codes]
    return matches


@prepared
def _open_follow_ups(p: Markers):
    return FollowUp.objects.open().filter(case_id=p.int("case")).order_by("due_on", "pk")[:20]


def get_open_follow_ups(case: Case) -> list[FollowUp]:
    return children_of(case, _open_follow_ups(case=case.pk), "case")


@prepared
def _upcoming_appointments(p: Markers, limit: int):
    return (
        Appointment.objects.filter(cases=p.int("case"), ends_at__gte=p.datetime("now"))
        .select_related("location", "interpreter")
        .order_by("starts_at")[:limit]
    )


def get_upcoming_appointments(case: Case, now: dt.datetime, limit: int = 5) -> list[Appointment]:
    return _upcoming_appointments(limit=limit, case=case.pk, now=now)


def day_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """Start of `day` and of the next day, as aware datetimes in the local time zone."""
    start = timezone.make_aware(dt.datetime.combine(day, dt.time.min))
    end = timezone.make_aware(dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min))
    return start, end
