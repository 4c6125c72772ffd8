"""Demo consents for "troisdorf": clients agreed to share with AWO, Caritas and the Jobcenter.

Called by ``lotse load_demo`` after the base demo exists (see lotse.core.extensions).
Demo rows are made directly, without access-log entries: nobody read anything.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable

from django.utils import timezone

from lotse.accounts.models import Organisation
from lotse.cases.models import Case
from lotse.cases.rules import Phase
from lotse.consents.models import Consent, Purpose

RECIPIENTS = [
    "AWO Migrationsberatung Troisdorf",
    "Caritas Fachdienst Integration und Migration",
    "Jobcenter Rhein-Sieg, Geschäftsstelle Troisdorf",
]
SCOPES = [
    "Name, Kontaktdaten und Anliegen",
    "Name, Kontaktdaten, Sprachkenntnisse und Aufenthaltsstatus",
    "Name, Telefonnummer und bisherige Bewerbungsunterlagen",
    "Name, Kontaktdaten und Stand der Wohnungssuche",
]
SHARE = 0.3  # of the open cases, this part has consents


def load(municipality, *, rng: random.Random, stdout) -> None:
    if municipality.slug != "troisdorf":
        return
    today = timezone.localdate()
    recipients = list(
        Organisation.objects.filter(municipality=municipality, name__in=RECIPIENTS).order_by("pk")
    )
    if not recipients:
        return
    awo = next((o for o in recipients if o.name == RECIPIENTS[0]), recipients[0])
    cases = list(
        Case.objects.filter(municipality=municipality)
        .exclude(phase=Phase.CLOSED.value)
        .select_related("client")
        .order_by("pk")
    )
    chosen = [case for i, case in enumerate(cases) if i < 3 or rng.random() < SHARE]
    consents: list[Consent] = []
    for i, case in enumerate(chosen):
        # The first cases always agree to the AWO, so the partner's inbox is never empty.
        picks = [awo] if i < 3 else rng.sample(recipients, k=rng.choice((1, 1, 2)))
        for recipient in picks:
            consents.append(_consent(rng, case, recipient, today, always_referral=i < 3))
    # A few clients withdrew their consent later; a few consents have expired.
    for consent in consents[3:]:
        roll = rng.random()
        if roll < 0.06:
            consent.withdrawn_at = timezone.now() - dt.timedelta(days=rng.randint(1, 60))
            consent.withdrawn_by = consent.recorded_by
            consent.withdrawal_note = "Ratsuchende/r hat telefonisch widerrufen."
        elif roll < 0.1:
            consent.valid_until = today - dt.timedelta(days=rng.randint(1, 90))
    Consent.objects.bulk_create(consents)
    stdout.write(f"  {municipality.name}: {len(consents)} consents")


def _consent(
    rng: random.Random, case: Case, recipient, today: dt.date, *, always_referral: bool
) -> Consent:
    latest = max(case.opened_on, today - dt.timedelta(days=200))
    given_on = min(today, latest + dt.timedelta(days=rng.randint(0, 30)))
    purpose = Purpose.REFERRAL
    if not always_referral and rng.random() < 0.15:
        purpose = Purpose.DATA_EXCHANGE
    return Consent(
        client_id=case.client_id,
        case=case,
        purpose=purpose,
        recipient=recipient,
        scope=rng.choice(SCOPES),
        given_on=given_on,
        valid_until=given_on + dt.timedelta(days=730),
        language=case.client.preferred_language or "de",
        recorded_by_id=case.case_manager_id,
    )


def delete(municipalities: Iterable) -> None:
    """Remove the consents of the demo's clients (referrals are removed before, by their app)."""
    Consent.objects.filter(client__municipality__in=municipalities).delete()
