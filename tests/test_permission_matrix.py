"""Every URL of Lotse, every persona: who gets the page, who gets 404.

The matrix must name every URL in Lotse's own namespaces; a new view that is not
added here fails `test_every_lotse_url_is_in_the_matrix`, so no view can ship
without its permission being decided and tested. A record one may not see
answers 404 (never 403), so its existence does not leak.
"""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

LOTSE_NAMESPACES = {"core", "people", "cases", "audit", "accounts"}
EVERYONE = "everyone logged in"
PUBLIC = "public"

CLIENT_RECORD = {"case_manager_a", "team_lead_a"}
CASE_WORKERS = {"case_manager_a", "other_case_manager_a", "team_lead_a"}
ADMIN_A = {"admin_a"}

# url name -> (kwargs from the world, personas who get 200)
MATRIX = {
    "core:start": (lambda w: {}, EVERYONE),
    "core:healthz": (lambda w: {}, PUBLIC),
    "core:settings": (lambda w: {}, {"admin_a", "admin_b"}),
    "core:settings-list": (lambda w: {"kind": "districts"}, {"admin_a", "admin_b"}),
    "core:settings-add": (lambda w: {"kind": "districts"}, {"admin_a", "admin_b"}),
    "core:settings-edit": (lambda w: {"kind": "districts", "pk": w.district_a.pk}, ADMIN_A),
    "people:list": (lambda w: {}, CASE_WORKERS | {"case_manager_b"}),
    "people:detail": (lambda w: {"pk": w.client_a.pk}, CLIENT_RECORD),
    "cases:detail": (lambda w: {"pk": w.case_a.pk}, CLIENT_RECORD),
    "audit:log": (lambda w: {}, {"admin_a", "admin_b"}),
    "audit:export": (lambda w: {}, {"admin_a", "admin_b"}),
    "accounts:list": (lambda w: {}, {"admin_a", "admin_b"}),
    "accounts:create": (lambda w: {}, {"admin_a", "admin_b"}),
    "accounts:edit": (lambda w: {"pk": w.case_manager_a.pk}, ADMIN_A),
}


def _lotse_url_names() -> set[str]:
    names: set[str] = set()

    def walk(patterns, namespace: str | None) -> None:
        for entry in patterns:
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, entry.namespace or namespace)
            elif isinstance(entry, URLPattern) and namespace in LOTSE_NAMESPACES:
                names.add(f"{namespace}:{entry.name}")

    walk(get_resolver().url_patterns, None)
    return names


def test_every_lotse_url_is_in_the_matrix():
    missing = _lotse_url_names() - set(MATRIX)
    assert not missing, f"URLs without a permission decision in the matrix: {sorted(missing)}"


def _cases():
    for name in MATRIX:
        for persona in [
            "anonymous",
            "case_manager_a",
            "other_case_manager_a",
            "team_lead_a",
            "coordinator_a",
            "authority_staff_a",
            "partner_staff_a",
            "admin_a",
            "case_manager_b",
            "admin_b",
            "outsider",
        ]:
            yield pytest.param(name, persona, id=f"{name}-{persona}")


@pytest.mark.parametrize(("name", "persona"), list(_cases()))
def test_permission_matrix(client, world, name, persona):
    kwargs_for, allowed = MATRIX[name]
    user = world.personas()[persona]
    if user is not None:
        client.force_login(user)
    response = client.get(reverse(name, kwargs=kwargs_for(world)))
    if allowed == PUBLIC:
        expected = 200
    elif user is None:
        expected = 302
    elif allowed == EVERYONE or persona in allowed:
        expected = 200
    else:
        expected = 404
    assert response.status_code == expected, (
        f"{persona} on {name}: expected {expected}, got {response.status_code}"
    )
    if expected == 302:
        assert "/accounts/login/" in response["Location"]
