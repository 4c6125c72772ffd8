from __future__ import annotations

import pytest
from django.urls import reverse


@pytest.fixture
def cm(client, world):
    """The test client, logged in as case manager A (who manages case_a)."""
    client.force_login(world.case_manager_a)
    return client


def step(http, case, to: str, **data):
    case.refresh_from_db()
    payload = {"to": to, "version": case.version, **data}
    return http.post(reverse("cases:transition", kwargs={"pk": case.pk}), payload)
