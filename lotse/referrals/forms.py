from __future__ import annotations

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lotse.accounts.models import Organisation
from lotse.directory.models import Offer

STEP_MESSAGES = {
    "needs_consent": _(
        "Not possible: no consent of the client is in force that lets their data go to "
        "%(organisation)s for a referral. Record the client's consent first."
    ),
    "not_a_next_status": _("This step is not possible in the referral's current status."),
    "not_your_step": _("This step is taken by the other side."),
    "decline_needs_reason": _("Please give a reason for declining."),
    "report_needs_note": _("Please write a short report back."),
}
CONFLICT_MESSAGE = _(
    "Someone else changed this referral in the meantime. Please check its current status "
    "and try again."
)


def offers_of(case, organisation_id) -> forms.models.QuerySet:
    return Offer.objects.filter(
        municipality_id=case.municipality_id, organisation_id=organisation_id
    ).only("id", "title")


class ReferralForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none()
    )
    offer = forms.ModelChoiceField(
        label=_("Offer"),
        queryset=Offer.objects.none(),
        required=False,
        empty_label=_("– no particular offer –"),
        help_text=_("The offers of the chosen organisation in the directory."),
    )
    purpose = forms.CharField(
        label=_("Purpose of the referral"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What the organisation should do for the client. Shown to the partner."),
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        self.fields["organisation"].queryset = Organisation.objects.filter(
            municipality_id=case.municipality_id
        ).exclude(pk=case.organisation_id)
        self.fields["organisation"].widget.attrs.update(
            {
                "hx-get": reverse("referrals:offers", args=[case.pk]),
                "hx-target": "#id_offer",
                "hx-trigger": "change",
            }
        )
        organisation_id = self.data.get("organisation") if self.is_bound else None
        if organisation_id and str(organisation_id).isdigit():
            self.fields["offer"].queryset = offers_of(case, int(organisation_id))

    def clean(self):
        data = super().clean()
        offer, organisation = data.get("offer"), data.get("organisation")
        if offer and organisation and offer.organisation_id != organisation.pk:
            self.add_error("offer", _("This offer belongs to another organisation."))
        return data


class AnswerForm(forms.Form):
    DECISIONS = [("accepted", _("Accept")), ("declined", _("Decline")), ("done", _("Report back"))]
    decision = forms.ChoiceField(choices=DECISIONS)
    text = forms.CharField(max_length=2000, required=False)
    version = forms.IntegerField()
