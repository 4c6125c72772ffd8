"""A case manager downloads an appointment invitation in the client's language."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from tests.browser.conftest import assert_accessible, log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_invitation_is_filled_in_on_the_case_page_and_downloaded(page, world):
    world.client_a.preferred_language = "ar"
    world.client_a.save()
    log_in(page, world.case_manager_a)
    page.goto(f"/cases/{world.case_a.pk}/")
    page.get_by_text("Termineinladung").click()
    assert page.get_by_label("Sprache des Schreibens").first.input_value() == "ar"
    day = timezone.localdate() + dt.timedelta(days=3)
    page.locator("#id_invitation-date").fill(day.isoformat())
    page.locator("#id_invitation-time").fill("09:30")
    assert_accessible(page)
    screenshot(page, "letters-case-section")
    with page.expect_download() as download:
        page.get_by_role("button", name="PDF herunterladen").first.click()
    assert download.value.suggested_filename == f"invitation-{world.case_a.number}-ar.pdf"

    # Bad input: a date in the past keeps the form, with a message, and no PDF.
    page.locator("#id_invitation-date").fill("2001-01-01")
    page.get_by_role("button", name="PDF herunterladen").first.click()
    page.wait_for_url(f"**/letters/{world.case_a.pk}/invitation/")
    assert page.locator(".error").first.is_visible()
    assert_accessible(page)
    screenshot(page, "letters-form-error")
