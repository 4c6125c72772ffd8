"""Organisations (Träger), their locations, and the people who log in.

A user belongs to exactly one organisation, which belongs to one municipality.
What a user may see follows from the role and the organisation (permissions.py).
"""

from __future__ import annotations

from decimal import Decimal

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

from lotse.core.models import District, Municipality


class Organisation(models.Model):
    class Kind(models.TextChoices):
        MUNICIPAL = "municipal", _("Municipal service")
        INTEGRATION_CENTRE = "integration_centre", _("Municipal integration centre (KI)")
        IMMIGRATION_AUTHORITY = "immigration_authority", _("Immigration authority")
        JOBCENTER = "jobcenter", _("Jobcenter")
        EMPLOYMENT_AGENCY = "employment_agency", _("Employment agency")
        WELFARE = "welfare", _("Welfare organisation")
        MSO = "mso", _("Migrant self-organisation")
        CLUB = "club", _("Club (sports, culture)")
        RELIGIOUS = "religious", _("Religious community")
        SCHOOL = "school", _("School or education provider")
        COUNSELLING = "counselling", _("Counselling service")
        COMPANY = "company", _("Company")

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="organisations"
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="organisation_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Location(models.Model):
    """A place where an organisation counsels, with the case-management FTE there."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="locations"
    )
    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(_("address"), max_length=300, blank=True)
    district = models.ForeignKey(
        District, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("district")
    )
    fte = models.DecimalField(
        _("case management FTE"), max_digits=5, decimal_places=2, default=Decimal("0")
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("location")
        verbose_name_plural = _("locations")
        ordering = ["organisation__name", "name"]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    CASE_MANAGER = "case_manager", _("Case manager")
    TEAM_LEAD = "team_lead", _("Team lead")
    COORDINATOR = "coordinator", _("Coordinator")
    AUTHORITY_STAFF = "authority_staff", _("Authority staff")
    PARTNER_STAFF = "partner_staff", _("Partner organisation staff")
    ADMINISTRATOR = "administrator", _("Administrator")


# Roles that see personal client data: TOTP is mandatory for them.
CLIENT_DATA_ROLES = frozenset(
    {Role.CASE_MANAGER, Role.TEAM_LEAD, Role.AUTHORITY_STAFF, Role.PARTNER_STAFF}
)


class User(AbstractUser):
    """A member of staff. Logs in with the e-mail address."""

    email = models.EmailField(_("e-mail address"), unique=True)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
        verbose_name=_("organisation"),
    )
    location = models.ForeignKey(
        Location,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="staff",
        verbose_name=_("location"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, blank=True)
    is_administrator = models.BooleanField(
        _("administers the municipality"),
        default=False,
        help_text=_("Manages configuration and users; sees client data only through a role."),
    )
    languages = models.CharField(
        _("languages spoken"), max_length=200, blank=True, help_text=_("ISO codes, e.g. de, ar")
    )

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["last_name", "first_name"]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    @property
    def municipality_id(self) -> int | None:
        return self.organisation.municipality_id if self.organisation_id else None

    @property
    def sees_client_data(self) -> bool:
        return self.role in CLIENT_DATA_ROLES

    @property
    def needs_mfa(self) -> bool:
        """TOTP for whoever sees client data, and for administrators, who grant access."""
        return self.sees_client_data or self.administers

    @property
    def administers(self) -> bool:
        return self.is_administrator or self.role == Role.ADMINISTRATOR
