"""A client's consent (Einwilligung): per purpose and per recipient organisation.

Sharing anything with another organisation (a referral, a case conference, a
transfer) needs a consent that names that organisation and that purpose, was
given on or before the day of sharing, has not expired and was not withdrawn.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lotse.consents.rules import ConsentFacts, State, state_on


class Purpose(models.TextChoices):
    REFERRAL = "referral", _("Referral to the organisation")
    CASE_CONFERENCE = "case_conference", _("Case conference with the organisation")
    TRANSFER = "transfer", _("Transfer of the case to the organisation")
    DATA_EXCHANGE = "data_exchange", _("Exchange of information with the organisation")


class ConsentQuerySet(models.QuerySet["Consent"]):
    def in_force(self, on: dt.date) -> ConsentQuerySet:
        """Given on or before `on`, not expired on `on`, not withdrawn."""
        return self.filter(given_on__lte=on, withdrawn_at__isnull=True).filter(
            models.Q(valid_until__isnull=True) | models.Q(valid_until__gte=on)
        )


class Consent(models.Model):
    client = models.ForeignKey("people.Client", on_delete=models.CASCADE, related_name="consents")
    case = models.ForeignKey(
        "cases.Case", on_delete=models.SET_NULL, null=True, blank=True, related_name="consents"
    )
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    recipient = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="consents_received",
        verbose_name=_("recipient organisation"),
    )
    scope = models.TextField(
        _("what may be shared"), blank=True, help_text=_("In the words agreed with the client.")
    )
    given_on = models.DateField(_("given on"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    form_version = models.CharField(_("form version"), max_length=20, default="1")
    language = models.CharField(_("language of the form"), max_length=8, default="de")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    withdrawal_note = models.CharField(_("note on the withdrawal"), max_length=300, blank=True)

    objects = ConsentQuerySet.as_manager()

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-given_on", "-id"]
        indexes = [models.Index(fields=["client", "recipient", "purpose"], name="consent_lookup")]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} · {self.recipient}"

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    def facts(self) -> ConsentFacts:
        return ConsentFacts(
            recipient_id=self.recipient_id,
            purpose=self.purpose,
            given_on=self.given_on,
            valid_until=self.valid_until,
            withdrawn=self.is_withdrawn,
        )

    def state_on(self, on: dt.date) -> State:
        return state_on(self.facts(), on)


def consent_covers(client_id: int, organisation_id: int, purpose: str, on: dt.date) -> bool:
    """Does a consent in force on `on` let the client's data go to `organisation_id`?"""
    return (
        Consent.objects.in_force(on)
        .filter(client_id=client_id, recipient_id=organisation_id, purpose=purpose)
        .exists()
    )
