from __future__ import annotations

import csv

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lotse.accounts.models import Organisation
from lotse.audit.actions import do_log_access
from lotse.cases.permissions import access_case
from lotse.core.views_helpers import paginate, require_perm
from lotse.referrals import actions
from lotse.referrals.forms import (
    CONFLICT_MESSAGE,
    STEP_MESSAGES,
    AnswerForm,
    ReferralForm,
    offers_of,
)
from lotse.referrals.network import NETWORK_COLUMNS, network_of
from lotse.referrals.permissions import (
    access_case_referral,
    access_incoming_referral,
    covering_consents,
    referrals_addressed_to,
)
from lotse.referrals.rules import ReferralFacts, Side, Status, next_steps


def _refusal(error: actions.StepRefused, referral) -> list[str]:
    return [
        str(STEP_MESSAGES[reason]) % {"organisation": referral.organisation}
        for reason in error.reasons
    ]


# The case side --------------------------------------------------------------


@require_perm("cases.view_case_list")
@require_http_methods(["GET", "POST"])
def referral_create(request, case_pk: int):
    case = access_case(request, case_pk, to_change=True)
    form = ReferralForm(request.POST or None, case=case)
    if request.method == "POST" and form.is_valid():
        actions.do_create_referral(
            acting_user=request.user,
            case=case,
            organisation=form.cleaned_data["organisation"],
            offer=form.cleaned_data["offer"],
            purpose=form.cleaned_data["purpose"],
            request=request,
        )
        messages.success(request, _("The referral was proposed. Send it when the client agrees."))
        return redirect("cases:detail", case.pk)
    return render(request, "referrals/referral_form.html", {"case": case, "form": form})


@require_perm("cases.view_case_list")
@require_GET
def offer_options(request, case_pk: int):
    """The offers of one organisation as <option>s, for the referral form (htmx)."""
    case = access_case(request, case_pk, log=False)
    organisation = request.GET.get("organisation", "")
    offers = offers_of(case, int(organisation)) if organisation.isdigit() else []
    html = render_to_string("referrals/offer_options.html", {"offers": offers}, request=request)
    return HttpResponse(html)


@require_perm("cases.view_case_list")
@require_POST
def referral_send(request, pk: int):
    referral = access_case_referral(request, pk)
    version = request.POST.get("version", "")
    try:
        actions.do_send_referral(
            acting_user=request.user,
            referral=referral,
            version=int(version) if version.isdigit() else None,
            today=timezone.localdate(),
            request=request,
        )
    except actions.Conflict:
        messages.error(request, CONFLICT_MESSAGE)
    except actions.StepRefused as error:
        for text in _refusal(error, referral):
            messages.error(request, text)
    else:
        messages.success(
            request,
            _("The referral was sent to %(organisation)s.")
            % {"organisation": referral.organisation},
        )
    return redirect("cases:detail", referral.case_id)


# The partner side -----------------------------------------------------------


@require_perm("referrals.view_inbox")
def inbox(request):
    """Referrals addressed to the partner's organisation, newest first."""
    scope = referrals_addressed_to(request.user).select_related("case__client", "offer")
    page = paginate(request, scope.order_by("-sent_at", "-id"), per_page=25)
    referrals = list(page.object_list)
    consents = covering_consents(referrals, timezone.localdate())
    rows = [(r, consents.get(r.pk)) for r in referrals]
    do_log_access(
        acting_user=request.user,
        action="referrals.referral.listed",
        object_type="referrals.referral",
        object_id="*",
        detail=",".join(str(r.pk) for r in referrals)[:300],
        request=request,
    )
    return render(request, "referrals/inbox.html", {"page_obj": page, "rows": rows})


@require_perm("referrals.view_inbox")
def incoming_detail(request, pk: int):
    referral = access_incoming_referral(request, pk)
    consent = covering_consents([referral], timezone.localdate()).get(referral.pk)
    facts = ReferralFacts(Status(referral.status), consent is not None)
    return render(
        request,
        "referrals/incoming_detail.html",
        {"referral": referral, "consent": consent, "steps": next_steps(facts, Side.PARTNER)},
    )


@require_perm("referrals.view_inbox")
@require_POST
def incoming_answer(request, pk: int):
    referral = access_incoming_referral(request, pk, log=False)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please choose what to do with the referral."))
        return redirect("referrals:incoming", referral.pk)
    try:
        actions.do_answer_referral(
            acting_user=request.user,
            referral=referral,
            target=Status(form.cleaned_data["decision"]),
            text=form.cleaned_data["text"],
            version=form.cleaned_data["version"],
            today=timezone.localdate(),
            request=request,
        )
    except actions.Conflict:
        messages.error(request, CONFLICT_MESSAGE)
    except actions.StepRefused as error:
        for text in _refusal(error, referral):
            messages.error(request, text)
    else:
        messages.success(request, _("Your answer was recorded. The case manager sees it."))
    return redirect("referrals:incoming", referral.pk)


# The network, as aggregates for coordinators and team leads -----------------


def _network_tables(user) -> dict:
    municipality_id = user.organisation.municipality_id
    summary = network_of(municipality_id)
    kinds = dict(Organisation.Kind.choices)
    by_kinds = [
        (str(kinds.get(source, source or "–")), str(kinds.get(target, target)), figures.shown())
        for (source, target), figures in summary.by_kinds.items()
    ]
    by_kinds.sort(key=lambda row: (row[0], row[1]))
    receivers = {
        pk: (name, kind)
        for pk, name, kind in Organisation.objects.filter(
            municipality_id=municipality_id, pk__in=summary.by_organisation
        ).values_list("pk", "name", "kind")
    }
    by_organisation = [
        (receivers[pk][0], str(kinds.get(receivers[pk][1], "–")), figures.shown())
        for pk, figures in summary.by_organisation.items()
        if pk in receivers
    ]
    by_organisation.sort(key=lambda row: row[0])
    return {
        "by_kinds": by_kinds,
        "by_organisation": by_organisation,
        "total": summary.total.shown(),
    }


@require_perm("referrals.view_network")
@require_GET
def network(request):
    """Which kinds of organisation refer to which: counts, acceptance, waiting times."""
    return render(request, "referrals/network.html", _network_tables(request.user))


@require_perm("referrals.view_network")
@require_GET
def network_export(request):
    """The same tables as CSV (small counts suppressed as on the page)."""
    tables = _network_tables(request.user)
    do_log_access(
        acting_user=request.user,
        action="referrals.network.exported",
        object_type="referrals.network",
        object_id=str(request.user.organisation.municipality_id),
        request=request,
    )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="referral-network-{stamp}.csv"'
    writer = csv.writer(response)
    figures = list(NETWORK_COLUMNS)
    writer.writerow(["table", "from_kind", "to_kind", "organisation", *figures])
    for source, target, shown in tables["by_kinds"]:
        writer.writerow(["kinds", source, target, "", *(shown[f] for f in figures)])
    for name, kind, shown in tables["by_organisation"]:
        writer.writerow(["organisation", "", kind, name, *(shown[f] for f in figures)])
    writer.writerow(["total", "", "", "", *(tables["total"][f] for f in figures)])
    return response
