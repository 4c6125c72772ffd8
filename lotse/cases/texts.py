"""What the reason codes of rules.py mean, in the user's language."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext_lazy as _

REASON_TEXTS = {
    "already_closed": _("The case is already closed."),
    "closure_needs_reason": _("Please choose a reason for the closure."),
    "closure_pending": _("A closure of this case is already waiting for approval."),
    "reopen_needs_reason": _("Please give a reason for reopening the case."),
    "reopen_to_previous_phase": _("A reopened case returns to the phase in which it was closed."),
    "not_a_next_phase": _("This step cannot follow the current phase."),
    "planning_needs_assessment": _(
        "Planning needs an assessment: please record an assessment first."
    ),
    "implementation_needs_goal_agreement": _(
        "Implementation needs an agreed goal agreement: please record one first."
    ),
    "already_decided": _("This request has already been decided."),
    "not_the_team_lead": _("Only a team lead of the case's organisation can decide this."),
    "own_request": _("You cannot approve your own request."),
    "case_closed": _("The case is closed."),
    "other_organisation": _("The case can only be handed over within its organisation."),
    "not_a_case_worker": _("The person chosen does not work as a case manager."),
    "already_case_manager": _("This person already manages the case."),
    "same_organisation": _(
        "The case already belongs to this organisation: use a handover instead."
    ),
    "other_municipality": _("A case cannot leave its municipality."),
    "transfer_needs_consent": _(
        "The client has no consent in force for a transfer to this organisation. "
        "Please record the consent first."
    ),
    "transfer_pending": _("A transfer of this case is already waiting for an answer."),
    "version_conflict": _(
        "Someone else changed this case while you were working on it. Nothing was saved: "
        "please look at the current state and try again."
    ),
}


def reason_texts(codes: Iterable[str]) -> list[str]:
    return [str(REASON_TEXTS.get(code, code)) for code in codes]
