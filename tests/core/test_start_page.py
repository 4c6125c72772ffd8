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
