"""A case: one client accompanied through the KIM cycle by one case manager."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lotse.cases.rules import GoalStatus, NeedLevel, Phase


class PhaseChoices(models.TextChoices):
    INTAKE = Phase.INTAKE.value, _("Access / intake")
    FIRST_CONSULTATION = Phase.FIRST_CONSULTATION.value, _("First consultation")
    ASSESSMENT = Phase.ASSESSMENT.value, _("Assessment")
    PLANNING = Phase.PLANNING.value, _("Planning (goal agreement)")
    IMPLEMENTATION = Phase.IMPLEMENTATION.value, _("Implementation and monitoring")
    CLOSED = Phase.CLOSED.value, _("Closed")


def case_number(opened_on, pk: int) -> str:
    """The number a case is known by ("2026-000123"), also for lists read as plain rows."""
    return f"{opened_on:%Y}-{pk:06d}"


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
    closed_from = models.CharField(
        _("closed from phase"),
        max_length=20,
        choices=PhaseChoices.choices,
        blank=True,
        help_text=_("A reopened case returns to this phase."),
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
        return case_number(self.opened_on, self.pk)

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


class NeedLevelChoices(models.TextChoices):
    NONE = NeedLevel.NONE.value, _("no need")
    LOW = NeedLevel.LOW.value, _("low")
    HIGH = NeedLevel.HIGH.value, _("high")
    URGENT = NeedLevel.URGENT.value, _("urgent")


class Assessment(models.Model):
    """Bestandsaufnahme: resources and needs per field of action at one point in time.

    Assessments are never edited: a re-assessment is a new one, so the change
    between them stays visible.
    """

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="assessments")
    assessed_on = models.DateField(_("assessed on"))
    summary = models.TextField(_("summary"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        ordering = ["-assessed_on", "-id"]

    def __str__(self) -> str:
        return _("Assessment of %(date)s") % {"date": self.assessed_on.strftime("%d.%m.%Y")}


class AssessmentEntry(models.Model):
    """One field of action within an assessment."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="entries")
    field = models.ForeignKey(
        "core.FieldOfAction", on_delete=models.PROTECT, verbose_name=_("field of action")
    )
    situation = models.TextField(_("situation"), blank=True)
    resources = models.TextField(_("resources"), blank=True)
    need_level = models.CharField(
        _("need"), max_length=10, choices=NeedLevelChoices.choices, default=NeedLevel.NONE.value
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["field__position", "field__code"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "field"], name="assessment_field_once")
        ]

    def __str__(self) -> str:
        return f"{self.field}: {self.get_need_level_display()}"


class GoalAgreement(models.Model):
    """Zielvereinbarung / Hilfeplan: what the client and the helpers agreed to work on."""

    class Status(models.TextChoices):
        PENDING = "pending", _("awaiting approval")
        AGREED = "agreed", _("agreed")
        REJECTED = "rejected", _("not approved")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="goal_agreements")
    agreed_on = models.DateField(_("agreed on"))
    review_on = models.DateField(_("review on"), null=True, blank=True)
    language = models.CharField(_("client's language for the printout"), max_length=8, default="de")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.AGREED
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("goal agreement")
        verbose_name_plural = _("goal agreements")
        ordering = ["-agreed_on", "-id"]

    def __str__(self) -> str:
        return _("Goal agreement of %(date)s") % {"date": self.agreed_on.strftime("%d.%m.%Y")}


class GoalStatusChoices(models.TextChoices):
    OPEN = GoalStatus.OPEN.value, _("open")
    ACHIEVED = GoalStatus.ACHIEVED.value, _("achieved")
    PARTLY = GoalStatus.PARTLY.value, _("partly achieved")
    NOT_ACHIEVED = GoalStatus.NOT_ACHIEVED.value, _("not achieved")
    DROPPED = GoalStatus.DROPPED.value, _("dropped")


class Goal(models.Model):
    """One goal in a field of action, with who does what by when."""

    agreement = models.ForeignKey(GoalAgreement, on_delete=models.CASCADE, related_name="goals")
    field = models.ForeignKey(
        "core.FieldOfAction", on_delete=models.PROTECT, verbose_name=_("field of action")
    )
    description = models.TextField(_("goal"))
    target_date = models.DateField(_("target date"), null=True, blank=True)
    client_does = models.TextField(_("the client does"), blank=True)
    case_manager_does = models.TextField(_("the case manager does"), blank=True)
    partner = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("partner organisation"),
    )
    partner_does = models.TextField(_("the partner organisation does"), blank=True)
    status = models.CharField(
        _("status"), max_length=15, choices=GoalStatusChoices.choices, default=GoalStatus.OPEN
    )
    attainment = models.TextField(_("attainment at review"), blank=True)
    reviewed_on = models.DateField(_("reviewed on"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["position", "id"]
        indexes = [models.Index(fields=["status", "target_date"], name="goal_status_due")]

    def __str__(self) -> str:
        return self.description[:80]


class Approval(models.Model):
    """A goal agreement or a closure waiting for the team lead (if the municipality wants it)."""

    class Kind(models.TextChoices):
        GOAL_AGREEMENT = "goal_agreement", _("Goal agreement")
        CLOSURE = "closure", _("Closure")

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="approvals")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    goal_agreement = models.ForeignKey(
        GoalAgreement, on_delete=models.CASCADE, null=True, blank=True, related_name="approvals"
    )
    closure_reason = models.ForeignKey(
        "core.ClosureReason",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("closure reason"),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.CharField(_("comment on the decision"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("approval")
        verbose_name_plural = _("approvals")
        ordering = ["requested_at", "id"]
        indexes = [models.Index(fields=["status", "case"], name="approval_status_case")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.get_status_display()}"


class TransferRequest(models.Model):
    """A case offered to another organisation; nothing moves until that side accepts."""

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        ACCEPTED = "accepted", _("accepted")
        REJECTED = "rejected", _("rejected")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="transfer_requests")
    from_organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    to_organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="incoming_transfers",
        verbose_name=_("receiving organisation"),
    )
    note = models.CharField(_("note for the receiving organisation"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.CharField(_("comment on the decision"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("transfer request")
        verbose_name_plural = _("transfer requests")
        ordering = ["requested_at", "id"]
        indexes = [
            models.Index(fields=["to_organisation", "status"], name="transfer_to_status"),
        ]

    def __str__(self) -> str:
        return f"{self.case} -> {self.to_organisation}"
