from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from lotse.core.models import ConfigItem
from lotse.core.tables import MAX_BYTES


class PlainModelChoiceIterator(forms.models.ModelChoiceIterator):
    """Choices read with one plain SELECT.

    Django's iterator reads them with ``QuerySet.iterator()``, which on PostgreSQL opens
    a server-side cursor (DECLARE, FETCH, CLOSE: three round trips) for every select on
    a page. Lotse's choice lists are configuration (fields of action, organisations,
    interpreters): short lists, for which a cursor is only overhead. Installed for all
    model choice fields in ``CoreConfig.ready``.
    """

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset:
            yield self.choice(obj)


class ConfigItemForm(forms.Form):
    """Edits one entry of a configurable list: a stable code and labels per language."""

    code = forms.SlugField(
        label=_("Code"), max_length=60, help_text=_("Letters, digits and hyphens; used in exports.")
    )
    label_de = forms.CharField(label=_("Label (German)"), max_length=200)
    label_en = forms.CharField(label=_("Label (English)"), max_length=200, required=False)
    position = forms.IntegerField(label=_("Position"), min_value=0, max_value=999, initial=0)
    active = forms.BooleanField(label=_("In use"), required=False, initial=True)

    def __init__(self, *args, model: type[ConfigItem], municipality, instance=None, **kwargs):
        self.model, self.municipality, self.instance = model, municipality, instance
        if instance is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "code": instance.code,
                "label_de": instance.labels.get("de", ""),
                "label_en": instance.labels.get("en", ""),
                "position": instance.position,
                "active": instance.active,
            }
        super().__init__(*args, **kwargs)

    def clean_code(self) -> str:
        code = self.cleaned_data["code"]
        clash = self.model.objects.filter(municipality=self.municipality, code=code)
        if self.instance is not None:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(_("This code is already used in this list."))
        return code

    def save(self) -> ConfigItem:
        item = self.instance or self.model(municipality=self.municipality)
        data = self.cleaned_data
        labels = dict(item.labels or {})
        labels["de"] = data["label_de"]
        if data["label_en"]:
            labels["en"] = data["label_en"]
        else:
            labels.pop("en", None)
        item.code, item.labels = data["code"], labels
        item.position, item.active = data["position"], data["active"]
        item.save()
        return item


class TableFileForm(forms.Form):
    """The upload of an import: one XLSX or CSV file of at most 5 MB."""

    file = forms.FileField(
        label=_("File (XLSX or CSV)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        if not upload.name.lower().endswith((".xlsx", ".csv")):
            raise forms.ValidationError(_("Please upload an XLSX or CSV file."))
        return upload
