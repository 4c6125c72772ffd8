from django.conf import settings
from django.utils.translation import get_language

from lotse.core.extensions import nav_items


def lotse(request):
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    user = getattr(request, "user", None)
    return {
        "text_direction": "rtl" if language in settings.LANGUAGES_RTL else "ltr",
        "nav_items": nav_items(user) if user is not None and user.is_authenticated else [],
        "ui_languages": [(c, n) for c, n in settings.LANGUAGES if c in settings.UI_LANGUAGES],
    }
