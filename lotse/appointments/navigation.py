from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from lotse.core.extensions import NavItem


def items(user):
    found = []
    if user.has_perm("appointments.view_appointments"):
        found.append(NavItem(_("Appointments"), reverse("appointments:list"), order=30))
    if user.has_perm("appointments.view_interpreters"):
        found.append(NavItem(_("Interpreters"), reverse("appointments:interpreters"), order=40))
    return found
