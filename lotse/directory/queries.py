"""Searching and filtering offers; shared by the staff list and the public directory."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from lotse.directory.models import Offer, stale_before


def speaks(code: str) -> Q:
    """Offers whose comma-separated ``languages`` contain exactly ``code``."""
    code = code.strip().lower()
    return (
        Q(languages=code)
        | Q(languages__startswith=f"{code},")
        | Q(languages__endswith=f",{code}")
        | Q(languages__contains=f",{code},")
    )


@dataclass(frozen=True)
class OfferFilter:
    q: str = ""
    field: int | None = None
    district: int | None = None
    target_group: int | None = None
    language: str = ""
    organisation: int | None = None
    stale_only: bool = False

    @classmethod
    def from_params(cls, params) -> OfferFilter:
        def number(name: str) -> int | None:
            value = params.get(name, "")
            return int(value) if value.isdigit() else None

        return cls(
            q=params.get("q", "").strip()[:100],
            field=number("field"),
            district=number("district"),
            target_group=number("target_group"),
            language=params.get("language", "").strip().lower()[:10],
            organisation=number("organisation"),
            stale_only=params.get("stale") == "1",
        )

    def apply(self, offers: QuerySet[Offer], today: dt.date) -> QuerySet[Offer]:
        if self.q:
            offers = offers.filter(
                Q(search_text__contains=self.q.lower()) | Q(organisation__name__icontains=self.q)
            )
        if self.field:
            offers = offers.filter(fields_of_action=self.field)
        if self.district:
            offers = offers.filter(districts=self.district)
        if self.target_group:
            offers = offers.filter(target_groups=self.target_group)
        if self.language:
            offers = offers.filter(speaks(self.language))
        if self.organisation:
            offers = offers.filter(organisation=self.organisation)
        if self.stale_only:
            offers = offers.filter(
                Q(last_confirmed_on__isnull=True) | Q(last_confirmed_on__lt=stale_before(today))
            )
        return offers.distinct()
