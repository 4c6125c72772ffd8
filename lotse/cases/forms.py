"""Forms of the case pages. They parse and validate input; actions.py makes the change."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lotse.accounts.models import Location, Organisation, Role, User
from lotse.cases.models import GoalStatusChoices, NeedLevelChoices
from lotse.core.models import ClosureReason, FieldOfAction

CASE_WORKER_ROLES = (Role.CASE_MANAGER, Role.TEAM_LEAD)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def case_workers(organisation_id: int):
    return User.objects.filter(
        organisation_id=organisation_id, role__in=CASE_WORKER_ROLES, is_active=True
    ).order_by("last_name", "first_name")


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return f"{obj} ({obj.get_role_display()})"


class VersionForm(forms.Form):
    """Carries the version of the record the user saw (optimistic locking)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


def not_in_future(value: dt.date | None) -> None:
    if value and value > timezone.localdate():
        raise forms.ValidationError(_("This date lies in the future."))


class OpenCaseForm(forms.Form):
    opened_on = forms.DateField(
        label=_("Opened on"), widget=DateInput(), validators=[not_in_future]
    )
    location = forms.ModelChoiceField(
        label=_("Location"), queryset=Location.objects.none(), required=False
    )

    def __init__(self, *args, user: User, **kwargs):
        kwargs.setdefault(
            "initial", {"opened_on": timezone.localdate(), "location": user.location_id}
        )
        super().__init__(*args, **kwargs)
        self.fields["location"].queryset = Location.objects.filter(
            organisation_id=user.organisation_id
        )


class TransitionForm(VersionForm):
    closure_reason = forms.ModelChoiceField(
        label=_("Reason for the closure"), queryset=ClosureReason.objects.none(), required=False
    )
    reason = forms.CharField(
        label=_("Note"),
        max_length=250,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, case, target: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.target = target
        if target == "closed":
            self.fields["closure_reason"].queryset = ClosureReason.objects.filter(
                municipality_id=case.municipality_id, active=True
            )
            self.fields["closure_reason"].required = True
            self.fields["closure_reason"].error_messages["required"] = _(
                "Please choose a reason for the closure."
            )
        else:
            del self.fields["closure_reason"]
            if case.phase == "closed":
                self.fields["reason"].label = _("Reason for reopening")
                self.fields["reason"].required = True
                self.fields["reason"].error_messages["required"] = _(
                    "Please give a reason for reopening the case."
                )


NEED_CHOICES = [("", _("– not assessed –")), *NeedLevelChoices.choices]


class AssessmentEntryForm(forms.Form):
    need_level = forms.ChoiceField(label=_("Need"), choices=NEED_CHOICES, required=False)
    situation = forms.CharField(
        label=_("Situation"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    resources = forms.CharField(
        label=_("Resources"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 1})
    )

    def clean(self):
        data = super().clean()
        texts = any(data.get(k) for k in ("situation", "resources", "notes"))
        if texts and not data.get("need_level"):
            raise forms.ValidationError(_("Please choose the need level for this field."))
        return data


class AssessmentForm(forms.Form):
    assessed_on = forms.DateField(
        label=_("Assessed on"), widget=DateInput(), validators=[not_in_future]
    )
    summary = forms.CharField(
        label=_("Summary"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, fields: list[FieldOfAction], previous: dict[int, dict], **kwargs):
        kwargs.setdefault("initial", {"assessed_on": timezone.localdate()})
        super().__init__(*args, **kwargs)
        data = args[0] if args else kwargs.get("data")
        self.entry_forms = [
            (
                field,
                AssessmentEntryForm(data, prefix=f"f{field.pk}", initial=previous.get(field.pk)),
            )
            for field in fields
        ]

    def is_valid(self) -> bool:
        valid = super().is_valid()
        checked = [form.is_valid() for _f, form in self.entry_forms]  # every form shows its errors
        valid = all(checked) and valid
        if valid and not self.entries():
            self.add_error(None, _("Please assess at least one field of action."))
            return False
        return valid

    def entries(self) -> list[dict]:
        return [
            {"field": field, **form.cleaned_data}
            for field, form in self.entry_forms
            if form.cleaned_data.get("need_level")
        ]


LANGUAGE_CHOICES = settings.LANGUAGES


class GoalAgreementForm(forms.Form):
    agreed_on = forms.DateField(
        label=_("Agreed on"), widget=DateInput(), validators=[not_in_future]
    )
    review_on = forms.DateField(label=_("Review on"), widget=DateInput(), required=False)
    language = forms.ChoiceField(
        label=_("Client's language for the printout"), choices=LANGUAGE_CHOICES
    )

    def clean(self):
        data = super().clean()
        if (
            data.get("review_on")
            and data.get("agreed_on")
            and data["review_on"] < data["agreed_on"]
        ):
            self.add_error("review_on", _("The review cannot be before the agreement."))
        return data


class GoalForm(forms.Form):
    field = forms.ModelChoiceField(
        label=_("Field of action"), queryset=FieldOfAction.objects.none()
    )
    description = forms.CharField(
        label=_("Goal"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )
    target_date = forms.DateField(label=_("Target date"), widget=DateInput(), required=False)
    client_does = forms.CharField(
        label=_("The client does"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    case_manager_does = forms.CharField(
        label=_("The case manager does"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    partner = forms.ModelChoiceField(
        label=_("Partner organisation"), queryset=Organisation.objects.none(), required=False
    )
    partner_does = forms.CharField(
        label=_("The partner organisation does"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["field"].queryset = FieldOfAction.objects.filter(
            municipality_id=case.municipality_id, active=True
        )
        self.fields["partner"].queryset = Organisation.objects.filter(
            municipality_id=case.municipality_id
        ).exclude(pk=case.organisation_id)

    def clean(self):
        data = super().clean()
        if data.get("partner_does") and not data.get("partner"):
            self.add_error("partner", _("Please name the partner organisation."))
        return data


class BaseGoalFormSet(forms.BaseFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        if not [f for f in self.forms if f.has_changed() and f.cleaned_data]:
            raise forms.ValidationError(_("Please enter at least one goal."))

    def goals(self) -> list[dict]:
        return [f.cleaned_data for f in self.forms if f.has_changed() and f.cleaned_data]


GoalFormSet = forms.formset_factory(GoalForm, formset=BaseGoalFormSet, extra=3, max_num=20)


class GoalReviewForm(VersionForm):
    status = forms.ChoiceField(label=_("Status"), choices=GoalStatusChoices.choices)
    attainment = forms.CharField(
        label=_("Attainment at review"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    reviewed_on = forms.DateField(
        label=_("Reviewed on"), widget=DateInput(), validators=[not_in_future]
    )


DECISIONS = [("approve", _("Approve")), ("reject", _("Reject"))]


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=DECISIONS, widget=forms.RadioSelect)
    note = forms.CharField(label=_("Comment"), max_length=300, required=False)


class TransferDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("accept", _("Accept")), ("reject", _("Reject"))],
        widget=forms.RadioSelect,
    )
    new_case_manager = UserChoiceField(
        label=_("New case manager"), queryset=User.objects.none(), required=False
    )
    note = forms.CharField(label=_("Comment"), max_length=300, required=False)

    def __init__(self, *args, organisation_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_case_manager"].queryset = case_workers(organisation_id)

    def clean(self):
        data = super().clean()
        if data.get("decision") == "accept" and not data.get("new_case_manager"):
            self.add_error("new_case_manager", _("Please choose who will manage the case."))
        return data


class HandoverForm(VersionForm):
    to_user = UserChoiceField(label=_("New case manager"), queryset=User.objects.none())

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_user"].queryset = case_workers(case.organisation_id).exclude(
            pk=case.case_manager_id
        )


class TransferForm(forms.Form):
    to_organisation = forms.ModelChoiceField(
        label=_("Receiving organisation"), queryset=Organisation.objects.none()
    )
    note = forms.CharField(
        label=_("Note for the receiving organisation"), max_length=300, required=False
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_organisation"].queryset = Organisation.objects.filter(
            municipality_id=case.municipality_id
        ).exclude(pk=case.organisation_id)


class CaseEditForm(VersionForm):
    location = forms.ModelChoiceField(
        label=_("Location"), queryset=Location.objects.none(), required=False
    )
    shared_with = forms.ModelMultipleChoiceField(
        label=_("Shared with"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Colleagues of your organisation who work on this case too."),
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["location"].queryset = Location.objects.filter(
            organisation_id=case.organisation_id
        )
        self.fields["shared_with"].queryset = case_workers(case.organisation_id).exclude(
            pk=case.case_manager_id
        )
