"""A case manager records a contact, adds a follow-up, sees it on the worklist, marks it done."""

from __future__ import annotations

import re

import pytest
from django.utils import timezone

from lotse.appointments.models import FollowUp
from lotse.cases.models import Case
from lotse.contacts.models import Contact
from tests.browser.conftest import assert_accessible, log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_contact_and_follow_up_from_the_case_page_to_the_worklist_and_done(page, world):
    log_in(page, world.case_manager_a)
    page.goto(f"/cases/{world.case_a.pk}/")

    # Record a contact with the quick form (htmx swaps the section in place).
    page.get_by_text("Kontakt erfassen").click()
    contacts = page.locator("#contacts-section")
    contacts.get_by_label("Kontaktart").select_option("phone")
    contacts.get_by_label("Dauer (Minuten)").fill("25")
    contacts.get_by_label("Kurznotiz").fill("Rückfrage zum Integrationskurs geklärt")
    screenshot(page, "calendar-contact-form")
    contacts.get_by_role("button", name="Kontakt speichern").click()
    page.get_by_text("Der Kontakt wurde erfasst.").wait_for()
    assert page.get_by_role("cell", name="Rückfrage zum Integrationskurs geklärt").is_visible()
    assert Contact.objects.filter(case=world.case_a).count() == 1
    assert Case.objects.get(pk=world.case_a.pk).last_contact_on == timezone.localdate()

    # Add a follow-up due today.
    page.get_by_text("Wiedervorlage anlegen", exact=True).first.click()
    section = page.locator("#followups-section")
    section.get_by_label("fällig am").fill(timezone.localdate().isoformat())
    section.get_by_label("was").fill("Bescheid der Familienkasse nachfragen")
    section.get_by_role("button", name="Wiedervorlage anlegen").click()
    page.get_by_text("Die Wiedervorlage wurde angelegt.").wait_for()
    assert_accessible(page)
    screenshot(page, "calendar-case-sections")

    # It is on the worklist of the start page.
    page.goto("/")
    item = page.get_by_role("link", name="Bescheid der Familienkasse nachfragen")
    assert item.is_visible()
    assert_accessible(page)
    screenshot(page, "calendar-worklist")

    # Open it and mark it done.
    item.click()
    page.wait_for_url(re.compile(r".*/appointments/follow-ups/\d+/\?next=/$"))
    assert_accessible(page)
    screenshot(page, "calendar-follow-up")
    page.get_by_role("button", name="Als erledigt markieren").click()
    page.get_by_text("Als erledigt markiert: Bescheid der Familienkasse nachfragen").wait_for()
    page.wait_for_url("**/")
    assert FollowUp.objects.get().is_done
    assert page.get_by_role("link", name="Bescheid der Familienkasse nachfragen").count() == 0
    screenshot(page, "calendar-after-done")


def test_planning_an_appointment_and_the_interpreter_pool_pages_are_accessible(page, world):
    from tests.appointments.factories import make_interpreter

    make_interpreter(world.municipality_a, name="Amal Karimi", languages="ar")
    log_in(page, world.case_manager_a)
    page.goto(f"/appointments/new/?case={world.case_a.pk}")
    page.get_by_label("Titel").fill("Erstberatung")
    page.get_by_label("Datum").fill(timezone.localdate().isoformat())
    page.get_by_label("von").fill("10:00")
    page.get_by_label("bis").fill("11:00")
    page.get_by_label("Standort", exact=True).select_option(str(world.location_a.pk))
    page.get_by_label("Dolmetscher/in").select_option(label="Amal Karimi")
    assert_accessible(page)
    screenshot(page, "calendar-appointment-form")
    page.get_by_role("button", name="Speichern").click()
    page.get_by_text("Der Termin wurde gespeichert.").wait_for()
    assert_accessible(page)
    screenshot(page, "calendar-appointment")
    page.goto("/")
    assert page.get_by_role("link", name="10:00 Erstberatung").is_visible()
    page.goto("/appointments/interpreters/?language=ar")
    assert_accessible(page)
    screenshot(page, "calendar-interpreters")
