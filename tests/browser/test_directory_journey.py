"""The directory journey of issue 4, in one walk through the browser.

A coordinator of Troisdorf imports the offers file the demo ships (after a bad
file was refused whole), opens the coverage matrix and map; a resident searches
the public directory without login in Arabic layout (right to left); a case
manager sends a referral to an imported offer of a partner organisation under
the client's consent; the partner accepts it in their inbox; the coordinator
sees the network as aggregates.
"""

from __future__ import annotations

import pytest

from lotse.accounts.models import Location, Organisation, Role
from lotse.core.defaults import seed_municipality
from lotse.core.models import District, Municipality
from lotse.demo.management.commands.load_demo import TROISDORF_DISTRICTS, TROISDORF_ORGANISATIONS
from lotse.directory.demo import DEMO_FILE
from lotse.directory.models import Offer
from lotse.referrals.models import Referral
from tests.browser.conftest import assert_accessible, form_on_demand, log_in, screenshot
from tests.conftest import make_case, make_client, make_user
from tests.consents.factories import make_consent

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AWO = "AWO Migrationsberatung Troisdorf"
MBE = "Migrationsberatung für erwachsene Zugewanderte (MBE)"
BAD_FILE = (
    b"external_key;organisation;title;fields_of_action;districts;languages\n"
    b"tdf-gut;AWO Migrationsberatung Troisdorf;Gute Zeile;language;Sieglar;de\n"
    b"tdf-fremd;Unbekannter Verein;Kurs;language;Sieglar;de\n"
    b"tdf-leer;AWO Migrationsberatung Troisdorf;;nonsense;Nirgendwo;de\n"
)


@pytest.fixture
def troisdorf():
    town = Municipality.objects.create(name="Stadt Troisdorf", slug="troisdorf", kind="town")
    seed_municipality(town)
    for i, name in enumerate(TROISDORF_DISTRICTS):
        District.objects.create(municipality=town, code=f"d{i:02d}", labels={"de": name})
    orgs = {
        name: Organisation.objects.create(municipality=town, name=name, kind=kind)
        for name, kind in TROISDORF_ORGANISATIONS
    }
    kim = orgs[TROISDORF_ORGANISATIONS[0][0]]
    for place in ("Rathaus Troisdorf", "Haus International (Mehrgenerationenhaus)"):
        Location.objects.create(organisation=kim, name=place)
    case_manager = make_user(kim, Role.CASE_MANAGER)
    client = make_client(town, kim, case_manager, family_name="Haddad", given_names="Nour")
    case = make_case(client, case_manager)
    # The client has consented to a referral to the AWO (recorded earlier on the case).
    make_consent(case, orgs[AWO], scope="Name, Telefonnummer, Deutschkenntnisse")
    return {
        "coordinator": make_user(kim, Role.COORDINATOR),
        "case_manager": case_manager,
        "partner": make_user(orgs[AWO], Role.PARTNER_STAFF),
        "case": case,
    }


@pytest.fixture
def new_page(browser, live_server):
    """A fresh browser context per person: nobody shares a session."""
    contexts = []

    def open_page(**options):
        options = {"locale": "de-DE", "viewport": {"width": 1280, "height": 900}, **options}
        context = browser.new_context(base_url=live_server.url, **options)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        return page

    yield open_page
    for context in contexts:
        context.close()


def test_import_coverage_public_arabic_search_and_referral_accepted(page, new_page, troisdorf):
    # --- The coordinator imports: a bad file changes nothing, the demo file goes in.
    log_in(page, troisdorf["coordinator"])
    page.goto("/offers/import/")
    page.get_by_label("Datei (XLSX oder CSV)").set_input_files(
        {"name": "angebote.csv", "mimeType": "text/csv", "buffer": BAD_FILE}
    )
    page.locator("main form button[type=submit]").click()
    errors = page.locator("#import-errors")
    errors.wait_for()
    assert "Es wurde nichts importiert" in errors.inner_text()
    assert [item.inner_text().split(":")[0] for item in errors.locator("li").all()] == [
        "Zeile 3",
        "Zeile 4",
    ]
    assert not Offer.objects.exists()
    assert_accessible(page)
    screenshot(page, "directory-import-errors")

    page.get_by_label("Datei (XLSX oder CSV)").set_input_files(str(DEMO_FILE))
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/offers/")
    assert "Import abgeschlossen" in page.locator(".message").first.inner_text()
    imported = Offer.objects.count()
    assert imported >= 20
    assert_accessible(page)
    screenshot(page, "directory-offers-imported")

    # --- Coverage: matrix of districts x fields of action, gaps, and the map.
    page.locator(".directory-subnav").get_by_role("link", name="Abdeckung").click()
    page.wait_for_url("**/offers/coverage/")
    matrix = page.locator("#coverage-matrix")
    assert matrix.locator("tbody tr").count() == len(TROISDORF_DISTRICTS)
    assert matrix.locator("td.gap").count() > 0
    assert page.locator(".district-map svg polygon").count() == len(TROISDORF_DISTRICTS)
    assert_accessible(page)
    screenshot(page, "directory-coverage")

    # --- A resident, not logged in, searches the public directory in Arabic layout.
    public = new_page()
    public.goto("/directory/")  # one municipality: its directory directly
    assert "/accounts/" not in public.url
    assert public.locator("header nav").count() == 0  # no staff menu: nobody is logged in
    assert public.locator(".offer-card").count() == imported
    assert "Haddad" not in public.content()
    assert_accessible(public)
    screenshot(public, "directory-public-de")
    public.locator("#public-language").select_option("ar")
    public.locator("form.public-language button").click()
    public.wait_for_load_state()
    assert public.locator("html").get_attribute("dir") == "rtl"
    assert public.locator("html").get_attribute("lang") == "ar"
    public.locator("#language").select_option("ar")
    public.locator("#q").fill("Beratung")
    public.locator("form.public-filters button[type=submit]").click()
    public.wait_for_url("**language=ar**")
    cards = public.locator(".offer-card")
    assert 1 <= cards.count() < imported
    assert public.locator('.offer-text[lang="ar"][dir="rtl"]').count() >= 1
    assert_accessible(public)
    screenshot(public, "directory-public-arabic")
    public.set_viewport_size({"width": 390, "height": 844})
    screenshot(public, "directory-public-arabic-phone")

    # --- The case manager sends a referral to an imported offer of the AWO.
    case = troisdorf["case"]
    staff = new_page()
    log_in(staff, troisdorf["case_manager"])
    staff.goto(f"/cases/{case.pk}/")
    form_on_demand(staff, "form[action*='/referrals/case/']")
    staff.select_option("select[name=organisation]", label=AWO)
    staff.wait_for_selector(f"select[name=offer] option:has-text('{MBE}')", state="attached")
    staff.select_option("select[name=offer]", label=MBE)
    staff.fill("textarea[name=purpose]", "Beratung zur Anerkennung des Berufsabschlusses")
    staff.locator("form[action*='/referrals/case/'] button[type=submit]").click()
    staff.locator("form[action*='/send/'] button").click()
    staff.wait_for_selector("[data-status=sent]")
    referral = Referral.objects.get()
    assert (referral.status, referral.offer.title) == ("sent", MBE)
    assert_accessible(staff)
    screenshot(staff, "directory-case-referral-sent")

    # --- The partner accepts it from the inbox and sees only the consented part.
    partner = new_page()
    log_in(partner, troisdorf["partner"])
    partner.goto("/referrals/")
    assert_accessible(partner)
    screenshot(partner, "directory-partner-inbox")
    partner.locator(f"main a[href='/referrals/{referral.pk}/']").click()
    partner.wait_for_selector("dl.facts")
    body = partner.locator("main").inner_text()
    assert "Haddad" in body and MBE in body and "Deutschkenntnisse" in body
    assert f"/cases/{case.pk}/" not in partner.content()
    assert_accessible(partner)
    screenshot(partner, "directory-partner-referral")
    partner.locator("input[name=decision][value=accepted] ~ button").click()
    partner.wait_for_selector("[data-status=accepted]")
    referral.refresh_from_db()
    assert referral.status == "accepted"

    # The case manager sees the answer on the case.
    staff.goto(f"/cases/{case.pk}/")
    assert staff.locator(f"tr[data-referral='{referral.pk}'] [data-status=accepted]").count() == 1

    # --- The coordinator sees the network as aggregates, without client data.
    page.goto("/referrals/network/")
    network = page.locator("main").inner_text()
    assert AWO in network and "Haddad" not in network
    assert_accessible(page)
    screenshot(page, "directory-network")
