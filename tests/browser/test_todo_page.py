"""A case manager with more to-dos than the start page shows finds all of them one click away."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from lotse.appointments.models import FollowUp
from lotse.core.views import WORKLIST_SHOWN
from tests.appointments.factories import make_follow_up
from tests.browser.conftest import assert_accessible, log_in, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_start_page_shows_the_most_urgent_to_dos_and_the_to_do_page_all(page, world):
    today = timezone.localdate()
    n = WORKLIST_SHOWN + 3
    for i in range(n):  # the first the most overdue, the last due in a few days
        make_follow_up(world.case_a, today - dt.timedelta(days=n - 4 - i), f"Anruf {i:02}")
    log_in(page, world.case_manager_a)

    page.goto("/")
    todo = page.locator("section[aria-labelledby='h-todo']")
    assert todo.get_by_role("link", name="Anruf 00").is_visible()
    assert todo.get_by_role("link", name=f"Anruf {n - 1:02}").count() == 0
    assert_accessible(page)
    screenshot(page, "todo-start-page")

    page.get_by_role("link", name="Alle Aufgaben zeigen").click()
    page.wait_for_url("**/todo/")
    for i in (0, WORKLIST_SHOWN, n - 1):
        assert page.get_by_role("link", name=f"Anruf {i:02}").is_visible()
    assert_accessible(page)
    screenshot(page, "todo-page")

    # Done right in the list: the user stays on the to-do page.
    last = f"Anruf {n - 1:02}"
    page.locator("li", has_text=last).get_by_role("button", name="Erledigt").click()
    page.wait_for_url("**/todo/")
    assert page.get_by_role("link", name=last).count() == 0
    assert FollowUp.objects.get(what=last).is_done
