"""English pages write dates as the forms take dates of birth (DD.MM.YYYY) and times on
the 24-hour clock: no date on a page is read month first."""

from __future__ import annotations

import datetime as dt

from django.utils import formats, translation


def test_english_dates_are_day_first_and_times_24_hour():
    moment = dt.datetime(2026, 3, 5, 14, 30)  # noqa: DTZ001  (formatting only)
    with translation.override("en"):
        assert formats.date_format(moment.date(), "SHORT_DATE_FORMAT") == "05.03.2026"
        assert formats.date_format(moment, "SHORT_DATETIME_FORMAT") == "05.03.2026 14:30"
        assert formats.time_format(moment.time()) == "14:30"
    with translation.override("de"):
        assert formats.date_format(moment.date(), "SHORT_DATE_FORMAT") == "05.03.2026"


def test_an_english_date_field_reads_day_first():
    from django import forms

    with translation.override("en"):
        field = forms.DateField()
        assert field.clean("05/03/2026") == dt.date(2026, 3, 5)
        assert field.clean("05.03.2026") == dt.date(2026, 3, 5)
        assert field.clean("2026-03-05") == dt.date(2026, 3, 5)
