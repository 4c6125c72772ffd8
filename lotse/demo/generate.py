"""Deterministic synthetic clients and cases, for the demo and for benchmarks."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator, Sequence

from lotse.cases.models import Case, PhaseTransition
from lotse.cases.rules import Phase
from lotse.demo.names import ORIGINS
from lotse.people.models import Client, ResidenceStatus

PHASE_ORDER = [
    Phase.INTAKE,
    Phase.FIRST_CONSULTATION,
    Phase.ASSESSMENT,
    Phase.PLANNING,
    Phase.IMPLEMENTATION,
]
STATUSES = [
    ResidenceStatus.TITLE,
    ResidenceStatus.TITLE,
    ResidenceStatus.SETTLEMENT,
    ResidenceStatus.TOLERATION,
    ResidenceStatus.PERMISSION_TO_STAY,
    ResidenceStatus.EU,
]
_WEIGHTED = [origin for origin in ORIGINS for _ in range(origin["weight"])]


def make_client(
    rng: random.Random,
    *,
    municipality,
    organisation,
    districts: Sequence,
    created_by,
    today: dt.date,
) -> Client:
    origin = rng.choice(_WEIGHTED)
    gender = rng.choice("fm")
    family = rng.choice(origin["family"])
    birth_year = rng.randint(today.year - 70, today.year - 16)
    unknown_birthday = rng.random() < 0.15  # refugees' placeholder 01.01. or year only
    arrival = today - dt.timedelta(days=rng.randint(30, 365 * 12))
    status = rng.choice(STATUSES)
    if origin["nationality"] == "RO":
        status = ResidenceStatus.EU
    return Client(
        municipality=municipality,
        organisation=organisation,
        created_by=created_by,
        family_name=family,
        given_names=rng.choice(origin["given"][gender]),
        name_original_script=origin["script"].get(family, ""),
        gender=gender,
        birth_year=birth_year,
        birth_month=None if unknown_birthday else rng.randint(1, 12),
        birth_day=None if unknown_birthday else rng.randint(1, 28),
        nationalities=origin["nationality"],
        languages=origin["language"],
        preferred_language=origin["language"]
        if origin["language"] in {"ar", "fa", "uk", "tr"}
        else "de",
        interpreter_needed=rng.random() < 0.4,
        district=rng.choice(districts) if districts else None,
        arrival_date=arrival,
        residence_status=status,
        residence_valid_until=(
            today + dt.timedelta(days=rng.randint(-30, 900))
            if status
            in {
                ResidenceStatus.TITLE,
                ResidenceStatus.TOLERATION,
                ResidenceStatus.PERMISSION_TO_STAY,
            }
            else None
        ),
    )


def make_cases(
    rng: random.Random,
    clients: Sequence[Client],
    *,
    case_managers: Sequence,
    locations: Sequence,
    closure_reasons: Sequence,
    today: dt.date,
    cases_per_client: float = 1.0,
) -> Iterator[tuple[Case, list[PhaseTransition]]]:
    """Cases spread over every phase, each with the transitions that led there."""
    for client in clients:
        count = int(cases_per_client) + (rng.random() < cases_per_client % 1)
        for _ in range(count):
            manager = rng.choice(case_managers)
            opened = today - dt.timedelta(days=rng.randint(1, 700))
            closed = rng.random() < 0.2
            reached = rng.randint(0, len(PHASE_ORDER) - 1)
            case = Case(
                municipality_id=client.municipality_id,
                organisation_id=client.organisation_id,
                client=client,
                case_manager=manager,
                location=manager.location or (rng.choice(locations) if locations else None),
                phase=(Phase.CLOSED if closed else PHASE_ORDER[reached]).value,
                opened_on=opened,
                last_contact_on=min(today, opened + dt.timedelta(days=rng.randint(0, 120))),
            )
            steps = [
                PhaseTransition(case=case, from_phase="", to_phase=Phase.INTAKE.value, by=manager)
            ]
            for index in range(1, reached + 1):
                steps.append(
                    PhaseTransition(
                        case=case,
                        from_phase=PHASE_ORDER[index - 1].value,
                        to_phase=PHASE_ORDER[index].value,
                        by=manager,
                    )
                )
            if closed:
                case.closed_on = min(today, opened + dt.timedelta(days=rng.randint(30, 400)))
                case.closure_reason = rng.choice(closure_reasons)
                steps.append(
                    PhaseTransition(
                        case=case,
                        from_phase=PHASE_ORDER[reached].value,
                        to_phase=Phase.CLOSED.value,
                        by=manager,
                        reason=str(case.closure_reason.code),
                    )
                )
            yield case, steps


CaseRow = tuple[int, str, int | None, dt.date, dt.date | None]


def case_chunks(cases, size: int = 5000) -> Iterator[list[CaseRow]]:
    """(pk, phase, case manager, opened on, last contact) of `cases`, `size` at a time.

    What the apps' ``bench_seed`` hooks walk through, so memory stays flat however
    many cases the benchmark municipality has.
    """
    rows = cases.order_by("pk").values_list(
        "pk", "phase", "case_manager_id", "opened_on", "last_contact_on"
    )
    chunk: list[CaseRow] = []
    for row in rows.iterator(chunk_size=size):
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def day_between(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randint(0, max(0, (last - first).days)))
