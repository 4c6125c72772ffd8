from __future__ import annotations

from collections.abc import Iterable

from django.urls import reverse
from django.utils.translation import gettext as _

from lotse.core.extensions import NavItem


def items(user) -> Iterable[NavItem]:
    if user.has_perm("directory.view_offers"):
        yield NavItem(label=_("Offers"), url=reverse("directory:list"), order=40)
        yield NavItem(label=_("Coverage"), url=reverse("directory:coverage"), order=41)
