"""Personas and small factories shared by the tests.

Two municipalities (A and B). In A: the KIM organisation with two case managers,
a team lead, a coordinator and an administrator; the immigration authority; a
welfare organisation with partner staff. In B: a case manager and an administrator.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
from dataclasses import dataclass

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from lotse.accounts.models import Location, Organisation, Role, User
from lotse.cases.models import Case
from lotse.core.defaults import seed_municipality
from lotse.core.models import District, Municipality
from lotse.people.models import Client

_numbers = itertools.count(1)


def make_user(
    organisation: Organisation | None,
    role: str = "",
    *,
    admin: bool = False,
    with_totp: bool = True,
    location: Location | None = None,
    password: str = "correct horse battery",
) -> User:
    n = next(_numbers)
    user = User.objects.create_user(
        username=f"user{n}@test.example",
        email=f"user{n}@test.example",
        password=password,
        first_name=f"First{n}",
        last_name=f"Last{n}",
        organisation=organisation,
        role=role,
        is_administrator=admin,
        location=location,
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    if with_totp and user.needs_mfa:
        user.totp_secret = generate_totp_secret()
        TOTP.activate(user, user.totp_secret)
    return user


def make_client(
    municipality: Municipality, organisation: Organisation, created_by: User, **fields
) -> Client:
    fields.setdefault("family_name", f"Family{next(_numbers)}")
    fields.setdefault("given_names", "Given")
    return Client.objects.create(
        municipality=municipality, organisation=organisation, created_by=created_by, **fields
    )


def make_case(client: Client, case_manager: User, **fields) -> Case:
    fields.setdefault("opened_on", dt.date(2026, 1, 15))
    return Case.objects.create(
        municipality=client.municipality,
        organisation=client.organisation,
        client=client,
        case_manager=case_manager,
        **fields,
    )


@dataclass
class World:
    municipality_a: Municipality
    municipality_b: Municipality
    kim_a: Organisation
    authority_a: Organisation
    welfare_a: Organisation
    kim_b: Organisation
    location_a: Location
    district_a: District
    case_manager_a: User
    other_case_manager_a: User
    team_lead_a: User
    coordinator_a: User
    authority_staff_a: User
    partner_staff_a: User
    admin_a: User
    case_manager_b: User
    admin_b: User
    outsider: User
    client_a: Client
    case_a: Case
    client_b: Client
    case_b: Case

    def personas(self) -> dict[str, User | None]:
        return {
            "anonymous": None,
            "case_manager_a": self.case_manager_a,
            "other_case_manager_a": self.other_case_manager_a,
            "team_lead_a": self.team_lead_a,
            "coordinator_a": self.coordinator_a,
            "authority_staff_a": self.authority_staff_a,
            "partner_staff_a": self.partner_staff_a,
            "admin_a": self.admin_a,
            "case_manager_b": self.case_manager_b,
            "admin_b": self.admin_b,
            "outsider": self.outsider,
        }


@pytest.fixture
def world(db) -> World:
    a = Municipality.objects.create(name="Stadt A", slug="a", kind=Municipality.Kind.TOWN)
    b = Municipality.objects.create(name="Kreis B", slug="b", kind=Municipality.Kind.KREIS)
    seed_municipality(a)
    seed_municipality(b)
    district_a = District.objects.create(municipality=a, code="mitte", labels={"de": "Mitte"})
    kim_a = Organisation.objects.create(
        municipality=a, name="KIM A", kind=Organisation.Kind.INTEGRATION_CENTRE
    )
    authority_a = Organisation.objects.create(
        municipality=a, name="Ausländerbehörde A", kind=Organisation.Kind.IMMIGRATION_AUTHORITY
    )
    welfare_a = Organisation.objects.create(
        municipality=a, name="AWO A", kind=Organisation.Kind.WELFARE
    )
    kim_b = Organisation.objects.create(
        municipality=b, name="KIM B", kind=Organisation.Kind.INTEGRATION_CENTRE
    )
    location_a = Location.objects.create(organisation=kim_a, name="Rathaus A", fte=1)
    cm_a = make_user(kim_a, Role.CASE_MANAGER, location=location_a)
    cm_b = make_user(kim_b, Role.CASE_MANAGER)
    client_a = make_client(
        a, kim_a, cm_a, family_name="Haddad", given_names="Nour", district=district_a
    )
    client_b = make_client(b, kim_b, cm_b, family_name="Koval", given_names="Olena")
    return World(
        municipality_a=a,
        municipality_b=b,
        kim_a=kim_a,
        authority_a=authority_a,
        welfare_a=welfare_a,
        kim_b=kim_b,
        location_a=location_a,
        district_a=district_a,
        case_manager_a=cm_a,
        other_case_manager_a=make_user(kim_a, Role.CASE_MANAGER),
        team_lead_a=make_user(kim_a, Role.TEAM_LEAD),
        coordinator_a=make_user(kim_a, Role.COORDINATOR),
        authority_staff_a=make_user(authority_a, Role.AUTHORITY_STAFF),
        partner_staff_a=make_user(welfare_a, Role.PARTNER_STAFF),
        admin_a=make_user(kim_a, Role.ADMINISTRATOR, admin=True),
        case_manager_b=cm_b,
        admin_b=make_user(kim_b, Role.ADMINISTRATOR, admin=True),
        outsider=make_user(None, ""),
        client_a=client_a,
        case_a=make_case(client_a, cm_a, location=location_a),
        client_b=client_b,
        case_b=make_case(client_b, cm_b),
    )


# Browser tests need Chromium. Under CI a missing browser is an error (the
# fixture fails); elsewhere they are left out and the summary says so loudly.
_browser_tests_left_out: list[str] = []


def pytest_collection_modifyitems(config, items):
    from tests.browser.conftest import chromium_path

    if chromium_path() or os.environ.get("CI"):
        return
    kept = []
    for item in items:
        if item.get_closest_marker("browser"):
            _browser_tests_left_out.append(item.nodeid)
        else:
            kept.append(item)
    if _browser_tests_left_out:
        config.hook.pytest_deselected(items=[i for i in items if i not in kept])
        items[:] = kept


def pytest_terminal_summary(terminalreporter):
    if _browser_tests_left_out:
        terminalreporter.write_sep(
            "!",
            f"BROWSER TESTS DID NOT RUN ({len(_browser_tests_left_out)}): Chromium is not "
            "installed. Install Debian's chromium (apt-get install chromium) to run them.",
            red=True,
            bold=True,
        )
