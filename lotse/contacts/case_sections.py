"""The contact log on the case page: the latest contacts and a quick form."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _

from lotse.appointments.permissions import interpreters_visible_to
from lotse.cases.models import Case
from lotse.contacts.forms import ContactForm
from lotse.contacts.queries import get_latest_contacts
from lotse.core.extensions import CaseSection


def section_context(case: Case, user, form: ContactForm | None = None) -> dict[str, Any]:
    if form is None:
        interpreters = interpreters_visible_to(user).filter(active=True)
        form = ContactForm(interpreters=interpreters, auto_id="contact_%s")
    else:
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
