"""The engine around the rules: inputs, result shape, unknown facts, eligible_from, dates."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from datetime import date, datetime

import pytest

from lotse.residence.eligibility import FactsError, UnknownCheck, evaluate
from lotse.residence.eligibility.dates import add_months, add_years, age_on

from .test_eligibility_25a import dawit
from .test_eligibility_25b import lena
from .test_eligibility_stag10 import DROP, REFERENCE, amira, since

# --- inputs


def test_as_of_may_be_a_date_an_iso_string_or_a_datetime() -> None:
    by_string = evaluate("stag10", amira(), "2026-11-15")
    assert evaluate("stag10", amira(), date(2026, 11, 15)) == by_string
    assert evaluate("stag10", amira(), datetime(2026, 11, 15, 9, 30)) == by_string  # noqa: DTZ001


def test_unknown_check_is_refused_with_the_valid_names() -> None:
    with pytest.raises(UnknownCheck, match="stag10, aufenthg25a, aufenthg25b"):
        evaluate("stag11", amira(), REFERENCE)


@pytest.mark.parametrize("as_of", ["2026-02-30", "15.11.2026", "", "2019-12-31"])
def test_bad_or_unmodelled_as_of_is_refused(as_of: str) -> None:
    with pytest.raises(ValueError, match="as_of"):
        evaluate("stag10", amira(), as_of)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"residence_status": "green_card"}, "residence_status"),
        ({"date_of_birth": "1990-13-01"}, "date_of_birth"),
        ({"receives_sgb2": "maybe"}, "receives_sgb2"),
        (
            {
                "residence_periods": [
                    {"status": "duldung", "from": "2024-01-01", "to": "2023-01-01"}
                ]
            },
            "residence_periods[0]",
        ),
        ({"criminal_convictions": [{"type": "warning"}]}, "criminal_convictions[0].type"),
        ({"german_level": "fluent"}, "german_level"),
    ],
)
def test_unreadable_fact_names_the_field(changes: dict, field: str) -> None:
    with pytest.raises(FactsError) as error:
        evaluate("stag10", amira(**changes), REFERENCE)
    assert str(error.value).startswith(field)


def test_facts_must_be_an_object() -> None:
    with pytest.raises(FactsError):
        evaluate("stag10", ["not", "an", "object"], REFERENCE)  # type: ignore[arg-type]


def test_unknown_fields_are_ignored() -> None:
    assert evaluate("stag10", amira(favourite_colour="blue"), REFERENCE).outcome == "eligible"


# --- result


def test_result_is_a_frozen_dataclass() -> None:
    result = evaluate("stag10", amira(), REFERENCE)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.outcome = "eligible"  # type: ignore[misc]
    with pytest.raises(TypeError):
        result.requirements[0].reason["de"] = "changed"  # type: ignore[index]


def test_to_dict_has_the_cli_shape() -> None:
    data = evaluate("stag10", amira(), "2026-11-14").to_dict()
    assert set(data) == {"outcome", "missing", "requirements", "eligible_from"}
    assert data["outcome"] == "not_eligible"
    assert data["missing"] == ["STAG-RES-5Y"]
    assert data["eligible_from"] == "2026-11-15"
    first = data["requirements"][0]
    assert {"id", "status", "reason", "law"} <= set(first)
    assert set(first["reason"]) == {"de", "en"}
    assert first["met_from"] == "2026-11-15"


# --- unknown facts

REQUIRED_STAG = [
    ("residence_periods", "STAG-RES-5Y"),
    ("date_of_birth", "STAG-CAPACITY"),
    ("identity_clarified", "STAG-ID"),
    ("fdgo_commitment", "STAG-FDGO"),
    ("historic_responsibility_commitment", "STAG-HIST"),
    ("residence_status", "STAG-TITLE"),
    ("receives_sgb12", "STAG-LU"),
    ("criminal_convictions", "STAG-CRIM"),
    ("pending_criminal_investigation", "STAG-CRIM-PENDING"),
    ("german_level", "STAG-LANG"),
    ("passed_citizenship_test", "STAG-KNOW"),
    ("extremism_indications", "STAG-EXCL-EXTREM"),
    ("serious_expulsion_interest_54_1_nr2_or_4", "STAG-EXCL-EXPULSION"),
    ("polygamous_marriage", "STAG-EXCL-POLY"),
]


@pytest.mark.parametrize(("field", "rule"), REQUIRED_STAG)
def test_missing_required_fact_is_named_and_never_gives_eligible(field: str, rule: str) -> None:
    changes = {field: DROP}
    if field == "residence_status":
        changes["residence_periods"] = DROP
    result = evaluate("stag10", amira(**changes), REFERENCE)
    assert result.outcome == "needs_review"
    assert rule in result.missing
    requirement = result.requirement(rule)
    assert requirement.status == "unknown"
    assert field in requirement.missing_facts or "residence_periods" in requirement.missing_facts


def test_clear_failure_wins_over_unknown_facts_and_missing_lists_only_failures() -> None:
    result = evaluate("stag10", amira(german_level=DROP, receives_sgb2=True), REFERENCE)
    assert result.outcome == "not_eligible"
    assert result.missing == ["STAG-LU"]
    assert result.requirement("STAG-LANG").status == "unknown"


def test_needs_review_lists_unknown_and_discretion_requirements() -> None:
    result = evaluate(
        "stag10", amira(german_level=DROP, pending_criminal_investigation=True), REFERENCE
    )
    assert result.outcome == "needs_review"
    assert result.missing == ["STAG-CRIM-PENDING", "STAG-LANG"]


def test_empty_facts_give_review_with_every_requirement_named() -> None:
    result = evaluate("aufenthg25b", {}, REFERENCE)
    assert result.outcome == "needs_review"
    assert result.missing == [r.id for r in result.requirements if r.status != "met"]
    assert all(r.missing_facts for r in result.requirements if r.status == "unknown")


# --- eligible_from


def test_eligible_from_is_the_day_the_period_completes() -> None:
    result = evaluate("stag10", amira(**since("2022-03-01")), REFERENCE)
    assert result.outcome == "not_eligible"
    assert result.eligible_from == date(2027, 3, 1)
    assert evaluate("stag10", amira(**since("2022-03-01")), "2027-03-01").outcome == "eligible"


def test_no_eligible_from_when_something_else_fails() -> None:
    result = evaluate("stag10", amira(**since("2022-03-01"), german_level="A2"), REFERENCE)
    assert result.missing == ["STAG-RES-5Y", "STAG-LANG"]
    assert result.eligible_from is None


def test_no_eligible_from_when_something_else_is_unknown() -> None:
    result = evaluate("stag10", amira(**since("2022-03-01"), german_level=DROP), REFERENCE)
    assert result.eligible_from is None


def test_no_eligible_from_once_eligible() -> None:
    assert evaluate("stag10", amira(), REFERENCE).eligible_from is None


def test_no_eligible_from_when_the_current_status_does_not_count() -> None:
    facts = amira(
        residence_status="duldung",
        residence_periods=[{"status": "duldung", "from": "2015-01-01", "to": None}],
    )
    assert evaluate("stag10", facts, REFERENCE).eligible_from is None


def test_eligible_from_assumes_the_current_title_continues_beyond_its_end_date() -> None:
    periods = [
        {
            "status": "aufenthaltserlaubnis",
            "purpose": "18b",
            "from": "2022-03-01",
            "to": "2027-01-31",
        }
    ]
    result = evaluate(
        "stag10",
        amira(
            residence_periods=periods, residence_status="aufenthaltserlaubnis", title_purpose="18b"
        ),
        REFERENCE,
    )
    assert result.eligible_from == date(2027, 3, 1)


def test_eligible_from_for_a_104c_holder_ends_with_the_transition() -> None:
    # Six years of stay would complete on 01.01.2028, after the last day to apply (30.06.2027).
    facts = lena(
        residence_status="aufenthaltserlaubnis",
        title_purpose="104c",
        residence_periods=[
            {"status": "duldung", "from": "2022-01-01", "to": "2023-05-31"},
            {"status": "aufenthaltserlaubnis", "purpose": "104c", "from": "2023-06-01", "to": None},
        ],
    )
    result = evaluate("aufenthg25b", facts, REFERENCE)
    assert result.missing == ["A25B-RES"]
    assert result.eligible_from is None


def test_eligible_from_of_25a_combines_duldung_months_and_residence_years() -> None:
    periods = [
        {"status": "aufenthaltsgestattung", "from": "2024-06-01", "to": "2026-01-31"},
        {"status": "duldung", "from": "2026-02-01", "to": None},
    ]
    result = evaluate("aufenthg25a", dawit(residence_periods=periods), REFERENCE)
    assert set(result.missing) == {"A25A-STATUS", "A25A-RES-3Y"}
    assert result.eligible_from == date(2027, 6, 1)


# --- dates (§§ 187, 188 BGB)


@pytest.mark.parametrize(
    ("start", "years", "expected"),
    [
        (date(2021, 11, 15), 5, date(2026, 11, 15)),
        (date(2020, 2, 29), 5, date(2025, 3, 1)),
        (date(2020, 2, 29), 4, date(2024, 2, 29)),
    ],
)
def test_add_years_is_the_first_day_the_period_is_complete(
    start: date, years: int, expected: date
) -> None:
    assert add_years(start, years) == expected


def test_add_months_overflows_to_the_next_month() -> None:
    assert add_months(date(2023, 1, 31), 1) == date(2023, 3, 1)
    assert add_months(date(2023, 1, 1), 6) == date(2023, 7, 1)


def test_age_is_completed_at_the_start_of_the_birthday() -> None:
    assert age_on(date(1999, 11, 15), date(2026, 11, 14)) == 26
    assert age_on(date(1999, 11, 15), date(2026, 11, 15)) == 27
    assert age_on(date(2008, 2, 29), date(2026, 2, 28)) == 17
    assert age_on(date(2008, 2, 29), date(2026, 3, 1)) == 18


def test_engine_modules_do_not_import_django() -> None:
    code = (
        "import sys, lotse.residence.eligibility as e, lotse.residence.eligibility.bench, "
        "lotse.residence.eligibility.synthetic; "
        "print(any(m == 'django' or m.startswith('django.') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_eligible_from_is_brought_forward_by_the_2024_reform() -> None:
    # On 01.01.2024 the old law asks for 8 years (01.06.2027); from 27.06.2024 five
    # years suffice, and they were already complete on 01.06.2024.
    facts = amira(**since("2019-06-01"), keeps_other_citizenship=False)
    result = evaluate("stag10", facts, "2024-01-01")
    assert result.requirement("STAG-RES-5Y").met_from == date(2027, 6, 1)
    assert result.eligible_from == date(2024, 6, 27)
