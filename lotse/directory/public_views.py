"""The public directory for residents (no login) and the confirmation link.

Only published, currently valid offers and their public fields are read here:
no client, case or staff data, and not the internal contact persons.
"""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from lotse.core.models import District, FieldOfAction, Municipality
from lotse.directory.actions import do_confirm_offer, read_confirmation_token
from lotse.directory.models import OFFER_LANGUAGES, Offer
from lotse.directory.permissions import public_offers
from lotse.directory.queries import OfferFilter


def index(request):
    municipalities = list(Municipality.objects.order_by("name"))
    if len(municipalities) == 1:
        return municipality_directory(request, municipalities[0].slug)
    return render(request, "public_directory/index.html", {"municipalities": municipalities})


def municipality_directory(request, slug: str):
    municipality = get_object_or_404(Municipality, slug=slug)
    today = timezone.localdate()
    params = OfferFilter.from_params(request.GET)
    chosen = OfferFilter(
        q=params.q, field=params.field, district=params.district, language=params.language
    )
    offers = list(
        chosen.apply(public_offers(municipality, today), today)
        .select_related("organisation")
        .prefetch_related("fields_of_action", "districts")
        .order_by("title", "pk")[:500]
    )
    districts = list(District.objects.filter(municipality=municipality, active=True))
    active = {d.pk for d in districts}
    for offer in offers:
        offer.reader_texts = offer.texts_for_reader()
        # An offer for every district says so instead of listing them all.
        offer.everywhere = bool(active) and active <= {d.pk for d in offer.districts.all()}
    return render(
        request,
        "public_directory/directory.html",
        {
            "municipality": municipality,
            "offers": offers,
            "chosen": chosen,
            "filtered": bool(chosen.q or chosen.field or chosen.district or chosen.language),
            "fields": FieldOfAction.objects.filter(municipality=municipality, active=True),
            "districts": districts,
            "offer_languages": OFFER_LANGUAGES,
        },
    )


def confirm(request, token: str):
    """The link from the confirmation e-mail: confirm an offer without logging in."""
    payload = read_confirmation_token(token)
    if payload is None:
        raise Http404
    offer = get_object_or_404(Offer.objects.select_related("organisation"), pk=payload[0])
    current = offer.last_confirmed_on.isoformat() if offer.last_confirmed_on else ""
    used = current != payload[1]
    done = False
    if request.method == "POST" and not used:
        do_confirm_offer(offer=offer, today=timezone.localdate())
        done = True
    return render(
        request, "public_directory/confirm.html", {"offer": offer, "used": used, "done": done}
    )
