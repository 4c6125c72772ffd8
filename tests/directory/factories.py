from __future__ import annotations

import itertools

from lotse.directory.models import ContactPerson, Offer

_n = itertools.count(1)


def make_offer(municipality, organisation, **fields) -> Offer:
    fields.setdefault("title", f"Offer {next(_n)}")
    m2m = {
        name: fields.pop(name, []) for name in ("fields_of_action", "districts", "target_groups")
    }
    offer = Offer.objects.create(municipality=municipality, organisation=organisation, **fields)
    for name, values in m2m.items():
        getattr(offer, name).set(values)
    return offer


def make_contact(organisation, **fields) -> ContactPerson:
    fields.setdefault("name", f"Contact {next(_n)}")
    fields.setdefault("email", f"contact{next(_n)}@partner.example")
    return ContactPerson.objects.create(organisation=organisation, **fields)
