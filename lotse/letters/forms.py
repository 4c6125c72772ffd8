from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lotse.cases.models import Case
from lotse.letters.rules import letter_language
from lotse.letters.texts import LANGUAGES


class LetterForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language of the letter"),
        choices=list(LANGUAGES.items()),
        help_text=_("German is printed beside any other language."),
    )

    def __init__(self, *args, case: Case, **kwargs):
        kwargs.setdefault("prefix", self.kind)
        super().__init__(*args, **kwargs)
        self.case = case
        self.fields["language"].initial = letter_language(case.client.preferred_language)

    kind = ""
    title = ""

    def details(self) -> dict:
        return {name: value for name, value in self.cleaned_data.items() if name != "language"}


class InvitationForm(LetterForm):
    kind = "invitation"
    title = _("Appointment invitation")

    date = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    time = forms.TimeField(label=_("Time"), widget=forms.TimeInput(attrs={"type": "time"}))
    place = forms.CharField(label=_("Place"), max_length=200)

    field_order = ["date", "time", "place", "language"]

    def __init__(self, *args, case: Case, **kwargs):
        super().__init__(*args, case=case, **kwargs)
        if case.location is not None:
            location = case.location
            self.fields["place"].initial = ", ".join(
                part for part in (location.name, location.address) if part
            )

    def clean_date(self) -> dt.date:
        date = self.cleaned_data["date"]
        if date < timezone.localdate():
            raise forms.ValidationError(_("The appointment date lies in the past."))
        return date


class ConfirmationForm(LetterForm):
    kind = "confirmation"
    title = _("Confirmation of counselling")

    date = forms.DateField(
        label=_("Date of counselling"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    field_order = ["date", "language"]

    def __init__(self, *args, case: Case, **kwargs):
        super().__init__(*args, case=case, **kwargs)
        self.fields["date"].initial = timezone.localdate()

    def clean_date(self) -> dt.date:
        date = self.cleaned_data["date"]
        if date > timezone.localdate():
            raise forms.ValidationError(_("The counselling cannot lie in the future."))
        if date < self.case.opened_on:
            raise forms.ValidationError(_("The case was opened only after this date."))
        return date


LETTER_FORMS: dict[str, type[LetterForm]] = {
    InvitationForm.kind: InvitationForm,
    ConfirmationForm.kind: ConfirmationForm,
}
