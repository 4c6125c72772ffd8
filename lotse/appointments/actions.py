"""Changes to interpreters, follow-ups and appointments: one transaction each, logged."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import F, Model
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from lotse.appointments.booking import Booking, get_interpreter_clash
from lotse.appointments.models import Appointment, FollowUp, Interpreter
from lotse.audit.actions import do_log_access
from lotse.cases.models import Case

if TYPE_CHECKING:
    from django.http import HttpRequest

    from lotse.accounts.models import User


class ConflictError(Exception):
    """Someone else saved the record since it was loaded; `current` is what is stored now."""

    def __init__(self, current: Model):
        super().__init__("conflict")
        self.current = current


class InterpreterBookedError(Exception):
    """The interpreter is booked elsewhere at that time."""

    def __init__(self, interpreter: Interpreter, clash: Booking):
        start, end = timezone.localtime(clash.start), timezone.localtime(clash.end)
        self.message = _(
            "%(name)s is already booked on %(date)s from %(start)s to %(end)s. "
            "Please choose another time or another interpreter."
        ) % {
            "name": interpreter.name,
            "date": formats.date_format(start.date(), "SHORT_DATE_FORMAT"),
            "start": formats.time_format(start.time(), "H:i"),
            "end": formats.time_format(end.time(), "H:i"),
        }
        super().__init__(self.message)


def check_interpreter_free(
    interpreter: Interpreter | None,
    start: dt.datetime,
    end: dt.datetime,
    *,
    exclude_appointment_id: int | None = None,
    exclude_contact_id: int | None = None,
) -> None:
    """Raise InterpreterBookedError on a clash. Call inside the booking's transaction:
    the interpreter's row is locked, so two simultaneous bookings cannot both pass."""
    if interpreter is None:
        return
    Interpreter.objects.select_for_update().filter(pk=interpreter.pk).first()
    clash = get_interpreter_clash(
        interpreter.pk,
        start,
        end,
        exclude_appointment_id=exclude_appointment_id,
        exclude_contact_id=exclude_contact_id,
    )
    if clash is not None:
        raise InterpreterBookedError(interpreter, clash)


def _save_versioned(instance: Model, expected_version: int) -> None:
    current = type(instance).objects.select_for_update().get(pk=instance.pk)
    if current.version != expected_version:
        raise ConflictError(current)
    instance.version = current.version + 1
    instance.save()


# Interpreters -------------------------------------------------------------------------


@transaction.atomic
def do_create_interpreter(*, acting_user: User, **fields) -> Interpreter:
    interpreter = Interpreter.objects.create(
        municipality_id=acting_user.organisation.municipality_id, **fields
    )
    do_log_access(
        acting_user=acting_user, action="appointments.interpreter.created", obj=interpreter
    )
    return interpreter


@transaction.atomic
def do_change_interpreter(
    *, acting_user: User, interpreter: Interpreter, expected_version: int, changed: Iterable[str]
) -> Interpreter:
    _save_versioned(interpreter, expected_version)
    do_log_access(
        acting_user=acting_user,
        action="appointments.interpreter.changed",
        obj=interpreter,
        detail=", ".join(changed),
    )
    return interpreter


# Follow-ups ---------------------------------------------------------------------------


@transaction.atomic
def do_create_follow_up(
    *,
    acting_user: User | None,
    case: Case,
    due_on: dt.date,
    what: str,
    source: str = "",
    request: HttpRequest | None = None,
) -> FollowUp:
    """A follow-up on `case`. Other apps may call this with a `source` code and no user."""
    follow_up = FollowUp.objects.create(
        case=case, due_on=due_on, what=what, source=source, created_by=acting_user
    )
    if acting_user is not None:
        do_log_access(
            acting_user=acting_user,
            action="appointments.followup.created",
            obj=follow_up,
            detail=f"case {case.pk}",
            request=request,
        )
    return follow_up


@transaction.atomic
def do_complete_follow_up(
    *, acting_user: User, follow_up: FollowUp, expected_version: int, request: HttpRequest | None
) -> FollowUp:
    """Mark done. If someone changed or completed it meanwhile, ConflictError."""
    now = timezone.now()
    updated = FollowUp.objects.filter(
        pk=follow_up.pk, version=expected_version, done_at__isnull=True
    ).update(done_at=now, done_by=acting_user, version=F("version") + 1)
    if not updated:
        raise ConflictError(FollowUp.objects.select_related("done_by").get(pk=follow_up.pk))
    follow_up.refresh_from_db()
    do_log_access(
        acting_user=acting_user,
        action="appointments.followup.changed",
        obj=follow_up,
        detail="done",
        request=request,
    )
    return follow_up


# Appointments -------------------------------------------------------------------------


def _log_appointment(acting_user: User, appointment: Appointment, verb: str, request) -> None:
    numbers = ", ".join(str(pk) for pk in appointment.cases.values_list("pk", flat=True))
    do_log_access(
        acting_user=acting_user,
        action=f"appointments.appointment.{verb}",
        obj=appointment,
        detail=f"cases {numbers}",
        request=request,
    )


@transaction.atomic
def do_create_appointment(
    *,
    acting_user: User,
    cases: Iterable[Case],
    request: HttpRequest | None = None,
    **fields,
) -> Appointment:
    """An appointment organised by `acting_user`; raises InterpreterBookedError on a clash."""
    appointment = Appointment(
        municipality_id=acting_user.organisation.municipality_id, organiser=acting_user, **fields
    )
    check_interpreter_free(appointment.interpreter, appointment.starts_at, appointment.ends_at)
    appointment.save()
    appointment.cases.set(list(cases))
    _log_appointment(acting_user, appointment, "created", request)
    return appointment


@transaction.atomic
def do_change_appointment(
    *,
    acting_user: User,
    appointment: Appointment,
    expected_version: int,
    visible_cases: Iterable[Case],
    chosen_cases: Iterable[Case],
    request: HttpRequest | None = None,
) -> Appointment:
    """Save changes. Participants the user cannot see are kept as they were."""
    check_interpreter_free(
        appointment.interpreter,
        appointment.starts_at,
        appointment.ends_at,
        exclude_appointment_id=appointment.pk,
    )
    _save_versioned(appointment, expected_version)
    visible_ids = {case.pk for case in visible_cases}
    hidden = [pk for pk in appointment.cases.values_list("pk", flat=True) if pk not in visible_ids]
    appointment.cases.set([*hidden, *(case.pk for case in chosen_cases)])
    _log_appointment(acting_user, appointment, "changed", request)
    return appointment
