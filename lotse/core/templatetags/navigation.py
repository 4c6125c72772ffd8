"""``nav_link``: a link of the main menu, marked aria-current="page" on its own pages.

A page belongs to the menu entry with the longest address its own address starts
with ("/directory/coverage/" to Coverage, not Offers at "/directory/"); Start only to
itself.
"""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils.html import format_html

register = template.Library()

# The entries nav.html writes itself; the apps' entries come as nav_items.
_FIXED = ("core:start", "people:list", "core:settings", "accounts:list", "audit:log", "mfa_index")


def _belongs(path: str, url: str) -> bool:
    return path == url or (url != "/" and path.startswith(url))


def _current_entry(context) -> str | None:
    """The address of the menu entry the page belongs to, worked out once per request."""
    request = context.get("request")
    if request is None:
        return None
    if not hasattr(request, "_nav_current"):
        urls = [reverse(name) for name in _FIXED]
        urls += [item.url for item in context.get("nav_items", [])]
        owners = [url for url in urls if _belongs(request.path, url)]
        request._nav_current = max(owners, key=len) if owners else None
    return request._nav_current


@register.simple_tag(takes_context=True)
def nav_link(context, url: str, label: str) -> str:
    if url == _current_entry(context):
        return format_html('<a href="{}" aria-current="page">{}</a>', url, label)
    return format_html('<a href="{}">{}</a>', url, label)
