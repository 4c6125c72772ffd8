"""Role predicates: the vocabulary every permission in Lotse is written in.

Deny by default: each predicate is false for anonymous and inactive users and
for users without an organisation. Object visibility lives in each app's
permissions.py as a queryset scope, so lists and single records obey one rule.
"""

from __future__ import annotations

import rules

from lotse.accounts.models import Role


@rules.predicate
def is_staff_member(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.organisation_id)


def has_role(*roles: Role) -> rules.Predicate:
    names = "_or_".join(role.value for role in roles)

    @rules.predicate(name=f"has_role_{names}")
    def predicate(user) -> bool:
        return bool(is_staff_member(user) and user.role in roles)

    return predicate


is_case_manager = has_role(Role.CASE_MANAGER, Role.TEAM_LEAD)
is_team_lead = has_role(Role.TEAM_LEAD)
is_coordinator = has_role(Role.COORDINATOR)
is_authority_staff = has_role(Role.AUTHORITY_STAFF)
is_partner_staff = has_role(Role.PARTNER_STAFF)


@rules.predicate
def is_administrator(user) -> bool:
    return bool(is_staff_member(user) and user.administers)


rules.add_perm("accounts.manage_users", is_administrator)
rules.add_perm("core.manage_configuration", is_administrator)
rules.add_perm("audit.view_access_log", is_administrator)
