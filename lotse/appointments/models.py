"""Interpreters, follow-ups (Wiedervorlagen) and appointments.

An interpreter (language mediator) belongs to one municipality's pool and can be
booked for an appointment or a contact, never twice at the same time. A follow-up
is a dated reminder on one case. An appointment has one or several participant
cases (an information session for many clients is one appointment).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


def split_languages(text: str) -> list[str]:
    """'ar, ku fa' -> ['ar', 'ku', 'fa']: ISO codes, lower case, in order, once each."""
    seen: list[str] = []
    for part in text.replace(";", ",").replace("/", ",").replace(",", " ").split():
        code = part.strip().lower()
        if code and code not in seen:
            seen.append(code)
    return seen


class Interpreter(models.Model):
    """A member of the municipality's pool of interpreters and language mediators."""

    municipality = models.ForeignKey(
        "core.Municipality", on_delete=models.PROTECT, related_name="interpreters"
    )
    name = models.CharField(_("name"), max_length=150)
    languages = models.CharField(
        _("languages"), max_length=200, help_text=_("ISO codes, e.g. ar, fa, uk")
    )
    availability = models.CharField(
        _("availability"),
        max_length=300,
        blank=True,
        help_text=_("For example: Mondays and Thursdays mornings, not in school holidays."),
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    active = models.BooleanField(_("available for bookings"), default=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("interpreter")
        verbose_name_plural = _("interpreters")
        ordering = ["name", "pk"]
        indexes = [models.Index(fields=["municipality", "name"], name="interpreter_tenant_name")]

    def __str__(self) -> str:
        return self.name

    @property
    def language_codes(self) -> list[str]:
        return split_languages(self.languages)


class FollowUpQuerySet(models.QuerySet["FollowUp"]):
    def open(self) -> FollowUpQuerySet:
        return self.filter(done_at__isnull=True)


class FollowUp(models.Model):
    """A Wiedervorlage: something to do on a case by a date."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="follow_ups")
    due_on = models.DateField(_("due on"))
    what = models.CharField(_("what"), max_length=300)
    source = models.CharField(
        _("created by"),
        max_length=40,
        blank=True,
        help_text=_("Empty when entered by hand; a code when another part of Lotse created it."),
    )
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    objects = FollowUpQuerySet.as_manager()

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["due_on", "pk"]
        indexes = [
            models.Index(
                fields=["case", "due_on"],
                name="followup_open_case_due",
                condition=Q(done_at__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return self.what

    @property
    def is_done(self) -> bool:
        return self.done_at is not None


class Appointment(models.Model):
    """A meeting at a time and place, with one or several cases taking part."""

    municipality = models.ForeignKey(
        "core.Municipality", on_delete=models.PROTECT, related_name="appointments"
    )
    title = models.CharField(
        _("title"),
        max_length=200,
        help_text=_("Shown in exported calendars: better without the client's name."),
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    location = models.ForeignKey(
        "accounts.Location",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="appointments",
        verbose_name=_("location"),
    )
    place = models.CharField(
        _("other place"), max_length=200, blank=True, help_text=_("If not at one of our locations.")
    )
    interpreter = models.ForeignKey(
        Interpreter,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="appointments",
        verbose_name=_("interpreter"),
    )
    cases = models.ManyToManyField(
        "cases.Case", related_name="appointments", verbose_name=_("participants (cases)")
    )
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="organised_appointments",
        verbose_name=_("organiser"),
    )
    note = models.TextField(_("note"), max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("appointment")
        verbose_name_plural = _("appointments")
        ordering = ["starts_at", "pk"]
        indexes = [
            models.Index(fields=["municipality", "starts_at"], name="appointment_tenant_start"),
            models.Index(fields=["organiser", "starts_at"], name="appointment_organiser_start"),
            models.Index(fields=["interpreter", "starts_at"], name="appointment_interp_start"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="appointment_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def where(self) -> str:
        if self.location_id:
            address = self.location.address
            return f"{self.location.name}, {address}" if address else self.location.name
        return self.place
