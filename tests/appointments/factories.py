from __future__ import annotations

import datetime as dt

from django.utils import timezone

from lotse.appointments.models import Appointment, FollowUp, Interpreter


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def make_interpreter(municipality, name: str = "Amal Karimi", languages: str = "ar, fa"):
    return Interpreter.objects.create(municipality=municipality, name=name, languages=languages)


def make_appointment(
    organiser, cases, start: dt.datetime, minutes: int = 60, **fields
) -> Appointment:
    fields.setdefault("title", "Beratung")
    fields.setdefault("place", "Rathaus, Raum 12")
    appointment = Appointment.objects.create(
        municipality_id=organiser.organisation.municipality_id,
        organiser=organiser,
        starts_at=start,
        ends_at=start + dt.timedelta(minutes=minutes),
        **fields,
    )
    appointment.cases.set(cases)
    return appointment


def make_follow_up(case, due_on: dt.date, what: str = "Bescheid nachfragen") -> FollowUp:
    return FollowUp.objects.create(case=case, due_on=due_on, what=what)
