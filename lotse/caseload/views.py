from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from lotse.accounts.models import Location, Role, User
from lotse.caseload import queries
from lotse.caseload.rules import total
from lotse.cases.models import Case
from lotse.cases.permissions import cases_visible_to
from lotse.core.views_helpers import require_perm


@require_perm("caseload.view_caseload")
def overview(request: HttpRequest) -> HttpResponse:
    """Team leads: their organisation, per case manager and per location.
    Coordinators: every location of the municipality, numbers only."""
    user = request.user
    context: dict = {}
    if user.role == Role.TEAM_LEAD:
        cases = cases_visible_to(user)
        locations = Location.objects.filter(organisation_id=user.organisation_id)
        staff = User.objects.filter(organisation_id=user.organisation_id)
        context["case_managers"] = queries.get_case_manager_loads(cases, staff)
        context["scope"] = user.organisation.name
    else:
        municipality_id = user.organisation.municipality_id
        cases = Case.objects.filter(municipality_id=municipality_id)
        locations = Location.objects.filter(organisation__municipality_id=municipality_id)
        context["scope"] = user.organisation.municipality.name
        context["by_organisation"] = True
    rows = queries.get_location_loads(cases, locations)
    context["locations"] = rows
    context["total"] = total(rows, _("Total"))
    return render(request, "caseload/overview.html", context)
