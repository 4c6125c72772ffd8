from __future__ import annotations

from django import template
from django.conf import settings
from django.utils.translation import get_language, get_language_info

register = template.Library()

# Languages offers are given in that Django does not know by name.
EXTRA_NAMES = {"ku": "Kurdî", "ps": "پښتو", "ti": "ትግርኛ", "so": "Soomaali", "prs": "دری"}


@register.filter
def language_label(code: str) -> str:
    """The language's own name ("العربيّة" for ar), or the code if unknown."""
    try:
        return get_language_info(code)["name_local"]
    except KeyError:
        return EXTRA_NAMES.get(code, code)


@register.filter
def label_language(item) -> str:
    """The language a configurable list entry's ``label`` is shown in: the active
    one if it has a label in it, else the fallback German (see core.models.translated),
    so the page can mark a German topic on an Arabic page with lang="de"."""
    labels = getattr(item, "labels", None) or {}
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    for code in (language, settings.LANGUAGE_CODE, "en"):
        if labels.get(code):
            return code
    return next((code for code, text in labels.items() if text), settings.LANGUAGE_CODE)


@register.filter
def direction(code: str) -> str:
    return "rtl" if code in settings.LANGUAGES_RTL else "ltr"
