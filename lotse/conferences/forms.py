from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lotse.accounts.models import Role, User
from lotse.conferences.models import SharedPart
from lotse.conferences.rules import MAX_DAYS, end_date_problem, organisations_without_consent


class InviteeField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return f"{obj} ({obj.organisation})"


class ConferenceForm(forms.Form):
    topic = forms.CharField(label=_("Topic"), max_length=200)
    summary = forms.CharField(
        label=_("Summary for the conference"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=4000,
        help_text=_(
            "Write only what the partners need. They see this text and the parts chosen "
            "below, nothing else of the case."
        ),
    )
    shared_parts = forms.MultipleChoiceField(
        label=_("Parts of the record to share"),
        choices=SharedPart.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    invitees = InviteeField(
        label=_("Invite"),
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Staff of partner organisations. The client must have consented to a "
            "case conference with each organisation."
        ),
        error_messages={"required": _("Invite at least one person.")},
    )
    invited_until = forms.DateField(
        label=_("Invitation runs until"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, case, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.case = case
        today = timezone.localdate()
        self.fields["invited_until"].initial = today + dt.timedelta(days=14)
        self.fields["invitees"].queryset = (
            User.objects.filter(
                is_active=True,
                role=Role.PARTNER_STAFF,
                organisation__municipality_id=case.municipality_id,
            )
            .exclude(organisation_id=case.organisation_id)
            .select_related("organisation")
            .order_by("organisation__name", "last_name", "first_name")
        )

    def clean_invited_until(self) -> dt.date:
        until = self.cleaned_data["invited_until"]
        problem = end_date_problem(until, timezone.localdate())
        if problem == "past":
            raise forms.ValidationError(_("The end date lies in the past."))
        if problem == "too_long":
            raise forms.ValidationError(
                _("An invitation runs at most %(days)d days.") % {"days": MAX_DAYS}
            )
        return until

    def clean_invitees(self):
        invitees = self.cleaned_data["invitees"]
        missing = organisations_without_consent(
            self.case.client_id, {u.organisation_id for u in invitees}, timezone.localdate()
        )
        if missing:
            names = sorted({str(u.organisation) for u in invitees if u.organisation_id in missing})
            raise forms.ValidationError(
                _(
                    "The client has not consented to a case conference with: %(names)s. "
                    "Record the consent first."
                )
                % {"names": ", ".join(names)}
            )
        return invitees


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Your note"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000
    )
