"""Who may see interpreters, follow-ups and appointments.

Follow-ups and appointments follow the cases: whoever may see a case sees its
follow-ups and the appointments it takes part in (the organiser always sees their
own). The interpreter pool is no client data: case workers and coordinators of the
municipality see it; team leads and coordinators manage it.
"""

from __future__ import annotations

from collections.abc import Collection

import rules
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest

from lotse.accounts.permissions import is_case_manager, is_coordinator, is_team_lead
from lotse.appointments.models import Appointment, FollowUp, Interpreter
from lotse.cases.models import Case
from lotse.cases.permissions import cases_visible_to, cases_worked_on_by

rules.add_perm("appointments.view_interpreters", is_case_manager | is_coordinator)
rules.add_perm("appointments.manage_interpreters", is_team_lead | is_coordinator)
rules.add_perm("appointments.view_appointments", is_case_manager)


def interpreters_visible_to(user) -> QuerySet[Interpreter]:
    if not user.has_perm("appointments.view_interpreters"):
        return Interpreter.objects.none()
    return Interpreter.objects.filter(municipality_id=user.organisation.municipality_id)


def interpreters_managed_by(user) -> QuerySet[Interpreter]:
    if not user.has_perm("appointments.manage_interpreters"):
        return Interpreter.objects.none()
    return Interpreter.objects.filter(municipality_id=user.organisation.municipality_id)


def follow_ups_visible_to(user) -> QuerySet[FollowUp]:
    return FollowUp.objects.filter(case__in=cases_visible_to(user).values("pk"))


def _organised_or_taking_part(
    user, cases: QuerySet[Case] | Collection[int]
) -> QuerySet[Appointment]:
    """Appointments `user` organises or one of `cases` (a queryset or case ids) takes part in.

    The ids come from a UNION of two index lookups; ``organiser = me OR id IN (...)``
    would make the database read every appointment of the municipality.
    """
    return organised_or_taking_part(user.pk, user.organisation.municipality_id, cases)


def organised_or_taking_part(
    user_id: int, municipality_id: int, cases: QuerySet[Case] | Collection[int]
) -> QuerySet[Appointment]:
    """The rule above from ids (a prepared query builds it from markers)."""
    organised = Appointment.objects.filter(organiser_id=user_id).values("pk")
    through = Appointment.cases.through.objects
    by_case = (
        Q(case__in=cases.values("pk")) if isinstance(cases, QuerySet) else Q(case_id__any=cases)
    )
    taking_part = through.filter(by_case).values("appointment_id")
    return Appointment.objects.filter(
        municipality_id=municipality_id, pk__any=organised.union(taking_part)
    )


def appointments_visible_to(user) -> QuerySet[Appointment]:
    if not user.has_perm("appointments.view_appointments"):
        return Appointment.objects.none()
    return _organised_or_taking_part(user, cases_visible_to(user))


def my_appointments(user) -> QuerySet[Appointment]:
    """Appointments the user organises or in which one of their own cases takes part."""
    if not user.has_perm("appointments.view_appointments"):
        return Appointment.objects.none()
    return _organised_or_taking_part(user, cases_worked_on_by(user))


def access_appointment(request: HttpRequest, pk: int) -> Appointment:
    appointment = (
        appointments_visible_to(request.user)
        .select_related("location", "interpreter", "organiser")
        .filter(pk=pk)
        .first()
    )
    if appointment is None:
        raise Http404
    return appointment


def access_follow_up(request: HttpRequest, pk: int) -> FollowUp:
    follow_up = (
        follow_ups_visible_to(request.user)
        .select_related("case__client", "done_by")
        .filter(pk=pk)
        .first()
    )
    if follow_up is None:
        raise Http404
    return follow_up
