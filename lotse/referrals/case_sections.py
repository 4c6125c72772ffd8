"""The case's referrals with their status, and the form to propose one."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from lotse.core.extensions import CaseSection
from lotse.referrals.models import Referral, StatusChoices
from lotse.referrals.permissions import covering_consents


def section(request, case) -> CaseSection | None:
    if not request.user.has_perm("cases.view_case", case):
        return None
    referrals = list(
        Referral.objects.filter(case=case).select_related("case", "organisation", "offer")[:100]
    )
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
