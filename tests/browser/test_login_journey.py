"""A case manager logs in with password and TOTP, sees the worklist, logs out."""

from __future__ import annotations

import pytest

from lotse.accounts.models import Role
from tests.browser.conftest import assert_accessible, log_in, screenshot, totp_now
from tests.conftest import make_case, make_client, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_case_manager_logs_in_with_totp_sees_worklist_and_logs_out(page, world):
    page.goto("/")
    assert "/accounts/login/" in page.url
    assert_accessible(page)
    screenshot(page, "login")

    page.get_by_label("E-Mail-Adresse").fill(world.case_manager_a.email)
    page.get_by_label("Passwort").fill("correct horse battery")
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url("**/2fa/authenticate/")
    screenshot(page, "login-totp")
    page.get_by_label("Code").fill(totp_now(world.case_manager_a.totp_secret))
    page.locator("main button[type=submit]").first.click()

    page.wait_for_url(lambda url: "/accounts/" not in url)
    heading = page.get_by_role("heading", level=1)
    assert world.case_manager_a.first_name in heading.inner_text()
    assert page.get_by_role("link", name=world.case_a.number).first.is_visible()
    assert_accessible(page)
    screenshot(page, "worklist")

    page.get_by_role("link", name=world.case_a.number).first.click()
    page.wait_for_url(f"**/cases/{world.case_a.pk}/")
    assert "Haddad" in page.get_by_role("heading", level=1).inner_text()
    assert_accessible(page)
    screenshot(page, "case")

    page.get_by_role("button", name="Abmelden").click()
    page.wait_for_url("**/accounts/login/**")
    page.goto("/clients/")
    assert "/accounts/login/" in page.url


def test_new_case_manager_must_set_up_totp_before_seeing_clients(page, world):
    user = make_user(world.kim_a, Role.CASE_MANAGER, with_totp=False)
    client = make_client(world.municipality_a, world.kim_a, user, family_name="Shevchenko")
    make_case(client, user)
    page.goto("/accounts/login/")
    page.get_by_label("E-Mail-Adresse").fill(user.email)
    page.get_by_label("Passwort").fill("correct horse battery")
    page.get_by_role("button", name="Anmelden").click()
    page.goto("/clients/")
    # Set-up asks for the password once more, then shows the QR code and secret.
    page.wait_for_url("**/reauthenticate/**")
    page.get_by_label("Passwort").fill("correct horse battery")
    page.locator("main button[type=submit]").first.click()
    page.wait_for_url("**/2fa/totp/activate/")
    assert_accessible(page)
    screenshot(page, "totp-setup")
    secret_text = page.get_by_label("Authentifizierungsgeheimnis").input_value()
    page.locator("input[name=code]").fill(totp_now(secret_text.strip()))
    page.locator("main button[type=submit]").first.click()
    page.goto("/clients/")
    assert page.get_by_role("link", name="Shevchenko, Given").is_visible()


def test_the_language_changes_only_on_the_button_and_the_menu_marks_the_current_page(page, world):
    log_in(page, world.case_manager_a)
    page.goto("/clients/")
    menu = page.get_by_role("navigation", name="Hauptnavigation")
    current = menu.locator('a[aria-current="page"]')
    assert current.all_inner_texts() == ["Ratsuchende"]

    # choosing a language with the keyboard does not yet leave the page (WCAG 3.2.2)
    page.get_by_label("Sprache", exact=True).select_option("en")
    assert page.locator("html").get_attribute("lang") == "de"
    page.get_by_role("button", name="Wechseln (Sprache)").click()
    page.wait_for_function("document.documentElement.lang === 'en'")
    assert page.url.endswith("/clients/")
    assert current.count() == 0  # the menu is in English now
    menu = page.get_by_role("navigation", name="Main")
    assert menu.locator('a[aria-current="page"]').all_inner_texts() == ["Clients"]
    assert_accessible(page)
    screenshot(page, "menu-current-page-english")

    page.goto(f"/clients/{world.client_a.pk}/")  # a page below the entry belongs to it
    assert menu.locator('a[aria-current="page"]').all_inner_texts() == ["Clients"]
