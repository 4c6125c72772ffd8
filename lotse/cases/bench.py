"""Benchmark rows: assessments and goal agreements with two goals (lotse bench's hook).

Cases that reached the assessment have one assessment over three fields of action;
cases that reached planning also have a goal agreement with two goals, some of them
past their target date, so the worklist and the case page have real work to show.
"""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from lotse.cases.models import Assessment, AssessmentEntry, Goal, GoalAgreement
from lotse.cases.rules import NeedLevel, Phase
from lotse.core.models import FieldOfAction
from lotse.demo.generate import case_chunks, day_between

ASSESSED = {Phase.ASSESSMENT, Phase.PLANNING, Phase.IMPLEMENTATION, Phase.CLOSED}
PLANNED = {Phase.PLANNING, Phase.IMPLEMENTATION, Phase.CLOSED}
GOALS = (
    "Deutschkurs B1 abschließen",
    "Anerkennung des Berufsabschlusses beantragen",
    "Eine eigene Wohnung finden",
    "Kita-Platz für das jüngste Kind",
    "Bewerbungsunterlagen erstellen",
)


def bench_seed(cases, rng: random.Random) -> None:
    first = cases.first()
    if first is None:
        return
    fields = list(FieldOfAction.objects.filter(municipality_id=first.municipality_id))
    if len(fields) < 3:
        return
    today = timezone.localdate()
    levels = [level.value for level in NeedLevel]
    for chunk in case_chunks(cases):
        assessed = [row for row in chunk if row[1] in ASSESSED]
        planned = [row for row in assessed if row[1] in PLANNED]
        with transaction.atomic():
            assessments = Assessment.objects.bulk_create(
                [
                    Assessment(
                        case_id=pk,
                        assessed_on=day_between(rng, opened, last or today),
                        summary="Erstgespräch mit Dolmetschung, Unterlagen vollständig.",
                        created_by_id=manager,
                    )
                    for pk, _phase, manager, opened, last in assessed
                ],
                batch_size=2000,
            )
            AssessmentEntry.objects.bulk_create(
                [
                    AssessmentEntry(
                        assessment=assessment,
                        field=field,
                        situation="Sucht Arbeit im erlernten Beruf.",
                        need_level=rng.choice(levels),
                    )
                    for assessment in assessments
                    for field in rng.sample(fields, 3)
                ],
                batch_size=5000,
            )
            agreements = GoalAgreement.objects.bulk_create(
                [
                    GoalAgreement(
                        case_id=pk,
                        agreed_on=(agreed := day_between(rng, opened, last or today)),
                        review_on=agreed + dt.timedelta(days=90),
                        language=rng.choice(("de", "ar", "uk", "tr", "fa", "en")),
                        created_by_id=manager,
                    )
                    for pk, _phase, manager, opened, last in planned
                ],
                batch_size=2000,
            )
            Goal.objects.bulk_create(
                [
                    Goal(
                        agreement=agreement,
                        field=field,
                        description=rng.choice(GOALS),
                        target_date=agreement.agreed_on + dt.timedelta(days=rng.randint(30, 365)),
                        client_does="Meldet sich zum Kurs an.",
                        case_manager_does="Klärt die Kostenübernahme.",
                        position=position,
                    )
                    for agreement in agreements
                    for position, field in enumerate(rng.sample(fields, 2))
                ],
                batch_size=5000,
            )


def bench_delete(cases) -> None:
    """Goals protect their fields of action, so they go before the cases do."""
    Goal.objects.filter(agreement__case__in=cases).delete()
    GoalAgreement.objects.filter(case__in=cases).delete()
    AssessmentEntry.objects.filter(assessment__case__in=cases).delete()
    Assessment.objects.filter(case__in=cases).delete()
