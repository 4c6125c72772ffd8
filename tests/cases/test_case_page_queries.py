"""The case page costs the same number of queries for a short case and a long one."""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lotse.cases.models import PhaseTransition
from tests.cases.factories import make_agreement, make_assessment

MAX_QUERIES = 20  # the case page with the sections of every app (forms are fetched when opened)


def grow(case, n: int) -> None:
    for i in range(n):
        PhaseTransition.objects.create(
            case=case, from_phase="implementation", to_phase="assessment", by=case.case_manager
        )
        make_assessment(
            case,
            {"language": ["low", "high"][i % 2], "work": "urgent", "housing": "none"},
            on=dt.date(2026, 1, 1) + dt.timedelta(days=i),
        )
    make_agreement(case, goals=n)


def page_queries(http, case) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert http.get(reverse("cases:detail", kwargs={"pk": case.pk})).status_code == 200
    return len(captured)


def test_case_page_queries_do_not_grow_with_the_history(cm, world, django_assert_max_num_queries):
    grow(world.case_a, 2)
    page_queries(cm, world.case_a)  # the first request of a session also touches the session
    small = page_queries(cm, world.case_a)
    with django_assert_max_num_queries(MAX_QUERIES):
        cm.get(reverse("cases:detail", kwargs={"pk": world.case_a.pk}))

    grow(world.case_a, 20)
    with django_assert_max_num_queries(MAX_QUERIES):
        cm.get(reverse("cases:detail", kwargs={"pk": world.case_a.pk}))
    assert page_queries(cm, world.case_a) == small
