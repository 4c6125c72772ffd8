from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from lotse.accounts.models import Location, Organisation
from lotse.core.models import District, FieldOfAction, TargetGroup
from lotse.directory.models import ContactPerson, Offer, parse_language_codes
from lotse.directory.spreadsheet import LANGUAGE_CODE

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class OfferForm(forms.ModelForm):
    """An offer; translations of title and description as one pair of fields per language."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Offer
        fields = [
            "organisation",
            "title",
            "description",
            "text_language",
            "fields_of_action",
            "target_groups",
            "districts",
            "languages",
            "location",
            "address",
            "schedule",
            "cost",
            "accessibility",
            "registration_required",
            "contact_name",
            "contact_email",
            "contact_phone",
            "contact_person",
            "published",
            "valid_from",
            "valid_until",
            "last_confirmed_on",
            "external_key",
        ]
        widgets = {
            "fields_of_action": forms.CheckboxSelectMultiple,
            "target_groups": forms.CheckboxSelectMultiple,
            "districts": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 4}),
            "schedule": forms.Textarea(attrs={"rows": 2}),
            "valid_from": DATE,
            "valid_until": DATE,
            "last_confirmed_on": DATE,
        }

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        f = self.fields
        f["organisation"].queryset = Organisation.objects.filter(municipality=municipality)
        f["location"].queryset = Location.objects.filter(
            organisation__municipality=municipality
        ).select_related("organisation")
        f["contact_person"].queryset = ContactPerson.objects.filter(
            organisation__municipality=municipality
        ).select_related("organisation")
        f["fields_of_action"].queryset = FieldOfAction.objects.filter(
            municipality=municipality, active=True
        )
        f["target_groups"].queryset = TargetGroup.objects.filter(
            municipality=municipality, active=True
        )
        f["districts"].queryset = District.objects.filter(municipality=municipality, active=True)
        f["external_key"].required = False
        translations = self.instance.translations or {}
        for code, name in settings.LANGUAGES:
            f[f"title_{code}"] = forms.CharField(
                label=_("Title in %(language)s") % {"language": name},
                max_length=200,
                required=False,
                initial=translations.get(code, {}).get("title", ""),
            )
            f[f"description_{code}"] = forms.CharField(
                label=_("Description in %(language)s") % {"language": name},
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=translations.get(code, {}).get("description", ""),
            )
        if self.instance.pk:
            f["version"].initial = self.instance.version

    def translation_fields(self):
        return [self[name] for name in self.fields if name.startswith(("title_", "description_"))]

    def main_fields(self):
        return [
            self[name]
            for name in self.fields
            if not name.startswith(("title_", "description_")) and name != "version"
        ]

    def clean_languages(self) -> str:
        codes = parse_language_codes(self.cleaned_data["languages"])
        bad = [c for c in codes if not LANGUAGE_CODE.match(c)]
        if bad:
            raise ValidationError(
                _("Use ISO language codes such as de, ar or uk; not: %(codes)s"),
                params={"codes": ", ".join(bad)},
            )
        return ",".join(codes)

    def clean_external_key(self) -> str:
        key = self.cleaned_data["external_key"].strip() or self.instance.external_key
        clash = Offer.objects.filter(municipality=self.municipality, external_key=key)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise ValidationError(_("Another offer already has this external key."))
        return key

    def clean(self):
        data = super().clean()
        start, end = data.get("valid_from"), data.get("valid_until")
        if start and end and end < start:
            self.add_error("valid_until", _("The end lies before the start."))
        location, organisation = data.get("location"), data.get("organisation")
        if location and organisation and location.organisation_id != organisation.pk:
            self.add_error("location", _("This location belongs to another organisation."))
        return data

    def apply(self) -> tuple[Offer, dict[str, list]]:
        """The offer with the form's values, unsaved, and its lists."""
        offer = self.save(commit=False)
        offer.municipality = self.municipality
        translations = {}
        for code, _name in settings.LANGUAGES:
            text = {
                "title": self.cleaned_data[f"title_{code}"],
                "description": self.cleaned_data[f"description_{code}"],
            }
            if code != offer.text_language and (text["title"] or text["description"]):
                translations[code] = text
        offer.translations = translations
        m2m = {
            name: list(self.cleaned_data[name])
            for name in ("fields_of_action", "target_groups", "districts")
        }
        return offer, m2m


class ContactPersonForm(forms.ModelForm):
    class Meta:
        model = ContactPerson
        fields = ["organisation", "name", "role", "email", "phone"]

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            municipality=municipality
        )
