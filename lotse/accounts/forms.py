from __future__ import annotations

from decimal import Decimal

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from lotse.accounts.models import Location, Organisation, User
from lotse.core.models import District


class UserForm(forms.ModelForm):
    """An administrator creates or changes a staff account of their municipality."""

    class Meta:
        model = User
        fields = [
            "first_name",
            "last_name",
            "email",
            "organisation",
            "location",
            "role",
            "is_administrator",
            "languages",
            "is_active",
        ]

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True
        self.fields["organisation"].required = True
        self.fields["organisation"].queryset = Organisation.objects.filter(
            municipality=municipality
        )
        self.fields["location"].queryset = Location.objects.filter(
            organisation__municipality=municipality
        ).select_related("organisation")
        self.fields["role"].required = True
        if self.instance.pk is None:
            del self.fields["is_active"]

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        clash = User.objects.filter(email__iexact=email).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(_("A user with this e-mail address already exists."))
        return email

    def clean(self):
        data = super().clean()
        location, organisation = data.get("location"), data.get("organisation")
        if location and organisation and location.organisation_id != organisation.pk:
            self.add_error("location", _("This location belongs to another organisation."))
        return data


class OrganisationForm(forms.ModelForm):
    """Name and kind of an organisation of the administrator's municipality."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Organisation
        fields = ["name", "kind"]

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        self.fields["kind"].choices = [("", _("Please choose")), *Organisation.Kind.choices]
        self.fields["version"].initial = self.instance.version

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        clash = Organisation.objects.filter(municipality=self.municipality, name__iexact=name)
        if clash.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("An organisation with this name already exists."))
        return name


class LocationForm(forms.ModelForm):
    """A location of an organisation: address, district and case-management FTE."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Location
        fields = ["name", "address", "district", "fte"]
        help_texts = {"fte": _("Full-time equivalents, e.g. 0.75 for a three-quarter position.")}

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = District.objects.filter(municipality=municipality)
        self.fields["district"].empty_label = _("No district")
        self.fields["fte"].min_value = Decimal("0")
        self.fields["fte"].max_value = Decimal("999")
        self.fields["fte"].validators.extend(
            [MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("999"))]
        )
        self.fields["version"].initial = self.instance.version

    def clean_name(self) -> str:
        return " ".join(self.cleaned_data["name"].split())
