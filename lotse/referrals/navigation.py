from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from lotse.core.extensions import NavItem


def items(user):
    if user.has_perm("referrals.view_inbox"):
        yield NavItem(label=_("Referrals"), url=reverse("referrals:inbox"), order=20)
    if user.has_perm("referrals.view_network"):
        yield NavItem(label=_("Referral network"), url=reverse("referrals:network"), order=60)
