"""The client's consents on the case page, with links to print and to withdraw."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from lotse.consents.models import Consent
from lotse.core.extensions import CaseSection


def section(request, case) -> CaseSection | None:
    if not request.user.has_perm("cases.view_case", case):
        return None
    today = timezone.localdate()
    consents = list(
        Consent.objects.filter(client_id=case.client_id).select_related("recipient")[:100]
    )
    rows = [(consent, consent.state_on(today)) for consent in consents]
    return CaseSection(
        title=_("Consents"),
        template="consents/case_section.html",
        context={"consent_rows": rows},
        order=40,
    )
