from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from lotse.appointments.actions import InterpreterBookedError
from lotse.appointments.permissions import interpreters_visible_to
from lotse.audit.actions import do_log_access
from lotse.cases.permissions import access_case
from lotse.contacts.actions import do_record_contact
from lotse.contacts.case_sections import section_context
from lotse.contacts.forms import ContactForm
from lotse.contacts.queries import get_case_contacts
from lotse.core.views_helpers import paginate, require_perm


@require_perm("cases.view_case_list")
@require_http_methods(["GET", "POST"])
def contact_add(request, case_pk: int):
    """Record a contact: the quick form on the case page (htmx) or a page of its own."""
    case = access_case(request, case_pk, log=False, to_change=True)
    interpreters = interpreters_visible_to(request.user).filter(active=True)
    form = ContactForm(request.POST or None, interpreters=interpreters)
    if request.method == "POST" and form.is_valid():
        try:
            do_record_contact(
                acting_user=request.user, case=case, request=request, **form.cleaned_data
            )
        except InterpreterBookedError as error:
            form.add_error("interpreter", error.message)
        else:
            messages.success(request, _("The contact was recorded."))
            if request.htmx:
                # The whole case page changes (last contact date), so it is reloaded.
                return HttpResponse(status=204, headers={"HX-Refresh": "true"})
            return redirect("cases:detail", pk=case.pk)
    if request.htmx:
        context = section_context(case, request.user, form=form)
        return render(request, "contacts/case_section.html", {"case": case, **context})
    return render(request, "contacts/contact_form.html", {"case": case, "form": form})


@require_perm("cases.view_case_list")
def contact_list(request, case_pk: int):
    case = access_case(request, case_pk, log=False)
    page = paginate(request, get_case_contacts(case))
    do_log_access(
        acting_user=request.user,
        action="contacts.contact.listed",
        obj=case,
        request=request,
    )
    return render(request, "contacts/contact_list.html", {"case": case, "page_obj": page})
