from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from lotse.audit.actions import do_log_access
from lotse.cases import queries
from lotse.cases.models import Case, PhaseChoices
from lotse.core.extensions import worklist_items
from lotse.core.memo import memoised

OPEN_CASES_SHOWN = 25
#: The start page shows the most urgent to-dos; the to-do page shows them all.
WORKLIST_SHOWN = 25


@login_required
def start(request):
    """The start page: a worklist for case workers, aggregates for coordinators."""
    # The lists share what they read of the user's cases (lotse.core.memo).
    with memoised():
        user = request.user
        context: dict = {"today": timezone.localdate()}
        # One more than shown, to know whether there are more (the link to the to-do page).
        items = worklist_items(user, context["today"], limit=WORKLIST_SHOWN + 1)
        context.update(
            worklist_items=items[:WORKLIST_SHOWN], more_items=len(items) > WORKLIST_SHOWN
        )
        if user.has_perm("cases.view_case_list"):
            municipality = user.organisation.municipality
            cutoff = context["today"] - dt.timedelta(weeks=municipality.no_contact_weeks)
            # Longest without contact first, counting from the opening where there was none:
            # one list, in which the cases past the municipality's limit are flagged.
            open_cases = queries.get_longest_without_contact(user, cutoff, OPEN_CASES_SHOWN)
            counts = queries.get_open_phase_counts(user)
            context.update(
                worklist=True,
                open_cases=open_cases,
                open_count=sum(counts.values()),
                no_contact_weeks=municipality.no_contact_weeks,
                phase_counts=[
                    (label, counts.get(value, 0))
                    for value, label in PhaseChoices.choices
                    if value != PhaseChoices.CLOSED
                ],
            )
            _log_worklist_viewed(request)
        elif user.has_perm("core.view_aggregates"):
            scope = Case.objects.filter(municipality_id=user.organisation.municipality_id)
            counts = queries.get_phase_counts(scope)
            context.update(
                aggregates=True,
                phase_counts=[
                    (label, queries.suppress_small(counts.get(value, 0)))
                    for value, label in PhaseChoices.choices
                ],
            )
    return render(request, "core/start.html", context)


@login_required
def todo(request):
    """All of the user's to-dos, in the start page's order (each app's own maximum)."""
    today = timezone.localdate()
    items = worklist_items(request.user, today)
    if request.user.has_perm("cases.view_case_list"):  # names clients, like the start page
        _log_worklist_viewed(request)
    return render(request, "core/todo.html", {"today": today, "worklist_items": items})


def _log_worklist_viewed(request) -> None:
    do_log_access(
        acting_user=request.user,
        action="cases.worklist.viewed",
        object_type="worklist",
        object_id=str(request.user.pk),
        request=request,
    )


def healthz(request):
    """For load balancers and monitoring: the database answers."""
    from django.db import connection
    from django.http import HttpResponse

    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")
