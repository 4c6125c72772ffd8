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
from typing import Any

from django.utils.translation import gettext_lazy as _

from lotse.residence.eligibility import evaluate
from lotse.residence.eligibility.facts import RESIDENCE_STATUSES, parse_facts

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
    for values in rows:
        values = list(values)
        if not any(v not in (None, "") for v in values):
            continue
        yield {c: (values[i] if i < len(values) else None) for c, i in columns.items()}


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
    if row["nationality"] in (
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
    ):
        facts["is_eu_efta_citizen"] = True
    return facts


def screen(row: dict, today: dt.date) -> Screening:
    """Eligible now / soon (within a year) / not, from what the register holds."""
    facts = parse_facts(row_facts(row))
    check = "aufenthg25b" if facts.residence_status in ("duldung", "duldung_60b") else "stag10"
    result = evaluate(check, facts, today)
    time_id = TIME_IDS[check]
    due = None
    for requirement in result.requirements:
        if requirement.status == "not_met" and requirement.id != time_id:
            return Screening("not", check, None, requirement.reason["de"], requirement.reason["en"])
        if requirement.id == time_id:
            due = requirement.met_from
            time_requirement = requirement
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
