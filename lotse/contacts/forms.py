from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lotse.appointments.forms import DateInput, TimeInput
from lotse.contacts.models import Contact


class ContactForm(forms.ModelForm):
    class Meta:
        model = Contact
        fields = [
            "date",
            "start_time",
            "channel",
            "duration_minutes",
            "location",
            "interpreter",
            "interpreter_other",
            "note",
        ]
        widgets = {
            "date": DateInput(),
            "start_time": TimeInput(),
            "note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, interpreters, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["interpreter"].queryset = interpreters
        self.fields["interpreter"].empty_label = _("– none from the pool –")
        if not self.is_bound:
            self.fields["date"].initial = timezone.localdate()
            self.fields["duration_minutes"].initial = 60

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date > timezone.localdate():
            raise forms.ValidationError(
                _("A contact cannot lie in the future. Plan it as an appointment instead.")
            )
        return date

    def clean(self):
        data = super().clean()
        if data.get("interpreter") and not data.get("start_time"):
            self.add_error("start_time", _("Enter the time to book an interpreter from the pool."))
        if data.get("interpreter") and (data.get("interpreter_other") or "").strip():
            self.add_error(
                "interpreter_other",
                _("Choose an interpreter from the pool or describe another one, not both."),
            )
        return data
