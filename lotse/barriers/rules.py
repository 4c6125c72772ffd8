"""Spotting personal data in a barrier description (no Django import).

The form warns not to write personal data; this check catches the obvious slips
(the client's own name, a date of birth, an e-mail address, a phone number or a
file number) before anything is stored. It cannot prove a text anonymous.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

_DATE = re.compile(r"\b\d{1,2}\.\s?\d{1,2}\.\s?(?:19|20)?\d{2}\b")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_PHONE = re.compile(r"(?:\+|\b0)\d[\d /-]{6,}\d")
_FILE_NUMBER = re.compile(r"\b\d{4}-\d{6}\b")  # Lotse's own case numbers
_WORD = re.compile(r"\w+")

MIN_NAME_LENGTH = 3


def personal_data_hints(text: str, names: Iterable[str] = ()) -> list[str]:
    """Codes of what looks like personal data in `text`; empty if nothing was found.

    `names` are the client's names; each word of three or more letters counts.
    """
    hints: list[str] = []
    words = {word.casefold() for word in _WORD.findall(text)}
    name_words = {
        part.casefold()
        for name in names
        for part in _WORD.findall(name or "")
        if len(part) >= MIN_NAME_LENGTH
    }
    if words & name_words:
        hints.append("name")
    if _DATE.search(text):
        hints.append("date")
    if _EMAIL.search(text):
        hints.append("email")
    if _PHONE.search(text):
        hints.append("phone")
    if _FILE_NUMBER.search(text):
        hints.append("file_number")
    return hints


def month_of(day: dt.date) -> dt.date:
    """The month a report is filed under: only its first day is stored."""
    return day.replace(day=1)
