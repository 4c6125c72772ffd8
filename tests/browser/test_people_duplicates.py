"""A case manager creates a client who already has a record: the warning with its
reasons appears before saving. A team lead merges two records and undoes it."""

from __future__ import annotations

import pytest

from lotse.people import duplicates, views
from lotse.people.indexing import sync_keys
from lotse.people.models import Client
from tests.browser.conftest import assert_accessible, log_in, screenshot
from tests.conftest import make_case, make_client

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_creating_a_known_person_shows_the_duplicate_warning_with_reasons(page, world):
    existing = make_client(
        world.municipality_a,
        world.kim_a,
        world.case_manager_a,
        family_name="Al-Hassan",
        given_names="Mohammed",
        name_original_script="محمد الحسن",
        gender="m",
        birth_year=1990,
        birth_month=3,
        birth_day=5,
    )
    sync_keys([existing])
    log_in(page, world.case_manager_a)
    page.goto("/clients/")
    page.get_by_role("link", name="Neue/r Ratsuchende/r").click()
    page.wait_for_url("**/clients/new/")
    assert_accessible(page)
    screenshot(page, "people-create-form")

    page.get_by_label("Familienname").fill("Alhasan")
    page.get_by_label("Vornamen").fill("Muhammad")
    page.get_by_label("Geschlecht").select_option("m")
    page.get_by_label("Geburtsdatum").fill("05.03.1990")
    page.get_by_role("button", name="Speichern").click()

    warning = page.get_by_role("alert").filter(has_text="möglicherweise schon einen Datensatz")
    assert warning.is_visible()
    text = warning.inner_text()
    assert "Al-Hassan, Mohammed" in text
    assert "Geburtsdatum gleich" in text
    # Muhammad is not Mohammed as typed: never "Vorname gleich" on its own
    lines = [line.strip() for line in text.splitlines()]
    assert "Vorname klingt gleich (andere Schreibweise)" in lines or (
        "Vorname gleich nach Umschrift" in lines
    )
    assert "Vorname gleich" not in lines
    # a common given name is a caution, not listed as a difference
    caution = warning.locator(".reason-caution")
    assert "Vorname ist sehr häufig" in caution.inner_text()
    differing = warning.locator(".reason-differ").all_inner_texts()
    assert all("Vorname ist sehr häufig" not in t for t in differing)
    assert "Hinweis:" in lines
    assert Client.objects.filter(family_name="Alhasan").count() == 0
    assert_accessible(page)
    screenshot(page, "people-duplicate-warning")

    page.get_by_role("link", name="Vorhandenen Datensatz öffnen").click()
    page.wait_for_url(f"**/clients/{existing.pk}/")
    assert "Al-Hassan" in page.get_by_role("heading", level=1).inner_text()

    # a different person after all: save anyway
    page.go_back()
    # the button to save anyway stands in the warning, not only at the end of the long form
    warning.get_by_role("button", name="Trotzdem speichern").click()
    page.wait_for_url("**/clients/*/")
    assert Client.objects.filter(family_name="Alhasan").count() == 1
    screenshot(page, "people-client-created")


def test_team_lead_merges_two_records_and_undoes_it(page, world):
    first = world.client_a
    first.birth_year, first.birth_month, first.birth_day = 1991, 2, 3
    first.save()
    second = make_client(
        world.municipality_a,
        world.kim_a,
        world.case_manager_a,
        family_name="Hadad",
        given_names="Nur",
        birth_year=1991,
        birth_month=2,
        birth_day=3,
        phone="0228 555",
    )
    case = make_case(second, world.case_manager_a)
    sync_keys([first, second])
    log_in(page, world.team_lead_a)

    page.goto("/clients/duplicates/")
    assert page.get_by_text("Es wurde noch keine Dublettensuche durchgeführt").is_visible()
    page.get_by_role("button", name="Suche starten").click()
    assert page.get_by_text("1 mögliche Dublette zu prüfen").is_visible()
    assert page.get_by_role("link", name="Hadad, Nur", exact=True).is_visible()
    compare = page.get_by_role(
        "link", name="Vergleichen und zusammenführen (Haddad, Nour / Hadad, Nur)", exact=True
    )
    assert compare.is_visible()  # each row's buttons name their pair
    assert_accessible(page)
    screenshot(page, "people-duplicate-scan")

    page.get_by_role("link", name="Vergleichen und zusammenführen").first.click()
    page.wait_for_url("**/clients/duplicates/*/*/")
    # the reasons as on the create form: a common name is a caution, not an agreement
    assert "Geburtsdatum gleich" in page.locator(".reason-agree").inner_text()
    assert "Familienname ist sehr häufig" in page.locator(".reason-caution").inner_text()
    assert "sehr häufig" not in page.locator(".reason-agree").inner_text()
    # the rows where the records differ are marked, for the eye and for screen readers
    phone = page.get_by_role("row").filter(has_text="Telefon")
    assert "unterschiedlich" in phone.get_by_role("rowheader").inner_text()
    birth = page.get_by_role("row").filter(has_text="Geburtsdatum")
    assert birth.get_by_role("cell").all_inner_texts() == ["03.02.1991", "03.02.1991"]
    page.get_by_label(f"Haddad, Nour (Nr. {first.pk})").check()
    page.get_by_label("Begründung").fill("Gleiche Passnummer")
    assert_accessible(page)
    screenshot(page, "people-merge")
    page.get_by_role("button", name="Datensätze zusammenführen").click()
    page.wait_for_url(f"**/clients/{first.pk}/")
    assert page.get_by_text("Die Datensätze wurden zusammengeführt").is_visible()
    assert page.get_by_role("link", name=case.number).is_visible()
    assert page.get_by_text("Hadad, Nur").first.is_visible()  # kept as another spelling
    screenshot(page, "people-merged")

    page.get_by_role("link", name="Diese Zusammenführung rückgängig machen").click()
    page.get_by_label("Begründung").fill("Doch zwei Personen")
    page.get_by_role("button", name="Zusammenführung rückgängig machen").click()
    page.wait_for_url(f"**/clients/{first.pk}/")
    assert page.get_by_text("wieder zwei Datensätze").is_visible()
    assert page.get_by_role("link", name=case.number).count() == 0
    assert_accessible(page)
    screenshot(page, "people-merge-undone")
    second.refresh_from_db()
    assert second.merged_into is None
    assert list(second.cases.all()) == [case]


def test_one_scan_covers_every_part_and_lists_all_pairs_page_by_page(page, world, monkeypatch):
    for given in ("Mohammed", "Muhammad", "Mohamad", "Mohammad"):
        client = make_client(
            world.municipality_a,
            world.kim_a,
            world.case_manager_a,
            family_name="Al-Hassan",
            given_names=given,
            birth_year=1990,
            birth_month=3,
            birth_day=5,
        )
        sync_keys([client])
    monkeypatch.setattr(duplicates, "MAX_SCAN_PAIRS", 4)  # the scan takes two parts
    monkeypatch.setattr(views, "SCAN_PAGE_SIZE", 4)
    log_in(page, world.team_lead_a)

    page.goto("/clients/duplicates/")
    assert_accessible(page)
    screenshot(page, "people-duplicate-scan-start")
    page.get_by_role("button", name="Suche starten").click()
    assert page.get_by_text("6 Paare von Datensätzen verglichen").is_visible()
    assert page.get_by_text("6 mögliche Dubletten zu prüfen").is_visible()
    merge_links = page.get_by_role("link", name="Vergleichen und zusammenführen")
    assert merge_links.count() == 4
    assert_accessible(page)
    screenshot(page, "people-duplicate-scan-done")

    page.get_by_role("navigation", name="Seiten").get_by_role("link", name="Weiter").click()
    assert page.get_by_text("Seite 2").is_visible()
    assert merge_links.count() == 2
    page.get_by_role("button", name="Nicht dieselbe Person").first.click()
    page.wait_for_url("**/clients/duplicates/?page=2&decided=*")
    assert merge_links.count() == 1
    assert page.get_by_text("5 mögliche Dubletten zu prüfen").is_visible()
    notice = page.get_by_role("status").filter(has_text="zwei verschiedene Personen")
    assert notice.is_visible()
    assert_accessible(page)
    screenshot(page, "people-duplicate-scan-page-2")

    # a click too quick: the verdict is taken back and the pair is listed again
    notice.get_by_role("button", name="Rückgängig machen").click()
    page.wait_for_url("**/clients/duplicates/?page=2")
    assert merge_links.count() == 2
    assert page.get_by_text("6 mögliche Dubletten zu prüfen").is_visible()
    assert page.get_by_text("Zurückgenommen").is_visible()


def test_an_import_shows_its_possible_duplicates_with_reasons_and_the_user_decides(page, world):
    existing = make_client(
        world.municipality_a,
        world.kim_a,
        world.case_manager_a,
        family_name="Al-Hassan",
        given_names="Mohammed",
        gender="m",
        birth_year=1990,
        birth_month=3,
        birth_day=5,
        nationalities="SY",
    )
    sync_keys([existing])
    log_in(page, world.case_manager_a)
    page.goto("/clients/")
    page.get_by_role("link", name="Ratsuchende importieren").click()
    page.wait_for_url("**/clients/import/")
    assert_accessible(page)
    screenshot(page, "people-import")

    text = (
        "family_name;given_names;gender;date_of_birth;nationalities\n"
        "Alhasan;Muhammad;m;05.03.1990;SY\n"
        "Kovalenko;Olena;w;12.04.1985;UA\n"
        "Shevchenko;Taras;m;1988;UA\n"
    )
    page.get_by_label("Datei (XLSX oder CSV)").set_input_files(
        {"name": "neue.csv", "mimeType": "text/csv", "buffer": text.encode()}
    )
    page.get_by_role("button", name="Prüfen und importieren").click()
    page.wait_for_url("**/clients/import/")
    row = page.get_by_role("group", name="Zeile 2: Alhasan, Muhammad")
    assert "Al-Hassan, Mohammed" in row.inner_text()
    assert "Geburtsdatum gleich" in row.locator(".reason-agree").inner_text()
    assert not row.get_by_label("Trotzdem anlegen: Es ist eine andere Person").is_checked()
    assert Client.objects.filter(family_name__in=["Kovalenko", "Alhasan"]).count() == 0
    assert_accessible(page)
    screenshot(page, "people-import-review")

    page.get_by_role("button", name="Mit diesen Entscheidungen importieren").click()
    page.wait_for_url("**/clients/")
    assert page.get_by_text("Import abgeschlossen: 2 Ratsuchende angelegt.").is_visible()
    assert page.get_by_text("doppelt in der Datei: Zeile 2.").is_visible()
    assert Client.objects.filter(family_name="Kovalenko").count() == 1
    assert Client.objects.filter(family_name="Alhasan").count() == 0


def test_the_scan_page_follows_a_running_scan_and_shows_its_pairs_when_done(page, world):
    from lotse.people import scans
    from lotse.people.models import DuplicateScan

    for given in ("Mohammed", "Muhammad"):
        client = make_client(
            world.municipality_a,
            world.kim_a,
            world.case_manager_a,
            family_name="Al-Hassan",
            given_names=given,
            birth_year=1990,
            birth_month=3,
            birth_day=5,
        )
        sync_keys([client])
    scan = DuplicateScan.objects.create(  # requested, its worker not yet there
        municipality=world.municipality_a,
        organisation=world.kim_a,
        started_by=world.team_lead_a,
    )
    log_in(page, world.team_lead_a)
    page.goto("/clients/duplicates/")
    assert page.get_by_text("wartet auf den Start").is_visible()
    assert_accessible(page)
    scans.run_scan(scan.pk)  # the worker does it meanwhile
    compare = page.get_by_role("link", name="Vergleichen und zusammenführen").first
    compare.wait_for(timeout=15_000)  # the page looked again and reloaded itself
    assert page.get_by_text("1 mögliche Dublette zu prüfen").is_visible()
