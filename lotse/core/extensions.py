"""Where the domain apps plug into shared pages, without those pages knowing them.

An app contributes by having a module of a known name (all optional):

- ``<app>.worklist``: ``items(user, today, limit) -> Iterable[WorklistItem]`` for the start
  page: the items in order of urgency (most urgent first, as ``worklist_items`` sorts
  them); with a ``limit``, at most that many, so the start page reads only what it shows;
- ``<app>.case_sections``: ``section(request, case) -> CaseSection | None`` for the case page;
- ``<app>.navigation``: ``items(user) -> Iterable[NavItem]`` for the main menu;
- ``<app>.demo``: ``load(municipality, *, rng, stdout) -> None``, called by ``lotse load_demo``
  after the base demo (organisations, users, clients, cases) exists; and optionally
  ``delete(municipalities)`` which removes that app's demo rows before ``--reset``.

Each contributor checks permissions itself, through its app's permission layer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from importlib import import_module
from types import ModuleType
from typing import Any

from django.apps import apps
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from lotse.core.memo import memoised


@dataclass(frozen=True)
class WorklistItem:
    """One line on a case worker's start page."""

    kind: str  # a short code such as "follow_up", "appointment", "goal_overdue"
    title: str  # what to do, in the UI language
    url: str
    due: dt.date | None = None
    subject: str = ""  # the client or case it concerns
    overdue: bool = False
    # An optional one-click action right in the list, sent as a POST form.
    action_url: str = ""
    action_label: str = ""
    action_fields: tuple[tuple[str, str], ...] = ()


def capped(limit: int | None, most: int) -> int:
    """How many items a worklist source reads: its own maximum, or fewer if asked."""
    return most if limit is None else min(limit, most)


@dataclass(frozen=True)
class CaseSection:
    """A block on the case page, rendered from ``template`` with ``context``."""

    title: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    order: int = 100


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    order: int = 100


@cache
def app_modules(name: str) -> tuple[ModuleType, ...]:
    """The ``<app>.<name>`` modules of Lotse's installed apps, in INSTALLED_APPS order.

    Cached: the installed apps do not change while the process runs, and looking for a
    module an app does not have costs a walk over the import path on every request.
    """
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("lotse."):
            continue
        module_name = f"{config.name}.{name}"
        try:
            found.append(import_module(module_name))
        except ModuleNotFoundError as error:
            if error.name != module_name:
                raise
    return tuple(found)


def worklist_items(user, today: dt.date, limit: int | None = None) -> list[WorklistItem]:
    """The user's to-do items, overdue first, then by due date; the first `limit` of them.

    Each app gives at most `limit` of its own, its most urgent first, so the merged list
    cut at `limit` holds the most urgent of all (news, such as partners' answers to
    referrals, count the newest as the most urgent).
    """
    items: list[WorklistItem] = []
    with memoised():
        for module in app_modules("worklist"):
            items.extend(module.items(user, today, limit))
    far = dt.date.max
    items.sort(key=lambda item: (not item.overdue, item.due or far, item.title))
    return items[:limit]


def case_sections(request: HttpRequest, case) -> list[tuple[CaseSection, SafeString]]:
    sections: list[CaseSection] = []
    for module in app_modules("case_sections"):
        section = module.section(request, case)
        if section is not None:
            sections.append(section)
    sections.sort(key=lambda s: s.order)
    return [
        (
            s,
            mark_safe(  # noqa: S308  (rendered by the template engine, which escapes)
                render_to_string(s.template, {"case": case, **s.context}, request=request)
            ),
        )
        for s in sections
    ]


def nav_items(user) -> list[NavItem]:
    items: list[NavItem] = []
    for module in app_modules("navigation"):
        items.extend(module.items(user))
    return sorted(items, key=lambda item: item.order)


def load_demo_extras(municipality, *, rng, stdout) -> None:
    for module in app_modules("demo"):
        module.load(municipality, rng=rng, stdout=stdout)
