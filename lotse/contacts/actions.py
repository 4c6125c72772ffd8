"""Recording contacts. A contact moves the case's last contact date forward, never back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Q

from lotse.appointments.actions import check_interpreter_free
from lotse.audit.actions import do_log_access
from lotse.cases.models import Case
from lotse.contacts.models import Contact

if TYPE_CHECKING:
    from django.http import HttpRequest

    from lotse.accounts.models import User


@transaction.atomic
def do_record_contact(
    *, acting_user: User, case: Case, request: HttpRequest | None = None, **fields
) -> Contact:
    """Record a contact and, in the same transaction, Case.last_contact_on if it is later.

    The date is updated with one conditional UPDATE, so two contacts recorded at the
    same moment cannot move the date backwards. An interpreter from the pool is
    booked for the contact's time (InterpreterBookedError if already booked).
    """
    contact = Contact(case=case, by=acting_user, **fields)
    interval = contact.interval()
    if contact.interpreter_id and interval:
        check_interpreter_free(contact.interpreter, *interval)
    contact.save()
    moved = (
        Case.objects.filter(pk=case.pk)
        .filter(Q(last_contact_on__isnull=True) | Q(last_contact_on__lt=contact.date))
        .update(last_contact_on=contact.date)
    )
    if moved:
        case.last_contact_on = contact.date
    do_log_access(
        acting_user=acting_user,
        action="contacts.contact.created",
        obj=contact,
        detail=f"case {case.pk}",
        request=request,
    )
    return contact
