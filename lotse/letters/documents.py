"""From a case to a letter PDF: merge the client's data, compose, render."""

from __future__ import annotations

from typing import Any

from lotse.accounts.models import User
from lotse.cases.models import Case
from lotse.core.pdf import render_pdf
from lotse.letters.rules import Letter, Recipient, compose

# Address fields a client record may have; whichever exist and are filled are used.
_STREET = ("street", "address_line", "address")
_HOUSE_NUMBER = ("house_number",)
_ADDITION = ("address_addition", "address_extra", "care_of")
_POSTCODE = ("postcode", "postal_code", "zip_code")
_CITY = ("city", "town", "place_of_residence")


def _first(obj: Any, names: tuple[str, ...]) -> str:
    for name in names:
        value = getattr(obj, name, None)
        if value:
            return str(value).strip()
    return ""


def address_lines(client: Any) -> tuple[str, ...]:
    """The postal address lines from the parts the record has; missing parts are left out."""
    street = " ".join(p for p in (_first(client, _STREET), _first(client, _HOUSE_NUMBER)) if p)
    town = " ".join(p for p in (_first(client, _POSTCODE), _first(client, _CITY)) if p)
    return tuple(line for line in (_first(client, _ADDITION), street, town) if line)


def recipient_for(case: Case) -> Recipient:
    client = case.client
    return Recipient(
        family_name=client.family_name,
        given_names=client.given_names,
        gender=client.gender,
        date_of_birth=client.date_of_birth_display,
        address_lines=address_lines(client),
    )


def sender_lines(case: Case) -> tuple[str, ...]:
    location = case.location
    lines = [case.organisation.name]
    if location is not None:
        lines.append(location.name)
        lines.extend(part.strip() for part in location.address.split(",") if part.strip())
    return tuple(lines)


def get_letter(case: Case, kind: str, language: str, details: dict[str, Any]) -> Letter:
    if kind == "confirmation":
        details = {**details, "service": case.organisation.name}
    return compose(kind, language, recipient_for(case), details)


def render_letter_pdf(letter: Letter, case: Case, *, author: User, today: Any) -> bytes:
    """The letter as PDF; the page direction follows the client's language."""
    return render_pdf(
        "letters/pdf/letter.html",
        {
            "letter": letter,
            "recipient": recipient_for(case),
            "sender": sender_lines(case),
            "place_and_date": f"{case.municipality.name}, {today:%d.%m.%Y}",
            "author": author,
            "organisation": case.organisation,
        },
        letter.language,
    )
