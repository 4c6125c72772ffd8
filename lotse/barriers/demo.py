"""Demo barrier reports: the kind of structural problems KIM case managers pass upwards."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet
from django.utils import timezone

from lotse.accounts.models import Organisation
from lotse.barriers.models import BarrierReport
from lotse.barriers.rules import month_of
from lotse.core.models import FieldOfAction, Municipality

# (field of action code, affected organisation kind or "", description)
REPORTS = [
    (
        "residence",
        Organisation.Kind.IMMIGRATION_AUTHORITY,
        "Termine bei der Ausländerbehörde zur Verlängerung von Aufenthaltstiteln sind erst in "
        "fünf bis sechs Monaten frei; Fiktionsbescheinigungen kommen oft zu spät.",
    ),
    (
        "language",
        "",
        "Integrationskurse mit Kinderbetreuung sind im Stadtgebiet ausgebucht; Alleinerziehende "
        "warten über ein Jahr auf einen Platz.",
    ),
    (
        "work",
        Organisation.Kind.JOBCENTER,
        "Ausländische Berufsabschlüsse: Anerkennungsverfahren dauern lange, und in der "
        "Zwischenzeit werden nur Helfertätigkeiten vermittelt.",
    ),
    (
        "housing",
        "",
        "Für große Familien gibt es kaum Wohnungen innerhalb der Mietobergrenzen; Familien "
        "bleiben lange in der Gemeinschaftsunterkunft.",
    ),
    (
        "health",
        "",
        "Psychotherapie mit Sprachmittlung ist nicht erreichbar; Kosten für Dolmetschende "
        "werden nicht übernommen.",
    ),
    (
        "education",
        "",
        "Seiteneinsteigende Jugendliche über 16 finden keinen Platz an Berufskollegs mit "
        "Sprachförderung.",
    ),
]


def load(municipality: Municipality, *, rng, stdout) -> None:
    organisations = list(Organisation.objects.filter(municipality=municipality))
    reporters = [
        o
        for o in organisations
        if o.kind in {Organisation.Kind.INTEGRATION_CENTRE, Organisation.Kind.WELFARE}
    ] or organisations
    if not reporters:
        return
    fields = {f.code: f for f in FieldOfAction.objects.filter(municipality=municipality)}
    today = timezone.localdate()
    created = 0
    for months_ago, (code, affected_kind, text) in enumerate(REPORTS):
        if code not in fields:
            continue
        affected = next(
            (o for o in organisations if affected_kind and o.kind == affected_kind), None
        )
        BarrierReport.objects.create(
            municipality=municipality,
            field_of_action=fields[code],
            affected_organisation=affected,
            description=text,
            reporting_organisation=rng.choice(reporters),
            reported_month=month_of(today - dt.timedelta(days=30 * months_ago)),
        )
        created += 1
    stdout.write(f"  {created} barrier reports for {municipality.name}")


def delete(municipalities: QuerySet[Municipality]) -> None:
    # Every report, not only the demo's: they protect organisations and fields of action.
    BarrierReport.objects.filter(municipality__in=municipalities).delete()
