from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lotse.accounts.models import Location
from lotse.appointments.models import Appointment, FollowUp, Interpreter, split_languages
from lotse.cases.models import Case


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


class VersionedForm(forms.ModelForm):
    """Carries the version the user loaded, so a later save can detect a conflict."""

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["loaded_version"].initial = self.instance.version

    @property
    def expected_version(self) -> int:
        return self.cleaned_data.get("loaded_version") or self.instance.version


class InterpreterForm(VersionedForm):
    class Meta:
        model = Interpreter
        fields = ["name", "languages", "availability", "phone", "email", "active"]

    def clean_languages(self) -> str:
        codes = split_languages(self.cleaned_data["languages"])
        if not codes or any(not code.isalpha() or not 2 <= len(code) <= 3 for code in codes):
            raise forms.ValidationError(
                _("Enter language codes of two or three letters, separated by commas (ar, fa).")
            )
        return ", ".join(codes)


class FollowUpForm(forms.ModelForm):
    class Meta:
        model = FollowUp
        fields = ["due_on", "what"]
        widgets = {"due_on": DateInput()}


class CaseChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Case) -> str:
        return f"{obj.number} · {obj.client}"


class AppointmentForm(VersionedForm):
    day = forms.DateField(label=_("date"), widget=DateInput())
    start = forms.TimeField(label=_("from"), widget=TimeInput())
    end = forms.TimeField(label=_("until"), widget=TimeInput())
    participants = CaseChoiceField(
        queryset=Case.objects.none(),
        label=_("participants (cases)"),
        help_text=_("One case, or several for a group appointment such as an information session."),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )

    class Meta:
        model = Appointment
        fields = ["title", "location", "place", "interpreter", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}

    field_order = ["title", "day", "start", "end", "location", "place", "interpreter"]

    def __init__(self, *args, cases, interpreters, municipality_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = cases
        self.fields["interpreter"].queryset = interpreters
        self.fields["interpreter"].empty_label = _("– none from the pool –")
        self.fields["location"].queryset = Location.objects.filter(
            organisation__municipality_id=municipality_id
        ).select_related("organisation")
        self.fields["location"].empty_label = _("– another place –")
        if self.instance.pk:
            starts = timezone.localtime(self.instance.starts_at)
            ends = timezone.localtime(self.instance.ends_at)
            self.fields["day"].initial = starts.date()
            self.fields["start"].initial = starts.time()
            self.fields["end"].initial = ends.time()

    def clean(self):
        data = super().clean()
        day, start, end = data.get("day"), data.get("start"), data.get("end")
        if day and start and end:
            if end <= start:
                self.add_error("end", _("The appointment must end after it starts."))
            else:
                data["starts_at"] = timezone.make_aware(dt.datetime.combine(day, start))
                data["ends_at"] = timezone.make_aware(dt.datetime.combine(day, end))
        if not data.get("location") and not (data.get("place") or "").strip():
            self.add_error("place", _("Choose one of the locations or enter another place."))
        return data

    def apply(self) -> Appointment:
        """The instance with the form's values (not saved)."""
        appointment = self.save(commit=False)
        appointment.starts_at = self.cleaned_data["starts_at"]
        appointment.ends_at = self.cleaned_data["ends_at"]
        return appointment
