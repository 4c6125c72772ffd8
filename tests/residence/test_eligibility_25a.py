"""§ 25a AufenthG pre-check, table-driven from the statute (RULES.md section 4).

The base person ("Dawit") was born on 01.03.2003, had a permission to stay from
01.01.2022 and a Duldung since 01.01.2024, and meets every requirement on 15.11.2026.
"""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

import pytest

from lotse.residence.eligibility import evaluate

DROP = object()
REFERENCE = "2026-11-15"


def dawit(**changes: Any) -> dict[str, Any]:
    facts: dict[str, Any] = {
        "date_of_birth": "2003-03-01",
        "residence_status": "duldung",
        "residence_periods": [
            {"status": "aufenthaltsgestattung", "from": "2022-01-01", "to": "2023-12-31"},
            {"status": "duldung", "from": "2024-01-01", "to": None},
        ],
        "absences_abroad": [],
        "identity_clarified": True,
        "has_valid_passport": True,
        "school_years_successful_in_germany": 3,
        "positive_integration_prognosis": True,
        "criminal_convictions": [],
        "fdgo_concrete_doubts": False,
        "in_school_training_or_study": True,
        "duldung_due_to_own_deception": False,
    }
    for key, value in changes.items():
        if value is DROP:
            facts.pop(key, None)
        else:
            facts[key] = value
    return facts


def holder_104c(**changes: Any) -> dict[str, Any]:
    return {
        "residence_status": "aufenthaltserlaubnis",
        "title_purpose": "104c",
        "residence_periods": [
            {"status": "duldung_60b", "from": "2016-01-01", "to": "2023-05-31"},
            {"status": "aufenthaltserlaubnis", "purpose": "104c", "from": "2023-06-01", "to": None},
        ],
        **changes,
    }


def duldung_since(start: str) -> dict[str, Any]:
    return {
        "residence_periods": [
            {
                "status": "aufenthaltsgestattung",
                "from": f"{int(start[:4]) - 2}-01-01",
                "to": _day_before(start),
            },
            {"status": "duldung", "from": start, "to": None},
        ]
    }


def _day_before(iso: str) -> str:
    return date.fromordinal(date.fromisoformat(iso).toordinal() - 1).isoformat()


class Case(NamedTuple):
    id: str
    rule: str
    as_of: str
    changes: dict[str, Any]
    status: str
    outcome: str


CASES = [
    # --- A25A-AGE: § 25a Abs. 1 S. 1 ("vor Vollendung des 27. Lebensjahres")
    Case(
        "§25a(1) application the day before the 27th birthday",
        "A25A-AGE",
        "2030-06-01",
        {"application_date": "2030-02-28", **duldung_since("2024-01-01")},
        "met",
        "eligible",
    ),
    Case(
        "§25a(1) application on the 27th birthday is too late",
        "A25A-AGE",
        "2030-06-01",
        {"application_date": "2030-03-01", **duldung_since("2024-01-01")},
        "not_met",
        "not_eligible",
    ),
    Case(
        "§25a(1) age at the application counts, not at the decision",
        "A25A-AGE",
        "2031-01-01",
        {"application_date": "2029-12-01"},
        "met",
        "eligible",
    ),
    Case(
        "§25a(1) younger than 14 (practice)",
        "A25A-AGE",
        REFERENCE,
        {"date_of_birth": "2012-11-16"},
        "not_met",
        "not_eligible",
    ),
    Case(
        "§25a(1) 14 on the decision day",
        "A25A-AGE",
        REFERENCE,
        {"date_of_birth": "2012-11-15"},
        "met",
        "eligible",
    ),
    Case(
        "§25a(1) a.F. before 31.12.2022: application before the 21st birthday",
        "A25A-AGE",
        "2022-12-30",
        {
            "date_of_birth": "2001-12-30",
            "application_date": "2022-12-29",
            "school_years_successful_in_germany": 4,
            **duldung_since("2018-01-01"),
        },
        "met",
        "eligible",
    ),
    Case(
        "§25a(1) a.F. before 31.12.2022: on the 21st birthday too late",
        "A25A-AGE",
        "2022-12-30",
        {
            "date_of_birth": "2001-12-30",
            "school_years_successful_in_germany": 4,
            **duldung_since("2018-01-01"),
        },
        "not_met",
        "not_eligible",
    ),
    Case(
        "§25a(1) date of birth missing",
        "A25A-AGE",
        REFERENCE,
        {"date_of_birth": DROP},
        "unknown",
        "needs_review",
    ),
    # --- A25A-STATUS: § 25a Abs. 1 S. 1 (12 months Duldung or § 104c)
    Case(
        "§25a(1) Duldung for 12 months less a day",
        "A25A-STATUS",
        "2026-11-14",
        duldung_since("2025-11-15"),
        "not_met",
        "not_eligible",
    ),
    Case(
        "§25a(1) Duldung for 12 months",
        "A25A-STATUS",
        REFERENCE,
        duldung_since("2025-11-15"),
        "met",
        "eligible",
    ),
    Case(
        "§25a(1) Gestattung (asylum pending) does not qualify",
        "A25A-STATUS",
        REFERENCE,
        {
            "residence_status": "aufenthaltsgestattung",
            "residence_periods": [
                {"status": "aufenthaltsgestattung", "from": "2022-01-01", "to": None}
            ],
        },
        "not_met",
        "not_eligible",
    ),
    Case(
        "§60b(5) Duldung light does not count toward the 12 months",
        "A25A-STATUS",
        REFERENCE,
        {
            "residence_periods": [
                {"status": "aufenthaltsgestattung", "from": "2022-01-01", "to": "2023-12-31"},
                {"status": "duldung_60b", "from": "2024-01-01", "to": "2026-01-31"},
                {"status": "duldung", "from": "2026-02-01", "to": None},
            ]
        },
        "not_met",
        "not_eligible",
    ),
    Case(
        "§25a(1) current Duldung light does not qualify",
        "A25A-STATUS",
        REFERENCE,
        {"residence_status": "duldung_60b"},
        "not_met",
        "not_eligible",
    ),
    Case(
        "§104c holder may apply on 30.06.2027",
        "A25A-STATUS",
        "2027-06-30",
        holder_104c(),
        "met",
        "eligible",
    ),
    Case(
        "§104c transition ended: application on 01.07.2027",
        "A25A-STATUS",
        "2027-07-01",
        holder_104c(),
        "not_met",
        "not_eligible",
    ),
    Case(
        "§104c timely application decided later",
        "A25A-STATUS",
        "2027-09-01",
        holder_104c(application_date="2027-06-30"),
        "met",
        "eligible",
    ),
    # --- A25A-RES-3Y: § 25a Abs. 1 S. 1 Nr. 1
    Case(
        "§25a(1)1 three years less a day",
        "A25A-RES-3Y",
        "2024-12-31",
        {
            "residence_periods": [
                {"status": "aufenthaltsgestattung", "from": "2022-01-01", "to": "2023-10-31"},
                {"status": "duldung", "from": "2023-11-01", "to": None},
            ]
        },
        "not_met",
        "not_eligible",
    ),
    Case(
        "§25a(1)1 three years (Gestattung and Duldung count)",
        "A25A-RES-3Y",
        "2025-01-01",
        {
            "residence_periods": [
                {"status": "aufenthaltsgestattung", "from": "2022-01-01", "to": "2023-10-31"},
                {"status": "duldung", "from": "2023-11-01", "to": None},
            ]
        },
        "met",
        "eligible",
    ),
    Case(
        "§25a(1)1 one absence under three months is harmless",
        "A25A-RES-3Y",
        REFERENCE,
        {"absences_abroad": [{"from": "2023-03-01", "to": "2023-04-30"}]},
        "met",
        "eligible",
    ),
    Case(
        "§25a(1)1 an absence over three months interrupts",
        "A25A-RES-3Y",
        REFERENCE,
        {"absences_abroad": [{"from": "2024-03-01", "to": "2024-07-15"}]},
        "not_met",
        "not_eligible",
    ),
    Case(
        "§25a(1)1 a.F. four years before 31.12.2022",
        "A25A-RES-3Y",
        "2022-12-30",
        {
            "date_of_birth": "2003-03-01",
            "school_years_successful_in_germany": 4,
            "residence_periods": [
                {"status": "aufenthaltsgestattung", "from": "2019-06-01", "to": "2020-05-31"},
                {"status": "duldung", "from": "2020-06-01", "to": None},
            ],
        },
        "not_met",
        "not_eligible",
    ),
    # --- A25A-SCHOOL: § 25a Abs. 1 S. 1 Nr. 2
    Case(
        "§25a(1)2 two years of school",
        "A25A-SCHOOL",
        REFERENCE,
        {"school_years_successful_in_germany": 2},
        "not_met",
        "not_eligible",
    ),
    Case(
        "§25a(1)2 recognised qualification instead of three years",
        "A25A-SCHOOL",
        REFERENCE,
        {
            "school_years_successful_in_germany": 1,
            "recognized_school_or_vocational_qualification": True,
        },
        "met",
        "eligible",
    ),
    Case(
        "§25a(1)2 S.2 illness prevents school attendance",
        "A25A-SCHOOL",
        REFERENCE,
        {"school_years_successful_in_germany": 0, "illness_disability_prevents_school": True},
        "met",
        "eligible",
    ),
    Case(
        "§25a(1)2 school years unknown",
        "A25A-SCHOOL",
        REFERENCE,
        {"school_years_successful_in_germany": DROP},
        "unknown",
        "needs_review",
    ),
    # --- A25A-PROGNOSIS, A25A-FDGO, A25A-LU, A25A-DECEPTION, A25A-GENERAL
    Case(
        "§25a(1)4 no positive prognosis",
        "A25A-PROGNOSIS",
        REFERENCE,
        {"positive_integration_prognosis": False},
        "not_met",
        "not_eligible",
    ),
    Case(
        "§25a(1)4 convictions weigh in the prognosis",
        "A25A-PROGNOSIS",
        REFERENCE,
        {"criminal_convictions": [{"type": "fine", "daily_rates": 20}]},
        "discretion",
        "needs_review",
    ),
    Case(
        "§25a(1)5 concrete doubts about the fdGO",
        "A25A-FDGO",
        REFERENCE,
        {"fdgo_concrete_doubts": True},
        "not_met",
        "not_eligible",
    ),
    Case(
        "§25a(1)S.2 benefits harmless while in training",
        "A25A-LU",
        REFERENCE,
        {"in_school_training_or_study": True, "livelihood_secured": False},
        "met",
        "eligible",
    ),
    Case(
        "§5(3)S.2 not in training and livelihood not secured",
        "A25A-LU",
        REFERENCE,
        {"in_school_training_or_study": False, "livelihood_secured": False},
        "discretion",
        "needs_review",
    ),
    Case(
        "§25a(1)S.3 own deception about identity",
        "A25A-DECEPTION",
        REFERENCE,
        {"duldung_due_to_own_deception": True},
        "not_met",
        "not_eligible",
    ),
    Case(
        "§25a(1)S.3 deception unknown",
        "A25A-DECEPTION",
        REFERENCE,
        {"duldung_due_to_own_deception": DROP},
        "unknown",
        "needs_review",
    ),
    Case(
        "§5(1)4 no passport: waivable",
        "A25A-GENERAL",
        REFERENCE,
        {"has_valid_passport": False},
        "discretion",
        "needs_review",
    ),
    Case(
        "§25a(6) §104c holder: reasonable identity steps suffice",
        "A25A-GENERAL",
        "2027-06-30",
        holder_104c(identity_clarified=False, identity_steps_taken=True),
        "met",
        "eligible",
    ),
    Case(
        "§25a(6) §104c holder: neither identity nor steps",
        "A25A-GENERAL",
        "2027-06-30",
        holder_104c(identity_clarified=False, identity_steps_taken=False),
        "not_met",
        "not_eligible",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{c.rule} {c.id}" for c in CASES])
def test_25a_rule_table(case: Case) -> None:
    result = evaluate("aufenthg25a", dawit(**case.changes), case.as_of)
    requirement = result.requirement(case.rule)
    assert requirement.status == case.status, requirement.reason["en"]
    assert result.outcome == case.outcome, [
        (r.id, r.status) for r in result.requirements if r.status != "met"
    ]
    assert (case.rule in result.missing) == (case.outcome != "eligible")


def test_every_25a_requirement_is_reported_and_covered_by_the_table() -> None:
    ids = [r.id for r in evaluate("aufenthg25a", dawit(), REFERENCE).requirements]
    assert ids == [
        "A25A-STATUS",
        "A25A-AGE",
        "A25A-RES-3Y",
        "A25A-SCHOOL",
        "A25A-PROGNOSIS",
        "A25A-FDGO",
        "A25A-LU",
        "A25A-DECEPTION",
        "A25A-GENERAL",
    ]
    assert set(ids) <= {case.rule for case in CASES}


def test_duldung_months_give_the_date_of_eligibility() -> None:
    periods = [
        {"status": "aufenthaltsgestattung", "from": "2022-01-01", "to": "2026-03-09"},
        {"status": "duldung", "from": "2026-03-10", "to": None},
    ]
    result = evaluate("aufenthg25a", dawit(residence_periods=periods), REFERENCE)
    assert result.missing == ["A25A-STATUS"]
    assert result.eligible_from == date(2027, 3, 10)


def test_no_eligible_from_when_the_period_completes_only_after_the_27th_birthday() -> None:
    # Three years of stay complete on 01.06.2030, but the 27th birthday is 01.03.2030.
    facts = dawit(residence_periods=[{"status": "duldung", "from": "2027-06-01", "to": None}])
    result = evaluate("aufenthg25a", facts, "2028-01-01")
    assert result.requirement("A25A-RES-3Y").met_from == date(2030, 6, 1)
    assert result.eligible_from is None


def test_under_14_is_eligible_from_the_14th_birthday() -> None:
    result = evaluate("aufenthg25a", dawit(date_of_birth="2012-12-01"), REFERENCE)
    assert result.missing == ["A25A-AGE"]
    assert result.eligible_from == date(2026, 12, 1)
