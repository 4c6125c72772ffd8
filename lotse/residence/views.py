"""The eligibility pre-check pages: a form per check, optionally pre-filled from a client."""

from __future__ import annotations

import datetime as dt

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from lotse.audit.actions import do_log_access
from lotse.core.pdf import pdf_response, render_pdf
from lotse.core.views_helpers import require_perm
from lotse.people.permissions import access_client

from .actions import do_record_precheck_consent
from .eligibility import evaluate
from .forms import ConsentForm, PrecheckForm
from .models import PrecheckConsent
from .precheck import CHECK_NAMES, FIELDS, facts_from, initial_from_client
from .texts import texts_for

CONSENT_VALID_DAYS = 365
FIELD_LABELS = {spec.name: spec.label for spec in FIELDS}


def _check_or_404(check: str) -> str:
    if check not in CHECK_NAMES:
        raise Http404
    return check


def _consented_client(request: HttpRequest):
    """The client of ``?client=`` if visible and a consent is recorded; else None/redirect."""
    pk = request.GET.get("client") or request.POST.get("client")
    if not pk:
        return None, None
    if not str(pk).isdigit():
        raise Http404
    client = access_client(request, int(pk))
    since = timezone.now() - dt.timedelta(days=CONSENT_VALID_DAYS)
    consent = PrecheckConsent.objects.filter(client=client, recorded_at__gte=since).first()
    return client, consent


@require_perm("residence.use_precheck")
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "residence/index.html", {"checks": CHECK_NAMES.items()})


@require_perm("residence.use_precheck")
def consent(request: HttpRequest, check: str, pk: int) -> HttpResponse:
    check = _check_or_404(check)
    client = access_client(request, pk)
    form = ConsentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        do_record_precheck_consent(
            client=client, remark=form.cleaned_data["remark"], user=request.user, request=request
        )
        return redirect(f"{reverse('residence:precheck', args=[check])}?client={client.pk}")
    return render(
        request,
        "residence/consent.html",
        {"form": form, "client": client, "check": check, "check_name": CHECK_NAMES[check]},
    )


def _readable(result, ui_language: str) -> list[dict]:
    rows = []
    for requirement in result.requirements:
        reason = requirement.reason.get(ui_language) or requirement.reason["en"]
        rows.append(
            {
                "id": requirement.id,
                "status": requirement.status,
                "reason": reason,
                "reason_de": requirement.reason["de"],
                "reason_en": requirement.reason["en"],
                "law": requirement.law,
                "url": requirement.url,
                "missing": [str(FIELD_LABELS.get(f, f)) for f in requirement.missing_facts],
                "met_from": requirement.met_from,
            }
        )
    return rows


@require_perm("residence.use_precheck")
def precheck(request: HttpRequest, check: str) -> HttpResponse:
    check = _check_or_404(check)
    client, client_consent = _consented_client(request)
    if client is not None and client_consent is None:
        return redirect("residence:consent", check=check, pk=client.pk)
    initial = initial_from_client(client) if client else {}
    if client:
        initial["language"] = (client.preferred_language or "de")[:2]
    form = PrecheckForm(check, request.POST or None, initial=initial)
    context: dict = {
        "form": form,
        "check": check,
        "check_name": CHECK_NAMES[check],
        "client": client,
        "checks": CHECK_NAMES.items(),
    }
    if request.method == "POST" and form.is_valid():
        facts = facts_from(check, form.cleaned_data)
        try:
            result = evaluate(check, facts, form.cleaned_data["as_of"])
        except ValueError as error:
            form.add_error(None, _("The facts cannot be evaluated: %(error)s") % {"error": error})
        else:
            if client:
                do_log_access(
                    acting_user=request.user,
                    action="residence.precheck.created",
                    obj=client,
                    detail=f"{check} {result.outcome}",
                    request=request,
                )
            if "pdf" in request.POST:
                return _pdf(request, check, result, client, form.cleaned_data["language"])
            context["result"] = result
            context["rows"] = _readable(result, translation.get_language() or "de")
    return render(request, "residence/precheck.html", context)


def _pdf(request: HttpRequest, check: str, result, client, language: str) -> HttpResponse:
    rows = _readable(result, "de")
    for row in rows:
        row["reason_client"] = row["reason_de"] if language == "de" else row["reason_en"]
        row["missing_ids"] = row["missing"]
    pdf = render_pdf(
        "residence/pdf/precheck.html",
        {
            "result": result,
            "rows": rows,
            "client": client,
            "de": texts_for("de"),
            "other": texts_for(language),
            "other_language": language,
            "other_dir": "rtl" if language in ("ar", "fa") else "ltr",
            "bilingual": language != "de",
        },
        "de",
    )
    if client:
        do_log_access(
            acting_user=request.user,
            action="residence.precheck.downloaded",
            obj=client,
            detail=check,
            request=request,
        )
    return pdf_response(pdf, f"vorpruefung-{check}.pdf")
