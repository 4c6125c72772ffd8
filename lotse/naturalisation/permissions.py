"""Only staff of an immigration authority see the naturalisation procedure and campaigns."""

from __future__ import annotations

import rules

from lotse.accounts.models import Organisation
from lotse.accounts.permissions import is_authority_staff


@rules.predicate
def works_at_immigration_authority(user) -> bool:
    return bool(
        user.organisation_id and user.organisation.kind == Organisation.Kind.IMMIGRATION_AUTHORITY
    )


is_naturalisation_staff = is_authority_staff & works_at_immigration_authority

rules.add_perm("naturalisation.use", is_naturalisation_staff)


def applications_visible_to(user):
    from .models import Application

    if not is_naturalisation_staff(user):
        return Application.objects.none()
    return Application.objects.filter(organisation_id=user.organisation_id)


def campaigns_visible_to(user):
    from .models import Campaign

    if not is_naturalisation_staff(user):
        return Campaign.objects.none()
    return Campaign.objects.filter(organisation_id=user.organisation_id)
