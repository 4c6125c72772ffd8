"""The naturalisation procedure and naturalisation campaigns of an immigration authority."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from . import workflow

DEFAULT_CHECKLIST = [
    "Antragsformular",
    "Pass oder Passersatz",
    "Geburtsurkunde",
    "Aufenthaltstitel",
    "Sprachzertifikat B1",
    "Einbürgerungstest",
    "Einkommensnachweise (6 Monate)",
    "Meldebescheinigung",
]


class Status(models.TextChoices):
    RECEIVED = workflow.RECEIVED, _("Received")
    COMPLETE = workflow.COMPLETE, _("Complete")
    CHECKS_REQUESTED = workflow.CHECKS_REQUESTED, _("Security checks requested")
    CHECKS_RETURNED = workflow.CHECKS_RETURNED, _("Checks returned")
    DECIDED = workflow.DECIDED, _("Decided")
    CERTIFICATE_HANDED_OVER = workflow.CERTIFICATE_HANDED_OVER, _("Certificate handed over")
    WITHDRAWN = workflow.WITHDRAWN, _("Withdrawn")
    REJECTED = workflow.REJECTED, _("Rejected")


class AuthoritySettings(models.Model):
    """Per immigration authority: the documents checklist and the reminder days per step."""

    organisation = models.OneToOneField(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="naturalisation_settings"
    )
    checklist = models.JSONField(_("documents checklist"), default=list)
    reminder_days = models.JSONField(_("reminder days per step"), default=dict)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("naturalisation settings")
        verbose_name_plural = _("naturalisation settings")

    def __str__(self) -> str:
        return str(self.organisation)

    @classmethod
    def for_organisation(cls, organisation) -> AuthoritySettings:
        found, _created = cls.objects.get_or_create(
            organisation=organisation,
            defaults={
                "checklist": list(DEFAULT_CHECKLIST),
                "reminder_days": dict(workflow.DEFAULT_REMINDER_DAYS),
            },
        )
        return found

    def limits(self) -> dict[str, int]:
        return {**workflow.DEFAULT_REMINDER_DAYS, **(self.reminder_days or {})}


class Campaign(models.Model):
    """A naturalisation campaign; the imported register rows live only while it runs."""

    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="naturalisation_campaigns"
    )
    name = models.CharField(_("name"), max_length=200)
    partners = models.CharField(_("partners"), max_length=300, blank=True)
    started_on = models.DateField(_("started on"))
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    register_file = models.CharField(_("imported file"), max_length=200, blank=True)
    # Aggregates, kept after the register rows are deleted.
    rows_imported = models.PositiveIntegerField(default=0)
    eligible_now = models.PositiveIntegerField(default=0)
    eligible_soon = models.PositiveIntegerField(default=0)
    not_eligible = models.PositiveIntegerField(default=0)
    invited = models.PositiveIntegerField(default=0)
    appointments = models.PositiveIntegerField(default=0)
    applications = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("naturalisation campaign")
        verbose_name_plural = _("naturalisation campaigns")
        ordering = ["-started_on", "-id"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_running(self) -> bool:
        return self.ended_on is None

    @property
    def conversion(self) -> float | None:
        """Applications filed per person invited (or imported, before letters go out)."""
        base = self.invited or self.rows_imported
        return self.applications / base if base else None


class RegisterEntry(models.Model):
    """One resident from the authority's register, pre-screened. Deleted when the campaign ends."""

    class Category(models.TextChoices):
        NOW = "now", _("eligible now")
        SOON = "soon", _("eligible soon")
        NOT = "not", _("not eligible")

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="entries")
    row_number = models.PositiveIntegerField()
    name = models.CharField(_("name"), max_length=200)
    birth_date = models.DateField(_("date of birth"))
    nationality = models.CharField(_("nationality"), max_length=20)
    entry_date = models.DateField(_("entry into Germany"))
    residence_title = models.CharField(_("residence title"), max_length=40)
    residence_purpose = models.CharField(_("purpose"), max_length=40, blank=True)
    address = models.CharField(_("address"), max_length=300)
    language = models.CharField(_("likely language"), max_length=8)
    category = models.CharField(max_length=4, choices=Category.choices)
    check_name = models.CharField(max_length=12)
    eligible_from = models.DateField(null=True, blank=True)
    reason_de = models.CharField(max_length=400, blank=True)
    reason_en = models.CharField(max_length=400, blank=True)
    invited_on = models.DateField(null=True, blank=True)
    appointment_booked_on = models.DateField(_("appointment booked"), null=True, blank=True)
    application_filed_on = models.DateField(_("application filed"), null=True, blank=True)

    class Meta:
        verbose_name = _("register entry")
        verbose_name_plural = _("register entries")
        ordering = ["row_number"]
        indexes = [models.Index(fields=["campaign", "category"], name="register_campaign_cat")]

    def __str__(self) -> str:
        return self.name


class ConsultationSlot(models.Model):
    """A bookable consultation hour of a campaign (e.g. in the town hall)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="slots")
    starts_at = models.DateTimeField(_("starts at"))
    place = models.CharField(_("place"), max_length=200)
    booked_by = models.OneToOneField(
        RegisterEntry,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="slot",
        verbose_name=_("booked for"),
    )

    class Meta:
        verbose_name = _("consultation slot")
        verbose_name_plural = _("consultation slots")
        ordering = ["starts_at"]

    def __str__(self) -> str:
        return f"{self.starts_at:%Y-%m-%d %H:%M} {self.place}"


class Application(models.Model):
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="naturalisation_files"
    )
    number = models.CharField(_("file number"), max_length=30)
    applicant_name = models.CharField(_("applicant"), max_length=200)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    nationality = models.CharField(_("nationality"), max_length=20, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    language = models.CharField(
        _("language for letters"), max_length=8, default="de", choices=settings.LANGUAGES
    )
    client = models.ForeignKey(
        "people.Client",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="naturalisation_applications",
        verbose_name=_("client record"),
    )
    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="applications_filed",
        verbose_name=_("campaign"),
    )
    received_on = models.DateField(_("received on"))
    status = models.CharField(
        _("step"), max_length=30, choices=Status.choices, default=Status.RECEIVED
    )
    status_since = models.DateField(_("in this step since"))
    finished_on = models.DateField(null=True, blank=True)
    documents = models.JSONField(_("documents received"), default=dict)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("naturalisation application")
        verbose_name_plural = _("naturalisation applications")
        ordering = ["received_on", "id"]
        indexes = [
            models.Index(fields=["organisation", "status", "status_since"], name="natur_app_step"),
            models.Index(fields=["organisation", "finished_on"], name="natur_app_finished"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "number"], name="natur_app_number")
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.applicant_name}"

    def missing_documents(self, checklist: list[str]) -> list[str]:
        return [item for item in checklist if not (self.documents or {}).get(item)]


class StatusChange(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="steps")
    from_status = models.CharField(max_length=30, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=30, choices=Status.choices)
    on = models.DateField(_("date"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["on", "id"]

    def __str__(self) -> str:
        return f"{self.application_id}: {self.to_status} {self.on}"


class RegisterDeletion(models.Model):
    """The logged record that a campaign's register rows were deleted."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="deletions")
    rows_deleted = models.PositiveIntegerField()
    deleted_at = models.DateTimeField(auto_now_add=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    def __str__(self) -> str:
        return f"{self.campaign_id}: {self.rows_deleted}"
