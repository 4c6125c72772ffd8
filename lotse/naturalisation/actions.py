"""Changes in the naturalisation procedure and campaigns: atomic, with the access log."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import F

from lotse.audit.actions import do_log_access

from . import workflow
from .models import (
    Application,
    AuthoritySettings,
    Campaign,
    ConsultationSlot,
    RegisterDeletion,
    RegisterEntry,
    StatusChange,
)
from .register import Screener, likely_language


class Conflict(Exception):
    """Someone else saved the record in the meantime."""


def do_create_application(*, user, request=None, **fields) -> Application:
    with transaction.atomic():
        application = Application.objects.create(
            organisation=user.organisation,
            created_by=user,
            status=workflow.RECEIVED,
            status_since=fields["received_on"],
            **fields,
        )
        StatusChange.objects.create(
            application=application, to_status=workflow.RECEIVED, on=fields["received_on"], by=user
        )
        if application.campaign_id:
            Campaign.objects.filter(pk=application.campaign_id).update(
                applications=F("applications") + 1
            )
        do_log_access(
            acting_user=user,
            action="naturalisation.application.created",
            obj=application,
            request=request,
        )
    return application


def do_change_application_status(
    *,
    application: Application,
    target: str,
    on: dt.date,
    note: str,
    version: int,
    user,
    today: dt.date,
    request=None,
) -> Application:
    checklist = AuthoritySettings.for_organisation(application.organisation).checklist
    workflow.check_transition(
        application.status,
        target,
        on=on,
        previous_on=application.status_since,
        today=today,
        documents_missing=application.missing_documents(checklist),
    )
    with transaction.atomic():
        finished = on if target in workflow.FINISHED else None
        updated = Application.objects.filter(pk=application.pk, version=version).update(
            status=target, status_since=on, finished_on=finished, version=F("version") + 1
        )
        if not updated:
            raise Conflict
        StatusChange.objects.create(
            application=application,
            from_status=application.status,
            to_status=target,
            on=on,
            by=user,
            note=note,
        )
        do_log_access(
            acting_user=user,
            action="naturalisation.application.changed",
            obj=application,
            detail=f"{application.status} -> {target}",
            request=request,
        )
    application.refresh_from_db()
    return application


def do_link_client(
    *, application: Application, client, version: int, user, request=None
) -> Application:
    """Link the application to ``client`` (a record the caller checked), or unlink (None)."""
    with transaction.atomic():
        updated = Application.objects.filter(pk=application.pk, version=version).update(
            client=client, version=F("version") + 1
        )
        if not updated:
            raise Conflict
        do_log_access(
            acting_user=user,
            action="naturalisation.application.changed",
            obj=application,
            detail=f"client record {client.pk} linked" if client else "client record unlinked",
            request=request,
        )
    application.refresh_from_db()
    return application


def do_update_documents(
    *,
    application: Application,
    received: list[str],
    version: int,
    user,
    today: dt.date,
    request=None,
) -> Application:
    documents = dict(application.documents or {})
    for item in list(documents):
        if item not in received:
            del documents[item]
    for item in received:
        documents.setdefault(item, today.isoformat())
    with transaction.atomic():
        updated = Application.objects.filter(pk=application.pk, version=version).update(
            documents=documents, version=F("version") + 1
        )
        if not updated:
            raise Conflict
        do_log_access(
            acting_user=user,
            action="naturalisation.application.changed",
            obj=application,
            detail="documents",
            request=request,
        )
    application.refresh_from_db()
    return application


def do_save_settings(
    *,
    settings: AuthoritySettings,
    checklist: list[str],
    reminder_days: dict[str, int],
    version: int,
    user,
    request=None,
) -> None:
    with transaction.atomic():
        updated = AuthoritySettings.objects.filter(pk=settings.pk, version=version).update(
            checklist=checklist, reminder_days=reminder_days, version=F("version") + 1
        )
        if not updated:
            raise Conflict
        do_log_access(
            acting_user=user,
            action="naturalisation.authoritysettings.changed",
            obj=settings,
            request=request,
        )


def do_create_campaign(*, user, request=None, **fields) -> Campaign:
    with transaction.atomic():
        campaign = Campaign.objects.create(
            organisation=user.organisation, created_by=user, **fields
        )
        do_log_access(
            acting_user=user,
            action="naturalisation.campaign.created",
            obj=campaign,
            request=request,
        )
    return campaign


def build_entries(
    campaign: Campaign, rows: list[dict], today: dt.date
) -> tuple[list[RegisterEntry], dict[str, int]]:
    """Unsaved register entries for validated rows, pre-screened, and the counts."""
    entries = []
    counts = {"now": 0, "soon": 0, "not": 0}
    screen = Screener(today)
    for row in rows:
        result = screen(row)
        counts[result.category] += 1
        entries.append(
            RegisterEntry(
                campaign=campaign,
                row_number=row["row"],
                name=row["name"],
                birth_date=row["birth_date"],
                nationality=row["nationality"],
                entry_date=row["entry_date"],
                residence_title=row["residence_title"],
                residence_purpose=row["residence_purpose"],
                address=row["address"],
                language=likely_language(row["nationality"]),
                category=result.category,
                check_name=result.check,
                eligible_from=result.eligible_from,
                reason_de=result.reason_de[:400],
                reason_en=result.reason_en[:400],
            )
        )
    return entries, counts


def do_import_register(
    *, campaign: Campaign, rows: list[dict], filename: str, user, today: dt.date, request=None
) -> int:
    """Replace the campaign's register by ``rows`` (already validated), pre-screened."""
    entries, counts = build_entries(campaign, rows, today)
    with transaction.atomic():
        campaign.entries.all().delete()
        RegisterEntry.objects.bulk_create(entries, batch_size=2000)
        Campaign.objects.filter(pk=campaign.pk).update(
            register_file=filename[:200],
            rows_imported=len(entries),
            eligible_now=counts["now"],
            eligible_soon=counts["soon"],
            not_eligible=counts["not"],
        )
        do_log_access(
            acting_user=user,
            action="naturalisation.registerentry.created",
            obj=campaign,
            detail=f"{len(entries)} rows from {filename}",
            request=request,
        )
    return len(entries)


def do_record_response(
    *, entry: RegisterEntry, response: str, on: dt.date, user, request=None
) -> None:
    field = {"appointment": "appointment_booked_on", "application": "application_filed_on"}[
        response
    ]
    with transaction.atomic():
        if getattr(entry, field) is None:
            setattr(entry, field, on)
            entry.save(update_fields=[field])
            counter = "appointments" if response == "appointment" else "applications"
            Campaign.objects.filter(pk=entry.campaign_id).update(**{counter: F(counter) + 1})
        do_log_access(
            acting_user=user,
            action="naturalisation.registerentry.changed",
            obj=entry,
            detail=response,
            request=request,
        )


def do_mark_invited(*, campaign: Campaign, entries: list[RegisterEntry], user, today, request=None):
    with transaction.atomic():
        ids = [e.pk for e in entries if e.invited_on is None]
        RegisterEntry.objects.filter(pk__in=ids).update(invited_on=today)
        Campaign.objects.filter(pk=campaign.pk).update(invited=F("invited") + len(ids))
        do_log_access(
            acting_user=user,
            action="naturalisation.campaign.downloaded",
            obj=campaign,
            detail=f"{len(entries)} invitation letters",
            request=request,
        )


def do_add_slot(*, campaign: Campaign, starts_at, place: str, user, request=None):
    with transaction.atomic():
        slot = ConsultationSlot.objects.create(campaign=campaign, starts_at=starts_at, place=place)
        do_log_access(
            acting_user=user, action="naturalisation.slot.created", obj=slot, request=request
        )
    return slot


def do_book_slot(*, slot: ConsultationSlot, entry: RegisterEntry, user, today, request=None):
    with transaction.atomic():
        updated = ConsultationSlot.objects.filter(pk=slot.pk, booked_by__isnull=True).update(
            booked_by=entry
        )
        if not updated:
            raise Conflict
        do_record_response(
            entry=entry, response="appointment", on=today, user=user, request=request
        )


def do_end_campaign(*, campaign: Campaign, user, today: dt.date, request=None) -> int:
    """End the campaign: delete the register rows, keep the aggregates, log the deletion."""
    with transaction.atomic():
        count = campaign.entries.count()
        ConsultationSlot.objects.filter(campaign=campaign).update(booked_by=None)
        campaign.entries.all().delete()
        Campaign.objects.filter(pk=campaign.pk).update(ended_on=today)
        RegisterDeletion.objects.create(campaign=campaign, rows_deleted=count, deleted_by=user)
        do_log_access(
            acting_user=user,
            action="naturalisation.registerentry.deleted",
            obj=campaign,
            detail=f"{count} register rows deleted at the end of the campaign",
            request=request,
        )
    return count
