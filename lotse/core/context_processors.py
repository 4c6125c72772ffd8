from django.conf import settings
from django.utils.translation import get_language


def lotse(request):
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return {
        "text_direction": "rtl" if language in settings.LANGUAGES_RTL else "ltr",
        "ui_languages": [(c, n) for c, n in settings.LANGUAGES if c in settings.UI_LANGUAGES],
    }
