"""Reading a register list (CSV or XLSX) and pre-screening each row with the engine.

Pure functions, no database. ``read_rows`` turns a file into dicts by column,
``validate`` gives clean rows or row errors (all-or-nothing: one error rejects the
file), ``screen`` classifies a clean row as eligible now / soon / not and says why.

The register says only when a person entered and which title they hold now, so the
stay since entry is taken as uninterrupted under that title. That is an assumption
for finding whom to invite, stated on the page, not a finding.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from django.utils.translation import gettext_lazy as _

from lotse.residence.eligibility import evaluate
from lotse.residence.eligibility.dates import age_on
from lotse.residence.eligibility.facts import (
    RESIDENCE_STATUSES,
    Facts,
    Period,
    parse_facts,
    trusted_facts,
)
from lotse.residence.eligibility.result import NOT_MET, Requirement
from lotse.residence.eligibility.stag10 import residence_requirement

COLUMNS = {
    "name": ("name",),
    "birth_date": ("birth_date", "geburtsdatum", "date_of_birth"),
    "nationality": ("nationality", "staatsangehörigkeit", "staatsangehoerigkeit"),
    "entry_date": ("entry_date", "einreise", "einreisedatum"),
    "residence_title": ("residence_title", "aufenthaltstitel", "titel"),
    "residence_purpose": ("residence_purpose", "zweck", "aufenthaltszweck"),
    "address": ("address", "anschrift", "adresse"),
}
REQUIRED = ("name", "birth_date", "nationality", "entry_date", "residence_title", "address")
MAX_ROWS = 200_000
SOON_DAYS = 365

LANGUAGE_BY_NATIONALITY = {
    **dict.fromkeys(
        ("SY", "IQ", "LB", "EG", "MA", "SD", "YE", "JO", "PS", "LY", "TN", "DZ", "SA", "KW", "ER"),
        "ar",
    ),
    **dict.fromkeys(("AF", "IR", "TJ"), "fa"),
    "UA": "uk",
    "TR": "tr",
    **dict.fromkeys(("DE", "AT", "CH", "LI"), "de"),
}


def likely_language(nationality: str) -> str:
    return LANGUAGE_BY_NATIONALITY.get(nationality.strip().upper(), "en")


class RegisterError(ValueError):
    """The file cannot be read at all (format, header)."""


@dataclass(frozen=True)
class RowError:
    row: int
    message: str


def _header_map(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, raw in enumerate(header):
        key = (raw or "").strip().lower().replace(" ", "_")
        for column, aliases in COLUMNS.items():
            if key in aliases and column not in found:
                found[column] = index
    missing = [c for c in REQUIRED if c not in found]
    if missing:
        raise RegisterError(
            str(_("Columns missing in the header: %(columns)s")) % {"columns": ", ".join(missing)}
        )
    return found


def _records(header: list[str], rows: Iterable[list[Any]]) -> Iterator[dict[str, Any]]:
    columns = _header_map(header)
    names = tuple(columns)
    pick = itemgetter(*columns.values())
    width = max(columns.values()) + 1
    for values in rows:
        # any() is the fast test; only an all-falsy row (maybe 0 in XLSX) needs the exact one
        if not any(values) and all(v is None or v == "" for v in values):
            continue
        if len(values) < width:
            values = [*values, *([None] * (width - len(values)))]
        yield dict(zip(names, pick(values), strict=True))


def read_rows(filename: str, content: bytes) -> list[dict[str, Any]]:
    """Rows of a CSV (UTF-8, ``;`` or ``,``) or XLSX file as dicts by column name."""
    name = filename.lower()
    if name.endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises many kinds for broken files
            raise RegisterError(str(_("The XLSX file cannot be read."))) from error
        sheet = book.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = next(rows, None)
        if header is None:
            raise RegisterError(str(_("The file is empty.")))
        records = list(_records([str(h or "") for h in header], rows))
        book.close()
        return records
    if name.endswith(".csv"):
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise RegisterError(str(_("The CSV file is not UTF-8 encoded."))) from error
        sample = text[:4096]
        delimiter = ";" if sample.count(";") > sample.count(",") else ","
        reader = csv.reader(io.StringIO(text), delimiter=delimiter)
        header = next(reader, None)
        if header is None:
            raise RegisterError(str(_("The file is empty.")))
        return list(_records(header, reader))
    raise RegisterError(str(_("Please upload a CSV or XLSX file.")))


def _date(value: Any) -> dt.date | None:
    if type(value) is str and len(value) == 10 and value[4] == "-":
        try:  # the common case: an ISO date in a CSV file
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value or "").strip()
    if len(text) == 10 and text[4] == "-":
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return None
    for pattern in ("%d.%m.%Y",):
        try:
            return dt.datetime.strptime(text, pattern).date()  # noqa: DTZ007
        except ValueError:
            continue
    return None


def validate(records: list[dict[str, Any]], today: dt.date) -> tuple[list[dict], list[RowError]]:
    """Clean rows, or the errors by row number (row 2 is the first data row)."""
    clean: list[dict] = []
    errors: list[RowError] = []
    if not records:
        return [], [RowError(0, str(_("The file holds no rows.")))]
    if len(records) > MAX_ROWS:
        return [], [RowError(0, str(_("The file holds more than %(n)s rows.")) % {"n": MAX_ROWS})]
    for number, record in enumerate(records, start=2):
        row: dict[str, Any] = {"row": number}
        for column in REQUIRED:
            if record.get(column) in (None, ""):
                errors.append(RowError(number, str(_("%(column)s is empty.")) % {"column": column}))
        for column in ("birth_date", "entry_date"):
            if record.get(column) in (None, ""):
                continue
            day = _date(record[column])
            if day is None:
                errors.append(
                    RowError(number, str(_("%(column)s is not a date.")) % {"column": column})
                )
            elif day > today:
                errors.append(
                    RowError(number, str(_("%(column)s lies in the future.")) % {"column": column})
                )
            row[column] = day
        title = str(record.get("residence_title") or "").strip().lower()
        if title and title not in RESIDENCE_STATUSES:
            errors.append(
                RowError(number, str(_("Unknown residence title: %(title)s")) % {"title": title})
            )
        if (
            row.get("birth_date")
            and row.get("entry_date")
            and row["entry_date"] < row["birth_date"]
        ):
            errors.append(RowError(number, str(_("Entry lies before birth."))))
        row.update(
            name=str(record.get("name") or "").strip()[:200],
            nationality=str(record.get("nationality") or "").strip().upper()[:20],
            residence_title=title,
            residence_purpose=str(record.get("residence_purpose") or "").strip()[:40],
            address=str(record.get("address") or "").strip()[:300],
        )
        clean.append(row)
    return (clean if not errors else []), errors


@dataclass(frozen=True, slots=True)
class Screening:
    category: str  # now | soon | not
    check: str
    eligible_from: dt.date | None
    reason_de: str
    reason_en: str


TIME_IDS = {"stag10": "STAG-RES-5Y", "aufenthg25b": "A25B-RES"}
TOLERATED = frozenset({"duldung", "duldung_60b"})
EU_EFTA = frozenset(
    [
        "AT",
        "BE",
        "BG",
        "HR",
        "CY",
        "CZ",
        "DK",
        "EE",
        "FI",
        "FR",
        "GR",
        "HU",
        "IE",
        "IT",
        "LV",
        "LT",
        "LU",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SK",
        "SI",
        "ES",
        "SE",
        "IS",
        "LI",
        "NO",
        "CH",
    ]
)


def row_facts(row: dict) -> dict[str, Any]:
    status = row["residence_title"]
    period: dict[str, Any] = {"status": status, "from": row["entry_date"], "to": None}
    if row.get("residence_purpose"):
        period["purpose"] = row["residence_purpose"]
    facts: dict[str, Any] = {
        "date_of_birth": row["birth_date"],
        "citizenship": row["nationality"] or None,
        "entry_date": row["entry_date"],
        "residence_status": status,
        "title_purpose": row.get("residence_purpose") or None,
        "residence_periods": [period],
    }
    if row["nationality"] in EU_EFTA:
        facts["is_eu_efta_citizen"] = True
    return facts


def register_facts(row: dict) -> Facts:
    """``parse_facts(row_facts(row))`` for a validated row, without parsing again."""
    status = row["residence_title"]
    purpose = row.get("residence_purpose") or None
    values: dict[str, Any] = {
        "date_of_birth": row["birth_date"],
        "entry_date": row["entry_date"],
        "residence_status": status,
        "residence_periods": (Period(status, purpose, row["entry_date"], None, False),),
    }
    if row["nationality"]:
        values["citizenship"] = row["nationality"]
    if purpose:
        values["title_purpose"] = purpose
    if row["nationality"] in EU_EFTA:
        values["is_eu_efta_citizen"] = True
    return trusted_facts(values)


def _check_for(facts: Facts) -> str:
    return "aufenthg25b" if facts.residence_status in TOLERATED else "stag10"


def screen(row: dict, today: dt.date) -> Screening:
    """Eligible now / soon (within a year) / not, from what the register holds."""
    facts = parse_facts(row_facts(row))
    check = _check_for(facts)
    return _classify(check, evaluate(check, facts, today).requirements, today)


def _first_failure(check: str, requirements: list[Requirement]) -> Requirement | None:
    """The first requirement other than the residence period that is clearly not met."""
    time_id = TIME_IDS[check]
    for requirement in requirements:
        if requirement.status == NOT_MET and requirement.id != time_id:
            return requirement
    return None


def _classify(check: str, requirements: list[Requirement], today: dt.date) -> Screening:
    failure = _first_failure(check, requirements)
    if failure is not None:
        return Screening("not", check, None, failure.reason["de"], failure.reason["en"])
    time_id = TIME_IDS[check]
    return _by_time(check, next(r for r in requirements if r.id == time_id), today)


def _by_time(check: str, time_requirement: Requirement, today: dt.date) -> Screening:
    due = time_requirement.met_from
    if due is None:
        return Screening(
            "not", check, None, time_requirement.reason["de"], time_requirement.reason["en"]
        )
    if due <= today:
        return Screening(
            "now",
            check,
            due,
            "Aufenthaltsdauer erreicht; weitere Voraussetzungen in der Beratung klären.",
            "Residence period reached; other requirements to be clarified in counselling.",
        )
    if (due - today).days <= SOON_DAYS:
        return Screening(
            "soon",
            check,
            due,
            f"Aufenthaltsdauer erreicht am {due:%d.%m.%Y}.",
            f"Residence period reached on {due.isoformat()}.",
        )
    return Screening(
        "not",
        check,
        due,
        f"Aufenthaltsdauer erst am {due:%d.%m.%Y} erreicht.",
        f"Residence period only reached on {due.isoformat()}.",
    )


class Screener:
    """``screen`` for many rows on one day: the same answers, a fraction of the work.

    For a register row under § 10 StAG every requirement except the residence period
    depends only on the title and its purpose, whether the person is an EU/EFTA citizen and
    the age in whole years (the register holds no other facts, so the rest are unknown
    alike; the engine reads the nationality only as the EU/EFTA flag). The residence period
    depends only on the kind of title and the entry date (the rule reads the status of a
    period, not its purpose). So the engine runs in full
    once per class of the first kind, and the residence period (by the engine's own rule,
    ``residence_requirement``) once per class of the second; other rows reuse the answers.
    Rows under § 25b (Duldung) are always evaluated in full. ``tests/naturalisation``
    checks that the answers equal ``screen`` row by row. Both memos are bounded.
    """

    MAX_CLASSES = 50_000

    def __init__(self, today: dt.date):
        self.today = today
        self._failures: dict[tuple[Any, ...], Requirement | None] = {}
        self._by_entry: dict[tuple[Any, ...], Screening] = {}

    def __call__(self, row: dict) -> Screening:
        today = self.today
        status = row["residence_title"]
        if status in TOLERATED:
            check = "aufenthg25b"
            requirements = evaluate(check, register_facts(row), today).requirements
            return _classify(check, requirements, today)
        purpose = row.get("residence_purpose") or None
        key = (status, purpose, row["nationality"] in EU_EFTA, age_on(row["birth_date"], today))
        failures = self._failures
        if key not in failures:
            facts = register_facts(row)
            requirements = evaluate("stag10", facts, today).requirements
            if len(failures) >= self.MAX_CLASSES:
                failures.clear()
            failures[key] = _first_failure("stag10", requirements)
            return _classify("stag10", requirements, today)
        failure = failures[key]
        if failure is not None:
            return Screening("not", "stag10", None, failure.reason["de"], failure.reason["en"])
        entry_key = (status, row["entry_date"])
        found = self._by_entry.get(entry_key)
        if found is None:
            facts = register_facts(row)
            found = _by_time("stag10", residence_requirement(facts, today), today)
            if len(self._by_entry) >= self.MAX_CLASSES:
                self._by_entry.clear()
            self._by_entry[entry_key] = found
        return found
