from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lotse.accounts.permissions import is_case_manager
from lotse.cases.permissions import access_case
from lotse.conferences.actions import do_add_note, do_create_conference, do_end_conference
from lotse.conferences.forms import ConferenceForm, NoteForm
from lotse.conferences.permissions import access_conference
from lotse.conferences.sharing import shared_facts
from lotse.core.views_helpers import require_perm


@require_perm("conferences.run_conference")
def conference_create(request, case_pk: int):
    case = access_case(request, case_pk)
    if not case.is_open:
        raise Http404
    form = ConferenceForm(request.POST or None, case=case)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        conference = do_create_conference(
            acting_user=request.user,
            case=case,
            topic=data["topic"],
            summary=data["summary"],
            shared_parts=data["shared_parts"],
            invited_until=data["invited_until"],
            invitees=list(data["invitees"]),
            request=request,
        )
        messages.success(request, _("The partners are invited."))
        return redirect("conferences:detail", conference.pk)
    return render(request, "conferences/conference_form.html", {"case": case, "form": form})


def _detail_context(request, conference, as_partner: bool, note_form: NoteForm) -> dict:
    return {
        "conference": conference,
        "as_partner": as_partner,
        "runs": conference.runs_on(timezone.localdate()),
        "facts": shared_facts(conference.case, conference.shared_parts),
        "invitations": conference.invitations.select_related("user", "organisation"),
        "notes": conference.notes.all(),
        "note_form": note_form,
    }


@require_perm("conferences.view_conference")
def conference_detail(request, pk: int):
    conference, as_partner = access_conference(request, pk)
    return render(
        request,
        "conferences/conference_detail.html",
        _detail_context(request, conference, as_partner, NoteForm()),
    )


@require_POST
@require_perm("conferences.view_conference")
def note_add(request, pk: int):
    conference, as_partner = access_conference(request, pk)
    if not conference.runs_on(timezone.localdate()):
        messages.error(request, _("The conference has ended; no more notes can be added."))
        return redirect("conferences:detail", conference.pk)
    form = NoteForm(request.POST)
    if form.is_valid():
        do_add_note(
            acting_user=request.user,
            conference=conference,
            text=form.cleaned_data["text"],
            request=request,
        )
        messages.success(request, _("Your note was added."))
        return redirect("conferences:detail", conference.pk)
    return render(
        request,
        "conferences/conference_detail.html",
        _detail_context(request, conference, as_partner, form),
        status=400,
    )


@require_POST
@require_perm("conferences.run_conference")
def conference_end(request, pk: int):
    conference, as_partner = access_conference(request, pk)
    if as_partner or not is_case_manager(request.user):
        raise Http404
    do_end_conference(acting_user=request.user, conference=conference, request=request)
    messages.success(request, _("The conference has ended. The partners no longer see it."))
    return redirect("cases:detail", conference.case_id)
