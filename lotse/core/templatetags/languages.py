"""Language and country codes as names people read ("Arabisch" on a German page, not "ar")."""

from __future__ import annotations

from django import template

from lotse.core import names

register = template.Library()


@register.filter
def language_name(code: str) -> str:
    """The language's name in the page's language, or the code if it is not a language."""
    return names.language_name(code)


@register.filter
def language_names(codes: str) -> str:
    return names.language_names(codes)


@register.filter
def country_names(codes: str) -> str:
    return names.country_names(codes)
