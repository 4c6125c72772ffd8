"""Who may see which client record.

A client is visible to whoever may see one of the client's cases, to the case
manager who created the record (before any case exists), and to the team lead
of the responsible organisation.
"""

from __future__ import annotations

import rules
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest

from lotse.accounts.models import Role
from lotse.accounts.permissions import is_case_manager, is_staff_member, is_team_lead
from lotse.audit.actions import do_log_access
from lotse.cases.permissions import cases_visible_to
from lotse.people.models import Client


def clients_visible_to(user) -> QuerySet[Client]:
    if not is_staff_member(user):
        return Client.objects.none()
    scope = Client.objects.current().filter(municipality_id=user.organisation.municipality_id)
    if user.role == Role.TEAM_LEAD:
        # Their organisation's clients, and clients whose case came to it by transfer.
        via_cases = cases_visible_to(user).values("client_id")
        return scope.filter(Q(organisation_id=user.organisation_id) | Q(pk__in=via_cases))
    if user.role == Role.CASE_MANAGER:
        via_cases = cases_visible_to(user).values("client_id")
        return scope.filter(
            Q(pk__in=via_cases) | Q(created_by_id=user.pk, organisation_id=user.organisation_id)
        )
    return Client.objects.none()


def scope_inputs(user) -> tuple:
    """Everything of `user` that clients_visible_to reads (cases_visible_to included).

    Two users with the same inputs get the same query (the visibility of each record
    is decided by the database when the query runs), so its compiled SQL may be
    reused for as long as these stay the same: lotse.people.duplicates keeps it by
    this key. A change of role, organisation or active flag is a new key. Keep this
    in step with clients_visible_to; tests/people/test_scope_cache.py fails when
    the scope reads anything of the user that is not here.
    """
    organisation_id = getattr(user, "organisation_id", None)
    return (
        user.pk,
        bool(user and user.is_authenticated),
        bool(getattr(user, "is_active", False)),
        organisation_id,
        user.organisation.municipality_id if organisation_id else None,
        getattr(user, "role", None),
    )


@rules.predicate
def can_view_client(user, client: Client | None) -> bool:
    if client is None:
        return False
    return clients_visible_to(user).filter(pk=client.pk).exists()


rules.add_perm("people.view_client", can_view_client)
rules.add_perm("people.view_client_list", is_case_manager)


def access_client(request: HttpRequest, pk: int, *, log: bool = True) -> Client:
    """The client `pk` if the user may see the record (the read is logged), else 404."""
    client = clients_visible_to(request.user).select_related("district").filter(pk=pk).first()
    if client is None:
        raise Http404
    if log:
        do_log_access(
            acting_user=request.user, action="people.client.viewed", obj=client, request=request
        )
    return client


rules.add_perm("people.add_client", is_case_manager)
rules.add_perm("people.change_client", is_case_manager & can_view_client)
rules.add_perm("people.merge_clients", is_team_lead)
