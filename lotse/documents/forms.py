from __future__ import annotations

from pathlib import PurePath

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from lotse.core.models import DocumentType
from lotse.documents.sniff import sniff

DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024


def max_upload_bytes() -> int:
    return int(getattr(settings, "LOTSE_MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD_BYTES))


class UploadForm(forms.Form):
    document_type = forms.ModelChoiceField(
        label=_("Document type"), queryset=DocumentType.objects.none()
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_("If left empty, the file name is used."),
    )
    file = forms.FileField(label=_("File"))

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document_type"].queryset = DocumentType.objects.filter(
            municipality_id=case.municipality_id, active=True
        )
        self.fields["file"].help_text = _("PDF, PNG, JPEG, DOCX or ODT, at most %(size)s.") % {
            "size": filesizeformat(max_upload_bytes())
        }
        self.fields["file"].widget.attrs["accept"] = ".pdf,.png,.jpg,.jpeg,.docx,.odt"

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = max_upload_bytes()
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is too large (%(size)s); at most %(limit)s are allowed."),
                params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            )
        kind = sniff(upload)
        if kind is None:
            raise forms.ValidationError(
                _(
                    "This file cannot be stored: its content is not a PDF, PNG, JPEG, "
                    "DOCX or ODT document, whatever its name says."
                )
            )
        self.kind = kind
        return upload

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload and not data.get("title"):
            data["title"] = PurePath(upload.name).stem[:200] or str(_("Document"))
        return data
