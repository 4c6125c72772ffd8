"""§ 10 StAG pre-check, table-driven from the statute (RULES.md section 3).

Each case names the requirement it tests and the paragraph in its id. The base person
("Amira", recognised refugee, lawful residence since 15.11.2021) meets every requirement on
15.11.2026; each case changes only what it tests.
"""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

import pytest

from lotse.residence.eligibility import evaluate

DROP = object()  # marks a fact to remove from the base


def amira(**changes: Any) -> dict[str, Any]:
    facts: dict[str, Any] = {
        "date_of_birth": "1990-05-01",
        "citizenship": "SY",
        "residence_status": "niederlassungserlaubnis",
        "residence_periods": [
            {
                "status": "aufenthaltserlaubnis",
                "purpose": "25_2_refugee",
                "from": "2021-11-15",
                "to": "2024-01-01",
            },
            {"status": "niederlassungserlaubnis", "from": "2024-01-02", "to": None},
        ],
        "asylum_outcome": "refugee",
        "absences_abroad": [],
        "identity_clarified": True,
        "fdgo_commitment": True,
        "historic_responsibility_commitment": True,
        "extremism_indications": False,
        "commitment_doubts": False,
        "german_level": "B1",
        "passed_citizenship_test": True,
        "receives_sgb2": False,
        "receives_sgb12": False,
        "other_benefits": ["wohngeld"],
        "criminal_convictions": [],
        "pending_criminal_investigation": False,
        "polygamous_marriage": False,
        "disregards_gender_equality": False,
        "serious_expulsion_interest_54_1_nr2_or_4": False,
        "keeps_other_citizenship": True,
    }
    for key, value in changes.items():
        if value is DROP:
            facts.pop(key, None)
        else:
            facts[key] = value
    return facts


def since(
    start: str, status: str = "aufenthaltserlaubnis", purpose: str | None = "18b"
) -> dict[str, Any]:
    """One ongoing period as the whole residence history."""
    period: dict[str, Any] = {"status": status, "from": start, "to": None}
    if purpose:
        period["purpose"] = purpose
    return {"residence_periods": [period], "residence_status": status, "title_purpose": purpose}


def fine(rates: float, **extra: Any) -> dict[str, Any]:
    return {"type": "fine", "daily_rates": rates, **extra}


def prison(months: float, suspended: bool, remitted: bool | None = None) -> dict[str, Any]:
    return {
        "type": "prison",
        "months": months,
        "suspended": suspended,
        "remitted_after_probation": remitted,
    }


class Case(NamedTuple):
    id: str
    rule: str
    as_of: str
    changes: dict[str, Any]
    status: str
    outcome: str


REFERENCE = "2026-11-15"
TURBO_PERSON = {
    **since("2022-06-01"),
    "german_level": "C1",
    "special_integration_achievements": True,
}

CASES = [
    # --- STAG-RES-5Y: § 10 Abs. 1 S. 1, § 12b StAG, § 55 Abs. 3 AsylG --------------------
    Case(
        "§10(1) day before five years complete",
        "STAG-RES-5Y",
        "2026-11-14",
        {},
        "not_met",
        "not_eligible",
    ),
    Case(
        "§10(1) five years complete on the anniversary",
        "STAG-RES-5Y",
        "2026-11-15",
        {},
        "met",
        "eligible",
    ),
    Case(
        "§10(1) start 29 Feb: not complete on 28 Feb",
        "STAG-RES-5Y",
        "2025-02-28",
        since("2020-02-29"),
        "not_met",
        "not_eligible",
    ),
    Case(
        "§10(1) start 29 Feb: complete on 1 March (§188(3) BGB)",
        "STAG-RES-5Y",
        "2025-03-01",
        since("2020-02-29"),
        "met",
        "eligible",
    ),
    Case(
        "§10(1) Duldung never counts and interrupts",
        "STAG-RES-5Y",
        REFERENCE,
        {
            "residence_periods": [
                {"status": "duldung", "from": "2015-01-01", "to": "2022-05-31"},
                {
                    "status": "aufenthaltserlaubnis",
                    "purpose": "25b",
                    "from": "2022-06-01",
                    "to": None,
                },
            ],
            "residence_status": "aufenthaltserlaubnis",
            "title_purpose": "25b",
        },
        "not_met",
        "not_eligible",
    ),
    Case(
        "§55(3) AsylG Gestattung counts after refugee status",
        "STAG-RES-5Y",
        "2026-06-01",
        {
            "residence_periods": [
                {"status": "aufenthaltsgestattung", "from": "2021-06-01", "to": "2021-11-14"},
                {
                    "status": "aufenthaltserlaubnis",
                    "purpose": "25_2_refugee",
                    "from": "2021-11-15",
                    "to": None,
                },
            ],
            "residence_status": "aufenthaltserlaubnis",
            "title_purpose": "25_2_refugee",
        },
        "met",
        "eligible",
    ),
    Case(
        "§55(3) AsylG Gestattung does not count after a national ban only",
        "STAG-RES-5Y",
        "2026-06-01",
        {
            "asylum_outcome": "national_ban",
            "residence_periods": [
                {"status": "aufenthaltsgestattung", "from": "2021-06-01", "to": "2021-11-14"},
                {
                    "status": "aufenthaltserlaubnis",
                    "purpose": "25_2_refugee",
                    "from": "2021-11-15",
                    "to": None,
                },
            ],
            "residence_status": "aufenthaltserlaubnis",
            "title_purpose": "25_2_refugee",
        },
        "not_met",
        "not_eligible",
    ),
    Case(
        "§55(3) AsylG Gestattung with unknown asylum outcome is not guessed",
        "STAG-RES-5Y",
        "2026-06-01",
        {
            "asylum_outcome": DROP,
            "residence_periods": [
                {"status": "aufenthaltsgestattung", "from": "2021-06-01", "to": "2021-11-14"},
                {
                    "status": "aufenthaltserlaubnis",
                    "purpose": "25_2_refugee",
                    "from": "2021-11-15",
                    "to": None,
                },
            ],
            "residence_status": "aufenthaltserlaubnis",
            "title_purpose": "25_2_refugee",
        },
        "unknown",
        "needs_review",
    ),
    Case(
        "§12b(1) absence of exactly six months does not interrupt",
        "STAG-RES-5Y",
        REFERENCE,
        {"absences_abroad": [{"from": "2023-01-01", "to": "2023-06-30"}]},
        "met",
        "eligible",
    ),
    Case(
        "§12b(1) absence of six months and one day interrupts",
        "STAG-RES-5Y",
        REFERENCE,
        {"absences_abroad": [{"from": "2023-01-01", "to": "2023-07-01"}]},
        "not_met",
        "not_eligible",
    ),
    Case(
        "§12b(3) gap from a late extension application is bridged",
        "STAG-RES-5Y",
        "2026-11-11",
        {
            "residence_periods": [
                {
                    "status": "aufenthaltserlaubnis",
                    "purpose": "18b",
                    "from": "2021-11-01",
                    "to": "2023-01-31",
                },
                {
                    "status": "none",
                    "from": "2023-02-01",
                    "to": "2023-02-10",
                    "late_extension": True,
                },
                {
                    "status": "aufenthaltserlaubnis",
                    "purpose": "18b",
                    "from": "2023-02-11",
                    "to": None,
                },
            ],
            "residence_status": "aufenthaltserlaubnis",
            "title_purpose": "18b",
        },
        "met",
        "eligible",
    ),
    Case(
        "§12b(3) bridged gap is not counted: one day short",
        "STAG-RES-5Y",
        "2026-11-10",
        {
            "residence_periods": [
                {
                    "status": "aufenthaltserlaubnis",
                    "purpose": "18b",
                    "from": "2021-11-01",
                    "to": "2023-01-31",
                },
                {
                    "status": "none",
                    "from": "2023-02-01",
                    "to": "2023-02-10",
                    "late_extension": True,
                },
                {
                    "status": "aufenthaltserlaubnis",
                    "purpose": "18b",
                    "from": "2023-02-11",
                    "to": None,
                },
            ],
            "residence_status": "aufenthaltserlaubnis",
            "title_purpose": "18b",
        },
        "not_met",
        "not_eligible",
    ),
    Case(
        "§10(1) a gap without status interrupts",
        "STAG-RES-5Y",
        REFERENCE,
        {
            "residence_periods": [
                {
                    "status": "aufenthaltserlaubnis",
                    "purpose": "18b",
                    "from": "2020-01-01",
                    "to": "2023-01-31",
                },
                {"status": "none", "from": "2023-02-01", "to": "2023-02-10"},
                {
                    "status": "aufenthaltserlaubnis",
                    "purpose": "18b",
                    "from": "2023-02-11",
                    "to": None,
                },
            ],
            "residence_status": "aufenthaltserlaubnis",
            "title_purpose": "18b",
        },
        "not_met",
        "not_eligible",
    ),
    Case(
        "§10(1) undocumented days are not guessed",
        "STAG-RES-5Y",
        REFERENCE,
        {
            "residence_periods": [
                {
                    "status": "aufenthaltserlaubnis",
                    "purpose": "18b",
                    "from": "2020-01-01",
                    "to": "2023-01-31",
                },
                {
                    "status": "aufenthaltserlaubnis",
                    "purpose": "18b",
                    "from": "2023-02-11",
                    "to": None,
                },
            ],
            "residence_status": "aufenthaltserlaubnis",
            "title_purpose": "18b",
        },
        "unknown",
        "needs_review",
    ),
    Case(
        "§10(3) 2024: 3-year route at discretion the day before abolition",
        "STAG-RES-5Y",
        "2025-10-29",
        TURBO_PERSON,
        "discretion",
        "needs_review",
    ),
    Case(
        "§10(3) deleted 30.10.2025: no 3-year route from that day",
        "STAG-RES-5Y",
        "2025-10-30",
        TURBO_PERSON,
        "not_met",
        "not_eligible",
    ),
    Case(
        "§10(3) 2024: 3-year route needs C1",
        "STAG-RES-5Y",
        "2025-10-29",
        {**TURBO_PERSON, "german_level": "B2"},
        "not_met",
        "not_eligible",
    ),
    Case(
        "§10(1) a.F. 8 years complete the day before the 2024 reform",
        "STAG-RES-5Y",
        "2024-06-26",
        {**since("2016-06-26"), "keeps_other_citizenship": False},
        "met",
        "eligible",
    ),
    Case(
        "§10(1) a.F. one day short of 8 years",
        "STAG-RES-5Y",
        "2024-06-26",
        {**since("2016-06-27"), "keeps_other_citizenship": False},
        "not_met",
        "not_eligible",
    ),
    Case(
        "§10(3) S.1 a.F. 7 years with an integration course",
        "STAG-RES-5Y",
        "2024-06-26",
        {
            **since("2017-06-26"),
            "keeps_other_citizenship": False,
            "integration_course_completed": True,
        },
        "met",
        "eligible",
    ),
    Case(
        "§10(1) StARModG in force 27.06.2024: 5 years",
        "STAG-RES-5Y",
        "2024-06-27",
        since("2019-06-27"),
        "met",
        "eligible",
    ),
    # --- STAG-CAPACITY, STAG-ID -----------------------------------------------------------
    Case(
        "§34 StAG date of birth missing",
        "STAG-CAPACITY",
        REFERENCE,
        {"date_of_birth": DROP},
        "unknown",
        "needs_review",
    ),
    Case(
        "§10(1) identity not clarified",
        "STAG-ID",
        REFERENCE,
        {"identity_clarified": False},
        "not_met",
        "not_eligible",
    ),
    Case(
        "§10(1) identity by alternative evidence (stepped model)",
        "STAG-ID",
        REFERENCE,
        {"identity_clarified": "alternative_evidence"},
        "discretion",
        "needs_review",
    ),
    # --- STAG-FDGO, STAG-HIST: § 10 Abs. 1 S. 1 Nr. 1, 1a, S. 2 ---------------------------
    Case(
        "§10(1)1 no commitment at 16",
        "STAG-FDGO",
        REFERENCE,
        {"date_of_birth": "2010-11-15", "fdgo_commitment": False},
        "not_met",
        "not_eligible",
    ),
    Case(
        "§10(1)S.2 commitment not required the day before the 16th birthday",
        "STAG-FDGO",
        REFERENCE,
        {
            "date_of_birth": "2010-11-16",
            "fdgo_commitment": False,
            "german_level": "age_appropriate",
        },
        "met",
        "eligible",
    ),
    Case(
        "§10(1)1a no commitment to historical responsibility",
        "STAG-HIST",
        REFERENCE,
        {"historic_responsibility_commitment": False},
        "not_met",
        "not_eligible",
    ),
    Case(
        "§10(1)1a commitment missing",
        "STAG-HIST",
        REFERENCE,
        {"historic_responsibility_commitment": DROP},
        "unknown",
        "needs_review",
    ),
    # --- STAG-TITLE: § 10 Abs. 1 S. 1 Nr. 2 -------------------------------------------------
    Case(
        "§10(1)2 study permit §16b excluded",
        "STAG-TITLE",
        REFERENCE,
        since("2021-11-15", purpose="16b"),
        "not_met",
        "not_eligible",
    ),
    Case(
        "§10(1)2 §25(5) excluded",
        "STAG-TITLE",
        REFERENCE,
        since("2021-11-15", purpose="25_5"),
        "not_met",
        "not_eligible",
    ),
    Case(
        "§10(1)2 §104c excluded since 2024",
        "STAG-TITLE",
        REFERENCE,
        since("2021-11-15", purpose="104c"),
        "not_met",
        "not_eligible",
    ),
    Case(
        "§10(1)2 §23(1) allowed since 2024",
        "STAG-TITLE",
        REFERENCE,
        since("2021-11-15", purpose="23_1"),
        "met",
        "eligible",
    ),
    Case(
        "§10(1)2 a.F. §23(1) excluded before 2024",
        "STAG-TITLE",
        "2024-06-26",
        {**since("2016-01-01", purpose="23_1"), "keeps_other_citizenship": False},
        "not_met",
        "not_eligible",
    ),
    Case(
        "§10(1)2 §25 without Absatz is not guessed",
        "STAG-TITLE",
        REFERENCE,
        since("2021-11-15", purpose="25"),
        "unknown",
        "needs_review",
    ),
    Case(
        "§10(1)2 §18d unsettled after 2024 goes to review",
        "STAG-TITLE",
        REFERENCE,
        since("2021-11-15", purpose="18d"),
        "discretion",
        "needs_review",
    ),
    Case(
        "§10(1)2 EU free movement",
        "STAG-TITLE",
        REFERENCE,
        {
            **since("2021-11-15", status="eu_freizuegigkeit", purpose=None),
            "is_eu_efta_citizen": True,
        },
        "met",
        "eligible",
    ),
    # --- STAG-LU: § 10 Abs. 1 S. 1 Nr. 3, § 40a -------------------------------------------------
    Case(
        "§10(1)3 SGB II without exception",
        "STAG-LU",
        REFERENCE,
        {"receives_sgb2": True},
        "not_met",
        "not_eligible",
    ),
    Case(
        "§10(1)3 SGB II unknown",
        "STAG-LU",
        REFERENCE,
        {"receives_sgb2": DROP},
        "unknown",
        "needs_review",
    ),
    Case(
        "§10(1)3b full time 20 of 24 months",
        "STAG-LU",
        REFERENCE,
        {
            "receives_sgb2": True,
            "full_time_employed_now": True,
            "full_time_employed_months_last_24": 20,
        },
        "met",
        "eligible",
    ),
    Case(
        "§10(1)3b full time 19 of 24 months is not enough",
        "STAG-LU",
        REFERENCE,
        {
            "receives_sgb2": True,
            "full_time_employed_now": True,
            "full_time_employed_months_last_24": 19,
        },
        "not_met",
        "not_eligible",
    ),
    Case(
        "§10(1)3c spouse full time with a minor child",
        "STAG-LU",
        REFERENCE,
        {
            "receives_sgb2": True,
            "married_or_registered_partner": True,
            "spouse_full_time_employed_now": True,
            "spouse_full_time_employed_months_last_24": 22,
            "minor_children_in_household": True,
        },
        "met",
        "eligible",
    ),
    Case(
        "§10(1)3a guest worker not responsible for benefits",
        "STAG-LU",
        REFERENCE,
        {
            "receives_sgb12": True,
            "guest_worker_or_contract_worker": True,
            "benefit_receipt_not_attributable": True,
        },
        "met",
        "eligible",
    ),
    Case(
        "§10(1)3a guest worker responsible for benefits",
        "STAG-LU",
        REFERENCE,
        {
            "receives_sgb12": True,
            "guest_worker_or_contract_worker": True,
            "benefit_receipt_not_attributable": False,
        },
        "not_met",
        "not_eligible",
    ),
    Case(
        "§40a application on 23.08.2023 keeps old Nr. 3 if better",
        "STAG-LU",
        REFERENCE,
        {"receives_sgb2": True, "application_date": "2023-08-23"},
        "discretion",
        "needs_review",
    ),
    Case(
        "§40a application on 24.08.2023 does not",
        "STAG-LU",
        REFERENCE,
        {"receives_sgb2": True, "application_date": "2023-08-24"},
        "not_met",
        "not_eligible",
    ),
    Case(
        "§10(1)3 a.F. benefits not attributable before 2024",
        "STAG-LU",
        "2024-06-26",
        {
            **since("2016-01-01"),
            "keeps_other_citizenship": False,
            "receives_sgb2": True,
            "benefit_receipt_not_attributable": True,
        },
        "met",
        "eligible",
    ),
    # --- STAG-CRIM: § 10 Abs. 1 S. 1 Nr. 5, § 12a -----------------------------------------------
    Case(
        "§12a(1)2 fine of 90 daily rates disregarded",
        "STAG-CRIM",
        REFERENCE,
        {"criminal_convictions": [fine(90)]},
        "met",
        "eligible",
    ),
    Case(
        "§12a(1) fine of 91 daily rates: case-by-case",
        "STAG-CRIM",
        REFERENCE,
        {"criminal_convictions": [fine(91)]},
        "discretion",
        "needs_review",
    ),
    Case(
        "§12a(1) 111 daily rates still slight excess (practice)",
        "STAG-CRIM",
        REFERENCE,
        {"criminal_convictions": [fine(111)]},
        "discretion",
        "needs_review",
    ),
    Case(
        "§12a(1) 112 daily rates bar naturalisation",
        "STAG-CRIM",
        REFERENCE,
        {"criminal_convictions": [fine(112)]},
        "not_met",
        "not_eligible",
    ),
    Case(
        "§12a(1)S.2 convictions are added up: 45 + 46 = 91",
        "STAG-CRIM",
        REFERENCE,
        {"criminal_convictions": [fine(45), fine(46)]},
        "discretion",
        "needs_review",
    ),
    Case(
        "§12a(1)S.2 convictions are added up: 45 + 45 = 90",
        "STAG-CRIM",
        REFERENCE,
        {"criminal_convictions": [fine(45), fine(45)]},
        "met",
        "eligible",
    ),
    Case(
        "§12a(1)S.2 lower Gesamtstrafe replaces the sum",
        "STAG-CRIM",
        REFERENCE,
        {"criminal_convictions": [fine(50), fine(50)], "aggregate_sentence_daily_rates": 80},
        "met",
        "eligible",
    ),
    Case(
        "§12a(1)S.2 fine and prison: one daily rate = one day",
        "STAG-CRIM",
        REFERENCE,
        {"criminal_convictions": [fine(1), prison(3, True, True)]},
        "discretion",
        "needs_review",
    ),
    Case(
        "§12a(1)3 prison 3 months suspended and remitted disregarded",
        "STAG-CRIM",
        REFERENCE,
        {"criminal_convictions": [prison(3, True, True)]},
        "met",
        "eligible",
    ),
    Case(
        "§12a(1)3 suspended prison still in probation counts",
        "STAG-CRIM",
        REFERENCE,
        {"criminal_convictions": [prison(2, True, False)]},
        "not_met",
        "not_eligible",
    ),
    Case(
        "§12a(1)3 prison not suspended counts",
        "STAG-CRIM",
        REFERENCE,
        {"criminal_convictions": [prison(1, False)]},
        "not_met",
        "not_eligible",
    ),
    Case(
        "§12a(1)1 JGG measures disregarded",
        "STAG-CRIM",
        REFERENCE,
        {"criminal_convictions": [{"type": "jgg_measure"}]},
        "met",
        "eligible",
    ),
    Case(
        "§12a(1) youth prison is never disregarded",
        "STAG-CRIM",
        REFERENCE,
        {"criminal_convictions": [{"type": "youth_prison", "months": 6, "suspended": True}]},
        "not_met",
        "not_eligible",
    ),
    Case(
        "§12a(1)S.2 racist motive established: no bagatelle",
        "STAG-CRIM",
        REFERENCE,
        {"criminal_convictions": [fine(10, motive="racist", motive_established_in_judgment=True)]},
        "not_met",
        "not_eligible",
    ),
    Case(
        "§12a(1)S.2 motive only suspected goes to review",
        "STAG-CRIM",
        REFERENCE,
        {
            "criminal_convictions": [
                fine(10, motive="antisemitic", motive_established_in_judgment=False)
            ]
        },
        "discretion",
        "needs_review",
    ),
    Case(
        "§12a BZRG erased conviction not counted",
        "STAG-CRIM",
        REFERENCE,
        {"criminal_convictions": [fine(200, erased_from_register=True)]},
        "met",
        "eligible",
    ),
    Case(
        "§10(1)5 convictions unknown",
        "STAG-CRIM",
        REFERENCE,
        {"criminal_convictions": DROP},
        "unknown",
        "needs_review",
    ),
    Case(
        "§12a(3) pending investigation suspends the decision",
        "STAG-CRIM-PENDING",
        REFERENCE,
        {"pending_criminal_investigation": True},
        "discretion",
        "needs_review",
    ),
    # --- STAG-LANG, STAG-KNOW: § 10 Abs. 1 S. 1 Nr. 6, 7, Abs. 4, 4a, 6 -------------------------
    Case(
        "§10(1)6 German A2 is below B1",
        "STAG-LANG",
        REFERENCE,
        {"german_level": "A2"},
        "not_met",
        "not_eligible",
    ),
    Case(
        "§10(6) illness exemption (mandatory)",
        "STAG-LANG",
        REFERENCE,
        {"german_level": "A1", "medical_or_age_exemption_certified": True},
        "met",
        "eligible",
    ),
    Case(
        "§10(4)S.3 guest worker: oral everyday German",
        "STAG-LANG",
        REFERENCE,
        {
            "german_level": "A2",
            "guest_worker_or_contract_worker": True,
            "german_oral_everyday": True,
            "passed_citizenship_test": DROP,
        },
        "met",
        "eligible",
    ),
    Case(
        "§10(4a) hardship despite efforts: discretion",
        "STAG-LANG",
        REFERENCE,
        {
            "german_level": "A2",
            "german_oral_everyday": True,
            "language_hardship_efforts_proven": True,
        },
        "discretion",
        "needs_review",
    ),
    Case(
        "§10(4) German school certificate",
        "STAG-LANG",
        REFERENCE,
        {"german_level": DROP, "german_school_certificate": True},
        "met",
        "eligible",
    ),
    Case(
        "§10(1)7 citizenship test failed",
        "STAG-KNOW",
        REFERENCE,
        {"passed_citizenship_test": False},
        "not_met",
        "not_eligible",
    ),
    Case(
        "§10(1)7 citizenship test unknown",
        "STAG-KNOW",
        REFERENCE,
        {"passed_citizenship_test": DROP},
        "unknown",
        "needs_review",
    ),
    Case(
        "§10(6)S.1 test waived for illness",
        "STAG-KNOW",
        REFERENCE,
        {"passed_citizenship_test": False, "medical_or_age_exemption_certified": True},
        "met",
        "eligible",
    ),
    # --- exclusions: § 11 ----------------------------------------------------------------------
    Case(
        "§11 S.1 Nr.1 extremism indications",
        "STAG-EXCL-EXTREM",
        REFERENCE,
        {"extremism_indications": True},
        "not_met",
        "not_eligible",
    ),
    Case(
        "§11 S.1 Nr.1a commitment untrue",
        "STAG-EXCL-EXTREM",
        REFERENCE,
        {"commitment_doubts": True},
        "not_met",
        "not_eligible",
    ),
    Case(
        "§11 S.1 Nr.2 serious interest in expulsion",
        "STAG-EXCL-EXPULSION",
        REFERENCE,
        {"serious_expulsion_interest_54_1_nr2_or_4": True},
        "not_met",
        "not_eligible",
    ),
    Case(
        "§11 S.1 Nr.2 not known",
        "STAG-EXCL-EXPULSION",
        REFERENCE,
        {"serious_expulsion_interest_54_1_nr2_or_4": DROP},
        "unknown",
        "needs_review",
    ),
    Case(
        "§11 S.1 Nr.3 married to several spouses",
        "STAG-EXCL-POLY",
        REFERENCE,
        {"polygamous_marriage": True},
        "not_met",
        "not_eligible",
    ),
    Case(
        "§11 S.1 Nr.3 disregard of gender equality",
        "STAG-EXCL-POLY",
        REFERENCE,
        {"disregards_gender_equality": True},
        "not_met",
        "not_eligible",
    ),
    # --- STAG-MIT: § 10 Abs. 2 -----------------------------------------------------------------
    Case(
        "§10(2) child co-naturalised with a qualifying parent",
        "STAG-MIT",
        REFERENCE,
        {
            **since("2023-09-01", purpose="32"),
            "date_of_birth": "2014-02-01",
            "german_level": "age_appropriate",
            "co_naturalisation_with_parent": True,
            "parent_meets_stag10": True,
        },
        "discretion",
        "needs_review",
    ),
    Case(
        "§10(2) co-naturalisation needs the parent to qualify",
        "STAG-MIT",
        REFERENCE,
        {
            **since("2023-09-01", purpose="32"),
            "date_of_birth": "2014-02-01",
            "german_level": "age_appropriate",
            "co_naturalisation_with_parent": True,
            "parent_meets_stag10": False,
        },
        "not_met",
        "not_eligible",
    ),
    # --- STAG-MEHRSTAAT: § 10 Abs. 1 S. 1 Nr. 4 a.F. (only before 27.06.2024) --------------------
    Case(
        "§10(1)4 a.F. keeping the old citizenship before 2024",
        "STAG-MEHRSTAAT",
        "2024-06-26",
        {**since("2016-01-01"), "keeps_other_citizenship": True},
        "discretion",
        "needs_review",
    ),
    Case(
        "§12(2) a.F. EU citizens kept their citizenship",
        "STAG-MEHRSTAAT",
        "2024-06-26",
        {
            **since("2016-01-01", status="eu_freizuegigkeit", purpose=None),
            "is_eu_efta_citizen": True,
        },
        "met",
        "eligible",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{c.rule} {c.id}" for c in CASES])
def test_stag10_rule_table(case: Case) -> None:
    result = evaluate("stag10", amira(**case.changes), case.as_of)
    requirement = result.requirement(case.rule)
    assert requirement.status == case.status, requirement.reason["en"]
    assert result.outcome == case.outcome, [
        (r.id, r.status) for r in result.requirements if r.status != "met"
    ]
    if case.outcome == "eligible":
        assert result.missing == []
    else:
        assert case.rule in result.missing


def test_base_person_meets_every_requirement_and_no_missing_fact() -> None:
    result = evaluate("stag10", amira(), REFERENCE)
    assert [r.id for r in result.requirements if r.status != "met"] == []
    assert result.outcome == "eligible"


def test_every_stag10_requirement_id_of_the_rules_table_is_reported() -> None:
    ids = [r.id for r in evaluate("stag10", amira(), REFERENCE).requirements]
    assert ids == [
        "STAG-RES-5Y",
        "STAG-CAPACITY",
        "STAG-ID",
        "STAG-FDGO",
        "STAG-HIST",
        "STAG-TITLE",
        "STAG-LU",
        "STAG-CRIM",
        "STAG-CRIM-PENDING",
        "STAG-LANG",
        "STAG-KNOW",
        "STAG-EXCL-EXTREM",
        "STAG-EXCL-EXPULSION",
        "STAG-EXCL-POLY",
        "STAG-MIT",
    ]


def test_table_covers_every_stag10_requirement() -> None:
    covered = {case.rule for case in CASES}
    ids = {r.id for r in evaluate("stag10", amira(), REFERENCE).requirements}
    assert ids <= covered


def test_historic_commitment_did_not_exist_before_the_2024_reform() -> None:
    result = evaluate(
        "stag10", amira(**since("2016-01-01"), keeps_other_citizenship=False), "2024-06-26"
    )
    ids = [r.id for r in result.requirements]
    assert "STAG-HIST" not in ids
    assert "STAG-MEHRSTAAT" in ids


def test_three_year_route_before_abolition_dates_the_claim_at_five_years() -> None:
    result = evaluate("stag10", amira(**TURBO_PERSON), "2025-10-29")
    assert result.eligible_from == date(2027, 6, 1)
    assert result.requirement("STAG-RES-5Y").met_from == date(2027, 6, 1)


def test_residence_reason_names_dates_in_both_languages() -> None:
    requirement = evaluate("stag10", amira(), "2026-11-14").requirement("STAG-RES-5Y")
    assert "15.11.2021" in requirement.reason["de"] and "15.11.2026" in requirement.reason["de"]
    assert "2021-11-15" in requirement.reason["en"] and "2026-11-15" in requirement.reason["en"]
    assert "§ 10 Abs. 1 S. 1 StAG" in requirement.law
