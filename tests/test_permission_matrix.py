"""Every URL of Lotse, every persona: who gets the page, who gets 404.

The matrix must name every URL in Lotse's own namespaces; a new view that is not
added here fails `test_every_lotse_url_is_in_the_matrix`, so no view can ship
without its permission being decided and tested. A record one may not see
answers 404 (never 403), so its existence does not leak.
"""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import tests
from tests.matrix_common import (
    ADMIN_A,
    ADMINS,
    CASE_WORKERS,
    CLIENT_RECORD,
    EVERYONE,
    PERSONAS,
    PUBLIC,
)

NOT_LOTSE = {"admin"}

# url name -> (kwargs from the world, personas who get 200)
MATRIX = {
    "core:start": (lambda w: {}, EVERYONE),
    "core:todo": (lambda w: {}, EVERYONE),
    "core:healthz": (lambda w: {}, PUBLIC),
    "core:settings": (lambda w: {}, ADMINS),
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


def _collect_app_matrices() -> None:
    """Merge the ``matrix.py`` of every test package into MATRIX (no name twice)."""
    for info in pkgutil.iter_modules(tests.__path__):
        if not info.ispkg:
            continue
        try:
            module = importlib.import_module(f"tests.{info.name}.matrix")
        except ModuleNotFoundError as error:
            if error.name != f"tests.{info.name}.matrix":
                raise
            continue
        twice = set(module.MATRIX) & set(MATRIX)
        assert not twice, f"in the matrix twice: {sorted(twice)}"
        MATRIX.update(module.MATRIX)


_collect_app_matrices()


def _lotse_url_names() -> set[str]:
    names: set[str] = set()

    def walk(patterns, namespace: str | None) -> None:
        for entry in patterns:
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, entry.namespace or namespace)
            elif isinstance(entry, URLPattern) and namespace and namespace not in NOT_LOTSE:
                names.add(f"{namespace}:{entry.name}")

    walk(get_resolver().url_patterns, None)
    return names


def test_every_lotse_url_is_in_the_matrix():
    missing = _lotse_url_names() - set(MATRIX)
    assert not missing, f"URLs without a permission decision in the matrix: {sorted(missing)}"


def _cases():
    for name in MATRIX:
        for persona in PERSONAS:
            yield pytest.param(name, persona, id=f"{name}-{persona}")


@pytest.mark.parametrize(("name", "persona"), list(_cases()))
def test_permission_matrix(client, world, name, persona):
    kwargs_for, allowed, *rest = MATRIX[name]
    method = rest[0] if rest else "get"
    user = world.personas()[persona]
    if user is not None:
        client.force_login(user)
    url = reverse(name, kwargs=kwargs_for(world))
    response = client.post(url) if method == "post" else client.get(url)
    status = response.status_code
    if allowed == PUBLIC:
        ok = status == 200 if method == "get" else status not in (404,) and status < 500
    elif user is None:
        ok = status == 302 and "/accounts/login/" in response["Location"]
    elif allowed == EVERYONE or persona in allowed:
        ok = status == 200 if method == "get" else status != 404 and status < 500
    else:
        ok = status == 404
    assert ok, f"{persona} {method.upper()} {name}: got {status}"
