"""The demo: Troisdorf and the Ennepe-Ruhr-Kreis in one installation, isolated."""

from __future__ import annotations

from decimal import Decimal
from io import StringIO

from django.core.management import call_command
from django.db.models import Sum

from lotse.accounts.models import Location, Role, User
from lotse.cases.models import Case
from lotse.cases.permissions import cases_visible_to
from lotse.cases.rules import Phase
from lotse.core.models import District, Municipality
from lotse.people.models import Client
from lotse.people.permissions import clients_visible_to


def test_demo_loads_two_isolated_municipalities_with_every_role_and_phase(db):
    out = StringIO()
    call_command("load_demo", clients=120, stdout=out)
    troisdorf = Municipality.objects.get(slug="troisdorf")
    kreis = Municipality.objects.get(slug="ennepe-ruhr-kreis")

    assert District.objects.filter(municipality=troisdorf, labels__de="Spich").exists()
    assert set(
        User.objects.filter(organisation__municipality=troisdorf).values_list("role", flat=True)
    ) == set(Role.values)
    assert set(Case.objects.filter(municipality=troisdorf).values_list("phase", flat=True)) == {
        p.value for p in Phase
    }
    assert Client.objects.filter(municipality=troisdorf).count() == 120
    fte = Location.objects.filter(organisation__municipality=kreis).aggregate(t=Sum("fte"))["t"]
    assert fte == Decimal("7.00")
    assert Location.objects.filter(organisation__municipality=kreis).count() == 9

    en_manager = User.objects.get(email="miriam.venn@en-kreis.example")
    assert not clients_visible_to(en_manager).filter(municipality=troisdorf).exists()
    assert cases_visible_to(en_manager).exists()
    assert "anna.schneider@troisdorf.example" in out.getvalue()


def test_loading_the_demo_twice_keeps_one_copy(db):
    call_command("load_demo", clients=20, stdout=StringIO())
    call_command("load_demo", clients=20, stdout=StringIO())
    assert Municipality.objects.filter(slug="troisdorf").count() == 1
    assert Client.objects.filter(municipality__slug="troisdorf").count() == 20
