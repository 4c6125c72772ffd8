"""Case pages. Views parse input, call one action from actions.py, and render."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from lotse.cases import actions
from lotse.cases.forms import OpenCaseForm
from lotse.cases.models import Case
from lotse.cases.permissions import access_case, cases_visible_to
from lotse.cases.rules import OPEN_PHASES
from lotse.cases.texts import reason_texts
from lotse.core.extensions import case_sections
from lotse.core.views_helpers import require_perm
from lotse.people.permissions import access_client


def refused(request, error: actions.Refused) -> None:
    for text in reason_texts(error.reasons):
        messages.error(request, text)


@require_perm("cases.view_case_list")
def case_detail(request, pk: int):
    case = access_case(request, pk)
    transitions = case.transitions.select_related("by")
    return render(
        request,
        "cases/case_detail.html",
        {"case": case, "transitions": transitions, "sections": case_sections(request, case)},
    )


@require_perm("cases.view_case_list")
def open_case(request, client_pk: int):
    """Open a new case for a client the user may see, in the user's organisation."""
    client = access_client(request, client_pk, log=request.method == "GET")
    open_elsewhere = (
        Case.objects.filter(
            client=client,
            organisation_id=request.user.organisation_id,
            phase__in=[p.value for p in OPEN_PHASES],
        )
        .only("pk", "opened_on")
        .first()
    )
    form = OpenCaseForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        case = actions.do_open_case(
            acting_user=request.user,
            client=client,
            opened_on=form.cleaned_data["opened_on"],
            location=form.cleaned_data["location"],
            request=request,
        )
        messages.success(request, _("The case %(number)s was opened.") % {"number": case.number})
        return redirect("cases:detail", case.pk)
    return render(
        request,
        "cases/open_case.html",
        {
            "client": client,
            "form": form,
            "open_case": open_elsewhere,
            "open_case_visible": open_elsewhere is not None
            and cases_visible_to(request.user).filter(pk=open_elsewhere.pk).exists(),
        },
    )
