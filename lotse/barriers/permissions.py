"""Who reports barriers and who reads them.

Case managers and team leads report from a case they may see. Coordinators read
every report of their municipality (the steering level's input); team leads read
the reports of their own organisation. Reports hold no client data.
"""

from __future__ import annotations

import rules
from django.db.models import QuerySet

from lotse.accounts.models import Role
from lotse.accounts.permissions import (
    is_case_manager,
    is_coordinator,
    is_staff_member,
    is_team_lead,
)
from lotse.barriers.models import BarrierReport

rules.add_perm("barriers.report_barrier", is_case_manager)
rules.add_perm("barriers.view_barrier_list", is_coordinator | is_team_lead)


def barrier_reports_visible_to(user) -> QuerySet[BarrierReport]:
    if not is_staff_member(user):
        return BarrierReport.objects.none()
    scope = BarrierReport.objects.filter(municipality_id=user.organisation.municipality_id)
    if user.role == Role.COORDINATOR:
        return scope
    if user.role == Role.TEAM_LEAD:
        return scope.filter(reporting_organisation_id=user.organisation_id)
    return BarrierReport.objects.none()
