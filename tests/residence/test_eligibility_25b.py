"""§ 25b AufenthG pre-check, table-driven from the statute (RULES.md section 5).

The base person ("Lena") arrived on 01.03.2020 (permission to stay), has been geduldet
since 01.03.2021 and meets every requirement on 01.03.2026 (six years).
"""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

import pytest

from lotse.residence.eligibility import evaluate

DROP = object()
REFERENCE = "2026-03-01"


def lena(**changes: Any) -> dict[str, Any]:
    facts: dict[str, Any] = {
        "date_of_birth": "1985-07-01",
        "residence_status": "duldung",
        "residence_periods": [
            {"status": "aufenthaltsgestattung", "from": "2020-03-01", "to": "2021-02-28"},
            {"status": "duldung", "from": "2021-03-01", "to": None},
        ],
        "absences_abroad": [],
        "fdgo_commitment": True,
        "basic_knowledge_proven": True,
        "livelihood_share_from_employment": 0.7,
        "receives_wohngeld": True,
        "german_oral_level": "A2",
        "school_age_children": False,
        "currently_obstructing_removal": False,
        "criminal_convictions": [],
        "identity_clarified": True,
        "has_valid_passport": True,
    }
    for key, value in changes.items():
        if value is DROP:
            facts.pop(key, None)
        else:
            facts[key] = value
    return facts


CHILD = {
    "minor_unmarried_children_in_household": [{"date_of_birth": "2015-06-01", "married": False}]
}
# One year of Gestattung, four years of Duldung light (not counted), then Duldung: six
# counted years on 01.03.2027 if § 60b time only pauses the clock, on 01.03.2028 if it
# restarts it.
WITH_60B = {
    "residence_periods": [
        {"status": "aufenthaltsgestattung", "from": "2017-03-01", "to": "2018-02-28"},
        {"status": "duldung_60b", "from": "2018-03-01", "to": "2022-02-28"},
        {"status": "duldung", "from": "2022-03-01", "to": None},
    ]
}
HOLDER_104C = {
    "residence_status": "aufenthaltserlaubnis",
    "title_purpose": "104c",
    "residence_periods": [
        {"status": "duldung_60b", "from": "2017-01-01", "to": "2023-05-31"},
        {"status": "aufenthaltserlaubnis", "purpose": "104c", "from": "2023-06-01", "to": None},
    ],
}


def prison(months: float, suspended: bool, kind: str = "prison") -> dict[str, Any]:
    return {"type": kind, "months": months, "suspended": suspended}


class Case(NamedTuple):
    id: str
    rule: str
    as_of: str
    changes: dict[str, Any]
    status: str
    outcome: str


CASES = [
    # --- A25B-RES: § 25b Abs. 1 S. 2 Nr. 1
    Case("§25b(1)1 six years less a day", "A25B-RES", "2026-02-28", {}, "not_met", "not_eligible"),
    Case("§25b(1)1 six years", "A25B-RES", REFERENCE, {}, "met", "eligible"),
    Case(
        "§25b(1)1 four years with a minor child: a day short",
        "A25B-RES",
        "2024-02-29",
        CHILD,
        "not_met",
        "not_eligible",
    ),
    Case(
        "§25b(1)1 four years with a minor child", "A25B-RES", "2024-03-01", CHILD, "met", "eligible"
    ),
    Case(
        "§25b(1)1 child of 18 no longer shortens the period",
        "A25B-RES",
        "2024-03-01",
        {
            "minor_unmarried_children_in_household": [
                {"date_of_birth": "2006-03-01", "married": False}
            ]
        },
        "not_met",
        "not_eligible",
    ),
    Case(
        "§25b(1)1 a married child does not shorten the period",
        "A25B-RES",
        "2024-03-01",
        {
            "minor_unmarried_children_in_household": [
                {"date_of_birth": "2008-01-01", "married": True}
            ]
        },
        "not_met",
        "not_eligible",
    ),
    Case(
        "§25b(1)1 a.F. eight years before 31.12.2022",
        "A25B-RES",
        "2022-12-30",
        {"residence_periods": [{"status": "duldung", "from": "2016-01-01", "to": None}]},
        "not_met",
        "not_eligible",
    ),
    Case(
        "§25b(1)1 six years since 31.12.2022",
        "A25B-RES",
        "2022-12-31",
        {"residence_periods": [{"status": "duldung", "from": "2016-01-01", "to": None}]},
        "met",
        "eligible",
    ),
    Case(
        "§25b(1)1 one interruption under three months is harmless",
        "A25B-RES",
        "2026-03-15",
        {"absences_abroad": [{"from": "2023-05-01", "to": "2023-05-14"}]},
        "met",
        "eligible",
    ),
    Case(
        "§25b(1)1 a second interruption breaks the period",
        "A25B-RES",
        "2026-04-01",
        {
            "absences_abroad": [
                {"from": "2023-05-01", "to": "2023-05-14"},
                {"from": "2024-05-01", "to": "2024-05-14"},
            ]
        },
        "not_met",
        "not_eligible",
    ),
    Case(
        "§60b(5) time not counted: a day short on the literal reading",
        "A25B-RES",
        "2027-02-28",
        WITH_60B,
        "not_met",
        "not_eligible",
    ),
    Case(
        "§60b(5) time not counted; restart reading unsettled",
        "A25B-RES",
        "2027-03-01",
        WITH_60B,
        "discretion",
        "needs_review",
    ),
    Case(
        "§60b(5) six years under both readings",
        "A25B-RES",
        "2028-03-01",
        WITH_60B,
        "met",
        "eligible",
    ),
    Case(
        "§60b(5) time not counted: fails under both readings",
        "A25B-RES",
        REFERENCE,
        WITH_60B,
        "not_met",
        "not_eligible",
    ),
    Case(
        "§25b(7) §104c holders count §60b time",
        "A25B-RES",
        "2027-06-30",
        HOLDER_104C,
        "met",
        "eligible",
    ),
    # --- A25B-STATUS: § 25b Abs. 1 S. 1
    Case(
        "§25b(1) Gestattung does not qualify",
        "A25B-STATUS",
        REFERENCE,
        {"residence_status": "aufenthaltsgestattung"},
        "not_met",
        "not_eligible",
    ),
    Case(
        "§25b(1) §104c holder until 30.06.2027",
        "A25B-STATUS",
        "2027-06-30",
        HOLDER_104C,
        "met",
        "eligible",
    ),
    Case(
        "§25b(1) §104c transition ended on 01.07.2027",
        "A25B-STATUS",
        "2027-07-01",
        HOLDER_104C,
        "not_met",
        "not_eligible",
    ),
    Case(
        "§25b(1) enforceably obliged to leave without Duldung",
        "A25B-STATUS",
        REFERENCE,
        {"residence_status": "none"},
        "discretion",
        "needs_review",
    ),
    # --- A25B-FDGO-KNOW, A25B-LU, A25B-LANG, A25B-SCHOOL-CHILDREN
    Case(
        "§25b(1)2 basic knowledge not shown",
        "A25B-FDGO-KNOW",
        REFERENCE,
        {"basic_knowledge_proven": False},
        "not_met",
        "not_eligible",
    ),
    Case(
        "§25b(1)2 no waiver for illness under Abs. 3",
        "A25B-FDGO-KNOW",
        REFERENCE,
        {"fdgo_commitment": False, "illness_disability_age_prevents_lu_or_language": True},
        "not_met",
        "not_eligible",
    ),
    Case(
        "§25b(1)3 half of the livelihood is not 'mostly'",
        "A25B-LU",
        REFERENCE,
        {"livelihood_share_from_employment": 0.5, "livelihood_prognosis_positive": False},
        "not_met",
        "not_eligible",
    ),
    Case(
        "§25b(1)3 51 % from employment",
        "A25B-LU",
        REFERENCE,
        {"livelihood_share_from_employment": 0.51},
        "met",
        "eligible",
    ),
    Case(
        "§25b(1)3 positive prognosis",
        "A25B-LU",
        REFERENCE,
        {"livelihood_share_from_employment": 0.2, "livelihood_prognosis_positive": True},
        "met",
        "eligible",
    ),
    Case(
        "§25b(1)S.3 single parent, work unreasonable",
        "A25B-LU",
        REFERENCE,
        {
            "livelihood_share_from_employment": 0.0,
            "livelihood_prognosis_positive": False,
            "livelihood_exception_category": "single_parent_work_unreasonable",
        },
        "met",
        "eligible",
    ),
    Case(
        "§25b(3) illness waives the livelihood",
        "A25B-LU",
        REFERENCE,
        {
            "livelihood_share_from_employment": 0.0,
            "livelihood_prognosis_positive": False,
            "illness_disability_age_prevents_lu_or_language": True,
        },
        "met",
        "eligible",
    ),
    Case(
        "§25b(1)3 share and prognosis unknown",
        "A25B-LU",
        REFERENCE,
        {"livelihood_share_from_employment": DROP},
        "unknown",
        "needs_review",
    ),
    Case(
        "§25b(1)4 oral German A1",
        "A25B-LANG",
        REFERENCE,
        {"german_oral_level": "A1"},
        "not_met",
        "not_eligible",
    ),
    Case(
        "§25b(3) illness waives the language",
        "A25B-LANG",
        REFERENCE,
        {"german_oral_level": "A1", "illness_disability_age_prevents_lu_or_language": True},
        "met",
        "eligible",
    ),
    Case(
        "§25b(1)5 school-age children not attending",
        "A25B-SCHOOL-CHILDREN",
        REFERENCE,
        {"school_age_children": True, "school_age_children_attending_school": False},
        "not_met",
        "not_eligible",
    ),
    Case(
        "§25b(1)5 school-age children attending",
        "A25B-SCHOOL-CHILDREN",
        REFERENCE,
        {"school_age_children": True, "school_age_children_attending_school": True},
        "met",
        "eligible",
    ),
    # --- A25B-DENY-*: § 25b Abs. 2
    Case(
        "§25b(2)1 currently obstructing removal",
        "A25B-DENY-DECEPTION",
        REFERENCE,
        {"currently_obstructing_removal": True},
        "not_met",
        "not_eligible",
    ),
    Case(
        "§25b(2)2 §54(2)1 prison of 6 months",
        "A25B-DENY-EXPULSION",
        REFERENCE,
        {"criminal_convictions": [prison(6, True)]},
        "not_met",
        "not_eligible",
    ),
    Case(
        "§25b(2)2 prison of 5 months is below the threshold",
        "A25B-DENY-EXPULSION",
        REFERENCE,
        {"criminal_convictions": [prison(5, True)]},
        "met",
        "needs_review",
    ),
    Case(
        "§25b(2)2 §54(2)2 youth prison of 1 year not suspended",
        "A25B-DENY-EXPULSION",
        REFERENCE,
        {"criminal_convictions": [prison(12, False, "youth_prison")]},
        "not_met",
        "not_eligible",
    ),
    Case(
        "§25b(2)2 youth prison of 1 year suspended",
        "A25B-DENY-EXPULSION",
        REFERENCE,
        {"criminal_convictions": [prison(12, True, "youth_prison")]},
        "met",
        "needs_review",
    ),
    Case(
        "§25b(2)2 §54(1)1 youth prison of 2 years even if suspended",
        "A25B-DENY-EXPULSION",
        REFERENCE,
        {"criminal_convictions": [prison(24, True, "youth_prison")]},
        "not_met",
        "not_eligible",
    ),
    # --- A25B-GENERAL: § 5 Abs. 1, Abs. 3 S. 2
    Case(
        "§5(1)2 small fine may be an interest in expulsion",
        "A25B-GENERAL",
        REFERENCE,
        {"criminal_convictions": [{"type": "fine", "daily_rates": 30}]},
        "discretion",
        "needs_review",
    ),
    Case(
        "§5(1)1a identity not clarified: waivable",
        "A25B-GENERAL",
        REFERENCE,
        {"identity_clarified": False},
        "discretion",
        "needs_review",
    ),
    Case(
        "§5(1)4 passport unknown",
        "A25B-GENERAL",
        REFERENCE,
        {"has_valid_passport": DROP},
        "unknown",
        "needs_review",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{c.rule} {c.id}" for c in CASES])
def test_25b_rule_table(case: Case) -> None:
    result = evaluate("aufenthg25b", lena(**case.changes), case.as_of)
    requirement = result.requirement(case.rule)
    assert requirement.status == case.status, requirement.reason["en"]
    assert result.outcome == case.outcome, [
        (r.id, r.status) for r in result.requirements if r.status != "met"
    ]


def test_every_25b_requirement_is_reported_and_covered_by_the_table() -> None:
    ids = [r.id for r in evaluate("aufenthg25b", lena(), REFERENCE).requirements]
    assert ids == [
        "A25B-STATUS",
        "A25B-RES",
        "A25B-FDGO-KNOW",
        "A25B-LU",
        "A25B-LANG",
        "A25B-SCHOOL-CHILDREN",
        "A25B-DENY-DECEPTION",
        "A25B-DENY-EXPULSION",
        "A25B-GENERAL",
    ]
    assert set(ids) <= {case.rule for case in CASES}


def test_clear_shortfall_notes_that_atypical_cases_remain_possible() -> None:
    requirement = evaluate("aufenthg25b", lena(german_oral_level="A1"), REFERENCE).requirement(
        "A25B-LANG"
    )
    assert "Atypische Fälle" in requirement.reason["de"]
    assert "atypical cases" in requirement.reason["en"].lower()


def test_child_turning_18_moves_eligible_from_from_four_to_six_years() -> None:
    # Four years complete on 01.03.2024, but the child turns 18 on 01.01.2024.
    facts = lena(
        minor_unmarried_children_in_household=[{"date_of_birth": "2006-01-01", "married": False}]
    )
    result = evaluate("aufenthg25b", facts, "2023-06-01")
    assert result.requirement("A25B-RES").met_from == date(2024, 3, 1)
    assert result.eligible_from == date(2026, 3, 1)


def test_60b_time_dates_eligibility_under_the_stricter_reading() -> None:
    result = evaluate("aufenthg25b", lena(**WITH_60B), REFERENCE)
    assert result.requirement("A25B-RES").met_from == date(2027, 3, 1)
    assert result.eligible_from == date(2028, 3, 1)
