"""Interpreter bookings: one interpreter cannot be in two places at the same time."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone


@dataclass(frozen=True)
class Booking:
    start: dt.datetime
    end: dt.datetime
    kind: str  # "appointment" or "contact"
    pk: int


def overlaps(
    a_start: dt.datetime, a_end: dt.datetime, b_start: dt.datetime, b_end: dt.datetime
) -> bool:
    """Half-open intervals: one ending at 10:00 does not clash with one starting at 10:00."""
    return a_start < b_end and b_start < a_end


def get_interpreter_clash(
    interpreter_id: int,
    start: dt.datetime,
    end: dt.datetime,
    *,
    exclude_appointment_id: int | None = None,
    exclude_contact_id: int | None = None,
) -> Booking | None:
    """The first existing booking of the interpreter that overlaps [start, end), if any."""
    from lotse.appointments.models import Appointment
    from lotse.contacts.models import Contact

    appointment = (
        Appointment.objects.filter(
            interpreter_id=interpreter_id, starts_at__lt=end, ends_at__gt=start
        )
        .exclude(pk=exclude_appointment_id)
        .order_by("starts_at")
        .values_list("pk", "starts_at", "ends_at")
        .first()
    )
    if appointment is not None:
        return Booking(appointment[1], appointment[2], "appointment", appointment[0])
    first_day = timezone.localtime(start).date() - dt.timedelta(days=1)
    last_day = timezone.localtime(end).date()
    contacts = (
        Contact.objects.filter(
            interpreter_id=interpreter_id,
            date__range=(first_day, last_day),
            start_time__isnull=False,
        )
        .exclude(pk=exclude_contact_id)
        .only("pk", "date", "start_time", "duration_minutes")
    )
    for contact in contacts:
        interval = contact.interval()
        if interval and overlaps(start, end, *interval):
            return Booking(interval[0], interval[1], "contact", contact.pk)
    return None
