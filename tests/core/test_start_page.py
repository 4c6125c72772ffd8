"""The start page lists a case manager's open cases, longest without contact first."""

import datetime as dt

from django.utils import timezone

from tests.conftest import make_case, make_client


def _rows(page: str) -> list[str]:
    table = page.split("Open cases, longest without contact first", 1)[1].split("</table>", 1)[0]
    return table.split("<tr")[2:]  # after the caption and the header row


def test_open_cases_come_longest_without_contact_first_and_quiet_ones_are_flagged(
    client, world, settings
):
    settings.LANGUAGE_CODE = "en"
    today = timezone.localdate()
    weeks = world.municipality_a.no_contact_weeks
    cm = world.case_manager_a
    world.case_a.last_contact_on = today - dt.timedelta(days=2)
    world.case_a.save()

    def case(name, **fields):
        c = make_client(world.municipality_a, world.kim_a, cm, family_name=name)
        return make_case(c, cm, **fields)

    case("Recent", opened_on=today - dt.timedelta(days=400), last_contact_on=today)
    # Never contacted, but opened long ago: counts from the opening, so it comes first.
    case("Never", opened_on=today - dt.timedelta(weeks=weeks + 10), last_contact_on=None)
    case(
        "Old",
        opened_on=today - dt.timedelta(days=900),
        last_contact_on=today - dt.timedelta(weeks=weeks + 1),
    )
    case("Fresh", opened_on=today - dt.timedelta(days=3), last_contact_on=None)
    case("Closed", opened_on=today - dt.timedelta(days=999), phase="closed")
    theirs = make_client(world.municipality_a, world.kim_a, cm, family_name="Theirs")
    make_case(theirs, world.other_case_manager_a, opened_on=today - dt.timedelta(days=999))
    client.force_login(cm)
    rows = _rows(client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode())
    names = [next(n for n in ("Never", "Old", "Haddad", "Fresh", "Recent") if n in r) for r in rows]
    assert names == ["Never", "Old", "Fresh", "Haddad", "Recent"]
    flagged = [f"No contact for {weeks} weeks" in r for r in rows]
    assert flagged == [True, True, False, False, False]


def test_start_page_shows_the_most_urgent_to_dos_and_links_to_all_of_them(client, world, settings):
    from lotse.core.views import WORKLIST_SHOWN
    from tests.appointments.factories import make_follow_up

    settings.LANGUAGE_CODE = "en"
    today = timezone.localdate()
    cm = world.case_manager_a
    n = WORKLIST_SHOWN + 5
    for i in range(n):  # the first is the most overdue, the last due in a few days
        make_follow_up(
            world.case_a, due_on=today - dt.timedelta(days=n - 3 - i), what=f"Task {i:02}"
        )
    client.force_login(cm)

    start = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    shown = [f"Task {i:02}" for i in range(n) if f"Task {i:02}<" in start]
    assert shown == [f"Task {i:02}" for i in range(WORKLIST_SHOWN)]
    assert "Show all to-dos" in start

    everything = client.get("/todo/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert all(f"Task {i:02}<" in everything for i in range(n))
    positions = [everything.index(f"Task {i:02}<") for i in range(n)]
    assert positions == sorted(positions), "most urgent first"


def test_start_page_has_no_link_to_all_to_dos_when_it_shows_them_all(client, world, settings):
    from tests.appointments.factories import make_follow_up

    settings.LANGUAGE_CODE = "en"
    make_follow_up(world.case_a, due_on=timezone.localdate(), what="Only task")
    client.force_login(world.case_manager_a)
    start = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Only task" in start
    assert "Show all to-dos" not in start


def test_the_to_do_page_is_in_the_access_log_like_the_start_page(client, world):
    from lotse.audit.models import AccessLogEntry

    client.force_login(world.case_manager_a)
    assert client.get("/todo/").status_code == 200
    entry = AccessLogEntry.objects.filter(action="cases.worklist.viewed").latest("pk")
    assert entry.user_id == world.case_manager_a.pk


def test_a_team_lead_sees_the_teams_open_cases_a_case_manager_only_their_own(
    client, world, settings
):
    settings.LANGUAGE_CODE = "en"
    today = timezone.localdate()
    theirs = make_client(world.municipality_a, world.kim_a, world.other_case_manager_a)
    theirs.family_name = "Theirs"
    theirs.save()
    make_case(theirs, world.other_case_manager_a, opened_on=today - dt.timedelta(days=999))
    make_case(theirs, world.other_case_manager_a, phase="closed")

    client.force_login(world.team_lead_a)
    lead = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "2 open cases" in lead
    assert "Theirs" in _rows(lead)[0]  # the team's, longest without contact first

    client.force_login(world.case_manager_a)
    own = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "1 open case" in own
    assert not any("Theirs" in row for row in _rows(own))
