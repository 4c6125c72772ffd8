"""The contact log of a case: every conversation, call, visit or accompaniment."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    PHONE = "phone", _("Phone")
    VIDEO = "video", _("Video")
    HOME_VISIT = "home_visit", _("Home visit")
    ACCOMPANIMENT = "accompaniment", _("Accompaniment")


class Contact(models.Model):
    """One contact with the client of a case. Recording it moves Case.last_contact_on."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="contacts")
    date = models.DateField(_("date"))
    start_time = models.TimeField(
        _("time"), null=True, blank=True, help_text=_("Needed when an interpreter is booked.")
    )
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"), validators=[MinValueValidator(1), MaxValueValidator(24 * 60)]
    )
    location = models.CharField(_("location"), max_length=200, blank=True)
    interpreter = models.ForeignKey(
        "appointments.Interpreter",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contacts",
        verbose_name=_("interpreter from the pool"),
    )
    interpreter_other = models.CharField(
        _("other interpreter"),
        max_length=200,
        blank=True,
        help_text=_("Name or description, if not from the pool (e.g. a relative)."),
    )
    note = models.TextField(_("short note"), max_length=2000, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["-date", "-start_time", "-pk"]
        indexes = [
            models.Index(fields=["case", "-date"], name="contact_case_date"),
            models.Index(fields=["interpreter", "date"], name="contact_interpreter_date"),
        ]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.get_channel_display()}"

    @property
    def interpreter_label(self) -> str:
        if self.interpreter_id:
            return str(self.interpreter)
        return self.interpreter_other

    def interval(self) -> tuple[dt.datetime, dt.datetime] | None:
        """When the contact took place, as aware datetimes, if its time is known."""
        if self.start_time is None:
            return None
        start = timezone.make_aware(dt.datetime.combine(self.date, self.start_time))
        return start, start + dt.timedelta(minutes=self.duration_minutes)
