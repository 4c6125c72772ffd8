from __future__ import annotations

from collections.abc import Iterable

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lotse.core.extensions import NavItem


def items(user) -> Iterable[NavItem]:
    if user.has_perm("residence.use_precheck"):
        yield NavItem(_("Pre-check"), reverse("residence:index"), order=60)
