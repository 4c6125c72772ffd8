"""A case: one client accompanied through the KIM cycle by one case manager."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lotse.cases.rules import Phase


class PhaseChoices(models.TextChoices):
    INTAKE = Phase.INTAKE.value, _("Access / intake")
    FIRST_CONSULTATION = Phase.FIRST_CONSULTATION.value, _("First consultation")
    ASSESSMENT = Phase.ASSESSMENT.value, _("Assessment")
    PLANNING = Phase.PLANNING.value, _("Planning (goal agreement)")
    IMPLEMENTATION = Phase.IMPLEMENTATION.value, _("Implementation and monitoring")
    CLOSED = Phase.CLOSED.value, _("Closed")


class Case(models.Model):
    municipality = models.ForeignKey(
        "core.Municipality", on_delete=models.PROTECT, related_name="cases"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="cases"
    )
    client = models.ForeignKey("people.Client", on_delete=models.PROTECT, related_name="cases")
    case_manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="cases",
        verbose_name=_("case manager"),
    )
    shared_with = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="shared_cases",
        verbose_name=_("shared with (same organisation)"),
    )
    location = models.ForeignKey(
        "accounts.Location",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("location"),
    )
    phase = models.CharField(
        _("phase"), max_length=20, choices=PhaseChoices.choices, default=Phase.INTAKE.value
    )
    opened_on = models.DateField(_("opened on"))
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    closure_reason = models.ForeignKey(
        "core.ClosureReason",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("closure reason"),
    )
    last_contact_on = models.DateField(_("last contact"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-opened_on", "-id"]
        indexes = [
            models.Index(fields=["case_manager", "phase"], name="case_manager_phase"),
            models.Index(fields=["organisation", "phase"], name="case_org_phase"),
        ]

    def __str__(self) -> str:
        return _("Case %(number)s") % {"number": self.number}

    @property
    def number(self) -> str:
        return f"{self.opened_on:%Y}-{self.pk:06d}"

    @property
    def is_open(self) -> bool:
        return self.phase != Phase.CLOSED


class PhaseTransition(models.Model):
    """One step of the cycle: who moved the case, when, and why."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="transitions")
    from_phase = models.CharField(max_length=20, choices=PhaseChoices.choices, blank=True)
    to_phase = models.CharField(max_length=20, choices=PhaseChoices.choices)
    at = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=300, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.from_phase or '-'} -> {self.to_phase}"
