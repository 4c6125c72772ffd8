"""English as read in a German town hall: dates as DD.MM.YYYY, the 24-hour clock.

Django's "en" formats are American (11/22/2026, 2:30 p.m.). Lotse's forms take dates of
birth as DD.MM.YYYY in every language, and records show them so; the other dates of an
English page follow the same order, so no date is read month first.
"""

from django.conf.locale.en_GB.formats import *  # noqa: F403

SHORT_DATE_FORMAT = "d.m.Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j M Y, H:i"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
DATE_INPUT_FORMATS = ["%d.%m.%Y", "%d/%m/%Y", "%Y-%m-%d"]
