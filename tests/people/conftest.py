from __future__ import annotations

import pytest

from lotse.people.indexing import sync_keys
from tests.conftest import make_client


@pytest.fixture
def client_of(world):
    """A client of KIM A created by case manager A, with its lookup keys."""

    def make(**fields):
        created_by = fields.pop("created_by", world.case_manager_a)
        client = make_client(world.municipality_a, world.kim_a, created_by, **fields)
        sync_keys([client])
        return client

    return make


@pytest.fixture
def logged_in(client):
    def login(user):
        client.force_login(user)
        return client

    return login
