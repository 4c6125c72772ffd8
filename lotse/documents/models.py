"""Documents uploaded to a case, kept outside the web root under MEDIA_ROOT.

The stored file gets a random name (no client data in file names on disk) and
is served only by a view that checks access to the case.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def stored_name(instance: Document, filename: str) -> str:
    return f"documents/{timezone.now():%Y/%m}/{secrets.token_hex(16)}"


class Document(models.Model):
    municipality = models.ForeignKey(
        "core.Municipality", on_delete=models.PROTECT, related_name="documents"
    )
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="documents")
    document_type = models.ForeignKey(
        "core.DocumentType", on_delete=models.PROTECT, verbose_name=_("document type")
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(upload_to=stored_name, max_length=200)
    original_name = models.CharField(max_length=200, blank=True)
    content_type = models.CharField(max_length=100)
    extension = models.CharField(max_length=8)
    size = models.PositiveBigIntegerField()
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-uploaded_at", "-id"]
        indexes = [models.Index(fields=["case", "uploaded_at"], name="document_case")]

    def __str__(self) -> str:
        return self.title

    @property
    def download_name(self) -> str:
        from django.core.exceptions import SuspiciousFileOperation
        from django.utils.text import get_valid_filename

        try:
            base = get_valid_filename(self.title)[:80]
        except SuspiciousFileOperation:
            base = "dokument"
        return f"{base}{self.extension}"
