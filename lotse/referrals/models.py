"""A referral (Verweisberatung): a case's client is referred to a partner organisation."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lotse.referrals.rules import Status


class StatusChoices(models.TextChoices):
    PROPOSED = Status.PROPOSED.value, _("proposed")
    SENT = Status.SENT.value, _("sent")
    ACCEPTED = Status.ACCEPTED.value, _("accepted")
    DECLINED = Status.DECLINED.value, _("declined")
    DONE = Status.DONE.value, _("done")


class Referral(models.Model):
    """Sent under a consent that covers the receiving organisation for referrals.

    The partner sees the client's name, this purpose and the consent's scope,
    and nothing else of the case; only while that consent is in force.
    """

    municipality = models.ForeignKey(
        "core.Municipality", on_delete=models.PROTECT, related_name="referrals"
    )
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="referrals")
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="referrals_received",
        verbose_name=_("organisation"),
    )
    offer = models.ForeignKey(
        "directory.Offer",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referrals",
        verbose_name=_("offer"),
    )
    purpose = models.TextField(_("purpose of the referral"))
    status = models.CharField(
        _("status"), max_length=10, choices=StatusChoices.choices, default=Status.PROPOSED.value
    )
    consent = models.ForeignKey(
        "consents.Consent",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals",
        help_text=_("The consent under which it was sent."),
    )
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    report_back = models.TextField(_("report back"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    sent_at = models.DateTimeField(null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reported_at = models.DateTimeField(null=True, blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    partner_changed_at = models.DateTimeField(
        null=True, blank=True, help_text=_("Last answer from the partner, for the worklist.")
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["organisation", "status"], name="referral_inbox"),
            models.Index(fields=["case", "status"], name="referral_case"),
            models.Index(fields=["partner_changed_at"], name="referral_partner_news"),
        ]

    def __str__(self) -> str:
        return _("Referral %(number)s") % {"number": self.pk}
