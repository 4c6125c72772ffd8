"""Who may see which case: the one rule, used by lists, detail pages and exports.

A case manager sees the cases they manage and the cases shared with them; a team
lead sees every case of their organisation. Nobody else sees a named case here
(coordinators see aggregates, administrators configuration). Every query is
also bound to the user's municipality.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

import rules
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from lotse.accounts.models import Role, User
from lotse.accounts.permissions import is_case_manager, is_staff_member
from lotse.audit.actions import do_log_access
from lotse.cases.models import Case
from lotse.cases.rules import OPEN_PHASES
from lotse.core.memo import memo
from lotse.core.prepared import Markers, prepared


def cases_visible_to(user) -> QuerySet[Case]:
    if not is_staff_member(user):
        return Case.objects.none()
    return visible_cases(user.role, **staff_ids(user))


def staff_ids(user) -> dict[str, int]:
    """What the case rules read of a staff member besides the role."""
    return {
        "user": user.pk,
        "organisation": user.organisation_id,
        "municipality": user.organisation.municipality_id,
    }


def staff_markers(p: Markers) -> dict[str, int]:
    """staff_ids as markers, for a prepared query that staff_ids(user) then fills."""
    return {name: p.int(name) for name in ("user", "organisation", "municipality")}


def visible_cases(role: str, *, user: int, organisation: int, municipality: int) -> QuerySet[Case]:
    """The rule, from a staff member's role and ids: a prepared query (lotse.core.prepared)
    builds it once from markers, the rest from the user's own values."""
    scope = Case.objects.filter(municipality_id=municipality)
    if role == Role.TEAM_LEAD:
        return scope.filter(organisation_id=organisation)
    if role == Role.CASE_MANAGER:
        return scope.filter(organisation_id=organisation, pk__in=_own_or_shared(user))
    return Case.objects.none()


def _own_or_shared(user_id: int) -> QuerySet:
    """Ids of the cases a user manages or that are shared with them, as one subquery.

    A UNION of two index lookups: written as ``manager = me OR id IN (shared)`` the
    database would have to read every case of the organisation.
    """
    shared = Case.shared_with.through.objects.filter(user_id=user_id).values("case_id")
    return Case.objects.filter(case_manager_id=user_id).values("pk").union(shared)


def cases_worked_on_by(user) -> QuerySet[Case]:
    """The cases a user works on personally: managed by them or shared with them.

    A team lead sees every case of the team, but their worklist and calendar hold
    only the cases they work on themselves.
    """
    if not is_staff_member(user):
        return Case.objects.none()
    return worked_on_cases(user.role, **staff_ids(user))


def worked_on_cases(
    role: str, *, user: int, organisation: int, municipality: int
) -> QuerySet[Case]:
    """cases_worked_on_by's rule, from a staff member's role and ids (see visible_cases)."""
    scope = visible_cases(role, user=user, organisation=organisation, municipality=municipality)
    if role == Role.CASE_MANAGER:
        return scope  # already exactly their own and shared cases
    return scope.filter(pk__in=_own_or_shared(user))


class OpenCase(NamedTuple):
    """What the start page needs of each open case a user works on (one query)."""

    pk: int
    client_id: int
    opened_on: dt.date
    phase: str
    last_contact_on: dt.date | None
    family_name: str
    given_names: str


@prepared
def _open_cases(p: Markers, role: str):
    return (
        worked_on_cases(role, **staff_markers(p))
        .filter(phase__in=[phase.value for phase in OPEN_PHASES])
        .values_list(
            "pk",
            "client_id",
            "opened_on",
            "phase",
            "last_contact_on",
            "client__family_name",
            "client__given_names",
        )
    )


def open_cases_of(user) -> list[OpenCase]:
    """The open cases the user works on (see above), read once per page inside
    ``lotse.core.memo.memoised()``: the start page's to-do lists filter by their ids
    instead of each compiling the visibility subquery anew, and a case manager's list
    of open cases is made from them."""
    if not is_staff_member(user) or user.role not in (Role.CASE_MANAGER, Role.TEAM_LEAD):
        return []
    return memo(
        ("open_cases_of", user.pk),
        lambda: [OpenCase(*row) for row in _open_cases(role=user.role, **staff_ids(user))],
    )


def open_cases_worked_on(user) -> dict[int, int]:
    """{case id: client id} of the open cases the user works on."""
    return {case.pk: case.client_id for case in open_cases_of(user)}


@rules.predicate
def can_view_case(user, case: Case | None) -> bool:
    if case is None:
        return False
    if user.pk is not None and user.pk in getattr(case, "_visible_to", ()):
        return True  # this very object was loaded through cases_visible_to(user)
    return cases_visible_to(user).filter(pk=case.pk).exists()


rules.add_perm("cases.view_case", can_view_case)
rules.add_perm("cases.view_case_list", is_case_manager)


def may_reassign(user, case: Case) -> bool:
    """Hand over or transfer: the case's own case manager, or a team lead of its organisation."""
    if not is_staff_member(user) or user.organisation_id != case.organisation_id:
        return False
    return user.pk == case.case_manager_id or user.role == Role.TEAM_LEAD


def is_team_lead_of(user, organisation_id: int) -> bool:
    return bool(
        is_staff_member(user)
        and user.role == Role.TEAM_LEAD
        and user.organisation_id == organisation_id
    )


class CaseClosedError(PermissionDenied):
    """Something new was to be recorded on a closed case (ClosedCaseMiddleware answers)."""

    def __init__(self, case: Case) -> None:
        super().__init__()
        self.case = case


@prepared
def _visible_case(p: Markers, role: str):
    return (
        visible_cases(role, **staff_markers(p))
        .select_related(
            "client", "case_manager", "location", "closure_reason", "organisation", "municipality"
        )
        .filter(pk=p.int("case"))
        .order_by()[:1]  # one row by its key: no ordering to work out
    )


def access_case(
    request: HttpRequest, pk: int, *, log: bool = True, to_change: bool = False
) -> Case:
    """The case `pk` if the user may see it (and the read is logged), else 404.

    With `to_change`, a closed case is refused: it is a finished record until it is
    reopened with a reason, so nothing new is added to it by accident.
    """
    user = request.user
    try:
        case_id = int(pk)
    except (TypeError, ValueError):
        raise Http404 from None
    if not is_staff_member(user) or not 0 < case_id < 2**63:
        raise Http404
    assert isinstance(user, User)  # a staff member is signed in  # noqa: S101
    found = _visible_case(role=user.role, case=case_id, **staff_ids(user))
    if not found:
        raise Http404
    case = found[0]
    case._visible_to = {request.user.pk}  # sections reuse it
    if to_change and not case.is_open:
        raise CaseClosedError(case)
    if log:
        do_log_access(
            acting_user=request.user, action="cases.case.viewed", obj=case, request=request
        )
    return case
