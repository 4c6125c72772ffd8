"""The case page block: the case's conferences and what the partners added."""

from __future__ import annotations

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from lotse.conferences.models import CaseConference, Invitation
from lotse.core.extensions import CaseSection
from lotse.core.prepared import Markers, children_of, prepared


@prepared
def _conferences_of_case(p: Markers):
    return CaseConference.objects.filter(case_id=p.int("case")).prefetch_related(
        Prefetch("invitations", queryset=Invitation.objects.select_related("organisation")),
        "notes",
    )


def section(request, case) -> CaseSection | None:
    # The case page has checked that the user may see the case; the conferences
    # belong to it. Three queries at most, whatever their number.
    conferences = children_of(case, _conferences_of_case(case=case.pk), "case")
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
