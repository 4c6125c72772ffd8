"""What the pre-check stores: only the record that a client agreed to a pre-fill."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PrecheckConsent(models.Model):
    """The client agreed that their record pre-fills an eligibility pre-check."""

    client = models.ForeignKey(
        "people.Client", on_delete=models.CASCADE, related_name="precheck_consents"
    )
    remark = models.CharField(_("remark"), max_length=500)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("consent to a pre-check")
        verbose_name_plural = _("consents to a pre-check")
        ordering = ["-recorded_at"]
        indexes = [models.Index(fields=["client", "recorded_at"], name="precheck_consent_client")]

    def __str__(self) -> str:
        return f"{self.client_id} · {self.recorded_at:%Y-%m-%d}"
