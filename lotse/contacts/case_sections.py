"""The contact log on the case page: the latest contacts and a quick form.

The form is fetched when the user opens it (htmx GET of ``contacts:add``): most views
of a case page only read, and building the form (interpreter choices) costs a query.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _

from lotse.cases.models import Case
from lotse.contacts.forms import ContactForm
from lotse.contacts.queries import get_latest_contacts
from lotse.core.extensions import CaseSection


def section_context(case: Case, user, form: ContactForm | None = None) -> dict[str, Any]:
    """The section's context; with `form` (the add view's, bound or not) the form is shown."""
    if form is not None:
        form.auto_id = "contact_%s"
    return {"contacts": get_latest_contacts(case), "contact_form": form}


def section(request: HttpRequest, case: Case) -> CaseSection | None:
    if not request.user.has_perm("cases.view_case", case):
        return None
    return CaseSection(
        title=_("Contacts"),
        template="contacts/case_section.html",
        context=section_context(case, request.user),
        order=20,
    )
