from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def dict_get(mapping: dict, key: str) -> Any:
    """``{{ texts|dict_get:key }}``: a dictionary entry by a key held in a variable."""
    return mapping.get(key, "")
