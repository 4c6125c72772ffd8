"""Browser journeys: the pre-check page, the naturalisation pipeline and a campaign import."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from lotse.naturalisation.models import Application, Campaign
from tests.browser.conftest import assert_accessible, log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
CSV = (
    "name;birth_date;nationality;entry_date;residence_title;residence_purpose;address\n"
    "Amal Haddad;1990-02-01;SY;2015-05-01;niederlassungserlaubnis;;Kölner Str. 1\n"
    "Reza Ahmadi;1995-02-01;AF;2022-01-01;duldung;;Weg 2\n"
    "Olena Koval;1985-03-03;UA;2022-03-10;aufenthaltserlaubnis;24;Poststr. 8\n"
)


def test_case_manager_runs_a_25b_precheck_and_sees_each_requirement(page, world):
    log_in(page, world.case_manager_a)
    page.goto("/residence/precheck/aufenthg25b/")
    page.get_by_label("Aktueller Aufenthaltsstatus").select_option("duldung")
    page.get_by_label("Zeitraum 1: Status").select_option("duldung")
    page.get_by_label("Zeitraum 1: von").fill("2021-03-01")
    page.get_by_label("Mündliche Deutschkenntnisse").select_option("A2")
    page.get_by_role("button", name="Prüfen").click()
    result = page.locator("#result")
    result.wait_for(timeout=30_000)
    assert "keine Entscheidung" in page.content()
    assert result.locator("tr[data-requirement=A25B-RES]").is_visible()
    assert "01.03.2027" in result.inner_text()
    assert_accessible(page)
    screenshot(page, "residence-precheck")


def test_authority_staff_moves_an_application_through_the_pipeline(page, world):
    app = Application.objects.create(
        organisation=world.authority_a,
        number="EB-1",
        applicant_name="Nour Haddad",
        received_on=dt.date(2026, 1, 5),
        status_since=dt.date(2026, 1, 5),
        language="ar",
    )
    log_in(page, world.authority_staff_a)
    page.goto(f"/naturalisation/applications/{app.pk}/")
    for box in page.locator("input[name=documents]").all():
        box.check()
    page.get_by_role("button", name="Unterlagen speichern").click()
    page.locator("#id_target").select_option("complete")
    page.get_by_role("button", name="Schritt erfassen").click()
    page.wait_for_selector("text=Der Schritt wurde erfasst.", timeout=30_000)
    assert page.get_by_test_id("status").inner_text() == "Vollständig"
    page.locator("#id_target").select_option("checks_requested")
    page.get_by_role("button", name="Schritt erfassen").click()
    page.wait_for_selector("text=Der Schritt wurde erfasst.", timeout=30_000)
    assert page.get_by_test_id("status").inner_text() == "Sicherheitsabfragen gestellt"
    assert_accessible(page)
    screenshot(page, "residence-naturalisation-application")
    page.goto("/naturalisation/")
    assert "Offen" in page.content()
    assert_accessible(page)
    screenshot(page, "residence-naturalisation-dashboard")


def test_authority_staff_imports_a_register_and_sees_who_is_eligible(page, world, tmp_path):
    campaign = Campaign.objects.create(
        organisation=world.authority_a, name="Kampagne 2026", started_on=dt.date(2026, 9, 1)
    )
    bad = tmp_path / "fehler.csv"
    bad.write_text(CSV + "X;kein Datum;SY;2015-01-01;duldung;;Y\n", encoding="utf-8")
    good = tmp_path / "liste.csv"
    good.write_text(CSV, encoding="utf-8")
    log_in(page, world.authority_staff_a)
    page.goto(f"/naturalisation/campaigns/{campaign.pk}/")
    page.get_by_label("Registerliste (CSV oder XLSX)").set_input_files(str(bad))
    page.get_by_role("button", name="Importieren und vorprüfen").click()
    page.wait_for_selector("text=Es wurde nichts importiert", timeout=30_000)
    assert "Zeile 5" in page.content()
    screenshot(page, "residence-campaign-import-errors")
    page.get_by_label("Registerliste (CSV oder XLSX)").set_input_files(str(good))
    page.get_by_role("button", name="Importieren und vorprüfen").click()
    page.wait_for_selector("text=3 Zeilen wurden importiert", timeout=30_000)
    assert page.get_by_test_id("now").inner_text() == "1"
    assert "Amal Haddad" in page.content()
    assert_accessible(page)
    screenshot(page, "residence-campaign")


def test_authority_staff_books_a_consultation_slot_and_is_reminded(page, world, tmp_path):
    campaign = Campaign.objects.create(
        organisation=world.authority_a, name="Kampagne Rathaus", started_on=dt.date(2026, 9, 1)
    )
    good = tmp_path / "liste.csv"
    good.write_text(CSV, encoding="utf-8")
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    log_in(page, world.authority_staff_a)
    page.goto(f"/naturalisation/campaigns/{campaign.pk}/")
    page.get_by_label("Registerliste (CSV oder XLSX)").set_input_files(str(good))
    page.get_by_role("button", name="Importieren und vorprüfen").click()
    page.wait_for_selector("text=3 Zeilen wurden importiert", timeout=30_000)
    page.get_by_label("Beginn").fill(f"{tomorrow.isoformat()}T10:30")
    page.get_by_role("textbox", name="Ort").fill("Rathaus Troisdorf, Zimmer 12")
    page.get_by_role("button", name="Termin anlegen").click()
    page.wait_for_selector("text=Der Sprechstundentermin wurde angelegt.", timeout=30_000)
    screenshot(page, "residence-campaign-slot-free")
    page.get_by_label("Zeilennummer der Person").fill("2")
    page.get_by_role("button", name="Buchen").click()
    page.wait_for_selector("text=Der Termin wurde für Amal Haddad gebucht.", timeout=30_000)
    slots = page.locator("section[aria-labelledby=h-slots]")
    assert "gebucht für Amal Haddad" in slots.inner_text()
    assert "Rathaus Troisdorf, Zimmer 12" in slots.inner_text()
    assert page.get_by_text("Termin gebucht (").first.is_visible()
    assert_accessible(page)
    screenshot(page, "residence-campaign-slot-booked")
    # The next morning's appointment is on the start page as a reminder.
    page.goto("/")
    reminder = page.get_by_text("Beratungstermin morgen um 10:30, Rathaus Troisdorf, Zimmer 12")
    assert reminder.is_visible()
    assert "Amal Haddad · Kampagne Rathaus" in page.content()
    assert_accessible(page)
    screenshot(page, "residence-start-slot-reminder")
