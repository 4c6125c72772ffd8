from __future__ import annotations

import datetime as dt

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from lotse.accounts.models import Organisation
from lotse.consents.form_texts import CURRENT_FORM_VERSION, FORM_LANGUAGES, FORM_TEXTS
from lotse.consents.models import Consent
from lotse.consents.rules import check_dates

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

DATE_MESSAGES = {
    "given_in_future": _("A consent cannot be given on a day in the future."),
    "ends_before_given": _("The consent cannot end before the day it was given."),
}


class ConsentForm(forms.ModelForm):
    form_version = forms.ChoiceField(label=_("form version"))
    language = forms.ChoiceField(label=_("language of the form"))

    class Meta:
        model = Consent
        fields = [
            "purpose",
            "recipient",
            "scope",
            "given_on",
            "valid_until",
            "language",
            "form_version",
        ]
        widgets = {
            "given_on": DATE,
            "valid_until": DATE,
            "scope": forms.Textarea(attrs={"rows": 3}),
        }

    field_order = [
        "purpose",
        "recipient",
        "scope",
        "given_on",
        "valid_until",
        "language",
        "form_version",
    ]

    def __init__(self, *args, case, today: dt.date, prefill: dict | None = None, **kwargs):
        """`prefill` (purpose, recipient) comes from a link such as the referral's
        "record the consent"; the form checks those values like any other input."""
        self.case, self.today = case, today
        initial = {
            "given_on": today,
            "form_version": CURRENT_FORM_VERSION,
            "language": case.client.preferred_language or "de",
        }
        for name in ("purpose", "recipient"):
            if prefill and prefill.get(name):
                initial[name] = prefill[name]
        kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        self.fields["recipient"].queryset = Organisation.objects.filter(
            municipality_id=case.municipality_id
        ).exclude(pk=case.organisation_id)
        self.fields["scope"].required = True
        self.fields["form_version"].choices = [(v, v) for v in FORM_TEXTS]
        names = dict(settings.LANGUAGES)
        self.fields["language"].choices = [(code, names[code]) for code in FORM_LANGUAGES]

    def clean(self):
        data = super().clean()
        given_on, valid_until = data.get("given_on"), data.get("valid_until")
        if given_on:
            for reason in check_dates(given_on, valid_until, self.today):
                field = "given_on" if reason == "given_in_future" else "valid_until"
                self.add_error(field, DATE_MESSAGES[reason])
        return data


class WithdrawForm(forms.Form):
    note = forms.CharField(
        label=_("Note on the withdrawal"),
        max_length=300,
        required=False,
        help_text=_("For example: how the client withdrew (orally, in writing)."),
    )
