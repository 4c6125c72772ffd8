"""Read-only queries over cases for the start page: over an already-scoped queryset, or
over the cases a user may see (lotse.cases.permissions)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.db.models.functions import Coalesce

from lotse.accounts.models import Role, User
from lotse.accounts.permissions import is_staff_member
from lotse.cases.models import (
    Approval,
    Assessment,
    AssessmentEntry,
    Case,
    Goal,
    GoalAgreement,
    PhaseChoices,
    PhaseTransition,
    TransferRequest,
    case_number,
)
from lotse.cases.permissions import open_cases_of, staff_ids, staff_markers, visible_cases
from lotse.cases.rules import OPEN_PHASES
from lotse.core.links import url_for
from lotse.core.prepared import Markers, children_of, prepared
from lotse.people.models import client_name

# Aggregates shown to coordinators hide counts below this (re-identification risk).
SMALL_COUNT = 5


def get_open_cases(scope: QuerySet[Case]) -> QuerySet[Case]:
    return scope.filter(phase__in=[p.value for p in OPEN_PHASES])


@dataclass(frozen=True)
class OpenCaseRow:
    """A line of the start page's open-case list."""

    pk: int
    url: str
    number: str
    client: str
    phase: str
    phase_label: str
    last_contact_on: dt.date | None
    quiet: bool  # no contact (or none since the opening) before the cutoff


def _visible(p: Markers, role: str) -> QuerySet[Case]:
    return visible_cases(role, **staff_markers(p))


@prepared
def _longest_without_contact(p: Markers, role: str, limit: int):
    return (
        get_open_cases(_visible(p, role))
        .order_by(Coalesce("last_contact_on", "opened_on"), "pk")
        .values_list(
            "pk",
            "opened_on",
            "phase",
            "last_contact_on",
            "client__family_name",
            "client__given_names",
        )[:limit]
    )


def get_longest_without_contact(user, cutoff: dt.date, limit: int) -> list[OpenCaseRow]:
    """The open cases the user may see, longest without contact first, counting from the
    opening where there was none; as plain rows. A case manager sees exactly the cases
    they work on, which the page has read already; a team lead, the whole team's."""
    if not is_staff_member(user):
        return []
    if user.role == Role.CASE_MANAGER:
        cases = sorted(open_cases_of(user), key=lambda c: (c.last_contact_on or c.opened_on, c.pk))
        rows = [
            (c.pk, c.opened_on, c.phase, c.last_contact_on, c.family_name, c.given_names)
            for c in cases[:limit]
        ]
    else:
        rows = _longest_without_contact(role=user.role, limit=limit, **staff_ids(user))
    labels = dict(PhaseChoices.choices)
    return [
        OpenCaseRow(
            pk=pk,
            url=url_for("cases:detail", pk),
            number=case_number(opened_on, pk),
            client=client_name(family, given),
            phase=phase,
            phase_label=str(labels.get(phase, phase)),
            last_contact_on=last_contact_on,
            quiet=(last_contact_on or opened_on) < cutoff,
        )
        for pk, opened_on, phase, last_contact_on, family, given in rows
    ]


def get_phase_counts(scope: QuerySet[Case]) -> dict[str, int]:
    rows = scope.values("phase").annotate(n=Count("id")).order_by()
    return {row["phase"]: row["n"] for row in rows}


@prepared
def _open_phase_counts(p: Markers, role: str):
    return get_open_cases(_visible(p, role)).values_list("phase").annotate(n=Count("id")).order_by()


def get_open_phase_counts(user) -> dict[str, int]:
    """Open cases per phase among those the user may see."""
    if not is_staff_member(user):
        return {}
    if user.role == Role.CASE_MANAGER:  # exactly the cases they work on, read already
        return dict(Counter(case.phase for case in open_cases_of(user)))
    return dict(_open_phase_counts(role=user.role, **staff_ids(user)))


def suppress_small(count: int) -> str:
    """A count for an aggregate report: small numbers are shown as '< 5'."""
    return f"< {SMALL_COUNT}" if 0 < count < SMALL_COUNT else str(count)


# The case page's queries, prepared (lotse.core.prepared): the page is opened all day.
@prepared
def _assessments(p: Markers):
    return Assessment.objects.filter(case_id=p.int("case")).select_related("created_by")


@prepared
def _agreements(p: Markers):
    return GoalAgreement.objects.filter(case_id=p.int("case")).select_related("created_by")


@prepared
def _pending_approvals(p: Markers):
    return Approval.objects.filter(
        case_id=p.int("case"), status=Approval.Status.PENDING
    ).select_related("requested_by", "closure_reason")


@prepared
def _pending_transfers(p: Markers):
    return TransferRequest.objects.filter(
        case_id=p.int("case"), status=TransferRequest.Status.PENDING
    ).select_related("to_organisation", "requested_by")


@prepared
def _transitions(p: Markers):
    return PhaseTransition.objects.filter(case_id=p.int("case")).select_related("by")


@prepared
def _shared_with(p: Markers):
    return User.objects.filter(shared_cases=p.int("case"))


def get_timeline(case: Case) -> list[PhaseTransition]:
    return children_of(case, _transitions(case=case.pk), "case")


def get_shared_with(case: Case) -> list[User]:
    """The users the case is shared with (besides its case manager)."""
    return _shared_with(case=case.pk)


def get_case_overview(case: Case) -> dict:
    """Everything the case page shows about the cycle, in a fixed number of queries.

    Only the two latest assessments carry their entries (for the change between
    them) and only the current goal agreement its goals, so the page stays the
    same size in queries however long the case runs.
    """
    from lotse.cases.rules import CaseFacts, Phase, need_changes

    assessments = children_of(case, _assessments(case=case.pk), "case")
    latest, previous = (assessments + [None, None])[:2]
    entries = (
        list(
            AssessmentEntry.objects.filter(
                assessment_id__in=[a.pk for a in (latest, previous) if a]
            ).select_related("field")
        )
        if latest
        else []
    )
    agreements = children_of(case, _agreements(case=case.pk), "case")
    current = next((a for a in agreements if a.status != GoalAgreement.Status.REJECTED), None)
    goals = (
        list(Goal.objects.filter(agreement=current).select_related("field", "partner"))
        if current
        else []
    )
    approvals = children_of(case, _pending_approvals(case=case.pk), "case")
    transfers = children_of(case, _pending_transfers(case=case.pk), "case")
    facts = CaseFacts(
        phase=Phase(case.phase),
        has_assessment=bool(assessments),
        has_goal_agreement=any(a.status == GoalAgreement.Status.AGREED for a in agreements),
        closed_from=Phase(case.closed_from) if case.closed_from else None,
        closure_pending=any(a.kind == Approval.Kind.CLOSURE for a in approvals),
    )
    now = {e.field_id: e for e in entries if latest and e.assessment_id == latest.pk}
    before = {e.field_id: e for e in entries if previous and e.assessment_id == previous.pk}
    changes = need_changes(
        {k: e.need_level for k, e in before.items()}, {k: e.need_level for k, e in now.items()}
    )
    fields = {e.field_id: e.field for e in entries}
    return {
        "facts": facts,
        "assessments": assessments,
        "latest_assessment": latest,
        "need_rows": sorted(
            (
                {
                    "field": fields[field_id],
                    "now": now.get(field_id),
                    "before": before.get(field_id),
                    "change": change,
                }
                for field_id, change in changes.items()
            ),
            key=lambda row: (row["field"].position, row["field"].code),
        ),
        "has_previous_assessment": previous is not None,
        "agreements": agreements,
        "agreement": current,
        "goals": goals,
        "pending_approvals": approvals,
        "pending_transfers": transfers,
    }
