"""An administrator adds an organisation and a location in the browser."""

from __future__ import annotations

import pytest

from lotse.accounts.models import Location, Organisation
from tests.browser.conftest import assert_accessible, log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_administrator_adds_an_organisation_with_a_location(page, world):
    log_in(page, world.admin_a)
    page.goto("/users/")
    page.get_by_role("link", name="Organisationen und Standorte").click()
    page.wait_for_url("**/users/organisations/")
    assert_accessible(page)
    screenshot(page, "accounts-organisations")

    page.get_by_role("link", name="Organisation hinzufügen").click()
    page.get_by_label("Name").fill("Caritas A")
    page.get_by_label("Art").select_option(label="Wohlfahrtsverband")
    page.get_by_role("button", name="Speichern").click()
    organisation = Organisation.objects.get(name="Caritas A")
    page.wait_for_url(f"**/users/organisations/{organisation.pk}/")
    assert_accessible(page)
    screenshot(page, "accounts-organisation")

    page.get_by_role("link", name="Standort hinzufügen").click()
    page.get_by_label("Name").fill("Haus International")
    page.get_by_label("Adresse").fill("Hauptstraße 1")
    page.get_by_label("Stadtteil").select_option(label="Mitte")
    page.get_by_label("Stellenanteil Case Management").fill("-1")
    page.get_by_role("button", name="Speichern").click()
    assert page.locator(".error").first.is_visible()
    assert_accessible(page)
    screenshot(page, "accounts-location-error")
    page.get_by_label("Stellenanteil Case Management").fill("0.75")
    page.get_by_role("button", name="Speichern").click()
    page.wait_for_url(f"**/users/organisations/{organisation.pk}/")
    assert page.get_by_role("link", name="Haus International").is_visible()
    assert Location.objects.get(name="Haus International").organisation == organisation
    screenshot(page, "accounts-organisation-with-location")
