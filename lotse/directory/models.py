"""The directory of local offers (Angebote) of the organisations in a municipality.

Seed 002 (Troisdorf): a structured inventory of local offers, every district across
the integration-relevant fields of action, to find gaps and partners. The directory
is public (residents read it without login), so an offer holds only public data;
the contact persons of an organisation are internal (confirmation requests).
"""

from __future__ import annotations

import datetime as dt
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

STALE_AFTER_MONTHS = 12


def new_external_key() -> str:
    return f"lotse-{secrets.token_hex(5)}"


def parse_language_codes(text: str) -> list[str]:
    """'de, ar;uk' -> ['de', 'ar', 'uk'] (lower case, in order, no repeats)."""
    codes: list[str] = []
    for part in text.replace(";", ",").replace(" ", ",").split(","):
        code = part.strip().lower()
        if code and code not in codes:
            codes.append(code)
    return codes


# Languages offered in the filters, in this order (offers may name others too).
OFFER_LANGUAGES = ["de", "en", "ar", "fa", "uk", "tr", "ru", "ku", "ps", "ti", "fr", "es", "pl"]


def text_direction(language: str) -> str:
    return "rtl" if language in settings.LANGUAGES_RTL else "ltr"


def stale_before(today: dt.date) -> dt.date:
    """Offers last confirmed before this day are stale (not confirmed for 12 months)."""
    try:
        return today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        return today.replace(year=today.year - 1, day=28)


class ContactPerson(models.Model):
    """A person at an organisation whom the coordinators ask to confirm its offers."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        related_name="contact_persons",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone"), max_length=60, blank=True)

    class Meta:
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")
        ordering = ["organisation__name", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})"


class Offer(models.Model):
    """An offer. ``title`` and ``description`` are in ``text_language``, the language
    they were entered in; ``translations`` holds further languages as
    ``{"en": {"title": ..., "description": ...}}``."""

    municipality = models.ForeignKey(
        "core.Municipality", on_delete=models.PROTECT, related_name="offers"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="offers",
        verbose_name=_("organisation"),
    )
    external_key = models.CharField(
        _("external key"),
        max_length=100,
        default=new_external_key,
        help_text=_("Stable key in import files: re-importing a row with it updates this offer."),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    text_language = models.CharField(
        _("language of title and description"),
        max_length=10,
        choices=settings.LANGUAGES,
        default="de",
    )
    translations = models.JSONField(_("translations"), default=dict, blank=True)
    fields_of_action = models.ManyToManyField(
        "core.FieldOfAction", blank=True, verbose_name=_("fields of action")
    )
    target_groups = models.ManyToManyField(
        "core.TargetGroup", blank=True, verbose_name=_("target groups")
    )
    districts = models.ManyToManyField(
        "core.District", blank=True, verbose_name=_("districts served")
    )
    languages = models.CharField(
        _("languages offered"), max_length=100, blank=True, help_text=_("e.g. de, ar, uk")
    )
    location = models.ForeignKey(
        "accounts.Location",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="offers",
        verbose_name=_("location"),
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    schedule = models.TextField(_("opening hours or schedule"), blank=True)
    cost = models.CharField(_("cost"), max_length=200, blank=True)
    accessibility = models.CharField(_("accessibility"), max_length=300, blank=True)
    registration_required = models.BooleanField(_("registration needed"), default=False)
    contact_name = models.CharField(_("public contact"), max_length=200, blank=True)
    contact_email = models.EmailField(_("public contact e-mail"), blank=True)
    contact_phone = models.CharField(_("public contact phone"), max_length=60, blank=True)
    contact_person = models.ForeignKey(
        ContactPerson,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="offers",
        verbose_name=_("contact person for confirmation"),
        help_text=_("Internal: asked to confirm the offer. Not shown publicly."),
    )
    published = models.BooleanField(_("shown in the public directory"), default=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    last_confirmed_on = models.DateField(_("last confirmed on"), null=True, blank=True)
    confirmation_requested_at = models.DateTimeField(
        _("confirmation requested at"), null=True, blank=True
    )
    version = models.PositiveIntegerField(default=1)
    # Lower-cased title and description in every language, for search in any script.
    search_text = models.TextField(default="", blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        ordering = ["title", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "external_key"], name="offer_unique_external_key"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        parts = [self.title, self.description]
        for text in (self.translations or {}).values():
            parts += [text.get("title", ""), text.get("description", "")]
        self.search_text = "\n".join(p for p in parts if p).lower()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)

    @property
    def language_codes(self) -> list[str]:
        return parse_language_codes(self.languages)

    def texts(self) -> list[dict[str, str]]:
        """Title and description in every language entered, the entry language first;
        each with its ``lang`` and ``dir`` for the page."""
        result = [
            {
                "lang": self.text_language,
                "dir": text_direction(self.text_language),
                "title": self.title,
                "description": self.description,
            }
        ]
        for code, text in sorted((self.translations or {}).items()):
            if code == self.text_language or not (text.get("title") or text.get("description")):
                continue
            result.append(
                {
                    "lang": code,
                    "dir": text_direction(code),
                    "title": text.get("title", ""),
                    "description": text.get("description", ""),
                }
            )
        return result

    def preferred_text(self) -> dict[str, str]:
        """The text in the active language if it was entered, else the entry language."""
        return self.texts_for_reader()[0]

    def texts_for_reader(self) -> list[dict[str, str]]:
        """All texts, the one in the active language (if entered) first: a resident
        who reads Arabic sees the Arabic title as the offer's heading."""
        language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
        texts = self.texts()
        return sorted(texts, key=lambda t: t["lang"] != language)

    def is_stale(self, today: dt.date) -> bool:
        return self.last_confirmed_on is None or self.last_confirmed_on < stale_before(today)
