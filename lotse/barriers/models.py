"""Structural barriers (Optimierungspotentiale) reported from case work to the steering level.

A report is raised from inside a case, but deliberately carries nothing that
leads back to it: no case, no client, no reporting person, no exact time (the
month only), so the steering level can analyse barriers across cases without
holding client data (Art. 5(1)(c) GDPR, data minimisation).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

DESCRIPTION_MAX = 1000


class BarrierReport(models.Model):
    municipality = models.ForeignKey(
        "core.Municipality", on_delete=models.PROTECT, related_name="barrier_reports"
    )
    field_of_action = models.ForeignKey(
        "core.FieldOfAction",
        on_delete=models.PROTECT,
        related_name="barrier_reports",
        verbose_name=_("field of action"),
    )
    affected_organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="barriers_affecting",
        verbose_name=_("affected organisation"),
    )
    description = models.TextField(_("description"), max_length=DESCRIPTION_MAX)
    reporting_organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="barriers_reported",
        verbose_name=_("reported by"),
    )
    reported_month = models.DateField(
        _("month reported"), help_text=_("The first day of the month; no exact date is kept.")
    )

    class Meta:
        verbose_name = _("barrier report")
        verbose_name_plural = _("barrier reports")
        ordering = ["-reported_month", "-id"]
        indexes = [
            models.Index(fields=["municipality", "reported_month"], name="barrier_tenant_month"),
        ]

    def __str__(self) -> str:
        return f"{self.field_of_action} · {self.reported_month:%m/%Y}"
