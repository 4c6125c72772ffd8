from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from lotse.accounts.models import Role
from lotse.barriers.actions import do_create_barrier_report
from lotse.barriers.forms import BarrierFilterForm, BarrierReportForm
from lotse.barriers.permissions import barrier_reports_visible_to
from lotse.barriers.queries import get_filtered_reports
from lotse.cases.models import Case
from lotse.cases.permissions import access_case
from lotse.core.views_helpers import paginate, require_perm


def report_form(request: HttpRequest, case: Case, data=None) -> BarrierReportForm:
    """The form, bound to the case's municipality; the client's names feed the privacy check."""
    client = case.client
    return BarrierReportForm(
        data,
        municipality_id=case.municipality_id,
        client_names=[client.family_name, client.given_names, client.name_original_script],
    )


@require_perm("barriers.report_barrier")
def report(request: HttpRequest, case_pk: int) -> HttpResponse:
    """Report a barrier seen in a case the user may see. The report does not keep the case."""
    case = access_case(request, case_pk, log=False)
    form = report_form(request, case, request.POST or None)
    if request.method == "POST" and form.is_valid():
        do_create_barrier_report(
            acting_user=request.user,
            field_of_action=form.cleaned_data["field_of_action"],
            affected_organisation=form.cleaned_data["affected_organisation"],
            description=form.cleaned_data["description"],
        )
        messages.success(
            request,
            _("Thank you. The barrier was passed on to the coordination without client data."),
        )
        return redirect("cases:detail", pk=case.pk)
    return render(request, "barriers/report_form.html", {"form": form, "case": case})


@require_perm("barriers.view_barrier_list")
def report_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = BarrierFilterForm(
        request.GET or None,
        municipality_id=user.organisation.municipality_id,
        all_reporters=user.role == Role.COORDINATOR,
    )
    scope = barrier_reports_visible_to(user)
    if form.is_bound and not form.is_valid():
        reports = scope.none()
    else:
        reports = get_filtered_reports(scope, form.cleaned_data if form.is_bound else {})
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "barriers/report_list.html",
        {
            "form": form,
            "page_obj": paginate(request, reports),
            "total": scope.count(),
            "query_prefix": f"{params.urlencode()}&" if params else "",
        },
    )
