"""A case manager records a consent and sends a referral; the partner accepts it.

The referral is blocked while no consent covers the partner organisation and goes
out once one is recorded; the partner sees only the consented part.
"""

from __future__ import annotations

import pytest

from lotse.directory.models import Offer
from lotse.referrals.models import Referral
from tests.browser.conftest import assert_accessible, form_on_demand, log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_referral_is_blocked_without_consent_sent_with_it_and_accepted_by_partner(page, world):
    Offer.objects.create(
        municipality=world.municipality_a, organisation=world.welfare_a, title="Sprachcafé"
    )
    log_in(page, world.case_manager_a)
    page.goto(f"/cases/{world.case_a.pk}/")

    # Propose: the organisation's offers are loaded when it is chosen (htmx).
    form_on_demand(page, "form[action*='/referrals/case/']")
    page.select_option("select[name=organisation]", label="AWO A")
    page.wait_for_selector("select[name=offer] option:has-text('Sprachcafé')", state="attached")
    page.select_option("select[name=offer]", label="Sprachcafé")
    page.fill("textarea[name=purpose]", "Anmeldung zum Sprachcafé, Kinderbetreuung klären")
    page.locator("form[action*='/referrals/case/'] button[type=submit]").click()
    page.wait_for_selector("form[action*='/send/']")

    # Sending without a consent is refused with a clear message.
    page.locator("form[action*='/send/'] button").click()
    page.wait_for_selector(".message.error")
    assert "AWO A" in page.locator(".message.error").inner_text()
    assert Referral.objects.get().status == "proposed"
    assert_accessible(page)
    screenshot(page, "sharing-referral-blocked")

    # Record the consent for referrals to AWO A.
    page.locator(f"a[href$='/consents/case/{world.case_a.pk}/new/']").click()
    page.select_option("select[name=purpose]", value="referral")
    page.select_option("select[name=recipient]", label="AWO A")
    page.fill("textarea[name=scope]", "Name, Telefonnummer, Deutschkenntnisse")
    page.select_option("main select[name=language]", value="ar")
    assert_accessible(page)
    screenshot(page, "sharing-consent-form")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**/cases/{world.case_a.pk}/")
    assert page.locator("tr[data-consent]").count() == 1

    # Now the referral goes out.
    page.locator("form[action*='/send/'] button").click()
    page.wait_for_selector("[data-status=sent]")
    assert Referral.objects.get().status == "sent"
    assert_accessible(page)
    screenshot(page, "sharing-case-referral-sent")

    page.locator("footer button").click()
    page.wait_for_url("**/accounts/login/**")

    # The partner sees it in the inbox and accepts it.
    log_in(page, world.partner_staff_a)
    page.locator("main a[href^='/referrals/']").first.click()
    page.wait_for_selector("dl.facts")
    body = page.locator("main").inner_text()
    assert "Haddad" in body and "Deutschkenntnisse" in body
    assert f"/cases/{world.case_a.pk}/" not in page.content()
    assert_accessible(page)
    screenshot(page, "sharing-partner-referral")
    page.locator("input[name=decision][value=accepted] ~ button").click()
    page.wait_for_selector("[data-status=accepted]")
    assert Referral.objects.get().status == "accepted"
    page.goto("/referrals/")
    assert_accessible(page)
    screenshot(page, "sharing-partner-inbox")
