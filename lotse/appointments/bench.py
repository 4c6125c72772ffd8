"""Benchmark rows: follow-ups on open cases and today's appointments (lotse bench's hook)."""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from lotse.appointments.models import Appointment, FollowUp
from lotse.cases.rules import Phase
from lotse.demo.generate import case_chunks

WHAT = (
    "Nachweis Sprachkurs anfordern",
    "Rückmeldung Jobcenter prüfen",
    "Antrag Wohnberechtigungsschein nachhalten",
    "Termin Anerkennungsberatung bestätigen",
)
APPOINTMENTS_PER_MANAGER_TODAY = 3


def bench_seed(cases, rng: random.Random) -> None:
    today = timezone.localdate()
    now = timezone.now()
    first_case: dict[int, int] = {}  # manager -> one of their open cases
    for chunk in case_chunks(cases):
        follow_ups = []
        for pk, phase, manager, _opened, _last in chunk:
            if phase == Phase.CLOSED:
                continue
            if manager is not None:
                first_case.setdefault(manager, pk)
            follow_ups.append(
                FollowUp(
                    case_id=pk,
                    due_on=today + dt.timedelta(days=rng.randint(-10, 60)),
                    what=rng.choice(WHAT),
                    created_by_id=manager,
                )
            )
            if rng.random() < 0.3:
                follow_ups.append(
                    FollowUp(
                        case_id=pk,
                        due_on=today - dt.timedelta(days=rng.randint(1, 200)),
                        what=rng.choice(WHAT),
                        done_at=now,
                        done_by_id=manager,
                        created_by_id=manager,
                    )
                )
        with transaction.atomic():
            FollowUp.objects.bulk_create(follow_ups, batch_size=5000)
    first = cases.first()
    if first is None:
        return
    start = timezone.make_aware(dt.datetime.combine(today, dt.time(9)))
    with transaction.atomic():
        for manager, case_pk in first_case.items():
            for slot in range(APPOINTMENTS_PER_MANAGER_TODAY):
                appointment = Appointment.objects.create(
                    municipality_id=first.municipality_id,
                    title="Beratungstermin",
                    starts_at=start + dt.timedelta(hours=2 * slot),
                    ends_at=start + dt.timedelta(hours=2 * slot, minutes=45),
                    organiser_id=manager,
                )
                appointment.cases.add(case_pk)


def bench_delete(cases) -> None:
    Appointment.objects.filter(cases__in=cases).delete()
