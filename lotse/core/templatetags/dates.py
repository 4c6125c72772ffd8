"""``short_date``: the date filter's SHORT_DATE_FORMAT, worked out once per date and language.

Lists on the start page and the case page show a date per row, and the same dates recur
(today, this week's due dates); Django's date filter formats each anew.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from django import template
from django.utils import formats, timezone
from django.utils.translation import get_language

register = template.Library()


@lru_cache(maxsize=4096)
def _short(value: dt.date, language: str | None) -> str:
    return formats.date_format(value, "SHORT_DATE_FORMAT")


@register.filter
def short_date(value) -> str:
    """A date in the active language's short format; "" for none."""
    if not value:
        return ""
    if isinstance(value, dt.datetime):
        return formats.date_format(timezone.localtime(value), "SHORT_DATE_FORMAT")
    if not isinstance(value, dt.date):
        return ""  # as Django's date filter gives for what is not a date
    return _short(value, get_language())
