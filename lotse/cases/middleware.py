"""A closed case refuses new entries with a message on the case page, not an error page."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from lotse.cases.permissions import CaseClosedError


class ClosedCaseMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, CaseClosedError):
            return None
        messages.warning(
            request,
            _("This case is closed. Reopen it (with a reason) to record anything new."),
        )
        url = reverse("cases:detail", args=[exception.case.pk])
        if getattr(request, "htmx", False):
            return HttpResponse(status=204, headers={"HX-Redirect": url})
        return redirect(url)
