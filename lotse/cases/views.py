from __future__ import annotations

from django.shortcuts import render

from lotse.cases.permissions import access_case
from lotse.core.extensions import case_sections
from lotse.core.views_helpers import require_perm


@require_perm("cases.view_case_list")
def case_detail(request, pk: int):
    case = access_case(request, pk)
    transitions = case.transitions.select_related("by")
    return render(
        request,
        "cases/case_detail.html",
        {"case": case, "transitions": transitions, "sections": case_sections(request, case)},
    )
