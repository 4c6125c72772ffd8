"""Demo data: an interpreter pool per municipality; in Troisdorf also contacts,
follow-ups (some overdue, some due today) and appointments (some today)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from lotse.accounts.models import Location, Role, User
from lotse.appointments.models import Appointment, FollowUp, Interpreter
from lotse.cases.models import Case
from lotse.cases.rules import OPEN_PHASES
from lotse.contacts.models import Channel, Contact

POOLS = {
    "troisdorf": [
        ("Amal Karimi", "ar, ku", "Montag bis Donnerstag vormittags"),
        ("Farid Haidari", "fa, prs, ps", "nachmittags, nach Absprache"),
        ("Olha Bondar", "uk, ru", "Dienstag und Freitag"),
        ("Ayşe Kaya", "tr, ku", "ganztags außer mittwochs"),
        ("Ioana Popescu", "ro", "nur telefonisch oder per Video"),
    ],
    "ennepe-ruhr-kreis": [
        ("Samir Haddad", "ar", "Witten und Hattingen, vormittags"),
        ("Nadiia Kovalenko", "uk, ru", "kreisweit, nach Absprache"),
    ],
}
FOLLOW_UPS = [
    "Bescheid des Jobcenters nachfragen",
    "Anmeldung Integrationskurs prüfen",
    "Termin Ausländerbehörde vorbereiten",
    "Kita-Platz: Rückmeldung der Stadt",
    "Unterlagen Wohnberechtigungsschein vollständig?",
    "Anerkennung des Berufsabschlusses nachhalten",
    "Rückruf Schule wegen Sprachförderung",
]
NOTES = [
    "Erstgespräch, Situation und Bedarfe besprochen.",
    "Unterlagen für den Jobcenter-Antrag gemeinsam sortiert.",
    "Telefonisch an den Termin bei der Ausländerbehörde erinnert.",
    "Begleitung zum Bürgeramt (Anmeldung).",
    "Rückfragen zum Integrationskurs geklärt.",
]
CHANNELS = [Channel.IN_PERSON, Channel.IN_PERSON, Channel.PHONE, Channel.VIDEO, Channel.HOME_VISIT]


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def load(municipality, *, rng, stdout) -> None:
    pool = Interpreter.objects.bulk_create(
        Interpreter(municipality=municipality, name=name, languages=languages, availability=note)
        for name, languages, note in POOLS.get(municipality.slug, [])
    )
    if municipality.slug != "troisdorf":
        return
    today = timezone.localdate()
    locations = list(Location.objects.filter(organisation__municipality=municipality))
    managers = list(
        User.objects.filter(
            organisation__municipality=municipality, role=Role.CASE_MANAGER
        ).order_by("pk")
    )
    contacts: list[Contact] = []
    follow_ups: list[FollowUp] = []
    counts = {"appointments": 0}
    for manager in managers:
        cases = list(
            Case.objects.filter(
                case_manager=manager, phase__in=[p.value for p in OPEN_PHASES]
            ).order_by("pk")[:14]
        )
        for index, case in enumerate(cases):
            last = case.last_contact_on or today
            for back in range(rng.randint(1, 4)):
                with_pool = back == 0 and rng.random() < 0.3
                contacts.append(
                    Contact(
                        case=case,
                        date=last - dt.timedelta(days=back * rng.randint(7, 30)),
                        channel=rng.choice(CHANNELS),
                        duration_minutes=rng.choice([15, 30, 45, 60, 90]),
                        location=""
                        if back
                        else (manager.location.name if manager.location else ""),
                        interpreter=rng.choice(pool) if with_pool else None,
                        interpreter_other="" if with_pool or rng.random() < 0.8 else "Bruder",
                        note=rng.choice(NOTES),
                        by=manager,
                    )
                )
            if index < 3:
                due = today - dt.timedelta(days=rng.randint(1, 12))  # overdue
            elif index < 5:
                due = today
            elif index < 9:
                due = today + dt.timedelta(days=rng.randint(1, 6))
            else:
                due = today + dt.timedelta(days=rng.randint(10, 60))
            follow_ups.append(
                FollowUp(case=case, due_on=due, what=rng.choice(FOLLOW_UPS), created_by=manager)
            )
        if not cases:
            continue
        place = manager.location or (locations[0] if locations else None)
        plans = [
            (today, 10, 0, 60, "Beratungsgespräch", cases[:1], pool[0] if pool else None),
            (today, 14, 30, 45, "Gemeinsame Durchsicht der Unterlagen", cases[1:2], None),
            (today + dt.timedelta(days=1), 9, 0, 60, "Termin Ausländerbehörde", cases[2:3], None),
            (today + dt.timedelta(days=3), 11, 0, 60, "Zielvereinbarung", cases[3:4], None),
        ]
        for day, hour, minute, minutes, title, members, interpreter in plans:
            if not members:
                continue
            start = _at(day, hour, minute)
            appointment = Appointment.objects.create(
                municipality=municipality,
                title=title,
                starts_at=start,
                ends_at=start + dt.timedelta(minutes=minutes),
                location=place,
                interpreter=interpreter if manager == managers[0] else None,
                organiser=manager,
            )
            appointment.cases.set(members)
            counts["appointments"] += 1
        session = Appointment.objects.create(
            municipality=municipality,
            title="Informationsabend Einbürgerung",
            starts_at=_at(today + dt.timedelta(days=7), 18),
            ends_at=_at(today + dt.timedelta(days=7), 19, 30),
            place="Haus International, Saal",
            organiser=manager,
        )
        session.cases.set(cases[4:9])
        counts["appointments"] += 1
    Contact.objects.bulk_create(contacts)
    FollowUp.objects.bulk_create(follow_ups)
    stdout.write(
        f"  {municipality.name}: {len(pool)} interpreters, {len(contacts)} contacts, "
        f"{len(follow_ups)} follow-ups, {counts['appointments']} appointments"
    )


def delete(municipalities) -> None:
    Contact.objects.filter(case__municipality__in=municipalities).delete()
    FollowUp.objects.filter(case__municipality__in=municipalities).delete()
    Appointment.objects.filter(municipality__in=municipalities).delete()
    Interpreter.objects.filter(municipality__in=municipalities).delete()
