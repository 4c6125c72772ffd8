"""Only staff of an immigration authority see the naturalisation procedure and campaigns.

An application may be linked to a client record of the integration side only where the
client's data may reach the authority: a client the user may see anyway
(``lotse.people.permissions.clients_visible_to``, which gives authority staff none today)
or one who consented, in force today, to the exchange of information with the user's
authority (``lotse.consents``, purpose ``data_exchange``). Nothing else is offered or
accepted, and the linked record is shown only while this still holds.
"""

from __future__ import annotations

import datetime as dt

import rules
from django.db.models import Q

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


def linkable_clients(user, on: dt.date):
    """Client records an application of the user's authority may be linked to on ``on``."""
    from lotse.consents.models import Consent, Purpose
    from lotse.people.models import Client
    from lotse.people.permissions import clients_visible_to

    if not is_naturalisation_staff(user):
        return Client.objects.none()
    consented = (
        Consent.objects.in_force(on)
        .filter(recipient_id=user.organisation_id, purpose=Purpose.DATA_EXCHANGE)
        .values("client_id")
    )
    return (
        Client.objects.current()
        .filter(municipality_id=user.organisation.municipality_id)
        .filter(Q(pk__in=consented) | Q(pk__in=clients_visible_to(user).values("pk")))
        .order_by("family_name", "given_names", "pk")
    )
