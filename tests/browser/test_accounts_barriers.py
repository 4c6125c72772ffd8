"""A case manager flags a structural barrier from a case; the coordinator reads it."""

from __future__ import annotations

import pytest

from lotse.barriers.models import BarrierReport
from tests.browser.conftest import assert_accessible, log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_barrier_goes_from_the_case_to_the_coordinators_list(page, world, browser, live_server):
    log_in(page, world.case_manager_a)
    page.goto(f"/cases/{world.case_a.pk}/")
    page.get_by_text("Strukturelle Hürde melden").click()
    page.get_by_label("Handlungsfeld").select_option(label="Aufenthalt und Rechtsfragen")
    page.get_by_label("Betroffene Organisation").select_option(label="Ausländerbehörde A")
    page.get_by_label("Beschreibung der Hürde").fill("Frau Haddad wartet sechs Monate.")
    assert_accessible(page)
    screenshot(page, "barriers-case-section")
    page.get_by_role("button", name="Hürde melden").click()
    # The client's name is caught; the form stays, with a message.
    assert page.get_by_text("personenbezogene Daten zu enthalten").is_visible()
    screenshot(page, "barriers-report-refused")
    page.get_by_label("Beschreibung der Hürde").fill(
        "Termine bei der Ausländerbehörde dauern sechs Monate."
    )
    page.get_by_role("button", name="Hürde melden").click()
    page.wait_for_url(f"**/cases/{world.case_a.pk}/")
    assert page.get_by_text("Vielen Dank").is_visible()
    assert BarrierReport.objects.count() == 1

    context = browser.new_context(base_url=live_server.url, locale="de-DE")
    coordinator = context.new_page()
    log_in(coordinator, world.coordinator_a)
    coordinator.get_by_role("link", name="Strukturelle Hürden").click()
    coordinator.wait_for_url("**/barriers/")
    assert coordinator.get_by_text("dauern sechs Monate").is_visible()
    assert "Haddad" not in coordinator.content()
    assert_accessible(coordinator)
    screenshot(coordinator, "barriers-list")
    context.close()
