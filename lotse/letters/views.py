from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from lotse.audit.actions import do_log_access
from lotse.cases.permissions import access_case
from lotse.core.pdf import pdf_response
from lotse.core.views_helpers import require_perm
from lotse.letters.documents import get_letter, render_letter_pdf
from lotse.letters.forms import LETTER_FORMS


@require_perm("letters.write_letter")
def letter(request: HttpRequest, case_pk: int, kind: str) -> HttpResponse:
    """Fill in a letter for the case's client and download it as PDF (the download is logged)."""
    form_class = LETTER_FORMS.get(kind)
    if form_class is None:
        raise Http404
    case = access_case(request, case_pk, log=request.method != "POST")
    form = form_class(request.POST or None, case=case)
    if request.method == "POST" and form.is_valid():
        language = form.cleaned_data["language"]
        composed = get_letter(case, kind, language, form.details())
        pdf = render_letter_pdf(composed, case, author=request.user, today=timezone.localdate())
        do_log_access(
            acting_user=request.user,
            action="letters.letter.downloaded",
            obj=case,
            detail=f"{kind} ({composed.language})",
            request=request,
        )
        return pdf_response(pdf, f"{kind}-{case.number}-{composed.language}.pdf", inline=False)
    return render(request, "letters/letter_form.html", {"form": form, "case": case})
