from __future__ import annotations

from collections.abc import Iterable

from django.urls import reverse
from django.utils.translation import gettext as _

from lotse.core.extensions import NavItem


def items(user) -> Iterable[NavItem]:
    if user.has_perm("barriers.view_barrier_list"):
        yield NavItem(label=_("Barrier reports"), url=reverse("barriers:list"), order=70)
