"""Optional approval by the team lead for goal agreements and closures."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from lotse.cases import worklist
from lotse.cases.models import Approval, Case, GoalAgreement
from lotse.core.models import ClosureReason
from tests.cases.conftest import step
from tests.cases.factories import make_assessment
from tests.cases.test_goal_agreement import goal_data


@pytest.fixture
def approval_required(world):
    world.municipality_a.approval_required = True
    world.municipality_a.save()


def test_goal_agreement_waits_for_the_team_lead_and_blocks_implementation(
    cm, client, world, approval_required
):
    make_assessment(world.case_a)
    Case.objects.filter(pk=world.case_a.pk).update(phase="planning")
    cm.post(
        reverse("cases:agreement-add", kwargs={"pk": world.case_a.pk}), goal_data(world.case_a, 1)
    )
    agreement = GoalAgreement.objects.get(case=world.case_a)
    assert agreement.status == "pending"
    step(cm, world.case_a, "implementation")
    assert Case.objects.get(pk=world.case_a.pk).phase == "planning"

    items = worklist.items(world.team_lead_a, dt.date(2026, 3, 1))
    approval = Approval.objects.get(goal_agreement=agreement)
    assert [i.url for i in items if i.kind == "approval"] == [
        reverse("cases:approval", kwargs={"pk": approval.pk})
    ]
    cm.logout()
    client.force_login(world.team_lead_a)
    client.post(reverse("cases:approval", kwargs={"pk": approval.pk}), {"decision": "approve"})
    agreement.refresh_from_db()
    assert agreement.status == "agreed"
    assert not [
        i for i in worklist.items(world.team_lead_a, dt.date(2026, 3, 1)) if i.kind == "approval"
    ]


def test_closure_waits_for_approval_and_the_team_lead_closes(cm, client, world, approval_required):
    reason = ClosureReason.objects.get(municipality=world.municipality_a, code="goals-achieved")
    step(cm, world.case_a, "closed", closure_reason=reason.pk)
    case = Case.objects.get(pk=world.case_a.pk)
    assert case.phase == "intake"
    approval = Approval.objects.get(case=case, kind="closure")
    again = step(cm, world.case_a, "closed", closure_reason=reason.pk)
    assert "wartet bereits auf Freigabe" in cm.get(again["Location"]).content.decode()
    assert Approval.objects.filter(case=case).count() == 1

    client.force_login(world.team_lead_a)
    client.post(reverse("cases:approval", kwargs={"pk": approval.pk}), {"decision": "approve"})
    case.refresh_from_db()
    assert (case.phase, case.closure_reason, case.closed_from) == ("closed", reason, "intake")
    assert case.transitions.last().by == world.team_lead_a


def test_a_rejected_closure_leaves_the_case_open(cm, client, world, approval_required):
    reason = ClosureReason.objects.get(municipality=world.municipality_a, code="other")
    step(cm, world.case_a, "closed", closure_reason=reason.pk)
    approval = Approval.objects.get(case=world.case_a)
    client.force_login(world.team_lead_a)
    client.post(
        reverse("cases:approval", kwargs={"pk": approval.pk}),
        {"decision": "reject", "note": "Bitte erst Kontakt versuchen"},
    )
    approval.refresh_from_db()
    assert approval.status == "rejected"
    assert Case.objects.get(pk=world.case_a.pk).phase == "intake"


def test_a_team_lead_closes_without_approval(client, world, approval_required):
    client.force_login(world.team_lead_a)
    reason = ClosureReason.objects.get(municipality=world.municipality_a, code="other")
    step(client, world.case_a, "closed", closure_reason=reason.pk)
    assert Case.objects.get(pk=world.case_a.pk).phase == "closed"


def test_without_the_setting_nothing_waits(cm, world):
    reason = ClosureReason.objects.get(municipality=world.municipality_a, code="other")
    step(cm, world.case_a, "closed", closure_reason=reason.pk)
    assert Case.objects.get(pk=world.case_a.pk).phase == "closed"
    assert not Approval.objects.exists()
