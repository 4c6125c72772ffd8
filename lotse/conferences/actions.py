"""Changes to case conferences: each in one transaction, with its access-log entry."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from lotse.audit.actions import do_log_access
from lotse.conferences.models import CaseConference, Invitation, Note, SharedPart
from lotse.conferences.rules import end_date_problem, organisations_without_consent


class ConferenceError(Exception):
    """A conference that may not be created as asked (code says why)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def do_create_conference(
    *,
    acting_user,
    case,
    topic: str,
    summary: str,
    shared_parts: Iterable[str],
    invited_until: dt.date,
    invitees: Sequence,
    request: HttpRequest | None = None,
) -> CaseConference:
    """Invite partner staff to a conference on `case`.

    Every invitee must belong to another organisation of the same municipality, and
    the client must have consented to a case conference with each such organisation.
    """
    today = timezone.localdate()
    if not invitees:
        raise ConferenceError("no_invitees")
    if end_date_problem(invited_until, today):
        raise ConferenceError("end_date")
    for user in invitees:
        if (
            not user.organisation_id
            or user.organisation_id == case.organisation_id
            or user.organisation.municipality_id != case.municipality_id
        ):
            raise ConferenceError("invitee")
    if organisations_without_consent(case.client_id, {u.organisation_id for u in invitees}, today):
        raise ConferenceError("consent")
    parts = [p.value for p in SharedPart if p.value in set(shared_parts)]
    with transaction.atomic():
        conference = CaseConference.objects.create(
            municipality_id=case.municipality_id,
            case=case,
            topic=topic,
            summary=summary,
            shared_parts=parts,
            invited_until=invited_until,
            created_by=acting_user,
        )
        Invitation.objects.bulk_create(
            Invitation(conference=conference, user=u, organisation_id=u.organisation_id)
            for u in invitees
        )
        do_log_access(
            acting_user=acting_user,
            action="conferences.conference.created",
            obj=conference,
            detail=", ".join(sorted({str(u.organisation) for u in invitees})),
            request=request,
        )
    return conference


def do_add_note(
    *, acting_user, conference: CaseConference, text: str, request: HttpRequest | None = None
) -> Note:
    """A note marked as the author's and their organisation's."""
    with transaction.atomic():
        note = Note.objects.create(
            conference=conference,
            author=acting_user,
            author_label=str(acting_user),
            organisation_id=acting_user.organisation_id,
            organisation_label=str(acting_user.organisation),
            text=text,
        )
        do_log_access(
            acting_user=acting_user, action="conferences.note.created", obj=note, request=request
        )
    return note


def do_end_conference(
    *, acting_user, conference: CaseConference, request: HttpRequest | None = None
) -> CaseConference:
    """End the conference now: the partners lose access at once."""
    with transaction.atomic():
        updated = CaseConference.objects.filter(pk=conference.pk, ended_at__isnull=True).update(
            ended_at=timezone.now(), ended_by=acting_user
        )
        if updated:
            do_log_access(
                acting_user=acting_user,
                action="conferences.conference.changed",
                obj=conference,
                detail="ended",
                request=request,
            )
    conference.refresh_from_db()
    return conference
