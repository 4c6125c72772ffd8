"""Permission matrix entries for contacts, interpreters, follow-ups and appointments."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from lotse.appointments.models import Appointment, FollowUp, Interpreter
from tests.matrix_common import CLIENT_RECORD

CASE_WORKERS_ALL = {"case_manager_a", "other_case_manager_a", "team_lead_a", "case_manager_b"}
POOL_READERS = CASE_WORKERS_ALL | {"coordinator_a"}
POOL_MANAGERS = {"team_lead_a", "coordinator_a"}


def interpreter(w) -> Interpreter:
    return Interpreter.objects.create(municipality=w.municipality_a, name="Amal K.", languages="ar")


def follow_up(w) -> FollowUp:
    return FollowUp.objects.create(case=w.case_a, due_on=dt.date(2026, 3, 1), what="Call back")


def appointment(w) -> Appointment:
    start = timezone.now() + dt.timedelta(days=1)
    item = Appointment.objects.create(
        municipality=w.municipality_a,
        title="Jobcenter",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=1),
        place="Jobcenter",
        organiser=w.case_manager_a,
    )
    item.cases.add(w.case_a)
    return item


MATRIX = {
    "appointments:list": (lambda w: {}, CASE_WORKERS_ALL),
    "appointments:add": (lambda w: {}, CASE_WORKERS_ALL),
    "appointments:detail": (lambda w: {"pk": appointment(w).pk}, CLIENT_RECORD),
    "appointments:edit": (lambda w: {"pk": appointment(w).pk}, CLIENT_RECORD),
    "appointments:ics": (lambda w: {"pk": appointment(w).pk}, CLIENT_RECORD),
    "appointments:calendar-ics": (lambda w: {}, CASE_WORKERS_ALL),
    "appointments:interpreters": (lambda w: {}, POOL_READERS),
    "appointments:interpreter-add": (lambda w: {}, POOL_MANAGERS),
    "appointments:interpreter-edit": (lambda w: {"pk": interpreter(w).pk}, POOL_MANAGERS),
    "appointments:case-languages": (lambda w: {"case_pk": w.case_a.pk}, CLIENT_RECORD),
    "appointments:followup-add": (lambda w: {"case_pk": w.case_a.pk}, CLIENT_RECORD, "post"),
    "appointments:followup": (lambda w: {"pk": follow_up(w).pk}, CLIENT_RECORD),
}
