from __future__ import annotations

from collections.abc import Iterable

from django.urls import reverse
from django.utils.translation import gettext as _

from lotse.core.extensions import NavItem


def items(user) -> Iterable[NavItem]:
    if user.has_perm("caseload.view_caseload"):
        yield NavItem(label=_("Caseload"), url=reverse("caseload:overview"), order=60)
