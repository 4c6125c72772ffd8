"""The access log: who read, created, changed, exported or deleted which client record.

Append-only: the model refuses updates and deletes, and on PostgreSQL a trigger
refuses them in the database too (migration 0002), so even a faulty view or a
console session cannot rewrite history.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(Exception):
    pass


class AccessLogEntry(models.Model):
    class Verb(models.TextChoices):
        READ = "read", _("read")
        CREATE = "create", _("create")
        CHANGE = "change", _("change")
        EXPORT = "export", _("export")
        DELETE = "delete", _("delete")

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("who"),
    )
    # Kept as text too, so the entry still names the person after an account is deleted.
    user_label = models.CharField(_("user"), max_length=200)
    organisation_label = models.CharField(_("organisation"), max_length=200, blank=True)
    municipality = models.ForeignKey(
        "core.Municipality", on_delete=models.PROTECT, null=True, related_name="+"
    )
    action = models.CharField(_("action"), max_length=80, db_index=True)
    verb = models.CharField(_("kind"), max_length=10, choices=Verb.choices)
    object_type = models.CharField(_("record type"), max_length=60)
    object_id = models.CharField(_("record"), max_length=60, db_index=True)
    detail = models.CharField(_("detail"), max_length=300, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)

    class Meta:
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log entries")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["municipality", "-at"], name="accesslog_tenant_at")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.user_label} {self.action} {self.object_id}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            raise AppendOnlyError("access log entries cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("access log entries cannot be deleted")
