"""Who may see a consent: whoever may see the client's record (people.permissions)."""

from __future__ import annotations

from django.http import Http404, HttpRequest

from lotse.audit.actions import do_log_access
from lotse.consents.models import Consent
from lotse.people.permissions import access_client


def access_consent(request: HttpRequest, pk: int, *, log: bool = True) -> Consent:
    """The consent `pk` if the user may see its client (the read is logged), else 404."""
    client_id = Consent.objects.filter(pk=pk).values_list("client_id", flat=True).first()
    if client_id is None:
        raise Http404
    client = access_client(request, client_id, log=False)
    consent = Consent.objects.select_related("recipient", "case", "recorded_by").get(pk=pk)
    consent.client = client
    if log:
        do_log_access(
            acting_user=request.user, action="consents.consent.viewed", obj=consent, request=request
        )
    return consent
