"""A deterministic synthetic resident register, for benchmarks and load tests.

The rows look like what a naturalisation campaign imports from the foreigners' register and
case files: residence histories (asylum → protection → settlement, work visas, family
reunification, toleration), ages, German levels, benefits, a few convictions, and some
fields left empty as in real data. No real person is described; the mix is plausible, not
statistically calibrated.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from .dates import add_years

LEVELS = ("none", "A1", "A2", "B1", "B2", "C1", "C2")
LEVEL_WEIGHTS = (4, 8, 18, 35, 20, 11, 4)
WORK_PURPOSES = ("18a", "18b", "19c", "16b", "16a", "20a", "18d")
FAMILY_PURPOSES = ("28", "30", "32", "36")
HUMANITARIAN = ("25_1", "25_3", "25_5", "23_1", "23a", "24", "25a", "25b")


def _iso(day: date) -> str:
    return day.isoformat()


def synthetic_rows(count: int, seed: int, as_of: date, start: int = 0) -> Iterator[dict[str, Any]]:
    """Rows ``start`` .. ``start + count - 1``.

    One generator per chunk, seeded from ``seed`` and ``start``: the register is the same for
    the same seed and chunk size whatever the number of workers (seeding per row would cost
    more than generating the row).
    """
    rng = random.Random(seed * 1_000_003 + start)  # noqa: S311 - synthetic data, not security
    for number in range(start, start + count):
        yield synthetic_row(rng, number, as_of)


def synthetic_row(rng: random.Random, number: int, as_of: date) -> dict[str, Any]:
    """One resident: ``{"id", "facts"}`` with facts in the RULES.md field dictionary."""
    age = int(min(85, max(0, rng.gauss(34, 14))))
    born = as_of - timedelta(days=age * 365 + rng.randrange(365))
    years_here = min(age, rng.choice((1, 2, 3, 4, 5, 5, 6, 7, 8, 9, 10, 12, 15, 20, 25)))
    entry = as_of - timedelta(days=years_here * 365 + rng.randrange(365))
    periods, status, purpose, outcome = _history(rng, entry, as_of)
    level = rng.choices(LEVELS, LEVEL_WEIGHTS)[0]
    if age < 16:
        level = "age_appropriate"
    facts: dict[str, Any] = {
        "date_of_birth": _iso(born),
        "entry_date": _iso(entry),
        "citizenship": rng.choice(
            ("SY", "AF", "TR", "IQ", "UA", "ER", "RS", "PL", "RO", "IN", "stateless")
        ),
        "residence_status": status,
        "title_purpose": purpose,
        "residence_periods": periods,
        "asylum_outcome": outcome,
        "absences_abroad": _absences(rng, entry, as_of),
        "identity_clarified": rng.random() < 0.9,
        "has_valid_passport": rng.random() < 0.8,
        "is_eu_efta_citizen": status == "eu_freizuegigkeit",
        "criminal_convictions": _convictions(rng),
        "fdgo_commitment": rng.random() < 0.95,
        "historic_responsibility_commitment": rng.random() < 0.95,
        "extremism_indications": rng.random() < 0.003,
        "commitment_doubts": False,
        "german_level": level,
        "german_oral_level": level if level != "age_appropriate" else None,
        "passed_citizenship_test": rng.random() < 0.6,
        "german_school_certificate": age < 30 and years_here > 8 and rng.random() < 0.5,
        "receives_sgb2": rng.random() < 0.18,
        "receives_sgb12": rng.random() < 0.03,
        "full_time_employed_now": rng.random() < 0.5,
        "full_time_employed_months_last_24": rng.choice((0, 6, 12, 18, 20, 24)),
        "married_or_registered_partner": rng.random() < 0.5,
        "minor_children_in_household": rng.random() < 0.35,
        "pending_criminal_investigation": rng.random() < 0.02,
        "polygamous_marriage": rng.random() < 0.001,
        "disregards_gender_equality": False,
        "serious_expulsion_interest_54_1_nr2_or_4": rng.random() < 0.001,
        "special_integration_achievements": rng.random() < 0.05,
        # § 25a / § 25b
        "identity_steps_taken": rng.random() < 0.5,
        "school_years_successful_in_germany": min(years_here, rng.choice((0, 1, 2, 3, 4, 6))),
        "recognized_school_or_vocational_qualification": rng.random() < 0.3,
        "in_school_training_or_study": age < 25 and rng.random() < 0.6,
        "livelihood_secured": rng.random() < 0.5,
        "positive_integration_prognosis": rng.random() < 0.7,
        "fdgo_concrete_doubts": False,
        "duldung_due_to_own_deception": rng.random() < 0.05,
        "basic_knowledge_proven": rng.random() < 0.5,
        "livelihood_share_from_employment": round(rng.random(), 2),
        "livelihood_prognosis_positive": rng.random() < 0.4,
        "school_age_children": rng.random() < 0.3,
        "school_age_children_attending_school": True,
        "currently_obstructing_removal": rng.random() < 0.05,
    }
    if facts["minor_children_in_household"]:
        child = as_of - timedelta(days=rng.randrange(1, 17 * 365))
        facts["minor_unmarried_children_in_household"] = [
            {"date_of_birth": _iso(child), "married": False}
        ]
    # Real imports are incomplete: drop a few fields at random.
    for name in (
        "pending_criminal_investigation",
        "passed_citizenship_test",
        "criminal_convictions",
    ):
        if rng.random() < 0.04:
            del facts[name]
    return {"id": f"R{number:07d}", "facts": facts}


def _history(
    rng: random.Random, entry: date, as_of: date
) -> tuple[list[dict[str, Any]], str, str | None, str | None]:
    """Residence periods from entry to today and the current status."""
    route = rng.choices(
        (
            "refugee",
            "subsidiary",
            "tolerated",
            "asylum_pending",
            "worker",
            "family",
            "eu",
            "humanitarian",
            "ukraine",
        ),
        (22, 8, 10, 5, 18, 17, 10, 6, 4),
    )[0]
    periods: list[dict[str, Any]] = []

    def add(status: str, start: date, end: date | None, purpose: str | None = None) -> None:
        period: dict[str, Any] = {
            "status": status,
            "from": _iso(start),
            "to": _iso(end) if end else None,
        }
        if purpose:
            period["purpose"] = purpose
        periods.append(period)

    day = entry
    if route in ("refugee", "subsidiary", "tolerated", "asylum_pending"):
        decided = min(as_of, day + timedelta(days=rng.randrange(120, 900)))
        if route == "asylum_pending" or decided >= as_of:
            add("aufenthaltsgestattung", day, None)
            return periods, "aufenthaltsgestattung", None, "pending"
        add("aufenthaltsgestattung", day, decided - timedelta(days=1))
        if route == "tolerated":
            status = "duldung_60b" if rng.random() < 0.2 else "duldung"
            if rng.random() < 0.2 and decided < date(2022, 10, 31) - timedelta(days=5 * 365):
                add(status, decided, date(2023, 3, 31))
                add("aufenthaltserlaubnis", date(2023, 4, 1), None, "104c")
                return periods, "aufenthaltserlaubnis", "104c", "rejected"
            add(status, decided, None)
            return periods, status, None, "rejected"
        purpose = "25_2_refugee" if route == "refugee" else "25_2_subsidiary"
        settled = add_years(decided, rng.choice((3, 5, 6, 8)))
        if settled < as_of and rng.random() < 0.6:
            add("aufenthaltserlaubnis", decided, settled - timedelta(days=1), purpose)
            add("niederlassungserlaubnis", settled, None)
            return (
                periods,
                "niederlassungserlaubnis",
                None,
                "refugee" if route == "refugee" else "subsidiary",
            )
        add("aufenthaltserlaubnis", decided, None, purpose)
        return (
            periods,
            "aufenthaltserlaubnis",
            purpose,
            "refugee" if route == "refugee" else "subsidiary",
        )
    if route == "eu":
        add("eu_freizuegigkeit", day, None)
        return periods, "eu_freizuegigkeit", None, None
    if route == "ukraine":
        add("aufenthaltserlaubnis", day, None, "24")
        return periods, "aufenthaltserlaubnis", "24", None
    if route == "humanitarian":
        purpose = rng.choice(HUMANITARIAN)
        add("aufenthaltserlaubnis", day, None, purpose)
        return periods, "aufenthaltserlaubnis", purpose, None
    visa_end = min(as_of, day + timedelta(days=90))
    add("visum_national", day, visa_end)
    if visa_end >= as_of:
        return periods, "visum_national", None, None
    purpose = rng.choice(WORK_PURPOSES if route == "worker" else FAMILY_PURPOSES)
    start = visa_end + timedelta(days=1)
    if rng.random() < 0.03:  # a late extension: a few weeks without a title
        gap_end = start + timedelta(days=rng.randrange(5, 40))
        if gap_end < as_of:
            periods.append(
                {"status": "none", "from": _iso(start), "to": _iso(gap_end), "late_extension": True}
            )
            start = gap_end + timedelta(days=1)
    settled = add_years(start, rng.choice((2, 4, 5, 7)))
    if settled < as_of and rng.random() < 0.5:
        add("aufenthaltserlaubnis", start, settled - timedelta(days=1), purpose)
        final = (
            "blaue_karte_eu"
            if purpose == "18b" and rng.random() < 0.2
            else "niederlassungserlaubnis"
        )
        add(final, settled, None)
        return periods, final, None, None
    add("aufenthaltserlaubnis", start, None, purpose)
    return periods, "aufenthaltserlaubnis", purpose, None


def _absences(rng: random.Random, entry: date, as_of: date) -> list[dict[str, Any]]:
    if rng.random() > 0.15:
        return []
    span = max(1, (as_of - entry).days - 400)
    start = entry + timedelta(days=rng.randrange(span))
    length = rng.choice((14, 30, 60, 120, 200, 400))
    return [{"from": _iso(start), "to": _iso(min(as_of, start + timedelta(days=length)))}]


def _convictions(rng: random.Random) -> list[dict[str, Any]]:
    if rng.random() > 0.08:
        return []
    kind = rng.choices(("fine", "prison", "youth_prison", "jgg_measure"), (70, 15, 5, 10))[0]
    if kind == "fine":
        return [{"type": "fine", "daily_rates": rng.choice((10, 30, 60, 90, 100, 120, 180))}]
    if kind == "prison":
        suspended = rng.random() < 0.7
        return [
            {
                "type": "prison",
                "months": rng.choice((2, 3, 6, 12, 30)),
                "suspended": suspended,
                "remitted_after_probation": suspended and rng.random() < 0.6,
            }
        ]
    if kind == "youth_prison":
        return [
            {
                "type": "youth_prison",
                "months": rng.choice((6, 12, 24)),
                "suspended": rng.random() < 0.6,
            }
        ]
    return [{"type": "jgg_measure"}]
