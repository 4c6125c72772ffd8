"""Case pages. Views parse input, call one action from actions.py, and render."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from lotse.audit.actions import do_log_access
from lotse.cases import actions, queries
from lotse.cases.agreement_texts import agreement_texts
from lotse.cases.documents import render_agreement_pdf
from lotse.cases.forms import (
    AssessmentForm,
    CaseEditForm,
    DecisionForm,
    GoalAgreementForm,
    GoalFormSet,
    GoalReviewForm,
    HandoverForm,
    OpenCaseForm,
    TransferDecisionForm,
    TransferForm,
    TransitionForm,
)
from lotse.cases.models import (
    Approval,
    Assessment,
    AssessmentEntry,
    Case,
    Goal,
    GoalAgreement,
    PhaseChoices,
    TransferRequest,
)
from lotse.cases.permissions import (
    access_case,
    cases_visible_to,
    is_team_lead_of,
    may_reassign,
)
from lotse.cases.rules import FORWARD, OPEN_PHASES, Phase, check_transition, next_phases
from lotse.cases.texts import reason_texts
from lotse.core.extensions import case_sections
from lotse.core.models import FieldOfAction
from lotse.core.pdf import pdf_response
from lotse.core.views_helpers import require_perm
from lotse.people.permissions import access_client

PHASE_LABELS = dict(PhaseChoices.choices)


def refused(request, error: actions.Refused) -> None:
    for text in reason_texts(error.reasons):
        messages.error(request, text)


def _steps(facts) -> tuple[list[dict], list[dict]]:
    """The next steps offered, and the forward steps that are blocked (with why)."""
    offered = [{"phase": p.value, "label": PHASE_LABELS[p.value]} for p in next_phases(facts)]
    offered_values = {s["phase"] for s in offered}
    blocked = []
    for phase in sorted(FORWARD.get(facts.phase, ()), key=list(Phase).index):
        if phase.value in offered_values:
            continue
        verdict = check_transition(facts, phase, reason="-")
        blocked.append({"label": PHASE_LABELS[phase.value], "why": reason_texts(verdict.reasons)})
    if facts.closure_pending:
        offered = [s for s in offered if s["phase"] != Phase.CLOSED]
        blocked.append(
            {
                "label": PHASE_LABELS[Phase.CLOSED.value],
                "why": reason_texts(["closure_pending"]),
            }
        )
    return offered, blocked


@require_perm("cases.view_case_list")
def case_detail(request, pk: int):
    case = access_case(request, pk)
    overview = queries.get_case_overview(case)
    offered, blocked = _steps(overview["facts"])
    return render(
        request,
        "cases/case_detail.html",
        {
            "case": case,
            "transitions": queries.get_timeline(case),
            "shared_with": queries.get_shared_with(case),
            "steps": offered,
            "blocked_steps": blocked,
            "may_reassign": may_reassign(request.user, case),
            "is_team_lead": is_team_lead_of(request.user, case.organisation_id),
            "sections": case_sections(request, case),
            "today": timezone.localdate(),
            **overview,
        },
    )


@require_perm("cases.view_case_list")
def open_case(request, client_pk: int):
    """Open a new case for a client the user may see, in the user's organisation."""
    client = access_client(request, client_pk, log=request.method == "GET")
    open_elsewhere = (
        Case.objects.filter(
            client=client,
            organisation_id=request.user.organisation_id,
            phase__in=[p.value for p in OPEN_PHASES],
        )
        .only("pk", "opened_on")
        .first()
    )
    form = OpenCaseForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        case = actions.do_open_case(
            acting_user=request.user,
            client=client,
            opened_on=form.cleaned_data["opened_on"],
            location=form.cleaned_data["location"],
            request=request,
        )
        messages.success(request, _("The case %(number)s was opened.") % {"number": case.number})
        return redirect("cases:detail", case.pk)
    return render(
        request,
        "cases/open_case.html",
        {
            "client": client,
            "form": form,
            "open_case": open_elsewhere,
            "open_case_visible": open_elsewhere is not None
            and cases_visible_to(request.user).filter(pk=open_elsewhere.pk).exists(),
        },
    )


@require_perm("cases.view_case_list")
def transition(request, pk: int):
    """Move the case to the next phase (?to=<phase>): closure with a reason from the list."""
    case = access_case(request, pk, log=request.method == "GET")
    target = request.POST.get("to") or request.GET.get("to") or ""
    if target not in PHASE_LABELS:
        messages.error(request, _("Please choose one of the offered steps."))
        return redirect("cases:detail", case.pk)
    form = TransitionForm(
        request.POST or None, case=case, target=target, initial={"version": case.version}
    )
    if request.method == "POST" and form.is_valid():
        try:
            result = actions.do_change_phase(
                acting_user=request.user,
                case=case,
                target=Phase(target),
                version=form.cleaned_data["version"],
                reason=form.cleaned_data["reason"],
                closure_reason=form.cleaned_data.get("closure_reason"),
                request=request,
            )
        except actions.Refused as error:
            refused(request, error)
        else:
            if isinstance(result, Approval):
                messages.success(
                    request, _("The closure was requested and waits for the team lead's approval.")
                )
            else:
                messages.success(
                    request,
                    _("The case is now in the phase “%(phase)s”.")
                    % {"phase": PHASE_LABELS[target]},
                )
        return redirect("cases:detail", case.pk)
    return render(
        request,
        "cases/transition.html",
        {"case": case, "form": form, "target": target, "target_label": PHASE_LABELS[target]},
    )


def _previous_entries(case: Case) -> dict[int, dict]:
    latest = case.assessments.first()
    if latest is None:
        return {}
    return {
        e.field_id: {
            "need_level": e.need_level,
            "situation": e.situation,
            "resources": e.resources,
            "notes": e.notes,
        }
        for e in latest.entries.all()
    }


@require_perm("cases.view_case_list")
def assessment_add(request, pk: int):
    """A new assessment, pre-filled from the last one so a re-assessment shows the change."""
    case = access_case(request, pk, log=request.method == "GET")
    if not case.is_open:
        refused(request, actions.Refused(["case_closed"]))
        return redirect("cases:detail", case.pk)
    fields = list(FieldOfAction.objects.filter(municipality_id=case.municipality_id, active=True))
    form = AssessmentForm(request.POST or None, fields=fields, previous=_previous_entries(case))
    if request.method == "POST" and form.is_valid():
        assessment = actions.do_record_assessment(
            acting_user=request.user,
            case=case,
            assessed_on=form.cleaned_data["assessed_on"],
            summary=form.cleaned_data["summary"],
            entries=form.entries(),
            request=request,
        )
        messages.success(request, _("The assessment was saved."))
        return redirect("cases:assessment", assessment.pk)
    return render(request, "cases/assessment_form.html", {"case": case, "form": form})


def _access_child(request, model, pk: int, case_path: str, *, log_action: str):
    """A record belonging to a case the user may see (through the case's scope), else 404."""
    obj = (
        model.objects.filter(**{f"{case_path}__in": cases_visible_to(request.user)})
        .select_related(case_path, f"{case_path}__client")
        .filter(pk=pk)
        .first()
    )
    if obj is None:
        raise Http404
    if log_action:
        do_log_access(acting_user=request.user, action=log_action, obj=obj, request=request)
    return obj


@require_perm("cases.view_case_list")
def assessment_detail(request, pk: int):
    assessment = _access_child(
        request, Assessment, pk, "case", log_action="cases.assessment.viewed"
    )
    previous = (
        assessment.case.assessments.filter(
            Q(assessed_on__lt=assessment.assessed_on)
            | Q(assessed_on=assessment.assessed_on, pk__lt=assessment.pk)
        )
        .order_by("-assessed_on", "-pk")
        .first()
    )
    entries = list(
        AssessmentEntry.objects.filter(
            assessment_id__in=[assessment.pk] + ([previous.pk] if previous else [])
        ).select_related("field")
    )
    before = {e.field_id: e for e in entries if previous and e.assessment_id == previous.pk}
    rows = [
        {"entry": e, "before": before.get(e.field_id)}
        for e in entries
        if e.assessment_id == assessment.pk
    ]
    return render(
        request,
        "cases/assessment_detail.html",
        {"assessment": assessment, "case": assessment.case, "rows": rows, "previous": previous},
    )


@require_perm("cases.view_case_list")
def agreement_add(request, pk: int):
    """A goal agreement with goals per field of action (needs an assessment)."""
    case = access_case(request, pk, log=request.method == "GET")
    facts = actions.get_case_facts(case)
    if not facts.has_assessment or not case.is_open:
        refused(
            request,
            actions.Refused(["planning_needs_assessment" if case.is_open else "case_closed"]),
        )
        return redirect("cases:detail", case.pk)
    data = request.POST or None
    form = GoalAgreementForm(
        data,
        initial={
            "agreed_on": timezone.localdate(),
            "language": case.client.preferred_language or "de",
        },
    )
    formset = GoalFormSet(data, prefix="goals", form_kwargs={"case": case})
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            agreement = actions.do_record_goal_agreement(
                acting_user=request.user,
                case=case,
                agreed_on=form.cleaned_data["agreed_on"],
                review_on=form.cleaned_data["review_on"],
                language=form.cleaned_data["language"],
                goals=formset.goals(),
                request=request,
            )
        except actions.Refused as error:
            refused(request, error)
            return redirect("cases:detail", case.pk)
        if agreement.status == GoalAgreement.Status.PENDING:
            messages.success(
                request, _("The goal agreement was saved and waits for the team lead's approval.")
            )
        else:
            messages.success(request, _("The goal agreement was saved."))
        return redirect("cases:agreement", agreement.pk)
    return render(
        request,
        "cases/agreement_form.html",
        {"case": case, "form": form, "formset": formset},
    )


@require_perm("cases.view_case_list")
def agreement_detail(request, pk: int):
    agreement = _access_child(
        request, GoalAgreement, pk, "case", log_action="cases.goalagreement.viewed"
    )
    goals = agreement.goals.select_related("field", "partner")
    return render(
        request,
        "cases/agreement_detail.html",
        {
            "agreement": agreement,
            "case": agreement.case,
            "goals": goals,
            "today": timezone.localdate(),
            "language_name": agreement_texts(agreement.language)["language_name"],
        },
    )


@require_perm("cases.view_case_list")
def agreement_pdf(request, pk: int):
    """The goal agreement for signing: German beside the client's language."""
    agreement = _access_child(
        request, GoalAgreement, pk, "case", log_action="cases.goalagreement.downloaded"
    )
    pdf = render_agreement_pdf(agreement)
    return pdf_response(pdf, f"zielvereinbarung-{agreement.case.number}-{agreement.pk}.pdf")


@require_perm("cases.view_case_list")
def goal_review(request, pk: int):
    goal = _access_child(request, Goal, pk, "agreement__case", log_action="")
    agreement = goal.agreement
    form = GoalReviewForm(
        request.POST or None,
        initial={
            "version": agreement.version,
            "status": goal.status,
            "attainment": goal.attainment,
            "reviewed_on": goal.reviewed_on or timezone.localdate(),
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_review_goal(
                acting_user=request.user,
                goal=goal,
                version=form.cleaned_data["version"],
                status=form.cleaned_data["status"],
                attainment=form.cleaned_data["attainment"],
                reviewed_on=form.cleaned_data["reviewed_on"],
                request=request,
            )
        except actions.Refused as error:
            refused(request, error)
            return redirect("cases:agreement", agreement.pk)
        messages.success(request, _("The review of the goal was saved."))
        return redirect("cases:agreement", agreement.pk)
    return render(
        request,
        "cases/goal_review.html",
        {"goal": goal, "agreement": agreement, "case": agreement.case, "form": form},
    )


@require_perm("cases.view_case_list")
def approval_decide(request, pk: int):
    """A team lead approves or rejects a goal agreement or closure of their organisation."""
    if request.user.role != "team_lead":
        raise Http404
    approval = _access_child(request, Approval, pk, "case", log_action="")
    form = DecisionForm(request.POST or None)
    if approval.status != Approval.Status.PENDING:
        messages.info(request, _("This request has already been decided."))
        return redirect("cases:detail", approval.case_id)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_decide_approval(
                acting_user=request.user,
                approval=approval,
                approve=form.cleaned_data["decision"] == "approve",
                note=form.cleaned_data["note"],
                request=request,
            )
        except actions.Refused as error:
            refused(request, error)
        else:
            messages.success(request, _("Your decision was recorded."))
        return redirect("cases:detail", approval.case_id)
    goals = (
        approval.goal_agreement.goals.select_related("field", "partner")
        if approval.goal_agreement_id
        else []
    )
    return render(
        request,
        "cases/approval_decide.html",
        {"approval": approval, "case": approval.case, "form": form, "goals": goals},
    )


def _access_reassignable(request, pk: int) -> Case:
    case = access_case(request, pk, log=request.method == "GET")
    if not may_reassign(request.user, case):
        raise Http404
    return case


@require_perm("cases.view_case_list")
def handover(request, pk: int):
    """Hand the case to another case manager of the same organisation."""
    case = _access_reassignable(request, pk)
    form = HandoverForm(request.POST or None, case=case, initial={"version": case.version})
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_hand_over_case(
                acting_user=request.user,
                case=case,
                to_user=form.cleaned_data["to_user"],
                version=form.cleaned_data["version"],
                request=request,
            )
        except actions.Refused as error:
            refused(request, error)
            return redirect("cases:detail", case.pk)
        messages.success(
            request,
            _("The case was handed over to %(name)s.") % {"name": form.cleaned_data["to_user"]},
        )
        if cases_visible_to(request.user).filter(pk=case.pk).exists():
            return redirect("cases:detail", case.pk)
        return redirect("core:start")
    return render(request, "cases/handover.html", {"case": case, "form": form})


@require_perm("cases.view_case_list")
def transfer(request, pk: int):
    """Ask another organisation to take over the case (needs the client's consent)."""
    case = _access_reassignable(request, pk)
    form = TransferForm(request.POST or None, case=case)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_request_transfer(
                acting_user=request.user,
                case=case,
                to_organisation=form.cleaned_data["to_organisation"],
                note=form.cleaned_data["note"],
                request=request,
            )
        except actions.Refused as error:
            refused(request, error)
        else:
            messages.success(
                request,
                _("The transfer was requested; the case stays with you until %(org)s accepts it.")
                % {"org": form.cleaned_data["to_organisation"]},
            )
            return redirect("cases:detail", case.pk)
    return render(request, "cases/transfer.html", {"case": case, "form": form})


@require_perm("cases.view_case_list")
def transfer_decide(request, pk: int):
    """The receiving organisation's team lead accepts or rejects a transfer."""
    if request.user.role != "team_lead":
        raise Http404
    transfer_request = (
        TransferRequest.objects.filter(
            pk=pk,
            to_organisation_id=request.user.organisation_id,
            case__municipality_id=request.user.municipality_id,
        )
        .select_related("case", "case__client", "from_organisation", "requested_by")
        .first()
    )
    if transfer_request is None:
        raise Http404
    if request.method == "GET":
        do_log_access(
            acting_user=request.user,
            action="cases.transferrequest.viewed",
            obj=transfer_request,
            request=request,
        )
    if transfer_request.status != TransferRequest.Status.PENDING:
        messages.info(request, _("This request has already been decided."))
        return redirect("core:start")
    form = TransferDecisionForm(request.POST or None, organisation_id=request.user.organisation_id)
    if request.method == "POST" and form.is_valid():
        accept = form.cleaned_data["decision"] == "accept"
        try:
            actions.do_decide_transfer(
                acting_user=request.user,
                transfer=transfer_request,
                accept=accept,
                new_case_manager=form.cleaned_data["new_case_manager"],
                note=form.cleaned_data["note"],
                request=request,
            )
        except actions.Refused as error:
            refused(request, error)
            return redirect("core:start")
        if accept:
            messages.success(request, _("The case was taken over by your organisation."))
            return redirect("cases:detail", transfer_request.case_id)
        messages.success(request, _("The transfer was rejected."))
        return redirect("core:start")
    return render(
        request,
        "cases/transfer_decide.html",
        {"transfer": transfer_request, "case": transfer_request.case, "form": form},
    )


@require_perm("cases.view_case_list")
def case_edit(request, pk: int):
    """Location and sharing of the case, guarded against concurrent edits."""
    case = access_case(request, pk, log=request.method == "GET")
    form = CaseEditForm(
        request.POST or None,
        case=case,
        initial={
            "version": case.version,
            "location": case.location_id,
            "shared_with": list(case.shared_with.values_list("pk", flat=True)),
        },
    )
    conflict: list[dict] = []
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_edit_case(
                acting_user=request.user,
                case=case,
                version=form.cleaned_data["version"],
                location=form.cleaned_data["location"],
                shared_with=form.cleaned_data["shared_with"],
                request=request,
            )
        except actions.VersionConflict as error:
            refused(request, error)
            case.refresh_from_db()
            conflict = _conflict_rows(case, form.cleaned_data)
            form = CaseEditForm(
                case=case,
                initial={
                    "version": case.version,
                    "location": case.location_id,
                    "shared_with": [u.pk for u in case.shared_with.all()],
                },
            )
        else:
            messages.success(request, _("The case was saved."))
            return redirect("cases:detail", case.pk)
    return render(
        request, "cases/case_edit.html", {"case": case, "form": form, "conflict": conflict}
    )


def _conflict_rows(case: Case, yours: dict) -> list[dict]:
    """What differs between the saved case and what the user tried to save."""
    rows = []
    if case.location_id != (yours["location"].pk if yours["location"] else None):
        rows.append(
            {"label": _("Location"), "now": case.location or "–", "yours": yours["location"] or "–"}
        )
    now_shared = set(case.shared_with.all())
    if now_shared != set(yours["shared_with"]):
        rows.append(
            {
                "label": _("Shared with"),
                "now": ", ".join(map(str, sorted(now_shared, key=str))) or "–",
                "yours": ", ".join(map(str, yours["shared_with"])) or "–",
            }
        )
    rows.append({"label": _("Phase"), "now": case.get_phase_display(), "yours": ""})
    rows.append({"label": _("Case manager"), "now": case.case_manager, "yours": ""})
    return rows
