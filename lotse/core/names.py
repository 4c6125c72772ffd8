"""Country and language codes as names people read, in the page's language.

Records keep ISO codes (SY, ar); people read "Syrien" and "Arabisch". The names
come from the Unicode CLDR through Babel, so every UI language has them.
"""

from __future__ import annotations

from functools import lru_cache

from babel import Locale, UnknownLocaleError
from django.utils.translation import get_language, to_locale


@lru_cache(maxsize=32)
def _locale(language: str) -> Locale:
    try:
        return Locale.parse(to_locale(language))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("de")


def _current() -> Locale:
    return _locale(get_language() or "de")


def country_name(code: str) -> str:
    """The country's name, or the code as it was if it is not an ISO 3166 country."""
    code = (code or "").strip()
    return _current().territories.get(code.upper(), code)


# Codes CLDR names only as a regional variant.
_LANGUAGE_ALIASES = {"prs": "fa_AF"}


def language_name(code: str) -> str:
    """The language's name, or the code as it was if CLDR does not know it."""
    code = (code or "").strip()
    key = code.lower().replace("-", "_")
    return _current().languages.get(_LANGUAGE_ALIASES.get(key, key), code)


def _names(codes: str, name) -> str:
    parts = [part.strip() for part in (codes or "").split(",")]
    return ", ".join(name(part) for part in parts if part)


def country_names(codes: str) -> str:
    """ "SY, UA" as "Syrien, Ukraine"."""
    return _names(codes, country_name)


def language_names(codes: str) -> str:
    """ "ar, ku" as "Arabisch, Kurdisch"."""
    return _names(codes, language_name)
