"""Authentication as allauth does it, without Django's per-user model permissions.

The signed-in user comes with their organisation and municipality, which nearly every
page and permission rule reads (two queries fewer per request).

Lotse grants rights by role and organisation through its rules (``<app>/permissions.py``),
never through Django's user or group permissions. Django's model backend would still
look those up with two queries on every request that asks ``has_perm``; this backend
answers that there are none.
"""

from __future__ import annotations

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth import get_user_model

from lotse.core.prepared import Markers, prepared


@prepared
def _user_with_organisation(p: Markers):
    """Prepared (lotse.core.prepared): read on every request."""
    return (
        get_user_model()
        ._default_manager.select_related("organisation__municipality")
        .filter(pk=p.int("user"))
    )


class AuthenticationBackend(AllauthBackend):
    def get_user(self, user_id):
        found = _user_with_organisation(user=user_id)
        user = found[0] if found else None
        return user if user is not None and self.user_can_authenticate(user) else None

    def _get_permissions(self, user_obj, obj, from_name) -> set[str]:
        return set()
