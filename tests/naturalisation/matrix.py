"""Naturalisation pages: authority staff of the immigration authority only; everyone else 404."""

import datetime as dt

from lotse.naturalisation.models import Application, Campaign, ConsultationSlot, RegisterEntry

AUTHORITY = {"authority_staff_a"}


def _application(w):
    app = Application.objects.create(
        organisation=w.authority_a,
        number="E-1",
        applicant_name="Test",
        received_on=dt.date(2026, 1, 5),
        status_since=dt.date(2026, 1, 5),
    )
    return app


def _campaign(w):
    return Campaign.objects.create(
        organisation=w.authority_a, name="K", started_on=dt.date(2026, 1, 1)
    )


def _entry(w):
    campaign = _campaign(w)
    entry = RegisterEntry.objects.create(
        campaign=campaign,
        row_number=2,
        name="A",
        birth_date=dt.date(1990, 1, 1),
        nationality="SY",
        entry_date=dt.date(2018, 1, 1),
        residence_title="aufenthaltserlaubnis",
        address="X",
        language="ar",
        category="now",
        check_name="stag10",
    )
    return {"pk": campaign.pk, "entry_pk": entry.pk}


def _slot(w):
    campaign = _campaign(w)
    slot = ConsultationSlot.objects.create(
        campaign=campaign, starts_at=dt.datetime(2030, 1, 1, 10, tzinfo=dt.UTC), place="Rathaus"
    )
    return {"pk": campaign.pk, "slot_pk": slot.pk}


MATRIX = {
    "naturalisation:dashboard": (lambda w: {}, AUTHORITY),
    "naturalisation:export": (lambda w: {}, AUTHORITY),
    "naturalisation:applications": (lambda w: {}, AUTHORITY),
    "naturalisation:application-create": (lambda w: {}, AUTHORITY),
    "naturalisation:application": (lambda w: {"pk": _application(w).pk}, AUTHORITY),
    "naturalisation:application-step": (lambda w: {"pk": _application(w).pk}, AUTHORITY, "post"),
    "naturalisation:application-client": (
        lambda w: {"pk": _application(w).pk},
        AUTHORITY,
        "post",
    ),
    "naturalisation:letter": (lambda w: {"pk": _application(w).pk, "kind": "receipt"}, AUTHORITY),
    "naturalisation:settings": (lambda w: {}, AUTHORITY),
    "naturalisation:campaigns": (lambda w: {}, AUTHORITY),
    "naturalisation:campaign": (lambda w: {"pk": _campaign(w).pk}, AUTHORITY),
    "naturalisation:campaign-import": (lambda w: {"pk": _campaign(w).pk}, AUTHORITY, "post"),
    "naturalisation:campaign-letters": (lambda w: {"pk": _campaign(w).pk}, AUTHORITY),
    "naturalisation:campaign-response": (_entry, AUTHORITY, "post"),
    "naturalisation:campaign-slot": (lambda w: {"pk": _campaign(w).pk}, AUTHORITY, "post"),
    "naturalisation:slot-book": (_slot, AUTHORITY, "post"),
    "naturalisation:campaign-end": (lambda w: {"pk": _campaign(w).pk}, AUTHORITY, "post"),
}
