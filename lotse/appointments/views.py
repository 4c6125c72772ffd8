from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from lotse.appointments import ics
from lotse.appointments.actions import (
    ConflictError,
    InterpreterBookedError,
    do_change_appointment,
    do_change_interpreter,
    do_complete_follow_up,
    do_create_appointment,
    do_create_follow_up,
    do_create_interpreter,
)
from lotse.appointments.case_sections import section_context
from lotse.appointments.forms import AppointmentForm, FollowUpForm, InterpreterForm
from lotse.appointments.models import Appointment, split_languages
from lotse.appointments.permissions import (
    access_appointment,
    access_follow_up,
    interpreters_managed_by,
    interpreters_visible_to,
    my_appointments,
)
from lotse.appointments.queries import day_bounds, get_language_matches
from lotse.audit.actions import do_log_access
from lotse.cases.permissions import access_case, cases_visible_to, cases_worked_on_by
from lotse.cases.rules import OPEN_PHASES
from lotse.core.views_helpers import require_perm

# Interpreters --------------------------------------------------------------------------


@require_perm("appointments.view_interpreters")
def interpreter_list(request):
    """The pool, and for a language code: which staff and which interpreters speak it."""
    user = request.user
    language = request.GET.get("language", "").strip().lower()[:3]
    codes = [language] if language.isalpha() else []
    pool = interpreters_visible_to(user)
    matches = get_language_matches(user.organisation.municipality_id, pool, codes)
    return render(
        request,
        "appointments/interpreter_list.html",
        {
            "interpreters": pool,
            "language": language,
            "matches": matches,
            "can_manage": user.has_perm("appointments.manage_interpreters"),
        },
    )


@require_perm("appointments.manage_interpreters")
@require_http_methods(["GET", "POST"])
def interpreter_edit(request, pk: int | None = None):
    interpreter = None
    if pk is not None:
        interpreter = interpreters_managed_by(request.user).filter(pk=pk).first()
        if interpreter is None:
            raise Http404
    form = InterpreterForm(request.POST or None, instance=interpreter)
    if request.method == "POST" and form.is_valid():
        if interpreter is None:
            fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
            do_create_interpreter(acting_user=request.user, **fields)
            messages.success(request, _("Saved."))
            return redirect("appointments:interpreters")
        try:
            do_change_interpreter(
                acting_user=request.user,
                interpreter=form.save(commit=False),
                expected_version=form.expected_version,
                changed=form.changed_data,
            )
        except ConflictError as conflict:
            messages.error(
                request,
                _(
                    "Someone else changed this interpreter while you were editing. Your changes "
                    "were not saved; the form shows the current values."
                ),
            )
            form = InterpreterForm(instance=conflict.current)
        else:
            messages.success(request, _("Saved."))
            return redirect("appointments:interpreters")
    return render(
        request, "appointments/interpreter_form.html", {"form": form, "interpreter": interpreter}
    )


@require_perm("cases.view_case_list")
def case_languages(request, case_pk: int):
    """Who speaks the client's languages: staff of the municipality and interpreters."""
    case = access_case(request, case_pk)
    client = case.client
    codes = split_languages(client.languages)
    if client.preferred_language and client.preferred_language not in codes + ["de"]:
        codes.append(client.preferred_language)
    codes = [code for code in codes if code != "de"] or codes
    matches = get_language_matches(
        request.user.organisation.municipality_id, interpreters_visible_to(request.user), codes
    )
    return render(
        request,
        "appointments/case_languages.html",
        {"case": case, "client": client, "matches": matches},
    )


# Follow-ups ----------------------------------------------------------------------------


@require_perm("cases.view_case_list")
@require_http_methods(["GET", "POST"])
def follow_up_add(request, case_pk: int):
    case = access_case(request, case_pk, log=False, to_change=True)
    form = FollowUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        do_create_follow_up(
            acting_user=request.user, case=case, request=request, **form.cleaned_data
        )
        if request.htmx:
            context = section_context(case)
            context["saved"] = True
            return render(request, "appointments/case_section.html", {"case": case, **context})
        messages.success(request, _("The follow-up was added."))
        return redirect("cases:detail", pk=case.pk)
    if request.htmx:
        context = section_context(case, form)
        return render(request, "appointments/case_section.html", {"case": case, **context})
    return render(request, "appointments/follow_up_form.html", {"case": case, "form": form})


def _next_url(request, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return fallback


@require_perm("cases.view_case_list")
@require_http_methods(["GET", "POST"])
def follow_up_detail(request, pk: int):
    """A follow-up, with the button that marks it done."""
    follow_up = access_follow_up(request, pk)
    if request.method == "POST":
        try:
            expected = int(request.POST.get("version", ""))
        except ValueError:
            expected = -1
        try:
            do_complete_follow_up(
                acting_user=request.user,
                follow_up=follow_up,
                expected_version=expected,
                request=request,
            )
        except ConflictError as conflict:
            follow_up = conflict.current
            if follow_up.is_done:
                messages.warning(
                    request,
                    _("This follow-up was already marked as done by %(user)s.")
                    % {"user": follow_up.done_by or "–"},
                )
            else:
                messages.warning(
                    request,
                    _("Someone else changed this follow-up meanwhile. Please check it again."),
                )
        else:
            messages.success(request, _("Marked as done: %(what)s") % {"what": follow_up.what})
            return redirect(_next_url(request, reverse("cases:detail", args=[follow_up.case_id])))
    else:
        do_log_access(
            acting_user=request.user,
            action="appointments.followup.viewed",
            obj=follow_up,
            request=request,
        )
    return render(
        request,
        "appointments/follow_up_detail.html",
        {
            "follow_up": follow_up,
            "case": follow_up.case,
            "today": timezone.localdate(),
            "next": _next_url(request, ""),
        },
    )


# Appointments --------------------------------------------------------------------------


def _case_choices(user, extra_ids: list[int]):
    open_mine = Q(
        pk__in=cases_worked_on_by(user).values("pk"), phase__in=[p.value for p in OPEN_PHASES]
    )
    return (
        cases_visible_to(user)
        .filter(open_mine | Q(pk__in=extra_ids))
        .select_related("client")
        .order_by("client__family_name", "client__given_names", "pk")
    )


def _visible_participants(user) -> Prefetch:
    return Prefetch(
        "cases",
        queryset=cases_visible_to(user).select_related("client").order_by("pk"),
        to_attr="visible_cases",
    )


@require_perm("appointments.view_appointments")
def appointment_list(request):
    start, _end = day_bounds(timezone.localdate())
    appointments = (
        my_appointments(request.user)
        .filter(ends_at__gte=start)
        .select_related("location", "interpreter")
        .annotate(participant_count=Count("cases"))
        .order_by("starts_at", "pk")[:200]
    )
    do_log_access(
        acting_user=request.user,
        action="appointments.appointment.listed",
        object_type="appointments.appointment",
        object_id="*",
        request=request,
    )
    return render(request, "appointments/appointment_list.html", {"appointments": appointments})


def _conflict_changes(current: Appointment, data: dict) -> list[tuple[str, str]]:
    """Which fields someone else changed, with their stored value, for the conflict message."""
    changes = []
    pairs = [
        ("title", current.title, data.get("title")),
        ("starts_at", current.starts_at, data.get("starts_at")),
        ("ends_at", current.ends_at, data.get("ends_at")),
        ("location", current.location, data.get("location")),
        ("place", current.place, data.get("place")),
        ("interpreter", current.interpreter, data.get("interpreter")),
        ("note", current.note, data.get("note")),
    ]
    for name, stored, submitted in pairs:
        if stored != submitted:
            value = stored
            if isinstance(stored, dt.datetime):
                value = timezone.localtime(stored).strftime("%d.%m.%Y %H:%M")
            changes.append((str(Appointment._meta.get_field(name).verbose_name), str(value or "–")))
    return changes


@require_perm("appointments.view_appointments")
@require_http_methods(["GET", "POST"])
def appointment_edit(request, pk: int | None = None):
    user = request.user
    appointment = access_appointment(request, pk) if pk is not None else None
    extra: list[int] = []
    if appointment is not None:
        extra = list(appointment.cases.values_list("pk", flat=True))
    elif request.GET.get("case", "").isdigit():
        extra = [int(request.GET["case"])]
    cases = _case_choices(user, extra)
    form_kwargs = {
        "cases": cases,
        "interpreters": interpreters_visible_to(user).filter(active=True),
        "municipality_id": user.organisation.municipality_id,
    }
    initial = {}
    if extra:
        initial["participants"] = list(cases.filter(pk__in=extra))
    form = AppointmentForm(
        request.POST or None, instance=appointment, initial=initial, **form_kwargs
    )
    changes: list[tuple[str, str]] = []
    if request.method == "POST" and form.is_valid():
        try:
            if appointment is None:
                appointment = do_create_appointment(
                    acting_user=user,
                    cases=form.cleaned_data["participants"],
                    request=request,
                    title=form.cleaned_data["title"],
                    starts_at=form.cleaned_data["starts_at"],
                    ends_at=form.cleaned_data["ends_at"],
                    location=form.cleaned_data["location"],
                    place=form.cleaned_data["place"],
                    interpreter=form.cleaned_data["interpreter"],
                    note=form.cleaned_data["note"],
                )
            else:
                do_change_appointment(
                    acting_user=user,
                    appointment=form.apply(),
                    expected_version=form.expected_version,
                    visible_cases=cases,
                    chosen_cases=form.cleaned_data["participants"],
                    request=request,
                )
        except InterpreterBookedError as error:
            form.add_error("interpreter", error.message)
        except ConflictError as conflict:
            changes = _conflict_changes(conflict.current, form.cleaned_data)
            messages.error(
                request,
                _(
                    "Someone else changed this appointment while you were editing. Your changes "
                    "were not saved; the form shows the current values."
                ),
            )
            initial["participants"] = list(cases.filter(pk__in=conflict.current.cases.values("pk")))
            form = AppointmentForm(instance=conflict.current, initial=initial, **form_kwargs)
        else:
            messages.success(request, _("The appointment was saved."))
            return redirect("appointments:detail", pk=appointment.pk)
    return render(
        request,
        "appointments/appointment_form.html",
        {"form": form, "appointment": appointment, "changes": changes},
    )


@require_perm("appointments.view_appointments")
def appointment_detail(request, pk: int):
    appointment = access_appointment(request, pk)
    participants = list(
        appointment.cases.filter(pk__in=cases_visible_to(request.user).values("pk"))
        .select_related("client")
        .order_by("pk")
    )
    hidden = appointment.cases.count() - len(participants)
    do_log_access(
        acting_user=request.user,
        action="appointments.appointment.viewed",
        obj=appointment,
        request=request,
    )
    return render(
        request,
        "appointments/appointment_detail.html",
        {"appointment": appointment, "participants": participants, "hidden": hidden},
    )


# iCalendar -----------------------------------------------------------------------------


def _ics_event(appointment: Appointment, *, host: str, names: bool) -> ics.IcsEvent:
    """The event as it leaves Lotse: case numbers only, unless the user asks for names."""
    cases = getattr(appointment, "visible_cases", [])
    if names:
        people = ", ".join(f"{case.number} ({case.client})" for case in cases)
    else:
        people = ", ".join(case.number for case in cases)
    lines = []
    if people:
        lines.append(_("Cases: %(cases)s") % {"cases": people})
    if appointment.interpreter_id:
        lines.append(_("Interpreter: %(name)s") % {"name": appointment.interpreter.name})
    if names and appointment.note:
        lines.append(appointment.note)
    return ics.IcsEvent(
        uid=f"appointment-{appointment.pk}@{host}",
        start=appointment.starts_at,
        end=appointment.ends_at,
        summary=appointment.title,
        location=appointment.where,
        description="\n".join(lines),
        sequence=appointment.version - 1,
    )


def _ics_response(request, appointments, filename: str, *, names: bool) -> HttpResponse:
    host = request.get_host().split(":")[0] or "lotse"
    body = ics.calendar(
        (_ics_event(a, host=host, names=names) for a in appointments),
        now=timezone.now(),
        name=_("Lotse appointments"),
    )
    response = HttpResponse(body.encode("utf-8"), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


def _with_names(request) -> bool:
    return request.GET.get("names") == "1"


@require_perm("appointments.view_appointments")
def appointment_ics(request, pk: int):
    appointment = access_appointment(request, pk)
    appointment = (
        Appointment.objects.filter(pk=appointment.pk)
        .select_related("location", "interpreter")
        .prefetch_related(_visible_participants(request.user))
        .get()
    )
    names = _with_names(request)
    do_log_access(
        acting_user=request.user,
        action="appointments.appointment.downloaded",
        obj=appointment,
        detail="with names" if names else "",
        request=request,
    )
    return _ics_response(request, [appointment], f"termin-{appointment.pk}.ics", names=names)


@require_perm("appointments.view_appointments")
def calendar_ics(request):
    """The user's own appointments from 30 days back to a year ahead, as one .ics file."""
    now = timezone.now()
    appointments = (
        my_appointments(request.user)
        .filter(
            ends_at__gte=now - dt.timedelta(days=30), starts_at__lte=now + dt.timedelta(days=366)
        )
        .select_related("location", "interpreter")
        .prefetch_related(_visible_participants(request.user))
        .order_by("starts_at", "pk")
    )
    names = _with_names(request)
    do_log_access(
        acting_user=request.user,
        action="appointments.appointment.exported",
        object_type="appointments.appointment",
        object_id="*",
        detail="with names" if names else "",
        request=request,
    )
    return _ics_response(request, appointments, "lotse-termine.ics", names=names)
