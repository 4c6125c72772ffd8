"""Changes to the directory. Each is one transaction with its access-log entry."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core import signing
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lotse.accounts.models import Location, Organisation
from lotse.audit.actions import do_log_access
from lotse.core.models import District, FieldOfAction, Municipality, TargetGroup
from lotse.core.tables import ImportFileError, read_table
from lotse.core.tasks import send_notification
from lotse.directory import spreadsheet
from lotse.directory.models import ContactPerson, Offer

CONFIRM_SALT = "lotse.directory.confirm-offer"
CONFIRM_MAX_AGE = 60 * 60 * 24 * 60  # a confirmation link works for 60 days


class ConflictError(Exception):
    """Someone else saved the record since it was opened."""


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    errors: list[spreadsheet.RowError] = field(default_factory=list)
    file_error: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors and not self.file_error


def _names(model, municipality: Municipality) -> dict[str, int]:
    """Code and every label of a configurable list, case-folded, to the primary key."""
    names: dict[str, int] = {}
    for item in model.objects.filter(municipality=municipality):
        for label in (item.code, *item.labels.values()):
            if label:
                names.setdefault(str(label).casefold(), item.pk)
    return names


def get_lookups(municipality: Municipality) -> spreadsheet.Lookups:
    organisations = Organisation.objects.filter(municipality=municipality)
    return spreadsheet.Lookups(
        organisations={o.name.casefold(): o.pk for o in organisations},
        locations={
            (loc.organisation_id, loc.name.casefold()): loc.pk
            for loc in Location.objects.filter(organisation__municipality=municipality)
        },
        fields=_names(FieldOfAction, municipality),
        target_groups=_names(TargetGroup, municipality),
        districts=_names(District, municipality),
        all_districts=list(
            District.objects.filter(municipality=municipality, active=True).values_list(
                "pk", flat=True
            )
        ),
    )


@transaction.atomic
def do_import_offers(
    *, acting_user, municipality: Municipality, filename: str, data: bytes
) -> ImportResult:
    """Import a whole file, or change nothing and report every bad row.

    Rows are matched on ``external_key`` within the municipality: a known key
    updates its offer, an unknown key creates one.
    """
    result = ImportResult()
    try:
        table = read_table(data, filename, max_rows=spreadsheet.MAX_ROWS)
        records = spreadsheet.table_to_records(table)
    except ImportFileError as error:
        result.file_error = str(error)
        return result
    good, bad = spreadsheet.check_records(records, get_lookups(municipality))
    if bad:
        result.errors = bad
        return result
    existing = {
        o.external_key: o
        for o in Offer.objects.select_for_update().filter(
            municipality=municipality, external_key__in=[r.external_key for r in good]
        )
    }
    for row in good:
        offer = existing.get(row.external_key)
        if offer is None:
            offer = Offer(municipality=municipality, external_key=row.external_key)
            result.created += 1
        else:
            offer.version += 1
            result.updated += 1
        offer.organisation_id = row.organisation_id
        for name, value in row.values.items():
            setattr(offer, name, value)
        offer.translations = row.translations
        offer.save()
        offer.fields_of_action.set(row.field_ids)
        offer.target_groups.set(row.target_group_ids)
        offer.districts.set(row.district_ids)
    if acting_user is not None:
        do_log_access(
            acting_user=acting_user,
            action="directory.offer.imported",
            object_type="directory.offer",
            detail=f"{filename}: {result.created} created, {result.updated} updated",
        )
    return result


@transaction.atomic
def do_save_offer(*, acting_user, offer: Offer, m2m: dict[str, list], version: int | None) -> Offer:
    """Create or change an offer. ``version`` is the one the editor opened: if the
    offer was saved since, nothing is written and ConflictError is raised."""
    creating = offer.pk is None
    if not creating:
        updated = Offer.objects.filter(pk=offer.pk, version=version).update(
            version=F("version") + 1
        )
        if not updated:
            raise ConflictError
        offer.version = (version or 0) + 1
    offer.save()
    for name, values in m2m.items():
        getattr(offer, name).set(values)
    do_log_access(
        acting_user=acting_user,
        action="directory.offer.created" if creating else "directory.offer.changed",
        obj=offer,
    )
    return offer


@transaction.atomic
def do_save_contact_person(*, acting_user, person: ContactPerson) -> ContactPerson:
    creating = person.pk is None
    person.save()
    do_log_access(
        acting_user=acting_user,
        action=f"directory.contactperson.{'created' if creating else 'changed'}",
        obj=person,
    )
    return person


# --- confirmation of stale offers ------------------------------------------


def confirmation_token(offer: Offer) -> str:
    """A signed token naming the offer and its state; confirming makes it spent."""
    last = offer.last_confirmed_on.isoformat() if offer.last_confirmed_on else ""
    return signing.dumps({"o": offer.pk, "c": last}, salt=CONFIRM_SALT, compress=True)


def read_confirmation_token(token: str) -> tuple[int, str] | None:
    try:
        payload = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.BadSignature:
        return None
    return int(payload["o"]), str(payload["c"])


def confirmation_recipients(offer: Offer) -> list[str]:
    """The offer's contact person, else the organisation's contact persons, else the
    offer's public contact e-mail."""
    if offer.contact_person and offer.contact_person.email:
        return [offer.contact_person.email]
    emails = [p.email for p in offer.organisation.contact_persons.all() if p.email]
    if emails:
        return sorted(set(emails))
    return [offer.contact_email] if offer.contact_email else []


@transaction.atomic
def do_request_confirmation(*, acting_user, offers: list[Offer], base_url: str) -> tuple[int, int]:
    """E-mail a confirmation link (through the task queue) for each offer.

    Returns (offers asked, offers without anyone to ask)."""
    asked = without = 0
    now = timezone.now()
    for offer in offers:
        recipients = confirmation_recipients(offer)
        if not recipients:
            without += 1
            continue
        url = base_url.rstrip("/") + reverse(
            "public_directory:confirm", kwargs={"token": confirmation_token(offer)}
        )
        body = render_to_string(
            "directory/email/confirmation_request.txt",
            {"offer": offer, "url": url, "sender": acting_user},
        )
        subject = _("Is this offer still current? %(title)s") % {"title": offer.title}
        for email in recipients:
            transaction.on_commit(
                lambda e=email, b=body, s=subject: send_notification.enqueue(e, s, b)
            )
        offer.confirmation_requested_at = now
        offer.save(update_fields=["confirmation_requested_at"])
        do_log_access(
            acting_user=acting_user,
            action="directory.offer.confirmation_requested",
            obj=offer,
            detail=", ".join(recipients),
        )
        asked += 1
    return asked, without


@transaction.atomic
def do_confirm_offer(*, offer: Offer, today: dt.date) -> Offer:
    """The organisation's contact confirms the offer is current (no login)."""
    offer.last_confirmed_on = today
    offer.confirmation_requested_at = None
    offer.version += 1
    offer.save(update_fields=["last_confirmed_on", "confirmation_requested_at", "version"])
    return offer
