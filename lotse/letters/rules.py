"""Composing a letter from its wording (texts.py) and the merged data (no Django import)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from lotse.letters.texts import ALIASES, BINDING_NOTE, LANGUAGES, LETTERS, SALUTATIONS, WEEKDAYS

RTL = frozenset({"ar", "fa"})
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
GERMAN = "de"


def letter_language(preferred: str | None) -> str:
    """The letter language for a client's preferred language; German if we have no text."""
    code = (preferred or "").strip().lower().replace("_", "-")
    for candidate in (code, code.split("-")[0]):
        candidate = ALIASES.get(candidate, candidate)
        if candidate in LANGUAGES:
            return candidate
    return GERMAN


def format_date(day: dt.date, language: str, *, weekday: bool = False) -> str:
    """Numeric day-month-year, unambiguous in every language; optionally with the weekday."""
    text = f"{day:%d.%m.%Y}" if language in {"de", "uk", "tr"} else f"{day:%d/%m/%Y}"
    if language == "en":
        text = f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"
    if weekday:
        separator = "، " if language in RTL else ", "
        text = f"{WEEKDAYS[language][day.weekday()]}{separator}{text}"
    return text


@dataclass(frozen=True)
class Recipient:
    family_name: str
    given_names: str = ""
    gender: str = ""  # f, m, x or empty
    date_of_birth: str = ""  # as known, e.g. "03.04.1990" or "1990"
    address_lines: tuple[str, ...] = ()

    @property
    def full_name(self) -> str:
        return f"{self.given_names} {self.family_name}".strip()


@dataclass(frozen=True)
class Version:
    """The letter in one language."""

    language: str
    direction: str
    title: str
    salutation: str
    intro: tuple[str, ...]  # paragraphs before the facts table
    facts: tuple[tuple[str, str], ...]
    paragraphs: tuple[str, ...]  # paragraphs after it
    closing: str
    note: str = ""


@dataclass(frozen=True)
class Letter:
    kind: str
    language: str  # the client's language
    versions: tuple[Version, ...] = field(default_factory=tuple)  # client's first, then German

    @property
    def bilingual(self) -> bool:
        return len(self.versions) > 1


def _version(
    kind: str,
    language: str,
    recipient: Recipient,
    details: dict[str, object],
    *,
    bilingual: bool,
) -> Version:
    text = LETTERS[kind][language]
    names = {"full_name": recipient.full_name, "family_name": recipient.family_name}
    gender = recipient.gender if recipient.gender in {"f", "m"} else "x"
    note = BINDING_NOTE.get(language, "") if bilingual and language != GERMAN else ""
    if kind == "invitation":
        day = details["date"]
        time = details["time"]
        if not isinstance(day, dt.date) or not isinstance(time, dt.time):
            raise TypeError("an invitation needs a date and a time")
        return Version(
            language=language,
            direction="rtl" if language in RTL else "ltr",
            title=text["title"],
            salutation=SALUTATIONS[language][gender].format(**names),
            intro=(text["intro"],),
            paragraphs=(text["bring"], text["cancel"]),
            facts=(
                (text["date"], format_date(day, language, weekday=True)),
                (text["time"], text["time_value"].format(time=f"{time:%H:%M}")),
                (text["place"], str(details["place"])),
            ),
            closing=text["closing"],
            note=note,
        )
    day = details["date"]
    if not isinstance(day, dt.date):
        raise TypeError("a confirmation needs the date of counselling")
    facts = [(text["name"], recipient.full_name)]
    if recipient.date_of_birth:
        facts.append((text["birth"], recipient.date_of_birth))
    facts.append((text["date"], format_date(day, language)))
    facts.append((text["service"], str(details["service"])))
    return Version(
        language=language,
        direction="rtl" if language in RTL else "ltr",
        title=text["title"],
        salutation="",
        intro=(),
        paragraphs=(text["body"].format(date=format_date(day, language)), text["note"]),
        facts=tuple(facts),
        closing=text["closing"],
        note=note,
    )


def compose(kind: str, language: str, recipient: Recipient, details: dict[str, object]) -> Letter:
    """The letter `kind` in `language`, with German beside it unless it is German.

    `details` holds what the form asked for: for an invitation ``date``, ``time``
    and ``place``; for a confirmation ``date`` and ``service``.
    """
    if kind not in LETTERS:
        raise ValueError(f"unknown letter {kind!r}")
    language = letter_language(language)
    languages = [language] if language == GERMAN else [language, GERMAN]
    bilingual = len(languages) > 1
    return Letter(
        kind=kind,
        language=language,
        versions=tuple(
            _version(kind, code, recipient, details, bilingual=bilingual) for code in languages
        ),
    )
