"""The client record (Ratsuchende/r).

Only the names are required: everything else is optional because a case may not
need it (data minimisation, Art. 5(1)(c) GDPR). A birth date is often partly
unknown for refugees, so year, month and day are stored separately.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Gender(models.TextChoices):
    FEMALE = "f", _("female")
    MALE = "m", _("male")
    DIVERSE = "x", _("diverse / not stated")


class ResidenceStatus(models.TextChoices):
    TITLE = "title", _("Residence title")
    SETTLEMENT = "settlement", _("Settlement permit")
    TOLERATION = "toleration", _("Toleration (Duldung)")
    PERMISSION_TO_STAY = "gestattung", _("Permission to stay (asylum procedure)")
    EU = "eu", _("EU citizen / freedom of movement")
    GERMAN = "german", _("German citizen")
    UNKNOWN = "unknown", _("Unknown")


class ClientQuerySet(models.QuerySet["Client"]):
    pass


class Client(models.Model):
    municipality = models.ForeignKey(
        "core.Municipality", on_delete=models.PROTECT, related_name="clients"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="clients",
        verbose_name=_("responsible organisation"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    family_name = models.CharField(_("family name"), max_length=150)
    given_names = models.CharField(_("given names"), max_length=150, blank=True)
    name_original_script = models.CharField(
        _("name in original script"), max_length=300, blank=True
    )
    gender = models.CharField(_("gender"), max_length=1, choices=Gender.choices, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    birth_month = models.PositiveSmallIntegerField(_("month of birth"), null=True, blank=True)
    birth_day = models.PositiveSmallIntegerField(_("day of birth"), null=True, blank=True)
    nationalities = models.CharField(
        _("nationalities"), max_length=60, blank=True, help_text=_("ISO codes, e.g. SY, UA")
    )
    languages = models.CharField(_("languages spoken"), max_length=100, blank=True)
    preferred_language = models.CharField(
        _("language for documents"), max_length=8, blank=True, default="de"
    )
    interpreter_needed = models.BooleanField(_("needs an interpreter"), default=False)
    district = models.ForeignKey(
        "core.District",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("district"),
    )
    arrival_date = models.DateField(_("arrival in Germany"), null=True, blank=True)
    residence_status = models.CharField(
        _("residence status"), max_length=12, choices=ResidenceStatus.choices, blank=True
    )
    residence_valid_until = models.DateField(_("residence valid until"), null=True, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    objects = ClientQuerySet.as_manager()

    class Meta:
        verbose_name = _("client")
        verbose_name_plural = _("clients")
        ordering = ["family_name", "given_names"]
        indexes = [
            models.Index(fields=["municipality", "family_name"], name="client_tenant_name"),
        ]

    def __str__(self) -> str:
        return f"{self.family_name}, {self.given_names}" if self.given_names else self.family_name

    @property
    def date_of_birth(self) -> str | None:
        """ISO form of what is known: YYYY-MM-DD, YYYY-MM or YYYY."""
        if not self.birth_year:
            return None
        parts = [f"{self.birth_year:04d}"]
        if self.birth_month:
            parts.append(f"{self.birth_month:02d}")
            if self.birth_day:
                parts.append(f"{self.birth_day:02d}")
        return "-".join(parts)

    @property
    def date_of_birth_display(self) -> str:
        if not self.birth_year:
            return ""
        if self.birth_month and self.birth_day:
            return f"{self.birth_day:02d}.{self.birth_month:02d}.{self.birth_year}"
        if self.birth_month:
            return f"{self.birth_month:02d}.{self.birth_year}"
        return str(self.birth_year)
