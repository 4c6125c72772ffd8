"""The client's consents on the case page, with links to print and to withdraw."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from lotse.consents.models import Consent
from lotse.core.extensions import CaseSection
from lotse.core.prepared import Markers, prepared


@prepared
def _consents_of_client(p: Markers):
    return Consent.objects.filter(client_id=p.int("client")).select_related("recipient")[:100]


def section(request, case) -> CaseSection | None:
    if not request.user.has_perm("cases.view_case", case):
        return None
    today = timezone.localdate()
    consents = _consents_of_client(client=case.client_id)
    rows = [(consent, consent.state_on(today)) for consent in consents]
    return CaseSection(
        title=_("Consents"),
        template="consents/case_section.html",
        context={"consent_rows": rows},
        order=40,
    )
