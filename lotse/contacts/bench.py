"""Benchmark rows: ten logged contacts per case (lotse bench's hook)."""

from __future__ import annotations

import random

from django.db import transaction
from django.utils import timezone

from lotse.contacts.models import Channel, Contact
from lotse.demo.generate import case_chunks, day_between

CONTACTS_PER_CASE = 10
NOTES = (
    "Unterlagen für den Integrationskurs besprochen.",
    "Telefonisch Termin beim Jobcenter vereinbart.",
    "Begleitung zur Ausländerbehörde.",
    "Wohnungssuche: Angebote durchgesehen.",
    "",
)


def bench_seed(cases, rng: random.Random) -> None:
    today = timezone.localdate()
    channels = [choice.value for choice in Channel]
    for chunk in case_chunks(cases):
        contacts = [
            Contact(
                case_id=pk,
                date=day_between(rng, opened, last or today),
                channel=rng.choice(channels),
                duration_minutes=rng.choice((15, 30, 45, 60, 90)),
                note=rng.choice(NOTES),
                by_id=manager,
            )
            for pk, _phase, manager, opened, last in chunk
            for _ in range(CONTACTS_PER_CASE)
        ]
        with transaction.atomic():
            Contact.objects.bulk_create(contacts, batch_size=5000)
