"""Small factories for the records of the case-management cycle."""

from __future__ import annotations

import datetime as dt

from lotse.cases.models import (
    Approval,
    Assessment,
    AssessmentEntry,
    Goal,
    GoalAgreement,
    TransferRequest,
)
from lotse.core.models import FieldOfAction
from tests.conftest import make_case, make_client


def field(case, code: str = "language") -> FieldOfAction:
    return FieldOfAction.objects.get(municipality_id=case.municipality_id, code=code)


def make_assessment(case, levels: dict[str, str] | None = None, on=dt.date(2026, 2, 1)):
    assessment = Assessment.objects.create(case=case, assessed_on=on, created_by=case.case_manager)
    for code, level in (levels or {"language": "high", "work": "low"}).items():
        AssessmentEntry.objects.create(
            assessment=assessment, field=field(case, code), need_level=level, situation="…"
        )
    return assessment


def make_agreement(case, *, goals: int = 1, status=GoalAgreement.Status.AGREED, target=None):
    agreement = GoalAgreement.objects.create(
        case=case, agreed_on=dt.date(2026, 2, 10), status=status, created_by=case.case_manager
    )
    for n in range(goals):
        Goal.objects.create(
            agreement=agreement,
            field=field(case),
            description=f"Goal {n}",
            target_date=target or dt.date(2026, 6, 30),
            client_does="Attends the course",
            position=n,
        )
    return agreement


def make_approval(case, kind=Approval.Kind.CLOSURE):
    from lotse.core.models import ClosureReason

    return Approval.objects.create(
        case=case,
        kind=kind,
        closure_reason=ClosureReason.objects.filter(municipality_id=case.municipality_id).first(),
        requested_by=case.case_manager,
    )


def make_incoming_transfer(w):
    """A case of the welfare organisation offered to KIM A (whose team lead decides)."""
    client = make_client(w.municipality_a, w.welfare_a, w.partner_staff_a, family_name="Rahimi")
    case = make_case(client, w.partner_staff_a)
    return TransferRequest.objects.create(
        case=case,
        from_organisation=w.welfare_a,
        to_organisation=w.kim_a,
        requested_by=w.partner_staff_a,
    )
