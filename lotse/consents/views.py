from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from lotse.audit.actions import do_log_access
from lotse.cases.permissions import access_case
from lotse.consents import actions
from lotse.consents.form_texts import FORM_LANGUAGES, form_texts
from lotse.consents.forms import ConsentForm, WithdrawForm
from lotse.consents.permissions import access_consent
from lotse.core.pdf import pdf_response, render_pdf
from lotse.core.views_helpers import require_perm


@require_perm("cases.view_case_list")
@require_http_methods(["GET", "POST"])
def consent_create(request, case_pk: int):
    case = access_case(request, case_pk, to_change=True)
    form = ConsentForm(
        request.POST or None, case=case, today=timezone.localdate(), prefill=request.GET
    )
    if request.method == "POST" and form.is_valid():
        actions.do_record_consent(
            acting_user=request.user, case=case, data=form.cleaned_data, request=request
        )
        messages.success(request, _("The consent was recorded."))
        return redirect("cases:detail", case.pk)
    return render(request, "consents/consent_form.html", {"case": case, "form": form})


@require_perm("cases.view_case_list")
@require_http_methods(["GET", "POST"])
def consent_withdraw(request, pk: int):
    consent = access_consent(request, pk)
    back = (
        ("cases:detail", consent.case_id)
        if consent.case_id
        else ("people:detail", consent.client_id)
    )
    form = WithdrawForm(request.POST or None)
    if consent.is_withdrawn:
        messages.error(request, _("This consent was already withdrawn."))
        return redirect(*back)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_withdraw_consent(
                acting_user=request.user,
                consent=consent,
                note=form.cleaned_data["note"],
                request=request,
            )
        except actions.AlreadyWithdrawn:
            messages.error(request, _("This consent was already withdrawn."))
        else:
            messages.success(
                request, _("The consent was withdrawn. Nothing more is shared under it.")
            )
        return redirect(*back)
    return render(request, "consents/consent_withdraw.html", {"consent": consent, "form": form})


@require_perm("cases.view_case_list")
def consent_pdf(request, pk: int):
    """The consent form for signing: the client's language with the German text beside it."""
    consent = access_consent(request, pk, log=False)
    language = consent.language if consent.language in FORM_LANGUAGES else "de"
    organisation = consent.case.organisation if consent.case_id else consent.client.organisation
    columns = []
    for code in dict.fromkeys([language, "de"]):
        texts = form_texts(consent.form_version, code)
        columns.append(
            {
                "language": code,
                "direction": "rtl" if code in ("ar", "fa") else "ltr",
                "t": texts,
                "intro": texts["intro"].format(client=consent.client, organisation=organisation),
                "purpose": texts[f"purpose.{consent.purpose}"],
            }
        )
    pdf = render_pdf(
        "consents/consent_pdf.html", {"consent": consent, "columns": columns}, language
    )
    do_log_access(
        acting_user=request.user,
        action="consents.consent.downloaded",
        obj=consent,
        detail=f"form {consent.form_version} {language}",
        request=request,
    )
    return pdf_response(pdf, f"einwilligung-{consent.pk}-{language}.pdf")
