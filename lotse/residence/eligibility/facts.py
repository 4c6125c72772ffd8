"""The person's facts, parsed once from the field dictionary of RULES.md (section 6).

``None`` always means *not known*. The checks never replace an unknown fact by a guess: a
requirement that depends on it reports ``unknown`` and names the field (see ``result.py``).
Three kinds of facts are told apart, and the difference is documented in the README:

* facts a requirement is about (``german_level``, ``identity_clarified``, the residence
  periods, ``criminal_convictions``, exclusion facts such as ``extremism_indications``):
  missing means ``unknown``;
* exceptions and exemptions the person must claim (``medical_or_age_exemption_certified``,
  ``guest_worker_or_contract_worker``, ``special_integration_achievements``,
  ``livelihood_exception_category`` ...): missing means *not claimed*;
* lists that only record exceptional events (``absences_abroad``,
  ``minor_unmarried_children_in_household``): missing means *none recorded*.

Unknown keys are ignored, so new fields can be added without breaking old callers. Values of
the wrong type raise ``FactsError`` naming the field, because a typo must not silently turn
into "unknown".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from datetime import date
from typing import Any, NamedTuple

from .dates import parse_date


class FactsError(ValueError):
    """The facts cannot be read (wrong type, bad date, unknown enumeration value)."""


RESIDENCE_STATUSES = frozenset(
    {
        "niederlassungserlaubnis",
        "daueraufenthalt_eu",
        "blaue_karte_eu",
        "aufenthaltserlaubnis",
        "eu_freizuegigkeit",
        "visum_national",
        "fiktionsbescheinigung",
        "aufenthaltsgestattung",
        "duldung",
        "duldung_60b",
        "none",
    }
)
ASYLUM_OUTCOMES = frozenset(
    {"asylum", "refugee", "subsidiary", "national_ban", "rejected", "pending"}
)
CONVICTION_TYPES = frozenset({"fine", "prison", "youth_prison", "jgg_measure"})
MOTIVES = frozenset({"antisemitic", "racist", "xenophobic", "other_inhuman"})
LIVELIHOOD_EXCEPTIONS = frozenset(
    {
        "student_apprentice",
        "family_temporary_top_up",
        "single_parent_work_unreasonable",
        "caring_for_relative",
    }
)

#: CEFR levels as ranks; ``none`` is below A1. ``age_appropriate`` (children under 16) has
#: no rank and is handled by the language rule itself.
CEFR_RANK = {"none": 0, "A1": 1, "A2": 2, "B1": 3, "B2": 4, "C1": 5, "C2": 6}
AGE_APPROPRIATE = "age_appropriate"

_TRUE = {"true", "yes", "ja", "1", "y", "j"}
_FALSE = {"false", "no", "nein", "0", "n"}
_PURPOSE_RE = re.compile(r"^\s*(?:§\s*)?(\d+[a-z]?)(?:[\s_.]*(?:abs\.?|absatz)?[\s_.]*(\d+))?")


class Period(NamedTuple):
    """A stretch of residence under one status; ``end`` (``to``) is inclusive, ``None`` ongoing.

    ``late_extension`` (extension of the field dictionary): a stretch with status ``none``
    caused only by a late application for the extension of a title, which § 12b Abs. 3 StAG
    disregards.

    The nested records are immutable named tuples rather than dataclasses: a campaign import
    parses hundreds of thousands of them, and tuples are several times cheaper to build.
    """

    status: str
    purpose: str | None
    start: date
    end: date | None
    late_extension: bool = False


class Absence(NamedTuple):
    """A stay abroad, ``end`` inclusive, ``None`` while still abroad."""

    start: date
    end: date | None


class Conviction(NamedTuple):
    """One entry of ``criminal_convictions[]``.

    ``erased_from_register`` (extension): convictions erased under the BZRG are not counted.
    """

    type: str
    daily_rates: float | None = None
    months: float | None = None
    suspended: bool | None = None
    remitted_after_probation: bool | None = None
    motive: str | None = None
    motive_established_in_judgment: bool | None = None
    date: date | None = None
    offence: str | None = None
    erased_from_register: bool = False


class Child(NamedTuple):
    """An entry of ``minor_unmarried_children_in_household[]``."""

    date_of_birth: date | None
    married: bool | None


@dataclass(frozen=True)
class Facts:
    """All fields of RULES.md section 6; ``None`` means unknown (or, for claims, not claimed).

    Deliberately without ``slots``: ``parse_facts`` builds instances by filling only the
    given fields into ``__dict__`` (the class defaults answer for the rest), which is an
    order of magnitude cheaper than ``__init__`` with ~75 frozen fields.
    """

    # common
    date_of_birth: date | None = None
    application_date: date | None = None
    citizenship: str | None = None
    is_eu_efta_citizen: bool | None = None
    entry_date: date | None = None
    residence_status: str | None = None
    title_purpose: str | None = None
    residence_periods: tuple[Period, ...] | None = None
    asylum_outcome: str | None = None
    absences_abroad: tuple[Absence, ...] | None = None
    identity_clarified: bool | None = None
    identity_alternative_evidence: bool = False
    criminal_convictions: tuple[Conviction, ...] | None = None
    # StAG
    fdgo_commitment: bool | None = None
    historic_responsibility_commitment: bool | None = None
    extremism_indications: bool | None = None
    commitment_doubts: bool | None = None
    german_level: str | None = None
    german_oral_everyday: bool | None = None
    language_hardship_efforts_proven: bool | None = None
    medical_or_age_exemption_certified: bool | None = None
    medical_exemption_reason: str | None = None
    passed_citizenship_test: bool | None = None
    german_school_certificate: bool | None = None
    receives_sgb2: bool | None = None
    receives_sgb12: bool | None = None
    other_benefits: tuple[str, ...] | None = None
    full_time_employed_now: bool | None = None
    full_time_employed_months_last_24: float | None = None
    married_or_registered_partner: bool | None = None
    spouse_full_time_employed_now: bool | None = None
    spouse_full_time_employed_months_last_24: float | None = None
    minor_children_in_household: bool | None = None
    guest_worker_or_contract_worker: bool | None = None
    benefit_receipt_not_attributable: bool | None = None
    pending_criminal_investigation: bool | None = None
    polygamous_marriage: bool | None = None
    disregards_gender_equality: bool | None = None
    serious_expulsion_interest_54_1_nr2_or_4: bool | None = None
    keeps_other_citizenship: bool | None = None
    co_naturalisation_with_parent: bool | None = None
    parent_meets_stag10: bool | None = None
    parent_full_time_employed_months_last_24: float | None = None
    special_integration_achievements: bool | None = None
    aggregate_sentence_daily_rates: float | None = None
    integration_course_completed: bool | None = None  # extension: § 10 Abs. 3 S. 1 a.F.
    # § 25a
    identity_steps_taken: bool | None = None
    has_valid_passport: bool | None = None
    school_years_successful_in_germany: float | None = None
    recognized_school_or_vocational_qualification: bool | None = None
    illness_disability_prevents_school: bool | None = None
    in_school_training_or_study: bool | None = None
    livelihood_secured: bool | None = None
    receives_public_benefits: bool | None = None
    positive_integration_prognosis: bool | None = None
    fdgo_concrete_doubts: bool | None = None
    duldung_due_to_own_deception: bool | None = None
    # § 25b
    basic_knowledge_proven: bool | None = None
    german_oral_level: str | None = None
    livelihood_share_from_employment: float | None = None
    livelihood_prognosis_positive: bool | None = None
    receives_wohngeld: bool | None = None
    receives_asylblg: bool | None = None
    livelihood_exception_category: str | None = None
    illness_disability_age_prevents_lu_or_language: bool | None = None
    illness_evidence: str | None = None
    minor_unmarried_children_in_household: tuple[Child, ...] | None = None
    adult_children_in_household: bool | None = None
    single_parent: bool | None = None
    school_age_children: bool | None = None
    school_age_children_attending_school: bool | None = None
    currently_obstructing_removal: bool | None = None

    @property
    def purpose_key(self) -> tuple[str, str | None] | None:
        """``title_purpose`` as (section, Absatz), e.g. ``("25", "2")`` for ``25_2_refugee``."""
        return purpose_key(self.title_purpose)


def purpose_key(purpose: str | None) -> tuple[str, str | None] | None:
    """Split an AufenthG purpose like ``25_2_refugee``, ``23 Abs. 1`` or ``104c``."""
    if not purpose:
        return None
    match = _PURPOSE_RE.match(purpose.lower())
    if not match:
        return None
    return match.group(1), match.group(2)


# --- value parsers ---------------------------------------------------------------------


def _bool(value: Any, where: str) -> bool | None:
    if value is True or value is False or value is None:
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        text = value.strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        if text in ("", "unknown", "null"):
            return None
    raise FactsError(f"{where}: expected true, false or null, got {value!r}")


def _truthy(value: Any, where: str) -> bool | None:
    """A flag that callers also give as a count or a list (``minor_children_in_household``)."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value > 0
    if isinstance(value, list | tuple):
        return len(value) > 0
    return _bool(value, where)


def _number(value: Any, where: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise FactsError(f"{where}: expected a number, got {value!r}")
    try:
        number = float(value)
    except ValueError:
        raise FactsError(f"{where}: expected a number, got {value!r}") from None
    if number < 0:
        raise FactsError(f"{where}: must not be negative, got {value!r}")
    return number


def _share(value: Any, where: str) -> float | None:
    """A share 0–1; values above 1 are read as percent (60 → 0.6)."""
    number = _number(value, where)
    if number is not None and number > 1:
        if number > 100:
            raise FactsError(f"{where}: a share must be 0–1 (or 0–100 %), got {value!r}")
        number /= 100
    return number


def _date(value: Any, where: str) -> date | None:
    if value is None:
        return None
    if type(value) is str and len(value) == 10:  # fast path for the common ISO string
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    try:
        return parse_date(value, where)
    except ValueError as error:
        raise FactsError(str(error)) from None


def _text(value: Any, where: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return str(value).strip() or None
    raise FactsError(f"{where}: expected text, got {value!r}")


def _enum(allowed: frozenset[str]) -> Callable[[Any, str], str | None]:
    def parse(value: Any, where: str) -> str | None:
        if value is None:
            return None
        if value in allowed:  # fast path: already canonical
            return value
        if isinstance(value, str):
            text = value.strip().lower()
            if text in allowed:
                return text
        raise FactsError(f"{where}: {value!r} is not one of {', '.join(sorted(allowed))}")

    return parse


def _cefr(value: Any, where: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip()
        upper = text.upper()
        if upper[:2] in CEFR_RANK:  # "B1", "b1", "B1+" , "C1 (telc)"
            return upper[:2]
        lower = text.lower()
        if lower in ("none", "below_a1", "a0", "no_german", "keine"):
            return "none"
        if lower in (AGE_APPROPRIATE, "age-appropriate", "altersgemaess", "altersgemäß"):
            return AGE_APPROPRIATE
    raise FactsError(f"{where}: {value!r} is not a CEFR level (A1–C2), 'none' or 'age_appropriate'")


def _list(value: Any, where: str) -> list[Any] | None:
    if value is None:
        return None
    if not isinstance(value, list | tuple):
        raise FactsError(f"{where}: expected a list, got {value!r}")
    return list(value)


def _object(item: Any, where: str) -> Mapping[str, Any]:
    if type(item) is dict:
        return item
    if not isinstance(item, Mapping):
        raise FactsError(f"{where}: expected an object, got {item!r}")
    return item


_status = _enum(RESIDENCE_STATUSES)


def _periods(value: Any, where: str) -> tuple[Period, ...] | None:
    items = _list(value, where)
    if items is None:
        return None
    periods = []
    for index, raw in enumerate(items):
        at = f"{where}[{index}]"
        item = _object(raw, at)
        status = item.get("status")
        if status not in RESIDENCE_STATUSES:
            status = _status(status, f"{at}.status")
            if status is None:
                raise FactsError(f"{at}.status: required")
        start = _date(item.get("from"), f"{at}.from")
        if start is None:
            raise FactsError(f"{at}.from: required")
        end = _date(item.get("to"), f"{at}.to")
        if end is not None and end < start:
            raise FactsError(f"{at}: 'to' ({end}) is before 'from' ({start})")
        purpose = item.get("purpose")
        if purpose is not None and type(purpose) is not str:
            purpose = _text(purpose, f"{at}.purpose")
        late = item.get("late_extension")
        late = late if late is True or late is False else bool(_bool(late, f"{at}.late_extension"))
        periods.append(Period(status, purpose or None, start, end, late))
    if len(periods) > 1:
        periods.sort(key=_period_start)
    return tuple(periods)


def _period_start(period: Period) -> date:
    return period.start


def _absences(value: Any, where: str) -> tuple[Absence, ...] | None:
    items = _list(value, where)
    if items is None:
        return None
    absences = []
    for index, raw in enumerate(items):
        at = f"{where}[{index}]"
        item = _object(raw, at)
        start = _date(item.get("from"), f"{at}.from")
        if start is None:
            raise FactsError(f"{at}.from: required")
        end = _date(item.get("to"), f"{at}.to")
        if end is not None and end < start:
            raise FactsError(f"{at}: 'to' ({end}) is before 'from' ({start})")
        absences.append(Absence(start, end))
    return tuple(absences)


_conviction_type = _enum(CONVICTION_TYPES)
_motive = _enum(MOTIVES)


def _convictions(value: Any, where: str) -> tuple[Conviction, ...] | None:
    items = _list(value, where)
    if items is None:
        return None
    convictions = []
    for index, raw in enumerate(items):
        at = f"{where}[{index}]"
        item = _object(raw, at)
        kind = _conviction_type(item.get("type"), f"{at}.type")
        if kind is None:
            raise FactsError(f"{at}.type: required (fine, prison, youth_prison, jgg_measure)")
        convictions.append(
            Conviction(
                type=kind,
                daily_rates=_number(item.get("daily_rates"), f"{at}.daily_rates"),
                months=_number(item.get("months"), f"{at}.months"),
                suspended=_bool(item.get("suspended"), f"{at}.suspended"),
                remitted_after_probation=_bool(
                    item.get("remitted_after_probation"), f"{at}.remitted_after_probation"
                ),
                motive=_motive(item.get("motive"), f"{at}.motive"),
                motive_established_in_judgment=_bool(
                    item.get("motive_established_in_judgment"),
                    f"{at}.motive_established_in_judgment",
                ),
                date=_date(item.get("date"), f"{at}.date"),
                offence=_text(item.get("offence"), f"{at}.offence"),
                erased_from_register=bool(
                    _bool(item.get("erased_from_register"), f"{at}.erased_from_register")
                ),
            )
        )
    return tuple(convictions)


def _children(value: Any, where: str) -> tuple[Child, ...] | None:
    items = _list(value, where)
    if items is None:
        return None
    children = []
    for index, raw in enumerate(items):
        at = f"{where}[{index}]"
        item = _object(raw, at)
        children.append(
            Child(
                date_of_birth=_date(item.get("date_of_birth"), f"{at}.date_of_birth"),
                married=_bool(item.get("married"), f"{at}.married"),
            )
        )
    return tuple(children)


def _strings(value: Any, where: str) -> tuple[str, ...] | None:
    items = _list(value, where)
    if items is None:
        return None
    return tuple(str(item) for item in items)


def _identity(value: Any, where: str) -> tuple[bool | None, bool]:
    """``identity_clarified``: a bool, or ``"alternative_evidence"`` (BVerwG stepped model)."""
    if isinstance(value, str) and value.strip().lower() in ("alternative_evidence", "partial"):
        return False, True
    return _bool(value, where), False


_PARSERS: dict[str, Callable[[Any, str], Any]] = {}
for _field in fields(Facts):
    _PARSERS[_field.name] = _bool  # the most common kind; overridden below
for _name in ("date_of_birth", "application_date", "entry_date"):
    _PARSERS[_name] = _date
for _name in (
    "full_time_employed_months_last_24",
    "spouse_full_time_employed_months_last_24",
    "parent_full_time_employed_months_last_24",
    "aggregate_sentence_daily_rates",
    "school_years_successful_in_germany",
):
    _PARSERS[_name] = _number
for _name in ("citizenship", "title_purpose", "medical_exemption_reason", "illness_evidence"):
    _PARSERS[_name] = _text
for _name in ("minor_children_in_household", "school_age_children", "adult_children_in_household"):
    _PARSERS[_name] = _truthy
_PARSERS.update(
    {
        "residence_status": _status,
        "asylum_outcome": _enum(ASYLUM_OUTCOMES),
        "livelihood_exception_category": _enum(LIVELIHOOD_EXCEPTIONS),
        "residence_periods": _periods,
        "absences_abroad": _absences,
        "criminal_convictions": _convictions,
        "minor_unmarried_children_in_household": _children,
        "other_benefits": _strings,
        "german_level": _cefr,
        "german_oral_level": _cefr,
        "livelihood_share_from_employment": _share,
    }
)
del _PARSERS["identity_alternative_evidence"]


def trusted_facts(values: Mapping[str, Any]) -> Facts:
    """``Facts`` from values already in their parsed form (dates, canonical statuses,
    stripped texts, tuples of ``Period``), without any checks.

    For callers that validated the values themselves and build very many facts (the
    campaign register); everyone else uses ``parse_facts``.
    """
    facts = object.__new__(Facts)
    facts.__dict__.update(values)
    return facts


def parse_facts(raw: Mapping[str, Any] | Facts) -> Facts:
    """Read a facts dict (JSON object) into ``Facts``; raises ``FactsError`` on bad values."""
    if type(raw) is Facts:
        return raw
    if type(raw) is not dict and not isinstance(raw, Mapping):
        raise FactsError(f"facts: expected an object, got {type(raw).__name__}")
    values: dict[str, Any] = {}
    parsers = _PARSERS
    for key, value in raw.items():
        if value is None:
            continue
        parser = parsers.get(key)
        if parser is _bool and (value is True or value is False):
            values[key] = value  # fast path for the most common field kind
            continue
        if key == "identity_clarified":
            values["identity_clarified"], values["identity_alternative_evidence"] = _identity(
                value, key
            )
            continue
        if parser is not None:
            values[key] = parser(value, key)
    facts = object.__new__(Facts)
    facts.__dict__.update(values)  # see the Facts docstring
    return facts
