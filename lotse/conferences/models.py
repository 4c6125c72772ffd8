"""Case conferences (Fallkonferenz): partners of other organisations look at one case.

The case manager writes a summary for the conference and picks a few parts of
the record to share (never the whole case). Each invited organisation needs the
client's consent for a case conference with it; the invitation runs until a
date. Whatever the partners add is stored as theirs (author and organisation).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SharedPart(models.TextChoices):
    """The parts of the record a case manager may put before a conference."""

    NAME = "name", _("Name of the client")
    LANGUAGES = "languages", _("Languages and interpreter need")
    BIRTH_YEAR = "birth_year", _("Year of birth")
    DISTRICT = "district", _("District")
    RESIDENCE = "residence", _("Residence status")
    PHASE = "phase", _("Phase of the case")


class CaseConference(models.Model):
    municipality = models.ForeignKey(
        "core.Municipality", on_delete=models.PROTECT, related_name="+"
    )
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="conferences")
    topic = models.CharField(_("topic"), max_length=200)
    summary = models.TextField(
        _("summary for the conference"),
        help_text=_("Only this text and the parts chosen below are shown to the partners."),
    )
    shared_parts = models.JSONField(_("parts of the record shared"), default=list, blank=True)
    invited_until = models.DateField(_("invitation runs until"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("case conference")
        verbose_name_plural = _("case conferences")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.topic

    def runs_on(self, day) -> bool:
        return self.ended_at is None and day <= self.invited_until


class Invitation(models.Model):
    """One partner staff member invited, for their organisation at the time."""

    conference = models.ForeignKey(
        CaseConference, on_delete=models.CASCADE, related_name="invitations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="conference_invitations"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["conference", "user"], name="invitation_unique")
        ]
        indexes = [models.Index(fields=["user", "conference"], name="invitation_user")]

    def __str__(self) -> str:
        return f"{self.user} ({self.organisation})"


class Note(models.Model):
    """What a participant adds, marked as theirs."""

    conference = models.ForeignKey(CaseConference, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    author_label = models.CharField(max_length=200)
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    organisation_label = models.CharField(max_length=200)
    text = models.TextField(_("note"), max_length=4000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("conference note")
        verbose_name_plural = _("conference notes")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.author_label} ({self.organisation_label})"
