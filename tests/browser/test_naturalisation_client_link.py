"""Browser journey: authority staff link an application to a consented client record."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from lotse.consents.models import Consent, Purpose
from lotse.naturalisation.models import Application
from tests.browser.conftest import assert_accessible, log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_authority_staff_link_the_application_to_a_consented_client_record(page, world):
    Consent.objects.create(
        client=world.client_a,
        purpose=Purpose.DATA_EXCHANGE,
        recipient=world.authority_a,
        given_on=timezone.localdate() - dt.timedelta(days=3),
        recorded_by=world.case_manager_a,
    )
    app = Application.objects.create(
        organisation=world.authority_a,
        number="EB-7",
        applicant_name="Nour Haddad",
        received_on=dt.date(2026, 1, 5),
        status_since=dt.date(2026, 1, 5),
    )
    log_in(page, world.authority_staff_a)
    page.goto(f"/naturalisation/applications/{app.pk}/")
    assert page.get_by_test_id("client-link").inner_text() == "nicht verknüpft"
    page.locator("#id_client").select_option(label="Haddad, Nour")
    page.get_by_role("button", name="Akte verknüpfen").click()
    page.wait_for_selector("text=Die Akte wurde verknüpft.", timeout=30_000)
    assert page.get_by_test_id("client-link").inner_text().startswith("Haddad, Nour")
    assert_accessible(page)
    screenshot(page, "naturalisation-client-linked")
    page.get_by_role("button", name="Verknüpfung lösen").click()
    page.wait_for_selector("text=Die Verknüpfung mit der Akte wurde gelöst.", timeout=30_000)
    assert page.get_by_test_id("client-link").inner_text() == "nicht verknüpft"
