"""The referral network for coordinators: right figures, small counts hidden, no client data."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from lotse.referrals.network import Row, summarise
from tests.conftest import make_case, make_client
from tests.referrals.factories import make_referral

pytestmark = pytest.mark.django_db

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def _row(status: str, days: float | None = None, to_kind="welfare", org=1) -> Row:
    answered = T0 + dt.timedelta(days=days) if days is not None else None
    return Row("integration_centre", to_kind, org, status, T0, answered)


def test_acceptance_rate_counts_done_as_accepted_and_ignores_waiting_ones():
    figures = summarise(
        [_row("accepted", 1), _row("done", 2), _row("declined", 3), _row("sent")]
    ).total
    assert (figures.referrals, figures.accepted, figures.declined, figures.waiting) == (4, 2, 1, 1)
    assert figures.acceptance_rate == pytest.approx(2 / 3)


def test_median_waiting_time_is_from_sent_to_answer_of_answered_referrals():
    rows = [_row("accepted", d) for d in (1, 2, 10)] + [_row("declined", 4), _row("sent")]
    assert summarise(rows).total.median_wait_days == pytest.approx(3.0)


def test_figures_are_grouped_by_kinds_and_by_receiving_organisation():
    rows = [_row("accepted", 1, "welfare", 7)] * 2 + [_row("declined", 2, "jobcenter", 8)]
    network = summarise(rows)
    assert network.by_kinds[("integration_centre", "welfare")].referrals == 2
    assert network.by_kinds[("integration_centre", "jobcenter")].declined == 1
    assert network.by_organisation[8].referrals == 1


def test_small_counts_are_shown_as_below_five_and_small_bases_hide_rate_and_median():
    shown = summarise([_row("accepted", 1)] * 3 + [_row("declined", 2)] * 6).total.shown()
    assert shown == {
        "referrals": "9",
        "accepted": "< 5",
        "declined": "6",
        "waiting": "0",
        "acceptance_rate": "33 %",
        "median_wait_days": "2.0",
    }
    few = summarise([_row("accepted", 1)] * 4).total.shown()
    assert (few["referrals"], few["acceptance_rate"], few["median_wait_days"]) == ("< 5", "–", "–")


def _answered(world, status: str, days: float, organisation) -> None:
    client = make_client(world.municipality_a, world.kim_a, world.case_manager_a)
    case = make_case(client, world.case_manager_a)
    sent = timezone.now() - dt.timedelta(days=30)
    make_referral(
        case,
        organisation,
        status=status,
        sent_at=sent,
        answered_at=sent + dt.timedelta(days=days) if status != "sent" else None,
    )


@pytest.fixture
def network_world(world):
    for days in (1, 2, 3, 4, 5):
        _answered(world, "accepted", days, world.welfare_a)
    _answered(world, "declined", 9, world.welfare_a)
    _answered(world, "sent", 0, world.authority_a)
    make_referral(world.case_a, world.authority_a, status="proposed")  # never left the case
    make_referral(world.case_b, world.kim_b)  # another municipality
    return world


def test_coordinator_sees_the_network_of_the_municipality_without_client_names(
    client, network_world, django_assert_max_num_queries
):
    w = network_world
    client.force_login(w.coordinator_a)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("referrals:network"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "AWO A" in page and "Ausländerbehörde A" in page and "KIM B" not in page
    assert "83 %" in page  # 5 of 6 answered referrals accepted
    assert "3.5" in page  # median of 1, 2, 3, 4, 5, 9 days
    assert "Haddad" not in page and "Family" not in page


def test_network_csv_has_the_same_suppressed_figures(client, network_world):
    client.force_login(network_world.team_lead_a)
    response = client.get(reverse("referrals:network-export"))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    by_org = {r["organisation"]: r for r in rows if r["table"] == "organisation"}
    assert by_org["AWO A"]["referrals"] == "6"
    assert by_org["AWO A"]["acceptance_rate"] == "83 %"
    assert by_org["Ausländerbehörde A"]["referrals"] == "< 5"
    assert by_org["Ausländerbehörde A"]["median_wait_days"] == "–"
    total = next(r for r in rows if r["table"] == "total")
    assert total["referrals"] == "7"  # the proposed one and municipality B's are not counted
    assert "Haddad" not in response.content.decode()


def test_the_network_is_in_the_menu_of_coordinators_and_team_leads_only(client, world):
    url = reverse("referrals:network")
    for user, shown in ((world.coordinator_a, True), (world.case_manager_a, False)):
        client.force_login(user)
        assert (url in client.get(reverse("core:start")).content.decode()) is shown
