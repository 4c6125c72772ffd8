"""The pre-check form's fields, as data, and how form values become engine facts.

Plain Python (no request): the view builds a Django form from ``FIELDS``; ``facts_from``
turns cleaned values into the RULES.md field dictionary; ``initial_from_client`` pre-fills
what a client record holds. An empty answer stays *unknown*: nothing is guessed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

CHECK_NAMES = {
    "stag10": _("Naturalisation (§ 10 StAG)"),
    "aufenthg25a": _("Well-integrated young people (§ 25a AufenthG)"),
    "aufenthg25b": _("Sustainable integration (§ 25b AufenthG)"),
}
ALL = ("stag10", "aufenthg25a", "aufenthg25b")
STAG = ("stag10",)
A25 = ("aufenthg25a", "aufenthg25b")
A25A = ("aufenthg25a",)
A25B = ("aufenthg25b",)

RESIDENCE_STATUS_CHOICES = [
    ("niederlassungserlaubnis", _("Settlement permit")),
    ("daueraufenthalt_eu", _("EU long-term residence")),
    ("blaue_karte_eu", _("EU Blue Card")),
    ("aufenthaltserlaubnis", _("Residence permit")),
    ("eu_freizuegigkeit", _("EU freedom of movement")),
    ("visum_national", _("National visa")),
    ("fiktionsbescheinigung", _("Fictional certificate")),
    ("aufenthaltsgestattung", _("Permission to stay (asylum procedure)")),
    ("duldung", _("Toleration (Duldung)")),
    ("duldung_60b", _("Toleration for persons with unclear identity (§ 60b)")),
    ("none", _("No lawful residence")),
]
ASYLUM_CHOICES = [
    ("asylum", _("Asylum")),
    ("refugee", _("Refugee protection")),
    ("subsidiary", _("Subsidiary protection")),
    ("national_ban", _("National ban on deportation")),
    ("rejected", _("Rejected")),
    ("pending", _("Pending")),
]
LEVEL_CHOICES = [
    ("none", _("none")),
    ("A1", "A1"),
    ("A2", "A2"),
    ("B1", "B1"),
    ("B2", "B2"),
    ("C1", "C1"),
    ("C2", "C2"),
    ("age_appropriate", _("age-appropriate (under 16)")),
]
CONVICTION_CHOICES = [
    ("fine", _("Fine")),
    ("prison", _("Prison sentence")),
    ("youth_prison", _("Youth prison")),
    ("jgg_measure", _("Juvenile court measure")),
]


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # date | bool | choice | number | text
    label: Any
    checks: tuple[str, ...] = ALL
    choices: list | None = None
    group: str = "person"


FIELDS: list[Field] = [
    Field("date_of_birth", "date", _("Date of birth")),
    Field("application_date", "date", _("Application date (if already filed)")),
    Field("citizenship", "text", _("Citizenship (ISO code, e.g. SY)")),
    Field("is_eu_efta_citizen", "bool", _("EU/EFTA citizen"), STAG),
    Field("entry_date", "date", _("Entry into Germany")),
    Field(
        "residence_status",
        "choice",
        _("Current residence status"),
        choices=RESIDENCE_STATUS_CHOICES,
    ),
    Field("title_purpose", "text", _("Purpose of the title (AufenthG section, e.g. 25_2, 104c)")),
    Field("asylum_outcome", "choice", _("Outcome of the asylum procedure"), choices=ASYLUM_CHOICES),
    Field("identity_clarified", "bool", _("Identity clarified")),
    Field("has_valid_passport", "bool", _("Holds a valid passport"), A25),
    Field("identity_steps_taken", "bool", _("All reasonable steps to clarify identity taken"), A25),
    # residence periods: three rows, see PERIOD_ROWS
    Field(
        "fdgo_commitment",
        "bool",
        _("Commitment to the free democratic basic order"),
        ("stag10", "aufenthg25b"),
        group="integration",
    ),
    Field(
        "historic_responsibility_commitment",
        "bool",
        _("Commitment to Germany's historical responsibility"),
        STAG,
        group="integration",
    ),
    Field(
        "extremism_indications",
        "bool",
        _("Indications of anti-constitutional activity"),
        STAG,
        group="integration",
    ),
    Field(
        "commitment_doubts",
        "bool",
        _("Doubts that the commitment is true"),
        STAG,
        group="integration",
    ),
    Field(
        "german_level",
        "choice",
        _("German level (written and oral)"),
        STAG,
        LEVEL_CHOICES,
        group="integration",
    ),
    Field(
        "german_oral_level",
        "choice",
        _("Oral German level"),
        A25B,
        LEVEL_CHOICES,
        group="integration",
    ),
    Field(
        "passed_citizenship_test",
        "bool",
        _("Passed the citizenship test"),
        STAG,
        group="integration",
    ),
    Field(
        "basic_knowledge_proven",
        "bool",
        _("Basic knowledge of the legal and social order proven"),
        A25B,
        group="integration",
    ),
    Field(
        "german_school_certificate",
        "bool",
        _("German school-leaving certificate"),
        STAG,
        group="integration",
    ),
    Field(
        "medical_or_age_exemption_certified",
        "bool",
        _("Medical or age exemption certified"),
        STAG,
        group="integration",
    ),
    Field(
        "school_years_successful_in_germany",
        "number",
        _("Years of successful school attendance in Germany"),
        A25A,
        group="integration",
    ),
    Field(
        "recognized_school_or_vocational_qualification",
        "bool",
        _("Recognised school or vocational qualification"),
        A25A,
        group="integration",
    ),
    Field(
        "in_school_training_or_study",
        "bool",
        _("In school, training or study"),
        A25A,
        group="integration",
    ),
    Field(
        "positive_integration_prognosis",
        "bool",
        _("Positive integration prognosis"),
        A25A,
        group="integration",
    ),
    Field(
        "fdgo_concrete_doubts",
        "bool",
        _("Concrete doubts about the commitment to the basic order"),
        A25A,
        group="integration",
    ),
    Field(
        "duldung_due_to_own_deception",
        "bool",
        _("Toleration because of own deception"),
        A25A,
        group="integration",
    ),
    Field(
        "receives_sgb2", "bool", _("Receives citizen's benefit (SGB II)"), STAG, group="livelihood"
    ),
    Field(
        "receives_sgb12",
        "bool",
        _("Receives social assistance (SGB XII)"),
        STAG,
        group="livelihood",
    ),
    Field("full_time_employed_now", "bool", _("Employed full-time now"), STAG, group="livelihood"),
    Field(
        "full_time_employed_months_last_24",
        "number",
        _("Months in full-time work in the last 24"),
        STAG,
        group="livelihood",
    ),
    Field(
        "married_or_registered_partner",
        "bool",
        _("Married or registered partnership"),
        STAG,
        group="livelihood",
    ),
    Field(
        "minor_children_in_household",
        "bool",
        _("Minor children in the household"),
        STAG,
        group="livelihood",
    ),
    Field("livelihood_secured", "bool", _("Livelihood secured"), A25A, group="livelihood"),
    Field(
        "livelihood_share_from_employment",
        "number",
        _("Share of livelihood from employment (0 to 1)"),
        A25B,
        group="livelihood",
    ),
    Field(
        "livelihood_prognosis_positive",
        "bool",
        _("Positive livelihood prognosis"),
        A25B,
        group="livelihood",
    ),
    Field("receives_wohngeld", "bool", _("Receives housing benefit"), A25B, group="livelihood"),
    Field("school_age_children", "bool", _("Has school-age children"), A25B, group="livelihood"),
    Field(
        "school_age_children_attending_school",
        "bool",
        _("School-age children attend school"),
        A25B,
        group="livelihood",
    ),
    Field(
        "child_date_of_birth",
        "date",
        _("Youngest minor unmarried child in the household: date of birth"),
        A25B,
        group="livelihood",
    ),
    Field(
        "illness_disability_age_prevents_lu_or_language",
        "bool",
        _("Illness, disability or age prevents work or language learning"),
        A25B,
        group="livelihood",
    ),
    Field(
        "pending_criminal_investigation",
        "bool",
        _("Pending criminal investigation"),
        STAG,
        group="conduct",
    ),
    Field(
        "polygamous_marriage",
        "bool",
        _("Married to several spouses at the same time"),
        STAG,
        group="conduct",
    ),
    Field(
        "disregards_gender_equality",
        "bool",
        _("Conduct disregards equality of men and women"),
        STAG,
        group="conduct",
    ),
    Field(
        "serious_expulsion_interest_54_1_nr2_or_4",
        "bool",
        _("Particularly serious expulsion interest (§ 54 (1) no. 2 or 4)"),
        STAG,
        group="conduct",
    ),
    Field(
        "currently_obstructing_removal",
        "bool",
        _("Currently obstructs removal (deception, no cooperation)"),
        A25B,
        group="conduct",
    ),
    Field(
        "convictions",
        "choice",
        _("Criminal convictions"),
        choices=[("none", _("none")), ("one", _("yes, see below"))],
        group="conduct",
    ),
    Field(
        "conviction_type",
        "choice",
        _("Conviction: type"),
        choices=CONVICTION_CHOICES,
        group="conduct",
    ),
    Field("conviction_daily_rates", "number", _("Conviction: daily rates"), group="conduct"),
    Field("conviction_months", "number", _("Conviction: months"), group="conduct"),
    Field("conviction_suspended", "bool", _("Conviction: suspended on probation"), group="conduct"),
    Field(
        "conviction_remitted", "bool", _("Conviction: remitted after probation"), group="conduct"
    ),
]
PERIOD_ROWS = 3
GROUPS = [
    ("person", _("Person and residence")),
    ("periods", _("Residence periods (latest last)")),
    ("integration", _("Integration")),
    ("livelihood", _("Livelihood and family")),
    ("conduct", _("Conduct")),
]
_HELPERS = {
    "convictions",
    "conviction_type",
    "conviction_daily_rates",
    "conviction_months",
    "conviction_suspended",
    "conviction_remitted",
    "child_date_of_birth",
}


def fields_for(check: str) -> list[Field]:
    return [field for field in FIELDS if check in field.checks]


def facts_from(check: str, data: Mapping[str, Any]) -> dict[str, Any]:
    """Engine facts from cleaned form values; ``None`` and "" stay out (unknown)."""
    facts: dict[str, Any] = {}
    for field in fields_for(check):
        if field.name in _HELPERS:
            continue
        value = data.get(field.name)
        if value is None or value == "":
            continue
        if isinstance(value, dt.date):
            value = value.isoformat()
        facts[field.name] = value
    periods = []
    for row in range(1, PERIOD_ROWS + 1):
        status = data.get(f"period_{row}_status")
        start = data.get(f"period_{row}_from")
        if not status or not start:
            continue
        end = data.get(f"period_{row}_to")
        period = {
            "status": status,
            "from": start.isoformat(),
            "to": end.isoformat() if end else None,
        }
        if data.get(f"period_{row}_purpose"):
            period["purpose"] = data[f"period_{row}_purpose"]
        periods.append(period)
    if periods:
        facts["residence_periods"] = periods
    if data.get("convictions") == "none":
        facts["criminal_convictions"] = []
    elif data.get("convictions") == "one" and data.get("conviction_type"):
        conviction = {
            "type": data["conviction_type"],
            "daily_rates": data.get("conviction_daily_rates"),
            "months": data.get("conviction_months"),
            "suspended": data.get("conviction_suspended"),
            "remitted_after_probation": data.get("conviction_remitted"),
        }
        facts["criminal_convictions"] = [conviction]
    if check == "aufenthg25b":
        child = data.get("child_date_of_birth")
        facts["minor_unmarried_children_in_household"] = (
            [{"date_of_birth": child.isoformat(), "married": False}] if child else []
        )
    return facts


# Client.residence_status -> engine status (None: the record does not say enough).
CLIENT_STATUS = {
    "title": "aufenthaltserlaubnis",
    "settlement": "niederlassungserlaubnis",
    "toleration": "duldung",
    "gestattung": "aufenthaltsgestattung",
    "eu": "eu_freizuegigkeit",
}


def client_birth_date(client: Any) -> dt.date | None:
    """The full birth date, if year, month and day are known (partial dates are not guessed)."""
    if client.birth_year and client.birth_month and client.birth_day:
        try:
            return dt.date(client.birth_year, client.birth_month, client.birth_day)
        except ValueError:
            return None
    return None


def initial_from_client(client: Any) -> dict[str, Any]:
    """Form values a client record gives. The stay since arrival is entered as one period
    under the current status: the form says so, and the user corrects it."""
    initial: dict[str, Any] = {}
    born = client_birth_date(client)
    if born:
        initial["date_of_birth"] = born
    if client.nationalities:
        initial["citizenship"] = client.nationalities.split(",")[0].strip().upper()
    if client.arrival_date:
        initial["entry_date"] = client.arrival_date
    status = CLIENT_STATUS.get(client.residence_status or "")
    if status:
        initial["residence_status"] = status
        if client.arrival_date:
            initial["period_1_status"] = status
            initial["period_1_from"] = client.arrival_date
    return initial
