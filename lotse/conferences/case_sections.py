"""The case page block: the case's conferences and what the partners added."""

from __future__ import annotations

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from lotse.conferences.models import Invitation
from lotse.core.extensions import CaseSection


def section(request, case) -> CaseSection | None:
    # The case page has checked that the user may see the case; the conferences
    # belong to it. Three queries at most, whatever their number.
    conferences = list(
        case.conferences.prefetch_related(
            Prefetch("invitations", queryset=Invitation.objects.select_related("organisation")),
            "notes",
        )
    )
    today = timezone.localdate()
    return CaseSection(
        title=_("Case conferences"),
        template="conferences/case_section.html",
        context={
            "conferences": [(c, c.runs_on(today)) for c in conferences],
            "can_invite": case.is_open,
        },
        order=80,
    )
