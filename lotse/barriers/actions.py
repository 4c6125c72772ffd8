"""Filing a barrier report."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from lotse.accounts.models import Organisation, User
from lotse.barriers.models import BarrierReport
from lotse.barriers.rules import month_of
from lotse.core.models import FieldOfAction


@transaction.atomic
def do_create_barrier_report(
    *,
    acting_user: User,
    field_of_action: FieldOfAction,
    description: str,
    affected_organisation: Organisation | None = None,
) -> BarrierReport:
    """File a structural barrier for the steering level, detached from the case.

    Deliberately takes no case or client, and writes no access-log entry: the
    log's user and timestamp next to the case read just before would lead from
    the report back to the case. Reports are not client data.
    """
    if acting_user.organisation is None:
        raise ValueError("Only a member of an organisation reports barriers.")
    organisation = acting_user.organisation
    if field_of_action.municipality_id != organisation.municipality_id or (
        affected_organisation is not None
        and affected_organisation.municipality_id != organisation.municipality_id
    ):
        raise ValueError("Field of action and organisation must belong to the municipality.")
    return BarrierReport.objects.create(
        municipality_id=organisation.municipality_id,
        field_of_action=field_of_action,
        affected_organisation=affected_organisation,
        description=description,
        reporting_organisation=organisation,
        reported_month=month_of(timezone.localdate()),
    )
