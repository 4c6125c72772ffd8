"""Demo: applications in different steps and one running campaign for Troisdorf."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from lotse.accounts.models import Organisation, User
from lotse.cases.models import Case
from lotse.cases.rules import Phase
from lotse.consents.models import Consent, Purpose

from . import workflow
from .actions import build_entries
from .models import (
    Application,
    AuthoritySettings,
    Campaign,
    ConsultationSlot,
    RegisterEntry,
    StatusChange,
)
from .register import validate

APPLICANTS = [
    ("Amal Haddad", "SY", "ar"),
    ("Reza Ahmadi", "AF", "fa"),
    ("Olena Kovalenko", "UA", "uk"),
    ("Mehmet Yılmaz", "TR", "tr"),
    ("Samir Nasser", "IQ", "ar"),
    ("Dilnoza Karimova", "UZ", "en"),
    ("Yusuf Demir", "TR", "tr"),
    ("Mariam Sultani", "AF", "fa"),
]
REGISTER = [
    (
        "Khaled Omar",
        "1988-04-02",
        "SY",
        "2016-09-01",
        "niederlassungserlaubnis",
        "",
        "Kölner Str. 12",
    ),
    ("Nadia Rahimi", "1992-11-20", "AF", "2021-12-01", "duldung", "", "Am Bürgerhaus 3"),
    ("Iryna Melnyk", "1979-06-15", "UA", "2022-03-20", "aufenthaltserlaubnis", "24", "Poststr. 8"),
    (
        "Ahmet Kaya",
        "1975-01-30",
        "TR",
        "2003-05-10",
        "niederlassungserlaubnis",
        "",
        "Sieglarer Str. 40",
    ),
    (
        "Fatima Ali",
        "1996-08-08",
        "SD",
        "2021-02-01",
        "aufenthaltserlaubnis",
        "25_2",
        "Friedensstr. 5",
    ),
    (
        "Hamid Karimi",
        "1990-05-05",
        "IR",
        "2019-10-01",
        "aufenthaltserlaubnis",
        "16b",
        "Hippolytusstr. 2",
    ),
]


def _link_first_application(municipality, authority: Organisation, today: dt.date) -> None:
    """One application linked to a client record, as the authority may only do with the
    client's consent to exchange information with it: the consent is recorded too."""
    case = (
        Case.objects.filter(municipality=municipality)
        .exclude(phase=Phase.CLOSED)
        .select_related("client")
        .order_by("pk")
        .first()
    )
    application = Application.objects.filter(organisation=authority).order_by("pk").first()
    if case is None or application is None:
        return
    client = case.client
    Consent.objects.create(
        client=client,
        case=case,
        purpose=Purpose.DATA_EXCHANGE,
        recipient=authority,
        scope="Einbürgerungsverfahren: Stand des Antrags und fehlende Unterlagen",
        given_on=today - dt.timedelta(days=14),
        valid_until=today + dt.timedelta(days=365),
        language=client.preferred_language or "de",
        recorded_by_id=case.case_manager_id,
    )
    application.client = client
    application.applicant_name = f"{client.given_names} {client.family_name}".strip()
    application.save(update_fields=["client", "applicant_name"])


def load(municipality, *, rng, stdout) -> None:
    if municipality.slug != "troisdorf":
        return
    authority = Organisation.objects.filter(
        municipality=municipality, kind=Organisation.Kind.IMMIGRATION_AUTHORITY
    ).first()
    user = User.objects.filter(email="tim.becker@troisdorf.example").first()
    if authority is None or user is None:
        return
    AuthoritySettings.for_organisation(authority)
    today = timezone.localdate()
    for number, (name, nationality, language) in enumerate(APPLICANTS, start=1):
        received = today - dt.timedelta(days=rng.randint(40, 520))
        app = Application.objects.create(
            organisation=authority,
            number=f"EB-{today.year}-{number:04d}",
            applicant_name=name,
            nationality=nationality,
            language=language,
            address="Troisdorf",
            received_on=received,
            status_since=received,
            created_by=user,
        )
        StatusChange.objects.create(
            application=app, to_status=workflow.RECEIVED, on=received, by=user
        )
        steps = list(workflow.PIPELINE[1 : 1 + number % len(workflow.PIPELINE)])
        day = received
        for step in steps:
            day = min(today, day + dt.timedelta(days=rng.randint(10, 70)))
            StatusChange.objects.create(
                application=app, from_status=app.status, to_status=step, on=day, by=user
            )
            app.status, app.status_since = step, day
        if steps:
            app.documents = {
                item: received.isoformat()
                for item in AuthoritySettings.for_organisation(authority).checklist
            }
        app.finished_on = app.status_since if app.status in workflow.FINISHED else None
        app.save()
    _link_first_application(municipality, authority, today)
    campaign = Campaign.objects.create(
        organisation=authority,
        name="Einbürgerungskampagne Troisdorf 2026",
        partners="AWO, Caritas, Syrisch-Deutscher Familienverein",
        started_on=today - dt.timedelta(days=30),
        created_by=user,
    )
    records = [
        dict(
            zip(
                (
                    "name",
                    "birth_date",
                    "nationality",
                    "entry_date",
                    "residence_title",
                    "residence_purpose",
                    "address",
                ),
                row,
                strict=True,
            )
        )
        for row in REGISTER
    ]
    rows, errors = validate(records, today)
    if not errors:  # the demo writes no access-log entries
        entries, counts = build_entries(campaign, rows, today)
        RegisterEntry.objects.bulk_create(entries)
        Campaign.objects.filter(pk=campaign.pk).update(
            register_file="melderegister-demo.csv",
            rows_imported=len(entries),
            eligible_now=counts["now"],
            eligible_soon=counts["soon"],
            not_eligible=counts["not"],
        )
    for days in (7, 14):
        ConsultationSlot.objects.create(
            campaign=campaign,
            starts_at=timezone.now().replace(hour=10, minute=0, second=0, microsecond=0)
            + dt.timedelta(days=days),
            place="Rathaus Troisdorf, Kölner Str. 176",
        )
    # One consultation booked for tomorrow: it is on Tim Becker's start page as a reminder.
    first = campaign.entries.filter(category=RegisterEntry.Category.NOW).first()
    if first is not None:
        tomorrow = timezone.localtime() + dt.timedelta(days=1)
        ConsultationSlot.objects.create(
            campaign=campaign,
            starts_at=tomorrow.replace(hour=9, minute=30, second=0, microsecond=0),
            place="Rathaus Troisdorf, Kölner Str. 176",
            booked_by=first,
        )
        RegisterEntry.objects.filter(pk=first.pk).update(appointment_booked_on=today)
        Campaign.objects.filter(pk=campaign.pk).update(appointments=1)
    stdout.write(f"naturalisation: {len(APPLICANTS)} applications, 1 campaign")


def delete(municipalities) -> None:
    Campaign.objects.filter(organisation__municipality__in=municipalities).delete()
    Application.objects.filter(organisation__municipality__in=municipalities).delete()
    AuthoritySettings.objects.filter(organisation__municipality__in=municipalities).delete()
