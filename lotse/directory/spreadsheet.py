"""The offer import/export format (XLSX and CSV): columns, reading, checking, writing.

One row per offer. ``external_key`` is the stable key: importing a row whose key
exists in the municipality updates that offer, so re-importing a file never
duplicates. Checking collects every bad row with its spreadsheet row number
(the header is row 1) and the reasons, in the active UI language; the action in
actions.py writes nothing unless every row is good.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lotse.core.tables import Column, ImportFileError, RowError
from lotse.core.tables import cell_text as _text
from lotse.directory.models import parse_language_codes

MAX_ROWS = 5000
LIST_SEPARATOR = ";"
TEXT_LANGUAGES = [code for code, _name in settings.LANGUAGES]


BASE_COLUMNS = [
    Column(
        "external_key",
        True,
        gettext_lazy(
            "Stable key of the offer, unique in the file. Importing the same key again "
            "updates the offer instead of adding a second one."
        ),
        "awo-migrationsberatung",
    ),
    Column(
        "organisation",
        True,
        gettext_lazy("Name of the organisation, exactly as in Lotse."),
        "AWO Migrationsberatung Troisdorf",
    ),
    Column("title", True, gettext_lazy("Title, in the text language."), "Migrationsberatung"),
    Column(
        "text_language",
        False,
        gettext_lazy("Language of title and description: de, en, ar, fa, uk or tr (default de)."),
        "de",
    ),
    Column("description", False, gettext_lazy("Description, in the text language."), ""),
    Column(
        "fields_of_action",
        False,
        gettext_lazy("Fields of action: codes or names, separated by ';'."),
        "residence;livelihood",
    ),
    Column(
        "target_groups",
        False,
        gettext_lazy("Target groups: codes or names, separated by ';'."),
        "new-arrivals",
    ),
    Column(
        "districts",
        False,
        gettext_lazy("Districts served: codes or names, separated by ';', or 'all'."),
        "Troisdorf-Mitte;Oberlar",
    ),
    Column(
        "languages",
        False,
        gettext_lazy("Languages in which the offer is given: ISO codes separated by ';'."),
        "de;ar;tr",
    ),
    Column("location", False, gettext_lazy("Name of one of the organisation's locations."), ""),
    Column("address", False, gettext_lazy("Address where the offer takes place."), ""),
    Column("schedule", False, gettext_lazy("Opening hours or schedule."), "Mo–Do 9–12 Uhr"),
    Column("cost", False, gettext_lazy("Cost, e.g. 'free of charge'."), "kostenlos"),
    Column("accessibility", False, gettext_lazy("Accessibility."), "barrierefrei"),
    Column(
        "registration_required",
        False,
        gettext_lazy("Registration needed: yes or no (ja/nein)."),
        "ja",
    ),
    Column("contact_name", False, gettext_lazy("Public contact: name or office."), ""),
    Column("contact_email", False, gettext_lazy("Public contact: e-mail address."), ""),
    Column("contact_phone", False, gettext_lazy("Public contact: phone."), ""),
    Column("valid_from", False, gettext_lazy("Valid from: YYYY-MM-DD or DD.MM.YYYY."), ""),
    Column("valid_until", False, gettext_lazy("Valid until: YYYY-MM-DD or DD.MM.YYYY."), ""),
    Column(
        "last_confirmed_on",
        False,
        gettext_lazy("Day the organisation last confirmed the offer: YYYY-MM-DD or DD.MM.YYYY."),
        "",
    ),
    Column(
        "published",
        False,
        gettext_lazy("Shown in the public directory: yes or no (default yes)."),
        "ja",
    ),
]
TRANSLATION_COLUMNS = [
    Column(
        f"{part}_{code}",
        False,
        gettext_lazy("Translation of the title into this language (optional).")
        if part == "title"
        else gettext_lazy("Translation of the description into this language (optional)."),
        "",
    )
    for code in TEXT_LANGUAGES
    for part in ("title", "description")
]
COLUMNS = BASE_COLUMNS + TRANSLATION_COLUMNS
COLUMN_NAMES = [c.name for c in COLUMNS]
REQUIRED = [c.name for c in COLUMNS if c.required]

YES = {"yes", "ja", "y", "j", "1", "true", "wahr", "x"}
NO = {"no", "nein", "n", "0", "false", "falsch", ""}
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")


@dataclass
class OfferRow:
    """One checked row, with names resolved to primary keys."""

    row: int
    external_key: str
    organisation_id: int
    values: dict[str, Any]
    translations: dict[str, dict[str, str]]
    field_ids: list[int]
    target_group_ids: list[int]
    district_ids: list[int]


@dataclass
class Lookups:
    """Names and codes of the municipality's lists, case-insensitive."""

    organisations: dict[str, int]
    locations: dict[tuple[int, str], int]
    fields: dict[str, int]
    target_groups: dict[str, int]
    districts: dict[str, int]
    all_districts: list[int] = field(default_factory=list)


# --- reading ---------------------------------------------------------------


def table_to_records(table: list[list[Any]]) -> list[tuple[int, dict[str, str]]]:
    """(row number, {column: text}) for every non-empty row after the header."""
    if not table:
        raise ImportFileError(_("The file is empty."))
    header = [_text(h).lower() for h in table[0]]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise ImportFileError(
            _("Required columns are missing: %(columns)s.") % {"columns": ", ".join(missing)}
        )
    unknown = [h for h in header if h and h not in COLUMN_NAMES]
    if unknown:
        raise ImportFileError(
            _("Unknown columns: %(columns)s. See the description of the template.")
            % {"columns": ", ".join(unknown)}
        )
    records = []
    for number, row in enumerate(table[1:], start=2):
        values = {
            header[i]: _text(value) for i, value in enumerate(row) if i < len(header) and header[i]
        }
        if any(values.values()):
            records.append((number, values))
    if len(records) > MAX_ROWS:
        raise ImportFileError(
            _("The file has more than %(max)s offers; please split it.") % {"max": MAX_ROWS}
        )
    if not records:
        raise ImportFileError(_("The file holds no offers."))
    return records


# --- checking --------------------------------------------------------------


def parse_date(text: str) -> dt.date | None:
    if not text:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}( .*)?", text):
        return dt.date.fromisoformat(text[:10])
    match = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        return dt.date(year, month, day)
    raise ValueError(text)


def _resolve(text: str, names: dict[str, int], what: str, reasons: list[str]) -> list[int]:
    ids: list[int] = []
    for part in text.split(LIST_SEPARATOR):
        name = part.strip().casefold()
        if not name:
            continue
        if name not in names:
            reasons.append(_("unknown %(what)s “%(name)s”") % {"what": what, "name": part.strip()})
        elif names[name] not in ids:
            ids.append(names[name])
    return ids


def check_row(number: int, values: dict[str, str], lookups: Lookups) -> OfferRow | RowError:
    reasons: list[str] = []
    get = values.get
    key = get("external_key", "")
    if not key:
        reasons.append(_("the external key is missing"))
    elif len(key) > 100:
        reasons.append(_("the external key is longer than 100 characters"))
    title = get("title", "")
    if not title:
        reasons.append(_("the title is missing"))
    elif len(title) > 200:
        reasons.append(_("the title is longer than 200 characters"))
    organisation_id = lookups.organisations.get(get("organisation", "").casefold())
    if not get("organisation"):
        reasons.append(_("the organisation is missing"))
    elif organisation_id is None:
        reasons.append(_("unknown organisation “%(name)s”") % {"name": get("organisation")})
    text_language = (get("text_language") or "de").lower()
    if text_language not in TEXT_LANGUAGES:
        reasons.append(
            _("text language “%(code)s” is not one of %(codes)s")
            % {"code": text_language, "codes": ", ".join(TEXT_LANGUAGES)}
        )
    field_ids = _resolve(get("fields_of_action", ""), lookups.fields, _("field of action"), reasons)
    group_ids = _resolve(
        get("target_groups", ""), lookups.target_groups, _("target group"), reasons
    )
    if get("districts", "").casefold() in {"all", "alle"}:
        district_ids = list(lookups.all_districts)
    else:
        district_ids = _resolve(get("districts", ""), lookups.districts, _("district"), reasons)
    languages = parse_language_codes(get("languages", ""))
    bad_codes = [code for code in languages if not LANGUAGE_CODE.match(code)]
    if bad_codes:
        reasons.append(
            _("languages must be ISO codes such as de or ar, not “%(codes)s”")
            % {"codes": ", ".join(bad_codes)}
        )
    dates: dict[str, dt.date | None] = {}
    for name in ("valid_from", "valid_until", "last_confirmed_on"):
        try:
            dates[name] = parse_date(get(name, ""))
        except ValueError:
            reasons.append(
                _("%(column)s “%(value)s” is not a date (YYYY-MM-DD or DD.MM.YYYY)")
                % {"column": name, "value": get(name)}
            )
    start, end = dates.get("valid_from"), dates.get("valid_until")
    if start and end and end < start:
        reasons.append(_("valid_until is before valid_from"))
    flags: dict[str, bool] = {}
    for name, default in (("registration_required", False), ("published", True)):
        raw = get(name, "").casefold()
        if not raw:
            flags[name] = default
        elif raw in YES:
            flags[name] = True
        elif raw in NO:
            flags[name] = False
        else:
            reasons.append(
                _("%(column)s must be yes or no, not “%(value)s”")
                % {"column": name, "value": get(name)}
            )
    email = get("contact_email", "")
    if email:
        try:
            validate_email(email)
        except ValidationError:
            reasons.append(_("“%(value)s” is not an e-mail address") % {"value": email})
    location_id = None
    if get("location") and organisation_id is not None:
        location_id = lookups.locations.get((organisation_id, get("location", "").casefold()))
        if location_id is None:
            reasons.append(
                _("the organisation has no location “%(name)s”") % {"name": get("location")}
            )
    limits = {
        "address": 300,
        "cost": 200,
        "accessibility": 300,
        "contact_name": 200,
        "contact_phone": 60,
    }
    for name, limit in limits.items():
        if len(get(name, "")) > limit:
            reasons.append(
                _("%(column)s is longer than %(limit)s characters")
                % {"column": name, "limit": limit}
            )
    if reasons:
        return RowError(number, reasons)
    translations = {}
    for code in TEXT_LANGUAGES:
        if code == text_language:
            continue
        text = {
            "title": get(f"title_{code}", ""),
            "description": get(f"description_{code}", ""),
        }
        if text["title"] or text["description"]:
            translations[code] = text
    assert organisation_id is not None
    return OfferRow(
        row=number,
        external_key=key,
        organisation_id=organisation_id,
        values={
            "title": title,
            "description": get("description", ""),
            "text_language": text_language,
            "languages": ",".join(languages),
            "location_id": location_id,
            "address": get("address", ""),
            "schedule": get("schedule", ""),
            "cost": get("cost", ""),
            "accessibility": get("accessibility", ""),
            "contact_name": get("contact_name", ""),
            "contact_email": email,
            "contact_phone": get("contact_phone", ""),
            **dates,
            **flags,
        },
        translations=translations,
        field_ids=field_ids,
        target_group_ids=group_ids,
        district_ids=district_ids,
    )


def check_records(
    records: list[tuple[int, dict[str, str]]], lookups: Lookups
) -> tuple[list[OfferRow], list[RowError]]:
    good: list[OfferRow] = []
    bad: list[RowError] = []
    first_row_of_key: dict[str, int] = {}
    for number, values in records:
        result = check_row(number, values, lookups)
        key = values.get("external_key", "")
        if key and key in first_row_of_key:
            extra = _("the external key “%(key)s” is already used in row %(row)s") % {
                "key": key,
                "row": first_row_of_key[key],
            }
            reasons = result.reasons if isinstance(result, RowError) else []
            result = RowError(number, [*reasons, extra])
        elif key:
            first_row_of_key[key] = number
        (bad if isinstance(result, RowError) else good).append(result)  # type: ignore[arg-type]
    return good, bad


# --- writing ---------------------------------------------------------------


def _yes_no(value: bool) -> str:
    return "ja" if value else "nein"


def offer_to_row(offer) -> list[str]:
    """One export row; ``offer`` comes with its lists prefetched."""
    row = {
        "external_key": offer.external_key,
        "organisation": offer.organisation.name,
        "title": offer.title,
        "text_language": offer.text_language,
        "description": offer.description,
        "fields_of_action": LIST_SEPARATOR.join(f.code for f in offer.fields_of_action.all()),
        "target_groups": LIST_SEPARATOR.join(g.code for g in offer.target_groups.all()),
        "districts": LIST_SEPARATOR.join(d.code for d in offer.districts.all()),
        "languages": LIST_SEPARATOR.join(offer.language_codes),
        "location": offer.location.name if offer.location else "",
        "address": offer.address,
        "schedule": offer.schedule,
        "cost": offer.cost,
        "accessibility": offer.accessibility,
        "registration_required": _yes_no(offer.registration_required),
        "contact_name": offer.contact_name,
        "contact_email": offer.contact_email,
        "contact_phone": offer.contact_phone,
        "valid_from": _text(offer.valid_from),
        "valid_until": _text(offer.valid_until),
        "last_confirmed_on": _text(offer.last_confirmed_on),
        "published": _yes_no(offer.published),
    }
    for code, text in (offer.translations or {}).items():
        row[f"title_{code}"] = text.get("title", "")
        row[f"description_{code}"] = text.get("description", "")
    return [row.get(name, "") for name in COLUMN_NAMES]


def write_xlsx(
    header: list[str],
    rows: list[list[Any]],
    title: str,
    notes: list[tuple[str, str]] | None = None,
) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(list(row))
    sheet.freeze_panes = "A2"
    if notes:
        info = workbook.create_sheet(_("Columns")[:31])
        info.append([_("Column"), _("Description")])
        for name, text in notes:
            info.append([name, text])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
