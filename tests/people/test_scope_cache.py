"""The duplicate check keeps each user's compiled scope SQL between lookups: a change
of role, organisation or active flag, a new case or a shared case must still show
at the very next lookup, and nothing outside the scope may ever be read."""

from __future__ import annotations

from lotse.accounts.models import Role
from lotse.people.duplicates import compiled_scope, find_candidates
from lotse.people.permissions import clients_visible_to, scope_inputs
from tests.conftest import make_case, make_user


class _Reads:
    """A stand-in for a user (or their organisation) that notes each attribute read."""

    def __init__(self, obj, log: set[str], prefix: str = "") -> None:
        object.__setattr__(self, "_obj", obj)
        object.__setattr__(self, "_log", log)
        object.__setattr__(self, "_prefix", prefix)

    def __getattr__(self, name: str):
        value = getattr(self._obj, name)
        self._log.add(self._prefix + name)
        if name == "organisation" and value is not None:
            return _Reads(value, self._log, "organisation.")
        return value

    def __bool__(self) -> bool:
        return bool(self._obj)


def test_the_cache_key_holds_everything_the_scope_reads_of_the_user(world):
    users = [
        world.case_manager_a,
        world.team_lead_a,
        world.coordinator_a,
        world.authority_staff_a,
        world.partner_staff_a,
        world.admin_a,
        world.outsider,
    ]
    for user in users:
        scope_reads: set[str] = set()
        compiled_scope(clients_visible_to(_Reads(user, scope_reads)))  # built and compiled
        key_reads: set[str] = set()
        scope_inputs(_Reads(user, key_reads))
        assert scope_reads <= key_reads, (user.role, scope_reads - key_reads)


def _hassan(client_of, **fields):
    return client_of(
        family_name="Hassan",
        given_names="Amira",
        gender="f",
        birth_year=1988,
        birth_month=4,
        birth_day=9,
        **fields,
    )


PROBE = {"given_names": "Amira", "family_name": "Hasan", "date_of_birth": "1988-04-09"}


def _found(user) -> list:
    return [c.client for c in find_candidates(user, PROBE)]


def test_a_role_change_shows_at_the_next_lookup(world, client_of):
    lead = make_user(world.kim_a, Role.TEAM_LEAD)
    existing = _hassan(client_of, created_by=world.other_case_manager_a)
    assert _found(lead) == [existing]  # the organisation's client, seen by its team lead
    lead.role = Role.CASE_MANAGER
    lead.save()
    assert _found(lead) == []  # neither created by them nor one of their cases
    lead.role = Role.TEAM_LEAD
    lead.save()
    assert _found(lead) == [existing]


def test_deactivation_and_a_move_to_another_municipality_show_at_the_next_lookup(world, client_of):
    lead = make_user(world.kim_a, Role.TEAM_LEAD)
    existing = _hassan(client_of)
    assert _found(lead) == [existing]
    lead.is_active = False
    lead.save()
    assert _found(lead) == []
    lead.is_active = True
    lead.organisation = world.kim_b
    lead.save()
    assert _found(lead) == []
    lead.organisation = world.kim_a
    lead.save()
    assert _found(lead) == [existing]


def test_a_case_taken_over_or_shared_shows_at_the_next_lookup(world, client_of):
    existing = _hassan(client_of, created_by=world.other_case_manager_a)
    assert _found(world.case_manager_a) == []  # warms the case manager's scope
    case = make_case(existing, world.other_case_manager_a)
    assert _found(world.case_manager_a) == []
    case.shared_with.add(world.case_manager_a)
    assert _found(world.case_manager_a) == [existing]
    case.shared_with.remove(world.case_manager_a)
    assert _found(world.case_manager_a) == []
    case.case_manager = world.case_manager_a
    case.save()
    assert _found(world.case_manager_a) == [existing]
