"""The tenant (a municipality) and the lists each municipality configures for itself.

Fields of action, districts, closure reasons, target groups, document types and
vulnerability markers differ between the 53 KIM municipalities, so they are data,
seeded with sensible defaults and editable by the municipality's administrator.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def translated(labels: dict[str, str], fallback: str = "") -> str:
    """The label in the active language, else German, else English, else any."""
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    for code in (language, settings.LANGUAGE_CODE, "en"):
        if labels.get(code):
            return labels[code]
    return next((text for text in labels.values() if text), fallback)


class Municipality(models.Model):
    """A Kreis or kreisfreie Stadt: the tenant. Nothing is shared across tenants."""

    class Kind(models.TextChoices):
        KREIS = "kreis", _("District (Kreis)")
        CITY = "city", _("City (kreisfreie Stadt)")
        TOWN = "town", _("Town (kreisangehörige Stadt)")

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("short name in addresses"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    no_contact_weeks = models.PositiveSmallIntegerField(
        _("weeks without contact before a case is flagged"), default=6
    )
    expiry_lead_days = models.PositiveSmallIntegerField(
        _("days before a residence title or passport expires to create a follow-up"),
        default=90,
    )
    approval_required = models.BooleanField(
        _("goal agreements and closures need a team lead's approval"), default=False
    )

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ConfigItem(models.Model):
    """One entry of a municipality's configurable list, with labels per language."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE)
    code = models.SlugField(_("code"), max_length=60)
    labels = models.JSONField(_("labels per language"), default=dict)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    active = models.BooleanField(_("in use"), default=True)

    class Meta:
        abstract = True
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return translated(self.labels, self.code)


def _unique_code(name: str) -> list[models.UniqueConstraint]:
    return [models.UniqueConstraint(fields=["municipality", "code"], name=f"{name}_unique_code")]


class FieldOfAction(ConfigItem):
    """Handlungsfeld: an integration-relevant field (language, work, housing ...)."""

    class Meta(ConfigItem.Meta):
        verbose_name = _("field of action")
        verbose_name_plural = _("fields of action")
        constraints = _unique_code("fieldofaction")


class District(ConfigItem):
    """Stadtteil, or a town of a Kreis."""

    class Meta(ConfigItem.Meta):
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        constraints = _unique_code("district")


class ClosureReason(ConfigItem):
    class Meta(ConfigItem.Meta):
        verbose_name = _("closure reason")
        verbose_name_plural = _("closure reasons")
        constraints = _unique_code("closurereason")


class TargetGroup(ConfigItem):
    """Target groups differ by municipality (DOMAIN.md): configured, not hard-coded."""

    class Meta(ConfigItem.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
        constraints = _unique_code("targetgroup")


class DocumentType(ConfigItem):
    class Meta(ConfigItem.Meta):
        verbose_name = _("document type")
        verbose_name_plural = _("document types")
        constraints = _unique_code("documenttype")


class VulnerabilityMarker(ConfigItem):
    class Meta(ConfigItem.Meta):
        verbose_name = _("vulnerability marker")
        verbose_name_plural = _("vulnerability markers")
        constraints = _unique_code("vulnerabilitymarker")


CONFIG_LISTS: dict[str, type[ConfigItem]] = {
    "fields-of-action": FieldOfAction,
    "districts": District,
    "closure-reasons": ClosureReason,
    "target-groups": TargetGroup,
    "document-types": DocumentType,
    "vulnerability-markers": VulnerabilityMarker,
}
