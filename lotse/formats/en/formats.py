"""English as read in a German town hall: day before month (as en-GB), the 24-hour clock.

Django's "en" formats are American (11/22/2026, 2:30 p.m.); beside the German-style
dates of birth (05.03.1990) that the forms take, a month first would be misread.
"""

from django.conf.locale.en_GB.formats import *  # noqa: F403

TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j M Y, H:i"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d"]
