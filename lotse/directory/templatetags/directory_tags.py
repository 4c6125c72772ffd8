from __future__ import annotations

from django import template
from django.utils.translation import get_language_info

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
