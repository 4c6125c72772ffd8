"""The case's referrals with their status, and the form to propose one."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from lotse.core.extensions import CaseSection
from lotse.core.prepared import Markers, children_of, prepared
from lotse.referrals.models import Referral, StatusChoices
from lotse.referrals.permissions import covering_consents


@prepared
def _referrals_of_case(p: Markers):
    return Referral.objects.filter(case_id=p.int("case")).select_related("organisation", "offer")[
        :100
    ]


def section(request, case) -> CaseSection | None:
    if not request.user.has_perm("cases.view_case", case):
        return None
    referrals = children_of(case, _referrals_of_case(case=case.pk), "case")
    proposed = [r for r in referrals if r.status == StatusChoices.PROPOSED]
    covered = covering_consents(proposed, timezone.localdate())
    for referral in proposed:
        referral.needs_consent = referral.pk not in covered
    return CaseSection(
        title=_("Referrals"),
        template="referrals/case_section.html",
        # The form is fetched when opened (partials/form_on_demand.html).
        context={"referrals": referrals, "form_open": not referrals},
        order=50,
    )
