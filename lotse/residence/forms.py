"""The pre-check form, built from ``precheck.FIELDS`` for one check."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .precheck import PERIOD_ROWS, RESIDENCE_STATUS_CHOICES, fields_for

TRI_STATE = [("", _("unknown")), ("yes", _("yes")), ("no", _("no"))]


class TriStateField(forms.TypedChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            choices=TRI_STATE,
            coerce=lambda v: {"yes": True, "no": False}.get(v),
            empty_value=None,
            required=False,
            **kwargs,
        )


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def _form_field(spec):
    if spec.kind == "date":
        return forms.DateField(label=spec.label, required=False, widget=DateInput())
    if spec.kind == "bool":
        return TriStateField(label=spec.label)
    if spec.kind == "choice":
        return forms.ChoiceField(
            label=spec.label, required=False, choices=[("", _("unknown")), *spec.choices]
        )
    if spec.kind == "number":
        return forms.FloatField(label=spec.label, required=False, min_value=0)
    return forms.CharField(label=spec.label, required=False, max_length=40)


class PrecheckForm(forms.Form):
    as_of = forms.DateField(label=_("Date of the pre-check"), widget=DateInput())
    language = forms.ChoiceField(
        label=_("Client's language for the PDF"), choices=settings.LANGUAGES, initial="de"
    )

    def __init__(self, check: str, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.check = check
        self.fields["as_of"].initial = timezone.localdate()
        for spec in fields_for(check):
            self.fields[spec.name] = _form_field(spec)
            self.fields[spec.name].group = spec.group
        for row in range(1, PERIOD_ROWS + 1):
            self.fields[f"period_{row}_status"] = forms.ChoiceField(
                label=_("Period %(n)s: status") % {"n": row},
                required=False,
                choices=[("", "–"), *RESIDENCE_STATUS_CHOICES],
            )
            self.fields[f"period_{row}_purpose"] = forms.CharField(
                label=_("Period %(n)s: purpose") % {"n": row}, required=False, max_length=20
            )
            self.fields[f"period_{row}_from"] = forms.DateField(
                label=_("Period %(n)s: from") % {"n": row}, required=False, widget=DateInput()
            )
            self.fields[f"period_{row}_to"] = forms.DateField(
                label=_("Period %(n)s: to (empty: ongoing)") % {"n": row},
                required=False,
                widget=DateInput(),
            )
            for suffix in ("status", "purpose", "from", "to"):
                self.fields[f"period_{row}_{suffix}"].group = "periods"
        self.fields["as_of"].group = "person"
        self.fields["language"].group = "person"

    def clean(self):
        data = super().clean()
        for row in range(1, PERIOD_ROWS + 1):
            status, start = data.get(f"period_{row}_status"), data.get(f"period_{row}_from")
            end = data.get(f"period_{row}_to")
            if bool(status) != bool(start):
                self.add_error(
                    f"period_{row}_from", _("A period needs both a status and a start date.")
                )
            if start and end and end < start:
                self.add_error(f"period_{row}_to", _("The end lies before the start."))
        share = data.get("livelihood_share_from_employment")
        if share is not None and share > 1:
            self.add_error("livelihood_share_from_employment", _("Enter a share between 0 and 1."))
        return data

    def groups(self):
        from .precheck import GROUPS

        return [
            (key, label, [self[name] for name, f in self.fields.items() if f.group == key])
            for key, label in GROUPS
        ]


class ConsentForm(forms.Form):
    agreed = forms.BooleanField(
        label=_("The client agreed that the data in the record is used for this pre-check."),
    )
    remark = forms.CharField(
        label=_("Remark (how and when the client agreed)"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
