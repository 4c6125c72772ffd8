"""The case's referrals with their status, and the form to propose one."""

from __future__ import annotations

from django.utils.translation import gettext as _

from lotse.core.extensions import CaseSection
from lotse.referrals.forms import ReferralForm
from lotse.referrals.models import Referral


def section(request, case) -> CaseSection | None:
    if not request.user.has_perm("cases.view_case", case):
        return None
    referrals = Referral.objects.filter(case=case).select_related("organisation", "offer")
    return CaseSection(
        title=_("Referrals"),
        template="referrals/case_section.html",
        context={"referrals": list(referrals[:100]), "referral_form": ReferralForm(case=case)},
        order=50,
    )
