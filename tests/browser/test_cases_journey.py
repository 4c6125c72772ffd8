"""A case manager walks a case through the KIM cycle, from opening to closure."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from lotse.cases.documents import render_agreement_html
from lotse.cases.models import Case, GoalAgreement
from tests.browser.conftest import assert_accessible, log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def go_to(page, phase_label: str) -> None:
    page.get_by_role("link", name=f"Weiter zu: {phase_label}").click()
    page.get_by_role("button", name="Bestätigen").click()
    page.wait_for_url("**/cases/*/")
    assert page.locator(".message").first.inner_text().startswith("Der Fall ist jetzt")


def test_open_assess_agree_print_and_close_a_case(page, world):
    Case.objects.filter(pk=world.case_a.pk).delete()
    world.client_a.preferred_language = "ar"
    world.client_a.save()
    log_in(page, world.case_manager_a)

    page.goto(f"/cases/open/{world.client_a.pk}/")
    assert_accessible(page)
    screenshot(page, "cases-open")
    page.get_by_role("button", name="Fall eröffnen").click()
    page.wait_for_url("**/cases/*/")
    case = Case.objects.get(client=world.client_a)
    assert "Zugang / Aufnahme" in page.locator("#h-case + dl").inner_text()

    go_to(page, "Erstberatung")
    go_to(page, "Bestandsaufnahme")
    # Planning is not offered before an assessment, and the page says why.
    assert page.get_by_text("Planung setzt eine Bestandsaufnahme voraus").is_visible()

    page.get_by_role("link", name="Bestandsaufnahme erfassen").click()
    language = page.locator("fieldset", has_text="Sprache").first
    language.get_by_label("Bedarf").select_option("urgent")
    language.get_by_label("Situation").fill("Wartet seit drei Monaten auf einen Integrationskurs.")
    work = page.locator("fieldset", has=page.locator("legend", has_text="Arbeit und Ausbildung"))
    work.get_by_label("Bedarf").select_option("high")
    work.get_by_label("Ressourcen").fill("Berufserfahrung als Elektriker in Syrien.")
    assert_accessible(page)
    screenshot(page, "cases-assessment-form")
    page.get_by_role("button", name="Bestandsaufnahme speichern").click()
    page.wait_for_url("**/cases/assessments/*/")
    screenshot(page, "cases-assessment")
    page.get_by_role("link", name=case.number).click()

    go_to(page, "Planung (Zielvereinbarung)")
    page.get_by_role("link", name="Zielvereinbarung erfassen").click()
    soon = (timezone.localdate() + dt.timedelta(days=60)).isoformat()
    later = (timezone.localdate() + dt.timedelta(days=180)).isoformat()
    goals = [
        ("language", "B1-Kurs beginnen", soon, "Meldet sich beim Kursträger an"),
        (
            "work",
            "Anerkennung des Berufsabschlusses beantragen",
            later,
            "Bringt Zeugnisse mit",
        ),
    ]
    for index, (code, goal, target, client_does) in enumerate(goals):
        block = page.locator("fieldset.goal-form").nth(index)
        block.get_by_label("Handlungsfeld").select_option(
            label={"language": "Sprache", "work": "Arbeit und Ausbildung"}[code]
        )
        block.locator("textarea[name$=description]").fill(goal)
        block.get_by_label("Zieldatum").fill(target)
        block.get_by_label("Die ratsuchende Person übernimmt").fill(client_does)
    page.locator("fieldset.goal-form").nth(1).get_by_label(
        "Kooperationspartner", exact=True
    ).select_option(label="AWO A")
    page.locator("fieldset.goal-form").nth(1).get_by_label(
        "Der Kooperationspartner übernimmt"
    ).fill("Berät zur Anerkennung")
    assert_accessible(page)
    screenshot(page, "cases-agreement-form")
    page.get_by_role("button", name="Zielvereinbarung speichern").click()
    page.wait_for_url("**/cases/goal-agreements/*/")
    assert_accessible(page)
    screenshot(page, "cases-agreement")

    pdf_url = page.get_by_role("link", name="PDF zum Unterschreiben").get_attribute("href")
    response = page.request.get(pdf_url)
    assert response.headers["content-type"] == "application/pdf"
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.body())).pages)
    assert "Zielvereinbarung" in text and "B1-Kurs beginnen" in text
    # The printout is Arabic beside German; look at it as the browser draws its HTML.
    agreement = GoalAgreement.objects.get(case=case)
    assert agreement.language == "ar"
    preview = page.context.new_page()
    preview.set_content(render_agreement_html(agreement))
    screenshot(preview, "cases-agreement-printout-ar")
    preview.close()

    page.get_by_role("link", name=case.number).click()
    go_to(page, "Umsetzung und Monitoring")

    page.get_by_role("link", name="Fall abschließen").click()
    page.get_by_role("button", name="Bestätigen").click()
    assert page.get_by_text("Bitte wählen Sie einen Grund für den Abschluss.").first.is_visible()
    page.get_by_label("Grund für den Abschluss").select_option(label="Ziele erreicht")
    page.get_by_label("Anmerkung").fill("Kurs begonnen, Anerkennung läuft")
    screenshot(page, "cases-close")
    page.get_by_role("button", name="Bestätigen").click()
    page.wait_for_url("**/cases/*/")
    facts = page.locator("#h-case + dl").inner_text()
    assert "Abgeschlossen" in facts and "Ziele erreicht" in facts
    assert page.get_by_role("link", name="Wieder aufnehmen: Umsetzung und Monitoring").is_visible()
    assert_accessible(page)
    screenshot(page, "cases-closed")
    case.refresh_from_db()
    assert (case.phase, case.closed_from) == ("closed", "implementation")
