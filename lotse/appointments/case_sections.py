"""Follow-ups and appointments on the case page.

The form for a new follow-up is fetched when the user opens it (htmx GET of
``appointments:followup-add``), as the other sections' forms are: most views of a case
page only read.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from lotse.appointments.forms import FollowUpForm
from lotse.appointments.queries import get_open_follow_ups, get_upcoming_appointments
from lotse.cases.models import Case
from lotse.core.extensions import CaseSection


def section_context(case: Case, form: FollowUpForm | None = None) -> dict[str, Any]:
    """The section's context; with `form` (the add view's, bound or not) the form is shown,
    else it is fetched when the user opens it (partials/form_loading.html)."""
    if form is not None:
        form.auto_id = "followup_%s"
    return {
        "follow_ups": get_open_follow_ups(case),
        "appointments": get_upcoming_appointments(case, timezone.now()),
        "follow_up_form": form,
        "today": timezone.localdate(),
    }


def section(request: HttpRequest, case: Case) -> CaseSection | None:
    if not request.user.has_perm("cases.view_case", case):
        return None
    return CaseSection(
        title=_("Follow-ups and appointments"),
        template="appointments/case_section.html",
        context=section_context(case),
        order=30,
    )
