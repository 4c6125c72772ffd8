from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from . import workflow
from .models import Application, Status


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class ApplicationForm(forms.ModelForm):
    class Meta:
        model = Application
        fields = [
            "number",
            "applicant_name",
            "birth_date",
            "nationality",
            "address",
            "language",
            "received_on",
            "campaign",
            "client",
        ]
        widgets = {"birth_date": DateInput(), "received_on": DateInput()}

    def __init__(self, *args, organisation, campaigns, clients, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.today = today
        self.fields["campaign"].queryset = campaigns
        self.fields["campaign"].required = False
        _client_field(self.fields["client"], clients, required=False)

    def clean_number(self):
        number = self.cleaned_data["number"].strip()
        if Application.objects.filter(organisation=self.organisation, number=number).exists():
            raise forms.ValidationError(_("This file number is already in use."))
        return number

    def clean_received_on(self):
        day = self.cleaned_data["received_on"]
        if day > self.today:
            raise forms.ValidationError(_("The date lies in the future."))
        return day


def _client_field(field, clients, *, required: bool) -> None:
    field.queryset = clients
    field.required = required
    field.label = _("Client record") if required else _("Client record (optional)")
    field.help_text = _(
        "Only client records whose data may reach this authority: a consent in force to the "
        "exchange of information with it."
    )
    field.label_from_instance = _client_label


def _client_label(client) -> str:
    born = client.date_of_birth_display
    return f"{client} ({born})" if born else str(client)


class ClientLinkForm(forms.Form):
    client = forms.ModelChoiceField(queryset=None)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, clients, **kwargs):
        super().__init__(*args, **kwargs)
        _client_field(self.fields["client"], clients, required=True)


class TransitionForm(forms.Form):
    target = forms.ChoiceField(label=_("Next step"))
    on = forms.DateField(label=_("Date"), widget=DateInput())
    note = forms.CharField(label=_("Note"), max_length=300, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, status: str, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(Status.choices)
        self.fields["target"].choices = [(s, labels[s]) for s in workflow.allowed_next(status)]


class SettingsForm(forms.Form):
    checklist = forms.CharField(
        label=_("Documents checklist (one per line)"), widget=forms.Textarea(attrs={"rows": 8})
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(Status.choices)
        for status in workflow.DEFAULT_REMINDER_DAYS:
            self.fields[f"days_{status}"] = forms.IntegerField(
                label=_("Reminder after days in step: %(step)s") % {"step": labels[status]},
                min_value=1,
                max_value=730,
            )

    def clean_checklist(self):
        items = [line.strip() for line in self.cleaned_data["checklist"].splitlines()]
        items = list(dict.fromkeys(i[:100] for i in items if i))
        if not items:
            raise forms.ValidationError(_("Name at least one document."))
        return items


class CampaignForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    partners = forms.CharField(label=_("Partners"), max_length=300, required=False)
    started_on = forms.DateField(label=_("Starts on"), widget=DateInput())


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Register list (CSV or XLSX)"))


class SlotForm(forms.Form):
    starts_at = forms.DateTimeField(
        label=_("Starts at"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    place = forms.CharField(label=_("Place"), max_length=200, initial="Rathaus")
