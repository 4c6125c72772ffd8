"""Country and language codes as names people read, in the page's language.

Records keep ISO codes (SY, ar); people read "Syrien" and "Arabisch". The names
come from the Unicode CLDR through Babel, so every UI language has them.
"""

from __future__ import annotations

from functools import lru_cache

from babel import Locale, UnknownLocaleError
from django.utils.translation import get_language, gettext_lazy, to_locale


@lru_cache(maxsize=32)
def _locale(language: str) -> Locale:
    try:
        return Locale.parse(to_locale(language))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("de")


def _current() -> Locale:
    return _locale(get_language() or "de")


# Codes German records use that CLDR does not name as countries: no or an unclear
# nationality, and states a person may have been born in that no longer exist.
_EXTRA_COUNTRIES = {
    "XX": gettext_lazy("stateless"),
    "ZZ": gettext_lazy("unclear"),
    "YU": gettext_lazy("Yugoslavia (former)"),
    "SU": gettext_lazy("Soviet Union (former)"),
    "CS": gettext_lazy("Czechoslovakia (former)"),
    "DD": gettext_lazy("German Democratic Republic (former)"),
}
# CLDR "territories" that are no country: pseudo-locales, groups of states.
_NOT_COUNTRIES = {"XA", "XB", "EU", "EZ", "UN", "QO"}


def country_name(code: str) -> str:
    """The country's name, or the code as it was if it is not an ISO 3166 country."""
    code = (code or "").strip()
    extra = _EXTRA_COUNTRIES.get(code.upper())
    if extra is not None:
        return str(extra)
    return _current().territories.get(code.upper(), code)


# Codes CLDR names only as a regional variant.
_LANGUAGE_ALIASES = {"prs": "fa_AF", "kmr": "ku"}


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


@lru_cache(maxsize=1)
def _known() -> tuple[frozenset[str], frozenset[str]]:
    english = Locale.parse("en")
    countries = frozenset(str(c) for c in english.territories if len(str(c)) == 2)
    countries = (countries - _NOT_COUNTRIES) | frozenset(_EXTRA_COUNTRIES)
    languages = frozenset(str(c) for c in english.languages if "_" not in str(c))
    return countries, languages | frozenset(_LANGUAGE_ALIASES)


def is_country(code: str) -> bool:
    """Whether `code` (upper case) is a two-letter country code CLDR knows (ISO 3166,
    and XK for Kosovo, as German documents use it), or one of _EXTRA_COUNTRIES."""
    return code in _known()[0]


def is_language(code: str) -> bool:
    """Whether `code` (lower case) is a language code CLDR knows (ISO 639), or Dari (prs)."""
    return code in _known()[1]
