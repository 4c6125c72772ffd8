"""Every change to a case goes through one of these functions.

Each runs in one transaction, checks the rule in rules.py first (a refused step
changes nothing and says why, as reason codes), and writes the access log in the
same transaction. Changes to the case row itself are guarded by ``Case.version``
(optimistic locking): whoever saves second against an old version gets a
``VersionConflict`` instead of silently overwriting the first save.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from django.db import transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone

from lotse.accounts.models import Location, Organisation, Role, User
from lotse.audit.actions import do_log_access
from lotse.cases.models import (
    Approval,
    Assessment,
    AssessmentEntry,
    Case,
    Goal,
    GoalAgreement,
    PhaseTransition,
    TransferRequest,
)
from lotse.cases.rules import (
    ApprovalFacts,
    CaseFacts,
    HandoverFacts,
    Phase,
    TransferFacts,
    approval_needed,
    check_approval,
    check_handover,
    check_transfer,
    check_transition,
)
from lotse.core.models import ClosureReason
from lotse.people.models import Client

CASE_WORKER_ROLES = (Role.CASE_MANAGER, Role.TEAM_LEAD)


class Refused(Exception):
    """A step the rules do not allow; ``reasons`` are the codes from rules.py."""

    def __init__(self, reasons: Iterable[str]):
        self.reasons = tuple(reasons)
        super().__init__(", ".join(self.reasons))


class VersionConflict(Refused):
    def __init__(self) -> None:
        super().__init__(["version_conflict"])


def get_case_facts(case: Case) -> CaseFacts:
    """What the state machine needs to know about `case` (three small indexed queries)."""
    return CaseFacts(
        phase=Phase(case.phase),
        has_assessment=case.assessments.exists(),
        has_goal_agreement=case.goal_agreements.filter(status=GoalAgreement.Status.AGREED).exists(),
        closed_from=Phase(case.closed_from) if case.closed_from else None,
        closure_pending=case.approvals.filter(
            kind=Approval.Kind.CLOSURE, status=Approval.Status.PENDING
        ).exists(),
    )


def _save_case(case: Case, expected_version: int, **changes: Any) -> None:
    """Write `changes` to the case only if nobody saved it since `expected_version`."""
    updated = Case.objects.filter(pk=case.pk, version=expected_version).update(
        version=F("version") + 1, **changes
    )
    if not updated:
        raise VersionConflict
    for name, value in changes.items():
        setattr(case, name, value)
    case.version = expected_version + 1


def _check_version(case: Case, expected_version: int) -> None:
    if not Case.objects.filter(pk=case.pk, version=expected_version).exists():
        raise VersionConflict


def _is_team_lead_of(user: User, organisation_id: int) -> bool:
    return user.role == Role.TEAM_LEAD and user.organisation_id == organisation_id


def do_open_case(
    *,
    acting_user: User,
    client: Client,
    opened_on: dt.date,
    location: Location | None = None,
    request: HttpRequest | None = None,
) -> Case:
    """Open a case for `client` in the acting user's organisation, managed by them."""
    with transaction.atomic():
        case = Case.objects.create(
            municipality_id=client.municipality_id,
            organisation_id=acting_user.organisation_id,
            client=client,
            case_manager=acting_user,
            location=location,
            phase=Phase.INTAKE.value,
            opened_on=opened_on,
        )
        PhaseTransition.objects.create(
            case=case, from_phase="", to_phase=Phase.INTAKE.value, by=acting_user
        )
        do_log_access(
            acting_user=acting_user, action="cases.case.created", obj=case, request=request
        )
    return case


def _apply_transition(
    case: Case,
    target: Phase,
    *,
    by: User,
    expected_version: int,
    reason: str = "",
    closure_reason: ClosureReason | None = None,
) -> PhaseTransition:
    changes: dict[str, Any] = {"phase": target.value}
    if target == Phase.CLOSED:
        changes.update(
            closed_on=timezone.localdate(), closure_reason=closure_reason, closed_from=case.phase
        )
    elif case.phase == Phase.CLOSED:
        changes.update(closed_on=None, closure_reason=None, closed_from="")
    from_phase = case.phase
    _save_case(case, expected_version, **changes)
    return PhaseTransition.objects.create(
        case=case, from_phase=from_phase, to_phase=target.value, by=by, reason=reason[:300]
    )


def do_change_phase(
    *,
    acting_user: User,
    case: Case,
    target: Phase,
    version: int,
    reason: str = "",
    closure_reason: ClosureReason | None = None,
    request: HttpRequest | None = None,
) -> PhaseTransition | Approval:
    """Move the case to `target`, or (closure needing approval) ask the team lead.

    A closure needs a reason from the municipality's list; its label is recorded
    with the transition, followed by the free-text note if there is one.
    """
    with transaction.atomic():
        Case.objects.select_for_update().filter(pk=case.pk).first()
        facts = get_case_facts(case)
        if target == Phase.CLOSED:
            label = closure_reason.label if closure_reason else ""
            text = f"{label}: {reason}" if label and reason else label
            verdict = check_transition(
                facts, target, reason=closure_reason.code if closure_reason else ""
            )
        else:
            text = reason.strip()
            verdict = check_transition(facts, target, reason=text)
        if not verdict.allowed:
            raise Refused(verdict.reasons)
        if target == Phase.CLOSED and approval_needed(
            approval_required=case.municipality.approval_required,
            actor_is_team_lead=_is_team_lead_of(acting_user, case.organisation_id),
        ):
            _check_version(case, version)
            approval = Approval.objects.create(
                case=case,
                kind=Approval.Kind.CLOSURE,
                closure_reason=closure_reason,
                note=reason[:300],
                requested_by=acting_user,
            )
            do_log_access(
                acting_user=acting_user,
                action="cases.approval.created",
                obj=approval,
                request=request,
            )
            return approval
        transition = _apply_transition(
            case,
            target,
            by=acting_user,
            expected_version=version,
            reason=text,
            closure_reason=closure_reason,
        )
        do_log_access(
            acting_user=acting_user,
            action="cases.case.changed",
            obj=case,
            detail=f"phase {transition.from_phase} -> {transition.to_phase}",
            request=request,
        )
    return transition


def do_record_assessment(
    *,
    acting_user: User,
    case: Case,
    assessed_on: dt.date,
    entries: Sequence[dict[str, Any]],
    summary: str = "",
    request: HttpRequest | None = None,
) -> Assessment:
    """A new assessment; `entries` hold field, situation, resources, need_level, notes."""
    if not case.is_open:
        raise Refused(["case_closed"])
    with transaction.atomic():
        assessment = Assessment.objects.create(
            case=case, assessed_on=assessed_on, summary=summary, created_by=acting_user
        )
        AssessmentEntry.objects.bulk_create(
            AssessmentEntry(assessment=assessment, **entry) for entry in entries
        )
        do_log_access(
            acting_user=acting_user,
            action="cases.assessment.created",
            obj=assessment,
            request=request,
        )
    return assessment


def do_record_goal_agreement(
    *,
    acting_user: User,
    case: Case,
    agreed_on: dt.date,
    goals: Sequence[dict[str, Any]],
    language: str = "de",
    review_on: dt.date | None = None,
    request: HttpRequest | None = None,
) -> GoalAgreement:
    """Record a goal agreement; it waits for the team lead if the municipality wants that."""
    with transaction.atomic():
        facts = get_case_facts(case)
        if facts.phase == Phase.CLOSED:
            raise Refused(["case_closed"])
        if not facts.has_assessment:
            raise Refused(["planning_needs_assessment"])
        pending = approval_needed(
            approval_required=case.municipality.approval_required,
            actor_is_team_lead=_is_team_lead_of(acting_user, case.organisation_id),
        )
        agreement = GoalAgreement.objects.create(
            case=case,
            agreed_on=agreed_on,
            review_on=review_on,
            language=language,
            status=GoalAgreement.Status.PENDING if pending else GoalAgreement.Status.AGREED,
            created_by=acting_user,
        )
        Goal.objects.bulk_create(
            Goal(agreement=agreement, position=index, **goal) for index, goal in enumerate(goals)
        )
        do_log_access(
            acting_user=acting_user,
            action="cases.goalagreement.created",
            obj=agreement,
            request=request,
        )
        if pending:
            Approval.objects.create(
                case=case,
                kind=Approval.Kind.GOAL_AGREEMENT,
                goal_agreement=agreement,
                requested_by=acting_user,
            )
    return agreement


def do_review_goal(
    *,
    acting_user: User,
    goal: Goal,
    version: int,
    status: str,
    attainment: str,
    reviewed_on: dt.date,
    request: HttpRequest | None = None,
) -> Goal:
    """Record the status and attainment of a goal at review (guarded by the agreement's version)."""
    with transaction.atomic():
        updated = GoalAgreement.objects.filter(pk=goal.agreement_id, version=version).update(
            version=F("version") + 1
        )
        if not updated:
            raise VersionConflict
        goal.status, goal.attainment, goal.reviewed_on = status, attainment, reviewed_on
        goal.save(update_fields=["status", "attainment", "reviewed_on"])
        do_log_access(
            acting_user=acting_user, action="cases.goal.changed", obj=goal, request=request
        )
    return goal


def do_decide_approval(
    *,
    acting_user: User,
    approval: Approval,
    approve: bool,
    note: str = "",
    request: HttpRequest | None = None,
) -> Approval:
    """The team lead approves or rejects a goal agreement or a closure."""
    with transaction.atomic():
        approval = Approval.objects.select_for_update().select_related("case").get(pk=approval.pk)
        case = approval.case
        verdict = check_approval(
            ApprovalFacts(
                pending=approval.status == Approval.Status.PENDING,
                approver_is_team_lead=acting_user.role == Role.TEAM_LEAD,
                same_organisation=acting_user.organisation_id == case.organisation_id,
                approver_is_requester=acting_user.pk == approval.requested_by_id,
            )
        )
        if not verdict.allowed:
            raise Refused(verdict.reasons)
        approval.status = Approval.Status.APPROVED if approve else Approval.Status.REJECTED
        approval.decided_by, approval.decided_at = acting_user, timezone.now()
        approval.decision_note = note[:300]
        approval.save()
        if approval.kind == Approval.Kind.GOAL_AGREEMENT:
            GoalAgreement.objects.filter(pk=approval.goal_agreement_id).update(
                status=GoalAgreement.Status.AGREED if approve else GoalAgreement.Status.REJECTED
            )
        elif approve:
            reason = approval.closure_reason
            label = reason.label if reason else ""
            verdict = check_transition(
                get_case_facts(case), Phase.CLOSED, reason=reason.code if reason else ""
            )
            # The pending approval itself is no obstacle any more: it was just decided.
            blocking = [r for r in verdict.reasons if r != "closure_pending"]
            if blocking:
                raise Refused(blocking)
            _apply_transition(
                case,
                Phase.CLOSED,
                by=acting_user,
                expected_version=case.version,
                reason=f"{label}: {approval.note}" if approval.note else label,
                closure_reason=reason,
            )
        do_log_access(
            acting_user=acting_user, action="cases.approval.changed", obj=approval, request=request
        )
    return approval


def do_hand_over_case(
    *,
    acting_user: User,
    case: Case,
    to_user: User,
    version: int,
    request: HttpRequest | None = None,
) -> Case:
    """Hand the case to another case manager of the same organisation."""
    verdict = check_handover(
        HandoverFacts(
            case_open=case.is_open,
            same_organisation=to_user.organisation_id == case.organisation_id,
            target_is_case_worker=to_user.is_active and to_user.role in CASE_WORKER_ROLES,
            target_is_current=to_user.pk == case.case_manager_id,
        )
    )
    if not verdict.allowed:
        raise Refused(verdict.reasons)
    with transaction.atomic():
        previous = case.case_manager
        _save_case(case, version, case_manager=to_user, location=to_user.location or case.location)
        case.shared_with.remove(to_user)
        do_log_access(
            acting_user=acting_user,
            action="cases.case.changed",
            obj=case,
            detail=f"handed over from {previous.pk} to {to_user.pk}",
            request=request,
        )
    return case


def do_request_transfer(
    *,
    acting_user: User,
    case: Case,
    to_organisation: Organisation,
    note: str = "",
    request: HttpRequest | None = None,
) -> TransferRequest:
    """Offer the case to another organisation; needs a consent in force for the transfer."""
    from lotse.consents.models import Purpose, consent_covers

    with transaction.atomic():
        verdict = check_transfer(
            TransferFacts(
                case_open=case.is_open,
                same_organisation=to_organisation.pk == case.organisation_id,
                same_municipality=to_organisation.municipality_id == case.municipality_id,
                consent_in_force=consent_covers(
                    case.client_id, to_organisation.pk, Purpose.TRANSFER, timezone.localdate()
                ),
                transfer_pending=case.transfer_requests.filter(
                    status=TransferRequest.Status.PENDING
                ).exists(),
            )
        )
        if not verdict.allowed:
            raise Refused(verdict.reasons)
        transfer = TransferRequest.objects.create(
            case=case,
            from_organisation_id=case.organisation_id,
            to_organisation=to_organisation,
            note=note[:300],
            requested_by=acting_user,
        )
        do_log_access(
            acting_user=acting_user,
            action="cases.transferrequest.created",
            obj=transfer,
            request=request,
        )
    return transfer


def do_decide_transfer(
    *,
    acting_user: User,
    transfer: TransferRequest,
    accept: bool,
    new_case_manager: User | None = None,
    note: str = "",
    request: HttpRequest | None = None,
) -> TransferRequest:
    """The receiving team lead accepts (naming the new case manager) or rejects."""
    from lotse.consents.models import Purpose, consent_covers

    with transaction.atomic():
        transfer = (
            TransferRequest.objects.select_for_update().select_related("case").get(pk=transfer.pk)
        )
        case = transfer.case
        if transfer.status != TransferRequest.Status.PENDING:
            raise Refused(["already_decided"])
        if not _is_team_lead_of(acting_user, transfer.to_organisation_id):
            raise Refused(["not_the_team_lead"])
        if accept:
            if (
                new_case_manager is None
                or new_case_manager.organisation_id != (transfer.to_organisation_id)
                or new_case_manager.role not in CASE_WORKER_ROLES
            ):
                raise Refused(["not_a_case_worker"])
            verdict = check_transfer(
                TransferFacts(
                    case_open=case.is_open,
                    same_organisation=False,
                    same_municipality=True,
                    consent_in_force=consent_covers(
                        case.client_id,
                        transfer.to_organisation_id,
                        Purpose.TRANSFER,
                        timezone.localdate(),
                    ),
                    transfer_pending=False,
                )
            )
            if not verdict.allowed:
                raise Refused(verdict.reasons)
            _save_case(
                case,
                case.version,
                organisation_id=transfer.to_organisation_id,
                case_manager=new_case_manager,
                location=new_case_manager.location,
            )
            case.shared_with.clear()
            case.approvals.filter(status=Approval.Status.PENDING).update(
                status=Approval.Status.REJECTED,
                decision_note="transferred",
                decided_at=timezone.now(),
            )
        transfer.status = (
            TransferRequest.Status.ACCEPTED if accept else TransferRequest.Status.REJECTED
        )
        transfer.decided_by, transfer.decided_at = acting_user, timezone.now()
        transfer.decision_note = note[:300]
        transfer.save()
        do_log_access(
            acting_user=acting_user,
            action="cases.transferrequest.changed",
            obj=transfer,
            request=request,
        )
    return transfer


def do_edit_case(
    *,
    acting_user: User,
    case: Case,
    version: int,
    location: Location | None,
    shared_with: Iterable[User],
    request: HttpRequest | None = None,
) -> Case:
    """Change the case's location and the colleagues it is shared with."""
    with transaction.atomic():
        _save_case(case, version, location=location)
        case.shared_with.set([u for u in shared_with if u.pk != case.case_manager_id])
        do_log_access(
            acting_user=acting_user, action="cases.case.changed", obj=case, request=request
        )
    return case
