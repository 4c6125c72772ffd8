from __future__ import annotations

from collections.abc import Iterable

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lotse.core.extensions import NavItem


def items(user) -> Iterable[NavItem]:
    if user.has_perm("naturalisation.use"):
        yield NavItem(_("Naturalisation"), reverse("naturalisation:dashboard"), order=61)
        yield NavItem(_("Campaigns"), reverse("naturalisation:campaigns"), order=62)
