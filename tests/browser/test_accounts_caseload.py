"""Team leads and coordinators open the caseload from the menu."""

from __future__ import annotations

import pytest

from lotse.accounts.models import Location
from tests.browser.conftest import assert_accessible, log_in, screenshot
from tests.conftest import make_case, make_client

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("persona", ["team_lead_a", "coordinator_a"])
def test_caseload_per_location_against_fte(page, world, persona):
    haus = Location.objects.create(organisation=world.kim_a, name="Haus International", fte="0.5")
    for _ in range(3):
        client = make_client(world.municipality_a, world.kim_a, world.other_case_manager_a)
        make_case(client, world.other_case_manager_a, location=haus)
    log_in(page, world.personas()[persona])
    page.get_by_role("link", name="Fallbelastung").click()
    page.wait_for_url("**/caseload/")
    row = page.get_by_role("row").filter(has_text="Haus International")
    assert "6,0" in row.inner_text()  # 3 open cases on half a position
    assert_accessible(page)
    screenshot(page, f"caseload-{persona}")
