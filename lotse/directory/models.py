"""The directory of local offers (Angebote) of the organisations in a municipality."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Offer(models.Model):
    municipality = models.ForeignKey(
        "core.Municipality", on_delete=models.PROTECT, related_name="offers"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="offers",
        verbose_name=_("organisation"),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
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
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    last_confirmed_on = models.DateField(_("last confirmed on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        ordering = ["title", "id"]

    def __str__(self) -> str:
        return self.title
