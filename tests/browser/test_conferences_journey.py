"""A case manager invites a partner to a case conference; the partner reads and adds a note."""

from __future__ import annotations

import pytest

from tests.browser.conftest import assert_accessible, log_in, screenshot
from tests.conferences.factories import give_consent

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def partner_page(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, locale="de-DE", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def test_case_conference_from_invitation_to_partner_note(page, partner_page, world):
    give_consent(world)
    log_in(page, world.case_manager_a)
    page.goto(f"/cases/{world.case_a.pk}/")
    page.get_by_role("link", name="Zu einer Fallkonferenz einladen").click()
    page.get_by_label("Thema").fill("Wohnungssuche")
    page.get_by_label("Zusammenfassung für die Fallkonferenz").fill(
        "Familie mit drei Kindern sucht eine größere Wohnung."
    )
    page.get_by_label("Name der ratsuchenden Person").check()
    page.get_by_label(f"{world.partner_staff_a} (AWO A)").check()
    assert_accessible(page)
    screenshot(page, "conferences-invite")
    page.get_by_role("button", name="Einladen", exact=True).click()
    page.wait_for_url("**/conferences/*/")
    assert "Die Partner sind eingeladen." in page.content()

    # The partner, in a browser of their own.
    page, manager_page = partner_page, page
    log_in(page, world.partner_staff_a)
    page.get_by_role("link", name="Fallkonferenz: Wohnungssuche").click()
    assert "Haddad, Nour" in page.content()
    page.get_by_label("Ihre Notiz").fill("Wir haben eine Wohnung in Sieglar in Aussicht.")
    page.get_by_role("button", name="Notiz hinzufügen").click()
    page.wait_for_url("**/conferences/*/")
    assert "Ihre Notiz wurde hinzugefügt." in page.content()
    assert_accessible(page)
    screenshot(page, "conferences-partner")

    page = manager_page
    page.goto(f"/cases/{world.case_a.pk}/")
    assert "Wir haben eine Wohnung in Sieglar in Aussicht." in page.content()
    assert_accessible(page)
    screenshot(page, "conferences-case-page")
