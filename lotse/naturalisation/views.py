"""Naturalisation pipeline and campaigns: authority staff of an immigration authority only."""

from __future__ import annotations

import csv
import datetime as dt

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lotse.audit.actions import do_log_access
from lotse.core.pdf import pdf_response, render_pdf
from lotse.core.views_helpers import paginate, require_perm

from . import actions, dashboard, register, workflow
from .forms import (
    ApplicationForm,
    CampaignForm,
    ClientLinkForm,
    ImportForm,
    SettingsForm,
    SlotForm,
    TransitionForm,
)
from .models import AuthoritySettings, ConsultationSlot, RegisterEntry, Status
from .permissions import applications_visible_to, campaigns_visible_to, linkable_clients
from .texts import texts_for

PERM = "naturalisation.use"
LETTERS = ("receipt", "missing", "ceremony")


def CONFLICT_MESSAGE() -> str:  # noqa: N802
    return _(
        "Someone else changed this application meanwhile. Nothing was saved; "
        "please check and try again."
    )


def _application(request, pk):
    application = applications_visible_to(request.user).filter(pk=pk).first()
    if application is None:
        raise Http404
    return application


def _campaign(request, pk):
    campaign = campaigns_visible_to(request.user).filter(pk=pk).first()
    if campaign is None:
        raise Http404
    return campaign


@require_perm(PERM)
def dashboard_view(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    context = dashboard.figures(applications_visible_to(request.user), today)
    return render(request, "naturalisation/dashboard.html", {**context, "today": today})


@require_perm(PERM)
def export(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="einbuergerung.csv"'
    writer = csv.writer(response, delimiter=";")
    writer.writerows(
        dashboard.export_rows(applications_visible_to(request.user), timezone.localdate())
    )
    do_log_access(
        acting_user=request.user,
        action="naturalisation.application.exported",
        object_type="naturalisation.application",
        object_id="*",
        request=request,
    )
    return response


@require_perm(PERM)
def application_list(request: HttpRequest) -> HttpResponse:
    scope = applications_visible_to(request.user)
    status = request.GET.get("status", "")
    if status in dict(Status.choices):
        scope = scope.filter(status=status)
    page = paginate(request, scope.order_by("received_on", "pk"))
    do_log_access(
        acting_user=request.user,
        action="naturalisation.application.listed",
        object_type="naturalisation.application",
        object_id="*",
        request=request,
    )
    return render(
        request,
        "naturalisation/application_list.html",
        {
            "page_obj": page,
            "statuses": Status.choices,
            "status": status,
            "query_prefix": f"status={status}&" if status else "",
        },
    )


@require_perm(PERM)
def application_create(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    form = ApplicationForm(
        request.POST or None,
        organisation=request.user.organisation,
        campaigns=campaigns_visible_to(request.user),
        clients=linkable_clients(request.user, today),
        today=today,
        initial={"received_on": today},
    )
    if request.method == "POST" and form.is_valid():
        application = actions.do_create_application(
            user=request.user, request=request, **form.cleaned_data
        )
        messages.success(request, _("The application was recorded."))
        return redirect("naturalisation:application", pk=application.pk)
    return render(request, "naturalisation/application_form.html", {"form": form})


@require_perm(PERM)
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    application = _application(request, pk)
    settings = AuthoritySettings.for_organisation(application.organisation)
    today = timezone.localdate()
    if request.method == "POST":
        try:
            actions.do_update_documents(
                application=application,
                received=[i for i in request.POST.getlist("documents") if i in settings.checklist],
                version=int(request.POST.get("version") or 0),
                user=request.user,
                today=today,
                request=request,
            )
            messages.success(request, _("The documents were saved."))
        except actions.Conflict:
            messages.error(
                request,
                CONFLICT_MESSAGE(),
            )
        return redirect("naturalisation:application", pk=application.pk)
    do_log_access(
        acting_user=request.user,
        action="naturalisation.application.viewed",
        obj=application,
        request=request,
    )
    transition = TransitionForm(
        status=application.status, initial={"on": today, "version": application.version}
    )
    return _detail(request, application, settings, transition)


def _detail(request, application, settings, transition, status=200, client_form=None):
    today = timezone.localdate()
    received = application.documents or {}
    documents = [(item, _received_on(received.get(item))) for item in settings.checklist]
    clients = linkable_clients(request.user, today)
    # The linked record is shown only while its data may still reach the authority.
    linked = clients.filter(pk=application.client_id).first() if application.client_id else None
    return render(
        request,
        "naturalisation/application_detail.html",
        {
            "application": application,
            "documents": documents,
            "missing": application.missing_documents(settings.checklist),
            "transition": transition,
            "steps": application.steps.select_related("by"),
            "waiting_too_long": workflow.is_waiting_too_long(
                application.status, application.status_since, today, settings.limits()
            ),
            "letters": LETTERS,
            "linked_client": linked,
            "linked_client_page": linked is not None
            and request.user.has_perm("people.view_client", linked),
            "client_form": client_form
            or ClientLinkForm(
                clients=clients,
                initial={"version": application.version, "client": linked},
            ),
        },
        status=status,
    )


def _received_on(value):
    """The stored ISO day a document came in, as a date for the page (German format)."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return value


@require_POST
@require_perm(PERM)
def application_client(request: HttpRequest, pk: int) -> HttpResponse:
    """Link the application to a client record the user may link, or remove the link."""
    application = _application(request, pk)
    clients = linkable_clients(request.user, timezone.localdate())
    if request.POST.get("unlink"):
        form = ClientLinkForm({"version": request.POST.get("version")}, clients=clients)
        form.fields["client"].required = False  # no client: remove the link
    else:
        form = ClientLinkForm(request.POST, clients=clients)
    if form.is_valid():
        try:
            actions.do_link_client(
                application=application,
                client=form.cleaned_data["client"],
                version=form.cleaned_data["version"],
                user=request.user,
                request=request,
            )
        except actions.Conflict:
            form.add_error(None, CONFLICT_MESSAGE())
        else:
            if form.cleaned_data["client"]:
                messages.success(request, _("The client record was linked."))
            else:
                messages.success(request, _("The link to the client record was removed."))
            return redirect("naturalisation:application", pk=application.pk)
    settings = AuthoritySettings.for_organisation(application.organisation)
    transition = TransitionForm(
        status=application.status,
        initial={"on": timezone.localdate(), "version": application.version},
    )
    return _detail(request, application, settings, transition, status=400, client_form=form)


@require_POST
@require_perm(PERM)
def application_step(request: HttpRequest, pk: int) -> HttpResponse:
    application = _application(request, pk)
    settings = AuthoritySettings.for_organisation(application.organisation)
    form = TransitionForm(request.POST, status=application.status)
    if form.is_valid():
        try:
            actions.do_change_application_status(
                application=application,
                target=form.cleaned_data["target"],
                on=form.cleaned_data["on"],
                note=form.cleaned_data["note"],
                version=form.cleaned_data["version"],
                user=request.user,
                today=timezone.localdate(),
                request=request,
            )
        except actions.Conflict:
            form.add_error(
                None,
                CONFLICT_MESSAGE(),
            )
        except workflow.WorkflowError as error:
            form.add_error(
                None,
                {
                    "not_allowed": _("This step is not possible from the current one."),
                    "before_previous": _("The date lies before the previous step."),
                    "in_future": _("The date lies in the future."),
                    "documents_missing": _("The file is not complete: documents are missing."),
                }[error.code],
            )
        else:
            messages.success(request, _("The step was recorded."))
            return redirect("naturalisation:application", pk=application.pk)
    return _detail(request, application, settings, form, status=400)


@require_perm(PERM)
def letter(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    if kind not in LETTERS:
        raise Http404
    application = _application(request, pk)
    settings = AuthoritySettings.for_organisation(application.organisation)
    language = application.language or "de"
    pdf = render_pdf(
        "naturalisation/pdf/letter.html",
        {
            "kind": kind,
            "application": application,
            "authority": application.organisation,
            "missing": application.missing_documents(settings.checklist),
            "de": texts_for("de"),
            "other": texts_for(language),
            "other_language": language,
            "other_dir": "rtl" if language in ("ar", "fa") else "ltr",
            "bilingual": language != "de",
            "today": timezone.localdate(),
        },
        "de",
    )
    do_log_access(
        acting_user=request.user,
        action="naturalisation.application.downloaded",
        obj=application,
        detail=kind,
        request=request,
    )
    return pdf_response(pdf, f"{kind}-{application.number}.pdf")


@require_perm(PERM)
def settings_view(request: HttpRequest) -> HttpResponse:
    settings = AuthoritySettings.for_organisation(request.user.organisation)
    limits = settings.limits()
    initial = {"checklist": "\n".join(settings.checklist), "version": settings.version}
    initial.update({f"days_{s}": limits[s] for s in workflow.DEFAULT_REMINDER_DAYS})
    form = SettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_save_settings(
                settings=settings,
                checklist=form.cleaned_data["checklist"],
                reminder_days={
                    s: form.cleaned_data[f"days_{s}"] for s in workflow.DEFAULT_REMINDER_DAYS
                },
                version=form.cleaned_data["version"],
                user=request.user,
                request=request,
            )
            messages.success(request, _("The settings were saved."))
            return redirect("naturalisation:settings")
        except actions.Conflict:
            form.add_error(
                None,
                _(
                    "Someone else changed the settings meanwhile. "
                    "Nothing was saved; please check and try again."
                ),
            )
    return render(request, "naturalisation/settings.html", {"form": form})


@require_perm(PERM)
def campaign_list(request: HttpRequest) -> HttpResponse:
    form = CampaignForm(request.POST or None, initial={"started_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        campaign = actions.do_create_campaign(
            user=request.user, request=request, **form.cleaned_data
        )
        return redirect("naturalisation:campaign", pk=campaign.pk)
    campaigns = campaigns_visible_to(request.user)
    return render(
        request, "naturalisation/campaign_list.html", {"form": form, "campaigns": campaigns}
    )


@require_perm(PERM)
def campaign_detail(
    request: HttpRequest, pk: int, import_form=None, row_errors=None, status=200
) -> HttpResponse:
    campaign = _campaign(request, pk)
    category = request.GET.get("category", "")
    entries = campaign.entries.select_related("slot")
    if category in dict(RegisterEntry.Category.choices):
        entries = entries.filter(category=category)
    page = paginate(request, entries)
    if campaign.is_running and campaign.rows_imported:
        do_log_access(
            acting_user=request.user,
            action="naturalisation.registerentry.listed",
            obj=campaign,
            request=request,
        )
    return render(
        request,
        "naturalisation/campaign_detail.html",
        {
            "campaign": campaign,
            "page_obj": page,
            "category": category,
            "categories": RegisterEntry.Category.choices,
            "query_prefix": f"category={category}&" if category else "",
            "import_form": import_form or ImportForm(),
            "row_errors": row_errors,
            "slot_form": SlotForm(),
            "slots": campaign.slots.select_related("booked_by"),
            "now": timezone.now(),
            "free_slots": campaign.slots.filter(
                booked_by__isnull=True, starts_at__gte=timezone.now()
            ),
            "deletions": campaign.deletions.all(),
            "ui_language": request.LANGUAGE_CODE,
        },
        status=status,
    )


@require_POST
@require_perm(PERM)
def campaign_import(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _campaign(request, pk)
    if not campaign.is_running:
        raise Http404
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return campaign_detail(request, pk, import_form=form, status=400)
    upload = form.cleaned_data["file"]
    today = timezone.localdate()
    try:
        records = register.read_rows(upload.name, upload.read())
    except register.RegisterError as error:
        form.add_error("file", str(error))
        return campaign_detail(request, pk, import_form=form, status=400)
    rows, errors = register.validate(records, today)
    if errors:
        return campaign_detail(request, pk, import_form=form, row_errors=errors[:200], status=400)
    count = actions.do_import_register(
        campaign=campaign,
        rows=rows,
        filename=upload.name,
        user=request.user,
        today=today,
        request=request,
    )
    messages.success(request, _("%(n)s rows were imported and pre-screened.") % {"n": count})
    return redirect("naturalisation:campaign", pk=campaign.pk)


@require_perm(PERM)
def campaign_letters(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _campaign(request, pk)
    category = request.GET.get("category", "now")
    entries = list(campaign.entries.filter(category=category)[:500])
    letters = []
    for entry in entries:
        language = entry.language
        letters.append(
            {
                "entry": entry,
                "other": texts_for(language),
                "other_language": language,
                "other_dir": "rtl" if language in ("ar", "fa") else "ltr",
                "bilingual": language != "de",
            }
        )
    pdf = render_pdf(
        "naturalisation/pdf/invitations.html",
        {
            "letters": letters,
            "de": texts_for("de"),
            "campaign": campaign,
            "authority": campaign.organisation,
            "slots": campaign.slots.filter(booked_by__isnull=True, starts_at__gte=timezone.now())[
                :5
            ],
            "today": timezone.localdate(),
        },
        "de",
    )
    actions.do_mark_invited(
        campaign=campaign,
        entries=entries,
        user=request.user,
        today=timezone.localdate(),
        request=request,
    )
    return pdf_response(pdf, f"einladungen-{campaign.pk}.pdf")


@require_POST
@require_perm(PERM)
def campaign_response(request: HttpRequest, pk: int, entry_pk: int) -> HttpResponse:
    campaign = _campaign(request, pk)
    entry = campaign.entries.filter(pk=entry_pk).first()
    kind = request.POST.get("response")
    if entry is None:
        raise Http404
    if kind in ("appointment", "application"):
        actions.do_record_response(
            entry=entry, response=kind, on=timezone.localdate(), user=request.user, request=request
        )
        messages.success(request, _("The response was recorded."))
    else:
        messages.error(request, _("Unknown response."))
    return redirect("naturalisation:campaign", pk=campaign.pk)


@require_POST
@require_perm(PERM)
def campaign_slot(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _campaign(request, pk)
    form = SlotForm(request.POST)
    if form.is_valid() and campaign.is_running:
        actions.do_add_slot(
            campaign=campaign, user=request.user, request=request, **form.cleaned_data
        )
        messages.success(request, _("The consultation slot was added."))
    else:
        messages.error(
            request, _("The slot could not be added: please give a date, a time and a place.")
        )
    return redirect("naturalisation:campaign", pk=campaign.pk)


@require_POST
@require_perm(PERM)
def slot_book(request: HttpRequest, pk: int, slot_pk: int) -> HttpResponse:
    campaign = _campaign(request, pk)
    slot = ConsultationSlot.objects.filter(campaign=campaign, pk=slot_pk).first()
    if slot is None:
        raise Http404
    row = request.POST.get("row", "").strip()
    entry = campaign.entries.filter(row_number=int(row)).first() if row.isdigit() else None
    if entry is None:
        messages.error(request, _("Give the row number of a person on the list."))
    elif slot.starts_at < timezone.now():
        messages.error(request, _("This slot lies in the past."))
    elif ConsultationSlot.objects.filter(booked_by=entry).exists():
        messages.error(request, _("This person already has a slot."))
    else:
        try:
            actions.do_book_slot(
                slot=slot,
                entry=entry,
                user=request.user,
                today=timezone.localdate(),
                request=request,
            )
            messages.success(
                request,
                _("The slot was booked for %(name)s.") % {"name": entry.name},
            )
        except actions.Conflict:
            messages.error(request, _("This slot is already booked."))
    return redirect("naturalisation:campaign", pk=campaign.pk)


@require_POST
@require_perm(PERM)
def campaign_end(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _campaign(request, pk)
    if campaign.is_running:
        count = actions.do_end_campaign(
            campaign=campaign, user=request.user, today=timezone.localdate(), request=request
        )
        messages.success(
            request,
            _("The campaign ended; %(n)s register rows were deleted. The figures remain.")
            % {"n": count},
        )
    return redirect("naturalisation:campaign", pk=campaign.pk)
