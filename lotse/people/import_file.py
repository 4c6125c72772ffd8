"""The client import file (XLSX or CSV): its columns, and each row checked as the
client form checks it.

One row per person, the header in the first row. A row is checked by the same form
as a client created by hand (lotse.people.forms.ClientForm), so the rules and the
messages are the same; every bad row is named with its spreadsheet row number (the
header is row 1) and nothing is imported while one is bad.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lotse.core.tables import Column, ImportFileError, RowError, cell_text
from lotse.people.forms import ClientForm

MAX_ROWS = 5000


COLUMNS = [
    Column("family_name", True, gettext_lazy("Family name, as in the passport."), "Al-Hassan"),
    Column("given_names", False, gettext_lazy("All given names."), "Mohammed"),
    Column(
        "name_original_script",
        False,
        gettext_lazy("The name in the passport's own script (Arabic, Cyrillic ...)."),
        "محمد الحسن",
    ),
    Column(
        "aliases",
        False,
        gettext_lazy("Other spellings: family name, given names; several separated by |."),
        "Alhasan, Muhammad",
    ),
    Column(
        "gender",
        False,
        gettext_lazy("f or w (female), m (male), x or d (diverse / not stated)."),
        "m",
    ),
    Column(
        "date_of_birth",
        False,
        gettext_lazy("DD.MM.YYYY, MM.YYYY or only the year; a date cell in XLSX."),
        "05.03.1990",
    ),
    Column("nationalities", False, gettext_lazy("ISO codes, e.g. SY, UA."), "SY"),
    Column("country_of_birth", False, gettext_lazy("ISO code, e.g. SY."), "SY"),
    Column("languages", False, gettext_lazy("Language codes, e.g. ar, ku, de."), "ar, de"),
    Column(
        "preferred_language",
        False,
        gettext_lazy("Language for documents: de, en, ar, fa, uk or tr."),
        "ar",
    ),
    Column("street", False, gettext_lazy("Street and number."), "Hauptstraße 1"),
    Column("postcode", False, gettext_lazy("Postcode."), "53840"),
    Column("city", False, gettext_lazy("Town."), "Troisdorf"),
    Column(
        "arrival_date",
        False,
        gettext_lazy("Arrival in Germany: DD.MM.YYYY or a date cell."),
        "15.09.2015",
    ),
    Column("phone", False, gettext_lazy("Phone."), "0228 555 0101"),
    Column("email", False, gettext_lazy("E-mail."), ""),
    Column("notes", False, gettext_lazy("Notes."), ""),
]
COLUMN_NAMES = [c.name for c in COLUMNS]
REQUIRED = [c.name for c in COLUMNS if c.required]
# Headers as people write them in German or English, for the column they mean.
ALIASES = {
    "family_name": ("familienname", "nachname", "family name", "surname", "last name"),
    "given_names": ("vornamen", "vorname", "given names", "given name", "first name"),
    "name_original_script": ("name in originalschrift", "originalschrift", "original script"),
    "aliases": ("andere schreibweisen", "schreibweisen", "aliasnamen", "other spellings"),
    "gender": ("geschlecht", "sex"),
    "date_of_birth": ("geburtsdatum", "geboren", "date of birth", "birth date"),
    "nationalities": (
        "staatsangehörigkeiten",
        "staatsangehörigkeit",
        "staatsangehoerigkeit",
        "nationality",
    ),
    "country_of_birth": ("geburtsland", "country of birth"),
    "languages": ("sprachen", "gesprochene sprachen", "languages spoken"),
    "preferred_language": ("sprache für dokumente", "dokumentensprache", "document language"),
    "street": ("straße", "strasse", "straße und hausnummer", "street and number"),
    "postcode": ("plz", "postleitzahl", "postal code", "zip"),
    "city": ("ort", "wohnort", "stadt", "town"),
    "arrival_date": ("einreise", "einreisedatum", "ankunft in deutschland", "arrival"),
    "phone": ("telefon", "telefonnummer", "tel", "telephone"),
    "email": ("e-mail", "e-mail-adresse", "mail"),
    "notes": ("notizen", "bemerkungen", "notiz"),
}
_BY_HEADER = {
    **{alias: name for name, aliases in ALIASES.items() for alias in aliases},
    **{name: name for name in COLUMN_NAMES},
}


def _column(header: str) -> str:
    """The column a header means ("Geburtsdatum" is date_of_birth), or the header."""
    text = " ".join(header.replace("_", " ").split()).lower()
    return _BY_HEADER.get(text, _BY_HEADER.get(text.replace(" ", "_"), header))


# Words people write for the gender codes of the form.
_GENDER = {
    **dict.fromkeys(("f", "w", "weiblich", "female", "frau"), "f"),
    **dict.fromkeys(("m", "männlich", "maennlich", "male", "mann"), "m"),
    **dict.fromkeys(("x", "d", "divers", "diverse", "keine angabe"), "x"),
}
# The model fields a row sets (the form's cleaned values), besides the matching record.
_MODEL_FIELDS = {
    *COLUMN_NAMES,
    "birth_year",
    "birth_month",
    "birth_day",
    "birth_date_placeholder",
} - {"date_of_birth"}


@dataclass
class ImportRow:
    """One good row: its row number, its texts (kept for the review) and its record
    (lotse.people.imports: the matching record, with the client's fields)."""

    row: int
    values: dict[str, str]
    record: dict[str, Any]


def read_rows(table: list[list[Any]]) -> list[tuple[int, dict[str, str]]]:
    """(row number, {column: text}) for every non-empty row after the header."""
    if not table:
        raise ImportFileError(_("The file is empty."))
    header = [_column(cell_text(h).lower()) for h in table[0]]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        unknown = [h for h in header if h and h not in COLUMN_NAMES]
        message = _("Required columns are missing: %(columns)s.") % {"columns": ", ".join(missing)}
        if unknown:
            message += " " + _("Columns not recognised: %(columns)s.") % {
                "columns": ", ".join(unknown)
            }
        raise ImportFileError(message)
    twice = sorted({h for h in header if h and header.count(h) > 1})
    if twice:
        raise ImportFileError(
            _("Columns named twice: %(columns)s.") % {"columns": ", ".join(twice)}
        )
    unknown = [h for h in header if h and h not in COLUMN_NAMES]
    if unknown:
        raise ImportFileError(
            _("Unknown columns: %(columns)s. See the list of columns below.")
            % {"columns": ", ".join(unknown)}
        )
    rows = []
    for number, cells in enumerate(table[1:], start=2):
        values = {
            header[i]: cell_text(value)
            for i, value in enumerate(cells)
            if i < len(header) and header[i]
        }
        if any(values.values()):
            rows.append((number, values))
    if len(rows) > MAX_ROWS:
        raise ImportFileError(
            _("The file has more than %(max)s people; please split it.") % {"max": MAX_ROWS}
        )
    if not rows:
        raise ImportFileError(_("The file holds no people."))
    return rows


def check_rows(
    rows: list[tuple[int, dict[str, str]]], *, municipality, today: dt.date
) -> tuple[list[ImportRow], list[RowError]]:
    """Each row checked by the client form: the good rows, and every bad one with why."""
    good: list[ImportRow] = []
    bad: list[RowError] = []
    for number, values in rows:
        data = dict(values)
        gender = data.get("gender", "").strip().lower()
        if gender:
            data["gender"] = _GENDER.get(gender, gender)
        data["aliases"] = "\n".join(part.strip() for part in data.get("aliases", "").split("|"))
        form = ClientForm(data, municipality=municipality, today=today)
        if not form.is_valid():
            bad.append(RowError(number, _reasons(form, values)))
            continue
        record = form.matching_record()
        record["fields"] = {
            name: value for name, value in form.action_data().items() if name in _MODEL_FIELDS
        }
        good.append(ImportRow(number, values, record))
    return good, bad


def _reasons(form: ClientForm, values: dict[str, str]) -> list[str]:
    """The form's messages for a row, each with its column's label and the value given."""
    reasons = []
    for name, errors in form.errors.items():
        label = str(form.fields[name].label) if name in form.fields else ""
        value = values.get(name, "").strip()
        messages = [_("unknown; please use f or w, m, x or d.")] if name == "gender" else errors
        for error in messages:
            if label and value:
                reasons.append(f"{label} „{value}“: {error}")
            else:
                reasons.append(f"{label}: {error}" if label else str(error))
    return reasons
