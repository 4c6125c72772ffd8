"""Who may read and change the offer directory of their municipality.

Coordinators and case managers (and team leads) read it; coordinators and
administrators edit it. Offers hold no client data; the public directory reads
only published offers through ``public_offers``.
"""

from __future__ import annotations

import datetime as dt

import rules
from django.db.models import Q, QuerySet

from lotse.accounts.permissions import is_administrator, is_case_manager, is_coordinator
from lotse.directory.models import ContactPerson, Offer

can_edit_offers = is_coordinator | is_administrator
can_read_offers = can_edit_offers | is_case_manager

rules.add_perm("directory.view_offers", can_read_offers)
rules.add_perm("directory.change_offers", can_edit_offers)


def offers_visible_to(user) -> QuerySet[Offer]:
    if not user.has_perm("directory.view_offers"):
        return Offer.objects.none()
    return Offer.objects.filter(municipality_id=user.municipality_id)


def contact_persons_visible_to(user) -> QuerySet[ContactPerson]:
    if not user.has_perm("directory.change_offers"):
        return ContactPerson.objects.none()
    return ContactPerson.objects.filter(organisation__municipality_id=user.municipality_id)


def public_offers(municipality, today: dt.date) -> QuerySet[Offer]:
    """Published offers that are valid today: what residents may read."""
    return (
        Offer.objects.filter(municipality=municipality, published=True)
        .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=today))
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=today))
    )
