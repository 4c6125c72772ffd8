from django.conf import settings
from django.utils.translation import get_language

from lotse.core.extensions import nav_items


def lotse(request):
    """Direction, menu and languages; worked out once per request, however many
    templates (the case page renders one per section) ask for them."""
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    cached = getattr(request, "_lotse_context", None)
    if cached is not None and cached[0] == language:
        return cached[1]
    user = getattr(request, "user", None)
    context = {
        "text_direction": "rtl" if language in settings.LANGUAGES_RTL else "ltr",
        "nav_items": nav_items(user) if user is not None and user.is_authenticated else [],
        # The staff languages, plus the page's own where a public page is shown in another.
        "ui_languages": [
            (c, n) for c, n in settings.LANGUAGES if c in settings.UI_LANGUAGES or c == language
        ],
    }
    request._lotse_context = (language, context)
    return context
