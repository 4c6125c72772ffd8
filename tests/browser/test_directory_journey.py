"""A coordinator imports the demo offers, opens the coverage matrix, and a resident
searches the public directory in Arabic layout (right to left)."""

from __future__ import annotations

import pytest

from lotse.accounts.models import Location, Organisation, Role
from lotse.core.defaults import seed_municipality
from lotse.core.models import District, Municipality
from lotse.demo.management.commands.load_demo import TROISDORF_DISTRICTS, TROISDORF_ORGANISATIONS
from lotse.directory.demo import DEMO_FILE
from lotse.directory.models import Offer
from tests.browser.conftest import assert_accessible, screenshot
from tests.conftest import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def troisdorf():
    town = Municipality.objects.create(name="Stadt Troisdorf", slug="troisdorf", kind="town")
    seed_municipality(town)
    for i, name in enumerate(TROISDORF_DISTRICTS):
        District.objects.create(municipality=town, code=f"d{i:02d}", labels={"de": name})
    orgs = [
        Organisation.objects.create(municipality=town, name=name, kind=kind)
        for name, kind in TROISDORF_ORGANISATIONS
    ]
    for place in ("Rathaus Troisdorf", "Haus International (Mehrgenerationenhaus)"):
        Location.objects.create(organisation=orgs[0], name=place)
    return make_user(orgs[0], Role.COORDINATOR)


def test_import_coverage_and_public_search_in_arabic_layout(page, troisdorf):
    page.goto("/accounts/login/")
    page.get_by_label("E-Mail-Adresse").fill(troisdorf.email)
    page.get_by_label("Passwort").fill("correct horse battery")
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(lambda url: "/accounts/" not in url)

    page.goto("/offers/import/")
    page.get_by_label("Datei (XLSX oder CSV)").set_input_files(str(DEMO_FILE))
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/offers/")
    assert "Import abgeschlossen" in page.locator(".message").first.inner_text()
    assert Offer.objects.count() >= 20
    assert_accessible(page)
    screenshot(page, "directory-offers-imported")

    page.get_by_role("link", name="Abdeckung").first.click()
    page.wait_for_url("**/offers/coverage/")
    matrix = page.locator("#coverage-matrix")
    assert matrix.locator("td.gap").count() > 0
    assert page.locator("svg polygon").count() == 12
    assert_accessible(page)
    screenshot(page, "directory-coverage")

    page.goto("/directory/")  # one municipality: its directory directly, no login needed
    screenshot(page, "directory-public-de")
    page.get_by_label("Seitenlayout und Sprache").select_option("ar")
    page.locator("form.public-language button").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.locator("#language").select_option("ar")
    page.locator("#q").fill("Beratung")
    page.locator("form.public-filters button[type=submit]").click()
    page.wait_for_url("**language=ar**")
    cards = page.locator(".offer-card")
    assert cards.count() >= 1
    assert page.locator('.offer-text[lang="ar"][dir="rtl"]').count() >= 1
    assert_accessible(page)
    screenshot(page, "directory-public-arabic")

    page.set_viewport_size({"width": 390, "height": 844})
    screenshot(page, "directory-public-arabic-phone")
