from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from lotse.accounts.models import Location, Organisation, User


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
