from __future__ import annotations

from collections.abc import Iterable

from django import forms
from django.utils.translation import gettext_lazy as _

from lotse.accounts.models import Organisation
from lotse.barriers.models import DESCRIPTION_MAX
from lotse.barriers.rules import personal_data_hints
from lotse.core.models import FieldOfAction

HINT_LABELS = {
    "name": _("the client's name"),
    "date": _("a date"),
    "email": _("an e-mail address"),
    "phone": _("a phone number"),
    "file_number": _("a case number"),
}

MONTH_FORMAT = "%Y-%m"


class BarrierReportForm(forms.Form):
    """A structural barrier seen in a case, described without personal data."""

    field_of_action = forms.ModelChoiceField(
        label=_("Field of action"),
        queryset=FieldOfAction.objects.none(),
        empty_label=_("Please choose"),
    )
    affected_organisation = forms.ModelChoiceField(
        label=_("Affected organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("No particular organisation"),
        help_text=_("Optional: the authority or service where the barrier arises."),
    )
    description = forms.CharField(
        label=_("Description of the barrier"),
        max_length=DESCRIPTION_MAX,
        min_length=10,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Describe the structure, not the person: no names, dates of birth, addresses, "
            "phone numbers or case numbers. Example: “Appointments at the immigration "
            "authority take six months.”"
        ),
    )

    def __init__(self, *args, municipality_id: int, client_names: Iterable[str] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.client_names = [name for name in client_names if name]
        self.fields["field_of_action"].queryset = FieldOfAction.objects.filter(
            municipality_id=municipality_id, active=True
        )
        self.fields["affected_organisation"].queryset = Organisation.objects.filter(
            municipality_id=municipality_id
        )

    def clean_description(self) -> str:
        text = self.cleaned_data["description"].strip()
        hints = personal_data_hints(text, self.client_names)
        if hints:
            found = ", ".join(str(HINT_LABELS[hint]) for hint in hints)
            raise forms.ValidationError(
                _(
                    "The description seems to contain personal data (%(found)s). Please "
                    "describe the barrier without anything that identifies a person."
                )
                % {"found": found}
            )
        return text


class BarrierFilterForm(forms.Form):
    """Filters for the list of barrier reports (GET)."""

    field_of_action = forms.ModelChoiceField(
        label=_("Field of action"),
        queryset=FieldOfAction.objects.none(),
        required=False,
        empty_label=_("All"),
    )
    affected_organisation = forms.ModelChoiceField(
        label=_("Affected organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("All"),
    )
    reporting_organisation = forms.ModelChoiceField(
        label=_("Reported by"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("All"),
    )
    month_from = forms.DateField(
        label=_("From month"),
        required=False,
        input_formats=[MONTH_FORMAT],
        widget=forms.DateInput(attrs={"type": "month"}, format=MONTH_FORMAT),
    )
    month_to = forms.DateField(
        label=_("To month"),
        required=False,
        input_formats=[MONTH_FORMAT],
        widget=forms.DateInput(attrs={"type": "month"}, format=MONTH_FORMAT),
    )
    q = forms.CharField(label=_("Text contains"), required=False, max_length=100)

    def __init__(self, *args, municipality_id: int, all_reporters: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["field_of_action"].queryset = FieldOfAction.objects.filter(
            municipality_id=municipality_id
        )
        organisations = Organisation.objects.filter(municipality_id=municipality_id)
        self.fields["affected_organisation"].queryset = organisations
        if all_reporters:
            self.fields["reporting_organisation"].queryset = organisations
        else:
            del self.fields["reporting_organisation"]

    def clean(self):
        data = super().clean()
        start, end = data.get("month_from"), data.get("month_to")
        if start and end and start > end:
            self.add_error("month_to", _("The end month lies before the start month."))
        return data
