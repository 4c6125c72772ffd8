"""A follow-up on the start page can be marked done with one click from the list."""

import datetime as dt

from django.utils import timezone

from lotse.appointments.models import FollowUp


def test_a_due_follow_up_is_marked_done_from_the_start_page(client, world):
    today = timezone.localdate()
    follow_up = FollowUp.objects.create(
        case=world.case_a, due_on=today - dt.timedelta(days=1), what="Call the Jobcenter"
    )
    client.force_login(world.case_manager_a)
    page = client.get("/").content.decode()
    assert "Call the Jobcenter" in page
    assert 'name="version"' in page
    response = client.post(
        f"/appointments/follow-ups/{follow_up.pk}/?next=/", {"version": follow_up.version}
    )
    assert response.status_code == 302 and response["Location"] == "/"
    follow_up.refresh_from_db()
    assert follow_up.is_done
    assert 'data-kind="follow_up"' not in client.get("/").content.decode()
