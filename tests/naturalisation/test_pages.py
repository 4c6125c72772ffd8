"""Pipeline, campaign import and end of campaign through the pages; reminders on the worklist."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from pypdf import PdfReader

from lotse.audit.models import AccessLogEntry
from lotse.naturalisation import worklist
from lotse.naturalisation.models import (
    Application,
    AuthoritySettings,
    Campaign,
    RegisterDeletion,
    RegisterEntry,
    StatusChange,
)

pytestmark = pytest.mark.django_db
CSV = (
    "name;birth_date;nationality;entry_date;residence_title;residence_purpose;address\n"
    "Amal Haddad;1990-02-01;SY;2015-05-01;niederlassungserlaubnis;;Kölner Str. 1\n"
    "Reza Ahmadi;1995-02-01;AF;2022-01-01;duldung;;Weg 2\n"
)


@pytest.fixture
def staff(client, world):
    client.force_login(world.authority_staff_a)
    return client


def make_app(world, **fields):
    fields.setdefault("received_on", dt.date(2026, 1, 5))
    fields.setdefault("status_since", fields["received_on"])
    fields.setdefault("number", f"E-{Application.objects.count() + 1}")
    return Application.objects.create(
        organisation=world.authority_a, applicant_name="Nour H.", **fields
    )


def test_application_goes_through_the_steps_dated_and_by_whom(staff, world):
    response = staff.post(
        "/naturalisation/applications/new/",
        {
            "number": "E-100",
            "applicant_name": "Nour Haddad",
            "language": "ar",
            "received_on": "2026-02-01",
        },
    )
    app = Application.objects.get(number="E-100")
    assert response.status_code == 302
    checklist = AuthoritySettings.for_organisation(world.authority_a).checklist
    # Not complete while documents are missing.
    response = staff.post(
        f"/naturalisation/applications/{app.pk}/step/",
        {"target": "complete", "on": "2026-02-10", "version": app.version},
    )
    assert response.status_code == 400
    assert "Unterlagen fehlen" in response.content.decode()
    staff.post(
        f"/naturalisation/applications/{app.pk}/", {"documents": checklist, "version": app.version}
    )
    app.refresh_from_db()
    response = staff.post(
        f"/naturalisation/applications/{app.pk}/step/",
        {"target": "complete", "on": "2026-02-10", "version": app.version},
    )
    assert response.status_code == 302
    app.refresh_from_db()
    assert app.status == "complete" and app.status_since == dt.date(2026, 2, 10)
    step = StatusChange.objects.filter(application=app).last()
    assert step.by == world.authority_staff_a and step.to_status == "complete"


def test_second_save_with_an_old_version_gets_a_conflict(staff, world):
    app = make_app(world, documents={})
    stale = app.version
    staff.post(
        f"/naturalisation/applications/{app.pk}/",
        {"documents": ["Pass oder Passersatz"], "version": stale},
    )
    response = staff.post(
        f"/naturalisation/applications/{app.pk}/step/",
        {"target": "withdrawn", "on": "2026-02-10", "version": stale},
    )
    assert response.status_code == 400
    app.refresh_from_db()
    assert app.status == "received"


def test_letters_are_pdf_in_german_and_the_applicants_language(staff, world):
    app = make_app(world, language="uk")
    response = staff.get(f"/naturalisation/applications/{app.pk}/letter/missing.pdf")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Bitte reichen Sie Unterlagen nach" in " ".join(text.split())
    assert "Будь ласка" in text
    assert "Geburtsurkunde" in text


def test_dashboard_and_csv_export(staff, world):
    make_app(world)
    make_app(
        world,
        status="certificate_handed_over",
        finished_on=timezone.localdate(),
        received_on=timezone.localdate() - dt.timedelta(days=100),
    )
    response = staff.get("/naturalisation/")
    assert response.status_code == 200
    assert "100" in response.content.decode()
    export = staff.get("/naturalisation/export.csv").content.decode()
    assert export.splitlines()[0].startswith("number;received_on;status")
    assert "Nour" not in export  # no names in the export
    assert AccessLogEntry.objects.filter(action="naturalisation.application.exported").exists()


def test_application_waiting_too_long_is_a_reminder_for_authority_staff_only(world):
    today = dt.date(2026, 11, 15)
    make_app(world, status="checks_requested", status_since=today - dt.timedelta(days=61))
    make_app(world, status="checks_requested", status_since=today - dt.timedelta(days=60))
    items = list(worklist.items(world.authority_staff_a, today))
    assert len(items) == 1 and items[0].overdue
    assert list(worklist.items(world.case_manager_a, today)) == []


def test_reminder_days_are_configurable(staff, world):
    settings = AuthoritySettings.for_organisation(world.authority_a)
    data = {"checklist": "Pass\nFoto", "version": settings.version}
    data.update({f"days_{s}": 5 for s in settings.limits()})
    assert staff.post("/naturalisation/settings/", data).status_code == 302
    today = dt.date(2026, 11, 15)
    make_app(world, status="checks_requested", status_since=today - dt.timedelta(days=6))
    assert len(list(worklist.items(world.authority_staff_a, today))) == 1
    assert AuthoritySettings.for_organisation(world.authority_a).checklist == ["Pass", "Foto"]


def test_campaign_import_prescreens_and_end_deletes_rows_but_keeps_figures(staff, world):
    campaign = Campaign.objects.create(
        organisation=world.authority_a, name="K", started_on=dt.date(2026, 9, 1)
    )
    upload = SimpleUploadedFile("liste.csv", CSV.encode(), content_type="text/csv")
    response = staff.post(f"/naturalisation/campaigns/{campaign.pk}/import/", {"file": upload})
    assert response.status_code == 302
    campaign.refresh_from_db()
    assert campaign.rows_imported == 2 and campaign.eligible_now == 1
    entry = RegisterEntry.objects.get(name="Amal Haddad")
    assert entry.language == "ar"
    letters = staff.get(f"/naturalisation/campaigns/{campaign.pk}/letters.pdf?category=now")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(letters.content)).pages)
    assert "Amal Haddad" in text and "Einladung" in text
    staff.post(
        f"/naturalisation/campaigns/{campaign.pk}/entries/{entry.pk}/response/",
        {"response": "application"},
    )
    staff.post(f"/naturalisation/campaigns/{campaign.pk}/end/")
    campaign.refresh_from_db()
    assert not RegisterEntry.objects.filter(campaign=campaign).exists()
    assert (campaign.rows_imported, campaign.invited, campaign.applications) == (2, 1, 1)
    assert campaign.conversion == 1.0
    assert RegisterDeletion.objects.get(campaign=campaign).rows_deleted == 2
    assert AccessLogEntry.objects.filter(action="naturalisation.registerentry.deleted").exists()


def test_import_with_a_bad_row_changes_nothing_and_names_the_row_in_german(staff, world):
    campaign = Campaign.objects.create(
        organisation=world.authority_a, name="K", started_on=dt.date(2026, 9, 1)
    )
    bad = CSV + "X;kein Datum;SY;2015-01-01;duldung;;Y\n"
    upload = SimpleUploadedFile("liste.csv", bad.encode(), content_type="text/csv")
    response = staff.post(f"/naturalisation/campaigns/{campaign.pk}/import/", {"file": upload})
    text = response.content.decode()
    assert response.status_code == 400
    assert "Zeile 4" in text and "birth_date ist kein Datum" in text
    assert not RegisterEntry.objects.exists()


def test_staff_of_another_organisation_kind_get_404(client, world):
    from lotse.accounts.models import Role
    from tests.conftest import make_user

    other = make_user(world.kim_a, Role.AUTHORITY_STAFF)
    client.force_login(other)
    assert client.get("/naturalisation/").status_code == 404
