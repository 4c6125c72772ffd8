"""Small helpers shared by the three checks."""

from __future__ import annotations

from datetime import date

from .dates import age_on, fmt
from .facts import CEFR_RANK, Conviction, Facts, Period
from .law import CHANCEN_IN_FORCE, P104C_TRANSITION_END

TITLE_STATUSES = frozenset(
    {
        "niederlassungserlaubnis",
        "daueraufenthalt_eu",
        "blaue_karte_eu",
        "aufenthaltserlaubnis",
        "eu_freizuegigkeit",
        "visum_national",
        "fiktionsbescheinigung",
    }
)

STATUS_DE = {
    "niederlassungserlaubnis": "Niederlassungserlaubnis",
    "daueraufenthalt_eu": "Erlaubnis zum Daueraufenthalt-EU",
    "blaue_karte_eu": "Blaue Karte EU",
    "aufenthaltserlaubnis": "Aufenthaltserlaubnis",
    "eu_freizuegigkeit": "EU-Freizügigkeit",
    "visum_national": "nationales Visum",
    "fiktionsbescheinigung": "Fiktionsbescheinigung",
    "aufenthaltsgestattung": "Aufenthaltsgestattung",
    "duldung": "Duldung",
    "duldung_60b": "Duldung nach § 60b AufenthG",
    "none": "kein Aufenthaltsstatus",
}


def current_status(facts: Facts, as_of: date) -> tuple[str | None, str | None]:
    """(status, purpose) on ``as_of``: ``residence_status`` if given, else the covering period."""
    if facts.residence_status is not None:
        purpose = facts.title_purpose
        if purpose is None:
            period = covering_period(facts, as_of)
            if period is not None and period.status == facts.residence_status:
                purpose = period.purpose
        return facts.residence_status, purpose
    period = covering_period(facts, as_of)
    if period is None:
        return None, facts.title_purpose
    return period.status, period.purpose or facts.title_purpose


def covering_period(facts: Facts, as_of: date) -> Period | None:
    """The latest-starting period that covers ``as_of``."""
    found = None
    for period in facts.residence_periods or ():
        if period.start <= as_of and (period.end is None or period.end >= as_of):
            found = period
    return found


def is_104c(status: str | None, purpose: str | None) -> bool:
    if status != "aufenthaltserlaubnis" or not purpose:
        return False
    key = purpose.lower().replace("§", "").strip()
    return key.startswith("104c")


def p104c_privileged(
    status: str | None, purpose: str | None, as_of: date, application: date
) -> bool:
    """§ 104c holder who may still use the § 104c rules of §§ 25a/25b.

    The transition lets holders apply until 30.06.2027 (§ 104c n.F.; § 25a Abs. 5/6 and
    § 25b Abs. 7/8 lapse on 01.07.2027). The application date decides, so a timely
    application is not lost by a later decision.
    """
    return (
        is_104c(status, purpose)
        and as_of >= CHANCEN_IN_FORCE
        and application <= P104C_TRANSITION_END
    )


def level_rank(level: str | None) -> int | None:
    if level is None:
        return None
    return CEFR_RANK.get(level)


def age(facts: Facts, on: date) -> int | None:
    return age_on(facts.date_of_birth, on) if facts.date_of_birth else None


def counted_convictions(facts: Facts) -> list[Conviction]:
    """Convictions that still count (not erased from the Federal Central Register)."""
    return [c for c in facts.criminal_convictions or () if not c.erased_from_register]


def describe_conviction(c: Conviction) -> str:
    if c.type == "fine":
        return (
            f"Geldstrafe {c.daily_rates:g} Tagessätze"
            if c.daily_rates is not None
            else "Geldstrafe"
        )
    if c.type == "prison":
        months = f" {c.months:g} Monate" if c.months is not None else ""
        return f"Freiheitsstrafe{months}"
    if c.type == "youth_prison":
        months = f" {c.months:g} Monate" if c.months is not None else ""
        return f"Jugendstrafe{months}"
    return "Maßnahme nach JGG"


def since(value: date | None) -> str:
    return fmt(value)


def cap(text: str) -> str:
    """First letter upper case, the rest untouched (``str.capitalize`` lowers "§ 54 Abs.")."""
    return text[:1].upper() + text[1:]
