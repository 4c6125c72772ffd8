"""Demo referrals for "troisdorf", in every status, under the demo consents.

Sent, accepted, declined and done referrals exist only where a consent for
referrals to that organisation was in force (as the real rules demand); some
are addressed to the AWO, so its partner user (sara.yilmaz@troisdorf.example)
has an inbox. Runs after lotse.consents.demo (INSTALLED_APPS order).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable

from django.utils import timezone

from lotse.accounts.models import Role, User
from lotse.consents.models import Consent, Purpose
from lotse.directory.models import Offer
from lotse.referrals.models import Referral
from lotse.referrals.rules import Status

PURPOSES = {
    "welfare": [
        "Migrationsberatung: Unterstützung beim Antrag auf Familiennachzug",
        "Begleitung zur Wohnungssuche und Klärung der Mietschulden",
        "Anmeldung zum Integrationskurs mit Kinderbetreuung",
        "Schuldnerberatung, Ratenzahlung mit dem Energieversorger",
        "Beratung zur Anerkennung des ausländischen Berufsabschlusses",
    ],
    "jobcenter": [
        "Klärung des Leistungsanspruchs nach SGB II nach Arbeitsplatzverlust",
        "Förderung eines berufsbezogenen Sprachkurses (DeuFöV)",
        "Vermittlung in eine Einstiegsqualifizierung",
    ],
}
DECLINE_REASONS = [
    "Keine freien Beratungstermine in den nächsten acht Wochen; bitte an Caritas wenden.",
    "Zuständigkeit liegt beim Jugendmigrationsdienst (Person ist unter 27).",
    "Angebot ist ausgebucht, Warteliste ist geschlossen.",
]
REPORTS = [
    "Erstgespräch fand statt, Antrag gemeinsam gestellt.",
    "Ratsuchende/r nimmt seit vier Wochen regelmäßig teil.",
    "Beratung abgeschlossen, Unterlagen liegen vollständig vor.",
]
# The statuses in turn for the first referrals (every status appears), then by weight.
FIRST = [Status.SENT, Status.ACCEPTED, Status.DECLINED, Status.DONE, Status.PROPOSED]
WEIGHTS = {
    Status.PROPOSED: 1,
    Status.SENT: 2,
    Status.ACCEPTED: 3,
    Status.DECLINED: 2,
    Status.DONE: 3,
}


def load(municipality, *, rng: random.Random, stdout) -> None:
    if municipality.slug != "troisdorf":
        return
    today = timezone.localdate()
    now = timezone.now()
    consents = list(
        Consent.objects.in_force(today)
        .filter(client__municipality=municipality, purpose=Purpose.REFERRAL, case__isnull=False)
        .select_related("case", "recipient")
        .order_by("pk")
    )
    partners = {
        user.organisation_id: user
        for user in User.objects.filter(
            organisation__municipality=municipality, role=Role.PARTNER_STAFF
        ).order_by("pk")
    }
    offers: dict[int, Offer] = {}
    for offer in Offer.objects.filter(municipality=municipality).order_by("pk"):
        offers.setdefault(offer.organisation_id, offer)
    statuses, weights = list(WEIGHTS), list(WEIGHTS.values())
    referrals = []
    for i, consent in enumerate(consents):
        status = FIRST[i] if i < len(FIRST) else rng.choices(statuses, weights)[0]
        referrals.append(
            _referral(rng, consent, status, partners.get(consent.recipient_id), offers, now)
        )
    Referral.objects.bulk_create(referrals)
    stdout.write(f"  {municipality.name}: {len(referrals)} referrals")


def _referral(rng, consent: Consent, status: Status, partner, offers, now) -> Referral:
    case = consent.case
    kind = "jobcenter" if consent.recipient.kind == "jobcenter" else "welfare"
    referral = Referral(
        municipality_id=case.municipality_id,
        case=case,
        organisation=consent.recipient,
        offer=offers.get(consent.recipient_id),
        purpose=rng.choice(PURPOSES[kind]),
        status=status.value,
        created_by_id=case.case_manager_id,
    )
    if status == Status.PROPOSED:
        return referral
    sent = now - dt.timedelta(days=rng.randint(3, 150), hours=rng.randint(0, 8))
    referral.consent, referral.sent_at, referral.sent_by_id = consent, sent, case.case_manager_id
    if status == Status.SENT:
        return referral
    answered = min(now, sent + dt.timedelta(hours=rng.randint(4, 24 * 21)))
    referral.answered_at, referral.answered_by = answered, partner
    referral.partner_changed_at = answered
    if status == Status.DECLINED:
        referral.decline_reason = rng.choice(DECLINE_REASONS)
    if status == Status.DONE:
        reported = min(now, answered + dt.timedelta(days=rng.randint(7, 60)))
        referral.reported_at, referral.reported_by = reported, partner
        referral.report_back = rng.choice(REPORTS)
        referral.partner_changed_at = reported
    return referral


def delete(municipalities: Iterable) -> None:
    """Remove every referral of the demo municipalities (before their consents and cases)."""
    Referral.objects.filter(municipality__in=municipalities).delete()
