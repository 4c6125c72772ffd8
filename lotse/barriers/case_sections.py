"""On the case page: a small form to flag a structural barrier seen in this case."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext as _

from lotse.cases.models import Case
from lotse.core.extensions import CaseSection


def section(request: HttpRequest, case: Case) -> CaseSection | None:
    user = request.user
    if not user.has_perm("barriers.report_barrier"):
        return None
    if case.municipality_id != user.organisation.municipality_id:
        return None
    return CaseSection(
        title=_("Structural barrier"),
        template="barriers/case_section.html",
        context={},  # the form is fetched when the user opens it
        order=800,
    )
