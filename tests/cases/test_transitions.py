"""Phase transitions through the case page: recorded, explained when refused, reversible."""

from __future__ import annotations

from django.urls import reverse

from lotse.cases.models import Case
from lotse.core.models import ClosureReason
from tests.cases.conftest import step
from tests.cases.factories import make_assessment


def test_case_page_offers_the_next_step_and_closure(cm, world):
    page = cm.get(reverse("cases:detail", kwargs={"pk": world.case_a.pk}))
    html = page.content.decode()
    assert "?to=first_consultation" in html
    assert "?to=closed" in html
    assert "?to=assessment" not in html


def test_a_step_is_recorded_with_who_and_reason_and_shown_in_the_timeline(cm, world):
    response = step(cm, world.case_a, "first_consultation", reason="Termin im Rathaus")
    assert response.status_code == 302
    case = Case.objects.get(pk=world.case_a.pk)
    assert case.phase == "first_consultation"
    assert case.version == 2
    last = case.transitions.last()
    assert (last.from_phase, last.to_phase, last.by) == (
        "intake",
        "first_consultation",
        world.case_manager_a,
    )
    assert last.reason == "Termin im Rathaus"
    page = cm.get(reverse("cases:detail", kwargs={"pk": case.pk}))
    assert "Termin im Rathaus" in page.content.decode()


def test_planning_without_assessment_is_refused_with_a_clear_message(cm, world):
    Case.objects.filter(pk=world.case_a.pk).update(phase="assessment")
    response = step(cm, world.case_a, "planning")
    case = Case.objects.get(pk=world.case_a.pk)
    assert case.phase == "assessment"
    assert case.version == 1
    page = cm.get(response["Location"])
    assert "Planung setzt eine Bestandsaufnahme voraus" in page.content.decode()


def test_case_page_explains_why_planning_is_not_offered_yet(cm, world):
    Case.objects.filter(pk=world.case_a.pk).update(phase="assessment")
    html = cm.get(reverse("cases:detail", kwargs={"pk": world.case_a.pk})).content.decode()
    assert "?to=planning" not in html
    assert "Planung setzt eine Bestandsaufnahme voraus" in html
    make_assessment(world.case_a)
    html = cm.get(reverse("cases:detail", kwargs={"pk": world.case_a.pk})).content.decode()
    assert "?to=planning" in html


def test_closure_needs_a_reason_from_the_list(cm, world):
    response = step(cm, world.case_a, "closed")
    assert response.status_code == 200
    assert "Bitte wählen Sie einen Grund" in response.content.decode()
    assert Case.objects.get(pk=world.case_a.pk).phase == "intake"


def test_closure_and_reopen_return_to_the_phase_the_case_was_closed_in(cm, world):
    reason = ClosureReason.objects.get(municipality=world.municipality_a, code="moved-away")
    step(cm, world.case_a, "first_consultation")
    step(cm, world.case_a, "closed", closure_reason=reason.pk, reason="nach Köln")
    case = Case.objects.get(pk=world.case_a.pk)
    assert (case.phase, case.closed_from, case.closure_reason) == (
        "closed",
        "first_consultation",
        reason,
    )
    assert case.closed_on is not None
    assert case.transitions.last().reason == "Weggezogen: nach Köln"

    refused = step(cm, world.case_a, "first_consultation")
    assert refused.status_code == 200  # the form asks for the reason
    assert Case.objects.get(pk=case.pk).phase == "closed"
    wrong = step(cm, world.case_a, "intake", reason="zurück")
    assert Case.objects.get(pk=case.pk).phase == "closed"
    assert "kehrt in die Phase zurück" in cm.get(wrong["Location"]).content.decode()

    step(cm, world.case_a, "first_consultation", reason="wieder zugezogen")
    case = Case.objects.get(pk=case.pk)
    assert (case.phase, case.closed_from, case.closure_reason, case.closed_on) == (
        "first_consultation",
        "",
        None,
        None,
    )


def test_a_reason_of_another_municipality_is_not_accepted(cm, world):
    foreign = ClosureReason.objects.get(municipality=world.municipality_b, code="moved-away")
    response = step(cm, world.case_a, "closed", closure_reason=foreign.pk)
    assert response.status_code == 200
    assert Case.objects.get(pk=world.case_a.pk).phase == "intake"


def test_a_step_on_an_outdated_page_is_refused_as_a_conflict(cm, world):
    stale = world.case_a.version
    step(cm, world.case_a, "first_consultation")
    response = cm.post(
        reverse("cases:transition", kwargs={"pk": world.case_a.pk}),
        {
            "to": "closed",
            "version": stale,
            "closure_reason": ClosureReason.objects.filter(municipality=world.municipality_a)
            .first()
            .pk,
        },
    )
    assert Case.objects.get(pk=world.case_a.pk).phase == "first_consultation"
    assert (
        "Jemand anderes hat diesen Fall geändert" in cm.get(response["Location"]).content.decode()
    )


def test_a_case_of_someone_else_cannot_be_moved(client, world):
    client.force_login(world.other_case_manager_a)
    response = step(client, world.case_a, "first_consultation")
    assert response.status_code == 404
    assert Case.objects.get(pk=world.case_a.pk).phase == "intake"
